#pragma once

// Where and as whom cmkwizard signs in: the Microsoft Entra ID authority of a cloud, the ARM resource its
// tokens are for, the tenant and the (public client) application id.

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace cmk {

/// A sovereign cloud: its sign-in authority and its Resource Manager.
struct CloudPreset {
    QString name;        ///< "public", "usgov", "china"
    QString displayName; ///< translated
    QString authority;   ///< https://login.microsoftonline.com
    QUrl armEndpoint;    ///< https://management.azure.com
    QString armResource; ///< token audience and scope resource, https://management.azure.com
};

struct AuthConfig {
    Q_DECLARE_TR_FUNCTIONS(AuthConfig)
public:
    QString authority = QStringLiteral("https://login.microsoftonline.com");
    QString tenant = QStringLiteral("organizations");
    QString clientId;
    QString armResource = QStringLiteral("https://management.azure.com");

    static QList<CloudPreset> cloudPresets();
    static std::optional<CloudPreset> cloudPreset(const QString &name);
    /// The preset whose authority has the same host, if any.
    static std::optional<CloudPreset> presetForAuthority(const QString &authority);
    /// A configuration for `authority`: the ARM resource follows the cloud of a known authority.
    static AuthConfig forAuthority(const QString &authority, const QString &tenant, const QString &clientId);

    /// The client id saved in the settings ("auth/clientId"), empty when none.
    static QString savedClientId();
    static void saveClientId(const QString &clientId);

    /// `{arm}/user_impersonation offline_access openid profile`, the scope of every token request.
    QStringList scopes() const;
    QString scope() const { return scopes().join(QLatin1Char(' ')); }
    /// The scope of the access token alone (MSAL's "target"): `{arm}/user_impersonation`.
    QString resourceScope() const;

    QUrl authorizeUrl(const QString &tenantId = {}) const;
    QUrl tokenUrl(const QString &tenantId = {}) const;
    QUrl deviceCodeUrl(const QString &tenantId = {}) const;
    /// MSAL's "environment": the authority's host (with the port when not the default one).
    QString environment() const;

    /// Empty when usable, otherwise a sentence for the user.
    QString validationError() const;

private:
    QUrl endpoint(const QString &tenantId, const QString &leaf) const;
};

} // namespace cmk
