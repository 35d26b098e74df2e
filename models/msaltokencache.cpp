#include "msaltokencache.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using nlohmann::json;

namespace cmk {

namespace {

std::string s(const QString &v) {
    return v.toStdString();
}

QString q(const json &object, const char *key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

QString epochString(const QDateTime &t) {
    return QString::number(t.toSecsSinceEpoch());
}

QDateTime fromEpochString(const QString &v) {
    bool ok = false;
    const qint64 secs = v.toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(secs) : QDateTime();
}

json &section(json &cache, const char *name) {
    if (!cache.contains(name) || !cache[name].is_object())
        cache[name] = json::object();
    return cache[name];
}

QString scopeTarget(const QString &scope) {
    // MSAL stores the granted scopes of an access token in lower case, space separated, OIDC scopes removed.
    QStringList parts;
    for (const QString &p : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString lower = p.toLower();
        if (lower != QLatin1String("openid") && lower != QLatin1String("profile") &&
            lower != QLatin1String("offline_access") && !parts.contains(lower))
            parts << lower;
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

json jwtPayload(const QString &jwt) {
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return json::object();
    const QByteArray payload = QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding);
    const json claims = json::parse(payload.toStdString(), nullptr, false);
    return claims.is_object() ? claims : json::object();
}

bool TokenResponse::parse(const QByteArray &body, TokenResponse &out, QString *why) {
    const json j = json::parse(body.toStdString(), nullptr, false);
    if (!j.is_object()) {
        *why =
            QCoreApplication::translate("cmk::AuthSession", "The token endpoint did not answer with JSON.");
        return false;
    }
    out.accessToken = q(j, "access_token");
    out.refreshToken = q(j, "refresh_token");
    out.idToken = q(j, "id_token");
    out.clientInfo = q(j, "client_info");
    out.scope = q(j, "scope");
    auto number = [&](const char *key) -> qint64 {
        const auto it = j.find(key);
        if (it == j.end())
            return 0;
        if (it->is_number_integer())
            return it->get<qint64>();
        if (it->is_string())
            return QString::fromStdString(it->get<std::string>()).toLongLong();
        return 0;
    };
    out.expiresIn = number("expires_in");
    out.extExpiresIn = number("ext_expires_in");
    if (out.extExpiresIn <= 0)
        out.extExpiresIn = out.expiresIn;
    if (out.accessToken.isEmpty()) {
        *why = QCoreApplication::translate("cmk::AuthSession",
                                           "The token endpoint answered without an access token.");
        return false;
    }
    if (out.expiresIn <= 0) {
        *why =
            QCoreApplication::translate("cmk::AuthSession", "The token endpoint answered without an expiry.");
        return false;
    }
    return true;
}

QString MsalTokenCache::accountKey(const QString &homeAccountId, const QString &environment,
                                   const QString &realm) {
    return QStringList{homeAccountId, environment, realm}.join(QLatin1Char('-')).toLower();
}

QString MsalTokenCache::credentialKey(const QString &homeAccountId, const QString &environment,
                                      const QString &credentialType, const QString &clientId,
                                      const QString &realm, const QString &target) {
    return QStringList{homeAccountId, environment, credentialType, clientId, realm, target}
        .join(QLatin1Char('-'))
        .toLower();
}

QString MsalTokenCache::appMetadataKey(const QString &environment, const QString &clientId) {
    return QStringList{QStringLiteral("appmetadata"), environment, clientId}.join(QLatin1Char('-')).toLower();
}

bool MsalTokenCache::deserialize(const QByteArray &data) {
    json j = json::parse(data.toStdString(), nullptr, false);
    if (!j.is_object())
        return false;
    for (const char *name : {"Account", "AccessToken", "RefreshToken", "IdToken", "AppMetadata"}) {
        if (j.contains(name) && !j[name].is_object())
            return false;
    }
    m_cache = std::move(j);
    return true;
}

QByteArray MsalTokenCache::serialize() const {
    json out = m_cache;
    for (const char *name : {"Account", "AccessToken", "RefreshToken", "IdToken", "AppMetadata"})
        section(out, name);
    return QByteArray::fromStdString(out.dump(2));
}

bool MsalTokenCache::isEmpty() const {
    for (const char *name : {"Account", "AccessToken", "RefreshToken", "IdToken"}) {
        if (m_cache.contains(name) && !m_cache[name].empty())
            return false;
    }
    return true;
}

void MsalTokenCache::clear() {
    m_cache = json::object();
}

std::optional<MsalAccount> MsalTokenCache::store(const QString &environment, const QString &clientId,
                                                 const TokenResponse &response, QString *why) {
    const QByteArray clientInfoJson =
        QByteArray::fromBase64(response.clientInfo.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonObject clientInfo = QJsonDocument::fromJson(clientInfoJson).object();
    const QString uid = clientInfo.value(QStringLiteral("uid")).toString();
    const QString utid = clientInfo.value(QStringLiteral("utid")).toString();
    if (uid.isEmpty() || utid.isEmpty()) {
        if (why)
            *why = QCoreApplication::translate(
                "cmk::AuthSession", "The token endpoint answered without client_info (uid, utid).");
        return std::nullopt;
    }
    const json idClaims = jwtPayload(response.idToken);
    MsalAccount account;
    account.homeAccountId = uid + QLatin1Char('.') + utid;
    account.environment = environment.toLower();
    account.realm = q(idClaims, "tid");
    if (account.realm.isEmpty())
        account.realm = q(jwtPayload(response.accessToken), "tid");
    if (account.realm.isEmpty())
        account.realm = utid;
    account.localAccountId = q(idClaims, "oid");
    if (account.localAccountId.isEmpty())
        account.localAccountId = uid;
    account.username = q(idClaims, "preferred_username");
    if (account.username.isEmpty())
        account.username = q(idClaims, "upn");
    account.name = q(idClaims, "name");
    account.clientInfo = response.clientInfo;
    if (account.username.isEmpty() || account.name.isEmpty()) {
        // A refresh may come without an ID token: keep what an earlier response told.
        if (const auto known = this->account(account.homeAccountId, account.environment)) {
            if (account.username.isEmpty())
                account.username = known->username;
            if (account.name.isEmpty())
                account.name = known->name;
        }
    }

    const QString now = epochString(QDateTime::currentDateTimeUtc());
    section(m_cache, "Account")[s(accountKey(account.homeAccountId, account.environment, account.realm))] = {
        {"home_account_id", s(account.homeAccountId)},
        {"environment", s(account.environment)},
        {"realm", s(account.realm)},
        {"local_account_id", s(account.localAccountId)},
        {"username", s(account.username)},
        {"name", s(account.name)},
        {"authority_type", "MSSTS"},
        {"client_info", s(account.clientInfo)},
        {"last_modification_time", s(now)},
        {"last_modification_app", "cmkwizard"},
    };

    const QString target = scopeTarget(response.scope);
    const QDateTime issued = QDateTime::currentDateTimeUtc();
    // One access token per (account, client, realm, target): drop older ones with overlapping scopes.
    json &accessTokens = section(m_cache, "AccessToken");
    for (auto it = accessTokens.begin(); it != accessTokens.end();) {
        if (q(*it, "home_account_id") == account.homeAccountId &&
            q(*it, "environment") == account.environment && q(*it, "client_id") == clientId &&
            q(*it, "realm") == account.realm)
            it = accessTokens.erase(it);
        else
            ++it;
    }
    accessTokens[s(credentialKey(account.homeAccountId, account.environment, QStringLiteral("AccessToken"),
                                 clientId, account.realm, target))] = {
        {"home_account_id", s(account.homeAccountId)},
        {"environment", s(account.environment)},
        {"credential_type", "AccessToken"},
        {"client_id", s(clientId)},
        {"secret", s(response.accessToken)},
        {"realm", s(account.realm)},
        {"target", s(target)},
        {"cached_at", s(epochString(issued))},
        {"expires_on", s(epochString(issued.addSecs(response.expiresIn)))},
        {"extended_expires_on", s(epochString(issued.addSecs(response.extExpiresIn)))},
        {"token_type", "Bearer"},
    };
    if (!response.refreshToken.isEmpty()) {
        // Refresh tokens are not bound to a realm or a target in MSAL's schema.
        section(m_cache,
                "RefreshToken")[s(credentialKey(account.homeAccountId, account.environment,
                                                QStringLiteral("RefreshToken"), clientId, {}, {}))] = {
            {"home_account_id", s(account.homeAccountId)}, {"environment", s(account.environment)},
            {"credential_type", "RefreshToken"},           {"client_id", s(clientId)},
            {"secret", s(response.refreshToken)},          {"last_modification_time", s(now)},
        };
    }
    if (!response.idToken.isEmpty()) {
        section(m_cache,
                "IdToken")[s(credentialKey(account.homeAccountId, account.environment,
                                           QStringLiteral("IdToken"), clientId, account.realm, {}))] = {
            {"home_account_id", s(account.homeAccountId)},
            {"environment", s(account.environment)},
            {"credential_type", "IdToken"},
            {"client_id", s(clientId)},
            {"secret", s(response.idToken)},
            {"realm", s(account.realm)},
        };
    }
    section(m_cache, "AppMetadata")[s(appMetadataKey(account.environment, clientId))] = {
        {"client_id", s(clientId)},
        {"environment", s(account.environment)},
    };
    return account;
}

QList<MsalAccount> MsalTokenCache::accounts(const QString &environment) const {
    QList<MsalAccount> result;
    const auto it = m_cache.find("Account");
    if (it == m_cache.end() || !it->is_object())
        return result;
    for (const auto &entry : *it) {
        MsalAccount a;
        a.homeAccountId = q(entry, "home_account_id");
        a.environment = q(entry, "environment");
        a.realm = q(entry, "realm");
        a.localAccountId = q(entry, "local_account_id");
        a.username = q(entry, "username");
        a.name = q(entry, "name");
        a.clientInfo = q(entry, "client_info");
        if (a.homeAccountId.isEmpty())
            continue;
        if (environment.isEmpty() || a.environment.compare(environment, Qt::CaseInsensitive) == 0)
            result << a;
    }
    return result;
}

std::optional<MsalAccount> MsalTokenCache::account(const QString &homeAccountId, const QString &environment,
                                                   const QString &realm) const {
    std::optional<MsalAccount> fallback;
    for (const MsalAccount &a : accounts(environment)) {
        if (a.homeAccountId != homeAccountId)
            continue;
        if (realm.isEmpty() || a.realm.compare(realm, Qt::CaseInsensitive) == 0)
            return a;
    }
    return fallback;
}

QString MsalTokenCache::refreshToken(const QString &homeAccountId, const QString &environment,
                                     const QString &clientId) const {
    const auto it = m_cache.find("RefreshToken");
    if (it == m_cache.end() || !it->is_object())
        return {};
    for (const auto &entry : *it) {
        if (q(entry, "home_account_id") == homeAccountId &&
            q(entry, "environment").compare(environment, Qt::CaseInsensitive) == 0 &&
            q(entry, "client_id") == clientId)
            return q(entry, "secret");
    }
    return {};
}

std::optional<MsalAccessToken> MsalTokenCache::accessToken(const QString &homeAccountId,
                                                           const QString &environment,
                                                           const QString &clientId, const QString &realm,
                                                           const QString &target) const {
    const auto it = m_cache.find("AccessToken");
    if (it == m_cache.end() || !it->is_object())
        return std::nullopt;
    const QStringList wanted = scopeTarget(target).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const auto &entry : *it) {
        if (q(entry, "home_account_id") != homeAccountId ||
            q(entry, "environment").compare(environment, Qt::CaseInsensitive) != 0 ||
            q(entry, "client_id") != clientId || q(entry, "realm").compare(realm, Qt::CaseInsensitive) != 0)
            continue;
        const QStringList have = q(entry, "target").split(QLatin1Char(' '), Qt::SkipEmptyParts);
        bool covers = true;
        for (const QString &w : wanted)
            covers = covers && have.contains(w, Qt::CaseInsensitive);
        if (!covers)
            continue;
        MsalAccessToken token;
        token.secret = q(entry, "secret");
        token.realm = q(entry, "realm");
        token.target = q(entry, "target");
        token.cachedAt = fromEpochString(q(entry, "cached_at"));
        token.expiresOn = fromEpochString(q(entry, "expires_on"));
        token.extendedExpiresOn = fromEpochString(q(entry, "extended_expires_on"));
        return token;
    }
    return std::nullopt;
}

void MsalTokenCache::removeAccount(const QString &homeAccountId, const QString &environment) {
    for (const char *name : {"Account", "AccessToken", "RefreshToken", "IdToken"}) {
        auto it = m_cache.find(name);
        if (it == m_cache.end() || !it->is_object())
            continue;
        for (auto e = it->begin(); e != it->end();) {
            if (q(*e, "home_account_id") == homeAccountId &&
                q(*e, "environment").compare(environment, Qt::CaseInsensitive) == 0)
                e = it->erase(e);
            else
                ++e;
        }
    }
}

} // namespace cmk
