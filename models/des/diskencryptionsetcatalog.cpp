#include "des/diskencryptionsetcatalog.h"

#include "arg/resourcegraphclient.h"
#include "arm/armclient.h"
#include "arm/armpaths.h"

#include <QLoggingCategory>
#include <QUrl>
#include <algorithm>
#include <iterator>
#include <numeric>

Q_LOGGING_CATEGORY(lcDesCatalog, "cmk.des", QtWarningMsg)

namespace cmk {

namespace {

// Keys are computed for every set of the subscription, on a worker that gets little CPU on a busy machine:
// ARM ids, regions and types are ASCII in practice, and a plain loop folds them ten times faster than
// QString::toCaseFolded(), which looks every character up in the Unicode tables (it still does for the rest).
QString folded(QStringView text) {
    QString out(text.size(), Qt::Uninitialized);
    QChar *to = out.data();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            return text.toString().toCaseFolded();
        *to++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + (u'a' - u'A')) : u);
    }
    return out;
}

// The part of an id that sameResourceId compares: trimmed, no trailing slash.
QStringView idCore(QStringView id) {
    id = id.trimmed();
    while (id.endsWith(u'/'))
        id.chop(1);
    return id;
}

QString typeKey(const QString &encryptionType) {
    return folded(encryptionType);
}

// What ResourceId::parse(id).resourceGroup gives, without splitting the whole id into a list of segments:
// "/subscriptions/{s}/resourceGroups/{group}/...". An id of another shape (spaces around it, a trailing or
// doubled slash) takes ResourceId::parse itself.
QString resourceGroupOf(const QString &id) {
    const QStringView text(id);
    if (!text.startsWith(u'/') || text.endsWith(u'/') || text.contains(u"//") ||
        text.trimmed().size() != text.size())
        return ResourceId::parse(id).resourceGroup;
    qsizetype from = 1;
    const auto nextSegment = [&]() -> QStringView {
        if (from > text.size())
            return {};
        const qsizetype slash = text.indexOf(u'/', from);
        const qsizetype end = slash < 0 ? text.size() : slash;
        const QStringView segment = text.mid(from, end - from);
        from = end + 1;
        return segment;
    };
    if (nextSegment().compare(u"subscriptions", Qt::CaseInsensitive) != 0 || nextSegment().isEmpty() ||
        nextSegment().compare(u"resourceGroups", Qt::CaseInsensitive) != 0)
        return {};
    return nextSegment().toString();
}

/// Drops the sets outside `regions` (normalised; empty: any) or not of `type` (empty: any): ARM's listing
/// has every set of the subscription, ARG's query only those.
void keepMatching(std::vector<DiskEncryptionSet> &sets, const QStringList &regions, const QString &type) {
    if (regions.isEmpty() && type.isEmpty())
        return;
    sets.erase(std::remove_if(
                   sets.begin(), sets.end(),
                   [&](const DiskEncryptionSet &set) {
                       return (!regions.isEmpty() && !regions.contains(normalizeRegion(set.location))) ||
                              (!type.isEmpty() && set.encryptionType.compare(type, Qt::CaseInsensitive) != 0);
                   }),
               sets.end());
}

} // namespace

namespace detail {

DesIdKey DesIdKey::of(const QString &id) {
    // FNV-1a over the case-folded characters: equal keys (compared case-insensitively) hash alike.
    size_t hash = 14695981039346656037ull;
    for (const QChar c : idCore(id)) {
        const char16_t u = c.unicode();
        const char16_t foldedChar = u < 0x80 ? (u >= u'A' && u <= u'Z' ? char16_t(u + (u'a' - u'A')) : u)
                                             : char16_t(QChar::toCaseFolded(char32_t(u)));
        hash = (hash ^ foldedChar) * 1099511628211ull;
    }
    return {id, hash};
}

bool operator==(const DesIdKey &a, const DesIdKey &b) {
    return a.hash == b.hash && idCore(a.id).compare(idCore(b.id), Qt::CaseInsensitive) == 0;
}

} // namespace detail

QString busiestResourceGroup(const QHash<QString, int> &setsPerGroup) {
    QString busiest;
    int most = 0;
    for (auto it = setsPerGroup.cbegin(); it != setsPerGroup.cend(); ++it) {
        if (it.key().isEmpty())
            continue;
        if (it.value() > most || (it.value() == most && it.key() < busiest)) {
            most = it.value();
            busiest = it.key();
        }
    }
    return busiest;
}

struct DiskEncryptionSetCatalog::SetKeys {
    detail::DesIdKey id;
    QString region; ///< normalizeRegion()
    QString type;   ///< see typeKey()
    QString group;  ///< resource group, from the id
};

struct DiskEncryptionSetCatalog::ConvertedPage {
    std::vector<DiskEncryptionSet> sets;
    std::vector<SetKeys> keys; ///< one per set
    ArmError error;
};

DiskEncryptionSetCatalog::DiskEncryptionSetCatalog(QObject *parent)
    : QObject(parent) {
    m_converter.setMaxThreadCount(1); // one thread: pages are converted, and arrive, in the server's order
}

DiskEncryptionSetCatalog::~DiskEncryptionSetCatalog() {
    dropLoad();
    // A worker still converting a page posts to this object: it must be done before QObject goes away
    // (which drops the events already posted).
    m_converter.clear();
    m_converter.waitForDone();
}

void DiskEncryptionSetCatalog::load(ArmClient *client, const QString &subscriptionId) {
    const bool wasLoading = m_loading;
    dropLoad();
    m_loading = false;
    m_client = client;
    m_subscriptionId = subscriptionId;
    resetSets();
    if (!client || subscriptionId.isEmpty()) {
        if (wasLoading)
            Q_EMIT aborted();
        return;
    }
    const ArmPathBuilder path = diskEncryptionSetsPath(subscriptionId);
    if (!path.ok()) {
        m_error = path.error();
        Q_EMIT loadFinished();
        return;
    }
    // Growing the vector past 4,096 or 8,192 sets would move them all in one event (10 ms here).
    m_sets.reserve(std::max(m_largestLoad, ReservedSets));
    m_regionOf.reserve(m_sets.capacity());
    m_indexOfId.reserve(qsizetype(m_sets.capacity()));
    m_listPath = path.path();
    m_loadRegions = m_filterRegions;
    m_loadType = m_filterType;
    m_loading = true;
    const bool exact = m_nextLoadExact || m_source == DesListSource::ResourceManager;
    m_nextLoadExact = false;
    setListedFrom(exact ? DesListSource::ResourceManager : DesListSource::ResourceGraph);
    if (exact)
        startPager(path.path());
    else
        startResourceGraph();
    Q_EMIT loadStarted();
}

void DiskEncryptionSetCatalog::setFilter(const QStringList &regions, const QString &encryptionType) {
    m_filterRegions.clear();
    for (const QString &region : regions) {
        const QString normalised = normalizeRegion(region);
        if (!normalised.isEmpty() && !m_filterRegions.contains(normalised))
            m_filterRegions << normalised;
    }
    m_filterType = encryptionType;
}

bool DiskEncryptionSetCatalog::covers(const QString &subscriptionId, const QStringList &regions,
                                      const QString &encryptionType) const {
    if (subscriptionId.isEmpty() || m_subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) != 0 ||
        !(m_loading || m_complete))
        return false;
    if (!m_loadType.isEmpty() && m_loadType.compare(encryptionType, Qt::CaseInsensitive) != 0)
        return false;
    if (m_loadRegions.isEmpty())
        return true;
    if (regions.isEmpty())
        return false;
    return std::all_of(regions.begin(), regions.end(),
                       [this](const QString &region) { return m_loadRegions.contains(normalizeRegion(region)); });
}

void DiskEncryptionSetCatalog::setListedFrom(DesListSource source) {
    if (m_listedFrom == source)
        return;
    m_listedFrom = source;
    Q_EMIT listedFromChanged();
}

void DiskEncryptionSetCatalog::startResourceGraph() {
    m_pagerDone = false;
    // One query, filtered on the server: the rows are the sets ARM would list, as ARG stores them.
    ResourceGraphQuery query;
    query.whereEquals(QStringLiteral("type"), QStringLiteral("microsoft.compute/diskencryptionsets"))
        .whereEquals(QStringLiteral("subscriptionId"), m_subscriptionId);
    if (!m_loadRegions.isEmpty())
        query.whereIn(QStringLiteral("location"), m_loadRegions);
    if (!m_loadType.isEmpty())
        query.whereEquals(QStringLiteral("properties.encryptionType"), m_loadType);
    auto *pager = new ResourceGraphPager(m_client, query, {m_subscriptionId});
    m_graph = pager;
    connect(pager, &ResourceGraphPager::pageReceived, this, [this, pager] {
        m_pageRequestId = pager->pageRequestId();
        convertPage(pager->sharedPage());
    });
    connect(pager, &ResourceGraphPager::finished, this, [this, pager] { onResourceGraphFinished(pager); });
    pager->start();
}

void DiskEncryptionSetCatalog::onResourceGraphFinished(ResourceGraphPager *pager) {
    m_graph = nullptr;
    pager->deleteLater();
    const bool nothingYet = m_pages == 0 && m_pagesConverting == 0;
    if (pager->error() && m_source == DesListSource::Auto && nothingYet &&
        isResourceGraphUnavailable(pager->error())) {
        qCInfo(lcDesCatalog) << "Resource Graph unavailable, listing through ARM:"
                             << pager->error().httpStatus << pager->error().code;
        setListedFrom(DesListSource::ResourceManager);
        startPager(m_listPath);
        return;
    }
    if (!m_error && pager->error())
        m_error = pager->error();
    m_pagerDone = true;
    finishIfDone();
}

void DiskEncryptionSetCatalog::startPager(const QString &path) {
    m_pagerDone = false;
    m_pageRequestId.clear();
    // A page that cannot be converted is reported with the request id of the answer that carried it.
    m_responses = connect(m_client, &ArmClient::responseReceived, this,
                          [this](const QByteArray &method, const QUrl &url, int, const QString &requestId) {
                              if (method == "GET" &&
                                  url.path(QUrl::FullyEncoded).endsWith(m_listPath, Qt::CaseInsensitive))
                                  m_pageRequestId = requestId;
                          });
    ArmPager *pager = m_client->list(path);
    m_pager = pager;
    // The page is taken from the pager that sent it, not from m_pager: outside its pageReceived(),
    // sharedPage() is null.
    connect(pager, &ArmPager::pageReceived, this, [this, pager] { convertPage(pager->sharedPage()); });
    connect(pager, &ArmPager::finished, this, [this, pager] {
        m_pager = nullptr;
        pager->deleteLater();
        if (!m_error && pager->error())
            m_error = pager->error();
        m_pagerDone = true;
        finishIfDone();
    });
}

void DiskEncryptionSetCatalog::convertPage(std::shared_ptr<const nlohmann::json> items) {
    Q_ASSERT(items);
    ++m_pagesConverting;
    const quint64 generation = m_generation;
    m_converter.start([this, generation, items = std::move(items), requestId = m_pageRequestId,
                       lowered = m_lowerWorkerPriority, regions = m_loadRegions, type = m_loadType] {
        if (lowered)
            lowerWorkerThreadPriority();
        ConvertedPage page;
        page.error = parseResources(*items, page.sets);
        if (page.error) {
            page.error.requestId = requestId;
        } else {
            keepMatching(page.sets, regions, type);
            page.keys.reserve(page.sets.size());
            for (const DiskEncryptionSet &set : page.sets)
                page.keys.push_back({detail::DesIdKey::of(set.id), normalizeRegion(set.location),
                                     typeKey(set.encryptionType), resourceGroupOf(set.id)});
        }
        QMetaObject::invokeMethod(
            this, [this, generation, page = std::move(page)]() mutable { onPageConverted(generation, page); },
            Qt::QueuedConnection);
    });
}

void DiskEncryptionSetCatalog::onPageConverted(quint64 generation, ConvertedPage &page) {
    if (generation != m_generation || !m_loading)
        return; // converted for a load that was dropped since
    --m_pagesConverting;
    if (page.error) {
        qCInfo(lcDesCatalog) << "a page could not be converted:" << page.error.message << "request id"
                             << page.error.requestId;
        if (!m_error)
            m_error = page.error;
        if (m_pager)
            m_pager->abort(); // the list is wrong: the rest would not make it right
        if (m_graph)
            m_graph->abort();
    } else {
        const int first = size();
        appendPage(page);
        ++m_pages;
        Q_EMIT setsAdded(first, size() - first);
        Q_EMIT progress(size(), m_pages);
    }
    finishIfDone();
}

void DiskEncryptionSetCatalog::appendPage(ConvertedPage &page) {
    const int first = size();
    for (size_t i = 0; i < page.sets.size(); ++i) {
        const int index = first + int(i);
        const SetKeys &keys = page.keys[i];
        if (!m_indexOfId.contains(keys.id)) // a duplicate id: find() returns the first
            m_indexOfId.insert(keys.id, index);
        auto region = m_regions.find(keys.region);
        if (region == m_regions.end())
            region = m_regions.insert(keys.region, {});
        region->sets.push_back(index);
        region->byType[keys.type].push_back(index);
        m_regionOf.push_back(region.key());
        m_byType[keys.type].push_back(index);
        ++m_setsOfGroup[keys.group];
    }
    m_sets.insert(m_sets.end(), std::make_move_iterator(page.sets.begin()),
                  std::make_move_iterator(page.sets.end()));
}

void DiskEncryptionSetCatalog::finishIfDone() {
    if (!m_loading || !m_pagerDone || m_pagesConverting > 0)
        return;
    m_loading = false;
    m_complete = !m_error;
    m_largestLoad = std::max(m_largestLoad, m_sets.size());
    disconnect(m_responses);
    Q_EMIT loadFinished();
}

ArmClient *DiskEncryptionSetCatalog::client() const {
    return m_client;
}

void DiskEncryptionSetCatalog::reload() {
    load(m_client, m_subscriptionId);
}

void DiskEncryptionSetCatalog::reloadFromResourceManager() {
    m_nextLoadExact = true;
    load(m_client, m_subscriptionId);
}

void DiskEncryptionSetCatalog::abort() {
    if (!m_loading)
        return;
    dropLoad();
    m_loading = false;
    m_complete = false;
    Q_EMIT aborted();
}

void DiskEncryptionSetCatalog::clear() {
    abort();
    m_subscriptionId.clear();
    resetSets();
}

void DiskEncryptionSetCatalog::dropLoad() {
    ++m_generation;
    m_pagesConverting = 0;
    disconnect(m_responses);
    if (ResourceGraphPager *graph = m_graph) {
        m_graph = nullptr;
        disconnect(graph, nullptr, this, nullptr);
        graph->abort();
        graph->deleteLater();
    }
    if (ArmPager *pager = m_pager) {
        m_pager = nullptr;
        disconnect(pager, nullptr, this, nullptr);
        pager->abort();
        pager->deleteLater();
    }
}

void DiskEncryptionSetCatalog::resetSets() {
    Q_EMIT aboutToReset();
    m_sets.clear();
    m_regionOf.clear();
    m_indexOfId.clear();
    m_regions.clear();
    m_byType.clear();
    m_setsOfGroup.clear();
    m_error = {};
    m_complete = false;
    m_pages = 0;
    Q_EMIT reset();
}

int DiskEncryptionSetCatalog::indexOf(const QString &id) const {
    return m_indexOfId.value(detail::DesIdKey::of(id), -1);
}

const DiskEncryptionSet *DiskEncryptionSetCatalog::find(const QString &id) const {
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_sets[size_t(index)];
}

std::vector<int> DiskEncryptionSetCatalog::indexesInRegions(const QStringList &regions) const {
    std::vector<int> indexes;
    QStringList seen;
    for (const QString &region : regions) {
        const QString key = normalizeRegion(region);
        if (seen.contains(key))
            continue;
        seen << key;
        const auto found = m_regions.constFind(key);
        if (found != m_regions.cend())
            indexes.insert(indexes.end(), found->sets.begin(), found->sets.end());
    }
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

std::vector<int> DiskEncryptionSetCatalog::indexesOf(const QString &region,
                                                     const QString &encryptionType) const {
    if (region.isEmpty() && encryptionType.isEmpty()) {
        std::vector<int> indexes(m_sets.size());
        std::iota(indexes.begin(), indexes.end(), 0);
        return indexes;
    }
    if (region.isEmpty())
        return m_byType.value(typeKey(encryptionType));
    const auto found = m_regions.constFind(normalizeRegion(region));
    if (found == m_regions.cend())
        return {};
    return encryptionType.isEmpty() ? found->sets : found->byType.value(typeKey(encryptionType));
}

std::vector<DiskEncryptionSet> DiskEncryptionSetCatalog::inRegions(const QStringList &regions) const {
    const std::vector<int> indexes = indexesInRegions(regions);
    std::vector<DiskEncryptionSet> sets;
    sets.reserve(indexes.size());
    for (int index : indexes)
        sets.push_back(m_sets[size_t(index)]);
    return sets;
}

std::vector<DiskEncryptionSet> DiskEncryptionSetCatalog::ofTypeInRegion(const QString &encryptionType,
                                                                        const QString &region) const {
    const std::vector<int> indexes = indexesOf(region, encryptionType);
    std::vector<DiskEncryptionSet> sets;
    sets.reserve(indexes.size());
    for (int index : indexes)
        sets.push_back(m_sets[size_t(index)]);
    return sets;
}

QString DiskEncryptionSetCatalog::busiestResourceGroup() const {
    return cmk::busiestResourceGroup(m_setsOfGroup);
}

} // namespace cmk
