#include "arg/resourcegraphquery.h"

#include <QRegularExpression>

namespace cmk {

QString kqlString(const QString &value) {
    QString escaped;
    escaped.reserve(value.size() + 2);
    escaped += QLatin1Char('\'');
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    escaped += QLatin1Char('\'');
    return escaped;
}

ResourceGraphQuery::ResourceGraphQuery(const QString &table)
    : m_table(table) {
    checkColumn(table);
}

bool ResourceGraphQuery::checkColumn(const QString &column) {
    // Columns are code, never user input; a name that is not one would be KQL of its own.
    static const QRegularExpression path(
        QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"));
    const bool ok = path.match(column).hasMatch();
    Q_ASSERT_X(ok, "ResourceGraphQuery", "a column is a name or a dotted path");
    m_valid = m_valid && ok;
    return ok;
}

ResourceGraphQuery &ResourceGraphQuery::whereEquals(const QString &column, const QString &value) {
    if (checkColumn(column))
        m_operators << QStringLiteral("where %1 =~ %2").arg(column, kqlString(value));
    return *this;
}

ResourceGraphQuery &ResourceGraphQuery::whereIn(const QString &column, const QStringList &values) {
    if (!checkColumn(column))
        return *this;
    QStringList literals;
    for (const QString &value : values)
        literals << kqlString(value);
    // `in~ ()` is not KQL: an empty list is a condition no row meets.
    m_operators << (literals.isEmpty()
                        ? QStringLiteral("where isempty(%1) and isnotempty(%1)").arg(column)
                        : QStringLiteral("where %1 in~ (%2)").arg(column, literals.join(u", ")));
    return *this;
}

ResourceGraphQuery &ResourceGraphQuery::orderBy(const QString &column, bool ascending) {
    if (checkColumn(column))
        m_operators << QStringLiteral("order by %1 %2")
                           .arg(column, ascending ? QStringLiteral("asc") : QStringLiteral("desc"));
    return *this;
}

ResourceGraphQuery &ResourceGraphQuery::project(const QStringList &columns) {
    QStringList names;
    for (const QString &column : columns) {
        if (checkColumn(column))
            names << column;
    }
    m_operators << QStringLiteral("project %1").arg(names.join(u", "));
    return *this;
}

QString ResourceGraphQuery::text() const {
    return m_table + (m_operators.isEmpty() ? QString() : QStringLiteral(" | ") + m_operators.join(u" | "));
}

} // namespace cmk
