#pragma once

// Disk Encryption Set writes (DiskRP 2025-01-02): PUT and PATCH are long-running operations (202 with
// Azure-AsyncOperation on .../locations/{loc}/DiskOperations/{id}). A set with a system-assigned identity
// gets its principalId (and the subscription's tenant) at once; that new identity replicates to the directory
// before role assignments accept it (PrincipalDirectory). The key URL must carry a version; when the store
// holds the source vault, the key version must exist in it.

#include "armsandbox.h"
#include "keyvault/keyvaultcommon.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace armsandbox {

class PrincipalDirectory;

class DesWriteApi {
public:
    DesWriteApi(ArmStore &store, const QUrl &baseUrl, OperationRegistry &operations,
                PrincipalDirectory &directory);

    /// PUT or PATCH of `.../diskEncryptionSets/{name}`.
    ApiResponse write(const ApiRequest &request, const QStringList &segments, const QString &apiVersion);
    static QStringList apiVersions();

private:
    std::optional<ApiResponse> checkActiveKey(const QJsonObject &activeKey) const;
    std::optional<ApiResponse> checkBody(const QJsonObject &body, bool creating) const;
    QJsonObject identityFor(const QJsonObject &requested, const QJsonObject &existing,
                            const QString &subscriptionId);
    QJsonObject mergedProperties(const QJsonObject &requested, const QJsonObject &existing) const;

    ArmStore &m_store;
    const QUrl &m_baseUrl;
    OperationRegistry &m_operations;
    PrincipalDirectory &m_directory;
};

} // namespace armsandbox
