#include "auth/authconfig.h"

#include <QSettings>

namespace cmk {

QList<CloudPreset> AuthConfig::cloudPresets() {
    return {
        {QStringLiteral("public"), tr("Azure (public cloud)"),
         QStringLiteral("https://login.microsoftonline.com"),
         QUrl(QStringLiteral("https://management.azure.com")),
         QStringLiteral("https://management.azure.com")},
        {QStringLiteral("usgov"), tr("Azure US Government"),
         QStringLiteral("https://login.microsoftonline.us"),
         QUrl(QStringLiteral("https://management.usgovcloudapi.net")),
         QStringLiteral("https://management.usgovcloudapi.net")},
        {QStringLiteral("china"), tr("Azure operated by 21Vianet (China)"),
         QStringLiteral("https://login.chinacloudapi.cn"),
         QUrl(QStringLiteral("https://management.chinacloudapi.cn")),
         QStringLiteral("https://management.chinacloudapi.cn")},
    };
}

std::optional<CloudPreset> AuthConfig::cloudPreset(const QString &name) {
    for (const CloudPreset &preset : cloudPresets()) {
        if (preset.name.compare(name, Qt::CaseInsensitive) == 0)
            return preset;
    }
    return std::nullopt;
}

std::optional<CloudPreset> AuthConfig::presetForAuthority(const QString &authority) {
    const QString host = QUrl(authority).host().toLower();
    for (const CloudPreset &preset : cloudPresets()) {
        if (QUrl(preset.authority).host() == host)
            return preset;
    }
    return std::nullopt;
}

AuthConfig AuthConfig::forAuthority(const QString &authority, const QString &tenant,
                                    const QString &clientId) {
    AuthConfig config;
    config.authority = authority;
    while (config.authority.endsWith(QLatin1Char('/')))
        config.authority.chop(1);
    if (!tenant.isEmpty())
        config.tenant = tenant;
    config.clientId = clientId;
    // A known cloud brings its ARM audience; anything else (the sandbox) keeps the public one.
    if (const auto preset = presetForAuthority(config.authority))
        config.armResource = preset->armResource;
    return config;
}

QString AuthConfig::savedClientId() {
    return QSettings().value(QStringLiteral("auth/clientId")).toString();
}

void AuthConfig::saveClientId(const QString &clientId) {
    QSettings().setValue(QStringLiteral("auth/clientId"), clientId);
}

QStringList AuthConfig::scopes() const {
    return {resourceScope(), QStringLiteral("offline_access"), QStringLiteral("openid"),
            QStringLiteral("profile")};
}

QString AuthConfig::resourceScope() const {
    QString resource = armResource;
    while (resource.endsWith(QLatin1Char('/')))
        resource.chop(1);
    return resource + QStringLiteral("/user_impersonation");
}

QUrl AuthConfig::endpoint(const QString &tenantId, const QString &leaf) const {
    QString base = authority;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString t = tenantId.isEmpty() ? tenant : tenantId;
    return QUrl(base + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(t)) +
                QStringLiteral("/oauth2/v2.0/") + leaf);
}

QUrl AuthConfig::authorizeUrl(const QString &tenantId) const {
    return endpoint(tenantId, QStringLiteral("authorize"));
}
QUrl AuthConfig::tokenUrl(const QString &tenantId) const {
    return endpoint(tenantId, QStringLiteral("token"));
}
QUrl AuthConfig::deviceCodeUrl(const QString &tenantId) const {
    return endpoint(tenantId, QStringLiteral("devicecode"));
}

QString AuthConfig::environment() const {
    const QUrl url(authority);
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    if (url.port(defaultPort) == defaultPort)
        return url.host().toLower();
    return QStringLiteral("%1:%2").arg(url.host().toLower()).arg(url.port());
}

QString AuthConfig::validationError() const {
    if (clientId.trimmed().isEmpty())
        return tr(
            "No application (client) ID is configured. Register a public client application in Microsoft "
            "Entra ID with the redirect URI http://localhost, then pass its ID with --client-id or save it "
            "in the settings (see docs/sign-in.md).");
    const QUrl url(authority, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") &&
         !(url.scheme() == QLatin1String("http") &&
           (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("localhost")))))
        return tr("The authority “%1” is not an https URL.").arg(authority);
    if (tenant.trimmed().isEmpty())
        return tr("No tenant is configured.");
    return {};
}

} // namespace cmk
