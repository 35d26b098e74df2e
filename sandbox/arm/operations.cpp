#include "arm/operations.h"

#include "arm/armapi.h"
#include "arm/armstore.h"

#include <QCoreApplication>
#include <QUuid>

namespace armsandbox {

bool LongRunningOperation::failsIn(const QString &region, bool isLastRegion) const {
    return failedRegions.isEmpty() ? isLastRegion : failedRegions.contains(normalizeRegion(region));
}

OperationRegistry::OperationRegistry(ArmStore &store, const SandboxOptions &options)
    : m_store(store)
    , m_options(options) {}

LongRunningOperation &OperationRegistry::start(const QString &resourceKey, int pollsNeeded) {
    LongRunningOperation operation;
    operation.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
    operation.resourceKey = resourceKey;
    operation.startTime = QDateTime::currentDateTimeUtc();
    operation.pollsNeeded = qMax(1, pollsNeeded < 0 ? m_options.lroPollsUntilDone : pollsNeeded);
    m_latestByResource.insert(resourceKey, operation.id);
    return *m_operations.insert(operation.id, operation);
}

QString OperationRegistry::requestedFailure(const QJsonObject &tags) {
    if (!tags.contains(QLatin1String("sandbox-fail-lro")))
        return {};
    const QString code = tags.value(QLatin1String("sandbox-fail-lro")).toString();
    return code.isEmpty() ? QStringLiteral("InternalOperationError") : code;
}

bool OperationRegistry::contains(const QString &operationId) const {
    return m_operations.contains(operationId.toLower());
}

const LongRunningOperation *OperationRegistry::latestFor(const QString &resourceKey) const {
    const auto latest = m_latestByResource.constFind(resourceKey);
    if (latest == m_latestByResource.constEnd())
        return nullptr;
    const auto found = m_operations.constFind(*latest);
    return found == m_operations.constEnd() ? nullptr : &*found;
}

bool OperationRegistry::isRunningOn(const QString &resourceKey) const {
    const LongRunningOperation *operation = latestFor(resourceKey);
    return operation && operation->isRunning();
}

void OperationRegistry::announce(ApiResponse &response, const LongRunningOperation &operation,
                                 const QUrl &baseUrl, const QString &subscriptionId,
                                 const QString &providerNamespace, const QString &location,
                                 const QString &collection, const QString &apiVersion) const {
    const QString statusUrl =
        QStringLiteral("%1/subscriptions/%2/providers/%3/locations/%4/%5/%6?api-version=%7")
            .arg(baseUrl.toString(), subscriptionId, providerNamespace, location, collection, operation.id,
                 apiVersion);
    response.headers.append({"Azure-AsyncOperation", statusUrl.toUtf8()});
    if (m_options.retryAfterSeconds > 0)
        response.headers.append({"Retry-After", QByteArray::number(m_options.retryAfterSeconds)});
}

void OperationRegistry::tick(LongRunningOperation &operation) {
    if (!operation.isRunning())
        return;
    ++operation.polls;
    if (operation.polls < operation.pollsNeeded)
        return;
    operation.endTime = QDateTime::currentDateTimeUtc();
    operation.status = operation.failCode.isEmpty() ? QStringLiteral("Succeeded") : QStringLiteral("Failed");
    if (operation.deletes) {
        m_store.remove(operation.resourceKey);
        return;
    }
    QJsonObject resource = m_store.resource(operation.resourceKey);
    if (resource.isEmpty())
        return;
    QJsonObject properties = resource.value(QLatin1String("properties")).toObject();
    properties.insert(QStringLiteral("provisioningState"), operation.status);
    resource.insert(QStringLiteral("properties"), properties);
    m_store.put(resource);
}

ApiResponse OperationRegistry::status(const QString &operationId) {
    auto it = m_operations.find(operationId.toLower());
    if (it == m_operations.end()) {
        return armError(404, QStringLiteral("NotFound"),
                        QCoreApplication::translate("armsandbox", "The operation '%1' could not be found.")
                            .arg(operationId));
    }
    LongRunningOperation &operation = *it;
    tick(operation);
    QJsonObject body{{QStringLiteral("name"), operation.id},
                     {QStringLiteral("status"), operation.status},
                     {QStringLiteral("startTime"), operation.startTime.toString(Qt::ISODateWithMs)}};
    if (!operation.isRunning())
        body.insert(QStringLiteral("endTime"), operation.endTime.toString(Qt::ISODateWithMs));
    if (operation.status == QLatin1String("Failed")) {
        body.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), operation.failCode},
                                                         {QStringLiteral("message"), operation.failMessage}});
    }
    ApiResponse response;
    response.body = body;
    if (operation.isRunning() && m_options.retryAfterSeconds > 0)
        response.headers.append({"Retry-After", QByteArray::number(m_options.retryAfterSeconds)});
    return response;
}

} // namespace armsandbox
