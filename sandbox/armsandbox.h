#pragma once

// armsandbox: a local stand-in for Azure Resource Manager (and, later, Entra ID) speaking the wire format of
// the official specs. It shares no code with models/: the two are independent readings of the specs.

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

namespace armsandbox {

struct SandboxOptions {
    quint16 port = 0;                    ///< 0 picks a free port
    QString fixturePath;                 ///< empty: the embedded demo fixture (resources/demo-fixture.json)
    QString trafficDir;                  ///< when set, one oav live-traffic JSON file per exchange
    int pageSize = 100;                  ///< list pages are cut at this size and chained with nextLink
    bool authRequired = false;           ///< --auth required
    QString faults;                      ///< --faults SPEC (grammar in docs/sandbox.md)
    int featurePollsUntilRegistered = 3; ///< GETs of a Registering feature/provider before it is Registered
    bool featuresRegistered = false;     ///< every fixture feature starts Registered (--features-registered)
    int lroPollsUntilDone = 3;           ///< operation-status GETs before a PUT's LRO ends
    int retryAfterSeconds = 0;           ///< Retry-After sent on 201/202 (0 keeps tests fast)
    int tokenLifetimeSeconds = 3600;     ///< lifetime of the access tokens the identity endpoints issue
    int generateDes = 0;         ///< adds this many generated Disk Encryption Sets (paging tests, benchmarks)
    int generateDesRegions = 20; ///< ... spread over this many real regions (at most 20)
    QString generateDesSubscription; ///< ... in this subscription (empty: the fixture's first)
    QString generateFleet; ///< --generate-fleet SUBS:GALLERIES:IMAGES:VERSIONS[:SEED] (arm/fleet.h); empty: none
    int latencyMs = 0;       ///< --latency MS[:JITTER]: every answer waits this long, as a remote ARM's would
    int latencyJitterMs = 0; ///< ... plus a random 0..JITTER ms
    bool resourceGraph = true; ///< false (--no-resource-graph): Azure Resource Graph answers 404
    QString throttle;        ///< --throttle reads=N,writes=M[,refill=R]: ARM's request quotas; empty: none
    bool recordExchanges =
        true; ///< keep exchanges() in memory (benchmarks turn it off to measure the client)
};

/// One HTTP exchange as the sandbox saw it (oav live-traffic shape, tokens redacted).
struct Exchange {
    QJsonObject liveRequest;  ///< method, url, headers, body
    QJsonObject liveResponse; ///< statusCode, headers, body
};

class SandboxServer;

class Sandbox : public QObject {
    Q_OBJECT
public:
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    /// Loads the fixture and listens on 127.0.0.1 only. Returns false with a reason on failure.
    bool start(const SandboxOptions &options, QString *errorMessage = nullptr);
    void stop();
    quint16 port() const;
    QUrl baseUrl() const; ///< http://127.0.0.1:PORT

    /// Every exchange so far, oldest first (tests assert on what the server received).
    QList<Exchange> exchanges() const;
    void clearExchanges();
    /// Changes the fault spec at run time (tests switch faults on for one step).
    bool setFaults(const QString &spec, QString *errorMessage = nullptr);
    /// Direct access to a stored resource by id (case-insensitive), empty when absent.
    QJsonObject resource(const QString &id) const;
    /// Inserts or replaces a resource as GET will return it (keyed by its "id"); tests arrange data with it.
    void setResource(const QJsonObject &resource);
    /// Moves the sandbox's clock `seconds` ahead, as if that time had passed: tokens expire, and Resource
    /// Graph's quota window resets (the same clock as the identity service's advance-clock hook).
    void advanceClock(qint64 seconds);

Q_SIGNALS:
    void exchangeRecorded(int index);

private:
    std::unique_ptr<SandboxServer> m_server;
};

} // namespace armsandbox
