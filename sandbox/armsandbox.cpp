#include "armsandbox.h"

#include "http/sandboxserver.h"

namespace armsandbox {

Sandbox::Sandbox(QObject *parent)
    : QObject(parent) {}

Sandbox::~Sandbox() {
    stop();
}

bool Sandbox::start(const SandboxOptions &options, QString *errorMessage) {
    stop();
    auto server = std::make_unique<SandboxServer>(options);
    connect(server.get(), &SandboxServer::exchangeRecorded, this, &Sandbox::exchangeRecorded);
    if (!server->start(errorMessage))
        return false;
    m_server = std::move(server);
    return true;
}

void Sandbox::stop() {
    m_server.reset();
}

quint16 Sandbox::port() const {
    return m_server ? m_server->port() : 0;
}

QUrl Sandbox::baseUrl() const {
    return m_server ? m_server->baseUrl() : QUrl();
}

QList<Exchange> Sandbox::exchanges() const {
    return m_server ? m_server->exchanges() : QList<Exchange>();
}

void Sandbox::clearExchanges() {
    if (m_server)
        m_server->clearExchanges();
}

bool Sandbox::setFaults(const QString &spec, QString *errorMessage) {
    if (!m_server) {
        FaultPlan plan; // still validate, so callers learn about a bad spec early
        return plan.parse(spec, errorMessage);
    }
    return m_server->setFaults(spec, errorMessage);
}

QJsonObject Sandbox::resource(const QString &id) const {
    return m_server ? m_server->store().resource(id) : QJsonObject();
}

void Sandbox::setResource(const QJsonObject &resource) {
    if (m_server)
        m_server->store().put(resource);
}

void Sandbox::advanceClock(qint64 seconds) {
    if (m_server)
        m_server->identity().advanceClock(seconds);
}

} // namespace armsandbox
