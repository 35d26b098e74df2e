#include "vmwizard/vmconfidentialwidget.h"

#include "common/diskencryptionsetmodel.h"
#include "imageversion/confidentialvm.h"
#include "vm/vmconfidential.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QScopedValueRollback>

using namespace cmk;

namespace cmkui {

VmConfidentialWidget::VmConfidentialWidget(const VmWizardContext &context, QWidget *parent)
    : QGroupBox(parent)
    , m_context(context) {
    setObjectName(QStringLiteral("vmConfidentialBox"));
    auto *form = new QFormLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    form->addRow(m_intro);
    m_typeCombo = new QComboBox(this);
    m_typeCombo->setObjectName(QStringLiteral("vmSecurityEncryptionTypeCombo"));
    for (const QString &type : vmSecurityEncryptionTypes())
        m_typeCombo->addItem(type, type);
    m_typeLabel = new QLabel(this);
    m_typeLabel->setBuddy(m_typeCombo);
    form->addRow(m_typeLabel, m_typeCombo);
    m_desCombo = new QComboBox(this);
    m_desCombo->setObjectName(QStringLiteral("vmSecureDesCombo"));
    m_desLabel = new QLabel(this);
    m_desLabel->setBuddy(m_desCombo);
    form->addRow(m_desLabel, m_desCombo);

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_syncing)
            return;
        const QString type = m_typeCombo->currentData().toString();
        m_context.draft->modify([&](VmDraft &d) {
            d.securityEncryptionType = type;
            if (type != QLatin1String("DiskWithVMGuestState"))
                d.secureVmDesId.clear();
        });
    });
    connect(m_desCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            m_context.draft->modify(
                [&](VmDraft &d) { d.secureVmDesId = m_desCombo->currentData().toString(); });
    });
    connect(m_context.draft, &VmDraftModel::changed, this, &VmConfidentialWidget::sync);
    connect(m_context.diskEncryptionSets, &DiskEncryptionSetModel::loadFinished, this,
            &VmConfidentialWidget::sync);
    retranslateUi();
}

void VmConfidentialWidget::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void VmConfidentialWidget::retranslateUi() {
    setTitle(tr("Confidential VM"));
    m_intro->setText(
        tr("The image is a Confidential VM image: the VM is created as a Confidential VM with secure "
           "boot and a virtual TPM, and its OS disk keeps the VM guest state encrypted."));
    m_typeLabel->setText(tr("OS disk &confidential encryption:"));
    m_desLabel->setText(tr("Secure-VM disk encr&yption set:"));
    sync();
}

QStringList VmConfidentialWidget::errors() const {
    const DiskEncryptionSetModel *sets = m_context.diskEncryptionSets;
    return VmConfidentialValidation::diskErrors(m_context.draft->draft(),
                                                sets->isComplete() ? &sets->all() : nullptr);
}

void VmConfidentialWidget::sync() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const VmDraft &d = m_context.draft->draft();
    setVisible(d.isConfidentialVm());
    m_typeCombo->setCurrentIndex(m_typeCombo->findData(d.securityEncryptionType));
    m_desCombo->clear();
    m_desCombo->addItem(tr("(none)"), QString());
    const std::vector<DiskEncryptionSet> suitable = ConfidentialVmValidation::suitableSecureDes(
        m_context.diskEncryptionSets->inRegions({d.location}), d.location, d.subscriptionId);
    for (const DiskEncryptionSet &des : suitable)
        //: A disk encryption set in a list: %1 its name, %2 its resource group
        m_desCombo->addItem(tr("%1 (%2)").arg(des.name, des.resourceGroup()), des.id);
    int index = m_desCombo->findData(d.secureVmDesId);
    if (index < 0 && !d.secureVmDesId.isEmpty()) {
        m_desCombo->addItem(d.secureVmDesId, d.secureVmDesId);
        index = m_desCombo->count() - 1;
    }
    m_desCombo->setCurrentIndex(qMax(0, index));
    m_desCombo->setEnabled(d.securityEncryptionType == QLatin1String("DiskWithVMGuestState"));
}

} // namespace cmkui
