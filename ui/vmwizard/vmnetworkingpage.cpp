#include "vmwizard/vmnetworkingpage.h"

#include "common/resourcelistmodel.h"
#include "vm/vmlistings.h"
#include "vm/vmvalidation.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

using namespace cmk;

namespace cmkui {

VmNetworkingPage::VmNetworkingPage(const VmWizardContext &context, QWidget *parent)
    : VmPage(context, parent)
    , m_vnets(new ResourceListModel(this)) {
    setObjectName(QStringLiteral("vmNetworkingPage"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_existingRadio = new QRadioButton(this);
    m_existingRadio->setObjectName(QStringLiteral("existingNetworkRadio"));
    m_newRadio = new QRadioButton(this);
    m_newRadio->setObjectName(QStringLiteral("newNetworkRadio"));
    layout->addWidget(m_existingRadio);

    m_existing.panel = new QWidget(this);
    auto *existingForm = new QFormLayout(m_existing.panel);
    m_existing.vnet.field = makeVmCombo(m_existing.panel, "vnetCombo");
    m_existing.vnet.field->setModel(m_vnets);
    m_existing.vnet.label = addLabelledRow(existingForm, m_existing.vnet.field);
    m_existing.subnet = addFormRow(existingForm, makeVmCombo(m_existing.panel, "subnetCombo"));
    m_existing.noNetworkLabel = new QLabel(m_existing.panel);
    m_existing.noNetworkLabel->setObjectName(QStringLiteral("noNetworkLabel"));
    m_existing.noNetworkLabel->setWordWrap(true);
    existingForm->addRow(m_existing.noNetworkLabel);
    layout->addWidget(m_existing.panel);

    layout->addWidget(m_newRadio);
    m_new.panel = new QWidget(this);
    auto *newForm = new QFormLayout(m_new.panel);
    m_new.vnet = addFormRow(newForm, makeVmEdit(m_new.panel, "newVnetNameEdit"));
    m_new.vnetPrefix = addFormRow(newForm, makeVmEdit(m_new.panel, "vnetPrefixEdit"));
    m_new.subnet = addFormRow(newForm, makeVmEdit(m_new.panel, "newSubnetNameEdit"));
    m_new.subnetPrefix = addFormRow(newForm, makeVmEdit(m_new.panel, "subnetPrefixEdit"));
    layout->addWidget(m_new.panel);

    auto *nicForm = new QFormLayout;
    m_nicRow = addFormRow(nicForm, makeVmEdit(this, "nicNameEdit"));
    layout->addLayout(nicForm);
    layout->addStretch(1);
    addStatusWidgets(layout);

    connectFields();
    connect(m_vnets, &ResourceListModel::loadingChanged, this,
            [this](bool loading) { setBusy(loading ? tr("Loading virtual networks…") : QString()); });
    connect(m_vnets, &ResourceListModel::loadFinished, this, [this] {
        // No network in the region yet: offer to create one rather than an empty list.
        if (m_vnets->rowCount() == 0 && draft().networkMode == VmNetworkMode::ExistingSubnet &&
            draft().subnetId.isEmpty()) {
            const AutomaticDraftChange automatic;
            vmDraft()->modify([](VmDraft &d) {
                d.networkMode = VmNetworkMode::NewVirtualNetwork;
                if (d.newVnetName.isEmpty())
                    d.newVnetName = d.name + QStringLiteral("-vnet");
            });
        }
        syncFromDraft();
        if (draft().networkMode == VmNetworkMode::ExistingSubnet && draft().subnetId.isEmpty() &&
            m_vnets->rowCount() > 0) {
            QScopedValueRollback<bool> guard(m_syncing, true);
            m_existing.vnet.field->setCurrentIndex(0);
        }
        fillSubnets();
        revalidate();
    });
    connect(m_context.draft, &VmDraftModel::changed, this, [this] { revalidate(); });
    retranslateUi();
}

void VmNetworkingPage::connectFields() {
    connect(m_existingRadio, &QRadioButton::toggled, this, [this](bool checked) {
        if (m_syncing)
            return;
        vmDraft()->modify([&](VmDraft &d) {
            d.networkMode = checked ? VmNetworkMode::ExistingSubnet : VmNetworkMode::NewVirtualNetwork;
            if (!checked && d.newVnetName.isEmpty())
                d.newVnetName = d.name + QStringLiteral("-vnet");
        });
        syncFromDraft();
    });
    connect(m_existing.vnet.field, &QComboBox::currentIndexChanged, this, [this] {
        if (m_syncing)
            return;
        fillSubnets();
    });
    connect(m_existing.subnet.field, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        const QString id = m_existing.subnet.field->itemData(index).toString();
        vmDraft()->modify([&](VmDraft &d) { d.subnetId = id; });
    });
    const auto bindEdit = [this](QLineEdit *edit, QString VmDraft::*field) {
        connect(edit, &QLineEdit::textEdited, this, [this, field](const QString &text) {
            vmDraft()->modify([&](VmDraft &d) { d.*field = text.trimmed(); });
        });
    };
    bindEdit(m_new.vnet.field, &VmDraft::newVnetName);
    bindEdit(m_new.vnetPrefix.field, &VmDraft::newVnetAddressPrefix);
    bindEdit(m_new.subnet.field, &VmDraft::newSubnetName);
    bindEdit(m_new.subnetPrefix.field, &VmDraft::newSubnetAddressPrefix);
    bindEdit(m_nicRow.field, &VmDraft::nicName);
}

void VmNetworkingPage::retranslateUi() {
    VmPage::retranslateUi();
    setTitle(tr("Networking"));
    setSubTitle(tr("The virtual machine gets one network interface in a subnet of its region."));
    m_intro->setText(tr("Only the virtual networks of the VM's region and subscription are listed."));
    m_existingRadio->setText(tr("Use an &existing virtual network"));
    m_newRadio->setText(tr("Create a ne&w virtual network"));
    m_existing.vnet.label->setText(tr("&Virtual network:"));
    m_existing.vnet.field->setPlaceholderText(tr("Choose a virtual network"));
    m_existing.vnet.field->setAccessibleName(tr("Virtual network"));
    m_existing.subnet.label->setText(tr("&Subnet:"));
    m_existing.subnet.field->setPlaceholderText(tr("Choose a subnet"));
    m_existing.subnet.field->setAccessibleName(tr("Subnet"));
    m_new.vnet.label->setText(tr("Virtual network na&me:"));
    m_new.vnet.field->setAccessibleName(tr("New virtual network name"));
    m_new.vnetPrefix.label->setText(tr("&Address space:"));
    m_new.vnetPrefix.field->setAccessibleName(tr("Address space of the new virtual network"));
    m_new.subnet.label->setText(tr("Su&bnet name:"));
    m_new.subnet.field->setAccessibleName(tr("New subnet name"));
    m_new.subnetPrefix.label->setText(tr("Subnet address &range:"));
    m_new.subnetPrefix.field->setAccessibleName(tr("Address range of the new subnet"));
    m_nicRow.label->setText(tr("Network &interface name:"));
    m_nicRow.field->setAccessibleName(tr("Network interface name"));
    syncFromDraft();
}

void VmNetworkingPage::initializePage() {
    if (normalizeRegion(draft().location) != m_vnetsRegion)
        reloadNetworks();
    syncFromDraft();
    revalidate();
}

void VmNetworkingPage::cancelLoading() {
    m_vnets->abort();
}

void VmNetworkingPage::reloadNetworks() {
    const VmDraft &d = draft();
    m_vnetsRegion = normalizeRegion(d.location);
    if (!d.subnetId.isEmpty() && !sameRegion(d.location, m_vnetsRegion)) {
        const AutomaticDraftChange automatic;
        vmDraft()->modify([](VmDraft &draft) { draft.subnetId.clear(); });
    }
    const QString region = m_vnetsRegion;
    m_vnets->load(VmInventory(m_context.client).virtualNetworks(d.subscriptionId),
                  [region](const VmVirtualNetwork &vnet) -> std::optional<ResourceListModel::Row> {
                      if (!sameRegion(vnet.location, region))
                          return std::nullopt;
                      ResourceListModel::Row r = ResourceListModel::rowOf(vnet);
                      //: A virtual network in a dropdown: %1 name, %2 resource group, %3 address spaces
                      r.display = VmNetworkingPage::tr("%1 (%2) — %3")
                                      .arg(vnet.name, vnet.resourceGroup(),
                                           vnet.addressPrefixes.join(QLatin1String(", ")));
                      return r;
                  });
}

void VmNetworkingPage::fillSubnets() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    m_existing.subnet.field->clear();
    const int index = m_existing.vnet.field->currentIndex();
    if (index < 0)
        return;
    if (const VmVirtualNetwork *vnet = m_vnets->row(index).resourceAs<VmVirtualNetwork>()) {
        for (const VmSubnet &subnet : vnet->subnets) {
            //: A subnet in a dropdown: %1 name, %2 address range
            m_existing.subnet.field->addItem(tr("%1 (%2)").arg(subnet.name, subnet.addressPrefix), subnet.id);
        }
    }
    int chosen = -1;
    for (int i = 0; i < m_existing.subnet.field->count(); ++i) {
        if (sameResourceId(m_existing.subnet.field->itemData(i).toString(), draft().subnetId))
            chosen = i;
    }
    if (chosen < 0 && m_existing.subnet.field->count() > 0)
        chosen = 0;
    m_existing.subnet.field->setCurrentIndex(chosen);
    const QString id = chosen >= 0 ? m_existing.subnet.field->itemData(chosen).toString() : QString();
    if (draft().networkMode == VmNetworkMode::ExistingSubnet && !sameResourceId(id, draft().subnetId)) {
        const AutomaticDraftChange automatic; // the first subnet, or the one the draft named
        vmDraft()->modify([&](VmDraft &d) { d.subnetId = id; });
    }
}

void VmNetworkingPage::syncFromDraft() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const VmDraft &d = draft();
    const bool existing = d.networkMode == VmNetworkMode::ExistingSubnet;
    m_existingRadio->setChecked(existing);
    m_newRadio->setChecked(!existing);
    m_existing.panel->setEnabled(existing);
    m_new.panel->setEnabled(!existing);
    const QString vnetId = d.subnetId.section(QLatin1Char('/'), 0, -3);
    const int vnetRow = m_vnets->rowOfId(vnetId);
    if (vnetRow >= 0 && m_existing.vnet.field->currentIndex() != vnetRow)
        m_existing.vnet.field->setCurrentIndex(vnetRow);
    const bool none = m_vnets->isComplete() && m_vnets->rowCount() == 0;
    m_existing.noNetworkLabel->setText(
        none ? tr("There is no virtual network in %1 in this subscription yet; create a new "
                  "one below.")
                   .arg(vmRegionDisplay(m_context, d.location))
             : QString());
    m_existing.noNetworkLabel->setVisible(none);
    m_existingRadio->setEnabled(!none || existing);
    if (m_new.vnet.field->text() != d.newVnetName)
        m_new.vnet.field->setText(d.newVnetName);
    if (m_new.vnetPrefix.field->text() != d.newVnetAddressPrefix)
        m_new.vnetPrefix.field->setText(d.newVnetAddressPrefix);
    if (m_new.subnet.field->text() != d.newSubnetName)
        m_new.subnet.field->setText(d.newSubnetName);
    if (m_new.subnetPrefix.field->text() != d.newSubnetAddressPrefix)
        m_new.subnetPrefix.field->setText(d.newSubnetAddressPrefix);
    if (m_nicRow.field->text() != d.nicName)
        m_nicRow.field->setText(d.nicName);
    m_nicRow.field->setPlaceholderText(d.name + QStringLiteral("-nic"));
}

QStringList VmNetworkingPage::computeErrors() const {
    QStringList errors;
    if (m_vnets->isLoading())
        errors << tr("Wait until the virtual networks have been listed.");
    if (m_vnets->error())
        errors << tr("The virtual networks could not be listed: %1").arg(m_vnets->error().toDisplayString());
    errors << VmValidation::networkingErrors(draft());
    const VmDraft &d = draft();
    if (d.networkMode == VmNetworkMode::NewVirtualNetwork && m_vnets->isComplete()) {
        for (const ResourceListModel::Row &r : m_vnets->rows()) {
            if (sameResourceId(r.id, d.newVnetId()))
                errors << tr("A virtual network named %1 already exists in %2. Choose it as an existing "
                             "network, "
                             "or give the new one another name.")
                              .arg(d.newVnetName, d.resourceGroup);
        }
    }
    return errors;
}

} // namespace cmkui
