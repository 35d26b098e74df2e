#pragma once

// Updating an existing image version (`cmkwizard edit` / `update`, the wizard's update mode): the update
// draft made from the version as Azure has it, the rules an update keeps (each with its translated reason),
// and the PATCH that sends it. The rules compare two drafts: the version as it is now and the draft to send.

#include "imageversion/imageversiondraft.h"
#include "imageversion/imageversionsubmitter.h"

#include <QCoreApplication>
#include <QStringList>

namespace cmk {

/// The update draft of the version `versionId`, from the draft that describes it as it is
/// (VersionReview::toDraft, draftFromImageVersion).
ImageVersionDraft updateDraftFor(ImageVersionDraft describingVersion, const QString &versionId);

class ImageVersionUpdateRules {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionUpdateRules)
public:
    /// Regions of `current` that `updated` no longer lists (ARM names, in `current`'s order).
    static QStringList removedRegions(const ImageVersionDraft &current, const ImageVersionDraft &updated);
    /// Regions `updated` lists that `current` does not.
    static QStringList addedRegions(const ImageVersionDraft &current, const ImageVersionDraft &updated);
    /// What an update draft breaks on its own, before the version is read: the home region (its location)
    /// missing from its target regions.
    static QStringList offlineErrors(const ImageVersionDraft &updated);
    /// What stops `updated` from being sent as an update of `current` (translated sentences); empty when it
    /// may be sent. `allowRegionRemoval`: the update sets safetyProfile.allowDeletionOfReplicatedLocations.
    static QStringList errors(const ImageVersionDraft &current, const ImageVersionDraft &updated,
                              bool allowRegionRemoval);

private:
    static QString homeRegionRemoved(const QString &home);
    static QStringList lockedErrors(const ImageVersionDraft &current, const ImageVersionDraft &updated);
    static QStringList encryptionErrors(const ImageVersionDraft &current, const ImageVersionDraft &updated);
    static QStringList regionErrors(const ImageVersionDraft &current, const ImageVersionDraft &updated,
                                    bool allowRegionRemoval);
};

/// The PATCH of an update draft: tags, the whole publishing profile (target regions with their encryption,
/// replica counts, storage types, excludeFromLatest, end of life), an empty storageProfile (the spec requires
/// the property; the source does not change) and safetyProfile.allowDeletionOfReplicatedLocations when
/// `allowRegionRemoval`. Its URL is rendered by `client`, empty without one.
ImageVersionRequest buildImageVersionUpdateRequest(const ImageVersionDraft &draft,
                                                   const ArmClient *client = nullptr,
                                                   bool allowRegionRemoval = false);

} // namespace cmk
