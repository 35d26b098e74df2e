#pragma once

// The Disk Encryption Sets of the image's subscription (in its target regions: the wizard sets the
// catalogue's filter), as ONE model shared by every dropdown of the Encryption page. Each dropdown looks at
// it through a DiskEncryptionSetFilterModel that keeps only the DES usable for its region, subscription and
// encryption type, so a wrong DES is never offered.

#include "arm/resources.h"
#include "imageversion/imageversiondraft.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <vector>

namespace cmk {
class ArmClient;
class DesHealthCache;
class DiskEncryptionSetCatalog;
} // namespace cmk

namespace cmkui {

/// The sets of a DiskEncryptionSetCatalog as rows, for the dropdowns. The catalogue lists, converts and
/// indexes them; this model only shows them: row N is the catalogue's set N, and rows are inserted in small
/// slices within a time budget per event-loop turn, so 10,000 sets through six sorted filter proxies never
/// freeze the window.
class DiskEncryptionSetModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        ResourceGroupRole,
        LocationRole, ///< normalised ("westeurope")
        SubscriptionRole,
        EncryptionTypeRole,
        KeyUrlRole,
        ProvisioningStateRole,
        HealthStatusRole, ///< DesHealthView::statusKey() of the set's key, empty until it is checked
    };

    explicit DiskEncryptionSetModel(QObject *parent = nullptr);
    ~DiskEncryptionSetModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The catalogue behind the rows (owned by the model), for those who count or look up sets without a
    /// view, e.g. the readiness check of the target regions. A load started on it shows here too.
    cmk::DiskEncryptionSetCatalog *catalog() const { return m_catalog; }

    /// Lists the DES of `subscriptionId`, replacing the rows; aborts a load in flight.
    void load(cmk::ArmClient *client, const QString &subscriptionId);
    void reload();
    /// reload() from ARM's exact listing (the catalogue's reloadFromResourceManager()).
    void reloadFromResourceManager();
    void abort();
    void clear();

    QString subscriptionId() const;
    /// True from load() until every page is listed and its rows inserted (rows arrive in slices meanwhile).
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_complete; }
    const cmk::ArmError &error() const;
    /// Every set the catalogue holds, in row order; the rows are the first rowCount() of them (all of them
    /// once a load is complete).
    const std::vector<cmk::DiskEncryptionSet> &all() const;
    /// The set of a row (same equivalence as cmk::sameResourceId; the first of duplicates), or nullptr.
    const cmk::DiskEncryptionSet *find(const QString &id) const;
    /// Row of the set with this id, or -1.
    int rowOf(const QString &id) const;
    /// The rows' sets located in one of `regions` (any spelling), in row order: all a region check needs,
    /// without going through every set of the subscription again.
    std::vector<cmk::DiskEncryptionSet> inRegions(const QStringList &regions) const;
    /// The resource group holding the most sets (a sensible place for new ones), or empty.
    QString busiestResourceGroup() const;

    /// Rows show the health of their key once `cache` knows it (icon, tooltip, HealthStatusRole); the cache
    /// checks the sets it is asked to, e.g. those of a dropdown as it opens.
    void setKeyHealth(cmk::DesHealthCache *cache);

    /// "vault/key" from a key URL (https://vault.vault.azure.net/keys/key/version).
    static QString shortKeyName(const QString &keyUrl);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loadFinished();

private:
    // Rows go to the model and its filter proxies a slice per event-loop turn, each slice a few batches of
    // rows within a time budget.
    static constexpr int RowsPerBatch = 10;
    static constexpr qint64 SliceBudgetMs = 4;
    void followCatalog();
    void onLoadStarted();
    void onSetsAdded(int first, int count);
    void onLoadFinished();
    void stopInserting();
    void insertSlice();
    void finishIfDone();

    cmk::DiskEncryptionSetCatalog *m_catalog;
    QPointer<cmk::DesHealthCache> m_keyHealth;
    int m_rows = 0;      ///< rows shown: the catalogue's first m_rows sets
    int m_available = 0; ///< sets the catalogue holds for this load (shown or waiting for a slice)
    bool m_loading = false;
    bool m_complete = false;
    bool m_catalogDone = false; ///< the catalogue's load ended; the model ends once its rows are in
    QTimer m_sliceTimer;
};

/// The DES one disk in one region may use (see cmk::ImageVersionValidation::desSuitable), sorted by name.
class DiskEncryptionSetFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DiskEncryptionSetFilterModel(QObject *parent = nullptr);
    void setCriteria(const QString &region, const QString &subscriptionId, cmk::EncryptionMode mode);
    QString region() const { return m_region; }
    int rowOfId(const QString &id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_region;
    QString m_regionKey; ///< normalised, compared with the catalogue's region of each row
    QString m_subscriptionId;
    cmk::EncryptionMode m_mode = cmk::EncryptionMode::PlatformKey;
};

} // namespace cmkui
