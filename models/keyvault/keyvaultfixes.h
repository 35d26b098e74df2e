#pragma once

// The fixes the app makes itself for the health check's findings: grant a Disk Encryption Set's identity the
// use of its key the way its vault authorizes (RBAC role or access policy), and turn on purge protection.
// DesFixRunner runs the fix a finding names (the GUI's button, `cmkwizard` scripts).

#include "arm/armclient.h"
#include "keyvault/deshealth.h"

#include <QObject>
#include <QPointer>

namespace cmk {

/// Backoff for a retry: base × 2^(attempt−1), capped (attempt counts from 1).
struct GrantRetry {
    int maxAttempts = 8;
    int baseDelayMs = 500;
    int maxDelayMs = 30000;
    int delayBefore(int attempt) const;
};

/// What every fix shares: start(), then one finished(); error() tells how it went.
class KeyVaultFix : public QObject {
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    const ArmError &error() const { return m_error; }

Q_SIGNALS:
    void finished();

protected:
    KeyVaultFix(ArmClient *client, QObject *parent);
    void restart();
    void finish(const ArmError &error);

    QPointer<ArmClient> m_client;

private:
    bool m_finished = false;
    ArmError m_error;
};

/// Grants `principalId` get, wrapKey and unwrapKey on `vault`: on an RBAC vault a "Key Vault Crypto Service
/// Encryption User" role assignment at the vault (a new GUID, principalType ServicePrincipal;
/// RoleAssignmentExists counts as done), else accessPolicies/add. While a just-created identity is not yet
/// visible (PrincipalNotFound), the PUT is retried with backoff.
class KeyAccessGrant : public KeyVaultFix {
    Q_OBJECT
public:
    explicit KeyAccessGrant(ArmClient *client, QObject *parent = nullptr);
    void setRetry(const GrantRetry &retry) { m_retry = retry; }
    void start(const KeyVault &vault, const QString &principalId);

    int attempts() const { return m_attempts; }
    bool alreadyGranted() const { return m_alreadyGranted; } ///< the role assignment existed

Q_SIGNALS:
    /// A new identity was not visible yet; the next attempt comes after `delayMs`.
    void waitingForIdentity(int attempt, int delayMs);

private:
    void attempt();

    GrantRetry m_retry;
    KeyVault m_vault;
    QString m_principalId;
    QString m_assignmentName;
    int m_attempts = 0;
    bool m_alreadyGranted = false;
};

/// Turns purge protection (and soft delete) on for a vault: GET, then PUT it back, as `az keyvault update`
/// does. Irreversible: ask first.
class PurgeProtectionEnabler : public KeyVaultFix {
    Q_OBJECT
public:
    explicit PurgeProtectionEnabler(ArmClient *client, QObject *parent = nullptr);
    void start(const QString &vaultId);
};

/// Runs the fix of a finding (GrantKeyAccess, EnablePurgeProtection) for the set `health` describes.
class DesFixRunner : public KeyVaultFix {
    Q_OBJECT
public:
    explicit DesFixRunner(ArmClient *client, QObject *parent = nullptr);
    void setGrantRetry(const GrantRetry &retry) { m_retry = retry; }
    /// False (and error() says why, finished() already sent) when the readings do not allow the fix: no vault
    /// read, no identity...
    bool start(const DesHealth &health, DesFixAction action);

private:
    /// Runs `fix` and finishes with its error.
    void follow(KeyVaultFix *fix);

    GrantRetry m_retry;
};

} // namespace cmk
