#include "arm/armoperation.h"

#include "arm/armclient_p.h"
#include "arm/armlog.h"
#include "arm/armpipeline.h"
#include "arm/armreply.h"

#include <QTimer>

namespace cmk {

namespace {

/// Failed status polls in a row that end an operation (see ArmOperation::pollAgainAfter()).
constexpr int MaxConsecutivePollFailures = 3;

bool is(const QString &status, const char *expected) {
    return status.compare(QLatin1String(expected), Qt::CaseInsensitive) == 0;
}

bool isCanceled(const QString &status) {
    return is(status, "Canceled") || is(status, "Cancelled");
}

bool isTerminal(const QString &status) {
    return is(status, "Succeeded") || is(status, "Failed") || isCanceled(status);
}

QString provisioningStateOf(const nlohmann::json &resource) {
    if (!resource.is_object())
        return {};
    const auto properties = resource.find("properties");
    if (properties == resource.end() || !properties->is_object())
        return {};
    const auto state = properties->find("provisioningState");
    if (state == properties->end() || !state->is_string())
        return {};
    return QString::fromStdString(state->get<std::string>());
}

ArmError failedProvisioningError() {
    return ArmError::make(
        ArmError::Kind::OperationFailed,
        QCoreApplication::translate("ArmClient", "The resource ended in the Failed provisioning state."));
}

} // namespace

// ---- start and end ---------------------------------------------------------------------------------------

void ArmOperation::start(ArmClientPrivate *client, const QByteArray &method, const QUrl &resourceUrl,
                         const QByteArray &body) {
    m_client = client;
    m_isPut = method == "PUT" || method == "PATCH"; // both end with the resource as it now is
    m_resourceUrl = resourceUrl;
    m_current =
        m_client->sendFor(this, method, resourceUrl, body, [this](ArmReply *reply) { onInitial(reply); });
}

void ArmOperation::abort() {
    if (m_finished)
        return;
    m_aborted = true;
    if (auto *reply = qobject_cast<ArmReply *>(m_current.data()))
        reply->abort(); // its finished() ends this operation as Aborted
    finish(ArmError::make(ArmError::Kind::Aborted, {}));
}

void ArmOperation::finish(const ArmError &error) {
    if (m_finished)
        return;
    if (auto *timer = qobject_cast<QTimer *>(m_current.data())) {
        timer->stop();
        timer->deleteLater();
    }
    m_current = nullptr;
    m_finished = true;
    m_error = error;
    qCDebug(lcArmLro) << urlForLog(m_resourceUrl) << "finished" << m_status
                      << (error ? error.toDisplayString() : QString());
    Q_EMIT finished();
}

void ArmOperation::finishLater(const ArmError &error) {
    // Queued, so the caller can connect to finished() first, as with a real request.
    QMetaObject::invokeMethod(
        this, [this, error] { finish(error); }, Qt::QueuedConnection);
}

void ArmOperation::setStatus(const QString &status) {
    if (status.isEmpty() || status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

// ---- the initial answer ----------------------------------------------------------------------------------

void ArmOperation::onInitial(ArmReply *reply) {
    m_current = nullptr;
    if (m_finished)
        return;
    m_requestId = reply->requestId();
    // An answer cut after its headers still says the operation runs and where to follow it; its body is not
    // needed (the resource is read again at the end).
    const bool acceptedButCut =
        reply->error().kind == ArmError::Kind::Network && reply->httpStatus() >= 200 &&
        reply->httpStatus() < 300 &&
        (!reply->rawHeader("Azure-AsyncOperation").isEmpty() || !reply->rawHeader("Location").isEmpty());
    if (reply->error() && !acceptedButCut) {
        finish(reply->error());
        return;
    }
    if (m_isPut && reply->json().is_object())
        m_resource = reply->json();
    QPointer<ArmOperation> guard(this);
    Q_EMIT accepted(reply->json());
    if (!guard || m_finished)
        return;
    if (m_aborted) {
        finish(ArmError::make(ArmError::Kind::Aborted, {}));
        return;
    }
    if (!chooseMode(reply))
        return;
    const QString state = provisioningStateOf(reply->json());
    setStatus(state.isEmpty() || isTerminal(state) ? QStringLiteral("InProgress") : state);
    if (!m_finished)
        schedulePoll(retryAfterMs(reply->m_headers));
}

bool ArmOperation::chooseMode(ArmReply *reply) {
    const QByteArray asyncOperation = reply->rawHeader("Azure-AsyncOperation").trimmed();
    const QByteArray location = reply->rawHeader("Location").trimmed();
    const QString state = provisioningStateOf(reply->json());
    ArmError error;
    if (!asyncOperation.isEmpty()) {
        m_mode = Mode::AsyncOperation;
        m_pollUrl = m_client->followableUrl(asyncOperation, &error);
    } else if (!location.isEmpty()) {
        m_mode = Mode::Location;
        m_pollUrl = m_client->followableUrl(location, &error);
    } else if (reply->httpStatus() == 202) {
        error = ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate("ArmClient",
                                        "The request was accepted but the server gave no way to follow it."));
    } else if (m_isPut && !state.isEmpty() && !isTerminal(state)) {
        // 200/201 without headers while provisioning: follow the resource's own provisioningState.
        m_mode = Mode::ResourceState;
        m_pollUrl = m_resourceUrl;
    } else {
        finishAtOnce(state);
        return false;
    }
    if (error) {
        error.requestId = m_requestId;
        finish(error);
        return false;
    }
    return true;
}

void ArmOperation::finishAtOnce(const QString &provisioningState) {
    // Done at once (typically 200 with a terminal provisioningState, or a 204 DELETE).
    const QString final = provisioningState.isEmpty() ? QStringLiteral("Succeeded") : provisioningState;
    setStatus(final);
    ArmError error;
    if (is(final, "Failed"))
        error = failedProvisioningError();
    else if (isCanceled(final))
        error = ArmError::make(ArmError::Kind::OperationCanceled, {});
    error.requestId = m_requestId;
    finish(error.isError() ? error : ArmError());
}

// ---- polling ---------------------------------------------------------------------------------------------

void ArmOperation::schedulePoll(qint64 serverDelayMs) {
    const ArmClientConfig &config = m_client->config;
    const qint64 delay =
        serverDelayMs >= 0 ? qMin<qint64>(serverDelayMs, config.retry.maxDelayMs) : config.pollIntervalMs;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, timer] {
        timer->deleteLater();
        m_current = nullptr;
        poll();
    });
    m_current = timer;
    timer->start(int(delay));
}

void ArmOperation::poll() {
    if (m_finished)
        return;
    m_current = m_client->sendFor(this, "GET", m_pollUrl, {}, [this](ArmReply *reply) { onPoll(reply); });
}

void ArmOperation::onPoll(ArmReply *reply) {
    m_current = nullptr;
    if (m_finished)
        return;
    if (m_aborted) {
        finish(ArmError::make(ArmError::Kind::Aborted, {}));
        return;
    }
    const qint64 serverDelayMs = retryAfterMs(reply->m_headers);
    if (const ArmError problem = pollProblem(reply)) {
        if (!pollAgainAfter(problem, serverDelayMs))
            failPoll(problem, reply);
        return;
    }
    m_pollFailures = 0;
    switch (m_mode) {
    case Mode::AsyncOperation:
        onOperationStatus(reply, serverDelayMs);
        return;
    case Mode::Location:
        onLocationAnswer(reply, serverDelayMs);
        return;
    case Mode::ResourceState:
        onResourceState(reply, serverDelayMs);
        return;
    }
}

ArmError ArmOperation::pollProblem(const ArmReply *reply) const {
    if (reply->error())
        return reply->error();
    const nlohmann::json &body = reply->json();
    if (m_mode != Mode::AsyncOperation)
        return {};
    const auto status = body.is_object() ? body.find("status") : body.end();
    if (!body.is_object() || status == body.end() || !status->is_string())
        return ArmError::make(
            ArmError::Kind::MalformedResponse,
            QCoreApplication::translate("ArmClient", "The operation status has no “status” field."));
    return {};
}

/// The one rule for a status poll that failed, in every mode. A status poll is safe to repeat: an answer
/// lost, cut or garbled after the poll's own retries (connection, timeout, malformed body, transient status)
/// is not the operation's outcome (it goes on in Azure), so polling goes on; only
/// MaxConsecutivePollFailures of them in a row end it. Any other failure ends it at once.
bool ArmOperation::pollAgainAfter(const ArmError &problem, qint64 serverDelayMs) {
    const bool transient = problem.kind == ArmError::Kind::Network ||
                           problem.kind == ArmError::Kind::Timeout ||
                           problem.kind == ArmError::Kind::MalformedResponse ||
                           (problem.kind == ArmError::Kind::Http && isTransientStatus(problem.httpStatus));
    if (!transient || ++m_pollFailures >= MaxConsecutivePollFailures)
        return false;
    qCInfo(lcArmLro) << urlForLog(m_resourceUrl)
                     << "status poll failed, polling again:" << problem.toDisplayString();
    schedulePoll(serverDelayMs);
    return true;
}

void ArmOperation::failPoll(ArmError problem, const ArmReply *reply) {
    if (problem.requestId.isEmpty())
        problem.requestId = reply->requestId();
    if (m_mode == Mode::Location) {
        // An error status on the Location URL is the operation's own failure (async-api-reference).
        if (problem.kind == ArmError::Kind::Http)
            problem.kind = ArmError::Kind::OperationFailed;
        setStatus(QStringLiteral("Failed"));
    }
    finish(problem);
}

void ArmOperation::onOperationStatus(const ArmReply *reply, qint64 serverDelayMs) {
    const nlohmann::json &body = reply->json();
    const QString state = QString::fromStdString(body.at("status").get<std::string>());
    setStatus(state);
    if (m_finished)
        return;
    if (is(state, "Succeeded")) {
        succeed();
    } else if (is(state, "Failed") || isCanceled(state)) {
        const auto errorObject = body.find("error");
        ArmError error;
        if (errorObject != body.end() && errorObject->is_object())
            error = ArmError::fromHttpResponse(reply->httpStatus(),
                                               QByteArray::fromStdString(errorObject->dump()));
        error.kind =
            is(state, "Failed") ? ArmError::Kind::OperationFailed : ArmError::Kind::OperationCanceled;
        error.requestId = m_requestId;
        error.correlationRequestId = QString::fromLatin1(reply->rawHeader("x-ms-correlation-request-id"));
        finish(error);
    } else {
        schedulePoll(serverDelayMs);
    }
}

void ArmOperation::onLocationAnswer(const ArmReply *reply, qint64 serverDelayMs) {
    if (reply->httpStatus() == 202) {
        setStatus(QStringLiteral("InProgress"));
        if (!m_finished)
            schedulePoll(serverDelayMs);
        return;
    }
    setStatus(QStringLiteral("Succeeded"));
    if (!m_finished)
        succeed();
}

void ArmOperation::onResourceState(const ArmReply *reply, qint64 serverDelayMs) {
    m_resource = reply->json();
    const QString state = provisioningStateOf(m_resource);
    setStatus(state.isEmpty() ? QStringLiteral("Succeeded") : state);
    if (m_finished)
        return;
    ArmError error;
    if (state.isEmpty() || is(state, "Succeeded")) {
        finish({});
        return;
    }
    if (is(state, "Failed"))
        error = failedProvisioningError();
    else if (isCanceled(state))
        error = ArmError::make(ArmError::Kind::OperationCanceled, {});
    if (!error) {
        schedulePoll(serverDelayMs);
        return;
    }
    error.requestId = reply->requestId();
    finish(error);
}

// ---- success ---------------------------------------------------------------------------------------------

void ArmOperation::succeed() {
    if (m_isPut)
        fetchFinalResource();
    else
        finish({});
}

void ArmOperation::fetchFinalResource() {
    m_current = m_client->sendFor(this, "GET", m_resourceUrl, {}, [this](ArmReply *reply) {
        m_current = nullptr;
        if (m_finished)
            return;
        if (!reply->error())
            m_resource = reply->json();
        finish(reply->error());
    });
}

} // namespace cmk
