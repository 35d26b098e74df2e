#pragma once

// Typed resources behind a Disk Encryption Set's key: Microsoft.KeyVault 2025-05-01 vaults and keys (as
// Resource Manager shows them), Microsoft.Authorization 2022-04-01 role assignments, and the parts of a
// DiskRP 2026-03-02 (as 2025-01-02) Disk Encryption Set that say which identity uses which key. Parsing
// follows models/arm/resources.h: unknown fields are ignored, missing or null ones are absent, a wrong JSON
// type throws (parseResource<T>() turns that into a MalformedResponse error).

#include "arm/resources.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace cmk {

/// api-versions of the two providers (ArmClient's own table does not know them: pass them explicitly).
namespace KeyVaultApiVersions {
inline constexpr char KeyVault[] = "2025-05-01";
inline constexpr char Authorization[] = "2022-04-01";
} // namespace KeyVaultApiVersions

/// Built-in role definition GUIDs.
namespace KeyVaultRoles {
inline constexpr char CryptoServiceEncryptionUser[] = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
inline constexpr char CryptoUser[] = "12338af0-0e69-4776-bea7-57ae8d297424";
inline constexpr char CryptoOfficer[] = "14b46e9e-c2b7-41b4-b07b-48a6ebf60603";
inline constexpr char Administrator[] = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
/// Whether a role definition id (compared by its trailing GUID) lets a principal get, wrap and unwrap keys.
/// Owner, Contributor and Reader do not: they act on the management plane only.
bool grantsKeyUse(const QString &roleDefinitionId);
/// "Key Vault Crypto Service Encryption User"... for the four key-use roles, else the GUID.
QString displayName(const QString &roleDefinitionId);
} // namespace KeyVaultRoles

struct KeyVaultAccessPolicy {
    QString tenantId, objectId, applicationId;
    QStringList keyPermissions; ///< permissions.keys as sent ("get", "WrapKey"...)
    /// Whether the key permissions include `permission` (or "all"), case-insensitively.
    bool allowsKey(const QString &permission) const;
};

struct KeyVault {
    QString id, name, location, tenantId, vaultUri, provisioningState, skuName;
    std::optional<bool> enableSoftDelete, enablePurgeProtection, enableRbacAuthorization;
    std::vector<KeyVaultAccessPolicy> accessPolicies;
    QString networkDefaultAction; ///< networkAcls.defaultAction (empty: no network rules)
    QString networkBypass;        ///< networkAcls.bypass (empty: the service default, AzureServices)
    QString publicNetworkAccess;  ///< "Enabled" / "Disabled" (empty: enabled)

    bool softDeleteOn() const { return enableSoftDelete.value_or(true); } ///< the service default is on
    bool purgeProtectionOn() const { return enablePurgeProtection.value_or(false); }
    bool usesRbac() const { return enableRbacAuthorization.value_or(false); }
    QString resourceGroup() const { return ResourceId::parse(id).resourceGroup; }
    QString subscriptionId() const { return ResourceId::parse(id).subscriptionId; }
};

struct KeyVaultKey {
    QString id, name, kty, curveName, keyUri, keyUriWithVersion;
    std::optional<int> keySize;
    std::optional<bool> enabled;
    std::optional<qint64> expires;   ///< attributes.exp, seconds since 1970
    std::optional<qint64> notBefore; ///< attributes.nbf
    QStringList keyOps;
    QString version() const; ///< last segment of keyUriWithVersion
};

struct RoleAssignment {
    QString id, name, scope, roleDefinitionId, principalId, principalType;
};

/// A key URL such as https://kv.vault.azure.net:443/keys/k/0123 (ARM writes the port, Key Vault does not).
struct KeyVaultKeyUrl {
    QString host;      ///< lower case, without port
    QString vaultName; ///< first label of the host
    QString keyName, version;
    bool valid = false;
    bool isManagedHsm() const { return host.contains(QLatin1String(".managedhsm.")); }
    /// The URL without port, version included when there is one.
    QString withoutPort() const;
    static KeyVaultKeyUrl parse(const QString &url);
};
/// Whether two key URLs name the same key (and version when both carry one), ignoring ":443" and case.
bool sameKeyUrl(const QString &a, const QString &b);

/// What a Disk Encryption Set says about its key beyond cmk::DiskEncryptionSet.
struct DiskEncryptionSetKeySettings {
    DiskEncryptionSet set;
    QString identityPrincipalId, identityTenantId;
    QMap<QString, QString> userAssignedPrincipals; ///< user-assigned identity resource id -> principalId
    QString federatedClientId;
    QString autoKeyRotationErrorCode, autoKeyRotationErrorMessage;
    /// The principals that use the key: the system-assigned one first, then the user-assigned ones.
    QStringList principalIds() const;
};

void to_json(nlohmann::json &j, const KeyVaultAccessPolicy &v);
void from_json(const nlohmann::json &j, KeyVaultAccessPolicy &v);
void from_json(const nlohmann::json &j, KeyVault &v);
void from_json(const nlohmann::json &j, KeyVaultKey &v);
void from_json(const nlohmann::json &j, RoleAssignment &v);
void from_json(const nlohmann::json &j, DiskEncryptionSetKeySettings &v);

} // namespace cmk
