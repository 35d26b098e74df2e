#pragma once

// Exports a VM draft as the commands that do what the VM wizard's requests do: `az network vnet create` (when
// new), `az network nic create` and `az vm create … --os-disk-encryption-set … --data-disk-encryption-sets
// …`, or the PowerShell New-AzVMConfig / Set-AzVMOSDisk -DiskEncryptionSetId -CreateOption FromImage /
// Add-AzVMDataDisk -DiskEncryptionSetId script. Values are quoted with draft/commandline.h; the admin
// password is never written out: the scripts read it at run time.

#include "imageversion/imageversionexport.h"
#include "vm/vmdraft.h"

#include <QCoreApplication>

namespace cmk {

class VmExporter {
    Q_DECLARE_TR_FUNCTIONS(VmExporter)
public:
    /// The environment variable the Azure CLI script reads the admin password from.
    static QString passwordVariable() { return QStringLiteral("CMK_VM_ADMIN_PASSWORD"); }

    /// AzureCli or PowerShell (other formats: an empty text and a note).
    static ExportResult exportDraft(const VmDraft &draft, ExportFormat format);
    static ExportResult azureCli(const VmDraft &draft);
    static ExportResult powerShell(const VmDraft &draft);
};

} // namespace cmk
