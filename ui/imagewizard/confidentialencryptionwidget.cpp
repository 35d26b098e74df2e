#include "imagewizard/confidentialencryptionwidget.h"

#include "arm/resources.h"
#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "common/usertext.h"
#include "imageversion/confidentialvm.h"
#include "imageversion/imageversiondraft.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScopedValueRollback>
#include <QVBoxLayout>

using namespace cmk;

namespace cmkui {

namespace {

QString cvmRowName(const char *prefix, const QString &region) {
    return QStringLiteral("%1_%2").arg(QLatin1String(prefix), normalizeRegion(region));
}

void selectData(QComboBox *combo, const QString &value) {
    int index = combo->findData(value);
    if (index < 0 && !value.isEmpty()) {
        // A value the list does not offer (a set of another region, a typed draft) stays visible as it is.
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(qMax(0, index));
}

} // namespace

ConfidentialEncryptionWidget::ConfidentialEncryptionWidget(const WizardServices &services, QWidget *parent)
    : QGroupBox(parent)
    , m_services(services) {
    setObjectName(QStringLiteral("confidentialVmBox"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("confidentialVmIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_rows = new QGridLayout;
    m_rows->setColumnStretch(2, 1);
    layout->addLayout(m_rows);
    for (int column = 0; column < 3; ++column) {
        auto *header = new QLabel(this);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        m_rows->addWidget(header, 0, column);
        m_headers << header;
    }
    connect(m_services.draft, &ImageVersionDraftModel::changed, this, &ConfidentialEncryptionWidget::follow);
    DiskEncryptionSetModel *sets = m_services.diskEncryptionSets;
    connect(sets, &DiskEncryptionSetModel::loadFinished, this, [this] {
        m_regions.clear();
        follow();
    });
    connect(sets, &DiskEncryptionSetModel::modelReset, this, [this] {
        m_regions.clear();
        follow();
    });
    retranslateUi();
    follow();
}

void ConfidentialEncryptionWidget::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void ConfidentialEncryptionWidget::retranslateUi() {
    setTitle(tr("Confidential VM encryption"));
    m_intro->setText(
        tr("This image definition is a Confidential VM image: every copy of the OS disk carries a "
           "confidential VM encryption type. EncryptedWithCmk also needs a secure-VM disk "
           "encryption set (type %1) in the region. Only NonPersistedTPM can be replicated beyond "
           "the home region.")
            .arg(confidentialVmDesEncryptionType()));
    m_headers.at(0)->setText(tr("Region"));
    m_headers.at(1)->setText(tr("Confidential VM encryption type"));
    m_headers.at(2)->setText(tr("Secure-VM disk encryption set"));
    m_regions.clear(); // the rows' accessible names and "(none)" items are texts too
    follow();
}

const std::vector<DiskEncryptionSet> *ConfidentialEncryptionWidget::liveSets() const {
    const DiskEncryptionSetModel *sets = m_services.diskEncryptionSets;
    return sets->isComplete() ? &sets->all() : nullptr;
}

QString ConfidentialEncryptionWidget::regionDisplay(const QString &region) const {
    // Translated by the catalogue (French portal names); ARM's own display name only for a region it lacks.
    const int row = m_services.locations->rowOfName(region);
    const QString armDisplay = row >= 0 ? m_services.locations->row(row).display : QString();
    return RegionNames::displayName(region, armDisplay);
}

QStringList ConfidentialEncryptionWidget::errors() const {
    return ConfidentialVmValidation::errors(m_services.draft->draft(), liveSets(), true);
}

void ConfidentialEncryptionWidget::follow() {
    if (m_syncing)
        return;
    const ImageVersionDraft &d = m_services.draft->draft();
    setVisible(d.isConfidentialVmImage() || d.hasConfidentialVmEncryption());
    QStringList regions;
    for (const RegionDraft &region : d.targetRegions)
        regions << region.name;
    if (regions != m_regions || d.imageSecurityType != m_securityType || d.subscriptionId != m_subscription)
        rebuildRows();
    syncRows();
}

void ConfidentialEncryptionWidget::rebuildRows() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = m_services.draft->draft();
    while (m_rows->count() > m_headers.size()) {
        QLayoutItem *item = m_rows->takeAt(int(m_headers.size()));
        if (QWidget *widget = item->widget()) {
            widget->setObjectName(QString()); // gone for tests and accessibility at once
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    m_regions.clear();
    m_securityType = d.imageSecurityType;
    m_subscription = d.subscriptionId;
    int row = 1;
    for (const RegionDraft &region : d.targetRegions) {
        const QString name = region.name;
        m_regions << name;
        const QString display = regionDisplay(name);
        auto *label = new QLabel(display, this);
        m_rows->addWidget(label, row, 0);
        auto *type = new QComboBox(this);
        type->setObjectName(cvmRowName("cvmType", name));
        //: Accessible name of a dropdown; %1 is a region
        type->setAccessibleName(tr("Confidential VM encryption type in %1").arg(display));
        type->addItem(tr("(none)"), QString());
        for (const QString &value : confidentialVmEncryptionTypes()) {
            type->addItem(value, value);
            type->setItemData(type->count() - 1, ConfidentialVmValidation::typeDescription(value),
                              Qt::ToolTipRole);
        }
        m_rows->addWidget(type, row, 1);
        auto *des = new QComboBox(this);
        des->setObjectName(cvmRowName("cvmDes", name));
        //: Accessible name of a dropdown; %1 is a region
        des->setAccessibleName(tr("Secure-VM disk encryption set in %1").arg(display));
        des->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        des->setMinimumContentsLength(16);
        fillSecureDes(des, name);
        m_rows->addWidget(des, row, 2);
        auto *error = new QLabel(this);
        error->setObjectName(cvmRowName("cvmError", name));
        error->setWordWrap(true);
        QPalette palette = error->palette();
        palette.setColor(QPalette::WindowText, QColor(0xa4, 0x00, 0x0f));
        error->setPalette(palette);
        m_rows->addWidget(error, row + 1, 1, 1, 2);
        connect(type, &QComboBox::currentIndexChanged, this,
                [this, name, type] { onTypeChosen(name, type); });
        connect(des, &QComboBox::currentIndexChanged, this, [this, name, des] { onDesChosen(name, des); });
        row += 2;
    }
}

void ConfidentialEncryptionWidget::fillSecureDes(QComboBox *combo, const QString &region) {
    const ImageVersionDraft &d = m_services.draft->draft();
    combo->clear();
    combo->addItem(tr("(none)"), QString());
    const std::vector<DiskEncryptionSet> suitable = ConfidentialVmValidation::suitableSecureDes(
        m_services.diskEncryptionSets->inRegions({region}), region, d.subscriptionId);
    for (const DiskEncryptionSet &des : suitable) {
        //: A disk encryption set in a list: %1 its name, %2 its resource group
        combo->addItem(tr("%1 (%2)").arg(des.name, des.resourceGroup()), des.id);
    }
}

void ConfidentialEncryptionWidget::syncRows() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = m_services.draft->draft();
    const std::vector<DiskEncryptionSet> *sets = liveSets();
    for (int i = 0; i < d.targetRegions.size(); ++i) {
        const RegionDraft &region = d.targetRegions.at(i);
        auto *type = findChild<QComboBox *>(cvmRowName("cvmType", region.name));
        auto *des = findChild<QComboBox *>(cvmRowName("cvmDes", region.name));
        auto *error = findChild<QLabel *>(cvmRowName("cvmError", region.name));
        if (!type || !des || !error)
            continue;
        selectData(type, region.confidentialVmEncryptionType);
        selectData(des, region.secureVmDesId);
        // The set is only for EncryptedWithCmk; one already chosen stays changeable so it can be cleared.
        des->setEnabled(region.confidentialVmEncryptionType == encryptedWithCmkType() ||
                        !region.secureVmDesId.isEmpty());
        const QStringList problems = ConfidentialVmValidation::regionErrors(d, i, sets);
        error->setText(problems.join(QLatin1Char('\n')));
        error->setVisible(m_errorsShown && !problems.isEmpty());
    }
}

void ConfidentialEncryptionWidget::setErrorsShown(bool shown) {
    if (shown == m_errorsShown)
        return;
    m_errorsShown = shown;
    syncRows();
}

void ConfidentialEncryptionWidget::onTypeChosen(const QString &region, QComboBox *combo) {
    if (m_syncing)
        return;
    const QString type = combo->currentData().toString();
    m_services.draft->modify([&](ImageVersionDraft &d) {
        const int index = d.regionIndex(region);
        if (index < 0)
            return;
        RegionDraft &target = d.targetRegions[index];
        target.confidentialVmEncryptionType = type;
        // Only EncryptedWithCmk takes a secure set: offer the region's only one at once.
        if (type != encryptedWithCmkType()) {
            target.secureVmDesId.clear();
        } else if (target.secureVmDesId.isEmpty()) {
            auto *des = findChild<QComboBox *>(cvmRowName("cvmDes", region));
            if (des && des->count() == 2)
                target.secureVmDesId = des->itemData(1).toString();
        }
    });
    Q_EMIT edited();
}

void ConfidentialEncryptionWidget::onDesChosen(const QString &region, QComboBox *combo) {
    if (m_syncing)
        return;
    const QString id = combo->currentData().toString();
    m_services.draft->modify([&](ImageVersionDraft &d) {
        const int index = d.regionIndex(region);
        if (index >= 0)
            d.targetRegions[index].secureVmDesId = id;
    });
    Q_EMIT edited();
}

} // namespace cmkui
