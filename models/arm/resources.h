#pragma once

// Typed ARM resources, matching GalleryRP 2025-12-03 (and 2025-03-03), DiskRP 2026-03-02 (and 2025-01-02) and
// Microsoft.Resources.
// Each type has to_json/from_json (nlohmann) in resources.cpp. Parsing ignores unknown fields and treats
// missing optional fields as absent; a wrong JSON type throws nlohmann::json::exception, which the
// callers turn into ArmError::Kind::MalformedResponse via parseResource<T>() below.

#include "arm/armerror.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

// QString <-> JSON string (UTF-8), so the structs below can use Qt strings.
void to_json(nlohmann::json &j, const QString &s);
void from_json(const nlohmann::json &j, QString &s);

namespace cmk {

/// "West US" == "westus" == "WESTUS": lower case, spaces removed.
QString normalizeRegion(const QString &region);
bool sameRegion(const QString &a, const QString &b);

/// The parts of an ARM resource id; case-insensitive keywords, names as written.
struct ResourceId {
    QString subscriptionId;
    QString resourceGroup;
    QString providerNamespace; ///< e.g. "Microsoft.Compute"
    QStringList types;         ///< e.g. {"galleries","images","versions"}
    QStringList names;         ///< e.g. {"gal","def","1.0.0"}
    bool valid = false;
    static ResourceId parse(const QString &id);
    QString name() const { return names.isEmpty() ? QString() : names.last(); }
    QString fullType() const; ///< "Microsoft.Compute/galleries/images/versions"
};
bool sameResourceId(const QString &a, const QString &b); ///< case-insensitive, tolerant of trailing '/'

/// Copies where the image version `id` sits into `place` (a draft, a review: anything with those members):
/// subscriptionId and resourceGroup, then galleryName, imageDefinitionName and versionName when `id` names
/// all three. False when it does not, and those three are left as they were.
template <typename Place> bool assignImageVersionNames(const ResourceId &id, Place &place) {
    place.subscriptionId = id.subscriptionId;
    place.resourceGroup = id.resourceGroup;
    if (id.names.size() != 3)
        return false;
    place.galleryName = id.names.at(0);
    place.imageDefinitionName = id.names.at(1);
    place.versionName = id.names.at(2);
    return true;
}

struct Subscription {
    QString id;             ///< "/subscriptions/GUID"
    QString subscriptionId; ///< GUID
    QString tenantId;
    QString displayName;
    QString state; ///< Enabled, Disabled, Warned...
};

struct Tenant {
    QString id;
    QString tenantId;
    QString displayName;
    QString defaultDomain;
};

struct Location {
    QString id;
    QString name;        ///< "westus"
    QString displayName; ///< "West US"
    QString regionalDisplayName;
};

struct ResourceGroup {
    QString id;
    QString name;
    QString location;
    QString provisioningState;
    QMap<QString, QString> tags;
};

/// One entry of a gallery's sharingProfile.groups (the ids it is shared with are not read).
struct GallerySharingGroup {
    QString type; ///< Subscriptions | AADTenants
};

struct Gallery {
    QString id, name, location, description, provisioningState;
    QString uniqueName; ///< identifier.uniqueName
    QMap<QString, QString> tags;
    QString sharingPermissions; ///< sharingProfile.permissions: Private | Groups | Community (empty: private)
    std::vector<GallerySharingGroup> sharingGroups; ///< sharingProfile.groups
    std::optional<bool> communityGalleryEnabled;    ///< sharingProfile.communityGalleryInfo
    /// Shared with other subscriptions or tenants (direct shared gallery) or with everyone (community
    /// gallery): Azure does not allow images that use customer-managed keys there.
    bool isShared() const;
};

struct GalleryImageFeature {
    QString name, value;
};

struct GalleryImage {
    QString id, name, location, description, provisioningState;
    QString osType;           ///< Windows | Linux
    QString osState;          ///< Generalized | Specialized
    QString hyperVGeneration; ///< V1 | V2
    QString publisher, offer, sku;
    QString architecture;
    std::vector<GalleryImageFeature> features;
    QString securityType() const; ///< value of the "SecurityType" feature, empty when none
    QMap<QString, QString> tags;
};

struct DiskImageEncryption {
    QString diskEncryptionSetId;
    // securityProfile (osDiskImage of Confidential VM image definitions only)
    QString confidentialVmEncryptionType; ///< EncryptedVMGuestStateOnlyWithPmk | EncryptedWithPmk | ...
    QString secureVmDiskEncryptionSetId;  ///< a DES of type ConfidentialVmEncryptedWithCustomerKey
};
struct DataDiskImageEncryption {
    int lun = 0;
    QString diskEncryptionSetId;
};
struct EncryptionImages {
    std::optional<DiskImageEncryption> osDiskImage;
    std::vector<DataDiskImageEncryption> dataDiskImages;
    bool isEmpty() const { return !osDiskImage && dataDiskImages.empty(); }
};

struct TargetRegion {
    QString name;
    std::optional<int> regionalReplicaCount;
    QString storageAccountType; ///< Standard_LRS | Standard_ZRS | Premium_LRS (empty: not sent)
    std::optional<bool> excludeFromLatest;
    std::optional<EncryptionImages> encryption;
};

struct GalleryDiskImage {
    std::optional<int> lun; ///< data disks only
    std::optional<int> sizeInGB;
    QString hostCaching;
    QString sourceId; ///< source.id (snapshot, managed disk)
    QString sourceUri;
    QString sourceStorageAccountId;
};

struct GalleryImageVersionStorageProfile {
    QString sourceId;         ///< source.id: managed image, snapshot-less image version, ...
    QString virtualMachineId; ///< source.virtualMachineId
    std::optional<GalleryDiskImage> osDiskImage;
    std::vector<GalleryDiskImage> dataDiskImages;
};

struct RegionalReplicationStatus {
    QString region, state, details;
    int progress = 0;
};

struct GalleryImageVersion {
    QString id, name, location, type, provisioningState;
    QMap<QString, QString> tags;
    // publishingProfile
    std::vector<TargetRegion> targetRegions;
    std::optional<int> replicaCount;
    std::optional<bool> excludeFromLatest;
    QString endOfLifeDate; ///< ISO 8601 as sent
    QString publishedDate;
    QString storageAccountType;
    QString replicationMode;
    GalleryImageVersionStorageProfile storageProfile;
    std::optional<bool> blockDeletionBeforeEndOfLife; ///< safetyProfile
    bool reportedForPolicyViolation = false;
    // replicationStatus ($expand=ReplicationStatus)
    QString aggregatedReplicationState;
    std::vector<RegionalReplicationStatus> replicationSummary;
    /// Some disk in some target region is encrypted with a disk encryption set (a customer-managed key),
    /// the secure-VM set of a Confidential VM profile included.
    bool usesCustomerKey() const;
};

struct DiskEncryptionSet {
    QString id, name, location, type, provisioningState;
    QString encryptionType; ///< EncryptionAtRestWithCustomerKey | EncryptionAtRestWithPlatformAndCustomerKeys
                            ///< | ConfidentialVmEncryptedWithCustomerKey
    QString keyUrl;         ///< activeKey.keyUrl
    QString sourceVaultId;  ///< activeKey.sourceVault.id
    QString identityType;
    bool rotationToLatestKeyVersionEnabled = false;
    QMap<QString, QString> tags;
    QString resourceGroup() const; ///< from id
    QString subscriptionId() const;
};

struct ManagedImage {
    QString id, name, location, provisioningState;
    QString osType, osState, hyperVGeneration;
    std::vector<int> dataDiskLuns;
};

struct Snapshot {
    QString id, name, location, provisioningState;
    QString osType; ///< empty for data-disk snapshots
    QString hyperVGeneration;
    std::optional<int> diskSizeGB;
    QString encryptionType; ///< properties.encryption.type
    QString diskEncryptionSetId;
};

struct VirtualMachine {
    QString id, name, location, provisioningState, vmSize;
    QString osType;
    std::vector<int> dataDiskLuns;
};

/// Microsoft.Features/providers/{ns}/features/{name}
struct FeatureRegistration {
    QString id, name, type;
    QString state; ///< NotRegistered | Registering | Registered | Unregistering | Unregistered | Pending
};

/// Microsoft.Resources providers/{ns}
struct ProviderRegistration {
    QString id, providerNamespace;
    QString registrationState; ///< NotRegistered | Registering | Registered | Unregistering
};

// nlohmann::json conversions, found by ADL (j.get<T>(), json(v)); resources.cpp derives both directions from
// one field list per type.
void to_json(nlohmann::json &j, const Subscription &v);
void from_json(const nlohmann::json &j, Subscription &v);
void to_json(nlohmann::json &j, const Tenant &v);
void from_json(const nlohmann::json &j, Tenant &v);
void to_json(nlohmann::json &j, const Location &v);
void from_json(const nlohmann::json &j, Location &v);
void to_json(nlohmann::json &j, const ResourceGroup &v);
void from_json(const nlohmann::json &j, ResourceGroup &v);
void to_json(nlohmann::json &j, const Gallery &v);
void from_json(const nlohmann::json &j, Gallery &v);
void to_json(nlohmann::json &j, const GallerySharingGroup &v);
void from_json(const nlohmann::json &j, GallerySharingGroup &v);
void to_json(nlohmann::json &j, const GalleryImageFeature &v);
void from_json(const nlohmann::json &j, GalleryImageFeature &v);
void to_json(nlohmann::json &j, const GalleryImage &v);
void from_json(const nlohmann::json &j, GalleryImage &v);
void to_json(nlohmann::json &j, const DiskImageEncryption &v);
void from_json(const nlohmann::json &j, DiskImageEncryption &v);
void to_json(nlohmann::json &j, const DataDiskImageEncryption &v);
void from_json(const nlohmann::json &j, DataDiskImageEncryption &v);
void to_json(nlohmann::json &j, const EncryptionImages &v);
void from_json(const nlohmann::json &j, EncryptionImages &v);
void to_json(nlohmann::json &j, const TargetRegion &v);
void from_json(const nlohmann::json &j, TargetRegion &v);
void to_json(nlohmann::json &j, const GalleryDiskImage &v);
void from_json(const nlohmann::json &j, GalleryDiskImage &v);
void to_json(nlohmann::json &j, const GalleryImageVersionStorageProfile &v);
void from_json(const nlohmann::json &j, GalleryImageVersionStorageProfile &v);
void to_json(nlohmann::json &j, const RegionalReplicationStatus &v);
void from_json(const nlohmann::json &j, RegionalReplicationStatus &v);
void to_json(nlohmann::json &j, const GalleryImageVersion &v);
void from_json(const nlohmann::json &j, GalleryImageVersion &v);
void to_json(nlohmann::json &j, const DiskEncryptionSet &v);
void from_json(const nlohmann::json &j, DiskEncryptionSet &v);
void to_json(nlohmann::json &j, const ManagedImage &v);
void from_json(const nlohmann::json &j, ManagedImage &v);
void to_json(nlohmann::json &j, const Snapshot &v);
void from_json(const nlohmann::json &j, Snapshot &v);
void to_json(nlohmann::json &j, const VirtualMachine &v);
void from_json(const nlohmann::json &j, VirtualMachine &v);
void to_json(nlohmann::json &j, const FeatureRegistration &v);
void from_json(const nlohmann::json &j, FeatureRegistration &v);
void to_json(nlohmann::json &j, const ProviderRegistration &v);
void from_json(const nlohmann::json &j, ProviderRegistration &v);

/// Converts without throwing: a JSON shape error becomes a MalformedResponse error.
template <typename T> ArmError parseResource(const nlohmann::json &j, T &out) {
    try {
        out = j.get<T>();
        return {};
    } catch (const nlohmann::json::exception &e) {
        return ArmError::make(ArmError::Kind::MalformedResponse, QString::fromUtf8(e.what()));
    }
}
template <typename T> ArmError parseResources(const nlohmann::json &array, std::vector<T> &out) {
    try {
        out = array.get<std::vector<T>>();
        return {};
    } catch (const nlohmann::json::exception &e) {
        return ArmError::make(ArmError::Kind::MalformedResponse, QString::fromUtf8(e.what()));
    }
}

} // namespace cmk
