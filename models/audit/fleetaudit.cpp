#include "audit/fleetaudit.h"

#include "arg/resourcegraphclient.h"
#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "keyvault/deshealthcheck.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <limits>
#include <utility>

Q_LOGGING_CATEGORY(lcAudit, "cmk.audit")

namespace cmk {

namespace {

QString lowerId(const QString &id) {
    return id.trimmed().toLower();
}

/// The sets a version's matrix names (its disks', and the secure-VM sets of Confidential VM regions).
QStringList setsOf(const VersionReview &review) {
    QStringList ids;
    const auto add = [&ids](const QString &id) {
        if (!id.isEmpty() && !ids.contains(id, Qt::CaseInsensitive))
            ids << id;
    };
    for (const ReviewRegion &region : review.regions) {
        for (const ReviewDisk &disk : region.disks)
            add(disk.desId);
        add(region.secureVmDesId);
    }
    return ids;
}

AuditEncryption encryptionOfSet(const ReviewedDes *des) {
    if (!des || des->state != ReviewedDes::State::Found)
        return AuditEncryption::Unknown;
    if (des->des.encryptionType == desEncryptionTypeFor(EncryptionMode::PlatformAndCustomerKeys))
        return AuditEncryption::Double;
    if (des->des.encryptionType.compare(QLatin1String("ConfidentialVmEncryptedWithCustomerKey"),
                                        Qt::CaseInsensitive) == 0)
        return AuditEncryption::Confidential;
    return AuditEncryption::Customer;
}

AuditEncryption encryptionOfCell(const VersionReview &review, const ReviewRegion &region,
                                 const ReviewDisk &disk) {
    if (disk.lun < 0 && !region.confidentialVmEncryptionType.isEmpty())
        return AuditEncryption::Confidential; // the OS disk of a Confidential VM image, whatever else it has
    if (disk.desId.isEmpty())
        return AuditEncryption::Platform;
    return encryptionOfSet(review.des(disk.desId));
}

ReviewFinding::Severity reviewSeverity(DesHealthSeverity severity) {
    return severity == DesHealthSeverity::Error ? ReviewFinding::Severity::Error
                                                : ReviewFinding::Severity::Warning;
}

/// The key-health findings (errors and warnings) of the sets `review` uses, once per set, on the first region
/// that uses it. DES_NOT_FOUND and DES_NOT_READABLE are left out: the review says desMissing and
/// desUnreadable.
QList<ReviewFinding> keyHealthFindings(const VersionReview &review, const QList<const DesHealth *> &sets) {
    QList<ReviewFinding> out;
    for (const DesHealth *set : sets) {
        const DesHealth &health = *set;
        QString region;
        for (const ReviewRegion &r : review.regions) {
            for (const ReviewDisk &disk : r.disks) {
                if (region.isEmpty() && sameResourceId(disk.desId, health.id))
                    region = r.name;
            }
            if (region.isEmpty() && sameResourceId(r.secureVmDesId, health.id))
                region = r.name;
        }
        for (const DesFinding &finding : health.findings) {
            if ((finding.severity != DesHealthSeverity::Error &&
                 finding.severity != DesHealthSeverity::Warning) ||
                finding.code == QLatin1String("DES_NOT_FOUND") ||
                finding.code == QLatin1String("DES_NOT_READABLE"))
                continue;
            ReviewFinding f;
            f.code = finding.code;
            f.severity = reviewSeverity(finding.severity);
            f.region = region;
            f.desId = health.id;
            f.message = finding.message;
            out.append(f);
        }
    }
    return out;
}

} // namespace

namespace {

/// Per AuditEncryption, in its order: the stable key, and the label (context, text) translated on use.
struct EncryptionName {
    const char *key;
    const char *context;
    const char *label;
};
constexpr EncryptionName kEncryptionNames[] = {
    {"platform", "ReviewReport", QT_TRANSLATE_NOOP("ReviewReport", "platform-managed key")},
    {"customer", "ReviewReport", QT_TRANSLATE_NOOP("ReviewReport", "customer-managed key")},
    {"double", "ReviewReport", QT_TRANSLATE_NOOP("ReviewReport", "double encryption")},
    {"confidential", "cmk::FleetAudit", QT_TRANSLATE_NOOP("cmk::FleetAudit", "confidential VM")},
    {"mixed", "cmk::FleetAudit", QT_TRANSLATE_NOOP("cmk::FleetAudit", "mixed")},
    {"unknown", "ReviewReport", QT_TRANSLATE_NOOP("ReviewReport", "unknown")},
};

} // namespace

QString auditEncryptionKey(AuditEncryption encryption) {
    return QLatin1String(kEncryptionNames[int(encryption)].key);
}

QString auditEncryptionLabel(AuditEncryption encryption) {
    const EncryptionName &name = kEncryptionNames[int(encryption)];
    return QCoreApplication::translate(name.context, name.label);
}

int FleetAuditResult::reviewedSubscriptions() const {
    return int(std::count_if(subscriptions.cbegin(), subscriptions.cend(),
                             [](const AuditSubscription &s) { return s.reviewed; }));
}

int FleetAuditResult::versionsWithFindings() const {
    return int(std::count_if(versions.cbegin(), versions.cend(),
                             [](const AuditedVersion &v) { return !v.review.findings.isEmpty(); }));
}

int FleetAuditResult::count(ReviewFinding::Severity severity) const {
    int n = 0;
    for (const AuditedVersion &v : versions)
        n += v.review.count(severity);
    return n;
}

// ---- FleetAudit: running it ---------------------------------------------------------------------------

FleetAudit::FleetAudit(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

FleetAudit::~FleetAudit() {
    ++m_generation; // late answers go nowhere
    for (const QPointer<QObject> &object : std::as_const(m_inFlight))
        delete object.data();
}

void FleetAudit::startAllSubscriptions(const QString &tenantId, const QStringList &galleryIds) {
    m_result = FleetAuditResult();
    m_error = {};
    if (!m_client) {
        m_error = ArmError::make(ArmError::Kind::InvalidInput, ReviewAnalysis::tr("No connection to Azure."));
        finish();
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    auto subscriptions = std::make_shared<QList<AuditSubscription>>();
    ArmPager *pager = m_client->list(subscriptionsPath().path());
    m_inFlight << pager;
    connect(pager, &ArmPager::pageReceived, this, [subscriptions, tenantId](const nlohmann::json &items) {
        std::vector<Subscription> page;
        if (parseResources(items, page).isError())
            return;
        for (const Subscription &s : page) {
            if (tenantId.isEmpty() || s.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0)
                subscriptions->append({s.subscriptionId, s.displayName});
        }
    });
    connect(pager, &ArmPager::finished, this, [this, pager, generation, subscriptions, galleryIds] {
        pager->deleteLater();
        if (generation != m_generation)
            return;
        if (pager->error().isError()) {
            m_error = pager->error();
            finish();
            return;
        }
        QStringList ids;
        for (const AuditSubscription &s : std::as_const(*subscriptions))
            ids << s.id;
        start(ids, galleryIds);
        for (AuditSubscription &s : m_result.subscriptions) {
            for (const AuditSubscription &listed : std::as_const(*subscriptions)) {
                if (listed.id.compare(s.id, Qt::CaseInsensitive) == 0)
                    s.displayName = listed.displayName;
            }
        }
    });
}

void FleetAudit::start(const QStringList &subscriptionIds, const QStringList &galleryIds) {
    ++m_generation;
    m_result = FleetAuditResult();
    m_error = {};
    m_queue.clear();
    m_pendingRows.clear();
    m_afterVersionRows.clear();
    m_rowsScheduled = false;
    m_expectedVersions = 0;
    m_countedPagers.clear();
    m_active = m_outstanding = m_versionQueriesLeft = 0;
    m_versionIndex.clear();
    m_setIds.clear();
    m_setIdsSeen.clear();
    m_galleries.clear();
    m_sets.clear();
    m_setBodies.clear();
    m_sources.clear();
    m_health.clear();
    for (const QString &id : subscriptionIds) {
        if (!id.trimmed().isEmpty() && subscriptionIndex(id.trimmed()) < 0)
            m_result.subscriptions.append({id.trimmed(), {}});
    }
    m_result.galleries = galleryIds;
    m_pendingPerSubscription.assign(size_t(m_result.subscriptions.size()), 0);
    if (!m_today.isValid())
        m_today = QDate::currentDate();
    if (!m_client) {
        m_error = ArmError::make(ArmError::Kind::InvalidInput, ReviewAnalysis::tr("No connection to Azure."));
        finish();
        return;
    }
    m_running = true;
    m_phase = Phase::Listing;
    emitProgress();
    if (m_source == AuditSource::ResourceManager) {
        m_result.source = AuditSource::ResourceManager;
        for (int i = 0; i < m_result.subscriptions.size(); ++i)
            walk(i);
        ++m_outstanding; // nothing may have been scheduled (no subscription)
        settle();
    } else {
        m_result.source = AuditSource::ResourceGraph;
        startResourceGraph();
    }
}

void FleetAudit::cancel() {
    if (!m_running)
        return;
    if (m_phase == Phase::Analysing) { // every read is done: the analysis of what was read goes on
        m_result.cancelled = true;
        return;
    }
    if (m_result.cancelled)
        return; // called again from a slot of the progress below
    m_result.cancelled = true;
    ++m_generation;
    for (const QPointer<QObject> &object : std::as_const(m_inFlight)) {
        if (!object)
            continue;
        disconnect(object, nullptr, this, nullptr); // an aborted listing is not a failed subscription
        if (auto *check = qobject_cast<DiskEncryptionSetHealthCheck *>(object))
            check->abort();
        else // pagers and replies: abort() is a slot of each
            QMetaObject::invokeMethod(object, "abort", Qt::DirectConnection);
        object->deleteLater();
    }
    m_inFlight.clear();
    m_queue.clear();
    m_afterVersionRows.clear();
    m_rowsScheduled = false;
    takeVersionRows(m_generation, std::numeric_limits<qint64>::max()); // rows received are versions found
    for (int i = 0; i < m_result.subscriptions.size(); ++i) {
        AuditSubscription &s = m_result.subscriptions[i];
        if (!s.reviewed && s.reason.isEmpty()) {
            s.reviewed = false;
            s.reason = tr("The audit was cancelled before this subscription was done.");
        }
    }
    startAnalysis();
}

void FleetAudit::schedule(Job job) {
    ++m_outstanding;
    m_queue.push_back(std::move(job));
    pump();
}

void FleetAudit::pump() {
    while (m_active < m_maxConcurrent && !m_queue.empty()) {
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_active;
        const quint64 generation = m_generation;
        job([this, generation] {
            if (generation != m_generation)
                return;
            --m_active;
            pump();
            settle();
        });
    }
}

bool FleetAudit::listingFinished() const {
    return m_versionQueriesLeft == 0 &&
           std::all_of(m_pendingPerSubscription.cbegin(), m_pendingPerSubscription.cend(),
                       [](int pending) { return pending == 0; });
}

void FleetAudit::settle() {
    --m_outstanding;
    if (!m_running)
        return;
    // The details start once every version is listed, while replication reads started by the listing may
    // still run: the analysis waits for those.
    const bool listed = m_phase == Phase::Listing && listingFinished();
    if (m_outstanding > 0 && !listed)
        return;
    m_outstanding = qMax(0, m_outstanding);
    switch (m_phase) {
    case Phase::Listing:
        for (int i = 0; i < m_result.subscriptions.size(); ++i) {
            if (m_result.subscriptions[i].reason.isEmpty())
                m_result.subscriptions[i].reviewed = true;
        }
        emitProgress();
        startDetails();
        break;
    case Phase::Details:
        startAnalysis();
        break;
    case Phase::Analysing:
    case Phase::Idle:
    case Phase::Done:
        break;
    }
}

void FleetAudit::emitProgress() {
    int done = 0;
    for (int i = 0; i < m_result.subscriptions.size(); ++i) {
        const AuditSubscription &s = m_result.subscriptions[i];
        done += s.reviewed || !s.reason.isEmpty();
    }
    Q_EMIT progress(done, int(m_result.subscriptions.size()), int(m_result.versions.size()));
}

int FleetAudit::subscriptionIndex(const QString &subscriptionId) const {
    for (int i = 0; i < m_result.subscriptions.size(); ++i) {
        if (m_result.subscriptions[i].id.compare(subscriptionId, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

void FleetAudit::finish() {
    m_phase = Phase::Done;
    m_result.auditedAt = QDateTime::currentDateTimeUtc();
    const bool wasRunning = m_running;
    m_running = false;
    m_inFlight.clear();
    if (wasRunning || m_error.isError())
        Q_EMIT finished();
}

// ---- Resource Graph -----------------------------------------------------------------------------------

void FleetAudit::startResourceGraph() {
    // A few queries over groups of subscriptions, at the same time: their pages come in parallel instead of
    // one after another, each page still needing the previous one's $skipToken. Few, because ARG allows 15
    // queries per 5 seconds and the sets, galleries and sources need theirs.
    constexpr int MaxGroups = 4;
    const int count = int(m_result.subscriptions.size());
    const int groups = qMin(count, MaxGroups);
    m_versionQueriesLeft = groups;
    m_versionQueryError = {};
    m_resourceGraphSubscriptions.clear();
    for (int g = 0; g < groups; ++g) {
        QStringList subscriptions;
        for (int i = count * g / groups; i < count * (g + 1) / groups; ++i)
            subscriptions << m_result.subscriptions[i].id;
        runQuery(
            QStringLiteral("microsoft.compute/galleries/images/versions"), {}, subscriptions,
            [this](const Page &rows) { onVersionRows(rows); },
            [this](ResourceGraphPager *pager) {
                // After the rows of its pages are taken in (they are, a few milliseconds at a time).
                m_afterVersionRows.push_back(
                    [this, error = pager->error()] { onResourceGraphFinished(error); });
                if (m_pendingRows.empty())
                    runAfterVersionRows();
            });
    }
    if (groups == 0) { // no subscription: nothing to query, the audit ends empty
        ++m_outstanding;
        settle();
    }
}

void FleetAudit::runQuery(const QString &type, const QStringList &ids, const QStringList &subscriptions,
                          std::function<void(const Page &)> rows,
                          std::function<void(ResourceGraphPager *)> finished, const QStringList &columns) {
    ResourceGraphQuery query;
    // One type, or several separated by commas: a type filter first lets ARG read only those rows.
    if (type.contains(QLatin1Char(',')))
        query.whereIn(QStringLiteral("type"), type.split(QLatin1Char(',')));
    else if (!type.isEmpty())
        query.whereEquals(QStringLiteral("type"), type);
    if (!ids.isEmpty())
        query.whereIn(QStringLiteral("id"), ids);
    if (!columns.isEmpty())
        query.project(columns);
    ++m_outstanding;
    auto *pager = new ResourceGraphPager(m_client, query, subscriptions);
    pager->setParent(this);
    m_inFlight << pager;
    connect(pager, &ResourceGraphPager::pageReceived, this, [this, pager, rows, type] {
        // The versions arrive by the thousand: room for all of them at once, or the vector's growth moves
        // thousands of them in one event-loop turn (40 ms at 8,192).
        // Several queries (groups of subscriptions) add up.
        if (type.endsWith(QLatin1String("/versions")) && pager->totalRecords() > 0 &&
            !m_countedPagers.contains(pager)) {
            m_countedPagers.insert(pager);
            m_expectedVersions += size_t(pager->totalRecords());
            m_result.versions.reserve(m_expectedVersions);
        }
        if (const auto page = pager->sharedPage(); page && page->is_array())
            rows(page);
    });
    connect(pager, &ResourceGraphPager::finished, this, [this, pager, finished] {
        pager->deleteLater();
        m_inFlight.removeAll(pager);
        finished(pager);
    });
    pager->start();
}

void FleetAudit::onVersionRows(const Page &rows) {
    if (rows->empty())
        return;
    // A page holds 1,000 rows: taking them in at once (about 50 ms) would freeze a window (issue 18). The
    // page is kept, not copied: a copy of 1,000 rows costs as much as taking them in.
    m_pendingRows.push_back({rows, 0});
    if (!m_rowsScheduled)
        takeVersionRows(m_generation, 4 * 1000 * 1000);
}

void FleetAudit::takeVersionRows(quint64 generation, qint64 budgetNs) {
    if (generation != m_generation)
        return;
    if (m_pendingRows.empty())
        return;
    QElapsedTimer clock;
    clock.start();
    while (!m_pendingRows.empty() && clock.nsecsElapsed() < budgetNs) {
        auto &[page, next] = m_pendingRows.front();
        const nlohmann::json &row = (*page)[next++];
        const int index =
            subscriptionIndex(QString::fromStdString(row.value("subscriptionId", std::string())));
        if (index >= 0)
            addVersion(index, row);
        if (next >= page->size()) {
            // Freeing 1,000 rows takes tens of milliseconds on a busy machine: a worker thread does it.
            QThreadPool::globalInstance()->start([done = std::move(page)]() mutable { done.reset(); });
            m_pendingRows.pop_front();
        }
    }
    emitProgress();
    if (!m_pendingRows.empty()) {
        m_rowsScheduled = true;
        QTimer::singleShot(0, this, [this, generation] {
            m_rowsScheduled = false;
            takeVersionRows(generation, 4 * 1000 * 1000);
        });
    } else {
        runAfterVersionRows();
    }
}

void FleetAudit::runAfterVersionRows() {
    // Each may start walks or the next phase; taken out first, as they may queue more.
    const std::vector<std::function<void()>> ends = std::exchange(m_afterVersionRows, {});
    for (const std::function<void()> &end : ends)
        end();
}

void FleetAudit::onResourceGraphFinished(const ArmError &groupError) {
    if (!m_running)
        return;
    // A group ARG refuses as unavailable (403: only subscriptions nobody may read) is walked like a
    // subscription ARG showed nothing of, unless every group was refused: then ARG is not there at all.
    if (groupError.isError() &&
        (!m_versionQueryError.isError() || isResourceGraphUnavailable(m_versionQueryError)))
        m_versionQueryError = groupError;
    if (--m_versionQueriesLeft > 0) {
        settle();
        return;
    }
    const ArmError error = m_versionQueryError;
    const bool someAnswered = std::any_of(m_result.subscriptions.cbegin(), m_result.subscriptions.cend(),
                                          [](const AuditSubscription &s) { return s.versions > 0; });
    if (error.isError() && !(someAnswered && isResourceGraphUnavailable(error))) {
        if (m_source == AuditSource::Auto && m_result.versions.empty() && isResourceGraphUnavailable(error)) {
            qCInfo(lcAudit) << "Resource Graph unavailable, walking Resource Manager:"
                            << error.toDisplayString();
            m_result.source = AuditSource::ResourceManager;
            for (int i = 0; i < m_result.subscriptions.size(); ++i)
                walk(i);
            settle();
            return;
        }
        m_error = error;
        m_running = false;
        finish();
        return;
    }
    // Resource Graph leaves out what the caller cannot read, and can lag: a subscription it showed nothing of
    // is walked with Resource Manager, which either lists its (few) galleries or says why it cannot.
    for (int i = 0; i < m_result.subscriptions.size(); ++i) {
        if (m_result.subscriptions[i].versions == 0)
            walk(i);
        else
            m_resourceGraphSubscriptions << m_result.subscriptions[i].id.toLower();
    }
    queryGalleries();
    settle();
}

void FleetAudit::queryGalleries() {
    QStringList subscriptions;
    for (const AuditSubscription &s : std::as_const(m_result.subscriptions)) {
        if (s.versions > 0)
            subscriptions << s.id;
    }
    if (subscriptions.isEmpty())
        return;
    runQuery(
        QStringLiteral("microsoft.compute/galleries"), {}, subscriptions,
        [this](const Page &rows) {
            std::vector<Gallery> galleries;
            if (!parseResources(*rows, galleries).isError()) {
                for (Gallery &gallery : galleries)
                    m_galleries.insert(lowerId(gallery.id), std::move(gallery));
            }
        },
        [this](ResourceGraphPager *pager) {
            if (pager->error().isError()) // the sharing check then reads nothing: said in the log only
                qCWarning(lcAudit) << "Galleries not read from Resource Graph:"
                                   << pager->error().toDisplayString();
            settle();
        });
}

void FleetAudit::queryDiskEncryptionSets(const QStringList &ids) {
    QStringList subscriptions;
    for (const QString &id : ids) {
        const QString subscription = ResourceId::parse(id).subscriptionId;
        if (!subscription.isEmpty() && !subscriptions.contains(subscription, Qt::CaseInsensitive))
            subscriptions << subscription;
    }
    ++m_setReadsLeft;
    runQuery(
        QStringLiteral("microsoft.compute/diskencryptionsets"), ids, subscriptions,
        [this](const Page &rows) {
            std::vector<DiskEncryptionSet> sets;
            if (parseResources(*rows, sets).isError())
                return;
            for (const nlohmann::json &row : *rows) // what the key-health check would read again
                m_setBodies.insert(lowerId(QString::fromStdString(row.value("id", std::string()))), row);
            for (DiskEncryptionSet &set : sets) {
                ReviewedDes &des = m_sets[lowerId(set.id)];
                des.id = set.id;
                des.state = ReviewedDes::State::Found;
                des.des = std::move(set);
            }
        },
        [this, ids](ResourceGraphPager *) {
            // What Resource Graph did not show (another subscription, a set deleted, ARG lagging) is read
            // from ARM.
            for (const QString &id : ids) {
                if (!m_sets.contains(lowerId(id)) || m_sets[lowerId(id)].des.id.isEmpty())
                    readSet(id);
            }
            setReadDone();
            settle();
        });
}

// ---- Resource Manager walk ------------------------------------------------------------------------------

void FleetAudit::walk(int subscription) {
    const QString subscriptionId = m_result.subscriptions[subscription].id;
    if (m_result.galleries.isEmpty()) {
        const ArmPathBuilder path = galleriesPath(subscriptionId);
        if (!path.ok()) {
            subscriptionFailed(subscription, path.error());
            return;
        }
        list(subscription, path.path(), [this, subscription](const nlohmann::json &items) {
            std::vector<Gallery> galleries;
            if (parseResources(items, galleries).isError())
                return;
            for (Gallery &gallery : galleries) {
                walkGallery(subscription, gallery.id);
                m_galleries.insert(lowerId(gallery.id), std::move(gallery));
            }
        });
        return;
    }
    for (const QString &galleryId : std::as_const(m_result.galleries)) {
        if (ResourceId::parse(galleryId).subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) != 0)
            continue;
        const ArmPathBuilder path = ArmPathBuilder::fromResourceId(galleryId);
        if (!path.ok()) {
            subscriptionFailed(subscription, path.error());
            continue;
        }
        ++m_pendingPerSubscription[size_t(subscription)];
        getLater(path.path(), {}, [this, subscription](const ArmReply &reply) {
            Gallery gallery;
            if (reply.error().isError())
                subscriptionFailed(subscription, reply.error());
            else if (!parseResource(reply.json(), gallery).isError()) {
                walkGallery(subscription, gallery.id);
                m_galleries.insert(lowerId(gallery.id), std::move(gallery));
            }
            listingDone(subscription);
        });
    }
}

void FleetAudit::walkGallery(int subscription, const QString &galleryId) {
    list(subscription, ArmPathBuilder::fromResourceId(galleryId).path() + QStringLiteral("/images"),
         [this, subscription](const nlohmann::json &items) {
             std::vector<GalleryImage> images;
             if (parseResources(items, images).isError())
                 return;
             for (const GalleryImage &image : images)
                 walkImage(subscription, image.id);
         });
}

void FleetAudit::walkImage(int subscription, const QString &imageId) {
    list(subscription, ArmPathBuilder::fromResourceId(imageId).path() + QStringLiteral("/versions"),
         [this, subscription](const nlohmann::json &items) {
             if (!items.is_array())
                 return;
             for (const nlohmann::json &item : items)
                 addVersion(subscription, item);
             emitProgress();
         });
}

void FleetAudit::list(int subscription, const QString &path,
                      std::function<void(const nlohmann::json &)> page) {
    ++m_pendingPerSubscription[size_t(subscription)];
    schedule([this, subscription, path, page](Done done) {
        ArmPager *pager = m_client->list(path);
        m_inFlight << pager;
        connect(pager, &ArmPager::pageReceived, this, page);
        connect(pager, &ArmPager::finished, this, [this, pager, subscription, done] {
            pager->deleteLater();
            m_inFlight.removeAll(pager);
            if (pager->error().isError())
                subscriptionFailed(subscription, pager->error());
            listingDone(subscription);
            done();
        });
    });
}

void FleetAudit::getLater(const QString &path, const QUrlQuery &query,
                          std::function<void(const ArmReply &)> handle) {
    schedule([this, path, query, handle](Done done) {
        ArmReply *reply = m_client->get(path, query);
        m_inFlight << reply;
        connect(reply, &ArmReply::finished, this, [this, reply, handle, done] {
            reply->deleteLater();
            m_inFlight.removeAll(reply);
            handle(*reply);
            done();
        });
    });
}

void FleetAudit::listingDone(int subscription) {
    if (--m_pendingPerSubscription[size_t(subscription)] > 0)
        return;
    AuditSubscription &s = m_result.subscriptions[subscription];
    s.reviewed = s.reason.isEmpty();
    emitProgress();
}

void FleetAudit::subscriptionFailed(int subscription, const ArmError &error) {
    AuditSubscription &s = m_result.subscriptions[subscription];
    qCInfo(lcAudit) << "Subscription" << s.id << "not reviewed:" << error.toDisplayString();
    s.reviewed = false;
    if (s.reason.isEmpty())
        s.reason = error.toDisplayString();
}

// ---- Details, key health, analysis ----------------------------------------------------------------------

void FleetAudit::addVersion(int subscription, const nlohmann::json &item) {
    AuditedVersion audited;
    if (parseResource(item, audited.review.version).isError() || audited.review.version.id.isEmpty())
        return;
    const QString key = lowerId(audited.review.version.id);
    if (m_versionIndex.contains(key))
        return; // Resource Graph and the walk of a lagging subscription may both bring it
    if (!m_result.galleries.isEmpty()) {
        const bool inScope =
            std::any_of(m_result.galleries.cbegin(), m_result.galleries.cend(), [&](const QString &g) {
                return key.startsWith(lowerId(g) + QStringLiteral("/images/"));
            });
        if (!inScope)
            return;
    }
    // Neither Resource Graph nor a list carries the replication status: readReplication() asks for it.
    audited.review.version.aggregatedReplicationState.clear();
    audited.review.version.replicationSummary.clear();
    audited.review.versionId = audited.review.version.id;
    ReviewAnalysis::buildMatrix(audited.review);
    for (const QString &id : setsOf(audited.review)) {
        if (!m_setIdsSeen.contains(lowerId(id))) {
            m_setIdsSeen.insert(lowerId(id));
            m_setIds << id;
        }
    }
    // A version that is not Succeeded is the one whose regions may have failed or still be replicating: its
    // status is read now, alongside the listing, not after it.
    const bool replicationToRead = audited.review.version.provisioningState.compare(
                                       QLatin1String("Succeeded"), Qt::CaseInsensitive) != 0;
    m_versionIndex.insert(key, int(m_result.versions.size()));
    m_result.versions.push_back(std::move(audited));
    ++m_result.subscriptions[subscription].versions;
    if (replicationToRead)
        readReplication(m_result.versions.size() - 1);
}

void FleetAudit::startDetails() {
    m_phase = Phase::Details;
    ++m_outstanding;    // held while the reads below are scheduled
    m_setReadsLeft = 1; // the key-health check starts once every set is read, while versions are still read
    const QStringList ids = m_setIds; // gathered as versions were added: a pass over 10,000 here took 35 ms
    if (!ids.isEmpty()) {
        if (m_result.source == AuditSource::ResourceGraph)
            queryDiskEncryptionSets(ids);
        else
            for (const QString &id : std::as_const(ids))
                readSet(id);
    }
    // Sources are shared by many versions (a build image, a VM): each is checked once.
    QStringList sources;
    for (const AuditedVersion &version : m_result.versions) {
        for (const ReviewedSource &source : version.review.sources) {
            const QString key = lowerId(source.id);
            if (!key.isEmpty() && !m_sources.contains(key)) {
                m_sources.insert(key, ReviewedSource{source.id});
                sources << source.id;
            }
        }
    }
    if (m_result.source == AuditSource::ResourceGraph)
        querySources(sources);
    else
        for (const QString &id : std::as_const(sources))
            readSource(id);
    setReadDone();
    settle();
}

void FleetAudit::setReadDone() {
    if (--m_setReadsLeft == 0)
        startHealth();
}

void FleetAudit::readSet(const QString &id) {
    const QString key = lowerId(id);
    m_sets.insert(key, ReviewedDes{id});
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(id);
    if (!path.ok()) {
        m_sets[key].state = ReviewedDes::State::Unreadable;
        m_sets[key].error = path.error().message;
        return;
    }
    ++m_setReadsLeft;
    getLater(path.path(), {}, [this, key](const ArmReply &reply) {
        ReviewAnalysis::readDes(reply, m_sets[key]);
        if (m_sets[key].state == ReviewedDes::State::Found)
            m_setBodies.insert(key, reply.json());
        setReadDone();
    });
}

void FleetAudit::readSource(const QString &id) {
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(id);
    ReviewedSource &source = m_sources[lowerId(id)];
    if (!path.ok()) {
        source.error = path.error().message;
        return;
    }
    getLater(path.path(), {}, [this, key = lowerId(id)](const ArmReply &reply) {
        ReviewAnalysis::readSource(reply, m_sources[key]);
    });
}

void FleetAudit::querySources(const QStringList &ids) {
    // A query names at most this many ids: the query text stays small (ARG limits it).
    constexpr int IdsPerQuery = 500;
    for (int first = 0; first < ids.size(); first += IdsPerQuery) {
        const QStringList batch = ids.mid(first, IdsPerQuery);
        QStringList subscriptions, types;
        for (const QString &id : batch) {
            const ResourceId parsed = ResourceId::parse(id);
            if (!parsed.subscriptionId.isEmpty() && !subscriptions.contains(parsed.subscriptionId.toLower()))
                subscriptions << parsed.subscriptionId.toLower();
            if (!types.contains(parsed.fullType().toLower()))
                types << parsed.fullType().toLower();
        }
        runQuery(
            types.join(QLatin1Char(',')), batch, subscriptions,
            [this](const Page &rows) {
                for (const nlohmann::json &row : *rows) {
                    const QString id = lowerId(QString::fromStdString(row.value("id", std::string())));
                    if (const auto it = m_sources.find(id); it != m_sources.end())
                        it->checked = it->exists = true;
                }
            },
            [this, batch](ResourceGraphPager *pager) {
                // Not shown in a subscription ARG answered for: it no longer exists. Elsewhere (another
                // subscription, or the query failed) ARM says.
                for (const QString &id : batch) {
                    const ReviewedSource &source = m_sources[lowerId(id)];
                    const QString subscription = ResourceId::parse(id).subscriptionId.toLower();
                    if (source.checked)
                        continue;
                    if (!pager->error().isError() && m_resourceGraphSubscriptions.contains(subscription))
                        m_sources[lowerId(id)].checked = true;
                    else
                        readSource(id);
                }
                settle();
            },
            {QStringLiteral("id")});
    }
}

void FleetAudit::markSources(VersionReview &review) const {
    for (ReviewedSource &source : review.sources) {
        if (const auto it = m_sources.constFind(lowerId(source.id)); it != m_sources.constEnd()) {
            source.checked = it->checked;
            source.exists = it->exists;
            source.error = it->error;
        }
    }
}

void FleetAudit::readReplication(size_t index) {
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(m_result.versions[index].review.versionId);
    if (!path.ok())
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("ReplicationStatus"));
    getLater(path.path(), query, [this, index](const ArmReply &reply) {
        VersionReview &review = m_result.versions[index].review;
        GalleryImageVersion version;
        if (!reply.error().isError() && !parseResource(reply.json(), version).isError()) {
            review.version = std::move(version);
            ReviewAnalysis::buildMatrix(review);
        }
    });
}

void FleetAudit::startHealth() {
    QStringList found;
    for (auto it = m_sets.cbegin(); it != m_sets.cend(); ++it) {
        if (it->state == ReviewedDes::State::Found)
            found << it->id;
    }
    ++m_outstanding;
    if (found.isEmpty()) {
        settle();
        return;
    }
    m_healthCheck = new DiskEncryptionSetHealthCheck(m_client, this);
    m_inFlight << m_healthCheck.data(); // cancel() aborts it with the reads
    // As many sets at a time as the walk's bound (each reads its vault and two key versions together): a
    // fleet's sets are few next to its versions, but each costs two round trips.
    m_healthCheck->setMaxConcurrentSets(m_maxConcurrent);
    for (const nlohmann::json &set : std::as_const(m_setBodies))
        m_healthCheck->addKnownSet(set);
    connect(m_healthCheck, &DiskEncryptionSetHealthCheck::finished, this, [this] {
        m_health = m_healthCheck->results();
        m_inFlight.removeAll(m_healthCheck.data());
        m_healthCheck->deleteLater();
        settle();
    });
    m_healthCheck->start(found);
}

void FleetAudit::startAnalysis() {
    m_phase = Phase::Analysing;
    m_healthById.clear();
    for (const DesHealth &h : m_health)
        m_healthById.insert(lowerId(h.id), &h);
    m_analysed = 0;
    analyseSlice(m_generation);
}

void FleetAudit::analyseSlice(quint64 generation) {
    if (generation != m_generation)
        return; // started again, or destroyed
    // A slice stops after a few milliseconds: with tens of thousands of versions, analysing them in one go
    // would freeze a window for a second (docs/performance.md, issue 18).
    constexpr qint64 sliceNs = 4 * 1000 * 1000;
    QElapsedTimer clock;
    clock.start();
    const size_t first = m_analysed;
    while (m_analysed < m_result.versions.size() && (m_analysed == first || clock.nsecsElapsed() < sliceNs))
        analyse(m_result.versions[m_analysed++], m_healthById);
    if (m_analysed > first)
        Q_EMIT versionsAnalysed(int(first), int(m_analysed - first));
    if (generation != m_generation)
        return; // a receiver started another audit
    if (m_analysed < m_result.versions.size()) {
        QTimer::singleShot(0, this, [this, generation] { analyseSlice(generation); });
        return;
    }
    m_healthById.clear();
    m_result.sets = m_sets;
    finish();
}

void FleetAudit::analyse(AuditedVersion &audited, const QHash<QString, const DesHealth *> &health) const {
    VersionReview &review = audited.review;
    markSources(review);
    review.desById.clear();
    QList<const DesHealth *> sets; // shared, not copied into each version: a fleet has thousands
    for (const QString &id : setsOf(review)) {
        if (const auto it = m_sets.constFind(lowerId(id)); it != m_sets.constEnd())
            review.desById.insert(lowerId(id), *it);
        if (const DesHealth *h = health.value(lowerId(id)))
            sets << h;
    }
    const QString galleryId = lowerId(review.versionId.section(QLatin1Char('/'), 0, -5));
    if (const auto it = m_galleries.constFind(galleryId); it != m_galleries.constEnd())
        review.gallery = *it;
    review.findings = ReviewAnalysis::findings(review, m_today) + keyHealthFindings(review, sets);
    std::stable_sort(
        review.findings.begin(), review.findings.end(),
        [](const ReviewFinding &a, const ReviewFinding &b) { return int(a.severity) > int(b.severity); });
    review.reviewedAt = QDateTime::currentDateTimeUtc();
    audited.cells.clear();
    QSet<AuditEncryption> kinds;
    for (const ReviewRegion &region : review.regions) {
        QList<AuditEncryption> row;
        for (const ReviewDisk &disk : region.disks) {
            row << encryptionOfCell(review, region, disk);
            kinds.insert(row.last());
        }
        audited.cells << row;
    }
    audited.encryption = kinds.size() == 1 ? *kinds.cbegin()
                         : kinds.isEmpty() ? AuditEncryption::Platform
                                           : AuditEncryption::Mixed;
    review.desById.clear(); // kept once for all in m_result.sets: a fleet's versions share a few sets
}

} // namespace cmk
