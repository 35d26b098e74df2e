#include "arg/resourcegraphapi.h"

#include "arg/kql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>
#include <algorithm>

namespace armsandbox {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("armsandbox", text);
}

/// The `resources` table's columns, as ARG names them.
const QStringList &resourceColumns() {
    static const QStringList columns = {
        QStringLiteral("id"),       QStringLiteral("name"),          QStringLiteral("type"),
        QStringLiteral("location"), QStringLiteral("resourceGroup"), QStringLiteral("subscriptionId"),
        QStringLiteral("tenantId"), QStringLiteral("properties"),    QStringLiteral("tags"),
        QStringLiteral("identity"), QStringLiteral("sku"),           QStringLiteral("kind")};
    return columns;
}

/// The columns the table is indexed by: text in every row (rowOf), and what clients filter on.
const QStringList &indexedColumns() {
    static const QStringList columns = {QStringLiteral("type"), QStringLiteral("location"),
                                        QStringLiteral("resourceGroup")};
    return columns;
}

/// Whether resources of `type` are rows of ARG's `resources` table: tracked resources are; role assignments
/// (table authorizationresources), Key Vault keys and the sandbox's bookkeeping types are not.
bool isTableType(const QString &type) {
    return type.startsWith(QLatin1String("microsoft.")) &&
           !type.startsWith(QLatin1String("microsoft.authorization/")) &&
           !type.startsWith(QLatin1String("microsoft.features/")) &&
           !type.startsWith(QLatin1String("microsoft.keyvault/vaults/"));
}

/// "hh:mm:ss" as ARG writes x-ms-user-quota-resets-after.
QByteArray durationText(qint64 ms) {
    const qint64 seconds = (qMax<qint64>(0, ms) + 999) / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

QString queryFingerprint(const QString &query, const QJsonArray &subscriptions) {
    const QByteArray text =
        query.toUtf8() + '\n' + QJsonDocument(subscriptions).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace

struct ResourceGraphApi::Options {
    int top = 100; ///< ARG's page size when the request names none
    int skip = 0;
};

ApiResponse resourceGraphError(int status, const QString &code, const QString &message,
                               const QString &detailCode, const QString &detailMessage) {
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!detailCode.isEmpty()) {
        error.insert(QStringLiteral("details"),
                     QJsonArray{QJsonObject{{QStringLiteral("code"), detailCode},
                                            {QStringLiteral("message"), detailMessage}}});
    }
    ApiResponse response;
    response.status = status;
    response.body = QJsonObject{{QStringLiteral("error"), error}};
    return response;
}

ResourceGraphApi::ResourceGraphApi(const ArmStore &store, const SandboxOptions &options,
                                   std::function<qint64()> nowMs)
    : m_store(store)
    , m_enabled(options.resourceGraph)
    , m_nowMs(std::move(nowMs)) {}

const QStringList &ResourceGraphApi::apiVersions() {
    static const QStringList versions = {QStringLiteral("2024-04-01"), QStringLiteral("2022-10-01"),
                                         QStringLiteral("2021-03-01")};
    return versions;
}

bool ResourceGraphApi::isResourceGraphPath(const QString &path) {
    return path.startsWith(QLatin1String("/providers/Microsoft.ResourceGraph/"), Qt::CaseInsensitive) ||
           path.compare(QLatin1String("/providers/Microsoft.ResourceGraph"), Qt::CaseInsensitive) == 0;
}

ApiResponse ResourceGraphApi::handle(const ApiRequest &request) {
    if (!m_enabled) { // --no-resource-graph: as a cloud where the provider is not offered
        return armError(404, QStringLiteral("NoRegisteredProviderFound"),
                        tr("No registered resource provider found for location 'global' and the namespace "
                           "'Microsoft.ResourceGraph' (the sandbox runs with --no-resource-graph)."));
    }
    if (request.url.path().compare(QLatin1String("/providers/Microsoft.ResourceGraph/resources"),
                                   Qt::CaseInsensitive) != 0) {
        return armError(404, QStringLiteral("InvalidResourceType"),
                        tr("The resource type '%1' could not be found in the namespace "
                           "'Microsoft.ResourceGraph'.")
                            .arg(request.url.path().section(QLatin1Char('/'), 3)));
    }
    const QString apiVersion = QUrlQuery(request.url).queryItemValue(QStringLiteral("api-version"));
    if (auto bad = checkApiVersionIn(apiVersions(), apiVersion))
        return *bad;
    if (request.method != "POST")
        return methodNotAllowed(request);
    const qint64 now = m_nowMs();
    Quota &quota = m_quotas[request.header("authorization")];
    if (auto throttled = spendQuota(quota, now))
        return *throttled;
    ApiResponse response = query(request);
    addQuotaHeaders(response, quota, now);
    return response;
}

std::optional<ApiResponse> ResourceGraphApi::spendQuota(Quota &quota, qint64 now) {
    if (now - quota.windowStartMs >= QuotaWindowMs) {
        quota.windowStartMs = now;
        quota.used = 0;
    }
    if (quota.used < QuotaQueries) {
        ++quota.used;
        return std::nullopt;
    }
    const qint64 resetsAfterMs = quota.windowStartMs + QuotaWindowMs - now;
    ApiResponse throttled = resourceGraphError(
        429, QStringLiteral("RateLimiting"),
        tr("Please provide below info when asking for support: timestamp = %1. Client application has been "
           "throttled and should not attempt to repeat the request until an amount of time has elapsed.")
            .arg(isoNow()),
        QStringLiteral("RateLimiting"),
        tr("%1 queries per %2 seconds were sent; the quota resets after %3.")
            .arg(QuotaQueries)
            .arg(QuotaWindowMs / 1000)
            .arg(QString::fromLatin1(durationText(resetsAfterMs))));
    throttled.headers.append({"Retry-After", QByteArray::number((resetsAfterMs + 999) / 1000)});
    addQuotaHeaders(throttled, quota, now);
    return throttled;
}

void ResourceGraphApi::addQuotaHeaders(ApiResponse &response, const Quota &quota, qint64 now) const {
    response.headers.append({"x-ms-user-quota-remaining", QByteArray::number(QuotaQueries - quota.used)});
    response.headers.append(
        {"x-ms-user-quota-resets-after", durationText(quota.windowStartMs + QuotaWindowMs - now)});
}

std::optional<ApiResponse> ResourceGraphApi::readOptions(const QJsonObject &body, const QString &queryText,
                                                         Options *options) {
    const QJsonObject given = body.value(QLatin1String("options")).toObject();
    const auto invalid = [](const QString &message) {
        return resourceGraphError(400, QStringLiteral("BadRequest"), message,
                                  QStringLiteral("InvalidQueryOptions"), message);
    };
    const QString format = given.value(QLatin1String("resultFormat")).toString(QStringLiteral("objectArray"));
    if (format != QLatin1String("objectArray"))
        return invalid(tr("The result format '%1' is not supported by the sandbox's Resource Graph (only "
                          "objectArray).")
                           .arg(format));
    if (given.contains(QLatin1String("$skipToken"))) {
        // The token carries the next page's offset and size, and which query it belongs to.
        const QJsonObject token =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(given.value(QLatin1String("$skipToken")).toString().toLatin1(),
                                       QByteArray::Base64UrlEncoding))
                .object();
        if (token.value(QLatin1String("q")).toString() !=
            queryFingerprint(queryText, body.value(QLatin1String("subscriptions")).toArray()))
            return invalid(tr("The $skipToken does not belong to this query and these subscriptions."));
        options->skip = token.value(QLatin1String("o")).toInt();
        options->top = token.value(QLatin1String("t")).toInt(options->top);
    }
    if (given.contains(QLatin1String("$top"))) {
        options->top = given.value(QLatin1String("$top")).toInt(-1);
        if (options->top < 1 || options->top > 1000)
            return invalid(tr("$top must be between 1 and 1000."));
    }
    if (given.contains(QLatin1String("$skip"))) {
        options->skip = given.value(QLatin1String("$skip")).toInt(-1);
        if (options->skip < 0)
            return invalid(tr("$skip must be 0 or more."));
    }
    return std::nullopt;
}

ApiResponse ResourceGraphApi::query(const ApiRequest &request) {
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    const QString queryText = body.value(QLatin1String("query")).toString();
    if (!body.value(QLatin1String("query")).isString())
        return resourceGraphError(400, QStringLiteral("BadRequest"), tr("The request has no query."),
                                  QStringLiteral("InvalidQuery"), tr("'query' is required."));
    if (body.contains(QLatin1String("managementGroups")))
        return resourceGraphError(400, QStringLiteral("BadRequest"),
                                  tr("Management group scopes are not supported by the sandbox."),
                                  QStringLiteral("UnsupportedScope"), QStringLiteral("managementGroups"));
    Options options;
    if (auto bad = readOptions(body, queryText, &options))
        return *bad;
    if (auto denied = checkScope(body.value(QLatin1String("subscriptions")).toArray()))
        return *denied;
    QString why;
    const std::optional<kql::Query> parsed = kql::parse(queryText, &why);
    const QJsonArray subscriptions = body.value(QLatin1String("subscriptions")).toArray();
    std::optional<QList<QJsonObject>> rows;
    if (parsed)
        rows =
            kql::run(*parsed, resourceColumns(), rowsOf(subscriptions, kql::leadingFilters(*parsed)), &why);
    if (!rows) {
        return resourceGraphError(
            400, QStringLiteral("BadRequest"),
            tr("Please provide below info when asking for support: timestamp = %1. Query is invalid. Please "
               "refer to the documentation for the Azure Resource Graph service and fix the error before "
               "retrying.")
                .arg(isoNow()),
            QStringLiteral("InvalidQuery"), why);
    }
    return pageOf(*rows, options, queryFingerprint(queryText, subscriptions), kql::keepsRows(*parsed));
}

ApiResponse ResourceGraphApi::pageOf(const QList<QJsonObject> &rows, const Options &options,
                                     const QString &fingerprint, bool tableRows) {
    const QList<QJsonObject> data = rows.mid(options.skip, options.top);
    const int next = options.skip + int(data.size());
    const bool more = next < rows.size();
    // ARG pages only results that keep the id column; any other result is cut and says so.
    const bool pageable = !data.isEmpty() && data.first().contains(QLatin1String("id"));
    QJsonObject answer{{QStringLiteral("totalRecords"), int(rows.size())},
                       {QStringLiteral("count"), int(data.size())},
                       {QStringLiteral("resultTruncated"),
                        more && !pageable ? QStringLiteral("true") : QStringLiteral("false")}};
    if (more && pageable) {
        const QJsonObject token{{QStringLiteral("o"), next},
                                {QStringLiteral("t"), options.top},
                                {QStringLiteral("q"), fingerprint}};
        answer.insert(QStringLiteral("$skipToken"),
                      QString::fromLatin1(
                          QJsonDocument(token)
                              .toJson(QJsonDocument::Compact)
                              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    }
    if (!tableRows) {
        QJsonArray array;
        for (const QJsonObject &row : data)
            array.append(row);
        answer.insert(QStringLiteral("data"), array);
        return okResponse(answer);
    }
    // Rows the query left as the table has them are written once and copied into every page after that:
    // writing a page of 1,000 rows costs more than the whole filtered query over 10,000.
    answer.insert(QStringLiteral("data"), QJsonArray());
    const QByteArray envelope = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    const qsizetype rowsAt = envelope.indexOf(QByteArrayLiteral("\"data\":[]")) + 8; // between the brackets
    QList<QByteArray> texts; // shared with m_rowText, not copied
    qsizetype size = envelope.size();
    for (const QJsonObject &row : data) {
        QByteArray &text = m_rowText[row.value(QLatin1String("id")).toString()];
        if (text.isEmpty())
            text = QJsonDocument(row).toJson(QJsonDocument::Compact);
        texts.append(text);
        size += text.size() + 1;
    }
    ApiResponse response;
    response.isRaw = true;
    response.rawBody.reserve(size); // one buffer: a page is ~1 MB, and every copy of it shows
    response.rawBody.append(envelope.constData(), rowsAt);
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            response.rawBody.append(',');
        response.rawBody.append(texts.at(i));
    }
    response.rawBody.append(envelope.constData() + rowsAt, envelope.size() - rowsAt);
    return response;
}

std::optional<ApiResponse> ResourceGraphApi::checkScope(const QJsonArray &subscriptions) const {
    QStringList asked;
    for (const QJsonValue &subscription : subscriptions) {
        if (m_store.hasSubscription(subscription.toString()) && !m_store.isForbidden(subscription.toString()))
            return std::nullopt;
        asked << subscription.toString();
    }
    if (subscriptions.isEmpty())
        return std::nullopt;
    // The sandbox's choice: a query none of whose subscriptions the caller can see is refused rather than
    // answered with nothing, so a client can tell a wrong subscription from an empty one.
    return resourceGraphError(
        403, QStringLiteral("AuthorizationFailed"),
        tr("The client cannot read any of the subscriptions '%1'.").arg(asked.join(u", ")),
        QStringLiteral("NoAccessibleSubscription"), asked.join(u", "));
}

QList<QJsonObject> ResourceGraphApi::rowsOf(const QJsonArray &subscriptions,
                                            const std::vector<kql::ColumnFilter> &filters) {
    QStringList asked;
    for (const QJsonValue &subscription : subscriptions)
        asked.append(subscription.toString());
    if (subscriptions.isEmpty()) { // no scope: every subscription the caller can see
        for (const QJsonObject &subscription : m_store.subscriptions())
            asked.append(subscription.value(QLatin1String("subscriptionId")).toString());
    }
    const QHash<QString, Partition> &partitions = table();
    QList<QJsonObject> rows;
    QStringList seen;
    for (const QString &subscriptionId : std::as_const(asked)) {
        if (!m_store.hasSubscription(subscriptionId) || m_store.isForbidden(subscriptionId) ||
            seen.contains(subscriptionId.toLower()))
            continue; // a subscription the caller cannot see adds nothing, as in ARG
        seen.append(subscriptionId.toLower());
        const auto partition = partitions.constFind(subscriptionId.toLower());
        if (partition != partitions.cend())
            rows.append(candidateRows(*partition, filters));
    }
    return rows;
}

QList<QJsonObject> ResourceGraphApi::candidateRows(const Partition &partition,
                                                   const std::vector<kql::ColumnFilter> &filters) {
    // The indexed filter that leaves the fewest rows; every condition is still applied to them by kql::run.
    std::optional<QList<int>> fewest;
    for (const kql::ColumnFilter &filter : filters) {
        const auto index = partition.index.constFind(filter.column);
        if (index == partition.index.cend())
            continue;
        QList<int> positions;
        for (const QString &value : QSet<QString>(filter.values.begin(), filter.values.end()))
            positions.append(index->value(value));
        if (!fewest || positions.size() < fewest->size())
            fewest = std::move(positions);
    }
    if (!fewest)
        return partition.rows;
    std::sort(fewest->begin(), fewest->end()); // the table's order, as without the index
    QList<QJsonObject> rows;
    rows.reserve(fewest->size());
    for (const int position : std::as_const(*fewest))
        rows.append(partition.rows.at(position));
    return rows;
}

const QHash<QString, ResourceGraphApi::Partition> &ResourceGraphApi::table() {
    if (m_tableRevision == m_store.revision())
        return m_table;
    m_table.clear();
    m_rowText.clear();
    QHash<QString, QString> tenantOf; // lower-case subscription id -> its tenant, as the fixture says
    for (const QJsonObject &subscription : m_store.subscriptions()) {
        tenantOf.insert(subscription.value(QLatin1String("subscriptionId")).toString().toLower(),
                        subscription.value(QLatin1String("tenantId")).toString());
    }
    QStringList types = m_store.resourceTypes();
    types.sort();
    for (const QString &type : std::as_const(types)) {
        if (!isTableType(type))
            continue;
        m_store.forEachOfType(type, [this, &tenantOf](const QJsonObject &resource) {
            const QString subscriptionId =
                resource.value(QLatin1String("id")).toString().section(QLatin1Char('/'), 2, 2).toLower();
            Partition &partition = m_table[subscriptionId];
            const QJsonObject row = rowOf(resource, tenantOf.value(subscriptionId));
            for (const QString &column : indexedColumns()) {
                partition.index[column][row.value(column).toString().toCaseFolded()].append(
                    int(partition.rows.size()));
            }
            partition.rows.append(row);
        });
    }
    m_tableRevision = m_store.revision();
    return m_table;
}

QJsonObject ResourceGraphApi::rowOf(const QJsonObject &resource, const QString &tenantId) {
    const QString id = resource.value(QLatin1String("id")).toString();
    const QStringList segments = id.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const auto orEmpty = [&resource](const char *key, const QJsonValue &empty) {
        const QJsonValue value = resource.value(QLatin1String(key));
        return value.isUndefined() ? empty : value;
    };
    // ARG keeps the type in lower case and the location normalised; the rest as ARM answers it.
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), resource.value(QLatin1String("name"))},
        {QStringLiteral("type"), resource.value(QLatin1String("type")).toString().toLower()},
        {QStringLiteral("location"), normalizeRegion(resource.value(QLatin1String("location")).toString())},
        {QStringLiteral("resourceGroup"), segments.value(3)},
        {QStringLiteral("subscriptionId"), segments.value(1)},
        {QStringLiteral("tenantId"), tenantId},
        {QStringLiteral("properties"), orEmpty("properties", QJsonObject())},
        {QStringLiteral("tags"), orEmpty("tags", QJsonObject())},
        {QStringLiteral("identity"), orEmpty("identity", QJsonValue::Null)},
        {QStringLiteral("sku"), orEmpty("sku", QJsonValue::Null)},
        {QStringLiteral("kind"), orEmpty("kind", QString())}};
}

} // namespace armsandbox
