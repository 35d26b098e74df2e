#pragma once

// What a Disk Encryption Set needs from Azure besides the set itself: Microsoft.KeyVault vaults and keys,
// Microsoft.Authorization role assignments, and the set's own writes (PUT/PATCH with their DiskOperations
// status). ArmApi hands it every subscription request; it answers only the routes it owns. See
// docs/sandbox.md ("Key Vault, role assignments and Disk Encryption Set writes").

#include "armsandbox.h"
#include "keyvault/deswrite.h"
#include "keyvault/keys.h"
#include "keyvault/keyvaultcommon.h"
#include "keyvault/roleassignments.h"
#include "keyvault/vaults.h"

#include <QStringList>
#include <QUrl>
#include <optional>

namespace armsandbox {

class KeyVaultApi {
public:
    KeyVaultApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl,
                OperationRegistry &operations);

    /// The answer for the routes this class owns, nullopt for every other path (ArmApi goes on).
    std::optional<ApiResponse> handle(const ApiRequest &request, const QStringList &segments,
                                      const QString &apiVersion);
    static QStringList keyVaultApiVersions();

private:
    std::optional<ApiResponse> keyVaultRoute(const ApiRequest &request, const QStringList &segments,
                                             const QString &apiVersion);
    std::optional<ApiResponse> diskRoute(const ApiRequest &request, const QStringList &segments,
                                         const QString &apiVersion);

    ArmStore &m_store;
    OperationRegistry &m_operations;
    PrincipalDirectory m_directory;
    VaultApi m_vaults;
    KeyApi m_keys;
    RoleAssignmentApi m_roleAssignments;
    DesWriteApi m_desWrites;
};

} // namespace armsandbox
