#include "keyvault/deshealthfixes.h"

namespace cmk {

namespace {

const QString kRoleName = QStringLiteral("Key Vault Crypto Service Encryption User");

} // namespace

FixContext FixContext::forReadings(const DesHealthReadings &readings) {
    FixContext c;
    const ResourceId des = ResourceId::parse(readings.desId);
    c.subscriptionId = des.subscriptionId;
    c.desGroup = des.resourceGroup;
    c.desName = des.name();
    if (!readings.set)
        return c;
    c.vaultId = readings.set->set.sourceVaultId;
    const ResourceId vault = ResourceId::parse(c.vaultId);
    c.vaultName = vault.name();
    c.vaultGroup = vault.resourceGroup;
    c.vaultSubscription = vault.subscriptionId.isEmpty() ? c.subscriptionId : vault.subscriptionId;
    const KeyVaultKeyUrl url = KeyVaultKeyUrl::parse(readings.set->set.keyUrl);
    if (c.vaultName.isEmpty())
        c.vaultName = url.vaultName;
    c.keyName = url.keyName;
    c.keyVersion = url.version;
    const QStringList principals = readings.set->principalIds();
    c.principalId = principals.isEmpty() ? QStringLiteral("<principal-id>") : principals.first();
    if (readings.vault)
        c.vaultLocation = readings.vault->location;
    return c;
}

FixCommands FixContext::inspectSet() const {
    return {QStringLiteral("az disk-encryption-set show --name %1 --resource-group %2 --subscription %3")
                .arg(desName, desGroup, subscriptionId),
            QStringLiteral("Get-AzDiskEncryptionSet -ResourceGroupName %1 -Name %2").arg(desGroup, desName)};
}

FixCommands FixContext::autoRotation() const {
    return {QStringLiteral("az disk-encryption-set update --name %1 --resource-group %2 --subscription %3 "
                           "--enable-auto-key-rotation true")
                .arg(desName, desGroup, subscriptionId),
            QStringLiteral("Update-AzDiskEncryptionSet -ResourceGroupName %1 -Name %2 "
                           "-RotationToLatestKeyVersionEnabled $true")
                .arg(desGroup, desName)};
}

FixCommands FixContext::assignIdentity() const {
    return {QStringLiteral(
                "az disk-encryption-set identity assign --name %1 --resource-group %2 --subscription %3 "
                "--system-assigned")
                .arg(desName, desGroup, subscriptionId),
            QStringLiteral(
                "Update-AzDiskEncryptionSet -ResourceGroupName %1 -Name %2 -IdentityType SystemAssigned")
                .arg(desGroup, desName)};
}

FixCommands FixContext::versionedKeyUrl() const {
    return {QStringLiteral("az disk-encryption-set update --name %1 --resource-group %2 --subscription %3 "
                           "--source-vault %4 --key-url $(az keyvault key show --vault-name %5 --name %6 "
                           "--query key.kid -o tsv)")
                .arg(desName, desGroup, subscriptionId, vaultId, vaultName, keyName),
            QStringLiteral("Update-AzDiskEncryptionSet -ResourceGroupName %1 -Name %2 -SourceVaultId %3 "
                           "-KeyUrl (Get-AzKeyVaultKey -VaultName %4 -Name %5).Id")
                .arg(desGroup, desName, vaultId, vaultName, keyName)};
}

FixCommands FixContext::recoverVault() const {
    return {
        QStringLiteral("az keyvault recover --name %1 --subscription %2").arg(vaultName, vaultSubscription),
        QStringLiteral("Undo-AzKeyVaultRemoval -VaultName %1 -ResourceGroupName %2 -Location <location>")
            .arg(vaultName, vaultGroup)};
}

FixCommands FixContext::enableSoftDelete() const {
    return {QStringLiteral("az keyvault update --name %1 --resource-group %2 --subscription %3 "
                           "--enable-soft-delete true")
                .arg(vaultName, vaultGroup, vaultSubscription),
            QStringLiteral("$vault = Get-AzResource -ResourceId %1; $vault.Properties | Add-Member "
                           "enableSoftDelete $true -Force; Set-AzResource -ResourceId %1 -Properties "
                           "$vault.Properties -Force")
                .arg(vaultId)};
}

FixCommands FixContext::enablePurgeProtection() const {
    return {QStringLiteral("az keyvault update --name %1 --resource-group %2 --subscription %3 "
                           "--enable-purge-protection true")
                .arg(vaultName, vaultGroup, vaultSubscription),
            QStringLiteral("Update-AzKeyVault -VaultName %1 -ResourceGroupName %2 -EnablePurgeProtection")
                .arg(vaultName, vaultGroup)};
}

FixCommands FixContext::allowTrustedServices() const {
    return {QStringLiteral(
                "az keyvault update --name %1 --resource-group %2 --subscription %3 --bypass AzureServices")
                .arg(vaultName, vaultGroup, vaultSubscription),
            QStringLiteral(
                "Update-AzKeyVaultNetworkRuleSet -VaultName %1 -ResourceGroupName %2 -Bypass AzureServices")
                .arg(vaultName, vaultGroup)};
}

FixCommands FixContext::grantAccessPolicy() const {
    return {QStringLiteral(
                "az keyvault set-policy --name %1 --resource-group %2 --subscription %3 --object-id %4 "
                "--key-permissions get wrapKey unwrapKey")
                .arg(vaultName, vaultGroup, vaultSubscription, principalId),
            QStringLiteral("Set-AzKeyVaultAccessPolicy -VaultName %1 -ResourceGroupName %2 -ObjectId %3 "
                           "-PermissionsToKeys get,wrapKey,unwrapKey -BypassObjectIdValidation")
                .arg(vaultName, vaultGroup, principalId)};
}

FixCommands FixContext::grantRole() const {
    return {QStringLiteral("az role assignment create --assignee-object-id %1 --assignee-principal-type "
                           "ServicePrincipal --role \"%2\" --scope %3")
                .arg(principalId, kRoleName, vaultId),
            QStringLiteral("New-AzRoleAssignment -ObjectId %1 -RoleDefinitionName \"%2\" -Scope %3")
                .arg(principalId, kRoleName, vaultId)};
}

FixCommands FixContext::enableKey() const {
    return {
        QStringLiteral("az keyvault key set-attributes --vault-name %1 --name %2 --version %3 --enabled true "
                       "--not-before $(date -u +%Y-%m-%dT%H:%M:%SZ)")
            .arg(vaultName, keyName, keyVersion),
        QStringLiteral("Update-AzKeyVaultKey -VaultName %1 -Name %2 -Version %3 -Enable $true -NotBefore "
                       "(Get-Date).ToUniversalTime()")
            .arg(vaultName, keyName, keyVersion)};
}

FixCommands FixContext::rotateKey() const {
    return {
        QStringLiteral("az keyvault key rotate --vault-name %1 --name %2 && az disk-encryption-set update "
                       "--name %3 --resource-group %4 --subscription %5 --source-vault %6 --key-url "
                       "$(az keyvault key show --vault-name %1 --name %2 --query key.kid -o tsv)")
            .arg(vaultName, keyName, desName, desGroup, subscriptionId, vaultId),
        QStringLiteral(
            "$key = Invoke-AzKeyVaultKeyRotation -VaultName %1 -Name %2; Update-AzDiskEncryptionSet "
            "-ResourceGroupName %3 -Name %4 -SourceVaultId %5 -KeyUrl $key.Id")
            .arg(vaultName, keyName, desGroup, desName, vaultId)};
}

} // namespace cmk
