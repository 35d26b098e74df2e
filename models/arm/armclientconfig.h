#pragma once

#include <QString>
#include <QUrl>
#include <map>

namespace cmk {

class TokenProvider;

/// The families of ARM paths that share an api-version (armpaths.h: apiFamilyForPath(), ApiVersions).
enum class ApiFamily {
    Galleries,
    Disks,
    ComputeRP,
    Features,
    Resources,
    Subscriptions,
    Network
};

struct RetryPolicy {
    int maxTries = 4;       ///< including the first one
    int baseDelayMs = 500;  ///< exponential backoff base, full jitter
    int maxDelayMs = 30000; ///< cap for backoff and for Retry-After
};

/// What an ArmClient is tuned with. ArmClient's setters change it; the pipeline's policies, the pager and the
/// long-running operations read it when they need it, so a change applies to the next attempt.
struct ArmClientConfig {
    QUrl endpoint{QStringLiteral("https://management.azure.com")};
    TokenProvider *tokens = nullptr; ///< not owned; nullptr = no Authorization header
    RetryPolicy retry;
    int pollIntervalMs = 2000;                          ///< LRO polling when the server sends no Retry-After
    int requestTimeoutMs = 60000;                       ///< per attempt
    qint64 maxResponseBytes = qint64(64) * 1024 * 1024; ///< larger bodies fail with MalformedResponse
    int maxPages = 10000;                               ///< a list stops with an error after this many pages
    /// How long a request ARM's quota header says would be refused waits before one goes to see if the bucket
    /// refilled (ARM refills its token buckets every second: aka.ms/arm-throttling).
    int throttleRefillWaitMs = 1000;

    /// api-versions sent instead of the defaults (e.g. an older one a cloud still serves); paths outside
    /// these families keep theirs.
    std::map<ApiFamily, QString> apiVersions;

    /// The api-version for a request path: the override of its family, else the default.
    QString apiVersionFor(const QString &path) const;

    /// The defaults, tuned by CMKWIZARD_REQUEST_TIMEOUT_MS, CMKWIZARD_POLL_INTERVAL_MS and
    /// CMKWIZARD_RETRY_MAX_DELAY_MS when they are set (docs/reliability.md).
    static ArmClientConfig fromEnvironment();

    /// Whether `url` is on the endpoint (same scheme, host and port, no user info): the only place the token
    /// goes.
    bool isOnEndpoint(const QUrl &url) const;
};

} // namespace cmk
