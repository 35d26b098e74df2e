#include "auth/authsession.h"

#include "auth/tokenstore.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <climits>

Q_LOGGING_CATEGORY(lcAuth, "cmk.auth", QtWarningMsg)

namespace cmk {

namespace {

const char AuthDeviceCodeGrant[] = "urn:ietf:params:oauth:grant-type:device_code";
constexpr int AuthTokenRequestTimeoutMs = 30000;
constexpr int AuthSlowDownIncrementSeconds = 5; // RFC 8628 §3.5
constexpr qint64 AuthExpirySkewMs = 30000;

bool authTimingSafeEquals(const QString &a, const QString &b) {
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    return diff == 0;
}

// application/x-www-form-urlencoded, every value fully percent-encoded (QUrlQuery leaves '+' alone, which a
// form decoder reads as a space).
QByteArray authFormBody(const QUrlQuery &form) {
    QByteArray body;
    for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    return body;
}

// Errors after which only a new interactive sign-in helps.
bool authNeedsInteraction(const QString &error) {
    return error == QLatin1String("invalid_grant") || error == QLatin1String("interaction_required") ||
           error == QLatin1String("login_required") || error == QLatin1String("consent_required") ||
           error == QLatin1String("invalid_client") || error == QLatin1String("unauthorized_client");
}

// The loopback redirect. Qt 6.4 announces "http://127.0.0.1:PORT/"; MSAL and Entra ID's registration use
// "http://localhost:PORT", so that is what goes into the authorize and token requests.
class LoopbackReplyHandler : public QOAuthHttpServerReplyHandler {
public:
    // Listens on the address given (loopback) and an ephemeral port: the (address, port) overload with port
    // 0.
    LoopbackReplyHandler(const QHostAddress &address, QObject *parent)
        : QOAuthHttpServerReplyHandler(address, 0, parent) {}
    QString callback() const override {
        const QString path = callbackPath();
        return QStringLiteral("http://localhost:%1").arg(port()) +
               (path.isEmpty() ? QString() : QLatin1Char('/') + path);
    }
};

// Qt's flow, stopped before it redeems the code itself: the callback goes to AuthSession, which checks the
// state and does the token request (so errors reach the user and the PKCE verifier is sent).
class PkceAuthorizationFlow : public QOAuth2AuthorizationCodeFlow {
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;

protected:
    void resourceOwnerAuthorization(const QUrl &url,
                                    const QMultiMap<QString, QVariant> &parameters) override {
        Q_UNUSED(url);
        const QUrl authorize = buildAuthenticateUrl(parameters);
        Q_EMIT authorizeWithBrowser(authorize);
    }
};

} // namespace

QString randomUrlSafe(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    auto *generator = QRandomGenerator::system();
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(generator->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString pkceChallenge(const QString &verifier) {
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

qint64 AuthSession::refreshLeadMs(qint64 lifetimeMs) {
    return qMin<qint64>(300000, lifetimeMs / 5);
}

AuthSession::AuthSession(const AuthConfig &config, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(store) {
    if (!m_store) {
        m_ownStore = std::make_unique<TokenStore>();
        m_store = m_ownStore.get();
    }
    connect(m_store, &TokenStore::persistenceUnavailable, this, &AuthSession::notice);
    connect(m_store, &TokenStore::storageError, this, &AuthSession::notice);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refresh(); });
    m_devicePoll.setSingleShot(true);
    connect(&m_devicePoll, &QTimer::timeout, this, &AuthSession::pollDeviceCode);
}

AuthSession::~AuthSession() {
    teardownInteractive();
    // Callers still waiting must hear the end.
    const auto waiters = std::exchange(m_refreshWaiters, {});
    for (const auto &w : waiters)
        w(false);
}

void AuthSession::setConfig(const AuthConfig &config) {
    const bool identityChanged = config.authority != m_config.authority ||
                                 config.clientId != m_config.clientId ||
                                 config.armResource != m_config.armResource;
    if (identityChanged && m_state != State::SignedOut)
        signOut();
    m_config = config;
}

void AuthSession::setBrowserOpener(BrowserOpener opener) {
    m_opener = std::move(opener);
}

void AuthSession::setNetworkAccessManager(QNetworkAccessManager *manager) {
    m_network = manager;
}

void AuthSession::setClock(Clock *clock) {
    m_clock = clock ? clock : Clock::system();
}

QNetworkAccessManager *AuthSession::network() {
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

QOAuth2AuthorizationCodeFlow *AuthSession::authorizationFlow() const {
    return m_flow;
}
QOAuthHttpServerReplyHandler *AuthSession::replyHandler() const {
    return m_handler;
}

QUrl AuthSession::redirectUri() const {
    return m_handler ? QUrl(m_handler->callback()) : QUrl();
}

void AuthSession::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcAuth) << "state" << state;
    Q_EMIT stateChanged(state);
}

void AuthSession::settleState() {
    if (!m_accessToken.isEmpty())
        setState(State::SignedIn);
    else if (!m_account.homeAccountId.isEmpty())
        setState(State::SignInRequired);
    else
        setState(State::SignedOut);
}

void AuthSession::fail(const QString &message) {
    m_lastError = message;
    qCInfo(lcAuth, "sign-in failed: %s", qPrintable(message));
    teardownInteractive();
    m_devicePoll.stop();
    m_deviceCode.clear();
    // A failed sign-in keeps what was there before: a working token, or the account waiting for a new
    // sign-in.
    settleState();
    Q_EMIT signInFailed(message);
}

QString AuthSession::describe(const TokenEndpointResult &result) const {
    if (!result.networkError.isEmpty())
        return tr("Microsoft Entra ID could not be reached: %1").arg(result.networkError);
    if (!result.error.isEmpty()) {
        if (result.errorDescription.isEmpty())
            return tr("Microsoft Entra ID refused the request: %1.").arg(result.error);
        // The first line of the description is the useful one; the rest is trace and correlation ids.
        return tr("Microsoft Entra ID refused the request: %1 (%2)")
            .arg(result.errorDescription.section(QLatin1Char('\n'), 0, 0).trimmed(), result.error);
    }
    return tr("Microsoft Entra ID answered with HTTP status %1.").arg(result.httpStatus);
}

// ---- token endpoint
// -------------------------------------------------------------------------------------------

void AuthSession::postForm(const QUrl &url, const QUrlQuery &form,
                           const std::function<void(const TokenEndpointResult &)> &done) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("x-client-SKU", "cmkwizard");
    request.setRawHeader("client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setTransferTimeout(AuthTokenRequestTimeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    const QString grant = form.queryItemValue(QStringLiteral("grant_type"));
    QNetworkReply *reply = network()->post(request, authFormBody(form));
    connect(reply, &QNetworkReply::finished, this, [reply, url, grant, done] {
        reply->deleteLater();
        TokenEndpointResult result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        if (result.httpStatus == 0) {
            result.networkError = reply->errorString();
        } else {
            const auto j = nlohmann::json::parse(result.body.toStdString(), nullptr, false);
            if (j.is_object()) {
                if (j.contains("error") && j["error"].is_string())
                    result.error = QString::fromStdString(j["error"].get<std::string>());
                if (j.contains("error_description") && j["error_description"].is_string())
                    result.errorDescription =
                        QString::fromStdString(j["error_description"].get<std::string>());
            }
            result.ok = result.httpStatus >= 200 && result.httpStatus < 300 && result.error.isEmpty();
        }
        // URL, grant type and error code only: bodies carry tokens.
        qCInfo(lcAuth, "POST %s (%s) -> %d %s", qPrintable(url.toString(QUrl::RemoveQuery)),
               qPrintable(grant.isEmpty() ? QStringLiteral("devicecode") : grant), result.httpStatus,
               qPrintable(result.ok ? QStringLiteral("ok") : result.error + result.networkError));
        done(result);
    });
}

bool AuthSession::acceptTokens(const TokenEndpointResult &result, const QString &expectedNonce,
                               QString *why) {
    TokenResponse response;
    if (!TokenResponse::parse(result.body, response, why))
        return false;
    if (!expectedNonce.isEmpty()) {
        const nlohmann::json claims = jwtPayload(response.idToken);
        const QString nonce = claims.contains("nonce") && claims["nonce"].is_string()
                                  ? QString::fromStdString(claims["nonce"].get<std::string>())
                                  : QString();
        if (response.idToken.isEmpty() || !authTimingSafeEquals(nonce, expectedNonce)) {
            *why = tr("The ID token does not belong to this sign-in (nonce mismatch). Sign in again.");
            return false;
        }
    }
    // A refresh answer without client_info keeps the account we know.
    if (response.clientInfo.isEmpty())
        response.clientInfo = m_account.clientInfo;
    const QDateTime received = m_clock->now();
    const auto account = m_cache.store(m_config.environment(), m_config.clientId, response, received, why);
    if (!account)
        return false;
    if (!m_account.homeAccountId.isEmpty() && account->homeAccountId != m_account.homeAccountId &&
        m_state != State::SigningIn) {
        *why = tr("Microsoft Entra ID answered for another account.");
        return false;
    }
    m_account = *account;
    m_realm = account->realm;
    m_accessToken = response.accessToken;
    m_expiresAt = received.addSecs(response.expiresIn);
    m_lastError.clear();
    persist();
    scheduleRefresh();
    return true;
}

void AuthSession::redeemTokens(const QUrl &tokenUrl, const QUrlQuery &form, const QString &expectedNonce,
                               const std::function<void(bool, const TokenEndpointResult &)> &done) {
    const quint64 generation = m_generation;
    postForm(tokenUrl, form, [this, generation, expectedNonce, done](const TokenEndpointResult &result) {
        if (generation != m_generation)
            return; // signed out or cancelled meanwhile
        if (!result.ok) {
            done(false, result);
            return;
        }
        QString why;
        if (!acceptTokens(result, expectedNonce, &why)) {
            TokenEndpointResult bad = result;
            bad.ok = false;
            bad.error = QStringLiteral("invalid_response");
            bad.errorDescription = why;
            done(false, bad);
            return;
        }
        done(true, result);
    });
}

void AuthSession::persist() {
    m_store->save(m_cache.serialize());
}

void AuthSession::scheduleRefresh() {
    m_refreshTimer.stop();
    if (!m_expiresAt.isValid())
        return;
    const QDateTime now = m_clock->now();
    const qint64 remaining = qMax<qint64>(0, now.msecsTo(m_expiresAt));
    m_clock->startTimer(m_refreshTimer, now.addMSecs(remaining - refreshLeadMs(remaining)));
}

// ---- interactive sign-in
// --------------------------------------------------------------------------------------

// What every sign-in starts with: a usable configuration, nothing else in flight, the tenant to sign in to.
bool AuthSession::beginSignIn() {
    if (const QString invalid = m_config.validationError(); !invalid.isEmpty()) {
        fail(invalid);
        return false;
    }
    cancelSignIn();
    ++m_generation;
    m_signInTenant = m_realm.isEmpty() ? m_config.tenant : m_realm;
    return true;
}

void AuthSession::signIn() {
    if (!beginSignIn())
        return;

    // Loopback only, ephemeral port. A QHostAddress object, not the SpecialAddress enum: with the enum,
    // Qt 6.4 picks the (quint16 port) overload and listens on every interface, port 2.
    const QHostAddress loopback(QHostAddress::LocalHost);
    auto *handler = new LoopbackReplyHandler(loopback, this);
    if (!handler->isListening()) {
        delete handler;
        fail(tr("Could not listen on a local port for the sign-in redirect."));
        return;
    }
    handler->setCallbackText(tr("Sign-in complete. You can close this window and return to cmkwizard."));
    m_handler = handler;

    m_codeVerifier = randomUrlSafe(64); // 86 characters, within PKCE's 43..128
    m_state_ = randomUrlSafe(32);
    m_nonce = randomUrlSafe(32);
    m_callbackHandled = false;

    auto *flow = new PkceAuthorizationFlow(network(), this);
    flow->setClientIdentifier(m_config.clientId);
    flow->setAuthorizationUrl(m_config.authorizeUrl(m_signInTenant));
    flow->setAccessTokenUrl(m_config.tokenUrl(m_signInTenant));
    flow->setScope(m_config.scope());
    flow->setState(m_state_);
    flow->setReplyHandler(handler);
    const QString challenge = pkceChallenge(m_codeVerifier);
    const QString scope = m_config.scope();
    const QString nonce = m_nonce;
    const QString loginHint = m_account.username;
    flow->setModifyParametersFunction(
        [challenge, scope, nonce, loginHint](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *p) {
            if (stage != QAbstractOAuth::Stage::RequestingAuthorization)
                return;
            p->replace(QStringLiteral("code_challenge"), challenge);
            p->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            p->replace(QStringLiteral("nonce"), nonce);
            p->replace(QStringLiteral("client_info"), QStringLiteral("1"));
            p->replace(QStringLiteral("scope"), scope); // ours, whatever the flow's property says
            p->replace(QStringLiteral("response_mode"), QStringLiteral("query"));
            if (!loginHint.isEmpty())
                p->replace(QStringLiteral("login_hint"), loginHint);
            else
                p->replace(QStringLiteral("prompt"), QStringLiteral("select_account"));
        });
    connect(flow, &QAbstractOAuth2::authorizationCallbackReceived, this,
            &AuthSession::onAuthorizationCallback);
    connect(flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        qCInfo(lcAuth, "opening the browser for sign-in (redirect %s)", qPrintable(redirectUri().toString()));
        if (!m_opener || !m_opener(url))
            Q_EMIT browserOpenFailed(url);
    });
    m_flow = flow;
    setState(State::SigningIn);
    flow->grant();
}

void AuthSession::onAuthorizationCallback(const QVariantMap &data) {
    if (m_callbackHandled || m_state != State::SigningIn)
        return;
    const QString error = data.value(QStringLiteral("error")).toString();
    const QString code = data.value(QStringLiteral("code")).toString();
    if (error.isEmpty() && code.isEmpty())
        return; // e.g. the browser asking for /favicon.ico
    m_callbackHandled = true;
    // Stop listening once the redirect is in; the handler answers the browser first.
    QTimer::singleShot(0, this, [handler = m_handler] {
        if (handler)
            handler->close();
    });

    const QString receivedState = data.value(QStringLiteral("state")).toString();
    if (receivedState.isEmpty() || !authTimingSafeEquals(receivedState, m_state_)) {
        fail(tr("The sign-in response does not belong to this sign-in attempt (state mismatch). Nothing was "
                "accepted; sign in again."));
        return;
    }
    if (!error.isEmpty()) {
        const QString description =
            QUrl::fromPercentEncoding(data.value(QStringLiteral("error_description")).toString().toUtf8());
        fail(error == QLatin1String("access_denied")
                 ? tr("Sign-in was cancelled in the browser.")
                 : tr("Microsoft Entra ID refused the sign-in: %1 (%2)")
                       .arg(description.section(QLatin1Char('\n'), 0, 0).trimmed(), error));
        return;
    }

    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), QUrl::fromPercentEncoding(code.toUtf8()));
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri().toString());
    form.addQueryItem(QStringLiteral("code_verifier"), m_codeVerifier);
    form.addQueryItem(QStringLiteral("scope"), m_config.scope());
    form.addQueryItem(QStringLiteral("client_info"), QStringLiteral("1"));
    redeemTokens(m_config.tokenUrl(m_signInTenant), form, m_nonce,
                 [this](bool ok, const TokenEndpointResult &result) {
                     teardownInteractive();
                     if (!ok) {
                         fail(describe(result));
                         return;
                     }
                     setState(State::SignedIn);
                     Q_EMIT signedIn();
                 });
}

void AuthSession::teardownInteractive() {
    m_codeVerifier.clear();
    m_state_.clear();
    m_nonce.clear();
    if (m_flow) {
        m_flow->disconnect(this);
        m_flow->deleteLater();
    }
    if (m_handler) {
        m_handler->close();
        m_handler->deleteLater();
    }
}

void AuthSession::cancelSignIn() {
    const bool wasSigningIn = m_state == State::SigningIn;
    teardownInteractive();
    m_devicePoll.stop();
    m_deviceCode.clear();
    if (wasSigningIn) {
        ++m_generation;
        settleState();
    }
}

// ---- device code
// ----------------------------------------------------------------------------------------------

void AuthSession::signInWithDeviceCode() {
    if (!beginSignIn())
        return;
    setState(State::SigningIn);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("scope"), m_config.scope());
    const quint64 generation = m_generation;
    postForm(m_config.deviceCodeUrl(m_signInTenant), form,
             [this, generation](const TokenEndpointResult &result) {
                 if (generation != m_generation)
                     return;
                 if (!result.ok) {
                     fail(describe(result));
                     return;
                 }
                 const auto j = nlohmann::json::parse(result.body.toStdString(), nullptr, false);
                 auto str = [&](const char *key) {
                     return j.contains(key) && j[key].is_string()
                                ? QString::fromStdString(j[key].get<std::string>())
                                : QString();
                 };
                 auto num = [&](const char *key, int fallback) {
                     if (!j.contains(key))
                         return fallback;
                     // expires_in comes from the network: clamp instead of letting a huge value wrap.
                     if (j[key].is_number_unsigned())
                         return int(std::min<unsigned long long>(j[key].get<unsigned long long>(), INT_MAX));
                     if (j[key].is_number_integer())
                         return int(std::clamp<long long>(j[key].get<long long>(), INT_MIN, INT_MAX));
                     if (j[key].is_string())
                         return QString::fromStdString(j[key].get<std::string>()).toInt();
                     return fallback;
                 };
                 m_deviceCode = str("device_code");
                 const QString userCode = str("user_code");
                 const QUrl verification(str("verification_uri"));
                 if (m_deviceCode.isEmpty() || userCode.isEmpty() || !verification.isValid()) {
                     fail(tr("Microsoft Entra ID answered the device code request without a code."));
                     return;
                 }
                 m_deviceIntervalSeconds = qMax(1, num("interval", 5));
                 m_deviceDeadline = m_clock->now().addSecs(qMax(60, num("expires_in", 900)));
                 const QString message = tr("To sign in, open %1 in a browser and enter the code %2.")
                                             .arg(verification.toString(), userCode);
                 Q_EMIT deviceCodeReceived(userCode, verification, message);
                 scheduleDevicePoll();
             });
}

void AuthSession::scheduleDevicePoll() {
    m_clock->startTimer(m_devicePoll, m_clock->now().addSecs(m_deviceIntervalSeconds));
}

void AuthSession::pollDeviceCode() {
    if (m_deviceCode.isEmpty() || m_state != State::SigningIn)
        return;
    if (m_clock->now() > m_deviceDeadline) {
        fail(tr("The device code has expired before the sign-in was completed."));
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("grant_type"), QString::fromLatin1(AuthDeviceCodeGrant));
    form.addQueryItem(QStringLiteral("device_code"), m_deviceCode);
    form.addQueryItem(QStringLiteral("client_info"), QStringLiteral("1"));
    redeemTokens(m_config.tokenUrl(m_signInTenant), form, QString(),
                 [this](bool ok, const TokenEndpointResult &result) {
                     if (ok) {
                         m_deviceCode.clear();
                         setState(State::SignedIn);
                         Q_EMIT signedIn();
                         return;
                     }
                     if (result.error == QLatin1String("authorization_pending")) {
                         scheduleDevicePoll();
                         return;
                     }
                     if (result.error == QLatin1String("slow_down")) {
                         m_deviceIntervalSeconds += AuthSlowDownIncrementSeconds;
                         qCInfo(lcAuth, "device code: slow_down, polling every %d s now",
                                m_deviceIntervalSeconds);
                         scheduleDevicePoll();
                         return;
                     }
                     if (result.error == QLatin1String("authorization_declined")) {
                         fail(tr("Sign-in was declined on the verification page."));
                         return;
                     }
                     if (result.error == QLatin1String("expired_token")) {
                         fail(tr("The device code has expired before the sign-in was completed."));
                         return;
                     }
                     fail(describe(result));
                 });
}

// ---- refresh
// --------------------------------------------------------------------------------------------------

void AuthSession::refresh(const std::function<void(bool)> &done) {
    refreshFor(m_realm.isEmpty() ? m_config.tenant : m_realm, false, done);
}

void AuthSession::refreshFor(const QString &tenant, bool switching, const std::function<void(bool)> &done) {
    if (m_refreshing && tenant.compare(m_refreshingTenant, Qt::CaseInsensitive) != 0) {
        // Another tenant's refresh is on its way: this one goes after it.
        m_refreshWaiters.append(
            [this, tenant, switching, done](bool) { refreshFor(tenant, switching, done); });
        return;
    }
    if (done)
        m_refreshWaiters.append(done);
    if (m_refreshing)
        return;
    const QString refreshToken =
        m_cache.refreshToken(m_account.homeAccountId, m_config.environment(), m_config.clientId);
    if (refreshToken.isEmpty()) {
        if (!m_account.homeAccountId.isEmpty() && m_state != State::SigningIn &&
            m_state != State::SignInRequired) {
            m_lastError = tr("Your sign-in has expired. Sign in again to continue.");
            setState(State::SignInRequired);
            Q_EMIT signInRequired(m_lastError);
        }
        finishRefresh(false);
        return;
    }
    m_refreshing = true;
    // Refresh: no client_secret, no redirect_uri (Qt 6.4 would send both empty), our own scope.
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    form.addQueryItem(QStringLiteral("scope"), m_config.scope());
    form.addQueryItem(QStringLiteral("client_info"), QStringLiteral("1"));
    m_refreshingTenant = tenant;
    redeemTokens(
        m_config.tokenUrl(tenant), form, QString(),
        [this, switching](bool ok, const TokenEndpointResult &result) {
            m_refreshing = false;
            if (ok) {
                if (m_state != State::SigningIn)
                    setState(State::SignedIn);
                Q_EMIT tokenRefreshed();
                finishRefresh(true);
                return;
            }
            m_lastError = describe(result);
            if (switching) {
                // Another tenant refused (not a member, MFA required there...): the current sign-in stays.
                qCWarning(lcAuth, "token for another tenant refused: %s", qPrintable(m_lastError));
            } else if (result.networkError.isEmpty() &&
                       (authNeedsInteraction(result.error) || result.httpStatus == 400)) {
                // The refresh token is dead: forget the tokens, keep the account so the user knows who to
                // sign in as.
                m_accessToken.clear();
                m_expiresAt = QDateTime();
                m_refreshTimer.stop();
                m_cache.removeAccount(m_account.homeAccountId, m_config.environment());
                persist();
                if (m_state != State::SigningIn)
                    setState(State::SignInRequired);
                Q_EMIT signInRequired(
                    tr("Your sign-in is no longer valid; sign in again to continue. %1").arg(m_lastError));
            } else {
                qCWarning(lcAuth, "token refresh failed: %s", qPrintable(m_lastError));
                // Transient: try again shortly while the current token may still work.
                m_clock->startTimer(m_refreshTimer, m_clock->now().addSecs(30));
            }
            finishRefresh(false);
        });
}

void AuthSession::finishRefresh(bool ok) {
    const auto waiters = std::exchange(m_refreshWaiters, {});
    for (const auto &w : waiters)
        w(ok);
}

void AuthSession::refreshAfterUnauthorized(const std::function<void(bool ok)> &done) {
    qCInfo(lcAuth, "401 from the server: refreshing the access token");
    refresh(done);
}

QString AuthSession::accessToken() const {
    if (m_state != State::SignedIn && m_state != State::SigningIn)
        return {};
    return m_accessToken;
}

void AuthSession::switchTenant(const QString &tenantId, const std::function<void(bool)> &done) {
    if (tenantId.isEmpty() || tenantId.compare(m_realm, Qt::CaseInsensitive) == 0) {
        if (done)
            done(!tenantId.isEmpty());
        return;
    }
    // The current tenant stays until the other one's token is in (acceptTokens() moves m_realm).
    refreshFor(tenantId, true, [this, tenantId, done](bool ok) {
        ok = ok && m_realm.compare(tenantId, Qt::CaseInsensitive) == 0;
        if (ok)
            Q_EMIT tenantChanged(m_realm);
        else
            Q_EMIT signInFailed(tr("Could not switch to tenant %1: %2").arg(tenantId, m_lastError));
        if (done)
            done(ok);
    });
}

// ---- cache
// ----------------------------------------------------------------------------------------------------

void AuthSession::loadFromCache() {
    const QString environment = m_config.environment();
    for (const MsalAccount &candidate : m_cache.accounts(environment)) {
        if (m_cache.refreshToken(candidate.homeAccountId, environment, m_config.clientId).isEmpty())
            continue;
        const bool specificTenant =
            m_config.tenant != QLatin1String("organizations") && m_config.tenant != QLatin1String("common");
        const QString realm = specificTenant ? m_config.tenant : candidate.homeTenantId();
        m_account = m_cache.account(candidate.homeAccountId, environment, realm).value_or(candidate);
        m_realm = realm;
        if (const auto token = m_cache.accessToken(candidate.homeAccountId, environment, m_config.clientId,
                                                   realm, m_config.resourceScope())) {
            m_accessToken = token->secret;
            m_expiresAt = token->expiresOn.toUTC();
        }
        return;
    }
}

void AuthSession::restore(const std::function<void(bool)> &done) {
    setState(State::Restoring);
    m_store->load([this, done](const QByteArray &data) {
        if (!data.isEmpty() && !m_cache.deserialize(data))
            qCWarning(lcAuth, "the stored token cache is not valid JSON; ignoring it");
        loadFromCache();
        if (!m_store->persistenceNotice().isEmpty())
            Q_EMIT notice(m_store->persistenceNotice());
        if (m_account.homeAccountId.isEmpty()) {
            setState(State::SignedOut);
            if (done)
                done(false);
            return;
        }
        const bool fresh = !m_accessToken.isEmpty() && m_expiresAt.isValid() &&
                           m_clock->now().msecsTo(m_expiresAt) > AuthExpirySkewMs;
        if (fresh) {
            setState(State::SignedIn);
            scheduleRefresh();
            if (done)
                done(true);
            return;
        }
        setState(State::SignedIn);
        refresh([done](bool ok) {
            if (done)
                done(ok);
        });
    });
}

void AuthSession::signOut() {
    ++m_generation;
    teardownInteractive();
    m_devicePoll.stop();
    m_deviceCode.clear();
    m_refreshTimer.stop();
    m_refreshing = false;
    m_cache.clear();
    m_store->clear();
    m_account = MsalAccount();
    m_realm.clear();
    m_accessToken.clear();
    m_expiresAt = QDateTime();
    m_lastError.clear();
    finishRefresh(false);
    setState(State::SignedOut);
    Q_EMIT signedOut();
}

} // namespace cmk
