#pragma once

// The az and PowerShell commands that fix each finding of the Disk Encryption Set health check, for one set.
// The set-up runner uses the same grant commands.

#include "keyvault/deshealth.h"

#include <QString>

namespace cmk {

struct FixCommands {
    QString azureCli;
    QString powerShell;
};

struct FixContext {
    QString subscriptionId, desName, desGroup;
    QString vaultId, vaultName, vaultGroup, vaultSubscription, vaultLocation;
    QString keyName, keyVersion;
    QString principalId; ///< the identity to grant: system-assigned first

    static FixContext forReadings(const DesHealthReadings &readings);

    FixCommands inspectSet() const;
    FixCommands autoRotation() const;
    FixCommands retryRotation() const { return autoRotation(); }
    FixCommands enableAutoRotation() const { return autoRotation(); }
    FixCommands assignIdentity() const;
    FixCommands versionedKeyUrl() const;
    FixCommands recoverVault() const;
    FixCommands enableSoftDelete() const;
    FixCommands enablePurgeProtection() const;
    FixCommands allowTrustedServices() const;
    FixCommands grantAccessPolicy() const;
    FixCommands grantRole() const;
    FixCommands enableKey() const;
    FixCommands rotateKey() const;
};

} // namespace cmk
