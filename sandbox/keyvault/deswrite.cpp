#include "keyvault/deswrite.h"

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "arm/operations.h"
#include "keyvault/keys.h"
#include "keyvault/keyvaultcommon.h"
#include "keyvault/roleassignments.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

namespace armsandbox {

namespace {

bool isEncryptionType(const QString &type) {
    static const QStringList types = {QStringLiteral("EncryptionAtRestWithCustomerKey"),
                                      QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys"),
                                      QStringLiteral("ConfidentialVmEncryptedWithCustomerKey")};
    return types.contains(type);
}

bool isIdentityType(const QString &type) {
    static const QStringList types = {QStringLiteral("SystemAssigned"), QStringLiteral("UserAssigned"),
                                      QStringLiteral("SystemAssigned, UserAssigned")};
    return types.contains(type);
}

/// A stable id derived from a user-assigned identity's resource id (the sandbox has no identity resources).
QString derivedGuid(const QString &seed, const char *what) {
    return QUuid::createUuidV5(QUuid(), QString::fromLatin1(what) + seed.toLower())
        .toString(QUuid::WithoutBraces);
}

} // namespace

DesWriteApi::DesWriteApi(ArmStore &store, const QUrl &baseUrl, OperationRegistry &operations,
                         PrincipalDirectory &directory)
    : m_store(store)
    , m_baseUrl(baseUrl)
    , m_operations(operations)
    , m_directory(directory) {}

QStringList DesWriteApi::apiVersions() {
    return publishedApiVersions(QStringLiteral("disk"));
}

std::optional<ApiResponse> DesWriteApi::checkActiveKey(const QJsonObject &activeKey) const {
    const QString target = QStringLiteral("properties.activeKey.keyUrl");
    const QString keyUrl = activeKey.value(QLatin1String("keyUrl")).toString();
    const QUrl url(keyUrl);
    const QStringList path = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (url.scheme() != QLatin1String("https") || path.size() != 3 || path.at(0) != QLatin1String("keys"))
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "The key URL '%1' is not a versioned key URL: the version segment of "
                              "the URL is required, as in https://VAULT.vault.azure.net/keys/KEY/VERSION.")
                .arg(keyUrl),
            target);
    const QString vaultId =
        activeKey.value(QLatin1String("sourceVault")).toObject().value(QLatin1String("id")).toString();
    if (vaultId.isEmpty())
        return std::nullopt;
    const QString vaultName = vaultId.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    if (resourceTypeOfId(canonicalId(vaultId)) != QLatin1String("microsoft.keyvault/vaults") ||
        url.host().section(QLatin1Char('.'), 0, 0).compare(vaultName, Qt::CaseInsensitive) != 0)
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The key URL '%1' is not in the source vault '%2'.")
                .arg(keyUrl, vaultId),
            QStringLiteral("properties.activeKey.sourceVault.id"));
    if (m_store.contains(vaultId) && keyVersionFor(m_store, vaultId, path.at(1), path.at(2)).isEmpty())
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The key '%1' was not found in key vault '%2'.")
                .arg(keyUrl, vaultName),
            target);
    return std::nullopt;
}

std::optional<ApiResponse> DesWriteApi::checkBody(const QJsonObject &body, bool creating) const {
    if (creating) {
        if (auto bad = checkLocation(m_store, body, QStringLiteral("Microsoft.Compute/diskEncryptionSets")))
            return bad;
    }
    const QJsonObject identity = body.value(QLatin1String("identity")).toObject();
    if ((creating || body.contains(QLatin1String("identity"))) &&
        !isIdentityType(identity.value(QLatin1String("type")).toString()))
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "A disk encryption set needs a managed identity: set "
                                                      "identity.type to SystemAssigned or UserAssigned."),
            QStringLiteral("identity.type"));
    const QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    if (properties.contains(QLatin1String("encryptionType")) &&
        !isEncryptionType(properties.value(QLatin1String("encryptionType")).toString()))
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The encryption type '%1' is not valid.")
                .arg(properties.value(QLatin1String("encryptionType")).toString()),
            QStringLiteral("properties.encryptionType"));
    if (creating || properties.contains(QLatin1String("activeKey")))
        return checkActiveKey(properties.value(QLatin1String("activeKey")).toObject());
    return std::nullopt;
}

QJsonObject DesWriteApi::identityFor(const QJsonObject &requested, const QJsonObject &existing,
                                     const QString &subscriptionId) {
    QJsonObject identity = existing;
    const QString type =
        requested.value(QLatin1String("type")).toString(existing.value(QLatin1String("type")).toString());
    identity.insert(QStringLiteral("type"), type);
    if (type.contains(QLatin1String("SystemAssigned"))) {
        if (identity.value(QLatin1String("principalId")).toString().isEmpty()) {
            const QString principal = keyvault::newGuid();
            identity.insert(QStringLiteral("principalId"), principal);
            m_directory.addNew(principal);
        }
        identity.insert(QStringLiteral("tenantId"),
                        m_store.subscription(subscriptionId).value(QLatin1String("tenantId")).toString());
    } else {
        identity.remove(QStringLiteral("principalId"));
        identity.remove(QStringLiteral("tenantId"));
    }
    QJsonObject userAssigned;
    const QJsonObject wanted = requested.value(QLatin1String("userAssignedIdentities")).toObject();
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        userAssigned.insert(it.key(),
                            QJsonObject{{QStringLiteral("principalId"), derivedGuid(it.key(), "principal")},
                                        {QStringLiteral("clientId"), derivedGuid(it.key(), "client")}});
    }
    if (type.contains(QLatin1String("UserAssigned")))
        identity.insert(QStringLiteral("userAssignedIdentities"), userAssigned);
    else
        identity.remove(QStringLiteral("userAssignedIdentities"));
    return identity;
}

QJsonObject DesWriteApi::mergedProperties(const QJsonObject &requested, const QJsonObject &existing) const {
    QJsonObject properties = existing;
    for (const char *field :
         {"encryptionType", "activeKey", "rotationToLatestKeyVersionEnabled", "federatedClientId"}) {
        if (requested.contains(QLatin1String(field)))
            properties.insert(QLatin1String(field), requested.value(QLatin1String(field)));
    }
    if (properties.value(QLatin1String("federatedClientId")).toString() == QLatin1String("None"))
        properties.remove(QStringLiteral("federatedClientId"));
    const QString oldKey =
        existing.value(QLatin1String("activeKey")).toObject().value(QLatin1String("keyUrl")).toString();
    const QString newKey =
        properties.value(QLatin1String("activeKey")).toObject().value(QLatin1String("keyUrl")).toString();
    if (oldKey != newKey)
        properties.insert(QStringLiteral("lastKeyRotationTimestamp"), isoNow());
    const auto fill = [&properties](const char *key, const QJsonValue &value) {
        if (!properties.contains(QLatin1String(key)))
            properties.insert(QLatin1String(key), value);
    };
    fill("encryptionType", QStringLiteral("EncryptionAtRestWithCustomerKey"));
    fill("rotationToLatestKeyVersionEnabled", false);
    properties.insert(QStringLiteral("previousKeys"), QJsonArray());
    properties.insert(QStringLiteral("provisioningState"), QStringLiteral("Updating"));
    return properties;
}

ApiResponse DesWriteApi::write(const ApiRequest &request, const QStringList &segments,
                               const QString &apiVersion) {
    if (auto bad = checkApiVersionIn(apiVersions(), apiVersion))
        return *bad;
    if (auto missing = keyvault::missingSubscriptionOrGroup(m_store, segments))
        return *missing;
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QString &subscriptionId = segments.at(1);
    if (m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Compute/diskEncryptionSets/write"), id);
    QJsonObject existing = m_store.resource(id);
    const bool creating = existing.isEmpty();
    if (request.method == "PATCH" && creating)
        return keyvault::resourceNotFoundAt(segments);
    if (m_operations.isRunningOn(canonicalId(id)))
        return operationInProgress(QStringLiteral("disk encryption set"), segments.last());
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    if (auto bad = checkBody(body, creating))
        return *bad;
    QJsonObject des = existing;
    if (creating)
        des = QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), segments.last()},
            {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/diskEncryptionSets")},
            {QStringLiteral("location"), normalizeRegion(body.value(QLatin1String("location")).toString())}};
    if (body.contains(QLatin1String("tags")) || creating)
        des.insert(QStringLiteral("tags"), body.value(QLatin1String("tags")).toObject());
    des.insert(QStringLiteral("identity"),
               identityFor(body.value(QLatin1String("identity")).toObject(),
                           existing.value(QLatin1String("identity")).toObject(), subscriptionId));
    des.insert(QStringLiteral("properties"),
               mergedProperties(body.value(QLatin1String("properties")).toObject(),
                                existing.value(QLatin1String("properties")).toObject()));
    m_store.put(des);
    const LongRunningOperation &operation = m_operations.start(canonicalId(id));
    ApiResponse response = okResponse(des, 202);
    m_operations.announce(response, operation, m_baseUrl, subscriptionId, QStringLiteral("Microsoft.Compute"),
                          des.value(QLatin1String("location")).toString(), QStringLiteral("DiskOperations"),
                          apiVersion);
    return response;
}

} // namespace armsandbox
