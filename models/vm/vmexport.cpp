#include "vm/vmexport.h"

#include "draft/commandline.h"

namespace cmk {

namespace {

/// An `az network … create` or `az vm create` with the options every one of them starts with.
BashCommand vmCreateCommand(const QString &head, const VmDraft &d, const QString &name) {
    BashCommand command(head);
    command.option(QStringLiteral("--subscription"), d.subscriptionId);
    command.option(QStringLiteral("--resource-group"), d.resourceGroup);
    command.option(QStringLiteral("--name"), name);
    command.option(QStringLiteral("--location"), d.location);
    return command;
}

/// az vm create's Confidential VM options (security type, UEFI, the OS disk's confidential encryption).
void addAzConfidentialOptions(const VmDraft &d, BashCommand &vm) {
    if (!d.isConfidentialVm())
        return;
    vm.option(QStringLiteral("--security-type"), QStringLiteral("ConfidentialVM"));
    vm.option(QStringLiteral("--enable-secure-boot"), QStringLiteral("true"));
    vm.option(QStringLiteral("--enable-vtpm"), QStringLiteral("true"));
    vm.option(QStringLiteral("--os-disk-security-encryption-type"), d.securityEncryptionType);
    if (!d.secureVmDesId.isEmpty())
        vm.option(QStringLiteral("--os-disk-secure-vm-disk-encryption-set"), d.secureVmDesId);
}

/// The same for PowerShell: Set-AzVMOSDisk's parameters, then the lines after it.
QString powerShellConfidentialOsDisk(const VmDraft &d) {
    if (!d.isConfidentialVm())
        return {};
    QString out =
        QStringLiteral(" -SecurityEncryptionType %1").arg(powerShellQuote(d.securityEncryptionType));
    if (!d.secureVmDesId.isEmpty())
        out += QStringLiteral(" -SecureVMDiskEncryptionSet %1").arg(powerShellQuote(d.secureVmDesId));
    return out;
}

QStringList powerShellConfidentialLines(const VmDraft &d) {
    if (!d.isConfidentialVm())
        return {};
    return {QStringLiteral("$vm = Set-AzVMSecurityProfile -VM $vm -SecurityType 'ConfidentialVM'"),
            QStringLiteral("$vm = Set-AzVMUefi -VM $vm -EnableVtpm $true -EnableSecureBoot $true")};
}

} // namespace

ExportResult VmExporter::exportDraft(const VmDraft &draft, ExportFormat format) {
    switch (format) {
    case ExportFormat::AzureCli:
        return azureCli(draft);
    case ExportFormat::PowerShell:
        return powerShell(draft);
    default:
        break;
    }
    ExportResult result;
    result.notes << tr("A virtual machine can be exported as Azure CLI or PowerShell only.");
    return result;
}

ExportResult VmExporter::azureCli(const VmDraft &d) {
    ExportResult result;
    QStringList blocks;
    if (d.networkMode == VmNetworkMode::NewVirtualNetwork) {
        BashCommand vnet = vmCreateCommand(QStringLiteral("az network vnet create"), d, d.newVnetName);
        vnet.option(QStringLiteral("--address-prefixes"), d.newVnetAddressPrefix);
        vnet.option(QStringLiteral("--subnet-name"), d.newSubnetName);
        vnet.option(QStringLiteral("--subnet-prefixes"), d.newSubnetAddressPrefix);
        blocks << vnet.text();
    }
    BashCommand nic = vmCreateCommand(QStringLiteral("az network nic create"), d, d.effectiveNicName());
    nic.option(QStringLiteral("--subnet"), d.effectiveSubnetId());
    blocks << nic.text();

    BashCommand vm = vmCreateCommand(QStringLiteral("az vm create"), d, d.name);
    vm.option(QStringLiteral("--image"), d.imageVersionId);
    vm.option(QStringLiteral("--size"), d.size);
    vm.option(QStringLiteral("--nics"), d.nicId());
    vm.option(QStringLiteral("--os-disk-name"), d.osDiskName());
    if (d.osDiskSizeGb > 0)
        vm.option(QStringLiteral("--os-disk-size-gb"), QString::number(d.osDiskSizeGb));
    // --storage-sku takes one SKU for every disk, or ID=SKU pairs where ID is "os" or a data disk's LUN.
    QStringList skus;
    if (!d.osDiskStorageType.isEmpty())
        skus << QStringLiteral("os=%1").arg(d.osDiskStorageType);
    for (int lun : d.imageDataDiskLuns) {
        if (!d.storageTypeFor(lun).isEmpty())
            skus << QStringLiteral("%1=%2").arg(lun).arg(d.storageTypeFor(lun));
    }
    if (!skus.isEmpty())
        vm.option(QStringLiteral("--storage-sku"), skus);
    if (d.isSpecialized()) {
        vm.raw(QStringLiteral("--specialized"));
    } else {
        vm.option(QStringLiteral("--admin-username"), d.adminUsername);
        if (d.usesSshKey()) {
            vm.option(QStringLiteral("--authentication-type"), QStringLiteral("ssh"));
            vm.option(QStringLiteral("--ssh-key-values"), d.sshPublicKey.trimmed());
        } else {
            if (!d.isWindows())
                vm.option(QStringLiteral("--authentication-type"), QStringLiteral("password"));
            vm.raw(QStringLiteral("--admin-password \"$%1\"").arg(passwordVariable()));
            result.notes
                << tr("The script reads the administrator password from the environment variable %1; "
                      "set it before running the script.")
                       .arg(passwordVariable());
        }
    }
    addAzConfidentialOptions(d, vm);
    if (usesCustomerKey(d.encryption)) {
        if (!d.desFor(-1).isEmpty() && !d.osDiskUsesSecureDes())
            vm.option(QStringLiteral("--os-disk-encryption-set"), d.desFor(-1));
        QStringList dataSets;
        for (int lun : d.imageDataDiskLuns)
            dataSets << d.desFor(lun);
        if (!dataSets.isEmpty()) {
            vm.option(QStringLiteral("--data-disk-encryption-sets"), dataSets);
            result.notes
                << tr("--data-disk-encryption-sets lists one disk encryption set per data disk of the "
                      "image, in LUN order (%1).")
                       .arg([&] {
                           QStringList luns;
                           for (int lun : d.imageDataDiskLuns)
                               luns << QString::number(lun);
                           return luns.join(QLatin1String(", "));
                       }());
        }
    }
    blocks << vm.text();
    result.text = blocks.join(QLatin1Char('\n'));
    return result;
}

ExportResult VmExporter::powerShell(const VmDraft &d) {
    ExportResult result;
    QStringList lines;
    lines << QStringLiteral("$ErrorActionPreference = 'Stop'");
    lines
        << QStringLiteral("Set-AzContext -Subscription %1 | Out-Null").arg(powerShellQuote(d.subscriptionId));
    lines << QStringLiteral("$resourceGroup = %1").arg(powerShellQuote(d.resourceGroup));
    lines << QStringLiteral("$location = %1").arg(powerShellQuote(d.location));
    lines << QStringLiteral("$vmName = %1").arg(powerShellQuote(d.name));
    lines << QString();
    if (d.networkMode == VmNetworkMode::NewVirtualNetwork) {
        lines << QStringLiteral("$subnetConfig = New-AzVirtualNetworkSubnetConfig -Name %1 -AddressPrefix %2")
                     .arg(powerShellQuote(d.newSubnetName), powerShellQuote(d.newSubnetAddressPrefix));
        lines << QStringLiteral(
                     "$vnet = New-AzVirtualNetwork -ResourceGroupName $resourceGroup -Location $location "
                     "-Name %1 -AddressPrefix %2 -Subnet $subnetConfig")
                     .arg(powerShellQuote(d.newVnetName), powerShellQuote(d.newVnetAddressPrefix));
        lines << QStringLiteral("$subnetId = $vnet.Subnets[0].Id");
    } else {
        lines << QStringLiteral("$subnetId = %1").arg(powerShellQuote(d.subnetId));
    }
    lines << QStringLiteral(
                 "$nic = New-AzNetworkInterface -ResourceGroupName $resourceGroup -Location $location "
                 "-Name %1 -SubnetId $subnetId")
                 .arg(powerShellQuote(d.effectiveNicName()));
    lines << QString();
    lines << QStringLiteral("$vm = New-AzVMConfig -VMName $vmName -VMSize %1").arg(powerShellQuote(d.size));
    if (d.hasAdminAccount()) {
        if (d.usesSshKey()) {
            lines << QStringLiteral("$credential = New-Object System.Management.Automation.PSCredential (%1, "
                                    "(New-Object System.Security.SecureString))")
                         .arg(powerShellQuote(d.adminUsername));
            lines << QStringLiteral(
                "$vm = Set-AzVMOperatingSystem -VM $vm -Linux -ComputerName $vmName -Credential "
                "$credential -DisablePasswordAuthentication");
            lines << QStringLiteral("$vm = Add-AzVMSshPublicKey -VM $vm -KeyData %1 -Path %2")
                         .arg(powerShellQuote(d.sshPublicKey.trimmed()),
                              powerShellQuote(
                                  QStringLiteral("/home/%1/.ssh/authorized_keys").arg(d.adminUsername)));
        } else {
            lines << QStringLiteral("$credential = Get-Credential -UserName %1 -Message %2")
                         .arg(powerShellQuote(d.adminUsername),
                              powerShellQuote(tr("Password of the virtual machine's administrator")));
            lines << QStringLiteral(
                         "$vm = Set-AzVMOperatingSystem -VM $vm %1 -ComputerName $vmName -Credential "
                         "$credential")
                         .arg(d.isWindows() ? QStringLiteral("-Windows") : QStringLiteral("-Linux"));
            result.notes << tr("The script asks for the administrator password when it runs.");
        }
    }
    lines
        << QStringLiteral("$vm = Set-AzVMSourceImage -VM $vm -Id %1").arg(powerShellQuote(d.imageVersionId));
    QString osDisk = QStringLiteral("$vm = Set-AzVMOSDisk -VM $vm -Name %1 -CreateOption FromImage")
                         .arg(powerShellQuote(d.osDiskName()));
    if (d.osDiskSizeGb > 0)
        osDisk += QStringLiteral(" -DiskSizeInGB %1").arg(d.osDiskSizeGb);
    if (!d.osDiskStorageType.isEmpty())
        osDisk += QStringLiteral(" -StorageAccountType %1").arg(powerShellQuote(d.osDiskStorageType));
    if (!d.desFor(-1).isEmpty() && !d.osDiskUsesSecureDes())
        osDisk += QStringLiteral(" -DiskEncryptionSetId %1").arg(powerShellQuote(d.desFor(-1)));
    lines << osDisk + powerShellConfidentialOsDisk(d);
    lines << powerShellConfidentialLines(d);
    for (int lun : d.imageDataDiskLuns) {
        QString data =
            QStringLiteral("$vm = Add-AzVMDataDisk -VM $vm -Lun %1 -CreateOption FromImage").arg(lun);
        if (!d.storageTypeFor(lun).isEmpty())
            data += QStringLiteral(" -StorageAccountType %1").arg(powerShellQuote(d.storageTypeFor(lun)));
        if (!d.desFor(lun).isEmpty())
            data += QStringLiteral(" -DiskEncryptionSetId %1").arg(powerShellQuote(d.desFor(lun)));
        lines << data;
    }
    lines << QStringLiteral("$vm = Add-AzVMNetworkInterface -VM $vm -Id $nic.Id -Primary");
    lines << QStringLiteral("New-AzVM -ResourceGroupName $resourceGroup -Location $location -VM $vm");
    result.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return result;
}

} // namespace cmk
