// DiskEncryptionSetCatalog against a real armsandbox over HTTP: one listing per load, its indexes, reload and
// abort, and errors with the request id of the answer at fault.

#include "des/diskencryptionsetcatalog.h"
#include "support/prereqfixture.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using cmk::DiskEncryptionSetCatalog;
using namespace prereqtest;

namespace {

const QString subGroups = QStringLiteral("66666666-6666-6666-6666-666666666666");
const QString subBroken = QStringLiteral("77777777-7777-7777-7777-777777777777");
const QString CustomerKey = QStringLiteral("EncryptionAtRestWithCustomerKey");
const QString DoubleEncryption = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");

QJsonObject subscription(const QString &id) {
    return QJsonObject{{QStringLiteral("subscriptionId"), id},
                       {QStringLiteral("displayName"), id.left(8)},
                       {QStringLiteral("tenantId"), QStringLiteral("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa")},
                       {QStringLiteral("state"), QStringLiteral("Enabled")}};
}

// The prerequisites fixture, plus sets in several resource groups, and a subscription whose third set
// cannot be converted (its encryption type is a number).
QJsonObject catalogFixture() {
    QJsonObject root = fixture();
    QJsonArray subscriptions = root.value(QStringLiteral("subscriptions")).toArray();
    subscriptions << subscription(subGroups) << subscription(subBroken);
    root.insert(QStringLiteral("subscriptions"), subscriptions);
    QJsonArray resources = root.value(QStringLiteral("resources")).toArray();
    for (const auto &[group, count] : {std::pair{"rg-b", 3}, std::pair{"rg-a", 2}, std::pair{"rg-c", 1}}) {
        for (int i = 0; i < count; ++i)
            resources << des(subGroups, QString::fromLatin1(group),
                             QStringLiteral("des-%1-%2").arg(group).arg(i), QStringLiteral("westus"),
                             CustomerKey);
    }
    resources << des(subBroken, QStringLiteral("rg-keys"), QStringLiteral("des-1"), QStringLiteral("westus"),
                     CustomerKey)
              << des(subBroken, QStringLiteral("rg-keys"), QStringLiteral("des-2"), QStringLiteral("westus"),
                     CustomerKey);
    QJsonObject broken = des(subBroken, QStringLiteral("rg-keys"), QStringLiteral("des-3"),
                             QStringLiteral("westus"), CustomerKey);
    QJsonObject properties = broken.value(QStringLiteral("properties")).toObject();
    properties.insert(QStringLiteral("encryptionType"), 42);
    broken.insert(QStringLiteral("properties"), properties);
    resources << broken;
    root.insert(QStringLiteral("resources"), resources);
    return root;
}

QStringList names(const DiskEncryptionSetCatalog &catalog, const std::vector<int> &indexes) {
    QStringList out;
    for (int index : indexes)
        out << catalog.at(index).name;
    return out;
}

QStringList names(const std::vector<cmk::DiskEncryptionSet> &sets) {
    QStringList out;
    for (const cmk::DiskEncryptionSet &set : sets)
        out << set.name;
    return out;
}

} // namespace

class TestDesCatalog : public PrereqTestCase {
    Q_OBJECT

private:
    bool startWithPagesOf(int pageSize, const QString &faults = {}) {
        armsandbox::SandboxOptions options = m_server.options();
        options.pageSize = pageSize;
        options.faults = faults;
        return m_server.start(options);
    }

    // Loads `sub` and waits for the end of the load; false when it did not end.
    bool loadAndWait(DiskEncryptionSetCatalog &catalog, const QString &sub) {
        QSignalSpy finished(&catalog, &DiskEncryptionSetCatalog::loadFinished);
        catalog.load(client(), sub);
        return (finished.count() == 1 || finished.wait(10000)) && !catalog.isLoading();
    }

    // What the sandbox answered to the lists of `sub`'s sets, in order: the names it sent, and each answer's
    // request id.
    QStringList servedNames(const QString &sub) const {
        QStringList out;
        for (const armsandbox::Exchange &e : sandbox().exchanges()) {
            if (exchangeUrl(e).path().compare(desListPath(sub), Qt::CaseInsensitive) != 0)
                continue;
            const QJsonArray value = e.liveResponse.value(QStringLiteral("body"))
                                         .toObject()
                                         .value(QStringLiteral("value"))
                                         .toArray();
            for (const QJsonValue &set : value)
                out << set.toObject().value(QStringLiteral("name")).toString();
        }
        return out;
    }
    QStringList requestIds(const QString &sub) const {
        QStringList out;
        for (const armsandbox::Exchange &e : sandbox().exchanges()) {
            if (exchangeUrl(e).path().compare(desListPath(sub), Qt::CaseInsensitive) == 0)
                out << e.liveResponse.value(QStringLiteral("headers"))
                           .toObject()
                           .value(QStringLiteral("x-ms-request-id"))
                           .toString();
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.prepare(catalogFixture())); }
    void cleanup() { m_server.stop(); }

    void listsEveryPageOnceAndIndexesIt() {
        QVERIFY(startWithPagesOf(2));
        DiskEncryptionSetCatalog catalog;
        QSignalSpy started(&catalog, &DiskEncryptionSetCatalog::loadStarted);
        QSignalSpy added(&catalog, &DiskEncryptionSetCatalog::setsAdded);
        QSignalSpy progress(&catalog, &DiskEncryptionSetCatalog::progress);
        QSignalSpy aborted(&catalog, &DiskEncryptionSetCatalog::aborted);
        QVERIFY(loadAndWait(catalog, subReady));
        QCOMPARE(started.count(), 1);
        QVERIFY2(!catalog.error(), qPrintable(catalog.error().toDisplayString()));
        QVERIFY(catalog.isComplete());
        QCOMPARE(catalog.subscriptionId(), subReady);
        QCOMPARE(catalog.size(), 6);
        QCOMPARE(catalog.pageCount(), 3);
        QCOMPARE(aborted.count(), 0);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), desListPath(subReady)), 3);
        // Page by page, in the server's order.
        QCOMPARE(names(catalog.all()), servedNames(subReady));
        QCOMPARE(added.count(), 3);
        QCOMPARE(progress.count(), 3);
        for (int page = 0; page < 3; ++page) {
            QCOMPARE(added.at(page).at(0).toInt(), 2 * page);
            QCOMPARE(added.at(page).at(1).toInt(), 2);
            QCOMPARE(progress.at(page).at(0).toInt(), 2 * (page + 1));
            QCOMPARE(progress.at(page).at(1).toInt(), page + 1);
        }

        // By id: case and a trailing slash do not matter, as for sameResourceId.
        const cmk::DiskEncryptionSet &third = catalog.at(2);
        QCOMPARE(catalog.indexOf(third.id.toUpper() + QLatin1Char('/')), 2);
        QCOMPARE(catalog.find(third.id)->name, third.name);
        QCOMPARE(catalog.indexOf(desListPath(subReady) + QStringLiteral("/nope")), -1);
        QVERIFY(!catalog.find(QString()));
        for (int i = 0; i < catalog.size(); ++i)
            QCOMPARE(catalog.regionAt(i), cmk::normalizeRegion(catalog.at(i).location));

        // By region and encryption type (any spelling), in list order.
        const QStringList westus{QStringLiteral("des-westus-cmk"), QStringLiteral("des-westus-cmk2"),
                                 QStringLiteral("des-westus-double")};
        QCOMPARE(names(catalog, catalog.indexesOf(QStringLiteral("West US"))), westus);
        QCOMPARE(names(catalog.inRegions(
                     {QStringLiteral("eastus2"), QStringLiteral("West US"), QStringLiteral("westus")})),
                 westus + QStringList{QStringLiteral("des-eastus2-cvm")});
        QCOMPARE(names(catalog.ofTypeInRegion(CustomerKey.toLower(), QStringLiteral("WESTUS"))),
                 westus.mid(0, 2));
        QCOMPARE(names(catalog, catalog.indexesOf(QString(), DoubleEncryption)),
                 (QStringList{QStringLiteral("des-westus-double"), QStringLiteral("des-we-double")}));
        QCOMPARE(catalog.indexesOf(QString()).size(), size_t(6));
        QVERIFY(catalog.indexesOf(QStringLiteral("antarctica")).empty());
        QVERIFY(catalog.indexesOf(QStringLiteral("westus"), QStringLiteral("NoSuchType")).empty());
        QCOMPARE(catalog.busiestResourceGroup(), QStringLiteral("rg-keys"));
    }

    void busiestResourceGroup() {
        QVERIFY(startWithPagesOf(100));
        DiskEncryptionSetCatalog catalog;
        QVERIFY(loadAndWait(catalog, subGroups));
        QCOMPARE(catalog.size(), 6);
        QCOMPARE(catalog.busiestResourceGroup(), QStringLiteral("rg-b"));
        // A tie goes to the first name in order; sets without a group do not count.
        QCOMPARE(cmk::busiestResourceGroup(
                     {{QStringLiteral("rg-b"), 2}, {QStringLiteral("rg-a"), 2}, {QString(), 5}}),
                 QStringLiteral("rg-a"));
        QCOMPARE(cmk::busiestResourceGroup({}), QString());
    }

    void reloadReplacesTheSets() {
        QVERIFY(startWithPagesOf(2));
        DiskEncryptionSetCatalog catalog;
        QVERIFY(loadAndWait(catalog, subReady));
        QStringList signalOrder;
        connect(&catalog, &DiskEncryptionSetCatalog::aboutToReset, this,
                [&] { signalOrder << QStringLiteral("aboutToReset:%1").arg(catalog.size()); });
        connect(&catalog, &DiskEncryptionSetCatalog::reset, this,
                [&] { signalOrder << QStringLiteral("reset:%1").arg(catalog.size()); });
        connect(&catalog, &DiskEncryptionSetCatalog::loadStarted, this,
                [&] { signalOrder << QStringLiteral("loadStarted:%1").arg(catalog.isLoading()); });
        QSignalSpy added(&catalog, &DiskEncryptionSetCatalog::setsAdded);
        QSignalSpy finished(&catalog, &DiskEncryptionSetCatalog::loadFinished);
        QSignalSpy aborted(&catalog, &DiskEncryptionSetCatalog::aborted);
        QVERIFY(sandbox().setFaults(QStringLiteral("latency=500ms:path=skiptoken"))); // the next pages wait
        catalog.reload();
        QCOMPARE(signalOrder, (QStringList{QStringLiteral("aboutToReset:6"), QStringLiteral("reset:0"),
                                           QStringLiteral("loadStarted:1")}));
        QVERIFY(!catalog.isComplete());

        // Replaced while loading: what the first load still converts is dropped.
        QVERIFY(added.wait(10000));
        QVERIFY(catalog.isLoading());
        QVERIFY(sandbox().setFaults(QString()));
        catalog.reload();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(aborted.count(), 0);
        QVERIFY(catalog.isComplete());
        QCOMPARE(catalog.size(), 6);
        QSet<QString> ids;
        for (const cmk::DiskEncryptionSet &set : catalog.all())
            ids.insert(set.id.toLower());
        QCOMPARE(ids.size(), 6);
        QCOMPARE(catalog.pageCount(), 3);

        // Another subscription: its sets only.
        QVERIFY(loadAndWait(catalog, subNotRegistered));
        QCOMPARE(names(catalog.all()), QStringList{QStringLiteral("des-eastus2-other")});
        QCOMPARE(catalog.indexOf(ids.values().first()), -1);
        QCOMPARE(catalog.busiestResourceGroup(), QStringLiteral("rg-keys"));

        catalog.clear();
        QCOMPARE(catalog.size(), 0);
        QVERIFY(catalog.subscriptionId().isEmpty());
        QVERIFY(!catalog.isComplete());
        QVERIFY(catalog.indexesOf(QStringLiteral("eastus2")).empty());
    }

    void abortKeepsTheConvertedSetsAndStops() {
        // The second page never comes: the load is still going when it is aborted.
        QVERIFY(startWithPagesOf(2, QStringLiteral("hang:nth=2:path=/diskEncryptionSets")));
        DiskEncryptionSetCatalog catalog;
        QSignalSpy added(&catalog, &DiskEncryptionSetCatalog::setsAdded);
        QSignalSpy finished(&catalog, &DiskEncryptionSetCatalog::loadFinished);
        QSignalSpy aborted(&catalog, &DiskEncryptionSetCatalog::aborted);
        catalog.load(client(), subReady);
        QVERIFY(added.wait(10000));
        QVERIFY(catalog.isLoading());
        catalog.abort();
        QCOMPARE(aborted.count(), 1);
        QVERIFY(!catalog.isLoading());
        QVERIFY(!catalog.isComplete());
        QVERIFY(!catalog.error());
        catalog.abort(); // idle: nothing
        QCOMPARE(aborted.count(), 1);

        // Another listing ends (a positive event): the aborted one sent nothing more and ended no more.
        DiskEncryptionSetCatalog control;
        QVERIFY(loadAndWait(control, subNotRegistered));
        QCOMPARE(control.size(), 1);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(added.count(), 1);
        QCOMPARE(catalog.size(), 2);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), desListPath(subReady)), 2);
    }

    void errorCarriesTheRequestId() {
        QVERIFY(startWithPagesOf(100));
        DiskEncryptionSetCatalog catalog;
        const QString unknown = QStringLiteral("00000000-0000-0000-0000-000000000000");
        QVERIFY(loadAndWait(catalog, unknown));
        QCOMPARE(catalog.error().kind, cmk::ArmError::Kind::Http);
        QCOMPARE(catalog.error().httpStatus, 404);
        QVERIFY(!catalog.isComplete());
        QCOMPARE(requestIds(unknown).size(), 1);
        QVERIFY(!catalog.error().requestId.isEmpty());
        QCOMPARE(catalog.error().requestId, requestIds(unknown).first());
        QVERIFY2(catalog.error().toDisplayString().contains(catalog.error().requestId),
                 qPrintable(catalog.error().toDisplayString()));
    }

    void unconvertiblePageCarriesItsRequestId() {
        QVERIFY(startWithPagesOf(2));
        DiskEncryptionSetCatalog catalog;
        QVERIFY(loadAndWait(catalog, subBroken));
        QCOMPARE(catalog.error().kind, cmk::ArmError::Kind::MalformedResponse);
        QVERIFY(!catalog.isComplete());
        // The first page was converted; the second (with the broken set) was not.
        QCOMPARE(names(catalog.all()), (QStringList{QStringLiteral("des-1"), QStringLiteral("des-2")}));
        QCOMPARE(catalog.pageCount(), 1);
        const QStringList ids = requestIds(subBroken);
        QCOMPARE(ids.size(), 2);
        QCOMPARE(catalog.error().requestId, ids.at(1));
    }

    void unusableSubscriptionEndsAtOnce() {
        QVERIFY(startWithPagesOf(100));
        DiskEncryptionSetCatalog catalog;
        QSignalSpy finished(&catalog, &DiskEncryptionSetCatalog::loadFinished);
        QSignalSpy started(&catalog, &DiskEncryptionSetCatalog::loadStarted);
        catalog.load(client(), QStringLiteral("../../providers"));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(started.count(), 0);
        QCOMPARE(catalog.error().kind, cmk::ArmError::Kind::InvalidInput);
        QVERIFY(!catalog.isLoading());

        // Without a client or a subscription the catalogue is only emptied.
        catalog.load(nullptr, subReady);
        catalog.load(client(), QString());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(started.count(), 0);
        QVERIFY(!catalog.error());

        // A listing that goes to the server (a positive event): it is the only request.
        QVERIFY(loadAndWait(catalog, subReady));
        QCOMPARE(int(sandbox().exchanges().size()), 1);
    }
};

QTEST_GUILESS_MAIN(TestDesCatalog)
#include "tst_descatalog.moc"
