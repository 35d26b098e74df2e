#include "keyvault/keyvaultresources.h"

#include <QUrl>

using nlohmann::json;

namespace cmk {

namespace {

/// The object under `key`; nullptr when absent or null. Anything but an object throws.
const json *objectUnder(const json &j, const char *key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return nullptr;
    if (!it->is_object())
        throw json::type_error::create(302, std::string(key) + " must be a JSON object", &*it);
    return &*it;
}

QString textUnder(const json *j, const char *key) {
    if (!j)
        return {};
    const auto it = j->find(key);
    return it == j->end() || it->is_null() ? QString() : it->get<QString>();
}

template <typename T> std::optional<T> valueUnder(const json *j, const char *key) {
    if (!j)
        return std::nullopt;
    const auto it = j->find(key);
    if (it == j->end() || it->is_null())
        return std::nullopt;
    return it->get<T>();
}

QStringList textsUnder(const json *j, const char *key) {
    QStringList out;
    if (!j)
        return out;
    const auto it = j->find(key);
    if (it == j->end() || it->is_null())
        return out;
    if (!it->is_array())
        throw json::type_error::create(302, std::string(key) + " must be a JSON array", &*it);
    for (const json &item : *it)
        out.append(item.get<QString>());
    return out;
}

void requireObjectBody(const json &j, const char *what) {
    if (!j.is_object())
        throw json::type_error::create(302, std::string(what) + " must be a JSON object", &j);
}

/// Reads "id" and "name" of an ARM resource body and returns its "properties" (nullptr when absent).
const json *readResourceHead(const json &j, const char *what, QString &id, QString &name) {
    requireObjectBody(j, what);
    id = textUnder(&j, "id");
    name = textUnder(&j, "name");
    return objectUnder(j, "properties");
}

} // namespace

bool KeyVaultRoles::grantsKeyUse(const QString &roleDefinitionId) {
    const QString guid = roleDefinitionId.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    for (const char *role : {CryptoServiceEncryptionUser, CryptoUser, CryptoOfficer, Administrator}) {
        if (guid.compare(QLatin1String(role), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString KeyVaultRoles::displayName(const QString &roleDefinitionId) {
    const QString guid =
        roleDefinitionId.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty).toLower();
    if (guid == QLatin1String(CryptoServiceEncryptionUser))
        return QStringLiteral("Key Vault Crypto Service Encryption User");
    if (guid == QLatin1String(CryptoUser))
        return QStringLiteral("Key Vault Crypto User");
    if (guid == QLatin1String(CryptoOfficer))
        return QStringLiteral("Key Vault Crypto Officer");
    if (guid == QLatin1String(Administrator))
        return QStringLiteral("Key Vault Administrator");
    return guid;
}

bool KeyVaultAccessPolicy::allowsKey(const QString &permission) const {
    return keyPermissions.contains(permission, Qt::CaseInsensitive) ||
           keyPermissions.contains(QStringLiteral("all"), Qt::CaseInsensitive);
}

QString KeyVaultKey::version() const {
    return KeyVaultKeyUrl::parse(keyUriWithVersion).version;
}

KeyVaultKeyUrl KeyVaultKeyUrl::parse(const QString &url) {
    KeyVaultKeyUrl out;
    const QUrl parsed(url.trimmed());
    const QStringList path = parsed.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parsed.scheme() != QLatin1String("https") || parsed.host().isEmpty() || path.size() < 2 ||
        path.size() > 3 || path.first() != QLatin1String("keys"))
        return out;
    out.host = parsed.host().toLower();
    out.vaultName = out.host.section(QLatin1Char('.'), 0, 0);
    out.keyName = path.at(1);
    out.version = path.value(2);
    out.valid = true;
    return out;
}

QString KeyVaultKeyUrl::withoutPort() const {
    QString url = QStringLiteral("https://%1/keys/%2").arg(host, keyName);
    if (!version.isEmpty())
        url += QLatin1Char('/') + version;
    return url;
}

bool sameKeyUrl(const QString &a, const QString &b) {
    const KeyVaultKeyUrl left = KeyVaultKeyUrl::parse(a);
    const KeyVaultKeyUrl right = KeyVaultKeyUrl::parse(b);
    if (!left.valid || !right.valid || left.host != right.host ||
        left.keyName.compare(right.keyName, Qt::CaseInsensitive) != 0)
        return false;
    return left.version.isEmpty() || right.version.isEmpty() ||
           left.version.compare(right.version, Qt::CaseInsensitive) == 0;
}

QStringList DiskEncryptionSetKeySettings::principalIds() const {
    QStringList ids;
    if (!identityPrincipalId.isEmpty())
        ids.append(identityPrincipalId);
    for (const QString &principal : userAssignedPrincipals) {
        if (!principal.isEmpty() && !ids.contains(principal, Qt::CaseInsensitive))
            ids.append(principal);
    }
    return ids;
}

void to_json(json &j, const KeyVaultAccessPolicy &v) {
    j = json{{"tenantId", v.tenantId}, {"objectId", v.objectId}, {"permissions", {{"keys", json::array()}}}};
    if (!v.applicationId.isEmpty())
        j["applicationId"] = v.applicationId;
    for (const QString &permission : v.keyPermissions)
        j["permissions"]["keys"].push_back(permission);
}

void from_json(const json &j, KeyVaultAccessPolicy &v) {
    requireObjectBody(j, "access policy");
    v = {};
    v.tenantId = textUnder(&j, "tenantId");
    v.objectId = textUnder(&j, "objectId");
    v.applicationId = textUnder(&j, "applicationId");
    v.keyPermissions = textsUnder(objectUnder(j, "permissions"), "keys");
}

void from_json(const json &j, KeyVault &v) {
    v = {};
    const json *properties = readResourceHead(j, "key vault", v.id, v.name);
    v.location = textUnder(&j, "location");
    v.tenantId = textUnder(properties, "tenantId");
    v.vaultUri = textUnder(properties, "vaultUri");
    v.provisioningState = textUnder(properties, "provisioningState");
    v.publicNetworkAccess = textUnder(properties, "publicNetworkAccess");
    v.enableSoftDelete = valueUnder<bool>(properties, "enableSoftDelete");
    v.enablePurgeProtection = valueUnder<bool>(properties, "enablePurgeProtection");
    v.enableRbacAuthorization = valueUnder<bool>(properties, "enableRbacAuthorization");
    if (!properties)
        return;
    v.skuName = textUnder(objectUnder(*properties, "sku"), "name");
    const json *acls = objectUnder(*properties, "networkAcls");
    v.networkDefaultAction = textUnder(acls, "defaultAction");
    v.networkBypass = textUnder(acls, "bypass");
    const auto policies = properties->find("accessPolicies");
    if (policies != properties->end() && !policies->is_null())
        v.accessPolicies = policies->get<std::vector<KeyVaultAccessPolicy>>();
}

void from_json(const json &j, KeyVaultKey &v) {
    v = {};
    const json *properties = readResourceHead(j, "key", v.id, v.name);
    v.kty = textUnder(properties, "kty");
    v.curveName = textUnder(properties, "curveName");
    v.keyUri = textUnder(properties, "keyUri");
    v.keyUriWithVersion = textUnder(properties, "keyUriWithVersion");
    v.keySize = valueUnder<int>(properties, "keySize");
    v.keyOps = textsUnder(properties, "keyOps");
    const json *attributes = properties ? objectUnder(*properties, "attributes") : nullptr;
    v.enabled = valueUnder<bool>(attributes, "enabled");
    v.expires = valueUnder<qint64>(attributes, "exp");
    v.notBefore = valueUnder<qint64>(attributes, "nbf");
}

void from_json(const json &j, RoleAssignment &v) {
    v = {};
    const json *properties = readResourceHead(j, "role assignment", v.id, v.name);
    v.scope = textUnder(properties, "scope");
    v.roleDefinitionId = textUnder(properties, "roleDefinitionId");
    v.principalId = textUnder(properties, "principalId");
    v.principalType = textUnder(properties, "principalType");
}

void from_json(const json &j, DiskEncryptionSetKeySettings &v) {
    v = {};
    v.set = j.get<DiskEncryptionSet>();
    const json *identity = objectUnder(j, "identity");
    v.identityPrincipalId = textUnder(identity, "principalId");
    v.identityTenantId = textUnder(identity, "tenantId");
    if (const json *userAssigned = identity ? objectUnder(*identity, "userAssignedIdentities") : nullptr) {
        for (auto it = userAssigned->begin(); it != userAssigned->end(); ++it) {
            const QString principal = it->is_object() ? textUnder(&*it, "principalId") : QString();
            v.userAssignedPrincipals.insert(QString::fromStdString(it.key()), principal);
        }
    }
    const json *properties = objectUnder(j, "properties");
    v.federatedClientId = textUnder(properties, "federatedClientId");
    const json *rotationError = properties ? objectUnder(*properties, "autoKeyRotationError") : nullptr;
    v.autoKeyRotationErrorCode = textUnder(rotationError, "code");
    v.autoKeyRotationErrorMessage = textUnder(rotationError, "message");
}

} // namespace cmk
