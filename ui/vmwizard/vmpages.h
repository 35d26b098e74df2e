#pragma once

// The pages of CreateVmWizard. Each one edits the shared cmk::VmDraftModel and, like the image wizard's
// pages (DraftPage), keeps Next disabled with a visible label that says why.

#include "common/draftpage.h"
#include "vm/vmdraft.h"
#include "vm/vmsubmitter.h"
#include "vmwizard/vmwizard.h"

#include <QList>
#include <QMap>
#include <QPair>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTextBrowser;
class QToolButton;

namespace cmkui {

class DiskEncryptionSetFilterModel;
class OperationProgressPanel;

/// Base of the VM pages: the shared context plus DraftPage's error label and busy row.
class VmPage : public DraftPage {
    Q_OBJECT
public:
    VmPage(const VmWizardContext &context, QWidget *parent);

protected:
    cmk::VmDraftModel *vmDraft() const { return m_context.draft; }
    const cmk::VmDraft &draft() const;
    VmWizardContext m_context;
    bool m_syncing = false; ///< true while widgets are filled from the draft
};

class VmBasicsPage : public VmPage {
    Q_OBJECT
public:
    explicit VmBasicsPage(const VmWizardContext &context, QWidget *parent = nullptr);
    void initializePage() override;
    /// Refills every field from the draft (after the image was read).
    void loadFromDraft();

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;

private:
    void buildUi();
    void updateBusy();
    void updateAdminVisibility();

    ResourceListModel *m_groups;
    QLabel *m_intro = nullptr;
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

class VmNetworkingPage : public VmPage {
    Q_OBJECT
public:
    explicit VmNetworkingPage(const VmWizardContext &context, QWidget *parent = nullptr);
    void initializePage() override;
    ResourceListModel *virtualNetworks() const { return m_vnets; }

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;
    void cancelLoading() override;

private:
    void reloadNetworks();
    void fillSubnets();
    void syncFromDraft();

    ResourceListModel *m_vnets;
    QString m_vnetsRegion;
    QLabel *m_intro = nullptr;
    QRadioButton *m_existingRadio = nullptr;
    QRadioButton *m_newRadio = nullptr;
    QWidget *m_existingPanel = nullptr;
    QLabel *m_vnetLabel = nullptr;
    QComboBox *m_vnetCombo = nullptr;
    QLabel *m_subnetLabel = nullptr;
    QComboBox *m_subnetCombo = nullptr;
    QLabel *m_noNetworkLabel = nullptr;
    QWidget *m_newPanel = nullptr;
    QLabel *m_newVnetLabel = nullptr;
    QLineEdit *m_newVnetEdit = nullptr;
    QLabel *m_vnetPrefixLabel = nullptr;
    QLineEdit *m_vnetPrefixEdit = nullptr;
    QLabel *m_newSubnetLabel = nullptr;
    QLineEdit *m_newSubnetEdit = nullptr;
    QLabel *m_subnetPrefixLabel = nullptr;
    QLineEdit *m_subnetPrefixEdit = nullptr;
    QLabel *m_nicLabel = nullptr;
    QLineEdit *m_nicEdit = nullptr;
};

class VmDisksPage : public VmPage {
    Q_OBJECT
public:
    explicit VmDisksPage(const VmWizardContext &context, QWidget *parent = nullptr);
    void initializePage() override;
    /// The dropdown of a disk (lun < 0: OS disk), nullptr when absent.
    QComboBox *desCombo(int lun) const;
    /// The storage account type dropdown of a disk (lun < 0: OS disk), nullptr when absent.
    QComboBox *storageCombo(int lun) const;
    QSpinBox *osDiskSizeSpin() const { return m_osSizeSpin; }

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;

private:
    void rebuildRows();
    void syncFromDraft();
    void onDesChosen(int lun, QComboBox *combo);
    void updateHints();

    QLabel *m_intro = nullptr;
    QLabel *m_encryptionLabel = nullptr;
    QComboBox *m_encryptionCombo = nullptr;
    QLabel *m_imageDesLabel = nullptr;
    QWidget *m_rowsPanel = nullptr;
    QGridLayout *m_rows = nullptr;
    QList<QLabel *> m_rowLabels;
    QList<QComboBox *> m_rowCombos;
    QList<int> m_rowLuns;
    QCheckBox *m_sameCheck = nullptr;
    QPushButton *m_imageDefaultsButton = nullptr;
    QLabel *m_noDesLabel = nullptr;
    QGroupBox *m_optionsBox = nullptr;
    QGridLayout *m_optionRows = nullptr;
    QMap<int, QPair<QLabel *, QComboBox *>> m_storageRows; ///< by LUN (-1: OS disk)
    QLabel *m_osSizeLabel = nullptr;
    QSpinBox *m_osSizeSpin = nullptr;
};

class VmReviewPage : public VmPage {
    Q_OBJECT
public:
    explicit VmReviewPage(const VmWizardContext &context, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    /// Create: starts the submission and stays; once created, Close.
    bool validatePage() override;
    cmk::VmSubmitter *submitter() const { return m_submitter; }
    void stop();

Q_SIGNALS:
    void virtualMachineCreated(const QString &resourceId);

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;

private:
    void refresh();
    QString summaryHtml() const;
    void updateProgress();
    void updateButtons();

    cmk::VmSubmitter *m_submitter;
    QTextBrowser *m_summary = nullptr;
    QToolButton *m_showRequestsButton = nullptr;
    QPlainTextEdit *m_requestsEdit = nullptr;
    QPushButton *m_copyRequestsButton = nullptr;
    QPushButton *m_copyCliButton = nullptr;
    QPushButton *m_copyPowerShellButton = nullptr;
    OperationProgressPanel *m_progressBox = nullptr;
};

} // namespace cmkui
