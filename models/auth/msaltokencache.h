#pragma once

// The token cache in MSAL's unified schema (the JSON that MSAL libraries serialize: Account, AccessToken,
// RefreshToken, IdToken, AppMetadata), so that MSAL-based tools can read what cmkwizard stores and the other
// way round. Keys follow MSAL:
// <home_account_id>-<environment>-<credential_type>-<client_id>-<realm>-<target>, lower case; accounts are
// <home_account_id>-<environment>-<realm>; home_account_id is "uid.utid" from the client_info of the token
// response.
//
// The cache holds secrets: it is only ever handed to TokenStore, never logged or written to a plain file.

#include <QDateTime>
#include <QList>
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>

namespace cmk {

struct MsalAccount {
    QString homeAccountId;  ///< uid.utid
    QString environment;    ///< login.microsoftonline.com
    QString realm;          ///< tenant id of this account record
    QString localAccountId; ///< oid
    QString username;       ///< preferred_username / upn
    QString name;
    QString clientInfo; ///< base64url JSON {uid, utid}, as received
    QString homeTenantId() const { return homeAccountId.section(QLatin1Char('.'), 1); }
};

struct MsalAccessToken {
    QString secret;
    QString realm;
    QString target; ///< space-separated scopes, as MSAL stores them
    QDateTime cachedAt;
    QDateTime expiresOn;
    QDateTime extendedExpiresOn;
};

/// What the token endpoint answered, reduced to what the cache keeps.
struct TokenResponse {
    QString accessToken;
    QString refreshToken; ///< empty when the response has none (the cached one stays)
    QString idToken;
    QString clientInfo;
    QString scope; ///< granted scope (the cache stores the access token under it)
    qint64 expiresIn = 0;
    qint64 extExpiresIn = 0;

    /// Parses a successful token endpoint body. False with a reason when something required is missing.
    static bool parse(const QByteArray &body, TokenResponse &out, QString *why);
};

/// Claims of a JWT payload, read without checking the signature (the token came over TLS from the authority;
/// the client has no business validating access tokens).
nlohmann::json jwtPayload(const QString &jwt);

class MsalTokenCache {
public:
    /// Replaces the content with a serialized cache; false (and content unchanged) when it is not one.
    bool deserialize(const QByteArray &json);
    QByteArray serialize() const;
    bool isEmpty() const;
    void clear();

    /// Stores a token response for (environment, clientId), received at `issuedAt` (its expiry counts from
    /// there). The realm is the tenant the tokens are for (the "tid" of the ID token, else the utid of
    /// client_info). Returns the account it belongs to.
    std::optional<MsalAccount> store(const QString &environment, const QString &clientId,
                                     const TokenResponse &response, const QDateTime &issuedAt,
                                     QString *why = nullptr);

    QList<MsalAccount> accounts(const QString &environment = {}) const;
    std::optional<MsalAccount> account(const QString &homeAccountId, const QString &environment,
                                       const QString &realm = {}) const;
    QString refreshToken(const QString &homeAccountId, const QString &environment,
                         const QString &clientId) const;
    std::optional<MsalAccessToken> accessToken(const QString &homeAccountId, const QString &environment,
                                               const QString &clientId, const QString &realm,
                                               const QString &target) const;
    /// Removes every entry of the account in `environment` (all realms, all clients).
    void removeAccount(const QString &homeAccountId, const QString &environment);

    static QString accountKey(const QString &homeAccountId, const QString &environment, const QString &realm);
    static QString credentialKey(const QString &homeAccountId, const QString &environment,
                                 const QString &credentialType, const QString &clientId, const QString &realm,
                                 const QString &target);
    static QString appMetadataKey(const QString &environment, const QString &clientId);

private:
    nlohmann::json m_cache = nlohmann::json::object();
};

} // namespace cmk
