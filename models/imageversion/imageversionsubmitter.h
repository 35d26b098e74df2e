#pragma once

// Turns a draft into the PUT of a gallery image version and runs it: the long-running operation, then the
// replication to every target region. Shared by the wizard's Review page and `cmkwizard create`.

#include "arm/armclient.h"
#include "arm/resources.h"
#include "draft/draftsubmitter.h"
#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUrl>

namespace cmk {

/// The exact request that creates the image version.
struct ImageVersionRequest {
    QString path;        ///< /subscriptions/.../galleries/G/images/D/versions/V
    QUrl url;            ///< endpoint + path + ?api-version=... (ArmClient::urlForPath)
    nlohmann::json body; ///< the PUT body
    ArmError error;      ///< a name in the draft cannot be part of an ARM path
    bool ok() const { return !error.isError(); }
    /// The body as the user sees it (pretty-printed, UTF-8).
    QString bodyText() const;
};

/// Path of the image definition / gallery / version the draft points at (empty + error on bad names).
QString imageDefinitionPath(const ImageVersionDraft &draft, ArmError *error = nullptr);
QString imageVersionPath(const ImageVersionDraft &draft, ArmError *error = nullptr);
/// The typed resource sent in the PUT body.
GalleryImageVersion toGalleryImageVersion(const ImageVersionDraft &draft);
/// The request; its URL is rendered by `client` (ArmClient::urlForPath), empty without one.
ImageVersionRequest buildImageVersionRequest(const ImageVersionDraft &draft,
                                             const ArmClient *client = nullptr);

class ImageVersionSubmitter : public DraftSubmitter {
    Q_OBJECT
public:
    explicit ImageVersionSubmitter(ArmClient *client, QObject *parent = nullptr);

    void setReplicationPollIntervalMs(int ms) { m_pollIntervalMs = ms; }
    /// The request submit() would send for `draft`, its URL on this submitter's client.
    ImageVersionRequest requestFor(const ImageVersionDraft &draft) const;
    /// Sends the PUT. Returns false (and finishes at once, error set) when the draft cannot form a request.
    bool submit(const ImageVersionDraft &draft);
    /// Sends the PATCH of an update draft (buildImageVersionUpdateRequest), then follows the replication as
    /// submit() does. Returns false (and finishes at once, error set) when the draft cannot form a request.
    bool submitUpdate(const ImageVersionDraft &draft, bool allowRegionRemoval = false);
    bool isUpdate() const { return m_updating; }
    /// Stops polling and aborts what is in flight.
    void cancel() override;

    const ImageVersionRequest &request() const { return m_request; }
    QString aggregatedReplicationState() const { return m_aggregated; }
    const std::vector<RegionalReplicationStatus> &replication() const { return m_replication; }
    QString stageText() const override;

Q_SIGNALS:
    void replicationChanged();

private:
    void onOperationFinished(ArmOperation *operation);
    void pollReplication();
    void onReplicationRead(ArmReply *reply);
    void applyVersion(const nlohmann::json &body);
    /// Whether a failure of the PUT or of its polling leaves the outcome unknown, so the version itself must
    /// be read before saying anything (a lost answer, a restarted service that forgot the operation...).
    bool outcomeUnknownAfter(const ArmError &error) const;
    /// Reads the version after such a failure and ends with what it really is.
    void checkVersionAfter(const ArmError &error);
    void onVersionChecked(ArmReply *reply, const ArmError &original);
    /// Whether `resource` is the version this submission asked for (same source and target regions).
    bool isRequestedVersion(const nlohmann::json &resource) const;

    ImageVersionRequest m_request;
    QString m_aggregated;
    std::vector<RegionalReplicationStatus> m_replication;
    QTimer m_pollTimer;
    int m_pollIntervalMs = 2000;
    bool m_updating = false; ///< the last submission was an update (PATCH)
};

} // namespace cmk
