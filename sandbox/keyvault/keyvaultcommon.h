#pragma once

// What the Key Vault, role-assignment and Disk Encryption Set write routes of the sandbox share: answers,
// api-version checks, the clock and the role table. Read from the Microsoft.KeyVault 2025-05-01 and
// Microsoft.Authorization 2022-04-01 specs, independently of models/.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace armsandbox {

struct ApiRequest;
struct ApiResponse;
class ArmStore;

namespace keyvault {

QStringList lowered(const QStringList &segments);
ApiResponse answer(const QJsonObject &body, int status = 200);
ApiResponse noContent(int status = 204);
ApiResponse methodNotAllowed(const ApiRequest &request);
/// 400 InvalidApiVersionParameter unless `apiVersion` is one of `supported`.
std::optional<ApiResponse> checkApiVersion(const QStringList &supported, const QString &apiVersion);
/// 404 SubscriptionNotFound / ResourceGroupNotFound when the path's subscription or group is missing.
std::optional<ApiResponse> missingSubscriptionOrGroup(const ArmStore &store, const QStringList &segments);
/// 404 ResourceNotFound "The Resource 'ns/type/name/...' under resource group 'g' was not found."
ApiResponse resourceNotFound(const QStringList &segments);
/// 403 AuthorizationFailed when a fixture resource says `"sandboxDenyRead": true` (the caller may not read
/// it).
std::optional<ApiResponse> deniedRead(const QJsonObject &resource, const QString &action);
/// The resource as GET returns it: sandbox-only fields removed.
QJsonObject withoutSandboxFields(QJsonObject resource);

qint64 nowSeconds();
QString isoNow();
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
