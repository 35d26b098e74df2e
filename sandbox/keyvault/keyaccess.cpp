#include "keyvault/keyaccess.h"

#include "arm/armstore.h"
#include "arm/operations.h"
#include "keyvault/keys.h"
#include "keyvault/keyvaultcommon.h"
#include "keyvault/roleassignments.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace armsandbox {

namespace {

QJsonObject objectAt(const QJsonObject &parent, const char *key) {
    return parent.value(QLatin1String(key)).toObject();
}

/// The principal ids of the set's identities (system-assigned and user-assigned).
QStringList principalsOf(const QJsonObject &des) {
    const QJsonObject identity = objectAt(des, "identity");
    QStringList principals;
    if (!identity.value(QLatin1String("principalId")).toString().isEmpty())
        principals.append(identity.value(QLatin1String("principalId")).toString());
    const QJsonObject userAssigned = objectAt(identity, "userAssignedIdentities");
    for (auto it = userAssigned.begin(); it != userAssigned.end(); ++it) {
        const QString principal = it.value().toObject().value(QLatin1String("principalId")).toString();
        if (!principal.isEmpty())
            principals.append(principal);
    }
    return principals;
}

bool policyGrantsKeyUse(const QJsonObject &vaultProperties, const QString &principal) {
    for (const auto &value : vaultProperties.value(QLatin1String("accessPolicies")).toArray()) {
        const QJsonObject policy = value.toObject();
        if (policy.value(QLatin1String("objectId")).toString().compare(principal, Qt::CaseInsensitive) != 0)
            continue;
        QStringList granted;
        for (const auto &p : objectAt(policy, "permissions").value(QLatin1String("keys")).toArray())
            granted.append(p.toString().toLower());
        if (granted.contains(QLatin1String("all")) ||
            (granted.contains(QLatin1String("get")) && granted.contains(QLatin1String("wrapkey")) &&
             granted.contains(QLatin1String("unwrapkey"))))
            return true;
    }
    return false;
}

bool roleGrantsKeyUse(const ArmStore &store, const QString &keyId, const QString &principal) {
    for (const auto &value : roleAssignmentsFor(store, keyId, principal, true)) {
        const QString role =
            objectAt(value.toObject(), "properties").value(QLatin1String("roleDefinitionId")).toString();
        if (keyvault::keyUseRoleGuids().contains(keyvault::roleGuidOf(role)))
            return true;
    }
    return false;
}

bool keyUsableNow(const QJsonObject &key) {
    const QJsonObject attributes = objectAt(objectAt(key, "properties"), "attributes");
    const qint64 now = keyvault::nowSeconds();
    if (!attributes.value(QLatin1String("enabled")).toBool(true))
        return false;
    if (attributes.contains(QLatin1String("exp")) &&
        qint64(attributes.value(QLatin1String("exp")).toDouble()) <= now)
        return false;
    return !attributes.contains(QLatin1String("nbf")) ||
           qint64(attributes.value(QLatin1String("nbf")).toDouble()) <= now;
}

bool trustedServicesGetThrough(const QJsonObject &vaultProperties) {
    const QJsonObject acls = objectAt(vaultProperties, "networkAcls");
    const bool closed = acls.value(QLatin1String("defaultAction")).toString() == QLatin1String("Deny") ||
                        vaultProperties.value(QLatin1String("publicNetworkAccess"))
                                .toString()
                                .compare(QLatin1String("Disabled"), Qt::CaseInsensitive) == 0;
    return !closed || acls.value(QLatin1String("bypass")).toString(QStringLiteral("AzureServices")) ==
                          QLatin1String("AzureServices");
}

} // namespace

QString keyVaultAccessForbiddenCode() {
    return QStringLiteral("KeyVaultAccessForbidden");
}

QString keyAccessDenial(const ArmStore &store, const QJsonObject &des) {
    const QJsonObject properties = objectAt(des, "properties");
    const QJsonObject activeKey = objectAt(properties, "activeKey");
    const QString keyUrl = activeKey.value(QLatin1String("keyUrl")).toString();
    const QString vaultId = objectAt(activeKey, "sourceVault").value(QLatin1String("id")).toString();
    const QJsonObject vault = store.resource(vaultId);
    if (vault.isEmpty() || !properties.value(QLatin1String("federatedClientId")).toString().isEmpty())
        return {}; // not modelled, or a key in another tenant
    const QString denial =
        QCoreApplication::translate(
            "armsandbox", "Unable to access key vault resource '%1' to enable encryption at rest. Please "
                          "grant get, wrap and unwrap key permissions to disk encryption set '%2'. Please "
                          "visit https://aka.ms/keyvaultaccessssecmk for more information.")
            .arg(keyUrl, des.value(QLatin1String("name")).toString());
    const QStringList path = QUrl(keyUrl).path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (path.size() != 3 || path.at(0) != QLatin1String("keys"))
        return denial;
    const QJsonObject key = keyVersionFor(store, vaultId, path.at(1), path.at(2));
    const QJsonObject vaultProperties = objectAt(vault, "properties");
    if (key.isEmpty() || !keyUsableNow(key) || !trustedServicesGetThrough(vaultProperties))
        return denial;
    const bool rbac = vaultProperties.value(QLatin1String("enableRbacAuthorization")).toBool(false);
    const QString keyId = vaultId + QStringLiteral("/keys/") + path.at(1);
    for (const QString &principal : principalsOf(des)) {
        if (rbac ? roleGrantsKeyUse(store, keyId, principal) : policyGrantsKeyUse(vaultProperties, principal))
            return {};
    }
    return denial;
}

QList<RegionalKeyDenial> imageVersionKeyDenials(const ArmStore &store, const QJsonObject &versionBody) {
    QList<RegionalKeyDenial> denials;
    const QJsonArray targets = objectAt(objectAt(versionBody, "properties"), "publishingProfile")
                                   .value(QLatin1String("targetRegions"))
                                   .toArray();
    for (const auto &value : targets) {
        const QJsonObject region = value.toObject();
        const QJsonObject encryption = objectAt(region, "encryption");
        QStringList sets{
            objectAt(encryption, "osDiskImage").value(QLatin1String("diskEncryptionSetId")).toString()};
        for (const auto &disk : encryption.value(QLatin1String("dataDiskImages")).toArray())
            sets.append(disk.toObject().value(QLatin1String("diskEncryptionSetId")).toString());
        for (const QString &set : std::as_const(sets)) {
            const QString message = set.isEmpty() ? QString() : keyAccessDenial(store, store.resource(set));
            if (!message.isEmpty()) {
                denials.append({region.value(QLatin1String("name")).toString(), message});
                break;
            }
        }
    }
    return denials;
}

void failOnKeyAccessDenials(LongRunningOperation &operation, const QList<RegionalKeyDenial> &denials) {
    if (denials.isEmpty())
        return;
    operation.failCode = keyVaultAccessForbiddenCode();
    operation.failMessage = denials.first().message;
    for (const RegionalKeyDenial &denial : denials)
        operation.failedRegions.insert(normalizeRegion(denial.region), denial.message);
}

} // namespace armsandbox
