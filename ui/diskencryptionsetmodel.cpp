#include "diskencryptionsetmodel.h"

#include "armclient.h"
#include "draftvalidation.h"

#include <QUrl>

namespace cmkui {

DiskEncryptionSetModel::DiskEncryptionSetModel(QObject *parent)
    : QAbstractListModel(parent) {}

DiskEncryptionSetModel::~DiskEncryptionSetModel() {
    abort();
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
    m_pager = client->list(path.path());
    connect(m_pager, &cmk::ArmPager::pageReceived, this, [this](const nlohmann::json &items) {
        std::vector<cmk::DiskEncryptionSet> page;
        if (cmk::ArmError e = cmk::parseResources(items, page)) {
            m_error = e;
            return;
        }
        if (page.empty())
            return;
        beginInsertRows({}, int(m_sets.size()), int(m_sets.size() + page.size() - 1));
        m_sets.insert(m_sets.end(), page.begin(), page.end());
        endInsertRows();
    });
    connect(m_pager, &cmk::ArmPager::finished, this, [this] {
        cmk::ArmPager *pager = m_pager;
        m_pager = nullptr;
        pager->deleteLater();
        if (pager->error())
            m_error = pager->error();
        m_complete = !m_error.isError();
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFinished();
    });
    Q_EMIT loadingChanged(true);
}

void DiskEncryptionSetModel::reload() {
    load(m_client, m_subscriptionId);
}

void DiskEncryptionSetModel::abort() {
    if (!m_pager)
        return;
    cmk::ArmPager *pager = m_pager;
    m_pager = nullptr;
    disconnect(pager, nullptr, this, nullptr);
    pager->abort();
    pager->deleteLater();
    Q_EMIT loadingChanged(false);
}

void DiskEncryptionSetModel::clear() {
    abort();
    beginResetModel();
    m_sets.clear();
    m_error = {};
    m_complete = false;
    endResetModel();
}

const cmk::DiskEncryptionSet *DiskEncryptionSetModel::find(const QString &id) const {
    for (const cmk::DiskEncryptionSet &des : m_sets) {
        if (cmk::sameResourceId(des.id, id))
            return &des;
    }
    return nullptr;
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
    for (int row = 0; row < rowCount(); ++row) {
        if (cmk::sameResourceId(index(row, 0).data(DiskEncryptionSetModel::IdRole).toString(), id))
            return row;
    }
    return -1;
}

bool DiskEncryptionSetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const auto *model = qobject_cast<const DiskEncryptionSetModel *>(sourceModel());
    if (!model || sourceParent.isValid() || sourceRow >= int(model->all().size()))
        return false;
    return cmk::DraftValidation::desSuitable(model->all().at(size_t(sourceRow)), m_region, m_subscriptionId,
                                             m_mode);
}

} // namespace cmkui
