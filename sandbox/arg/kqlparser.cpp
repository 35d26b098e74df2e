// Lexer and recursive-descent parser of the sandbox's KQL subset (kql.h). Errors name the token that is not
// understood, so that "the operator 'join' is not supported" reaches the client in ARG's error shape.

#include "arg/kql.h"

#include <QCoreApplication>

namespace armsandbox::kql {

namespace {

struct Token {
    enum Kind { Identifier, String, Number, Symbol, End };
    Kind kind = End;
    QString text; ///< the identifier, the symbol, the string's value or the number's digits
    int position = 0;
};

/// Splits the query into tokens; false with `error` on a character no token starts with.
class Lexer {
public:
    explicit Lexer(const QString &text)
        : m_text(text) {}

    bool tokenize(std::vector<Token> *tokens, QString *error) {
        while (true) {
            skipSpaces();
            if (m_at >= m_text.size()) {
                tokens->push_back({Token::End, QString(), int(m_at)});
                return true;
            }
            Token token;
            token.position = int(m_at);
            const QChar c = m_text.at(m_at);
            if (c.isLetter() || c == QLatin1Char('_'))
                token = identifier();
            else if (c.isDigit())
                token = number();
            else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                if (!string(&token, error))
                    return false;
            } else if (!symbol(&token, error))
                return false;
            tokens->push_back(token);
        }
    }

private:
    void skipSpaces() {
        while (m_at < m_text.size()) {
            if (m_text.at(m_at).isSpace()) {
                ++m_at;
            } else if (m_text.mid(m_at, 2) == QLatin1String("//")) { // a comment runs to the end of the line
                while (m_at < m_text.size() && m_text.at(m_at) != QLatin1Char('\n'))
                    ++m_at;
            } else {
                return;
            }
        }
    }

    Token identifier() {
        const qsizetype start = m_at;
        while (m_at < m_text.size() &&
               (m_text.at(m_at).isLetterOrNumber() || m_text.at(m_at) == QLatin1Char('_')))
            ++m_at;
        QString word = m_text.mid(start, m_at - start);
        // in~ is one operator: the case-insensitive `in`.
        if (word == QLatin1String("in") && m_at < m_text.size() && m_text.at(m_at) == QLatin1Char('~')) {
            ++m_at;
            word += QLatin1Char('~');
        }
        return {Token::Identifier, word, int(start)};
    }

    Token number() {
        const qsizetype start = m_at;
        while (m_at < m_text.size() && m_text.at(m_at).isDigit())
            ++m_at;
        return {Token::Number, m_text.mid(start, m_at - start), int(start)};
    }

    bool string(Token *token, QString *error) {
        const QChar quote = m_text.at(m_at++);
        QString value;
        while (m_at < m_text.size() && m_text.at(m_at) != quote) {
            QChar c = m_text.at(m_at++);
            if (c == QLatin1Char('\\') && m_at < m_text.size()) {
                const QChar escaped = m_text.at(m_at++);
                c = escaped == QLatin1Char('n')   ? QLatin1Char('\n')
                    : escaped == QLatin1Char('t') ? QLatin1Char('\t')
                                                  : escaped;
            }
            value += c;
        }
        if (m_at >= m_text.size()) {
            *error = tr("The string literal at position %1 is not terminated.").arg(token->position);
            return false;
        }
        ++m_at; // the closing quote
        token->kind = Token::String;
        token->text = value;
        return true;
    }

    bool symbol(Token *token, QString *error) {
        static const QStringList twoCharacters = {QStringLiteral("=="), QStringLiteral("!="),
                                                  QStringLiteral("=~"), QStringLiteral("!~"),
                                                  QStringLiteral("<="), QStringLiteral(">=")};
        static const QString oneCharacter = QStringLiteral("|(),.[]=<>");
        const QString two = m_text.mid(m_at, 2);
        if (twoCharacters.contains(two)) {
            m_at += 2;
            *token = {Token::Symbol, two, token->position};
            return true;
        }
        if (oneCharacter.contains(m_text.at(m_at))) {
            *token = {Token::Symbol, QString(m_text.at(m_at++)), token->position};
            return true;
        }
        *error = tr("The character '%1' at position %2 is not supported.").arg(m_text.at(m_at)).arg(m_at);
        return false;
    }

    const QString &m_text;
    qsizetype m_at = 0;
};

ExprPtr makeExpr(Expr::Kind kind, const QString &name, std::vector<ExprPtr> args = {}) {
    auto expr = std::make_shared<Expr>();
    expr->kind = kind;
    expr->name = name;
    expr->args = std::move(args);
    return expr;
}

/// The operators a comparison may use between two values (`in` and `in~` take a list instead).
const QStringList &comparisonOperators() {
    static const QStringList operators = {
        QStringLiteral("=="),  QStringLiteral("!="),       QStringLiteral("=~"),        QStringLiteral("!~"),
        QStringLiteral("has"), QStringLiteral("contains"), QStringLiteral("startswith")};
    return operators;
}

/// Words that may follow a complete expression: they end it rather than continue it.
bool endsExpression(const Token &token) {
    static const QStringList words = {QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("asc"),
                                      QStringLiteral("desc"), QStringLiteral("by")};
    return token.kind == Token::End || (token.kind == Token::Symbol && token.text != QLatin1String("(")) ||
           (token.kind == Token::Identifier && words.contains(token.text));
}

class Parser {
public:
    Parser(std::vector<Token> tokens, QString *error)
        : m_tokens(std::move(tokens))
        , m_error(error) {}

    std::optional<Query> query() {
        const Token &table = next();
        if (table.kind != Token::Identifier ||
            table.text.compare(QLatin1String("resources"), Qt::CaseInsensitive)) {
            return fail(tr("The table '%1' is not supported: the sandbox's Resource Graph has the table "
                           "'resources' only.")
                            .arg(table.text));
        }
        Query query;
        while (!failed() && peek().kind != Token::End) {
            if (!expectSymbol(QStringLiteral("|")))
                break;
            std::optional<Stage> stage = this->stage();
            if (stage)
                query.stages.push_back(std::move(*stage));
        }
        if (failed())
            return std::nullopt;
        return query;
    }

private:
    const Token &peek() const { return m_tokens[qMin(m_at, m_tokens.size() - 1)]; }
    const Token &next() { return m_tokens[qMin(m_at++, m_tokens.size() - 1)]; }
    bool failed() const { return !m_error->isEmpty(); }
    std::nullopt_t fail(const QString &message) {
        if (!failed())
            *m_error = message;
        return std::nullopt;
    }
    bool isSymbol(const QString &symbol) const {
        return peek().kind == Token::Symbol && peek().text == symbol;
    }
    bool isWord(const char *word) const {
        return peek().kind == Token::Identifier && peek().text == QLatin1String(word);
    }
    bool expectSymbol(const QString &symbol) {
        if (isSymbol(symbol)) {
            ++m_at;
            return true;
        }
        fail(tr("'%1' was expected at position %2, not '%3'.")
                 .arg(symbol)
                 .arg(peek().position)
                 .arg(describe(peek())));
        return false;
    }
    bool expectWord(const char *word) {
        if (isWord(word)) {
            ++m_at;
            return true;
        }
        fail(tr("'%1' was expected at position %2, not '%3'.")
                 .arg(QLatin1String(word))
                 .arg(peek().position)
                 .arg(describe(peek())));
        return false;
    }
    static QString describe(const Token &token) {
        return token.kind == Token::End ? tr("the end of the query") : token.text;
    }

    std::optional<Stage> stage() {
        const Token &word = next();
        Stage stage;
        if (word.kind != Token::Identifier)
            return fail(tr("An operator was expected after '|' at position %1.").arg(word.position));
        const QString &name = word.text;
        if (name == QLatin1String("where")) {
            stage.kind = Stage::Where;
            stage.predicate = expression();
        } else if (name == QLatin1String("project") || name == QLatin1String("extend")) {
            stage.kind = name == QLatin1String("project") ? Stage::Project : Stage::Extend;
            stage.columns = namedList();
        } else if (name == QLatin1String("order") || name == QLatin1String("sort")) {
            stage.kind = Stage::Sort;
            if (expectWord("by"))
                stage.keys = sortKeys();
        } else if (name == QLatin1String("take") || name == QLatin1String("limit")) {
            stage.kind = Stage::Take;
            stage.count = rowCount();
        } else if (name == QLatin1String("top")) {
            stage.kind = Stage::Top;
            stage.count = rowCount();
            if (expectWord("by"))
                stage.keys = sortKeys();
        } else if (name == QLatin1String("count")) {
            stage.kind = Stage::Count;
        } else if (name == QLatin1String("summarize")) {
            stage.kind = Stage::Summarize;
            summarize(&stage);
        } else {
            return fail(
                tr("The operator '%1' is not supported by the sandbox's Resource Graph (supported: where, "
                   "project, extend, order by, sort by, take, limit, top, count, summarize count()).")
                    .arg(name));
        }
        if (failed())
            return std::nullopt;
        return stage;
    }

    qint64 rowCount() {
        const Token &token = next();
        bool ok = false;
        const qint64 n = token.text.toLongLong(&ok);
        if (token.kind != Token::Number || !ok) {
            fail(tr("A number of rows was expected at position %1, not '%2'.")
                     .arg(token.position)
                     .arg(describe(token)));
            return 0;
        }
        return n;
    }

    /// `summarize [name =] count() [by column, ...]`
    void summarize(Stage *stage) {
        stage->countColumn = QStringLiteral("count_");
        if (peek().kind == Token::Identifier &&
            m_tokens[qMin(m_at + 1, m_tokens.size() - 1)].text == QLatin1String("=")) {
            stage->countColumn = next().text;
            ++m_at;
        }
        const Token &aggregate = next();
        if (aggregate.text != QLatin1String("count")) {
            fail(tr("The aggregation '%1' is not supported: summarize takes count() only.")
                     .arg(describe(aggregate)));
            return;
        }
        if (!expectSymbol(QStringLiteral("(")) || !expectSymbol(QStringLiteral(")")))
            return;
        if (isWord("by")) {
            ++m_at;
            stage->columns = namedList();
        }
    }

    std::vector<SortKey> sortKeys() {
        std::vector<SortKey> keys;
        do {
            SortKey key;
            key.expr = expression();
            if (isWord("asc") || isWord("desc"))
                key.ascending = next().text == QLatin1String("asc");
            keys.push_back(key);
        } while (!failed() && isSymbol(QStringLiteral(",")) && (++m_at, true));
        return keys;
    }

    /// `[name =] expression, ...`; an expression without a name takes its column's (properties.x:
    /// properties_x); another expression needs a name.
    std::vector<NamedExpr> namedList() {
        std::vector<NamedExpr> columns;
        do {
            NamedExpr column;
            if (peek().kind == Token::Identifier &&
                m_tokens[qMin(m_at + 1, m_tokens.size() - 1)].text == QLatin1String("=")) {
                column.name = next().text;
                ++m_at;
            }
            const int position = peek().position;
            column.expr = expression();
            if (failed())
                break;
            if (column.name.isEmpty())
                column.name = pathName(*column.expr);
            if (column.name.isEmpty()) {
                fail(tr("The expression at position %1 needs a column name (name = ...).").arg(position));
                break;
            }
            columns.push_back(column);
        } while (isSymbol(QStringLiteral(",")) && (++m_at, true));
        return columns;
    }

    /// The name KQL gives a column taken from a path: `properties.encryptionType` is
    /// `properties_encryptionType`; empty for another expression.
    static QString pathName(const Expr &expr) {
        if (expr.kind == Expr::Column)
            return expr.name;
        if (expr.kind == Expr::Member) {
            const QString parent = pathName(*expr.args.front());
            return parent.isEmpty() ? QString() : parent + QLatin1Char('_') + expr.name;
        }
        return {};
    }

    ExprPtr expression() { return orExpression(); }

    /// `operand (word operand)*`, left to right: `or` binds looser than `and`, which binds looser than a
    /// comparison.
    ExprPtr chain(const char *word, ExprPtr (Parser::*operand)()) {
        ExprPtr left = (this->*operand)();
        while (!failed() && isWord(word)) {
            ++m_at;
            left = makeExpr(Expr::Binary, QLatin1String(word), {left, (this->*operand)()});
        }
        return left;
    }
    ExprPtr orExpression() { return chain("or", &Parser::andExpression); }
    ExprPtr andExpression() { return chain("and", &Parser::comparison); }

    ExprPtr comparison() {
        ExprPtr left = primary();
        if (failed() || endsExpression(peek()) && !comparisonOperators().contains(peek().text))
            return left;
        const Token &op = next();
        if (op.text == QLatin1String("in") || op.text == QLatin1String("in~"))
            return inList(left, op.text);
        if (!comparisonOperators().contains(op.text)) {
            fail(tr("The operator '%1' at position %2 is not supported by the sandbox's Resource Graph "
                    "(supported: ==, !=, =~, !~, in, in~, has, contains, startswith, and, or).")
                     .arg(op.text)
                     .arg(op.position));
            return left;
        }
        return makeExpr(Expr::Binary, op.text, {left, primary()});
    }

    ExprPtr inList(const ExprPtr &value, const QString &op) {
        std::vector<ExprPtr> args{value};
        if (!expectSymbol(QStringLiteral("(")))
            return value;
        do {
            args.push_back(primary());
        } while (!failed() && isSymbol(QStringLiteral(",")) && (++m_at, true));
        expectSymbol(QStringLiteral(")"));
        return makeExpr(Expr::InList, op, std::move(args));
    }

    ExprPtr primary() {
        const Token &token = next();
        if (token.kind == Token::String || token.kind == Token::Number) {
            auto literal = std::make_shared<Expr>();
            literal->kind = Expr::Literal;
            literal->literal =
                token.kind == Token::String ? QJsonValue(token.text) : QJsonValue(token.text.toDouble());
            return literal;
        }
        if (token.kind == Token::Symbol && token.text == QLatin1String("(")) {
            ExprPtr inner = expression();
            expectSymbol(QStringLiteral(")"));
            return inner;
        }
        if (token.kind != Token::Identifier) {
            fail(tr("A value was expected at position %1, not '%2'.")
                     .arg(token.position)
                     .arg(describe(token)));
            return makeExpr(Expr::Literal, QString());
        }
        if (token.text == QLatin1String("true") || token.text == QLatin1String("false")) {
            auto literal = std::make_shared<Expr>();
            literal->literal = token.text == QLatin1String("true");
            return literal;
        }
        if (isSymbol(QStringLiteral("(")))
            return call(token);
        return members(makeExpr(Expr::Column, token.text));
    }

    /// `.name` and `['name']` after a column: members of its dynamic value.
    ExprPtr members(ExprPtr object) {
        while (!failed()) {
            if (isSymbol(QStringLiteral("."))) {
                ++m_at;
                const Token &name = next();
                if (name.kind != Token::Identifier)
                    fail(tr("A property name was expected at position %1.").arg(name.position));
                object = makeExpr(Expr::Member, name.text, {object});
            } else if (isSymbol(QStringLiteral("["))) {
                ++m_at;
                const Token &name = next();
                if (name.kind != Token::String)
                    fail(tr("A quoted property name was expected at position %1.").arg(name.position));
                expectSymbol(QStringLiteral("]"));
                object = makeExpr(Expr::Member, name.text, {object});
            } else {
                return object;
            }
        }
        return object;
    }

    ExprPtr call(const Token &function) {
        static const QStringList functions = {QStringLiteral("tostring"), QStringLiteral("tolower"),
                                              QStringLiteral("isempty"), QStringLiteral("isnotempty"),
                                              QStringLiteral("not")};
        if (!functions.contains(function.text)) {
            fail(
                tr("The function '%1' is not supported by the sandbox's Resource Graph (supported: tostring, "
                   "tolower, isempty, isnotempty, not).")
                    .arg(function.text));
            return makeExpr(Expr::Literal, QString());
        }
        ++m_at; // (
        ExprPtr argument = expression();
        expectSymbol(QStringLiteral(")"));
        return members(makeExpr(Expr::Call, function.text, {argument}));
    }

    std::vector<Token> m_tokens;
    size_t m_at = 0;
    QString *m_error;
};

} // namespace

std::optional<Query> parse(const QString &text, QString *error) {
    error->clear();
    std::vector<Token> tokens;
    if (!Lexer(text).tokenize(&tokens, error))
        return std::nullopt;
    return Parser(std::move(tokens), error).query();
}

} // namespace armsandbox::kql
