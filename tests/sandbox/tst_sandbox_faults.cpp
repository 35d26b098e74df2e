// armsandbox fault injection, keep-alive framing and traffic recording, seen from a plain HTTP client.

#include "support/sandboxhttp.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>
#include <memory>

using namespace sandboxtest;

namespace {

QUrl subscriptionsUrl(const armsandbox::Sandbox &sandbox) {
    return armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01"));
}

const QString kImageDefinition = QStringLiteral("/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/"
                                                "resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                                                "galleries/galContosoProd/images/ubuntu-22-04-gen2");

/// Starts `sandbox` with the fault plan `faults`.
bool startWithFaults(armsandbox::Sandbox &sandbox, const QString &faults) {
    armsandbox::SandboxOptions options;
    options.faults = faults;
    return sandbox.start(options);
}

/// Starts `sandbox` with the fault plan `faults` and reads the subscriptions once through `http`; a
/// sandbox that does not start answers status -1, which no test expects.
HttpResult readSubscriptionsWithFaults(armsandbox::Sandbox &sandbox, const QString &faults, Http &http) {
    if (!startWithFaults(sandbox, faults))
        return HttpResult{-1};
    return http.get(subscriptionsUrl(sandbox));
}

/// The request got no HTTP answer because the connection failed (not because the client gave up waiting).
void verifyConnectionFailed(const HttpResult &result) {
    QCOMPARE(result.status, 0);
    QVERIFY(result.error != QNetworkReply::NoError);
    QVERIFY(!result.timedOut);
}

} // namespace

class TestSandboxFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void invalidSpecsAreRejected_data();
    void invalidSpecsAreRejected();
    void status429WithRetryAfter();
    void statusOnNthRequestOnly();
    void rateIsDeterministicWithASeed();
    void pathAndMethodFilters();
    void latencyDelaysTheAnswer();
    void dropClosesWithoutAnswer();
    void resetAbortsTheConnection();
    void truncateSendsHalfTheBody();
    void malformedBodyIsInvalidJson();
    void hangNeverAnswers();
    void faultsCanChangeAtRunTime();
    void keepAliveServesSeveralRequestsOnOneConnection();
    void trafficFilesHaveTheOavShape();
};

void TestSandboxFaults::invalidSpecsAreRejected_data() {
    QTest::addColumn<QString>("spec");
    QTest::newRow("unknown action") << "explode";
    QTest::newRow("status not an error") << "status=200";
    QTest::newRow("rate above 1") << "status=429:rate=1.5";
    QTest::newRow("nth zero") << "drop:nth=0";
    QTest::newRow("two triggers") << "drop:nth=1:rate=0.5";
    QTest::newRow("bad latency") << "latency=fast";
    QTest::newRow("retry-after without status") << "drop:retry-after=1";
    QTest::newRow("unknown parameter") << "drop:when=now";
}

void TestSandboxFaults::invalidSpecsAreRejected() {
    QFETCH(QString, spec);
    armsandbox::SandboxOptions options;
    options.faults = spec;
    armsandbox::Sandbox sandbox;
    QString why;
    QVERIFY(!sandbox.start(options, &why));
    QVERIFY2(why.contains(spec.section(QLatin1Char(':'), 0, 0)), qPrintable(why));
}

void TestSandboxFaults::status429WithRetryAfter() {
    armsandbox::Sandbox sandbox;
    QVERIFY(startWithFaults(sandbox, QStringLiteral("status=429:first=2:retry-after=3")));
    Http http;
    for (int i = 0; i < 2; ++i) {
        const HttpResult limited = http.get(subscriptionsUrl(sandbox));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("3"));
        QCOMPARE(limited.errorCode(), QStringLiteral("TooManyRequests"));
        QVERIFY(!limited.header("x-ms-request-id").isEmpty());
    }
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 200);
}

void TestSandboxFaults::statusOnNthRequestOnly() {
    armsandbox::Sandbox sandbox;
    QVERIFY(startWithFaults(sandbox, QStringLiteral("status=503:nth=2")));
    Http http;
    QList<int> statuses;
    for (int i = 0; i < 4; ++i)
        statuses.append(http.get(subscriptionsUrl(sandbox)).status);
    QCOMPARE(statuses, (QList<int>{200, 503, 200, 200}));
}

void TestSandboxFaults::rateIsDeterministicWithASeed() {
    const auto run = [](const QString &spec) {
        armsandbox::Sandbox sandbox;
        if (!startWithFaults(sandbox, spec))
            return QList<int>();
        Http http;
        QList<int> statuses;
        for (int i = 0; i < 30; ++i)
            statuses.append(http.get(subscriptionsUrl(sandbox)).status);
        return statuses;
    };
    const QList<int> first = run(QStringLiteral("status=429:rate=0.3,seed=7"));
    const QList<int> second = run(QStringLiteral("status=429:rate=0.3,seed=7"));
    QCOMPARE(first.size(), 30);
    QCOMPARE(first, second);
    QVERIFY(first.contains(429));
    QVERIFY(first.contains(200));
    QVERIFY(run(QStringLiteral("status=429:rate=0.3,seed=8")) != first);
}

void TestSandboxFaults::pathAndMethodFilters() {
    armsandbox::Sandbox sandbox;
    QVERIFY(startWithFaults(sandbox, QStringLiteral("status=500:path=/galleries:method=GET")));
    Http http;
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 200);
    const HttpResult gallery =
        http.get(armUrl(sandbox.baseUrl(), kImageDefinition, QStringLiteral("2025-03-03")));
    QCOMPARE(gallery.status, 500);
    QCOMPARE(gallery.errorCode(), QStringLiteral("InternalServerError"));
    // Same path, other method: untouched (and the fault never reached the API: no resource created).
    const HttpResult del =
        http.call("DELETE", armUrl(sandbox.baseUrl(), kImageDefinition + QStringLiteral("/versions/7.7.7"),
                                   QStringLiteral("2025-03-03")));
    QCOMPARE(del.status, 204);
}

void TestSandboxFaults::latencyDelaysTheAnswer() {
    armsandbox::Sandbox sandbox;
    QVERIFY(startWithFaults(sandbox, QStringLiteral("latency=300ms:path=/tenants")));
    Http http;
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(
        http.get(armUrl(sandbox.baseUrl(), QStringLiteral("/tenants"), QStringLiteral("2022-12-01"))).status,
        200);
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    timer.restart();
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 200);
    QVERIFY(timer.elapsed() < 290);
}

void TestSandboxFaults::dropClosesWithoutAnswer() {
    armsandbox::Sandbox sandbox;
    QVERIFY(startWithFaults(sandbox, QStringLiteral("drop:path=/tenants")));
    Http http;
    const HttpResult dropped =
        http.get(armUrl(sandbox.baseUrl(), QStringLiteral("/tenants"), QStringLiteral("2022-12-01")));
    verifyConnectionFailed(dropped);
    // The server saw it and recorded no answer.
    const QList<armsandbox::Exchange> exchanges = sandbox.exchanges();
    QVERIFY(!exchanges.isEmpty());
    QCOMPARE(exchanges.last().liveResponse.value(QLatin1String("statusCode")).toString(),
             QStringLiteral("0"));
    // Other requests still work.
    QCOMPARE(Http().get(subscriptionsUrl(sandbox)).status, 200);
}

void TestSandboxFaults::resetAbortsTheConnection() {
    armsandbox::Sandbox sandbox;
    Http http;
    const HttpResult reset = readSubscriptionsWithFaults(sandbox, QStringLiteral("reset"), http);
    verifyConnectionFailed(reset);
}

void TestSandboxFaults::truncateSendsHalfTheBody() {
    armsandbox::Sandbox sandbox;
    QVERIFY(startWithFaults(sandbox, QStringLiteral("truncate:nth=1")));
    // Raw socket: see exactly what was sent.
    // (The server runs in this thread: wait with the event loop, never with waitFor*.)
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&]() { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, sandbox.port());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
    socket.write("GET /subscriptions?api-version=2022-12-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState,
                              5000); // the server closed it
    received += socket.readAll();
    const int headerEnd = int(received.indexOf("\r\n\r\n"));
    QVERIFY(headerEnd > 0);
    const QRegularExpression lengthRe(QStringLiteral("Content-Length: (\\d+)"));
    const QRegularExpressionMatch m = lengthRe.match(QString::fromLatin1(received.left(headerEnd)));
    QVERIFY(m.hasMatch());
    const int announced = m.captured(1).toInt();
    const int got = int(received.size()) - headerEnd - 4;
    QVERIFY(announced > 0);
    QCOMPARE(got, announced / 2);

    // And through QNetworkAccessManager the second request is fine.
    QCOMPARE(Http().get(subscriptionsUrl(sandbox)).status, 200);
}

void TestSandboxFaults::malformedBodyIsInvalidJson() {
    armsandbox::Sandbox sandbox;
    Http http;
    const HttpResult malformed =
        readSubscriptionsWithFaults(sandbox, QStringLiteral("malformed:nth=1"), http);
    QCOMPARE(malformed.status, 200);
    QCOMPARE(malformed.error, QNetworkReply::NoError);
    QJsonParseError error;
    QJsonDocument::fromJson(malformed.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 200);
}

void TestSandboxFaults::hangNeverAnswers() {
    armsandbox::Sandbox sandbox;
    QVERIFY(startWithFaults(sandbox, QStringLiteral("hang:nth=1")));
    QSignalSpy recorded(&sandbox, &armsandbox::Sandbox::exchangeRecorded);
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> hung(manager.get(QNetworkRequest(subscriptionsUrl(sandbox))));
    QVERIFY(recorded.wait(5000)); // the server has the request, and holds it
    // A later request, on another connection, is answered; the held one still has no answer.
    QCOMPARE(Http().get(subscriptionsUrl(sandbox)).status, 200);
    QVERIFY(!hung->isFinished());
    hung->abort();
}

void TestSandboxFaults::faultsCanChangeAtRunTime() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 200);
    QVERIFY(sandbox.setFaults(QStringLiteral("status=503")));
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 503);
    QString why;
    QVERIFY(!sandbox.setFaults(QStringLiteral("nonsense"), &why));
    QVERIFY(!why.isEmpty());
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 503); // a bad spec leaves the plan unchanged
    QVERIFY(sandbox.setFaults(QString()));
    QCOMPARE(http.get(subscriptionsUrl(sandbox)).status, 200);
}

void TestSandboxFaults::keepAliveServesSeveralRequestsOnOneConnection() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&]() { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, sandbox.port());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
    const auto complete = [&received]() {
        const int headerEnd = int(received.indexOf("\r\n\r\n"));
        if (headerEnd < 0)
            return -1;
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Content-Length: (\\d+)"))
                                              .match(QString::fromLatin1(received.left(headerEnd)));
        return m.hasMatch() ? headerEnd + 4 + m.captured(1).toInt() : -1;
    };
    for (const char *path : {"/subscriptions?api-version=2022-12-01", "/tenants?api-version=2022-12-01",
                             "/nowhere?api-version=2022-12-01"}) {
        received.clear();
        socket.write(QByteArray("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(complete() > 0 && received.size() >= complete(), 5000);
        QCOMPARE(int(received.size()), complete()); // exactly one response, framed by Content-Length
        QVERIFY(received.startsWith("HTTP/1.1 "));
        QVERIFY(received.contains("Connection: keep-alive"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
}

void TestSandboxFaults::trafficFilesHaveTheOavShape() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    armsandbox::SandboxOptions options;
    options.trafficDir = dir.filePath(QStringLiteral("traffic"));
    options.lroPollsUntilDone = 1;
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start(options));
    QSignalSpy recorded(&sandbox, &armsandbox::Sandbox::exchangeRecorded);
    Http http;
    const QByteArray secret = "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";
    QCOMPARE(http.call("GET", subscriptionsUrl(sandbox), {}, {{"Authorization", secret}}).status, 200);
    const QJsonObject body{
        {QStringLiteral("location"), QStringLiteral("westeurope")},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("storageProfile"),
              QJsonObject{
                  {QStringLiteral("source"),
                   QJsonObject{{QStringLiteral("id"),
                                QStringLiteral(
                                    "/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/"
                                    "rg-build/providers/Microsoft.Compute/images/img-ubuntu2204-web")}}}}}}}};
    const HttpResult created =
        http.put(armUrl(sandbox.baseUrl(), kImageDefinition + QStringLiteral("/versions/8.0.0"),
                        QStringLiteral("2025-03-03")),
                 body);
    QCOMPARE(created.status, 201);
    QCOMPARE(http.get(QUrl(QString::fromLatin1(created.header("Azure-AsyncOperation")))).status, 200);
    // An identity exchange: its tokens must not reach the files either.
    QUrl deviceCode = sandbox.baseUrl();
    deviceCode.setPath(QStringLiteral("/organizations/oauth2/v2.0/devicecode"));
    const HttpResult code = http.call(
        "POST", deviceCode,
        "client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
    const QString deviceCodeValue = code.json().value(QLatin1String("device_code")).toString();

    QCOMPARE(recorded.count(), 4);
    const QList<armsandbox::Exchange> exchanges = sandbox.exchanges();
    QCOMPARE(exchanges.size(), 4);

    const QStringList files =
        QDir(options.trafficDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("000001-GET.json"), QStringLiteral("000002-PUT.json"),
                                 QStringLiteral("000003-GET.json"), QStringLiteral("000004-POST.json")}));
    for (int i = 0; i < files.size(); ++i) {
        QFile file(QDir(options.trafficDir).filePath(files.at(i)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();
        QVERIFY2(!raw.contains("c2VjcmV0LXBheWxvYWQ"), "bearer token leaked into a traffic file");
        if (!deviceCodeValue.isEmpty())
            QVERIFY2(!raw.contains(deviceCodeValue.toUtf8()), "device code leaked into a traffic file");
        const QJsonObject exchange = QJsonDocument::fromJson(raw).object();
        const QJsonObject request = exchange.value(QLatin1String("liveRequest")).toObject();
        const QJsonObject response = exchange.value(QLatin1String("liveResponse")).toObject();
        QVERIFY(request.value(QLatin1String("method")).isString());
        QVERIFY(QUrl(request.value(QLatin1String("url")).toString()).isValid());
        QVERIFY(request.value(QLatin1String("url")).toString().startsWith(sandbox.baseUrl().toString()));
        QVERIFY(request.value(QLatin1String("headers")).isObject());
        QVERIFY(response.value(QLatin1String("statusCode")).isString()); // oav wants a string
        QVERIFY(
            response.value(QLatin1String("headers")).toObject().contains(QLatin1String("x-ms-request-id")));
        QCOMPARE(exchange, (QJsonObject{{QStringLiteral("liveRequest"), exchanges.at(i).liveRequest},
                                        {QStringLiteral("liveResponse"), exchanges.at(i).liveResponse}}));
    }
    const QJsonObject first = exchanges.at(0).liveRequest;
    QCOMPARE(
        first.value(QLatin1String("headers")).toObject().value(QLatin1String("authorization")).toString(),
        QStringLiteral("REDACTED"));
    const QJsonObject put = exchanges.at(1).liveRequest;
    QVERIFY(put.value(QLatin1String("body")).isObject()); // JSON bodies as objects
    QCOMPARE(exchanges.at(1).liveResponse.value(QLatin1String("statusCode")).toString(),
             QStringLiteral("201"));
    QCOMPARE(exchanges.at(1)
                 .liveResponse.value(QLatin1String("body"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("8.0.0"));
    QVERIFY(exchanges.at(1)
                .liveResponse.value(QLatin1String("headers"))
                .toObject()
                .contains(QLatin1String("azure-asyncoperation")));
    sandbox.clearExchanges();
    QVERIFY(sandbox.exchanges().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
