#include "common/diskencryptionsetmodel.h"

#include "arm/armclient.h"
#include "imageversion/imageversionvalidation.h"
#include "prerequisites/prerequisites.h"

#include <QElapsedTimer>
#include <QUrl>
#include <algorithm>
#include <iterator>

namespace cmkui {

DiskEncryptionSetModel::DiskEncryptionSetModel(QObject *parent)
    : QAbstractListModel(parent) {
    m_parser.setMaxThreadCount(1); // one thread: pages are converted, and arrive, in the server's order
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &DiskEncryptionSetModel::insertSlice);
}

DiskEncryptionSetModel::~DiskEncryptionSetModel() {
    abort();
    // A worker still converting a page posts to this object: it must be done before QObject goes away
    // (which drops the events already posted).
    m_parser.clear();
    m_parser.waitForDone();
}

int DiskEncryptionSetModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_sets.size());
}

QString DiskEncryptionSetModel::shortKeyName(const QString &keyUrl) {
    const QUrl url(keyUrl);
    const QString vault = url.host().section(QLatin1Char('.'), 0, 0);
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString key = parts.size() >= 2 ? parts.at(1) : QString();
    if (vault.isEmpty() || key.isEmpty())
        return keyUrl;
    return vault + QLatin1Char('/') + key;
}

QVariant DiskEncryptionSetModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= int(m_sets.size()))
        return {};
    const cmk::DiskEncryptionSet &des = m_sets.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        //: A disk encryption set in a dropdown: %1 its name, %2 its resource group, %3 its key (vault/key).
        return tr("%1 (%2) — key %3").arg(des.name, des.resourceGroup(), shortKeyName(des.keyUrl));
    case Qt::ToolTipRole:
        return tr("%1\nResource group: %2\nKey: %3\nEncryption type: %4")
            .arg(des.name, des.resourceGroup(), des.keyUrl, des.encryptionType);
    case IdRole:
        return des.id;
    case NameRole:
        return des.name;
    case ResourceGroupRole:
        return des.resourceGroup();
    case LocationRole:
        return cmk::normalizeRegion(des.location);
    case SubscriptionRole:
        return des.subscriptionId();
    case EncryptionTypeRole:
        return des.encryptionType;
    case KeyUrlRole:
        return des.keyUrl;
    case ProvisioningStateRole:
        return des.provisioningState;
    }
    return {};
}

QHash<int, QByteArray> DiskEncryptionSetModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(NameRole, "name");
    names.insert(ResourceGroupRole, "resourceGroup");
    names.insert(LocationRole, "location");
    names.insert(SubscriptionRole, "subscriptionId");
    names.insert(EncryptionTypeRole, "encryptionType");
    names.insert(KeyUrlRole, "keyUrl");
    return names;
}

void DiskEncryptionSetModel::load(cmk::ArmClient *client, const QString &subscriptionId) {
    clear();
    m_client = client;
    m_subscriptionId = subscriptionId;
    if (!client || subscriptionId.isEmpty())
        return;
    cmk::ArmPathBuilder path;
    path.literal(QStringLiteral("subscriptions"))
        .name(subscriptionId)
        .literal(QStringLiteral("providers"))
        .literal(QStringLiteral("Microsoft.Compute"))
        .literal(QStringLiteral("diskEncryptionSets"));
    if (!path.ok()) {
        m_error = path.error();
        Q_EMIT loadFinished();
        return;
    }
    // Growing the vector past 4,096 or 8,192 sets would move them all in one slice (10 ms here); untouched
    // reserved memory costs nothing until rows fill it.
    m_sets.reserve(std::max<size_t>(m_largestLoad, ReservedRows));
    m_rowOfId.reserve(qsizetype(m_sets.capacity()));
    m_loading = true;
    m_pagerDone = false;
    cmk::ArmPager *pager = client->list(path.path());
    m_pager = pager;
    // The page is taken from the pager that sent it, not from m_pager: a slot must never read another load's
    // pager (outside its pageReceived(), sharedPage() is null).
    connect(pager, &cmk::ArmPager::pageReceived, this, [this, pager] {
        std::shared_ptr<const nlohmann::json> items = pager->sharedPage();
        Q_ASSERT(items);
        ++m_pagesParsing;
        const quint64 generation = m_generation;
        m_parser.start([this, generation, items = std::move(items)] {
            cmk::lowerWorkerThreadPriority();
            std::vector<cmk::DiskEncryptionSet> page;
            const cmk::ArmError error = cmk::parseResources(*items, page);
            QMetaObject::invokeMethod(
                this,
                [this, generation, page = std::move(page), error]() mutable {
                    onPageParsed(generation, std::move(page), error);
                },
                Qt::QueuedConnection);
        });
    });
    connect(pager, &cmk::ArmPager::finished, this, [this, pager] {
        m_pager = nullptr;
        pager->deleteLater();
        if (pager->error())
            m_error = pager->error();
        m_pagerDone = true;
        finishIfDone();
    });
    Q_EMIT loadingChanged(true);
}

void DiskEncryptionSetModel::onPageParsed(quint64 generation, std::vector<cmk::DiskEncryptionSet> page,
                                          const cmk::ArmError &error) {
    if (generation != m_generation || !m_loading)
        return; // converted for a load that was aborted since
    --m_pagesParsing;
    if (error) {
        if (!m_error)
            m_error = error;
    } else {
        std::move(page.begin(), page.end(), std::back_inserter(m_pending));
    }
    insertSlice();
}

void DiskEncryptionSetModel::insertSlice() {
    // Rows go in by small batches until the slice's time is used: what a batch costs depends on the views
    // (six sorted filter proxies and their dropdowns on the Encryption page) and on the machine.
    QElapsedTimer clock;
    clock.start();
    const bool hadRows = !m_pending.empty();
    while (!m_pending.empty() && clock.elapsed() < SliceBudgetMs) {
        const int count = int(std::min<size_t>(RowsPerBatch, m_pending.size()));
        const int first = int(m_sets.size());
        beginInsertRows({}, first, first + count - 1);
        for (int i = 0; i < count; ++i) {
            m_sets.push_back(std::move(m_pending.front()));
            m_pending.pop_front();
            const QString key = idKey(m_sets.back().id);
            if (!m_rowOfId.contains(key)) // a duplicate id: find() returns the first, as before
                m_rowOfId.insert(key, first + i);
            m_rowsOfRegion[cmk::normalizeRegion(m_sets.back().location)].push_back(first + i);
            ++m_setsOfGroup[m_sets.back().resourceGroup()];
        }
        endInsertRows();
    }
    // The rest on the next turn, after input and painting; so is the end of the load, whose receivers (the
    // pages' checks) would otherwise add their time to this slice's.
    if (hadRows)
        m_sliceTimer.start();
    else
        finishIfDone();
}

void DiskEncryptionSetModel::finishIfDone() {
    if (!m_loading || !m_pagerDone || m_pagesParsing > 0 || !m_pending.empty())
        return;
    m_loading = false;
    m_complete = !m_error.isError();
    m_largestLoad = std::max(m_largestLoad, m_sets.size());
    Q_EMIT loadingChanged(false);
    Q_EMIT loadFinished();
}

void DiskEncryptionSetModel::reload() {
    load(m_client, m_subscriptionId);
}

void DiskEncryptionSetModel::abort() {
    if (!m_loading)
        return;
    ++m_generation;
    m_loading = false;
    m_pagesParsing = 0;
    m_pending.clear();
    m_sliceTimer.stop();
    if (cmk::ArmPager *pager = m_pager) {
        m_pager = nullptr;
        disconnect(pager, nullptr, this, nullptr);
        pager->abort();
        pager->deleteLater();
    }
    Q_EMIT loadingChanged(false);
}

void DiskEncryptionSetModel::clear() {
    abort();
    beginResetModel();
    m_sets.clear();
    m_rowOfId.clear();
    m_rowsOfRegion.clear();
    m_setsOfGroup.clear();
    m_error = {};
    m_complete = false;
    endResetModel();
}

QString DiskEncryptionSetModel::idKey(const QString &id) {
    // Same equivalence as cmk::sameResourceId: trimmed, no trailing slash, case-insensitive.
    QString key = id.trimmed();
    while (key.endsWith(QLatin1Char('/')))
        key.chop(1);
    return key.toCaseFolded();
}

const cmk::DiskEncryptionSet *DiskEncryptionSetModel::find(const QString &id) const {
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_sets.at(size_t(row));
}

QString DiskEncryptionSetModel::busiestResourceGroup() const {
    return cmk::busiestResourceGroup(m_setsOfGroup);
}

int DiskEncryptionSetModel::rowOf(const QString &id) const {
    return m_rowOfId.value(idKey(id), -1);
}

std::vector<cmk::DiskEncryptionSet> DiskEncryptionSetModel::inRegions(const QStringList &regions) const {
    std::vector<int> rows;
    QStringList seen;
    for (const QString &region : regions) {
        const QString key = cmk::normalizeRegion(region);
        if (seen.contains(key))
            continue;
        seen << key;
        const auto found = m_rowsOfRegion.constFind(key);
        if (found != m_rowsOfRegion.cend())
            rows.insert(rows.end(), found->begin(), found->end());
    }
    std::sort(rows.begin(), rows.end());
    std::vector<cmk::DiskEncryptionSet> sets;
    sets.reserve(rows.size());
    for (int row : rows)
        sets.push_back(m_sets.at(size_t(row)));
    return sets;
}

DiskEncryptionSetFilterModel::DiskEncryptionSetFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(DiskEncryptionSetModel::NameRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
}

void DiskEncryptionSetFilterModel::setCriteria(const QString &region, const QString &subscriptionId,
                                               cmk::EncryptionMode mode) {
    m_region = region;
    m_subscriptionId = subscriptionId;
    m_mode = mode;
    invalidateFilter();
}

int DiskEncryptionSetFilterModel::rowOfId(const QString &id) const {
    // Through the source model's id index: the grid asks for every dropdown on every slice of a load.
    const auto *model = qobject_cast<const DiskEncryptionSetModel *>(sourceModel());
    if (!model || id.isEmpty())
        return -1;
    const int sourceRow = model->rowOf(id);
    return sourceRow < 0 ? -1 : mapFromSource(model->index(sourceRow, 0)).row();
}

bool DiskEncryptionSetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const auto *model = qobject_cast<const DiskEncryptionSetModel *>(sourceModel());
    if (!model || sourceParent.isValid() || sourceRow >= int(model->all().size()))
        return false;
    return cmk::ImageVersionValidation::desSuitable(model->all().at(size_t(sourceRow)), m_region, m_subscriptionId,
                                             m_mode);
}

} // namespace cmkui
