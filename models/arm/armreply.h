#pragma once

#include "arm/armerror.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <memory>
#include <nlohmann/json.hpp>

namespace cmk {

struct ArmRequestContext;
struct ArmResponse;
class ArmBodyParser;

/// One request/response. Always emits finished() exactly once (also on error and abort).
/// The caller owns it (parented to the client); deleteLater() it after finished(), like QNetworkReply.
/// A large body (a list page) is parsed on a worker thread, so finished() comes one event later.
class ArmReply : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ArmReply() override;
    bool isFinished() const { return m_finished; }
    int httpStatus() const { return m_status; }
    const ArmError &error() const { return m_error; }
    const nlohmann::json &json() const { return m_json; } ///< parsed body; null when empty
    QByteArray body() const { return m_body; }
    QString requestId() const { return m_requestId; }
    QByteArray rawHeader(const QByteArray &name) const;
public Q_SLOTS:
    void abort();
Q_SIGNALS:
    void finished();

private:
    friend class ArmClientPrivate;
    friend class ArmPager;
    friend class ArmOperation;
    /// Settles the reply on the answer the pipeline ended with: a typed error, or the parsed body.
    void complete(ArmResponse response, ArmBodyParser &parser);
    void finishWithBody(nlohmann::json parsed);
    void finish(const ArmError &error);
    /// `error` with the status, request id and correlation id of the answer this reply got.
    ArmError withIds(ArmError error) const;

    bool m_finished = false;
    int m_status = 0;
    ArmError m_error;
    nlohmann::json m_json;
    QByteArray m_body;
    QString m_requestId;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::shared_ptr<ArmRequestContext> m_request; ///< what was sent, and the state of its attempts
};

} // namespace cmk
