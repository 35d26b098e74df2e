// PrerequisiteChecker and DesReadinessChecker against a real armsandbox over HTTP.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "auth/tokenprovider.h"
#include "prerequisites/desreadiness.h"
#include "prerequisites/prerequisites.h"
#include "support/prereqfixture.h"

#include <QSignalSpy>
#include <QTest>

using cmk::PrerequisiteChecker;
using Item = PrerequisiteChecker::Item;
using State = PrerequisiteChecker::State;
using namespace prereqtest;

class TestPrereqChecker : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_fixture;
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;
    static constexpr int pollsUntilRegistered = 3;

    PrerequisiteChecker::Options fastOptions() const {
        PrerequisiteChecker::Options o;
        o.initialPollIntervalMs = 10;
        o.maxPollIntervalMs = 40;
        return o;
    }

    // Waits for the checker to be idle (no read, register or poll in flight).
    static bool waitIdle(PrerequisiteChecker &checker, int timeoutMs = 10000) {
        return QTest::qWaitFor([&] { return !checker.isBusy(); }, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_fixture = writeFixture(m_dir);
        QVERIFY(!m_fixture.isEmpty());
    }

    void init() {
        // A fresh sandbox per test: registrations change its state.
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.fixturePath = m_fixture;
        options.featurePollsUntilRegistered = pollsUntilRegistered;
        QString why;
        QVERIFY2(m_sandbox->start(options, &why), qPrintable(why));
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        cmk::RetryPolicy retry;
        retry.baseDelayMs = 5;
        m_client->setRetryPolicy(retry);
    }

    void cleanup() {
        m_client.reset();
        m_sandbox.reset();
    }

    void readsNotRegisteredStates() {
        PrerequisiteChecker checker(m_client.get());
        checker.setOptions(fastOptions());
        checker.setSubscriptionId(subNotRegistered);
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(checker.state(Item::Feature), State::NotRegistered);
        QCOMPARE(checker.state(Item::Provider), State::NotRegistered);
        QCOMPARE(checker.serverState(Item::Feature), QStringLiteral("NotRegistered"));
        QVERIFY(!checker.isReady());
        QCOMPARE(checker.itemsNeedingRegistration(), (QList<Item>{Item::Feature, Item::Provider}));
        QVERIFY(!checker.isBusy());
        QVERIFY(checker.explanation(Item::Feature).contains(QStringLiteral("not registered")));

        // The feature is read with the Microsoft.Features api-version, once; nothing is registered by a
        // check.
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("GET"), featurePath(subNotRegistered)), 1);
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("GET"), providerPath(subNotRegistered)), 1);
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("POST"), QStringLiteral("/register")), 0);
        for (const armsandbox::Exchange &e : m_sandbox->exchanges()) {
            const QUrl url = exchangeUrl(e);
            if (url.path().endsWith(featurePath(subNotRegistered), Qt::CaseInsensitive))
                QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("api-version")),
                         QStringLiteral("2021-07-01"));
        }
    }

    void readsRegisteredStates() {
        PrerequisiteChecker checker(m_client.get());
        checker.setSubscriptionId(subReady);
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        QCOMPARE(checker.state(Item::Feature), State::Registered);
        QCOMPARE(checker.state(Item::Provider), State::Registered);
        QVERIFY(checker.isReady());
        QVERIFY(checker.itemsNeedingRegistration().isEmpty());
    }

    void registerFeatureGoesThroughRegistering() {
        PrerequisiteChecker checker(m_client.get());
        checker.setOptions(fastOptions());
        checker.setSubscriptionId(subNotRegistered);
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        m_sandbox->clearExchanges();

        QList<State> seen;
        connect(&checker, &PrerequisiteChecker::stateChanged, this, [&](Item item, State state) {
            if (item == Item::Feature)
                seen.append(state);
        });
        QSignalSpy pollingDone(&checker, &PrerequisiteChecker::pollingFinished);
        QSignalSpy scheduled(&checker, &PrerequisiteChecker::pollScheduled);
        checker.registerItem(Item::Feature);
        QVERIFY(checker.isBusy());
        QVERIFY(pollingDone.wait(10000));
        QCOMPARE(pollingDone.count(), 1);
        QCOMPARE(pollingDone.at(0).at(0).value<Item>(), Item::Feature);
        QCOMPARE(pollingDone.at(0).at(1).toBool(), true);
        QCOMPARE(checker.state(Item::Feature), State::Registered);
        QVERIFY(seen.contains(State::Registering));
        QCOMPARE(seen.last(), State::Registered);
        QVERIFY(seen.indexOf(State::Registering) < seen.indexOf(State::Registered));
        QVERIFY(!checker.isPolling());

        // One POST, then as many GETs as the checker's polls, and the provider was left alone.
        QCOMPARE(
            countRequests(*m_sandbox, QStringLiteral("POST"), featurePath(subNotRegistered) + "/register"),
            1);
        const int gets = countRequests(*m_sandbox, QStringLiteral("GET"), featurePath(subNotRegistered));
        QCOMPARE(gets, checker.pollCount(Item::Feature));
        QVERIFY2(gets >= pollsUntilRegistered - 1 && gets <= pollsUntilRegistered + 1,
                 qPrintable(QString::number(gets)));
        QCOMPARE(scheduled.count(), gets);
        QCOMPARE(
            countRequests(*m_sandbox, QStringLiteral("POST"), providerPath(subNotRegistered) + "/register"),
            0);
        QCOMPARE(checker.state(Item::Provider), State::NotRegistered);

        // Polling has stopped: nothing more reaches the server.
        const int total = int(m_sandbox->exchanges().size());
        QTest::qWait(300);
        QCOMPARE(int(m_sandbox->exchanges().size()), total);
        QVERIFY(!checker.isBusy());
    }

    void registerMissingMakesReady() {
        PrerequisiteChecker checker(m_client.get());
        checker.setOptions(fastOptions());
        checker.setSubscriptionId(subNotRegistered);
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        checker.registerMissing();
        QVERIFY(waitIdle(checker));
        QCOMPARE(checker.state(Item::Feature), State::Registered);
        QCOMPARE(checker.state(Item::Provider), State::Registered);
        QVERIFY(checker.isReady());
        QCOMPARE(
            countRequests(*m_sandbox, QStringLiteral("POST"), providerPath(subNotRegistered) + "/register"),
            1);

        // Re-reading from scratch (a new checker, as when the page is entered again) finds the server's
        // state.
        PrerequisiteChecker again(m_client.get());
        again.setSubscriptionId(subNotRegistered);
        QSignalSpy againFinished(&again, &PrerequisiteChecker::checkFinished);
        again.refresh();
        QVERIFY(againFinished.wait(10000));
        QVERIFY(again.isReady());
    }

    void refreshFindingRegisteringPolls() {
        PrerequisiteChecker checker(m_client.get());
        checker.setOptions(fastOptions());
        checker.setSubscriptionId(subNeedsFeature);
        QVERIFY(registerFeatureElsewhere(*m_client, subNeedsFeature));
        // Every state the checker goes through: sampling the state could miss a Registering that lasts one
        // 10 ms poll (it did, in a Release build).
        QList<State> seen;
        connect(&checker, &PrerequisiteChecker::stateChanged, this, [&](Item item, State state) {
            if (item == Item::Feature)
                seen.append(state);
        });
        QSignalSpy pollingDone(&checker, &PrerequisiteChecker::pollingFinished);
        QSignalSpy scheduled(&checker, &PrerequisiteChecker::pollScheduled);
        checker.refresh();
        QVERIFY(pollingDone.wait(10000));
        QCOMPARE(pollingDone.count(), 1);
        QCOMPARE(pollingDone.at(0).at(0).value<Item>(), Item::Feature);
        QVERIFY(!scheduled.isEmpty());
        QCOMPARE(scheduled.at(0).at(0).value<Item>(), Item::Feature);
        QVERIFY(seen.contains(State::Registering));
        QCOMPARE(seen.last(), State::Registered);
        QVERIFY(seen.indexOf(State::Registering) < seen.indexOf(State::Registered));
        QCOMPARE(checker.state(Item::Feature), State::Registered);
        QVERIFY(checker.isReady());
        // Only the other tool's POST: the checker itself registers nothing.
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("POST"), QStringLiteral("/register")), 1);
    }

    void refreshWithoutPollingReportsRegistering() {
        PrerequisiteChecker checker(m_client.get());
        PrerequisiteChecker::Options o = fastOptions();
        o.pollWhileRegistering = false;
        checker.setOptions(o);
        checker.setSubscriptionId(subNeedsFeature);
        QVERIFY(registerFeatureElsewhere(*m_client, subNeedsFeature));
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        QCOMPARE(checker.state(Item::Feature), State::Registering);
        QVERIFY(!checker.isBusy());
        QVERIFY(!checker.isReady());
        QVERIFY(checker.itemsNeedingRegistration().isEmpty());
        QTest::qWait(100);
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("GET"), featurePath(subNeedsFeature)), 1);
    }

    void backoffGrowsUpToTheCap() {
        PrerequisiteChecker checker(m_client.get());
        PrerequisiteChecker::Options o;
        o.initialPollIntervalMs = 10;
        o.backoffFactor = 2.0;
        o.maxPollIntervalMs = 25;
        checker.setOptions(o);
        checker.setSubscriptionId(subNotRegistered);
        QSignalSpy scheduled(&checker, &PrerequisiteChecker::pollScheduled);
        checker.registerItem(Item::Feature);
        QVERIFY(waitIdle(checker));
        QCOMPARE(checker.state(Item::Feature), State::Registered);
        QVERIFY(scheduled.count() >= 3);
        QList<int> delays;
        for (const QList<QVariant> &args : scheduled)
            delays.append(args.at(2).toInt());
        QCOMPARE(delays.at(0), 10);
        QCOMPARE(delays.at(1), 20);
        for (int i = 2; i < delays.size(); ++i)
            QCOMPARE(delays.at(i), 25);
        for (int i = 0; i < scheduled.count(); ++i)
            QCOMPARE(scheduled.at(i).at(1).toInt(), i + 1);
    }

    void abortStopsPolling() {
        PrerequisiteChecker checker(m_client.get());
        PrerequisiteChecker::Options o;
        o.initialPollIntervalMs = 200; // long enough to abort before the first poll
        checker.setOptions(o);
        checker.setSubscriptionId(subNotRegistered);
        QSignalSpy scheduled(&checker, &PrerequisiteChecker::pollScheduled);
        QSignalSpy pollingDone(&checker, &PrerequisiteChecker::pollingFinished);
        checker.registerItem(Item::Feature);
        QVERIFY(scheduled.wait(10000));
        QVERIFY(checker.isPolling(Item::Feature));
        checker.abort();
        QVERIFY(!checker.isBusy());
        QCOMPARE(pollingDone.count(), 1);
        QCOMPARE(pollingDone.at(0).at(1).toBool(), false);
        const int total = int(m_sandbox->exchanges().size());
        QTest::qWait(500);
        QCOMPARE(int(m_sandbox->exchanges().size()), total);
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("GET"), featurePath(subNotRegistered)), 0);
    }

    void pollingGivesUpAtTheDeadline() {
        // A sandbox that keeps the feature Registering far longer than the checker waits.
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.fixturePath = m_fixture;
        options.featurePollsUntilRegistered = 1000;
        QVERIFY(m_sandbox->start(options));
        m_client->setEndpoint(m_sandbox->baseUrl());

        PrerequisiteChecker checker(m_client.get());
        PrerequisiteChecker::Options o = fastOptions();
        o.maxPollDurationMs = 150;
        checker.setOptions(o);
        checker.setSubscriptionId(subNotRegistered);
        QSignalSpy pollingDone(&checker, &PrerequisiteChecker::pollingFinished);
        checker.registerItem(Item::Feature);
        QVERIFY(pollingDone.wait(10000));
        QCOMPARE(pollingDone.at(0).at(1).toBool(), false);
        QCOMPARE(checker.state(Item::Feature), State::Registering);
        QVERIFY(checker.pollTimedOut(Item::Feature));
        QVERIFY(checker.explanation(Item::Feature).contains(QStringLiteral("check again later")));
        const int total = int(m_sandbox->exchanges().size());
        QTest::qWait(200);
        QCOMPARE(int(m_sandbox->exchanges().size()), total);
    }

    void forbiddenExplainsTheMissingRole() {
        PrerequisiteChecker checker(m_client.get());
        checker.setOptions(fastOptions());
        checker.setSubscriptionId(subReadOnly);
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        // Reading works with a read-only role; registering does not.
        QCOMPARE(checker.state(Item::Feature), State::NotRegistered);

        checker.registerItem(Item::Feature);
        checker.registerItem(Item::Provider);
        QVERIFY(waitIdle(checker));
        // The state read before stays known; the refusal is the item's error.
        QCOMPARE(checker.state(Item::Feature), State::NotRegistered);
        QCOMPARE(checker.state(Item::Provider), State::NotRegistered);
        QVERIFY(checker.hasError(Item::Feature));
        QVERIFY(checker.hasError(Item::Provider));
        QCOMPARE(checker.error(Item::Feature).httpStatus, 403);
        QVERIFY(checker.isPermissionDenied(Item::Feature));
        QVERIFY(checker.isPermissionDenied(Item::Provider));
        const QString feature = checker.explanation(Item::Feature);
        QVERIFY2(feature.contains(QStringLiteral("Microsoft.Features/providers/features/register/action")),
                 qPrintable(feature));
        QVERIFY(feature.contains(QStringLiteral("Contributor")));
        QVERIFY(feature.contains(QStringLiteral("Owner")));
        QVERIFY(feature.contains(QStringLiteral("AuthorizationFailed")));
        const QString provider = checker.explanation(Item::Provider);
        QVERIFY2(provider.contains(QStringLiteral("*/register/action")), qPrintable(provider));
        QVERIFY(provider.contains(QStringLiteral("Contributor")));
        // A refused registration is not polled.
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("GET"), featurePath(subReadOnly)), 1);
        QVERIFY(!checker.isReady());
    }

    void unknownFeatureIsNotNeeded() {
        PrerequisiteChecker checker(m_client.get());
        checker.setSubscriptionId(subFeatureUnknown);
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        QCOMPARE(checker.state(Item::Feature), State::NotNeeded);
        QCOMPARE(checker.state(Item::Provider), State::Registered);
        QVERIFY(checker.isReady());
        QVERIFY(checker.explanation(Item::Feature).contains(QStringLiteral("generally available")));
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("GET"), featurePath(subFeatureUnknown)), 1);
    }

    void featureNotRequiredBySetting() {
        PrerequisiteChecker checker(m_client.get());
        PrerequisiteChecker::Options o;
        o.featureRequired = false;
        checker.setOptions(o);
        checker.setSubscriptionId(subNotRegistered);
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QVERIFY(finished.wait(10000));
        QCOMPARE(checker.state(Item::Feature), State::NotNeeded);
        QCOMPARE(checker.state(Item::Provider), State::NotRegistered);
        QCOMPARE(checker.itemsNeedingRegistration(), QList<Item>{Item::Provider});
        QVERIFY(checker.explanation(Item::Feature).contains(QStringLiteral("settings")));
        QCOMPARE(countRequests(*m_sandbox, QStringLiteral("GET"), featurePath(subNotRegistered)), 0);
    }

    void invalidSubscriptionSendsNothing() {
        PrerequisiteChecker checker(m_client.get());
        checker.setSubscriptionId(QStringLiteral("../../providers"));
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(checker.state(Item::Feature), State::Error);
        QCOMPARE(checker.error(Item::Feature).kind, cmk::ArmError::Kind::InvalidInput);
        QVERIFY(!checker.isBusy());
        QTest::qWait(50);
        QCOMPARE(m_sandbox->exchanges().size(), 0);
    }

    void serverStatesAreCaseInsensitive() {
        QCOMPARE(PrerequisiteChecker::stateFromServer(Item::Feature, QStringLiteral("registered")),
                 State::Registered);
        QCOMPARE(PrerequisiteChecker::stateFromServer(Item::Feature, QStringLiteral("Pending")),
                 State::Registering);
        QCOMPARE(PrerequisiteChecker::stateFromServer(Item::Feature, QStringLiteral("Unregistered")),
                 State::NotRegistered);
        QCOMPARE(PrerequisiteChecker::stateFromServer(Item::Feature, QStringLiteral("Unknown")),
                 State::NotNeeded);
        QCOMPARE(PrerequisiteChecker::stateFromServer(Item::Provider, QStringLiteral("Unknown")),
                 State::Unknown);
    }

    void desReadinessCountsPerRegion() {
        cmk::DesReadinessChecker checker(m_client.get());
        QSignalSpy finished(&checker, &cmk::DesReadinessChecker::finished);
        checker.check(subReady,
                      {QStringLiteral("West US"), QStringLiteral("eastus2"), QStringLiteral("northeurope"),
                       QStringLiteral("westeurope"), QStringLiteral("westus")});
        QVERIFY(finished.wait(10000));
        QVERIFY2(!checker.error().isError(), qPrintable(checker.error().toDisplayString()));
        const QList<cmk::RegionDesReadiness> &r = checker.results();
        QCOMPARE(r.size(), 4); // "West US" and "westus" are one region
        QCOMPARE(r.at(0).region, QStringLiteral("westus"));
        QCOMPARE(r.at(0).customerKeyCount, 2);
        QCOMPARE(r.at(0).doubleEncryptionCount, 1);
        QVERIFY(r.at(0).isReady());
        QCOMPARE(r.at(1).region, QStringLiteral("eastus2"));
        QCOMPARE(r.at(1).customerKeyCount, 0); // the other subscription's set does not count
        QCOMPARE(r.at(1).confidentialCount, 1);
        QVERIFY(!r.at(1).isReady());
        QCOMPARE(r.at(2).notUsableCount, 1);
        QVERIFY(!r.at(2).isReady());
        QCOMPARE(r.at(3).doubleEncryptionCount, 1);
        QVERIFY(r.at(3).isReady());
        QCOMPARE(checker.flaggedRegions(),
                 (QStringList{QStringLiteral("eastus2"), QStringLiteral("northeurope")}));
        QVERIFY(!checker.allReady());
        QCOMPARE(checker.suggestedResourceGroup(), QStringLiteral("rg-keys"));
        QCOMPARE(
            countRequests(*m_sandbox, QStringLiteral("GET"),
                          QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets")
                              .arg(subReady)),
            1);

        checker.check(subReady, {QStringLiteral("westus")});
        QVERIFY(finished.wait(10000));
        QVERIFY(checker.allReady());
    }

    void desReadinessFollowsPages() {
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.fixturePath = m_fixture;
        options.pageSize = 2;
        QVERIFY(m_sandbox->start(options));
        m_client->setEndpoint(m_sandbox->baseUrl());
        cmk::DesReadinessChecker checker(m_client.get());
        QSignalSpy finished(&checker, &cmk::DesReadinessChecker::finished);
        checker.check(subReady, {QStringLiteral("westus")});
        QVERIFY(finished.wait(10000));
        QCOMPARE(checker.results().at(0).customerKeyCount, 2);
        QCOMPARE(checker.results().at(0).doubleEncryptionCount, 1);
    }

    void quoting() {
        QCOMPARE(cmk::quoteForPosixShell(QStringLiteral("rg")), QStringLiteral("'rg'"));
        QCOMPARE(cmk::quoteForPosixShell(QStringLiteral("it's $HOME")), QStringLiteral("'it'\\''s $HOME'"));
        QCOMPARE(cmk::quoteForPowerShell(QStringLiteral("it's $env:X")), QStringLiteral("'it''s $env:X'"));
        QCOMPARE(cmk::quoteForPowerShell(QStringLiteral("a\u2019b")), QStringLiteral("'a\u2019\u2019b'"));
    }

    void creationCommands() {
        cmk::DesCreationParameters p;
        p.subscriptionId = subReady;
        p.region = QStringLiteral("East US 2");
        p.resourceGroup = QStringLiteral("rg o'brien");
        const cmk::DesCreationCommands c = cmk::desCreationCommands(p);
        QVERIFY(c.azureCli.startsWith(QStringLiteral("az disk-encryption-set create ")));
        QVERIFY(c.azureCli.contains(QStringLiteral("--location 'eastus2'")));
        QVERIFY(c.azureCli.contains(QStringLiteral("--name 'des-eastus2-cmk'")));
        QVERIFY(c.azureCli.contains(QStringLiteral("--resource-group 'rg o'\\''brien'")));
        QVERIFY(c.azureCli.contains(QStringLiteral("--subscription '%1'").arg(subReady)));
        QVERIFY(c.azureCli.contains(QStringLiteral("--encryption-type 'EncryptionAtRestWithCustomerKey'")));
        QVERIFY(c.azureCli.contains(QStringLiteral("--key-url 'https://<key-vault-name>")));
        const QStringList ps = c.powerShell.split(QLatin1Char('\n'));
        QCOMPARE(ps.size(), 3);
        QCOMPARE(ps.at(0), QStringLiteral("Set-AzContext -Subscription '%1'").arg(subReady));
        QVERIFY(ps.at(1).startsWith(
            QStringLiteral("$desConfig = New-AzDiskEncryptionSetConfig -Location 'eastus2' ")));
        QVERIFY(
            ps.at(2).contains(QStringLiteral("New-AzDiskEncryptionSet -ResourceGroupName 'rg o''brien' -Name "
                                             "'des-eastus2-cmk' -DiskEncryptionSet $desConfig")));
    }
};

QTEST_GUILESS_MAIN(TestPrereqChecker)
#include "tst_prereqchecker.moc"
