#pragma once

// The subset of the Kusto Query Language (KQL) the sandbox's Azure Resource Graph understands, as a small
// lexer, parser and evaluator (docs/sandbox.md lists it). Anything outside it is refused with a message that
// names the unsupported part, as the real service refuses a query it cannot parse: a client that relies on
// more than the subset learns it here rather than against Azure.

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace armsandbox::kql {

/// The parser's and the evaluator's messages share the sandbox's catalogue context. One inline copy here, not
/// one per file: the unity build puts both files in one translation unit.
inline QString tr(const char *text) {
    return QCoreApplication::translate("armsandbox", text);
}

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

/// One node of an expression: a literal, a column, a member of a dynamic value (`properties.encryptionType`),
/// a function call, a binary operator (`==`, `and`, `has`, ...) or a membership test (`in`, `in~`).
struct Expr {
    enum Kind { Literal, Column, Member, Call, Binary, InList };
    Kind kind = Literal;
    QJsonValue literal; ///< Literal
    QString name;       ///< Column, Member (the member's name), Call (function), Binary/InList (operator)
    std::vector<ExprPtr>
        args; ///< Member: the object; Call: arguments; Binary: left, right; InList: value, items
};

/// `name = expression` in project, extend and summarize ... by.
struct NamedExpr {
    QString name;
    ExprPtr expr;
};

struct SortKey {
    ExprPtr expr;
    bool ascending = false; ///< KQL sorts descending unless told otherwise
};

/// One operator after a `|`.
struct Stage {
    enum Kind { Where, Project, Extend, Sort, Take, Top, Count, Summarize };
    Kind kind = Where;
    ExprPtr predicate;              ///< Where
    std::vector<NamedExpr> columns; ///< Project, Extend, Summarize (the by columns)
    std::vector<SortKey> keys;      ///< Sort, Top
    qint64 count = 0;               ///< Take, Top
    QString countColumn;            ///< Summarize: the name of the count() column
};

struct Query {
    std::vector<Stage> stages;
};

/// Parses `text` (table `resources` and its operators); nothing with `error` set when the text is outside the
/// subset or is not KQL.
std::optional<Query> parse(const QString &text, QString *error);

/// What a query's leading `where` stages demand of one column of the table: a row whose `column`, as text
/// case-folded (QString::toCaseFolded, as `=~` compares), is none of `values` cannot pass them. A caller that
/// indexes its rows by that column can hand run() only the rows that can; run() still applies every condition
/// to them.
struct ColumnFilter {
    QString column;
    QStringList values; ///< case-folded
};

/// The filters of the `==`, `=~`, `in` and `in~` conditions on a column and string literals that every row
/// must meet: the `and`ed conditions of the `where` stages before any other operator.
std::vector<ColumnFilter> leadingFilters(const Query &query);

/// Whether every row `query` answers is one of the table's, unchanged: it only filters, sorts and takes.
bool keepsRows(const Query &query);

/// Runs `query` over `rows` (the table's rows, one JSON object each, with `columns`). Nothing with `error`
/// set when the query names a column that does not exist at that point.
std::optional<QList<QJsonObject>> run(const Query &query, const QStringList &columns,
                                      const QList<QJsonObject> &rows, QString *error);

} // namespace armsandbox::kql
