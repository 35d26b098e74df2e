#pragma once

// Microsoft.KeyVault vaults (2025-05-01): GET, PUT (create or update; a new vault reads provisioningState
// RegisteringDns for a few GETs, the long-running create a client follows on the resource), PATCH, list by
// group and subscription, checkNameAvailability (names are global), and accessPolicies/{add|replace|remove}.
// Soft delete and purge protection cannot be turned off once on, as in Azure.

#include "armsandbox.h"
#include "keyvault/keyvaultcommon.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace armsandbox {

class VaultApi {
public:
    VaultApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl);

    ApiResponse checkNameAvailability(const ApiRequest &request);
    ApiResponse list(const ApiRequest &request, const QString &canonicalPrefix);
    /// GET/PUT/PATCH of `.../vaults/{name}` (segments of the path).
    ApiResponse vault(const ApiRequest &request, const QStringList &segments);
    /// PUT `.../vaults/{name}/accessPolicies/{add|replace|remove}`.
    ApiResponse accessPolicies(const ApiRequest &request, const QStringList &segments);

    /// A vault name Azure accepts: 3-24 letters, digits and hyphens, starting with a letter, ending with a
    /// letter or digit, no "--".
    static bool isValidVaultName(const QString &name);

private:
    ApiResponse get(const QString &id, const QStringList &segments);
    ApiResponse put(const ApiRequest &request, const QStringList &segments, const QString &id);
    ApiResponse patch(const ApiRequest &request, const QStringList &segments, const QString &id);
    std::optional<ApiResponse> checkProperties(const QJsonObject &properties,
                                               const QJsonObject &existing) const;
    std::optional<ApiResponse> checkNameFree(const QString &name, const QString &id) const;
    QJsonObject withDefaults(const QString &name, QJsonObject properties) const;

    ArmStore &m_store;
    const SandboxOptions &m_options;
    const QUrl &m_baseUrl;
    QHash<QString, int> m_dnsPolls; ///< canonical vault id -> GETs left before RegisteringDns ends
};

} // namespace armsandbox
