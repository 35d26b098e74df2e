#pragma once

// Signing in to Microsoft Entra ID as a public client, the way MSAL does it:
// - interactive: authorization code flow with PKCE (S256), a random state and nonce, the system browser, and
// a
//   loopback redirect (http://localhost:PORT) served by Qt NetworkAuth's QOAuthHttpServerReplyHandler;
// - device code flow for sessions without a browser;
// - silent refresh before expiry and after a 401, with refresh token rotation;
// - tenants: the token is for one tenant at a time; switching redeems the refresh token for another one.
// Tokens live in an MSAL-schema cache kept by a TokenStore (keychain, or memory). Nothing here logs a token.
//
// Qt 6.4's QOAuth2AuthorizationCodeFlow builds the authorize URL and receives the redirect; the token and
// refresh requests are ours, because Qt 6.4 drops token endpoint errors (invalid_grant...), leaves a failed
// refresh stuck in RefreshingToken, sends an empty client_secret and redirect_uri on refresh, and replaces
// its scope with the granted one.

#include "auth/authconfig.h"
#include "auth/clock.h"
#include "auth/msaltokencache.h"
#include "auth/tokenprovider.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace cmk {

class TokenStore;

/// The outcome of one request to the token (or devicecode) endpoint. Error fields come from the body
/// ({"error","error_description"}) or from the transport; they never contain a token.
struct TokenEndpointResult {
    bool ok = false;
    int httpStatus = 0;
    QString error;            ///< invalid_grant, authorization_pending, ... or empty
    QString errorDescription; ///< AADSTS...: ...
    QString networkError;     ///< transport failure, translated by Qt
    QByteArray body;          ///< the raw body: holds secrets, never log it
};

class AuthSession : public QObject, public TokenProvider {
    Q_OBJECT
public:
    enum class State {
        SignedOut,      ///< no account
        Restoring,      ///< reading the token cache
        SigningIn,      ///< interactive or device code sign-in in progress
        SignedIn,       ///< a token is available (refreshed silently when needed)
        SignInRequired, ///< the refresh failed (revoked, expired...): the account is known, the user must
                        ///< sign in
    };
    Q_ENUM(State)

    /// Opens the authorize URL in a browser; returns false when it could not. models/ has no GUI: the app
    /// sets QDesktopServices::openUrl (tests play the browser). Without one, browserOpenFailed() hands the
    /// URL on.
    using BrowserOpener = std::function<bool(const QUrl &url)>;

    /// `store` is not owned; nullptr makes the session keep its own in-memory store.
    explicit AuthSession(const AuthConfig &config, TokenStore *store = nullptr, QObject *parent = nullptr);
    ~AuthSession() override;

    const AuthConfig &config() const { return m_config; }
    /// Changes where and as which application to sign in. Signs out first when the authority or client
    /// changes.
    void setConfig(const AuthConfig &config);
    void setBrowserOpener(BrowserOpener opener);
    void setNetworkAccessManager(QNetworkAccessManager *manager); ///< not owned; default: the session's own
    /// The clock that decides expiry, refresh and device code polls (not owned; nullptr: the system's).
    /// Set it before signing in.
    void setClock(Clock *clock);
    TokenStore *tokenStore() const { return m_store; }

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    QString username() const { return m_account.username; }
    QString displayName() const { return m_account.name; }
    QString homeAccountId() const { return m_account.homeAccountId; }
    /// The tenant of the current token (the "tid" it was issued for).
    QString tenantId() const { return m_realm; }
    QDateTime expiresAt() const { return m_expiresAt; }
    /// The last error shown to the user (translated), empty after a success.
    QString lastError() const { return m_lastError; }

    /// The sign-in in progress (tests and diagnostics): Qt's flow and its loopback reply handler.
    QOAuth2AuthorizationCodeFlow *authorizationFlow() const;
    QOAuthHttpServerReplyHandler *replyHandler() const;
    /// http://localhost:PORT of the sign-in in progress, empty otherwise.
    QUrl redirectUri() const;

    /// Loads the cached sign-in from the store; refreshes the access token when it has expired. `done` is
    /// called once with whether a usable token is available.
    void restore(const std::function<void(bool signedIn)> &done = {});
    /// Interactive sign-in in the system browser. Ends with signedIn() or signInFailed().
    void signIn();
    /// Device code sign-in: deviceCodeReceived() tells the user where to go. Ends like signIn().
    void signInWithDeviceCode();
    void cancelSignIn();
    /// Forgets every token and account, in memory and in the store.
    void signOut();
    /// Redeems the refresh token for a new access token (current tenant).
    void refresh(const std::function<void(bool ok)> &done = {});
    /// Gets a token for another tenant of the account; tenantChanged() on success.
    void switchTenant(const QString &tenantId, const std::function<void(bool ok)> &done = {});

    // TokenProvider
    QString accessToken() const override;
    void refreshAfterUnauthorized(const std::function<void(bool ok)> &done) override;

    /// Milliseconds before expiry at which the token is refreshed: a fifth of its lifetime, at most 5
    /// minutes.
    static qint64 refreshLeadMs(qint64 lifetimeMs);

Q_SIGNALS:
    void stateChanged(cmk::AuthSession::State state);
    void signedIn();
    void signInFailed(const QString &message);
    /// The refresh token no longer works; the account (username, tenant) is kept so the user can sign in
    /// again without losing what they were doing.
    void signInRequired(const QString &reason);
    void signedOut();
    void tokenRefreshed();
    void tenantChanged(const QString &tenantId);
    void deviceCodeReceived(const QString &userCode, const QUrl &verificationUri, const QString &message);
    /// The browser could not be opened: the user has to open `url` themselves.
    void browserOpenFailed(const QUrl &url);
    /// Something the user should know that is not an error (e.g. the sign-in is kept in memory only).
    void notice(const QString &message);

private:
    void setState(State state);
    void fail(const QString &message);
    bool beginSignIn();
    void settleState();
    void onAuthorizationCallback(const QVariantMap &data);
    void redeemTokens(const QUrl &tokenUrl, const QUrlQuery &form, const QString &expectedNonce,
                      const std::function<void(bool ok, const TokenEndpointResult &result)> &done);
    void postForm(const QUrl &url, const QUrlQuery &form,
                  const std::function<void(const TokenEndpointResult &result)> &done);
    bool acceptTokens(const TokenEndpointResult &result, const QString &expectedNonce, QString *why);
    void refreshFor(const QString &tenant, bool switching, const std::function<void(bool ok)> &done);
    void finishRefresh(bool ok);
    void pollDeviceCode();
    void scheduleDevicePoll();
    void teardownInteractive();
    void scheduleRefresh();
    void persist();
    void loadFromCache();
    QString describe(const TokenEndpointResult &result) const;
    QNetworkAccessManager *network();

    AuthConfig m_config;
    TokenStore *m_store = nullptr;
    std::unique_ptr<TokenStore> m_ownStore;
    QPointer<QNetworkAccessManager> m_network;
    BrowserOpener m_opener;
    Clock *m_clock = Clock::system();
    MsalTokenCache m_cache;

    State m_state = State::SignedOut;
    MsalAccount m_account;
    QString m_realm;
    QString m_accessToken;
    QDateTime m_expiresAt;
    QString m_lastError;
    QTimer m_refreshTimer;

    // Refresh in flight: every caller waiting for it.
    bool m_refreshing = false;
    QString m_refreshingTenant;
    QList<std::function<void(bool)>> m_refreshWaiters;

    // Interactive sign-in in flight.
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QString m_codeVerifier;
    QString m_state_;
    QString m_nonce;
    QString m_signInTenant;
    bool m_callbackHandled = false;

    // Device code sign-in in flight.
    QTimer m_devicePoll;
    QString m_deviceCode;
    int m_deviceIntervalSeconds = 5;
    QDateTime m_deviceDeadline;

    quint64 m_generation = 0; ///< bumped by sign-out/cancel so late replies are ignored
};

/// Random URL-safe text from the system's cryptographic generator (`bytes` of entropy, base64url).
QString randomUrlSafe(int bytes);
/// PKCE S256: base64url(SHA-256(verifier)).
QString pkceChallenge(const QString &verifier);

} // namespace cmk
