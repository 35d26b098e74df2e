#include "keyvault/vaults.h"

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "keyvault/keyvaultcommon.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <climits>

namespace armsandbox {

namespace {

const QString kVaultType = QStringLiteral("microsoft.keyvault/vaults");

ApiResponse badRequest(const QString &message, const QString &code = QStringLiteral("BadRequest")) {
    return armError(400, code, message);
}

QString vaultNameRules() {
    return QCoreApplication::translate(
        "armsandbox",
        "A vault's name must be between 3-24 alphanumeric characters. The name must begin with a "
        "letter, end with a letter or digit, and not contain consecutive hyphens.");
}

/// "keys": ["get", ...] of every category, merged (add), replaced or removed case-insensitively.
QJsonObject mergePermissions(const QJsonObject &current, const QJsonObject &change, const QString &kind) {
    if (kind == QLatin1String("replace"))
        return change;
    QJsonObject out = current;
    for (auto it = change.begin(); it != change.end(); ++it) {
        QJsonArray merged;
        const QJsonArray given = it.value().toArray();
        const auto inGiven = [&given](const QString &permission) {
            for (const auto &g : given) {
                if (g.toString().compare(permission, Qt::CaseInsensitive) == 0)
                    return true;
            }
            return false;
        };
        QStringList seen;
        for (const auto &p : current.value(it.key()).toArray()) {
            if (kind == QLatin1String("remove") && inGiven(p.toString()))
                continue;
            merged.append(p);
            seen.append(p.toString().toLower());
        }
        if (kind == QLatin1String("add")) {
            for (const auto &g : given) {
                if (!seen.contains(g.toString().toLower()))
                    merged.append(g);
            }
        }
        out.insert(it.key(), merged);
    }
    return out;
}

/// Key permissions in the spelling of the spec's KeyPermissions enum ("GET" -> "get", "wrapkey" ->
/// "wrapKey"), as the service stores them; unknown ones stay as given.
QJsonObject canonicalPermissions(QJsonObject permissions) {
    static const QStringList known = {QStringLiteral("all"),
                                      QStringLiteral("encrypt"),
                                      QStringLiteral("decrypt"),
                                      QStringLiteral("wrapKey"),
                                      QStringLiteral("unwrapKey"),
                                      QStringLiteral("sign"),
                                      QStringLiteral("verify"),
                                      QStringLiteral("get"),
                                      QStringLiteral("list"),
                                      QStringLiteral("create"),
                                      QStringLiteral("update"),
                                      QStringLiteral("import"),
                                      QStringLiteral("delete"),
                                      QStringLiteral("backup"),
                                      QStringLiteral("restore"),
                                      QStringLiteral("recover"),
                                      QStringLiteral("purge"),
                                      QStringLiteral("release"),
                                      QStringLiteral("rotate"),
                                      QStringLiteral("getrotationpolicy"),
                                      QStringLiteral("setrotationpolicy")};
    QJsonArray keys;
    for (const auto &value : permissions.value(QLatin1String("keys")).toArray()) {
        const auto match = std::find_if(known.begin(), known.end(), [&value](const QString &k) {
            return k.compare(value.toString(), Qt::CaseInsensitive) == 0;
        });
        keys.append(match == known.end() ? value : QJsonValue(*match));
    }
    if (permissions.contains(QLatin1String("keys")))
        permissions.insert(QStringLiteral("keys"), keys);
    return permissions;
}

QJsonArray withCanonicalPermissions(QJsonArray policies) {
    for (int i = 0; i < policies.size(); ++i) {
        QJsonObject policy = policies.at(i).toObject();
        policy.insert(QStringLiteral("permissions"),
                      canonicalPermissions(policy.value(QLatin1String("permissions")).toObject()));
        policies.replace(i, policy);
    }
    return policies;
}

bool isEmptyPermissions(const QJsonObject &permissions) {
    for (auto it = permissions.begin(); it != permissions.end(); ++it) {
        if (!it.value().toArray().isEmpty())
            return false;
    }
    return true;
}

bool samePrincipal(const QJsonObject &a, const QJsonObject &b) {
    const auto field = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    return field(a, "tenantId").compare(field(b, "tenantId"), Qt::CaseInsensitive) == 0 &&
           field(a, "objectId").compare(field(b, "objectId"), Qt::CaseInsensitive) == 0 &&
           field(a, "applicationId").compare(field(b, "applicationId"), Qt::CaseInsensitive) == 0;
}

QJsonArray applyAccessPolicies(const QJsonArray &current, const QJsonArray &changes, const QString &kind) {
    QJsonArray policies = current;
    for (const auto &value : changes) {
        const QJsonObject change = value.toObject();
        int found = -1;
        for (int i = 0; i < policies.size(); ++i) {
            if (samePrincipal(policies.at(i).toObject(), change))
                found = i;
        }
        const QJsonObject wanted = change.value(QLatin1String("permissions")).toObject();
        if (found < 0) {
            if (kind != QLatin1String("remove"))
                policies.append(change);
            continue;
        }
        QJsonObject entry = policies.at(found).toObject();
        const QJsonObject permissions =
            mergePermissions(entry.value(QLatin1String("permissions")).toObject(), wanted, kind);
        if (kind == QLatin1String("remove") && isEmptyPermissions(permissions)) {
            policies.removeAt(found);
            continue;
        }
        entry.insert(QStringLiteral("permissions"), permissions);
        policies.replace(found, entry);
    }
    return policies;
}

std::optional<ApiResponse> checkAccessPolicyEntries(const QJsonArray &policies) {
    if (policies.size() > 1024)
        return badRequest(
            QCoreApplication::translate("armsandbox", "A vault has at most 1024 access policies."));
    for (const auto &value : policies) {
        const QJsonObject policy = value.toObject();
        if (!keyvault::isGuid(policy.value(QLatin1String("tenantId")).toString()) ||
            policy.value(QLatin1String("objectId")).toString().isEmpty() ||
            !policy.value(QLatin1String("permissions")).isObject())
            return badRequest(QCoreApplication::translate(
                "armsandbox", "An access policy needs tenantId, objectId and permissions."));
    }
    return std::nullopt;
}

} // namespace

VaultApi::VaultApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl)
    : m_store(store)
    , m_options(options)
    , m_baseUrl(baseUrl) {}

bool VaultApi::isValidVaultName(const QString &name) {
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$"));
    return shape.match(name).hasMatch() && !name.contains(QLatin1String("--"));
}

std::optional<ApiResponse> VaultApi::checkNameFree(const QString &name, const QString &id) const {
    const ArmStore::Page all = m_store.list(kVaultType, QString(), 0, INT_MAX);
    for (const auto &value : all.items) {
        const QJsonObject vault = value.toObject();
        if (vault.value(QLatin1String("name")).toString().compare(name, Qt::CaseInsensitive) == 0 &&
            canonicalId(vault.value(QLatin1String("id")).toString()) != canonicalId(id))
            return armError(409, QStringLiteral("VaultAlreadyExists"),
                            QCoreApplication::translate(
                                "armsandbox", "The vault name '%1' is already in use. Vault names are "
                                              "globally unique so it is possible that the name is "
                                              "already taken.")
                                .arg(name));
    }
    return std::nullopt;
}

ApiResponse VaultApi::checkNameAvailability(const ApiRequest &request) {
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    const QString name = body.value(QLatin1String("name")).toString();
    if (body.value(QLatin1String("type")).toString() != QLatin1String("Microsoft.KeyVault/vaults"))
        return badRequest(
            QCoreApplication::translate("armsandbox", "The type must be 'Microsoft.KeyVault/vaults'."));
    if (!isValidVaultName(name))
        return okResponse(QJsonObject{{QStringLiteral("nameAvailable"), false},
                                      {QStringLiteral("reason"), QStringLiteral("AccountNameInvalid")},
                                      {QStringLiteral("message"), vaultNameRules()}});
    if (checkNameFree(name, QString()))
        return okResponse(QJsonObject{
            {QStringLiteral("nameAvailable"), false},
            {QStringLiteral("reason"), QStringLiteral("AlreadyExists")},
            {QStringLiteral("message"),
             QCoreApplication::translate("armsandbox", "The vault name '%1' is already in use.").arg(name)}});
    return okResponse(QJsonObject{{QStringLiteral("nameAvailable"), true}});
}

ApiResponse VaultApi::list(const ApiRequest &request, const QString &canonicalPrefix) {
    QJsonArray vaults;
    for (const auto &value : m_store.list(kVaultType, canonicalPrefix, 0, INT_MAX).items)
        vaults.append(keyvault::withoutSandboxFields(value.toObject()));
    return arrayPage(request, vaults, m_options.pageSize, m_baseUrl);
}

ApiResponse VaultApi::vault(const ApiRequest &request, const QStringList &segments) {
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    if (request.method == "GET")
        return get(id, segments);
    if (request.method == "PUT")
        return put(request, segments, id);
    if (request.method == "PATCH")
        return patch(request, segments, id);
    return methodNotAllowed(request);
}

ApiResponse VaultApi::get(const QString &id, const QStringList &segments) {
    QJsonObject vault = m_store.resource(id);
    if (vault.isEmpty())
        return keyvault::resourceNotFoundAt(segments);
    if (auto denied = keyvault::deniedRead(vault, QStringLiteral("Microsoft.KeyVault/vaults/read")))
        return *denied;
    const QString key = canonicalId(id);
    auto polls = m_dnsPolls.find(key);
    if (polls != m_dnsPolls.end() && --*polls <= 0) {
        m_dnsPolls.erase(polls);
        QJsonObject properties = vault.value(QLatin1String("properties")).toObject();
        properties.insert(QStringLiteral("provisioningState"), QStringLiteral("Succeeded"));
        vault.insert(QStringLiteral("properties"), properties);
        m_store.put(vault);
    }
    return okResponse(keyvault::withoutSandboxFields(vault));
}

std::optional<ApiResponse> VaultApi::checkProperties(const QJsonObject &properties,
                                                     const QJsonObject &existing) const {
    const QJsonObject before = existing.value(QLatin1String("properties")).toObject();
    if (properties.value(QLatin1String("enableSoftDelete")) == QJsonValue(false) &&
        before.value(QLatin1String("enableSoftDelete")).toBool(false))
        return badRequest(QCoreApplication::translate(
            "armsandbox",
            "The property \"enableSoftDelete\" cannot be set to false. Enabling the soft delete for a "
            "vault is an irreversible action."));
    if (properties.value(QLatin1String("enablePurgeProtection")) == QJsonValue(false))
        return badRequest(QCoreApplication::translate(
            "armsandbox", "The property \"enablePurgeProtection\" cannot be set to false. Enabling the purge "
                          "protection for a vault is an irreversible action."));
    const bool softDelete = properties.value(QLatin1String("enableSoftDelete"))
                                .toBool(before.value(QLatin1String("enableSoftDelete")).toBool(true));
    if (properties.value(QLatin1String("enablePurgeProtection")).toBool(false) && !softDelete)
        return badRequest(QCoreApplication::translate(
            "armsandbox", "Purge protection can only be enabled on a vault that has soft delete enabled."));
    if (properties.contains(QLatin1String("softDeleteRetentionInDays"))) {
        const int days = properties.value(QLatin1String("softDeleteRetentionInDays")).toInt(-1);
        if (days < 7 || days > 90)
            return badRequest(QCoreApplication::translate(
                "armsandbox", "softDeleteRetentionInDays must be between 7 and 90."));
    }
    const QJsonObject acls = properties.value(QLatin1String("networkAcls")).toObject();
    const QString action = acls.value(QLatin1String("defaultAction")).toString(QStringLiteral("Allow"));
    const QString bypass = acls.value(QLatin1String("bypass")).toString(QStringLiteral("AzureServices"));
    if ((action != QLatin1String("Allow") && action != QLatin1String("Deny")) ||
        (bypass != QLatin1String("AzureServices") && bypass != QLatin1String("None")))
        return badRequest(QCoreApplication::translate(
            "armsandbox",
            "networkAcls.defaultAction must be Allow or Deny and networkAcls.bypass AzureServices "
            "or None."));
    return checkAccessPolicyEntries(properties.value(QLatin1String("accessPolicies")).toArray());
}

QJsonObject VaultApi::withDefaults(const QString &name, QJsonObject properties) const {
    const auto fill = [&properties](const char *key, const QJsonValue &value) {
        if (!properties.contains(QLatin1String(key)))
            properties.insert(QLatin1String(key), value);
    };
    properties.remove(QStringLiteral("createMode"));
    properties.insert(QStringLiteral("accessPolicies"),
                      withCanonicalPermissions(properties.value(QLatin1String("accessPolicies")).toArray()));
    fill("enabledForDeployment", false);
    fill("enabledForDiskEncryption", false);
    fill("enabledForTemplateDeployment", false);
    fill("enableSoftDelete", true);
    fill("softDeleteRetentionInDays", 90);
    fill("enableRbacAuthorization", false);
    fill("publicNetworkAccess", QStringLiteral("Enabled"));
    fill("vaultUri", QStringLiteral("https://%1.vault.azure.net/").arg(name.toLower()));
    return properties;
}

ApiResponse VaultApi::put(const ApiRequest &request, const QStringList &segments, const QString &id) {
    if (auto missing = keyvault::missingSubscriptionOrGroup(m_store, segments))
        return *missing;
    if (m_store.isReadOnly(segments.at(1)))
        return authorizationFailed(QStringLiteral("Microsoft.KeyVault/vaults/write"), id);
    const QString &name = segments.at(7);
    if (!isValidVaultName(name))
        return badRequest(QCoreApplication::translate("armsandbox", "The vault name '%1' is invalid. %2")
                              .arg(name, vaultNameRules()),
                          QStringLiteral("VaultNameNotValid"));
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    if (auto bad = checkLocation(m_store, body, QStringLiteral("Microsoft.KeyVault/vaults")))
        return *bad;
    const QString location = body.value(QLatin1String("location")).toString();
    const QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    const QJsonObject sku = properties.value(QLatin1String("sku")).toObject();
    if (!keyvault::isGuid(properties.value(QLatin1String("tenantId")).toString()) ||
        sku.value(QLatin1String("family")).toString() != QLatin1String("A") ||
        (sku.value(QLatin1String("name")).toString() != QLatin1String("standard") &&
         sku.value(QLatin1String("name")).toString() != QLatin1String("premium")))
        return badRequest(QCoreApplication::translate(
            "armsandbox", "The vault needs properties.tenantId (a GUID) and properties.sku {family: A, name: "
                          "standard or premium}."));
    const QJsonObject existing = m_store.resource(id);
    if (auto bad = checkProperties(properties, existing))
        return *bad;
    if (auto taken = checkNameFree(name, id))
        return *taken;
    QJsonObject stored = withDefaults(name, properties);
    stored.insert(QStringLiteral("provisioningState"),
                  existing.isEmpty() ? QStringLiteral("RegisteringDns") : QStringLiteral("Succeeded"));
    QJsonObject vault{{QStringLiteral("id"), id},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("type"), QStringLiteral("Microsoft.KeyVault/vaults")},
                      {QStringLiteral("location"), normalizeRegion(location)},
                      {QStringLiteral("tags"), body.value(QLatin1String("tags")).toObject()},
                      {QStringLiteral("properties"), stored}};
    m_store.put(vault);
    if (existing.isEmpty())
        m_dnsPolls.insert(canonicalId(id), qMax(1, m_options.lroPollsUntilDone));
    return okResponse(vault, existing.isEmpty() ? 201 : 200);
}

ApiResponse VaultApi::patch(const ApiRequest &request, const QStringList &segments, const QString &id) {
    QJsonObject vault = m_store.resource(id);
    if (vault.isEmpty())
        return keyvault::resourceNotFoundAt(segments);
    if (m_store.isReadOnly(segments.at(1)))
        return authorizationFailed(QStringLiteral("Microsoft.KeyVault/vaults/write"), id);
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    const QJsonObject changes = body.value(QLatin1String("properties")).toObject();
    if (auto bad = checkProperties(changes, vault))
        return *bad;
    QJsonObject properties = vault.value(QLatin1String("properties")).toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.key() == QLatin1String("accessPolicies"))
            properties.insert(it.key(), withCanonicalPermissions(it.value().toArray()));
        else if (it.key() != QLatin1String("createMode"))
            properties.insert(it.key(), it.value());
    }
    vault.insert(QStringLiteral("properties"), properties);
    if (body.contains(QLatin1String("tags")))
        vault.insert(QStringLiteral("tags"), body.value(QLatin1String("tags")));
    m_store.put(vault);
    return okResponse(keyvault::withoutSandboxFields(vault));
}

ApiResponse VaultApi::accessPolicies(const ApiRequest &request, const QStringList &segments) {
    const QStringList vaultSegments = segments.mid(0, 8);
    const QString vaultId = QLatin1Char('/') + vaultSegments.join(QLatin1Char('/'));
    QJsonObject vault = m_store.resource(vaultId);
    if (vault.isEmpty())
        return keyvault::resourceNotFoundAt(vaultSegments);
    if (request.method != "PUT")
        return methodNotAllowed(request);
    const QString kind = segments.at(9).toLower();
    if (kind != QLatin1String("add") && kind != QLatin1String("replace") && kind != QLatin1String("remove"))
        return badRequest(QCoreApplication::translate(
                              "armsandbox", "The operation kind '%1' is not add, replace or remove.")
                              .arg(segments.at(9)));
    if (m_store.isReadOnly(segments.at(1)))
        return authorizationFailed(QStringLiteral("Microsoft.KeyVault/vaults/accessPolicies/write"), vaultId);
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    const QJsonArray changes = withCanonicalPermissions(
        body.value(QLatin1String("properties")).toObject().value(QLatin1String("accessPolicies")).toArray());
    if (auto bad = checkAccessPolicyEntries(changes))
        return *bad;
    QJsonObject properties = vault.value(QLatin1String("properties")).toObject();
    properties.insert(
        QStringLiteral("accessPolicies"),
        applyAccessPolicies(properties.value(QLatin1String("accessPolicies")).toArray(), changes, kind));
    vault.insert(QStringLiteral("properties"), properties);
    m_store.put(vault);
    return okResponse(QJsonObject{
        {QStringLiteral("id"), vaultId + QStringLiteral("/accessPolicies/") + kind},
        {QStringLiteral("type"), QStringLiteral("Microsoft.KeyVault/vaults/accessPolicies")},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("accessPolicies"), changes}}}});
}

} // namespace armsandbox
