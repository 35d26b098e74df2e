#include "arm/armclientconfig.h"

#include "arm/armpaths.h"

#include <QtGlobal>

namespace cmk {

namespace {

int defaultPort(const QUrl &url) {
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

} // namespace

QString ArmClientConfig::apiVersionFor(const QString &path) const {
    const ApiFamily family = apiFamilyForPath(path);
    const auto overridden = apiVersions.find(family);
    return overridden != apiVersions.end() ? overridden->second : defaultApiVersion(family);
}

ArmClientConfig ArmClientConfig::fromEnvironment() {
    // Tuning for slow links and for the reliability tests (docs/reliability.md); unset normally, and
    // ArmClient's setters still win.
    ArmClientConfig config;
    bool set = false;
    if (const int ms = qEnvironmentVariableIntValue("CMKWIZARD_REQUEST_TIMEOUT_MS", &set); set && ms > 0)
        config.requestTimeoutMs = ms;
    if (const int ms = qEnvironmentVariableIntValue("CMKWIZARD_POLL_INTERVAL_MS", &set); set && ms >= 0)
        config.pollIntervalMs = ms;
    if (const int ms = qEnvironmentVariableIntValue("CMKWIZARD_RETRY_MAX_DELAY_MS", &set); set && ms >= 0) {
        config.retry.maxDelayMs = ms;
        config.retry.baseDelayMs = qMin(config.retry.baseDelayMs, ms);
    }
    return config;
}

bool ArmClientConfig::isOnEndpoint(const QUrl &url) const {
    return url.scheme().compare(endpoint.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(endpoint.host(), Qt::CaseInsensitive) == 0 &&
           defaultPort(url) == defaultPort(endpoint) && url.userInfo().isEmpty();
}

} // namespace cmk
