#pragma once

// Microsoft.Authorization role assignments (2022-04-01) at any scope the sandbox knows: a subscription, a
// resource group or a resource (vault, key, Disk Encryption Set...). GET lists with `$filter=principalId eq
// '…'` (at, above and below the scope) or `atScope()` (at and above), GET/PUT/DELETE one by name. PUT answers
// 409 RoleAssignmentExists for a second assignment of the same role to the same principal at the same scope,
// and 400 PrincipalNotFound while a just-created managed identity is not yet visible in the directory.

#include "armsandbox.h"
#include "keyvault/keyvaultcommon.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace armsandbox {

/// Entra ID's replication delay for managed identities the sandbox creates: a new identity is refused by
/// role-assignment PUTs for its first attempts (Azure: PrincipalNotFound), then known.
class PrincipalDirectory {
public:
    void addNew(const QString &principalId, int invisibleAttempts = 1);
    /// False while the identity is still replicating; each call counts as one attempt.
    bool isVisibleNow(const QString &principalId);

private:
    QHash<QString, int> m_pending; ///< lower-case principal id -> attempts still refused
};

/// The role assignments stored for `principalId` (empty: any) that apply to `scope`: at it and above it, and
/// below it too unless `atOrAboveOnly`. Sandbox-internal; the routes and the key access check use it.
QJsonArray roleAssignmentsFor(const ArmStore &store, const QString &scope, const QString &principalId,
                              bool atOrAboveOnly);

class RoleAssignmentApi {
public:
    RoleAssignmentApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl,
                      PrincipalDirectory &directory);

    /// The answer for `{scope}/providers/Microsoft.Authorization/roleAssignments[/{name}]`, nullopt for any
    /// other path.
    std::optional<ApiResponse> handle(const ApiRequest &request, const QStringList &segments,
                                      const QString &apiVersion);
    static QStringList apiVersions();

private:
    std::optional<ApiResponse> checkScope(const QString &scope, const QStringList &scopeSegments) const;
    ApiResponse list(const ApiRequest &request, const QString &scope);
    ApiResponse put(const ApiRequest &request, const QString &scope, const QString &name);
    std::optional<ApiResponse> validateNew(const QString &scope, const QString &name,
                                           const QJsonObject &properties);
    ApiResponse remove(const QString &scope, const QString &name);

    ArmStore &m_store;
    const SandboxOptions &m_options;
    const QUrl &m_baseUrl;
    PrincipalDirectory &m_directory;
};

} // namespace armsandbox
