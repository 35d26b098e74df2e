#pragma once

// Checks a draft against live data before it is submitted without the wizard (`cmkwizard create`): the image
// definition exists, the version does not, the source exists in the subscription and location with the data
// disks the draft encrypts, every target region exists, and every DES is in its region, in the subscription,
// of the chosen type. The wizard checks the same things page by page as the user chooses.

#include "arm/armclient.h"
#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QDate>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>

namespace cmk {

class ImageVersionLiveCheck : public QObject {
    Q_OBJECT
public:
    explicit ImageVersionLiveCheck(ArmClient *client, QObject *parent = nullptr);
    ~ImageVersionLiveCheck() override;

    /// Starts the reads (in parallel); finished() follows.
    void start(const ImageVersionDraft &draft, const QDate &today = QDate::currentDate());
    void abort();

    bool isFinished() const { return m_pending == 0 && m_started; }
    /// What is wrong with the draft (translated sentences); empty when it may be submitted.
    QStringList reasons() const { return m_reasons; }
    /// A read failed for another reason than "not found" (network, permissions, authentication...).
    const ArmError &error() const { return m_error; }
    /// Azure CLI and PowerShell commands that create a set in each target region that has none of the
    /// draft's type (the reasons refer to them); empty when none is missing.
    QString missingDesCommands() const { return m_missingDesCommands; }

Q_SIGNALS:
    void finished();

private:
    void get(const QString &path, std::function<void(const ArmReply &)> onDone);
    void list(const QString &path, std::function<void(const nlohmann::json &all)> onDone);
    void done();
    bool recordFailure(const ArmError &error, const QString &notFoundReason);
    /// A version using customer-managed keys in a shared gallery (seed limitation 3).
    void checkGallerySharing();
    void checkSource(const QString &id, const QString &what, bool isDataSnapshot);
    void evaluate();

    QPointer<ArmClient> m_client;
    ImageVersionDraft m_draft;
    QDate m_today;
    QList<QPointer<QObject>> m_inFlight;
    int m_pending = 0;
    bool m_started = false;
    QStringList m_reasons;
    QString m_missingDesCommands;
    ArmError m_error;
    QStringList m_existingVersions;
    bool m_versionsLoaded = false;
    QStringList m_locations;
    bool m_locationsLoaded = false;
    nlohmann::json m_desList = nlohmann::json::array();
    bool m_desLoaded = false;
    QList<int> m_liveSourceLuns;
    bool m_sourceLunsKnown = false;
};

} // namespace cmk
