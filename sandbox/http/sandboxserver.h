#pragma once

// HTTP side of the sandbox. QAbstractHttpServer parses requests; responses are written straight on the socket
// (HTTP/1.1, Content-Length on every response so keep-alive works) so faults can delay, truncate, drop or
// reset.

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "arg/resourcegraphapi.h"
#include "armsandbox.h"
#include "http/faults.h"
#include "http/throttle.h"
#include "identity/identity.h"

#include <QAbstractHttpServer>
#include <QDir>
#include <QPointer>
#include <QTcpSocket>

namespace armsandbox {

class SandboxServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxOptions &options, QObject *parent = nullptr);
    ~SandboxServer() override;

    bool start(QString *errorMessage);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    ArmStore &store() { return m_store; }
    IdentityService &identity() { return m_identity; }

    QList<Exchange> exchanges() const { return m_exchanges; }
    void clearExchanges() { m_exchanges.clear(); }
    bool setFaults(const QString &spec, QString *errorMessage);

Q_SIGNALS:
    void exchangeRecorded(int index);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    /// The API's answer to a request no fault stopped: a repeated query key's 400, the throttle's 429, or
    /// dispatch()'s answer (with the throttle's quota headers).
    ApiResponse answer(const ApiRequest &request, const QString &repeatedKey);
    ApiResponse dispatch(const ApiRequest &request);
    std::optional<ApiResponse> checkBearer(const ApiRequest &request) const;
    void respond(const ApiRequest &request, const QPointer<QTcpSocket> &socket, ApiResponse response,
                 FaultDecision fault);
    void record(const ApiRequest &request, int status, const HeaderList &headers, const QByteArray &body);

    SandboxOptions m_options;
    ArmStore m_store;
    ArmApi m_api;
    IdentityService m_identity;
    ResourceGraphApi m_resourceGraph{m_store, m_options, [this] { return m_identity.nowMs(); }};
    FaultPlan m_faults;
    ArmThrottle m_throttle{[this] { return m_identity.nowMs(); }};
    quint16 m_port = 0;
    QList<Exchange> m_exchanges;
    int m_trafficCounter = 0;
    QDir m_trafficDir;
};

} // namespace armsandbox
