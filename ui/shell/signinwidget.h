#pragma once

// The account corner of the wizard: who is signed in, in which tenant, and the buttons to sign in (browser or
// device code), switch tenant and sign out. When the sign-in expires it says so and offers to sign in again,
// leaving the rest of the wizard untouched.

#include <QDialog>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cmk {
class ArmClient;
class AuthSession;
class ResourceListingBase;
} // namespace cmk

namespace cmkui {

class SignInWidget : public QWidget {
    Q_OBJECT
public:
    /// Neither is owned. `client` lists the tenants (GET /tenants); it may be null (no tenant picker).
    explicit SignInWidget(cmk::AuthSession *session, cmk::ArmClient *client, QWidget *parent = nullptr);

    QComboBox *tenantPicker() const { return m_tenants; }
    QString statusText() const;

Q_SIGNALS:
    /// The token is now for another tenant: lists (subscriptions...) should be reloaded.
    void tenantChanged(const QString &tenantId);

protected:
    void changeEvent(QEvent *event) override;

private:
    static QPushButton *makeButton(QWidget *parent, const char *objectName);
    void buildWidgets();
    void buildClientIdRow();
    void buildLayout();
    void connectButtons();
    void connectSession();
    void retranslateUi();
    void updateView();
    void loadTenants();
    void onTenantPicked(int index);

    cmk::AuthSession *m_session;
    QPointer<cmk::ArmClient> m_client;
    QPointer<cmk::ResourceListingBase> m_tenantListing;
    QLabel *m_status;
    QLabel *m_detail;
    QLabel *m_tenantLabel;
    QComboBox *m_tenants;
    QWidget *m_clientIdRow;
    QWidget *m_signInRow;
    QLineEdit *m_clientId;
    QLabel *m_clientIdLabel;
    QPushButton *m_saveClientId;
    QPushButton *m_signIn;
    QPushButton *m_deviceCode;
    QPushButton *m_cancel;
    QPushButton *m_signOut;
    QString m_deviceMessage;
    QString m_problem;
    QString m_notice;
    bool m_fillingTenants = false;
};

/// SignInWidget in a dialog with a Close button.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    SignInDialog(cmk::AuthSession *session, cmk::ArmClient *client, QWidget *parent = nullptr);
    SignInWidget *signInWidget() const { return m_widget; }

private:
    SignInWidget *m_widget;
};

} // namespace cmkui
