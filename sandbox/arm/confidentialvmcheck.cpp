#include "arm/confidentialvmcheck.h"

#include "arm/armstore.h"
#include "arm/descheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace armsandbox {

namespace {

const QString kConfidentialVm = QStringLiteral("ConfidentialVM");
const QString kConfidentialVmSupported = QStringLiteral("ConfidentialVMSupported");
const QString kNonPersistedTpm = QStringLiteral("NonPersistedTPM");
const QString kEncryptedWithCmk = QStringLiteral("EncryptedWithCmk");
const QString kSecureDesType = QStringLiteral("ConfidentialVmEncryptedWithCustomerKey");

/// GalleryRP ConfidentialVMEncryptionType (2025-03-03; 2025-12-03 adds none).
const QStringList &confidentialTypes() {
    static const QStringList types = {QStringLiteral("EncryptedVMGuestStateOnlyWithPmk"),
                                      QStringLiteral("EncryptedWithPmk"), kEncryptedWithCmk,
                                      kNonPersistedTpm};
    return types;
}

bool isConfidential(const QString &securityType) {
    return securityType.compare(kConfidentialVm, Qt::CaseInsensitive) == 0 ||
           securityType.compare(kConfidentialVmSupported, Qt::CaseInsensitive) == 0;
}

/// The secure-VM disk encryption set `desId` of a region or a VM (`where`: its region), at `target`: refused
/// with `misuse` when that is set (the encryption type takes no set), else a valid set (DesChecker) of the
/// confidential type.
std::optional<ApiResponse> checkSecureDes(const ArmStore &store, DesChecker::Encrypting what,
                                          const QString &subscriptionId, const QString &where,
                                          const QString &desId, const QString &target,
                                          const QString &misuse) {
    if (!misuse.isEmpty())
        return invalidParameter(misuse, target);
    DesChecker checker(store, what, subscriptionId, where);
    if (auto bad = checker.check(desId, target))
        return bad;
    const QString type = valueAt(store.resource(desId), {"properties", "encryptionType"}).toString();
    if (type == kSecureDesType)
        return std::nullopt;
    return invalidParameter(
        QCoreApplication::translate("armsandbox", "The disk encryption set '%1' has encryption type '%2'; a "
                                                  "Confidential VM needs one of type %3.")
            .arg(desId, type, kSecureDesType),
        target);
}

/// One target region's security profile.
std::optional<ApiResponse> checkRegionProfile(const ArmStore &store, const QString &subscriptionId,
                                              const QString &securityType, const QJsonObject &region,
                                              const QString &base) {
    const QJsonObject profile = valueAt(region, {"encryption", "osDiskImage", "securityProfile"}).toObject();
    const QString target = base + QStringLiteral(".encryption.osDiskImage.securityProfile");
    const QString type = profile.value(QLatin1String("confidentialVMEncryptionType")).toString();
    const QString secureDes = profile.value(QLatin1String("secureVMDiskEncryptionSetId")).toString();
    if (!profile.isEmpty() && !isConfidential(securityType))
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "The encryption.osDiskImage.securityProfile can be specified only for "
                              "images whose SecurityType is ConfidentialVM or ConfidentialVMSupported."),
            target);
    if (type.isEmpty() && securityType.compare(kConfidentialVm, Qt::CaseInsensitive) == 0)
        return invalidParameter(
            QCoreApplication::translate("armsandbox",
                                        "The regional encryption.osDiskImage.securityProfile.type must be "
                                        "specified when the SecurityType of the image definition is "
                                        "ConfidentialVM."),
            target);
    if (!type.isEmpty() && !confidentialTypes().contains(type))
        return invalidParameter(
            QCoreApplication::translate("armsandbox",
                                        "The value '%1' of parameter 'confidentialVMEncryptionType' is "
                                        "invalid. Allowed values are %2.")
                .arg(type, confidentialTypes().join(QStringLiteral(", "))),
            target + QStringLiteral(".confidentialVMEncryptionType"));
    if (type == kEncryptedWithCmk && secureDes.isEmpty())
        return missingParameter(QStringLiteral("secureVMDiskEncryptionSetId"),
                                target + QStringLiteral(".secureVMDiskEncryptionSetId"));
    if (secureDes.isEmpty())
        return std::nullopt;
    return checkSecureDes(store, DesChecker::Encrypting::ImageVersionRegion, subscriptionId,
                          region.value(QLatin1String("name")).toString(), secureDes,
                          target + QStringLiteral(".secureVMDiskEncryptionSetId"),
                          type == kEncryptedWithCmk
                              ? QString()
                              : QCoreApplication::translate(
                                    "armsandbox", "secureVMDiskEncryptionSetId can be specified only when "
                                                  "confidentialVMEncryptionType is EncryptedWithCmk."));
}

} // namespace

QString definitionSecurityType(const QJsonObject &definition) {
    for (const auto &feature : valueAt(definition, {"properties", "features"}).toArray()) {
        const QJsonObject f = feature.toObject();
        if (f.value(QLatin1String("name"))
                .toString()
                .compare(QLatin1String("SecurityType"), Qt::CaseInsensitive) == 0)
            return f.value(QLatin1String("value")).toString();
    }
    return {};
}

QString imageDefinitionSecurityType(const ArmStore &store, const QString &definitionId) {
    return definitionSecurityType(store.resource(definitionId));
}

QJsonObject withoutConfidentialVmProfile(QJsonObject encryption) {
    QJsonObject os = encryption.value(QLatin1String("osDiskImage")).toObject();
    if (!os.contains(QLatin1String("securityProfile")))
        return encryption;
    os.remove(QStringLiteral("securityProfile"));
    if (os.isEmpty())
        encryption.remove(QStringLiteral("osDiskImage"));
    else
        encryption.insert(QStringLiteral("osDiskImage"), os);
    return encryption;
}

std::optional<ApiResponse> checkConfidentialVmImageVersion(const ArmStore &store,
                                                           const QString &subscriptionId,
                                                           const QString &versionId,
                                                           const QJsonObject &body) {
    const QString definitionId = versionId.section(QLatin1Char('/'), 0, -3);
    const QString securityType = imageDefinitionSecurityType(store, definitionId);
    const QString home = body.value(QLatin1String("location")).toString();
    const QJsonArray targets = valueAt(body, {"properties", "publishingProfile", "targetRegions"}).toArray();
    if (targets.isEmpty() && securityType.compare(kConfidentialVm, Qt::CaseInsensitive) == 0)
        return checkRegionProfile(store, subscriptionId, securityType,
                                  QJsonObject{{QStringLiteral("name"), home}},
                                  QStringLiteral("properties.publishingProfile.targetRegions[0]"));
    for (int i = 0; i < targets.size(); ++i) {
        const QJsonObject region = targets.at(i).toObject();
        const QString base = QStringLiteral("properties.publishingProfile.targetRegions[%1]").arg(i);
        if (auto bad = checkRegionProfile(store, subscriptionId, securityType, region, base))
            return bad;
        const QString type =
            valueAt(region, {"encryption", "osDiskImage", "securityProfile", "confidentialVMEncryptionType"})
                .toString();
        const bool atHome =
            normalizeRegion(region.value(QLatin1String("name")).toString()) == normalizeRegion(home);
        const bool confidential =
            securityType.compare(kConfidentialVm, Qt::CaseInsensitive) == 0 || !type.isEmpty();
        if (!atHome && confidential && type != kNonPersistedTpm)
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox",
                    "Only the home region '%1' can be specified as a target region for Images with "
                    "the ConfidentialVM feature unless the Confidential VM encryption type is set to "
                    "'NonPersistedTPM'.")
                    .arg(home),
                QStringLiteral("galleryImageVersion.properties.publishingProfile.targetRegions"));
    }
    return std::nullopt;
}

std::optional<ApiResponse> checkConfidentialVirtualMachine(const ArmStore &store,
                                                           const QString &subscriptionId,
                                                           const QString &imageSecurityType,
                                                           const QJsonObject &body) {
    const QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    const QString securityType = valueAt(properties, {"securityProfile", "securityType"}).toString();
    const QJsonObject diskProfile =
        valueAt(properties, {"storageProfile", "osDisk", "managedDisk", "securityProfile"}).toObject();
    const bool cvmImage = imageSecurityType.compare(kConfidentialVm, Qt::CaseInsensitive) == 0;
    if (cvmImage && securityType != kConfidentialVm)
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "The image has the SecurityType ConfidentialVM: the virtual machine must set "
                              "securityProfile.securityType to ConfidentialVM."),
            QStringLiteral("properties.securityProfile.securityType"));
    if (securityType != kConfidentialVm)
        return std::nullopt;
    if (!isConfidential(imageSecurityType))
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox", "A Confidential VM needs an image whose SecurityType is "
                                                  "ConfidentialVM or ConfidentialVMSupported."),
                                QStringLiteral("properties.storageProfile.imageReference.id"));
    static const QRegularExpression confidentialSize(
        QStringLiteral("^Standard_[DE]C\\d+(as|ads|es|eds)_v\\d+$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString size = valueAt(properties, {"hardwareProfile", "vmSize"}).toString();
    if (!confidentialSize.match(size).hasMatch())
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox", "The VM size '%1' does not support Confidential VMs. "
                                                  "Choose a size of the DCasv5, DCadsv5, ECasv5, ECadsv5, "
                                                  "DCesv5 or ECesv5 series.")
                                    .arg(size),
                                QStringLiteral("properties.hardwareProfile.vmSize"));
    const QJsonObject uefi = valueAt(properties, {"securityProfile", "uefiSettings"}).toObject();
    if (!uefi.value(QLatin1String("secureBootEnabled")).isBool() ||
        !uefi.value(QLatin1String("vTpmEnabled")).toBool())
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "A Confidential VM needs uefiSettings with vTpmEnabled "
                                                      "set to true (and secureBootEnabled given)."),
            QStringLiteral("properties.securityProfile.uefiSettings"));
    const QString encryptionType = diskProfile.value(QLatin1String("securityEncryptionType")).toString();
    const QString diskTarget = QStringLiteral("properties.storageProfile.osDisk.managedDisk.securityProfile");
    static const QStringList encryptionTypes = {QStringLiteral("VMGuestStateOnly"),
                                                QStringLiteral("DiskWithVMGuestState"), kNonPersistedTpm};
    if (!encryptionTypes.contains(encryptionType))
        return invalidParameter(
            QCoreApplication::translate("armsandbox",
                                        "A Confidential VM needs "
                                        "osDisk.managedDisk.securityProfile.securityEncryptionType: "
                                        "VMGuestStateOnly, DiskWithVMGuestState or NonPersistedTPM."),
            diskTarget + QStringLiteral(".securityEncryptionType"));
    const QString secureDes = valueAt(diskProfile, {"diskEncryptionSet", "id"}).toString();
    if (secureDes.isEmpty())
        return std::nullopt;
    return checkSecureDes(store, DesChecker::Encrypting::VirtualMachine, subscriptionId,
                          body.value(QLatin1String("location")).toString(), secureDes,
                          diskTarget + QStringLiteral(".diskEncryptionSet.id"),
                          encryptionType == QLatin1String("DiskWithVMGuestState")
                              ? QString()
                              : QCoreApplication::translate(
                                    "armsandbox", "A disk encryption set in the OS disk's securityProfile "
                                                  "needs securityEncryptionType DiskWithVMGuestState."));
}

} // namespace armsandbox
