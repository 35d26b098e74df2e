#pragma once

// The VM wizard's Disks page: the encryption type, a Disk Encryption Set for each disk of the image, and each
// disk's size and storage type.

#include "vmwizard/vmpage.h"

#include <QList>
#include <QMap>
#include <QPair>
class QCheckBox;
class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace cmkui {

class VmConfidentialWidget;

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
    VmConfidentialWidget *m_confidential = nullptr;
};

} // namespace cmkui
