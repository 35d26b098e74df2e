#pragma once

// Disk Encryption Set readiness of the target regions: how many sets of each encryption type every region has
// in the subscription, and the commands that create one where none is usable. Shared by the wizard's
// Replication step and `cmkwizard check-prereqs`.

#include "arm/armerror.h"
#include "arm/resources.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace cmk {

class ArmClient;
class DiskEncryptionSetCatalog;

/// Disk Encryption Sets of one region, by encryption type. Only sets whose provisioning succeeded count.
struct RegionDesReadiness {
    QString region;                ///< normalized ("westus")
    int customerKeyCount = 0;      ///< EncryptionAtRestWithCustomerKey
    int doubleEncryptionCount = 0; ///< EncryptionAtRestWithPlatformAndCustomerKeys
    int confidentialCount = 0;     ///< ConfidentialVmEncryptedWithCustomerKey (not usable for image versions)
    int notUsableCount = 0;        ///< provisioning failed or still in progress
    /// A set an image version can use exists (customer key or double encryption).
    bool isReady() const { return customerKeyCount + doubleEncryptionCount > 0; }
};

/// Values for the commands that create a Disk Encryption Set; empty ones become placeholders.
struct DesCreationParameters {
    QString subscriptionId;
    QString region;
    QString resourceGroup;
    QString name; ///< empty: "des-<region>-cmk"
    QString encryptionType = QStringLiteral("EncryptionAtRestWithCustomerKey");
    QString keyUrl;     ///< https://VAULT.vault.azure.net/keys/KEY/VERSION
    QString keyVaultId; ///< ARM id of the key vault (same region as the set)
};

/// Ready-to-copy commands (one per line) that create a Disk Encryption Set.
struct DesCreationCommands {
    QString azureCli;   ///< az disk-encryption-set create ..., POSIX-shell quoted
    QString powerShell; ///< Set-AzContext; New-AzDiskEncryptionSetConfig; New-AzDiskEncryptionSet
};

DesCreationCommands desCreationCommands(const DesCreationParameters &parameters);

/// Counts the Disk Encryption Sets of a subscription in each target region, from a DiskEncryptionSetCatalog:
/// the one the window loads anyway (setCatalog()) when it holds, or is loading, every set of the checked
/// subscription's regions (DiskEncryptionSetCatalog::covers()); otherwise one of its own, listed once per
/// subscription.
class DesReadinessChecker : public QObject {
    Q_OBJECT
public:
    explicit DesReadinessChecker(ArmClient *client, QObject *parent = nullptr);
    ~DesReadinessChecker() override;

    /// The window's catalogue (not owned). A check that counts it checks again whenever it reloads; when its
    /// load fails or is aborted, the check lists the sets on its own (and reports its own error, if any).
    void setCatalog(DiskEncryptionSetCatalog *catalog);
    /// Fills results() for `regions` (in the given order, duplicates dropped); started(), then finished()
    /// once the sets are there (never before check() returns). A new check replaces the previous one.
    void check(const QString &subscriptionId, const QStringList &regions);
    /// Lists the sets again (the window's catalogue, when the check counts it) and checks again.
    void recheck();
    void abort();

    bool isBusy() const { return m_busy; }
    /// The last check counted the window's catalogue rather than listing on its own.
    bool countsSharedCatalog() const;
    const ArmError &error() const { return m_error; }
    QString subscriptionId() const { return m_subscriptionId; }
    const QList<RegionDesReadiness> &results() const { return m_results; }
    QStringList flaggedRegions() const; ///< regions without a usable set
    bool allReady() const;              ///< no error, at least one region, none flagged
    /// The resource group that holds the most of the counted sets (a sensible place for new ones), or empty:
    /// of the subscription, or of the regions the window's catalogue holds when the check counts it.
    QString suggestedResourceGroup() const { return m_suggestedResourceGroup; }

Q_SIGNALS:
    /// A check began: check(), recheck(), or a reload of the window's catalogue it counts.
    void started();
    void finished();

private:
    void watch(DiskEncryptionSetCatalog *catalog);
    /// The window's catalogue holds, or is loading, every set of the checked subscription's regions.
    bool sharedCatalogServes() const;
    /// Resets the results for a new check and emits started(); false (finished() queued) when the
    /// subscription is not usable.
    bool begin(const QString &subscriptionId, const QStringList &regions);
    /// Counts the own catalogue, listing the subscription first unless it holds it already (or `fresh`).
    void listOnOwn(bool fresh);
    /// Counts `source` once its load is over (on the next event-loop turn when it is already).
    void countFrom(DiskEncryptionSetCatalog *source);
    void onLoadStarted(DiskEncryptionSetCatalog *source);
    void onLoadEnded(DiskEncryptionSetCatalog *source);
    /// The counted catalogue's load is over: count it, or list on our own, or report its error.
    void settle();
    /// settle() on the next event-loop turn, unless the check was replaced (or began again) meanwhile.
    void settleLater();
    void count();

    ArmClient *m_client;
    DiskEncryptionSetCatalog *m_own; ///< listed when the window's catalogue cannot serve
    QPointer<DiskEncryptionSetCatalog> m_shared;
    DiskEncryptionSetCatalog *m_source = nullptr; ///< the catalogue the current check counts
    quint64 m_generation = 0;                     ///< counts queued for a replaced check are dropped
    bool m_busy = false;
    QString m_subscriptionId;
    QStringList m_regions;
    QList<RegionDesReadiness> m_results;
    QString m_suggestedResourceGroup;
    ArmError m_error;
};

} // namespace cmk
