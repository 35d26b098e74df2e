#pragma once

// Creates a Disk Encryption Set from nothing, in the order Azure needs: a key vault with purge protection, an
// RSA key, the set with a system-assigned identity (long-running), the grant of get/wrapKey/unwrapKey to that
// identity, then the health check. Every step reads before it writes, so running again after a failure goes
// on where it stopped and creates nothing twice. azureCliCommands() gives the same steps as az commands.

#include "arm/armclient.h"
#include "keyvault/deshealthcheck.h"
#include "keyvault/keyvaultfixes.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>
#include <optional>

namespace cmk {

struct DesSetupOptions {
    QString subscriptionId, resourceGroup, location;
    QString encryptionType =
        QStringLiteral("EncryptionAtRestWithCustomerKey"); ///< or ...PlatformAndCustomerKeys
    QString vaultName, keyName, desName;                   ///< empty: defaultVaultName() & co.
    bool rbac = true; ///< the vault's permission model when it is created
    int keySize = 3072;
    bool autoRotation = false; ///< rotationToLatestKeyVersionEnabled

    /// The names to use: the given ones, or defaults derived from the subscription, group, region and type
    /// (the same on every run, so a second run finds what the first one created).
    DesSetupOptions withDefaults() const;
    /// Why these options cannot be used (translated), empty when they can.
    QString problem() const;
    QString vaultId() const;
    QString desId() const;
};

enum class DesSetupStep { Vault, Key, DiskEncryptionSet, Grant, HealthCheck };
enum class DesSetupStepState { Pending, Running, Created, Reused, Done, Failed };

class DesSetupRunner : public QObject {
    Q_OBJECT
public:
    explicit DesSetupRunner(ArmClient *client, QObject *parent = nullptr);
    ~DesSetupRunner() override;
    void setGrantRetry(const GrantRetry &retry) { m_retry = retry; }

    /// Starts the steps for `options` (with their defaults filled in); stepChanged() as they go, then
    /// finished().
    void start(const DesSetupOptions &options);

    bool isFinished() const { return m_finished; }
    /// The set exists, its identity may use the key and the health check found no error.
    bool succeeded() const { return m_finished && !m_error && m_health && !m_health->hasErrors(); }
    const ArmError &error() const { return m_error; }
    const DesSetupOptions &options() const { return m_options; }
    DesSetupStepState state(DesSetupStep step) const { return m_states[int(step)]; }
    /// The health of the new set (after the last step), nullptr before.
    const DesHealth *health() const { return m_health ? &*m_health : nullptr; }

    static QList<DesSetupStep> steps();
    /// "Key vault kv-x with purge protection"... (translated, names from `options`).
    static QString stepTitle(DesSetupStep step, const DesSetupOptions &options);
    static QString stateText(DesSetupStepState state);
    /// The same set-up as az commands, one per line (comments start with #).
    static QStringList azureCliCommands(const DesSetupOptions &options);

Q_SIGNALS:
    void stepChanged(cmk::DesSetupStep step, cmk::DesSetupStepState state);
    /// A step waits (e.g. for the new identity to replicate); translated.
    void note(const QString &text);
    void finished();

private:
    void setState(DesSetupStep step, DesSetupStepState state);
    void fail(DesSetupStep step, const ArmError &error);
    void get(const QString &path, const QUrlQuery &query, std::function<void(const ArmReply &)> done);
    /// The long-running PUT of `step`'s resource `id`; `created` gets the final resource, parsed as T.
    template <typename T>
    void putResource(DesSetupStep step, const QString &id, const nlohmann::json &body, const QUrlQuery &query,
                     std::function<void(const T &)> created);
    void ensureVault();
    void createVault();
    void putVault(const QString &tenantId);
    void ensureKey();
    void ensureSet();
    void createSet();
    void grant();
    void checkHealth();

    QPointer<ArmClient> m_client;
    GrantRetry m_retry;
    DesSetupOptions m_options;
    DesSetupStepState m_states[5] = {};
    bool m_finished = false;
    ArmError m_error;
    std::optional<KeyVault> m_vault;
    QString m_keyUrl; ///< versioned, without port
    std::optional<DiskEncryptionSetKeySettings> m_set;
    std::optional<DesHealth> m_health;
    std::unique_ptr<DiskEncryptionSetHealthCheck> m_check;
};

} // namespace cmk

Q_DECLARE_METATYPE(cmk::DesSetupStep)
Q_DECLARE_METATYPE(cmk::DesSetupStepState)
