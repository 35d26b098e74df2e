#include "review/fleet/fleetauditfilterproxy.h"

#include "review/fleet/fleetaudittablemodel.h"

namespace cmkui {

FleetAuditFilterProxy::FleetAuditFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(FleetAuditTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void FleetAuditFilterProxy::setColumnFilter(int column, const QString &key) {
    if (m_keys.value(column) == key)
        return;
    if (key.isEmpty())
        m_keys.remove(column);
    else
        m_keys.insert(column, key);
    invalidateRowsFilter();
}

void FleetAuditFilterProxy::setTextFilter(const QString &text) {
    if (m_text == text.trimmed())
        return;
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool FleetAuditFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QAbstractItemModel *model = sourceModel();
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        const QStringList keys = model->index(sourceRow, it.key(), sourceParent)
                                     .data(FleetAuditTableModel::FilterKeyRole)
                                     .toStringList();
        if (!keys.contains(it.value()))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace cmkui
