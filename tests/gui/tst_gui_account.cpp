// The application window as a user meets it, offscreen, against an in-process armsandbox that requires its
// own sign-in: the account bar (sign in, tenant, lost sign-in with the wizard's input kept, sign out, the
// memory-only notice), the way into review mode (button, --review), and the --cloud option.

#include "appcontext.h"
#include "arm/armclient.h"
#include "armsandbox.h"
#include "auth/authconfig.h"
#include "auth/authsession.h"
#include "auth/tokenstore.h"
#include "gui/gui.h"
#include "gui/screenshots.h"
#include "identity/identity.h"
#include "imageversion/imageversiondraft.h"
#include "review/reviewwindow.h"
#include "shell/signinwidget.h"
#include "shell/wizardwindow.h"
#include "support/authharness.h"
#include "support/wizardharness.h"

#include <QApplication>
#include <QDir>
#include <QFrame>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace wizardtest;

class TestGuiAccount : public QObject {
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    armsandbox::IdentityService *m_identity = nullptr;
    QNetworkAccessManager m_browser;

    bool playBrowser(const QUrl &url) { return authtest::openSignedIn(m_browser, url); }

    std::unique_ptr<cmk::AuthSession> makeSession(cmk::TokenStore *store) {
        auto session = std::make_unique<cmk::AuthSession>(
            cmk::AuthConfig::forAuthority(m_sandbox->baseUrl().toString(), {}, QStringLiteral("gui-test")),
            store);
        session->setBrowserOpener([this](const QUrl &url) { return playBrowser(url); });
        return session;
    }

    std::unique_ptr<cmk::ArmClient> makeClient(cmk::AuthSession *session) {
        auto client = std::make_unique<cmk::ArmClient>();
        client->setEndpoint(m_sandbox->baseUrl());
        client->setTokenProvider(session);
        cmk::RetryPolicy retry;
        retry.maxTries = 1;
        client->setRetryPolicy(retry);
        return client;
    }

    static cmkui::CreateWizardOptions wizardOptions() {
        cmkui::CreateWizardOptions options;
        options.withPrerequisites = false; // tst_prereqpage covers that step
        return options;
    }

    /// The application's window over a session, client and draft of its own, shown, not signed in yet.
    struct AccountWindow {
        cmk::TokenStore store;
        std::unique_ptr<cmk::AuthSession> session;
        std::unique_ptr<cmk::ArmClient> client;
        cmk::ImageVersionDraftModel draft;
        std::unique_ptr<cmkui::WizardWindow> window;
    };
    std::unique_ptr<AccountWindow> openAccountWindow() {
        auto app = std::make_unique<AccountWindow>();
        app->session = makeSession(&app->store);
        app->client = makeClient(app->session.get());
        app->window = std::make_unique<cmkui::WizardWindow>(app->client.get(), &app->draft,
                                                            app->session.get(), wizardOptions());
        app->window->show();
        return app;
    }

    static QString status(cmkui::WizardWindow &window) {
        return window.findChild<QLabel *>(QStringLiteral("signInStatus"))->text();
    }

    static QPushButton *button(QWidget &root, const char *name) {
        return root.findChild<QPushButton *>(QLatin1String(name));
    }

    static bool parseGlobal(const QStringList &arguments, cmkapp::GlobalOptions *options, QString *why) {
        QCommandLineParser parser;
        cmkapp::addGlobalOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("cmkwizard")} + arguments)) {
            *why = parser.errorText();
            return false;
        }
        return cmkapp::readGlobalOptions(parser, *options, why);
    }

    QProcessEnvironment childEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settingsDir.path());
        env.insert(QStringLiteral("HOME"), m_settingsDir.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("CMKWIZARD_TOKEN_STORE"), QStringLiteral("memory"));
        return env;
    }

    int runCmkwizard(const QStringList &arguments, QString *err) {
        QProcess process;
        process.setProcessEnvironment(childEnvironment());
        process.start(qEnvironmentVariable("CMK_BIN_DIR") + QStringLiteral("/cmkwizard"), arguments);
        if (!process.waitForFinished(20000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        qputenv("CMKWIZARD_TOKEN_STORE", "memory");
        qunsetenv("CMKWIZARD_ACCESS_TOKEN");
        QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_account"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        cmkapp::installTranslations(QStringLiteral("en"));
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        QString why;
        m_identity = authtest::startSignInSandbox(*m_sandbox, &why);
        QVERIFY2(m_identity, qPrintable(why));
    }

    // Sign in from the bar, fill the wizard, lose the sign-in: the bar asks for a new one and nothing typed
    // is lost; signed in again, the lists come back and the wizard goes on. Then sign out.
    void accountBarSignInLostSignInKeepsInput() {
        const auto app = openAccountWindow();
        cmkui::WizardWindow &window = *app->window;
        cmk::AuthSession *session = app->session.get();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QFrame *bar = window.accountBar();
        QVERIFY(bar && bar->isVisible());
        QCOMPARE(bar->geometry().top(), 0); // above the wizard's pages
        QVERIFY(window.wizard()->geometry().top() >= bar->geometry().bottom());
        QCOMPARE(status(window), QStringLiteral("Not signed in."));
        QVERIFY(bar->property("attention").toBool());
        QVERIFY(button(window, "signInButton")->isVisible());
        QVERIFY(!button(window, "signOutButton")->isVisible());

        QTest::mouseClick(button(window, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(window),
                                  QStringLiteral("Signed in as Sandbox Operator (operator@contoso.example)."),
                                  10000);
        QVERIFY(!bar->property("attention").toBool());
        QVERIFY(button(window, "signOutButton")->isVisible());
        // The tenant is on show, and the list of the account's tenants to switch to.
        QComboBox *tenants = window.signInWidget()->tenantPicker();
        QVERIFY(tenants->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(tenants->count(), 2, 10000);
        QCOMPARE(tenants->currentData().toString(), session->tenantId());
        QVERIFY(tenants->isEnabled());

        // Switching tenant from the bar: the wizard lists that tenant's subscriptions.
        const auto subscriptionListings = [this] {
            int count = 0;
            for (const armsandbox::Exchange &exchange : m_sandbox->exchanges()) {
                const QUrl url(exchange.liveRequest.value(QStringLiteral("url")).toString());
                count += url.path() == QLatin1String("/subscriptions") &&
                         exchange.liveResponse.value(QStringLiteral("statusCode")).toString() ==
                             QLatin1String("200");
            }
            return count;
        };
        QTRY_VERIFY_WITH_TIMEOUT(subscriptionListings() >= 1, 10000); // after the sign-in
        const int listingsBefore = subscriptionListings();
        const QString otherTenant = tenants->itemData(tenants->currentIndex() == 0 ? 1 : 0).toString();
        tenants->setCurrentIndex(tenants->findData(otherTenant));
        QTRY_COMPARE_WITH_TIMEOUT(session->tenantId(), otherTenant, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(subscriptionListings() > listingsBefore, 10000);
        QCOMPARE(tenants->currentData().toString(), otherTenant);

        // The subscriptions failed without a sign-in; the new sign-in reads them again.
        cmkui::CreateImageVersionWizard *wizard = window.wizard();
        QVERIFY(fillDemoTarget(wizard, QStringLiteral("7.1.0")));
        auto *version = find<QLineEdit>(wizard, QStringLiteral("versionEdit"));
        const cmk::ImageVersionDraftModel &draft = app->draft;
        QTRY_COMPARE_WITH_TIMEOUT(draft.draft().location, QStringLiteral("westeurope"), 8000);
        const cmk::ImageVersionDraft typed = draft.draft();
        QCOMPARE(typed.versionName, QStringLiteral("7.1.0"));

        // The sign-in is revoked and the token refresh fails.
        QVERIFY(m_identity->revokeRefreshTokens() >= 1);
        session->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(status(window).contains(QStringLiteral("has expired")), 10000);
        QCOMPARE(status(window),
                 QStringLiteral("Your sign-in as Sandbox Operator (operator@contoso.example) has "
                                "expired. Sign in again to continue; your work is kept."));
        QVERIFY(bar->property("attention").toBool());
        QCOMPARE(button(window, "signInButton")->text(), QStringLiteral("Sign in again…"));
        QVERIFY(button(window, "signInButton")->isVisible());
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("signInDetail"))
                    ->text()
                    .contains(QStringLiteral("invalid_grant")));
        QVERIFY(window.isVisible());
        QCOMPARE(wizard->currentId(), int(cmkui::BasicsPageId));
        QCOMPARE(version->text(), QStringLiteral("7.1.0"));
        QVERIFY(draft.draft() == typed);

        QTest::mouseClick(button(window, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status(window).startsWith(QStringLiteral("Signed in as")), 10000);
        QVERIFY(!bar->property("attention").toBool());
        // The lists are read again with the new token; the choices stay.
        auto *subscriptions = find<QComboBox>(wizard, QStringLiteral("subscriptionCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(
            subscriptions->currentText().startsWith(QStringLiteral("Contoso Production")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            find<QComboBox>(wizard, QStringLiteral("imageDefinitionCombo"))->currentText(),
            QStringLiteral("ubuntu-22-04-gen2"), 10000);
        QCOMPARE(version->text(), QStringLiteral("7.1.0"));
        QVERIFY(draft.draft() == typed);

        QTest::mouseClick(button(window, "signOutButton"), Qt::LeftButton);
        QCOMPARE(status(window), QStringLiteral("Not signed in."));
        QVERIFY(!tenants->isVisible());
        QVERIFY(session->accessToken().isEmpty());
    }

    // Without a keychain the sign-in lives in memory only: the window says so.
    void memoryOnlyNoticeIsShown() {
        cmk::TokenStore store; // CMKWIZARD_TOKEN_STORE=memory, as on a machine without a keychain
        QVERIFY(!store.isPersistent());
        auto session = makeSession(&store);
        bool restored = false;
        session->restore([&](bool) { restored = true; }); // as the app does before its window exists
        QTRY_VERIFY(restored);
        auto client = makeClient(session.get());
        cmk::ImageVersionDraftModel draft;
        cmkui::WizardWindow window(client.get(), &draft, session.get(), wizardOptions());
        window.show();
        auto *detail = window.findChild<QLabel *>(QStringLiteral("signInDetail"));
        QVERIFY(detail->isVisible());
        QVERIFY2(detail->text().contains(QStringLiteral("kept in memory only")), qPrintable(detail->text()));
    }

    // No sign-in to show (CMKWIZARD_ACCESS_TOKEN, or the sandbox without sign-in): no account bar.
    void noSessionNoAccountBar() {
        auto client = makeClient(nullptr);
        cmk::ImageVersionDraftModel draft;
        cmkui::WizardWindow window(client.get(), &draft, nullptr, wizardOptions());
        window.show();
        QVERIFY(!window.accountBar());
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("signInStatus")));
        QVERIFY(window.reviewButton()->isVisible());
    }

    // From the wizard's window: "Review an existing image version…" opens review mode next to it.
    void reviewButtonOpensReviewMode() {
        const auto app = openAccountWindow();
        cmkui::WizardWindow &window = *app->window;
        cmk::AuthSession *session = app->session.get();
        QTest::mouseClick(button(window, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session->isSignedIn(), 10000);

        QPushButton *review = window.reviewButton();
        QVERIFY(review->isVisible());
        QCOMPARE(review->text(), QStringLiteral("Re&view an existing image version…"));
        QSignalSpy opened(&window, &cmkui::WizardWindow::reviewOpened);
        QTest::mouseClick(review, Qt::LeftButton);
        QCOMPARE(opened.size(), 1);
        auto *reviewWindow = qobject_cast<cmkui::ReviewWindow *>(window.reviewWindow());
        QVERIFY(reviewWindow);
        QVERIFY(reviewWindow->isWindow());
        QVERIFY(reviewWindow->isVisible());
        QVERIFY(window.isVisible()); // the wizard stays open with its work
        // Browsing starts with the signed-in account's subscriptions.
        QTRY_VERIFY_WITH_TIMEOUT(
            items(reviewWindow->findChild<QComboBox *>(QStringLiteral("subscriptionCombo")))
                .join(QLatin1Char('|'))
                .contains(QStringLiteral("Contoso Production")),
            10000);
        reviewWindow->close();
        QTRY_VERIFY(!window.reviewWindow()); // deleted on close

        // Opened on a version, it reviews it at once.
        QSignalSpy finished(window.openReview(cmkapp::demoReviewVersionId()), SIGNAL(reviewFinished()));
        QVERIFY(finished.wait(15000));
        reviewWindow = qobject_cast<cmkui::ReviewWindow *>(window.reviewWindow());
        QVERIFY(reviewWindow->hasReview());
        QVERIFY2(reviewWindow->statusLabel()->text().startsWith(QStringLiteral("Reviewed:")),
                 qPrintable(reviewWindow->statusLabel()->text()));
        QVERIFY(reviewWindow->matrix()->rowCount() > 0);
        reviewWindow->close();
    }

    // `cmkwizard --review [ID]` as runGui opens it: over the context's client, pre-filled when an ID is
    // given.
    void reviewModeFromTheCommandLine() {
        cmkapp::GlobalOptions options;
        QString why;
        QVERIFY2(parseGlobal({QStringLiteral("--sandbox")}, &options, &why), qPrintable(why));
        cmkapp::AppContext context(options);
        QVERIFY2(context.initialize(&why), qPrintable(why));
        QVERIFY(!cmkapp::accountSession(context)); // the embedded sandbox needs no sign-in

        QPointer<QWidget> browsing = cmkapp::openReviewMode(context, QString());
        QVERIFY(qobject_cast<cmkui::ReviewWindow *>(browsing));
        QVERIFY(browsing->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            items(browsing->findChild<QComboBox *>(QStringLiteral("subscriptionCombo"))).size() >= 2, 10000);
        browsing->close();
        QTRY_VERIFY(!browsing); // deleted on close

        const QString id = cmkapp::demoReviewVersionId();
        QPointer<QWidget> reviewing = cmkapp::openReviewMode(context, QStringLiteral("  %1 ").arg(id));
        auto *review = qobject_cast<cmkui::ReviewWindow *>(reviewing);
        QTRY_VERIFY_WITH_TIMEOUT(review->hasReview(), 15000);
        QCOMPARE(review->review().versionId.toLower(), id.toLower());
        QVERIFY(review->statusLabel()->text().startsWith(QStringLiteral("Reviewed:")));
        QCOMPARE(review->findChild<QLineEdit *>(QStringLiteral("versionIdEdit"))->text(), id);
        reviewing->close();

        // Extra words are refused before any window opens.
        QString err;
        const QString tooMany =
            QStringLiteral("--review takes one resource ID: “extra” is one argument too many.");
        QCOMPARE(runCmkwizard({QStringLiteral("--review"), id, QStringLiteral("extra")}, &err),
                 int(cmkapp::ExitInvalidInput));
        QVERIFY2(err.contains(tooMany), qPrintable(err));
        QCOMPARE(runCmkwizard({QStringLiteral("--review"), QStringLiteral("--"), id, QStringLiteral("extra")},
                              &err),
                 int(cmkapp::ExitInvalidInput));
        QVERIFY2(err.contains(tooMany), qPrintable(err));
        // Options may come between: `--review ID --lang en extra` is refused the same way, not run as a
        // subcommand named "extra".
        QCOMPARE(runCmkwizard({QStringLiteral("--review"), id, QStringLiteral("--lang"), QStringLiteral("en"),
                               QStringLiteral("extra")},
                              &err),
                 int(cmkapp::ExitInvalidInput));
        QVERIFY2(err.contains(tooMany), qPrintable(err));
        QCOMPARE(runCmkwizard({id}, &err), int(cmkapp::ExitInvalidInput)); // an ID is not a command
    }

    // --cloud picks the authority and the Resource Manager together, remembered; explicit URLs win.
    void cloudOption() {
        QSettings().remove(QStringLiteral("auth/cloud"));
        cmkapp::GlobalOptions options;
        QString why;
        QVERIFY2(parseGlobal({}, &options, &why), qPrintable(why));
        QCOMPARE(options.cloud, QStringLiteral("public"));
        QCOMPARE(options.authority, QStringLiteral("https://login.microsoftonline.com"));
        QCOMPARE(options.armEndpoint, QUrl(QStringLiteral("https://management.azure.com")));

        options = {};
        QVERIFY2(parseGlobal({QStringLiteral("--cloud"), QStringLiteral("usgov")}, &options, &why),
                 qPrintable(why));
        QCOMPARE(options.authority, QStringLiteral("https://login.microsoftonline.us"));
        QCOMPARE(options.armEndpoint, QUrl(QStringLiteral("https://management.usgovcloudapi.net")));
        QCOMPARE(cmkapp::savedCloud(), QStringLiteral("usgov"));

        // Remembered for the next run.
        options = {};
        QVERIFY(parseGlobal({}, &options, &why));
        QCOMPARE(options.cloud, QStringLiteral("usgov"));
        QCOMPARE(options.armEndpoint, QUrl(QStringLiteral("https://management.usgovcloudapi.net")));

        // Through the context: tokens for the cloud's Resource Manager, from its authority.
        qputenv("CMKWIZARD_ACCESS_TOKEN", "not-a-real-token");
        {
            cmkapp::AppContext context(options);
            QVERIFY2(context.initialize(&why), qPrintable(why));
            QCOMPARE(context.armClient()->endpoint(),
                     QUrl(QStringLiteral("https://management.usgovcloudapi.net")));
            const cmk::AuthConfig config = context.authConfig();
            QCOMPARE(config.authorizeUrl().host(), QStringLiteral("login.microsoftonline.us"));
            QCOMPARE(config.resourceScope(),
                     QStringLiteral("https://management.usgovcloudapi.net/user_impersonation"));
            QVERIFY(!context.authSession());
        }
        qunsetenv("CMKWIZARD_ACCESS_TOKEN");

        options = {};
        QVERIFY(parseGlobal({QStringLiteral("--cloud=CHINA"), QStringLiteral("--arm-endpoint"),
                             QStringLiteral("https://arm.example.test")},
                            &options, &why));
        QCOMPARE(options.cloud, QStringLiteral("china"));
        QCOMPARE(options.authority, QStringLiteral("https://login.chinacloudapi.cn"));
        QCOMPARE(options.armEndpoint, QUrl(QStringLiteral("https://arm.example.test")));

        // A sovereign --authority without --cloud brings its own Resource Manager, whatever was saved.
        options = {};
        QVERIFY(
            parseGlobal({QStringLiteral("--authority"), QStringLiteral("https://login.microsoftonline.us")},
                        &options, &why));
        QCOMPARE(options.cloud, QStringLiteral("usgov"));
        QCOMPARE(options.armEndpoint, QUrl(QStringLiteral("https://management.usgovcloudapi.net")));
        QCOMPARE(cmkapp::savedCloud(), QStringLiteral("china"));

        options = {};
        QVERIFY(!parseGlobal({QStringLiteral("--cloud"), QStringLiteral("mars")}, &options, &why));
        QCOMPARE(why, QStringLiteral("--cloud must be public, usgov or china, not “mars”."));
        QCOMPARE(cmkapp::savedCloud(), QStringLiteral("china")); // a bad value changes nothing

        // The installed program: the exit code for invalid input, headless and GUI alike.
        QString err;
        QCOMPARE(runCmkwizard({QStringLiteral("list-des"), QStringLiteral("--cloud"), QStringLiteral("mars")},
                              &err),
                 int(cmkapp::ExitInvalidInput));
        QVERIFY2(err.contains(QStringLiteral("--cloud must be public, usgov or china")), qPrintable(err));
        QCOMPARE(runCmkwizard({QStringLiteral("--cloud"), QStringLiteral("mars")}, &err),
                 int(cmkapp::ExitInvalidInput));
        QVERIFY2(err.contains(QStringLiteral("--cloud must be public, usgov or china")), qPrintable(err));
        QCOMPARE(runCmkwizard({QStringLiteral("login"), QStringLiteral("--cloud"), QStringLiteral("usgov"),
                               QStringLiteral("--help")},
                              &err),
                 int(cmkapp::ExitOk));
    }

    // With CMK_GUI_SCREENSHOTS=DIR: the window signed in, then with a lost sign-in, and the review window, in
    // English and in French (DIR/window-*-LANG.png). Nothing to check by eye otherwise.
    void screenshots() {
        const QString dir = qEnvironmentVariable("CMK_GUI_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("CMK_GUI_SCREENSHOTS is not set");
        QDir().mkpath(dir);
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
            cmkapp::installTranslations(language);
            const auto app = openAccountWindow();
            cmkui::WizardWindow &window = *app->window;
            cmk::AuthSession *session = app->session.get();
            const auto save = [&](QWidget *widget, const QString &name) {
                // Laid out and painted once the window is exposed and the events so far are handled.
                QVERIFY(QTest::qWaitForWindowExposed(widget));
                QCoreApplication::processEvents();
                QVERIFY(
                    widget->grab().save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, language))));
            };
            save(&window, QStringLiteral("window-signed-out"));
            QTest::mouseClick(button(window, "signInButton"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(session->isSignedIn(), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(window.signInWidget()->tenantPicker()->count(), 2, 10000);
            QVERIFY(choose(find<QComboBox>(window.wizard(), QStringLiteral("subscriptionCombo")),
                           QStringLiteral("Contoso Production")));
            save(&window, QStringLiteral("window-signed-in"));
            QVERIFY(m_identity->revokeRefreshTokens() >= 1);
            session->refresh();
            QTRY_COMPARE_WITH_TIMEOUT(session->state(), cmk::AuthSession::State::SignInRequired, 10000);
            save(&window, QStringLiteral("window-sign-in-required"));
            QTest::mouseClick(button(window, "signInButton"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(session->isSignedIn(), 10000);
            QSignalSpy finished(window.openReview(cmkapp::demoReviewVersionId()), SIGNAL(reviewFinished()));
            QVERIFY(finished.wait(15000));
            save(window.reviewWindow(), QStringLiteral("window-review"));
            window.reviewWindow()->close();
        }
        cmkapp::installTranslations(QStringLiteral("en"));
    }

    void cleanupTestCase() { QSettings().clear(); }
};

QTEST_MAIN(TestGuiAccount)
#include "tst_gui_account.moc"
