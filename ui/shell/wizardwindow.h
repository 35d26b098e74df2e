#pragma once

// The application's window: the account bar (who is signed in, in which tenant; sign in, switch tenant,
// sign out) above the create-an-image-version wizard, and the way into review mode. When the sign-in is
// lost, the bar asks for a new one while the wizard keeps everything typed; once signed in again (or in
// another tenant) the wizard's lists are read again.

#include "imagewizard/createimageversionwizard.h"

#include <QPointer>
#include <QWidget>

class QFrame;
class QPushButton;

namespace cmk {
class ArmClient;
class AuthSession;
class ImageVersionDraftModel;
} // namespace cmk

namespace cmkui {

class SignInWidget;

class WizardWindow : public QWidget {
    Q_OBJECT
public:
    /// `session` may be null (a token handed over in CMKWIZARD_ACCESS_TOKEN, or the sandbox without
    /// sign-in): then there is no account bar. Neither `client`, `draft` nor `session` is owned.
    WizardWindow(cmk::ArmClient *client, cmk::ImageVersionDraftModel *draft, cmk::AuthSession *session,
                 const CreateWizardOptions &options = {}, QWidget *parent = nullptr);
    ~WizardWindow() override;

    CreateImageVersionWizard *wizard() const { return m_wizard; }
    /// The account bar's content; null without a session.
    SignInWidget *signInWidget() const { return m_signIn; }
    QFrame *accountBar() const { return m_accountBar; }
    QPushButton *reviewButton() const { return m_reviewButton; }
    /// The review window opened last (null when none is open).
    QWidget *reviewWindow() const { return m_reviewWindow; }

public Q_SLOTS:
    /// Opens review mode in a window of its own, reviewing `versionId` at once when given.
    QWidget *openReview(const QString &versionId = {});

Q_SIGNALS:
    void reviewOpened(QWidget *window);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void updateAccountBar();

    cmk::ArmClient *m_client;
    cmk::AuthSession *m_session;
    CreateImageVersionWizard *m_wizard = nullptr;
    QFrame *m_accountBar = nullptr;
    SignInWidget *m_signIn = nullptr;
    QPushButton *m_reviewButton = nullptr;
    QPointer<QWidget> m_reviewWindow;
};

} // namespace cmkui
