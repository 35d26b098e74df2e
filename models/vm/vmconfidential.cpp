#include "vm/vmconfidential.h"

#include "imageversion/confidentialvm.h"

#include <QRegularExpression>
#include <algorithm>

namespace cmk {

namespace {

const QString kDiskWithVmGuestState = QStringLiteral("DiskWithVMGuestState");

} // namespace

QStringList vmSecurityEncryptionTypes() {
    return {kDiskWithVmGuestState, QStringLiteral("VMGuestStateOnly"), nonPersistedTpmType()};
}

bool isConfidentialVmSize(const QString &size) {
    static const QRegularExpression family(QStringLiteral("^Standard_[DE]C\\d+(as|ads|es|eds)_v\\d+$"),
                                           QRegularExpression::CaseInsensitiveOption);
    return family.match(size).hasMatch();
}

void applyConfidentialVmDefaults(VmDraft &d, const EncryptionImages &regionEncryption) {
    d.securityEncryptionType.clear();
    d.secureVmDesId.clear();
    if (!d.isConfidentialVm())
        return;
    const QString imageType =
        regionEncryption.osDiskImage ? regionEncryption.osDiskImage->confidentialVmEncryptionType : QString();
    // The VM's OS disk keeps what the image's copy in that region protects.
    if (imageType == QLatin1String("EncryptedVMGuestStateOnlyWithPmk"))
        d.securityEncryptionType = QStringLiteral("VMGuestStateOnly");
    else if (imageType == nonPersistedTpmType())
        d.securityEncryptionType = nonPersistedTpmType();
    else
        d.securityEncryptionType = kDiskWithVmGuestState;
    if (imageType == encryptedWithCmkType())
        d.secureVmDesId = regionEncryption.osDiskImage->secureVmDiskEncryptionSetId;
}

void addConfidentialVmProperties(const VmDraft &d, nlohmann::json &properties) {
    if (!d.isConfidentialVm())
        return;
    properties["securityProfile"] = {{"securityType", "ConfidentialVM"},
                                     {"uefiSettings", {{"secureBootEnabled", true}, {"vTpmEnabled", true}}}};
    nlohmann::json &managed = properties["storageProfile"]["osDisk"]["managedDisk"];
    if (!managed.is_object()) // platform keys and the default storage type: the body had no managedDisk
        managed = nlohmann::json::object();
    nlohmann::json security = {{"securityEncryptionType", d.securityEncryptionType}};
    if (!d.secureVmDesId.isEmpty()) {
        security["diskEncryptionSet"] = {{"id", d.secureVmDesId}};
        // The secure-VM set encrypts the OS disk; a second set there would contradict it.
        managed.erase("diskEncryptionSet");
    }
    managed["securityProfile"] = security;
}

QString VmConfidentialValidation::sizeError(const VmDraft &d) {
    if (!d.isConfidentialVm() || d.size.isEmpty() || isConfidentialVmSize(d.size))
        return {};
    return tr("The image is a Confidential VM image: the size %1 cannot run Confidential VMs. Choose a size "
              "of "
              "the DCasv5, DCadsv5, ECasv5 or ECadsv5 series (or DCesv5, ECesv5).")
        .arg(d.size);
}

QStringList VmConfidentialValidation::diskErrors(const VmDraft &d,
                                                 const std::vector<DiskEncryptionSet> *available) {
    QStringList errors;
    if (!d.isConfidentialVm())
        return errors;
    if (!vmSecurityEncryptionTypes().contains(d.securityEncryptionType))
        errors << tr("Choose how the Confidential VM's OS disk is encrypted: %1.")
                      .arg(vmSecurityEncryptionTypes().join(QStringLiteral(", ")));
    if (d.secureVmDesId.isEmpty())
        return errors;
    if (d.securityEncryptionType != kDiskWithVmGuestState) {
        errors << tr("A secure-VM disk encryption set encrypts the OS disk only with the encryption type "
                     "DiskWithVMGuestState.");
        return errors;
    }
    const ResourceId id = ResourceId::parse(d.secureVmDesId);
    if (!id.valid || id.fullType().compare(QLatin1String("Microsoft.Compute/diskEncryptionSets"),
                                           Qt::CaseInsensitive) != 0) {
        errors << tr("“%1” is not the id of a disk encryption set.").arg(d.secureVmDesId);
    } else if (available) {
        const bool ok = std::any_of(available->begin(), available->end(), [&](const DiskEncryptionSet &des) {
            return sameResourceId(des.id, d.secureVmDesId) &&
                   ConfidentialVmValidation::secureDesSuitable(des, d.location, d.subscriptionId);
        });
        if (!ok)
            errors << tr("The secure-VM disk encryption set %1 is not in the VM's region %2, not in its "
                         "subscription, or not of type %3.")
                          .arg(id.name(), d.location, confidentialVmDesEncryptionType());
    }
    return errors;
}

} // namespace cmk
