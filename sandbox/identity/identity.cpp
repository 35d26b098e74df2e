#include "identity/identity.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

Q_LOGGING_CATEGORY(lcIdentity, "armsandbox.identity")

namespace armsandbox {

namespace {

constexpr int IdCodeLifetimeSeconds = 600;
constexpr int IdDeviceCodeLifetimeSeconds = 900;
constexpr int IdDeviceCodeIntervalSeconds = 1;
constexpr int IdSlowDownIncrementSeconds = 5; // RFC 8628 §3.5
constexpr int IdClockSkewSeconds = 60;
const char IdDeviceCodeGrant[] = "urn:ietf:params:oauth:grant-type:device_code";

QByteArray idBase64Url(const QByteArray &data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray idRandomToken(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data()) + bytes / 4);
    return idBase64Url(raw);
}

QString idRandomUserCode() {
    static const char alphabet[] = "BCDFGHJKLMNPQRSTVWXZ23456789";
    QString code;
    for (int i = 0; i < 9; ++i)
        code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]);
    return code;
}

bool idTimingSafeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

IdentityResponse idJsonResponse(int status, const QJsonObject &body) {
    IdentityResponse r;
    r.statusCode = status;
    r.headers = {{"Content-Type", "application/json; charset=utf-8"},
                 {"Cache-Control", "no-store"},
                 {"Pragma", "no-cache"}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

// Entra ID's error body: error, error_description "AADSTSnnnn: ...", error_codes, timestamp, trace_id.
IdentityResponse idOAuthError(int status, const QString &error, int aadsts, const QString &description) {
    QJsonObject body{
        {QStringLiteral("error"), error},
        {QStringLiteral("error_description"), QStringLiteral("AADSTS%1: %2").arg(aadsts).arg(description)},
        {QStringLiteral("error_codes"), QJsonArray{aadsts}},
        {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("trace_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("correlation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
    };
    return idJsonResponse(status, body);
}

IdentityResponse idHtmlResponse(int status, const QString &title, const QString &bodyHtml) {
    IdentityResponse r;
    r.statusCode = status;
    r.headers = {{"Content-Type", "text/html; charset=utf-8"}, {"Cache-Control", "no-store"}};
    r.body = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                            "<body style=\"font-family:sans-serif;max-width:36em;margin:3em auto\">"
                            "<h1>%1</h1>%2</body></html>")
                 .arg(title.toHtmlEscaped(), bodyHtml)
                 .toUtf8();
    return r;
}

IdentityResponse idRedirect(const QUrl &location) {
    IdentityResponse r;
    r.statusCode = 302;
    r.headers = {{"Location", location.toEncoded()}, {"Cache-Control", "no-store"}, {"Content-Length", "0"}};
    return r;
}

// A native client's redirect URI: loopback over http (any port, as Entra ID allows for "http://localhost"),
// or the classic nativeclient page.
bool idAcceptableRedirectUri(const QString &value) {
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid())
        return false;
    if (url.toString() == QLatin1String("https://login.microsoftonline.com/common/oauth2/nativeclient"))
        return true;
    return url.scheme() == QLatin1String("http") &&
           (url.host() == QLatin1String("localhost") || url.host() == QLatin1String("127.0.0.1")) &&
           !url.hasFragment();
}

QString idParam(const QUrlQuery &q, const QString &key) {
    return q.queryItemValue(key, QUrl::FullyDecoded);
}

QUrlQuery idForm(const QByteArray &body) {
    // Form bodies encode spaces as '+'; QUrlQuery does not undo that itself.
    QByteArray normalized = body;
    normalized.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(normalized));
}

} // namespace

struct IdAuthorizationCode {
    QString clientId;
    QString redirectUri;
    QString scope;
    QString codeChallenge;
    QString nonce;
    QString tenant;
    qint64 expiresAt = 0;
};

struct IdRefreshGrant {
    QString clientId;
    QString scope;
    QString homeTenant;
};

struct IdDeviceCode {
    QString userCode;
    QString clientId;
    QString scope;
    QString tenant;
    qint64 expiresAt = 0;
    qint64 lastPollMs = 0;
    int interval = IdDeviceCodeIntervalSeconds;
    bool approved = false;
    bool declined = false;
};

struct IdentityService::Private {
    QUrl baseUrl;
    int lifetime = 3600;
    QStringList tenants;
    SandboxUser user;
    QByteArray signingKey;
    QHash<QString, IdAuthorizationCode> codes;
    QHash<QString, IdRefreshGrant> refreshTokens;
    QSet<QString> revokedRefreshTokens;
    QHash<QString, IdDeviceCode> deviceCodes; // by device_code
    int forcedSlowDowns = 0;
    QList<QUrlQuery> tokenRequests;
    qint64 clockOffsetMs = 0; // advanceClock(): how far the service's clock is ahead of the system's

    qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch() + clockOffsetMs; }
    qint64 now() const { return nowMs() / 1000; }

    QString issuerFor(const QString &tenant) const {
        return baseUrl.toString(QUrl::StripTrailingSlash) + QLatin1Char('/') + tenant +
               QStringLiteral("/v2.0");
    }
    bool knowsTenant(const QString &tenant) const {
        if (tenant == QLatin1String("common") || tenant == QLatin1String("organizations"))
            return true;
        if (tenants.isEmpty())
            return !QUuid::fromString(tenant).isNull();
        return tenants.contains(tenant, Qt::CaseInsensitive);
    }
    QString resolveTenant(const QString &tenant) const {
        if (tenant == QLatin1String("common") || tenant == QLatin1String("organizations"))
            return tenants.isEmpty() ? QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47")
                                     : tenants.first();
        for (const QString &t : tenants) {
            if (t.compare(tenant, Qt::CaseInsensitive) == 0)
                return t;
        }
        return tenant.toLower();
    }
    QString homeTenant() const { return resolveTenant(QStringLiteral("organizations")); }

    QByteArray sign(const QJsonObject &claims) const {
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                 {QStringLiteral("typ"), QStringLiteral("JWT")},
                                 {QStringLiteral("kid"), QStringLiteral("armsandbox")}};
        const QByteArray signingInput = idBase64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                                        '.' +
                                        idBase64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        const QByteArray signature =
            QMessageAuthenticationCode::hash(signingInput, signingKey, QCryptographicHash::Sha256);
        return signingInput + '.' + idBase64Url(signature);
    }

    std::optional<QJsonObject> verify(const QByteArray &jwt, QString *why) const {
        const QList<QByteArray> parts = jwt.split('.');
        if (parts.size() != 3) {
            *why = QStringLiteral("The token is not a JWT.");
            return std::nullopt;
        }
        const QByteArray expected = idBase64Url(QMessageAuthenticationCode::hash(
            parts[0] + '.' + parts[1], signingKey, QCryptographicHash::Sha256));
        if (!idTimingSafeEquals(expected, parts[2])) {
            *why = QStringLiteral("The token signature is invalid.");
            return std::nullopt;
        }
        const QJsonObject claims =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
        const qint64 t = now();
        if (claims.value(QStringLiteral("exp")).toInteger() <= t) {
            *why = QStringLiteral("The token is expired.");
            return std::nullopt;
        }
        if (claims.value(QStringLiteral("nbf")).toInteger() > t + IdClockSkewSeconds) {
            *why = QStringLiteral("The token is not valid yet.");
            return std::nullopt;
        }
        if (claims.value(QStringLiteral("aud")).toString() != armAudience()) {
            *why = QStringLiteral("The token audience is not %1.").arg(armAudience());
            return std::nullopt;
        }
        const QString issuerPrefix = baseUrl.toString(QUrl::StripTrailingSlash) + QLatin1Char('/');
        if (!claims.value(QStringLiteral("iss")).toString().startsWith(issuerPrefix)) {
            *why = QStringLiteral("The token issuer is unknown.");
            return std::nullopt;
        }
        return claims;
    }

    // The resource scopes of a request, and whether it names ARM at all (user_impersonation or .default).
    static bool scopeIsForArm(const QString &scope) {
        const QStringList parts = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &s : parts) {
            if (s == armAudience() + QStringLiteral("/user_impersonation") ||
                s == armAudience() + QStringLiteral("//user_impersonation") ||
                s == armAudience() + QStringLiteral("/.default") ||
                s == armAudience() + QStringLiteral("//.default"))
                return true;
        }
        return false;
    }
    static QString grantedScope(const QString &scope) {
        // Like Entra ID: the resource scopes come back, the OpenID ones do not.
        QStringList granted;
        for (const QString &s : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (s != QLatin1String("openid") && s != QLatin1String("profile") &&
                s != QLatin1String("offline_access") && s != QLatin1String("email"))
                granted << s;
        }
        return granted.join(QLatin1Char(' '));
    }

    IdentityResponse issueTokens(const QString &clientId, const QString &scope, const QString &tenant,
                                 const QString &nonce) {
        const QString tid = resolveTenant(tenant);
        const qint64 iat = now();
        const QString issuer = issuerFor(tid);
        QJsonObject access{
            {QStringLiteral("aud"), armAudience()},
            {QStringLiteral("iss"), issuer},
            {QStringLiteral("iat"), iat},
            {QStringLiteral("nbf"), iat},
            {QStringLiteral("exp"), iat + lifetime},
            {QStringLiteral("tid"), tid},
            {QStringLiteral("oid"), user.objectId},
            {QStringLiteral("sub"), user.objectId},
            {QStringLiteral("upn"), user.userPrincipalName},
            {QStringLiteral("unique_name"), user.userPrincipalName},
            {QStringLiteral("name"), user.displayName},
            {QStringLiteral("scp"), QStringLiteral("user_impersonation")},
            {QStringLiteral("appid"), clientId},
            {QStringLiteral("ver"), QStringLiteral("2.0")},
            {QStringLiteral("uti"), QString::fromLatin1(idRandomToken(12))},
        };
        QJsonObject id{
            {QStringLiteral("aud"), clientId},
            {QStringLiteral("iss"), issuer},
            {QStringLiteral("iat"), iat},
            {QStringLiteral("nbf"), iat},
            {QStringLiteral("exp"), iat + 3600},
            {QStringLiteral("tid"), tid},
            {QStringLiteral("oid"), user.objectId},
            {QStringLiteral("sub"), user.objectId},
            {QStringLiteral("preferred_username"), user.userPrincipalName},
            {QStringLiteral("name"), user.displayName},
            {QStringLiteral("ver"), QStringLiteral("2.0")},
        };
        if (!nonce.isEmpty())
            id.insert(QStringLiteral("nonce"), nonce);
        const QJsonObject clientInfo{{QStringLiteral("uid"), user.objectId},
                                     {QStringLiteral("utid"), homeTenant()}};

        QJsonObject body{
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("scope"), grantedScope(scope)},
            {QStringLiteral("expires_in"), lifetime},
            {QStringLiteral("ext_expires_in"), lifetime},
            {QStringLiteral("access_token"), QString::fromLatin1(sign(access))},
            {QStringLiteral("client_info"),
             QString::fromLatin1(idBase64Url(QJsonDocument(clientInfo).toJson(QJsonDocument::Compact)))},
        };
        const QStringList scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (scopes.contains(QStringLiteral("openid")))
            body.insert(QStringLiteral("id_token"), QString::fromLatin1(sign(id)));
        if (scopes.contains(QStringLiteral("offline_access"))) {
            const QString refresh = QStringLiteral("0.sandbox.") + QString::fromLatin1(idRandomToken(48));
            refreshTokens.insert(refresh, IdRefreshGrant{clientId, scope, homeTenant()});
            body.insert(QStringLiteral("refresh_token"), refresh);
        }
        return idJsonResponse(200, body);
    }

    IdentityResponse authorize(const IdentityRequest &request, const QString &tenant);
    IdentityResponse token(const IdentityRequest &request, const QString &tenant);
    void recordTokenRequest(const QUrlQuery &form);
    IdentityResponse redeemAuthorizationCode(const QUrlQuery &form, const QString &clientId);
    IdentityResponse redeemRefreshToken(const QUrlQuery &form, const QString &clientId,
                                        const QString &tenant);
    IdentityResponse redeemDeviceCode(const QUrlQuery &form, const QString &clientId);
    IdentityResponse deviceCode(const IdentityRequest &request, const QString &tenant);
    IdentityResponse deviceAuth(const IdentityRequest &request);
    IdentityResponse openIdConfiguration(const QString &tenant) const;
};

namespace {
QMutex idRegistryMutex;
QList<QPair<QUrl, IdentityService *>> &idRegistry() {
    static QList<QPair<QUrl, IdentityService *>> services;
    return services;
}
} // namespace

IdentityService::IdentityService()
    : d(new Private) {
    d->signingKey.resize(32);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(d->signingKey.data()),
                                         reinterpret_cast<quint32 *>(d->signingKey.data()) + 8);
}

IdentityService::~IdentityService() {
    {
        QMutexLocker lock(&idRegistryMutex);
        idRegistry().removeIf([this](const auto &entry) { return entry.second == this; });
    }
    delete d;
}

void IdentityService::setBaseUrl(const QUrl &baseUrl) {
    d->baseUrl = baseUrl;
    QMutexLocker lock(&idRegistryMutex);
    idRegistry().removeIf([this](const auto &entry) { return entry.second == this; });
    idRegistry().append({baseUrl.adjusted(QUrl::StripTrailingSlash), this});
}

IdentityService *IdentityService::forBaseUrl(const QUrl &baseUrl) {
    QMutexLocker lock(&idRegistryMutex);
    for (const auto &entry : idRegistry()) {
        if (entry.first == baseUrl.adjusted(QUrl::StripTrailingSlash))
            return entry.second;
    }
    return nullptr;
}

void IdentityService::setTokenLifetimeSeconds(int seconds) {
    d->lifetime = qMax(1, seconds);
}
void IdentityService::setTenants(const QStringList &tenantIds) {
    d->tenants = tenantIds;
}
void IdentityService::setUser(const SandboxUser &user) {
    d->user = user;
}
SandboxUser IdentityService::user() const {
    return d->user;
}

std::optional<IdentityResponse> IdentityService::handle(const IdentityRequest &request) {
    const QStringList segments = request.url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() < 3)
        return std::nullopt;
    const QString &tenant = segments.at(0);
    const bool openId =
        (segments.size() == 3 && segments[1] == QLatin1String(".well-known") &&
         segments[2] == QLatin1String("openid-configuration")) ||
        (segments.size() == 4 && segments[1] == QLatin1String("v2.0") &&
         segments[2] == QLatin1String(".well-known") && segments[3] == QLatin1String("openid-configuration"));
    const bool oauth = segments.size() == 4 && segments[1] == QLatin1String("oauth2") &&
                       segments[2] == QLatin1String("v2.0");
    const bool hook = segments.size() == 5 && segments[1] == QLatin1String("oauth2") &&
                      segments[2] == QLatin1String("v2.0") && segments[3] == QLatin1String("sandbox");
    if (!openId && !oauth && !hook)
        return std::nullopt;

    if (!d->knowsTenant(tenant)) {
        return idOAuthError(
            400, QStringLiteral("invalid_tenant"), 90002,
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID "
                           "and are signing into the correct cloud.")
                .arg(tenant));
    }
    if (openId) {
        if (request.method != "GET")
            return idOAuthError(405, QStringLiteral("invalid_request"), 900561, QStringLiteral("Use GET."));
        return d->openIdConfiguration(tenant);
    }
    if (hook) {
        // Test hooks, reachable over HTTP for tests that run the armsandbox executable.
        if (request.method != "POST")
            return idOAuthError(405, QStringLiteral("invalid_request"), 900561, QStringLiteral("Use POST."));
        const QString &what = segments[4];
        if (what == QLatin1String("revoke-refresh-tokens"))
            return idJsonResponse(200, {{QStringLiteral("revoked"), revokeRefreshTokens()}});
        if (what == QLatin1String("advance-clock")) {
            const int seconds = QUrlQuery(request.url).queryItemValue(QStringLiteral("seconds")).toInt();
            advanceClock(qMax(0, seconds));
            return idJsonResponse(200, {{QStringLiteral("clockOffsetSeconds"), d->clockOffsetMs / 1000}});
        }
        if (what == QLatin1String("slow-down")) {
            const int polls = QUrlQuery(request.url).queryItemValue(QStringLiteral("polls")).toInt();
            forceSlowDown(qMax(1, polls));
            return idJsonResponse(200, {{QStringLiteral("slowDownPolls"), d->forcedSlowDowns}});
        }
        return idOAuthError(404, QStringLiteral("invalid_request"), 900561, QStringLiteral("Unknown hook."));
    }
    const QString &endpoint = segments[3];
    if (endpoint == QLatin1String("authorize"))
        return d->authorize(request, tenant);
    if (endpoint == QLatin1String("token")) {
        if (request.method != "POST")
            return idOAuthError(
                405, QStringLiteral("invalid_request"), 900561,
                QStringLiteral("The endpoint only accepts POST requests. Received a %1 request.")
                    .arg(QString::fromLatin1(request.method)));
        return d->token(request, tenant);
    }
    if (endpoint == QLatin1String("devicecode")) {
        if (request.method != "POST")
            return idOAuthError(405, QStringLiteral("invalid_request"), 900561,
                                QStringLiteral("The endpoint only accepts POST requests."));
        return d->deviceCode(request, tenant);
    }
    if (endpoint == QLatin1String("deviceauth"))
        return d->deviceAuth(request);
    return std::nullopt;
}

IdentityResponse IdentityService::Private::openIdConfiguration(const QString &tenant) const {
    const QString base = baseUrl.toString(QUrl::StripTrailingSlash) + QLatin1Char('/') + tenant;
    const QString issuer =
        (tenant == QLatin1String("common") || tenant == QLatin1String("organizations"))
            ? baseUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/{tenantid}/v2.0")
            : issuerFor(resolveTenant(tenant));
    QJsonObject config{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), base + QStringLiteral("/oauth2/v2.0/authorize")},
        {QStringLiteral("token_endpoint"), base + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("device_authorization_endpoint"), base + QStringLiteral("/oauth2/v2.0/devicecode")},
        {QStringLiteral("jwks_uri"), base + QStringLiteral("/discovery/v2.0/keys")},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("response_modes_supported"),
         QJsonArray{QStringLiteral("query"), QStringLiteral("form_post")}},
        {QStringLiteral("grant_types_supported"),
         QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
                    QString::fromLatin1(IdDeviceCodeGrant)}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("pairwise")}},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("HS256")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("token_endpoint_auth_methods_supported"), QJsonArray{QStringLiteral("none")}},
        {QStringLiteral("scopes_supported"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                    QStringLiteral("offline_access")}},
        {QStringLiteral("claims_supported"),
         QJsonArray{QStringLiteral("aud"), QStringLiteral("iss"), QStringLiteral("iat"),
                    QStringLiteral("exp"), QStringLiteral("nbf"), QStringLiteral("tid"),
                    QStringLiteral("oid"), QStringLiteral("upn"), QStringLiteral("name"),
                    QStringLiteral("nonce"), QStringLiteral("preferred_username")}},
        {QStringLiteral("tenant_region_scope"), QStringLiteral("WW")},
        {QStringLiteral("cloud_instance_name"), baseUrl.host()},
    };
    return idJsonResponse(200, config);
}

IdentityResponse IdentityService::Private::authorize(const IdentityRequest &request, const QString &tenant) {
    QUrlQuery params(request.url);
    const bool formPost = request.method == "POST";
    if (formPost) {
        const QUrlQuery form = idForm(request.body);
        for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
            params.removeAllQueryItems(item.first);
            params.addQueryItem(item.first, item.second);
        }
    } else if (request.method != "GET") {
        return idHtmlResponse(405, QStringLiteral("Method not allowed"), QString());
    }

    const QString clientId = idParam(params, QStringLiteral("client_id"));
    const QString redirectUri = idParam(params, QStringLiteral("redirect_uri"));
    const QString state = idParam(params, QStringLiteral("state"));
    // Without a usable redirect URI there is nowhere to send errors: show them, as Entra ID does.
    if (clientId.isEmpty()) {
        return idHtmlResponse(400, QStringLiteral("Sign in"),
                              QStringLiteral("<p>AADSTS900144: The request body must contain the following "
                                             "parameter: 'client_id'.</p>"));
    }
    if (!idAcceptableRedirectUri(redirectUri)) {
        return idHtmlResponse(
            400, QStringLiteral("Sign in"),
            QStringLiteral("<p>AADSTS50011: The redirect URI '%1' specified in the request does not "
                           "match the redirect URIs configured for the application '%2'.</p>")
                .arg(redirectUri.toHtmlEscaped(), clientId.toHtmlEscaped()));
    }
    auto errorRedirect = [&](const QString &error, int aadsts, const QString &description) {
        QUrl target(redirectUri);
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("error"), error);
        q.addQueryItem(QStringLiteral("error_description"),
                       QString::fromLatin1(QUrl::toPercentEncoding(
                           QStringLiteral("AADSTS%1: %2").arg(aadsts).arg(description))));
        if (!state.isEmpty())
            q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
        target.setQuery(q);
        return idRedirect(target);
    };
    if (idParam(params, QStringLiteral("response_type")) != QLatin1String("code"))
        return errorRedirect(
            QStringLiteral("unsupported_response_type"), 700054,
            QStringLiteral("response_type 'code' is the only one this application may use."));
    const QString scope = idParam(params, QStringLiteral("scope"));
    if (!scopeIsForArm(scope))
        return errorRedirect(
            QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided value for the input parameter 'scope' is not valid. It "
                           "must name %1/user_impersonation or %1/.default.")
                .arg(armAudience()));
    const QString challenge = idParam(params, QStringLiteral("code_challenge"));
    const QString method = idParam(params, QStringLiteral("code_challenge_method"));
    if (challenge.isEmpty())
        return errorRedirect(QStringLiteral("invalid_request"), 9002325,
                             QStringLiteral("Proof Key for Code Exchange is required for cross-origin "
                                            "authorization code redemption."));
    if (method != QLatin1String("S256"))
        return errorRedirect(QStringLiteral("invalid_request"), 501491,
                             QStringLiteral("Invalid code_challenge_method: only S256 is accepted."));
    if (challenge.size() != 43)
        return errorRedirect(QStringLiteral("invalid_request"), 501491,
                             QStringLiteral("Invalid size of Code_Challenge parameter."));

    const QString consent = idParam(params, QStringLiteral("consent"));
    const bool autoApprove = idParam(params, QStringLiteral("prompt")) == QLatin1String("none");
    if (formPost && consent == QLatin1String("deny"))
        return errorRedirect(QStringLiteral("access_denied"), 65004,
                             QStringLiteral("User declined to consent to access the app."));
    if ((formPost && consent == QLatin1String("approve")) || autoApprove) {
        const QString code = QStringLiteral("1.sandbox.") + QString::fromLatin1(idRandomToken(48));
        codes.insert(code, IdAuthorizationCode{clientId, redirectUri, scope, challenge,
                                               idParam(params, QStringLiteral("nonce")), tenant,
                                               now() + IdCodeLifetimeSeconds});
        QUrl target(redirectUri);
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("code"), code);
        if (!state.isEmpty())
            q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
        q.addQueryItem(QStringLiteral("session_state"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        target.setQuery(q);
        return idRedirect(target);
    }

    // The consent page: every request parameter travels on in hidden fields.
    QString hidden;
    for (const auto &item : params.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("consent"))
            continue;
        hidden += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
                      .arg(item.first.toHtmlEscaped(), item.second.toHtmlEscaped());
    }
    const QString action = request.url.path();
    const QString page =
        QStringLiteral(
            "<p>Signed in as <b>%1</b> (%2).</p>"
            "<p>The application <code>%3</code> asks to access Azure Resource Manager on your behalf "
            "(<code>%4</code>).</p>"
            "<form method=\"post\" action=\"%5\">%6"
            "<button type=\"submit\" name=\"consent\" value=\"approve\">Accept</button> "
            "<button type=\"submit\" name=\"consent\" value=\"deny\">Cancel</button></form>")
            .arg(user.displayName.toHtmlEscaped(), user.userPrincipalName.toHtmlEscaped(),
                 clientId.toHtmlEscaped(), scope.toHtmlEscaped(), action.toHtmlEscaped(), hidden);
    return idHtmlResponse(200, QStringLiteral("armsandbox: permissions requested"), page);
}

// Every /token request is kept for the tests, its secrets redacted (an empty value stays empty, so tests see
// what the client really sent).
void IdentityService::Private::recordTokenRequest(const QUrlQuery &form) {
    QUrlQuery recorded;
    static const QStringList secretKeys = {
        QStringLiteral("code"),        QStringLiteral("code_verifier"), QStringLiteral("refresh_token"),
        QStringLiteral("device_code"), QStringLiteral("client_secret"), QStringLiteral("client_assertion")};
    for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
        const bool secret = secretKeys.contains(item.first) && !item.second.isEmpty();
        recorded.addQueryItem(item.first, secret ? QStringLiteral("<redacted>") : item.second);
    }
    tokenRequests.append(recorded);
}

IdentityResponse IdentityService::Private::token(const IdentityRequest &request, const QString &tenant) {
    const QUrlQuery form = idForm(request.body);
    recordTokenRequest(form);

    const QString grantType = idParam(form, QStringLiteral("grant_type"));
    const QString clientId = idParam(form, QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return idOAuthError(
            400, QStringLiteral("invalid_request"), 900144,
            QStringLiteral("The request body must contain the following parameter: 'client_id'."));
    if (form.hasQueryItem(QStringLiteral("client_secret")) ||
        form.hasQueryItem(QStringLiteral("client_assertion")))
        return idOAuthError(
            401, QStringLiteral("invalid_client"), 700025,
            QStringLiteral("Client is public so neither 'client_assertion' nor 'client_secret' should "
                           "be presented."));

    if (grantType == QLatin1String("authorization_code"))
        return redeemAuthorizationCode(form, clientId);
    if (grantType == QLatin1String("refresh_token"))
        return redeemRefreshToken(form, clientId, tenant);
    if (grantType == QLatin1String(IdDeviceCodeGrant))
        return redeemDeviceCode(form, clientId);
    return idOAuthError(400, QStringLiteral("unsupported_grant_type"), 70003,
                        QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
}

IdentityResponse IdentityService::Private::redeemAuthorizationCode(const QUrlQuery &form,
                                                                   const QString &clientId) {
    const QString code = idParam(form, QStringLiteral("code"));
    if (code.isEmpty() || !codes.contains(code))
        return idOAuthError(
            400, QStringLiteral("invalid_grant"), 70000,
            QStringLiteral("The provided authorization code is invalid or has already been used."));
    const IdAuthorizationCode granted = codes.take(code); // single use, even when the redemption fails below
    if (granted.expiresAt < now())
        return idOAuthError(
            400, QStringLiteral("invalid_grant"), 70008,
            QStringLiteral("The provided authorization code or refresh token has expired due to "
                           "inactivity."));
    if (granted.clientId != clientId)
        return idOAuthError(400, QStringLiteral("invalid_grant"), 70000,
                            QStringLiteral("The authorization code was issued to another application."));
    if (idParam(form, QStringLiteral("redirect_uri")) != granted.redirectUri)
        return idOAuthError(
            400, QStringLiteral("invalid_grant"), 50148,
            QStringLiteral("The redirect_uri does not match the one used in the authorization "
                           "request."));
    const QByteArray verifier = idParam(form, QStringLiteral("code_verifier")).toLatin1();
    const QByteArray computed = idBase64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
    if (verifier.size() < 43 || verifier.size() > 128 ||
        !idTimingSafeEquals(computed, granted.codeChallenge.toLatin1()))
        return idOAuthError(
            400, QStringLiteral("invalid_grant"), 501481,
            QStringLiteral("The Code_Verifier does not match the code_challenge supplied in the "
                           "authorization request for PKCE."));
    const QString scope =
        form.hasQueryItem(QStringLiteral("scope")) ? idParam(form, QStringLiteral("scope")) : granted.scope;
    return issueTokens(clientId, scope, granted.tenant, granted.nonce);
}

IdentityResponse IdentityService::Private::redeemRefreshToken(const QUrlQuery &form, const QString &clientId,
                                                              const QString &tenant) {
    const QString refresh = idParam(form, QStringLiteral("refresh_token"));
    if (form.hasQueryItem(QStringLiteral("redirect_uri")) &&
        idParam(form, QStringLiteral("redirect_uri")).isEmpty())
        return idOAuthError(400, QStringLiteral("invalid_request"), 90102,
                            QStringLiteral("'redirect_uri' value must be a valid absolute URI."));
    const QString scope = idParam(form, QStringLiteral("scope"));
    if (scope.isEmpty())
        return idOAuthError(400, QStringLiteral("invalid_request"), 90014,
                            QStringLiteral("The required field 'scope' is missing from the credential."));
    if (!scopeIsForArm(scope))
        return idOAuthError(
            400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided value for the input parameter 'scope' is not valid."));
    if (revokedRefreshTokens.contains(refresh))
        return idOAuthError(
            400, QStringLiteral("invalid_grant"), 50173,
            QStringLiteral("The provided grant has expired due to it being revoked, a fresh auth "
                           "token is needed. The user might have changed or reset their "
                           "password."));
    const auto it = refreshTokens.constFind(refresh);
    if (refresh.isEmpty() || it == refreshTokens.constEnd())
        return idOAuthError(
            400, QStringLiteral("invalid_grant"), 9002313,
            QStringLiteral("Invalid request. Request is malformed or invalid: the refresh token "
                           "is unknown or was already redeemed."));
    if (it->clientId != clientId)
        return idOAuthError(400, QStringLiteral("invalid_grant"), 700003,
                            QStringLiteral("The refresh token was issued to another application."));
    // Rotation: the redeemed token stops working, the response carries its successor.
    refreshTokens.erase(it);
    QString rotatedScope = scope;
    if (!rotatedScope.split(QLatin1Char(' ')).contains(QStringLiteral("offline_access")))
        rotatedScope += QStringLiteral(" offline_access");
    return issueTokens(clientId, rotatedScope, tenant, QString());
}

IdentityResponse IdentityService::Private::redeemDeviceCode(const QUrlQuery &form, const QString &clientId) {
    const QString deviceCode = idParam(form, QStringLiteral("device_code"));
    auto it = deviceCodes.find(deviceCode);
    if (deviceCode.isEmpty() || it == deviceCodes.end())
        return idOAuthError(400, QStringLiteral("invalid_grant"), 70000,
                            QStringLiteral("The provided device code is invalid."));
    if (it->clientId != clientId)
        return idOAuthError(400, QStringLiteral("invalid_grant"), 70000,
                            QStringLiteral("The device code was issued to another application."));
    if (it->expiresAt < now()) {
        deviceCodes.erase(it);
        return idOAuthError(400, QStringLiteral("expired_token"), 70020,
                            QStringLiteral("The provided value for the input parameter 'device_code' is not "
                                           "valid. This device code has expired."));
    }
    const qint64 pollMs = nowMs();
    const bool tooFast = it->lastPollMs > 0 && pollMs - it->lastPollMs < it->interval * 1000 - 250;
    it->lastPollMs = pollMs;
    if (forcedSlowDowns > 0 || tooFast) {
        if (forcedSlowDowns > 0)
            --forcedSlowDowns;
        it->interval += IdSlowDownIncrementSeconds;
        return idOAuthError(400, QStringLiteral("slow_down"), 70016,
                            QStringLiteral("The client polls too often; wait longer between requests."));
    }
    if (it->declined) {
        deviceCodes.erase(it);
        return idOAuthError(400, QStringLiteral("authorization_declined"), 70016,
                            QStringLiteral("The end user declined the authorization request."));
    }
    if (!it->approved)
        return idOAuthError(400, QStringLiteral("authorization_pending"), 70016,
                            QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue "
                                           "polling."));
    const IdDeviceCode granted = *it;
    deviceCodes.erase(it);
    return issueTokens(clientId, granted.scope, granted.tenant, QString());
}

IdentityResponse IdentityService::Private::deviceCode(const IdentityRequest &request, const QString &tenant) {
    const QUrlQuery form = idForm(request.body);
    const QString clientId = idParam(form, QStringLiteral("client_id"));
    const QString scope = idParam(form, QStringLiteral("scope"));
    if (clientId.isEmpty())
        return idOAuthError(
            400, QStringLiteral("invalid_request"), 900144,
            QStringLiteral("The request body must contain the following parameter: 'client_id'."));
    if (form.hasQueryItem(QStringLiteral("client_secret")))
        return idOAuthError(
            401, QStringLiteral("invalid_client"), 700025,
            QStringLiteral("Client is public so neither 'client_assertion' nor 'client_secret' should "
                           "be presented."));
    if (!scopeIsForArm(scope))
        return idOAuthError(
            400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided value for the input parameter 'scope' is not valid."));
    const QString device = QStringLiteral("2.sandbox.") + QString::fromLatin1(idRandomToken(48));
    IdDeviceCode entry;
    entry.userCode = idRandomUserCode();
    entry.clientId = clientId;
    entry.scope = scope;
    entry.tenant = tenant;
    entry.expiresAt = now() + IdDeviceCodeLifetimeSeconds;
    entry.lastPollMs = nowMs(); // the first poll, too, waits one interval
    deviceCodes.insert(device, entry);
    const QString verification =
        baseUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/common/oauth2/v2.0/deviceauth");
    return idJsonResponse(
        200, {{QStringLiteral("device_code"), device},
              {QStringLiteral("user_code"), entry.userCode},
              {QStringLiteral("verification_uri"), verification},
              {QStringLiteral("expires_in"), IdDeviceCodeLifetimeSeconds},
              {QStringLiteral("interval"), IdDeviceCodeIntervalSeconds},
              {QStringLiteral("message"),
               QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to "
                              "authenticate.")
                   .arg(verification, entry.userCode)}});
}

IdentityResponse IdentityService::Private::deviceAuth(const IdentityRequest &request) {
    QUrlQuery params(request.url);
    if (request.method == "POST") {
        for (const auto &item : idForm(request.body).queryItems(QUrl::FullyDecoded))
            params.addQueryItem(item.first, item.second);
    }
    const QString userCode = idParam(params, QStringLiteral("user_code")).trimmed().toUpper();
    const QString decision = idParam(params, QStringLiteral("consent"));
    if (!userCode.isEmpty() && (decision == QLatin1String("approve") || decision == QLatin1String("deny"))) {
        for (IdDeviceCode &entry : deviceCodes) {
            if (entry.userCode == userCode && entry.expiresAt >= now()) {
                entry.approved = decision == QLatin1String("approve");
                entry.declined = !entry.approved;
                return idHtmlResponse(200, QStringLiteral("armsandbox: device sign-in"),
                                      entry.approved
                                          ? QStringLiteral("<p>You have signed in. You may now close this "
                                                           "window.</p>")
                                          : QStringLiteral("<p>Sign-in cancelled.</p>"));
            }
        }
        return idHtmlResponse(400, QStringLiteral("armsandbox: device sign-in"),
                              QStringLiteral("<p>That code is not valid or has expired.</p>"));
    }
    const QString page =
        QStringLiteral("<p>Signed in as <b>%1</b>.</p><form method=\"post\" action=\"%2\">"
                       "<label>Code <input name=\"user_code\" value=\"%3\"></label> "
                       "<button type=\"submit\" name=\"consent\" value=\"approve\">Continue</button> "
                       "<button type=\"submit\" name=\"consent\" value=\"deny\">Cancel</button></form>")
            .arg(user.userPrincipalName.toHtmlEscaped(), request.url.path().toHtmlEscaped(),
                 userCode.toHtmlEscaped());
    return idHtmlResponse(200, QStringLiteral("armsandbox: device sign-in"), page);
}

bool IdentityService::validateBearer(const QByteArray &authorizationHeader, QString *why) const {
    QString reason;
    const bool ok = bearerClaims(authorizationHeader).has_value();
    if (!ok) {
        // Re-run for the reason; bearerClaims() keeps its signature simple for the server.
        const QByteArray trimmed = authorizationHeader.trimmed();
        if (!trimmed.startsWith("Bearer ") && !trimmed.startsWith("bearer "))
            reason = trimmed.isEmpty() ? QStringLiteral("The request has no Authorization header.")
                                       : QStringLiteral("The Authorization header is not a bearer token.");
        else
            d->verify(trimmed.mid(7).trimmed(), &reason);
    }
    if (why)
        *why = reason;
    return ok;
}

std::optional<QJsonObject> IdentityService::bearerClaims(const QByteArray &authorizationHeader) const {
    const QByteArray trimmed = authorizationHeader.trimmed();
    if (!trimmed.startsWith("Bearer ") && !trimmed.startsWith("bearer "))
        return std::nullopt;
    QString why;
    return d->verify(trimmed.mid(7).trimmed(), &why);
}

int IdentityService::revokeRefreshTokens() {
    const int count = int(d->refreshTokens.size());
    for (auto it = d->refreshTokens.cbegin(); it != d->refreshTokens.cend(); ++it)
        d->revokedRefreshTokens.insert(it.key());
    d->refreshTokens.clear();
    qCInfo(lcIdentity, "revoked %d refresh token(s)", count);
    return count;
}

qint64 IdentityService::nowMs() const {
    return d->nowMs();
}

void IdentityService::advanceClock(qint64 seconds) {
    d->clockOffsetMs += qMax<qint64>(0, seconds) * 1000;
    qCInfo(lcIdentity, "clock advanced by %lld s", static_cast<long long>(seconds));
}

void IdentityService::forceSlowDown(int polls) {
    d->forcedSlowDowns = qMax(0, polls);
}

QList<QUrlQuery> IdentityService::tokenRequests() const {
    return d->tokenRequests;
}

bool IdentityService::approveDeviceCode(const QString &userCode) {
    for (IdDeviceCode &entry : d->deviceCodes) {
        if (entry.userCode == userCode) {
            entry.approved = true;
            return true;
        }
    }
    return false;
}

} // namespace armsandbox
