#include "http/faults.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace armsandbox {

namespace {

bool parseDuration(const QString &text, int *ms) {
    static const QRegularExpression re(QStringLiteral("^(\\d+)(ms|s)?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    bool ok = false;
    const qint64 value = m.captured(1).toLongLong(&ok);
    if (!ok)
        return false;
    const qint64 result = m.captured(2) == QLatin1String("s") ? value * 1000 : value;
    if (result > 600000)
        return false;
    *ms = int(result);
    return true;
}

} // namespace

bool FaultPlan::parse(const QString &spec, QString *error) {
    QList<Rule> rules;
    quint32 seed = 1;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QStringList ruleTexts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &rawRule : ruleTexts) {
        const QString ruleText = rawRule.trimmed();
        const QStringList parts = ruleText.split(QLatin1Char(':'));
        const QString action = parts.first().trimmed();
        if (action.startsWith(QLatin1String("seed="))) {
            bool ok = false;
            seed = action.mid(5).toUInt(&ok);
            if (!ok || parts.size() != 1)
                return fail(QCoreApplication::translate(
                                "armsandbox", "Fault rule “%1”: seed must be a non-negative integer.")
                                .arg(ruleText));
            continue;
        }
        Rule rule;
        if (const std::optional<QString> why = parseAction(action, ruleText, &rule))
            return fail(*why);
        bool triggerSet = false;
        for (int i = 1; i < parts.size(); ++i) {
            if (const std::optional<QString> why =
                    parseParameter(parts.at(i).trimmed(), ruleText, &triggerSet, &rule))
                return fail(*why);
        }
        rules.append(rule);
    }
    m_rules = rules;
    m_random.seed(seed);
    return true;
}

std::optional<QString> FaultPlan::parseAction(const QString &action, const QString &ruleText, Rule *rule) {
    static const QHash<QString, FaultDecision::Kind> plainActions = {
        {QStringLiteral("drop"), FaultDecision::Drop},
        {QStringLiteral("reset"), FaultDecision::Reset},
        {QStringLiteral("truncate"), FaultDecision::Truncate},
        {QStringLiteral("malformed"), FaultDecision::Malformed},
        {QStringLiteral("hang"), FaultDecision::Hang}};
    if (action.startsWith(QLatin1String("latency="))) {
        rule->latency = true;
        if (!parseDuration(action.mid(8), &rule->latencyMs))
            return QCoreApplication::translate(
                       "armsandbox", "Fault rule “%1”: latency must look like 200ms or 2s (at most 600 s).")
                .arg(ruleText);
    } else if (action.startsWith(QLatin1String("status="))) {
        bool ok = false;
        rule->kind = FaultDecision::Status;
        rule->status = action.mid(7).toInt(&ok);
        if (!ok || rule->status < 400 || rule->status > 599)
            return QCoreApplication::translate(
                       "armsandbox", "Fault rule “%1”: status must be an HTTP error code from 400 to 599.")
                .arg(ruleText);
    } else if (plainActions.contains(action)) {
        rule->kind = plainActions.value(action);
    } else {
        return QCoreApplication::translate(
                   "armsandbox", "Fault rule “%1”: unknown action “%2” (expected latency=, status=, drop, "
                                 "reset, truncate, malformed, hang or seed=).")
            .arg(ruleText, action);
    }
    return std::nullopt;
}

std::optional<QString> FaultPlan::parseParameter(const QString &param, const QString &ruleText,
                                                 bool *triggerSet, Rule *rule) {
    const int eq = param.indexOf(QLatin1Char('='));
    const QString key = eq < 0 ? param : param.left(eq);
    const QString value = eq < 0 ? QString() : param.mid(eq + 1);
    bool ok = false;
    const bool trigger = key == QLatin1String("nth") || key == QLatin1String("every") ||
                         key == QLatin1String("first") || key == QLatin1String("rate");
    if (trigger) {
        if (*triggerSet)
            return QCoreApplication::translate("armsandbox",
                                               "Fault rule “%1”: use only one of nth, every, first and rate.")
                .arg(ruleText);
        *triggerSet = true;
    }
    if (key == QLatin1String("rate")) {
        rule->trigger = Rule::Rate;
        rule->rate = value.toDouble(&ok);
        if (!ok || rule->rate < 0 || rule->rate > 1)
            return QCoreApplication::translate("armsandbox",
                                               "Fault rule “%1”: rate must be a number from 0 to 1.")
                .arg(ruleText);
    } else if (trigger) {
        rule->n = value.toLongLong(&ok);
        if (!ok || rule->n < 1)
            return QCoreApplication::translate("armsandbox",
                                               "Fault rule “%1”: %2 must be a positive integer.")
                .arg(ruleText, key);
        rule->trigger = key == QLatin1String("nth")     ? Rule::Nth
                        : key == QLatin1String("every") ? Rule::Every
                                                        : Rule::First;
    } else if (key == QLatin1String("retry-after")) {
        rule->retryAfter = value.toInt(&ok);
        if (!ok || rule->retryAfter < 0 || rule->kind != FaultDecision::Status)
            return QCoreApplication::translate(
                       "armsandbox",
                       "Fault rule “%1”: retry-after needs a status rule and a number of seconds.")
                .arg(ruleText);
    } else if (key == QLatin1String("path")) {
        if (value.isEmpty())
            return QCoreApplication::translate("armsandbox", "Fault rule “%1”: path needs a substring.")
                .arg(ruleText);
        rule->path = value;
    } else if (key == QLatin1String("method")) {
        static const QRegularExpression verb(QStringLiteral("^[A-Za-z]+$"));
        if (!verb.match(value).hasMatch())
            return QCoreApplication::translate("armsandbox",
                                               "Fault rule “%1”: method needs an HTTP verb such as GET.")
                .arg(ruleText);
        rule->method = value.toUpper().toLatin1();
    } else {
        return QCoreApplication::translate("armsandbox", "Fault rule “%1”: unknown parameter “%2”.")
            .arg(ruleText, key);
    }
    return std::nullopt;
}

FaultDecision FaultPlan::decide(const QByteArray &method, const QString &pathAndQuery) {
    FaultDecision decision;
    for (Rule &rule : m_rules) {
        if (!rule.method.isEmpty() && rule.method != method)
            continue;
        if (!rule.path.isEmpty() && !pathAndQuery.contains(rule.path, Qt::CaseInsensitive))
            continue;
        ++rule.seen;
        bool fires = false;
        switch (rule.trigger) {
        case Rule::Always:
            fires = true;
            break;
        case Rule::Nth:
            fires = rule.seen == rule.n;
            break;
        case Rule::Every:
            fires = rule.seen % rule.n == 0;
            break;
        case Rule::First:
            fires = rule.seen <= rule.n;
            break;
        case Rule::Rate:
            fires = m_random.generateDouble() < rule.rate;
            break;
        }
        if (!fires)
            continue;
        if (rule.latency) {
            decision.latencyMs += rule.latencyMs;
        } else if (decision.kind == FaultDecision::None) {
            decision.kind = rule.kind;
            decision.status = rule.status;
            decision.retryAfterSeconds = rule.retryAfter;
        }
    }
    return decision;
}

} // namespace armsandbox
