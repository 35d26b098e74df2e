#pragma once

// What submitting a draft means for every kind of draft: long-running PUTs sent through ArmClient, the
// operation status Azure reports, reads after them, and how a submission ends (created, refused, or the user
// stopped watching). ImageVersionSubmitter adds the replication watch and the check after a lost answer;
// VmSubmitter the chain virtual network → network interface → virtual machine.

#include "arm/armclient.h"

#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>
#include <functional>

namespace cmk {

class DraftSubmitter : public QObject {
    Q_OBJECT
public:
    enum class Stage {
        Idle,
        Running,     ///< the PUTs are sent; their long-running operations are polled
        Replicating, ///< the resource exists; its replication to the target regions is polled
        Succeeded,
        Failed,
        Canceled, ///< the user stopped watching; what was sent goes on in Azure
    };
    Q_ENUM(Stage)

    ~DraftSubmitter() override;

    /// Stops watching and aborts what is in flight; what was already sent goes on in Azure.
    virtual void cancel();

    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_stage == Stage::Running || m_stage == Stage::Replicating; }
    QString operationStatus() const { return m_operationStatus; }
    const ArmError &error() const { return m_error; }
    /// The resource the submission created (once it exists).
    QString resourceId() const { return m_resourceId; }
    /// Translated one-line description of where things stand.
    virtual QString stageText() const = 0;

Q_SIGNALS:
    void stageChanged(cmk::DraftSubmitter::Stage stage);
    void operationStatusChanged(const QString &status);
    void finished();

protected:
    using LogCategory = const QLoggingCategory &(*)();
    DraftSubmitter(ArmClient *client, LogCategory log, QObject *parent);

    ArmClient *client() const { return m_client; }
    /// A new submission: stops the previous one and forgets its outcome.
    void reset();
    /// Fails at once when the requests could not be built or there is no client; else the stage is Running.
    bool begin(const ArmError &requestError, const QString &noConnectionText);
    /// Sends a long-running PUT; `then` gets the finished operation (deleted later) unless canceled.
    void put(const QString &path, const nlohmann::json &body, const QUrlQuery &query,
             const std::function<void(ArmOperation *)> &then);
    /// Sends a long-running PATCH (an update of an existing resource), followed as put() does.
    void patch(const QString &path, const nlohmann::json &body, const QUrlQuery &query,
               const std::function<void(ArmOperation *)> &then);
    /// A GET (a poll, a check); `then` gets the reply (deleted later) unless canceled.
    void get(const QString &path, const QUrlQuery &query, const std::function<void(ArmReply *)> &then);
    /// Whether the last PUT's initial answer arrived (the operation exists in Azure).
    bool wasAccepted() const { return m_accepted; }
    void setOperationStatus(const QString &status);
    void setResourceId(const QString &id) { m_resourceId = id; }
    void setStage(Stage stage);
    void fail(const ArmError &error);
    void succeed();

private:
    void abortRequests();
    void follow(ArmOperation *started, const std::function<void(ArmOperation *)> &then);

    QPointer<ArmClient> m_client;
    LogCategory m_log;
    QPointer<ArmOperation> m_operation;
    QPointer<ArmReply> m_reply;
    Stage m_stage = Stage::Idle;
    QString m_operationStatus;
    ArmError m_error;
    QString m_resourceId;
    bool m_accepted = false;
};

} // namespace cmk
