// armsandbox as Microsoft's own clients see it: the unmodified current @azure/arm-compute (pinned in
// tests/node/package-lock.json) lists Disk Encryption Sets, creates an image version through its long-running
// PUT and reads it back, with the newest published api-versions; a client that percent-encodes `$` in query
// keys pages to the end; every published api-version is accepted, and a repeated query key is refused.

#include "armsandbox.h"
#include "support/sandboxhttp.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace sandboxtest;

namespace {

const QString kDesPath =
    QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets").arg(kSub1);

QString resourceId(const QString &group, const QString &type, const QString &name) {
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/%3/%4")
        .arg(kSub1, group, type, name);
}

QStringList namesOf(const HttpResult &page) {
    QStringList names;
    for (const QJsonValue &item : page.json().value(QLatin1String("value")).toArray())
        names << item.toObject().value(QLatin1String("name")).toString();
    return names;
}

} // namespace

class TestSandboxSdk : public QObject {
    Q_OBJECT

    armsandbox::Sandbox m_sandbox;
    Http m_http;

    QUrl desList(const QString &apiVersion, const QString &extraQuery = {}) const {
        return armUrl(m_sandbox.baseUrl(), kDesPath, apiVersion, extraQuery);
    }

private Q_SLOTS:
    void initTestCase() {
        armsandbox::SandboxOptions options;
        options.pageSize = 3;
        options.featuresRegistered = true;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
    }

    void officialJavaScriptSdkListsCreatesAndReadsBack() {
        const QString sourceDir = qEnvironmentVariable("CMK_SOURCE_DIR");
        if (sourceDir.isEmpty() ||
            !QFileInfo::exists(sourceDir + QStringLiteral("/tests/node/node_modules/@azure/arm-compute")))
            QSKIP(
                "tests/node/node_modules is missing: run `npm ci` in tests/node (script/bootstrap does it).");
        m_sandbox.clearExchanges();
        const QString des = resourceId(QStringLiteral("rg-keys-prod"), QStringLiteral("diskEncryptionSets"),
                                       QStringLiteral("des-weu-cmk"));
        QProcess node;
        QSignalSpy finished(&node, &QProcess::finished);
        node.start(QStringLiteral("node"),
                   {sourceDir + QStringLiteral("/tests/node/arm-compute-roundtrip.js"),
                    m_sandbox.baseUrl().toString(), kSub1, QStringLiteral("7.7.7"),
                    resourceId(QStringLiteral("rg-build"), QStringLiteral("images"),
                               QStringLiteral("img-ubuntu2204-web")),
                    des});
        QVERIFY2(node.waitForStarted(10000), "node is not installed");
        QVERIFY(finished.wait(60000)); // the sandbox answers from this thread's event loop
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
        const QJsonObject result = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        QStringList names = result.value(QLatin1String("desNames")).toVariant().toStringList();
        QCOMPARE(names.size(), 9); // the demo subscription's sets, over three pages of three
        QCOMPARE(names.removeDuplicates(), 0);
        QVERIFY(names.contains(QStringLiteral("des-wus-cmk")));
        QCOMPARE(result.value(QLatin1String("createdState")).toString(), QStringLiteral("Succeeded"));
        QCOMPARE(result.value(QLatin1String("readBackState")).toString(), QStringLiteral("Succeeded"));
        QCOMPARE(result.value(QLatin1String("readBackDes")).toString(), des);

        // What the SDK sent: DiskRP's and GalleryRP's newest api-versions, and nothing was refused.
        QSet<QString> versions;
        for (const armsandbox::Exchange &exchange : m_sandbox.exchanges()) {
            const QUrl url(exchange.liveRequest.value(QLatin1String("url")).toString());
            versions.insert(QUrlQuery(url).queryItemValue(QStringLiteral("api-version")));
            const int status = exchange.liveResponse.value(QLatin1String("statusCode")).toVariant().toInt();
            QVERIFY2(status < 400, qPrintable(url.toString()));
        }
        QVERIFY2(versions.contains(QStringLiteral("2026-03-02")), qPrintable(versions.values().join(',')));
        QVERIFY2(versions.contains(QStringLiteral("2025-12-03")), qPrintable(versions.values().join(',')));
        qInfo("@azure/arm-compute %s", qPrintable(result.value(QLatin1String("sdkVersion")).toString()));
    }

    // A URL library writes `$skiptoken` as `%24skiptoken`: it is the same parameter, and the nextLink is
    // built anew (one $skiptoken), so such a client pages to the end instead of reading page 1 forever.
    void percentEncodedSkipTokenPagesToTheEnd() {
        const HttpResult first = m_http.get(desList(QStringLiteral("2025-01-02")));
        const HttpResult second =
            m_http.get(desList(QStringLiteral("2025-01-02"), QStringLiteral("%24skiptoken=3")));
        QCOMPARE(second.status, 200);
        QCOMPARE(namesOf(first).size(), 3);
        QVERIFY2(namesOf(second) != namesOf(first), qPrintable(namesOf(second).join(',')));
        QStringList all;
        QUrl url = desList(QStringLiteral("2025-01-02"));
        for (int page = 0; url.isValid() && page < 10; ++page) {
            const HttpResult result = m_http.get(url);
            QCOMPARE(result.status, 200);
            all << namesOf(result);
            const QString link = result.json().value(QLatin1String("nextLink")).toString();
            QCOMPARE(link.count(QLatin1String("skiptoken")), link.isEmpty() ? 0 : 1);
            // Encoded as such a client would send it back.
            url = link.isEmpty() ? QUrl()
                                 : QUrl(QString(link).replace(QLatin1String("$"), QLatin1String("%24")));
        }
        QCOMPARE(all.size(), 9);
        QCOMPARE(all.removeDuplicates(), 0);
    }

    void repeatedQueryKeyIsRefused_data() {
        QTest::addColumn<QString>("extraQuery");
        QTest::newRow("api-version twice") << QStringLiteral("api-version=2024-03-02");
        QTest::newRow("$skiptoken twice") << QStringLiteral("$skiptoken=3&%24skiptoken=6");
    }

    void repeatedQueryKeyIsRefused() {
        QFETCH(QString, extraQuery);
        const HttpResult result = m_http.get(desList(QStringLiteral("2025-01-02"), extraQuery));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorCode(), QStringLiteral("InvalidQueryParameter"));
    }

    void everyPublishedApiVersionIsAccepted_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<int>("status");
        const QString gallery = resourceId(QStringLiteral("rg-images-prod"), QStringLiteral("galleries"),
                                           QStringLiteral("galContosoProd"));
        QTest::newRow("DiskRP newest") << kDesPath << QStringLiteral("2026-03-02") << 200;
        QTest::newRow("DiskRP first with sets") << kDesPath << QStringLiteral("2019-07-01") << 200;
        QTest::newRow("DiskRP 2022-07-02") << kDesPath << QStringLiteral("2022-07-02") << 200;
        QTest::newRow("DiskRP unpublished") << kDesPath << QStringLiteral("2026-01-01") << 400;
        QTest::newRow("GalleryRP newest") << gallery << QStringLiteral("2025-12-03") << 200;
        QTest::newRow("GalleryRP 2022-03-03") << gallery << QStringLiteral("2022-03-03") << 200;
        QTest::newRow("GalleryRP preview") << gallery << QStringLiteral("2025-03-03-preview") << 400;
    }

    void everyPublishedApiVersionIsAccepted() {
        QFETCH(QString, path);
        QFETCH(QString, apiVersion);
        QFETCH(int, status);
        const HttpResult result = m_http.get(armUrl(m_sandbox.baseUrl(), path, apiVersion));
        QCOMPARE(result.status, status);
        if (status == 400)
            QCOMPARE(result.errorCode(), QStringLiteral("InvalidApiVersionParameter"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxSdk)
#include "tst_sandbox_sdk.moc"
