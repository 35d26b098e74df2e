// cmkwizard login [--device-code] / cmkwizard logout: the sign-in of the GUI, headless.

#include "auth/authsession.h"
#include "auth/tokenstore.h"
#include "cli/commands.h"

#include <QTextStream>

namespace cmkapp {

namespace {

constexpr int LoginTimeoutMs = 15 * 60 * 1000;

} // namespace

int runLogin(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "login",
        "Sign in to Microsoft Entra ID. The sign-in is kept in the system keychain for the other commands."));
    const QCommandLineOption deviceCode(
        QStringLiteral("device-code"),
        QCoreApplication::translate("login", "Sign in on another device: print a code to enter at a "
                                             "verification page instead of opening a browser."));
    parser.addOption(deviceCode);
    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &options) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        cmk::AuthSession *session = context.authSession();
        if (!session) {
            err << QCoreApplication::translate(
                       "login",
                       "CMKWIZARD_ACCESS_TOKEN is set: the commands use that token and there is nothing to "
                       "sign in.")
                << Qt::endl;
            return int(ExitInvalidInput);
        }
        if (const QString invalid = session->config().validationError(); !invalid.isEmpty()) {
            err << invalid << Qt::endl;
            return int(ExitInvalidInput);
        }
        QObject::connect(
            session, &cmk::AuthSession::deviceCodeReceived, session,
            [&out](const QString &, const QUrl &, const QString &message) { out << message << Qt::endl; });
        QObject::connect(session, &cmk::AuthSession::browserOpenFailed, session, [&out](const QUrl &url) {
            out << QCoreApplication::translate("login", "Open this address in a browser to sign in:")
                << Qt::endl
                << url.toString(QUrl::FullyEncoded) << Qt::endl;
        });
        QObject::connect(session, &cmk::AuthSession::notice, session,
                         [&err](const QString &message) { err << message << Qt::endl; });

        bool finished = false;
        bool ok = false;
        QString failure;
        QObject::connect(session, &cmk::AuthSession::signedIn, session, [&] {
            finished = true;
            ok = true;
        });
        QObject::connect(session, &cmk::AuthSession::signInFailed, session, [&](const QString &message) {
            finished = true;
            failure = message;
        });
        if (options.isSet(deviceCode)) {
            session->signInWithDeviceCode();
        } else {
            out << QCoreApplication::translate("login", "Waiting for the sign-in in the browser…")
                << Qt::endl;
            session->signIn();
        }
        if (!waitUntil([&] { return finished; }, LoginTimeoutMs)) {
            session->cancelSignIn();
            err << QCoreApplication::translate("login", "The sign-in did not complete in time.") << Qt::endl;
            return int(ExitAuthError);
        }
        if (!ok) {
            err << failure << Qt::endl;
            return int(ExitAuthError);
        }
        session->tokenStore()->flush();
        out << QCoreApplication::translate("login", "Signed in as %1 (tenant %2).")
                   .arg(session->username(), session->tenantId())
            << Qt::endl;
        if (!session->tokenStore()->isPersistent())
            err << session->tokenStore()->persistenceNotice() << Qt::endl;
        return int(ExitOk);
    });
}

int runLogout(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("login", "Sign out: forget every cached token and account."));
    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &) {
        QTextStream out(stdout);
        cmk::AuthSession *session = context.authSession();
        if (!session) {
            QTextStream(stderr) << QCoreApplication::translate(
                                       "login",
                                       "CMKWIZARD_ACCESS_TOKEN is set: there is no cached sign-in to forget.")
                                << Qt::endl;
            return int(ExitInvalidInput);
        }
        const QString who = session->username();
        session->signOut();
        session->tokenStore()->flush();
        if (who.isEmpty())
            out << QCoreApplication::translate("login", "Signed out.") << Qt::endl;
        else
            out << QCoreApplication::translate("login", "Signed out %1.").arg(who) << Qt::endl;
        return int(ExitOk);
    });
}

} // namespace cmkapp
