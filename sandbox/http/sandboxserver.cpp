#include "http/sandboxserver.h"

#include "arm/fleet.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcSandbox, "cmk.sandbox")

namespace armsandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

/// Token-bearing fields. "code" (an authorization code) only counts in forms and query strings: in JSON it is
/// the ARM error code, which must stay readable.
bool isSecretName(const QString &name, bool inJson) {
    static const QStringList secrets = {
        QStringLiteral("access_token"), QStringLiteral("refresh_token"), QStringLiteral("id_token"),
        QStringLiteral("device_code"),  QStringLiteral("client_secret"), QStringLiteral("code_verifier"),
        QStringLiteral("assertion"),    QStringLiteral("password"),      QStringLiteral("client_assertion")};
    return secrets.contains(name, Qt::CaseInsensitive) ||
           (!inJson && name.compare(QLatin1String("code"), Qt::CaseInsensitive) == 0);
}

const QString redacted = QStringLiteral("REDACTED");

QJsonValue redactJson(const QJsonValue &value) {
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretName(it.key(), true) && it.value().isString())
                it.value() = redacted;
            else if (it.value().isObject() || it.value().isArray())
                it.value() = redactJson(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            array.replace(i, redactJson(array.at(i)));
        return array;
    }
    return value;
}

QString redactQuery(const QString &query) {
    QUrlQuery q(query);
    const auto items = q.queryItems(QUrl::FullyEncoded);
    bool changed = false;
    QList<QPair<QString, QString>> out;
    for (const auto &item : items) {
        if (isSecretName(item.first, false)) {
            out.append({item.first, redacted});
            changed = true;
        } else {
            out.append(item);
        }
    }
    if (!changed)
        return query;
    QUrlQuery result;
    result.setQueryItems(out);
    return result.toString(QUrl::FullyEncoded);
}

/// Body as oav wants it: parsed JSON when it is JSON, the (redacted) text otherwise.
QJsonValue bodyForTraffic(const QByteArray &body) {
    if (body.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return redactJson(doc.object());
        return redactJson(doc.array());
    }
    const QString text = QString::fromUtf8(body);
    if (text.contains(QLatin1Char('=')) && !text.contains(QLatin1Char(' ')))
        return redactQuery(text); // form-encoded token requests
    return text;
}

QJsonObject headersForTraffic(const HeaderList &headers) {
    QJsonObject out;
    for (const auto &header : headers) {
        const QString name = QString::fromLatin1(header.first).toLower();
        QString value = QString::fromLatin1(header.second);
        if (name == QLatin1String("authorization") || name == QLatin1String("cookie") ||
            name == QLatin1String("set-cookie"))
            value = redacted;
        else if (name == QLatin1String("location") && value.contains(QLatin1Char('?'))) {
            const int q = value.indexOf(QLatin1Char('?'));
            value = value.left(q + 1) + redactQuery(value.mid(q + 1));
        }
        if (out.contains(name))
            value = out.value(name).toString() + QStringLiteral(", ") + value;
        out.insert(name, value);
    }
    return out;
}

QByteArray httpDate() {
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

/// The query with its keys percent-decoded, as ARM reads them: `%24skiptoken` is `$skiptoken` (URL libraries
/// encode the `$`). Values keep their encoding. The key given twice (case-insensitive) when there is one.
QString decodedQueryKeys(const QByteArray &encodedQuery, QString *repeatedKey) {
    QStringList items;
    QSet<QString> seen;
    for (const QByteArray &item : encodedQuery.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        const QString key = QUrl::fromPercentEncoding(equals < 0 ? item : item.left(equals));
        if (seen.contains(key.toLower()) && repeatedKey->isEmpty())
            *repeatedKey = key;
        seen.insert(key.toLower());
        const QByteArray encodedKey = QUrl::toPercentEncoding(key, "$-._~!'()*,;:@/?");
        items << QString::fromLatin1(equals < 0 ? encodedKey : encodedKey + item.mid(equals));
    }
    return items.join(QLatin1Char('&'));
}

} // namespace

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_api(m_store, options) {}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString *errorMessage) {
    const auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    const QString fixturePath = m_options.fixturePath.isEmpty()
                                    ? QStringLiteral(":/armsandbox/demo-fixture.json")
                                    : m_options.fixturePath;
    QFile fixture(fixturePath);
    if (!fixture.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("armsandbox", "Cannot read the fixture %1: %2")
                        .arg(fixturePath, fixture.errorString()));
    QString why;
    if (!m_store.loadFixture(fixture.readAll(), &why))
        return fail(
            QCoreApplication::translate("armsandbox", "Invalid fixture %1: %2").arg(fixturePath, why));
    resolveRelativeKeyDates(m_store);
    if (m_options.featuresRegistered)
        m_store.registerAllFeatures();
    if (m_options.generateDes > 0)
        m_store.generateDiskEncryptionSets(m_options.generateDes, m_options.generateDesSubscription,
                                           m_options.generateDesRegions);
    if (!m_options.generateFleet.isEmpty()) {
        const std::optional<FleetSpec> fleet = parseFleetSpec(m_options.generateFleet, &why);
        if (!fleet)
            return fail(why);
        generateFleet(m_store, *fleet);
    }
    if (!m_faults.parse(m_options.faults, &why))
        return fail(why);
    const std::optional<ThrottleSpec> throttle = parseThrottleSpec(m_options.throttle, &why);
    if (!throttle)
        return fail(why);
    m_throttle.setSpec(*throttle);
    if (m_options.pageSize < 1)
        return fail(QCoreApplication::translate("armsandbox", "The page size must be at least 1."));
    if (m_options.resourceGraph)
        m_resourceGraph.prepareTable();
    if (!m_options.trafficDir.isEmpty()) {
        m_trafficDir = QDir(m_options.trafficDir);
        if (!m_trafficDir.mkpath(QStringLiteral(".")))
            return fail(QCoreApplication::translate("armsandbox", "Cannot create the traffic directory %1.")
                            .arg(m_options.trafficDir));
    }
    m_port = listen(QHostAddress(QHostAddress::LocalHost), m_options.port);
    if (m_port == 0)
        return fail(QCoreApplication::translate("armsandbox", "Cannot listen on 127.0.0.1 port %1.")
                        .arg(m_options.port));
    m_api.setBaseUrl(baseUrl());
    m_identity.setBaseUrl(baseUrl());
    m_identity.setTokenLifetimeSeconds(m_options.tokenLifetimeSeconds);
    m_identity.setTenants(m_store.tenantIds());
    return true;
}

QUrl SandboxServer::baseUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool SandboxServer::setFaults(const QString &spec, QString *errorMessage) {
    return m_faults.parse(spec, errorMessage);
}

bool SandboxServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket) {
    ApiRequest request;
    request.method = methodName(httpRequest.method());
    QUrl url;
    url.setPath(httpRequest.url().path(QUrl::FullyEncoded), QUrl::StrictMode);
    QString repeatedKey;
    url.setQuery(decodedQueryKeys(httpRequest.url().query(QUrl::FullyEncoded).toLatin1(), &repeatedKey),
                 QUrl::StrictMode);
    request.url = url;
    request.headers = httpRequest.headers();
    request.body = httpRequest.body();

    const FaultDecision fault = m_faults.decide(request.method, url.toString(QUrl::FullyEncoded));
    ApiResponse response;
    switch (fault.kind) {
    case FaultDecision::Status: {
        const int status = fault.status;
        // 401 is what ARM answers a token that expired in the client's hands (clock skew, a machine that
        // slept past its refresh): the client is expected to refresh once and retry.
        const QString code = status == 401   ? QStringLiteral("ExpiredAuthenticationToken")
                             : status == 429 ? QStringLiteral("TooManyRequests")
                             : status == 503 ? QStringLiteral("ServiceUnavailable")
                             : status == 500 ? QStringLiteral("InternalServerError")
                             : status == 502 ? QStringLiteral("BadGateway")
                             : status == 504 ? QStringLiteral("GatewayTimeout")
                                             : QStringLiteral("InjectedFault");
        response = armError(
            status, code,
            QCoreApplication::translate("armsandbox", "The sandbox injected HTTP status %1 (--faults).")
                .arg(status));
        if (fault.retryAfterSeconds >= 0)
            response.headers.append({"Retry-After", QByteArray::number(fault.retryAfterSeconds)});
        if (status == 401)
            response.headers.append(
                {"WWW-Authenticate", "Bearer authorization_uri=\"" + baseUrl().toString().toUtf8() +
                                         "/organizations/oauth2/authorize\", error=\"invalid_token\", "
                                         "error_description=\"The access token expiry UTC time is earlier "
                                         "than current UTC time.\""});
        break;
    }
    case FaultDecision::None:
    case FaultDecision::Truncate:
        response = answer(request, repeatedKey);
        break;
    default:
        break; // drop, reset, hang and malformed never reach the API
    }

    QPointer<QTcpSocket> guarded(socket);
    const int latencyMs = fault.latencyMs + m_options.latencyMs +
                          (m_options.latencyJitterMs > 0
                               ? int(QRandomGenerator::global()->bounded(m_options.latencyJitterMs + 1))
                               : 0);
    if (latencyMs > 0) {
        QTimer::singleShot(latencyMs, this, [this, request, guarded, response, fault]() {
            respond(request, guarded, response, fault);
        });
    } else {
        respond(request, guarded, response, fault);
    }
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket) {
    // handleRequest answers everything; kept for the interface.
    socket->disconnectFromHost();
}

std::optional<ApiResponse> SandboxServer::checkBearer(const ApiRequest &request) const {
    if (!m_options.authRequired)
        return std::nullopt;
    const QByteArray authorization = request.header("authorization");
    QString why;
    ApiResponse response;
    if (authorization.isEmpty()) {
        why = QCoreApplication::translate("armsandbox",
                                          "Authentication failed. The 'Authorization' header is missing.");
        response = armError(401, QStringLiteral("AuthenticationFailed"), why);
    } else if (!m_identity.validateBearer(authorization, &why)) {
        response =
            armError(401, QStringLiteral("InvalidAuthenticationToken"),
                     QCoreApplication::translate("armsandbox", "The access token is invalid: %1").arg(why));
    } else {
        return std::nullopt;
    }
    const QStringList tenants = m_store.tenantIds();
    const QString tenant = tenants.isEmpty() ? QStringLiteral("common") : tenants.first();
    QString description = why;
    description.replace(QLatin1Char('"'), QLatin1Char('\''));
    const QString challenge =
        QStringLiteral("Bearer authorization_uri=\"%1/%2/oauth2/authorize\", error=\"invalid_token\", "
                       "error_description=\"%3\"")
            .arg(baseUrl().toString(), tenant, description);
    response.headers.append({"WWW-Authenticate", challenge.toUtf8()});
    return response;
}

ApiResponse SandboxServer::answer(const ApiRequest &request, const QString &repeatedKey) {
    // ARM reads one value per query parameter: a repeated one is refused, never silently the first. Like
    // every API answer, this comes after the injected faults (which decide for any request).
    if (!repeatedKey.isEmpty())
        return armError(
            400, QStringLiteral("InvalidQueryParameter"),
            QCoreApplication::translate("armsandbox", "The query parameter '%1' is given more than once.")
                .arg(repeatedKey));
    if (!m_throttle.isOn() || !ArmApi::isArmPath(request.url.path()))
        return dispatch(request);
    HeaderList quota;
    if (std::optional<ApiResponse> refused = m_throttle.admit(request.method, request.url.path(), &quota))
        return *refused;
    ApiResponse response = dispatch(request);
    response.headers.append(quota);
    return response;
}

ApiResponse SandboxServer::dispatch(const ApiRequest &request) {
    const QString path = request.url.path();
    if (!ArmApi::isArmPath(path)) {
        IdentityRequest identityRequest{request.method, request.url, request.headers, request.body};
        if (std::optional<IdentityResponse> identity = m_identity.handle(identityRequest)) {
            ApiResponse response;
            response.status = identity->statusCode;
            response.headers = identity->headers;
            response.rawBody = identity->body;
            response.isRaw = true;
            return response;
        }
        return armError(
            404, QStringLiteral("InvalidResourceType"),
            QCoreApplication::translate("armsandbox", "The resource type '%1' could not be found.")
                .arg(path));
    }
    if (std::optional<ApiResponse> denied = checkBearer(request))
        return *denied;
    if (ResourceGraphApi::isResourceGraphPath(path))
        return m_resourceGraph.handle(request);
    return m_api.handle(request);
}

void SandboxServer::respond(const ApiRequest &request, const QPointer<QTcpSocket> &socket,
                            ApiResponse response, FaultDecision fault) {
    if (!socket)
        return;
    if (fault.kind == FaultDecision::Drop || fault.kind == FaultDecision::Hang ||
        fault.kind == FaultDecision::Reset) {
        record(request, 0, {}, {});
        if (fault.kind == FaultDecision::Drop) {
            socket->disconnectFromHost();
        } else if (fault.kind == FaultDecision::Reset) {
            // SO_LINGER with a zero timeout turns close() into a TCP RST.
            const struct linger immediate = {1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &immediate,
                         sizeof immediate);
            socket->abort();
        }
        return;
    }

    QByteArray body;
    HeaderList headers = response.headers;
    bool hasContentType = false;
    for (const auto &h : headers)
        hasContentType = hasContentType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
    if (fault.kind == FaultDecision::Malformed) {
        response.status = 200;
        body = QByteArrayLiteral("{\"value\":[{\"id\":\"/subscriptions/00000000-0000-0000-0000-0000000");
    } else if (response.isRaw) {
        body = response.rawBody;
    } else if (response.hasBody) {
        body = QJsonDocument(response.body).toJson(QJsonDocument::Compact);
    }
    if (!hasContentType)
        headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")});

    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray correlationId = request.header("x-ms-correlation-request-id");
    if (correlationId.isEmpty())
        correlationId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    headers.append({"x-ms-request-id", requestId});
    headers.append({"x-ms-correlation-request-id", correlationId});
    const QByteArray clientRequestId = request.header("x-ms-client-request-id");
    if (!clientRequestId.isEmpty())
        headers.append({"x-ms-client-request-id", clientRequestId});
    headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    headers.append({"Date", httpDate()});

    const bool closeAfter = request.header("connection").compare("close", Qt::CaseInsensitive) == 0 ||
                            fault.kind == FaultDecision::Truncate;
    record(request, response.status, headers, fault.kind == FaultDecision::Truncate ? QByteArray() : body);

    QByteArray wire =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : std::as_const(headers))
        wire += h.first + ": " + h.second + "\r\n";
    wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (closeAfter)
        wire += "Connection: close\r\n";
    else
        wire += "Connection: keep-alive\r\n";
    wire += "\r\n";
    if (fault.kind == FaultDecision::Truncate)
        wire += body.left(body.size() / 2);
    else if (request.method != "HEAD")
        wire += body;
    socket->write(wire);
    if (closeAfter)
        socket->disconnectFromHost();
}

void SandboxServer::record(const ApiRequest &request, int status, const HeaderList &headers,
                           const QByteArray &body) {
    if (!m_options.recordExchanges && m_options.trafficDir.isEmpty())
        return;
    QJsonObject liveRequest{{QStringLiteral("method"), QString::fromLatin1(request.method)}};
    QUrl url = baseUrl().resolved(QUrl(request.url.path(QUrl::FullyEncoded)));
    const QString query = request.url.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        url.setQuery(redactQuery(query), QUrl::StrictMode);
    liveRequest.insert(QStringLiteral("url"), url.toString(QUrl::FullyEncoded));
    liveRequest.insert(QStringLiteral("headers"), headersForTraffic(request.headers));
    const QJsonValue requestBody = bodyForTraffic(request.body);
    if (!requestBody.isUndefined())
        liveRequest.insert(QStringLiteral("body"), requestBody);
    QJsonObject liveResponse{{QStringLiteral("statusCode"), QString::number(status)},
                             {QStringLiteral("headers"), headersForTraffic(headers)}};
    const QJsonValue responseBody = bodyForTraffic(body);
    if (!responseBody.isUndefined())
        liveResponse.insert(QStringLiteral("body"), responseBody);

    if (!m_options.trafficDir.isEmpty() && status != 0) {
        ++m_trafficCounter;
        const QString name = QStringLiteral("%1-%2.json")
                                 .arg(m_trafficCounter, 6, 10, QLatin1Char('0'))
                                 .arg(QString::fromLatin1(request.method));
        QFile file(m_trafficDir.filePath(name));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            file.write(QJsonDocument(QJsonObject{{QStringLiteral("liveRequest"), liveRequest},
                                                 {QStringLiteral("liveResponse"), liveResponse}})
                           .toJson(QJsonDocument::Indented));
        } else {
            qCWarning(lcSandbox) << "cannot write traffic file" << file.fileName() << file.errorString();
        }
    }
    if (m_options.recordExchanges) {
        m_exchanges.append(Exchange{liveRequest, liveResponse});
        Q_EMIT exchangeRecorded(int(m_exchanges.size()) - 1);
    }
}

} // namespace armsandbox
