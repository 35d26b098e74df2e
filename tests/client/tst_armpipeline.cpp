// ArmClient's pipeline of policies (models/arm/armpipeline.h) seen from the wire, against a real in-process
// armsandbox with fault injection: request ids kept across retries, the token only to the endpoint and one
// refresh per request inside the retries, each policy failing a request the way it should, and the one
// poll-retry rule of long-running operations in all three ways of following them. The sandbox announces its
// operations with Azure-AsyncOperation; a small relay in front of it presents the same operations the
// Location way (202 until done) and the resource-state way (no header, provisioningState read again).

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "arm/resources.h"
#include "armsandbox.h"
#include "auth/tokenprovider.h"
#include "support/armwait.h"
#include "support/rawhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QtTest>

using namespace cmk;
using nlohmann::json;

namespace {

const QString Sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");
const QString NewVersion = QStringLiteral("1.2.0");
/// Status polls the sandbox answers before an image version operation ends (--lro-polls).
constexpr int PollsUntilDone = 3;

using cmktest::headerValue;
using cmktest::RawHeaders;
using cmktest::RawRequest;
using cmktest::waitFinished;

void removeHeader(RawHeaders &headers, const QByteArray &name) {
    headers.removeIf(
        [&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

/// Path and query of an absolute URL.
QByteArray targetOf(const QByteArray &url) {
    const QUrl parsed = QUrl::fromEncoded(url);
    return parsed.path(QUrl::FullyEncoded).toLatin1() +
           (parsed.hasQuery() ? "?" + parsed.query(QUrl::FullyEncoded).toLatin1() : QByteArray());
}

/// A reverse proxy in front of a real armsandbox: each request is forwarded over HTTP on a fresh connection,
/// and a test can change the answer on its way back (`handler`). A connection failure on the sandbox side
/// becomes the same one on the client side (reset, or cut in the body); a request the sandbox never answers
/// is never answered.
class SandboxRelay {
public:
    struct Answer {
        int status = 0; ///< 0: the sandbox's connection failed before an answer
        RawHeaders headers;
        QByteArray body;
        bool cut = false; ///< the sandbox's connection closed in the middle of the body
    };
    using Respond = std::function<void(const Answer &)>;

    /// How a request is answered: forwarded as it is unless a test says otherwise.
    std::function<void(const RawRequest &, const Respond &)> handler =
        [this](const RawRequest &request, const Respond &respond) { forward(request, respond); };

    explicit SandboxRelay(const QUrl &sandbox)
        : m_sandbox(sandbox) {
        m_server.setHandler([this](cmktest::RawHttpServer *, QTcpSocket *socket, const RawRequest &request) {
            handler(request, [socket = QPointer<QTcpSocket>(socket)](const Answer &answer) {
                if (socket)
                    write(socket, answer);
            });
        });
    }
    bool listen() { return m_server.listen(); }
    QUrl url() const { return m_server.base(); }

    void forward(const RawRequest &request, const Respond &respond) {
        QNetworkRequest outgoing(QUrl::fromEncoded(m_sandbox.toEncoded() + request.target));
        outgoing.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                              QNetworkRequest::ManualRedirectPolicy);
        for (const auto &header : request.headers) {
            const QByteArray name = header.first.toLower();
            if (name != "host" && name != "content-length" && name != "connection" &&
                name != "accept-encoding")
                outgoing.setRawHeader(header.first, header.second);
        }
        outgoing.setRawHeader("Connection", "close"); // one request per connection, as the client's
        QNetworkReply *reply = m_network.sendCustomRequest(outgoing, request.method, request.body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, respond] {
            reply->deleteLater();
            Answer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.headers = reply->rawHeaderPairs();
            answer.body = reply->readAll();
            answer.cut = reply->error() >= QNetworkReply::ConnectionRefusedError &&
                         reply->error() <= QNetworkReply::UnknownNetworkError;
            respond(answer);
        });
    }

private:
    static void write(QTcpSocket *socket, Answer answer) {
        if (answer.status == 0) {
            socket->abort();
            return;
        }
        // A cut answer is cut the same way here: the length announced, part of the body, the end.
        const qint64 length =
            answer.cut ? headerValue(answer.headers, "content-length").toLongLong() : answer.body.size();
        const QByteArray contentType = headerValue(answer.headers, "content-type");
        for (const char *name :
             {"content-type", "content-length", "connection", "transfer-encoding", "content-encoding"})
            removeHeader(answer.headers, name);
        socket->write(cmktest::RawHttpServer::head(answer.status, contentType, length, answer.headers));
        socket->write(answer.body);
        socket->disconnectFromHost();
    }

    QUrl m_sandbox;
    cmktest::RawHttpServer m_server;
    QNetworkAccessManager m_network;
};

/// Tokens whose refresh the test decides; counts what the pipeline asks of it.
class ScriptedTokens : public TokenProvider {
public:
    QStringList tokens{QStringLiteral("token-before-refresh"), QStringLiteral("token-after-refresh")};
    bool refreshWorks = true;
    int refreshes = 0;
    QString accessToken() const override { return tokens.value(qMin(refreshes, 1)); }
    void refreshAfterUnauthorized(const std::function<void(bool)> &done) override {
        ++refreshes;
        QTimer::singleShot(0, [done, ok = refreshWorks] { done(ok); }); // later, as over the network
    }
};

QString imageVersionPath(const QString &version) {
    return galleryImageVersionPath(Sub, QStringLiteral("rg-images-prod"), QStringLiteral("galContosoProd"),
                                   QStringLiteral("ubuntu-22-04-gen2"), version)
        .path();
}

QString requestHeader(const armsandbox::Exchange &exchange, const QString &name) {
    return exchange.liveRequest.value(QLatin1String("headers")).toObject().value(name).toString();
}

enum class LroStyle { AsyncOperation, Location, ResourceState };

/// One long-running PUT of an image version, followed the way `style` says.
struct LroRun {
    std::unique_ptr<armsandbox::Sandbox> sandbox;
    std::unique_ptr<SandboxRelay> relay;
    std::unique_ptr<ArmClient> client;
    QString pollPath;  ///< part of the URL of every status poll
    QString faultPath; ///< what the sandbox's fault rules match for a poll
    int pollsSent = 0;
};

/// Location style: the operation URL answers 202 while it runs, 200 when it succeeded, 400 with the error
/// when it failed; a garbled answer goes through as it is.
void presentAsLocation(SandboxRelay *relay) {
    relay->handler = [relay](const RawRequest &request, const SandboxRelay::Respond &respond) {
        relay->forward(request, [relay, request, respond](SandboxRelay::Answer answer) {
            const QByteArray operation = headerValue(answer.headers, "Azure-AsyncOperation");
            if (!operation.isEmpty()) {
                removeHeader(answer.headers, "Azure-AsyncOperation");
                answer.headers.append({"Location", relay->url().toEncoded() + targetOf(operation)});
            } else if (request.target.contains("/capsOperations/") && answer.status == 200) {
                const QJsonObject status = QJsonDocument::fromJson(answer.body).object();
                const QString state = status.value(QLatin1String("status")).toString();
                if (state == QLatin1String("InProgress") || state == QLatin1String("Succeeded")) {
                    answer.status = state == QLatin1String("Succeeded") ? 200 : 202;
                    answer.body.clear();
                } else if (state == QLatin1String("Failed")) {
                    answer.status = 400;
                    answer.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), status.value("error")}})
                                      .toJson(QJsonDocument::Compact);
                }
            }
            respond(answer);
        });
    };
}

/// Resource-state style: the PUT's answer has no Azure-AsyncOperation, and the service moves one step on
/// after each good read of the resource (the relay polls the real operation then), so the resource reads
/// Creating until the operation is done.
void presentAsResourceState(SandboxRelay *relay) {
    auto statusTarget = std::make_shared<QByteArray>();
    relay->handler = [relay, statusTarget](const RawRequest &request, const SandboxRelay::Respond &respond) {
        relay->forward(request, [relay, request, respond, statusTarget](SandboxRelay::Answer answer) {
            const QByteArray operation = headerValue(answer.headers, "Azure-AsyncOperation");
            if (!operation.isEmpty()) {
                *statusTarget = targetOf(operation);
                removeHeader(answer.headers, "Azure-AsyncOperation");
            }
            const bool goodRead = request.method == "GET" && request.target.contains("/versions/1.2.0") &&
                                  answer.status == 200 && QJsonDocument::fromJson(answer.body).isObject();
            if (!goodRead || statusTarget->isEmpty()) {
                respond(answer);
                return;
            }
            relay->forward({"GET", *statusTarget, {}, {}},
                           [respond, answer](const SandboxRelay::Answer &) { respond(answer); });
        });
    };
}

} // namespace

class TestArmPipeline : public QObject {
    Q_OBJECT

private:
    static std::unique_ptr<armsandbox::Sandbox> startSandbox(const armsandbox::SandboxOptions &options = {}) {
        auto sandbox = std::make_unique<armsandbox::Sandbox>();
        QString why;
        if (!sandbox->start(options, &why))
            qFatal("sandbox did not start: %s", qPrintable(why));
        return sandbox;
    }
    static std::unique_ptr<ArmClient> clientFor(const QUrl &endpoint, int maxTries = 4) {
        auto client = std::make_unique<ArmClient>();
        client->setEndpoint(endpoint);
        client->setDefaultPollIntervalMs(5);
        RetryPolicy policy;
        policy.maxTries = maxTries;
        policy.baseDelayMs = 5;
        policy.maxDelayMs = 50;
        client->setRetryPolicy(policy);
        return client;
    }
    /// Counts the GET attempts the client sends to URLs whose path contains `pathPart`.
    static void countGets(ArmClient *client, int *counter, const QString &pathPart) {
        connect(client, &ArmClient::requestSent, client,
                [counter, pathPart](const QByteArray &method, const QUrl &url) {
                    if (method == "GET" && url.path().contains(pathPart, Qt::CaseInsensitive))
                        ++*counter;
                });
    }
    /// A sandbox (behind a relay for the Location and resource-state styles) and a client whose requests get
    /// one try each, so a failed poll reaches the operation's poll-retry rule at once.
    static void startLro(LroRun &run, LroStyle style, int pollsUntilDone = PollsUntilDone) {
        armsandbox::SandboxOptions options;
        options.featuresRegistered = true;
        options.lroPollsUntilDone = pollsUntilDone;
        run.sandbox = startSandbox(options);
        QUrl endpoint = run.sandbox->baseUrl();
        run.pollPath = run.faultPath = QStringLiteral("/capsOperations/");
        if (style != LroStyle::AsyncOperation) {
            run.relay = std::make_unique<SandboxRelay>(run.sandbox->baseUrl());
            if (!run.relay->listen())
                qFatal("relay did not start");
            endpoint = run.relay->url();
            if (style == LroStyle::Location)
                presentAsLocation(run.relay.get());
            else
                presentAsResourceState(run.relay.get());
        }
        if (style == LroStyle::ResourceState)
            run.pollPath = run.faultPath = QStringLiteral("/versions/") + NewVersion;
        run.client = clientFor(endpoint, 1);
        run.client->setRequestTimeoutMs(400);
        countGets(run.client.get(), &run.pollsSent, run.pollPath);
    }
    /// Starts the PUT of a new version made from an existing one (what the models parsed from the service).
    static ArmOperation *beginVersionPut(ArmClient &client) {
        std::unique_ptr<ArmReply> existing(client.get(imageVersionPath(QStringLiteral("1.1.0"))));
        if (!waitFinished(existing.get()) || existing->error())
            qFatal("the existing version could not be read");
        GalleryImageVersion version;
        if (parseResource(existing->json(), version))
            qFatal("the existing version could not be parsed");
        return client.beginPut(imageVersionPath(NewVersion), json(version));
    }

private Q_SLOTS:
    void failedPollIsPolledAgainInEveryMode_data();
    void failedPollIsPolledAgainInEveryMode();
    void pollFailuresInARowEndTheOperation_data();
    void pollFailuresInARowEndTheOperation();
    void requestIdsStayTheSameAcrossRetries();
    void tokenRefreshIsOncePerRequestInsideTheRetries();
    void attemptAfterARefreshIsNotARetry();
    void tokenGoesOnlyToTheEndpoint();
    void retryPolicyGivesUpWithTheLastAnswer();
    void tokenPolicyFailsWhenTheRefreshFails();
    void transportPolicyFailures_data();
    void transportPolicyFailures();
    void abortedRetryNeverLeaves();
    void logsNeverCarryTheToken();
    void largePagesArriveWhole();
    void moreThanSixRequestsAreOnTheWireOverHttp1();
};

// ---- the poll-retry rule ---------------------------------------------------------------------------------

void TestArmPipeline::failedPollIsPolledAgainInEveryMode_data() {
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("polls");
    constexpr int Failed = 2;
    const QList<QPair<const char *, LroStyle>> styles{{"Azure-AsyncOperation", LroStyle::AsyncOperation},
                                                      {"Location", LroStyle::Location},
                                                      {"resource state", LroStyle::ResourceState}};
    for (const auto &style : styles) {
        // The polls the client sends: the failed ones, then those the operation needs. The sandbox's
        // operation moves on at each status poll it answers; the resource-state relay moves it after each
        // good read of the resource, so seeing it done takes one read more.
        const int needed = style.second == LroStyle::ResourceState ? PollsUntilDone + 1 : PollsUntilDone;
        for (const char *fault : {"status=503", "status=500", "hang", "malformed"})
            QTest::addRow("%s, %s", style.first, fault)
                << int(style.second) << QString::fromLatin1(fault) << Failed + needed;
        // A connection cut in the middle of the answer: the sandbox did answer a status poll, so the
        // failed polls moved the operation on too.
        QTest::addRow("%s, truncate", style.first)
            << int(style.second) << QStringLiteral("truncate")
            << (style.second == LroStyle::ResourceState ? Failed + needed : PollsUntilDone);
    }
}

void TestArmPipeline::failedPollIsPolledAgainInEveryMode() {
    QFETCH(int, style);
    QFETCH(QString, fault);
    QFETCH(int, polls);
    LroRun run;
    startLro(run, LroStyle(style), PollsUntilDone);
    // The two first polls fail (one try each): the most the rule lets pass in a row.
    QVERIFY(run.sandbox->setFaults(fault + QStringLiteral(":first=2:method=GET:path=") + run.faultPath));
    QStringList statuses;
    ArmOperation *operation = beginVersionPut(*run.client);
    connect(operation, &ArmOperation::statusChanged, this,
            [&](const QString &status) { statuses << status; });
    QVERIFY(waitFinished(operation));
    QVERIFY2(!operation->error(), qPrintable(operation->error().toDisplayString()));
    QCOMPARE(operation->status(), QStringLiteral("Succeeded"));
    QCOMPARE(statuses.last(), QStringLiteral("Succeeded"));
    QVERIFY(!statuses.contains(QStringLiteral("Failed")));
    QCOMPARE(run.pollsSent, polls);
    json resource = operation->resource();
    QCOMPARE(QString::fromStdString(resource.at("name").get<std::string>()), NewVersion);
    QCOMPARE(QString::fromStdString(resource.at("properties").at("provisioningState").get<std::string>()),
             QStringLiteral("Succeeded"));
}

void TestArmPipeline::pollFailuresInARowEndTheOperation_data() {
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("polls");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    using Kind = ArmError::Kind;
    // Transient: three failed polls in a row end it. Anything else ends it at the first one. On the Location
    // URL an error status is the operation's own failure.
    QTest::newRow("Azure-AsyncOperation, 503 every time")
        << int(LroStyle::AsyncOperation) << "status=503" << 3 << int(Kind::Http) << 503;
    QTest::newRow("Location, 503 every time")
        << int(LroStyle::Location) << "status=503" << 3 << int(Kind::OperationFailed) << 503;
    QTest::newRow("resource state, 503 every time")
        << int(LroStyle::ResourceState) << "status=503" << 3 << int(Kind::Http) << 503;
    QTest::newRow("Azure-AsyncOperation, reset every time")
        << int(LroStyle::AsyncOperation) << "reset" << 3 << int(Kind::Network) << 0;
    QTest::newRow("Location, reset every time")
        << int(LroStyle::Location) << "reset" << 3 << int(Kind::Network) << 0;
    QTest::newRow("resource state, reset every time")
        << int(LroStyle::ResourceState) << "reset" << 3 << int(Kind::Network) << 0;
    QTest::newRow("Azure-AsyncOperation, 404")
        << int(LroStyle::AsyncOperation) << "status=404" << 1 << int(Kind::Http) << 404;
    QTest::newRow("Location, 404") << int(LroStyle::Location) << "status=404" << 1
                                   << int(Kind::OperationFailed) << 404;
    QTest::newRow("resource state, 404")
        << int(LroStyle::ResourceState) << "status=404" << 1 << int(Kind::Http) << 404;
}

void TestArmPipeline::pollFailuresInARowEndTheOperation() {
    QFETCH(int, style);
    QFETCH(QString, fault);
    QFETCH(int, polls);
    QFETCH(int, kind);
    QFETCH(int, status);
    LroRun run;
    startLro(run, LroStyle(style), PollsUntilDone);
    QVERIFY(run.sandbox->setFaults(fault + QStringLiteral(":method=GET:path=") + run.faultPath));
    ArmOperation *operation = beginVersionPut(*run.client);
    QVERIFY(waitFinished(operation));
    QCOMPARE(int(operation->error().kind), kind);
    QCOMPARE(operation->error().httpStatus, status);
    QCOMPARE(run.pollsSent, polls);
    if (status)
        QVERIFY(!operation->error().requestId.isEmpty());
}

// ---- policy order, from the wire -------------------------------------------------------------------------

void TestArmPipeline::requestIdsStayTheSameAcrossRetries() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QVERIFY(sandbox->setFaults(QStringLiteral("status=503:first=2")));
    std::unique_ptr<ArmReply> reply(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
    std::unique_ptr<ArmReply> next(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(next.get()));

    const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
    QCOMPARE(exchanges.size(), 4);
    const QString clientRequestId =
        requestHeader(exchanges.first(), QStringLiteral("x-ms-client-request-id"));
    const QString correlationId =
        requestHeader(exchanges.first(), QStringLiteral("x-ms-correlation-request-id"));
    QVERIFY(!clientRequestId.isEmpty());
    QVERIFY(!correlationId.isEmpty());
    QVERIFY(clientRequestId != correlationId);
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(requestHeader(exchanges.at(i), QStringLiteral("x-ms-client-request-id")), clientRequestId);
        QCOMPARE(requestHeader(exchanges.at(i), QStringLiteral("x-ms-correlation-request-id")),
                 correlationId);
    }
    // Another request, other ids.
    QVERIFY(requestHeader(exchanges.last(), QStringLiteral("x-ms-client-request-id")) != clientRequestId);
    QVERIFY(requestHeader(exchanges.last(), QStringLiteral("x-ms-correlation-request-id")) != correlationId);
}

void TestArmPipeline::tokenRefreshIsOncePerRequestInsideTheRetries() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    ScriptedTokens tokens;
    client->setTokenProvider(&tokens);
    // 401 (refresh), 503 (retry, with the fresh token), 401 again: no second refresh for the same request.
    QVERIFY(sandbox->setFaults(QStringLiteral("status=401:nth=1,status=503:nth=2,status=401:nth=3")));
    std::unique_ptr<ArmReply> reply(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().kind, ArmError::Kind::Authentication);
    QCOMPARE(reply->error().httpStatus, 401);
    QCOMPARE(reply->error().code, QStringLiteral("ExpiredAuthenticationToken"));
    QCOMPARE(tokens.refreshes, 1);
    const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
    QCOMPARE(exchanges.size(), 3);
    for (const armsandbox::Exchange &exchange : exchanges) {
        QVERIFY(!requestHeader(exchange, QStringLiteral("authorization")).isEmpty());
        QCOMPARE(requestHeader(exchange, QStringLiteral("x-ms-client-request-id")),
                 requestHeader(exchanges.first(), QStringLiteral("x-ms-client-request-id")));
    }

    // The next request has its own refresh.
    QVERIFY(sandbox->setFaults(QStringLiteral("status=401:first=1")));
    std::unique_ptr<ArmReply> next(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(next.get()));
    QVERIFY2(!next->error(), qPrintable(next->error().toDisplayString()));
    QCOMPARE(tokens.refreshes, 2);
}

void TestArmPipeline::attemptAfterARefreshIsNotARetry() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl(), 1); // no retry at all
    ScriptedTokens tokens;
    client->setTokenProvider(&tokens);
    QVERIFY(sandbox->setFaults(QStringLiteral("status=401:first=1")));
    std::unique_ptr<ArmReply> reply(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
    QCOMPARE(reply->httpStatus(), 200);
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(sandbox->exchanges().size(), 2);
}

void TestArmPipeline::tokenGoesOnlyToTheEndpoint() {
    // The client's endpoint is a relay in front of sandbox A; the relay points the list's nextLink at
    // sandbox B, another host for the client.
    armsandbox::SandboxOptions options;
    options.pageSize = 2;
    auto endpointSandbox = startSandbox(options);
    auto otherSandbox = startSandbox(options);
    SandboxRelay relay(endpointSandbox->baseUrl());
    QVERIFY(relay.listen());
    relay.handler = [&](const RawRequest &request, const SandboxRelay::Respond &respond) {
        relay.forward(request, [&, respond](SandboxRelay::Answer answer) {
            answer.body.replace(endpointSandbox->baseUrl().toEncoded(), otherSandbox->baseUrl().toEncoded());
            respond(answer);
        });
    };
    auto client = clientFor(relay.url());
    StaticTokenProvider tokens(QStringLiteral("token-for-the-endpoint"));
    client->setTokenProvider(&tokens);
    int items = 0;
    ArmPager *pager = client->list(diskEncryptionSetsPath(Sub).path());
    connect(pager, &ArmPager::pageReceived, this, [&](const json &page) { items += int(page.size()); });
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
    QVERIFY2(pager->error().message.contains(otherSandbox->baseUrl().toString()),
             qPrintable(pager->error().message));
    QCOMPARE(items, 2);
    QCOMPARE(endpointSandbox->exchanges().size(), 1);
    QVERIFY(!requestHeader(endpointSandbox->exchanges().first(), QStringLiteral("authorization")).isEmpty());
    QVERIFY(otherSandbox->exchanges().isEmpty());
}

// ---- each policy fails a request its own way -------------------------------------------------------------

void TestArmPipeline::retryPolicyGivesUpWithTheLastAnswer() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl(), 3);
    QVERIFY(sandbox->setFaults(QStringLiteral("status=503:retry-after=0")));
    int attempts = 0;
    countGets(client.get(), &attempts, QStringLiteral("/subscriptions"));
    std::unique_ptr<ArmReply> reply(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(reply.get()));
    const ArmError error = reply->error();
    QCOMPARE(error.kind, ArmError::Kind::Http);
    QCOMPARE(error.httpStatus, 503);
    QCOMPARE(error.code, QStringLiteral("ServiceUnavailable"));
    QCOMPARE(attempts, 3);
    const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
    QCOMPARE(exchanges.size(), 3);
    const QJsonObject lastAnswer = exchanges.last().liveResponse.value(QLatin1String("headers")).toObject();
    QCOMPARE(error.requestId, lastAnswer.value(QLatin1String("x-ms-request-id")).toString());
    QCOMPARE(error.correlationRequestId,
             requestHeader(exchanges.last(), QStringLiteral("x-ms-correlation-request-id")));
}

void TestArmPipeline::tokenPolicyFailsWhenTheRefreshFails() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    ScriptedTokens tokens;
    tokens.refreshWorks = false;
    client->setTokenProvider(&tokens);
    QVERIFY(sandbox->setFaults(QStringLiteral("status=401")));
    std::unique_ptr<ArmReply> reply(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().kind, ArmError::Kind::Authentication);
    QCOMPARE(reply->error().code, QStringLiteral("ExpiredAuthenticationToken"));
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(sandbox->exchanges().size(), 1);
}

void TestArmPipeline::transportPolicyFailures_data() {
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("attempts");
    using Kind = ArmError::Kind;
    QTest::newRow("timeout, retried") << "hang" << 300 << 0 << int(Kind::Timeout) << 2;
    QTest::newRow("connection reset, retried") << "reset" << 10000 << 0 << int(Kind::Network) << 2;
    QTest::newRow("too large, not retried") << "" << 10000 << 512 << int(Kind::MalformedResponse) << 1;
}

void TestArmPipeline::transportPolicyFailures() {
    QFETCH(QString, fault);
    QFETCH(int, timeoutMs);
    QFETCH(int, maxBytes);
    QFETCH(int, kind);
    QFETCH(int, attempts);
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl(), 2);
    client->setRequestTimeoutMs(timeoutMs);
    if (maxBytes)
        client->setMaxResponseBytes(maxBytes);
    QVERIFY(sandbox->setFaults(fault));
    int sent = 0;
    countGets(client.get(), &sent, QStringLiteral("/diskEncryptionSets"));
    std::unique_ptr<ArmReply> reply(client->get(diskEncryptionSetsPath(Sub).path()));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(int(reply->error().kind), kind);
    QCOMPARE(sent, attempts);
    QVERIFY(reply->json().is_null());
    // No answer, or none usable: the id a user can quote is the correlation id the client sent.
    QVERIFY(!reply->error().correlationRequestId.isEmpty());
}

void TestArmPipeline::abortedRetryNeverLeaves() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QVERIFY(sandbox->setFaults(QStringLiteral("status=503:first=1:retry-after=0")));
    ArmReply *reply = nullptr;
    int attempts = 0;
    // The retry is aborted by a receiver of requestSent(), before the transport sends it.
    connect(client.get(), &ArmClient::requestSent, this, [&] {
        if (++attempts == 2)
            reply->abort();
    });
    reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().kind, ArmError::Kind::Aborted);
    QCOMPARE(attempts, 2);
    // Whatever the aborted request had left to send would be on the wire before this one.
    std::unique_ptr<ArmReply> next(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(next.get()));
    QVERIFY(!next->error());
    QCOMPARE(sandbox->exchanges().size(), 2);
    delete reply;
}

void TestArmPipeline::logsNeverCarryTheToken() {
    // Every message of the REST layer, debug included (whatever QT_LOGGING_RULES says).
    static QStringList messages;
    static QLoggingCategory::CategoryFilter previousFilter = nullptr;
    messages.clear();
    previousFilter = QLoggingCategory::installFilter([](QLoggingCategory *category) {
        if (previousFilter) // null while installFilter() itself goes over the categories
            previousFilter(category);
        if (QByteArray(category->categoryName()).startsWith("cmk.arm")) {
            for (const QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg})
                category->setEnabled(type, true);
        }
    });
    const QtMessageHandler previousHandler =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &context, const QString &message) {
            if (QByteArray(context.category).startsWith("cmk.arm"))
                messages << message;
        });
    auto restore = qScopeGuard([previousHandler] {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::installFilter(previousFilter);
    });

    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    StaticTokenProvider tokens(QStringLiteral("secret-token-never-logged"));
    client->setTokenProvider(&tokens);
    QVERIFY(sandbox->setFaults(QStringLiteral("status=503:first=1")));
    std::unique_ptr<ArmReply> reply(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY(!reply->error());
    QVERIFY(!requestHeader(sandbox->exchanges().first(), QStringLiteral("authorization")).isEmpty());
    const QString all = messages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("GET")) && all.contains(QLatin1String("/subscriptions")) &&
                 all.contains(QLatin1String("retrying in")) && all.contains(QLatin1String("503")),
             qPrintable(all));
    QVERIFY(!all.contains(QLatin1String("secret-token-never-logged")));
    QVERIFY(!all.contains(QLatin1String("Bearer"), Qt::CaseInsensitive));
}

void TestArmPipeline::largePagesArriveWhole() {
    // Pages of 400 sets are far above the size parsed on a worker thread; every item still arrives, in order.
    armsandbox::SandboxOptions options;
    options.pageSize = 400;
    options.generateDes = 1000;
    auto sandbox = startSandbox(options);
    auto client = clientFor(sandbox->baseUrl());
    ArmPager *pager = client->list(diskEncryptionSetsPath(Sub).path());
    QStringList names;
    connect(pager, &ArmPager::pageReceived, this, [&](const json &items) {
        for (const json &item : items)
            names << QString::fromStdString(item.at("name").get<std::string>());
    });
    QVERIFY(waitFinished(pager, 60000));
    QVERIFY2(!pager->error(), qPrintable(pager->error().toDisplayString()));
    QVERIFY(names.size() >= 1000);
    QCOMPARE(pager->itemCount(), names.size());
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
    QCOMPARE(pager->pageCount(), int(sandbox->exchanges().size()));
}

void TestArmPipeline::moreThanSixRequestsAreOnTheWireOverHttp1() {
    // Ten requests the sandbox answers after 3 s, then a quick one. One QNetworkAccessManager would send 6 and
    // queue the rest behind them: the quick one would wait 3 s. The transport spreads them over more
    // managers, so the quick one is answered first, while the slow ones are all still on the wire.
    armsandbox::SandboxOptions options;
    options.faults = QStringLiteral("latency=3000:path=/resourceGroups/rg-slow");
    auto sandbox = startSandbox(options);
    auto client = clientFor(sandbox->baseUrl());
    std::vector<std::unique_ptr<ArmReply>> slow;
    for (int i = 0; i < 10; ++i)
        slow.emplace_back(client->get(resourceGroupPath(Sub, QStringLiteral("rg-slow")).path()));
    std::unique_ptr<ArmReply> quick(client->get(subscriptionPath(Sub).path()));
    QVERIFY(waitFinished(quick.get()));
    QCOMPARE(quick->httpStatus(), 200);
    QCOMPARE(int(sandbox->exchanges().size()), 1);
    for (const std::unique_ptr<ArmReply> &reply : slow)
        QVERIFY(!reply->isFinished());
}

QTEST_GUILESS_MAIN(TestArmPipeline)
#include "tst_armpipeline.moc"
