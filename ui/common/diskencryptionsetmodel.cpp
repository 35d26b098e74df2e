#include "common/diskencryptionsetmodel.h"

#include "common/deshealthview.h"
#include "des/diskencryptionsetcatalog.h"
#include "imageversion/imageversionvalidation.h"
#include "keyvault/deshealthcache.h"

#include <QElapsedTimer>
#include <QUrl>
#include <algorithm>

namespace cmkui {

DiskEncryptionSetModel::DiskEncryptionSetModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(new cmk::DiskEncryptionSetCatalog(this)) {
    // The dropdowns fill from one Resource Graph query (ARM's listing when ARG is unavailable); Refresh the
    // list and the live check before submit read ARM's exact listing.
    m_catalog->setSource(cmk::DesListSource::Auto);
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &DiskEncryptionSetModel::insertSlice);
    followCatalog();
}

DiskEncryptionSetModel::~DiskEncryptionSetModel() {
    // The catalogue (a child) outlives this part of the destruction: it must not call back into it.
    disconnect(m_catalog, nullptr, this, nullptr);
}

void DiskEncryptionSetModel::followCatalog() {
    using Catalog = cmk::DiskEncryptionSetCatalog;
    connect(m_catalog, &Catalog::aboutToReset, this, [this] { beginResetModel(); });
    connect(m_catalog, &Catalog::reset, this, [this] {
        m_rows = 0;
        m_available = 0;
        m_complete = false;
        m_catalogDone = false;
        m_sliceTimer.stop();
        endResetModel();
    });
    connect(m_catalog, &Catalog::loadStarted, this, &DiskEncryptionSetModel::onLoadStarted);
    connect(m_catalog, &Catalog::setsAdded, this, &DiskEncryptionSetModel::onSetsAdded);
    connect(m_catalog, &Catalog::loadFinished, this, &DiskEncryptionSetModel::onLoadFinished);
    connect(m_catalog, &Catalog::aborted, this, &DiskEncryptionSetModel::stopInserting);
}

int DiskEncryptionSetModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_rows;
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
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const cmk::DiskEncryptionSet &des = m_catalog->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        //: A disk encryption set in a dropdown: %1 its name, %2 its resource group, %3 its key (vault/key).
        return tr("%1 (%2) — key %3").arg(des.name, des.resourceGroup(), shortKeyName(des.keyUrl));
    case Qt::ToolTipRole: {
        const QString text = tr("%1\nResource group: %2\nKey: %3\nKey vault: %4\nEncryption type: %5")
                                 .arg(des.name, des.resourceGroup(), des.keyUrl,
                                      cmk::ResourceId::parse(des.sourceVaultId).name(), des.encryptionType);
        const cmk::DesHealth *health = m_keyHealth ? m_keyHealth->health(des.id) : nullptr;
        return health ? QStringLiteral("<p>%1</p>%2")
                            .arg(text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")),
                                 DesHealthView::tooltip(*health))
                      : text;
    }
    case HealthStatusRole: // not DecorationRole: a closed dropdown shows no icon, its cell has one already
        if (!m_keyHealth)
            return {};
        return DesHealthView::statusKey(m_keyHealth->health(des.id), m_keyHealth->isChecking(des.id));
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

void DiskEncryptionSetModel::setKeyHealth(cmk::DesHealthCache *cache) {
    if (m_keyHealth)
        disconnect(m_keyHealth, nullptr, this, nullptr);
    m_keyHealth = cache;
    if (!cache)
        return;
    connect(cache, &cmk::DesHealthCache::healthChanged, this, [this](const QString &desId) {
        const int row = rowOf(desId);
        if (row >= 0 && row < m_rows)
            Q_EMIT dataChanged(index(row), index(row), {Qt::ToolTipRole, HealthStatusRole});
    });
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
    names.insert(HealthStatusRole, "healthStatus");
    return names;
}

void DiskEncryptionSetModel::load(cmk::ArmClient *client, const QString &subscriptionId) {
    // The catalogue replaces a load in flight without aborting it: whoever counts the catalogue (the
    // readiness check) sees a reload, not a failure.
    stopInserting();
    m_catalog->load(client, subscriptionId); // resets the rows
}

void DiskEncryptionSetModel::reload() {
    load(m_catalog->client(), m_catalog->subscriptionId());
}

void DiskEncryptionSetModel::reloadFromResourceManager() {
    stopInserting();
    m_catalog->reloadFromResourceManager(); // resets the rows, as load() does
}

void DiskEncryptionSetModel::abort() {
    m_catalog->abort(); // stopInserting() follows when it was loading
    stopInserting();    // the catalogue may be done while rows still wait for their slice
}

void DiskEncryptionSetModel::clear() {
    abort();
    m_catalog->clear();
}

QString DiskEncryptionSetModel::subscriptionId() const {
    return m_catalog->subscriptionId();
}

const cmk::ArmError &DiskEncryptionSetModel::error() const {
    return m_catalog->error();
}

const std::vector<cmk::DiskEncryptionSet> &DiskEncryptionSetModel::all() const {
    return m_catalog->all();
}

void DiskEncryptionSetModel::onLoadStarted() {
    m_catalogDone = false;
    if (m_loading)
        return; // a load replaced another: the rows were reset, the model is still loading
    m_loading = true;
    Q_EMIT loadingChanged(true);
}

void DiskEncryptionSetModel::onSetsAdded(int first, int count) {
    m_available = first + count;
    insertSlice();
}

void DiskEncryptionSetModel::onLoadFinished() {
    m_catalogDone = true;
    if (!m_loading) {
        Q_EMIT loadFinished(); // the load could not start (an unusable subscription id)
        return;
    }
    // With rows still waiting, the last slice ends the load on its own turn: the receivers of the end (the
    // pages' checks) would otherwise add their time to that slice's.
    if (!m_sliceTimer.isActive())
        finishIfDone();
}

void DiskEncryptionSetModel::stopInserting() {
    if (!m_loading)
        return;
    m_loading = false;
    m_available = m_rows;
    m_sliceTimer.stop();
    Q_EMIT loadingChanged(false);
}

void DiskEncryptionSetModel::insertSlice() {
    // Rows go in by small batches until the slice's time is used: what a batch costs depends on the views
    // (six sorted filter proxies and their dropdowns on the Encryption page) and on the machine.
    QElapsedTimer clock;
    clock.start();
    const bool hadRows = m_rows < m_available;
    while (m_rows < m_available && clock.elapsed() < SliceBudgetMs) {
        const int count = std::min(RowsPerBatch, m_available - m_rows);
        beginInsertRows({}, m_rows, m_rows + count - 1);
        m_rows += count;
        endInsertRows();
    }
    // The rest on the next turn, after input and painting; so is the end of the load.
    if (hadRows)
        m_sliceTimer.start();
    else
        finishIfDone();
}

void DiskEncryptionSetModel::finishIfDone() {
    if (!m_loading || !m_catalogDone || m_rows < m_available)
        return;
    m_loading = false;
    m_complete = m_catalog->isComplete();
    Q_EMIT loadingChanged(false);
    Q_EMIT loadFinished();
}

const cmk::DiskEncryptionSet *DiskEncryptionSetModel::find(const QString &id) const {
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_catalog->at(row);
}

QString DiskEncryptionSetModel::busiestResourceGroup() const {
    return m_catalog->busiestResourceGroup();
}

int DiskEncryptionSetModel::rowOf(const QString &id) const {
    const int index = m_catalog->indexOf(id);
    return index < m_rows ? index : -1;
}

std::vector<cmk::DiskEncryptionSet> DiskEncryptionSetModel::inRegions(const QStringList &regions) const {
    std::vector<cmk::DiskEncryptionSet> sets;
    for (int index : m_catalog->indexesInRegions(regions)) {
        if (index >= m_rows)
            break; // in list order: the rest has no row yet
        sets.push_back(m_catalog->at(index));
    }
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
    m_regionKey = cmk::normalizeRegion(region);
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
    if (!model || sourceParent.isValid() || sourceRow >= model->rowCount())
        return false;
    // Most rows are in other regions: the catalogue's normalised region answers for them at once (the
    // same comparison as cmk::sameRegion), before the rule that decides.
    if (model->catalog()->regionAt(sourceRow) != m_regionKey)
        return false;
    return cmk::ImageVersionValidation::desSuitable(model->catalog()->at(sourceRow), m_region,
                                                    m_subscriptionId, m_mode);
}

} // namespace cmkui
