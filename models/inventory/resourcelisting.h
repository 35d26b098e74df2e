#pragma once

// One listing of ARM resources in flight, typed: every page of one or more lists (nextLink followed by
// ArmClient), converted to the structs of arm/resources.h on a worker thread and handed over in list order.
// A subscription may hold thousands of snapshots or virtual machines: converting their pages on the GUI
// thread would stall the window, so only the finished vectors cross over to it.

#include "arm/armerror.h"
#include "arm/resources.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThreadPool>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace cmk {

class ArmClient;
class ArmPager;

/// The untyped part of a listing: the lists in turn, the conversions in flight, errors and abort.
/// Created and started by ResourceInventory; the receiver owns it (deleteLater() it after finished()).
class ResourceListingBase : public QObject {
    Q_OBJECT
public:
    ~ResourceListingBase() override;

    bool isFinished() const { return m_finished; }
    /// The first failure: the server's answer (with its request id), the transport, or a page that does not
    /// convert (MalformedResponse). No error once every page is delivered.
    const ArmError &error() const { return m_error; }
    /// Pages converted and handed over so far.
    int pageCount() const { return m_pagesDelivered; }

public Q_SLOTS:
    /// Stops: no request, no items and no finished() any more; items not taken yet are dropped.
    void abort();

Q_SIGNALS:
    /// A page was converted: its items wait in ResourceListing<T>::takeItems().
    void itemsReady();
    /// Every page of every list handed over, or an error ended the listing (error() tells). Always one event
    /// after the call that created the listing at the earliest; never after abort().
    void finished();

protected:
    /// Converts one page's "value" array on the worker thread; a static function, so it never reaches into
    /// a listing that is being destroyed.
    using PageConverter = std::shared_ptr<void> (*)(const nlohmann::json &items, ArmError *error);
    explicit ResourceListingBase(PageConverter converter);
    /// On the listing's thread: takes the items of a converted page.
    virtual void takeConverted(const std::shared_ptr<void> &items) = 0;
    virtual void dropConverted() = 0;

private:
    friend class ResourceInventory;
    /// Lists `paths` one after the other (an empty list finishes at once, one event later).
    void start(ArmClient *client, const QStringList &paths);
    void startNextPath();
    /// Ends the requests and the conversions in flight (abort() and the destructor).
    void stop();
    void onPageConverted(quint64 generation, const std::shared_ptr<void> &items, const ArmError &error);
    void finishIfDone();

    PageConverter m_convert;
    QPointer<ArmClient> m_client;
    QPointer<ArmPager> m_pager;
    QStringList m_pendingPaths;
    ArmError m_error;
    int m_pagesConverting = 0;
    int m_pagesDelivered = 0;
    quint64 m_generation = 0; ///< pages converted before an abort() are dropped
    bool m_listed = false;    ///< the last list has ended (or failed)
    bool m_finished = false;
    bool m_aborted = false;
    bool m_conversionFailed = false;
    QThreadPool m_converter; ///< one thread: pages convert in order; declared last, so waited for first
};

/// A listing of resources of type T (cmk::Subscription, cmk::Gallery, ...).
template <typename T> class ResourceListing final : public ResourceListingBase {
public:
    ResourceListing()
        : ResourceListingBase(&convertPage) {}

    /// The items handed over since the last call, in list order.
    std::vector<T> takeItems() { return std::exchange(m_items, {}); }

private:
    static std::shared_ptr<void> convertPage(const nlohmann::json &items, ArmError *error) {
        auto page = std::make_shared<std::vector<T>>();
        *error = parseResources(items, *page);
        return page;
    }
    void takeConverted(const std::shared_ptr<void> &items) override {
        auto &page = *static_cast<std::vector<T> *>(items.get());
        if (m_items.empty())
            m_items = std::move(page);
        else
            m_items.insert(m_items.end(), std::make_move_iterator(page.begin()),
                           std::make_move_iterator(page.end()));
    }
    void dropConverted() override { m_items.clear(); }

    std::vector<T> m_items;
};

} // namespace cmk
