#include "draft/draftsubmitter.h"

namespace cmk {

DraftSubmitter::DraftSubmitter(ArmClient *client, LogCategory log, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_log(log) {}

DraftSubmitter::~DraftSubmitter() {
    abortRequests();
}

void DraftSubmitter::abortRequests() {
    if (m_operation) {
        disconnect(m_operation, nullptr, this, nullptr);
        m_operation->abort();
        m_operation->deleteLater();
        m_operation = nullptr;
    }
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void DraftSubmitter::cancel() {
    abortRequests();
    if (isRunning()) {
        setStage(Stage::Canceled);
        Q_EMIT finished();
    }
}

void DraftSubmitter::reset() {
    cancel();
    m_error = {};
    m_resourceId.clear();
    m_operationStatus.clear();
}

bool DraftSubmitter::begin(const ArmError &requestError, const QString &noConnectionText) {
    if (requestError) {
        fail(requestError);
        return false;
    }
    if (!m_client) {
        fail(ArmError::make(ArmError::Kind::InvalidInput, noConnectionText));
        return false;
    }
    setStage(Stage::Running);
    return true;
}

void DraftSubmitter::put(const QString &path, const nlohmann::json &body, const QUrlQuery &query,
                         const std::function<void(ArmOperation *)> &then) {
    qCInfo(m_log) << "PUT" << path;
    follow(m_client->beginPut(path, body, query), then);
}

void DraftSubmitter::patch(const QString &path, const nlohmann::json &body, const QUrlQuery &query,
                           const std::function<void(ArmOperation *)> &then) {
    qCInfo(m_log) << "PATCH" << path;
    follow(m_client->beginPatch(path, body, query), then);
}

void DraftSubmitter::follow(ArmOperation *started, const std::function<void(ArmOperation *)> &then) {
    m_accepted = false;
    m_operationStatus.clear();
    m_operation = started;
    connect(m_operation, &ArmOperation::accepted, this, [this] { m_accepted = true; });
    connect(m_operation, &ArmOperation::statusChanged, this, &DraftSubmitter::setOperationStatus);
    connect(m_operation, &ArmOperation::finished, this, [this, then] {
        ArmOperation *operation = m_operation;
        if (!operation)
            return;
        m_operation = nullptr;
        operation->deleteLater();
        then(operation);
    });
}

void DraftSubmitter::get(const QString &path, const QUrlQuery &query,
                         const std::function<void(ArmReply *)> &then) {
    m_reply = m_client->get(path, query);
    connect(m_reply, &ArmReply::finished, this, [this, then] {
        ArmReply *reply = m_reply;
        if (!reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        then(reply);
    });
}

void DraftSubmitter::setOperationStatus(const QString &status) {
    m_operationStatus = status;
    Q_EMIT operationStatusChanged(status);
}

void DraftSubmitter::setStage(Stage stage) {
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void DraftSubmitter::fail(const ArmError &error) {
    m_error = error;
    qCWarning(m_log) << "failed:" << error.code << error.message << error.requestId;
    setStage(Stage::Failed);
    Q_EMIT finished();
}

void DraftSubmitter::succeed() {
    setStage(Stage::Succeeded);
    Q_EMIT finished();
}

} // namespace cmk
