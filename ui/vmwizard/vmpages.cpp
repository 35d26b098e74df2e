#include "vmwizard/vmpages.h"

#include "arm/armpaths.h"
#include "common/diskencryptionsetmodel.h"
#include "imageversion/imageversionvalidation.h"
#include "common/operationprogresspanel.h"
#include "common/resourcelistmodel.h"
#include "arm/resources.h"
#include "vm/vmexport.h"
#include "vm/vmsource.h"
#include "vm/vmvalidation.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWizard>

using namespace cmk;

namespace cmkui {

namespace {

WizardServices vmServicesOf(const VmWizardContext &context) {
    WizardServices services;
    services.client = context.client;
    services.diskEncryptionSets = context.diskEncryptionSets;
    return services;
}

QComboBox *makeVmCombo(QWidget *parent, const char *name) {
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(name));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(24);
    return combo;
}

QLineEdit *makeVmEdit(QWidget *parent, const char *name) {
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    return edit;
}

QString vmEsc(const QString &text) {
    return text.toHtmlEscaped();
}

QString vmRow(const QString &label, const QString &value) {
    return QStringLiteral(
               "<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">%1</th><td>%2</td></tr>")
        .arg(vmEsc(label), vmEsc(value));
}

QString vmRegionDisplay(const VmWizardContext &context, const QString &region) {
    const VmImageInfo &info = context.image->info();
    const int i = int(info.regions.indexOf(normalizeRegion(region)));
    return i >= 0 ? info.regionDisplayNames.value(i, region) : region;
}

std::optional<std::vector<VmSize>> vmSizesOf(const ResourceListModel *model) {
    if (!model->isComplete())
        return std::nullopt;
    std::vector<VmSize> sizes;
    for (const ResourceListModel::Row &r : model->rows()) {
        VmSize size;
        size.name = r.name;
        size.numberOfCores = r.json.value("numberOfCores", 0);
        size.memoryInMB = r.json.value("memoryInMB", 0);
        size.maxDataDiskCount = r.json.value("maxDataDiskCount", 0);
        sizes.push_back(size);
    }
    return sizes;
}

} // namespace

// ---- VmPage ---------------------------------------------------------------------------------------------

VmPage::VmPage(const VmWizardContext &context, QWidget *parent)
    : DraftPage(vmServicesOf(context), parent)
    , m_context(context) {}

const VmDraft &VmPage::draft() const {
    return m_context.draft->draft();
}

// ---- Basics ---------------------------------------------------------------------------------------------

VmBasicsPage::VmBasicsPage(const VmWizardContext &context, QWidget *parent)
    : VmPage(context, parent)
    , m_groups(new ResourceListModel(this)) {
    setObjectName(QStringLiteral("vmBasicsPage"));
    buildUi();
    connect(m_context.draft, &VmDraftModel::changed, this, [this] { revalidate(); });
    connect(m_context.draft, &VmDraftModel::replaced, this, &VmBasicsPage::loadFromDraft);
    connect(m_context.image, &VmImageSource::finished, this, [this] {
        loadFromDraft();
        updateBusy();
        revalidate();
    });
    for (ResourceListModel *model : {m_groups, m_context.sizes}) {
        connect(model, &ResourceListModel::loadingChanged, this, [this] { updateBusy(); });
        connect(model, &ResourceListModel::loadFinished, this, [this] {
            loadFromDraft();
            revalidate();
        });
    }
    retranslateUi();
    loadFromDraft();
    updateBusy();
    revalidate();
}

void VmBasicsPage::buildUi() {
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_imageLabel = new QLabel(this);
    m_imageLabel->setObjectName(QStringLiteral("imageLabel"));
    m_imageLabel->setWordWrap(true);
    m_imageLabel->setTextFormat(Qt::PlainText);
    m_imageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_imageLabel);

    auto *form = new QFormLayout;
    m_groupCombo = makeVmCombo(this, "resourceGroupCombo");
    m_groupCombo->setModel(m_groups);
    m_groupLabel = new QLabel(this);
    m_groupLabel->setBuddy(m_groupCombo);
    form->addRow(m_groupLabel, m_groupCombo);
    m_nameEdit = makeVmEdit(this, "vmNameEdit");
    m_nameLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_nameEdit);
    form->addRow(m_nameLabel, m_nameEdit);
    m_regionCombo = makeVmCombo(this, "regionCombo");
    m_regionLabel = new QLabel(this);
    m_regionLabel->setBuddy(m_regionCombo);
    form->addRow(m_regionLabel, m_regionCombo);
    m_sizeCombo = makeVmCombo(this, "sizeCombo");
    m_sizeCombo->setModel(m_context.sizes);
    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setBuddy(m_sizeCombo);
    form->addRow(m_sizeLabel, m_sizeCombo);
    layout->addLayout(form);

    m_specializedNote = new QLabel(this);
    m_specializedNote->setObjectName(QStringLiteral("specializedNote"));
    m_specializedNote->setWordWrap(true);
    layout->addWidget(m_specializedNote);

    m_adminBox = new QGroupBox(this);
    m_adminBox->setObjectName(QStringLiteral("adminGroup"));
    auto *adminForm = new QFormLayout(m_adminBox);
    m_userEdit = makeVmEdit(m_adminBox, "adminUsernameEdit");
    m_userLabel = new QLabel(m_adminBox);
    m_userLabel->setBuddy(m_userEdit);
    adminForm->addRow(m_userLabel, m_userEdit);
    auto *authRow = new QHBoxLayout;
    m_sshRadio = new QRadioButton(m_adminBox);
    m_sshRadio->setObjectName(QStringLiteral("sshKeyRadio"));
    m_passwordRadio = new QRadioButton(m_adminBox);
    m_passwordRadio->setObjectName(QStringLiteral("passwordRadio"));
    auto *authGroup = new QButtonGroup(this);
    authGroup->addButton(m_sshRadio);
    authGroup->addButton(m_passwordRadio);
    authRow->addWidget(m_sshRadio);
    authRow->addWidget(m_passwordRadio);
    authRow->addStretch(1);
    adminForm->addRow(authRow);
    m_keyEdit = new QPlainTextEdit(m_adminBox);
    m_keyEdit->setObjectName(QStringLiteral("sshKeyEdit"));
    m_keyEdit->setTabChangesFocus(true);
    m_keyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyEdit->setMaximumHeight(70);
    m_keyLabel = new QLabel(m_adminBox);
    m_keyLabel->setBuddy(m_keyEdit);
    adminForm->addRow(m_keyLabel, m_keyEdit);
    m_passwordEdit = makeVmEdit(m_adminBox, "passwordEdit");
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordLabel = new QLabel(m_adminBox);
    m_passwordLabel->setBuddy(m_passwordEdit);
    adminForm->addRow(m_passwordLabel, m_passwordEdit);
    m_confirmEdit = makeVmEdit(m_adminBox, "confirmPasswordEdit");
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_confirmLabel = new QLabel(m_adminBox);
    m_confirmLabel->setBuddy(m_confirmEdit);
    adminForm->addRow(m_confirmLabel, m_confirmEdit);
    layout->addWidget(m_adminBox);
    layout->addStretch(1);
    addStatusWidgets(layout);

    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        const QString name = m_groups->row(index).name;
        vmDraft()->modify([&](VmDraft &d) { d.resourceGroup = name; });
    });
    connect(m_nameEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { vmDraft()->modify([&](VmDraft &d) { d.name = text.trimmed(); }); });
    connect(m_regionCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        const QString region = m_regionCombo->itemData(index).toString();
        vmDraft()->modify([&](VmDraft &d) { d.location = region; });
    });
    connect(m_sizeCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        const QString size = m_context.sizes->row(index).name;
        vmDraft()->modify([&](VmDraft &d) { d.size = size; });
    });
    connect(m_userEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        vmDraft()->modify([&](VmDraft &d) { d.adminUsername = text.trimmed(); });
    });
    connect(m_sshRadio, &QRadioButton::toggled, this, [this](bool checked) {
        if (m_syncing)
            return;
        vmDraft()->modify(
            [&](VmDraft &d) { d.authType = checked ? VmAuthType::SshPublicKey : VmAuthType::Password; });
        updateAdminVisibility();
    });
    connect(m_keyEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_syncing)
            return;
        const QString key = m_keyEdit->toPlainText();
        vmDraft()->modify([&](VmDraft &d) { d.sshPublicKey = key.trimmed(); });
    });
    connect(m_passwordEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { vmDraft()->modify([&](VmDraft &d) { d.adminPassword = text; }); });
    connect(m_confirmEdit, &QLineEdit::textEdited, this, [this] { revalidate(); });
}

void VmBasicsPage::retranslateUi() {
    VmPage::retranslateUi();
    setTitle(tr("Basics"));
    setSubTitle(tr("Create a virtual machine from this image version, with your keys on its disks."));
    m_intro->setText(
        tr("The virtual machine starts from the image version below, in one of the regions it is "
           "replicated to."));
    m_groupLabel->setText(tr("&Resource group:"));
    m_groupCombo->setPlaceholderText(tr("Choose a resource group"));
    m_groupCombo->setAccessibleName(tr("Resource group"));
    m_nameLabel->setText(tr("Virtual machine &name:"));
    m_nameEdit->setAccessibleName(tr("Virtual machine name"));
    m_regionLabel->setText(tr("Re&gion:"));
    m_regionCombo->setToolTip(tr("Only the regions the image version is replicated to are offered."));
    m_regionCombo->setAccessibleName(tr("Region"));
    m_sizeLabel->setText(tr("Si&ze:"));
    m_sizeCombo->setPlaceholderText(tr("Choose a size"));
    m_sizeCombo->setAccessibleName(tr("Size"));
    m_specializedNote->setText(
        tr("This image is specialized: the virtual machine keeps the accounts, host name "
           "and settings of the image, so no administrator account is asked for."));
    m_adminBox->setTitle(tr("Administrator account"));
    m_userLabel->setText(tr("&User name:"));
    m_userEdit->setAccessibleName(tr("Administrator user name"));
    m_sshRadio->setText(tr("SS&H public key"));
    m_passwordRadio->setText(tr("Pass&word"));
    m_keyLabel->setText(tr("SSH public &key:"));
    m_keyEdit->setPlaceholderText(tr("ssh-ed25519 AAAA… you@host"));
    m_keyEdit->setAccessibleName(tr("SSH public key"));
    m_passwordLabel->setText(tr("&Password:"));
    m_passwordEdit->setAccessibleName(tr("Administrator password"));
    m_confirmLabel->setText(tr("&Confirm password:"));
    m_confirmEdit->setAccessibleName(tr("Confirm the administrator password"));
    loadFromDraft();
    updateBusy();
}

void VmBasicsPage::initializePage() {
    loadFromDraft();
    revalidate();
}

void VmBasicsPage::updateBusy() {
    if (m_context.image->isLoading())
        setBusy(tr("Reading the image version…"));
    else if (m_groups->isLoading())
        setBusy(tr("Loading resource groups…"));
    else if (m_context.sizes->isLoading())
        setBusy(tr("Loading the sizes of the region…"));
    else
        setBusy({});
}

void VmBasicsPage::updateAdminVisibility() {
    const VmDraft &d = draft();
    const bool admin = d.hasAdminAccount();
    m_adminBox->setVisible(admin);
    m_specializedNote->setVisible(m_context.image->isLoaded() && !admin);
    m_sshRadio->setVisible(!d.isWindows());
    m_passwordRadio->setVisible(!d.isWindows());
    const bool ssh = d.usesSshKey();
    m_keyLabel->setVisible(ssh);
    m_keyEdit->setVisible(ssh);
    m_passwordLabel->setVisible(!ssh);
    m_passwordEdit->setVisible(!ssh);
    m_confirmLabel->setVisible(!ssh);
    m_confirmEdit->setVisible(!ssh);
}

void VmBasicsPage::loadFromDraft() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const VmDraft &d = draft();
    const VmImageInfo &info = m_context.image->info();
    if (m_context.image->isLoaded()) {
        const ResourceId id = ResourceId::parse(d.imageVersionId);
        //: %1 version, %2 image definition, %3 gallery, %4 OS type, %5 Generalized/Specialized
        m_imageLabel->setText(tr("Image version %1 of %2 (gallery %3): %4, %5.")
                                  .arg(id.names.value(2), id.names.value(1), id.names.value(0), d.osType,
                                       d.isSpecialized() ? tr("specialized") : tr("generalized")));
    } else if (m_context.image->error()) {
        m_imageLabel->setText(
            tr("The image version could not be read: %1").arg(m_context.image->error().toDisplayString()));
    } else {
        m_imageLabel->setText(tr("Image version: %1").arg(d.imageVersionId));
    }
    if (!d.subscriptionId.isEmpty() && d.subscriptionId != m_groupsSubscription) {
        m_groupsSubscription = d.subscriptionId;
        m_groups->load(m_context.client, resourceGroupsPath(d.subscriptionId).path());
    }
    m_groupCombo->setCurrentIndex(m_groups->rowOfName(d.resourceGroup));
    if (m_nameEdit->text() != d.name)
        m_nameEdit->setText(d.name);
    if (m_regionCombo->count() != info.regions.size()) {
        m_regionCombo->clear();
        for (int i = 0; i < info.regions.size(); ++i)
            m_regionCombo->addItem(info.regionDisplayNames.value(i), info.regions.at(i));
    }
    m_regionCombo->setCurrentIndex(m_regionCombo->findData(normalizeRegion(d.location)));
    m_sizeCombo->setCurrentIndex(m_context.sizes->rowOfName(d.size));
    if (m_userEdit->text() != d.adminUsername)
        m_userEdit->setText(d.adminUsername);
    m_sshRadio->setChecked(d.authType == VmAuthType::SshPublicKey);
    m_passwordRadio->setChecked(d.authType == VmAuthType::Password);
    if (m_keyEdit->toPlainText().trimmed() != d.sshPublicKey)
        m_keyEdit->setPlainText(d.sshPublicKey);
    if (m_passwordEdit->text() != d.adminPassword)
        m_passwordEdit->setText(d.adminPassword);
    updateAdminVisibility();
}

QStringList VmBasicsPage::computeErrors() const {
    if (m_context.image->isLoading() || (!m_context.image->isLoaded() && !m_context.image->error()))
        return {tr("Wait until the image version has been read.")};
    if (m_context.image->error())
        return {
            tr("The image version could not be read: %1").arg(m_context.image->error().toDisplayString())};
    QStringList errors = VmValidation::basicsErrors(draft());
    if (const QString e = VmValidation::sizeError(draft(), vmSizesOf(m_context.sizes)); !e.isEmpty())
        errors << e;
    if (m_groups->error())
        errors << tr("The resource groups could not be listed: %1").arg(m_groups->error().toDisplayString());
    const VmDraft &d = draft();
    if (d.hasAdminAccount() && !d.usesSshKey() && !d.adminPassword.isEmpty() &&
        m_confirmEdit->text() != d.adminPassword)
        errors << tr("The two passwords differ.");
    return errors;
}

// ---- Networking -----------------------------------------------------------------------------------------

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

    m_existingPanel = new QWidget(this);
    auto *existingForm = new QFormLayout(m_existingPanel);
    m_vnetCombo = makeVmCombo(m_existingPanel, "vnetCombo");
    m_vnetCombo->setModel(m_vnets);
    m_vnetLabel = new QLabel(m_existingPanel);
    m_vnetLabel->setBuddy(m_vnetCombo);
    existingForm->addRow(m_vnetLabel, m_vnetCombo);
    m_subnetCombo = makeVmCombo(m_existingPanel, "subnetCombo");
    m_subnetLabel = new QLabel(m_existingPanel);
    m_subnetLabel->setBuddy(m_subnetCombo);
    existingForm->addRow(m_subnetLabel, m_subnetCombo);
    m_noNetworkLabel = new QLabel(m_existingPanel);
    m_noNetworkLabel->setObjectName(QStringLiteral("noNetworkLabel"));
    m_noNetworkLabel->setWordWrap(true);
    existingForm->addRow(m_noNetworkLabel);
    layout->addWidget(m_existingPanel);

    layout->addWidget(m_newRadio);
    m_newPanel = new QWidget(this);
    auto *newForm = new QFormLayout(m_newPanel);
    m_newVnetEdit = makeVmEdit(m_newPanel, "newVnetNameEdit");
    m_newVnetLabel = new QLabel(m_newPanel);
    m_newVnetLabel->setBuddy(m_newVnetEdit);
    newForm->addRow(m_newVnetLabel, m_newVnetEdit);
    m_vnetPrefixEdit = makeVmEdit(m_newPanel, "vnetPrefixEdit");
    m_vnetPrefixLabel = new QLabel(m_newPanel);
    m_vnetPrefixLabel->setBuddy(m_vnetPrefixEdit);
    newForm->addRow(m_vnetPrefixLabel, m_vnetPrefixEdit);
    m_newSubnetEdit = makeVmEdit(m_newPanel, "newSubnetNameEdit");
    m_newSubnetLabel = new QLabel(m_newPanel);
    m_newSubnetLabel->setBuddy(m_newSubnetEdit);
    newForm->addRow(m_newSubnetLabel, m_newSubnetEdit);
    m_subnetPrefixEdit = makeVmEdit(m_newPanel, "subnetPrefixEdit");
    m_subnetPrefixLabel = new QLabel(m_newPanel);
    m_subnetPrefixLabel->setBuddy(m_subnetPrefixEdit);
    newForm->addRow(m_subnetPrefixLabel, m_subnetPrefixEdit);
    layout->addWidget(m_newPanel);

    auto *nicForm = new QFormLayout;
    m_nicEdit = makeVmEdit(this, "nicNameEdit");
    m_nicLabel = new QLabel(this);
    m_nicLabel->setBuddy(m_nicEdit);
    nicForm->addRow(m_nicLabel, m_nicEdit);
    layout->addLayout(nicForm);
    layout->addStretch(1);
    addStatusWidgets(layout);

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
    connect(m_vnetCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_syncing)
            return;
        fillSubnets();
    });
    connect(m_subnetCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        const QString id = m_subnetCombo->itemData(index).toString();
        vmDraft()->modify([&](VmDraft &d) { d.subnetId = id; });
    });
    const auto bindEdit = [this](QLineEdit *edit, QString VmDraft::*field) {
        connect(edit, &QLineEdit::textEdited, this, [this, field](const QString &text) {
            vmDraft()->modify([&](VmDraft &d) { d.*field = text.trimmed(); });
        });
    };
    bindEdit(m_newVnetEdit, &VmDraft::newVnetName);
    bindEdit(m_vnetPrefixEdit, &VmDraft::newVnetAddressPrefix);
    bindEdit(m_newSubnetEdit, &VmDraft::newSubnetName);
    bindEdit(m_subnetPrefixEdit, &VmDraft::newSubnetAddressPrefix);
    bindEdit(m_nicEdit, &VmDraft::nicName);
    connect(m_vnets, &ResourceListModel::loadingChanged, this,
            [this](bool loading) { setBusy(loading ? tr("Loading virtual networks…") : QString()); });
    connect(m_vnets, &ResourceListModel::loadFinished, this, [this] {
        // No network in the region yet: offer to create one rather than an empty list.
        if (m_vnets->rowCount() == 0 && draft().networkMode == VmNetworkMode::ExistingSubnet &&
            draft().subnetId.isEmpty()) {
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
            m_vnetCombo->setCurrentIndex(0);
        }
        fillSubnets();
        revalidate();
    });
    connect(m_context.draft, &VmDraftModel::changed, this, [this] { revalidate(); });
    retranslateUi();
}

void VmNetworkingPage::retranslateUi() {
    VmPage::retranslateUi();
    setTitle(tr("Networking"));
    setSubTitle(tr("The virtual machine gets one network interface in a subnet of its region."));
    m_intro->setText(tr("Only the virtual networks of the VM's region and subscription are listed."));
    m_existingRadio->setText(tr("Use an &existing virtual network"));
    m_newRadio->setText(tr("Create a ne&w virtual network"));
    m_vnetLabel->setText(tr("&Virtual network:"));
    m_vnetCombo->setPlaceholderText(tr("Choose a virtual network"));
    m_vnetCombo->setAccessibleName(tr("Virtual network"));
    m_subnetLabel->setText(tr("&Subnet:"));
    m_subnetCombo->setPlaceholderText(tr("Choose a subnet"));
    m_subnetCombo->setAccessibleName(tr("Subnet"));
    m_newVnetLabel->setText(tr("Virtual network &name:"));
    m_newVnetEdit->setAccessibleName(tr("New virtual network name"));
    m_vnetPrefixLabel->setText(tr("&Address space:"));
    m_vnetPrefixEdit->setAccessibleName(tr("Address space of the new virtual network"));
    m_newSubnetLabel->setText(tr("Su&bnet name:"));
    m_newSubnetEdit->setAccessibleName(tr("New subnet name"));
    m_subnetPrefixLabel->setText(tr("Subnet address &range:"));
    m_subnetPrefixEdit->setAccessibleName(tr("Address range of the new subnet"));
    m_nicLabel->setText(tr("Network &interface name:"));
    m_nicEdit->setAccessibleName(tr("Network interface name"));
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
    if (!d.subnetId.isEmpty() && !sameRegion(d.location, m_vnetsRegion))
        vmDraft()->modify([](VmDraft &draft) { draft.subnetId.clear(); });
    const QString region = m_vnetsRegion;
    const ArmPathBuilder path = subscriptionPath(d.subscriptionId)
                                    .literal(QStringLiteral("providers/Microsoft.Network/virtualNetworks"));
    m_vnets->load(
        m_context.client, path.path(),
        [region](const nlohmann::json &item) -> std::optional<ResourceListModel::Row> {
            ResourceListModel::Row r = ResourceListModel::defaultRow(item);
            if (!sameRegion(r.location, region))
                return std::nullopt;
            QStringList prefixes;
            if (item.contains("properties") && item["properties"].is_object()) {
                const nlohmann::json &space =
                    item["properties"].value("addressSpace", nlohmann::json::object());
                for (const nlohmann::json &p : space.value("addressPrefixes", nlohmann::json::array())) {
                    if (p.is_string())
                        prefixes << QString::fromStdString(p.get<std::string>());
                }
            }
            //: A virtual network in a dropdown: %1 name, %2 resource group, %3 address spaces
            r.display =
                VmNetworkingPage::tr("%1 (%2) — %3")
                    .arg(r.name, ResourceId::parse(r.id).resourceGroup, prefixes.join(QLatin1String(", ")));
            return r;
        });
}

void VmNetworkingPage::fillSubnets() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    m_subnetCombo->clear();
    const int index = m_vnetCombo->currentIndex();
    if (index < 0)
        return;
    const nlohmann::json &vnet = m_vnets->row(index).json;
    if (vnet.contains("properties") && vnet["properties"].is_object()) {
        for (const nlohmann::json &s : vnet["properties"].value("subnets", nlohmann::json::array())) {
            if (!s.is_object())
                continue;
            const QString id = QString::fromStdString(s.value("id", std::string()));
            const QString name = QString::fromStdString(s.value("name", std::string()));
            const QString prefix = QString::fromStdString(
                s.value("properties", nlohmann::json::object()).value("addressPrefix", std::string()));
            //: A subnet in a dropdown: %1 name, %2 address range
            m_subnetCombo->addItem(tr("%1 (%2)").arg(name, prefix), id);
        }
    }
    int chosen = -1;
    for (int i = 0; i < m_subnetCombo->count(); ++i) {
        if (sameResourceId(m_subnetCombo->itemData(i).toString(), draft().subnetId))
            chosen = i;
    }
    if (chosen < 0 && m_subnetCombo->count() > 0)
        chosen = 0;
    m_subnetCombo->setCurrentIndex(chosen);
    const QString id = chosen >= 0 ? m_subnetCombo->itemData(chosen).toString() : QString();
    if (draft().networkMode == VmNetworkMode::ExistingSubnet && !sameResourceId(id, draft().subnetId))
        vmDraft()->modify([&](VmDraft &d) { d.subnetId = id; });
}

void VmNetworkingPage::syncFromDraft() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const VmDraft &d = draft();
    const bool existing = d.networkMode == VmNetworkMode::ExistingSubnet;
    m_existingRadio->setChecked(existing);
    m_newRadio->setChecked(!existing);
    m_existingPanel->setEnabled(existing);
    m_newPanel->setEnabled(!existing);
    const QString vnetId = d.subnetId.section(QLatin1Char('/'), 0, -3);
    const int vnetRow = m_vnets->rowOfId(vnetId);
    if (vnetRow >= 0 && m_vnetCombo->currentIndex() != vnetRow)
        m_vnetCombo->setCurrentIndex(vnetRow);
    const bool none = m_vnets->isComplete() && m_vnets->rowCount() == 0;
    m_noNetworkLabel->setText(
        none ? tr("There is no virtual network in %1 in this subscription yet; create a new "
                  "one below.")
                   .arg(vmRegionDisplay(m_context, d.location))
             : QString());
    m_noNetworkLabel->setVisible(none);
    m_existingRadio->setEnabled(!none || existing);
    if (m_newVnetEdit->text() != d.newVnetName)
        m_newVnetEdit->setText(d.newVnetName);
    if (m_vnetPrefixEdit->text() != d.newVnetAddressPrefix)
        m_vnetPrefixEdit->setText(d.newVnetAddressPrefix);
    if (m_newSubnetEdit->text() != d.newSubnetName)
        m_newSubnetEdit->setText(d.newSubnetName);
    if (m_subnetPrefixEdit->text() != d.newSubnetAddressPrefix)
        m_subnetPrefixEdit->setText(d.newSubnetAddressPrefix);
    if (m_nicEdit->text() != d.nicName)
        m_nicEdit->setText(d.nicName);
    m_nicEdit->setPlaceholderText(d.name + QStringLiteral("-nic"));
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

// ---- Disks ----------------------------------------------------------------------------------------------

VmDisksPage::VmDisksPage(const VmWizardContext &context, QWidget *parent)
    : VmPage(context, parent) {
    setObjectName(QStringLiteral("vmDisksPage"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout;
    m_encryptionCombo = makeVmCombo(this, "encryptionCombo");
    for (EncryptionMode mode :
         {EncryptionMode::PlatformKey, EncryptionMode::CustomerKey, EncryptionMode::PlatformAndCustomerKeys})
        m_encryptionCombo->addItem(QString(), int(mode));
    m_encryptionLabel = new QLabel(this);
    m_encryptionLabel->setBuddy(m_encryptionCombo);
    form->addRow(m_encryptionLabel, m_encryptionCombo);
    layout->addLayout(form);
    m_imageDesLabel = new QLabel(this);
    m_imageDesLabel->setObjectName(QStringLiteral("imageDesLabel"));
    m_imageDesLabel->setWordWrap(true);
    layout->addWidget(m_imageDesLabel);
    m_rowsPanel = new QWidget(this);
    m_rows = new QGridLayout(m_rowsPanel);
    m_rows->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rowsPanel);
    auto *buttons = new QHBoxLayout;
    m_sameCheck = new QCheckBox(this);
    m_sameCheck->setObjectName(QStringLiteral("sameDesCheck"));
    m_imageDefaultsButton = new QPushButton(this);
    m_imageDefaultsButton->setObjectName(QStringLiteral("imageDefaultsButton"));
    buttons->addWidget(m_sameCheck);
    buttons->addStretch(1);
    buttons->addWidget(m_imageDefaultsButton);
    layout->addLayout(buttons);
    m_noDesLabel = new QLabel(this);
    m_noDesLabel->setObjectName(QStringLiteral("noDesLabel"));
    m_noDesLabel->setWordWrap(true);
    m_noDesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_noDesLabel);
    // Size and storage type apply whatever the encryption, so they live apart from the DES rows.
    m_optionsBox = new QGroupBox(this);
    m_optionsBox->setObjectName(QStringLiteral("diskOptionsBox"));
    m_optionRows = new QGridLayout(m_optionsBox);
    m_osSizeSpin = new QSpinBox(m_optionsBox);
    m_osSizeSpin->setObjectName(QStringLiteral("osDiskSizeSpin"));
    m_osSizeSpin->setRange(0, VmValidation::maxOsDiskSizeGb);
    m_osSizeLabel = new QLabel(m_optionsBox);
    m_osSizeLabel->setBuddy(m_osSizeSpin);
    m_optionRows->addWidget(m_osSizeLabel, 0, 0);
    m_optionRows->addWidget(m_osSizeSpin, 0, 1);
    m_optionRows->setColumnStretch(1, 1);
    layout->addWidget(m_optionsBox);
    layout->addStretch(1);
    addStatusWidgets(layout);

    connect(m_osSizeSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_syncing)
            vmDraft()->modify([value](VmDraft &d) { d.osDiskSizeGb = value; });
    });
    connect(m_encryptionCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        const auto mode = EncryptionMode(m_encryptionCombo->itemData(index).toInt());
        vmDraft()->modify([&](VmDraft &d) { d.encryption = mode; });
        syncFromDraft();
    });
    connect(m_sameCheck, &QCheckBox::toggled, this, [this](bool checked) {
        if (m_syncing || !checked)
            return;
        vmDraft()->modify([](VmDraft &d) {
            for (auto it = d.dataDiskDesIds.begin(); it != d.dataDiskDesIds.end(); ++it)
                it.value() = d.osDiskDesId;
        });
        syncFromDraft();
    });
    connect(m_imageDefaultsButton, &QPushButton::clicked, this, [this] {
        QMap<QString, QString> types;
        for (const DiskEncryptionSet &des : m_context.diskEncryptionSets->all())
            types.insert(des.id.toLower(), des.encryptionType);
        vmDraft()->modify([&](VmDraft &d) { m_context.image->info().applyDiskDefaults(d, types); });
        syncFromDraft();
    });
    connect(m_context.diskEncryptionSets, &DiskEncryptionSetModel::loadingChanged, this,
            [this](bool loading) { setBusy(loading ? tr("Loading disk encryption sets…") : QString()); });
    connect(m_context.diskEncryptionSets, &DiskEncryptionSetModel::loadFinished, this, [this] {
        syncFromDraft();
        revalidate();
    });
    connect(m_context.draft, &VmDraftModel::changed, this, [this] { revalidate(); });
    retranslateUi();
}

void VmDisksPage::retranslateUi() {
    VmPage::retranslateUi();
    setTitle(tr("Disks"));
    setSubTitle(tr("Choose how the disks of the virtual machine are encrypted at rest."));
    m_intro->setText(
        tr("Each disk may use a disk encryption set of the VM's region and subscription whose type "
           "matches the encryption type; no other is offered. The image's own sets are chosen by "
           "default."));
    m_encryptionLabel->setText(tr("&Encryption type:"));
    m_encryptionCombo->setAccessibleName(tr("Encryption type"));
    for (int i = 0; i < m_encryptionCombo->count(); ++i)
        m_encryptionCombo->setItemText(
            i, ImageVersionValidation::encryptionModeLabel(EncryptionMode(m_encryptionCombo->itemData(i).toInt())));
    m_sameCheck->setText(tr("&Same disk encryption set for all disks"));
    m_imageDefaultsButton->setText(tr("Use the &image's disk encryption sets"));
    m_optionsBox->setTitle(tr("Disk size and storage type"));
    m_osSizeLabel->setText(tr("OS disk si&ze:"));
    //: Unit after the OS disk size
    m_osSizeSpin->setSuffix(tr(" GiB"));
    m_osSizeSpin->setAccessibleName(tr("OS disk size in GiB"));
    for (auto it = m_storageRows.cbegin(); it != m_storageRows.cend(); ++it) {
        //: Label of a storage account type dropdown: %1 the disk (OS disk, Data disk (LUN 1))
        it->first->setText(tr("%1 storage:").arg(ImageVersionValidation::diskTitle(it.key())));
        it->second->setItemText(0, tr("Default"));
        it->second->setAccessibleName(
            tr("Storage account type of the %1").arg(ImageVersionValidation::diskLabel(it.key())));
    }
    for (int i = 0; i < m_rowLabels.size(); ++i) {
        //: A disk row label: %1 is "OS disk" or "Data disk (LUN 0)"
        m_rowLabels.at(i)->setText(tr("%1:").arg(ImageVersionValidation::diskTitle(m_rowLuns.at(i))));
        //: Accessible name of a dropdown: %1 the disk (OS disk, data disk (LUN 1))
        m_rowCombos.at(i)->setAccessibleName(
            tr("Disk encryption set for the %1").arg(ImageVersionValidation::diskLabel(m_rowLuns.at(i))));
    }
    updateHints();
}

void VmDisksPage::initializePage() {
    rebuildRows();
    syncFromDraft();
    revalidate();
}

QComboBox *VmDisksPage::desCombo(int lun) const {
    const int i = int(m_rowLuns.indexOf(lun));
    return i >= 0 ? m_rowCombos.at(i) : nullptr;
}

QComboBox *VmDisksPage::storageCombo(int lun) const {
    return m_storageRows.value(lun).second;
}

void VmDisksPage::rebuildRows() {
    QList<int> luns{-1};
    luns << draft().imageDataDiskLuns;
    if (luns == m_rowLuns)
        return;
    qDeleteAll(m_rowLabels);
    qDeleteAll(m_rowCombos);
    for (const auto &[label, combo] : std::as_const(m_storageRows)) {
        delete label;
        delete combo;
    }
    m_rowLabels.clear();
    m_rowCombos.clear();
    m_storageRows.clear();
    m_rowLuns = luns;
    for (int i = 0; i < luns.size(); ++i) {
        const int lun = luns.at(i);
        auto *combo = makeVmCombo(m_optionsBox, "");
        combo->setObjectName(lun < 0 ? QStringLiteral("osDiskStorageCombo")
                                     : QStringLiteral("dataDiskStorageCombo_%1").arg(lun));
        combo->addItem(QString(), QString());
        for (const QString &type : VmDraft::storageAccountTypes())
            combo->addItem(type, type);
        auto *label = new QLabel(m_optionsBox);
        label->setBuddy(combo);
        m_optionRows->addWidget(label, i + 1, 0);
        m_optionRows->addWidget(combo, i + 1, 1);
        m_storageRows.insert(lun, {label, combo});
        connect(combo, &QComboBox::currentIndexChanged, this, [this, lun, combo] {
            if (m_syncing)
                return;
            const QString type = combo->currentData().toString();
            vmDraft()->modify([&](VmDraft &d) {
                if (lun < 0)
                    d.osDiskStorageType = type;
                else if (type.isEmpty())
                    d.dataDiskStorageTypes.remove(lun);
                else
                    d.dataDiskStorageTypes[lun] = type;
            });
        });
    }
    for (int i = 0; i < luns.size(); ++i) {
        const int lun = luns.at(i);
        auto *combo = makeVmCombo(m_rowsPanel, "");
        combo->setObjectName(lun < 0 ? QStringLiteral("osDiskDesCombo")
                                     : QStringLiteral("dataDiskDesCombo_%1").arg(lun));
        // A placeholder keeps QComboBox from picking the first row by itself when the list arrives.
        combo->setPlaceholderText(tr("Choose a disk encryption set"));
        auto *proxy = new DiskEncryptionSetFilterModel(combo);
        proxy->setSourceModel(m_context.diskEncryptionSets);
        combo->setModel(proxy);
        auto *label = new QLabel(m_rowsPanel);
        label->setBuddy(combo);
        m_rows->addWidget(label, i, 0);
        m_rows->addWidget(combo, i, 1);
        m_rowLabels << label;
        m_rowCombos << combo;
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, lun, combo] { onDesChosen(lun, combo); });
        // The filter may drop or add rows when the list loads; the draft, not the row, is the truth.
        connect(proxy, &QAbstractItemModel::rowsInserted, this, [this] {
            if (!m_syncing)
                syncFromDraft();
        });
        connect(proxy, &QAbstractItemModel::modelReset, this, [this] {
            if (!m_syncing)
                syncFromDraft();
        });
    }
    m_rows->setColumnStretch(1, 1);
    retranslateUi();
}

void VmDisksPage::syncFromDraft() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const VmDraft &d = draft();
    m_encryptionCombo->setCurrentIndex(m_encryptionCombo->findData(int(d.encryption)));
    const bool cmk = usesCustomerKey(d.encryption);
    m_rowsPanel->setVisible(cmk);
    m_sameCheck->setVisible(cmk && !d.imageDataDiskLuns.isEmpty());
    bool same = true;
    for (int lun : d.imageDataDiskLuns)
        same = same && d.dataDiskDesIds.value(lun) == d.osDiskDesId;
    m_sameCheck->setChecked(same && !d.osDiskDesId.isEmpty());
    m_osSizeSpin->setValue(d.osDiskSizeGb);
    for (auto it = m_storageRows.cbegin(); it != m_storageRows.cend(); ++it) {
        QComboBox *combo = it->second;
        const QString type = d.storageTypeFor(it.key());
        const int index = combo->findData(type);
        if (index < 0 && !type.isEmpty())
            combo->addItem(type, type); // from a draft file: shown, and refused by the validation
        combo->setCurrentIndex(combo->findData(type));
    }
    const bool loaded = m_context.diskEncryptionSets->isComplete();
    for (int i = 0; i < m_rowCombos.size(); ++i) {
        QComboBox *combo = m_rowCombos.at(i);
        auto *proxy = static_cast<DiskEncryptionSetFilterModel *>(combo->model());
        const QString criteria = QStringLiteral("%1|%2|%3")
                                     .arg(normalizeRegion(d.location), d.subscriptionId)
                                     .arg(int(d.encryption));
        if (combo->property("criteria").toString() != criteria) {
            combo->setProperty("criteria", criteria);
            proxy->setCriteria(normalizeRegion(d.location), d.subscriptionId, d.encryption);
        }
        const bool none = loaded && proxy->rowCount() == 0;
        combo->setPlaceholderText(none ? tr("None in this region") : tr("Choose a disk encryption set"));
        combo->setCurrentIndex(proxy->rowOfId(d.desFor(m_rowLuns.at(i))));
        combo->setEnabled(!none);
    }
    updateHints();
}

void VmDisksPage::onDesChosen(int lun, QComboBox *combo) {
    if (m_syncing || combo->currentIndex() < 0)
        return;
    const QString id = combo->currentData(DiskEncryptionSetModel::IdRole).toString();
    const bool same = m_sameCheck->isChecked() && lun < 0;
    vmDraft()->modify([&](VmDraft &d) {
        if (lun < 0)
            d.osDiskDesId = id;
        else
            d.dataDiskDesIds[lun] = id;
        if (same) {
            for (auto it = d.dataDiskDesIds.begin(); it != d.dataDiskDesIds.end(); ++it)
                it.value() = id;
        }
    });
    if (same)
        syncFromDraft();
}

void VmDisksPage::updateHints() {
    if (!m_imageDesLabel || !m_osSizeSpin)
        return;
    const VmDraft &d = draft();
    m_osSizeSpin->setSpecialValueText(
        d.imageOsDiskSizeGb > 0 ? tr("As the image (%1 GiB)").arg(d.imageOsDiskSizeGb) : tr("As the image"));
    const EncryptionImages encryption = m_context.image->info().encryptionIn(d.location);
    const QString region = vmRegionDisplay(m_context, d.location);
    if (!m_context.image->isLoaded()) {
        m_imageDesLabel->clear();
    } else if (encryption.isEmpty()) {
        m_imageDesLabel->setText(tr("In %1 the image version uses platform-managed keys.").arg(region));
    } else {
        QStringList names;
        if (encryption.osDiskImage)
            names << ResourceId::parse(encryption.osDiskImage->diskEncryptionSetId).name();
        for (const DataDiskImageEncryption &data : encryption.dataDiskImages)
            names << ResourceId::parse(data.diskEncryptionSetId).name();
        names.removeDuplicates();
        m_imageDesLabel->setText(
            tr("In %1 the image version is encrypted with %2.").arg(region, names.join(QLatin1String(", "))));
    }
    const bool cmk = usesCustomerKey(d.encryption);
    const bool none = cmk && m_context.diskEncryptionSets->isComplete() &&
                      ImageVersionValidation::suitableDes(m_context.diskEncryptionSets->all(), d.location,
                                                   d.subscriptionId, d.encryption)
                          .empty();
    if (none) {
        m_noDesLabel->setText(tr("There is no disk encryption set of type “%1” in %2 in this subscription. "
                                 "Create one (and give it "
                                 "access to its key vault), then come back:\n%3")
                                  .arg(ImageVersionValidation::encryptionModeLabel(d.encryption), region,
                                       ImageVersionValidation::createDesCommands(d.subscriptionId, d.resourceGroup,
                                                                          d.location, d.encryption)));
    } else {
        m_noDesLabel->clear();
    }
    m_noDesLabel->setVisible(none);
}

QStringList VmDisksPage::computeErrors() const {
    const VmDraft &d = draft();
    QStringList optionErrors = VmValidation::diskOptionErrors(d);
    if (!usesCustomerKey(d.encryption))
        return optionErrors;
    if (m_context.diskEncryptionSets->isLoading())
        return {tr("Wait until the disk encryption sets have been listed.")};
    if (m_context.diskEncryptionSets->error())
        return {tr("The disk encryption sets could not be listed: %1")
                    .arg(m_context.diskEncryptionSets->error().toDisplayString())};
    QStringList errors;
    if (ImageVersionValidation::suitableDes(m_context.diskEncryptionSets->all(), d.location, d.subscriptionId,
                                     d.encryption)
            .empty())
        errors << tr("There is no disk encryption set of type “%1” in %2 in this subscription.")
                      .arg(ImageVersionValidation::encryptionModeLabel(d.encryption),
                           vmRegionDisplay(m_context, d.location));
    errors << VmValidation::diskErrors(d, &m_context.diskEncryptionSets->all()) << optionErrors;
    return errors;
}

// ---- Review + create ------------------------------------------------------------------------------------

VmReviewPage::VmReviewPage(const VmWizardContext &context, QWidget *parent)
    : VmPage(context, parent)
    , m_submitter(new VmSubmitter(context.client, this)) {
    setObjectName(QStringLiteral("vmReviewPage"));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("summaryView"));
    m_summary->setOpenLinks(false);
    m_summary->setMinimumHeight(150);
    layout->addWidget(m_summary, 3);
    auto *requestRow = new QHBoxLayout;
    m_showRequestsButton = new QToolButton(this);
    m_showRequestsButton->setObjectName(QStringLiteral("showRequestsButton"));
    m_showRequestsButton->setCheckable(true);
    m_showRequestsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_showRequestsButton->setArrowType(Qt::RightArrow);
    m_showRequestsButton->setAutoRaise(true);
    requestRow->addWidget(m_showRequestsButton);
    requestRow->addStretch(1);
    m_copyCliButton = new QPushButton(this);
    m_copyCliButton->setObjectName(QStringLiteral("copyCliButton"));
    m_copyPowerShellButton = new QPushButton(this);
    m_copyPowerShellButton->setObjectName(QStringLiteral("copyPowerShellButton"));
    requestRow->addWidget(m_copyCliButton);
    requestRow->addWidget(m_copyPowerShellButton);
    layout->addLayout(requestRow);
    m_requestsEdit = new QPlainTextEdit(this);
    m_requestsEdit->setObjectName(QStringLiteral("requestsEdit"));
    m_requestsEdit->setReadOnly(true);
    m_requestsEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_requestsEdit->setVisible(false);
    layout->addWidget(m_requestsEdit, 3);
    m_copyRequestsButton = new QPushButton(this);
    m_copyRequestsButton->setObjectName(QStringLiteral("copyRequestsButton"));
    m_copyRequestsButton->setVisible(false);
    layout->addWidget(m_copyRequestsButton, 0, Qt::AlignRight);

    m_progressBox = new OperationProgressPanel(this);
    layout->addWidget(m_progressBox);
    addStatusWidgets(layout);

    connect(m_showRequestsButton, &QToolButton::toggled, this, [this](bool shown) {
        m_requestsEdit->setVisible(shown);
        m_copyRequestsButton->setVisible(shown);
        m_showRequestsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_copyRequestsButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_requestsEdit->toPlainText()); });
    connect(m_copyCliButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(VmExporter::azureCli(draft()).text); });
    connect(m_copyPowerShellButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(VmExporter::powerShell(draft()).text); });
    connect(m_submitter, &VmSubmitter::stepStarted, this, [this] { updateProgress(); });
    connect(m_submitter, &VmSubmitter::operationStatusChanged, this, [this] { updateProgress(); });
    connect(m_submitter, &VmSubmitter::finished, this, [this] {
        updateProgress();
        updateButtons();
        if (m_submitter->stage() == VmSubmitter::Stage::Succeeded)
            Q_EMIT virtualMachineCreated(m_submitter->virtualMachineId());
    });
    retranslateUi();
}

void VmReviewPage::retranslateUi() {
    VmPage::retranslateUi();
    setTitle(tr("Review + create"));
    setSubTitle(tr("Check everything, then press Create. Nothing is sent to Azure before that."));
    m_summary->setAccessibleName(tr("Summary"));
    m_showRequestsButton->setText(tr("Show the &requests that will be sent"));
    m_requestsEdit->setAccessibleName(tr("Requests"));
    m_copyRequestsButton->setText(tr("Cop&y the requests"));
    m_copyCliButton->setText(tr("Copy as Azure &CLI"));
    m_copyPowerShellButton->setText(tr("Copy as &PowerShell"));
    if (isVisible())
        refresh();
    updateProgress();
    updateButtons();
}

void VmReviewPage::initializePage() {
    if (!m_submitter->isRunning() && m_submitter->stage() != VmSubmitter::Stage::Succeeded)
        m_progressBox->reset();
    refresh();
    updateButtons();
    revalidate();
}

void VmReviewPage::cleanupPage() {
    m_progressBox->setVisible(false);
}

void VmReviewPage::refresh() {
    const VmRequestPlan plan =
        VmRequests::build(draft(), m_context.client ? m_context.client->endpoint() : QUrl());
    QStringList text;
    for (const VmPutRequest &request : plan.requests)
        text << QStringLiteral("PUT %1\n\n%2\n")
                    .arg(request.url.toString(QUrl::FullyEncoded), request.bodyText());
    m_requestsEdit->setPlainText(text.join(QLatin1Char('\n')));
    m_summary->setHtml(summaryHtml());
}

QString VmReviewPage::summaryHtml() const {
    const VmDraft &d = draft();
    const ResourceId image = ResourceId::parse(d.imageVersionId);
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(vmEsc(tr("Virtual machine")));
    html += vmRow(
        tr("Image version"),
        tr("%1 of %2 (gallery %3)").arg(image.names.value(2), image.names.value(1), image.names.value(0)));
    html += vmRow(tr("Operating system"), d.isSpecialized() ? tr("%1, specialized").arg(d.osType)
                                                            : tr("%1, generalized").arg(d.osType));
    html += vmRow(tr("Subscription"), d.subscriptionId);
    html += vmRow(tr("Resource group"), d.resourceGroup);
    html += vmRow(tr("Name"), d.name);
    html += vmRow(tr("Region"), vmRegionDisplay(m_context, d.location));
    html += vmRow(tr("Size"), d.size);
    if (d.hasAdminAccount()) {
        html += vmRow(tr("Administrator"), d.adminUsername);
        html +=
            vmRow(tr("Authentication"), d.usesSshKey() ? tr("SSH public key") : tr("Password (not shown)"));
    } else {
        html += vmRow(tr("Administrator"), tr("kept from the specialized image"));
    }
    html += QStringLiteral("</table><h3>%1</h3><table>").arg(vmEsc(tr("Networking")));
    if (d.networkMode == VmNetworkMode::NewVirtualNetwork) {
        html += vmRow(tr("New virtual network"), tr("%1 (%2)").arg(d.newVnetName, d.newVnetAddressPrefix));
        html += vmRow(tr("New subnet"), tr("%1 (%2)").arg(d.newSubnetName, d.newSubnetAddressPrefix));
    } else {
        const ResourceId subnet = ResourceId::parse(d.subnetId);
        html += vmRow(tr("Virtual network"), subnet.names.value(0));
        html += vmRow(tr("Subnet"), subnet.names.value(1));
    }
    html += vmRow(tr("Network interface"), d.effectiveNicName());
    html += QStringLiteral("</table><h3>%1</h3><p>%2</p>")
                .arg(vmEsc(tr("Disks")), vmEsc(ImageVersionValidation::encryptionModeLabel(d.encryption)));
    html += QStringLiteral("<table>");
    html +=
        vmRow(tr("OS disk size"), d.osDiskSizeGb > 0 ? tr("%1 GiB").arg(d.osDiskSizeGb) : tr("as the image"));
    QList<int> allDisks{-1};
    allDisks << d.imageDataDiskLuns;
    for (int lun : allDisks) {
        //: Summary row title: %1 the disk (OS disk, Data disk (LUN 1))
        html += vmRow(tr("%1 storage").arg(ImageVersionValidation::diskTitle(lun)),
                      d.storageTypeFor(lun).isEmpty() ? tr("default") : d.storageTypeFor(lun));
    }
    html += QStringLiteral("</table>");
    if (usesCustomerKey(d.encryption)) {
        html += QStringLiteral(
                    "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th><th>%2</th></tr>")
                    .arg(vmEsc(tr("Disk")), vmEsc(tr("Disk encryption set")));
        QList<int> disks{-1};
        disks << d.imageDataDiskLuns;
        for (int lun : disks) {
            const QString id = d.desFor(lun);
            QString name = tr("not chosen");
            if (const DiskEncryptionSet *des = m_context.diskEncryptionSets->find(id))
                name = tr("%1 (%2)").arg(des->name, des->resourceGroup());
            else if (!id.isEmpty())
                name = ResourceId::parse(id).name();
            html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                        .arg(vmEsc(ImageVersionValidation::diskTitle(lun)), vmEsc(name));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

bool VmReviewPage::isComplete() const {
    return !m_submitter->isRunning() && DraftPage::isComplete();
}

bool VmReviewPage::validatePage() {
    if (m_submitter->stage() == VmSubmitter::Stage::Succeeded)
        return true;
    if (m_submitter->isRunning())
        return false;
    refresh();
    m_progressBox->start();
    m_submitter->submit(draft());
    updateProgress();
    updateButtons();
    return false;
}

void VmReviewPage::stop() {
    m_submitter->cancel();
}

void VmReviewPage::updateProgress() {
    using Stage = VmSubmitter::Stage;
    const Stage stage = m_submitter->stage();
    m_progressBox->setStatus(m_submitter->stageText());
    const int steps = qMax(1, m_submitter->stepCount());
    const int done = stage == Stage::Succeeded ? steps
                     : stage == Stage::Idle    ? 0
                                               : qMax(0, m_submitter->currentStep());
    m_progressBox->setProgress(done, steps);
    if (stage == Stage::Succeeded) {
        m_progressBox->setResult(tr("Created: %1").arg(m_submitter->virtualMachineId()));
        m_progressBox->setError(QString());
    } else if (stage == Stage::Failed) {
        m_progressBox->setError(
            tr("%1\nYour choices are kept: go Back to change them, or press Create to try "
               "again.")
                .arg(m_submitter->stageText()));
    } else if (stage == Stage::Canceled) {
        m_progressBox->setError(m_submitter->stageText());
    }
}

void VmReviewPage::updateButtons() {
    OperationProgressPanel::applyWizardButtons(wizard(), m_submitter->isRunning(),
                                               m_submitter->stage() == VmSubmitter::Stage::Succeeded);
    Q_EMIT completeChanged();
}

QStringList VmReviewPage::computeErrors() const {
    const VmRequestPlan plan =
        VmRequests::build(draft(), m_context.client ? m_context.client->endpoint() : QUrl());
    if (!plan.ok())
        return {tr("The requests cannot be built: %1").arg(plan.error.toDisplayString())};
    return VmValidation::offlineErrors(draft());
}

} // namespace cmkui
