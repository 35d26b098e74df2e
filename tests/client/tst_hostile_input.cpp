// Hostile input and hostile servers, over real HTTP:
// - names, IDs and tags with '/', '?', '#', '%', "..", spaces, Unicode or huge lengths are refused with a
//   reason or percent-encoded: the request line a server receives never names another resource;
// - a server answering with the wrong content type, an endless or 2 GB body, endless nextLink chains, or
//   links/redirects to another host or scheme: bounded memory, bounded pages, typed errors, and the bearer
//   token only ever reaches the configured ARM endpoint.
// The "hostile server" is support/rawhttpserver.h (it must misbehave in ways armsandbox never does); the
// headless `create` runs against a real in-process armsandbox.

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "arm/resources.h"
#include "armsandbox.h"
#include "auth/tokenprovider.h"
#include "draft/draftstore.h"
#include "support/armwait.h"
#include "support/cmkwizardprocess.h"
#include "support/demodraft.h"
#include "support/rawhttpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

using namespace cmk;

namespace {

const QString kSub = demodata::Sub;
const QByteArray kToken = "hostile-test-token-7f3a";

using cmktest::RawHttpServer;
using cmktest::RawRequest;
using cmktest::waitFinished;

QJsonObject page(const QJsonArray &items, const QString &nextLink = {}) {
    QJsonObject out{{QStringLiteral("value"), items}};
    if (!nextLink.isEmpty())
        out.insert(QStringLiteral("nextLink"), nextLink);
    return out;
}

QString decodedSegment(const QByteArray &path, int index) {
    return QUrl::fromPercentEncoding(path.split('/').value(index));
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT

private:
    StaticTokenProvider m_tokens{QString::fromLatin1(kToken)};
    QTemporaryDir m_dir;

    std::unique_ptr<ArmClient> clientFor(const RawHttpServer &server) {
        auto client = std::make_unique<ArmClient>();
        client->setEndpoint(server.base());
        client->setTokenProvider(&m_tokens);
        client->setRetryPolicy(RetryPolicy{1, 10, 10});
        client->setRequestTimeoutMs(20000);
        client->setDefaultPollIntervalMs(10);
        return client;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // ---- hostile names, IDs and tags ------------------------------------------------------------------

    void namesAreRefusedOrEncoded_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("slash") << QStringLiteral("rg/../../providers/Microsoft.Authorization") << false;
        QTest::newRow("question mark") << QStringLiteral("rg?api-version=1999-01-01") << false;
        QTest::newRow("hash") << QStringLiteral("rg#fragment") << false;
        QTest::newRow("backslash") << QStringLiteral("rg\\..\\x") << false;
        QTest::newRow("dot dot") << QStringLiteral("..") << false;
        QTest::newRow("dot") << QStringLiteral(".") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("newline") << QStringLiteral("rg\r\nHost: evil") << false;
        QTest::newRow("bidi override") << QStringLiteral("rg\u202Egpj") << false;
        QTest::newRow("zero width") << QStringLiteral("r\u200Bg") << false;
        QTest::newRow("lone surrogate") << QString(QChar(0xD83D)) + QStringLiteral("rg") << false;
        QTest::newRow("too long") << QString(MaxArmNameLength + 1, QLatin1Char('a')) << false;
        QTest::newRow("very long") << QString(100000, QLatin1Char('a')) << false;
        QTest::newRow("longest") << QString(MaxArmNameLength, QLatin1Char('a')) << true;
        QTest::newRow("percent") << QStringLiteral("100%") << true;
        QTest::newRow("encoded dot dot") << QStringLiteral("%2e%2e") << true;
        QTest::newRow("encoded slash") << QStringLiteral("a%2Fb") << true;
        QTest::newRow("dots inside") << QStringLiteral("a..b") << true;
        QTest::newRow("spaces") << QStringLiteral("my resource group") << true;
        QTest::newRow("unicode") << QStringLiteral("rg-ÉtéΣ名前-😀") << true;
        QTest::newRow("query-like") << QStringLiteral("a&b=c;d") << true;
    }

    void namesAreRefusedOrEncoded() {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        RawHttpServer server;
        QVERIFY(server.listen());
        auto client = clientFor(server);

        const ArmPathBuilder path = galleriesPath(kSub, name);
        QCOMPARE(path.ok(), accepted);
        QCOMPARE(armNameProblem(name).isEmpty(), accepted);
        if (!accepted) {
            QCOMPARE(path.error().kind, ArmError::Kind::InvalidInput);
            QVERIFY(!path.error().message.isEmpty());
            QVERIFY(name.isEmpty() || !path.path().contains(name));
            // The caller that ignores ok() still cannot reach another resource: the path stops short of
            // the name, and the resulting request is for the subscription's resource groups at most.
            return;
        }
        ArmReply *reply = client->get(path.path());
        QVERIFY(waitFinished(reply));
        QVERIFY2(!reply->error(), qPrintable(reply->error().toDisplayString()));
        QCOMPARE(server.requests.size(), 1);
        const RawRequest &seen = server.requests.first();
        const QByteArray requested = seen.path();
        // /subscriptions/{sub}/resourceGroups/{name}/providers/Microsoft.Compute/galleries: 7 segments, the
        // name exactly as given in the 4th.
        QCOMPARE(requested.count('/'), 7);
        QCOMPARE(decodedSegment(requested, 1), QStringLiteral("subscriptions"));
        QCOMPARE(decodedSegment(requested, 3).toLower(), QStringLiteral("resourcegroups"));
        QCOMPARE(decodedSegment(requested, 4), name);
        QVERIFY(requested.endsWith("/providers/Microsoft.Compute/galleries"));
        for (char c : requested)
            QVERIFY2(uchar(c) > 0x20 && uchar(c) < 0x7f, requested.constData()); // all ASCII, encoded
        const QUrlQuery query(QString::fromLatin1(seen.target.mid(seen.target.indexOf('?') + 1)));
        QCOMPARE(query.allQueryItemValues(QStringLiteral("api-version")),
                 QStringList{QString::fromLatin1(ApiVersions::Galleries)});
    }

    void rawPathsThatLeaveTheApiAreRefused_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("dot dot") << QStringLiteral("/subscriptions/x/../../evil");
        QTest::newRow("encoded dot dot") << QStringLiteral("/subscriptions/x/%2e%2E/evil");
        QTest::newRow("query") << QStringLiteral("/subscriptions/x?api-version=1");
        QTest::newRow("fragment") << QStringLiteral("/subscriptions/x#y");
        QTest::newRow("relative") << QStringLiteral("subscriptions/x");
        QTest::newRow("other host") << QStringLiteral("//evil.example/subscriptions");
        QTest::newRow("absolute url") << QStringLiteral("http://evil.example/subscriptions");
        QTest::newRow("control") << QStringLiteral("/subscriptions/x\r\nHost: evil");
        QTest::newRow("backslash") << QStringLiteral("/subscriptions/x\\..\\y");
    }

    void rawPathsThatLeaveTheApiAreRefused() {
        QFETCH(QString, path);
        RawHttpServer server;
        QVERIFY(server.listen());
        auto client = clientFor(server);
        ArmReply *reply = client->get(path);
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->error().kind, ArmError::Kind::InvalidInput);
        QVERIFY(!reply->error().message.isEmpty());
        QVERIFY(server.settle());
        QCOMPARE(server.connections(), 0);
    }

    void resourceIdsCannotEscape_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("accepted");
        const QString base =
            QStringLiteral(
                "/subscriptions/%1/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/")
                .arg(kSub);
        QTest::newRow("plain") << base + QStringLiteral("des-1") << true;
        QTest::newRow("space and unicode") << base + QStringLiteral("dés 1") << true;
        QTest::newRow("percent") << base + QStringLiteral("des%2F..%2Fx") << true;
        QTest::newRow("dot dot pair") << base + QStringLiteral("des/../../x") << false;
        QTest::newRow("query") << base + QStringLiteral("des?api-version=1") << false;
        QTest::newRow("fragment") << base + QStringLiteral("des#x") << false;
        QTest::newRow("not an id") << QStringLiteral("des-1") << false;
        QTest::newRow("url") << QStringLiteral("https://evil.example") + base + QStringLiteral("des")
                             << false;
        QTest::newRow("huge name") << base + QString(5000, QLatin1Char('d')) << false;
    }

    void resourceIdsCannotEscape() {
        QFETCH(QString, id);
        QFETCH(bool, accepted);
        const ArmPathBuilder path = ArmPathBuilder::fromResourceId(id);
        QCOMPARE(path.ok(), accepted);
        if (!accepted) {
            QVERIFY(!path.error().message.isEmpty());
            return;
        }
        RawHttpServer server;
        QVERIFY(server.listen());
        auto client = clientFor(server);
        ArmReply *reply = client->get(path.path());
        QVERIFY(waitFinished(reply));
        QCOMPARE(server.requests.size(), 1);
        const QByteArray requested = server.requests.first().path();
        QCOMPARE(requested.count('/'), 8);
        QCOMPARE(decodedSegment(requested, 8), ResourceId::parse(id).name());
    }

    /// `cmkwizard create --draft` with hostile names: refused before any request, with a reason naming the
    /// problem; names that are merely unusual (spaces, Unicode, '%') are encoded on the wire.
    void headlessCreateRefusesHostileNames_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("gallery with slash")
            << QStringLiteral("galleryName")
            << QStringLiteral("gal/../../../providers/Microsoft.Authorization") << QStringLiteral("“/”");
        QTest::newRow("resource group with query")
            << QStringLiteral("resourceGroup") << QStringLiteral("rg?api-version=2020-01-01")
            << QStringLiteral("“?”");
        QTest::newRow("image with hash")
            << QStringLiteral("imageDefinitionName") << QStringLiteral("def#x") << QStringLiteral("“#”");
        QTest::newRow("image dot dot")
            << QStringLiteral("imageDefinitionName") << QStringLiteral("..") << QStringLiteral("“..”");
        QTest::newRow("version with slash")
            << QStringLiteral("versionName") << QStringLiteral("1.0.0/../../x")
            << QStringLiteral("1.0.0/../../x");
        QTest::newRow("subscription with slash")
            << QStringLiteral("subscriptionId") << QStringLiteral("%1/resourceGroups/other").arg(kSub)
            << QStringLiteral("“/”");
        QTest::newRow("long gallery") << QStringLiteral("galleryName") << QString(5000, QLatin1Char('g'))
                                      << QStringLiteral("longer than");
        QTest::newRow("source id escaping")
            << QStringLiteral("sourceId")
            << QStringLiteral(
                   "/subscriptions/%1/resourceGroups/rg/providers/Microsoft.Compute/images/i/../../x")
                   .arg(kSub)
            << QStringLiteral("not");
        QTest::newRow("tag name slash")
            << QStringLiteral("tag") << QStringLiteral("a/b") << QStringLiteral("/");
    }

    void headlessCreateRefusesHostileNames() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        armsandbox::Sandbox sandbox;
        QString why;
        QVERIFY2(sandbox.start(armsandbox::SandboxOptions{}, &why), qPrintable(why));

        ImageVersionDraft d = baseDraft();
        if (field == QLatin1String("galleryName"))
            d.galleryName = value;
        else if (field == QLatin1String("resourceGroup"))
            d.resourceGroup = value;
        else if (field == QLatin1String("imageDefinitionName"))
            d.imageDefinitionName = value;
        else if (field == QLatin1String("versionName"))
            d.versionName = value;
        else if (field == QLatin1String("subscriptionId"))
            d.subscriptionId = value;
        else if (field == QLatin1String("sourceId"))
            d.sourceId = value;
        else if (field == QLatin1String("tag"))
            d.tags.append({value, QStringLiteral("v")});
        const QString path = m_dir.filePath(QStringLiteral("hostile-%1.json").arg(QTest::currentDataTag()));
        QVERIFY(DraftStore::save(path, d, &why));

        for (const bool dryRun : {true, false}) {
            QStringList args{QStringLiteral("--draft"), path};
            if (dryRun)
                args << QStringLiteral("--dry-run");
            const auto [exitCode, out, err] = runCreate(sandbox, args);
            QCOMPARE(exitCode, 2);
            QVERIFY2(err.contains(reason), qPrintable(err));
            QVERIFY2(!out.contains(QLatin1String("PUT ")), qPrintable(out));
            QCOMPARE(sandbox.exchanges().size(), 0);
        }
    }

    void headlessCreateEncodesUnusualNames() {
        armsandbox::Sandbox sandbox;
        QString why;
        QVERIFY2(sandbox.start(armsandbox::SandboxOptions{}, &why), qPrintable(why));
        ImageVersionDraft d = baseDraft();
        d.resourceGroup = QStringLiteral("rg été 100%");
        d.galleryName = QStringLiteral("gal-名前");
        const QString path = m_dir.filePath(QStringLiteral("unusual.json"));
        QVERIFY(DraftStore::save(path, d, &why));

        const auto [dryExit, dryOut, dryErr] =
            runCreate(sandbox, {QStringLiteral("--draft"), path, QStringLiteral("--offline")});
        QCOMPARE(dryExit, 0);
        QVERIFY2(dryOut.startsWith(
                     QStringLiteral("PUT %1/subscriptions/%2/resourceGroups/rg%20%C3%A9t%C3%A9%20100%25/"
                                    "providers/Microsoft.Compute/galleries/gal-%E5%90%8D%E5%89%8D/")
                         .arg(sandbox.baseUrl().toString(), kSub)),
                 qPrintable(dryOut));
        QCOMPARE(sandbox.exchanges().size(), 0);

        // Against the server: the image definition is not there, so create stops (exit 2) after read-only
        // requests, every one of them inside the subscription and naming the group exactly.
        const auto [exitCode, out, err] = runCreate(sandbox, {QStringLiteral("--draft"), path});
        QVERIFY2(exitCode == 2 || exitCode == 3, qPrintable(err));
        QVERIFY(!sandbox.exchanges().isEmpty());
        bool sawGroup = false;
        for (const armsandbox::Exchange &exchange : sandbox.exchanges()) {
            const QUrl url(exchange.liveRequest.value(QStringLiteral("url")).toString());
            QCOMPARE(exchange.liveRequest.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
            const QString p = url.path(QUrl::FullyEncoded);
            QVERIFY2(p.startsWith(QStringLiteral("/subscriptions/%1").arg(kSub)), qPrintable(p));
            const QStringList segments = p.split(QLatin1Char('/'));
            const int group = segments.indexOf(QStringLiteral("resourceGroups"));
            if (group > 0 && segments.value(group + 1) != QLatin1String("rg-build")) {
                QCOMPARE(QUrl::fromPercentEncoding(segments.value(group + 1).toLatin1()), d.resourceGroup);
                sawGroup = true;
            }
        }
        QVERIFY(sawGroup);
    }

    // ---- hostile server --------------------------------------------------------------------------------

    void htmlInsteadOfJsonIsATypedError() {
        RawHttpServer server([](RawHttpServer *s, QTcpSocket *socket, const RawRequest &) {
            s->reply(socket, 200, "<html><body>Sign in to continue</body></html>", {},
                     "text/html; charset=utf-8");
        });
        QVERIFY(server.listen());
        auto client = clientFor(server);
        ArmReply *reply = client->get(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->error().kind, ArmError::Kind::MalformedResponse);
        QVERIFY2(reply->error().message.contains(QLatin1String("text/html")),
                 qPrintable(reply->error().message));

        ArmPager *pager = client->list(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(pager));
        QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
        QCOMPARE(pager->itemCount(), 0);
    }

    void jsonOfTheWrongShapeIsATypedError() {
        RawHttpServer server([](RawHttpServer *s, QTcpSocket *socket, const RawRequest &) {
            s->reply(socket, 200, "[1,2,3]", {}, "application/octet-stream");
        });
        QVERIFY(server.listen());
        auto client = clientFor(server);
        ArmPager *pager = client->list(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(pager));
        QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
    }

    void hugeDeclaredBodyIsRefused() {
        // "2 GB" announced and streamed for as long as the client reads.
        RawHttpServer server([](RawHttpServer *s, QTcpSocket *socket, const RawRequest &) {
            s->stream(socket, RawHttpServer::head(200, "application/json", 2ll * 1024 * 1024 * 1024), false,
                      2ll * 1024 * 1024 * 1024);
        });
        QVERIFY(server.listen());
        auto client = clientFor(server); // default cap: 64 MiB
        ArmReply *reply = client->get(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->error().kind, ArmError::Kind::MalformedResponse);
        QVERIFY2(reply->error().message.contains(QLatin1String("64 MiB")),
                 qPrintable(reply->error().message));
        QVERIFY(reply->body().isEmpty());
        QVERIFY2(server.bytesSent < 80ll * 1024 * 1024, QByteArray::number(server.bytesSent));
    }

    void endlessChunkedBodyIsCut_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("200") << 200;
        QTest::newRow("500") << 500; // an error body is capped too, and a capped answer is not retried
    }

    void endlessChunkedBodyIsCut() {
        QFETCH(int, status);
        RawHttpServer server([status](RawHttpServer *s, QTcpSocket *socket, const RawRequest &) {
            s->stream(socket,
                      RawHttpServer::head(status, "application/json", -1, {{"Transfer-Encoding", "chunked"}}),
                      true, 2ll * 1024 * 1024 * 1024);
        });
        QVERIFY(server.listen());
        auto client = clientFor(server);
        client->setRetryPolicy(RetryPolicy{3, 10, 10});
        client->setMaxResponseBytes(qint64{4} * 1024 * 1024);
        ArmReply *reply = client->get(QStringLiteral("/subscriptions"));
        // ArmClient checks the cap on each readyRead: waiting on finished() at full speed, the cut comes a
        // few MiB past the cap (Qt's read buffer), not hundreds of MiB later.
        QSignalSpy finished(reply, &ArmReply::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(reply->error().kind, ArmError::Kind::MalformedResponse);
        QVERIFY2(reply->error().message.contains(QLatin1String("4 MiB")), qPrintable(reply->error().message));
        QCOMPARE(server.requests.size(), 1);
        QVERIFY2(server.bytesSent < 20ll * 1024 * 1024, QByteArray::number(server.bytesSent));
    }

    void compressedBombIsCapped_data() {
        QTest::addColumn<int>("inflatedSize");
        QTest::newRow("6 MiB") << 6 * 1024 * 1024;   // stopped by the client's own cap
        QTest::newRow("64 MiB") << 64 * 1024 * 1024; // stopped by Qt's decompression ratio check
    }

    void compressedBombIsCapped() {
        // Zeros deflated to a few KiB: the cap applies to what the client would hold, and a body Qt refuses
        // to inflate is an error, never an empty success.
        QFETCH(int, inflatedSize);
        const QByteArray zlib = qCompress(QByteArray(inflatedSize, '0'), 9).mid(4);
        RawHttpServer server([zlib](RawHttpServer *s, QTcpSocket *socket, const RawRequest &) {
            s->reply(socket, 200, zlib, {{"Content-Encoding", "deflate"}});
        });
        QVERIFY(server.listen());
        auto client = clientFor(server);
        client->setMaxResponseBytes(qint64{4} * 1024 * 1024);
        ArmReply *reply = client->get(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->error().kind, ArmError::Kind::MalformedResponse);
        QVERIFY(!reply->error().message.isEmpty());
        QVERIFY(reply->body().isEmpty());
    }

    void nextLinkToItselfStops() {
        RawHttpServer server;
        server.setHandler([&server](RawHttpServer *s, QTcpSocket *socket, const RawRequest &request) {
            s->replyJson(socket, 200,
                         page({QJsonObject{{QStringLiteral("id"), QStringLiteral("/subscriptions/a")}}},
                              server.base().toString() + QString::fromLatin1(request.target)));
        });
        QVERIFY(server.listen());
        auto client = clientFor(server);
        ArmPager *pager = client->list(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(pager));
        QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
        QVERIFY2(pager->error().message.contains(QLatin1String("same next page")),
                 qPrintable(pager->error().message));
        QCOMPARE(server.requests.size(), 1);
    }

    void nextLinkCycleStops() {
        // a -> b -> a: not the same link twice in a row, but a page already seen.
        RawHttpServer server;
        server.setHandler([&server](RawHttpServer *s, QTcpSocket *socket, const RawRequest &request) {
            const bool onA = !request.target.contains("skiptoken=b");
            s->replyJson(
                socket, 200,
                page({}, server.base().toString() + QStringLiteral("/subscriptions?api-version=%1&%2")
                                                        .arg(QLatin1String(ApiVersions::Subscriptions),
                                                             onA ? QStringLiteral("$skiptoken=b")
                                                                 : QStringLiteral("$skiptoken=a"))));
        });
        QVERIFY(server.listen());
        auto client = clientFor(server);
        QUrlQuery first;
        first.addQueryItem(QStringLiteral("$skiptoken"), QStringLiteral("a"));
        ArmPager *pager = client->list(QStringLiteral("/subscriptions"), first);
        QVERIFY(waitFinished(pager));
        QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
        QVERIFY(server.requests.size() <= 3);
    }

    void endlessDistinctNextLinksStopAtThePageCap() {
        RawHttpServer server;
        int counter = 0;
        server.setHandler([&server, &counter](RawHttpServer *s, QTcpSocket *socket, const RawRequest &) {
            s->replyJson(socket, 200,
                         page({QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}},
                              server.base().toString() +
                                  QStringLiteral("/subscriptions?$skiptoken=%1").arg(++counter)));
        });
        QVERIFY(server.listen());
        auto client = clientFor(server);
        client->setMaxPages(25);
        ArmPager *pager = client->list(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(pager));
        QCOMPARE(pager->error().kind, ArmError::Kind::MalformedResponse);
        QVERIFY2(pager->error().message.contains(QLatin1String("25")), qPrintable(pager->error().message));
        QCOMPARE(pager->pageCount(), 25);
        QCOMPARE(server.requests.size(), 25);
    }

    void linksToAnotherHostAreNotFollowed_data() {
        QTest::addColumn<QString>("kind"); // nextLink, asyncOperation, location, redirect
        QTest::addColumn<QString>("target");
        for (const QString &kind : {QStringLiteral("nextLink"), QStringLiteral("asyncOperation"),
                                    QStringLiteral("location"), QStringLiteral("redirect")}) {
            QTest::newRow(qPrintable(kind + QStringLiteral(" other port")))
                << kind << QStringLiteral("http://127.0.0.1:{other}/x");
            QTest::newRow(qPrintable(kind + QStringLiteral(" other host name")))
                << kind << QStringLiteral("http://localhost:{other}/x");
            QTest::newRow(qPrintable(kind + QStringLiteral(" other scheme")))
                << kind << QStringLiteral("https://127.0.0.1:{self}/x");
            QTest::newRow(qPrintable(kind + QStringLiteral(" user info")))
                << kind << QStringLiteral("http://user:pw@127.0.0.1:{self}/x");
            QTest::newRow(qPrintable(kind + QStringLiteral(" scheme relative")))
                << kind << QStringLiteral("//127.0.0.1:{other}/x");
            QTest::newRow(qPrintable(kind + QStringLiteral(" host in user info")))
                << kind << QStringLiteral("http://127.0.0.1:{self}@127.0.0.1:{other}/x");
        }
    }

    void linksToAnotherHostAreNotFollowed() {
        QFETCH(QString, kind);
        QFETCH(QString, target);
        RawHttpServer other; // anything reaching it is a failure
        QVERIFY(other.listen());
        RawHttpServer server;
        QVERIFY(server.listen());
        const QByteArray link = target.replace(QStringLiteral("{other}"), QString::number(other.port()))
                                    .replace(QStringLiteral("{self}"), QString::number(server.port()))
                                    .toUtf8();
        server.setHandler([&](RawHttpServer *s, QTcpSocket *socket, const RawRequest &) {
            if (kind == QLatin1String("nextLink"))
                s->replyJson(socket, 200, page({}, QString::fromUtf8(link)));
            else if (kind == QLatin1String("asyncOperation"))
                s->replyJson(socket, 201,
                             QJsonObject{{QStringLiteral("properties"),
                                          QJsonObject{{QStringLiteral("provisioningState"),
                                                       QStringLiteral("Creating")}}}},
                             {{"Azure-AsyncOperation", link}});
            else if (kind == QLatin1String("location"))
                s->reply(socket, 202, {}, {{"Location", link}});
            else
                s->reply(socket, 307, {}, {{"Location", link}});
        });
        auto client = clientFor(server);
        const QString path = QStringLiteral("/subscriptions/%1/resourceGroups/rg").arg(kSub);
        ArmError error;
        if (kind == QLatin1String("nextLink")) {
            ArmPager *pager = client->list(QStringLiteral("/subscriptions"));
            QVERIFY(waitFinished(pager));
            error = pager->error();
        } else if (kind == QLatin1String("redirect")) {
            ArmReply *reply = client->get(path);
            QVERIFY(waitFinished(reply));
            error = reply->error();
            QCOMPARE(error.httpStatus, 307);
        } else {
            ArmOperation *operation = client->beginPut(path, nlohmann::json{{"location", "westeurope"}});
            QVERIFY(waitFinished(operation));
            error = operation->error();
        }
        QVERIFY(error.isError());
        QVERIFY(!error.toDisplayString().isEmpty());
        if (kind != QLatin1String("redirect"))
            QVERIFY2(error.message.contains(QLatin1String("not followed")) ||
                         error.message.contains(QLatin1String("not allowed")) ||
                         error.message.contains(QLatin1String("does not start")),
                     qPrintable(error.message));
        QVERIFY(other.settle());
        QCOMPARE(other.connections(), 0);
        QVERIFY(server.settle());
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().header("Authorization"), "Bearer " + kToken);
    }

    void tokenGoesOnlyToTheEndpointOnFollowedLinks() {
        // A nextLink and an operation URL on the endpoint are followed, with the token; nothing else gets it.
        RawHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&server](RawHttpServer *s, QTcpSocket *socket, const RawRequest &request) {
            if (request.method == "PUT") {
                s->replyJson(
                    socket, 201, {},
                    {{"Azure-AsyncOperation",
                      (server.base().toString() + QStringLiteral("/op/1?api-version=2025-03-03")).toUtf8()}});
            } else if (request.target.startsWith("/op/1")) {
                s->replyJson(socket, 200,
                             QJsonObject{{QStringLiteral("status"), QStringLiteral("Succeeded")}});
            } else if (request.target.contains("skiptoken")) {
                s->replyJson(socket, 200, page({}));
            } else if (request.method == "GET" && request.target.startsWith("/subscriptions?")) {
                s->replyJson(
                    socket, 200,
                    page({}, server.base().toString() + QStringLiteral("/subscriptions?$skiptoken=2")));
            } else {
                s->replyJson(socket, 200, QJsonObject{{QStringLiteral("id"), QStringLiteral("/x")}});
            }
        });
        auto client = clientFor(server);
        ArmPager *pager = client->list(QStringLiteral("/subscriptions"));
        QVERIFY(waitFinished(pager));
        QVERIFY2(!pager->error(), qPrintable(pager->error().toDisplayString()));
        QCOMPARE(pager->pageCount(), 2);
        ArmOperation *operation = client->beginPut(
            QStringLiteral("/subscriptions/%1/resourceGroups/rg").arg(kSub), nlohmann::json::object());
        QVERIFY(waitFinished(operation));
        QVERIFY2(!operation->error(), qPrintable(operation->error().toDisplayString()));
        QCOMPARE(server.requests.size(), 5); // 2 pages, PUT, status, final GET
        for (const RawRequest &request : std::as_const(server.requests))
            QCOMPARE(request.header("Authorization"), "Bearer " + kToken);
    }

private:
    static ImageVersionDraft baseDraft() {
        return demodata::imageVersionDraft(QStringLiteral("9.8.7"), SourceKind::ManagedImage);
    }

    std::tuple<int, QString, QString> runCreate(const armsandbox::Sandbox &sandbox, const QStringList &args) {
        const cmktest::CmkwizardRun run = cmktest::runCmkwizard(
            QStringList{QStringLiteral("create"), QStringLiteral("--lang"), QStringLiteral("en"),
                        QStringLiteral("--arm-endpoint"), sandbox.baseUrl().toString()} +
                args,
            cmktest::headlessEnvironment(m_dir, QString::fromLatin1(kToken)));
        return {run.exitCode, run.out, run.err};
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
