// cmk::ResourceInventory against a real in-process armsandbox over HTTP: every lister returns the demo
// fixture's resources as typed structs, pages are followed through nextLink and handed over in order, ARM
// errors keep their request id, a page that does not convert stops the listing, a name that cannot exist
// sends nothing, and abort() is silent.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "inventory/resourceinventory.h"
#include "support/sandboxhttp.h"

#include <QSignalSpy>
#include <QtTest>

using namespace cmk;

namespace {

const QString Sub = sandboxtest::kSub1;
const QString OtherSub = sandboxtest::kSub2;
const QString ImagesGroup = QStringLiteral("rg-images-prod");
const QString ProdGallery = QStringLiteral("galContosoProd");

/// What one listing handed over, and how it ended.
template <typename T> struct Listed {
    std::vector<T> items;
    ArmError error;
    int itemsReadySignals = 0;
    int pages = 0;
    bool finished = false;
};

/// Runs `listing` to its end (owning it), taking the items as they come.
template <typename T> Listed<T> collect(ResourceListing<T> *listing) {
    std::unique_ptr<ResourceListing<T>> owner(listing);
    Listed<T> result;
    QObject::connect(listing, &ResourceListingBase::itemsReady, [&result, listing] {
        ++result.itemsReadySignals;
        for (T &item : listing->takeItems())
            result.items.push_back(std::move(item));
    });
    QSignalSpy finished(listing, &ResourceListingBase::finished);
    result.finished = finished.wait(20000) && finished.size() == 1;
    result.error = listing->error();
    result.pages = listing->pageCount();
    return result;
}

template <typename T> QStringList idsOf(const std::vector<T> &items) {
    QStringList ids;
    for (const T &item : items)
        ids << item.id.toLower();
    ids.sort();
    return ids;
}

/// The ids of the demo fixture's resources of `type` whose id starts with `prefix` (both case-insensitive).
QStringList fixtureIds(const QString &type, const QString &prefix) {
    QStringList ids;
    for (const QJsonValue value : sandboxtest::demoFixture().value(QLatin1String("resources")).toArray()) {
        const QJsonObject resource = value.toObject();
        const QString id = resource.value(QLatin1String("id")).toString();
        if (resource.value(QLatin1String("type")).toString().compare(type, Qt::CaseInsensitive) == 0 &&
            id.startsWith(prefix, Qt::CaseInsensitive))
            ids << id.toLower();
    }
    ids.sort();
    return ids;
}

QString subscriptionPrefix(const QString &subscription = Sub) {
    return QStringLiteral("/subscriptions/%1/").arg(subscription);
}

QString galleryPrefix() {
    return subscriptionPrefix() +
           QStringLiteral("resourceGroups/%1/providers/Microsoft.Compute/galleries/%2/")
               .arg(ImagesGroup, ProdGallery);
}

template <typename T> const T *findNamed(const std::vector<T> &items, const QString &name) {
    for (const T &item : items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

} // namespace

class TestInventory : public QObject {
    Q_OBJECT

    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<ArmClient> m_client;

    void startSandbox(const armsandbox::SandboxOptions &options = {}) {
        m_client.reset();
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        QString why;
        QVERIFY2(m_sandbox->start(options, &why), qPrintable(why));
        m_client = std::make_unique<ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        RetryPolicy once;
        once.maxTries = 1; // errors as the server gave them
        m_client->setRetryPolicy(once);
    }
    ResourceInventory inventory() const { return ResourceInventory(m_client.get()); }
    int requestsTo(const QString &pathPart) const {
        int count = 0;
        for (const armsandbox::Exchange &exchange : m_sandbox->exchanges())
            count += exchange.liveRequest.value(QLatin1String("url"))
                         .toString()
                         .contains(pathPart, Qt::CaseInsensitive);
        return count;
    }

private Q_SLOTS:
    void init() { startSandbox(); }

    void subscriptionsAndTenants() {
        const Listed<Subscription> subscriptions = collect(inventory().subscriptions());
        QVERIFY(subscriptions.finished);
        QVERIFY2(!subscriptions.error, qPrintable(subscriptions.error.toDisplayString()));
        QCOMPARE(subscriptions.items.size(), size_t(2));
        QCOMPARE(subscriptions.items.at(0).subscriptionId, Sub);
        QCOMPARE(subscriptions.items.at(0).displayName, QStringLiteral("Contoso Production"));
        QCOMPARE(subscriptions.items.at(1).subscriptionId, OtherSub);
        QCOMPARE(subscriptions.items.at(1).state, QStringLiteral("Enabled"));

        const Listed<Tenant> tenants = collect(inventory().tenants());
        QVERIFY(tenants.finished && !tenants.error);
        QCOMPARE(tenants.items.size(), size_t(2));
        QCOMPARE(tenants.items.at(0).displayName, QStringLiteral("Contoso"));
        QCOMPARE(tenants.items.at(0).defaultDomain, QStringLiteral("contoso.onmicrosoft.com"));
        QCOMPARE(tenants.items.at(1).displayName, QStringLiteral("Fabrikam"));
    }

    void locationsAndResourceGroups() {
        const Listed<Location> locations = collect(inventory().locations(Sub));
        QVERIFY(locations.finished && !locations.error);
        QCOMPARE(locations.items.size(), size_t(6));
        const Location *westEurope = findNamed(locations.items, QStringLiteral("westeurope"));
        QVERIFY(westEurope);
        QCOMPARE(westEurope->displayName, QStringLiteral("West Europe"));

        const Listed<ResourceGroup> groups = collect(inventory().resourceGroups(Sub));
        QVERIFY(groups.finished && !groups.error);
        QCOMPARE(idsOf(groups.items),
                 fixtureIds(QStringLiteral("Microsoft.Resources/resourceGroups"), subscriptionPrefix()));
        QCOMPARE(findNamed(groups.items, QStringLiteral("rg-build"))->location,
                 QStringLiteral("francecentral"));
    }

    void galleriesDefinitionsAndVersions() {
        const QString galleryType = QStringLiteral("Microsoft.Compute/galleries");
        const Listed<Gallery> everyGallery = collect(inventory().galleries(Sub));
        QVERIFY(everyGallery.finished && !everyGallery.error);
        QCOMPARE(idsOf(everyGallery.items), fixtureIds(galleryType, subscriptionPrefix()));
        QCOMPARE(everyGallery.items.size(), size_t(2));

        const Listed<Gallery> inGroup = collect(inventory().galleries(Sub, ImagesGroup));
        QVERIFY(inGroup.finished && !inGroup.error);
        QCOMPARE(inGroup.items.size(), size_t(1));
        QCOMPARE(inGroup.items.front().name, ProdGallery);
        QCOMPARE(inGroup.items.front().location, QStringLiteral("westeurope"));

        const Listed<GalleryImage> definitions =
            collect(inventory().imageDefinitions(Sub, ImagesGroup, ProdGallery));
        QVERIFY(definitions.finished && !definitions.error);
        QCOMPARE(idsOf(definitions.items),
                 fixtureIds(galleryType + QStringLiteral("/images"), galleryPrefix()));
        const GalleryImage *trusted =
            findNamed(definitions.items, QStringLiteral("ubuntu-24-04-trustedlaunch"));
        QVERIFY(trusted);
        QCOMPARE(trusted->osType, QStringLiteral("Linux"));
        QCOMPARE(trusted->securityType(), QStringLiteral("TrustedLaunch"));

        const Listed<GalleryImageVersion> versions = collect(
            inventory().imageVersions(Sub, ImagesGroup, ProdGallery, QStringLiteral("ubuntu-22-04-gen2")));
        QVERIFY(versions.finished && !versions.error);
        // The gallery's other definitions have versions too (ubuntu-22-04-cvm): those of this one only.
        QCOMPARE(idsOf(versions.items),
                 fixtureIds(galleryType + QStringLiteral("/images/versions"),
                            galleryPrefix() + QStringLiteral("images/ubuntu-22-04-gen2/")));
        QVERIFY(!versions.items.front().targetRegions.empty());

        // Several definitions: one list after the other, in the order asked.
        m_sandbox->clearExchanges();
        QStringList names;
        for (const GalleryImage &definition : definitions.items)
            names << definition.name;
        const Listed<GalleryImageVersion> acrossDefinitions =
            collect(inventory().imageVersions(Sub, ImagesGroup, ProdGallery, names));
        QVERIFY(acrossDefinitions.finished && !acrossDefinitions.error);
        QCOMPARE(idsOf(acrossDefinitions.items),
                 fixtureIds(galleryType + QStringLiteral("/images/versions"), galleryPrefix()));
        QCOMPARE(requestsTo(QStringLiteral("/versions?")), int(names.size()));
    }

    void imageSourcesWithTheirLuns() {
        const Listed<ManagedImage> images = collect(inventory().managedImages(Sub));
        QVERIFY(images.finished && !images.error);
        QCOMPARE(idsOf(images.items),
                 fixtureIds(QStringLiteral("Microsoft.Compute/images"), subscriptionPrefix()));
        QCOMPARE(dataDiskLuns(*findNamed(images.items, QStringLiteral("img-ubuntu2204-web"))),
                 (QList<int>{0, 1}));
        QCOMPARE(dataDiskLuns(*findNamed(images.items, QStringLiteral("img-ws2022-base"))), QList<int>());

        const Listed<Snapshot> snapshots = collect(inventory().snapshots(Sub));
        QVERIFY(snapshots.finished && !snapshots.error);
        QCOMPARE(idsOf(snapshots.items),
                 fixtureIds(QStringLiteral("Microsoft.Compute/snapshots"), subscriptionPrefix()));
        const Snapshot *os = findNamed(snapshots.items, QStringLiteral("snap-ubuntu-os"));
        QCOMPARE(os->osType, QStringLiteral("Linux"));
        QCOMPARE(os->diskSizeGB, std::optional<int>(30));
        QVERIFY(findNamed(snapshots.items, QStringLiteral("snap-ubuntu-data1"))->osType.isEmpty());

        const Listed<VirtualMachine> vms = collect(inventory().virtualMachines(Sub));
        QVERIFY(vms.finished && !vms.error);
        QCOMPARE(idsOf(vms.items),
                 fixtureIds(QStringLiteral("Microsoft.Compute/virtualMachines"), subscriptionPrefix()));
        QCOMPARE(dataDiskLuns(*findNamed(vms.items, QStringLiteral("vm-build-01"))), QList<int>{0});

        // An image version's LUNs come from its storage profile, in ascending order.
        GalleryImageVersion version;
        for (int lun : {3, 1, 2}) {
            GalleryDiskImage disk;
            disk.lun = lun;
            version.storageProfile.dataDiskImages.push_back(disk);
        }
        QCOMPARE(dataDiskLuns(version), (QList<int>{1, 2, 3}));
    }

    void followsNextLinkPageByPage() {
        armsandbox::SandboxOptions options;
        options.pageSize = 2;
        startSandbox(options);
        const Listed<Location> locations = collect(inventory().locations(Sub));
        QVERIFY(locations.finished && !locations.error);
        QCOMPARE(locations.items.size(), size_t(6));
        QCOMPARE(locations.pages, 3);
        QCOMPARE(locations.itemsReadySignals, 3);
        QCOMPARE(requestsTo(QStringLiteral("skiptoken")), 2);
        // In the server's order across the pages.
        QStringList names;
        for (const Location &location : locations.items)
            names << location.name;
        QCOMPARE(names.first(), QStringLiteral("francecentral"));
        QCOMPARE(names.last(), QStringLiteral("westus"));
    }

    void armErrorKeepsItsRequestId() {
        const Listed<Gallery> missing = collect(inventory().galleries(Sub, QStringLiteral("rg-nowhere")));
        QVERIFY(missing.finished);
        QVERIFY(missing.items.empty());
        QCOMPARE(missing.error.kind, ArmError::Kind::Http);
        QCOMPARE(missing.error.httpStatus, 404);
        QCOMPARE(missing.error.code, QStringLiteral("ResourceGroupNotFound"));
        const QString served = m_sandbox->exchanges()
                                   .last()
                                   .liveResponse.value(QLatin1String("headers"))
                                   .toObject()
                                   .value(QLatin1String("x-ms-request-id"))
                                   .toString();
        QVERIFY(!served.isEmpty());
        QCOMPARE(missing.error.requestId, served);

        // Failing on a later page: the pages before it are handed over, then the error.
        armsandbox::SandboxOptions options;
        options.pageSize = 2;
        options.faults = QStringLiteral("status=409:nth=2:path=/locations");
        startSandbox(options);
        const Listed<Location> cut = collect(inventory().locations(Sub));
        QVERIFY(cut.finished);
        QCOMPARE(cut.items.size(), size_t(2));
        QCOMPARE(cut.error.httpStatus, 409);
        QVERIFY(!cut.error.requestId.isEmpty());
    }

    void pageThatDoesNotConvertStopsTheListing() {
        QJsonObject snapshot = m_sandbox->resource(
            subscriptionPrefix() + QStringLiteral("resourceGroups/rg-build/providers/Microsoft.Compute/"
                                                  "snapshots/snap-ubuntu-data0"));
        QVERIFY(!snapshot.isEmpty());
        QJsonObject properties = snapshot.value(QLatin1String("properties")).toObject();
        properties.insert(QStringLiteral("diskSizeGB"), QStringLiteral("large"));
        snapshot.insert(QStringLiteral("properties"), properties);
        m_sandbox->setResource(snapshot);

        const Listed<Snapshot> snapshots = collect(inventory().snapshots(Sub));
        QVERIFY(snapshots.finished);
        QCOMPARE(snapshots.error.kind, ArmError::Kind::MalformedResponse);
        QVERIFY(snapshots.items.empty()); // no page with a hole in it
        QCOMPARE(snapshots.itemsReadySignals, 0);
    }

    void nameThatCannotExistSendsNothing() {
        m_sandbox->clearExchanges();
        const Listed<GalleryImage> none =
            collect(inventory().imageDefinitions(Sub, QStringLiteral("rg/../x"), ProdGallery));
        QVERIFY(none.finished);
        QVERIFY2(!none.error, qPrintable(none.error.toDisplayString()));
        QVERIFY(none.items.empty());
        QCOMPARE(m_sandbox->exchanges().size(), 0);
    }

    void abortIsSilent() {
        armsandbox::SandboxOptions options;
        options.faults = QStringLiteral("latency=300ms:path=/snapshots");
        startSandbox(options);
        int answersSeen = 0; // by the client: an aborted request's answer is not
        connect(m_client.get(), &ArmClient::responseReceived, this,
                [&answersSeen](const QByteArray &, const QUrl &, int status) { answersSeen += status != 0; });
        std::unique_ptr<ResourceListing<Snapshot>> aborted(inventory().snapshots(Sub));
        QSignalSpy abortedReady(aborted.get(), &ResourceListingBase::itemsReady);
        QSignalSpy abortedFinished(aborted.get(), &ResourceListingBase::finished);
        aborted->abort(); // its request is on its way, held by the latency
        QVERIFY(!aborted->isFinished());

        // A listing started after it, answered later than the held one would have been, ends first.
        const Listed<Snapshot> later = collect(inventory().snapshots(Sub));
        QVERIFY(later.finished && !later.error);
        QVERIFY(!later.items.empty());
        QCOMPARE(answersSeen, 1);
        QCOMPARE(abortedReady.size(), 0);
        QCOMPARE(abortedFinished.size(), 0);
        QVERIFY(aborted->takeItems().empty());
    }
};

QTEST_MAIN(TestInventory)
#include "tst_inventory.moc"
