#pragma once

// Azure Resource Graph in the sandbox: POST /providers/Microsoft.ResourceGraph/resources over the store's
// resources, shaped per resourcegraph.json (2024-04-01; 2022-10-01 and 2021-03-01 answer alike): the query
// (a KQL subset, arg/kql.h), the caller's subscriptions, paging by $top/$skip/$skipToken, and ARG's
// per-caller quota of 15 queries per 5 seconds with its x-ms-user-quota-* headers.

#include "arg/kql.h"
#include "arm/armapi.h"
#include "arm/armstore.h"

#include <QHash>
#include <functional>
#include <optional>

namespace armsandbox {

class ResourceGraphApi {
public:
    static constexpr int QuotaQueries = 15;       ///< per caller and window, as ARG allows
    static constexpr qint64 QuotaWindowMs = 5000; ///< the window starts with the caller's first query

    /// `nowMs`: the sandbox's clock (tests move it instead of waiting for a window to pass).
    ResourceGraphApi(const ArmStore &store, const SandboxOptions &options, std::function<qint64()> nowMs);

    /// True for /providers/Microsoft.ResourceGraph/... (any case).
    static bool isResourceGraphPath(const QString &path);
    ApiResponse handle(const ApiRequest &request);
    /// Builds the table now (at start, after the fixture), so that the first query does not pay for it.
    void prepareTable() { table(); }
    /// Every stable api-version of resourcegraph.json's resources operation, newest first.
    static const QStringList &apiVersions();

private:
    struct Quota {
        qint64 windowStartMs = 0;
        int used = 0;
    };
    struct Options; ///< the body's options, validated

    /// Counts the query against the caller's window; the 429 once the window is spent.
    std::optional<ApiResponse> spendQuota(Quota &quota, qint64 now);
    void addQuotaHeaders(ApiResponse &response, const Quota &quota, qint64 now) const;
    ApiResponse query(const ApiRequest &request);
    /// The page of `rows` that `options` asks for, as ARG answers it. `tableRows`: the query kept the table's
    /// rows as they are (kql::keepsRows), so their text can be reused.
    ApiResponse pageOf(const QList<QJsonObject> &rows, const Options &options, const QString &fingerprint,
                       bool tableRows);
    std::optional<ApiResponse> readOptions(const QJsonObject &body, const QString &queryText,
                                           Options *options);
    /// 403 when none of `subscriptions` (when given) is one the caller can see.
    std::optional<ApiResponse> checkScope(const QJsonArray &subscriptions) const;
    /// One subscription's part of the `resources` table.
    struct Partition {
        QList<QJsonObject> rows; ///< in type order, then the store's order
        /// Indexed column -> case-folded value -> positions in rows, ascending.
        QHash<QString, QHash<QString, QList<int>>> index;
    };
    /// The `resources` table's rows of the subscriptions asked for that the store knows, without those that
    /// cannot pass `filters` (kql::leadingFilters) when an indexed column tells.
    QList<QJsonObject> rowsOf(const QJsonArray &subscriptions, const std::vector<kql::ColumnFilter> &filters);
    /// The table by lower-case subscription id, built from the store when it changed since the last query:
    /// building the ~10,000 rows of a generated fixture costs far more than a filtered query over them.
    const QHash<QString, Partition> &table();
    static QList<QJsonObject> candidateRows(const Partition &partition,
                                            const std::vector<kql::ColumnFilter> &filters);
    static QJsonObject rowOf(const QJsonObject &resource, const QString &tenantId);

    const ArmStore &m_store;
    bool m_enabled = true;
    std::function<qint64()> m_nowMs;
    QHash<QByteArray, Quota> m_quotas;      ///< by caller (the Authorization header; "" without one)
    QHash<QString, Partition> m_table;      ///< see table()
    std::optional<quint64> m_tableRevision; ///< the store's revision m_table was built from
    QHash<QString, QByteArray> m_rowText;   ///< table row id -> the row as compact JSON, once a page had it
};

/// ARG's error envelope: {"error":{"code","message","details":[{"code","message"}]}}.
ApiResponse resourceGraphError(int status, const QString &code, const QString &message,
                               const QString &detailCode = {}, const QString &detailMessage = {});

} // namespace armsandbox
