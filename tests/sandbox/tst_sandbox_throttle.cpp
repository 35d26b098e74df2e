// armsandbox --throttle: ARM's per-subscription token buckets for reads and writes, seen on the wire. The
// remaining count on every ARM answer, ARM's 429 (SubscriptionRequestsThrottled, Retry-After) when a bucket
// is spent, the refill on the sandbox's clock (moved on by the test instead of waiting), separate buckets per
// subscription, per kind and for tenant-level requests, and no quota headers at all without --throttle.

#include "armsandbox.h"
#include "identity/identity.h"
#include "support/sandboxhttp.h"

#include <QtTest>

using namespace sandboxtest;

namespace {

const QByteArray SubscriptionReads = "x-ms-ratelimit-remaining-subscription-reads";
const QByteArray SubscriptionWrites = "x-ms-ratelimit-remaining-subscription-writes";

QString desList(const QString &subscription) {
    return QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets")
        .arg(subscription);
}

} // namespace

class TestSandboxThrottle : public QObject {
    Q_OBJECT

    Http m_http;

    HttpResult read(const armsandbox::Sandbox &sandbox, const QString &path) {
        return m_http.get(armUrl(sandbox.baseUrl(), path, QStringLiteral("2025-01-02")));
    }
    HttpResult registerCompute(const armsandbox::Sandbox &sandbox) {
        return m_http.call(
            "POST",
            armUrl(sandbox.baseUrl(),
                   QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/register").arg(kSub1),
                   QStringLiteral("2025-04-01")));
    }

private Q_SLOTS:
    void withoutThrottleNoQuotaHeaders() {
        auto sandbox = startThrottledSandbox({});
        const HttpResult list = read(*sandbox, desList(kSub1));
        QCOMPARE(list.status, 200);
        for (const auto &header : list.headers)
            QVERIFY2(!header.first.toLower().startsWith("x-ms-ratelimit"), header.first.constData());
    }

    void spentBucketIsRefusedUntilItRefills() {
        auto sandbox = startThrottledSandbox(QStringLiteral("reads=3,writes=2,refill=1"));
        armsandbox::IdentityService *identity = armsandbox::IdentityService::forBaseUrl(sandbox->baseUrl());
        QVERIFY(identity);
        for (const QByteArray expected : {"2", "1", "0"}) {
            const HttpResult list = read(*sandbox, desList(kSub1));
            QCOMPARE(list.status, 200);
            QCOMPARE(list.header(SubscriptionReads), expected);
        }
        const HttpResult refused = read(*sandbox, desList(kSub1));
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("SubscriptionRequestsThrottled"));
        QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
        QCOMPARE(refused.header(SubscriptionReads), QByteArray("0"));
        QVERIFY(refused.json()
                    .value(QLatin1String("error"))
                    .toObject()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(kSub1));

        // Other buckets are untouched: writes, another subscription, tenant-level reads.
        const HttpResult write = registerCompute(*sandbox);
        QCOMPARE(write.status, 200);
        QCOMPARE(write.header(SubscriptionWrites), QByteArray("1"));
        QVERIFY(write.header(SubscriptionReads).isEmpty());
        QCOMPARE(read(*sandbox, desList(kSub2)).header(SubscriptionReads), QByteArray("2"));
        const HttpResult tenantLevel = m_http.get(
            armUrl(sandbox->baseUrl(), QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01")));
        QCOMPARE(tenantLevel.status, 200);
        QCOMPARE(tenantLevel.header("x-ms-ratelimit-remaining-tenant-reads"), QByteArray("2"));

        // One second on the sandbox's clock brings one token back; ten fill the bucket, never past its size.
        identity->advanceClock(1);
        const HttpResult refilled = read(*sandbox, desList(kSub1));
        QCOMPARE(refilled.status, 200);
        QCOMPARE(refilled.header(SubscriptionReads), QByteArray("0"));
        identity->advanceClock(10);
        QCOMPARE(read(*sandbox, desList(kSub1)).header(SubscriptionReads), QByteArray("2"));
    }

    void spentWriteBucketIsRefused() {
        auto sandbox = startThrottledSandbox(QStringLiteral("reads=5,writes=1,refill=0.25"));
        QCOMPARE(registerCompute(*sandbox).status, 200);
        const HttpResult refused = registerCompute(*sandbox);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("SubscriptionRequestsThrottled"));
        QCOMPARE(refused.header("Retry-After"), QByteArray("4")); // one token at a quarter per second
        QCOMPARE(read(*sandbox, desList(kSub1)).status, 200);
    }

    void invalidSpecIsRefused_data() {
        QTest::addColumn<QString>("spec");
        QTest::newRow("no writes") << QStringLiteral("reads=5");
        QTest::newRow("zero") << QStringLiteral("reads=0,writes=5");
        QTest::newRow("unknown key") << QStringLiteral("reads=5,writes=5,burst=3");
        QTest::newRow("negative refill") << QStringLiteral("reads=5,writes=5,refill=-1");
    }

    void invalidSpecIsRefused() {
        QFETCH(QString, spec);
        armsandbox::Sandbox sandbox;
        armsandbox::SandboxOptions options;
        options.throttle = spec;
        QString why;
        QVERIFY(!sandbox.start(options, &why));
        QVERIFY2(why.contains(QLatin1String("--throttle")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestSandboxThrottle)
#include "tst_sandbox_throttle.moc"
