#pragma once

// Base of CreateVmWizard's pages. Each one edits the shared cmk::VmDraftModel and, like the image wizard's
// pages (DraftPage), keeps Next disabled with a visible label that says why.

#include "common/draftpage.h"
#include "vm/vmdraft.h"
#include "vmwizard/vmwizard.h"

class QComboBox;
class QLineEdit;

namespace cmkui {

/// Base of the VM pages: the shared context plus DraftPage's error label and busy row.
class VmPage : public DraftPage {
    Q_OBJECT
public:
    VmPage(const VmWizardContext &context, QWidget *parent);

protected:
    cmk::VmDraftModel *vmDraft() const { return m_context.draft; }
    const cmk::VmDraft &draft() const;
    VmWizardContext m_context;
    bool m_syncing = false; ///< true while widgets are filled from the draft
};

/// The image wizard's page services a VM page needs (DraftPage, ReviewCreatePage).
WizardServices vmWizardServices(const VmWizardContext &context);
/// A dropdown of the VM pages, named `name` for tests, wide enough for resource names.
QComboBox *makeVmCombo(QWidget *parent, const char *name);
QLineEdit *makeVmEdit(QWidget *parent, const char *name);
/// The region as the image version names it ("West Europe"), else as given.
QString vmRegionDisplay(const VmWizardContext &context, const QString &region);

} // namespace cmkui
