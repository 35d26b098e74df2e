#pragma once

// The VM wizard's Networking page: an existing subnet of the VM's region, or a new virtual network, and the
// name of the network interface.

#include "vmwizard/vmpage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace cmkui {

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
    /// The draft follows the fields.
    void connectFields();
    void reloadNetworks();
    void fillSubnets();
    void syncFromDraft();

    ResourceListModel *m_vnets;
    QString m_vnetsRegion;
    QLabel *m_intro = nullptr;
    QRadioButton *m_existingRadio = nullptr;
    QRadioButton *m_newRadio = nullptr;
    /// Shown with "existing": the network and subnet to join, or why there is none.
    struct ExistingNetwork {
        QWidget *panel = nullptr;
        FormRow<QComboBox> vnet;
        FormRow<QComboBox> subnet;
        QLabel *noNetworkLabel = nullptr;
    };
    /// Shown with "new": the network and subnet the VM creates, with their address ranges.
    struct NewNetwork {
        QWidget *panel = nullptr;
        FormRow<QLineEdit> vnet;
        FormRow<QLineEdit> vnetPrefix;
        FormRow<QLineEdit> subnet;
        FormRow<QLineEdit> subnetPrefix;
    };
    ExistingNetwork m_existing;
    NewNetwork m_new;
    FormRow<QLineEdit> m_nicRow;
};

} // namespace cmkui
