#pragma once

// Azure Resource Graph over the ArmClient pipeline (token, retries with Retry-After on 429, request ids):
// POST /providers/Microsoft.ResourceGraph/resources, page after page by $skipToken, within ARG's per-user
// quota: when an answer says no query is left (x-ms-user-quota-remaining: 0), the next one waits until the
// window resets (x-ms-user-quota-resets-after) instead of earning a 429.

#include "arg/resourcegraphquery.h"
#include "arm/armerror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <nlohmann/json.hpp>

namespace cmk {

class ArmClient;
class ArmReply;
class Clock;

namespace ResourceGraphApi {
constexpr const char *Version = "2024-04-01"; ///< resourcegraph.json's newest stable version
constexpr int MaxPageRows = 1000;             ///< the largest $top ARG accepts
} // namespace ResourceGraphApi

/// ARG's quota as the last answer told it, one per ArmClient (the quota is the signed-in user's).
class ResourceGraphQuota : public QObject {
    Q_OBJECT
public:
    /// The quota of `client`'s user, created with the client's first query.
    static ResourceGraphQuota *of(ArmClient *client);
    /// The clock the quota waits by (default: the system's); tests give one they move by hand.
    void setClock(Clock *clock);
    Clock *clock() const { return m_clock; }
    /// Queries left in the window, -1 until an answer said.
    int remaining() const { return m_remaining; }
    QDateTime resetsAt() const { return m_resetsAt; }
    /// When the next query may go: now, or when the window resets if none is left.
    QDateTime nextQueryAt() const;
    /// Reads x-ms-user-quota-remaining and x-ms-user-quota-resets-after (hh:mm:ss) from an answer.
    void update(const ArmReply &reply);

Q_SIGNALS:
    /// A query waits for the window to reset (until `when`).
    void waiting(const QDateTime &when);

private:
    explicit ResourceGraphQuota(ArmClient *client);
    Clock *m_clock;
    int m_remaining = -1;
    QDateTime m_resetsAt;
};

/// One query, page after page. Rows arrive with pageReceived(); finished() comes once, after the last page,
/// on error or on abort().
class ResourceGraphPager : public QObject {
    Q_OBJECT
public:
    /// Sends `query` over `subscriptions` with `client` (ARG's largest page unless `pageRows` is smaller).
    ResourceGraphPager(ArmClient *client, const ResourceGraphQuery &query, const QStringList &subscriptions,
                       int pageRows = ResourceGraphApi::MaxPageRows);
    ~ResourceGraphPager() override;

    void start();
    bool isFinished() const { return m_finished; }
    const ArmError &error() const { return m_error; }
    int pageCount() const { return m_pages; }
    qint64 totalRecords() const { return m_totalRecords; } ///< as the first answer said, -1 before
    /// During pageReceived(): the page's "data" rows, shared so a receiver can keep them. Null otherwise.
    std::shared_ptr<const nlohmann::json> sharedPage() const { return m_page; }
    /// The request id of the answer that carried the current page.
    QString pageRequestId() const { return m_requestId; }

public Q_SLOTS:
    void abort();

Q_SIGNALS:
    void pageReceived();
    void finished();

private:
    void sendWhenQuotaAllows();
    void send();
    void onAnswer(ArmReply *reply);
    void finish(const ArmError &error);

    QPointer<ArmClient> m_client;
    QString m_query;
    QStringList m_subscriptions;
    int m_pageRows;
    QString m_skipToken;
    QPointer<ArmReply> m_reply;
    QTimer m_quotaTimer;
    std::shared_ptr<const nlohmann::json> m_page;
    QString m_requestId;
    ArmError m_error;
    qint64 m_totalRecords = -1;
    int m_pages = 0;
    bool m_finished = false;
};

/// Whether a failed Resource Graph query means "use ARM instead": ARG is not offered or not allowed (403,
/// 404) or cannot be reached at all. Other errors (a 400 for the query, a 401, a 429 after every retry) are
/// the caller's to report.
bool isResourceGraphUnavailable(const ArmError &error);

} // namespace cmk
