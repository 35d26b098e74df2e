#include "arm/armclient.h"

#include "arm/armlog.h"
#include "auth/tokenprovider.h"

#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cmk {

namespace {

constexpr qint64 DefaultMaxResponseBytes = 64ll * 1024 * 1024;
constexpr int DefaultMaxPages = 10000;
constexpr int WorkerNiceness = 10;
/// Bodies from this size on are parsed on a worker thread (a list page of 100 sets is about 70 KB).
constexpr qsizetype BackgroundParseBytes = qsizetype(32) * 1024;

/// The parsed body, or a discarded value when it is not JSON.
nlohmann::json parseBody(const QByteArray &body) {
    return nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

bool isTransientStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool isTerminal(const QString &status) {
    return status.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0 ||
           status.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0 ||
           status.compare(QLatin1String("Canceled"), Qt::CaseInsensitive) == 0 ||
           status.compare(QLatin1String("Cancelled"), Qt::CaseInsensitive) == 0;
}

bool is(const QString &status, const char *expected) {
    return status.compare(QLatin1String(expected), Qt::CaseInsensitive) == 0;
}

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name) {
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

/// Milliseconds the server asks us to wait, -1 when it does not say. Azure sends Retry-After in seconds or as
/// an HTTP date, and sometimes retry-after-ms / x-ms-retry-after-ms.
qint64 retryAfterMs(const QList<QPair<QByteArray, QByteArray>> &headers) {
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

int defaultPort(const QUrl &url) {
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

QString forLog(const QUrl &url) {
    return url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded);
}

/// Rejects paths that could leave the API: relative, with a query/fragment, dot segments (also encoded),
/// control characters.
QString pathProblem(const QString &path) {
    if (!path.startsWith(QLatin1Char('/')))
        return QCoreApplication::translate("ArmClient", "The path “%1” does not start with “/”.").arg(path);
    for (const QChar c : path) {
        if (c == QLatin1Char('?') || c == QLatin1Char('#') || c == QLatin1Char('\\') ||
            c.category() == QChar::Other_Control)
            return QCoreApplication::translate("ArmClient",
                                               "The path “%1” contains a character that is not allowed.")
                .arg(path);
    }
    const QStringList segments = path.split(QLatin1Char('/'));
    for (int i = 1; i < segments.size(); ++i) {
        const QString decoded = QUrl::fromPercentEncoding(segments.at(i).toLatin1());
        if ((segments.at(i).isEmpty() && i + 1 < segments.size()) || decoded == QLatin1String(".") ||
            decoded == QLatin1String(".."))
            return QCoreApplication::translate("ArmClient", "The path “%1” has an empty or dot segment.")
                .arg(path);
    }
    return {};
}

} // namespace

void lowerWorkerThreadPriority() {
#ifdef Q_OS_LINUX
    // Once per thread: a niceness of 10 weighs about a tenth of the GUI thread's 0, so the window wins the
    // core when both want it, and the worker still gets its share on a busy machine (SCHED_IDLE, Qt's
    // IdlePriority, could starve it; Qt's other priorities change nothing for ordinary Linux threads).
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), WorkerNiceness);
    }
#endif
}

// ---- private ---------------------------------------------------------------------------------------------

class ArmClientPrivate {
public:
    explicit ArmClientPrivate(ArmClient *client)
        : q(client)
        , nam(new QNetworkAccessManager(client)) {
        parsers.setMaxThreadCount(1);
        // Tuning for slow links and for the reliability tests (docs/reliability.md); unset normally, and
        // the setters still win.
        bool set = false;
        if (const int ms = qEnvironmentVariableIntValue("CMKWIZARD_REQUEST_TIMEOUT_MS", &set); set && ms > 0)
            timeoutMs = ms;
        if (const int ms = qEnvironmentVariableIntValue("CMKWIZARD_POLL_INTERVAL_MS", &set); set && ms >= 0)
            pollIntervalMs = ms;
        if (const int ms = qEnvironmentVariableIntValue("CMKWIZARD_RETRY_MAX_DELAY_MS", &set);
            set && ms >= 0) {
            retry.maxDelayMs = ms;
            retry.baseDelayMs = qMin(retry.baseDelayMs, ms);
        }
    }

    ArmClient *q;
    QNetworkAccessManager *nam;
    QUrl endpoint{QStringLiteral("https://management.azure.com")};
    TokenProvider *tokens = nullptr;
    RetryPolicy retry;
    int pollIntervalMs = 2000;
    int timeoutMs = 60000;
    qint64 maxResponseBytes = DefaultMaxResponseBytes;
    int maxPages = DefaultMaxPages;
    QThreadPool parsers; ///< large bodies; declared last so it is destroyed (and waited for) first

    // ---- single requests ----
    ArmReply *createReply(const QByteArray &method, const QUrl &url, const QByteArray &body = {});
    ArmReply *failedReply(const QByteArray &method, const ArmError &error);
    void startAttempt(ArmReply *reply);
    void onAttemptFinished(ArmReply *reply, QNetworkReply *network);
    void retryLater(ArmReply *reply, qint64 serverDelayMs, const ArmError &ifExhausted);
    static void finish(ArmReply *reply, const ArmError &error);
    static void finishWithBody(ArmReply *reply, nlohmann::json parsed);
    /// `error` with the status, request id and correlation id of the answer `reply` got.
    static ArmError withReplyIds(const ArmReply *reply, ArmError error);
    static QByteArray serialize(const nlohmann::json &body);

    // ---- paging ----
    void fetchPage(ArmPager *pager, const QUrl &url);
    void onPage(ArmPager *pager, ArmReply *reply);
    static void finish(ArmPager *pager, const ArmError &error);

    // ---- long-running operations ----
    ArmOperation *beginOperation(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                 const QByteArray &body);
    void onInitial(ArmOperation *operation, ArmReply *reply);
    void schedulePoll(ArmOperation *operation, qint64 serverDelayMs);
    void poll(ArmOperation *operation);
    void onPoll(ArmOperation *operation, ArmReply *reply);
    void fetchFinalResource(ArmOperation *operation);
    static void setStatus(ArmOperation *operation, const QString &status);
    static void finish(ArmOperation *operation, const ArmError &error);

    /// The absolute URL of a nextLink or a polling header, or an error when it leaves the endpoint.
    QUrl followableUrl(const QByteArray &value, ArmError *error) const;
    qint64 backoffMs(int attempt) const;
};

QByteArray ArmClientPrivate::serialize(const nlohmann::json &body) {
    if (body.is_null())
        return {};
    return QByteArray::fromStdString(body.dump());
}

ArmReply *ArmClientPrivate::createReply(const QByteArray &method, const QUrl &url, const QByteArray &body) {
    auto *reply = new ArmReply(q);
    reply->m_method = method;
    reply->m_url = url;
    reply->m_requestBody = body;
    startAttempt(reply);
    return reply;
}

ArmReply *ArmClientPrivate::failedReply(const QByteArray &method, const ArmError &error) {
    auto *reply = new ArmReply(q);
    reply->m_method = method;
    // Queued, so the caller can connect to finished() first, as with a real request.
    QMetaObject::invokeMethod(
        reply, [reply, error] { finish(reply, error); }, Qt::QueuedConnection);
    return reply;
}

void ArmClientPrivate::finish(ArmReply *reply, const ArmError &error) {
    if (reply->m_finished)
        return;
    if (reply->m_wait) {
        reply->m_wait->stop();
        reply->m_wait->deleteLater();
    }
    reply->m_finished = true;
    reply->m_error = error;
    Q_EMIT reply->finished();
}

void ArmClientPrivate::startAttempt(ArmReply *reply) {
    if (reply->m_finished)
        return;
    if (reply->m_aborted) {
        finish(reply, ArmError::make(ArmError::Kind::Aborted, {}));
        return;
    }
    ++reply->m_attempt;

    QNetworkRequest request(reply->m_url);
    // A redirect could carry the token to another host: ARM does not redirect, so none is followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("x-ms-client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    // One correlation id for every attempt of this request: support can find it in ARM's logs, and it is
    // the only id a user can quote when no answer came back (reset, timeout).
    QByteArray correlationId = reply->property("cmkCorrelationId").toByteArray();
    if (correlationId.isEmpty()) {
        correlationId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        reply->setProperty("cmkCorrelationId", correlationId);
    }
    request.setRawHeader("x-ms-correlation-request-id", correlationId);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("cmkwizard/%1").arg(QCoreApplication::applicationVersion()));
    if (!reply->m_requestBody.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    // The token only ever goes to the configured endpoint.
    if (tokens && q->isOnEndpoint(reply->m_url)) {
        const QString token = tokens->accessToken();
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    }

    QNetworkReply *network = nullptr;
    if (reply->m_method == "GET")
        network = nam->get(request);
    else if (reply->m_method == "DELETE" && reply->m_requestBody.isEmpty())
        network = nam->deleteResource(request);
    else
        network = nam->sendCustomRequest(request, reply->m_method, reply->m_requestBody);
    network->setParent(reply); // deleting the ArmReply aborts the transfer
    reply->m_current = network;
    qCDebug(lcArm) << reply->m_method.constData() << forLog(reply->m_url) << "attempt" << reply->m_attempt;
    Q_EMIT q->requestSent(reply->m_method, reply->m_url);

    auto *timer = new QTimer(network);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, network, [network] {
        network->setProperty("cmkTimedOut", true);
        network->abort();
    });
    timer->start(timeoutMs);

    const qint64 limit = maxResponseBytes;
    QObject::connect(network, &QNetworkReply::downloadProgress, network,
                     [network, limit](qint64 received, qint64 total) {
                         if (received > limit || total > limit) {
                             network->setProperty("cmkTooLarge", true);
                             network->abort();
                         }
                     });
    QObject::connect(network, &QNetworkReply::finished, reply,
                     [this, reply, network] { onAttemptFinished(reply, network); });
}

qint64 ArmClientPrivate::backoffMs(int attempt) const {
    // Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))].
    const qint64 ceiling = qMin<qint64>(retry.maxDelayMs, qint64(retry.baseDelayMs) << qMin(attempt - 1, 20));
    if (ceiling <= 0)
        return 0;
    return QRandomGenerator::global()->bounded(ceiling + 1);
}

void ArmClientPrivate::retryLater(ArmReply *reply, qint64 serverDelayMs, const ArmError &ifExhausted) {
    if (reply->m_attempt >= retry.maxTries) {
        qCWarning(lcArm) << reply->m_method.constData() << forLog(reply->m_url) << "gave up after"
                         << reply->m_attempt << "tries";
        finish(reply, ifExhausted);
        return;
    }
    const qint64 delay =
        serverDelayMs >= 0 ? qMin<qint64>(serverDelayMs, retry.maxDelayMs) : backoffMs(reply->m_attempt);
    qCInfo(lcArm) << reply->m_method.constData() << forLog(reply->m_url) << "retrying in" << delay << "ms";
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [this, reply, timer] {
        timer->deleteLater();
        startAttempt(reply);
    });
    reply->m_wait = timer;
    timer->start(int(delay));
}

void ArmClientPrivate::onAttemptFinished(ArmReply *reply, QNetworkReply *network) {
    reply->m_current = nullptr;
    network->deleteLater();
    if (reply->m_finished)
        return;
    if (reply->m_aborted) {
        finish(reply, ArmError::make(ArmError::Kind::Aborted, {}));
        return;
    }

    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = network->error();
    const QList<QPair<QByteArray, QByteArray>> headers = network->rawHeaderPairs();
    const QString requestId = QString::fromLatin1(headerValue(headers, "x-ms-request-id"));
    const QString correlationId = QString::fromLatin1(headerValue(headers, "x-ms-correlation-request-id"));
    reply->m_status = status;
    reply->m_headers = headers;
    reply->m_requestId = requestId;
    reply->m_body.clear();
    reply->m_json = nullptr;
    qCDebug(lcArm) << reply->m_method.constData() << forLog(reply->m_url) << "->" << status << networkError
                   << "request id" << requestId;
    Q_EMIT q->responseReceived(reply->m_method, reply->m_url, status, requestId);

    if (network->property("cmkTooLarge").toBool()) {
        finish(reply,
               withReplyIds(reply, ArmError::make(ArmError::Kind::MalformedResponse,
                                                  QCoreApplication::translate(
                                                      "ArmClient", "The response is larger than %1 MiB.")
                                                      .arg(maxResponseBytes / (qint64(1024) * 1024)))));
        return;
    }
    if (network->property("cmkTimedOut").toBool()) {
        retryLater(reply, -1,
                   withReplyIds(reply, ArmError::make(ArmError::Kind::Timeout,
                                                      QCoreApplication::translate(
                                                          "ArmClient", "No answer from %1 within %2 seconds.")
                                                          .arg(reply->m_url.host())
                                                          .arg(timeoutMs / 1000.0))));
        return;
    }
    // Transport failures (refused, reset, closed mid-body, TLS...) carry no usable answer; a truncated body
    // reports RemoteHostClosedError even after the status line arrived.
    const bool transportFailure = status == 0 || (networkError >= QNetworkReply::ConnectionRefusedError &&
                                                  networkError <= QNetworkReply::UnknownNetworkError);
    if (transportFailure) {
        const ArmError error =
            withReplyIds(reply, ArmError::make(ArmError::Kind::Network,
                                               QCoreApplication::translate("ArmClient", "%1 (%2)")
                                                   .arg(network->errorString(), reply->m_url.host())));
        // A success status arrived before the body was cut: the server acted on the write, and sending it
        // again could start it twice (or meet its own operation as a conflict). The caller decides.
        if (status >= 200 && status < 300 && reply->m_method != "GET") {
            finish(reply, error);
            return;
        }
        retryLater(reply, -1, error);
        return;
    }

    // A success status with a transfer error: the body could not be decoded (e.g. a compressed body past
    // Qt's decompression safety limit). Qt then hands over an empty body, which must not pass for "no
    // content".
    if (status >= 200 && status < 300 && networkError != QNetworkReply::NoError) {
        finish(reply,
               withReplyIds(reply, ArmError::make(ArmError::Kind::MalformedResponse,
                                                  QCoreApplication::translate(
                                                      "ArmClient", "The response could not be read: %1")
                                                      .arg(network->errorString()))));
        return;
    }
    const QByteArray body = network->readAll();
    reply->m_body = body;
    if (isTransientStatus(status)) {
        retryLater(reply, retryAfterMs(headers),
                   ArmError::fromHttpResponse(status, body, requestId, correlationId));
        return;
    }
    if (status == 401) {
        ArmError error = ArmError::fromHttpResponse(status, body, requestId, correlationId);
        error.kind = ArmError::Kind::Authentication;
        if (!tokens || reply->m_tokenRefreshed) {
            finish(reply, error);
            return;
        }
        reply->m_tokenRefreshed = true;
        QPointer<ArmReply> guard(reply);
        tokens->refreshAfterUnauthorized([this, guard, error](bool ok) {
            if (!guard || guard->m_finished)
                return;
            if (ok) {
                --guard->m_attempt; // the retry with a fresh token is not a transient-failure retry
                startAttempt(guard);
            } else {
                finish(guard, error);
            }
        });
        return;
    }
    if (status >= 300) {
        finish(reply, ArmError::fromHttpResponse(status, body, requestId, correlationId));
        return;
    }
    if (body.trimmed().isEmpty()) {
        finish(reply, {});
        return;
    }
    if (body.size() < BackgroundParseBytes) {
        finishWithBody(reply, parseBody(body));
        return;
    }
    // A list page of 1,000 resources takes milliseconds to parse: a worker does it, so the window keeps
    // answering meanwhile. The result is posted to the client (which outlives the workers: its destructor
    // waits for them); the reply may be aborted or deleted in between, hence the guard.
    parsers.start([client = q, guard = QPointer<ArmReply>(reply), body]() mutable {
        lowerWorkerThreadPriority();
        nlohmann::json parsed = parseBody(body);
        QMetaObject::invokeMethod(
            client,
            [guard = std::move(guard), parsed = std::move(parsed)]() mutable {
                if (guard)
                    finishWithBody(guard, std::move(parsed));
            },
            Qt::QueuedConnection);
    });
}

ArmError ArmClientPrivate::withReplyIds(const ArmReply *reply, ArmError error) {
    if (!error.httpStatus)
        error.httpStatus = reply->m_status;
    error.requestId = reply->m_requestId;
    // The server's correlation id, else the one this client sent (what support can search for).
    const QByteArray correlationId = headerValue(reply->m_headers, "x-ms-correlation-request-id");
    error.correlationRequestId = QString::fromLatin1(
        correlationId.isEmpty() ? reply->property("cmkCorrelationId").toByteArray() : correlationId);
    return error;
}

void ArmClientPrivate::finishWithBody(ArmReply *reply, nlohmann::json parsed) {
    if (reply->m_finished)
        return;
    if (parsed.is_discarded()) {
        // A sign-in page from a proxy or a captive portal says what it is in its content type.
        const QByteArray contentType = headerValue(reply->m_headers, "content-type").trimmed();
        const bool saysNotJson = !contentType.isEmpty() && !contentType.toLower().contains("json");
        finish(reply,
               withReplyIds(
                   reply, ArmError::make(
                              ArmError::Kind::MalformedResponse,
                              saysNotJson
                                  ? QCoreApplication::translate(
                                        "ArmClient", "The server answered with “%1” content instead of JSON.")
                                        .arg(QString::fromLatin1(contentType.left(100)))
                                  : QCoreApplication::translate("ArmClient",
                                                                "The response body is not valid JSON."))));
        return;
    }
    reply->m_json = std::move(parsed);
    finish(reply, {});
}

QUrl ArmClientPrivate::followableUrl(const QByteArray &value, ArmError *error) const {
    QUrl url = QUrl::fromEncoded(value.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || !q->isOnEndpoint(url)) {
        *error = ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate(
                "ArmClient", "The server pointed to “%1”, which is not on %2; it was not followed.")
                .arg(QString::fromUtf8(value.left(200)), endpoint.toString()));
        return {};
    }
    const QString problem = pathProblem(url.path(QUrl::FullyEncoded));
    if (!problem.isEmpty()) {
        *error = ArmError::make(ArmError::Kind::MalformedResponse, problem);
        return {};
    }
    return url;
}

// ---- paging ----------------------------------------------------------------------------------------------

void ArmClientPrivate::finish(ArmPager *pager, const ArmError &error) {
    if (pager->m_finished)
        return;
    pager->m_finished = true;
    pager->m_error = error;
    Q_EMIT pager->finished();
}

void ArmClientPrivate::fetchPage(ArmPager *pager, const QUrl &url) {
    pager->m_seenUrls.insert(url.toString(QUrl::FullyEncoded));
    ArmReply *reply = createReply("GET", url);
    pager->m_current = reply;
    QObject::connect(reply, &ArmReply::finished, pager, [this, pager, reply] { onPage(pager, reply); });
}

void ArmClientPrivate::onPage(ArmPager *pager, ArmReply *reply) {
    reply->deleteLater();
    pager->m_current = nullptr;
    if (pager->m_finished)
        return;
    if (reply->error()) {
        finish(pager, reply->error());
        return;
    }
    nlohmann::json &page = reply->m_json;
    const auto value = page.is_object() ? page.find("value") : page.end();
    if (!page.is_object() || value == page.end() || !value->is_array()) {
        ArmError error = ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate("ArmClient", "The list response has no “value” array."));
        error.httpStatus = reply->httpStatus();
        error.requestId = reply->requestId();
        finish(pager, error);
        return;
    }
    QByteArray nextLink;
    const auto next = page.find("nextLink");
    if (next != page.end() && !next->is_null()) {
        if (!next->is_string()) {
            finish(pager,
                   ArmError::make(ArmError::Kind::MalformedResponse,
                                  QCoreApplication::translate("ArmClient", "“nextLink” is not a string.")));
            return;
        }
        nextLink = QByteArray::fromStdString(next->get<std::string>());
    }

    ++pager->m_pages;
    pager->m_items += int(value->size());
    // Moved, not copied: receivers may keep the page (sharedPage()) to convert it on a worker thread.
    auto items = std::make_shared<const nlohmann::json>(std::move(*value));
    pager->m_page = items;
    QPointer<ArmPager> guard(pager);
    Q_EMIT pager->pageReceived(*items);
    if (!guard)
        return; // deleted from a slot
    pager->m_page.reset();
    if (pager->m_finished)
        return; // aborted from a slot
    if (pager->m_aborted) {
        finish(pager, ArmError::make(ArmError::Kind::Aborted, {}));
        return;
    }

    if (nextLink.trimmed().isEmpty()) {
        finish(pager, {});
        return;
    }
    ArmError error;
    QUrl url = followableUrl(nextLink, &error);
    if (error) {
        qCWarning(lcArm) << "nextLink refused:" << error.message;
        finish(pager, error);
        return;
    }
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("api-version"))) {
        query.addQueryItem(QStringLiteral("api-version"), apiVersionForPath(url.path()));
        url.setQuery(query);
    }
    if (pager->m_seenUrls.contains(url.toString(QUrl::FullyEncoded))) {
        finish(pager,
               ArmError::make(
                   ArmError::Kind::MalformedResponse,
                   QCoreApplication::translate(
                       "ArmClient", "The server returned the same next page twice; the list was stopped.")));
        return;
    }
    if (pager->m_pages >= maxPages) {
        finish(pager, ArmError::make(ArmError::Kind::MalformedResponse,
                                     QCoreApplication::translate(
                                         "ArmClient", "The list has more than %1 pages; it was stopped.")
                                         .arg(maxPages)));
        return;
    }
    fetchPage(pager, url);
}

// ---- long-running operations -----------------------------------------------------------------------------

void ArmClientPrivate::finish(ArmOperation *operation, const ArmError &error) {
    if (operation->m_finished)
        return;
    if (auto *timer = qobject_cast<QTimer *>(operation->m_current.data())) {
        timer->stop();
        timer->deleteLater();
    }
    operation->m_current = nullptr;
    operation->m_finished = true;
    operation->m_error = error;
    qCDebug(lcArmLro) << forLog(operation->m_resourceUrl) << "finished" << operation->m_status
                      << (error ? error.toDisplayString() : QString());
    Q_EMIT operation->finished();
}

void ArmClientPrivate::setStatus(ArmOperation *operation, const QString &status) {
    if (status.isEmpty() || status == operation->m_status)
        return;
    operation->m_status = status;
    Q_EMIT operation->statusChanged(status);
}

ArmOperation *ArmClientPrivate::beginOperation(const QByteArray &method, const QString &path,
                                               const QUrlQuery &query, const QByteArray &body) {
    auto *operation = new ArmOperation(q);
    operation->m_isPut = method == "PUT";
    ArmError error;
    operation->m_resourceUrl = q->urlForPath(path, query, &error);
    if (error) {
        QMetaObject::invokeMethod(
            operation, [operation, error] { finish(operation, error); }, Qt::QueuedConnection);
        return operation;
    }
    ArmReply *reply = createReply(method, operation->m_resourceUrl, body);
    operation->m_current = reply;
    QObject::connect(reply, &ArmReply::finished, operation,
                     [this, operation, reply] { onInitial(operation, reply); });
    return operation;
}

static QString provisioningStateOf(const nlohmann::json &resource) {
    if (!resource.is_object())
        return {};
    const auto properties = resource.find("properties");
    if (properties == resource.end() || !properties->is_object())
        return {};
    const auto state = properties->find("provisioningState");
    if (state == properties->end() || !state->is_string())
        return {};
    return QString::fromStdString(state->get<std::string>());
}

void ArmClientPrivate::onInitial(ArmOperation *operation, ArmReply *reply) {
    reply->deleteLater();
    operation->m_current = nullptr;
    if (operation->m_finished)
        return;
    operation->m_requestId = reply->requestId();
    // An answer cut after its headers still says the operation runs and where to follow it; its body is not
    // needed (the resource is read again at the end).
    const bool acceptedButCut =
        reply->error().kind == ArmError::Kind::Network && reply->httpStatus() >= 200 &&
        reply->httpStatus() < 300 &&
        (!reply->rawHeader("Azure-AsyncOperation").isEmpty() || !reply->rawHeader("Location").isEmpty());
    if (reply->error() && !acceptedButCut) {
        finish(operation, reply->error());
        return;
    }
    const int status = reply->httpStatus();
    if (operation->m_isPut && reply->json().is_object())
        operation->m_resource = reply->json();
    QPointer<ArmOperation> guard(operation);
    Q_EMIT operation->accepted(reply->json());
    if (!guard || operation->m_finished)
        return;
    if (operation->m_aborted) {
        finish(operation, ArmError::make(ArmError::Kind::Aborted, {}));
        return;
    }

    const QByteArray asyncOperation = reply->rawHeader("Azure-AsyncOperation").trimmed();
    const QByteArray location = reply->rawHeader("Location").trimmed();
    const QString provisioningState = provisioningStateOf(reply->json());
    ArmError error;
    if (!asyncOperation.isEmpty()) {
        operation->m_mode = ArmOperation::Mode::AsyncOperation;
        operation->m_pollUrl = followableUrl(asyncOperation, &error);
    } else if (!location.isEmpty()) {
        operation->m_mode = ArmOperation::Mode::Location;
        operation->m_pollUrl = followableUrl(location, &error);
    } else if (status == 202) {
        error = ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate("ArmClient",
                                        "The request was accepted but the server gave no way to follow it."));
    } else if (operation->m_isPut && !provisioningState.isEmpty() && !isTerminal(provisioningState)) {
        // 200/201 without headers while provisioning: follow the resource's own provisioningState.
        operation->m_mode = ArmOperation::Mode::ResourceState;
        operation->m_pollUrl = operation->m_resourceUrl;
    } else {
        // Done at once (typically 200 with a terminal provisioningState, or a 204 DELETE).
        const QString final = provisioningState.isEmpty() ? QStringLiteral("Succeeded") : provisioningState;
        setStatus(operation, final);
        if (is(final, "Failed"))
            error = ArmError::make(ArmError::Kind::OperationFailed,
                                   QCoreApplication::translate(
                                       "ArmClient", "The resource ended in the Failed provisioning state."));
        else if (is(final, "Canceled") || is(final, "Cancelled"))
            error = ArmError::make(ArmError::Kind::OperationCanceled, {});
        error.requestId = operation->m_requestId;
        finish(operation, error.isError() ? error : ArmError());
        return;
    }
    if (error) {
        error.requestId = operation->m_requestId;
        finish(operation, error);
        return;
    }
    setStatus(operation, provisioningState.isEmpty() || isTerminal(provisioningState)
                             ? QStringLiteral("InProgress")
                             : provisioningState);
    schedulePoll(operation, retryAfterMs(reply->m_headers));
}

void ArmClientPrivate::schedulePoll(ArmOperation *operation, qint64 serverDelayMs) {
    const qint64 delay = serverDelayMs >= 0 ? qMin<qint64>(serverDelayMs, retry.maxDelayMs) : pollIntervalMs;
    auto *timer = new QTimer(operation);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, operation, [this, operation, timer] {
        timer->deleteLater();
        operation->m_current = nullptr;
        poll(operation);
    });
    operation->m_current = timer;
    timer->start(int(delay));
}

void ArmClientPrivate::poll(ArmOperation *operation) {
    if (operation->m_finished)
        return;
    QUrl url = operation->m_pollUrl;
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("api-version"))) {
        // Operation URLs carry their own api-version; only add one when the server left it out.
        query.addQueryItem(QStringLiteral("api-version"), apiVersionForPath(url.path()));
        url.setQuery(query);
    }
    ArmReply *reply = createReply("GET", url);
    operation->m_current = reply;
    QObject::connect(reply, &ArmReply::finished, operation,
                     [this, operation, reply] { onPoll(operation, reply); });
}

void ArmClientPrivate::onPoll(ArmOperation *operation, ArmReply *reply) {
    reply->deleteLater();
    operation->m_current = nullptr;
    if (operation->m_finished)
        return;
    const qint64 serverDelay = retryAfterMs(reply->m_headers);
    const nlohmann::json &body = reply->json();
    const auto fail = [&](ArmError error) {
        if (error.requestId.isEmpty())
            error.requestId = reply->requestId();
        finish(operation, error);
    };

    // A status poll is safe to repeat: an answer lost or garbled after the request's own retries is not the
    // operation's outcome (it goes on in Azure), so polling goes on; only several in a row end it.
    constexpr int MaxConsecutivePollFailures = 3;
    const auto pollAgainAfter = [&](const ArmError &error) {
        const bool transient = error.kind == ArmError::Kind::Network ||
                               error.kind == ArmError::Kind::Timeout ||
                               error.kind == ArmError::Kind::MalformedResponse ||
                               (error.kind == ArmError::Kind::Http && isTransientStatus(error.httpStatus));
        const int failures = operation->property("cmkPollFailures").toInt() + 1;
        if (!transient || failures >= MaxConsecutivePollFailures)
            return false;
        operation->setProperty("cmkPollFailures", failures);
        qCInfo(lcArmLro) << forLog(operation->m_resourceUrl)
                         << "status poll failed, polling again:" << error.toDisplayString();
        schedulePoll(operation, serverDelay);
        return true;
    };

    switch (operation->m_mode) {
    case ArmOperation::Mode::AsyncOperation: {
        if (reply->error()) {
            if (!pollAgainAfter(reply->error()))
                fail(reply->error());
            return;
        }
        const auto status = body.is_object() ? body.find("status") : body.end();
        if (!body.is_object() || status == body.end() || !status->is_string()) {
            ArmError error = ArmError::make(
                ArmError::Kind::MalformedResponse,
                QCoreApplication::translate("ArmClient", "The operation status has no “status” field."));
            if (!pollAgainAfter(error))
                fail(error);
            return;
        }
        operation->setProperty("cmkPollFailures", 0);
        const QString state = QString::fromStdString(status->get<std::string>());
        setStatus(operation, state);
        if (operation->m_finished)
            return;
        if (is(state, "Succeeded")) {
            if (operation->m_isPut)
                fetchFinalResource(operation);
            else
                finish(operation, {});
        } else if (is(state, "Failed") || is(state, "Canceled") || is(state, "Cancelled")) {
            const auto errorObject = body.find("error");
            ArmError error;
            if (errorObject != body.end() && errorObject->is_object())
                error = ArmError::fromHttpResponse(reply->httpStatus(),
                                                   QByteArray::fromStdString(errorObject->dump()));
            error.kind =
                is(state, "Failed") ? ArmError::Kind::OperationFailed : ArmError::Kind::OperationCanceled;
            error.requestId = operation->m_requestId;
            error.correlationRequestId = QString::fromLatin1(reply->rawHeader("x-ms-correlation-request-id"));
            finish(operation, error);
        } else {
            schedulePoll(operation, serverDelay);
        }
        return;
    }
    case ArmOperation::Mode::Location: {
        if (reply->error()) {
            ArmError error = reply->error();
            // An error status on the Location URL is the operation's own failure (async-api-reference).
            if (error.kind == ArmError::Kind::Http)
                error.kind = ArmError::Kind::OperationFailed;
            setStatus(operation, QStringLiteral("Failed"));
            fail(error);
            return;
        }
        if (reply->httpStatus() == 202) {
            setStatus(operation, QStringLiteral("InProgress"));
            schedulePoll(operation, serverDelay);
            return;
        }
        setStatus(operation, QStringLiteral("Succeeded"));
        if (operation->m_finished)
            return;
        if (operation->m_isPut)
            fetchFinalResource(operation);
        else
            finish(operation, {});
        return;
    }
    case ArmOperation::Mode::ResourceState: {
        if (reply->error()) {
            fail(reply->error());
            return;
        }
        operation->m_resource = body;
        const QString state = provisioningStateOf(body);
        setStatus(operation, state.isEmpty() ? QStringLiteral("Succeeded") : state);
        if (operation->m_finished)
            return;
        if (state.isEmpty() || is(state, "Succeeded"))
            finish(operation, {});
        else if (is(state, "Failed"))
            fail(ArmError::make(ArmError::Kind::OperationFailed,
                                QCoreApplication::translate(
                                    "ArmClient", "The resource ended in the Failed provisioning state.")));
        else if (is(state, "Canceled") || is(state, "Cancelled"))
            fail(ArmError::make(ArmError::Kind::OperationCanceled, {}));
        else
            schedulePoll(operation, serverDelay);
        return;
    }
    }
}

void ArmClientPrivate::fetchFinalResource(ArmOperation *operation) {
    ArmReply *reply = createReply("GET", operation->m_resourceUrl);
    operation->m_current = reply;
    QObject::connect(reply, &ArmReply::finished, operation, [operation, reply] {
        reply->deleteLater();
        operation->m_current = nullptr;
        if (operation->m_finished)
            return;
        if (reply->error()) {
            finish(operation, reply->error());
            return;
        }
        operation->m_resource = reply->json();
        finish(operation, {});
    });
}

// ---- public classes --------------------------------------------------------------------------------------

QByteArray ArmReply::rawHeader(const QByteArray &name) const {
    return headerValue(m_headers, name);
}

void ArmReply::abort() {
    if (m_finished)
        return;
    m_aborted = true;
    if (m_current) {
        m_current->abort(); // finished() of the transfer completes this reply as Aborted
        return;
    }
    ArmClientPrivate::finish(this, ArmError::make(ArmError::Kind::Aborted, {}));
}

void ArmPager::abort() {
    if (m_finished)
        return;
    m_aborted = true;
    if (m_current) {
        m_current->abort();
        return;
    }
    ArmClientPrivate::finish(this, ArmError::make(ArmError::Kind::Aborted, {}));
}

void ArmOperation::abort() {
    if (m_finished)
        return;
    m_aborted = true;
    if (auto *reply = qobject_cast<ArmReply *>(m_current.data())) {
        reply->abort();
        return;
    }
    ArmClientPrivate::finish(this, ArmError::make(ArmError::Kind::Aborted, {}));
}

ArmClient::ArmClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ArmClientPrivate>(this)) {}

ArmClient::~ArmClient() {
    // Requests, lists and operations are children: end them while the network manager still exists.
    QList<QPointer<QObject>> pending;
    for (QObject *child : children()) {
        if (child != d->nam)
            pending << child;
    }
    for (const QPointer<QObject> &child : pending)
        delete child.data();
}

void ArmClient::setEndpoint(const QUrl &endpoint) {
    d->endpoint = endpoint;
}

QUrl ArmClient::endpoint() const {
    return d->endpoint;
}

void ArmClient::setTokenProvider(TokenProvider *provider) {
    d->tokens = provider;
}

void ArmClient::setRetryPolicy(const RetryPolicy &policy) {
    d->retry = policy;
    d->retry.maxTries = qMax(1, policy.maxTries);
}

RetryPolicy ArmClient::retryPolicy() const {
    return d->retry;
}

void ArmClient::setDefaultPollIntervalMs(int ms) {
    d->pollIntervalMs = qMax(0, ms);
}

void ArmClient::setRequestTimeoutMs(int ms) {
    d->timeoutMs = qMax(1, ms);
}

void ArmClient::setMaxResponseBytes(qint64 bytes) {
    d->maxResponseBytes = qMax<qint64>(1, bytes);
}

void ArmClient::setMaxPages(int pages) {
    d->maxPages = qMax(1, pages);
}

QNetworkAccessManager *ArmClient::networkAccessManager() const {
    return d->nam;
}

bool ArmClient::isOnEndpoint(const QUrl &url) const {
    return url.scheme().compare(d->endpoint.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(d->endpoint.host(), Qt::CaseInsensitive) == 0 &&
           defaultPort(url) == defaultPort(d->endpoint) && url.userInfo().isEmpty();
}

QUrl ArmClient::urlForPath(const QString &path, const QUrlQuery &extraQuery, ArmError *error) const {
    const QString problem = pathProblem(path);
    if (!problem.isEmpty()) {
        if (error)
            *error = ArmError::make(ArmError::Kind::InvalidInput, problem);
        return {};
    }
    QUrl url = d->endpoint;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    QUrlQuery query = extraQuery;
    if (!query.hasQueryItem(QStringLiteral("api-version")))
        query.addQueryItem(QStringLiteral("api-version"), apiVersionForPath(path));
    url.setQuery(query);
    url.setFragment({});
    return url;
}

ArmReply *ArmClient::get(const QString &path, const QUrlQuery &extraQuery) {
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error)
        return d->failedReply("GET", error);
    return d->createReply("GET", url);
}

ArmReply *ArmClient::post(const QString &path, const nlohmann::json &body, const QUrlQuery &extraQuery) {
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error)
        return d->failedReply("POST", error);
    return d->createReply("POST", url, ArmClientPrivate::serialize(body));
}

ArmReply *ArmClient::put(const QString &path, const nlohmann::json &body, const QUrlQuery &extraQuery) {
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error)
        return d->failedReply("PUT", error);
    return d->createReply("PUT", url, ArmClientPrivate::serialize(body));
}

ArmReply *ArmClient::deleteResource(const QString &path, const QUrlQuery &extraQuery) {
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error)
        return d->failedReply("DELETE", error);
    return d->createReply("DELETE", url);
}

ArmPager *ArmClient::list(const QString &path, const QUrlQuery &extraQuery) {
    auto *pager = new ArmPager(this);
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error) {
        QMetaObject::invokeMethod(
            pager, [pager, error] { ArmClientPrivate::finish(pager, error); }, Qt::QueuedConnection);
        return pager;
    }
    d->fetchPage(pager, url);
    return pager;
}

ArmOperation *ArmClient::beginPut(const QString &path, const nlohmann::json &body,
                                  const QUrlQuery &extraQuery) {
    return d->beginOperation("PUT", path, extraQuery, ArmClientPrivate::serialize(body));
}

ArmOperation *ArmClient::beginDelete(const QString &path, const QUrlQuery &extraQuery) {
    return d->beginOperation("DELETE", path, extraQuery, {});
}

} // namespace cmk
