#pragma once

#include "arm/armerror.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <memory>
#include <nlohmann/json.hpp>

namespace cmk {

class ArmClientPrivate;
class ArmReply;

/// A list that follows nextLink until the last page. Items arrive page by page, so views fill as they come.
class ArmPager : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    bool isFinished() const { return m_finished; }
    const ArmError &error() const { return m_error; }
    int pageCount() const { return m_pages; }
    int itemCount() const { return m_items; }
    /// During pageReceived(): the same page, shared and read-only, so a receiver can keep it (e.g. to convert
    /// it on a worker thread) without copying it. Null outside pageReceived().
    std::shared_ptr<const nlohmann::json> sharedPage() const { return m_page; }
public Q_SLOTS:
    void abort();
Q_SIGNALS:
    /// The "value" array of one page (a JSON array; convert with items.get<std::vector<T>>()).
    void pageReceived(const nlohmann::json &items);
    /// After the last page, or on error/abort (error() tells).
    void finished();

private:
    friend class ArmClient;
    void start(ArmClientPrivate *client, const QUrl &url);
    void fetch(const QUrl &url);
    void onPage(ArmReply *reply);
    /// Moves the "value" array out of a page and reads its nextLink; an error when the page is not a list.
    ArmError takePage(ArmReply *reply, std::shared_ptr<const nlohmann::json> *items, QByteArray *nextLink);
    /// Emits pageReceived(); false when a receiver deleted or aborted the list meanwhile.
    bool deliver(const std::shared_ptr<const nlohmann::json> &items);
    void followNextLink(const QByteArray &nextLink);
    void finish(const ArmError &error);

    ArmClientPrivate *m_client = nullptr; ///< the client owns the list (its parent), so it outlives it
    bool m_finished = false;
    ArmError m_error;
    int m_pages = 0;
    int m_items = 0;
    QPointer<ArmReply> m_current;
    bool m_aborted = false;
    QSet<QString> m_seenUrls;                     ///< nextLink loop detection
    std::shared_ptr<const nlohmann::json> m_page; ///< the page being delivered
};

} // namespace cmk
