#include "vmwizard/vmdiskspage.h"

#include "common/diskencryptionsetmodel.h"
#include "common/usertext.h"
#include "imageversion/imageversionvalidation.h"
#include "vm/vmsource.h"
#include "vm/vmvalidation.h"
#include "vmwizard/vmconfidentialwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace cmk;

namespace cmkui {

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
    m_encryptionLabel = addLabelledRow(form, m_encryptionCombo);
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
    m_confidential = new VmConfidentialWidget(m_context, this);
    layout->addWidget(m_confidential);
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
        m_encryptionCombo->setItemText(i, ImageVersionValidation::encryptionModeLabel(
                                              EncryptionMode(m_encryptionCombo->itemData(i).toInt())));
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
        for (int i = 1; i < it->second->count(); ++i)
            it->second->setItemText(i, ServiceTerms::storageType(it->second->itemData(i).toString()));
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
        for (const QString &type : VmDraft::storageAccountTypes()) {
            combo->addItem(ServiceTerms::storageType(type), type);
            combo->setItemData(combo->count() - 1, type, Qt::ToolTipRole);
        }
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
                                       ImageVersionValidation::createDesCommands(
                                           d.subscriptionId, d.resourceGroup, d.location, d.encryption)));
    } else {
        m_noDesLabel->clear();
    }
    m_noDesLabel->setVisible(none);
}

QStringList VmDisksPage::computeErrors() const {
    const VmDraft &d = draft();
    QStringList optionErrors = VmValidation::diskOptionErrors(d) + m_confidential->errors();
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

} // namespace cmkui
