#pragma once

// The Disk Encryption Sets of the image's subscription, as ONE model shared by every dropdown of the
// Encryption page. Each dropdown looks at it through a DiskEncryptionSetFilterModel that keeps only the DES
// usable for its region, subscription and encryption type, so a wrong DES is never offered.

#include "arm/resources.h"
#include "imageversion/imageversiondraft.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QThreadPool>
#include <QTimer>
#include <deque>
#include <vector>

namespace cmk {
class ArmClient;
class ArmPager;
} // namespace cmk

namespace cmkui {

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
    };

    explicit DiskEncryptionSetModel(QObject *parent = nullptr);
    ~DiskEncryptionSetModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Lists the DES of `subscriptionId`, replacing the rows; aborts a load in flight.
    void load(cmk::ArmClient *client, const QString &subscriptionId);
    void reload();
    void abort();
    void clear();

    QString subscriptionId() const { return m_subscriptionId; }
    /// True from load() until every page is parsed and inserted (rows arrive in slices meanwhile).
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_complete; }
    const cmk::ArmError &error() const { return m_error; }
    const std::vector<cmk::DiskEncryptionSet> &all() const { return m_sets; }
    const cmk::DiskEncryptionSet *find(const QString &id) const;
    /// Row of the set with this id (same equivalence as cmk::sameResourceId; the first of duplicates), or -1.
    int rowOf(const QString &id) const;
    /// The sets located in one of `regions` (any spelling), in list order: all a region check needs,
    /// without going through every set of the subscription again.
    std::vector<cmk::DiskEncryptionSet> inRegions(const QStringList &regions) const;
    /// The resource group holding the most sets (a sensible place for new ones), or empty.
    QString busiestResourceGroup() const;

    /// "vault/key" from a key URL (https://vault.vault.azure.net/keys/key/version).
    static QString shortKeyName(const QString &keyUrl);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loadFinished();

private:
    // A list of 10,000 sets must not freeze the window: pages are converted on a worker thread (in
    // order: one thread), and the rows reach the model and its filter proxies a slice per event-loop turn,
    // each slice a few batches of rows within a time budget.
    static constexpr int RowsPerBatch = 10;
    static constexpr qint64 SliceBudgetMs = 4;
    static constexpr size_t ReservedRows = 16384;
    void onPageParsed(quint64 generation, std::vector<cmk::DiskEncryptionSet> page,
                      const cmk::ArmError &error);
    void insertSlice();
    void finishIfDone();
    static QString idKey(const QString &id);

    QPointer<cmk::ArmClient> m_client;
    QPointer<cmk::ArmPager> m_pager;
    QString m_subscriptionId;
    std::vector<cmk::DiskEncryptionSet> m_sets;
    QHash<QString, int> m_rowOfId; ///< normalised id (see idKey) to row, kept as rows are inserted
    QHash<QString, std::vector<int>> m_rowsOfRegion; ///< normalised region to rows, in list order
    QHash<QString, int> m_setsOfGroup;               ///< resource group to number of sets
    size_t m_largestLoad = 0;
    cmk::ArmError m_error;
    bool m_complete = false;
    bool m_loading = false;
    bool m_pagerDone = false;
    int m_pagesParsing = 0;
    quint64 m_generation = 0; ///< pages parsed for an aborted load are dropped
    std::deque<cmk::DiskEncryptionSet> m_pending;
    QTimer m_sliceTimer;
    QThreadPool m_parser;
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
    QString m_subscriptionId;
    cmk::EncryptionMode m_mode = cmk::EncryptionMode::PlatformKey;
};

} // namespace cmkui
