// Runs a parsed query (kql.h) over the rows of the `resources` table. Columns are checked before any row is
// read, so a query naming an unknown column fails even over an empty subscription, as the real service's
// does.

#include "arg/kql.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace armsandbox::kql {

namespace {

bool isEmptyValue(const QJsonValue &value) {
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty());
}

/// What tostring() gives: strings as they are, numbers and booleans as text, dynamic values as JSON.
QString toText(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

bool isTrue(const QJsonValue &value) {
    return value.isBool() ? value.toBool() : false;
}

/// `has`: the term occurs whole, bounded by non-alphanumeric characters (case-insensitive).
bool hasTerm(const QString &text, const QString &term) {
    if (term.isEmpty())
        return true;
    for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(term, at + 1, Qt::CaseInsensitive)) {
        const qsizetype end = at + term.size();
        const bool startsTerm = at == 0 || !text.at(at - 1).isLetterOrNumber();
        const bool endsTerm = end == text.size() || !text.at(end).isLetterOrNumber();
        if (startsTerm && endsTerm)
            return true;
    }
    return false;
}

bool equalValues(QJsonValue a, QJsonValue b) {
    if (a.isUndefined()) // a member that is not there reads as null
        a = QJsonValue(QJsonValue::Null);
    if (b.isUndefined())
        b = QJsonValue(QJsonValue::Null);
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

bool compare(const QString &op, const QJsonValue &left, const QJsonValue &right) {
    if (op == QLatin1String("=="))
        return equalValues(left, right);
    if (op == QLatin1String("!="))
        return !equalValues(left, right);
    const QString a = toText(left);
    const QString b = toText(right);
    if (op == QLatin1String("=~"))
        return a.compare(b, Qt::CaseInsensitive) == 0;
    if (op == QLatin1String("!~"))
        return a.compare(b, Qt::CaseInsensitive) != 0;
    if (op == QLatin1String("has"))
        return hasTerm(a, b);
    if (op == QLatin1String("contains"))
        return a.contains(b, Qt::CaseInsensitive);
    return a.startsWith(b, Qt::CaseInsensitive); // startswith
}

QJsonValue evaluate(const Expr &expr, const QJsonObject &row);

QJsonValue callFunction(const Expr &expr, const QJsonObject &row) {
    const QJsonValue argument = evaluate(*expr.args.front(), row);
    if (expr.name == QLatin1String("tostring"))
        return toText(argument);
    if (expr.name == QLatin1String("tolower"))
        return toText(argument).toLower();
    if (expr.name == QLatin1String("isempty"))
        return isEmptyValue(argument);
    if (expr.name == QLatin1String("isnotempty"))
        return !isEmptyValue(argument);
    return !isTrue(argument); // not
}

QJsonValue evaluate(const Expr &expr, const QJsonObject &row) {
    switch (expr.kind) {
    case Expr::Literal:
        return expr.literal;
    case Expr::Column:
        return row.value(expr.name);
    case Expr::Member: {
        const QJsonValue object = evaluate(*expr.args.front(), row);
        return object.isObject() ? object.toObject().value(expr.name) : QJsonValue(QJsonValue::Null);
    }
    case Expr::Call:
        return callFunction(expr, row);
    case Expr::Binary:
        if (expr.name == QLatin1String("and"))
            return isTrue(evaluate(*expr.args[0], row)) && isTrue(evaluate(*expr.args[1], row));
        if (expr.name == QLatin1String("or"))
            return isTrue(evaluate(*expr.args[0], row)) || isTrue(evaluate(*expr.args[1], row));
        return compare(expr.name, evaluate(*expr.args[0], row), evaluate(*expr.args[1], row));
    case Expr::InList: {
        const QJsonValue value = evaluate(*expr.args.front(), row);
        const bool ignoreCase = expr.name == QLatin1String("in~");
        for (size_t i = 1; i < expr.args.size(); ++i) {
            const QJsonValue item = evaluate(*expr.args[i], row);
            if (ignoreCase ? compare(QStringLiteral("=~"), value, item) : equalValues(value, item))
                return true;
        }
        return false;
    }
    }
    return {};
}

/// The first column `expr` names that is not in `columns`, or empty.
QString unknownColumn(const Expr &expr, const QStringList &columns) {
    if (expr.kind == Expr::Column && !columns.contains(expr.name))
        return expr.name;
    for (const ExprPtr &arg : expr.args) {
        const QString unknown = unknownColumn(*arg, columns);
        if (!unknown.isEmpty())
            return unknown;
    }
    return {};
}

/// Orders values as KQL does: numbers by value, the rest by their text; empty values first.
int compareForSort(const QJsonValue &a, const QJsonValue &b) {
    if (isEmptyValue(a) || isEmptyValue(b))
        return int(!isEmptyValue(a)) - int(!isEmptyValue(b));
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : a.toDouble() > b.toDouble() ? 1 : 0;
    return toText(a).compare(toText(b));
}

void sortRows(QList<QJsonObject> &rows, const std::vector<SortKey> &keys) {
    std::stable_sort(rows.begin(), rows.end(), [&keys](const QJsonObject &a, const QJsonObject &b) {
        for (const SortKey &key : keys) {
            const int order = compareForSort(evaluate(*key.expr, a), evaluate(*key.expr, b));
            if (order != 0)
                return key.ascending ? order < 0 : order > 0;
        }
        return false;
    });
}

QList<QJsonObject> summarize(const Stage &stage, const QList<QJsonObject> &rows) {
    QList<QJsonObject> groups;
    QHash<QString, int> groupOf; // the by values as JSON -> position in groups
    for (const QJsonObject &row : rows) {
        QJsonObject group;
        QJsonArray key;
        for (const NamedExpr &column : stage.columns) {
            const QJsonValue value = evaluate(*column.expr, row);
            group.insert(column.name, value);
            key.append(value);
        }
        const QString keyText = QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
        const auto found = groupOf.constFind(keyText);
        if (found == groupOf.cend()) {
            group.insert(stage.countColumn, 1);
            groupOf.insert(keyText, int(groups.size()));
            groups.append(group);
        } else {
            QJsonObject &existing = groups[*found];
            existing.insert(stage.countColumn, existing.value(stage.countColumn).toInt() + 1);
        }
    }
    return groups;
}

QList<QJsonObject> project(const Stage &stage, const QList<QJsonObject> &rows) {
    QList<QJsonObject> out;
    out.reserve(rows.size());
    for (const QJsonObject &row : rows) {
        QJsonObject projected = stage.kind == Stage::Extend ? row : QJsonObject();
        for (const NamedExpr &column : stage.columns)
            projected.insert(column.name, evaluate(*column.expr, row));
        out.append(projected);
    }
    return out;
}

/// The columns after `stage`, or the unknown column it names in `unknown`.
QStringList columnsAfter(const Stage &stage, const QStringList &columns, QString *unknown) {
    std::vector<ExprPtr> used;
    if (stage.predicate)
        used.push_back(stage.predicate);
    for (const NamedExpr &column : stage.columns)
        used.push_back(column.expr);
    for (const SortKey &key : stage.keys)
        used.push_back(key.expr);
    for (const ExprPtr &expr : used) {
        *unknown = unknownColumn(*expr, columns);
        if (!unknown->isEmpty())
            return {};
    }
    QStringList after = stage.kind == Stage::Extend ? columns : QStringList();
    switch (stage.kind) {
    case Stage::Project:
    case Stage::Extend:
    case Stage::Summarize:
        for (const NamedExpr &column : stage.columns)
            after.append(column.name);
        if (stage.kind == Stage::Summarize)
            after.append(stage.countColumn);
        return after;
    case Stage::Count:
        return {QStringLiteral("Count")};
    default:
        return columns;
    }
}

QList<QJsonObject> runStage(const Stage &stage, QList<QJsonObject> rows) {
    switch (stage.kind) {
    case Stage::Where: {
        // Into a list of its own: `rows` is usually still shared with the cached table, and removing from it
        // would first copy all of it.
        QList<QJsonObject> kept;
        for (const QJsonObject &row : std::as_const(rows)) {
            if (isTrue(evaluate(*stage.predicate, row)))
                kept.append(row);
        }
        return kept;
    }
    case Stage::Project:
    case Stage::Extend:
        return project(stage, rows);
    case Stage::Sort:
        sortRows(rows, stage.keys);
        return rows;
    case Stage::Top:
        sortRows(rows, stage.keys);
        Q_FALLTHROUGH();
    case Stage::Take:
        return rows.mid(0, int(qBound<qint64>(0, stage.count, rows.size())));
    case Stage::Count:
        return {QJsonObject{{QStringLiteral("Count"), int(rows.size())}}};
    case Stage::Summarize:
        return summarize(stage, rows);
    }
    return rows;
}

/// Adds the filter `condition` sets, and those of the conditions it `and`s, to `filters`.
void collectFilters(const Expr &condition, std::vector<ColumnFilter> &filters) {
    if (condition.kind == Expr::Binary && condition.name == QLatin1String("and")) {
        collectFilters(*condition.args[0], filters);
        collectFilters(*condition.args[1], filters);
        return;
    }
    const bool equality = condition.kind == Expr::Binary &&
                          (condition.name == QLatin1String("==") || condition.name == QLatin1String("=~"));
    const bool membership = condition.kind == Expr::InList;
    if ((!equality && !membership) || condition.args.front()->kind != Expr::Column)
        return;
    ColumnFilter filter{condition.args.front()->name, {}};
    for (size_t i = 1; i < condition.args.size(); ++i) {
        const Expr &item = *condition.args[i];
        if (item.kind != Expr::Literal || !item.literal.isString())
            return; // a number or a computed value: the rows are not narrowed by text
        filter.values.append(item.literal.toString().toCaseFolded());
    }
    filters.push_back(filter);
}

} // namespace

std::vector<ColumnFilter> leadingFilters(const Query &query) {
    std::vector<ColumnFilter> filters;
    for (const Stage &stage : query.stages) {
        if (stage.kind != Stage::Where)
            break; // after a project or extend, a column may no longer be the table's
        collectFilters(*stage.predicate, filters);
    }
    return filters;
}

bool keepsRows(const Query &query) {
    return std::all_of(query.stages.begin(), query.stages.end(), [](const Stage &stage) {
        return stage.kind == Stage::Where || stage.kind == Stage::Sort || stage.kind == Stage::Take ||
               stage.kind == Stage::Top;
    });
}

std::optional<QList<QJsonObject>> run(const Query &query, const QStringList &columns,
                                      const QList<QJsonObject> &rows, QString *error) {
    QStringList known = columns;
    for (const Stage &stage : query.stages) {
        QString unknown;
        known = columnsAfter(stage, known, &unknown);
        if (!unknown.isEmpty()) {
            *error = tr("Failed to resolve column or scalar expression named '%1'.").arg(unknown);
            return std::nullopt;
        }
    }
    QList<QJsonObject> result = rows;
    for (const Stage &stage : query.stages)
        result = runStage(stage, std::move(result));
    return result;
}

} // namespace armsandbox::kql
