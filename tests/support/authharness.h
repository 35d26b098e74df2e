#pragma once

// Shared by the sign-in tests: an armsandbox that requires its own sign-in over real HTTP, and the user's
// browser in front of its authorize endpoint (already signed in, or answering the consent page).

#include "armsandbox.h"
#include "identity/identity.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

namespace authtest {

/// Starts `sandbox` with its sign-in required. Returns its identity service (to approve device codes, revoke
/// refresh tokens), nullptr with `why` set when the sandbox did not start.
inline armsandbox::IdentityService *startSignInSandbox(armsandbox::Sandbox &sandbox, QString *why,
                                                       armsandbox::SandboxOptions options = {}) {
    options.authRequired = true;
    if (!sandbox.start(options, why))
        return nullptr;
    return armsandbox::IdentityService::forBaseUrl(sandbox.baseUrl());
}

/// A browser where the user is already signed in and has consented: prompt=none answers at once, and the
/// redirect to the loopback listener is followed. Returns true, as a browser opener does once the page opens.
inline bool openSignedIn(QNetworkAccessManager &browser, QUrl authorizeUrl) {
    QUrlQuery query(authorizeUrl);
    query.removeAllQueryItems(QStringLiteral("prompt"));
    query.addQueryItem(QStringLiteral("prompt"), QStringLiteral("none"));
    authorizeUrl.setQuery(query);
    QNetworkReply *reply = browser.get(QNetworkRequest(authorizeUrl));
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return true;
}

inline QString unescapeHtml(QString s) {
    s.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    s.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    s.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    s.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return s;
}

/// What the browser posts when the user answers the sandbox's consent page.
struct ConsentAnswer {
    QNetworkRequest request;
    QByteArray body;
};

/// The consent page at `pageUrl` (its `html`) answered: its hidden fields plus consent=approve|deny, for its
/// form's action.
inline ConsentAnswer answerConsent(const QUrl &pageUrl, const QString &html, bool approve) {
    static const QRegularExpression hiddenInput(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
    static const QRegularExpression formAction(QStringLiteral("<form method=\"post\" action=\"([^\"]*)\""));
    QUrlQuery form;
    for (auto it = hiddenInput.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        form.addQueryItem(match.captured(1), unescapeHtml(match.captured(2)));
    }
    form.addQueryItem(QStringLiteral("consent"),
                      approve ? QStringLiteral("approve") : QStringLiteral("deny"));
    ConsentAnswer answer;
    answer.request =
        QNetworkRequest(pageUrl.resolved(QUrl(unescapeHtml(formAction.match(html).captured(1)))));
    answer.request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    const auto items = form.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        answer.body += (answer.body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(item.first) + '=' +
                       QUrl::toPercentEncoding(item.second);
    return answer;
}

} // namespace authtest
