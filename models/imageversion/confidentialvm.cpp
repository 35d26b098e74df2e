#include "imageversion/confidentialvm.h"

#include "arm/armpaths.h"
#include "imageversion/imageversionvalidation.h"

#include <algorithm>

namespace cmk {

QStringList confidentialVmEncryptionTypes() {
    return {QStringLiteral("EncryptedVMGuestStateOnlyWithPmk"), QStringLiteral("EncryptedWithPmk"),
            encryptedWithCmkType(), nonPersistedTpmType()};
}

QString nonPersistedTpmType() {
    return QStringLiteral("NonPersistedTPM");
}

QString encryptedWithCmkType() {
    return QStringLiteral("EncryptedWithCmk");
}

QString confidentialVmDesEncryptionType() {
    return QStringLiteral("ConfidentialVmEncryptedWithCustomerKey");
}

void addConfidentialVmProfile(const RegionDraft &region, TargetRegion &target) {
    if (region.confidentialVmEncryptionType.isEmpty() && region.secureVmDesId.isEmpty())
        return;
    if (!target.encryption)
        target.encryption = EncryptionImages{};
    if (!target.encryption->osDiskImage)
        target.encryption->osDiskImage = DiskImageEncryption{};
    target.encryption->osDiskImage->confidentialVmEncryptionType = region.confidentialVmEncryptionType;
    target.encryption->osDiskImage->secureVmDiskEncryptionSetId = region.secureVmDesId;
}

QString ConfidentialVmValidation::typeDescription(const QString &type) {
    if (type == QLatin1String("EncryptedVMGuestStateOnlyWithPmk"))
        return tr("Only the VM guest state is encrypted, with a platform-managed key.");
    if (type == QLatin1String("EncryptedWithPmk"))
        return tr("The OS disk and the VM guest state are encrypted with a platform-managed key.");
    if (type == encryptedWithCmkType())
        return tr("The OS disk and the VM guest state are encrypted with a customer-managed key, held by a "
                  "secure-VM disk encryption set.");
    if (type == nonPersistedTpmType())
        return tr("The virtual TPM state is not kept; the only type that can be replicated to other "
                  "regions.");
    return {};
}

bool ConfidentialVmValidation::secureDesSuitable(const DiskEncryptionSet &des, const QString &region,
                                                 const QString &subscriptionId) {
    if (!sameRegion(des.location, region))
        return false;
    if (des.subscriptionId().compare(subscriptionId, Qt::CaseInsensitive) != 0)
        return false;
    if (des.encryptionType.compare(confidentialVmDesEncryptionType(), Qt::CaseInsensitive) != 0)
        return false;
    return des.provisioningState.isEmpty() ||
           des.provisioningState.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0;
}

std::vector<DiskEncryptionSet>
ConfidentialVmValidation::suitableSecureDes(const std::vector<DiskEncryptionSet> &all, const QString &region,
                                            const QString &subscriptionId) {
    std::vector<DiskEncryptionSet> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const DiskEncryptionSet &des) {
        return secureDesSuitable(des, region, subscriptionId);
    });
    return out;
}

QStringList ConfidentialVmValidation::regionErrors(const ImageVersionDraft &d, int index,
                                                   const std::vector<DiskEncryptionSet> *liveDes) {
    QStringList errors;
    const RegionDraft &region = d.targetRegions.at(index);
    const QString &type = region.confidentialVmEncryptionType;
    const bool required =
        d.imageSecurityType.compare(QLatin1String("ConfidentialVM"), Qt::CaseInsensitive) == 0;
    if (type.isEmpty() && required) {
        errors
            << tr("%1: the regional encryption.osDiskImage.securityProfile.type must be specified when the "
                  "SecurityType of the image definition is ConfidentialVM. Choose a confidential VM "
                  "encryption type.")
                   .arg(region.name);
    } else if (!type.isEmpty() && !confidentialVmEncryptionTypes().contains(type)) {
        errors << tr("The confidential VM encryption type “%1” of %2 is not one of %3.")
                      .arg(type, region.name, confidentialVmEncryptionTypes().join(QStringLiteral(", ")));
    }
    const bool home = index == 0 || sameRegion(region.name, d.location);
    if (!home && !type.isEmpty() && type != nonPersistedTpmType()) {
        errors << tr("Only the home region '%1' can be specified as a target region for Images with the "
                     "ConfidentialVM feature unless the Confidential VM encryption type is set to "
                     "'NonPersistedTPM'. Remove %2 or set its type to NonPersistedTPM.")
                      .arg(d.location, region.name);
    }
    if (type == encryptedWithCmkType() && region.secureVmDesId.isEmpty()) {
        errors
            << tr("Choose a secure-VM disk encryption set (type %1) for %2: the confidential VM encryption "
                  "type EncryptedWithCmk needs one.")
                   .arg(confidentialVmDesEncryptionType(), region.name);
    } else if (!region.secureVmDesId.isEmpty() && type != encryptedWithCmkType()) {
        errors << tr("%1 has a secure-VM disk encryption set, which only the confidential VM encryption type "
                     "EncryptedWithCmk uses: choose EncryptedWithCmk or clear the set.")
                      .arg(region.name);
    } else if (!region.secureVmDesId.isEmpty()) {
        const QString &id = region.secureVmDesId;
        if (!ResourceId::parse(id).valid || !ArmPathBuilder::fromResourceId(id).ok()) {
            errors << ImageVersionValidation::tr("“%1” is not a disk encryption set resource ID.").arg(id);
        } else if (liveDes) {
            const std::vector<DiskEncryptionSet> suitable =
                suitableSecureDes(*liveDes, region.name, d.subscriptionId);
            const bool ok = std::any_of(suitable.begin(), suitable.end(), [&](const DiskEncryptionSet &des) {
                return sameResourceId(des.id, id);
            });
            if (!ok)
                errors
                    << tr("The secure-VM disk encryption set “%1” of %2 is not in that region, not in this "
                          "subscription, or not of type %3.")
                           .arg(ResourceId::parse(id).name(), region.name, confidentialVmDesEncryptionType());
        }
    }
    return errors;
}

QStringList ConfidentialVmValidation::errors(const ImageVersionDraft &d,
                                             const std::vector<DiskEncryptionSet> *liveDes,
                                             bool definitionRead) {
    QStringList errors;
    if (definitionRead && !d.isConfidentialVmImage()) {
        if (d.hasConfidentialVmEncryption())
            errors
                << tr("The target regions have a confidential VM encryption type, but the image definition "
                      "%1 is not a Confidential VM image (SecurityType ConfidentialVM or "
                      "ConfidentialVMSupported). Remove the confidential VM encryption.")
                       .arg(d.imageDefinitionName);
        return errors;
    }
    for (int i = 0; i < d.targetRegions.size(); ++i)
        errors += regionErrors(d, i, liveDes);
    return errors;
}

} // namespace cmk
