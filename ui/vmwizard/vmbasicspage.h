#pragma once

// The VM wizard's Basics page: resource group, name, region (one the image version is replicated to), size
// and the administrator account of a generalized image.

#include "vmwizard/vmpage.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace cmkui {

class VmBasicsPage : public VmPage {
    Q_OBJECT
public:
    explicit VmBasicsPage(const VmWizardContext &context, QWidget *parent = nullptr);
    void initializePage() override;
    /// Refills every field from the draft (after the image was read).
    void loadFromDraft();

protected:
    QStringList computeErrors() const override;
    /// The name's, the administrator's and the key's or password's problems, each under its field.
    QStringList computeFieldErrors() const override;
    void showFieldErrors(const QStringList &errors) override;
    void retranslateUi() override;

private:
    void buildUi();
    /// The draft follows the fields.
    void connectFields();
    void updateBusy();
    void updateAdminVisibility();

    ResourceListModel *m_groups;
    /// The field errors' labels with the error each field has now (empty: none).
    QList<std::pair<QLabel *, QString>> fieldProblems() const;

    QLabel *m_intro = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_userError = nullptr;
    QLabel *m_keyError = nullptr;
    QLabel *m_passwordError = nullptr;
    QLabel *m_confirmError = nullptr;
    QLabel *m_imageLabel = nullptr;
    QLabel *m_groupLabel = nullptr;
    QComboBox *m_groupCombo = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_regionLabel = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QComboBox *m_sizeCombo = nullptr;
    QGroupBox *m_adminBox = nullptr;
    QLabel *m_specializedNote = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QRadioButton *m_sshRadio = nullptr;
    QRadioButton *m_passwordRadio = nullptr;
    QLabel *m_keyLabel = nullptr;
    QPlainTextEdit *m_keyEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QString m_groupsSubscription;
};

} // namespace cmkui
