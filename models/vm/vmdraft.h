#pragma once

// The state of "Create VM from this version", independent of any widget: the VM wizard's pages edit it,
// `cmkwizard create-vm --draft FILE` reads it, the request builder turns it into the PUTs of the virtual
// network (when new), the network interface and the virtual machine. Format in docs/create-vm.md.

#include "draft/draftmodel.h"
#include "imageversion/imageversiondraft.h" // EncryptionMode

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace cmk {

enum class VmAuthType {
    SshPublicKey, ///< Linux only
    Password,
};
QString vmAuthTypeKey(VmAuthType type); ///< "sshPublicKey", "password"
bool vmAuthTypeFromKey(const QString &key, VmAuthType *type);

enum class VmNetworkMode {
    ExistingSubnet,    ///< a subnet of an existing virtual network in the VM's region
    NewVirtualNetwork, ///< a new virtual network with one subnet, created first
};
QString vmNetworkModeKey(VmNetworkMode mode); ///< "existingSubnet", "newVirtualNetwork"
bool vmNetworkModeFromKey(const QString &key, VmNetworkMode *mode);

struct VmDraft {
    Q_DECLARE_TR_FUNCTIONS(VmDraft)
public:
    static constexpr int currentFormatVersion = 1;

    // The image version the VM starts from, and what was read about it (kept so that the draft can be
    // checked and exported offline).
    QString imageVersionId;
    QString osType = QStringLiteral("Linux");        ///< of the image definition: Linux | Windows
    QString osState = QStringLiteral("Generalized"); ///< of the image definition: Generalized | Specialized
    QStringList imageRegions;                        ///< regions the version is replicated to (normalised)
    QList<int> imageDataDiskLuns;                    ///< data disks of the version, ascending
    int imageOsDiskSizeGb = 0;                       ///< size of the version's OS disk; 0 when unknown
    QString imageSecurityType; ///< the image definition's SecurityType feature (empty: none)

    // Basics
    QString subscriptionId; ///< of the VM (and of its DES); defaults to the version's
    QString resourceGroup;
    QString name;
    QString location; ///< ARM location name, one of imageRegions
    QString size;     ///< e.g. Standard_D2s_v5
    QString adminUsername;
    VmAuthType authType = VmAuthType::SshPublicKey;
    QString sshPublicKey;
    QString
        adminPassword; ///< never logged nor shown; the draft file holds it only when the user put it there

    // Networking
    VmNetworkMode networkMode = VmNetworkMode::ExistingSubnet;
    QString subnetId; ///< existing subnet (ExistingSubnet)
    QString newVnetName;
    QString newVnetAddressPrefix = QStringLiteral("10.0.0.0/16");
    QString newSubnetName = QStringLiteral("default");
    QString newSubnetAddressPrefix = QStringLiteral("10.0.0.0/24");
    QString nicName; ///< empty: "<name>-nic"

    // Disks
    EncryptionMode encryption = EncryptionMode::CustomerKey;
    QString osDiskDesId;
    QMap<int, QString> dataDiskDesIds; ///< LUN -> DES id
    int osDiskSizeGb = 0;              ///< GiB; 0: the image's OS disk size
    QString osDiskStorageType;         ///< storage account type (Premium_LRS…); empty: Azure's default
    QMap<int, QString> dataDiskStorageTypes; ///< LUN -> storage account type; absent or empty: default
    // Confidential VM (images with SecurityType ConfidentialVM or ConfidentialVMSupported)
    QString securityEncryptionType; ///< osDisk.managedDisk.securityProfile: DiskWithVMGuestState, ...
    QString secureVmDesId; ///< its disk encryption set (ConfidentialVmEncryptedWithCustomerKey), OS disk only

    /// The managed-disk storage account types a VM disk may use.
    static const QStringList &storageAccountTypes();
    /// The storage account type of a disk (lun < 0: OS disk); empty for Azure's default.
    QString storageTypeFor(int lun) const;

    bool isWindows() const { return osType.compare(QLatin1String("Windows"), Qt::CaseInsensitive) == 0; }
    bool isSpecialized() const {
        return osState.compare(QLatin1String("Specialized"), Qt::CaseInsensitive) == 0;
    }
    /// The VM's admin account is sent (generalized images only).
    bool hasAdminAccount() const { return !isSpecialized(); }
    /// The VM is created as a Confidential VM (its image is a Confidential VM image).
    bool isConfidentialVm() const;
    /// The OS disk is encrypted by the secure-VM disk encryption set, not by osDiskDesId.
    bool osDiskUsesSecureDes() const { return isConfidentialVm() && !secureVmDesId.isEmpty(); }
    bool usesSshKey() const {
        return hasAdminAccount() && !isWindows() && authType == VmAuthType::SshPublicKey;
    }
    QString effectiveNicName() const;
    QString osDiskName() const; ///< "<name>_OsDisk"
    QString vmId() const;
    QString nicId() const;
    QString newVnetId() const;
    /// The subnet the NIC joins: the existing one, or the new network's.
    QString effectiveSubnetId() const;
    /// The DES of a disk (lun < 0: OS disk); empty with platform-managed keys.
    QString desFor(int lun) const;
    /// Keeps one DES entry per data disk of the image, dropping the others.
    void normalizeDisks();

    /// Without the password unless `withSecrets`.
    nlohmann::json toJson(bool withSecrets = false) const;
    static bool fromJson(const nlohmann::json &json, VmDraft *out, QString *error);
    static bool load(const QString &path, VmDraft *out, QString *error);

    bool operator==(const VmDraft &o) const;
    bool operator!=(const VmDraft &o) const { return !(*this == o); }
};

/// The one VM draft the wizard edits (see DraftModel).
class VmDraftModel : public DraftModel<VmDraft> {
    Q_OBJECT
public:
    using DraftModel::DraftModel;
};

} // namespace cmk
