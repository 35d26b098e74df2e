#pragma once

// The Fleet tab's table: one row per finding of each analysed version, and one row for a version without any
// finding (so every version audited is in the table and can be opened). Rows are appended as the audit
// analyses versions (FleetAudit::versionsAnalysed), never reset during a scan: selection and sorting survive.
// Every text is in the interface's language (severities, encryption kinds, region names); the stable keys
// (FilterKeyRole) are what the filters compare.

#include "audit/fleetaudit.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>
#include <QPointer>

namespace cmkui {

class FleetAuditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Severity, Code, Subscription, Gallery, Version, Region, Encryption, Message, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< severity: its rank (errors highest); other columns: the text shown
        FilterKeyRole,               ///< QStringList of stable keys the column's filter matches
        VersionIdRole,               ///< the version's resource ID, any column
    };

    explicit FleetAuditTableModel(QObject *parent = nullptr);

    /// Shows the versions `audit` analyses from now on (and none of before); null: none.
    void setAudit(const cmk::FleetAudit *audit);
    /// Empties the table (a new scan starts).
    void clear();
    /// Display names of subscriptions by lower-case id (shown instead of the GUID).
    void setSubscriptionNames(const QHash<QString, QString> &names);

    int findingCount() const { return m_findings; }
    int versionCount() const { return m_versions; }
    QString versionId(int row) const;
    /// The keys seen so far in `column`, with their label (filters offer them).
    QMap<QString, QString> filterValues(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Appends the rows of result().versions[first .. first + count - 1].
    void appendVersions(int first, int count);

Q_SIGNALS:
    /// A filterable column got a key it did not have.
    void filterValuesChanged();

private:
    struct Row {
        int version;
        int finding; ///< -1: the version has no finding
    };
    const cmk::AuditedVersion &versionOf(const Row &row) const;
    QString text(const Row &row, int column) const;
    QStringList filterKeys(const Row &row, int column) const;
    QString subscriptionLabel(const QString &subscriptionId) const;
    /// Records the keys of row `index` for the filters; true when one is new.
    bool noteFilterValues(int index);

    QPointer<const cmk::FleetAudit> m_audit;
    QList<Row> m_rows;
    QHash<QString, QString> m_subscriptionNames;
    QMap<QString, int> m_values[ColumnCount]; ///< per column: key -> first row that has it
    int m_findings = 0;
    int m_versions = 0;
};

} // namespace cmkui
