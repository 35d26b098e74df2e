#include "arm/armclient.h"

#include "arm/armclient_p.h"

#include <QNetworkAccessManager>

namespace cmk {

namespace {

QByteArray serialize(const nlohmann::json &body) {
    if (body.is_null())
        return {};
    return QByteArray::fromStdString(body.dump());
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

// ---- private ---------------------------------------------------------------------------------------------

ArmClientPrivate::ArmClientPrivate(ArmClient *client)
    : q(client)
    , config(ArmClientConfig::fromEnvironment())
    , network(new QNetworkAccessManager(client))
    , parser(client) {
    pipeline.append(std::make_unique<ArmRequestIdPolicy>());
    pipeline.append(std::make_unique<ArmRetryPolicy>(config));
    pipeline.append(std::make_unique<ArmThrottlePolicy>(config));
    pipeline.append(std::make_unique<ArmBearerTokenPolicy>(config));
    pipeline.append(std::make_unique<ArmLoggingPolicy>(client));
    pipeline.append(std::make_unique<ArmTransportPolicy>(network, config));
}

ArmReply *ArmClientPrivate::send(const QByteArray &method, const QUrl &url, const QByteArray &body) {
    auto *reply = new ArmReply(q);
    auto request = std::make_shared<ArmRequestContext>();
    request->method = method;
    request->url = url;
    request->body = body;
    request->owner = reply;
    reply->m_request = request;
    pipeline.send(request, [this, reply = QPointer<ArmReply>(reply)](ArmResponse response) {
        if (reply)
            reply->complete(std::move(response), parser);
    });
    return reply;
}

ArmReply *ArmClientPrivate::sendFor(QObject *owner, const QByteArray &method, const QUrl &url,
                                    const QByteArray &body, std::function<void(ArmReply *)> onFinished) {
    ArmReply *reply = send(method, url, body);
    QObject::connect(reply, &ArmReply::finished, owner, [reply, onFinished = std::move(onFinished)] {
        reply->deleteLater();
        onFinished(reply);
    });
    return reply;
}

ArmReply *ArmClientPrivate::failedReply(const ArmError &error) {
    auto *reply = new ArmReply(q);
    QMetaObject::invokeMethod(
        reply, [reply, error] { reply->finish(error); }, Qt::QueuedConnection);
    return reply;
}

QUrl ArmClientPrivate::followableUrl(const QByteArray &value, ArmError *error) const {
    QUrl url = QUrl::fromEncoded(value.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || !config.isOnEndpoint(url)) {
        *error = ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate(
                "ArmClient", "The server pointed to “%1”, which is not on %2; it was not followed.")
                .arg(QString::fromUtf8(value.left(200)), config.endpoint.toString()));
        return {};
    }
    const QString problem = pathProblem(url.path(QUrl::FullyEncoded));
    if (!problem.isEmpty()) {
        *error = ArmError::make(ArmError::Kind::MalformedResponse, problem);
        return {};
    }
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("api-version"))) {
        // Links and operation URLs carry their own api-version; one is added only when the server left it
        // out.
        query.addQueryItem(QStringLiteral("api-version"), config.apiVersionFor(url.path()));
        url.setQuery(query);
    }
    return url;
}

// ---- ArmClient -------------------------------------------------------------------------------------------

ArmClient::ArmClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ArmClientPrivate>(this)) {}

ArmClient::~ArmClient() {
    // Requests, lists and operations are children: end them while the network manager still exists.
    QList<QPointer<QObject>> pending;
    for (QObject *child : children()) {
        if (child != d->network)
            pending << child;
    }
    for (const QPointer<QObject> &child : pending)
        delete child.data();
}

void ArmClient::setEndpoint(const QUrl &endpoint) {
    d->config.endpoint = endpoint;
}

QUrl ArmClient::endpoint() const {
    return d->config.endpoint;
}

void ArmClient::setTokenProvider(TokenProvider *provider) {
    d->config.tokens = provider;
}

void ArmClient::setRetryPolicy(const RetryPolicy &policy) {
    d->config.retry = policy;
    d->config.retry.maxTries = qMax(1, policy.maxTries);
}

RetryPolicy ArmClient::retryPolicy() const {
    return d->config.retry;
}

void ArmClient::setDefaultPollIntervalMs(int ms) {
    d->config.pollIntervalMs = qMax(0, ms);
}

void ArmClient::setRequestTimeoutMs(int ms) {
    d->config.requestTimeoutMs = qMax(1, ms);
}

void ArmClient::setMaxResponseBytes(qint64 bytes) {
    d->config.maxResponseBytes = qMax<qint64>(1, bytes);
}

void ArmClient::setApiVersion(ApiFamily family, const QString &apiVersion) {
    if (apiVersion.isEmpty())
        d->config.apiVersions.erase(family);
    else
        d->config.apiVersions[family] = apiVersion;
}

void ArmClient::setThrottleRefillWaitMs(int ms) {
    d->config.throttleRefillWaitMs = qMax(0, ms);
}

void ArmClient::setMaxPages(int pages) {
    d->config.maxPages = qMax(1, pages);
}

QNetworkAccessManager *ArmClient::networkAccessManager() const {
    return d->network;
}

bool ArmClient::isOnEndpoint(const QUrl &url) const {
    return d->config.isOnEndpoint(url);
}

QUrl ArmClient::urlForPath(const QString &path, const QUrlQuery &extraQuery, ArmError *error) const {
    const QString problem = pathProblem(path);
    if (!problem.isEmpty()) {
        if (error)
            *error = ArmError::make(ArmError::Kind::InvalidInput, problem);
        return {};
    }
    QUrl url = d->config.endpoint;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    QUrlQuery query = extraQuery;
    if (!query.hasQueryItem(QStringLiteral("api-version")))
        query.addQueryItem(QStringLiteral("api-version"), d->config.apiVersionFor(path));
    url.setQuery(query);
    url.setFragment({});
    return url;
}

ArmReply *ArmClient::send(const QByteArray &method, const QString &path, const QUrlQuery &extraQuery,
                          const QByteArray &body) {
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error)
        return d->failedReply(error);
    return d->send(method, url, body);
}

ArmReply *ArmClient::get(const QString &path, const QUrlQuery &extraQuery) {
    return send("GET", path, extraQuery);
}

ArmReply *ArmClient::post(const QString &path, const nlohmann::json &body, const QUrlQuery &extraQuery) {
    return send("POST", path, extraQuery, serialize(body));
}

ArmReply *ArmClient::put(const QString &path, const nlohmann::json &body, const QUrlQuery &extraQuery) {
    return send("PUT", path, extraQuery, serialize(body));
}

ArmReply *ArmClient::deleteResource(const QString &path, const QUrlQuery &extraQuery) {
    return send("DELETE", path, extraQuery);
}

ArmPager *ArmClient::list(const QString &path, const QUrlQuery &extraQuery) {
    auto *pager = new ArmPager(this);
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error)
        QMetaObject::invokeMethod(
            pager, [pager, error] { pager->finish(error); }, Qt::QueuedConnection);
    else
        pager->start(d.get(), url);
    return pager;
}

ArmOperation *ArmClient::beginOperation(const QByteArray &method, const QString &path,
                                        const QUrlQuery &extraQuery, const QByteArray &body) {
    auto *operation = new ArmOperation(this);
    ArmError error;
    const QUrl url = urlForPath(path, extraQuery, &error);
    if (error)
        operation->finishLater(error);
    else
        operation->start(d.get(), method, url, body);
    return operation;
}

ArmOperation *ArmClient::beginPut(const QString &path, const nlohmann::json &body,
                                  const QUrlQuery &extraQuery) {
    return beginOperation("PUT", path, extraQuery, serialize(body));
}

ArmOperation *ArmClient::beginPatch(const QString &path, const nlohmann::json &body,
                                    const QUrlQuery &extraQuery) {
    return beginOperation("PATCH", path, extraQuery, serialize(body));
}

ArmOperation *ArmClient::beginDelete(const QString &path, const QUrlQuery &extraQuery) {
    return beginOperation("DELETE", path, extraQuery, {});
}

} // namespace cmk
