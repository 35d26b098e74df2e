#pragma once

// Updating an existing image version (`cmkwizard edit` / `update`, the wizard's update mode): the update
// draft made from the version as Azure has it, the rules an update keeps (each with its translated reason),
// and the PATCH that sends it. The rules compare two drafts: the version as it is now and the draft to send.

#include "imageversion/imageversiondraft.h"
#include "imageversion/imageversionsubmitter.h"

#include <QCoreApplication>
#include <QStringList>

namespace cmk {

struct VersionReview;

/// The update draft of the version `versionId`, from the draft that describes it as it is
/// (VersionReview::toDraft, draftFromImageVersion).
ImageVersionDraft updateDraftFor(ImageVersionDraft describingVersion, const QString &versionId);
/// The update draft of a reviewed version (`cmkwizard edit`, the review window's "Edit replication…").
ImageVersionDraft updateDraftFor(const VersionReview &review);

class ImageVersionUpdateRules {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionUpdateRules)
public:
    /// Who can allow the removal of replicated regions, for the reason that asks for it.
    enum class RemovalConsent {
        CommandLine, ///< cmkwizard update --allow-region-removal
        Checkbox,    ///< the wizard's Replication page
    };

    /// Regions of `current` that `updated` no longer lists (ARM names, in `current`'s order).
    static QStringList removedRegions(const ImageVersionDraft &current, const ImageVersionDraft &updated);
    /// Regions `updated` lists that `current` does not.
    static QStringList addedRegions(const ImageVersionDraft &current, const ImageVersionDraft &updated);
    /// The removed regions other than the home region: their replicas are deleted.
    static QStringList removedReplicatedRegions(const ImageVersionDraft &current,
                                                const ImageVersionDraft &updated);
    /// What an update draft breaks on its own, before the version is read: the home region (its location)
    /// missing from its target regions.
    static QStringList offlineErrors(const ImageVersionDraft &updated);
    /// What stops `updated` from being sent as an update of `current` (translated sentences); empty when it
    /// may be sent. `allowRegionRemoval`: the update sets safetyProfile.allowDeletionOfReplicatedLocations.
    static QStringList errors(const ImageVersionDraft &current, const ImageVersionDraft &updated,
                              bool allowRegionRemoval);
    /// The part of errors() about the encryption: no going back to platform-managed keys.
    static QStringList encryptionErrors(const ImageVersionDraft &current, const ImageVersionDraft &updated);
    /// The part of errors() about the target regions: the home region stays, replicated regions go only
    /// when allowed, storage account types stay.
    static QStringList regionErrors(const ImageVersionDraft &current, const ImageVersionDraft &updated,
                                    bool allowRegionRemoval,
                                    RemovalConsent consent = RemovalConsent::CommandLine);

private:
    static QString homeRegionRemoved(const QString &home);
    static QStringList lockedErrors(const ImageVersionDraft &current, const ImageVersionDraft &updated);
};

/// One line of what an update changes, as Review + create shows it: what, in which region (empty: the
/// version as a whole), before → after, in the user's words.
struct ImageVersionChange {
    QString region; ///< ARM name
    QString what;
    QString before;
    QString after;
    bool operator==(const ImageVersionChange &o) const {
        return region == o.region && what == o.what && before == o.before && after == o.after;
    }
};

/// The diff between the version as it is and an update draft: target regions added or removed, replica
/// counts, storage types, the set of every disk (and the Confidential VM profile), the encryption type,
/// end of life, exclude from latest, tags. Empty when the draft changes nothing.
class ImageVersionUpdateDiff {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionUpdateDiff)
public:
    static QList<ImageVersionChange> changes(const ImageVersionDraft &current,
                                             const ImageVersionDraft &updated);
    /// What "no value" reads as in a change (a region that was not a target, a tag that was not set).
    static QString none();

private:
    static void addRegionChanges(QList<ImageVersionChange> &out, const ImageVersionDraft &current,
                                 const ImageVersionDraft &updated);
    static void addDiskChanges(QList<ImageVersionChange> &out, const ImageVersionDraft &current,
                               const RegionDraft *before, const ImageVersionDraft &updated,
                               const RegionDraft &after);
    static void addVersionChanges(QList<ImageVersionChange> &out, const ImageVersionDraft &current,
                                  const ImageVersionDraft &updated);
    static void addTagChanges(QList<ImageVersionChange> &out, const ImageVersionDraft &current,
                              const ImageVersionDraft &updated);
    static QString setName(const QString &desId);
};

/// The PATCH of an update draft: tags, the whole publishing profile (target regions with their encryption,
/// replica counts, storage types, excludeFromLatest, end of life), an empty storageProfile (the spec requires
/// the property; the source does not change) and safetyProfile.allowDeletionOfReplicatedLocations when
/// `allowRegionRemoval`. Its URL is rendered by `client`, empty without one.
ImageVersionRequest buildImageVersionUpdateRequest(const ImageVersionDraft &draft,
                                                   const ArmClient *client = nullptr,
                                                   bool allowRegionRemoval = false);

} // namespace cmk
