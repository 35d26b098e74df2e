// ArmClient over real HTTP against an in-process armsandbox: paging, long-running operations, retries with
// Retry-After, no retry on caller errors, malformed/truncated bodies, request ids, 401 handling. A hostile
// nextLink / polling URL is checked against two tiny raw-TCP servers, since the sandbox never emits one.

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "arm/resources.h"
#include "armsandbox.h"
#include "auth/tokenprovider.h"
#include "support/armwait.h"
#include "support/rawhttpserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

using namespace cmk;
using nlohmann::json;

namespace {

const QString Sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");
const QString OtherSub = QStringLiteral("b8e4c7d2-1f5a-4e9b-a6c3-2d7f8e1b0c59");

using cmktest::RawHttpServer;
using cmktest::RawRequest;
using cmktest::waitFinished;

/// A token provider whose refresh outcome the test chooses; counts refreshes.
class TestTokens : public TokenProvider {
public:
    QString token;
    QString tokenAfterRefresh;
    bool refreshSucceeds = false;
    int refreshes = 0;
    QString accessToken() const override { return token; }
    void refreshAfterUnauthorized(const std::function<void(bool)> &done) override {
        ++refreshes;
        if (refreshSucceeds)
            token = tokenAfterRefresh;
        // Asynchronous, as a real refresh over the network would be.
        QTimer::singleShot(1, [done, ok = refreshSucceeds] { done(ok); });
    }
};

/// Registers Microsoft.Compute/SIGEncryption on the subscription, as the wizard's prerequisites step does:
/// POST register, then GET until Registered.
bool registerEncryptionFeature(ArmClient &client) {
    const QString name = QStringLiteral("SIGEncryption");
    const QString ns = QStringLiteral("Microsoft.Compute");
    std::unique_ptr<ArmReply> registration(client.post(featureRegisterPath(Sub, ns, name).path()));
    if (!waitFinished(registration.get()) || registration->error())
        return false;
    for (int i = 0; i < 20; ++i) {
        std::unique_ptr<ArmReply> reply(client.get(featurePath(Sub, ns, name).path()));
        FeatureRegistration feature;
        if (!waitFinished(reply.get()) || reply->error() || parseResource(reply->json(), feature))
            return false;
        if (feature.state == QLatin1String("Registered"))
            return true;
    }
    return false;
}

QString imageVersionPath(const QString &version) {
    return galleryImageVersionPath(Sub, QStringLiteral("rg-images-prod"), QStringLiteral("galContosoProd"),
                                   QStringLiteral("ubuntu-22-04-gen2"), version)
        .path();
}

/// Version 1.1.0 of the demo image as the service returns it, SIGEncryption registered: what the models parse
/// must make a PUT body the service accepts.
bool readExistingVersion(ArmClient &client, GalleryImageVersion &version) {
    if (!registerEncryptionFeature(client))
        return false;
    std::unique_ptr<ArmReply> existing(client.get(imageVersionPath(QStringLiteral("1.1.0"))));
    return waitFinished(existing.get()) && !existing->error() && !parseResource(existing->json(), version);
}

armsandbox::SandboxOptions pagedOptions(int pageSize, int generatedDes) {
    armsandbox::SandboxOptions options;
    options.pageSize = pageSize;
    options.generateDes = generatedDes;
    return options;
}

armsandbox::SandboxOptions authRequiredOptions() {
    armsandbox::SandboxOptions options;
    options.authRequired = true;
    return options;
}

armsandbox::SandboxOptions lroOptions(int pollsUntilDone) {
    armsandbox::SandboxOptions options;
    options.lroPollsUntilDone = pollsUntilDone;
    return options;
}

} // namespace

class TestArmClient : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<armsandbox::Sandbox> startSandbox(const armsandbox::SandboxOptions &options = {}) {
        auto sandbox = std::make_unique<armsandbox::Sandbox>();
        QString why;
        if (!sandbox->start(options, &why))
            qFatal("sandbox did not start: %s", qPrintable(why));
        return sandbox;
    }
    std::unique_ptr<ArmClient> clientFor(const QUrl &endpoint) {
        auto client = std::make_unique<ArmClient>();
        client->setEndpoint(endpoint);
        client->setDefaultPollIntervalMs(10);
        RetryPolicy policy;
        policy.baseDelayMs = 10;
        policy.maxDelayMs = 3000;
        client->setRetryPolicy(policy);
        return client;
    }
    static int countRequests(const armsandbox::Sandbox &sandbox, const QString &method,
                             const QString &pathPart) {
        int n = 0;
        for (const armsandbox::Exchange &exchange : sandbox.exchanges()) {
            if (exchange.liveRequest.value(QLatin1String("method")).toString() == method &&
                exchange.liveRequest.value(QLatin1String("url"))
                    .toString()
                    .contains(pathPart, Qt::CaseInsensitive))
                ++n;
        }
        return n;
    }

private Q_SLOTS:
    void getSendsApiVersionAndKeepsRequestIds();
    void listFollowsEveryPageIncrementally();
    void listStopsAtMaxPages();
    void listAbort();
    void lroPutSucceedsAndFetchesFinalState();
    void lroFailureCarriesTheOperationError();
    void lroDelete();
    void lroAbortStopsPolling();
    void retriesOn429HonouringRetryAfter();
    void retryAfterIsCappedByPolicy();
    void retriesOn503ThenSucceeds();
    void givesUpAfterMaxTries();
    void noRetryOnCallerErrors();
    void retriesDroppedAndResetConnections();
    void truncatedBodyIsRetriedThenNetworkError();
    void malformedBodyIsATypedError();
    void perAttemptTimeout();
    void responseSizeIsBounded();
    void invalidPathNeverLeavesTheProcess();
    void unauthorizedRefreshesOnce();
    void unauthorizedWithoutRefresh();
    void nextLinkToAnotherHostIsRefusedWithoutLeakingTheToken();
    void pollingUrlToAnotherHostIsRefused();
    void nextLinkLoopIsDetected();
    void locationHeaderPolling();
    void putAnsweringTerminalStateAtOnce();
    void retryAfterAsHttpDate();
};

void TestArmClient::getSendsApiVersionAndKeepsRequestIds() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QList<int> statuses;
    connect(client.get(), &ArmClient::responseReceived, this,
            [&](const QByteArray &, const QUrl &, int status, const QString &) { statuses << status; });

    ArmReply *reply = client->get(
        diskEncryptionSetPath(Sub, QStringLiteral("rg-keys-prod"), QStringLiteral("des-weu-cmk")).path());
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
    QCOMPARE(reply->httpStatus(), 200);
    DiskEncryptionSet des;
    QVERIFY(!parseResource(reply->json(), des));
    QCOMPARE(des.name, QStringLiteral("des-weu-cmk"));
    QCOMPARE(des.encryptionType, QStringLiteral("EncryptionAtRestWithCustomerKey"));

    const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
    QCOMPARE(exchanges.size(), 1);
    const QJsonObject request = exchanges.first().liveRequest;
    QVERIFY(request.value(QLatin1String("url")).toString().contains(QLatin1String("api-version=2026-03-02")));
    // No token provider: no Authorization header at all.
    QVERIFY(!request.value(QLatin1String("headers")).toObject().contains(QLatin1String("authorization")));
    const QString served = exchanges.first()
                               .liveResponse.value(QLatin1String("headers"))
                               .toObject()
                               .value(QLatin1String("x-ms-request-id"))
                               .toString();
    QVERIFY(!served.isEmpty());
    QCOMPARE(reply->requestId(), served);
    QCOMPARE(statuses, QList<int>{200});

    // An ARM error keeps code, message and both ids.
    ArmReply *missing = client->get(
        diskEncryptionSetPath(Sub, QStringLiteral("rg-keys-prod"), QStringLiteral("nope")).path());
    QVERIFY(waitFinished(missing));
    const ArmError error = missing->error();
    QCOMPARE(error.kind, ArmError::Kind::Http);
    QCOMPARE(error.httpStatus, 404);
    QCOMPARE(error.code, QStringLiteral("ResourceNotFound"));
    QVERIFY(!error.message.isEmpty());
    const QJsonObject servedHeaders =
        sandbox->exchanges().last().liveResponse.value(QLatin1String("headers")).toObject();
    QCOMPARE(error.requestId, servedHeaders.value(QLatin1String("x-ms-request-id")).toString());
    QCOMPARE(error.correlationRequestId,
             servedHeaders.value(QLatin1String("x-ms-correlation-request-id")).toString());
    QVERIFY(error.toDisplayString().contains(error.requestId));
    delete reply;
    delete missing;
}

void TestArmClient::listFollowsEveryPageIncrementally() {
    auto sandbox = startSandbox(pagedOptions(7, 300));
    auto client = clientFor(sandbox->baseUrl());

    ArmPager *pager = client->list(diskEncryptionSetsPath(Sub).path());
    int pages = 0;
    int itemsBeforeFinished = 0;
    QSet<QString> ids;
    bool finishedBeforeLastPage = false;
    connect(pager, &ArmPager::pageReceived, this, [&](const json &items) {
        ++pages;
        finishedBeforeLastPage = finishedBeforeLastPage || pager->isFinished();
        std::vector<DiskEncryptionSet> sets;
        QVERIFY(!parseResources(items, sets));
        QVERIFY(sets.size() <= 7);
        for (const DiskEncryptionSet &des : sets)
            ids.insert(des.id.toLower());
        itemsBeforeFinished += int(sets.size());
    });
    QVERIFY(waitFinished(pager));
    QVERIFY2(!pager->error(), qPrintable(pager->error().toDisplayString()));
    QVERIFY(!finishedBeforeLastPage);

    // Every DES of the subscription, each once: 300 generated plus the fixture's own in that subscription.
    int expected = 0;
    {
        auto other = startSandbox(armsandbox::SandboxOptions{});
        auto plain = clientFor(other->baseUrl());
        ArmPager *all = plain->list(diskEncryptionSetsPath(Sub).path());
        connect(all, &ArmPager::pageReceived, this,
                [&](const json &items) { expected += int(items.size()); });
        QVERIFY(waitFinished(all));
        QVERIFY(!all->error());
    }
    expected += 300;
    QCOMPARE(itemsBeforeFinished, expected);
    QCOMPARE(ids.size(), expected);
    QCOMPARE(pager->itemCount(), expected);
    QCOMPARE(pager->pageCount(), pages);
    QCOMPARE(pages, (expected + 6) / 7);
    QCOMPARE(countRequests(*sandbox, QStringLiteral("GET"), QStringLiteral("/diskEncryptionSets")), pages);
    for (const armsandbox::Exchange &exchange : sandbox->exchanges())
        QVERIFY(exchange.liveRequest.value(QLatin1String("url"))
                    .toString()
                    .contains(QLatin1String("api-version=")));
}

void TestArmClient::listStopsAtMaxPages() {
    auto sandbox = startSandbox(pagedOptions(5, 100));
    auto client = clientFor(sandbox->baseUrl());
    client->setMaxPages(3);
    ArmPager *pager = client->list(diskEncryptionSetsPath(Sub).path());
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
    QCOMPARE(pager->pageCount(), 3);
    QCOMPARE(sandbox->exchanges().size(), 3);
}

void TestArmClient::listAbort() {
    auto sandbox = startSandbox(pagedOptions(5, 100));
    auto client = clientFor(sandbox->baseUrl());
    QList<QUrl> sent;
    connect(client.get(), &ArmClient::requestSent, this,
            [&sent](const QByteArray &, const QUrl &url) { sent << url; });
    ArmPager *pager = client->list(diskEncryptionSetsPath(Sub).path());
    int finishedCount = 0;
    connect(pager, &ArmPager::finished, this, [&] { ++finishedCount; });
    connect(pager, &ArmPager::pageReceived, pager, [pager] {
        if (pager->pageCount() == 2)
            pager->abort();
    });
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::Aborted);
    QCOMPARE(pager->pageCount(), 2);
    // One more request through the same client, answered: a third page the pager still asked for would have
    // gone out before it.
    std::unique_ptr<ArmReply> later(client->get(subscriptionsPath().path()));
    QVERIFY(waitFinished(later.get()));
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent.last().path(), subscriptionsPath().path());
    QCOMPARE(finishedCount, 1);
    QCOMPARE(sandbox->exchanges().size(), 3);
}

void TestArmClient::lroPutSucceedsAndFetchesFinalState() {
    auto sandbox = startSandbox(lroOptions(3));
    auto client = clientFor(sandbox->baseUrl());
    GalleryImageVersion version;
    QVERIFY(readExistingVersion(*client, version));
    version.tags.insert(QStringLiteral("purpose"), QStringLiteral("test"));
    version.endOfLifeDate = QStringLiteral("2030-01-01T00:00:00Z");

    QStringList statuses;
    bool accepted = false;
    ArmOperation *operation = client->beginPut(imageVersionPath(QStringLiteral("1.2.0")), json(version));
    connect(operation, &ArmOperation::accepted, this, [&](const json &body) {
        accepted = true;
        QCOMPARE(QString::fromStdString(body.at("name").get<std::string>()), QStringLiteral("1.2.0"));
    });
    connect(operation, &ArmOperation::statusChanged, this,
            [&](const QString &status) { statuses << status; });
    QVERIFY(waitFinished(operation));
    QVERIFY2(!operation->error(), qPrintable(operation->error().toDisplayString()));
    QVERIFY(accepted);
    QCOMPARE(operation->status(), QStringLiteral("Succeeded"));
    QVERIFY(statuses.size() >= 2);
    QCOMPARE(statuses.last(), QStringLiteral("Succeeded"));
    QVERIFY(!operation->requestId().isEmpty());

    GalleryImageVersion final;
    QVERIFY(!parseResource(operation->resource(), final));
    QCOMPARE(final.name, QStringLiteral("1.2.0"));
    QCOMPARE(final.provisioningState, QStringLiteral("Succeeded"));
    QCOMPARE(final.tags.value(QStringLiteral("purpose")), QStringLiteral("test"));
    QCOMPARE(final.targetRegions.size(), size_t(2));

    // The PUT body on the wire: no read-only fields.
    QJsonObject putBody;
    for (const armsandbox::Exchange &exchange : sandbox->exchanges()) {
        if (exchange.liveRequest.value(QLatin1String("method")).toString() == QLatin1String("PUT"))
            putBody = exchange.liveRequest.value(QLatin1String("body")).toObject();
    }
    const QJsonObject properties = putBody.value(QLatin1String("properties")).toObject();
    QVERIFY(!properties.isEmpty());
    QVERIFY(!properties.contains(QLatin1String("provisioningState")));
    QVERIFY(!properties.contains(QLatin1String("replicationStatus")));
    // Polled the operation status (own api-version kept) and then fetched the resource.
    QVERIFY(countRequests(*sandbox, QStringLiteral("GET"), QStringLiteral("/capsOperations/")) >= 3);
    QVERIFY(countRequests(*sandbox, QStringLiteral("GET"), QStringLiteral("/versions/1.2.0?")) >= 1);
}

void TestArmClient::lroFailureCarriesTheOperationError() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    GalleryImageVersion version;
    QVERIFY(readExistingVersion(*client, version));
    version.tags.insert(QStringLiteral("sandbox-fail-lro"), QStringLiteral("ReplicationFailed"));

    ArmOperation *operation = client->beginPut(imageVersionPath(QStringLiteral("1.3.0")), json(version));
    QVERIFY(waitFinished(operation));
    const ArmError error = operation->error();
    QCOMPARE(error.kind, ArmError::Kind::OperationFailed);
    QCOMPARE(error.code, QStringLiteral("ReplicationFailed"));
    QVERIFY2(error.message.contains(QLatin1String("France Central")), qPrintable(error.message));
    QCOMPARE(error.requestId, operation->requestId());
    QCOMPARE(operation->status().toLower(), QStringLiteral("failed"));
    QVERIFY(error.toDisplayString().contains(QLatin1String("ReplicationFailed")));
}

void TestArmClient::lroDelete() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    ArmOperation *operation = client->beginDelete(imageVersionPath(QStringLiteral("1.0.0")));
    QVERIFY(waitFinished(operation));
    QVERIFY2(!operation->error(), qPrintable(operation->error().toDisplayString()));
    QCOMPARE(operation->status(), QStringLiteral("Succeeded"));
    ArmReply *gone = client->get(imageVersionPath(QStringLiteral("1.0.0")));
    QVERIFY(waitFinished(gone));
    QCOMPARE(gone->error().httpStatus, 404);
}

void TestArmClient::lroAbortStopsPolling() {
    auto sandbox = startSandbox(lroOptions(1000));
    auto client = clientFor(sandbox->baseUrl());
    GalleryImageVersion version;
    QVERIFY(readExistingVersion(*client, version));
    client->setDefaultPollIntervalMs(20);
    QList<QString> polled; // the operation-status paths the client asked for, in order
    connect(client.get(), &ArmClient::requestSent, this,
            [&polled](const QByteArray &method, const QUrl &url) {
                if (method == "GET" && url.path().contains(QLatin1String("/capsOperations/")))
                    polled << url.path();
            });
    ArmOperation *operation = client->beginPut(imageVersionPath(QStringLiteral("1.4.0")), json(version));
    QTRY_VERIFY(polled.size() >= 2);
    operation->abort();
    QVERIFY(operation->isFinished());
    QCOMPARE(operation->error().kind, ArmError::Kind::Aborted);
    const QString abortedStatus = polled.last();
    const qsizetype atAbort = polled.size();
    // A second operation polling at the same pace keeps the time: while it polls three times, a client that
    // kept polling the aborted one would have polled that one about as often.
    ArmOperation *other = client->beginPut(imageVersionPath(QStringLiteral("1.5.0")), json(version));
    QTRY_VERIFY(polled.size() >= atAbort + 3);
    QCOMPARE(polled.lastIndexOf(abortedStatus), atAbort - 1);
    other->abort();
}

void TestArmClient::retriesOn429HonouringRetryAfter() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QVERIFY(sandbox->setFaults(QStringLiteral("status=429:first=1:retry-after=1")));
    QElapsedTimer timer;
    timer.start();
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
    QCOMPARE(exchanges.size(), 2);
    QCOMPARE(exchanges[0].liveResponse.value(QLatin1String("statusCode")).toString(), QStringLiteral("429"));
    QCOMPARE(exchanges[1].liveResponse.value(QLatin1String("statusCode")).toString(), QStringLiteral("200"));
}

void TestArmClient::retryAfterIsCappedByPolicy() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    RetryPolicy policy = client->retryPolicy();
    policy.maxDelayMs = 100;
    client->setRetryPolicy(policy);
    QVERIFY(sandbox->setFaults(QStringLiteral("status=503:first=2:retry-after=30")));
    QElapsedTimer timer;
    timer.start();
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QVERIFY(!reply->error());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(sandbox->exchanges().size(), 3);
}

void TestArmClient::retriesOn503ThenSucceeds() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QVERIFY(sandbox->setFaults(QStringLiteral("status=503:first=3")));
    ArmPager *pager = client->list(locationsPath(Sub).path());
    QVERIFY(waitFinished(pager));
    QVERIFY2(!pager->error(), qPrintable(pager->error().toDisplayString()));
    QVERIFY(pager->itemCount() >= 6);
    QCOMPARE(sandbox->exchanges().size(), 4); // 3 failures + the success, within maxTries = 4
}

void TestArmClient::givesUpAfterMaxTries() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QVERIFY(sandbox->setFaults(QStringLiteral("status=500")));
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().kind, ArmError::Kind::Http);
    QCOMPARE(reply->error().httpStatus, 500);
    QCOMPARE(reply->error().code, QStringLiteral("InternalServerError"));
    QVERIFY(!reply->error().requestId.isEmpty());
    QCOMPARE(sandbox->exchanges().size(), 4);

    sandbox->clearExchanges();
    RetryPolicy once = client->retryPolicy();
    once.maxTries = 2;
    client->setRetryPolicy(once);
    QVERIFY(sandbox->setFaults(QStringLiteral("status=408")));
    ArmReply *second = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(second));
    QCOMPARE(second->error().httpStatus, 408);
    QCOMPARE(sandbox->exchanges().size(), 2);
}

void TestArmClient::noRetryOnCallerErrors() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    // A body the service refuses: 400 with ARM's error, sent once.
    ArmReply *bad = client->put(imageVersionPath(QStringLiteral("9.9.9")), json{{"location", "westeurope"}});
    QVERIFY(waitFinished(bad));
    QCOMPARE(bad->error().kind, ArmError::Kind::Http);
    QCOMPARE(bad->error().httpStatus, 400);
    QVERIFY(!bad->error().code.isEmpty());
    QCOMPARE(sandbox->exchanges().size(), 1);

    // Injected 400/403/409 are not retried either.
    for (int status : {400, 403, 404, 409}) {
        sandbox->clearExchanges();
        QVERIFY(sandbox->setFaults(QStringLiteral("status=%1").arg(status)));
        ArmReply *reply = client->get(subscriptionsPath().path());
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->error().httpStatus, status);
        QCOMPARE(sandbox->exchanges().size(), 1);
    }
}

void TestArmClient::retriesDroppedAndResetConnections() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    for (const char *fault : {"drop:first=2", "reset:first=2"}) {
        sandbox->clearExchanges();
        QVERIFY(sandbox->setFaults(QString::fromLatin1(fault)));
        ArmReply *reply = client->get(subscriptionsPath().path());
        QVERIFY(waitFinished(reply));
        QVERIFY2(!reply->error(),
                 qPrintable(QLatin1String(fault) + QLatin1Char(' ') + reply->error().toDisplayString()));
        QCOMPARE(reply->httpStatus(), 200);
        QCOMPARE(sandbox->exchanges().size(), 3);
    }
    // Qt may itself resend once on a reused keep-alive connection the server closed, so the tries are
    // counted on the client side.
    QVERIFY(sandbox->setFaults(QStringLiteral("drop")));
    int attempts = 0;
    connect(client.get(), &ArmClient::requestSent, this, [&] { ++attempts; });
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().kind, ArmError::Kind::Network);
    QCOMPARE(attempts, 4);
}

void TestArmClient::truncatedBodyIsRetriedThenNetworkError() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QVERIFY(sandbox->setFaults(QStringLiteral("truncate:first=1")));
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
    QVERIFY(reply->json().at("value").size() >= 2);
    QCOMPARE(sandbox->exchanges().size(), 2);

    sandbox->clearExchanges();
    QVERIFY(sandbox->setFaults(QStringLiteral("truncate")));
    ArmReply *always = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(always));
    QCOMPARE(always->error().kind, ArmError::Kind::Network);
    QVERIFY(always->json().is_null());
    QCOMPARE(sandbox->exchanges().size(), 4);
}

void TestArmClient::malformedBodyIsATypedError() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    QVERIFY(sandbox->setFaults(QStringLiteral("malformed:first=1")));
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().kind, ArmError::Kind::MalformedResponse);
    QCOMPARE(reply->error().httpStatus, 200);
    QVERIFY(!reply->error().requestId.isEmpty());
    QCOMPARE(sandbox->exchanges().size(), 1); // a complete answer that is wrong is not retried

    QVERIFY(sandbox->setFaults(QStringLiteral("malformed:first=1")));
    ArmPager *pager = client->list(diskEncryptionSetsPath(Sub).path());
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
    QCOMPARE(pager->pageCount(), 0);
}

void TestArmClient::perAttemptTimeout() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    client->setRequestTimeoutMs(300);
    QVERIFY(sandbox->setFaults(QStringLiteral("hang:first=1")));
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
    QCOMPARE(sandbox->exchanges().size(), 2);

    RetryPolicy twice = client->retryPolicy();
    twice.maxTries = 2;
    client->setRetryPolicy(twice);
    QVERIFY(sandbox->setFaults(QStringLiteral("hang")));
    QElapsedTimer timer;
    timer.start();
    ArmReply *stuck = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(stuck));
    QCOMPARE(stuck->error().kind, ArmError::Kind::Timeout);
    QVERIFY(timer.elapsed() >= 550);
}

void TestArmClient::responseSizeIsBounded() {
    auto sandbox = startSandbox(pagedOptions(500, 500));
    auto client = clientFor(sandbox->baseUrl());
    client->setMaxResponseBytes(qint64{16} * 1024);
    ArmPager *pager = client->list(diskEncryptionSetsPath(Sub).path());
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
    QCOMPARE(pager->pageCount(), 0);
    QCOMPARE(sandbox->exchanges().size(), 1); // not retried
}

void TestArmClient::invalidPathNeverLeavesTheProcess() {
    auto sandbox = startSandbox();
    auto client = clientFor(sandbox->baseUrl());
    ArmReply *reply = client->get(QStringLiteral("/subscriptions/../../etc"));
    QVERIFY(!reply->isFinished()); // finished() comes later, so callers can connect first
    QSignalSpy finished(reply, &ArmReply::finished);
    QVERIFY(finished.wait(2000));
    QCOMPARE(reply->error().kind, ArmError::Kind::InvalidInput);
    ArmPager *pager = client->list(QStringLiteral("relative/path"));
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::InvalidInput);
    ArmOperation *operation = client->beginPut(QStringLiteral("/a/./b"), json::object());
    QVERIFY(waitFinished(operation));
    QCOMPARE(operation->error().kind, ArmError::Kind::InvalidInput);
    QCOMPARE(sandbox->exchanges().size(), 0);
}

void TestArmClient::unauthorizedRefreshesOnce() {
    auto sandbox = startSandbox(authRequiredOptions());
    auto client = clientFor(sandbox->baseUrl());
    TestTokens tokens;
    tokens.token = QStringLiteral("not-a-sandbox-token");
    tokens.tokenAfterRefresh = QStringLiteral("still-not-valid");
    tokens.refreshSucceeds = true;
    client->setTokenProvider(&tokens);
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().kind, ArmError::Kind::Authentication);
    QCOMPARE(reply->error().httpStatus, 401);
    QCOMPARE(reply->error().code, QStringLiteral("InvalidAuthenticationToken"));
    QCOMPARE(tokens.refreshes, 1);
    const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
    QCOMPARE(exchanges.size(), 2); // the first try and one retry with the refreshed token
    for (const armsandbox::Exchange &exchange : exchanges)
        QVERIFY(exchange.liveRequest.value(QLatin1String("headers"))
                    .toObject()
                    .contains(QLatin1String("authorization")));
}

void TestArmClient::unauthorizedWithoutRefresh() {
    auto sandbox = startSandbox(authRequiredOptions());
    auto client = clientFor(sandbox->baseUrl());
    TestTokens tokens; // empty token: no header; refresh fails
    client->setTokenProvider(&tokens);
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error().kind, ArmError::Kind::Authentication);
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(sandbox->exchanges().size(), 1);
    QVERIFY(!sandbox->exchanges()
                 .first()
                 .liveRequest.value(QLatin1String("headers"))
                 .toObject()
                 .contains(QLatin1String("authorization")));
    QVERIFY(!reply->error().toDisplayString().isEmpty());
}

void TestArmClient::nextLinkToAnotherHostIsRefusedWithoutLeakingTheToken() {
    RawHttpServer evil;
    QVERIFY(evil.listen());
    RawHttpServer arm;
    QVERIFY(arm.listen());
    arm.answerWith([&](const RawRequest &) {
        const QByteArray next = evil.base().toEncoded() +
                                "/subscriptions/s/providers/Microsoft.Compute/diskEncryptionSets?page=2";
        return RawHttpServer::Answer{200,
                                     {{"x-ms-request-id", "rid-1"}},
                                     R"({"value":[{"name":"d1","location":"westus"}],"nextLink":")" + next +
                                         "\"}"};
    });
    auto client = clientFor(arm.base());
    StaticTokenProvider tokens(QStringLiteral("secret-token"));
    client->setTokenProvider(&tokens);
    int items = 0;
    ArmPager *pager = client->list(diskEncryptionSetsPath(QStringLiteral("s")).path());
    connect(pager, &ArmPager::pageReceived, this, [&](const json &page) { items += int(page.size()); });
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
    QCOMPARE(items, 1); // the first page still reached the caller
    QCOMPARE(arm.requests.size(), 1);
    QCOMPARE(arm.requests.first().header("Authorization"), QByteArray("Bearer secret-token"));
    QVERIFY(evil.settle());
    QCOMPARE(evil.connections(), 0);
    QVERIFY(evil.requests.isEmpty());
}

void TestArmClient::pollingUrlToAnotherHostIsRefused() {
    RawHttpServer evil;
    QVERIFY(evil.listen());
    RawHttpServer arm;
    QVERIFY(arm.listen());
    arm.answerWith([&](const RawRequest &) {
        return RawHttpServer::Answer{
            201,
            {{"Azure-AsyncOperation", evil.base().toEncoded() + "/op?api-version=2025-03-03"}},
            R"({"name":"v"})"};
    });
    auto client = clientFor(arm.base());
    StaticTokenProvider tokens(QStringLiteral("secret-token"));
    client->setTokenProvider(&tokens);
    ArmOperation *operation = client->beginPut(imageVersionPath(QStringLiteral("1.0.0")), json::object());
    QVERIFY(waitFinished(operation));
    QCOMPARE(operation->error().kind, ArmError::Kind::MalformedResponse);
    QVERIFY(evil.settle());
    QCOMPARE(evil.connections(), 0);
}

void TestArmClient::nextLinkLoopIsDetected() {
    RawHttpServer arm;
    QVERIFY(arm.listen());
    arm.answerWith([&](const RawRequest &) {
        const QByteArray self =
            arm.base().toEncoded() +
            "/subscriptions/s/providers/Microsoft.Compute/diskEncryptionSets?api-version=2025-01-02&page=2";
        return RawHttpServer::Answer{200, {}, R"({"value":[],"nextLink":")" + self + "\"}"};
    });
    auto client = clientFor(arm.base());
    ArmPager *pager = client->list(diskEncryptionSetsPath(QStringLiteral("s")).path());
    QVERIFY(waitFinished(pager));
    QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
    QCOMPARE(arm.requests.size(), 2); // the first page, the link once, then the repeat is refused
}

void TestArmClient::locationHeaderPolling() {
    RawHttpServer arm;
    QVERIFY(arm.listen());
    int polls = 0;
    arm.answerWith([&](const RawRequest &request) -> RawHttpServer::Answer {
        if (request.method == "DELETE")
            return {202,
                    {{"Location", arm.base().toEncoded() +
                                      "/subscriptions/s/providers/Microsoft.Compute/"
                                      "locations/westus/operations/1?api-version=2024-11-01"},
                     {"Retry-After", "0"}},
                    {}};
        if (++polls < 3)
            return {202, {{"Retry-After", "0"}}, {}};
        return {204, {}, {}};
    });
    auto client = clientFor(arm.base());
    ArmOperation *operation = client->beginDelete(imageVersionPath(QStringLiteral("1.0.0")));
    QVERIFY(waitFinished(operation));
    QVERIFY2(!operation->error(), qPrintable(operation->error().toDisplayString()));
    QCOMPARE(operation->status(), QStringLiteral("Succeeded"));
    QCOMPARE(polls, 3);
    QVERIFY(arm.requests.last().target.contains("api-version=2024-11-01")); // the operation's own api-version

    // An error status on the Location URL is the operation's failure, with its ARM error.
    polls = 0;
    arm.requests.clear();
    arm.answerWith([&](const RawRequest &request) -> RawHttpServer::Answer {
        if (request.method == "DELETE")
            return {202, {{"Location", arm.base().toEncoded() + "/op/2"}}, {}};
        return {400,
                {{"x-ms-request-id", "rid-poll"}},
                R"({"error":{"code":"DeleteBlocked","message":"Locked."}})"};
    });
    ArmOperation *failing = client->beginDelete(imageVersionPath(QStringLiteral("1.0.0")));
    QVERIFY(waitFinished(failing));
    QCOMPARE(failing->error().kind, ArmError::Kind::OperationFailed);
    QCOMPARE(failing->error().code, QStringLiteral("DeleteBlocked"));
}

void TestArmClient::putAnsweringTerminalStateAtOnce() {
    RawHttpServer arm;
    QVERIFY(arm.listen());
    arm.answerWith([&](const RawRequest &) {
        return RawHttpServer::Answer{
            200, {}, R"({"name":"g","properties":{"provisioningState":"Succeeded"}})"};
    });
    auto client = clientFor(arm.base());
    ArmOperation *operation =
        client->beginPut(galleryPath(QStringLiteral("s"), QStringLiteral("rg"), QStringLiteral("g")).path(),
                         json{{"location", "westus"}});
    QVERIFY(waitFinished(operation));
    QVERIFY(!operation->error());
    QCOMPARE(operation->status(), QStringLiteral("Succeeded"));
    QCOMPARE(QString::fromStdString(operation->resource().at("name").get<std::string>()),
             QStringLiteral("g"));
    QCOMPARE(arm.requests.size(), 1);

    // 201 "Creating" without headers: the resource itself is polled until terminal.
    int gets = 0;
    arm.requests.clear();
    arm.answerWith([&](const RawRequest &request) -> RawHttpServer::Answer {
        if (request.method == "PUT")
            return {201, {}, R"({"name":"g","properties":{"provisioningState":"Creating"}})"};
        return {200,
                {},
                ++gets < 2 ? R"({"name":"g","properties":{"provisioningState":"Creating"}})"
                           : R"({"name":"g","properties":{"provisioningState":"Failed"}})"};
    });
    ArmOperation *failing =
        client->beginPut(galleryPath(QStringLiteral("s"), QStringLiteral("rg"), QStringLiteral("g")).path(),
                         json{{"location", "westus"}});
    QVERIFY(waitFinished(failing));
    QCOMPARE(failing->error().kind, ArmError::Kind::OperationFailed);
    QCOMPARE(gets, 2);
}

void TestArmClient::retryAfterAsHttpDate() {
    RawHttpServer arm;
    QVERIFY(arm.listen());
    QElapsedTimer timer;
    arm.answerWith([&](const RawRequest &) -> RawHttpServer::Answer {
        if (arm.requests.size() == 1) {
            // Two seconds ahead, at one-second resolution: the wait is between 1 and 2 s.
            const QByteArray date = QLocale::c()
                                        .toString(QDateTime::currentDateTimeUtc().addSecs(2),
                                                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                        .toLatin1();
            return {503, {{"Retry-After", date}}, R"({"error":{"code":"ServerBusy","message":"Later."}})"};
        }
        return {200, {}, R"({"value":[]})"};
    });
    auto client = clientFor(arm.base());
    timer.start();
    ArmReply *reply = client->get(subscriptionsPath().path());
    QVERIFY(waitFinished(reply));
    QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
    QCOMPARE(arm.requests.size(), 2);
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestArmClient)
#include "tst_armclient.moc"
