#include "arm/armreply.h"

#include "arm/armbodyparser.h"
#include "arm/armpipeline.h"

#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace cmk {

ArmReply::~ArmReply() = default;

QByteArray ArmReply::rawHeader(const QByteArray &name) const {
    return headerValue(m_headers, name);
}

void ArmReply::abort() {
    if (m_finished)
        return;
    if (m_request) {
        m_request->aborted = true;
        if (m_request->retryTimer) {
            m_request->retryTimer->stop();
            m_request->retryTimer->deleteLater();
        }
        if (m_request->transfer)
            m_request->transfer->abort(); // its finished() comes back through the pipeline, as Aborted
    }
    finish(ArmError::make(ArmError::Kind::Aborted, {}));
}

void ArmReply::finish(const ArmError &error) {
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}

ArmError ArmReply::withIds(ArmError error) const {
    if (!error.httpStatus)
        error.httpStatus = m_status;
    error.requestId = m_requestId;
    // The server's correlation id, else the one this client sent (what support can search for).
    const QByteArray correlationId = rawHeader("x-ms-correlation-request-id");
    error.correlationRequestId =
        QString::fromLatin1(correlationId.isEmpty() && m_request ? m_request->correlationId : correlationId);
    return error;
}

void ArmReply::complete(ArmResponse response, ArmBodyParser &parser) {
    if (m_finished)
        return;
    if (m_request && m_request->aborted) {
        finish(ArmError::make(ArmError::Kind::Aborted, {}));
        return;
    }
    m_status = response.status;
    m_headers = std::move(response.headers);
    m_requestId = QString::fromLatin1(rawHeader("x-ms-request-id"));
    m_body = std::move(response.body);
    m_json = nullptr;
    if (response.failure) {
        finish(withIds(response.failure));
        return;
    }
    if (m_status >= 300) {
        ArmError error = ArmError::fromHttpResponse(
            m_status, m_body, m_requestId, QString::fromLatin1(rawHeader("x-ms-correlation-request-id")));
        if (m_status == 401)
            error.kind = ArmError::Kind::Authentication; // after the token policy's one refresh
        finish(error);
        return;
    }
    if (m_body.trimmed().isEmpty()) {
        finish({});
        return;
    }
    parser.parse(m_body, [guard = QPointer<ArmReply>(this)](nlohmann::json parsed) {
        if (guard)
            guard->finishWithBody(std::move(parsed));
    });
}

void ArmReply::finishWithBody(nlohmann::json parsed) {
    if (m_finished)
        return;
    if (parsed.is_discarded()) {
        // A sign-in page from a proxy or a captive portal says what it is in its content type.
        const QByteArray contentType = rawHeader("content-type").trimmed();
        const bool saysNotJson = !contentType.isEmpty() && !contentType.toLower().contains("json");
        const QString message =
            saysNotJson ? QCoreApplication::translate(
                              "ArmClient", "The server answered with “%1” content instead of JSON.")
                              .arg(QString::fromLatin1(contentType.left(100)))
                        : QCoreApplication::translate("ArmClient", "The response body is not valid JSON.");
        finish(withIds(ArmError::make(ArmError::Kind::MalformedResponse, message)));
        return;
    }
    m_json = std::move(parsed);
    finish({});
}

} // namespace cmk
