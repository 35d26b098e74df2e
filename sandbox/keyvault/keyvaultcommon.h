#pragma once

// What the Key Vault, role-assignment and Disk Encryption Set write routes of the sandbox share beyond the
// answers of arm/armapi.h: sandbox-only fields, the clock, ids and the role table. Read from the
// Microsoft.KeyVault 2025-05-01 and Microsoft.Authorization 2022-04-01 specs, independently of models/.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace armsandbox {

// Declared in arm/armapi.h, arm/armstore.h and arm/operations.h.
class ArmStore;
class OperationRegistry;
struct ApiRequest;
struct ApiResponse;

namespace keyvault {

ApiResponse noContent(int status = 204);
/// 404 SubscriptionNotFound / ResourceGroupNotFound when the path's subscription or group is missing.
std::optional<ApiResponse> missingSubscriptionOrGroup(const ArmStore &store, const QStringList &segments);
/// 404 ResourceNotFound for the resource the path segments address
/// (subscriptions/{s}/resourceGroups/{g}/...).
ApiResponse resourceNotFoundAt(const QStringList &segments);
/// 403 AuthorizationFailed when a fixture resource says `"sandboxDenyRead": true` (the caller may not read
/// it).
std::optional<ApiResponse> deniedRead(const QJsonObject &resource, const QString &action);
/// The resource as GET returns it: sandbox-only fields removed.
QJsonObject withoutSandboxFields(QJsonObject resource);

qint64 nowSeconds();
/// A new key version / object id: 32 lower-case hex digits.
QString newHexId();
QString newGuid();
bool isGuid(const QString &text);

/// Role definitions whose data actions let a Disk Encryption Set use a key (get, wrapKey, unwrapKey): Key
/// Vault Crypto Service Encryption User, Crypto User, Crypto Officer, Administrator. Lower-case GUIDs.
const QStringList &keyUseRoleGuids();
/// The built-in roles the sandbox knows (the key-use ones plus Owner, Contributor, Reader, Key Vault
/// Reader...).
bool isKnownRoleGuid(const QString &guid);
/// The trailing GUID of a role definition id, lower case.
QString roleGuidOf(const QString &roleDefinitionId);

} // namespace keyvault
} // namespace armsandbox
