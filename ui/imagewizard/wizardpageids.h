#pragma once

namespace cmkui {

/// Page ids of CreateImageVersionWizard, in order. QWizard goes to the next higher id by default, so a page
/// that is not added (e.g. Prerequisites) is simply skipped.
enum WizardPageId {
    BasicsPageId = 0,
    PrerequisitesPageId = 10,
    ReplicationPageId = 20,
    EncryptionPageId = 30,
    TagsPageId = 40,
    ReviewPageId = 50,
};

} // namespace cmkui
