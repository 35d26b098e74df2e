#pragma once

// Whether a Disk Encryption Set can use its key, as the platform finds out when it encrypts with it: the key
// version exists, is enabled, inside its nbf/exp window, the vault lets trusted Azure services through its
// firewall, and the set's identity has get, wrapKey and unwrapKey (an access policy, or on an RBAC vault a
// key-use role at the key, the vault, its group or its subscription). An image version PUT whose sets fail
// this is accepted, replicates, and fails in those regions with KeyVaultAccessForbidden.
//
// Fixtures that do not hold a set's vault do not model Key Vault: such sets are taken as usable.

#include <QJsonObject>
#include <QList>
#include <QString>

namespace armsandbox {

class ArmStore;
struct LongRunningOperation;

/// Azure's error code for a set that cannot use its key.
QString keyVaultAccessForbiddenCode();

/// Why `des` cannot use its key, worded as Azure's KeyVaultAccessForbidden message; empty when it can (or
/// when its vault is not modelled, or its key is in another tenant or a Managed HSM).
QString keyAccessDenial(const ArmStore &store, const QJsonObject &des);

struct RegionalKeyDenial {
    QString region; ///< as the request names it
    QString message;
};
/// The target regions of an image version PUT body whose sets (OS or data disks) cannot use their key.
QList<RegionalKeyDenial> imageVersionKeyDenials(const ArmStore &store, const QJsonObject &versionBody);
/// Makes the image version's operation end Failed with KeyVaultAccessForbidden in the denied regions (nothing
/// when `denials` is empty).
void failOnKeyAccessDenials(LongRunningOperation &operation, const QList<RegionalKeyDenial> &denials);

} // namespace armsandbox
