#pragma once

// Turns a draft into the PUT of a gallery image version and runs it: the long-running operation, then the
// replication to every target region. Shared by the wizard's Review page and `cmkwizard create`.

#include "arm/armclient.h"
#include "arm/resources.h"
#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace cmk {

/// The exact request that creates the image version.
struct ImageVersionRequest {
    QString path;        ///< /subscriptions/.../galleries/G/images/D/versions/V
    QUrl url;            ///< endpoint + path + ?api-version=...
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
ImageVersionRequest buildImageVersionRequest(const ImageVersionDraft &draft, const QUrl &endpoint);

class ImageVersionSubmitter : public QObject {
    Q_OBJECT
public:
    enum class Stage {
        Idle,
        Provisioning, ///< the PUT was sent; its long-running operation is polled
        Replicating,  ///< the version exists; replication to the target regions is polled
        Succeeded,
        Failed,
        Canceled, ///< the user stopped watching; what was sent goes on in Azure
    };
    Q_ENUM(Stage)

    explicit ImageVersionSubmitter(ArmClient *client, QObject *parent = nullptr);
    ~ImageVersionSubmitter() override;

    void setReplicationPollIntervalMs(int ms) { m_pollIntervalMs = ms; }
    /// Sends the PUT. Returns false (and finishes at once, error set) when the draft cannot form a request.
    bool submit(const ImageVersionDraft &draft);
    /// Stops polling and aborts what is in flight.
    void cancel();

    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_stage == Stage::Provisioning || m_stage == Stage::Replicating; }
    QString operationStatus() const { return m_operationStatus; }
    const ArmError &error() const { return m_error; }
    QString resourceId() const { return m_resourceId; }
    const ImageVersionRequest &request() const { return m_request; }
    QString aggregatedReplicationState() const { return m_aggregated; }
    const std::vector<RegionalReplicationStatus> &replication() const { return m_replication; }
    /// Translated one-line description of the current stage.
    QString stageText() const;

Q_SIGNALS:
    void stageChanged(cmk::ImageVersionSubmitter::Stage stage);
    void operationStatusChanged(const QString &status);
    void replicationChanged();
    void finished();

private:
    void setStage(Stage stage);
    void fail(const ArmError &error);
    void onOperationFinished();
    void pollReplication();
    void applyVersion(const nlohmann::json &body);
    /// Whether a failure of the PUT or of its polling leaves the outcome unknown, so the version itself must
    /// be read before saying anything (a lost answer, a restarted service that forgot the operation...).
    bool outcomeUnknownAfter(const ArmError &error) const;
    /// Reads the version after such a failure and ends with what it really is.
    void checkVersionAfter(const ArmError &error);
    /// Whether `resource` is the version this submission asked for (same source and target regions).
    bool isRequestedVersion(const nlohmann::json &resource) const;

    QPointer<ArmClient> m_client;
    ImageVersionRequest m_request;
    Stage m_stage = Stage::Idle;
    QString m_operationStatus;
    ArmError m_error;
    QString m_resourceId;
    QString m_aggregated;
    std::vector<RegionalReplicationStatus> m_replication;
    QPointer<ArmOperation> m_operation;
    QPointer<ArmReply> m_poll;
    QTimer m_pollTimer;
    int m_pollIntervalMs = 2000;
    bool m_accepted = false; ///< the PUT's initial answer arrived (the operation exists in Azure)
};

} // namespace cmk
