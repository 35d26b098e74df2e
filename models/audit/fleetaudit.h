#pragma once

// Fleet audit: every image version of a set of subscriptions (optionally of some galleries only), with its
// encryption per region and disk and the findings of the single-version review (review/review.h, the same
// codes and severities), plus the key-health codes of the Disk Encryption Sets it uses
// (keyvault/deshealth.h), and whether each version's source still exists. Fast path: Azure Resource Graph,
// paged queries for every version in scope (a few groups of subscriptions at once), one for the galleries
// (their sharing), one for the sets referenced and one for the sources; ARM GETs only for what ARG cannot
// answer (the replication status of versions not Succeeded, sets and sources ARG cannot show). Fallback (or
// --source arm): a walk subscriptions → galleries → images → versions through ArmClient's pipeline (its
// throttle and retry policies), at most maxConcurrentRequests() at a time, then each set and source once. A
// subscription that cannot be read (403, timeout) is reported as not reviewed, with the reason; the others
// complete. cancel() keeps what was found. No widgets here; the report formats are in fleetauditreport.h.
// Schema of the JSON report: docs/audit.md.

#include "arm/armerror.h"
#include "review/review.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrlQuery>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace cmk {

class ArmClient;
class ArmPager;
class ArmReply;
class ResourceGraphPager;
class DiskEncryptionSetHealthCheck;

enum class AuditSource {
    Auto,            ///< Resource Graph, the ARM walk when ARG is not offered, not allowed or unreachable
    ResourceGraph,   ///< Resource Graph only
    ResourceManager, ///< the ARM walk only
};

/// How a disk, a region or a whole version is encrypted.
enum class AuditEncryption { Platform, Customer, Double, Confidential, Mixed, Unknown };

/// A subscription of the scope and what became of it.
struct AuditSubscription {
    QString id;
    QString displayName; ///< when the subscription list was read (--all-subscriptions), else empty
    bool reviewed = false;
    QString reason; ///< not reviewed: why (the service's error, or that the audit was cancelled)
    int versions = 0;
};

struct AuditedVersion {
    /// Version, names, matrix, gallery, findings (the review's and key health's); its sets are in
    /// FleetAuditResult::sets, not in review.desById.
    VersionReview review;
    /// Per region of review.regions, per disk of that region's disks (same order).
    QList<QList<AuditEncryption>> cells;
    AuditEncryption encryption = AuditEncryption::Unknown; ///< the cells' common kind, else Mixed
};

struct FleetAuditResult {
    QList<AuditSubscription> subscriptions;
    QStringList galleries; ///< the gallery filter, empty: every gallery
    std::vector<AuditedVersion> versions;
    QHash<QString, ReviewedDes> sets;       ///< every set the versions use, by lower-case id
    AuditSource source = AuditSource::Auto; ///< ResourceGraph or ResourceManager once started
    bool cancelled = false;
    QDateTime auditedAt; ///< UTC, when it ended

    int reviewedSubscriptions() const;
    int versionsWithFindings() const;
    int count(ReviewFinding::Severity severity) const;
    bool hasErrorFinding() const { return count(ReviewFinding::Severity::Error) > 0; }
};

class FleetAudit : public QObject {
    Q_OBJECT
public:
    explicit FleetAudit(ArmClient *client, QObject *parent = nullptr);
    ~FleetAudit() override;

    void setSource(AuditSource source) { m_source = source; }
    /// Requests of the ARM walk (and of the reads after it) on their way at once (default 32); the key-health
    /// check, which runs alongside the replication reads, reads as many sets at a time (each its vault and
    /// key versions together).
    void setMaxConcurrentRequests(int count) { m_maxConcurrent = qMax(1, count); }
    int maxConcurrentRequests() const { return m_maxConcurrent; }
    /// The day end of life is compared with (default: today).
    void setToday(const QDate &today) { m_today = today; }

    /// Audits `subscriptionIds`, only the versions of `galleryIds` when given; finished() follows.
    void start(const QStringList &subscriptionIds, const QStringList &galleryIds = {});
    /// Lists the subscriptions first (GET /subscriptions), those of `tenantId` only when given, then start().
    void startAllSubscriptions(const QString &tenantId = {}, const QStringList &galleryIds = {});
    /// Stops; what was found is kept and analysed, the subscriptions not done are not reviewed; finished().
    void cancel();

    bool isRunning() const { return m_running; }
    /// Set when the audit could not run at all (the subscription list, or Resource Graph with --source arg).
    const ArmError &error() const { return m_error; }
    const FleetAuditResult &result() const { return m_result; }

Q_SIGNALS:
    /// Subscriptions done of those in scope, versions seen so far.
    void progress(int subscriptionsDone, int subscriptionsTotal, int versionsSeen);
    /// result().versions[first .. first + count - 1] have their findings and encryption: the analysis runs
    /// in slices of a few milliseconds per event-loop turn once the reads are done (a window stays
    /// responsive with tens of thousands of versions), and a view can show them before finished().
    void versionsAnalysed(int first, int count);
    void finished();

private:
    using Done = std::function<void()>;
    using Job = std::function<void(Done done)>;
    enum class Phase { Idle, Listing, Details, Analysing, Done }; ///< Details: sets, replication, key health

    // Resource Graph path.
    void startResourceGraph();
    using Page = std::shared_ptr<const nlohmann::json>; ///< the rows of a page, shared with its pager
    /// A Resource Graph query for the resources of `type` (several: comma-separated; any type when empty;
    /// only `ids` when given) in `subscriptions`, only the `columns` when given: `rows` for each page (an
    /// array), then `finished`.
    void runQuery(const QString &type, const QStringList &ids, const QStringList &subscriptions,
                  std::function<void(const Page &)> rows, std::function<void(ResourceGraphPager *)> finished,
                  const QStringList &columns = {});
    /// Queues a page of version rows; takeVersionRows() takes them in.
    void onVersionRows(const Page &rows);
    /// Adds the versions of the rows queued for at most `budgetNs`, then again at the next event-loop turn.
    void takeVersionRows(quint64 generation, qint64 budgetNs);
    /// The ends of version queries that waited for their rows to be taken in.
    void runAfterVersionRows();
    /// One group of subscriptions' version query ended (its rows taken in); the walk of what it did not show
    /// starts after the last.
    void onResourceGraphFinished(const ArmError &groupError);
    void queryGalleries();
    void queryDiskEncryptionSets(const QStringList &ids);
    /// Which of the sources `ids` Resource Graph shows; those it cannot answer for are read with ARM.
    void querySources(const QStringList &ids);
    // ARM walk.
    void walk(int subscription);
    void walkGallery(int subscription, const QString &galleryId);
    void walkImage(int subscription, const QString &imageId);
    void list(int subscription, const QString &path, std::function<void(const nlohmann::json &)> page);
    /// A GET when the bound allows; `handle` gets its answer.
    void getLater(const QString &path, const QUrlQuery &query, std::function<void(const ArmReply &)> handle);
    /// One listing of `subscription` ended; the subscription is done once none is left.
    void listingDone(int subscription);
    void subscriptionFailed(int subscription, const ArmError &error);
    // After the listing: sets, replication, key health, analysis.
    void addVersion(int subscription, const nlohmann::json &item);
    void startDetails();
    void readSet(const QString &id);
    void readReplication(size_t index);
    /// GET of a version's source: 404 says it no longer exists.
    void readSource(const QString &id);
    /// The version's sources as checked (review.sources' checked, exists, error).
    void markSources(VersionReview &review) const;
    /// One read of sets ended (Resource Graph's query, or a GET); the key-health check starts after the last.
    void setReadDone();
    void startHealth();
    /// Analyses the versions in slices (analyseSlice()), then finish().
    void startAnalysis();
    void analyseSlice(quint64 generation);
    void analyse(AuditedVersion &audited, const QHash<QString, const DesHealth *> &health) const;
    void finish();

    void schedule(Job job);
    void pump();
    /// Counts down the work of the current phase; the next phase starts when none is left (the details as
    /// soon as the listing is done).
    void settle();
    /// No version query or listing is left.
    bool listingFinished() const;
    void emitProgress();
    int subscriptionIndex(const QString &subscriptionId) const;

    QPointer<ArmClient> m_client;
    AuditSource m_source = AuditSource::Auto;
    int m_maxConcurrent = 32;
    QDate m_today;
    bool m_running = false;
    Phase m_phase = Phase::Idle;
    ArmError m_error;
    FleetAuditResult m_result;
    std::vector<int> m_pendingPerSubscription;  ///< listings still running, per subscription
    QHash<QString, int> m_versionIndex;         ///< lower-case version id -> index in m_result.versions
    QStringList m_setIds;                       ///< the sets the versions name, in the order first named
    QSet<QString> m_setIdsSeen;                 ///< m_setIds, lower-case
    QHash<QString, Gallery> m_galleries;        ///< lower-case id
    QHash<QString, ReviewedDes> m_sets;         ///< lower-case id
    QHash<QString, nlohmann::json> m_setBodies; ///< sets as read, lower-case id: key health reuses them
    QHash<QString, ReviewedSource> m_sources;   ///< every version's sources once, lower-case id
    QStringList m_resourceGraphSubscriptions;   ///< those Resource Graph answered for (lower case)
    int m_versionQueriesLeft = 0;               ///< Resource Graph's version queries, one per group
    ArmError m_versionQueryError;               ///< the first that failed
    std::vector<DesHealth> m_health;
    QHash<QString, const DesHealth *> m_healthById; ///< lower-case id -> entry of m_health, while analysing
    size_t m_analysed = 0;                          ///< versions analysed so far
    std::deque<Job> m_queue;
    std::deque<std::pair<Page, size_t>> m_pendingRows; ///< (page, next row)
    bool m_rowsScheduled = false;
    std::vector<std::function<void()>> m_afterVersionRows; ///< version queries' ends, once their rows are in
    size_t m_expectedVersions = 0;                         ///< the version queries' totalRecords, added up
    QSet<const QObject *> m_countedPagers; ///< the version queries whose totalRecords is counted
    int m_active = 0;
    int m_setReadsLeft = 0;
    int m_outstanding = 0; ///< jobs queued or running, and Resource Graph queries, of this phase
    quint64 m_generation = 0;
    QList<QPointer<QObject>> m_inFlight; ///< pagers and replies, aborted by cancel()
    QPointer<DiskEncryptionSetHealthCheck> m_healthCheck;
};

/// Stable keys for reports: "platform", "customer", "double", "confidential", "mixed", "unknown".
QString auditEncryptionKey(AuditEncryption encryption);
/// Translated.
QString auditEncryptionLabel(AuditEncryption encryption);

} // namespace cmk
