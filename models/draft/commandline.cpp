#include "draft/commandline.h"

#include <QRegularExpression>

namespace cmk {

QString bashQuote(const QString &value) {
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:=,@%+-]+$"));
    if (safe.match(value).hasMatch())
        return value;
    return bashSingleQuoted(value);
}

QString bashSingleQuoted(const QString &value) {
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString powerShellQuote(const QString &value) {
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : value) {
        out += c;
        // PowerShell reads ' and the typographic single quotes U+2018..U+201B alike; doubling escapes each.
        if (c == QLatin1Char('\'') || (c.unicode() >= 0x2018 && c.unicode() <= 0x201B))
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

void BashCommand::option(const QString &name, const QString &value) {
    // argparse would read a value starting with '-' as another option; the --opt=value form keeps it a value.
    if (value.startsWith(QLatin1Char('-')))
        m_lines << QStringLiteral("    %1=%2").arg(name, bashQuote(value));
    else
        m_lines << QStringLiteral("    %1 %2").arg(name, bashQuote(value));
}

void BashCommand::option(const QString &name, const QStringList &values) {
    QStringList quoted;
    for (const QString &value : values)
        quoted << bashQuote(value);
    m_lines << QStringLiteral("    %1 %2").arg(name, quoted.join(QLatin1Char(' ')));
}

void BashCommand::raw(const QString &text) {
    m_lines << QStringLiteral("    ") + text;
}

QString BashCommand::text() const {
    return m_lines.join(QStringLiteral(" \\\n")) + QLatin1Char('\n');
}

} // namespace cmk
