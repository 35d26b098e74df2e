#include "vm/vmdraft.h"

#include "arm/resources.h"
#include "draft/draftjsonreader.h"

#include <algorithm>

namespace cmk {

QString vmAuthTypeKey(VmAuthType type) {
    return type == VmAuthType::Password ? QStringLiteral("password") : QStringLiteral("sshPublicKey");
}

bool vmAuthTypeFromKey(const QString &key, VmAuthType *type) {
    if (key == QLatin1String("password"))
        *type = VmAuthType::Password;
    else if (key == QLatin1String("sshPublicKey"))
        *type = VmAuthType::SshPublicKey;
    else
        return false;
    return true;
}

QString vmNetworkModeKey(VmNetworkMode mode) {
    return mode == VmNetworkMode::NewVirtualNetwork ? QStringLiteral("newVirtualNetwork")
                                                    : QStringLiteral("existingSubnet");
}

bool vmNetworkModeFromKey(const QString &key, VmNetworkMode *mode) {
    if (key == QLatin1String("newVirtualNetwork"))
        *mode = VmNetworkMode::NewVirtualNetwork;
    else if (key == QLatin1String("existingSubnet"))
        *mode = VmNetworkMode::ExistingSubnet;
    else
        return false;
    return true;
}

QString VmDraft::effectiveNicName() const {
    return nicName.isEmpty() ? name + QStringLiteral("-nic") : nicName;
}

QString VmDraft::osDiskName() const {
    return name + QStringLiteral("_OsDisk");
}

static QString vmGroupScope(const VmDraft &d) {
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(d.subscriptionId, d.resourceGroup);
}

QString VmDraft::vmId() const {
    return vmGroupScope(*this) + QStringLiteral("/providers/Microsoft.Compute/virtualMachines/") + name;
}

QString VmDraft::nicId() const {
    return vmGroupScope(*this) + QStringLiteral("/providers/Microsoft.Network/networkInterfaces/") +
           effectiveNicName();
}

QString VmDraft::newVnetId() const {
    return vmGroupScope(*this) + QStringLiteral("/providers/Microsoft.Network/virtualNetworks/") +
           newVnetName;
}

QString VmDraft::effectiveSubnetId() const {
    if (networkMode == VmNetworkMode::ExistingSubnet)
        return subnetId;
    return newVnetId() + QStringLiteral("/subnets/") + newSubnetName;
}

QString VmDraft::desFor(int lun) const {
    if (!usesCustomerKey(encryption))
        return {};
    return lun < 0 ? osDiskDesId : dataDiskDesIds.value(lun);
}

void VmDraft::normalizeDisks() {
    QMap<int, QString> kept;
    QMap<int, QString> keptTypes;
    for (int lun : imageDataDiskLuns) {
        kept.insert(lun, dataDiskDesIds.value(lun));
        if (!dataDiskStorageTypes.value(lun).isEmpty())
            keptTypes.insert(lun, dataDiskStorageTypes.value(lun));
    }
    dataDiskDesIds = kept;
    dataDiskStorageTypes = keptTypes;
    std::sort(imageDataDiskLuns.begin(), imageDataDiskLuns.end());
}

const QStringList &VmDraft::storageAccountTypes() {
    static const QStringList types = {QStringLiteral("Standard_LRS"), QStringLiteral("StandardSSD_LRS"),
                                      QStringLiteral("Premium_LRS"), QStringLiteral("StandardSSD_ZRS"),
                                      QStringLiteral("Premium_ZRS")};
    return types;
}

QString VmDraft::storageTypeFor(int lun) const {
    return lun < 0 ? osDiskStorageType : dataDiskStorageTypes.value(lun);
}

nlohmann::json VmDraft::toJson(bool withSecrets) const {
    nlohmann::json luns = nlohmann::json::array();
    for (int lun : imageDataDiskLuns)
        luns.push_back(lun);
    nlohmann::json regions = nlohmann::json::array();
    for (const QString &r : imageRegions)
        regions.push_back(r);
    nlohmann::json dataDisks = nlohmann::json::array();
    for (auto it = dataDiskDesIds.cbegin(); it != dataDiskDesIds.cend(); ++it) {
        nlohmann::json disk = {{"lun", it.key()}, {"diskEncryptionSetId", it.value()}};
        if (!dataDiskStorageTypes.value(it.key()).isEmpty())
            disk["storageAccountType"] = dataDiskStorageTypes.value(it.key());
        dataDisks.push_back(disk);
    }
    for (auto it = dataDiskStorageTypes.cbegin(); it != dataDiskStorageTypes.cend(); ++it) {
        if (!dataDiskDesIds.contains(it.key()) && !it.value().isEmpty())
            dataDisks.push_back({{"lun", it.key()}, {"storageAccountType", it.value()}});
    }
    nlohmann::json image = {{"imageVersionId", imageVersionId},
                            {"osType", osType},
                            {"osState", osState},
                            {"replicatedRegions", regions},
                            {"dataDiskLuns", luns}};
    if (imageOsDiskSizeGb > 0)
        image["osDiskSizeGB"] = imageOsDiskSizeGb;
    if (!imageSecurityType.isEmpty())
        image["securityType"] = imageSecurityType;
    nlohmann::json diskOptions = {{"encryption", encryptionModeKey(encryption)},
                                  {"osDiskEncryptionSetId", osDiskDesId},
                                  {"dataDisks", dataDisks}};
    if (osDiskSizeGb > 0)
        diskOptions["osDiskSizeGB"] = osDiskSizeGb;
    if (!osDiskStorageType.isEmpty())
        diskOptions["osDiskStorageAccountType"] = osDiskStorageType;
    if (!securityEncryptionType.isEmpty())
        diskOptions["osDiskSecurityEncryptionType"] = securityEncryptionType;
    if (!secureVmDesId.isEmpty())
        diskOptions["osDiskSecureVmDiskEncryptionSetId"] = secureVmDesId;
    nlohmann::json admin = {{"username", adminUsername},
                            {"authenticationType", vmAuthTypeKey(authType)},
                            {"sshPublicKey", sshPublicKey}};
    if (withSecrets && !adminPassword.isEmpty())
        admin["password"] = adminPassword;
    return {
        {"formatVersion", currentFormatVersion},
        {"image", image},
        {"subscriptionId", subscriptionId},
        {"resourceGroup", resourceGroup},
        {"name", name},
        {"location", location},
        {"size", size},
        {"adminAccount", admin},
        {"network",
         {{"mode", vmNetworkModeKey(networkMode)},
          {"subnetId", subnetId},
          {"newVirtualNetworkName", newVnetName},
          {"newVirtualNetworkAddressPrefix", newVnetAddressPrefix},
          {"newSubnetName", newSubnetName},
          {"newSubnetAddressPrefix", newSubnetAddressPrefix},
          {"networkInterfaceName", nicName}}},
        {"disks", diskOptions},
    };
}

bool VmDraft::fromJson(const nlohmann::json &json, VmDraft *out, QString *error) {
    DraftJsonReader r(error);
    if (!r.start(json, currentFormatVersion, tr("A VM draft must be a JSON object."),
                 tr("This VM draft has format version %1; this program reads version %2 and older.")))
        return false;
    VmDraft d;
    const nlohmann::json &image = r.object(json, "image");
    d.imageVersionId = r.string(image, "imageVersionId");
    d.osType = r.string(image, "osType", d.osType);
    d.osState = r.string(image, "osState", d.osState);
    for (const QString &region : r.strings(image, "replicatedRegions"))
        d.imageRegions.append(normalizeRegion(region));
    // A LUN is 0..63; anything outside int range would wrap silently on conversion.
    d.imageDataDiskLuns = r.integers(image, "dataDiskLuns", 0);
    d.imageOsDiskSizeGb = r.integer(image, "osDiskSizeGB", 0);
    d.imageSecurityType = r.string(image, "securityType");
    d.subscriptionId = r.string(json, "subscriptionId");
    d.resourceGroup = r.string(json, "resourceGroup");
    d.name = r.string(json, "name");
    d.location = r.string(json, "location");
    d.size = r.string(json, "size");
    const nlohmann::json &admin = r.object(json, "adminAccount");
    d.adminUsername = r.string(admin, "username");
    r.choice(admin, "authenticationType", vmAuthTypeKey, vmAuthTypeFromKey, &d.authType,
             tr("Unknown authentication type “%1” in the VM draft."));
    d.sshPublicKey = r.string(admin, "sshPublicKey");
    d.adminPassword = r.string(admin, "password");
    const nlohmann::json &network = r.object(json, "network");
    r.choice(network, "mode", vmNetworkModeKey, vmNetworkModeFromKey, &d.networkMode,
             tr("Unknown network mode “%1” in the VM draft."));
    d.subnetId = r.string(network, "subnetId");
    d.newVnetName = r.string(network, "newVirtualNetworkName");
    d.newVnetAddressPrefix = r.string(network, "newVirtualNetworkAddressPrefix", d.newVnetAddressPrefix);
    d.newSubnetName = r.string(network, "newSubnetName", d.newSubnetName);
    d.newSubnetAddressPrefix = r.string(network, "newSubnetAddressPrefix", d.newSubnetAddressPrefix);
    d.nicName = r.string(network, "networkInterfaceName");
    const nlohmann::json &disks = r.object(json, "disks");
    r.choice(disks, "encryption", encryptionModeKey, encryptionModeFromKey, &d.encryption,
             tr("Unknown encryption type “%1” in the VM draft."));
    d.osDiskDesId = r.string(disks, "osDiskEncryptionSetId");
    d.osDiskSizeGb = r.integer(disks, "osDiskSizeGB", 0);
    d.osDiskStorageType = r.string(disks, "osDiskStorageAccountType");
    d.securityEncryptionType = r.string(disks, "osDiskSecurityEncryptionType");
    d.secureVmDesId = r.string(disks, "osDiskSecureVmDiskEncryptionSetId");
    for (const nlohmann::json &disk : r.array(disks, "dataDisks")) {
        if (!r.isObject(disk, "dataDisks"))
            break;
        const int lun = r.integer(disk, "lun", -1);
        if (r.ok() && lun < 0)
            r.fail(tr("A data disk of the VM draft has no LUN."));
        d.dataDiskDesIds.insert(lun, r.string(disk, "diskEncryptionSetId"));
        const QString storageType = r.string(disk, "storageAccountType");
        if (!storageType.isEmpty())
            d.dataDiskStorageTypes.insert(lun, storageType);
    }
    if (!r.ok())
        return false;
    if (d.subscriptionId.isEmpty())
        d.subscriptionId = ResourceId::parse(d.imageVersionId).subscriptionId;
    *out = d;
    return true;
}

bool VmDraft::load(const QString &path, VmDraft *out, QString *error) {
    return loadDraftFile(path, out, error,
                         {tr("Cannot read the VM draft %1: %2"), tr("The VM draft %1 is not valid JSON."),
                          tr("The VM draft %1 cannot be used: %2")});
}

bool VmDraft::operator==(const VmDraft &o) const {
    return imageVersionId == o.imageVersionId && osType == o.osType && osState == o.osState &&
           imageRegions == o.imageRegions && imageDataDiskLuns == o.imageDataDiskLuns &&
           subscriptionId == o.subscriptionId && resourceGroup == o.resourceGroup && name == o.name &&
           location == o.location && size == o.size && adminUsername == o.adminUsername &&
           authType == o.authType && sshPublicKey == o.sshPublicKey && adminPassword == o.adminPassword &&
           networkMode == o.networkMode && subnetId == o.subnetId && newVnetName == o.newVnetName &&
           newVnetAddressPrefix == o.newVnetAddressPrefix && newSubnetName == o.newSubnetName &&
           newSubnetAddressPrefix == o.newSubnetAddressPrefix && nicName == o.nicName &&
           encryption == o.encryption && osDiskDesId == o.osDiskDesId && dataDiskDesIds == o.dataDiskDesIds &&
           imageOsDiskSizeGb == o.imageOsDiskSizeGb && osDiskSizeGb == o.osDiskSizeGb &&
           osDiskStorageType == o.osDiskStorageType && dataDiskStorageTypes == o.dataDiskStorageTypes &&
           imageSecurityType == o.imageSecurityType && securityEncryptionType == o.securityEncryptionType &&
           secureVmDesId == o.secureVmDesId;
}

bool VmDraft::isConfidentialVm() const {
    return imageSecurityType.compare(QLatin1String("ConfidentialVM"), Qt::CaseInsensitive) == 0 ||
           imageSecurityType.compare(QLatin1String("ConfidentialVMSupported"), Qt::CaseInsensitive) == 0;
}

} // namespace cmk
