#pragma once

// Azure Resource Graph in the sandbox: POST /providers/Microsoft.ResourceGraph/resources over the store's
// resources, shaped per resourcegraph.json (2024-04-01; 2022-10-01 and 2021-03-01 answer alike): the query
// (a KQL subset, arg/kql.h), the caller's subscriptions, paging by $top/$skip/$skipToken, and ARG's
// per-caller quota of 15 queries per 5 seconds with its x-ms-user-quota-* headers.

#include "arm/armapi.h"
#include "arm/armstore.h"

#include <QHash>
#include <functional>

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
    std::optional<ApiResponse> readOptions(const QJsonObject &body, const QString &queryText,
                                           Options *options);
    /// 403 when none of `subscriptions` (when given) is one the caller can see.
    std::optional<ApiResponse> checkScope(const QJsonArray &subscriptions) const;
    /// The `resources` table's rows of the subscriptions asked for that the store knows.
    QList<QJsonObject> rowsOf(const QJsonArray &subscriptions) const;
    QJsonObject rowOf(const QJsonObject &resource, const QString &tenantId) const;

    const ArmStore &m_store;
    bool m_enabled = true;
    std::function<qint64()> m_nowMs;
    QHash<QByteArray, Quota> m_quotas; ///< by caller (the Authorization header; "" without one)
};

/// ARG's error envelope: {"error":{"code","message","details":[{"code","message"}]}}.
ApiResponse resourceGraphError(int status, const QString &code, const QString &message,
                               const QString &detailCode = {}, const QString &detailMessage = {});

} // namespace armsandbox
