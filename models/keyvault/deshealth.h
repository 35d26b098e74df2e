#pragma once

// The health of a Disk Encryption Set's key, from the management plane only: the set (provisioning state,
// identity, versioned key URL, source vault, encryption type, auto-rotation and its error, cross-tenant key),
// its vault (soft delete, purge protection, access policies or RBAC, firewall, tenant), the key version it
// uses (enabled, nbf/exp, type, size, operations) and, on RBAC vaults, the role assignments of its identity
// at the vault (inherited from the group and subscription, or on the key). Each finding has a severity, a
// stable code (docs/des-health.md), a translated message naming the set, vault and key, and the fix as az and
// PowerShell commands. What cannot be read is "unknown" with the reason, never an error.

#include "arm/armerror.h"
#include "keyvault/keyvaultresources.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <vector>

namespace cmk {

enum class DesHealthSeverity {
    Info,    ///< worth knowing, changes nothing
    Unknown, ///< cannot be verified from here (no read access, Managed HSM, key in another tenant)
    Warning, ///< works today but fragile (key expiring within 30 days, rotation error, no purge protection)
    Error,   ///< Azure will refuse the image version or its replication will fail
};

enum class DesHealthStatus { Ok, Unknown, Warning, Error };

/// What the app can do about a finding by itself (the GUI's button, the fix runner).
enum class DesFixAction { None, GrantKeyAccess, EnablePurgeProtection };

/// Stable names for JSON and logs: "info", "unknown", "warning", "error" / "ok", "unknown", "warning",
/// "error".
QString severityName(DesHealthSeverity severity);
QString statusName(DesHealthStatus status);
/// Translated, for tables and tooltips.
QString translatedSeverity(DesHealthSeverity severity);
QString translatedStatus(DesHealthStatus status);

struct DesFinding {
    DesHealthSeverity severity = DesHealthSeverity::Info;
    QString code;    ///< stable, e.g. "KEY_ACCESS_MISSING" (docs/des-health.md)
    QString message; ///< translated, names the set, vault and key
    QString azureCli;
    QString powerShell;
    DesFixAction action = DesFixAction::None;

    /// "error [KEY_ACCESS_MISSING]: message" with the severity translated, for summaries and reports.
    QString line() const;
};

/// What was read for one set: the inputs of the rules, kept for the fixes.
struct DesHealthReadings {
    QString desId;
    ArmError desError;
    std::optional<DiskEncryptionSetKeySettings> set;
    ArmError vaultError;
    std::optional<KeyVault> vault;
    ArmError keyError;
    std::optional<KeyVaultKey> keyVersion; ///< the version the set's key URL names
    std::optional<KeyVaultKey> currentKey; ///< the key's current version
    ArmError roleError;
    std::optional<std::vector<RoleAssignment>> roleAssignments; ///< of the set's principals; RBAC vaults only
};

struct DesHealth {
    QString id, name, location;
    DesHealthStatus status = DesHealthStatus::Unknown;
    std::vector<DesFinding> findings;
    DesHealthReadings readings;

    bool hasErrors() const { return status == DesHealthStatus::Error; }
    /// The finding with `code`, nullptr when there is none.
    const DesFinding *finding(const QString &code) const;
    /// "des-x: message" for each error finding (what `create` prints when it refuses a draft).
    QStringList errorLines() const;
};

/// One set's health as check-des and the review JSON write it: {"id", "name", "location", "status",
/// "findings": [{"severity", "code", "message", "fix": {"azureCli", "powerShell"} | null}]}.
nlohmann::json desHealthJson(const DesHealth &health);

/// Days before a key's expiry from which the check warns.
inline constexpr int KeyExpiryWarningDays = 30;

/// Whether the set's vault and key can be read through Resource Manager at all: a valid key URL in its source
/// vault, not in a Managed HSM, not in another tenant.
bool keyVaultIsReadable(const DiskEncryptionSetKeySettings &settings);

/// The findings for what was read, at `nowSeconds` (seconds since 1970). Pure: the check and the tests call
/// it.
DesHealth evaluateDesHealth(const DesHealthReadings &readings, qint64 nowSeconds);

} // namespace cmk
