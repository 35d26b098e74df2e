#pragma once

// Validation rules of an image-version draft: pure functions that return translated, complete sentences
// saying what is wrong (empty when fine). The wizard shows them under each page; `cmkwizard create` prints
// them on stderr. Rules that need live data take that data as arguments.

#include "arm/resources.h"
#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>
#include <vector>

namespace cmk {

class ImageVersionValidation {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionValidation)
public:
    static constexpr int maxLun = 63;
    static constexpr int minReplicaCount = 1;
    static constexpr int maxReplicaCount = 100;
    static constexpr int maxTagNameLength = 512;
    static constexpr int maxTagValueLength = 256;
    static constexpr int maxTagCount = 50;

    /// "OS disk" or "data disk (LUN n)" (lun < 0 is the OS disk).
    static QString diskLabel(int lun);
    /// "OS disk" or "Data disk (LUN n)", for column titles.
    static QString diskTitle(int lun);
    /// Human name of an encryption mode, as the radio buttons say it.
    static QString encryptionModeLabel(EncryptionMode mode);

    /// MAJOR.MINOR.PATCH, each part a non-negative 32-bit integer.
    static QString versionNameError(const QString &versionName);
    /// True when both name the same version (1.0.0 == 1.00.0).
    static bool sameVersion(const QString &a, const QString &b);
    static QString existingVersionError(const QString &versionName, const QStringList &existingVersionNames);
    static QString lunError(int lun);

    /// Basics page: required fields, version format, the version must not exist, source, LUNs.
    static QStringList basicsErrors(const ImageVersionDraft &draft, const QStringList &existingVersionNames);
    /// Replication page: regions, replica counts, storage types, end-of-life date after `today`.
    static QStringList replicationErrors(const ImageVersionDraft &draft, const QDate &today);
    /// Whether a DES may encrypt a disk of this draft in `region`: same region, same subscription, matching
    /// type.
    static bool desSuitable(const DiskEncryptionSet &des, const QString &region,
                            const QString &subscriptionId, EncryptionMode mode);
    static std::vector<DiskEncryptionSet> suitableDes(const std::vector<DiskEncryptionSet> &all,
                                                      const QString &region, const QString &subscriptionId,
                                                      EncryptionMode mode);
    /// Target regions with no suitable DES among `available`.
    static QStringList regionsWithoutSuitableDes(const ImageVersionDraft &draft,
                                                 const std::vector<DiskEncryptionSet> &available);
    /// Encryption page: VM sources and CMK, one suitable DES chosen for every disk in every region.
    static QStringList encryptionErrors(const ImageVersionDraft &draft,
                                        const std::vector<DiskEncryptionSet> &available);
    /// Why the set `chosen` cannot encrypt the disk `lun` in `region`: when no set has that ID but one of
    /// that name exists elsewhere in `available` (a bare name az resolved in another resource group), "did
    /// you mean" it; else not in that region, subscription or of type `type`.
    static QString unsuitableDesError(const QString &chosen, int lun, const QString &region, const QString &type,
                                      const std::vector<DiskEncryptionSet> &available);
    /// Ready-to-copy Azure CLI and PowerShell commands creating a DES for `region` (not translated:
    /// commands).
    static QString createDesCommands(const QString &subscriptionId, const QString &resourceGroup,
                                     const QString &region, EncryptionMode mode);
    static QString tagNameError(const QString &name);
    static QString tagValueError(const QString &value);
    /// Tags page: each tag as ARM checks it, no duplicate names, at most 50 tags.
    static QStringList tagErrors(const ImageVersionDraft &draft);

    /// Seed limitation "you cannot share or copy images that use customer-managed keys", part one: a
    /// version that uses them cannot go into a gallery shared with other subscriptions, tenants or the
    /// community. Empty when `gallery` is private or the draft uses the platform-managed key.
    static QString sharedGalleryError(const ImageVersionDraft &draft, const Gallery &gallery);
    /// Part two: an image version whose own disks use customer-managed keys cannot be the source of another
    /// one (a copy), whatever the new version's encryption. Empty when `source` uses none.
    static QString customerKeySourceError(const GalleryImageVersion &source);

    /// Everything checkable without live data (what `create --offline` checks).
    static QStringList offlineErrors(const ImageVersionDraft &draft, const QDate &today);
};

} // namespace cmk
