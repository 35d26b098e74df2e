// The rules of the Disk Encryption Set health check: findings from what was read (evaluateDesHealth), each
// with its fix. Every code is explained in docs/des-health.md.

#include "arm/resources.h"
#include "common/usertext.h"
#include "keyvault/deshealth.h"
#include "keyvault/deshealthfixes.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>

namespace cmk {

namespace {

class HealthText {
    Q_DECLARE_TR_FUNCTIONS(DesHealth)
};

/// Collects findings; the fix commands are filled in by the caller on the returned entry.
class FindingList {
public:
    explicit FindingList(std::vector<DesFinding> &out)
        : m_out(out) {}
    DesFinding &add(DesHealthSeverity severity, const char *code, const QString &message,
                    const FixCommands &fix = {}, DesFixAction action = DesFixAction::None) {
        m_out.push_back(
            DesFinding{severity, QString::fromLatin1(code), message, fix.azureCli, fix.powerShell, action});
        return m_out.back();
    }

private:
    std::vector<DesFinding> &m_out;
};

QString day(qint64 seconds) {
    return ServiceTerms::date(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date());
}

QString reasonOf(const ArmError &error) {
    return error.code.isEmpty() ? error.toDisplayString()
                                : QStringLiteral("%1 (HTTP %2)").arg(error.code).arg(error.httpStatus);
}

/// Checks of the set itself; false when the vault and key cannot be looked at (unknown or broken).
bool evaluateSet(const DesHealthReadings &r, const FixContext &fix, FindingList &list) {
    const DiskEncryptionSetKeySettings &s = *r.set;
    const QString &name = s.set.name;
    const QString state = s.set.provisioningState;
    if (state.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0)
        list.add(DesHealthSeverity::Error, "DES_PROVISIONING_FAILED",
                 HealthText::tr(
                     "The disk encryption set %1 is in provisioning state %2: Azure cannot encrypt with it "
                     "until an update of the set succeeds.")
                     .arg(name, state),
                 fix.inspectSet());
    else if (!state.isEmpty() && state.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) != 0)
        list.add(DesHealthSeverity::Warning, "DES_PROVISIONING_IN_PROGRESS",
                 HealthText::tr(
                     "The disk encryption set %1 is still being provisioned (%2); check it again once it "
                     "reads Succeeded.")
                     .arg(name, state),
                 fix.inspectSet());
    const QString type = s.set.encryptionType;
    if (type == QLatin1String("ConfidentialVmEncryptedWithCustomerKey"))
        list.add(DesHealthSeverity::Info, "DES_ENCRYPTION_TYPE_CONFIDENTIAL",
                 HealthText::tr(
                     "The disk encryption set %1 is for confidential VM disks "
                     "(ConfidentialVmEncryptedWithCustomerKey); the encryption of image version regions "
                     "uses customer-key or double-encryption sets.")
                     .arg(name));
    else if (type != QLatin1String("EncryptionAtRestWithCustomerKey") &&
             type != QLatin1String("EncryptionAtRestWithPlatformAndCustomerKeys"))
        list.add(
            DesHealthSeverity::Error, "DES_ENCRYPTION_TYPE_UNKNOWN",
            HealthText::tr("The disk encryption set %1 has an encryption type Azure does not know: “%2”.")
                .arg(name, type));
    if (!s.autoKeyRotationErrorCode.isEmpty() || !s.autoKeyRotationErrorMessage.isEmpty())
        list.add(
            DesHealthSeverity::Warning, "DES_AUTO_ROTATION_ERROR",
            HealthText::tr("Automatic key rotation of %1 stopped with %2: %3 Azure tries again only once the "
                           "cause is fixed.")
                .arg(name, s.autoKeyRotationErrorCode, s.autoKeyRotationErrorMessage),
            fix.retryRotation());
    if (s.principalIds().isEmpty())
        list.add(
            DesHealthSeverity::Error, "DES_NO_IDENTITY",
            HealthText::tr("The disk encryption set %1 has no managed identity, so it cannot reach any key "
                           "vault.")
                .arg(name),
            fix.assignIdentity());
    const KeyVaultKeyUrl url = KeyVaultKeyUrl::parse(s.set.keyUrl);
    if (!url.valid) {
        list.add(
            DesHealthSeverity::Error, "DES_KEY_URL_INVALID",
            HealthText::tr("The key URL of %1 (“%2”) is not a Key Vault key URL.").arg(name, s.set.keyUrl));
        return false;
    }
    if (url.version.isEmpty())
        list.add(
            DesHealthSeverity::Error, "DES_KEY_URL_NOT_VERSIONED",
            HealthText::tr("The key URL of %1 (%2) names no key version; Azure needs a versioned key URL.")
                .arg(name, s.set.keyUrl),
            fix.versionedKeyUrl());
    if (url.isManagedHsm()) {
        list.add(
            DesHealthSeverity::Unknown, "KEY_IN_MANAGED_HSM",
            HealthText::tr("The key of %1 is in the Managed HSM %2, whose access is granted inside the HSM "
                           "(local RBAC): it cannot be verified through Azure Resource Manager.")
                .arg(name, url.host));
        return false;
    }
    if (!s.federatedClientId.isEmpty()) {
        list.add(DesHealthSeverity::Unknown, "DES_CROSS_TENANT_KEY",
                 HealthText::tr(
                     "The disk encryption set %1 uses a key in another tenant (federated client %2): its "
                     "access cannot be verified from this tenant.")
                     .arg(name, s.federatedClientId));
        return false;
    }
    if (s.set.sourceVaultId.isEmpty()) {
        list.add(DesHealthSeverity::Unknown, "DES_NO_SOURCE_VAULT",
                 HealthText::tr("The disk encryption set %1 names no source vault (its key %2 is in another "
                                "subscription): the vault cannot be verified.")
                     .arg(name, s.set.keyUrl));
        return false;
    }
    const QString vaultName = ResourceId::parse(s.set.sourceVaultId).name();
    if (url.vaultName.compare(vaultName, Qt::CaseInsensitive) != 0) {
        list.add(DesHealthSeverity::Error, "DES_KEY_NOT_IN_SOURCE_VAULT",
                 HealthText::tr("The key URL of %1 points to key vault %2, but its source vault is %3.")
                     .arg(name, url.vaultName, vaultName));
        return false;
    }
    return true;
}

/// The vault's own settings; false when the vault could not be read.
bool evaluateVault(const DesHealthReadings &r, const FixContext &fix, FindingList &list) {
    const QString &desName = r.set->set.name;
    const QString vaultName = ResourceId::parse(r.set->set.sourceVaultId).name();
    if (r.vaultError || !r.vault) {
        if (r.vaultError.httpStatus == 404)
            list.add(DesHealthSeverity::Error, "VAULT_NOT_FOUND",
                     HealthText::tr(
                         "The key vault %1 of disk encryption set %2 does not exist (deleted?): the set "
                         "cannot encrypt until the vault is recovered.")
                         .arg(vaultName, desName),
                     fix.recoverVault());
        else
            list.add(DesHealthSeverity::Unknown, "VAULT_NOT_READABLE",
                     HealthText::tr(
                         "The key vault %1 could not be read (%2), so the access of %3 to its key cannot "
                         "be verified.")
                         .arg(vaultName, reasonOf(r.vaultError), desName));
        return false;
    }
    const KeyVault &v = *r.vault;
    if (!r.set->identityTenantId.isEmpty() && !v.tenantId.isEmpty() &&
        v.tenantId.compare(r.set->identityTenantId, Qt::CaseInsensitive) != 0)
        list.add(
            DesHealthSeverity::Error, "VAULT_TENANT_MISMATCH",
            HealthText::tr("The key vault %1 is in tenant %2 but the identity of %3 is in tenant %4: the set "
                           "cannot use the key.")
                .arg(v.name, v.tenantId, desName, r.set->identityTenantId));
    if (!v.softDeleteOn())
        list.add(
            DesHealthSeverity::Warning, "VAULT_SOFT_DELETE_DISABLED",
            HealthText::tr("Soft delete is off on key vault %1: a deleted key of %2 would be lost for good, "
                           "with every disk it encrypts.")
                .arg(v.name, desName),
            fix.enableSoftDelete());
    if (!v.purgeProtectionOn())
        list.add(DesHealthSeverity::Warning, "VAULT_PURGE_PROTECTION_DISABLED",
                 HealthText::tr(
                     "Purge protection is off on key vault %1: the key of %2 could be purged while "
                     "deleted, and its disks lost. Azure asks for it on vaults of disk encryption sets; "
                     "enabling it cannot be undone.")
                     .arg(v.name, desName),
                 fix.enablePurgeProtection(), DesFixAction::EnablePurgeProtection);
    const bool publicClosed =
        v.publicNetworkAccess.compare(QLatin1String("Disabled"), Qt::CaseInsensitive) == 0;
    const bool denies = v.networkDefaultAction.compare(QLatin1String("Deny"), Qt::CaseInsensitive) == 0;
    const bool bypass = v.networkBypass.isEmpty() ||
                        v.networkBypass.contains(QLatin1String("AzureServices"), Qt::CaseInsensitive);
    if ((denies || publicClosed) && !bypass)
        list.add(
            DesHealthSeverity::Error, "VAULT_FIREWALL_BLOCKS_AZURE",
            HealthText::tr("The firewall of key vault %1 closes public access without letting trusted Azure "
                           "services through: %2 cannot reach its key.")
                .arg(v.name, desName),
            fix.allowTrustedServices());
    else if (publicClosed)
        list.add(
            DesHealthSeverity::Info, "VAULT_PUBLIC_ACCESS_DISABLED",
            HealthText::tr("Public network access is disabled on key vault %1; trusted Azure services, disk "
                           "encryption sets among them, still get through.")
                .arg(v.name));
    if (!v.location.isEmpty() && !sameRegion(v.location, r.set->set.location))
        list.add(
            DesHealthSeverity::Info, "VAULT_IN_OTHER_REGION",
            HealthText::tr("The key vault %1 is in %2 and the disk encryption set %3 in %4: an outage of %2 "
                           "also stops the disks of %4.")
                .arg(v.name, RegionNames::displayName(v.location), desName,
                     RegionNames::displayName(r.set->set.location)));
    return true;
}

void evaluateAccessPolicies(const DesHealthReadings &r, const FixContext &fix, FindingList &list) {
    const KeyVault &v = *r.vault;
    QStringList bestMissing = {QStringLiteral("get"), QStringLiteral("wrapKey"), QStringLiteral("unwrapKey")};
    for (const QString &principal : r.set->principalIds()) {
        QStringList missing = {QStringLiteral("get"), QStringLiteral("wrapKey"), QStringLiteral("unwrapKey")};
        for (const KeyVaultAccessPolicy &policy : v.accessPolicies) {
            if (policy.objectId.compare(principal, Qt::CaseInsensitive) != 0)
                continue;
            missing.erase(std::remove_if(missing.begin(), missing.end(),
                                         [&policy](const QString &p) { return policy.allowsKey(p); }),
                          missing.end());
        }
        if (missing.isEmpty())
            return;
        if (missing.size() < bestMissing.size())
            bestMissing = missing;
    }
    list.add(
        DesHealthSeverity::Error, "KEY_ACCESS_MISSING",
        HealthText::tr("The identity of %1 (%2) lacks the key permissions %3 in the access policies of key "
                       "vault %4: Azure will fail to encrypt with it (KeyVaultAccessForbidden).")
            .arg(r.set->set.name, fix.principalId, bestMissing.join(QStringLiteral(", ")), v.name),
        fix.grantAccessPolicy(), DesFixAction::GrantKeyAccess);
}

void evaluateRoles(const DesHealthReadings &r, const FixContext &fix, FindingList &list) {
    const KeyVault &v = *r.vault;
    if (r.roleError || !r.roleAssignments) {
        list.add(
            DesHealthSeverity::Unknown, "ROLE_ASSIGNMENTS_NOT_READABLE",
            HealthText::tr("The role assignments on key vault %1 could not be read (%2), so the access of %3 "
                           "cannot be verified.")
                .arg(v.name, reasonOf(r.roleError), r.set->set.name));
        return;
    }
    const QString keyScope =
        v.id + QStringLiteral("/keys/") + KeyVaultKeyUrl::parse(r.set->set.keyUrl).keyName;
    for (const RoleAssignment &assignment : *r.roleAssignments) {
        const QString scope = assignment.scope.isEmpty() ? QStringLiteral("/") : assignment.scope;
        const bool covers = sameResourceId(scope, v.id) || sameResourceId(scope, keyScope) ||
                            v.id.startsWith(scope + QLatin1Char('/'), Qt::CaseInsensitive);
        if (covers && KeyVaultRoles::grantsKeyUse(assignment.roleDefinitionId) &&
            r.set->principalIds().contains(assignment.principalId, Qt::CaseInsensitive))
            return;
    }
    list.add(DesHealthSeverity::Error, "KEY_ROLE_MISSING",
             HealthText::tr(
                 "The identity of %1 (%2) has no role that lets it use the keys of key vault %3 (RBAC): it "
                 "needs Key Vault Crypto Service Encryption User (or Crypto User, Crypto Officer, "
                 "Administrator) on the vault, the key, its resource group or subscription.")
                 .arg(r.set->set.name, fix.principalId, v.name),
             fix.grantRole(), DesFixAction::GrantKeyAccess);
}

void evaluateKeyLifetime(const KeyVaultKey &key, const QString &label, const QString &desName, qint64 now,
                         const FixContext &fix, FindingList &list) {
    if (!key.enabled.value_or(true))
        list.add(DesHealthSeverity::Error, "KEY_DISABLED",
                 HealthText::tr("The key %1 used by %2 is disabled.").arg(label, desName), fix.enableKey());
    if (key.expires && *key.expires <= now) {
        list.add(
            DesHealthSeverity::Error, "KEY_EXPIRED",
            HealthText::tr("The key %1 used by %2 expired on %3.").arg(label, desName, day(*key.expires)),
            fix.rotateKey());
    } else if (key.expires && *key.expires - now <= qint64(KeyExpiryWarningDays) * 86400) {
        const int days = int(std::ceil(double(*key.expires - now) / 86400.0));
        list.add(DesHealthSeverity::Warning, "KEY_EXPIRES_SOON",
                 HealthText::tr("The key %1 used by %2 expires on %3, in %n day(s).", nullptr, days)
                     .arg(label, desName, day(*key.expires)),
                 fix.rotateKey());
    }
    if (key.notBefore && *key.notBefore > now)
        list.add(DesHealthSeverity::Error, "KEY_NOT_YET_VALID",
                 HealthText::tr("The key %1 used by %2 is not valid before %3.")
                     .arg(label, desName, day(*key.notBefore)),
                 fix.enableKey());
}

void evaluateKey(const DesHealthReadings &r, qint64 now, const FixContext &fix, FindingList &list) {
    const QString &desName = r.set->set.name;
    const KeyVaultKeyUrl url = KeyVaultKeyUrl::parse(r.set->set.keyUrl);
    const QString label = url.version.isEmpty() ? url.keyName : url.keyName + QLatin1Char('/') + url.version;
    if (r.keyError) {
        if (r.keyError.httpStatus == 404)
            list.add(DesHealthSeverity::Error, "KEY_NOT_FOUND",
                     HealthText::tr("The key %1 used by %2 does not exist in key vault %3.")
                         .arg(label, desName, url.vaultName),
                     fix.rotateKey());
        else
            list.add(
                DesHealthSeverity::Unknown, "KEY_NOT_READABLE",
                HealthText::tr("The key %1 of key vault %2 could not be read (%3): it cannot be verified.")
                    .arg(label, url.vaultName, reasonOf(r.keyError)));
        return;
    }
    if (!r.keyVersion)
        return;
    const KeyVaultKey &key = *r.keyVersion;
    evaluateKeyLifetime(key, label, desName, now, fix, list);
    if (key.kty != QLatin1String("RSA") && key.kty != QLatin1String("RSA-HSM"))
        list.add(DesHealthSeverity::Error, "KEY_TYPE_UNSUPPORTED",
                 HealthText::tr("The key %1 is of type %2; disk encryption sets need an RSA or RSA-HSM key.")
                     .arg(label, key.kty));
    else if (key.keySize && *key.keySize != 2048 && *key.keySize != 3072 && *key.keySize != 4096)
        list.add(
            DesHealthSeverity::Error, "KEY_SIZE_UNSUPPORTED",
            HealthText::tr("The key %1 is %2 bits long; disk encryption sets need 2048, 3072 or 4096 bits.")
                .arg(label)
                .arg(*key.keySize));
    QStringList missingOps;
    for (const char *op : {"wrapKey", "unwrapKey"}) {
        if (!key.keyOps.isEmpty() && !key.keyOps.contains(QLatin1String(op), Qt::CaseInsensitive))
            missingOps.append(QLatin1String(op));
    }
    if (!missingOps.isEmpty())
        list.add(DesHealthSeverity::Error, "KEY_OPERATIONS_MISSING",
                 HealthText::tr("The key %1 does not allow %2, which disk encryption needs.")
                     .arg(label, missingOps.join(QStringLiteral(", "))),
                 fix.rotateKey());
    if (r.currentKey && !r.set->set.rotationToLatestKeyVersionEnabled &&
        r.currentKey->version().compare(url.version, Qt::CaseInsensitive) != 0)
        list.add(DesHealthSeverity::Info, "KEY_NEWER_VERSION",
                 HealthText::tr("The key %1 has a newer version (%2) than the one %3 uses, and automatic key "
                                "rotation is off: the set keeps its version until it is updated.")
                     .arg(url.keyName, r.currentKey->version(), desName),
                 fix.enableAutoRotation());
}

DesHealthStatus statusOf(const std::vector<DesFinding> &findings) {
    // Ok < Unknown < Warning < Error, valued as the severities; info findings leave the status alone.
    int worst = int(DesHealthStatus::Ok);
    for (const DesFinding &f : findings) {
        if (f.severity != DesHealthSeverity::Info)
            worst = std::max(worst, int(f.severity));
    }
    return DesHealthStatus(worst);
}

} // namespace

bool keyVaultIsReadable(const DiskEncryptionSetKeySettings &s) {
    const KeyVaultKeyUrl url = KeyVaultKeyUrl::parse(s.set.keyUrl);
    return url.valid && !url.isManagedHsm() && s.federatedClientId.isEmpty() &&
           !s.set.sourceVaultId.isEmpty() &&
           url.vaultName.compare(ResourceId::parse(s.set.sourceVaultId).name(), Qt::CaseInsensitive) == 0;
}

DesHealth evaluateDesHealth(const DesHealthReadings &r, qint64 nowSeconds) {
    DesHealth health;
    health.id = r.desId;
    health.readings = r;
    const ResourceId rid = ResourceId::parse(r.desId);
    health.name = rid.name();
    FindingList list(health.findings);
    if (r.desError || !r.set) {
        if (r.desError.httpStatus == 404)
            list.add(DesHealthSeverity::Error, "DES_NOT_FOUND",
                     HealthText::tr("The disk encryption set %1 does not exist.").arg(health.name));
        else
            list.add(DesHealthSeverity::Unknown, "DES_NOT_READABLE",
                     HealthText::tr("The disk encryption set %1 could not be read (%2), so its key cannot be "
                                    "checked.")
                         .arg(health.name, reasonOf(r.desError)));
        health.status = statusOf(health.findings);
        return health;
    }
    health.name = r.set->set.name.isEmpty() ? health.name : r.set->set.name;
    health.location = r.set->set.location;
    const FixContext fix = FixContext::forReadings(r);
    if (evaluateSet(r, fix, list) && evaluateVault(r, fix, list)) {
        if (!r.set->principalIds().isEmpty()) {
            if (r.vault->usesRbac())
                evaluateRoles(r, fix, list);
            else
                evaluateAccessPolicies(r, fix, list);
        }
        evaluateKey(r, nowSeconds, fix, list);
    }
    health.status = statusOf(health.findings);
    return health;
}

const DesFinding *DesHealth::finding(const QString &code) const {
    for (const DesFinding &f : findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

QString DesFinding::line() const {
    //: One finding of a key's health: %1 severity (error, warning...), %2 its stable code, %3 its message
    return HealthText::tr("%1 [%2]: %3").arg(translatedSeverity(severity), code, message);
}

QStringList DesHealth::errorLines() const {
    QStringList lines;
    for (const DesFinding &f : findings) {
        if (f.severity == DesHealthSeverity::Error)
            lines.append(QStringLiteral("%1 [%2]: %3").arg(name, f.code, f.message));
    }
    return lines;
}

nlohmann::json desHealthJson(const DesHealth &health) {
    nlohmann::json findings = nlohmann::json::array();
    for (const DesFinding &finding : health.findings) {
        nlohmann::json fix = nullptr;
        if (!finding.azureCli.isEmpty() || !finding.powerShell.isEmpty())
            fix = {{"azureCli", finding.azureCli}, {"powerShell", finding.powerShell}};
        findings.push_back({{"severity", severityName(finding.severity)},
                            {"code", finding.code},
                            {"message", finding.message},
                            {"fix", fix}});
    }
    return {{"id", health.id},
            {"name", health.name},
            {"location", health.location},
            {"status", statusName(health.status)},
            {"findings", findings}};
}

// The enums' values index these tables (Info, Unknown, Warning, Error / Ok, Unknown, Warning, Error).
QString severityName(DesHealthSeverity severity) {
    static const char *const names[] = {"info", "unknown", "warning", "error"};
    return QString::fromLatin1(names[int(severity)]);
}

QString statusName(DesHealthStatus status) {
    static const char *const names[] = {"ok", "unknown", "warning", "error"};
    return QString::fromLatin1(names[int(status)]);
}

QString translatedSeverity(DesHealthSeverity severity) {
    static const char *const texts[] = {
        QT_TRANSLATE_NOOP("DesHealth", "info"), QT_TRANSLATE_NOOP("DesHealth", "cannot verify"),
        QT_TRANSLATE_NOOP("DesHealth", "warning"), QT_TRANSLATE_NOOP("DesHealth", "error")};
    return HealthText::tr(texts[int(severity)]);
}

QString translatedStatus(DesHealthStatus status) {
    return status == DesHealthStatus::Ok ? HealthText::tr("OK")
                                         : translatedSeverity(DesHealthSeverity(int(status)));
}

} // namespace cmk
