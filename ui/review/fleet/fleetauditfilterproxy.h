#pragma once

// The Fleet tab's filters over FleetAuditTableModel: one key per filterable column (severity, code,
// subscription, gallery, region, encryption; empty: any) and a text that any cell shown may contain. Sorts by
// FleetAuditTableModel::SortRole (severity by rank, not alphabetically).

#include <QSortFilterProxyModel>

namespace cmkui {

class FleetAuditFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FleetAuditFilterProxy(QObject *parent = nullptr);

    /// Only rows whose `column` has the stable key `key` (FleetAuditTableModel::FilterKeyRole); empty: any.
    void setColumnFilter(int column, const QString &key);
    QString columnFilter(int column) const { return m_keys.value(column); }
    /// Only rows one of whose cells contains `text` (case-insensitive); empty: any.
    void setTextFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QHash<int, QString> m_keys;
    QString m_text;
};

} // namespace cmkui
