#pragma once

#include <QDate>
#include <functional>

namespace cmk {
class ArmClient;
class DesHealthCache;
class ImageVersionDraftModel;
class PrerequisiteChecker;
struct ImageVersionDraft;
} // namespace cmk

namespace cmkui {

class DiskEncryptionSetModel;
class ResourceListModel;
struct ImageVersionUpdateState;

/// What the wizard's pages share: the client, the draft they edit, and the lists more than one page shows.
/// Owned by CreateImageVersionWizard.
struct WizardServices {
    cmk::ArmClient *client = nullptr;
    cmk::ImageVersionDraftModel *draft = nullptr;
    DiskEncryptionSetModel *diskEncryptionSets = nullptr; ///< of the draft's subscription
    ResourceListModel *locations = nullptr;               ///< of the draft's subscription
    ResourceListModel *galleries = nullptr; ///< of the draft's resource group (their sharing matters later)
    cmk::DesHealthCache *keyHealth = nullptr;             ///< the health of the chosen sets' keys
    /// The Prerequisites page's checker, which Review + create repeats; null without that page.
    cmk::PrerequisiteChecker *prerequisites = nullptr;
    /// "Today" for the end-of-life check (tests may pin it).
    std::function<QDate()> today = [] { return QDate::currentDate(); };
    /// How often the Review page asks for the replication status after creation.
    int replicationPollIntervalMs = 2000;
    /// Update mode only (imagewizard/updatestate.h): the version as it is; null when creating.
    ImageVersionUpdateState *update = nullptr;
};

} // namespace cmkui
