#pragma once

// Fault injection for reliability tests (--faults SPEC). Grammar in docs/sandbox.md:
//   SPEC  := RULE ("," RULE)*
//   RULE  := "seed=" N | ACTION (":" PARAM)*
//   ACTION:= "latency=" DURATION | "status=" CODE | "drop" | "reset" | "truncate" | "malformed" | "hang"
//   PARAM := "nth=" N | "every=" N | "first=" N | "rate=" P | "retry-after=" S | "path=" SUBSTRING |
//   "method=" VERB
// Rules are deterministic: each counts the requests it matches; rate draws from a generator seeded by seed=N.

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <optional>

namespace armsandbox {

struct FaultDecision {
    enum Kind { None, Status, Drop, Reset, Truncate, Malformed, Hang };
    Kind kind = None;
    int latencyMs = 0;
    int status = 0;
    int retryAfterSeconds = -1; ///< -1: no Retry-After header
};

class FaultPlan {
public:
    /// Parses SPEC; an empty spec means no faults. On error returns false and leaves the plan unchanged.
    bool parse(const QString &spec, QString *error);
    bool isEmpty() const { return m_rules.isEmpty(); }
    /// Decides what happens to one request (advances the rules' counters).
    FaultDecision decide(const QByteArray &method, const QString &pathAndQuery);

private:
    struct Rule {
        FaultDecision::Kind kind = FaultDecision::None;
        bool latency = false;
        int latencyMs = 0;
        int status = 0;
        int retryAfter = -1;
        enum Trigger { Always, Nth, Every, First, Rate } trigger = Always;
        qint64 n = 0;
        double rate = 0;
        QString path;
        QByteArray method;
        qint64 seen = 0;
    };
    /// The rule's action (latency=, status=, drop...) into `rule`; the error message when it is not one.
    static std::optional<QString> parseAction(const QString &action, const QString &ruleText, Rule *rule);
    /// One parameter (nth=, rate=, path=...) into `rule`; `triggerSet` tells whether a trigger came before.
    static std::optional<QString> parseParameter(const QString &param, const QString &ruleText,
                                                 bool *triggerSet, Rule *rule);

    QList<Rule> m_rules;
    QRandomGenerator m_random{1};
};

} // namespace armsandbox
