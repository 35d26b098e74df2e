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

} // namespace cmkui
