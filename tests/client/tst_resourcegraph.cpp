// The Resource Graph client (models/arg) and the Disk Encryption Set catalogue's use of it, against a real
// armsandbox over HTTP: escaping, paging by $skipToken, the quota wait, one query per region list, and the
// fallback to ARM's listing when ARG answers 403/404 or cannot be reached. Round trips are counted on the
// sandbox's side.

#include "arg/resourcegraphclient.h"
#include "des/diskencryptionsetcatalog.h"
#include "support/manualclock.h"
#include "support/prereqfixture.h"

#include <QSignalSpy>
#include <QTest>

using cmk::DesListSource;
using cmk::DiskEncryptionSetCatalog;
using cmk::ResourceGraphPager;
using cmk::ResourceGraphQuery;

namespace {

const QString Sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14"); // the demo fixture's first
const QString CustomerKey = QStringLiteral("EncryptionAtRestWithCustomerKey");
const QString DesType = QStringLiteral("microsoft.compute/diskencryptionsets");

/// Resource Graph queries the sandbox received.
int graphQueries(const armsandbox::Sandbox &sandbox) {
    return prereqtest::countRequests(sandbox, QStringLiteral("POST"),
                                     QStringLiteral("/providers/Microsoft.ResourceGraph/resources"));
}

/// Pages of the subscription's ARM listing of Disk Encryption Sets the sandbox received.
int armListPages(const armsandbox::Sandbox &sandbox) {
    return prereqtest::countRequests(sandbox, QStringLiteral("GET"), prereqtest::desListPath(Sub));
}

QStringList sortedNames(const std::vector<cmk::DiskEncryptionSet> &sets) {
    QStringList names;
    for (const cmk::DiskEncryptionSet &set : sets)
        names << set.name;
    names.sort();
    return names;
}

/// Every row of a query, read to its last page.
struct QueryResult {
    nlohmann::json rows = nlohmann::json::array();
    int pages = 0;
    cmk::ArmError error;
};

} // namespace

class TestResourceGraph : public QObject {
    Q_OBJECT

private:
    bool start(const QString &faults = {}, bool resourceGraph = true, int generateDes = 0) {
        m_client.reset();
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.faults = faults;
        options.resourceGraph = resourceGraph;
        options.generateDes = generateDes;
        if (!m_sandbox->start(options))
            return false;
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        cmk::RetryPolicy retry;
        retry.baseDelayMs = 5;
        retry.maxDelayMs = 20;
        m_client->setRetryPolicy(retry);
        return true;
    }

    QueryResult run(const ResourceGraphQuery &query, int pageRows = cmk::ResourceGraphApi::MaxPageRows) {
        QueryResult result;
        auto *pager = new ResourceGraphPager(m_client.get(), query, {Sub}, pageRows);
        connect(pager, &ResourceGraphPager::pageReceived, this, [&result, pager] {
            ++result.pages;
            for (const nlohmann::json &row : *pager->sharedPage())
                result.rows.push_back(row);
        });
        QSignalSpy finished(pager, &ResourceGraphPager::finished);
        pager->start();
        if (finished.isEmpty())
            finished.wait(20000);
        result.error = pager->error();
        delete pager;
        return result;
    }

    /// Loads `catalog` from the sandbox and waits for the end of the load.
    bool load(DiskEncryptionSetCatalog &catalog) {
        QSignalSpy finished(&catalog, &DiskEncryptionSetCatalog::loadFinished);
        catalog.load(m_client.get(), Sub);
        return finished.wait(20000) || !finished.isEmpty();
    }

    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;

private Q_SLOTS:
    void kqlStringEscapesQuotesAndBackslashes();
    void aValueCannotInjectKql();
    void pagesBySkipToken();
    void waitsForTheQuotaWindowWhenNoneIsLeft();
    void catalogListsARegionInOneQuery();
    void catalogFallsBackToArm_data();
    void catalogFallsBackToArm();
    void forcedResourceGraphDoesNotFallBack();
    void refreshUsesArmsExactListing();
};

void TestResourceGraph::kqlStringEscapesQuotesAndBackslashes() {
    QCOMPARE(cmk::kqlString(QStringLiteral("des-weu")), QStringLiteral("'des-weu'"));
    QCOMPARE(cmk::kqlString(QStringLiteral("o'brien")), QStringLiteral("'o\\'brien'"));
    QCOMPARE(cmk::kqlString(QStringLiteral("a\\b")), QStringLiteral("'a\\\\b'"));
    QCOMPARE(cmk::kqlString(QStringLiteral("x\\' or 1")), QStringLiteral("'x\\\\\\' or 1'"));
    QCOMPARE(ResourceGraphQuery()
                 .whereEquals(QStringLiteral("type"), DesType)
                 .whereIn(QStringLiteral("location"), {QStringLiteral("westeurope"), QStringLiteral("it's")})
                 .text(),
             QStringLiteral(
                 "resources | where type =~ 'microsoft.compute/diskencryptionsets' | where location in~ "
                 "('westeurope', 'it\\'s')"));
}

void TestResourceGraph::aValueCannotInjectKql() {
    QVERIFY(start());
    // A tag value holding a quote and a backslash is found as itself...
    QJsonObject tagged =
        m_sandbox->resource(QStringLiteral("/subscriptions/%1/resourceGroups/rg-keys-prod/providers/"
                                           "Microsoft.Compute/diskEncryptionSets/des-weu-cmk")
                                .arg(Sub));
    QVERIFY(!tagged.isEmpty());
    const QString owner = QStringLiteral("o'brien\\team");
    tagged.insert(QStringLiteral("tags"), QJsonObject{{QStringLiteral("owner"), owner}});
    m_sandbox->setResource(tagged);
    const QueryResult found = run(ResourceGraphQuery().whereEquals(QStringLiteral("tags.owner"), owner));
    QVERIFY2(!found.error, qPrintable(found.error.message));
    QCOMPARE(found.rows.size(), size_t(1));
    QCOMPARE(QString::fromStdString(found.rows[0]["name"].get<std::string>()), QStringLiteral("des-weu-cmk"));

    // ...and a name written to end the string and add a condition matches nothing rather than everything.
    const QueryResult injected =
        run(ResourceGraphQuery().whereEquals(QStringLiteral("name"), QStringLiteral("x' or name != 'y")));
    QVERIFY2(!injected.error, qPrintable(injected.error.message));
    QCOMPARE(injected.rows.size(), size_t(0));
    QCOMPARE(graphQueries(*m_sandbox), 2);
}

void TestResourceGraph::pagesBySkipToken() {
    QVERIFY(start({}, true, 2500));
    const QueryResult result = run(ResourceGraphQuery().whereEquals(QStringLiteral("type"), DesType));
    QVERIFY2(!result.error, qPrintable(result.error.message));
    QCOMPARE(result.pages, 3); // 1000 + 1000 + 509
    QCOMPARE(result.rows.size(), size_t(2509));
    QSet<QString> ids;
    for (const nlohmann::json &row : result.rows)
        ids.insert(QString::fromStdString(row["id"].get<std::string>()));
    QCOMPARE(ids.size(), 2509);
    QCOMPARE(graphQueries(*m_sandbox), 3);
    // The second and third queries carried the token the previous answer gave.
    int withToken = 0;
    for (const armsandbox::Exchange &e : m_sandbox->exchanges())
        withToken += e.liveRequest.value(QLatin1String("body"))
                         .toObject()
                         .value(QLatin1String("options"))
                         .toObject()
                         .contains(QLatin1String("$skipToken"));
    QCOMPARE(withToken, 2);
}

void TestResourceGraph::waitsForTheQuotaWindowWhenNoneIsLeft() {
    QVERIFY(start());
    cmktest::ManualClock clock;
    cmk::ResourceGraphQuota *quota = cmk::ResourceGraphQuota::of(m_client.get());
    quota->setClock(&clock);
    const ResourceGraphQuery query =
        ResourceGraphQuery().whereEquals(QStringLiteral("name"), QStringLiteral("des-weu-cmk"));
    for (int i = 0; i < 15; ++i)
        QVERIFY(!run(query).error);
    QCOMPARE(quota->remaining(), 0);
    QCOMPARE(quota->resetsAt(), clock.now().addSecs(5));

    // The 16th query waits for the window instead of earning a 429.
    QSignalSpy waiting(quota, &cmk::ResourceGraphQuota::waiting);
    auto *pager = new ResourceGraphPager(m_client.get(), query, {Sub});
    QSignalSpy finished(pager, &ResourceGraphPager::finished);
    pager->start();
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().first().toDateTime(), clock.now().addSecs(5));
    QCOMPARE(clock.nextDeadline(), clock.now().addSecs(5));
    QCOMPARE(graphQueries(*m_sandbox), 15);

    m_sandbox->advanceClock(5);
    clock.advance(std::chrono::seconds(5));
    QVERIFY(finished.wait(10000));
    QVERIFY2(!pager->error(), qPrintable(pager->error().message));
    QCOMPARE(graphQueries(*m_sandbox), 16);
    QCOMPARE(quota->remaining(), 14);
    const auto exchanges = m_sandbox->exchanges();
    for (const armsandbox::Exchange &e : exchanges)
        QCOMPARE(e.liveResponse.value(QLatin1String("statusCode")).toString(), QStringLiteral("200"));
    delete pager;
}

void TestResourceGraph::catalogListsARegionInOneQuery() {
    QVERIFY(start({}, true, 10000));
    DiskEncryptionSetCatalog graph;
    graph.setSource(DesListSource::Auto);
    graph.setFilter({QStringLiteral("West Europe")}, CustomerKey);
    QSignalSpy sourceChanged(&graph, &DiskEncryptionSetCatalog::listedFromChanged);
    QVERIFY(load(graph));
    QVERIFY2(graph.isComplete(), qPrintable(graph.error().message));
    QCOMPARE(graph.listedFrom(), DesListSource::ResourceGraph);
    QCOMPARE(sourceChanged.size(), 1);
    QCOMPARE(graphQueries(*m_sandbox), 1); // one round trip for the region's list
    QCOMPARE(armListPages(*m_sandbox), 0);
    // What the load holds: the region's sets of that type, and no more.
    QVERIFY(graph.covers(Sub, {QStringLiteral("West Europe")}, CustomerKey));
    QVERIFY(!graph.covers(Sub, {QStringLiteral("westeurope")})); // every type
    QVERIFY(!graph.covers(Sub, {QStringLiteral("westeurope"), QStringLiteral("francecentral")}, CustomerKey));
    QVERIFY(!graph.covers(Sub, {}, CustomerKey)); // every region
    const QString devTest = QStringLiteral("b8e4c7d2-1f5a-4e9b-a6c3-2d7f8e1b0c59");
    QVERIFY(!graph.covers(devTest, {QStringLiteral("westeurope")}, CustomerKey));
    graph.setFilter({}); // from the next load on: what is loaded is unchanged
    QVERIFY(graph.covers(Sub, {QStringLiteral("westeurope")}, CustomerKey));

    // The same sets as ARM's listing of the subscription, filtered here.
    DiskEncryptionSetCatalog arm;
    arm.setFilter({QStringLiteral("westeurope")}, CustomerKey);
    QVERIFY(load(arm));
    QCOMPARE(arm.listedFrom(), DesListSource::ResourceManager);
    QVERIFY(armListPages(*m_sandbox) >= 100); // 10,008 sets, 100 a page
    QVERIFY(graph.size() > 200);
    QCOMPARE(sortedNames(graph.all()), sortedNames(arm.all()));
    for (const cmk::DiskEncryptionSet &set : graph.all()) {
        QCOMPARE(set.location, QStringLiteral("westeurope"));
        QCOMPARE(set.encryptionType, CustomerKey);
        QVERIFY(!set.keyUrl.isEmpty());
    }
}

void TestResourceGraph::catalogFallsBackToArm_data() {
    QTest::addColumn<QString>("faults");
    QTest::addColumn<bool>("resourceGraph");
    QTest::addColumn<int>("graphAttempts"); ///< at least this many; -1: exactly one
    QTest::newRow("404: ARG not offered") << QString() << false << -1;
    QTest::newRow("403: not allowed")
        << QStringLiteral("status=403:path=Microsoft.ResourceGraph") << true << -1;
    // Retried by the pipeline (4 tries; the network layer may add one on a reused connection) before the
    // fallback.
    QTest::newRow("unreachable") << QStringLiteral("reset:path=Microsoft.ResourceGraph") << true << 4;
}

void TestResourceGraph::catalogFallsBackToArm() {
    QFETCH(QString, faults);
    QFETCH(bool, resourceGraph);
    QFETCH(int, graphAttempts);
    QVERIFY(start(faults, resourceGraph));
    DiskEncryptionSetCatalog catalog;
    catalog.setSource(DesListSource::Auto);
    QSignalSpy sourceChanged(&catalog, &DiskEncryptionSetCatalog::listedFromChanged);
    QVERIFY(load(catalog));
    QVERIFY2(catalog.isComplete(), qPrintable(catalog.error().message));
    QCOMPARE(catalog.listedFrom(), DesListSource::ResourceManager);
    QCOMPARE(sourceChanged.size(), 2); // ResourceGraph, then ResourceManager
    QCOMPARE(catalog.size(), 9);
    QCOMPARE(armListPages(*m_sandbox), 1);
    int graphRequests = 0;
    for (const armsandbox::Exchange &e : m_sandbox->exchanges())
        graphRequests += prereqtest::exchangeUrl(e).path().contains(QLatin1String("ResourceGraph"));
    if (graphAttempts < 0)
        QCOMPARE(graphRequests, 1);
    else
        QVERIFY2(graphRequests >= graphAttempts, qPrintable(QString::number(graphRequests)));
}

void TestResourceGraph::forcedResourceGraphDoesNotFallBack() {
    QVERIFY(start({}, false));
    DiskEncryptionSetCatalog catalog;
    catalog.setSource(DesListSource::ResourceGraph);
    QVERIFY(load(catalog));
    QVERIFY(!catalog.isComplete());
    QCOMPARE(catalog.error().httpStatus, 404);
    QCOMPARE(catalog.listedFrom(), DesListSource::ResourceGraph);
    QCOMPARE(armListPages(*m_sandbox), 0);
}

void TestResourceGraph::refreshUsesArmsExactListing() {
    QVERIFY(start());
    DiskEncryptionSetCatalog catalog;
    catalog.setSource(DesListSource::Auto);
    QVERIFY(load(catalog));
    QCOMPARE(catalog.listedFrom(), DesListSource::ResourceGraph);

    QSignalSpy finished(&catalog, &DiskEncryptionSetCatalog::loadFinished);
    catalog.reloadFromResourceManager();
    QVERIFY(finished.wait(20000));
    QCOMPARE(catalog.listedFrom(), DesListSource::ResourceManager);
    QCOMPARE(catalog.size(), 9);
    QCOMPARE(armListPages(*m_sandbox), 1);
    QCOMPARE(graphQueries(*m_sandbox), 1);

    catalog.reload(); // later loads go back to the chosen source
    QVERIFY(finished.wait(20000));
    QCOMPARE(catalog.listedFrom(), DesListSource::ResourceGraph);
    QCOMPARE(graphQueries(*m_sandbox), 2);
    QCOMPARE(armListPages(*m_sandbox), 1);
}

QTEST_GUILESS_MAIN(TestResourceGraph)
#include "tst_resourcegraph.moc"
