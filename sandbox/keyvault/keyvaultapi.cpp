#include "keyvault/keyvaultapi.h"

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "arm/operations.h"
#include "keyvault/keyvaultcommon.h"

namespace armsandbox {

KeyVaultApi::KeyVaultApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl,
                         OperationRegistry &operations)
    : m_store(store)
    , m_operations(operations)
    , m_vaults(store, options, baseUrl)
    , m_keys(store, options, baseUrl)
    , m_roleAssignments(store, options, baseUrl, m_directory)
    , m_desWrites(store, baseUrl, operations, m_directory) {}

QStringList KeyVaultApi::keyVaultApiVersions() {
    return {QStringLiteral("2025-05-01"), QStringLiteral("2024-11-01"), QStringLiteral("2023-07-01")};
}

std::optional<ApiResponse> KeyVaultApi::handle(const ApiRequest &request, const QStringList &segments,
                                               const QString &apiVersion) {
    if (segments.size() < 4 ||
        segments.at(0).compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    if (auto roles = m_roleAssignments.handle(request, segments, apiVersion))
        return roles;
    if (auto keyVault = keyVaultRoute(request, segments, apiVersion))
        return keyVault;
    return diskRoute(request, segments, apiVersion);
}

std::optional<ApiResponse> KeyVaultApi::keyVaultRoute(const ApiRequest &request, const QStringList &segments,
                                                      const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    const int size = int(lower.size());
    const bool inGroup = lower.at(2) == QLatin1String("resourcegroups");
    const int providers = inGroup ? 4 : 2;
    if (size < providers + 3 || lower.at(providers) != QLatin1String("providers") ||
        lower.at(providers + 1) != QLatin1String("microsoft.keyvault"))
        return std::nullopt;
    if (!inGroup && size != 5)
        return std::nullopt;
    if (inGroup && lower.at(6) != QLatin1String("vaults"))
        return std::nullopt;
    if (auto bad = checkApiVersionIn(keyVaultApiVersions(), apiVersion))
        return bad;
    if (auto missing = keyvault::missingSubscriptionOrGroup(m_store, segments.mid(0, inGroup ? 4 : 2)))
        return missing;
    if (!inGroup && lower.at(4) == QLatin1String("checknameavailability"))
        return request.method == "POST" ? m_vaults.checkNameAvailability(request) : methodNotAllowed(request);
    if (size == 5 || size == 7) {
        if (request.method != "GET")
            return methodNotAllowed(request);
        const QString prefix =
            canonicalId(QLatin1Char('/') + segments.mid(0, size == 5 ? 2 : 4).join(QLatin1Char('/')));
        return m_vaults.list(request, prefix + QLatin1Char('/'));
    }
    if (size == 8)
        return m_vaults.vault(request, segments);
    if (size == 10 && lower.at(8) == QLatin1String("accesspolicies"))
        return m_vaults.accessPolicies(request, segments);
    if (size >= 9 && size <= 12 && lower.at(8) == QLatin1String("keys"))
        return m_keys.handle(request, segments);
    return std::nullopt;
}

std::optional<ApiResponse> KeyVaultApi::diskRoute(const ApiRequest &request, const QStringList &segments,
                                                  const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    if (lower.size() != 8)
        return std::nullopt;
    if (lower.at(2) == QLatin1String("providers") && lower.at(3) == QLatin1String("microsoft.compute") &&
        lower.at(4) == QLatin1String("locations") && lower.at(6) == QLatin1String("diskoperations")) {
        if (auto bad = checkApiVersionIn(DesWriteApi::apiVersions(), apiVersion))
            return bad;
        if (request.method != "GET")
            return methodNotAllowed(request);
        return m_operations.status(segments.at(7));
    }
    if (lower.at(2) == QLatin1String("resourcegroups") && lower.at(5) == QLatin1String("microsoft.compute") &&
        lower.at(6) == QLatin1String("diskencryptionsets") &&
        (request.method == "PUT" || request.method == "PATCH"))
        return m_desWrites.write(request, segments, apiVersion);
    return std::nullopt;
}

} // namespace armsandbox
