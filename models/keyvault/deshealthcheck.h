#pragma once

// Reads what the health rules need for a list of Disk Encryption Sets through ArmClient: each set, then its
// vault and key version (and the key's current version) together, then on RBAC vaults the role assignments of
// the set's identities at the vault. A few sets at a time; a vault or key shared by several sets is read
// once.

#include "arm/armclient.h"
#include "keyvault/deshealth.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrlQuery>
#include <functional>
#include <memory>
#include <vector>

namespace cmk {

class DiskEncryptionSetHealthCheck : public QObject {
    Q_OBJECT
public:
    explicit DiskEncryptionSetHealthCheck(ArmClient *client, QObject *parent = nullptr);
    ~DiskEncryptionSetHealthCheck() override;

    /// How many sets are read at the same time (default 4).
    void setMaxConcurrentSets(int count);
    /// A set the caller has read already (its GET or Resource Graph row, as ARM returns it): start() does not
    /// read it again. Kept across runs.
    void addKnownSet(const nlohmann::json &set);
    /// Checks the sets (resource ids; repeated ids are checked once); setChecked() for each, then finished().
    void start(const QStringList &desIds);
    void abort();

    bool isFinished() const { return m_started && m_remaining == 0; }
    /// One result per distinct id, in the order given.
    const std::vector<DesHealth> &results() const { return m_results; }
    /// The result for `desId` (case-insensitive), nullptr when it was not checked.
    const DesHealth *result(const QString &desId) const;
    /// "set [CODE]: message" for every error finding of every set.
    QStringList errorLines() const;

Q_SIGNALS:
    void setChecked(const QString &desId);
    void finished();

private:
    using Done = std::function<void(const ArmError &error, const nlohmann::json &body)>;
    struct Read;

    void startNext();
    void readSet(int index);
    void readVaultAndKey(int index);
    void readRoles(int index);
    void settle(int index);
    /// GET (or a whole list when `list`), shared by every set that needs the same URL in this run.
    void fetch(const QString &path, const QUrlQuery &query, bool list, Done done);
    void deliver(const QString &key, const ArmError &error, const nlohmann::json &body);

    QPointer<ArmClient> m_client;
    int m_maxConcurrent = 4;
    bool m_started = false;
    int m_next = 0;
    int m_active = 0;
    int m_remaining = 0;
    int m_generation = 0; ///< bumped by abort(): late answers of an earlier run are ignored
    QStringList m_ids;
    std::vector<DesHealthReadings> m_readings;
    std::vector<int> m_pending; ///< reads still running, per set
    std::vector<DesHealth> m_results;
    QHash<QString, std::shared_ptr<Read>> m_reads; ///< by path + query
    QHash<QString, nlohmann::json> m_knownSets;    ///< by lower-case id
    QList<QPointer<QObject>> m_inFlight;
};

} // namespace cmk
