#include "shell/signinwidget.h"

#include "arm/armclient.h"
#include "arm/resources.h"
#include "auth/authconfig.h"
#include "auth/authsession.h"
#include "auth/tokenstore.h"
#include "inventory/resourceinventory.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cmkui {

using cmk::AuthSession;

SignInWidget::SignInWidget(AuthSession *session, cmk::ArmClient *client, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_client(client) {
    buildWidgets();
    buildClientIdRow();
    buildLayout();
    connectButtons();
    connectSession();
    retranslateUi();
    // The keychain may have been found missing before this widget existed (restoring at start-up).
    if (m_session->tokenStore())
        m_notice = m_session->tokenStore()->persistenceNotice();
    updateView();
    if (m_session->isSignedIn())
        loadTenants();
}

QPushButton *SignInWidget::makeButton(QWidget *parent, const char *objectName) {
    auto *button = new QPushButton(parent);
    button->setObjectName(QString::fromLatin1(objectName));
    return button;
}

void SignInWidget::buildWidgets() {
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("signInDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_detail->setOpenExternalLinks(true);
    m_tenants = new QComboBox(this);
    m_tenants->setObjectName(QStringLiteral("tenantPicker"));
    m_signIn = makeButton(this, "signInButton");
    m_deviceCode = makeButton(this, "deviceCodeButton");
    m_cancel = makeButton(this, "cancelSignInButton");
    m_signOut = makeButton(this, "signOutButton");
}

void SignInWidget::buildClientIdRow() {
    // Without an application (client) ID nothing can sign in: ask for it here and keep it in the settings.
    m_clientIdRow = new QWidget(this);
    m_clientId = new QLineEdit(m_clientIdRow);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setPlaceholderText(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    m_saveClientId = makeButton(m_clientIdRow, "saveClientIdButton");
    m_clientIdLabel = new QLabel(m_clientIdRow);
    m_clientIdLabel->setBuddy(m_clientId);
    auto *clientIdLayout = new QHBoxLayout(m_clientIdRow);
    clientIdLayout->setContentsMargins(0, 0, 0, 0);
    clientIdLayout->addWidget(m_clientIdLabel);
    clientIdLayout->addWidget(m_clientId, 1);
    clientIdLayout->addWidget(m_saveClientId);
    connect(m_saveClientId, &QPushButton::clicked, this, [this] {
        const QString id = m_clientId->text().trimmed();
        if (id.isEmpty())
            return;
        cmk::AuthConfig config = m_session->config();
        config.clientId = id;
        cmk::AuthConfig::saveClientId(id);
        m_session->setConfig(config);
        m_problem.clear();
        updateView();
    });
}

void SignInWidget::buildLayout() {
    // One row (who, tenant, sign out) fits above the wizard's pages; the sign-in buttons, details and the
    // client id only when there is something to do, say or ask.
    m_tenantLabel = new QLabel(this);
    m_tenantLabel->setBuddy(m_tenants);
    m_tenants->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tenants->setMinimumContentsLength(14);
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_tenantLabel);
    row->addWidget(m_tenants);
    row->addWidget(m_signOut);
    // The sign-in buttons get a row of their own, only while signed out: the status keeps its width.
    m_signInRow = new QWidget(this);
    auto *signInButtons = new QHBoxLayout(m_signInRow);
    signInButtons->setContentsMargins(0, 0, 0, 0);
    signInButtons->addWidget(m_signIn);
    signInButtons->addWidget(m_deviceCode);
    signInButtons->addWidget(m_cancel);
    signInButtons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_signInRow);
    layout->addWidget(m_detail);
    layout->addWidget(m_clientIdRow);
}

void SignInWidget::connectButtons() {
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        m_problem.clear();
        m_deviceMessage.clear();
        m_session->signIn();
    });
    connect(m_deviceCode, &QPushButton::clicked, this, [this] {
        m_problem.clear();
        m_deviceMessage.clear();
        m_session->signInWithDeviceCode();
    });
    connect(m_cancel, &QPushButton::clicked, m_session, &AuthSession::cancelSignIn);
    connect(m_signOut, &QPushButton::clicked, m_session, &AuthSession::signOut);
    connect(m_tenants, &QComboBox::currentIndexChanged, this, &SignInWidget::onTenantPicked);
}

void SignInWidget::connectSession() {
    connect(m_session, &AuthSession::stateChanged, this, &SignInWidget::updateView);
    connect(m_session, &AuthSession::signedIn, this, [this] {
        m_deviceMessage.clear();
        m_problem.clear();
        updateView();
        loadTenants();
    });
    connect(m_session, &AuthSession::signedOut, this, [this] {
        m_fillingTenants = true;
        m_tenants->clear();
        m_fillingTenants = false;
        updateView();
    });
    connect(m_session, &AuthSession::signInFailed, this, [this](const QString &message) {
        m_problem = message;
        m_deviceMessage.clear();
        updateView();
    });
    connect(m_session, &AuthSession::signInRequired, this, [this](const QString &reason) {
        m_problem = reason;
        updateView();
    });
    connect(m_session, &AuthSession::deviceCodeReceived, this,
            [this](const QString &, const QUrl &, const QString &message) {
                m_deviceMessage = message;
                updateView();
            });
    connect(m_session, &AuthSession::browserOpenFailed, this, [this](const QUrl &url) {
        m_deviceMessage =
            tr("The browser could not be opened. Open this address to sign in: <a href=\"%1\">%1</a>")
                .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped());
        updateView();
    });
    connect(m_session, &AuthSession::notice, this, [this](const QString &message) {
        m_notice = message;
        updateView();
    });
    connect(m_session, &AuthSession::tenantChanged, this, [this](const QString &tenantId) {
        updateView();
        Q_EMIT tenantChanged(tenantId);
    });
}

void SignInWidget::retranslateUi() {
    m_tenants->setToolTip(tr("The Microsoft Entra tenant whose subscriptions are listed."));
    m_tenantLabel->setText(tr("&Tenant:"));
    m_deviceCode->setText(tr("Sign in with a code…"));
    m_deviceCode->setToolTip(tr("For sessions without a browser: enter a code on another device."));
    m_cancel->setText(tr("Cancel"));
    m_signOut->setText(tr("Sign out"));
    m_saveClientId->setText(tr("Save"));
    m_clientIdLabel->setText(tr("Application (&client) ID:"));
    updateView(); // the status and the sign-in button's text depend on the state
}

void SignInWidget::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString SignInWidget::statusText() const {
    return m_status->text();
}

void SignInWidget::updateView() {
    const AuthSession::State state = m_session->state();
    const QString who = m_session->displayName().isEmpty()
                            ? m_session->username()
                            : tr("%1 (%2)").arg(m_session->displayName(), m_session->username());
    switch (state) {
    case AuthSession::State::SignedOut:
        m_status->setText(tr("Not signed in."));
        break;
    case AuthSession::State::Restoring:
        m_status->setText(tr("Reading the saved sign-in…"));
        break;
    case AuthSession::State::SigningIn:
        m_status->setText(m_deviceMessage.isEmpty()
                              ? tr("Complete the sign-in in your browser…")
                              : tr("Waiting for the sign-in on the verification page…"));
        break;
    case AuthSession::State::SignedIn:
        m_status->setText(tr("Signed in as %1.").arg(who));
        break;
    case AuthSession::State::SignInRequired:
        m_status->setText(
            tr("Your sign-in as %1 has expired. Sign in again to continue; your work is kept.").arg(who));
        break;
    }
    QStringList details;
    if (!m_deviceMessage.isEmpty() && state == AuthSession::State::SigningIn)
        details << m_deviceMessage;
    if (!m_problem.isEmpty() && state != AuthSession::State::SignedIn)
        details << m_problem.toHtmlEscaped();
    if (!m_notice.isEmpty())
        details << m_notice.toHtmlEscaped();
    m_detail->setText(details.join(QStringLiteral("<br>")));
    m_detail->setVisible(!details.isEmpty());

    const bool needsClientId = m_session->config().clientId.trimmed().isEmpty();
    m_clientIdRow->setVisible(needsClientId);
    const bool busy =
        state == AuthSession::State::SigningIn || state == AuthSession::State::Restoring || needsClientId;
    m_signIn->setVisible(state != AuthSession::State::SignedIn);
    m_signIn->setEnabled(!busy);
    m_signIn->setText(state == AuthSession::State::SignInRequired ? tr("Sign in again…") : tr("Sign in…"));
    m_deviceCode->setVisible(state != AuthSession::State::SignedIn);
    m_deviceCode->setEnabled(!busy);
    m_cancel->setVisible(state == AuthSession::State::SigningIn);
    m_signInRow->setVisible(state != AuthSession::State::SignedIn);
    m_signOut->setVisible(state == AuthSession::State::SignedIn ||
                          state == AuthSession::State::SignInRequired);
    m_tenants->setEnabled(state == AuthSession::State::SignedIn && m_tenants->count() > 1);
    // The tenant is shown as soon as the token names it, before (or without) the list of tenants.
    m_tenants->setPlaceholderText(m_session->tenantId());
    const bool knowsTenant =
        !m_session->tenantId().isEmpty() &&
        (state == AuthSession::State::SignedIn || state == AuthSession::State::SignInRequired);
    m_tenantLabel->setVisible(knowsTenant);
    m_tenants->setVisible(knowsTenant);
    if (!m_fillingTenants && m_tenants->count() > 0) {
        const int index = m_tenants->findData(m_session->tenantId());
        if (index >= 0 && index != m_tenants->currentIndex()) {
            m_fillingTenants = true;
            m_tenants->setCurrentIndex(index);
            m_fillingTenants = false;
        }
    }
}

void SignInWidget::loadTenants() {
    if (!m_client)
        return;
    if (m_tenantListing) {
        m_tenantListing->abort();
        m_tenantListing->deleteLater();
    }
    m_fillingTenants = true;
    m_tenants->clear();
    m_fillingTenants = false;
    cmk::ResourceListing<cmk::Tenant> *listing = cmk::ResourceInventory(m_client).tenants();
    listing->setParent(this);
    m_tenantListing = listing;
    connect(listing, &cmk::ResourceListingBase::itemsReady, this, [this, listing] {
        m_fillingTenants = true;
        for (const cmk::Tenant &tenant : listing->takeItems()) {
            const QString label = tenant.displayName.isEmpty()
                                      ? tenant.tenantId
                                      : tr("%1 (%2)").arg(tenant.displayName, tenant.defaultDomain.isEmpty()
                                                                                  ? tenant.tenantId
                                                                                  : tenant.defaultDomain);
            m_tenants->addItem(label, tenant.tenantId);
        }
        m_fillingTenants = false;
        updateView();
    });
    connect(listing, &cmk::ResourceListingBase::finished, this, [this, listing] {
        if (listing->error().isError() && m_session->isSignedIn())
            m_notice = tr("The tenants could not be listed: %1").arg(listing->error().toDisplayString());
        listing->deleteLater();
        updateView();
    });
}

void SignInWidget::onTenantPicked(int index) {
    if (m_fillingTenants || index < 0)
        return;
    const QString tenantId = m_tenants->itemData(index).toString();
    if (tenantId.isEmpty() || tenantId == m_session->tenantId())
        return;
    m_tenants->setEnabled(false);
    QPointer<SignInWidget> self(this);
    m_session->switchTenant(tenantId, [self](bool) {
        if (self)
            self->updateView();
    });
}

SignInDialog::SignInDialog(AuthSession *session, cmk::ArmClient *client, QWidget *parent)
    : QDialog(parent)
    , m_widget(new SignInWidget(session, client, this)) {
    setWindowTitle(tr("Account"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    layout->addWidget(buttons);
}

} // namespace cmkui
