#include "arm/armpipeline.h"

#include "arm/armclient.h"
#include "arm/armlog.h"
#include "auth/tokenprovider.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>
#include <limits>
#include <utility>

namespace cmk {

namespace {

bool isSuccess(int status) {
    return status >= 200 && status < 300;
}

QByteArray newId() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

/// The request has no one left to answer: its reply was deleted.
bool isGone(const ArmRequestContext &request) {
    return !request.owner;
}

} // namespace

bool isTransientStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

QByteArray headerValue(const ArmHeaders &headers, const QByteArray &name) {
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

qint64 retryAfterMs(const ArmHeaders &headers) {
    for (const char *name : {"retry-after-ms", "x-ms-retry-after-ms"}) {
        bool ok = false;
        const qint64 ms = headerValue(headers, name).trimmed().toLongLong(&ok);
        if (ok && ms >= 0)
            return ms;
    }
    const QByteArray value = headerValue(headers, "retry-after").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!when.isValid()) {
        when = QLocale::c().toDateTime(QString::fromLatin1(value),
                                       QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        when.setTimeZone(QTimeZone::utc());
    }
    if (!when.isValid())
        return -1;
    return qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
}

QString urlForLog(const QUrl &url) {
    return url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded);
}

// ---- request and response --------------------------------------------------------------------------------

void ArmRequestContext::setHeader(const QByteArray &name, const QByteArray &value) {
    removeHeader(name);
    headers.append({name, value});
}

void ArmRequestContext::removeHeader(const QByteArray &name) {
    headers.removeIf(
        [&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray ArmResponse::header(const QByteArray &name) const {
    return headerValue(headers, name);
}

void ArmNextPolicy::operator()(const ArmRequest &request, ArmResponseHandler done) const {
    Q_ASSERT(m_index < m_policies->size());
    m_policies->at(m_index)->send(request, ArmNextPolicy(m_policies, m_index + 1), std::move(done));
}

// ---- request ids -----------------------------------------------------------------------------------------

void ArmRequestIdPolicy::send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) {
    // One pair of ids for every attempt of this request: support can find it in ARM's logs, and the
    // correlation id is the only id a user can quote when no answer came back (reset, timeout).
    if (request->clientRequestId.isEmpty())
        request->clientRequestId = newId();
    if (request->correlationId.isEmpty())
        request->correlationId = newId();
    request->setHeader("Accept", "application/json");
    request->setHeader("x-ms-client-request-id", request->clientRequestId);
    request->setHeader("x-ms-correlation-request-id", request->correlationId);
    request->setHeader("User-Agent", "cmkwizard/" + QCoreApplication::applicationVersion().toUtf8());
    if (!request->body.isEmpty())
        request->setHeader("Content-Type", "application/json");
    next(request, std::move(done));
}

// ---- retries ---------------------------------------------------------------------------------------------

bool ArmRetryPolicy::isRetriable(const ArmRequestContext &request, const ArmResponse &response) {
    switch (response.failure.kind) {
    case ArmError::Kind::None:
        return isTransientStatus(response.status);
    case ArmError::Kind::Timeout:
        return true;
    case ArmError::Kind::Network:
        // A success status arrived before the body was cut: the server acted on the write, and sending it
        // again could start it twice (or meet its own operation as a conflict). The caller decides.
        return !(isSuccess(response.status) && request.method != "GET");
    default:
        return false; // too large, unreadable: the same answer would come again
    }
}

qint64 ArmRetryPolicy::delayBeforeNextTry(const ArmRequestContext &request,
                                          const ArmResponse &response) const {
    const qint64 serverDelayMs = response.failure ? -1 : retryAfterMs(response.headers);
    if (serverDelayMs >= 0)
        return qMin<qint64>(serverDelayMs, m_config.retry.maxDelayMs);
    // Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))].
    const qint64 ceiling = qMin<qint64>(m_config.retry.maxDelayMs, qint64(m_config.retry.baseDelayMs)
                                                                       << qMin(request.attempt - 1, 20));
    if (ceiling <= 0)
        return 0;
    return QRandomGenerator::global()->bounded(ceiling + 1);
}

void ArmRetryPolicy::send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) {
    ++request->attempt;
    next(request, [this, request, next, done](ArmResponse response) {
        if (isGone(*request))
            return;
        if (request->aborted || !isRetriable(*request, response)) {
            done(std::move(response));
            return;
        }
        if (request->attempt >= m_config.retry.maxTries) {
            qCWarning(lcArm) << request->method.constData() << urlForLog(request->url) << "gave up after"
                             << request->attempt << "tries";
            done(std::move(response));
            return;
        }
        retryLater(request, delayBeforeNextTry(*request, response), [this, request, next, done, response] {
            if (request->aborted)
                done(response);
            else
                send(request, next, done);
        });
    });
}

void ArmRetryPolicy::retryLater(const ArmRequest &request, qint64 delayMs, std::function<void()> retry) {
    qCInfo(lcArm) << request->method.constData() << urlForLog(request->url) << "retrying in" << delayMs
                  << "ms";
    auto *timer = new QTimer(request->owner);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, retry = std::move(retry)] {
        timer->deleteLater();
        retry();
    });
    request->retryTimer = timer;
    timer->start(int(delayMs));
}

// ---- throttle --------------------------------------------------------------------------------------------

ArmThrottlePolicy::ArmThrottlePolicy(const ArmClientConfig &config)
    : m_config(config) {
    m_clock.start();
}

ArmThrottlePolicy::~ArmThrottlePolicy() = default;

ArmThrottlePolicy::Quota &ArmThrottlePolicy::quotaFor(const ArmRequestContext &request) {
    // ARM counts per subscription, and tenant-level requests (subscriptions, tenants) per tenant.
    const QStringList segments = request.url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool inSubscription = segments.size() >= 2 && segments.at(0).compare(QLatin1String("subscriptions"),
                                                                               Qt::CaseInsensitive) == 0;
    const bool read = request.method == "GET" || request.method == "HEAD";
    const QString key = (inSubscription ? segments.at(1).toLower() : QStringLiteral("tenant")) +
                        (read ? QLatin1String("/reads") : QLatin1String("/writes"));
    Quota &quota = m_quotas[key];
    if (quota.header.isEmpty())
        quota.header = QByteArrayLiteral("x-ms-ratelimit-remaining-") +
                       (inSubscription ? "subscription" : "tenant") + (read ? "-reads" : "-writes");
    return quota;
}

void ArmThrottlePolicy::send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) {
    if (!m_config.isOnEndpoint(request->url)) {
        next(request, std::move(done));
        return;
    }
    Quota &quota = quotaFor(*request);
    quota.held.push_back({request, next, std::move(done)});
    release(quota);
}

bool ArmThrottlePolicy::mayGo(Quota &quota, bool *asProbe) {
    *asProbe = false;
    quota.onWay.removeIf([](const QPointer<QObject> &marker) { return marker.isNull(); });
    if (quota.remaining < 0 || quota.remaining > quota.onWay.size())
        return true;
    // Spent, as far as the last answer tells: one request, once a refill is expected, learns the new count.
    if (quota.probe || m_clock.elapsed() < quota.probeAtMs)
        return false;
    *asProbe = true;
    return true;
}

void ArmThrottlePolicy::release(Quota &quota) {
    while (!quota.held.empty()) {
        Held &first = quota.held.front();
        if (isGone(*first.request)) {
            quota.held.pop_front();
            continue;
        }
        bool asProbe = false;
        if (!first.request->aborted && !mayGo(quota, &asProbe)) {
            // Woken by the expected refill, or by the probe's answer; should the probe's reply be deleted
            // unanswered, by the refill wait after now.
            wakeAt(quota, quota.probe ? m_clock.elapsed() + m_config.throttleRefillWaitMs : quota.probeAtMs);
            return;
        }
        Held held = std::move(first);
        quota.held.pop_front();
        if (held.request->aborted)
            held.next(held.request, std::move(held.done)); // the transport answers it at once
        else
            dispatch(quota, std::move(held), asProbe);
    }
}

void ArmThrottlePolicy::dispatch(Quota &quota, Held held, bool asProbe) {
    if (asProbe)
        qCInfo(lcArm) << held.request->method.constData() << urlForLog(held.request->url)
                      << "sent alone: ARM's last" << quota.header.constData() << "was 0";
    // A child of the reply: deleting the reply takes the request off the way.
    QPointer<QObject> marker = new QObject(held.request->owner);
    quota.onWay.append(marker);
    if (asProbe)
        quota.probe = marker;
    const quint64 sent = ++quota.sent;
    held.next(held.request, [this, &quota, marker, sent, done = std::move(held.done)](ArmResponse response) {
        delete marker.data();
        remember(quota, response, sent);
        release(quota); // before done(), which may delete the client and this policy with it
        done(std::move(response));
    });
}

void ArmThrottlePolicy::remember(Quota &quota, const ArmResponse &response, quint64 sent) {
    bool ok = false;
    const int remaining = response.header(quota.header).trimmed().toInt(&ok);
    // A lower count is always news (the server may have answered a later request first); a higher one only
    // from a request sent after the one counted (an older answer's is stale, not a refill).
    if (ok && remaining >= 0 && (sent > quota.counted || remaining < quota.remaining)) {
        quota.counted = qMax(quota.counted, sent);
        quota.remaining = remaining;
        quota.probeAtMs = m_clock.elapsed() + m_config.throttleRefillWaitMs;
    }
    if (response.status == 429 && !response.failure) {
        // Refused all the same (another client spent the quota): nothing goes before Retry-After.
        const qint64 retryAfter = retryAfterMs(response.headers);
        quota.remaining = 0;
        quota.probeAtMs =
            m_clock.elapsed() + (retryAfter >= 0 ? qMin<qint64>(retryAfter, m_config.retry.maxDelayMs)
                                                 : qint64(m_config.throttleRefillWaitMs));
    }
}

void ArmThrottlePolicy::wakeAt(Quota &quota, qint64 atMs) {
    if (!quota.wake) {
        quota.wake = std::make_unique<QTimer>();
        quota.wake->setSingleShot(true);
        QObject::connect(quota.wake.get(), &QTimer::timeout, quota.wake.get(),
                         [this, &quota] { release(quota); });
    }
    const qint64 inMs = qMax<qint64>(0, atMs - m_clock.elapsed());
    if (!quota.wake->isActive() || quota.wake->remainingTime() > inMs)
        quota.wake->start(int(qMin<qint64>(inMs, std::numeric_limits<int>::max())));
}

// ---- bearer token ----------------------------------------------------------------------------------------

void ArmBearerTokenPolicy::authorize(ArmRequestContext &request) const {
    request.removeHeader("Authorization");
    // The token only ever goes to the configured endpoint.
    if (!m_config.tokens || !m_config.isOnEndpoint(request.url))
        return;
    const QString token = m_config.tokens->accessToken();
    if (!token.isEmpty())
        request.setHeader("Authorization", "Bearer " + token.toUtf8());
}

void ArmBearerTokenPolicy::send(const ArmRequest &request, const ArmNextPolicy &next,
                                ArmResponseHandler done) {
    authorize(*request);
    next(request, [this, request, next, done](ArmResponse response) {
        if (isGone(*request))
            return;
        TokenProvider *tokens = m_config.tokens;
        if (response.status != 401 || response.failure || request->aborted || !tokens ||
            request->tokenRefreshed) {
            done(std::move(response));
            return;
        }
        request->tokenRefreshed = true;
        tokens->refreshAfterUnauthorized([this, request, next, done, response](bool ok) {
            if (isGone(*request))
                return;
            if (ok && !request->aborted)
                send(request, next, done); // the same attempt again, with the fresh token
            else
                done(response);
        });
    });
}

// ---- logging ---------------------------------------------------------------------------------------------

void ArmLoggingPolicy::send(const ArmRequest &request, const ArmNextPolicy &next, ArmResponseHandler done) {
    qCDebug(lcArm) << request->method.constData() << urlForLog(request->url) << "attempt" << request->attempt;
    Q_EMIT m_client->requestSent(request->method, request->url);
    if (isGone(*request))
        return; // deleted from a slot
    next(request, [this, request, done](ArmResponse response) {
        if (!request->aborted) {
            const QString requestId = QString::fromLatin1(response.header("x-ms-request-id"));
            qCDebug(lcArm) << request->method.constData() << urlForLog(request->url) << "->"
                           << response.status << response.failure.message << "request id" << requestId;
            Q_EMIT m_client->responseReceived(request->method, request->url, response.status, requestId);
            if (isGone(*request))
                return;
        }
        done(std::move(response));
    });
}

// ---- transport -------------------------------------------------------------------------------------------

std::size_t ArmTransportPolicy::pickManager() {
    if (m_http2 || *m_managers.front().onTheWire < ConnectionsPerManager)
        return 0;
    std::size_t best = 0;
    for (std::size_t i = 1; i < m_managers.size(); ++i) {
        if (*m_managers[i].onTheWire < *m_managers[best].onTheWire)
            best = i;
    }
    if (*m_managers[best].onTheWire < ConnectionsPerManager || int(m_managers.size()) >= MaxManagers)
        return best;
    QNetworkAccessManager *first = m_managers.front().network;
    auto *extra = new QNetworkAccessManager(first->parent());
    extra->setProxy(first->proxy());
    m_managers.push_back({extra, std::make_shared<int>(0)});
    return m_managers.size() - 1;
}

QNetworkReply *ArmTransportPolicy::startTransfer(const ArmRequestContext &request,
                                                 QNetworkAccessManager *network) const {
    QNetworkRequest networkRequest(request.url);
    // A redirect could carry the token to another host: ARM does not redirect, so none is followed.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    for (const auto &header : request.headers)
        networkRequest.setRawHeader(header.first, header.second);
    if (request.method == "GET")
        return network->get(networkRequest);
    if (request.method == "DELETE" && request.body.isEmpty())
        return network->deleteResource(networkRequest);
    return network->sendCustomRequest(networkRequest, request.method, request.body);
}

void ArmTransportPolicy::watch(const ArmRequest &request, QNetworkReply *transfer) const {
    auto *timer = new QTimer(transfer);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, transfer, [request, transfer] {
        request->stoppedBy = ArmRequestContext::Stop::TimedOut;
        transfer->abort();
    });
    timer->start(m_config.requestTimeoutMs);
    request->attemptTimer = timer;

    // The size cap is checked on every readyRead (the body waits, unread, in the reply's buffer until the
    // transfer finishes) and on downloadProgress, which announces a too large Content-Length before the body.
    // downloadProgress alone is not enough: Qt throttles it, and an endless chunked body can pass hundreds of
    // MiB between two emissions. A read buffer of twice the cap makes Qt's network thread stop reading soon
    // after the cap is passed (otherwise it keeps reading into a queue of its own while this thread is busy);
    // not just over the cap: Qt stops short of a full buffer, which would stall a body of cap + a few bytes.
    const qint64 limit = m_config.maxResponseBytes;
    transfer->setReadBufferSize(limit > std::numeric_limits<qint64>::max() / 2 ? 0 : 2 * limit);
    const auto stopTooLarge = [request, transfer] {
        request->stoppedBy = ArmRequestContext::Stop::TooLarge;
        transfer->abort();
    };
    QObject::connect(transfer, &QNetworkReply::readyRead, transfer, [transfer, limit, stopTooLarge] {
        if (transfer->bytesAvailable() > limit)
            stopTooLarge();
    });
    QObject::connect(transfer, &QNetworkReply::downloadProgress, transfer,
                     [limit, stopTooLarge](qint64 received, qint64 total) {
                         if (received > limit || total > limit)
                             stopTooLarge();
                     });
}

void ArmTransportPolicy::send(const ArmRequest &request, const ArmNextPolicy &, ArmResponseHandler done) {
    if (isGone(*request))
        return;
    if (request->aborted) {
        done({}); // aborted before it left, e.g. from a requestSent() receiver
        return;
    }
    request->stoppedBy = ArmRequestContext::Stop::None;
    const std::size_t manager = pickManager();
    QNetworkReply *transfer = startTransfer(*request, m_managers[manager].network);
    // Counted down once when the transfer ends, however it ends (answered, aborted, or its ArmReply deleted).
    const std::shared_ptr<int> onTheWire = m_managers[manager].onTheWire;
    ++*onTheWire;
    const auto ended = [onTheWire, counted = std::make_shared<bool>(false)] {
        if (!std::exchange(*counted, true))
            --*onTheWire;
    };
    QObject::connect(transfer, &QNetworkReply::finished, ended);
    QObject::connect(transfer, &QObject::destroyed, ended);
    transfer->setParent(request->owner); // deleting the ArmReply aborts the transfer
    request->transfer = transfer;
    watch(request, transfer);
    QObject::connect(transfer, &QNetworkReply::finished, request->owner, [this, request, transfer, done] {
        request->transfer = nullptr;
        if (transfer->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool())
            m_http2 = true;
        // This attempt is over: its timeout and size watch must not mark the next one.
        if (request->attemptTimer)
            request->attemptTimer->stop();
        QObject::disconnect(transfer, &QNetworkReply::downloadProgress, nullptr, nullptr);
        QObject::disconnect(transfer, &QNetworkReply::readyRead, nullptr, nullptr);
        // Detached first: a receiver of the reply's finished() may delete the reply, and with it its
        // children.
        transfer->setParent(nullptr);
        transfer->deleteLater();
        done(readResponse(*request, transfer));
    });
}

ArmResponse ArmTransportPolicy::readResponse(const ArmRequestContext &request,
                                             QNetworkReply *transfer) const {
    ArmResponse response;
    response.status = transfer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = transfer->rawHeaderPairs();
    const QNetworkReply::NetworkError error = transfer->error();
    const auto fail = [&response](ArmError::Kind kind, const QString &message) {
        response.failure = ArmError::make(kind, message);
        return response;
    };
    if (request.stoppedBy == ArmRequestContext::Stop::TooLarge)
        return fail(ArmError::Kind::MalformedResponse,
                    QCoreApplication::translate("ArmClient", "The response is larger than %1 MiB.")
                        .arg(m_config.maxResponseBytes / (qint64(1024) * 1024)));
    if (request.stoppedBy == ArmRequestContext::Stop::TimedOut)
        return fail(ArmError::Kind::Timeout,
                    QCoreApplication::translate("ArmClient", "No answer from %1 within %2 seconds.")
                        .arg(request.url.host())
                        .arg(m_config.requestTimeoutMs / 1000.0));
    // Transport failures (refused, reset, closed mid-body, TLS...) carry no usable answer; a truncated body
    // reports RemoteHostClosedError even after the status line arrived.
    if (response.status == 0 ||
        (error >= QNetworkReply::ConnectionRefusedError && error <= QNetworkReply::UnknownNetworkError))
        return fail(ArmError::Kind::Network, QCoreApplication::translate("ArmClient", "%1 (%2)")
                                                 .arg(transfer->errorString(), request.url.host()));
    // A success status with a transfer error: the body could not be decoded (e.g. a compressed body past
    // Qt's decompression safety limit). Qt then hands over an empty body, which must not pass for "no
    // content".
    if (isSuccess(response.status) && error != QNetworkReply::NoError)
        return fail(ArmError::Kind::MalformedResponse,
                    QCoreApplication::translate("ArmClient", "The response could not be read: %1")
                        .arg(transfer->errorString()));
    response.body = transfer->readAll();
    return response;
}

} // namespace cmk
