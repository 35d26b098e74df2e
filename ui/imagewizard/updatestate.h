#pragma once

// Update mode of the image-version wizard (the review window's "Edit replication…"): what the pages compare
// the draft with, and what only the update itself carries.

#include "imageversion/imageversiondraft.h"

namespace cmkui {

/// Owned by CreateImageVersionWizard in update mode; WizardServices::update points to it.
struct ImageVersionUpdateState {
    cmk::ImageVersionDraft current; ///< the version as Azure had it when the wizard opened (its update draft)
    /// The update may delete the replicas of removed regions
    /// (safetyProfile.allowDeletionOfReplicatedLocations).
    bool allowRegionRemoval = false;
};

} // namespace cmkui
