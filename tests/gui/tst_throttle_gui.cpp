// The wizard under ARM's request quotas (issue 15): an in-process armsandbox with --throttle and a small read
// budget, the real wizard driven to the Encryption page and its "Refresh the list". From the sandbox's side:
// once the budget is spent the wizard sends nothing ARM refuses (it waits for the refill that the last
// x-ms-ratelimit-remaining-subscription-reads foretells), and after a 429 it could not foresee (another
// caller spent the quota) the dropdowns fill without anyone clicking again, with that one 429 and no other.

#include "common/diskencryptionsetmodel.h"
#include "des/diskencryptionsetcatalog.h"
#include "imagewizard/wizardpageids.h"
#include "support/sandboxhttp.h"
#include "support/wizardharness.h"

#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace wizardtest;

namespace {

// Buckets of 6 reads refilled at 3 a second: as many as the wizard sends at once when it opens on a draft,
// before any answer can tell it the quota (a smaller bucket refuses some of those, which no client can
// foresee), and fewer than it reads up to the Encryption page and its refresh.
const QString SmallBudget = QStringLiteral("reads=6,writes=1000,refill=3");
// Enough for the way to the Encryption page, so that the wizard's last count says it may read on.
const QString LargerBudget = QStringLiteral("reads=60,writes=1000,refill=3");
const QByteArray DrainAgent = QByteArrayLiteral("cmk-test-other-caller");

/// One read of the subscription as the sandbox answered it.
struct SubscriptionRead {
    QString path;
    int status = 0;
    int remaining = -1; ///< x-ms-ratelimit-remaining-subscription-reads; -1 when not sent
    bool otherCaller = false;
};

} // namespace

class TestThrottleGui : public QObject {
    Q_OBJECT

    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;
    sandboxtest::Http m_http;

    template <typename T> T *w(const QString &name) { return find<T>(m_session.wizard.get(), name); }

    /// The reads of the subscription the sandbox answered, from the `from`-th exchange on.
    QList<SubscriptionRead> subscriptionReads(qsizetype from = 0) const {
        QList<SubscriptionRead> reads;
        const QList<armsandbox::Exchange> exchanges = m_sandbox.exchanges();
        for (qsizetype i = from; i < exchanges.size(); ++i) {
            const QJsonObject request = exchanges.at(i).liveRequest;
            const QJsonObject response = exchanges.at(i).liveResponse;
            const QString path = QUrl(request.value(QLatin1String("url")).toString()).path();
            if (request.value(QLatin1String("method")).toString() != QLatin1String("GET") ||
                !path.startsWith(QStringLiteral("/subscriptions/") + Sub, Qt::CaseInsensitive))
                continue;
            const QJsonObject responseHeaders = response.value(QLatin1String("headers")).toObject();
            bool known = false;
            const int remaining =
                responseHeaders.value(QLatin1String("x-ms-ratelimit-remaining-subscription-reads"))
                    .toString()
                    .toInt(&known);
            reads.append({path, response.value(QLatin1String("statusCode")).toString().toInt(),
                          known ? remaining : -1,
                          request.value(QLatin1String("headers"))
                                  .toObject()
                                  .value(QLatin1String("user-agent"))
                                  .toString()
                                  .toLatin1() == DrainAgent});
        }
        return reads;
    }

    static int refusedByTheWizard(const QList<SubscriptionRead> &reads) {
        return int(std::count_if(reads.begin(), reads.end(), [](const SubscriptionRead &read) {
            return read.status == 429 && !read.otherCaller;
        }));
    }

    bool dropdownsFilled() {
        auto *weu = w<QComboBox>(QStringLiteral("desCombo_westeurope_os"));
        auto *frc = w<QComboBox>(QStringLiteral("desCombo_francecentral_os"));
        return weu && frc &&
               QTest::qWaitFor(
                   [&] {
                       return !m_session.wizard->diskEncryptionSets()->isLoading() && weu->count() > 0 &&
                              frc->count() > 0;
                   },
                   30000);
    }

    /// The wizard on a customer-key draft for West Europe and France Central, at the Encryption page.
    bool openAtEncryptionPage() {
        return wizardtest::openAtEncryptionPage(m_session, QStringLiteral("9.2.0"));
    }

    /// Another caller (same subscription, not the wizard) reads until ARM refuses it: the quota is spent
    /// behind the wizard's back, so the wizard's last remaining count is stale.
    bool spendTheQuotaElsewhere() {
        for (int i = 0; i < 100; ++i) {
            const sandboxtest::HttpResult result =
                m_http.call("GET",
                            sandboxtest::armUrl(m_sandbox.baseUrl(),
                                                QStringLiteral("/subscriptions/%1/resourcegroups").arg(Sub),
                                                QStringLiteral("2022-09-01")),
                            {}, {{"User-Agent", DrainAgent}});
            if (result.status == 429)
                return true;
        }
        return false;
    }

private Q_SLOTS:
    /// The sandbox (again) with `throttle`, and a new client that has seen none of its answers.
    bool restart(const QString &throttle) {
        m_session.close();
        m_sandbox.stop();
        armsandbox::SandboxOptions options;
        options.throttle = throttle;
        options.featuresRegistered = true;
        QString why;
        if (!m_sandbox.start(options, &why)) {
            qWarning("%s", qPrintable(why));
            return false;
        }
        m_session.client = std::make_unique<cmk::ArmClient>();
        m_session.client->setEndpoint(m_sandbox.baseUrl());
        return true;
    }

    void cleanup() { m_session.close(); }

    // Up to the Encryption page and its refresh the wizard reads more than the bucket holds: the sandbox said
    // 0 remaining at least once, the wizard read on after that, and none of its reads was refused (each one
    // waited for the refill the last count foretold).
    void spentBudgetIsWaitedOutNotRefused() {
        QVERIFY(restart(SmallBudget));
        QVERIFY(openAtEncryptionPage());
        QVERIFY(dropdownsFilled());
        // Refresh the list: ARM's exact listing and the chosen sets' keys again, on a budget already spent.
        QSignalSpy loaded(m_session.wizard->diskEncryptionSets(),
                          &cmkui::DiskEncryptionSetModel::loadFinished);
        w<QAbstractButton>(QStringLiteral("refreshDesButton"))->click();
        QVERIFY(loaded.wait(30000));
        QVERIFY(dropdownsFilled());
        const QList<SubscriptionRead> reads = subscriptionReads();
        const auto spent = std::find_if(reads.begin(), reads.end(),
                                        [](const SubscriptionRead &read) { return read.remaining == 0; });
        QVERIFY2(spent != reads.end(), "the wizard never spent the read budget; the test proves nothing");
        // It read on after that (once the bucket had refilled), and was answered.
        QVERIFY(std::any_of(spent + 1, reads.end(),
                            [](const SubscriptionRead &read) { return read.status == 200; }));
        QCOMPARE(refusedByTheWizard(reads), 0);
    }

    // The quota spent by another caller: Refresh the list gets one 429 it could not foresee, waits the
    // Retry-After out and lists again by itself; nothing else of the wizard's is refused.
    void refreshAfterA429FillsWithoutUserAction() {
        QVERIFY(restart(LargerBudget));
        QVERIFY(openAtEncryptionPage());
        QVERIFY(dropdownsFilled());
        const QList<SubscriptionRead> opening = subscriptionReads();
        QVERIFY(!opening.isEmpty() && opening.last().remaining > 0); // the wizard believes it may read
        QVERIFY(spendTheQuotaElsewhere());
        const qsizetype before = m_sandbox.exchanges().size();
        QSignalSpy loaded(m_session.wizard->diskEncryptionSets(),
                          &cmkui::DiskEncryptionSetModel::loadFinished);
        w<QAbstractButton>(QStringLiteral("refreshDesButton"))->click();
        QVERIFY(loaded.wait(30000));
        QVERIFY(dropdownsFilled());
        QCOMPARE(m_session.wizard->diskEncryptionSets()->catalog()->listedFrom(),
                 cmk::DesListSource::ResourceManager);
        const QList<SubscriptionRead> reads = subscriptionReads(before);
        QCOMPARE(refusedByTheWizard(reads), 1);
        const auto listed = std::find_if(reads.begin(), reads.end(), [](const SubscriptionRead &read) {
            return !read.otherCaller && read.status == 200 &&
                   read.path.endsWith(QLatin1String("/providers/Microsoft.Compute/diskEncryptionSets"),
                                      Qt::CaseInsensitive);
        });
        QVERIFY2(listed != reads.end(), "ARM's listing of the sets was never answered");
    }
};

QTEST_MAIN(TestThrottleGui)
#include "tst_throttle_gui.moc"
