#include "inventory/resourcelisting.h"

#include "arm/armclient.h"

namespace cmk {

ResourceListingBase::ResourceListingBase(PageConverter converter)
    : m_convert(converter) {
    m_converter.setMaxThreadCount(1);
}

ResourceListingBase::~ResourceListingBase() {
    stop();
    // A conversion still running only posts its page to this object, which drops it as it goes.
    m_converter.waitForDone();
}

void ResourceListingBase::start(ArmClient *client, const QStringList &paths) {
    m_client = client;
    m_pendingPaths = paths;
    if (!client) {
        m_error = ArmError::make(ArmError::Kind::InvalidInput, QStringLiteral("No ARM client to list with."));
        m_pendingPaths.clear();
    }
    if (m_pendingPaths.isEmpty()) {
        // Nothing to ask: finished all the same, but never before the caller could connect.
        m_listed = true;
        QMetaObject::invokeMethod(this, &ResourceListingBase::finishIfDone, Qt::QueuedConnection);
        return;
    }
    startNextPath();
}

void ResourceListingBase::startNextPath() {
    ArmPager *pager = m_client->list(m_pendingPaths.takeFirst());
    m_pager = pager;
    // The page is taken from the pager that sent it: outside its pageReceived(), sharedPage() is null.
    connect(pager, &ArmPager::pageReceived, this, [this, pager] {
        if (m_conversionFailed)
            return;
        ++m_pagesConverting;
        m_converter.start(
            [this, generation = m_generation, convert = m_convert, items = pager->sharedPage()] {
                lowerWorkerThreadPriority();
                ArmError error;
                std::shared_ptr<void> converted = convert(*items, &error);
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, converted = std::move(converted), error] {
                        onPageConverted(generation, converted, error);
                    },
                    Qt::QueuedConnection);
            });
    });
    connect(pager, &ArmPager::finished, this, [this, pager] {
        m_pager = nullptr;
        pager->deleteLater();
        if (pager->error()) {
            if (!m_error)
                m_error = pager->error();
            m_pendingPaths.clear();
        }
        if (!m_pendingPaths.isEmpty()) {
            startNextPath();
            return;
        }
        m_listed = true;
        finishIfDone();
    });
}

void ResourceListingBase::onPageConverted(quint64 generation, const std::shared_ptr<void> &items,
                                          const ArmError &error) {
    if (generation != m_generation || m_aborted)
        return; // converted for a listing stopped since
    --m_pagesConverting;
    if (error) {
        // Pages after one that does not convert are not handed over: the list would have a hole.
        if (!m_error)
            m_error = error;
        m_conversionFailed = true;
        ++m_generation;
        m_pagesConverting = 0;
        m_converter.clear();
        m_pendingPaths.clear();
        if (ArmPager *pager = m_pager)
            pager->abort(); // its finished() ends the listing
        finishIfDone();
        return;
    }
    takeConverted(items);
    ++m_pagesDelivered;
    Q_EMIT itemsReady();
    finishIfDone();
}

void ResourceListingBase::finishIfDone() {
    if (m_finished || m_aborted || !m_listed || m_pagesConverting > 0)
        return;
    m_finished = true;
    Q_EMIT finished();
}

void ResourceListingBase::stop() {
    ++m_generation;
    m_pagesConverting = 0;
    m_pendingPaths.clear();
    m_converter.clear();
    if (ArmPager *pager = m_pager) {
        m_pager = nullptr;
        disconnect(pager, nullptr, this, nullptr);
        pager->abort();
        pager->deleteLater();
    }
}

void ResourceListingBase::abort() {
    if (m_finished || m_aborted)
        return;
    stop();
    m_aborted = true;
    dropConverted();
}

} // namespace cmk
