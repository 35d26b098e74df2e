#pragma once

// Whether a key vault name can serve a new Disk Encryption Set set-up: key vault names are global across
// Azure, so Microsoft.KeyVault/checkNameAvailability answers first; a name that is taken may still be the
// set-up's own vault from an earlier run (in the chosen subscription and group), which DesSetupRunner reuses.

#include "arm/armerror.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>
#include <nlohmann/json_fwd.hpp>

namespace cmk {

class ArmClient;
class ArmReply;

/// api-version=2025-05-01, for the Microsoft.KeyVault requests (ArmClient's table does not know it).
QUrlQuery keyVaultApiQuery();

class KeyVaultNameCheck : public QObject {
    Q_OBJECT
public:
    enum class Result {
        Unknown,   ///< nothing checked yet
        Checking,  ///< a check is in flight
        Available, ///< free: the set-up creates the vault
        Reusable,  ///< the vault exists in the chosen group: the set-up reuses it
        Taken,     ///< used elsewhere (another group, subscription or tenant)
        Invalid,   ///< not a valid vault name
        Failed,    ///< the check itself failed (error())
    };

    explicit KeyVaultNameCheck(ArmClient *client, QObject *parent = nullptr);
    ~KeyVaultNameCheck() override;

    /// Checks `name` for a vault in `subscriptionId`/`resourceGroup`, replacing a check in flight; finished()
    /// follows (never before check() returns).
    void check(const QString &subscriptionId, const QString &resourceGroup, const QString &name);

    QString name() const { return m_name; }
    Result result() const { return m_result; }
    /// Why the name cannot be used, or what will happen to it (translated); empty before a check ends.
    QString explanation() const { return m_explanation; }
    const ArmError &error() const { return m_error; }
    /// Whether the set-up can go on with this name.
    bool usable() const { return m_result == Result::Available || m_result == Result::Reusable; }

    /// The checkNameAvailability request for `name` in `subscriptionId` (DesSetupRunner sends it too).
    static ArmReply *post(ArmClient *client, const QString &subscriptionId, const QString &name);
    /// Whether an answer of checkNameAvailability says the name is free (a missing field counts as free).
    static bool nameAvailable(const nlohmann::json &answer);
    /// "The key vault name kv-x is taken (key vault names are global): choose another one." (translated)
    static QString takenText(const QString &name);

Q_SIGNALS:
    void finished();

private:
    void onAnswer(ArmReply *reply);
    void checkOwnVault();
    void finish(Result result, const QString &explanation);

    QPointer<ArmClient> m_client;
    QPointer<ArmReply> m_reply; ///< the request in flight
    QString m_subscriptionId, m_resourceGroup, m_name;
    Result m_result = Result::Unknown;
    QString m_explanation;
    ArmError m_error;
};

} // namespace cmk
