#pragma once

// Support-staff review of an existing image version: how each disk is encrypted in each target region, and
// what is wrong with it. VersionReviewer loads the version (with its replication status), every disk
// encryption set it references (each by its own GET: a 404 means the set no longer exists) and its source;
// ReviewAnalysis turns that into findings. ReviewReport renders the result as text, JSON (schema in
// docs/review-schema.md) and printable HTML. No widgets here.

#include "arm/armclient.h"
#include "arm/resources.h"
#include "imageversion/imageversiondraft.h"
#include "keyvault/deshealth.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

namespace cmk {

/// A disk encryption set as the review found it.
struct ReviewedDes {
    enum class State { Found, Missing, Unreadable };
    QString id;
    State state = State::Found;
    DiskEncryptionSet des; ///< State::Found only
    QString error;         ///< State::Unreadable: the service's message
    bool hasActiveKey() const { return state == State::Found && !des.keyUrl.isEmpty(); }
    QString keyVaultName() const; ///< from the vault id, else from the key URL's host
    QString keyName() const;      ///< ".../keys/NAME/VERSION"
    QString keyVersion() const;   ///< empty when the key URL has no version
};

/// The source resource(s) and whether they still exist.
struct ReviewedSource {
    QString id;
    int lun = -1; ///< data-disk snapshots: their LUN; -1 otherwise
    bool checked = false;
    bool exists = false;
    QString error; ///< why it could not be checked (other than 404)
};

struct ReviewDisk {
    int lun = -1;  ///< -1: OS disk
    QString desId; ///< empty: platform-managed key
};

struct ReviewRegion {
    QString name;
    int replicaCount = 1;
    QString storageAccountType;
    bool excludeFromLatest = false;
    bool hasReplicationStatus = false;
    QString replicationState;
    int replicationProgress = 0;
    QString replicationDetails;
    QList<ReviewDisk> disks; ///< the OS disk first, then each data disk by LUN
    /// Confidential VM images: encryption.osDiskImage.securityProfile (empty when none).
    QString confidentialVmEncryptionType;
    QString secureVmDesId;
    QString desFor(int lun) const;
};

struct ReviewFinding {
    Q_GADGET
public:
    enum class Severity { Info, Warning, Error };
    Q_ENUM(Severity)
    QString code; ///< stable key, see docs/review-schema.md
    Severity severity = Severity::Warning;
    QString region;  ///< empty when not about one region
    int lun = -2;    ///< -2: no disk; -1: OS disk; >= 0: data disk
    QString desId;   ///< empty when not about one DES
    QString message; ///< translated, a complete explanation
};

struct VersionReview {
    QString versionId;
    GalleryImageVersion version;
    QString subscriptionId, resourceGroup, galleryName, imageDefinitionName, versionName;
    SourceKind sourceKind = SourceKind::ManagedImage;
    bool sourceKnown = false;
    QList<ReviewedSource> sources; ///< the OS source first, then data-disk snapshots
    std::optional<Gallery> gallery; ///< the gallery it is in, when it could be read (its sharing)
    QList<int> dataDiskLuns;
    QList<ReviewRegion> regions;
    QMap<QString, ReviewedDes> desById; ///< key: lower-case id
    QList<ReviewFinding> findings;      ///< most severe first
    /// The health of the keys of the sets it uses (found ones), in matrix order; empty unless the reviewer
    /// was asked to check them (VersionReviewer::setCheckKeyHealth).
    std::vector<DesHealth> keyHealth;
    QDateTime reviewedAt;               ///< UTC

    const ReviewedDes *des(const QString &id) const;
    int count(ReviewFinding::Severity severity) const;
    /// The draft that would create the same version (for export); `notes` gets what it cannot hold.
    ImageVersionDraft toDraft(QStringList *notes = nullptr) const;
};

class ReviewAnalysis {
    Q_DECLARE_TR_FUNCTIONS(ReviewAnalysis)
public:
    /// Fills regions, dataDiskLuns and sources from `review.version`.
    static void buildMatrix(VersionReview &review);
    /// Every finding, most severe first.
    static QList<ReviewFinding> findings(const VersionReview &review, const QDate &today);
    static QString severityKey(ReviewFinding::Severity severity);   ///< "error", "warning", "info"
    static QString severityLabel(ReviewFinding::Severity severity); ///< translated
    static QString diskLabel(int lun);                              ///< translated
    static QString sourceKindLabel(SourceKind kind);                ///< translated
    /// A set as the answer to its GET says: found, missing (404) or unreadable (another error).
    static void readDes(const ArmReply &reply, ReviewedDes &des);
    /// A source as the answer to its GET says: it exists, no longer exists (404), or could not be read.
    static void readSource(const ArmReply &reply, ReviewedSource &source);
};

class DiskEncryptionSetHealthCheck;

class VersionReviewer : public QObject {
    Q_OBJECT
public:
    explicit VersionReviewer(ArmClient *client, QObject *parent = nullptr);
    ~VersionReviewer() override;

    /// Starts loading; finished() follows (also on error). `today` decides whether end of life has passed.
    void start(const QString &versionId, const QDate &today = QDate::currentDate());
    void abort();
    /// Also checks the keys of the sets the version uses (models/keyvault/deshealthcheck.h) before
    /// finished(): the review window and its reports show their health. Off by default.
    void setCheckKeyHealth(bool check) { m_checkKeyHealth = check; }
    bool isRunning() const { return m_running; }
    const ArmError &error() const { return m_error; } ///< the version itself could not be read
    const VersionReview &review() const { return m_review; }

    /// Why `id` is not an image version ID (translated), empty when it is one.
    static QString versionIdProblem(const QString &id);

Q_SIGNALS:
    void progress(const QString &text);
    void finished();

private:
    void onVersion(ArmReply *reply);
    void fetchDes(const QString &id);
    void fetchSource(int index);
    void fetchGallery();
    void settle();
    void checkKeyHealth();
    void finish(const ArmError &error = {});

    QPointer<ArmClient> m_client;
    VersionReview m_review;
    ArmError m_error;
    QDate m_today;
    bool m_running = false;
    bool m_checkKeyHealth = false;
    QPointer<DiskEncryptionSetHealthCheck> m_keyCheck;
    int m_pending = 0;
    QList<QPointer<ArmReply>> m_replies;
};

class ReviewReport {
    Q_DECLARE_TR_FUNCTIONS(ReviewReport)
public:
    static constexpr int schemaVersion = 1;
    static QString text(const VersionReview &review);
    static nlohmann::json json(const VersionReview &review);
    /// One entry of json()'s "findings" (docs/review-schema.md); the fleet audit's report uses it too.
    static nlohmann::json findingJson(const ReviewFinding &finding);
    /// HTML that QTextDocument renders (tables, no CSS beyond what it supports), for print and PDF.
    static QString html(const VersionReview &review);
    /// The "key health" section of html(); empty when the keys were not checked.
    static QString keyHealthHtml(const VersionReview &review);
    /// A region's replication, "Completed (100 %)" ("unknown" without a status), then its details after
    /// `detailsSeparator`.
    static QString replicationText(const ReviewRegion &region, const QString &detailsSeparator);
    /// The key health of each set (status, then one line per finding), for text reports.
    static QStringList keyHealthLines(const VersionReview &review);
    /// One matrix cell, as text: "des-weu-cmk (rg-keys-prod) — customer-managed key — kv/key@version".
    static QString cellText(const VersionReview &review, const QString &desId);
    /// A region's Confidential VM encryption, "Confidential VM: EncryptedWithCmk — secure-VM set: …"; empty
    /// when the region has none.
    static QString confidentialText(const VersionReview &review, const ReviewRegion &region);
};

} // namespace cmk
