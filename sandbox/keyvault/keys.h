#pragma once

// Keys of a vault as Resource Manager exposes them (Microsoft.KeyVault 2025-05-01 keys.json): GET, PUT
// (create if it does not exist: an existing key is returned unchanged), list, versions list and GET of one
// version. A key's URIs carry ":443" in the host, as ARM answers them. Also the fixture's relative dates.

#include "armsandbox.h"
#include "keyvault/keyvaultcommon.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace armsandbox {

class KeyApi {
public:
    KeyApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl);

    /// `.../vaults/{v}/keys[/{k}[/versions[/{version}]]]` (segments of the path, 9 to 12 of them).
    ApiResponse handle(const ApiRequest &request, const QStringList &segments);

private:
    ApiResponse put(const ApiRequest &request, const QStringList &segments, const QJsonObject &vault);
    ApiResponse versions(const ApiRequest &request, const QString &keyId, const QJsonObject &key);
    ApiResponse version(const QStringList &segments, const QJsonObject &key);

    ArmStore &m_store;
    const SandboxOptions &m_options;
    const QUrl &m_baseUrl;
};

/// The key (`.../keys/{name}`) or key version stored for `versionedKeyUrl`'s vault, key and version; empty
/// when the store has neither. `vaultId` is the vault's resource id.
QJsonObject keyVersionFor(const ArmStore &store, const QString &vaultId, const QString &keyName,
                          const QString &version);

/// Fixture keys may give attributes.exp, nbf, created and updated as "now+10d", "now-2h", "now+30m": they are
/// turned into seconds since 1970 when the fixture is loaded, so the demo's expiring key stays expiring.
void resolveRelativeKeyDates(ArmStore &store);

} // namespace armsandbox
