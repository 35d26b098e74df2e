#pragma once

#include "keyvault/dessetup.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QTableWidget;
class QTimer;
class QVBoxLayout;

namespace cmk {
class ArmClient;
class KeyVaultNameCheck;
} // namespace cmk

namespace cmkui {

/// Where the new set goes and of which type (the form prefills its names from these).
struct DesSetupRequest {
    QString subscriptionId;
    QString region;            ///< ARM name ("northeurope")
    QString regionDisplayName; ///< "North Europe" (empty: the ARM name)
    QString resourceGroup;     ///< suggested group of the new vault and set
    QString encryptionType = QStringLiteral("EncryptionAtRestWithCustomerKey");
};

/// "Create a disk encryption set in REGION": a short form (key vault name with a live availability check,
/// key name and size, set name, resource group, permission model, auto-rotation), then cmk::DesSetupRunner's
/// steps with their progress. A failure keeps the dialog open with the reason and "Try again", which resumes
/// where the set-up stopped (the runner reads before it writes). At the end: the equivalent az commands and
/// the new set's health. Object names: vaultNameEdit, vaultNameStatusLabel, keyNameEdit, keySizeCombo,
/// desNameEdit, resourceGroupEdit, rbacRadio, accessPolicyRadio, autoRotationCheck, createBlockedLabel,
/// setupStepsTable, setupErrorLabel, setupHealthLabel, setupCommandsEdit, copySetupCommandsButton,
/// createDesButton, tryAgainButton, closeSetupButton, cancelSetupButton, cancelSetupConfirmation.
class DesSetupDialog : public QDialog {
    Q_OBJECT
public:
    DesSetupDialog(cmk::ArmClient *client, const DesSetupRequest &request, QWidget *parent = nullptr);
    ~DesSetupDialog() override;

    /// The options the form holds (names as typed; defaults only where a field is empty).
    cmk::DesSetupOptions options() const;
    bool isRunning() const { return m_running; }
    bool succeeded() const;
    /// Backoff while the new identity is not yet visible (default: follows the client's retry policy).
    void setGrantRetry(const cmk::GrantRetry &retry);
    cmk::DesSetupRunner *runner() const { return m_runner; }

public Q_SLOTS:
    /// Cancel, Escape or the window's close button: asks first while the set-up runs.
    void reject() override;

Q_SIGNALS:
    /// The set exists and its health check found no error (the dialog stays open on its result).
    void setCreated(const QString &desId);

protected:
    void changeEvent(QEvent *event) override;

private:
    QFormLayout *buildForm();
    void buildProgress(QVBoxLayout *layout);
    void buildButtons(QVBoxLayout *layout);
    void connectForm();
    void retranslateUi();
    QString shownRegion() const;
    /// Names derived from the region, type and group, for the fields the user did not edit.
    void fillDefaultNames();
    void scheduleNameCheck();
    /// Why Create (or Try again) is disabled, empty when it is not.
    QString blockedReason() const;
    void updateButtons();
    /// As tall as the form, steps and commands, within the screen (the rest scrolls).
    void fitToContent();
    void startSetup();
    void showStep(cmk::DesSetupStep step, cmk::DesSetupStepState state);
    void showFinished();
    void showHealth();
    void askToCancel();

    cmk::ArmClient *m_client;
    DesSetupRequest m_request;
    cmk::DesSetupRunner *m_runner;
    cmk::KeyVaultNameCheck *m_nameCheck;
    QTimer *m_nameCheckTimer = nullptr; ///< one check for a burst of keystrokes
    bool m_running = false;
    bool m_ranOnce = false;
    bool m_vaultNameEdited = false, m_desNameEdited = false;

    QLabel *m_intro = nullptr;
    // The form: a label per field (names and size, group, permission model).
    QLabel *m_vaultNameLabel = nullptr, *m_vaultNameStatus = nullptr, *m_keyNameLabel = nullptr,
           *m_keySizeLabel = nullptr, *m_desNameLabel = nullptr, *m_groupLabel = nullptr,
           *m_permissionLabel = nullptr;
    QLineEdit *m_vaultNameEdit = nullptr, *m_keyNameEdit = nullptr, *m_desNameEdit = nullptr,
              *m_groupEdit = nullptr;
    QComboBox *m_keySizeCombo = nullptr;
    QRadioButton *m_rbacRadio = nullptr, *m_accessPolicyRadio = nullptr;
    QCheckBox *m_autoRotationCheck = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_form = nullptr;
    // The run: why it cannot start, its steps, notes, error and the new set's health.
    QLabel *m_blockedLabel = nullptr, *m_noteLabel = nullptr, *m_errorLabel = nullptr,
           *m_healthLabel = nullptr;
    QTableWidget *m_steps = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_commandsLabel = nullptr;
    QPlainTextEdit *m_commandsEdit = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_createButton = nullptr, *m_tryAgainButton = nullptr;
    QPushButton *m_closeButton = nullptr, *m_cancelButton = nullptr;
};

} // namespace cmkui
