#include "vmwizard/vmbasicspage.h"

#include "common/resourcelistmodel.h"
#include "inventory/resourceinventory.h"
#include "vm/vmlistings.h"
#include "vm/vmsource.h"
#include "vm/vmvalidation.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

using namespace cmk;

namespace cmkui {

namespace {

std::optional<std::vector<VmSize>> vmSizesOf(const ResourceListModel *model) {
    if (!model->isComplete())
        return std::nullopt;
    std::vector<VmSize> sizes;
    for (const ResourceListModel::Row &r : model->rows()) {
        if (const VmSize *size = r.resourceAs<VmSize>())
            sizes.push_back(*size);
    }
    return sizes;
}

} // namespace

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
    m_groupLabel = addLabelledRow(form, m_groupCombo);
    m_nameEdit = makeVmEdit(this, "vmNameEdit");
    m_nameLabel = addLabelledRow(form, m_nameEdit);
    m_nameError = makeFieldErrorLabel(this, "vmNameErrorLabel");
    form->addRow(QString(), m_nameError);
    m_regionCombo = makeVmCombo(this, "regionCombo");
    m_regionLabel = addLabelledRow(form, m_regionCombo);
    m_sizeCombo = makeVmCombo(this, "sizeCombo");
    m_sizeCombo->setModel(m_context.sizes);
    m_sizeLabel = addLabelledRow(form, m_sizeCombo);
    layout->addLayout(form);

    m_specializedNote = new QLabel(this);
    m_specializedNote->setObjectName(QStringLiteral("specializedNote"));
    m_specializedNote->setWordWrap(true);
    layout->addWidget(m_specializedNote);

    m_adminBox = new QGroupBox(this);
    m_adminBox->setObjectName(QStringLiteral("adminGroup"));
    auto *adminForm = new QFormLayout(m_adminBox);
    m_userEdit = makeVmEdit(m_adminBox, "adminUsernameEdit");
    m_userLabel = addLabelledRow(adminForm, m_userEdit);
    m_userError = makeFieldErrorLabel(m_adminBox, "adminUsernameErrorLabel");
    adminForm->addRow(QString(), m_userError);
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
    m_keyLabel = addLabelledRow(adminForm, m_keyEdit);
    m_keyError = makeFieldErrorLabel(m_adminBox, "sshKeyErrorLabel");
    adminForm->addRow(QString(), m_keyError);
    m_passwordEdit = makeVmEdit(m_adminBox, "passwordEdit");
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordLabel = addLabelledRow(adminForm, m_passwordEdit);
    m_passwordError = makeFieldErrorLabel(m_adminBox, "passwordErrorLabel");
    adminForm->addRow(QString(), m_passwordError);
    m_confirmEdit = makeVmEdit(m_adminBox, "confirmPasswordEdit");
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_confirmLabel = addLabelledRow(adminForm, m_confirmEdit);
    m_confirmError = makeFieldErrorLabel(m_adminBox, "confirmPasswordErrorLabel");
    adminForm->addRow(QString(), m_confirmError);
    layout->addWidget(m_adminBox);
    layout->addStretch(1);
    addStatusWidgets(layout);

    connectFields();
}

void VmBasicsPage::connectFields() {
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
    m_nameLabel->setText(tr("Virtual machine na&me:"));
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
        m_groups->load(ResourceInventory(m_context.client).resourceGroups(d.subscriptionId));
    }
    m_groupCombo->setCurrentIndex(m_groups->rowOfName(d.resourceGroup));
    if (m_nameEdit->text() != d.name)
        m_nameEdit->setText(d.name);
    if (m_regionCombo->count() != info.regions.size()) {
        m_regionCombo->clear();
        for (int i = 0; i < info.regions.size(); ++i)
            m_regionCombo->addItem(vmRegionDisplay(m_context, info.regions.at(i)), info.regions.at(i));
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
    return errors;
}

QList<std::pair<QLabel *, QString>> VmBasicsPage::fieldProblems() const {
    if (!m_context.image->isLoaded())
        return {};
    const VmDraft &d = draft();
    QList<std::pair<QLabel *, QString>> problems{{m_nameError, VmValidation::vmNameError(d.name, d.isWindows())}};
    if (d.hasAdminAccount()) {
        problems.append({m_userError, VmValidation::adminUsernameError(d.adminUsername, d.isWindows())});
        if (d.usesSshKey()) {
            problems.append({m_keyError, VmValidation::sshPublicKeyError(d.sshPublicKey)});
        } else {
            problems.append({m_passwordError, VmValidation::passwordError(d.adminPassword, d.isWindows())});
            if (!d.adminPassword.isEmpty() && m_confirmEdit->text() != d.adminPassword)
                problems.append({m_confirmError, tr("The two passwords differ.")});
        }
    }
    return problems;
}

QStringList VmBasicsPage::computeFieldErrors() const {
    QStringList errors;
    for (const auto &[label, error] : fieldProblems()) {
        if (!error.isEmpty())
            errors << error;
    }
    return errors;
}

void VmBasicsPage::showFieldErrors(const QStringList &errors) {
    for (QLabel *label : {m_nameError, m_userError, m_keyError, m_passwordError, m_confirmError})
        label->setVisible(false);
    for (const auto &[label, error] : fieldProblems()) {
        if (!error.isEmpty() && errors.contains(error))
            showErrorLines(label, {error});
    }
}

} // namespace cmkui
