#pragma once

// The sandbox's stand-in for Microsoft Entra ID: authorize/token/devicecode endpoints, OpenID configuration,
// signed JWTs, and the bearer check ARM endpoints use with --auth required.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
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

class IdentityService
{
public:
    IdentityService();
    ~IdentityService();
    void setBaseUrl(const QUrl &baseUrl);   ///< http://127.0.0.1:PORT, the issuer's host
    void setTokenLifetimeSeconds(int seconds);
    /// Tenants known to the fixture (ids); the first is the default "organizations" answer.
    void setTenants(const QStringList &tenantIds);

    /// Handles /{tenant}/oauth2/v2.0/{authorize,token,devicecode}, /{tenant}/v2.0/.well-known/openid-configuration
    /// and /{tenant}/.well-known/openid-configuration. Returns nothing for any other path.
    std::optional<IdentityResponse> handle(const IdentityRequest &request);

    /// For ARM endpoints with --auth required: the value of the Authorization header is a valid, unexpired
    /// token issued by this service for the ARM audience. On false, `why` says what is wrong.
    bool validateBearer(const QByteArray &authorizationHeader, QString *why) const;

private:
    struct Private;
    Private *d;
};

} // namespace armsandbox
