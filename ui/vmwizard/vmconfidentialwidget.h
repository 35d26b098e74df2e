#pragma once

// The Confidential VM part of the VM wizard's Disks page, shown when the image is a Confidential VM image:
// how the OS disk is protected (securityEncryptionType) and, with DiskWithVMGuestState, the secure-VM disk
// encryption set (type ConfidentialVmEncryptedWithCustomerKey, of the VM's region and subscription).

#include "vmwizard/vmwizard.h"

#include <QGroupBox>
#include <QStringList>

class QComboBox;
class QLabel;

namespace cmkui {

class VmConfidentialWidget : public QGroupBox {
    Q_OBJECT
public:
    explicit VmConfidentialWidget(const VmWizardContext &context, QWidget *parent = nullptr);

    /// cmk::VmConfidentialValidation::diskErrors once the sets are listed.
    QStringList errors() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void sync();

    VmWizardContext m_context;
    QLabel *m_intro = nullptr;
    QLabel *m_typeLabel = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QLabel *m_desLabel = nullptr;
    QComboBox *m_desCombo = nullptr;
    bool m_syncing = false;
};

} // namespace cmkui
