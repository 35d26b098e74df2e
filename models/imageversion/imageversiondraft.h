#pragma once

// The state of the "create an image version" flow, independent of any widget: the wizard pages edit it, the
// draft store saves it, the submitter turns it into a PUT, and `cmkwizard create` reads it from a file.
// The JSON format is documented in docs/draft-format.md.

#include "draft/draftmodel.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <nlohmann/json.hpp>

namespace cmk {

/// Where the image version's disks come from.
enum class SourceKind {
    ManagedImage,   ///< Microsoft.Compute/images
    Snapshots,      ///< an OS-disk snapshot plus data-disk snapshots, each with a LUN
    VirtualMachine, ///< Microsoft.Compute/virtualMachines (no customer-managed keys)
    ImageVersion,   ///< another gallery image version
};

/// How the image version's disks are encrypted at rest in every target region.
enum class EncryptionMode {
    PlatformKey,             ///< platform-managed key (default, nothing sent)
    CustomerKey,             ///< EncryptionAtRestWithCustomerKey
    PlatformAndCustomerKeys, ///< EncryptionAtRestWithPlatformAndCustomerKeys (double encryption)
};

/// Whether a draft describes a version to create or an existing version to update (`cmkwizard edit`).
enum class DraftMode {
    Create, ///< a new image version (PUT)
    Update, ///< the existing version `versionId` (PATCH); its source is locked
};

QString draftModeKey(DraftMode mode); ///< "create", "update"
bool draftModeFromKey(const QString &key, DraftMode *mode);
QString sourceKindKey(SourceKind kind); ///< "managedImage", "snapshots", "virtualMachine", "imageVersion"
bool sourceKindFromKey(const QString &key, SourceKind *kind);
QString encryptionModeKey(EncryptionMode mode); ///< "platformKey", "customerKey", "platformAndCustomerKeys"
bool encryptionModeFromKey(const QString &key, EncryptionMode *mode);
/// The DiskEncryptionSet encryptionType a mode needs; empty for PlatformKey.
QString desEncryptionTypeFor(EncryptionMode mode);
inline bool usesCustomerKey(EncryptionMode mode) {
    return mode != EncryptionMode::PlatformKey;
}

/// Storage account types a target region may use.
QStringList storageAccountTypes();

struct DataDiskSnapshot {
    int lun = 0;
    QString snapshotId;
    bool operator==(const DataDiskSnapshot &o) const { return lun == o.lun && snapshotId == o.snapshotId; }
};

struct RegionDraft {
    QString name; ///< ARM location name, e.g. "westeurope"
    int replicaCount = 1;
    QString storageAccountType = QStringLiteral("Standard_LRS");
    bool sameDesForAllDisks = true;
    QString osDiskDesId;               ///< DES resource id for the OS disk (customer-managed keys only)
    QMap<int, QString> dataDiskDesIds; ///< LUN -> DES resource id
    /// Confidential VM image definitions only (encryption.osDiskImage.securityProfile): one of
    /// confidentialVmEncryptionTypes(), empty for none; and the DES of type
    /// ConfidentialVmEncryptedWithCustomerKey that EncryptedWithCmk needs.
    QString confidentialVmEncryptionType;
    QString secureVmDesId;
    bool operator==(const RegionDraft &o) const;
};

struct TagDraft {
    QString name;
    QString value;
    bool operator==(const TagDraft &o) const { return name == o.name && value == o.value; }
};

struct ImageVersionDraft {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionDraft)
public:
    static constexpr int currentFormatVersion = 1;

    DraftMode mode = DraftMode::Create;
    QString versionId; ///< DraftMode::Update: resource ID of the version being updated
    bool isUpdate() const { return mode == DraftMode::Update; }

    // Basics
    QString subscriptionId; ///< GUID
    QString resourceGroup;
    QString galleryName;
    QString imageDefinitionName;
    QString versionName; ///< MAJOR.MINOR.PATCH
    QString location;    ///< ARM location name; always the first target region
    SourceKind sourceKind = SourceKind::ManagedImage;
    QString sourceId;                          ///< managed image, VM, image version, or the OS-disk snapshot
    QList<DataDiskSnapshot> dataDiskSnapshots; ///< SourceKind::Snapshots only
    QList<int>
        sourceDataDiskLuns; ///< data-disk LUNs of a managed image / VM / image version source, as last read
    QString imageSecurityType; ///< the image definition's SecurityType feature, as last read (empty: none)

    // Replication
    QList<RegionDraft> targetRegions; ///< [0] is the location
    int defaultReplicaCount = 1;
    QString defaultStorageAccountType = QStringLiteral("Standard_LRS");
    QDate endOfLifeDate; ///< invalid: none
    bool excludeFromLatest = false;

    // Encryption
    EncryptionMode encryption = EncryptionMode::PlatformKey;

    // Tags
    QList<TagDraft> tags;

    /// The data disks the image version will have, ascending.
    QList<int> dataDiskLuns() const;
    int regionIndex(const QString &name) const; ///< -1 when absent (names compared normalised)
    /// Puts the location first in targetRegions (adding it when missing), keeping the other regions.
    void placeLocationFirst();
    /// Drops per-disk DES choices of disks that no longer exist, and fills "same for all disks" rows.
    void normalizeEncryption();
    /// DES chosen for a disk in a region (lun < 0: OS disk); honours "same DES for all disks".
    QString desFor(const RegionDraft &region, int lun) const;
    /// The image definition says SecurityType ConfidentialVM or ConfidentialVMSupported.
    bool isConfidentialVmImage() const;
    /// Some target region carries a Confidential VM security profile.
    bool hasConfidentialVmEncryption() const;
    /// Some disk is encrypted with a customer-managed key: the encryption type, or a Confidential VM
    /// profile's secure-VM set (EncryptedWithCmk). Seed limitation 3 (no sharing, no copy) minds both.
    bool usesCustomerManagedKeys() const;

    nlohmann::json toJson() const;
    /// Reads a draft; unknown fields are ignored, a wrong type or an unsupported formatVersion is an error.
    static bool fromJson(const nlohmann::json &json, ImageVersionDraft *out, QString *error);

    bool operator==(const ImageVersionDraft &o) const;
    bool operator!=(const ImageVersionDraft &o) const { return !(*this == o); }
};

/// The one image-version draft the wizard edits (see DraftModel).
class ImageVersionDraftModel : public DraftModel<ImageVersionDraft> {
    Q_OBJECT
public:
    using DraftModel::DraftModel;
};

} // namespace cmk
