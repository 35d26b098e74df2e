#pragma once

// The Disk Encryption Sets of one subscription, listed once and indexed, for every part of the app that asks
// about them: the wizard's dropdowns (through cmkui::DiskEncryptionSetModel), the readiness check of the
// target regions (DesReadinessChecker) and `cmkwizard list-des`. No widgets.

#include "arm/armerror.h"
#include "arm/resources.h"

#include <QHash>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <memory>
#include <vector>

namespace cmk {

class ArmClient;
class ArmPager;
class ResourceGraphPager;

/// Where the Disk Encryption Sets are listed from.
enum class DesListSource {
    Auto,            ///< Azure Resource Graph, or ARM when ARG is not offered, not allowed or unreachable
    ResourceGraph,   ///< one ARG query, filtered on the server (ARG can lag ARM by a minute or so)
    ResourceManager, ///< ARM's paged listing: exact, one round trip per 100 sets or so
};

namespace detail {

/// A set's id as the catalogue's id index keeps it: the set's own string (shared, not a folded copy) and a
/// hash computed on the worker; equal as cmk::sameResourceId says (trimmed, no trailing slash,
/// case-insensitive).
struct DesIdKey {
    QString id;
    size_t hash = 0;
    static DesIdKey of(const QString &id);
};
bool operator==(const DesIdKey &a, const DesIdKey &b);
inline size_t qHash(const DesIdKey &key, size_t seed = 0) {
    return ::qHash(quint64(key.hash), seed);
}

} // namespace detail

/// The resource group holding the most sets (a sensible place for new ones; a tie goes to the first name in
/// order), or empty. `setsPerGroup`: resource group to number of sets.
QString busiestResourceGroup(const QHash<QString, int> &setsPerGroup);

/// Lists the sets of a subscription and keeps them, in list order, with indexes by id, region, encryption
/// type and resource group. The list comes from one Azure Resource Graph query filtered on the server
/// (subscription, and the regions and encryption type of setFilter()), or, when ARG answers 403 or 404 or
/// cannot be reached (or setSource() asks), from ARM's paged listing (ArmClient::list); listedFrom() says
/// which. ARG can lag ARM, so nothing is submitted on its word alone: each chosen set is read from ARM by a GET
/// before submit (the Encryption page's key-health check, DesHealthCheck: a 404 is the DES_NOT_FOUND error that
/// blocks the page; `cmkwizard create`'s ImageVersionLiveCheck lists the sets through ARM again), and
/// reloadFromResourceManager() is the exact listing behind "Refresh the list". Each
/// page (already parsed off the GUI thread by ArmClient) is converted and indexed by one job on a worker
/// thread; the GUI thread only appends the result. A load can be aborted or replaced at any time: pages
/// converted for an older load are dropped.
class DiskEncryptionSetCatalog : public QObject {
    Q_OBJECT
public:
    explicit DiskEncryptionSetCatalog(QObject *parent = nullptr);
    ~DiskEncryptionSetCatalog() override;

    /// Lists the sets of `subscriptionId`, replacing those held (aboutToReset() and reset() first), then
    /// loadStarted(). A load in flight is replaced without aborted(). Without a client or a subscription the
    /// catalogue is only emptied (aborted() if a load was in flight); an unusable subscription id ends the
    /// load at once with error() set and loadFinished().
    void load(ArmClient *client, const QString &subscriptionId);
    /// Whether the worker that converts pages runs at a lower CPU priority (the default), so that a GUI
    /// thread wins the core when both want it. A command-line tool has no such thread to protect: at the
    /// lower priority its pages would only wait longer, in memory, on a busy machine. Set it before load().
    void setWorkerPriorityLowered(bool lowered) { m_lowerWorkerPriority = lowered; }
    /// Lists the same subscription again.
    void reload();
    /// Lists the same subscription again from ARM's exact listing, whatever setSource() says (ARG may not
    /// show a set created a moment ago yet); later loads use setSource()'s choice again.
    void reloadFromResourceManager();
    /// Where the next loads list from (default ResourceManager, the exact listing).
    void setSource(DesListSource source) { m_source = source; }
    DesListSource source() const { return m_source; }
    /// Where the current (or last) load listed from: ResourceGraph or ResourceManager; Auto before any load.
    DesListSource listedFrom() const { return m_listedFrom; }
    /// Keeps only the sets in one of `regions` (any spelling; empty: every region) of `encryptionType`
    /// (empty: every type), from the next load on. ARG filters on the server; ARM's listing is filtered here.
    void setFilter(const QStringList &regions, const QString &encryptionType = {});
    /// Whether the current (or last) load holds every set of `subscriptionId` in `regions` (empty: every
    /// region) of `encryptionType` (empty: every type): it is loading or complete, for that subscription,
    /// with a filter that keeps at least those. Whoever wants those sets need not list again.
    bool covers(const QString &subscriptionId, const QStringList &regions,
                const QString &encryptionType = {}) const;
    /// Stops a load in flight, keeping the sets converted so far; aborted() follows. Nothing when idle.
    void abort();
    /// Forgets the sets, the subscription and the error (aborting a load in flight).
    void clear();

    ArmClient *client() const;
    QString subscriptionId() const { return m_subscriptionId; }
    bool isLoading() const { return m_loading; }
    /// The last load listed and converted every page.
    bool isComplete() const { return m_complete; }
    /// Why the last load failed, with the failing answer's status, code and request id.
    const ArmError &error() const { return m_error; }
    /// Pages converted so far by the current (or last) load.
    int pageCount() const { return m_pages; }
    int size() const { return int(m_sets.size()); }

    /// Every set, in list order.
    const std::vector<DiskEncryptionSet> &all() const { return m_sets; }
    const DiskEncryptionSet &at(int index) const { return m_sets[size_t(index)]; }
    /// The normalised region ("westeurope") of the set at `index`.
    const QString &regionAt(int index) const { return m_regionOf[size_t(index)]; }

    /// Position in all() of the set with this id (case-insensitive, tolerant of a trailing '/', like
    /// cmk::sameResourceId; the first of duplicates), or -1.
    int indexOf(const QString &id) const;
    const DiskEncryptionSet *find(const QString &id) const;
    /// Positions of the sets located in one of `regions` (any spelling), in list order.
    std::vector<int> indexesInRegions(const QStringList &regions) const;
    /// Positions of the sets in `region` (any spelling; empty: every region) of `encryptionType`
    /// (case-insensitive; empty: every type), in list order.
    std::vector<int> indexesOf(const QString &region, const QString &encryptionType = {}) const;
    /// The sets located in one of `regions`, in list order.
    std::vector<DiskEncryptionSet> inRegions(const QStringList &regions) const;
    /// The sets of `encryptionType` in `region`, in list order.
    std::vector<DiskEncryptionSet> ofTypeInRegion(const QString &encryptionType, const QString &region) const;
    /// The resource group holding the most of the sets held (those the filter kept), or empty.
    QString busiestResourceGroup() const;

Q_SIGNALS:
    /// The sets are about to be dropped (a new load, or clear()); reset() follows once they are.
    void aboutToReset();
    void reset();
    /// A load began: subscriptionId() and isLoading() tell which.
    void loadStarted();
    /// One page was converted and indexed: all() grew by `count` sets from position `first`.
    void setsAdded(int first, int count);
    /// After each page: the sets and pages held so far.
    void progress(int sets, int pages);
    /// The load ended, complete or failed (error() tells which). Not emitted after abort().
    void loadFinished();
    /// abort() stopped a load.
    void aborted();
    /// listedFrom() changed: a load started, or ARG was unavailable and the load went on with ARM.
    void listedFromChanged();

private:
    struct SetKeys; ///< what a set is indexed by, computed on the worker
    struct ConvertedPage;
    struct RegionIndex {
        std::vector<int> sets;
        QHash<QString, std::vector<int>> byType;
    };
    static constexpr size_t ReservedSets = 16384; ///< untouched reserved memory costs nothing

    void startPager(const QString &path);
    void startResourceGraph();
    void onResourceGraphFinished(ResourceGraphPager *pager);
    void setListedFrom(DesListSource source);
    void convertPage(std::shared_ptr<const nlohmann::json> items);
    void onPageConverted(quint64 generation, ConvertedPage &page);
    void appendPage(ConvertedPage &page);
    void finishIfDone();
    /// Drops the load in flight (pager, pages being converted) without a signal.
    void dropLoad();
    void resetSets();

    QPointer<ArmClient> m_client;
    QPointer<ArmPager> m_pager;
    QPointer<ResourceGraphPager> m_graph;
    QMetaObject::Connection m_responses; ///< the client's answers, for the request id of each page
    QString m_subscriptionId;
    QString m_listPath;
    QString m_pageRequestId; ///< of the last page the server sent
    std::vector<DiskEncryptionSet> m_sets;
    std::vector<QString> m_regionOf;           ///< normalised region per set (shares the index's key)
    QHash<detail::DesIdKey, int> m_indexOfId;  ///< id to position
    QHash<QString, RegionIndex> m_regions;     ///< normalised region to positions, also by type
    QHash<QString, std::vector<int>> m_byType; ///< case-folded encryption type to positions
    QHash<QString, int> m_setsOfGroup;         ///< resource group to number of sets
    size_t m_largestLoad = 0; ///< sets of the largest load so far, reserved for the next ones
    ArmError m_error;
    quint64 m_generation = 0;  ///< pages converted for a dropped load are ignored
    int m_pages = 0;           ///< converted and added
    int m_pagesConverting = 0; ///< handed to the worker, not back yet
    bool m_loading = false;
    bool m_pagerDone = false; ///< the pager sent its last page, or failed
    bool m_complete = false;
    bool m_lowerWorkerPriority = true;                       ///< see setWorkerPriorityLowered()
    DesListSource m_source = DesListSource::ResourceManager; ///< the wizard and list-des choose Auto
    DesListSource m_listedFrom = DesListSource::Auto;
    bool m_nextLoadExact = false; ///< reloadFromResourceManager() asked for ARM
    QStringList m_filterRegions;  ///< normalised; empty: every region
    QString m_filterType;
    QStringList m_loadRegions; ///< the filter of the current (or last) load, see covers()
    QString m_loadType;
    QThreadPool m_converter;
};

} // namespace cmk
