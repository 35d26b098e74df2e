#pragma once

// The command lines a draft is exported as (`az …` in bash, PowerShell), for every kind of draft. Every
// value is quoted for its language, so names and tags with quotes, spaces or expressions come out as data,
// never as code.

#include <QString>
#include <QStringList>

namespace cmk {

/// A bash word: the value itself when it is made of harmless characters, else single-quoted with ' written
/// as '\''.
QString bashQuote(const QString &value);
/// The value single-quoted for bash (or any POSIX shell) however harmless it is: 'it'\''s'.
QString bashSingleQuoted(const QString &value);
/// A PowerShell single-quoted string; ' and its typographic look-alikes (which PowerShell also treats as
/// quotes) are doubled.
QString powerShellQuote(const QString &value);

/// An Azure CLI command: the head, then one option per line, joined with " \" continuations.
class BashCommand {
public:
    explicit BashCommand(const QString &head)
        : m_lines{head} {}
    void option(const QString &name, const QString &value);
    /// An option taking several values (quoted one by one).
    void option(const QString &name, const QStringList &values);
    /// A line written as is: a flag, or a "$VARIABLE" the script expands.
    void raw(const QString &text);
    QString text() const;

private:
    QStringList m_lines;
};

} // namespace cmk
