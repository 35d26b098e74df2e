#pragma once

// Builds Azure Resource Graph queries (KQL) from typed parts. Values only ever enter a query through
// kqlString(), so a resource name holding a quote or a backslash stays one string literal and cannot add
// operators to the query.

#include <QString>
#include <QStringList>

namespace cmk {

/// `value` as a KQL string literal: in single quotes, each backslash and single quote escaped with a
/// backslash.
QString kqlString(const QString &value);

class ResourceGraphQuery {
public:
    /// A query over `table` (ARG's "resources" by default).
    explicit ResourceGraphQuery(const QString &table = QStringLiteral("resources"));

    /// Rows whose `column` (a name or a dotted path such as properties.encryptionType) equals `value`,
    /// ignoring case (`=~`), as ARM compares ids, types and regions.
    ResourceGraphQuery &whereEquals(const QString &column, const QString &value);
    /// Rows whose `column` is one of `values`, ignoring case (`in~`). An empty list matches no row.
    ResourceGraphQuery &whereIn(const QString &column, const QStringList &values);
    ResourceGraphQuery &orderBy(const QString &column, bool ascending = true);
    ResourceGraphQuery &project(const QStringList &columns);

    /// The KQL text: "resources | where ... | order by ...".
    QString text() const;
    /// False when a column given was not a name or dotted path (a programming error: the text leaves it out).
    bool isValid() const { return m_valid; }

private:
    bool checkColumn(const QString &column);

    QString m_table;
    QStringList m_operators;
    bool m_valid = true;
};

} // namespace cmk
