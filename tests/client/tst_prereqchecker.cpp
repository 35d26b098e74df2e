// PrerequisiteChecker and DesReadinessChecker against a real armsandbox over HTTP.

#include "des/diskencryptionsetcatalog.h"
#include "draft/commandline.h"
#include "prerequisites/desreadiness.h"
#include "support/prereqfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace prereqtest;

class TestPrereqChecker : public PrereqTestCase {
    Q_OBJECT

private:
    static constexpr int pollsUntilRegistered = 3;

    static PrerequisiteChecker::Options fastOptions() {
        PrerequisiteChecker::Options o;
        o.initialPollIntervalMs = 10;
        o.maxPollIntervalMs = 40;
        return o;
    }

    // Waits for the checker to be idle (no read, register or poll in flight).
    static bool waitIdle(PrerequisiteChecker &checker, int timeoutMs = 10000) {
        return QTest::qWaitFor([&] { return !checker.isBusy(); }, timeoutMs);
    }

    // A checker of `sub` whose first read (refresh()) has answered; null when it did not.
    std::unique_ptr<PrerequisiteChecker>
    readChecker(const QString &sub, const PrerequisiteChecker::Options &options = fastOptions()) {
        auto checker = std::make_unique<PrerequisiteChecker>(client());
        checker->setOptions(options);
        checker->setSubscriptionId(sub);
        QSignalSpy finished(checker.get(), &PrerequisiteChecker::checkFinished);
        checker->refresh();
        if (!finished.wait(10000) || finished.count() != 1)
            return nullptr;
        return checker;
    }

    // The readiness of `regions` once `checker` finished checking them; false when it did not.
    static bool checkReadiness(cmk::DesReadinessChecker &checker, const QString &sub,
                               const QStringList &regions) {
        QSignalSpy finished(&checker, &cmk::DesReadinessChecker::finished);
        checker.check(sub, regions);
        return finished.wait(10000) && !checker.isBusy();
    }

    int desListings(const QString &sub) const { return prereqtest::desListings(sandbox(), sub); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.prepare()); }

    void init() {
        QString why;
        QVERIFY2(m_server.start(&why), qPrintable(why));
    }

    void cleanup() { m_server.stop(); }

    void readsNotRegisteredStates() {
        const auto checker = readChecker(subNotRegistered);
        QVERIFY(checker);
        QCOMPARE(checker->state(Item::Feature), State::NotRegistered);
        QCOMPARE(checker->state(Item::Provider), State::NotRegistered);
        QCOMPARE(checker->serverState(Item::Feature), QStringLiteral("NotRegistered"));
        QVERIFY(!checker->isReady());
        QCOMPARE(checker->itemsNeedingRegistration(), (QList<Item>{Item::Feature, Item::Provider}));
        QVERIFY(!checker->isBusy());
        QVERIFY(checker->explanation(Item::Feature).contains(QStringLiteral("not registered")));

        // The feature is read with the Microsoft.Features api-version, once; nothing is registered by a
        // check.
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), 1);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), providerPath(subNotRegistered)), 1);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("POST"), QStringLiteral("/register")), 0);
        for (const armsandbox::Exchange &e : sandbox().exchanges()) {
            const QUrl url = exchangeUrl(e);
            if (url.path().endsWith(featurePath(subNotRegistered), Qt::CaseInsensitive))
                QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("api-version")),
                         QStringLiteral("2025-03-01"));
        }
    }

    void readsRegisteredStates() {
        const auto checker = readChecker(subReady, PrerequisiteChecker::Options());
        QVERIFY(checker);
        QCOMPARE(checker->state(Item::Feature), State::Registered);
        QCOMPARE(checker->state(Item::Provider), State::Registered);
        QVERIFY(checker->isReady());
        QVERIFY(checker->itemsNeedingRegistration().isEmpty());
    }

    void registerFeatureGoesThroughRegistering() {
        const auto checker = readChecker(subNotRegistered);
        QVERIFY(checker);
        sandbox().clearExchanges();

        const FeatureStates states(checker.get());
        QSignalSpy pollingDone(checker.get(), &PrerequisiteChecker::pollingFinished);
        QSignalSpy scheduled(checker.get(), &PrerequisiteChecker::pollScheduled);
        checker->registerItem(Item::Feature);
        QVERIFY(checker->isBusy());
        QVERIFY(pollingDone.wait(10000));
        QCOMPARE(pollingDone.count(), 1);
        QCOMPARE(pollingDone.at(0).at(0).value<Item>(), Item::Feature);
        QCOMPARE(pollingDone.at(0).at(1).toBool(), true);
        QCOMPARE(checker->state(Item::Feature), State::Registered);
        QVERIFY(states.wentThroughRegistering());
        QVERIFY(!checker->isPolling());

        // One POST, then as many GETs as the checker's polls, and the provider was left alone.
        QCOMPARE(
            countRequests(sandbox(), QStringLiteral("POST"), featurePath(subNotRegistered) + "/register"), 1);
        const int gets = countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered));
        QCOMPARE(gets, checker->pollCount(Item::Feature));
        QVERIFY2(gets >= pollsUntilRegistered - 1 && gets <= pollsUntilRegistered + 1,
                 qPrintable(QString::number(gets)));
        QCOMPARE(scheduled.count(), gets);
        QCOMPARE(
            countRequests(sandbox(), QStringLiteral("POST"), providerPath(subNotRegistered) + "/register"),
            0);
        QCOMPARE(checker->state(Item::Provider), State::NotRegistered);

        // Polling has stopped: nothing more reaches the server, even after the longest poll interval.
        const int total = requestsAbout(sandbox(), subNotRegistered);
        QVERIFY(
            waitForControlPoll(sandbox(), *client(), subNeedsFeature, 4 * fastOptions().maxPollIntervalMs));
        QCOMPARE(requestsAbout(sandbox(), subNotRegistered), total);
        QVERIFY(!checker->isBusy());
    }

    void registerMissingMakesReady() {
        const auto checker = readChecker(subNotRegistered);
        QVERIFY(checker);
        checker->registerMissing();
        QVERIFY(waitIdle(*checker));
        QCOMPARE(checker->state(Item::Feature), State::Registered);
        QCOMPARE(checker->state(Item::Provider), State::Registered);
        QVERIFY(checker->isReady());
        QCOMPARE(
            countRequests(sandbox(), QStringLiteral("POST"), providerPath(subNotRegistered) + "/register"),
            1);

        // Re-reading from scratch (a new checker, as when the page is entered again) finds the server's
        // state.
        const auto again = readChecker(subNotRegistered, PrerequisiteChecker::Options());
        QVERIFY(again);
        QVERIFY(again->isReady());
    }

    void refreshFindingRegisteringPolls() {
        PrerequisiteChecker checker(client());
        checker.setOptions(fastOptions());
        checker.setSubscriptionId(subNeedsFeature);
        QVERIFY(registerFeatureElsewhere(*client(), subNeedsFeature));
        const FeatureStates states(&checker);
        QSignalSpy pollingDone(&checker, &PrerequisiteChecker::pollingFinished);
        QSignalSpy scheduled(&checker, &PrerequisiteChecker::pollScheduled);
        checker.refresh();
        QVERIFY(pollingDone.wait(10000));
        QCOMPARE(pollingDone.count(), 1);
        QCOMPARE(pollingDone.at(0).at(0).value<Item>(), Item::Feature);
        QVERIFY(!scheduled.isEmpty());
        QCOMPARE(scheduled.at(0).at(0).value<Item>(), Item::Feature);
        QVERIFY(states.wentThroughRegistering());
        QCOMPARE(checker.state(Item::Feature), State::Registered);
        QVERIFY(checker.isReady());
        // Only the other tool's POST: the checker itself registers nothing.
        QCOMPARE(countRequests(sandbox(), QStringLiteral("POST"), QStringLiteral("/register")), 1);
    }

    void refreshWithoutPollingReportsRegistering() {
        QVERIFY(registerFeatureElsewhere(*client(), subNeedsFeature));
        PrerequisiteChecker::Options o = fastOptions();
        o.pollWhileRegistering = false;
        const auto checker = readChecker(subNeedsFeature, o);
        QVERIFY(checker);
        QCOMPARE(checker->state(Item::Feature), State::Registering);
        QVERIFY(!checker->isBusy());
        QVERIFY(!checker->isReady());
        QVERIFY(checker->itemsNeedingRegistration().isEmpty());
        // A poll would have come 10 ms after the read.
        QVERIFY(waitForControlPoll(sandbox(), *client(), subNotRegistered, 10 * o.initialPollIntervalMs));
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNeedsFeature)), 1);
    }

    void backoffGrowsUpToTheCap() {
        PrerequisiteChecker checker(client());
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
        PrerequisiteChecker checker(client());
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
        const int total = requestsAbout(sandbox(), subNotRegistered);
        QVERIFY(waitForControlPoll(sandbox(), *client(), subNeedsFeature, 2 * o.initialPollIntervalMs));
        QCOMPARE(requestsAbout(sandbox(), subNotRegistered), total);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), 0);
    }

    void pollingGivesUpAtTheDeadline() {
        // A sandbox that keeps the feature Registering far longer than the checker waits.
        armsandbox::SandboxOptions options = m_server.options();
        options.featurePollsUntilRegistered = 1000;
        QVERIFY(m_server.start(options));

        PrerequisiteChecker checker(client());
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
        const int total = requestsAbout(sandbox(), subNotRegistered);
        QVERIFY(waitForControlPoll(sandbox(), *client(), subNeedsFeature, 4 * o.maxPollIntervalMs));
        QCOMPARE(requestsAbout(sandbox(), subNotRegistered), total);
    }

    void forbiddenExplainsTheMissingRole() {
        const auto checker = readChecker(subReadOnly);
        QVERIFY(checker);
        // Reading works with a read-only role; registering does not.
        QCOMPARE(checker->state(Item::Feature), State::NotRegistered);

        checker->registerItem(Item::Feature);
        checker->registerItem(Item::Provider);
        QVERIFY(waitIdle(*checker));
        // The state read before stays known; the refusal is the item's error.
        QCOMPARE(checker->state(Item::Feature), State::NotRegistered);
        QCOMPARE(checker->state(Item::Provider), State::NotRegistered);
        QVERIFY(checker->hasError(Item::Feature));
        QVERIFY(checker->hasError(Item::Provider));
        QCOMPARE(checker->error(Item::Feature).httpStatus, 403);
        QVERIFY(checker->isPermissionDenied(Item::Feature));
        QVERIFY(checker->isPermissionDenied(Item::Provider));
        const QString feature = checker->explanation(Item::Feature);
        QVERIFY2(feature.contains(QStringLiteral("Microsoft.Features/providers/features/register/action")),
                 qPrintable(feature));
        QVERIFY(feature.contains(QStringLiteral("Contributor")));
        QVERIFY(feature.contains(QStringLiteral("Owner")));
        QVERIFY(feature.contains(QStringLiteral("AuthorizationFailed")));
        const QString provider = checker->explanation(Item::Provider);
        QVERIFY2(provider.contains(QStringLiteral("*/register/action")), qPrintable(provider));
        QVERIFY(provider.contains(QStringLiteral("Contributor")));
        // A refused registration is not polled.
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subReadOnly)), 1);
        QVERIFY(!checker->isReady());
    }

    void unknownFeatureIsNotNeeded() {
        const auto checker = readChecker(subFeatureUnknown, PrerequisiteChecker::Options());
        QVERIFY(checker);
        QCOMPARE(checker->state(Item::Feature), State::NotNeeded);
        QCOMPARE(checker->state(Item::Provider), State::Registered);
        QVERIFY(checker->isReady());
        QVERIFY(checker->explanation(Item::Feature).contains(QStringLiteral("generally available")));
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subFeatureUnknown)), 1);
    }

    void featureNotRequiredBySetting() {
        PrerequisiteChecker::Options o;
        o.featureRequired = false;
        const auto checker = readChecker(subNotRegistered, o);
        QVERIFY(checker);
        QCOMPARE(checker->state(Item::Feature), State::NotNeeded);
        QCOMPARE(checker->state(Item::Provider), State::NotRegistered);
        QCOMPARE(checker->itemsNeedingRegistration(), QList<Item>{Item::Provider});
        QVERIFY(checker->explanation(Item::Feature).contains(QStringLiteral("settings")));
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), 0);
    }

    void invalidSubscriptionSendsNothing() {
        PrerequisiteChecker checker(client());
        checker.setSubscriptionId(QStringLiteral("../../providers"));
        QSignalSpy finished(&checker, &PrerequisiteChecker::checkFinished);
        checker.refresh();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(checker.state(Item::Feature), State::Error);
        QCOMPARE(checker.error(Item::Feature).kind, cmk::ArmError::Kind::InvalidInput);
        QVERIFY(!checker.isBusy());
        // The control's requests reach the server; the checker's would have come first.
        QVERIFY(waitForControlPoll(sandbox(), *client(), subNeedsFeature, 10));
        QCOMPARE(int(sandbox().exchanges().size()), requestsAbout(sandbox(), subNeedsFeature));
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
        cmk::DesReadinessChecker checker(client());
        QVERIFY(checkReadiness(checker, subReady,
                               {QStringLiteral("West US"), QStringLiteral("eastus2"),
                                QStringLiteral("northeurope"), QStringLiteral("westeurope"),
                                QStringLiteral("westus")}));
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
        QCOMPARE(desListings(subReady), 1);
        QVERIFY(!checker.countsSharedCatalog());

        // Other regions of the same subscription: counted from the sets listed already.
        QVERIFY(checkReadiness(checker, subReady, {QStringLiteral("westus")}));
        QVERIFY(checker.allReady());
        QCOMPARE(desListings(subReady), 1);
    }

    void desReadinessFollowsPages() {
        armsandbox::SandboxOptions options = m_server.options();
        options.pageSize = 2;
        QVERIFY(m_server.start(options));
        cmk::DesReadinessChecker checker(client());
        QVERIFY(checkReadiness(checker, subReady, {QStringLiteral("westus")}));
        QCOMPARE(checker.results().at(0).customerKeyCount, 2);
        QCOMPARE(checker.results().at(0).doubleEncryptionCount, 1);
        QCOMPARE(desListings(subReady), 1);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), desListPath(subReady)), 3); // pages of 2
    }

    // The window's catalogue, loading or loaded for the subscription, is counted instead of listed again, and
    // its reload checks again.
    void desReadinessCountsTheWindowsCatalogue() {
        cmk::DiskEncryptionSetCatalog shared;
        cmk::DesReadinessChecker checker(client());
        checker.setCatalog(&shared);
        shared.load(client(), subReady);
        QVERIFY(shared.isLoading());
        QVERIFY(checkReadiness(checker, subReady, {QStringLiteral("westus"), QStringLiteral("eastus2")}));
        QVERIFY(checker.countsSharedCatalog());
        QCOMPARE(checker.results().at(0).customerKeyCount, 2);
        QCOMPARE(checker.flaggedRegions(), QStringList{QStringLiteral("eastus2")});
        QCOMPARE(desListings(subReady), 1);

        QSignalSpy started(&checker, &cmk::DesReadinessChecker::started);
        QSignalSpy finished(&checker, &cmk::DesReadinessChecker::finished);
        shared.reload();
        QCOMPARE(started.count(), 1);
        QVERIFY(checker.isBusy());
        QVERIFY(finished.wait(10000));
        QCOMPARE(checker.flaggedRegions(), QStringList{QStringLiteral("eastus2")});
        QCOMPARE(desListings(subReady), 2);

        // Check again: the window's catalogue lists once more, for both.
        checker.recheck();
        QVERIFY(shared.isLoading());
        QVERIFY(finished.wait(10000));
        QCOMPARE(desListings(subReady), 3);
        QVERIFY(checker.countsSharedCatalog());

        // Aborted and loaded again in one go (a reload of a list still loading): the check follows the new
        // load.
        shared.reload();
        shared.abort();
        shared.reload();
        QVERIFY(finished.wait(10000));
        QVERIFY(checker.countsSharedCatalog());
        QCOMPARE(checker.flaggedRegions(), QStringList{QStringLiteral("eastus2")});
        QCOMPARE(desListings(subReady), 5);
    }

    // When the window's list fails, the check lists on its own and shows its own outcome.
    void desReadinessListsOnItsOwnWhenTheCatalogueFails() {
        QVERIFY(sandbox().setFaults(QStringLiteral("status=404:nth=1:path=/diskEncryptionSets")));
        cmk::DiskEncryptionSetCatalog shared;
        cmk::DesReadinessChecker checker(client());
        checker.setCatalog(&shared);
        shared.load(client(), subReady);
        QVERIFY(checkReadiness(checker, subReady, {QStringLiteral("westus")}));
        QVERIFY(shared.error());
        QVERIFY2(!checker.error(), qPrintable(checker.error().toDisplayString()));
        QVERIFY(!checker.countsSharedCatalog());
        QVERIFY(checker.allReady());
        QCOMPARE(desListings(subReady), 2);

        // A catalogue of another subscription is not counted either.
        shared.load(client(), subNotRegistered);
        QVERIFY(checkReadiness(checker, subReady, {QStringLiteral("westus")}));
        QVERIFY(!checker.countsSharedCatalog());
        QVERIFY(checker.allReady());
    }

    void desReadinessWithoutSubscription() {
        cmk::DesReadinessChecker checker(client());
        QVERIFY(checkReadiness(checker, QString(), {QStringLiteral("westus")}));
        QCOMPARE(checker.error().kind, cmk::ArmError::Kind::InvalidInput);
        QVERIFY(!checker.allReady());
        QVERIFY(checker.results().isEmpty());
    }

    void quoting() {
        QCOMPARE(cmk::bashSingleQuoted(QStringLiteral("rg")), QStringLiteral("'rg'"));
        QCOMPARE(cmk::bashSingleQuoted(QStringLiteral("it's $HOME")), QStringLiteral("'it'\\''s $HOME'"));
        QCOMPARE(cmk::powerShellQuote(QStringLiteral("it's $env:X")), QStringLiteral("'it''s $env:X'"));
        QCOMPARE(cmk::powerShellQuote(QStringLiteral("a\u2019b")), QStringLiteral("'a\u2019\u2019b'"));
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
