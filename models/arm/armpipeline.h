#pragma once

// ArmClient's HTTP pipeline, shaped like the Azure SDKs' one: each concern is a policy wrapped around the
// next one, and a request goes through them in this order:
//
//   ArmRequestIdPolicy     x-ms-client-request-id and x-ms-correlation-request-id, once per request
//   ArmRetryPolicy         transient failures again, after Retry-After or exponential backoff with jitter
//   ArmThrottlePolicy      holds a request ARM's last x-ms-ratelimit-remaining-* says it would refuse
//   ArmBearerTokenPolicy   Authorization for the endpoint only, one token refresh after a 401
//   ArmLoggingPolicy       one log line (and ArmClient signal) per attempt, never a header
//   ArmTransportPolicy     QNetworkAccessManager, per-attempt timeout, response size cap
//
// The retry policy is outside the token policy, so every attempt gets the current token and the attempt
// after a refresh is not a transient-failure retry; the request-id policy is outside both, so one request
// keeps its ids across all its attempts. The throttle policy is inside the retry policy, so a retry after a
// waits for the quota like any other attempt. Policies are asynchronous: each calls `next` to send the
// request on, and `done` once with the response it settles on.

#include "arm/armerror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace cmk {

class ArmClient;
struct ArmClientConfig;

using ArmHeaders = QList<QPair<QByteArray, QByteArray>>;

/// One request on its way through the pipeline: what to send, and what is kept across its attempts.
struct ArmRequestContext {
    QByteArray method;
    QUrl url;
    QByteArray body;
    /// Attempts and retry timers are its children, so deleting it (the ArmReply) cancels them; null once
    /// it is gone, and then no policy touches the request again.
    QPointer<QObject> owner;
    ArmHeaders headers;               ///< for the next attempt, set by the policies
    QByteArray clientRequestId;       ///< x-ms-client-request-id, the same for every attempt
    QByteArray correlationId;         ///< x-ms-correlation-request-id, the same for every attempt
    int attempt = 0;                  ///< tries counted by the retry policy (a token refresh does not count)
    bool tokenRefreshed = false;      ///< the one refresh after a 401 was used
    bool aborted = false;             ///< the caller gave up: every policy passes the outcome straight on
    QPointer<QNetworkReply> transfer; ///< the attempt on the wire
    QPointer<QTimer> attemptTimer;    ///< the per-attempt timeout
    QPointer<QTimer> retryTimer;      ///< the wait before the next try
    enum class Stop {
        None,
        TimedOut,
        TooLarge
    } stoppedBy = Stop::None; ///< why the transport cut the attempt

    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(const QByteArray &name);
};
using ArmRequest = std::shared_ptr<ArmRequestContext>;

/// What an attempt brought back; once the pipeline is done, the answer the request ends with.
struct ArmResponse {
    int status = 0; ///< 0 when no status line arrived
    ArmHeaders headers;
    QByteArray body;
    /// A transport failure (timeout, connection, too large, unreadable); None when an HTTP answer arrived,
    /// whatever its status.
    ArmError failure;

    QByteArray header(const QByteArray &name) const;
};
using ArmResponseHandler = std::function<void(ArmResponse)>;

class ArmPolicy;

/// The policies after the current one: calling it sends the request on.
class ArmNextPolicy {
public:
    void operator()(const ArmRequest &request, ArmResponseHandler done) const;

private:
    friend class ArmPipeline;
    ArmNextPolicy(const std::vector<std::unique_ptr<ArmPolicy>> *policies, std::size_t index)
        : m_policies(policies)
        , m_index(index) {}
    const std::vector<std::unique_ptr<ArmPolicy>> *m_policies;
    std::size_t m_index;
};

class ArmPolicy {
public:
    virtual ~ArmPolicy() = default;
    /// Handles `request`: sends it on with `next` (zero, one or more times) and calls `done` once with the
    /// outcome. Nothing is called any more once the request's owner is gone.
    virtual void send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) = 0;
};

/// The policies in order, outermost first; the last one must answer without calling `next`.
class ArmPipeline {
public:
    void append(std::unique_ptr<ArmPolicy> policy) { m_policies.push_back(std::move(policy)); }
    void send(const ArmRequest &request, ArmResponseHandler done) const {
        ArmNextPolicy(&m_policies, 0)(request, std::move(done));
    }

private:
    std::vector<std::unique_ptr<ArmPolicy>> m_policies;
};

/// Gives a request its ids (once), Accept, User-Agent and Content-Type.
class ArmRequestIdPolicy : public ArmPolicy {
public:
    void send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) override;
};

/// Sends a request again after a transient failure (408, 429, 5xx but 501, timeout, connection lost), up to
/// RetryPolicy::maxTries, after Retry-After (capped) or an exponential backoff with full jitter.
class ArmRetryPolicy : public ArmPolicy {
public:
    explicit ArmRetryPolicy(const ArmClientConfig &config)
        : m_config(config) {}
    void send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) override;
    /// Whether `response` is worth another try of `request` (the count of tries aside).
    static bool isRetriable(const ArmRequestContext &request, const ArmResponse &response);

private:
    qint64 delayBeforeNextTry(const ArmRequestContext &request, const ArmResponse &response) const;
    void retryLater(const ArmRequest &request, qint64 delayMs, std::function<void()> retry);
    const ArmClientConfig &m_config;
};

/// ARM's request quotas: remembers the last x-ms-ratelimit-remaining-{subscription|tenant}-{reads|writes} per
/// subscription (tenant-level requests per tenant) and kind (reads: GET, HEAD; writes: the others), and holds
/// a request that the last one says ARM would refuse (remaining, less the requests on their way, is 0). ARM
/// does not say when its bucket refills: a held request waits ArmClientConfig::throttleRefillWaitMs (or a
/// 429's Retry-After), then one request goes alone to learn the new remaining count, and the others follow as
/// far as it allows. Nothing is held while ARM sends no such header.
class ArmThrottlePolicy : public ArmPolicy {
public:
    explicit ArmThrottlePolicy(const ArmClientConfig &config);
    ~ArmThrottlePolicy() override;
    void send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) override;

private:
    struct Held {
        ArmRequest request;
        ArmNextPolicy next;
        ArmResponseHandler done;
    };
    struct Quota {
        QByteArray header;              ///< x-ms-ratelimit-remaining-... for this quota
        int remaining = -1;             ///< from the last answer; -1 while no answer said
        qint64 probeAtMs = 0;           ///< when remaining is spent: when the next refill is expected
        QPointer<QObject> probe;        ///< the one request out to learn the quota again
        QList<QPointer<QObject>> onWay; ///< requests sent and not answered (gone with their reply)
        quint64 sent = 0;               ///< requests dispatched so far, numbering them
        quint64 counted = 0;            ///< the number of the latest-sent request whose answer gave remaining
        std::deque<Held> held;
        std::unique_ptr<QTimer> wake;
    };
    Quota &quotaFor(const ArmRequestContext &request);
    /// Sends the held requests the quota allows, in order; arms the wake timer for the others.
    void release(Quota &quota);
    /// Whether the first held request may go now (`asProbe`: alone, to learn the quota again).
    bool mayGo(Quota &quota, bool *asProbe);
    void dispatch(Quota &quota, Held held, bool asProbe);
    /// Keeps the count the answer to the request numbered `sent` gives when it is lower, or comes from a
    /// request sent after the one counted: over several connections answers arrive out of order, and an
    /// older answer's higher count is stale.
    void remember(Quota &quota, const ArmResponse &response, quint64 sent);
    void wakeAt(Quota &quota, qint64 atMs);

    const ArmClientConfig &m_config;
    QElapsedTimer m_clock;
    std::map<QString, Quota> m_quotas; ///< by scope and kind; nodes stay put while requests refer to them
};

/// Authorization: Bearer for URLs on the endpoint only, asked of the token provider at each attempt; after a
/// 401, one token refresh per request and one more attempt.
class ArmBearerTokenPolicy : public ArmPolicy {
public:
    explicit ArmBearerTokenPolicy(const ArmClientConfig &config)
        : m_config(config) {}
    void send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) override;

private:
    void authorize(ArmRequestContext &request) const;
    const ArmClientConfig &m_config;
};

/// Logs each attempt and its answer to lcArm (method, URL, status, request id; never a header, so never a
/// token) and emits ArmClient::requestSent / responseReceived.
class ArmLoggingPolicy : public ArmPolicy {
public:
    explicit ArmLoggingPolicy(ArmClient *client)
        : m_client(client) {}
    void send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) override;

private:
    ArmClient *m_client;
};

/// Sends one attempt with QNetworkAccessManager (no redirect followed), cuts it after the request timeout
/// or when the answer grows past the size cap, and turns what came back into an ArmResponse.
///
/// Over HTTP/1.1 one QNetworkAccessManager opens at most 6 connections to a host, one request each, so
/// requests beyond 6 would wait for a connection whatever their callers' bounds: once `network` has 6 on
/// the wire, a request goes through the least busy of a few more managers (created on first need, up to
/// MaxManagers). Over HTTP/2 (ARM over TLS) one connection carries them all: once an answer came over
/// HTTP/2, `network` alone is used.
class ArmTransportPolicy : public ArmPolicy {
public:
    static constexpr int ConnectionsPerManager = 6; ///< Qt's HTTP/1.1 connections per host and manager
    static constexpr int MaxManagers = 6;

    ArmTransportPolicy(QNetworkAccessManager *network, const ArmClientConfig &config)
        : m_config(config) {
        m_managers.push_back({network, std::make_shared<int>(0)});
    }
    void send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) override;
    /// Managers created so far (1 until more than 6 requests were on the wire over HTTP/1.1).
    int managerCount() const { return int(m_managers.size()); }

private:
    struct Manager {
        QNetworkAccessManager *network;
        std::shared_ptr<int> onTheWire; ///< shared with its transfers, which may outlive the pipeline
    };
    /// The index in m_managers of the manager the next transfer goes through.
    std::size_t pickManager();
    QNetworkReply *startTransfer(const ArmRequestContext &request, QNetworkAccessManager *network) const;
    void watch(const ArmRequest &request, QNetworkReply *transfer) const;
    ArmResponse readResponse(const ArmRequestContext &request, QNetworkReply *transfer) const;
    std::vector<Manager> m_managers; ///< the client's own first
    bool m_http2 = false;            ///< an answer came over HTTP/2
    const ArmClientConfig &m_config;
};

/// 408, 429, 500, 502, 503, 504: worth another try.
bool isTransientStatus(int status);
/// The value of the first header called `name` (case-insensitive), empty when absent.
QByteArray headerValue(const ArmHeaders &headers, const QByteArray &name);
/// Milliseconds the server asks us to wait (Retry-After in seconds or as an HTTP date, retry-after-ms,
/// x-ms-retry-after-ms), -1 when it does not say.
qint64 retryAfterMs(const ArmHeaders &headers);
/// A URL as logs show it: no user info.
QString urlForLog(const QUrl &url);

} // namespace cmk
