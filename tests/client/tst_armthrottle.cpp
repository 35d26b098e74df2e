// ArmClient under ARM's request quotas (ArmThrottlePolicy), against a real in-process armsandbox with
// --throttle: a client that saw x-ms-ratelimit-remaining-subscription-reads reach 0 sends nothing the sandbox
// refuses (counted on the server side), many requests at once all complete, and a 429 the client could not
// foresee (another caller spent the quota) is waited out with Retry-After, the queued requests following one
// by one rather than all retrying together.

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "armsandbox.h"
#include "support/armwait.h"
#include "support/sandboxhttp.h"

#include <QtTest>

using namespace cmk;
using cmktest::waitFinished;
using sandboxtest::startThrottledSandbox;

namespace {

const QString Sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");
const QString RemainingReads = QStringLiteral("x-ms-ratelimit-remaining-subscription-reads");

int statusOf(const armsandbox::Exchange &exchange) {
    return exchange.liveResponse.value(QLatin1String("statusCode")).toString().toInt();
}

QString responseHeader(const armsandbox::Exchange &exchange, const QString &name) {
    return exchange.liveResponse.value(QLatin1String("headers")).toObject().value(name).toString();
}

} // namespace

class TestArmThrottle : public QObject {
    Q_OBJECT

    static std::unique_ptr<ArmClient> clientFor(const armsandbox::Sandbox &sandbox, int refillWaitMs) {
        auto client = std::make_unique<ArmClient>();
        client->setEndpoint(sandbox.baseUrl());
        client->setThrottleRefillWaitMs(refillWaitMs);
        return client;
    }
    /// `count` GETs of the subscription's Disk Encryption Sets at once; true when every one succeeded.
    static bool readAtOnce(ArmClient &client, int count) {
        std::vector<std::unique_ptr<ArmReply>> replies;
        for (int i = 0; i < count; ++i)
            replies.emplace_back(client.get(diskEncryptionSetsPath(Sub).path()));
        for (const auto &reply : replies) {
            if (!waitFinished(reply.get()) || reply->error()) {
                qWarning("%s", qPrintable(reply->error().toDisplayString()));
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void nothingRefusedAfterTheQuotaIsSeenSpent() {
        auto sandbox = startThrottledSandbox(QStringLiteral("reads=5,writes=5,refill=20"));
        auto client = clientFor(*sandbox, 250);
        QVERIFY(readAtOnce(*client, 1)); // the client learns the quota
        QVERIFY(readAtOnce(*client, 30));

        const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
        QCOMPARE(exchanges.size(), 31); // no retries
        qsizetype firstSpent = -1;
        int refusedAfterSpent = 0;
        for (qsizetype i = 0; i < exchanges.size(); ++i) {
            if (firstSpent < 0 && responseHeader(exchanges.at(i), RemainingReads) == QLatin1String("0"))
                firstSpent = i;
            else if (firstSpent >= 0 && statusOf(exchanges.at(i)) == 429)
                ++refusedAfterSpent;
        }
        QVERIFY2(firstSpent >= 0, "the quota was never spent: the test proves nothing");
        QVERIFY2(firstSpent < exchanges.size() - 5, "the client never had to hold a request");
        QCOMPARE(refusedAfterSpent, 0);
    }

    void unforeseen429IsWaitedOutOneByOne() {
        auto sandbox = startThrottledSandbox(QStringLiteral("reads=4,writes=4,refill=2"));
        auto client = clientFor(*sandbox, 1000);
        QVERIFY(readAtOnce(*client, 1)); // remaining 3, as far as this client knows
        auto other = clientFor(*sandbox, 1000);
        QVERIFY(readAtOnce(*other, 3)); // another caller spends them
        sandbox->clearExchanges();

        QVERIFY(readAtOnce(*client, 6)); // no error reaches the caller
        // The requests sent on the stale count (three, or four should the refill wait pass meanwhile) are
        // refused; after Retry-After one goes alone and the others follow as the quota allows, so once one
        // is served none is refused again (the sandbox answers in order: the refusals come first).
        const QList<armsandbox::Exchange> exchanges = sandbox->exchanges();
        qsizetype refused = 0;
        while (refused < exchanges.size() && statusOf(exchanges.at(refused)) == 429) {
            QCOMPARE(responseHeader(exchanges.at(refused), QStringLiteral("retry-after")),
                     QStringLiteral("1"));
            ++refused;
        }
        QVERIFY2(refused >= 3 && refused <= 4, qPrintable(QString::number(refused)));
        for (qsizetype i = refused; i < exchanges.size(); ++i)
            QCOMPARE(statusOf(exchanges.at(i)), 200);
        QCOMPARE(exchanges.size() - refused, 6);
    }
};

QTEST_GUILESS_MAIN(TestArmThrottle)
#include "tst_armthrottle.moc"
