#pragma once

// The sandbox's stand-in for Microsoft Entra ID: authorize/token/devicecode endpoints, OpenID configuration,
// signed JWTs, and the bearer check ARM endpoints use with --auth required.
//
// Behaviour follows the v2.0 endpoints as MSAL sees them: public clients only (a client_secret is refused),
// PKCE S256 required on the authorization code grant, refresh tokens rotate (the old one stops working),
// the device code grant answers authorization_pending / slow_down / expired_token.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace armsandbox {

/// A request as the identity endpoints need it (the server builds it from the HTTP request).
struct IdentityRequest {
    QByteArray method;
    QUrl url; ///< path + query
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

struct IdentityResponse {
    int statusCode = 200;
    QList<QPair<QByteArray, QByteArray>> headers; ///< Content-Type included
    QByteArray body;
};

/// The one user of the sandbox directory. They belong to every tenant of the fixture.
struct SandboxUser {
    QString objectId = QStringLiteral("6f1c4b8e-2d0a-4c5e-9b7a-3e8d1f2a4c60");
    QString userPrincipalName = QStringLiteral("operator@contoso.example");
    QString displayName = QStringLiteral("Sandbox Operator");
};

class IdentityService {
public:
    IdentityService();
    ~IdentityService();
    IdentityService(const IdentityService &) = delete;
    IdentityService &operator=(const IdentityService &) = delete;

    void setBaseUrl(const QUrl &baseUrl); ///< http://127.0.0.1:PORT, the issuer's host
    void setTokenLifetimeSeconds(int seconds);
    /// Tenants known to the fixture (ids); the first is the default "organizations" answer.
    void setTenants(const QStringList &tenantIds);
    void setUser(const SandboxUser &user);
    SandboxUser user() const;

    /// The audience of the access tokens ARM accepts (and the resource of the ARM scopes).
    static QString armAudience() { return QStringLiteral("https://management.azure.com"); }

    /// Handles /{tenant}/oauth2/v2.0/{authorize,token,devicecode,deviceauth},
    /// /{tenant}/v2.0/.well-known/openid-configuration and /{tenant}/.well-known/openid-configuration.
    /// Returns nothing for any other path.
    std::optional<IdentityResponse> handle(const IdentityRequest &request);

    /// For ARM endpoints with --auth required: the value of the Authorization header is a valid, unexpired
    /// token issued by this service for the ARM audience. On false, `why` says what is wrong.
    bool validateBearer(const QByteArray &authorizationHeader, QString *why) const;
    /// The claims of a valid bearer token (tid, oid, upn...), nothing when validateBearer() would fail.
    std::optional<QJsonObject> bearerClaims(const QByteArray &authorizationHeader) const;

    // Test hooks.
    /// Revokes every refresh token issued so far (as "revoke sessions" does in Entra ID). Returns how many.
    int revokeRefreshTokens();
    /// Moves the service's clock `seconds` ahead of the system's, as if that time had passed: the tokens it
    /// issued expire, codes run out and device code polls are timed by it. Tests use it instead of waiting.
    void advanceClock(qint64 seconds);
    /// The service's clock in ms since the epoch (the system's plus advanceClock()); the ARM throttle runs
    /// on it too.
    qint64 nowMs() const;
    /// The next `polls` device code token requests answer slow_down whatever their timing.
    void forceSlowDown(int polls);
    /// Form parameters of every /token request so far, oldest first, with secret values replaced by
    /// "<redacted>" (an empty value stays empty, so tests see what the client really sent).
    QList<QUrlQuery> tokenRequests() const;
    /// Approves a pending device code as the user would on the verification page. False if unknown.
    bool approveDeviceCode(const QString &userCode);

    /// The service of the sandbox listening at `baseUrl` in this process (tests reach the hooks this way).
    static IdentityService *forBaseUrl(const QUrl &baseUrl);

private:
    struct Private;
    Private *d;
};

} // namespace armsandbox
