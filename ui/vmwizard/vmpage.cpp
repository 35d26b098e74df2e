#include "vmwizard/vmpage.h"

#include "common/usertext.h"
#include "vm/vmsource.h"

#include <QComboBox>
#include <QLineEdit>

using namespace cmk;

namespace cmkui {

WizardServices vmWizardServices(const VmWizardContext &context) {
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

QString vmRegionDisplay(const VmWizardContext &context, const QString &region) {
    const VmImageInfo &info = context.image->info();
    const int i = int(info.regions.indexOf(normalizeRegion(region)));
    return cmk::RegionNames::displayName(region, i >= 0 ? info.regionDisplayNames.value(i) : QString());
}

VmPage::VmPage(const VmWizardContext &context, QWidget *parent)
    : DraftPage(vmWizardServices(context), parent)
    , m_context(context) {
    revealOnChangesOf(context.draft);
}

const VmDraft &VmPage::draft() const {
    return m_context.draft->draft();
}

} // namespace cmkui
