#pragma once

// A virtual machine created from a Confidential VM image version (ComputeRP): securityProfile.securityType
// ConfidentialVM with UEFI secure boot and vTPM, osDisk.managedDisk.securityProfile (securityEncryptionType
// and, with DiskWithVMGuestState, a disk encryption set of type ConfidentialVmEncryptedWithCustomerKey), and
// a size of a confidential family. Defaults follow the version's encryption.osDiskImage.securityProfile.

#include "arm/resources.h"
#include "vm/vmdraft.h"

#include <QCoreApplication>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <vector>

namespace cmk {

/// securityEncryptionType values a Confidential VM's OS disk may have.
QStringList vmSecurityEncryptionTypes();
/// DCasv5, DCadsv5, ECasv5, ECadsv5, DCesv5, ECesv5 and their successors (Standard_DC2as_v5, ...).
bool isConfidentialVmSize(const QString &size);
/// Sets the Confidential VM fields of `draft` from the image version's encryption in the VM's region.
void applyConfidentialVmDefaults(VmDraft &draft, const EncryptionImages &regionEncryption);
/// Adds securityProfile and the OS disk's securityProfile to a VM body's "properties".
void addConfidentialVmProperties(const VmDraft &draft, nlohmann::json &properties);

class VmConfidentialValidation {
    Q_DECLARE_TR_FUNCTIONS(VmConfidentialValidation)
public:
    /// A size of a confidential family (empty when fine or not a Confidential VM).
    static QString sizeError(const VmDraft &draft);
    /// The OS disk's encryption type and its secure-VM disk encryption set (checked against `available`, the
    /// subscription's sets, when given).
    static QStringList diskErrors(const VmDraft &draft,
                                  const std::vector<DiskEncryptionSet> *available = nullptr);
};

} // namespace cmk
