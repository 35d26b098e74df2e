#include "common/resourcelistmodel.h"

#include "common/usertext.h"

#include "arm/resources.h"

namespace cmkui {

ResourceListModel::ResourceListModel(QObject *parent)
    : QAbstractListModel(parent) {}

ResourceListModel::~ResourceListModel() {
    if (m_listing) {
        disconnect(m_listing, nullptr, this, nullptr);
        m_listing->abort();
        m_listing->deleteLater();
    }
}

int ResourceListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ResourceListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (m_showsRegions)
            return cmk::RegionNames::displayName(r.name, r.display);
        return r.display.isEmpty() ? r.name : r.display;
    case Qt::ToolTipRole:
        return r.toolTip.isEmpty() ? r.id : r.toolTip;
    case IdRole:
        return r.id;
    case NameRole:
        return r.name;
    case LocationRole:
        return r.location;
    }
    return {};
}

void ResourceListModel::show(cmk::ResourceListingBase *listing, std::function<QList<Row>()> takeRows) {
    clear();
    listing->setParent(this);
    m_listing = listing;
    connect(listing, &cmk::ResourceListingBase::itemsReady, this,
            [this, takeRows = std::move(takeRows)] { appendRows(takeRows()); });
    connect(listing, &cmk::ResourceListingBase::finished, this, [this, listing] {
        m_listing = nullptr;
        listing->deleteLater();
        m_error = listing->error();
        m_complete = !m_error.isError();
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFinished();
    });
    Q_EMIT loadingChanged(true);
}

void ResourceListModel::appendRows(QList<Row> rows) {
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += std::move(rows);
    endInsertRows();
}

ResourceListModel::Row ResourceListModel::subscriptionRow(const cmk::Subscription &subscription) {
    Row row;
    row.id = subscription.id;
    row.name = subscription.subscriptionId;
    row.display = subscription.displayName.isEmpty()
                      ? row.name
                      : QStringLiteral("%1 (%2)").arg(subscription.displayName, row.name);
    row.resource = subscription;
    return row;
}

void ResourceListModel::clear() {
    abort();
    beginResetModel();
    m_rows.clear();
    m_error = {};
    m_complete = false;
    endResetModel();
}

void ResourceListModel::abort() {
    if (!m_listing)
        return;
    cmk::ResourceListingBase *listing = m_listing;
    m_listing = nullptr;
    disconnect(listing, nullptr, this, nullptr);
    listing->abort();
    listing->deleteLater();
    // Silent on purpose: whoever aborts knows, and a stale loadFinished() would confuse views.
    Q_EMIT loadingChanged(false);
}

int ResourceListModel::rowOfId(const QString &id) const {
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (cmk::sameResourceId(m_rows.at(i).id, id))
            return i;
    }
    return -1;
}

int ResourceListModel::rowOfName(const QString &name) const {
    if (name.isEmpty())
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace cmkui

namespace cmkui {

QString ResourceListModel::regionDisplayName(const QString &name) const {
    const int r = rowOfName(name);
    return cmk::RegionNames::displayName(name, r >= 0 ? m_rows.at(r).display : QString());
}

} // namespace cmkui
