#pragma once

// The sandbox's long-running operations (ARM async pattern): a PUT or DELETE starts one, announces its
// status URL in Azure-AsyncOperation, and each GET of that URL moves it one poll closer to its end. At the
// end the resource's provisioningState becomes Succeeded or Failed (or the resource is removed, for a
// delete). One registry serves every provider (gallery image versions, VMs, NICs, VNets), so an operation
// id is unique across the whole sandbox.

#include "armsandbox.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace armsandbox {

struct ApiResponse;
class ArmStore;

struct LongRunningOperation {
    QString id;          ///< lower case
    QString resourceKey; ///< canonical id of the resource the operation creates, updates or deletes
    QDateTime startTime;
    QDateTime endTime;
    QString status = QStringLiteral("InProgress");
    int polls = 0;
    int pollsNeeded = 1;
    QString failCode; ///< non-empty: the operation ends Failed with this code and failMessage
    QString failMessage;
    bool deletes = false; ///< the resource is removed when the operation ends
    QHash<QString, QString> failedRegions; ///< normalised region -> details; empty: the last region fails
    QSet<QString> alreadyReplicated; ///< normalised regions an update keeps: Completed while it runs

    /// Whether a Failed operation failed in `region` (the last target region unless failedRegions says).
    bool failsIn(const QString &region, bool isLastRegion) const;

    bool isRunning() const { return status == QLatin1String("InProgress"); }
};

class OperationRegistry {
public:
    OperationRegistry(ArmStore &store, const SandboxOptions &options);

    /// Starts an operation on `resourceKey`, the latest for it; it needs `pollsNeeded` status polls to end
    /// (the options' lroPollsUntilDone when negative).
    LongRunningOperation &start(const QString &resourceKey, int pollsNeeded = -1);
    /// The failure code the client asked for with the `sandbox-fail-lro` tag (InternalOperationError when
    /// the tag is empty); empty when the tag is absent.
    static QString requestedFailure(const QJsonObject &tags);

    bool contains(const QString &operationId) const;
    /// The latest operation on `resourceKey`, nullptr when there was none.
    const LongRunningOperation *latestFor(const QString &resourceKey) const;
    bool isRunningOn(const QString &resourceKey) const;

    /// Adds the Azure-AsyncOperation header (the status URL under
    /// `{base}/subscriptions/{sub}/providers/{ns}/locations/{loc}/{collection}/{id}`) and Retry-After.
    void announce(ApiResponse &response, const LongRunningOperation &operation, const QUrl &baseUrl,
                  const QString &subscriptionId, const QString &providerNamespace, const QString &location,
                  const QString &collection, const QString &apiVersion) const;
    /// The status document of `operationId` after one more poll (404 for an unknown id).
    ApiResponse status(const QString &operationId);

private:
    void tick(LongRunningOperation &operation);

    ArmStore &m_store;
    const SandboxOptions &m_options;
    QHash<QString, LongRunningOperation> m_operations; ///< by lower-case id
    QHash<QString, QString> m_latestByResource;        ///< canonical resource id -> latest operation id
};

} // namespace armsandbox
