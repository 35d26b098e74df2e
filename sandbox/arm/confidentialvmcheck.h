#pragma once

// Confidential VM images as the gallery service checks them: an image version of a definition with the
// SecurityType feature ConfidentialVM (or ConfidentialVMSupported) carries, per target region,
// encryption.osDiskImage.securityProfile {confidentialVMEncryptionType, secureVMDiskEncryptionSetId}
// (GalleryRP OSDiskImageSecurityProfile); a virtual machine from such a version is a Confidential VM
// (ComputeRP securityProfile, uefiSettings, osDisk.managedDisk.securityProfile) of a confidential size.

#include "arm/armapi.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace armsandbox {

class ArmStore;

/// The SecurityType feature of an image definition (empty when none).
QString definitionSecurityType(const QJsonObject &definition);
/// The same of the image definition `definitionId` (empty when none or not found).
QString imageDefinitionSecurityType(const ArmStore &store, const QString &definitionId);

/// A target region's encryption without its Confidential VM security profile: what the customer-managed-key
/// checks read (a security profile alone encrypts nothing with the customer's disk encryption sets).
QJsonObject withoutConfidentialVmProfile(QJsonObject encryption);

/// ARM's error for the first Confidential VM rule the image version PUT `body` (of `versionId`) breaks.
std::optional<ApiResponse> checkConfidentialVmImageVersion(const ArmStore &store,
                                                           const QString &subscriptionId,
                                                           const QString &versionId, const QJsonObject &body);

/// ARM's error for the first Confidential VM rule the virtual machine PUT `body` breaks, given the
/// SecurityType of the image definition its image reference belongs to.
std::optional<ApiResponse> checkConfidentialVirtualMachine(const ArmStore &store,
                                                           const QString &subscriptionId,
                                                           const QString &imageSecurityType,
                                                           const QJsonObject &body);

} // namespace armsandbox
