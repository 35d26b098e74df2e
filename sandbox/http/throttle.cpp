#include "http/throttle.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace armsandbox {

std::optional<ThrottleSpec> parseThrottleSpec(const QString &spec, QString *error) {
    ThrottleSpec result;
    if (spec.trimmed().isEmpty())
        return result;
    const auto invalid = [&spec, error]() -> std::optional<ThrottleSpec> {
        if (error)
            *error = QCoreApplication::translate("armsandbox",
                                                 "--throttle must be reads=N,writes=M[,refill=R] with N and "
                                                 "M at least 1 and R above 0, not “%1”.")
                         .arg(spec);
        return std::nullopt;
    };
    bool readsSet = false;
    bool writesSet = false;
    for (const QString &item : spec.split(QLatin1Char(','))) {
        const QString key = item.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = item.section(QLatin1Char('='), 1).trimmed();
        bool ok = false;
        if (key == QLatin1String("reads")) {
            result.reads = value.toInt(&ok);
            readsSet = ok && result.reads >= 1;
        } else if (key == QLatin1String("writes")) {
            result.writes = value.toInt(&ok);
            writesSet = ok && result.writes >= 1;
        } else if (key == QLatin1String("refill")) {
            result.refillPerSecond = value.toDouble(&ok);
            ok = ok && result.refillPerSecond > 0;
        }
        if (!ok)
            return invalid();
    }
    if (!readsSet || !writesSet)
        return invalid();
    return result;
}

void ArmThrottle::setSpec(const ThrottleSpec &spec) {
    m_spec = spec;
    m_buckets.clear();
}

double ArmThrottle::refillPerSecond(int size) const {
    return m_spec.refillPerSecond > 0 ? m_spec.refillPerSecond : size / 10.0;
}

std::optional<ApiResponse> ArmThrottle::admit(const QByteArray &method, const QString &path,
                                              HeaderList *headers) {
    if (!isOn())
        return std::nullopt;
    static const QRegularExpression subscriptionScope(QStringLiteral("^/subscriptions/([^/]+)"),
                                                      QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = subscriptionScope.match(path);
    const QString subscription = match.hasMatch() ? match.captured(1).toLower() : QString();
    const bool read = method == "GET" || method == "HEAD";
    const QByteArray scope = subscription.isEmpty() ? "tenant" : "subscription";
    const int size = read ? m_spec.reads : m_spec.writes;
    const double rate = refillPerSecond(size);

    const qint64 now = m_nowMs();
    const QString key = QString::fromLatin1(scope) + QLatin1Char('/') + subscription +
                        (read ? QLatin1String("/reads") : QLatin1String("/writes"));
    auto found = m_buckets.find(key);
    if (found == m_buckets.end())
        found = m_buckets.insert(key, Bucket{double(size), now});
    Bucket &bucket = *found;
    bucket.tokens = qMin<double>(size, bucket.tokens + rate * double(now - bucket.updatedMs) / 1000.0);
    bucket.updatedMs = now;

    const QByteArray header = "x-ms-ratelimit-remaining-" + scope +
                              (read ? QByteArrayLiteral("-reads") : QByteArrayLiteral("-writes"));
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        headers->append({header, QByteArray::number(qint64(std::floor(bucket.tokens)))});
        return std::nullopt;
    }
    // Whole seconds until the next token, as ARM's Retry-After says.
    const int retryAfter = qMax(1, int(std::ceil((1 - bucket.tokens) / rate)));
    const QString message =
        subscription.isEmpty()
            ? QStringLiteral("Number of '%1' requests for the tenant exceeded. Please try again after '%2' "
                             "seconds after additional tokens are available. Refer to "
                             "https://aka.ms/arm-throttling for additional information.")
                  .arg(read ? QLatin1String("read") : QLatin1String("write"))
                  .arg(retryAfter)
            : QStringLiteral("Number of '%1' requests for subscription '%2' exceeded. Please try again after "
                             "'%3' seconds after additional tokens are available. Refer to "
                             "https://aka.ms/arm-throttling for additional information.")
                  .arg(read ? QLatin1String("read") : QLatin1String("write"), subscription)
                  .arg(retryAfter);
    ApiResponse refused = armError(429,
                                   subscription.isEmpty() ? QStringLiteral("TenantRequestsThrottled")
                                                          : QStringLiteral("SubscriptionRequestsThrottled"),
                                   message);
    refused.headers.append({header, "0"});
    refused.headers.append({"Retry-After", QByteArray::number(retryAfter)});
    return refused;
}

} // namespace armsandbox
