#include "shell/wizardwindow.h"

#include "auth/authsession.h"
#include "review/reviewwindow.h"
#include "shell/signinwidget.h"

#include <QCloseEvent>
#include <QEvent>
#include <QFrame>
#include <QPushButton>
#include <QVBoxLayout>

namespace cmkui {

WizardWindow::WizardWindow(cmk::ArmClient *client, cmk::ImageVersionDraftModel *draft, cmk::AuthSession *session,
                           const CreateWizardOptions &options, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session) {
    setObjectName(QStringLiteral("wizardWindow"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    if (m_session) {
        m_accountBar = new QFrame(this);
        m_accountBar->setObjectName(QStringLiteral("accountBar"));
        m_accountBar->setFrameShape(QFrame::StyledPanel);
        auto *barLayout = new QVBoxLayout(m_accountBar);
        barLayout->setContentsMargins(9, 6, 9, 6);
        m_signIn = new SignInWidget(m_session, client, m_accountBar);
        barLayout->addWidget(m_signIn);
        layout->addWidget(m_accountBar);
    }

    // The wizard is a dialog; here it is the body of the window.
    m_wizard = new CreateImageVersionWizard(client, draft, options, this);
    m_wizard->setWindowFlags(Qt::Widget);
    if (m_wizard->wizardStyle() == QWizard::AeroStyle) // draws into a title bar it no longer has
        m_wizard->setWizardStyle(QWizard::ModernStyle);
    layout->addWidget(m_wizard, 1);

    m_reviewButton = new QPushButton(m_wizard);
    m_reviewButton->setObjectName(QStringLiteral("openReviewButton"));
    m_wizard->setButton(QWizard::CustomButton2, m_reviewButton);
    m_wizard->setOption(QWizard::HaveCustomButton2, true);
    m_wizard->setButtonLayout({QWizard::CustomButton2, QWizard::Stretch, QWizard::BackButton,
                               QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton,
                               QWizard::CancelButton});
    connect(m_reviewButton, &QPushButton::clicked, this, [this] { openReview(); });

    // Finish or Cancel ends the wizard: the window goes with it.
    connect(m_wizard, &QDialog::finished, this, &QWidget::close);
    connect(m_wizard, &QWidget::windowTitleChanged, this, &QWidget::setWindowTitle);
    setWindowTitle(m_wizard->windowTitle());

    if (m_session) {
        connect(m_session, &cmk::AuthSession::stateChanged, this, &WizardWindow::updateAccountBar);
        // Lists that failed without a valid sign-in, or belong to the previous tenant, are read again; the
        // draft (everything typed) is left alone.
        connect(m_session, &cmk::AuthSession::signedIn, m_wizard, &CreateImageVersionWizard::reloadLists);
        connect(m_signIn, &SignInWidget::tenantChanged, m_wizard, &CreateImageVersionWizard::reloadLists);
    }
    retranslateUi();
    updateAccountBar();
    resize(m_wizard->size().width(),
           m_wizard->size().height() + (m_accountBar ? m_accountBar->sizeHint().height() : 0));
}

WizardWindow::~WizardWindow() = default;

void WizardWindow::updateAccountBar() {
    if (!m_accountBar)
        return;
    // A lost sign-in must catch the eye: it is the one thing to do before going on.
    const bool attention = m_session->state() == cmk::AuthSession::State::SignInRequired ||
                           m_session->state() == cmk::AuthSession::State::SignedOut;
    m_accountBar->setProperty("attention", attention);
    m_accountBar->setStyleSheet(
        attention
            ? QStringLiteral("QFrame#accountBar { background-color: #fff4ce; border: 1px solid #c19c00; }")
            : QString());
}

QWidget *WizardWindow::openReview(const QString &versionId) {
    QWidget *window = openReviewWindow(m_client, this, versionId);
    m_reviewWindow = window;
    Q_EMIT reviewOpened(window);
    return window;
}

void WizardWindow::retranslateUi() {
    // Through the wizard: it puts its buttons' texts back when the page or the style changes.
    m_wizard->setButtonText(QWizard::CustomButton2, tr("Re&view an existing image version…"));
    m_reviewButton->setToolTip(
        tr("See how an existing image version is encrypted in every region, and what is wrong with it."));
    if (m_accountBar)
        m_accountBar->setAccessibleName(tr("Account"));
}

void WizardWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WizardWindow::closeEvent(QCloseEvent *event) {
    // Closing the window is the wizard's Cancel: it asks first, and stays until the answer closes it.
    if (m_wizard->isVisible()) {
        m_wizard->reject();
        if (m_wizard->isVisible()) {
            event->ignore();
            return;
        }
    }
    QWidget::closeEvent(event);
}

} // namespace cmkui
