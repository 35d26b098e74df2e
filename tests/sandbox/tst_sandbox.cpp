// armsandbox over real HTTP: routes, ARM errors, paging, registration, the image version LRO and auth.

#include "support/sandboxhttp.h"

#include "identity/identity.h"

#include <QSet>
#include <QtTest>

using namespace sandboxtest;

namespace {

const QString kGallery = QStringLiteral("/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/"
                                        "rg-images-prod/providers/Microsoft.Compute/"
                                        "galleries/galContosoProd");
const QString kImageDefinition = kGallery + QStringLiteral("/images/ubuntu-22-04-gen2");
const QString kImage =
    QStringLiteral("/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/"
                   "providers/Microsoft.Compute/images/img-ubuntu2204-web");
const QString kVm =
    QStringLiteral("/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/"
                   "providers/Microsoft.Compute/virtualMachines/vm-build-01");
QString des(const QString &name) {
    return QStringLiteral(
               "/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/"
               "Microsoft.Compute/diskEncryptionSets/%1")
        .arg(name);
}

QJsonObject versionBody(const QString &location, const QJsonObject &source, const QJsonArray &targets) {
    return QJsonObject{
        {QStringLiteral("location"), location},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("publishingProfile"), QJsonObject{{QStringLiteral("targetRegions"), targets}}},
             {QStringLiteral("storageProfile"), QJsonObject{{QStringLiteral("source"), source}}}}}};
}

QJsonObject target(const QString &name, const QJsonObject &encryption = {}) {
    QJsonObject t{{QStringLiteral("name"), name}};
    if (!encryption.isEmpty())
        t.insert(QStringLiteral("encryption"), encryption);
    return t;
}

QJsonObject encryption(const QString &osDes, const QList<QPair<int, QString>> &dataDes = {}) {
    QJsonObject e;
    if (!osDes.isEmpty())
        e.insert(QStringLiteral("osDiskImage"), QJsonObject{{QStringLiteral("diskEncryptionSetId"), osDes}});
    QJsonArray data;
    for (const auto &d : dataDes)
        data.append(
            QJsonObject{{QStringLiteral("lun"), d.first}, {QStringLiteral("diskEncryptionSetId"), d.second}});
    if (!data.isEmpty())
        e.insert(QStringLiteral("dataDiskImages"), data);
    return e;
}

QJsonObject imageSource() {
    return QJsonObject{{QStringLiteral("id"), kImage}};
}

} // namespace

class TestSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsSubscriptionsTenantsLocations();
    void everyResponseCarriesArmHeaders();
    void apiVersionIsRequiredAndChecked();
    void pathsAreCaseInsensitive();
    void unknownRoutesAndMissingResources();
    void listsByResourceGroupAndChildren();
    void pagingFollowsNextLinkOverManyPages();
    void pagingWithAFixtureFile();
    void versionGetExpandsReplicationStatusOnlyOnRequest();
    void validationErrors_data();
    void validationErrors();
    void validationAcceptsDisplayNamesAndConsistentEncryption();
    void featureNotRegisteredBlocksEncryption();
    void featureNotRequiredDoesNotBlock();
    void lroCreatingToSucceededWithReplicationProgress();
    void lroFailureHook();
    void deleteVersion();
    void featureRegistrationTransitions();
    void providerRegistrationTransitions();
    void readOnlySubscriptionIsForbidden();
    void authRequired();

private:
    QTemporaryDir m_dir;
    QString m_registeredFixture;
};

void TestSandbox::initTestCase() {
    QVERIFY(m_dir.isValid());
    QJsonObject fixture = demoFixture();
    QVERIFY(!fixture.isEmpty());
    setEntry(fixture, QStringLiteral("features"), kSub1, QStringLiteral("state"),
             QStringLiteral("Registered"));
    m_registeredFixture = writeFixture(m_dir, QStringLiteral("registered.json"), fixture);
    QVERIFY(!m_registeredFixture.isEmpty());
}

void TestSandbox::listsSubscriptionsTenantsLocations() {
    armsandbox::Sandbox sandbox;
    QString why;
    QVERIFY2(sandbox.start({}, &why), qPrintable(why));
    QCOMPARE(sandbox.baseUrl().host(), QStringLiteral("127.0.0.1"));
    Http http;
    const HttpResult subs =
        http.get(armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01")));
    QCOMPARE(subs.status, 200);
    const QJsonArray value = subs.json().value(QLatin1String("value")).toArray();
    QCOMPARE(value.size(), 2);
    for (const QJsonValue s : value) {
        QVERIFY(!s.toObject().contains(QLatin1String("readOnly"))); // sandbox-only field stays hidden
        QCOMPARE(s.toObject().value(QLatin1String("state")).toString(), QStringLiteral("Enabled"));
    }
    const HttpResult tenants =
        http.get(armUrl(sandbox.baseUrl(), QStringLiteral("/tenants"), QStringLiteral("2020-01-01")));
    QCOMPARE(tenants.status, 200);
    QVERIFY(tenants.json().value(QLatin1String("value")).toArray().size() >= 1);
    const HttpResult one = http.get(
        armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions/") + kSub2, QStringLiteral("2022-12-01")));
    QCOMPARE(one.json().value(QLatin1String("displayName")).toString(), QStringLiteral("Contoso Dev/Test"));
    const HttpResult locations =
        http.get(armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions/%1/locations").arg(kSub1),
                        QStringLiteral("2022-12-01")));
    QSet<QString> names;
    for (const QJsonValue l : locations.json().value(QLatin1String("value")).toArray())
        names.insert(l.toObject().value(QLatin1String("name")).toString());
    for (const char *region : {"francecentral", "westeurope", "eastus2", "westus", "northeurope", "eastus"})
        QVERIFY2(names.contains(QString::fromLatin1(region)), region);
}

void TestSandbox::everyResponseCarriesArmHeaders() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    const HttpResult echoed = http.call(
        "GET", armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01")), {},
        {{"x-ms-correlation-request-id", "corr-123"}, {"x-ms-client-request-id", "client-9"}});
    QCOMPARE(echoed.header("x-ms-correlation-request-id"), QByteArray("corr-123"));
    QCOMPARE(echoed.header("x-ms-client-request-id"), QByteArray("client-9"));
    QVERIFY(!echoed.header("x-ms-request-id").isEmpty());
    QCOMPARE(echoed.header("content-type"), QByteArray("application/json; charset=utf-8"));
    const HttpResult error = http.get(
        armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions/nope"), QStringLiteral("2022-12-01")));
    QCOMPARE(error.status, 404);
    QCOMPARE(error.errorCode(), QStringLiteral("SubscriptionNotFound"));
    QVERIFY(!error.header("x-ms-request-id").isEmpty());
    QVERIFY(!error.header("x-ms-correlation-request-id").isEmpty());
}

void TestSandbox::apiVersionIsRequiredAndChecked() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    QUrl noVersion = sandbox.baseUrl();
    noVersion.setPath(kGallery);
    const HttpResult missing = http.get(noVersion);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorCode(), QStringLiteral("MissingApiVersionParameter"));
    const HttpResult unknown = http.get(armUrl(sandbox.baseUrl(), kGallery, QStringLiteral("2019-01-01")));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.errorCode(), QStringLiteral("InvalidApiVersionParameter"));
    // Each family accepts its own versions only.
    QCOMPARE(http.get(armUrl(sandbox.baseUrl(), kGallery, QStringLiteral("2024-03-03"))).status, 200);
    QCOMPARE(http.get(armUrl(sandbox.baseUrl(), kGallery, QStringLiteral("2025-01-02"))).status, 400);
    QCOMPARE(
        http.get(armUrl(sandbox.baseUrl(), des(QStringLiteral("des-weu-cmk")), QStringLiteral("2025-01-02")))
            .status,
        200);
    QCOMPARE(http.get(armUrl(sandbox.baseUrl(), kImage, QStringLiteral("2024-11-01"))).status, 200);
    QCOMPARE(http.get(armUrl(sandbox.baseUrl(), kVm, QStringLiteral("2024-07-01"))).status, 200);
    QCOMPARE(http.get(armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions/%1/resourcegroups").arg(kSub1),
                             QStringLiteral("2025-04-01")))
                 .status,
             200);
}

void TestSandbox::pathsAreCaseInsensitive() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    const HttpResult upper = http.get(
        armUrl(sandbox.baseUrl(), kImageDefinition.toUpper().replace(kSub1.toUpper(), kSub1), api::gallery));
    QCOMPARE(upper.status, 200);
    QCOMPARE(upper.json().value(QLatin1String("name")).toString(), QStringLiteral("ubuntu-22-04-gen2"));
}

void TestSandbox::unknownRoutesAndMissingResources() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    const HttpResult missing = http.get(
        armUrl(sandbox.baseUrl(),
               QStringLiteral(
                   "/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/galleries/x")
                   .arg(kSub1),
               api::gallery));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), QStringLiteral("ResourceNotFound"));
    QCOMPARE(
        missing.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString(),
        QStringLiteral(
            "The Resource 'Microsoft.Compute/galleries/x' under resource group 'rg-images-prod' was not "
            "found."));
    const HttpResult unknownType = http.get(armUrl(
        sandbox.baseUrl(), QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/widgets").arg(kSub1),
        api::gallery));
    QCOMPARE(unknownType.status, 404);
    QCOMPARE(unknownType.errorCode(), QStringLiteral("InvalidResourceType"));
    const HttpResult missingGroup = http.get(
        armUrl(sandbox.baseUrl(),
               QStringLiteral("/subscriptions/%1/resourceGroups/nope/providers/Microsoft.Compute/galleries")
                   .arg(kSub1),
               api::gallery));
    QCOMPARE(missingGroup.status, 404);
    QCOMPARE(missingGroup.errorCode(), QStringLiteral("ResourceGroupNotFound"));
    const HttpResult missingParent =
        http.get(armUrl(sandbox.baseUrl(), kGallery + QStringLiteral("/images/nope/versions"), api::gallery));
    QCOMPARE(missingParent.status, 404);
    QCOMPARE(missingParent.errorCode(), QStringLiteral("ParentResourceNotFound"));
    QUrl nowhere = sandbox.baseUrl();
    nowhere.setPath(QStringLiteral("/nowhere"));
    QCOMPARE(http.get(nowhere).status, 404);
}

void TestSandbox::listsByResourceGroupAndChildren() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    const auto names = [&http](const QUrl &url) {
        QStringList out;
        const HttpResult r = http.get(url);
        for (const QJsonValue v : r.json().value(QLatin1String("value")).toArray())
            out.append(v.toObject().value(QLatin1String("name")).toString());
        return out;
    };
    const QUrl base = sandbox.baseUrl();
    QCOMPARE(
        names(armUrl(base,
                     QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/galleries").arg(kSub1),
                     api::gallery))
            .size(),
        2);
    QCOMPARE(
        names(armUrl(
            base,
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/galleries")
                .arg(kSub1),
            api::gallery)),
        QStringList{QStringLiteral("galContosoBuild")});
    QCOMPARE(names(armUrl(base, kGallery + QStringLiteral("/images"), api::gallery)).size(),
             4); // with ubuntu-22-04-cvm
    QCOMPARE(names(armUrl(base, kImageDefinition + QStringLiteral("/versions"), api::gallery)),
             (QStringList{QStringLiteral("1.0.0"), QStringLiteral("1.1.0")}));
    const QStringList subDes = names(armUrl(
        base, QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets").arg(kSub1),
        QStringLiteral("2025-01-02")));
    QCOMPARE(subDes.size(), 9);                                   // with des-weu-cvm
    QVERIFY(!subDes.contains(QStringLiteral("des-dev-weu-cmk"))); // the other subscription's
    QCOMPARE(names(armUrl(
                 base,
                 QStringLiteral(
                     "/subscriptions/%1/resourceGroups/rg-dev/providers/Microsoft.Compute/diskEncryptionSets")
                     .arg(kSub2),
                 QStringLiteral("2025-01-02"))),
             QStringList{QStringLiteral("des-dev-weu-cmk")});
    QCOMPARE(
        names(armUrl(base, QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/images").arg(kSub1),
                     QStringLiteral("2024-11-01")))
            .size(),
        4);
    QCOMPARE(
        names(armUrl(base,
                     QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/snapshots").arg(kSub1),
                     QStringLiteral("2025-01-02")))
            .size(),
        3);
    QCOMPARE(names(armUrl(
                 base,
                 QStringLiteral(
                     "/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/virtualMachines")
                     .arg(kSub1),
                 QStringLiteral("2024-11-01"))),
             QStringList{QStringLiteral("vm-build-01")});
    // Every region but one has a DES, and that one has none.
    QSet<QString> desRegions;
    for (const QJsonValue v :
         http.get(armUrl(base,
                         QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets")
                             .arg(kSub1),
                         QStringLiteral("2025-01-02")))
             .json()
             .value(QLatin1String("value"))
             .toArray())
        desRegions.insert(v.toObject().value(QLatin1String("location")).toString());
    QVERIFY(!desRegions.contains(QStringLiteral("northeurope")));
    QCOMPARE(desRegions.size(), 5);
}

void TestSandbox::pagingFollowsNextLinkOverManyPages() {
    armsandbox::Sandbox sandbox;
    armsandbox::SandboxOptions options;
    options.generateDes = 2500;
    options.pageSize = 100;
    QVERIFY(sandbox.start(options));
    Http http;
    QUrl next =
        armUrl(sandbox.baseUrl(),
               QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets").arg(kSub1),
               QStringLiteral("2025-01-02"));
    int pages = 0;
    QSet<QString> ids;
    QSet<QString> regions;
    while (next.isValid() && pages < 100) {
        const HttpResult page = http.get(next);
        QCOMPARE(page.status, 200);
        const QJsonArray value = page.json().value(QLatin1String("value")).toArray();
        QVERIFY(value.size() <= 100);
        for (const QJsonValue v : value) {
            ids.insert(v.toObject().value(QLatin1String("id")).toString());
            regions.insert(v.toObject().value(QLatin1String("location")).toString());
        }
        ++pages;
        const QString link = page.json().value(QLatin1String("nextLink")).toString();
        next = link.isEmpty() ? QUrl() : QUrl(link);
        if (!link.isEmpty()) {
            QVERIFY(link.startsWith(sandbox.baseUrl().toString())); // absolute
            QVERIFY(link.contains(QLatin1String("$skiptoken=")));
            QVERIFY(link.contains(QLatin1String("api-version=2025-01-02")));
        }
    }
    QCOMPARE(ids.size(), 2509); // 9 fixture DES + 2500 generated, none twice
    QCOMPARE(pages, 26);
    QCOMPARE(regions.size(), 20);
}

void TestSandbox::pagingWithAFixtureFile() {
    // A fixture written by hand (not the generator), with many DES in one resource group.
    QJsonObject fixture = demoFixture();
    QJsonArray resources = fixture.value(QLatin1String("resources")).toArray();
    for (int i = 0; i < 250; ++i) {
        const QString name = QStringLiteral("des-file-%1").arg(i);
        resources.append(QJsonObject{
            {QStringLiteral("id"),
             QStringLiteral(
                 "/subscriptions/%1/resourceGroups/rg-dev/providers/Microsoft.Compute/diskEncryptionSets/%2")
                 .arg(kSub2, name)},
            {QStringLiteral("name"), name},
            {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/diskEncryptionSets")},
            {QStringLiteral("location"),
             i % 2 ? QStringLiteral("westeurope") : QStringLiteral("francecentral")},
            {QStringLiteral("properties"),
             QJsonObject{
                 {QStringLiteral("encryptionType"), QStringLiteral("EncryptionAtRestWithCustomerKey")}}}});
    }
    fixture.insert(QStringLiteral("resources"), resources);
    armsandbox::SandboxOptions options;
    options.fixturePath = writeFixture(m_dir, QStringLiteral("many.json"), fixture);
    options.pageSize = 7;
    armsandbox::Sandbox sandbox;
    QString why;
    QVERIFY2(sandbox.start(options, &why), qPrintable(why));
    Http http;
    const QUrl first =
        armUrl(sandbox.baseUrl(),
               QStringLiteral(
                   "/subscriptions/%1/resourceGroups/rg-dev/providers/Microsoft.Compute/diskEncryptionSets")
                   .arg(kSub2),
               QStringLiteral("2025-01-02"));
    const ListPages list = readListPages(http, first, 1000);
    QCOMPARE(list.failedStatus, 0);
    QCOMPARE(list.items, 251);
    QCOMPARE(list.pages, 36); // ceil(251 / 7)
    const HttpResult badToken = http.get(
        armUrl(sandbox.baseUrl(),
               QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets").arg(kSub2),
               QStringLiteral("2025-01-02"), QStringLiteral("$skiptoken=zz")));
    QCOMPARE(badToken.status, 400);
}

void TestSandbox::versionGetExpandsReplicationStatusOnlyOnRequest() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    const QString path = kImageDefinition + QStringLiteral("/versions/1.1.0");
    const HttpResult plain = http.get(armUrl(sandbox.baseUrl(), path, api::gallery));
    QCOMPARE(plain.status, 200);
    QVERIFY(!plain.json()
                 .value(QLatin1String("properties"))
                 .toObject()
                 .contains(QLatin1String("replicationStatus")));
    const HttpResult expanded =
        http.get(armUrl(sandbox.baseUrl(), path, api::gallery, QStringLiteral("$expand=ReplicationStatus")));
    const QJsonObject status = expanded.json()
                                   .value(QLatin1String("properties"))
                                   .toObject()
                                   .value(QLatin1String("replicationStatus"))
                                   .toObject();
    QCOMPARE(status.value(QLatin1String("aggregatedState")).toString(), QStringLiteral("Completed"));
    QCOMPARE(status.value(QLatin1String("summary")).toArray().size(), 2);
}

void TestSandbox::validationErrors_data() {
    QTest::addColumn<QString>("versionPath");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("target");

    const QString v = kImageDefinition + QStringLiteral("/versions/3.0.0");
    const QString weu = QStringLiteral("westeurope");
    const auto withEncryption = [&](const QJsonObject &e,
                                    const QString &region = QStringLiteral("westeurope")) {
        return versionBody(weu, imageSource(), QJsonArray{target(region, e)});
    };

    QTest::newRow("version name not MAJOR.MINOR.PATCH")
        << (kImageDefinition + QStringLiteral("/versions/1.0")) << versionBody(weu, imageSource(), {}) << 400
        << "InvalidParameter"
        << "galleryImageVersionName";
    QTest::newRow("version part beyond int32")
        << (kImageDefinition + QStringLiteral("/versions/1.0.2147483648"))
        << versionBody(weu, imageSource(), {}) << 400 << "InvalidParameter"
        << "galleryImageVersionName";
    QJsonObject noLocation = versionBody(weu, imageSource(), {});
    noLocation.remove(QStringLiteral("location"));
    QTest::newRow("location missing") << v << noLocation << 400 << "LocationRequired"
                                      << "location";
    QTest::newRow("storageProfile missing")
        << v << QJsonObject{{QStringLiteral("location"), weu}, {QStringLiteral("properties"), QJsonObject{}}}
        << 400 << "InvalidParameter"
        << "properties.storageProfile";
    QTest::newRow("source missing") << v << versionBody(weu, {}, {}) << 400 << "InvalidParameter"
                                    << "properties.storageProfile.source";
    QTest::newRow("source not found")
        << v
        << versionBody(weu,
                       QJsonObject{{QStringLiteral("id"),
                                    QString(kImage).replace(QStringLiteral("img-ubuntu2204-web"),
                                                            QStringLiteral("nope"))}},
                       {})
        << 400 << "InvalidParameter"
        << "properties.storageProfile.source.id";
    QTest::newRow("source in another region")
        << v
        << versionBody(weu,
                       QJsonObject{{QStringLiteral("id"),
                                    QString(kImage).replace(QStringLiteral("img-ubuntu2204-web"),
                                                            QStringLiteral("img-ws2022-base"))}},
                       {})
        << 400 << "InvalidParameter"
        << "properties.storageProfile.source.id";
    QTest::newRow("gallery missing") << (kGallery +
                                         QStringLiteral("x/images/ubuntu-22-04-gen2/versions/1.0.0"))
                                     << versionBody(weu, imageSource(), {}) << 404 << "ParentResourceNotFound"
                                     << "";
    QTest::newRow("image definition missing")
        << (kGallery + QStringLiteral("/images/nope/versions/1.0.0")) << versionBody(weu, imageSource(), {})
        << 404 << "ParentResourceNotFound"
        << "";
    QTest::newRow("DES does not exist")
        << v << withEncryption(encryption(des(QStringLiteral("des-nope")))) << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].encryption.osDiskImage.diskEncryptionSetId";
    QTest::newRow("DES in another subscription")
        << v
        << withEncryption(encryption(QStringLiteral("/subscriptions/%1/resourceGroups/rg-dev/providers/"
                                                    "Microsoft.Compute/diskEncryptionSets/des-dev-weu-cmk")
                                         .arg(kSub2)))
        << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].encryption.osDiskImage.diskEncryptionSetId";
    QTest::newRow("DES in another region than its target region")
        << v
        << versionBody(
               weu, imageSource(),
               QJsonArray{target(QStringLiteral("West Europe")),
                          target(QStringLiteral("West US"), encryption(des(QStringLiteral("des-weu-cmk"))))})
        << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[1].encryption.osDiskImage.diskEncryptionSetId";
    QTest::newRow("mixed encryption types in one region")
        << v
        << withEncryption(
               encryption(des(QStringLiteral("des-weu-cmk")), {{0, des(QStringLiteral("des-weu-double"))}}))
        << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].encryption.dataDiskImages[0].diskEncryptionSetId";
    QTest::newRow("data disk LUN absent from the source")
        << v
        << withEncryption(
               encryption(des(QStringLiteral("des-weu-cmk")), {{5, des(QStringLiteral("des-weu-cmk"))}}))
        << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].encryption.dataDiskImages[0].lun";
    QTest::newRow("CMK with a VM source")
        << v
        << versionBody(weu, QJsonObject{{QStringLiteral("virtualMachineId"), kVm}},
                       QJsonArray{target(weu, encryption(des(QStringLiteral("des-weu-cmk"))))})
        << 400 << "BadRequest"
        << "properties.publishingProfile.targetRegions[0].encryption";
    QJsonObject badStorage = versionBody(
        weu, imageSource(),
        QJsonArray{QJsonObject{{QStringLiteral("name"), weu},
                               {QStringLiteral("storageAccountType"), QStringLiteral("Ultra_LRS")}}});
    QTest::newRow("storageAccountType not in the enum")
        << v << badStorage << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].storageAccountType";
    QTest::newRow("regionalReplicaCount 0")
        << v
        << versionBody(weu, imageSource(),
                       QJsonArray{QJsonObject{{QStringLiteral("name"), weu},
                                              {QStringLiteral("regionalReplicaCount"), 0}}})
        << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].regionalReplicaCount";
    QTest::newRow("regionalReplicaCount 101")
        << v
        << versionBody(weu, imageSource(),
                       QJsonArray{QJsonObject{{QStringLiteral("name"), weu},
                                              {QStringLiteral("regionalReplicaCount"), 101}}})
        << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].regionalReplicaCount";
    QTest::newRow("target region without name")
        << v
        << versionBody(weu, imageSource(),
                       QJsonArray{QJsonObject{{QStringLiteral("regionalReplicaCount"), 1}}})
        << 400 << "InvalidParameter"
        << "properties.publishingProfile.targetRegions[0].name";
}

void TestSandbox::validationErrors() {
    QFETCH(QString, versionPath);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, target);
    armsandbox::Sandbox sandbox;
    armsandbox::SandboxOptions options;
    options.fixturePath = m_registeredFixture;
    QVERIFY(sandbox.start(options));
    Http http;
    const HttpResult result = http.put(armUrl(sandbox.baseUrl(), versionPath, api::gallery), body);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(result.errorTarget(), target);
    QVERIFY(!result.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .isEmpty());
    QVERIFY(sandbox.resource(versionPath).isEmpty()); // nothing created
}

void TestSandbox::validationAcceptsDisplayNamesAndConsistentEncryption() {
    armsandbox::Sandbox sandbox;
    armsandbox::SandboxOptions options;
    options.fixturePath = m_registeredFixture;
    QVERIFY(sandbox.start(options));
    Http http;
    // Official examples spell DES ids "diskEncryptionSet" and regions "West Europe": both are accepted.
    const QString singular =
        QString(des(QStringLiteral("des-weu-double")))
            .replace(QStringLiteral("diskEncryptionSets"), QStringLiteral("diskEncryptionSet"));
    const QJsonObject body = versionBody(
        QStringLiteral("West Europe"), imageSource(),
        QJsonArray{target(QStringLiteral("West Europe"),
                          encryption(des(QStringLiteral("des-weu-double")),
                                     {{0, singular}, {1, des(QStringLiteral("des-weu-double"))}})),
                   target(QStringLiteral("francecentral"), encryption(des(QStringLiteral("des-frc-cmk"))))});
    const HttpResult result = http.put(
        armUrl(sandbox.baseUrl(), kImageDefinition + QStringLiteral("/versions/4.0.0"), api::gallery), body);
    QCOMPARE(result.status, 201);
    QCOMPARE(result.json()
                 .value(QLatin1String("properties"))
                 .toObject()
                 .value(QLatin1String("provisioningState"))
                 .toString(),
             QStringLiteral("Creating"));
}

void TestSandbox::featureNotRegisteredBlocksEncryption() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({})); // demo fixture: SIGEncryption NotRegistered in the main subscription
    Http http;
    const QUrl url =
        armUrl(sandbox.baseUrl(), kImageDefinition + QStringLiteral("/versions/5.0.0"), api::gallery);
    const HttpResult encrypted =
        http.put(url, versionBody(QStringLiteral("westeurope"), imageSource(),
                                  QJsonArray{target(QStringLiteral("westeurope"),
                                                    encryption(des(QStringLiteral("des-weu-cmk"))))}));
    QCOMPARE(encrypted.status, 400);
    QCOMPARE(encrypted.errorCode(), QStringLiteral("FeatureNotRegistered"));
    QCOMPARE(encrypted.errorTarget(),
             QStringLiteral("properties.publishingProfile.targetRegions[0].encryption"));
    // Without encryption the feature does not matter.
    const HttpResult plain = http.put(url, versionBody(QStringLiteral("westeurope"), imageSource(),
                                                       QJsonArray{target(QStringLiteral("westeurope"))}));
    QCOMPARE(plain.status, 201);
}

void TestSandbox::featureNotRequiredDoesNotBlock() {
    QJsonObject fixture = demoFixture();
    setEntry(fixture, QStringLiteral("features"), kSub1, QStringLiteral("featureRequired"), false);
    armsandbox::SandboxOptions options;
    options.fixturePath = writeFixture(m_dir, QStringLiteral("notrequired.json"), fixture);
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start(options));
    Http http;
    const HttpResult encrypted = http.put(
        armUrl(sandbox.baseUrl(), kImageDefinition + QStringLiteral("/versions/5.0.0"), api::gallery),
        versionBody(QStringLiteral("westeurope"), imageSource(),
                    QJsonArray{target(QStringLiteral("westeurope"),
                                      encryption(des(QStringLiteral("des-weu-cmk"))))}));
    QCOMPARE(encrypted.status, 201);
}

void TestSandbox::lroCreatingToSucceededWithReplicationProgress() {
    armsandbox::Sandbox sandbox;
    armsandbox::SandboxOptions options;
    options.fixturePath = m_registeredFixture;
    options.lroPollsUntilDone = 4;
    options.retryAfterSeconds = 1;
    QVERIFY(sandbox.start(options));
    Http http;
    const QString path = kImageDefinition + QStringLiteral("/versions/2.0.0");
    const HttpResult created =
        http.put(armUrl(sandbox.baseUrl(), path, api::gallery),
                 versionBody(QStringLiteral("westeurope"), imageSource(),
                             QJsonArray{target(QStringLiteral("westeurope"),
                                               encryption(des(QStringLiteral("des-weu-cmk")),
                                                          {{0, des(QStringLiteral("des-weu-cmk"))}})),
                                        target(QStringLiteral("East US 2"))}));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("Retry-After"), QByteArray("1"));
    const QUrl operation(QString::fromLatin1(created.header("Azure-AsyncOperation")));
    QVERIFY(operation.isValid());
    QVERIFY(operation.path().contains(
        QStringLiteral("/providers/Microsoft.Compute/locations/westeurope/capsOperations/")));
    QCOMPARE(QUrlQuery(operation).queryItemValue(QStringLiteral("api-version")), api::gallery);
    const QJsonObject properties = created.json().value(QLatin1String("properties")).toObject();
    QCOMPARE(properties.value(QLatin1String("provisioningState")).toString(), QStringLiteral("Creating"));
    QVERIFY(!properties.contains(QLatin1String("replicationStatus")));
    // The service fills in the disks of the source.
    QCOMPARE(properties.value(QLatin1String("storageProfile"))
                 .toObject()
                 .value(QLatin1String("dataDiskImages"))
                 .toArray()
                 .size(),
             2);

    const QUrl expanded =
        armUrl(sandbox.baseUrl(), path, api::gallery, QStringLiteral("$expand=ReplicationStatus"));
    const auto progressOf = [&http, &expanded](QString *state, QString *regionState) {
        const QJsonObject props = http.get(expanded).json().value(QLatin1String("properties")).toObject();
        *state = props.value(QLatin1String("provisioningState")).toString();
        const QJsonArray summary = props.value(QLatin1String("replicationStatus"))
                                       .toObject()
                                       .value(QLatin1String("summary"))
                                       .toArray();
        *regionState = summary.at(1).toObject().value(QLatin1String("state")).toString();
        return summary.at(1).toObject().value(QLatin1String("progress")).toInt(-1);
    };
    QString state;
    QString regionState;
    QCOMPARE(progressOf(&state, &regionState), 0);
    QCOMPARE(state, QStringLiteral("Creating"));
    QCOMPARE(regionState, QStringLiteral("Replicating"));
    int last = 0;
    QString status;
    int polls = 0;
    do {
        const HttpResult poll = http.get(operation);
        QCOMPARE(poll.status, 200);
        status = poll.json().value(QLatin1String("status")).toString();
        QVERIFY(!poll.json().value(QLatin1String("startTime")).toString().isEmpty());
        ++polls;
        const int progress = progressOf(&state, &regionState);
        QVERIFY2(progress > last, "replication progress advances at each poll");
        last = progress;
        if (status == QLatin1String("InProgress")) {
            QCOMPARE(state, QStringLiteral("Creating"));
            QCOMPARE(poll.header("Retry-After"), QByteArray("1"));
        }
    } while (status == QLatin1String("InProgress") && polls < 10);
    QCOMPARE(polls, 4);
    QCOMPARE(status, QStringLiteral("Succeeded"));
    QCOMPARE(last, 100);
    QCOMPARE(state, QStringLiteral("Succeeded"));
    QCOMPARE(regionState, QStringLiteral("Completed"));
    // Terminal: polling again changes nothing.
    const HttpResult again = http.get(operation);
    QCOMPARE(again.json().value(QLatin1String("status")).toString(), QStringLiteral("Succeeded"));
    QVERIFY(!again.json().value(QLatin1String("endTime")).toString().isEmpty());
}

void TestSandbox::lroFailureHook() {
    armsandbox::Sandbox sandbox;
    armsandbox::SandboxOptions options;
    options.fixturePath = m_registeredFixture;
    options.lroPollsUntilDone = 2;
    QVERIFY(sandbox.start(options));
    Http http;
    const QString path = kImageDefinition + QStringLiteral("/versions/2.1.0");
    QJsonObject body =
        versionBody(QStringLiteral("westeurope"), imageSource(),
                    QJsonArray{target(QStringLiteral("westeurope")), target(QStringLiteral("westus"))});
    body.insert(QStringLiteral("tags"), QJsonObject{{QStringLiteral("sandbox-fail-lro"),
                                                     QStringLiteral("ReplicationQuotaExceeded")}});
    const HttpResult created = http.put(armUrl(sandbox.baseUrl(), path, api::gallery), body);
    QCOMPARE(created.status, 201);
    const QUrl operation(QString::fromLatin1(created.header("Azure-AsyncOperation")));
    QCOMPARE(http.get(operation).json().value(QLatin1String("status")).toString(),
             QStringLiteral("InProgress"));
    const QJsonObject done = http.get(operation).json();
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("Failed"));
    QCOMPARE(done.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("ReplicationQuotaExceeded"));
    QVERIFY(done.value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("westus")));
    const QJsonObject props =
        http.get(armUrl(sandbox.baseUrl(), path, api::gallery, QStringLiteral("$expand=ReplicationStatus")))
            .json()
            .value(QLatin1String("properties"))
            .toObject();
    QCOMPARE(props.value(QLatin1String("provisioningState")).toString(), QStringLiteral("Failed"));
    QCOMPARE(props.value(QLatin1String("replicationStatus"))
                 .toObject()
                 .value(QLatin1String("aggregatedState"))
                 .toString(),
             QStringLiteral("Failed"));
}

void TestSandbox::deleteVersion() {
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start({}));
    Http http;
    const QUrl url =
        armUrl(sandbox.baseUrl(), kImageDefinition + QStringLiteral("/versions/1.0.0"), api::gallery);
    const HttpResult deleted = http.call("DELETE", url);
    QCOMPARE(deleted.status, 202);
    const QUrl operation(QString::fromLatin1(deleted.header("Azure-AsyncOperation")));
    QCOMPARE(http.get(operation).json().value(QLatin1String("status")).toString(),
             QStringLiteral("Succeeded"));
    QCOMPARE(http.get(url).status, 404);
    QCOMPARE(http.call("DELETE", url).status, 204);
}

void TestSandbox::featureRegistrationTransitions() {
    armsandbox::Sandbox sandbox;
    armsandbox::SandboxOptions options;
    options.featurePollsUntilRegistered = 2;
    QVERIFY(sandbox.start(options));
    Http http;
    const QString path = QStringLiteral("/subscriptions/%1/providers/Microsoft.Features/providers/"
                                        "Microsoft.Compute/features/SIGEncryption")
                             .arg(kSub1);
    const auto stateOf = [](const HttpResult &r) {
        return r.json()
            .value(QLatin1String("properties"))
            .toObject()
            .value(QLatin1String("state"))
            .toString();
    };
    const HttpResult initial = http.get(armUrl(sandbox.baseUrl(), path, QStringLiteral("2021-07-01")));
    QCOMPARE(initial.status, 200);
    QCOMPARE(stateOf(initial), QStringLiteral("NotRegistered"));
    QCOMPARE(initial.json().value(QLatin1String("name")).toString(),
             QStringLiteral("Microsoft.Compute/SIGEncryption"));
    const HttpResult registering = http.call(
        "POST", armUrl(sandbox.baseUrl(), path + QStringLiteral("/register"), QStringLiteral("2021-07-01")));
    QCOMPARE(registering.status, 200);
    QCOMPARE(stateOf(registering), QStringLiteral("Registering"));
    QCOMPARE(stateOf(http.get(armUrl(sandbox.baseUrl(), path, QStringLiteral("2025-03-01")))),
             QStringLiteral("Registering"));
    QCOMPARE(stateOf(http.get(armUrl(sandbox.baseUrl(), path, QStringLiteral("2021-07-01")))),
             QStringLiteral("Registered"));
    QCOMPARE(stateOf(http.get(armUrl(sandbox.baseUrl(), path, QStringLiteral("2021-07-01")))),
             QStringLiteral("Registered"));
    // The other subscription already has it.
    const QString other = QString(path).replace(kSub1, kSub2);
    QCOMPARE(stateOf(http.get(armUrl(sandbox.baseUrl(), other, QStringLiteral("2021-07-01")))),
             QStringLiteral("Registered"));
    // A feature the fixture does not list is unknown.
    QCOMPARE(http.get(armUrl(sandbox.baseUrl(),
                             QString(path).replace(QStringLiteral("SIGEncryption"), QStringLiteral("Other")),
                             QStringLiteral("2021-07-01")))
                 .status,
             404);
}

void TestSandbox::providerRegistrationTransitions() {
    QJsonObject fixture = demoFixture();
    setEntry(fixture, QStringLiteral("providers"), kSub2, QStringLiteral("registrationState"),
             QStringLiteral("NotRegistered"));
    armsandbox::SandboxOptions options;
    options.fixturePath = writeFixture(m_dir, QStringLiteral("provider.json"), fixture);
    options.featurePollsUntilRegistered = 1;
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start(options));
    Http http;
    const QString path = QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute").arg(kSub2);
    const auto stateOf = [](const HttpResult &r) {
        return r.json().value(QLatin1String("registrationState")).toString();
    };
    QCOMPARE(stateOf(http.get(armUrl(sandbox.baseUrl(), QString(path).replace(kSub2, kSub1),
                                     QStringLiteral("2025-04-01")))),
             QStringLiteral("Registered"));
    const HttpResult before = http.get(armUrl(sandbox.baseUrl(), path, QStringLiteral("2025-04-01")));
    QCOMPARE(stateOf(before), QStringLiteral("NotRegistered"));
    QCOMPARE(before.json().value(QLatin1String("namespace")).toString(), QStringLiteral("Microsoft.Compute"));
    // An unregistered provider blocks writes, as ARM does.
    const HttpResult blocked =
        http.put(armUrl(sandbox.baseUrl(),
                        QStringLiteral("/subscriptions/%1/resourceGroups/rg-dev/providers/Microsoft.Compute/"
                                       "galleries/galContosoDev/images/ubuntu-22-04-dev/versions/1.0.0")
                            .arg(kSub2),
                        api::gallery),
                 versionBody(QStringLiteral("westeurope"), imageSource(), {}));
    QCOMPARE(blocked.status, 409);
    QCOMPARE(blocked.errorCode(), QStringLiteral("MissingSubscriptionRegistration"));
    QCOMPARE(stateOf(http.call("POST", armUrl(sandbox.baseUrl(), path + QStringLiteral("/register"),
                                              QStringLiteral("2025-04-01")))),
             QStringLiteral("Registering"));
    QCOMPARE(stateOf(http.get(armUrl(sandbox.baseUrl(), path, QStringLiteral("2021-04-01")))),
             QStringLiteral("Registered"));
}

void TestSandbox::readOnlySubscriptionIsForbidden() {
    QJsonObject fixture = demoFixture();
    setEntry(fixture, QStringLiteral("subscriptions"), kSub1, QStringLiteral("readOnly"), true);
    setEntry(fixture, QStringLiteral("features"), kSub1, QStringLiteral("state"),
             QStringLiteral("Registered"));
    armsandbox::SandboxOptions options;
    options.fixturePath = writeFixture(m_dir, QStringLiteral("readonly.json"), fixture);
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start(options));
    Http http;
    const HttpResult feature =
        http.call("POST", armUrl(sandbox.baseUrl(),
                                 QStringLiteral("/subscriptions/%1/providers/Microsoft.Features/providers/"
                                                "Microsoft.Compute/features/SIGEncryption/register")
                                     .arg(kSub1),
                                 QStringLiteral("2021-07-01")));
    QCOMPARE(feature.status, 403);
    QCOMPARE(feature.errorCode(), QStringLiteral("AuthorizationFailed"));
    QVERIFY(feature.json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("Microsoft.Features/providers/features/register/action")));
    const HttpResult provider = http.call(
        "POST", armUrl(sandbox.baseUrl(),
                       QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/register").arg(kSub1),
                       QStringLiteral("2025-04-01")));
    QCOMPARE(provider.status, 403);
    const HttpResult put = http.put(
        armUrl(sandbox.baseUrl(), kImageDefinition + QStringLiteral("/versions/9.0.0"), api::gallery),
        versionBody(QStringLiteral("westeurope"), imageSource(), {}));
    QCOMPARE(put.status, 403);
    QCOMPARE(put.errorCode(), QStringLiteral("AuthorizationFailed"));
    QCOMPARE(http.call("DELETE", armUrl(sandbox.baseUrl(),
                                        kImageDefinition + QStringLiteral("/versions/1.0.0"), api::gallery))
                 .status,
             403);
    // Reading stays allowed.
    QCOMPARE(http.get(armUrl(sandbox.baseUrl(), kImageDefinition, api::gallery)).status, 200);
}

void TestSandbox::authRequired() {
    armsandbox::SandboxOptions options;
    options.authRequired = true;
    armsandbox::Sandbox sandbox;
    QVERIFY(sandbox.start(options));
    Http http;
    const QUrl subscriptions =
        armUrl(sandbox.baseUrl(), QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01"));
    const HttpResult anonymous = http.get(subscriptions);
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.errorCode(), QStringLiteral("AuthenticationFailed"));
    const QByteArray challenge = anonymous.header("WWW-Authenticate");
    QVERIFY2(
        challenge.startsWith("Bearer authorization_uri=\"" + sandbox.baseUrl().toString().toUtf8() + '/'),
        challenge.constData());
    QVERIFY(challenge.contains("/oauth2/authorize\""));
    QVERIFY(challenge.contains("error=\"invalid_token\""));
    QVERIFY(challenge.contains("error_description=\""));
    const HttpResult forged =
        http.call("GET", subscriptions, {}, {{"Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."}});
    QCOMPARE(forged.status, 401);
    QCOMPARE(forged.errorCode(), QStringLiteral("InvalidAuthenticationToken"));

    // A token from the sandbox's own identity endpoints (device code flow) opens ARM.
    const QString tenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
    QUrl deviceCode = sandbox.baseUrl();
    deviceCode.setPath(QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(tenant));
    const HttpResult code = http.call(
        "POST", deviceCode,
        "client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
    QCOMPARE(code.status, 200);
    armsandbox::IdentityService *identity = armsandbox::IdentityService::forBaseUrl(sandbox.baseUrl());
    QVERIFY(identity);
    QVERIFY(identity->approveDeviceCode(code.json().value(QLatin1String("user_code")).toString()));
    QUrl token = sandbox.baseUrl();
    token.setPath(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant));
    const QByteArray form =
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=04b07795-8ddb-461a-bbee-"
        "02f9e1bf7b46&device_code=" +
        QUrl::toPercentEncoding(code.json().value(QLatin1String("device_code")).toString());
    identity->advanceClock(1); // the device code interval (1 s) applies to the first poll too
    const HttpResult issued = http.call("POST", token, form);
    QCOMPARE(issued.status, 200);
    const QByteArray accessToken = issued.json().value(QLatin1String("access_token")).toString().toUtf8();
    QVERIFY(!accessToken.isEmpty());
    const HttpResult allowed =
        http.call("GET", subscriptions, {}, {{"Authorization", "Bearer " + accessToken}});
    QCOMPARE(allowed.status, 200);
    QCOMPARE(allowed.json().value(QLatin1String("value")).toArray().size(), 2);
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
