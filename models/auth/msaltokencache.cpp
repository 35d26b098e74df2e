#include "auth/msaltokencache.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace cmk {

namespace {

std::string msalStd(const QString &v) {
    return v.toStdString();
}

QString msalString(const nlohmann::json &object, const char *key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

QString msalEpochString(const QDateTime &t) {
    return QString::number(t.toSecsSinceEpoch());
}

QDateTime msalFromEpochString(const QString &v) {
    bool ok = false;
    const qint64 secs = v.toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(secs) : QDateTime();
}

nlohmann::json &msalSection(nlohmann::json &cache, const char *name) {
    if (!cache.contains(name) || !cache[name].is_object())
        cache[name] = nlohmann::json::object();
    return cache[name];
}

QString msalScopeTarget(const QString &scope) {
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

nlohmann::json jwtPayload(const QString &jwt) {
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return nlohmann::json::object();
    const QByteArray payload = QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding);
    const nlohmann::json claims = nlohmann::json::parse(payload.toStdString(), nullptr, false);
    return claims.is_object() ? claims : nlohmann::json::object();
}

bool TokenResponse::parse(const QByteArray &body, TokenResponse &out, QString *why) {
    const nlohmann::json j = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (!j.is_object()) {
        *why =
            QCoreApplication::translate("cmk::AuthSession", "The token endpoint did not answer with JSON.");
        return false;
    }
    out.accessToken = msalString(j, "access_token");
    out.refreshToken = msalString(j, "refresh_token");
    out.idToken = msalString(j, "id_token");
    out.clientInfo = msalString(j, "client_info");
    out.scope = msalString(j, "scope");
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
    nlohmann::json j = nlohmann::json::parse(data.toStdString(), nullptr, false);
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
    nlohmann::json out = m_cache;
    for (const char *name : {"Account", "AccessToken", "RefreshToken", "IdToken", "AppMetadata"})
        msalSection(out, name);
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
    m_cache = nlohmann::json::object();
}

std::optional<MsalAccount> MsalTokenCache::store(const QString &environment, const QString &clientId,
                                                 const TokenResponse &response, const QDateTime &issuedAt,
                                                 QString *why) {
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
    const nlohmann::json idClaims = jwtPayload(response.idToken);
    MsalAccount account;
    account.homeAccountId = uid + QLatin1Char('.') + utid;
    account.environment = environment.toLower();
    account.realm = msalString(idClaims, "tid");
    if (account.realm.isEmpty())
        account.realm = msalString(jwtPayload(response.accessToken), "tid");
    if (account.realm.isEmpty())
        account.realm = utid;
    account.localAccountId = msalString(idClaims, "oid");
    if (account.localAccountId.isEmpty())
        account.localAccountId = uid;
    account.username = msalString(idClaims, "preferred_username");
    if (account.username.isEmpty())
        account.username = msalString(idClaims, "upn");
    account.name = msalString(idClaims, "name");
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

    const QString now = msalEpochString(issuedAt);
    msalSection(m_cache,
                "Account")[msalStd(accountKey(account.homeAccountId, account.environment, account.realm))] = {
        {"home_account_id", msalStd(account.homeAccountId)},
        {"environment", msalStd(account.environment)},
        {"realm", msalStd(account.realm)},
        {"local_account_id", msalStd(account.localAccountId)},
        {"username", msalStd(account.username)},
        {"name", msalStd(account.name)},
        {"authority_type", "MSSTS"},
        {"client_info", msalStd(account.clientInfo)},
        {"last_modification_time", msalStd(now)},
        {"last_modification_app", "cmkwizard"},
    };

    const QString target = msalScopeTarget(response.scope);
    // One access token per (account, client, realm, target): drop older ones with overlapping scopes.
    nlohmann::json &accessTokens = msalSection(m_cache, "AccessToken");
    for (auto it = accessTokens.begin(); it != accessTokens.end();) {
        if (msalString(*it, "home_account_id") == account.homeAccountId &&
            msalString(*it, "environment") == account.environment &&
            msalString(*it, "client_id") == clientId && msalString(*it, "realm") == account.realm)
            it = accessTokens.erase(it);
        else
            ++it;
    }
    accessTokens[msalStd(credentialKey(account.homeAccountId, account.environment,
                                       QStringLiteral("AccessToken"), clientId, account.realm, target))] = {
        {"home_account_id", msalStd(account.homeAccountId)},
        {"environment", msalStd(account.environment)},
        {"credential_type", "AccessToken"},
        {"client_id", msalStd(clientId)},
        {"secret", msalStd(response.accessToken)},
        {"realm", msalStd(account.realm)},
        {"target", msalStd(target)},
        {"cached_at", msalStd(msalEpochString(issuedAt))},
        {"expires_on", msalStd(msalEpochString(issuedAt.addSecs(response.expiresIn)))},
        {"extended_expires_on", msalStd(msalEpochString(issuedAt.addSecs(response.extExpiresIn)))},
        {"token_type", "Bearer"},
    };
    if (!response.refreshToken.isEmpty()) {
        // Refresh tokens are not bound to a realm or a target in MSAL's schema.
        msalSection(
            m_cache,
            "RefreshToken")[msalStd(credentialKey(account.homeAccountId, account.environment,
                                                  QStringLiteral("RefreshToken"), clientId, {}, {}))] = {
            {"home_account_id", msalStd(account.homeAccountId)},
            {"environment", msalStd(account.environment)},
            {"credential_type", "RefreshToken"},
            {"client_id", msalStd(clientId)},
            {"secret", msalStd(response.refreshToken)},
            {"last_modification_time", msalStd(now)},
        };
    }
    if (!response.idToken.isEmpty()) {
        msalSection(
            m_cache,
            "IdToken")[msalStd(credentialKey(account.homeAccountId, account.environment,
                                             QStringLiteral("IdToken"), clientId, account.realm, {}))] = {
            {"home_account_id", msalStd(account.homeAccountId)},
            {"environment", msalStd(account.environment)},
            {"credential_type", "IdToken"},
            {"client_id", msalStd(clientId)},
            {"secret", msalStd(response.idToken)},
            {"realm", msalStd(account.realm)},
        };
    }
    msalSection(m_cache, "AppMetadata")[msalStd(appMetadataKey(account.environment, clientId))] = {
        {"client_id", msalStd(clientId)},
        {"environment", msalStd(account.environment)},
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
        a.homeAccountId = msalString(entry, "home_account_id");
        a.environment = msalString(entry, "environment");
        a.realm = msalString(entry, "realm");
        a.localAccountId = msalString(entry, "local_account_id");
        a.username = msalString(entry, "username");
        a.name = msalString(entry, "name");
        a.clientInfo = msalString(entry, "client_info");
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
        if (msalString(entry, "home_account_id") == homeAccountId &&
            msalString(entry, "environment").compare(environment, Qt::CaseInsensitive) == 0 &&
            msalString(entry, "client_id") == clientId)
            return msalString(entry, "secret");
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
    const QStringList wanted = msalScopeTarget(target).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const auto &entry : *it) {
        if (msalString(entry, "home_account_id") != homeAccountId ||
            msalString(entry, "environment").compare(environment, Qt::CaseInsensitive) != 0 ||
            msalString(entry, "client_id") != clientId ||
            msalString(entry, "realm").compare(realm, Qt::CaseInsensitive) != 0)
            continue;
        const QStringList have = msalString(entry, "target").split(QLatin1Char(' '), Qt::SkipEmptyParts);
        bool covers = true;
        for (const QString &w : wanted)
            covers = covers && have.contains(w, Qt::CaseInsensitive);
        if (!covers)
            continue;
        MsalAccessToken token;
        token.secret = msalString(entry, "secret");
        token.realm = msalString(entry, "realm");
        token.target = msalString(entry, "target");
        token.cachedAt = msalFromEpochString(msalString(entry, "cached_at"));
        token.expiresOn = msalFromEpochString(msalString(entry, "expires_on"));
        token.extendedExpiresOn = msalFromEpochString(msalString(entry, "extended_expires_on"));
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
            if (msalString(*e, "home_account_id") == homeAccountId &&
                msalString(*e, "environment").compare(environment, Qt::CaseInsensitive) == 0)
                e = it->erase(e);
            else
                ++e;
        }
    }
}

} // namespace cmk
