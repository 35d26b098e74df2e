// The account widget driven like a user would: sign in, pick a tenant, lose the sign-in, sign in again, sign
// out; against the sandbox's identity endpoints over real HTTP, the test playing the browser.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "auth/authconfig.h"
#include "auth/authsession.h"
#include "auth/tokenstore.h"
#include "identity/identity.h"
#include "shell/signinwidget.h"
#include "support/authharness.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace cmk;

class TestAuthUi : public QObject {
    Q_OBJECT

    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    armsandbox::IdentityService *m_identity = nullptr;
    QNetworkAccessManager m_browser;

    bool playBrowser(const QUrl &url) { return authtest::openSignedIn(m_browser, url); }

    static QPushButton *button(QWidget &w, const char *name) {
        return w.findChild<QPushButton *>(QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("CMKWIZARD_TOKEN_STORE", "memory");
        QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_auth_ui"));
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        QString why;
        m_identity = authtest::startSignInSandbox(*m_sandbox, &why);
        QVERIFY2(m_identity, qPrintable(why));
    }

    void cleanupTestCase() {
        QSettings settings;
        settings.clear();
    }

    void signInPickTenantExpireSignOut() {
        TokenStore store;
        AuthSession session(
            AuthConfig::forAuthority(m_sandbox->baseUrl().toString(), {}, QStringLiteral("ui-test")), &store);
        session.setBrowserOpener([this](const QUrl &url) { return playBrowser(url); });
        ArmClient client;
        client.setEndpoint(m_sandbox->baseUrl());
        client.setTokenProvider(&session);
        cmkui::SignInWidget widget(&session, &client);
        widget.show();
        QSignalSpy tenantChanged(&widget, &cmkui::SignInWidget::tenantChanged);

        QCOMPARE(widget.statusText(), QStringLiteral("Not signed in."));
        QVERIFY(button(widget, "signInButton")->isVisible());
        QVERIFY(!button(widget, "signOutButton")->isVisible());
        QVERIFY(!widget.findChild<QLineEdit *>(QStringLiteral("clientIdEdit"))->isVisible());

        QTest::mouseClick(button(widget, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(widget.statusText(),
                                  QStringLiteral("Signed in as Sandbox Operator (operator@contoso.example)."),
                                  10000);
        QVERIFY(!button(widget, "signInButton")->isVisible());
        QVERIFY(button(widget, "signOutButton")->isVisible());

        // Tenants come from GET /tenants; the current one is selected.
        QComboBox *tenants = widget.tenantPicker();
        QTRY_COMPARE_WITH_TIMEOUT(tenants->count(), 2, 10000);
        QCOMPARE(tenants->currentData().toString(), session.tenantId());
        QVERIFY(tenants->isEnabled());
        const int other = tenants->currentIndex() == 0 ? 1 : 0;
        const QString otherTenant = tenants->itemData(other).toString();
        tenants->setCurrentIndex(other);
        QTRY_COMPARE_WITH_TIMEOUT(tenantChanged.size(), 1, 10000);
        QCOMPARE(session.tenantId(), otherTenant);
        QCOMPARE(tenantChanged.first().first().toString(), otherTenant);
        QTRY_VERIFY(tenants->isEnabled());

        // The sign-in is revoked: the widget says so and offers to sign in again; the tenant list stays.
        m_identity->revokeRefreshTokens();
        session.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(widget.statusText().contains(QStringLiteral("has expired")), 10000);
        QVERIFY(button(widget, "signInButton")->isVisible());
        QCOMPARE(button(widget, "signInButton")->text(), QStringLiteral("Sign in again…"));
        QCOMPARE(tenants->count(), 2);
        QVERIFY(widget.findChild<QLabel *>(QStringLiteral("signInDetail"))
                    ->text()
                    .contains(QStringLiteral("invalid_grant")));

        QTest::mouseClick(button(widget, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(widget.statusText().startsWith(QStringLiteral("Signed in as")), 10000);
        QCOMPARE(session.tenantId(), otherTenant); // signed in again to the tenant that was picked

        QTest::mouseClick(button(widget, "signOutButton"), Qt::LeftButton);
        QCOMPARE(widget.statusText(), QStringLiteral("Not signed in."));
        QCOMPARE(tenants->count(), 0);
        QVERIFY(session.accessToken().isEmpty());
    }

    void askForTheClientIdWhenMissing() {
        TokenStore store;
        AuthSession session(AuthConfig::forAuthority(m_sandbox->baseUrl().toString(), {}, {}), &store);
        session.setBrowserOpener([this](const QUrl &url) { return playBrowser(url); });
        cmkui::SignInWidget widget(&session, nullptr);
        widget.show();
        auto *edit = widget.findChild<QLineEdit *>(QStringLiteral("clientIdEdit"));
        QVERIFY(edit->isVisible());
        QVERIFY(!button(widget, "signInButton")->isEnabled());
        edit->setText(QStringLiteral("  22222222-3333-4444-5555-666666666666 "));
        QTest::mouseClick(button(widget, "saveClientIdButton"), Qt::LeftButton);
        QCOMPARE(session.config().clientId, QStringLiteral("22222222-3333-4444-5555-666666666666"));
        QCOMPARE(AuthConfig::savedClientId(), QStringLiteral("22222222-3333-4444-5555-666666666666"));
        QVERIFY(!edit->isVisible());
        QVERIFY(button(widget, "signInButton")->isEnabled());
        QTest::mouseClick(button(widget, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 10000);
    }
};

QTEST_MAIN(TestAuthUi)
#include "tst_auth_ui.moc"
