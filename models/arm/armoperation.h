#pragma once

#include "arm/armerror.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <nlohmann/json.hpp>

namespace cmk {

class ArmClientPrivate;
class ArmReply;

/// A long-running PUT/DELETE/POST: initial 200/201/202, then polling Azure-AsyncOperation (or Location)
/// honouring Retry-After, until Succeeded/Failed/Canceled. On success the final resource is fetched.
class ArmOperation : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    bool isFinished() const { return m_finished; }
    const ArmError &error() const { return m_error; }
    QString status() const { return m_status; } ///< last status seen ("InProgress", "Succeeded"...)
    const nlohmann::json &resource() const { return m_resource; } ///< latest body of the resource itself
    QString requestId() const { return m_requestId; }             ///< of the initial request
public Q_SLOTS:
    void abort(); ///< stops polling locally; the service operation itself goes on
Q_SIGNALS:
    void accepted(const nlohmann::json &initialBody); ///< the initial 200/201/202 was received
    void statusChanged(const QString &status);
    void finished();

private:
    friend class ArmClient;
    /// How the operation is followed: Azure-AsyncOperation status, Location (202 until done), or the
    /// resource's own provisioningState (a PUT answered 200/201 without either header).
    enum class Mode { AsyncOperation, Location, ResourceState };

    void start(ArmClientPrivate *client, const QByteArray &method, const QUrl &resourceUrl,
               const QByteArray &body);
    void onInitial(ArmReply *reply);
    /// Chooses the mode from the initial answer; false when the operation ended there (at once, or with an
    /// error).
    bool chooseMode(ArmReply *reply);
    void finishAtOnce(const QString &provisioningState);
    void schedulePoll(qint64 serverDelayMs);
    void poll();
    void onPoll(ArmReply *reply);
    ArmError pollProblem(const ArmReply *reply) const;
    bool pollAgainAfter(const ArmError &problem, qint64 serverDelayMs);
    void failPoll(ArmError problem, const ArmReply *reply);
    void onOperationStatus(const ArmReply *reply, qint64 serverDelayMs);
    void onLocationAnswer(const ArmReply *reply, qint64 serverDelayMs);
    void onResourceState(const ArmReply *reply, qint64 serverDelayMs);
    void succeed();
    void fetchFinalResource();
    void setStatus(const QString &status);
    void finish(const ArmError &error);
    void finishLater(const ArmError &error);

    ArmClientPrivate *m_client = nullptr; ///< the client owns the operation (its parent), so it outlives it
    bool m_finished = false;
    ArmError m_error;
    QString m_status;
    nlohmann::json m_resource;
    QString m_requestId;
    QPointer<QObject> m_current; ///< the request on the wire, or the timer of the next poll
    bool m_aborted = false;
    Mode m_mode = Mode::AsyncOperation;
    bool m_isPut = false;
    QUrl m_resourceUrl;
    QUrl m_pollUrl;
    int m_pollFailures = 0; ///< failed status polls in a row
};

} // namespace cmk
