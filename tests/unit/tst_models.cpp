// The models layer on its own: typed resources (round trips, tolerance, malformed input), ARM error parsing,
// region and resource-id handling, and the path builder that keeps user input out of URL structure.

#include "arm/armclient.h"
#include "arm/armerror.h"
#include "arm/armpaths.h"
#include "arm/resources.h"
#include "common/usertext.h"
#include "imageversion/imageversionupdate.h"

#include <QtTest>

using namespace cmk;
using nlohmann::json;

namespace {

const char *const Sub = "6c0e4b3a-9f1d-4c55-8a51-0b2d9e7f1a11";

QString desId(const QString &rg, const QString &name) {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/diskEncryptionSets/%3")
        .arg(QLatin1String(Sub), rg, name);
}

/// Parses `text` into `out`, writes `out` back and parses that into `again`: the round trip of a resource.
template <typename T> bool roundTrip(const char *text, T &out, T &again) {
    return !parseResource(json::parse(text), out) && !parseResource(json(out), again);
}

/// True when no value anywhere in `j` is null (PUT bodies must not carry nulls).
bool hasNoNull(const json &j) {
    if (j.is_null())
        return false;
    if (j.is_object() || j.is_array()) {
        for (const json &child : j) {
            if (!hasNoNull(child))
                return false;
        }
    }
    return true;
}

/// An image version as a GET with $expand=ReplicationStatus returns it (written for these tests).
json imageVersionResponse() {
    const std::string sub = Sub;
    const std::string base =
        "/subscriptions/" + sub + "/resourceGroups/rg-images/providers/Microsoft.Compute";
    return json::parse(R"({
      "id": ")" + base +
                       R"(/galleries/galProd/images/ubuntu-cmk/versions/2.1.0",
      "name": "2.1.0",
      "type": "Microsoft.Compute/galleries/images/versions",
      "location": "France Central",
      "tags": {"owner": "platform", "cost-center": "42"},
      "someFutureField": {"nested": [1, 2, 3]},
      "properties": {
        "provisioningState": "Succeeded",
        "publishingProfile": {
          "targetRegions": [
            {"name": "France Central", "regionalReplicaCount": 2, "storageAccountType": "Premium_LRS",
             "excludeFromLatest": false,
             "encryption": {
               "osDiskImage": {"diskEncryptionSetId": ")" +
                       base + R"(/diskEncryptionSets/des-frc"},
               "dataDiskImages": [
                 {"lun": 0, "diskEncryptionSetId": ")" +
                       base + R"(/diskEncryptionSets/des-frc-data"},
                 {"lun": 3, "diskEncryptionSetId": ")" +
                       base + R"(/diskEncryptionSets/des-frc"}
               ]}},
            {"name": "westeurope", "regionalReplicaCount": 1, "excludeFromLatest": true}
          ],
          "replicaCount": 1,
          "excludeFromLatest": false,
          "publishedDate": "2025-02-03T10:11:12.5+00:00",
          "endOfLifeDate": "2027-12-31T00:00:00+00:00",
          "storageAccountType": "Standard_ZRS",
          "replicationMode": "Full",
          "targetExtendedLocations": []
        },
        "storageProfile": {
          "source": {"id": ")" +
                       base + R"(/images/img-golden"},
          "osDiskImage": {"sizeInGB": 30, "hostCaching": "ReadWrite", "source": {"id": ")" +
                       base + R"(/snapshots/os"}},
          "dataDiskImages": [{"lun": 0, "sizeInGB": 128, "hostCaching": "None"},
                             {"lun": 3, "sizeInGB": 64, "source": {"id": ")" +
                       base + R"(/snapshots/d3"}}]
        },
        "safetyProfile": {"allowDeletionOfReplicatedLocations": false, "reportedForPolicyViolation": true,
                          "blockDeletionBeforeEndOfLife": true, "policyViolations": []},
        "replicationStatus": {
          "aggregatedState": "InProgress",
          "summary": [
            {"region": "France Central", "state": "Completed", "details": "", "progress": 100},
            {"region": "West Europe", "state": "Replicating", "details": "copying", "progress": 37}
          ]
        }
      }
    })");
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void galleryImageVersionParsesEverySpecField();
    void galleryImageVersionWritesAValidPutBody();
    void galleryImageVersionRoundTrip();
    void minimalImageVersionHasOnlyWhatIsSet();
    void diskEncryptionSetRoundTrip();
    void diskEncryptionSetListPage();
    void simpleResourcesRoundTrip();
    void galleryAndDefinitionRoundTrip();
    void imagesSnapshotsAndVmsRoundTrip();
    void featureAndProviderRoundTrip();
    void unknownAndMissingFieldsAreFine();
    void wrongTypesGiveMalformedResponse_data();
    void wrongTypesGiveMalformedResponse();

    void armErrorWithNestedDetails();
    void armErrorBareCodeAndMessage();
    void armErrorNotJsonKeepsStatus_data();
    void armErrorNotJsonKeepsStatus();
    void armErrorDisplayAndExplanations();

    void usesCustomerKeyCountsTheSecureVmSet();
    void updateDiffSaysBeforeAndAfter();

    void regionsCompareNormalised();
    void resourceIdParsing();
    void resourceIdRejectsMalformed_data();
    void resourceIdRejectsMalformed();

    void pathBuilderRejectsHostileNames_data();
    void pathBuilderRejectsHostileNames();
    void pathBuilderEncodes_data();
    void pathBuilderEncodes();
    void pathBuilderFromResourceId();
    void typedPathsAndApiVersions_data();
    void typedPathsAndApiVersions();
    void clientUrlForPath();
};

void TestModels::galleryImageVersionParsesEverySpecField() {
    GalleryImageVersion v;
    QVERIFY(!parseResource(imageVersionResponse(), v));
    QCOMPARE(v.name, QStringLiteral("2.1.0"));
    QCOMPARE(v.type, QStringLiteral("Microsoft.Compute/galleries/images/versions"));
    QCOMPARE(v.location, QStringLiteral("France Central"));
    QCOMPARE(v.tags.value(QStringLiteral("cost-center")), QStringLiteral("42"));
    QCOMPARE(v.provisioningState, QStringLiteral("Succeeded"));
    QCOMPARE(v.targetRegions.size(), size_t(2));
    const TargetRegion &frc = v.targetRegions[0];
    QCOMPARE(frc.name, QStringLiteral("France Central"));
    QCOMPARE(frc.regionalReplicaCount, std::optional<int>(2));
    QCOMPARE(frc.storageAccountType, QStringLiteral("Premium_LRS"));
    QCOMPARE(frc.excludeFromLatest, std::optional<bool>(false));
    QVERIFY(frc.encryption.has_value());
    QVERIFY(frc.encryption->osDiskImage.has_value());
    QCOMPARE(frc.encryption->osDiskImage->diskEncryptionSetId,
             desId(QStringLiteral("rg-images"), QStringLiteral("des-frc")));
    QCOMPARE(frc.encryption->dataDiskImages.size(), size_t(2));
    QCOMPARE(frc.encryption->dataDiskImages[1].lun, 3);
    QCOMPARE(frc.encryption->dataDiskImages[0].diskEncryptionSetId,
             desId(QStringLiteral("rg-images"), QStringLiteral("des-frc-data")));
    QVERIFY(!v.targetRegions[1].encryption.has_value());
    QCOMPARE(v.targetRegions[1].excludeFromLatest, std::optional<bool>(true));
    QVERIFY(v.targetRegions[1].storageAccountType.isEmpty());
    QCOMPARE(v.replicaCount, std::optional<int>(1));
    QCOMPARE(v.excludeFromLatest, std::optional<bool>(false));
    QCOMPARE(v.publishedDate, QStringLiteral("2025-02-03T10:11:12.5+00:00"));
    QCOMPARE(v.endOfLifeDate, QStringLiteral("2027-12-31T00:00:00+00:00"));
    QCOMPARE(v.storageAccountType, QStringLiteral("Standard_ZRS"));
    QCOMPARE(v.replicationMode, QStringLiteral("Full"));
    QVERIFY(v.storageProfile.sourceId.endsWith(QLatin1String("/images/img-golden")));
    QVERIFY(v.storageProfile.osDiskImage.has_value());
    QCOMPARE(v.storageProfile.osDiskImage->sizeInGB, std::optional<int>(30));
    QCOMPARE(v.storageProfile.osDiskImage->hostCaching, QStringLiteral("ReadWrite"));
    QVERIFY(v.storageProfile.osDiskImage->sourceId.endsWith(QLatin1String("/snapshots/os")));
    QCOMPARE(v.storageProfile.dataDiskImages.size(), size_t(2));
    QCOMPARE(v.storageProfile.dataDiskImages[1].lun, std::optional<int>(3));
    QCOMPARE(v.blockDeletionBeforeEndOfLife, std::optional<bool>(true));
    QVERIFY(v.reportedForPolicyViolation);
    QCOMPARE(v.aggregatedReplicationState, QStringLiteral("InProgress"));
    QCOMPARE(v.replicationSummary.size(), size_t(2));
    QCOMPARE(v.replicationSummary[1].region, QStringLiteral("West Europe"));
    QCOMPARE(v.replicationSummary[1].state, QStringLiteral("Replicating"));
    QCOMPARE(v.replicationSummary[1].details, QStringLiteral("copying"));
    QCOMPARE(v.replicationSummary[1].progress, 37);
}

void TestModels::galleryImageVersionWritesAValidPutBody() {
    GalleryImageVersion v;
    QVERIFY(!parseResource(imageVersionResponse(), v));
    const json body = v;
    QVERIFY2(hasNoNull(body), body.dump().c_str());
    // Read-only fields never go into a PUT.
    for (const char *key : {"id", "name", "type"})
        QVERIFY2(!body.contains(key), key);
    const json &properties = body.at("properties");
    QVERIFY(!properties.contains("provisioningState"));
    QVERIFY(!properties.contains("replicationStatus"));
    QVERIFY(!properties.at("publishingProfile").contains("publishedDate"));
    QVERIFY(!properties.at("safetyProfile").contains("reportedForPolicyViolation"));
    QVERIFY(!properties.at("storageProfile").at("osDiskImage").contains("sizeInGB"));
    // Writable fields under their spec names.
    QCOMPARE(body.at("location").get<std::string>(), std::string("France Central"));
    QCOMPARE(body.at("tags").at("owner").get<std::string>(), std::string("platform"));
    const json &region = properties.at("publishingProfile").at("targetRegions").at(0);
    QCOMPARE(region.at("regionalReplicaCount").get<int>(), 2);
    QCOMPARE(region.at("storageAccountType").get<std::string>(), std::string("Premium_LRS"));
    QCOMPARE(region.at("excludeFromLatest").get<bool>(), false);
    QCOMPARE(region.at("encryption").at("dataDiskImages").at(1).at("lun").get<int>(), 3);
    QVERIFY(region.at("encryption").at("osDiskImage").at("diskEncryptionSetId").is_string());
    QVERIFY(!properties.at("publishingProfile").at("targetRegions").at(1).contains("encryption"));
    QCOMPARE(properties.at("publishingProfile").at("endOfLifeDate").get<std::string>(),
             std::string("2027-12-31T00:00:00+00:00"));
    QCOMPARE(properties.at("publishingProfile").at("replicationMode").get<std::string>(),
             std::string("Full"));
    QVERIFY(properties.at("storageProfile").at("source").at("id").is_string());
    QCOMPARE(properties.at("storageProfile").at("dataDiskImages").at(1).at("lun").get<int>(), 3);
    QCOMPARE(properties.at("safetyProfile").at("blockDeletionBeforeEndOfLife").get<bool>(), true);
}

void TestModels::galleryImageVersionRoundTrip() {
    GalleryImageVersion first;
    QVERIFY(!parseResource(imageVersionResponse(), first));
    const json once = first;
    GalleryImageVersion second;
    QVERIFY(!parseResource(once, second));
    const json twice = second;
    QCOMPARE(QString::fromStdString(twice.dump()), QString::fromStdString(once.dump()));
    QCOMPARE(second.targetRegions.size(), first.targetRegions.size());
    QCOMPARE(second.targetRegions[0].encryption->dataDiskImages[1].diskEncryptionSetId,
             first.targetRegions[0].encryption->dataDiskImages[1].diskEncryptionSetId);
}

void TestModels::minimalImageVersionHasOnlyWhatIsSet() {
    GalleryImageVersion v;
    v.location = QStringLiteral("westus");
    TargetRegion region;
    region.name = QStringLiteral("westus");
    region.encryption = EncryptionImages{}; // empty: must not be sent
    v.targetRegions.push_back(region);
    v.storageProfile.sourceId =
        QStringLiteral("/subscriptions/x/resourceGroups/r/providers/Microsoft.Compute/images/i");
    const json body = v;
    const json expected = json::parse(R"({"location":"westus","properties":{
        "publishingProfile":{"targetRegions":[{"name":"westus"}]},
        "storageProfile":{"source":{"id":"/subscriptions/x/resourceGroups/r/providers/Microsoft.Compute/images/i"}}}})");
    QCOMPARE(QString::fromStdString(body.dump()), QString::fromStdString(expected.dump()));
}

void TestModels::diskEncryptionSetRoundTrip() {
    const json input = json::parse(R"({
      "id": ")" + desId(QStringLiteral("rg-keys"), QStringLiteral("des-double")).toStdString() +
                                   R"(",
      "name": "des-double", "type": "Microsoft.Compute/diskEncryptionSets", "location": "westeurope",
      "tags": {"env": "prod"},
      "identity": {"type": "SystemAssigned", "principalId": "p", "tenantId": "t"},
      "properties": {
        "encryptionType": "EncryptionAtRestWithPlatformAndCustomerKeys",
        "activeKey": {"sourceVault": {"id": "/subscriptions/s/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv1"},
                      "keyUrl": "https://kv1.vault.azure.net/keys/cmk/0123456789abcdef"},
        "previousKeys": [],
        "rotationToLatestKeyVersionEnabled": true,
        "provisioningState": "Succeeded"
      }
    })");
    DiskEncryptionSet des;
    QVERIFY(!parseResource(input, des));
    QCOMPARE(des.name, QStringLiteral("des-double"));
    QCOMPARE(des.location, QStringLiteral("westeurope"));
    QCOMPARE(des.encryptionType, QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys"));
    QCOMPARE(des.keyUrl, QStringLiteral("https://kv1.vault.azure.net/keys/cmk/0123456789abcdef"));
    QVERIFY(des.sourceVaultId.endsWith(QLatin1String("/vaults/kv1")));
    QCOMPARE(des.identityType, QStringLiteral("SystemAssigned"));
    QVERIFY(des.rotationToLatestKeyVersionEnabled);
    QCOMPARE(des.provisioningState, QStringLiteral("Succeeded"));
    QCOMPARE(des.resourceGroup(), QStringLiteral("rg-keys"));
    QCOMPARE(des.subscriptionId(), QLatin1String(Sub));
    QCOMPARE(des.tags.value(QStringLiteral("env")), QStringLiteral("prod"));

    const json out = des;
    QVERIFY(hasNoNull(out));
    DiskEncryptionSet again;
    QVERIFY(!parseResource(out, again));
    QCOMPARE(QString::fromStdString(json(again).dump()), QString::fromStdString(out.dump()));
    QCOMPARE(out.at("properties").at("activeKey").at("keyUrl").get<std::string>(),
             std::string("https://kv1.vault.azure.net/keys/cmk/0123456789abcdef"));
}

void TestModels::diskEncryptionSetListPage() {
    json page = {{"value", json::array()}, {"nextLink", "https://management.azure.com/next"}};
    for (int i = 0; i < 3; ++i) {
        page["value"].push_back(
            {{"id", desId(QStringLiteral("rg"), QStringLiteral("des%1").arg(i)).toStdString()},
             {"name", "des" + std::to_string(i)},
             {"location", i == 1 ? "East US 2" : "eastus2"},
             {"properties", {{"encryptionType", "EncryptionAtRestWithCustomerKey"}}}});
    }
    std::vector<DiskEncryptionSet> list;
    QVERIFY(!parseResources(page.at("value"), list));
    QCOMPARE(list.size(), size_t(3));
    QVERIFY(sameRegion(list[0].location, list[1].location));
    QCOMPARE(list[2].name, QStringLiteral("des2"));
    QVERIFY(list[2].keyUrl.isEmpty());

    page["value"].push_back("not an object");
    const ArmError error = parseResources(page.at("value"), list);
    QCOMPARE(error.kind, ArmError::Kind::MalformedResponse);
}

void TestModels::simpleResourcesRoundTrip() {
    const json subscriptionJson = json::parse(
        R"({"id":"/subscriptions/abc","subscriptionId":"abc","tenantId":"t1","displayName":"Production – Paris","state":"Enabled","authorizationSource":"RoleBased"})");
    Subscription sub;
    QVERIFY(!parseResource(subscriptionJson, sub));
    QCOMPARE(sub.displayName, QStringLiteral("Production – Paris"));
    QCOMPARE(sub.state, QStringLiteral("Enabled"));
    QCOMPARE(
        QString::fromStdString(json(sub).dump()),
        QString::fromStdString(
            json::parse(
                R"({"id":"/subscriptions/abc","subscriptionId":"abc","tenantId":"t1","displayName":"Production – Paris","state":"Enabled"})")
                .dump()));

    Tenant tenant, tenantAgain;
    QVERIFY(roundTrip(
        R"({"id":"/tenants/t1","tenantId":"t1","displayName":"Contoso","defaultDomain":"contoso.onmicrosoft.com","tenantCategory":"Home"})",
        tenant, tenantAgain));
    QCOMPARE(tenant.defaultDomain, QStringLiteral("contoso.onmicrosoft.com"));
    QCOMPARE(tenantAgain.displayName, QStringLiteral("Contoso"));

    Location location, locationAgain;
    QVERIFY(roundTrip(
        R"({"id":"/subscriptions/abc/locations/francecentral","name":"francecentral","displayName":"France Central","regionalDisplayName":"(Europe) France Central","metadata":{"regionType":"Physical"}})",
        location, locationAgain));
    QCOMPARE(location.regionalDisplayName, QStringLiteral("(Europe) France Central"));
    QVERIFY(sameRegion(location.name, location.displayName));
    QCOMPARE(locationAgain.name, location.name);

    ResourceGroup group;
    QVERIFY(!parseResource(
        json::parse(
            R"({"id":"/subscriptions/abc/resourceGroups/rg-é","name":"rg-é","location":"westus","tags":{"a":"b"},"properties":{"provisioningState":"Succeeded"}})"),
        group));
    QCOMPARE(group.name, QStringLiteral("rg-é"));
    QCOMPARE(group.provisioningState, QStringLiteral("Succeeded"));
    const json groupOut = group;
    QCOMPARE(groupOut.at("properties").at("provisioningState").get<std::string>(), std::string("Succeeded"));
    QCOMPARE(groupOut.at("tags").at("a").get<std::string>(), std::string("b"));
}

void TestModels::galleryAndDefinitionRoundTrip() {
    Gallery gallery, galleryAgain;
    QVERIFY(roundTrip(
        R"({"id":"/subscriptions/abc/resourceGroups/rg/providers/Microsoft.Compute/galleries/galProd","name":"galProd","location":"westus","properties":{"description":"Golden images","identifier":{"uniqueName":"abc-GALPROD"},"provisioningState":"Succeeded","sharingProfile":{"permissions":"Private"}}})",
        gallery, galleryAgain));
    QCOMPARE(gallery.uniqueName, QStringLiteral("abc-GALPROD"));
    QCOMPARE(gallery.description, QStringLiteral("Golden images"));
    QCOMPARE(galleryAgain.uniqueName, gallery.uniqueName);

    GalleryImage definition, definitionAgain;
    QVERIFY(roundTrip(
        R"({"id":"/subscriptions/abc/resourceGroups/rg/providers/Microsoft.Compute/galleries/galProd/images/win2022","name":"win2022","location":"westus",
        "properties":{"osType":"Windows","osState":"Generalized","hyperVGeneration":"V2","architecture":"x64",
        "identifier":{"publisher":"contoso","offer":"server","sku":"2022"},
        "features":[{"name":"SecurityType","value":"TrustedLaunchSupported"},{"name":"DiskControllerTypes","value":"SCSI, NVMe"}],
        "recommended":{"vCPUs":{"min":2}},"provisioningState":"Succeeded"}})",
        definition, definitionAgain));
    QCOMPARE(definition.osType, QStringLiteral("Windows"));
    QCOMPARE(definition.osState, QStringLiteral("Generalized"));
    QCOMPARE(definition.hyperVGeneration, QStringLiteral("V2"));
    QCOMPARE(definition.sku, QStringLiteral("2022"));
    QCOMPARE(definition.securityType(), QStringLiteral("TrustedLaunchSupported"));
    QCOMPARE(definition.features.size(), size_t(2));
    QCOMPARE(definitionAgain.securityType(), definition.securityType());
    QCOMPARE(definitionAgain.publisher, QStringLiteral("contoso"));
}

void TestModels::imagesSnapshotsAndVmsRoundTrip() {
    ManagedImage image, imageAgain;
    QVERIFY(roundTrip(
        R"({"id":"i","name":"img","location":"westus","properties":{"hyperVGeneration":"V1","provisioningState":"Succeeded",
        "storageProfile":{"osDisk":{"osType":"Linux","osState":"Generalized","diskSizeGB":30},"dataDisks":[{"lun":1},{"lun":4,"caching":"None"}]}}})",
        image, imageAgain));
    QCOMPARE(image.osType, QStringLiteral("Linux"));
    QCOMPARE(image.dataDiskLuns, (std::vector<int>{1, 4}));
    QCOMPARE(imageAgain.dataDiskLuns, image.dataDiskLuns);
    QCOMPARE(imageAgain.osState, QStringLiteral("Generalized"));

    Snapshot snapshot, snapshotAgain;
    QVERIFY(roundTrip(
        R"({"id":"s","name":"snap-os","location":"eastus2","properties":{"osType":"Windows","hyperVGeneration":"V2","diskSizeGB":127,
        "encryption":{"type":"EncryptionAtRestWithCustomerKey","diskEncryptionSetId":"/d"},"provisioningState":"Succeeded"}})",
        snapshot, snapshotAgain));
    QCOMPARE(snapshot.diskSizeGB, std::optional<int>(127));
    QCOMPARE(snapshot.encryptionType, QStringLiteral("EncryptionAtRestWithCustomerKey"));
    QCOMPARE(snapshotAgain.diskEncryptionSetId, QStringLiteral("/d"));

    VirtualMachine vm, vmAgain;
    QVERIFY(roundTrip(
        R"({"id":"v","name":"vm1","location":"westus","properties":{"hardwareProfile":{"vmSize":"Standard_D2s_v5"},
        "storageProfile":{"osDisk":{"osType":"Linux","name":"os"},"dataDisks":[{"lun":0}]},"provisioningState":"Succeeded"}})",
        vm, vmAgain));
    QCOMPARE(vm.vmSize, QStringLiteral("Standard_D2s_v5"));
    QCOMPARE(vm.dataDiskLuns, std::vector<int>{0});
    QCOMPARE(vmAgain.osType, QStringLiteral("Linux"));
}

void TestModels::featureAndProviderRoundTrip() {
    FeatureRegistration feature, featureAgain;
    QVERIFY(roundTrip(
        R"({"id":"/subscriptions/abc/providers/Microsoft.Features/providers/Microsoft.Compute/features/SIGEncryption","name":"Microsoft.Compute/SIGEncryption","type":"Microsoft.Features/providers/features","properties":{"state":"Registering"}})",
        feature, featureAgain));
    QCOMPARE(feature.state, QStringLiteral("Registering"));
    QCOMPARE(feature.name, QStringLiteral("Microsoft.Compute/SIGEncryption"));
    QCOMPARE(featureAgain.state, feature.state);

    ProviderRegistration provider;
    QVERIFY(!parseResource(
        json::parse(
            R"({"id":"/subscriptions/abc/providers/Microsoft.Compute","namespace":"Microsoft.Compute","registrationState":"Registered","resourceTypes":[{"resourceType":"galleries"}]})"),
        provider));
    QCOMPARE(provider.providerNamespace, QStringLiteral("Microsoft.Compute"));
    QCOMPARE(provider.registrationState, QStringLiteral("Registered"));
    const json providerOut = provider;
    QCOMPARE(providerOut.at("namespace").get<std::string>(), std::string("Microsoft.Compute"));
}

void TestModels::unknownAndMissingFieldsAreFine() {
    DiskEncryptionSet des;
    QVERIFY(!parseResource(json::parse(R"({"name":"bare"})"), des));
    QCOMPARE(des.name, QStringLiteral("bare"));
    QVERIFY(des.location.isEmpty());
    QVERIFY(
        !parseResource(json::parse(R"({"name":"x","properties":null,"tags":null,"zz":{"a":[null]}})"), des));
    QCOMPARE(des.name, QStringLiteral("x"));

    GalleryImageVersion version;
    QVERIFY(!parseResource(json::object(), version));
    QVERIFY(version.targetRegions.empty());
    QVERIFY(!version.replicaCount.has_value());
    QVERIFY(!parseResource(
        json::parse(
            R"({"properties":{"publishingProfile":{"targetRegions":[{"name":"westus","encryption":null,"newThing":1}]}}})"),
        version));
    QCOMPARE(version.targetRegions.size(), size_t(1));
    QVERIFY(!version.targetRegions[0].encryption.has_value());
}

void TestModels::wrongTypesGiveMalformedResponse_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("array instead of object") << QByteArray(R"([1,2])");
    QTest::newRow("string replica count") << QByteArray(
        R"({"properties":{"publishingProfile":{"targetRegions":[{"name":"w","regionalReplicaCount":"two"}]}}})");
    QTest::newRow("targetRegions not an array")
        << QByteArray(R"({"properties":{"publishingProfile":{"targetRegions":{"name":"w"}}}})");
    QTest::newRow("data disk encryption without lun") << QByteArray(
        R"({"properties":{"publishingProfile":{"targetRegions":[{"name":"w","encryption":{"dataDiskImages":[{"diskEncryptionSetId":"d"}]}}]}}})");
    QTest::newRow("name is a number") << QByteArray(R"({"name":42})");
    QTest::newRow("properties is a string") << QByteArray(R"({"properties":"nope"})");
    QTest::newRow("progress is a string") << QByteArray(
        R"({"properties":{"replicationStatus":{"summary":[{"region":"w","progress":"50%"}]}}})");
    QTest::newRow("bool as string") << QByteArray(
        R"({"properties":{"safetyProfile":{"blockDeletionBeforeEndOfLife":"yes"}}})");
    QTest::newRow("tags value object") << QByteArray(R"({"tags":{"a":{"b":1}}})");
}

void TestModels::wrongTypesGiveMalformedResponse() {
    QFETCH(QByteArray, body);
    const json parsed = json::parse(body.toStdString());
    GalleryImageVersion version;
    const ArmError error = parseResource(parsed, version);
    QCOMPARE(error.kind, ArmError::Kind::MalformedResponse);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.toDisplayString().isEmpty());
}

void TestModels::armErrorWithNestedDetails() {
    const QByteArray body =
        R"({"error":{"code":"InvalidParameter","message":"The disk encryption set is in westus, not francecentral.",
        "target":"properties.publishingProfile.targetRegions[0].encryption","details":[
          {"code":"DiskEncryptionSetLocationMismatch","message":"Region mismatch.","target":"des1",
           "details":[{"code":"Inner","message":"Deepest."}]},
          {"code":"Second","message":"Other."}],
        "additionalInfo":[{"type":"PolicyViolation","info":{}}]}})";
    const ArmError error =
        ArmError::fromHttpResponse(400, body, QStringLiteral("req-123"), QStringLiteral("corr-456"));
    QCOMPARE(error.kind, ArmError::Kind::Http);
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.code, QStringLiteral("InvalidParameter"));
    QCOMPARE(error.message, QStringLiteral("The disk encryption set is in westus, not francecentral."));
    QCOMPARE(error.target, QStringLiteral("properties.publishingProfile.targetRegions[0].encryption"));
    QCOMPARE(error.requestId, QStringLiteral("req-123"));
    QCOMPARE(error.correlationRequestId, QStringLiteral("corr-456"));
    QCOMPARE(error.details.size(), 2);
    QCOMPARE(error.details[0].code, QStringLiteral("DiskEncryptionSetLocationMismatch"));
    QCOMPARE(error.details[0].target, QStringLiteral("des1"));
    QCOMPARE(error.details[0].details.size(), 1);
    QCOMPARE(error.details[0].details[0].message, QStringLiteral("Deepest."));
    QCOMPARE(error.details[1].code, QStringLiteral("Second"));

    const QString display = error.toDisplayString();
    QVERIFY2(display.contains(QLatin1String("InvalidParameter")), qPrintable(display));
    QVERIFY2(display.contains(error.message), qPrintable(display)); // server text verbatim
    QVERIFY2(display.contains(QLatin1String("req-123")), qPrintable(display));
    QVERIFY2(display.contains(QLatin1String("Region mismatch.")), qPrintable(display));
    QVERIFY2(display.contains(ArmError::explanationForCode(QStringLiteral("InvalidParameter"))),
             qPrintable(display));
    QVERIFY(!display.contains(QLatin1Char('\n')));

    // Hostile nesting depth does not recurse without bound.
    std::string deep = R"({"code":"L","message":"m"})";
    for (int i = 0; i < 2000; ++i)
        deep.insert(0, R"({"code":"L","details":[)").append("]}");
    const ArmError deepError =
        ArmError::fromHttpResponse(500, QByteArray::fromStdString(R"({"error":)" + deep + "}"));
    QCOMPARE(deepError.code, QStringLiteral("L"));
}

void TestModels::armErrorBareCodeAndMessage() {
    const ArmError error = ArmError::fromHttpResponse(409, R"({"code":"Conflict","message":"Busy."})");
    QCOMPARE(error.kind, ArmError::Kind::Http);
    QCOMPARE(error.code, QStringLiteral("Conflict"));
    QCOMPARE(error.message, QStringLiteral("Busy."));
    QVERIFY(error.details.isEmpty());
}

void TestModels::armErrorNotJsonKeepsStatus_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("html gateway page") << 502 << QByteArray("<html><body>Bad Gateway</body></html>");
    QTest::newRow("truncated json") << 500 << QByteArray(R"({"error":{"code":"Internal)");
    QTest::newRow("empty") << 404 << QByteArray();
    QTest::newRow("json without error") << 400 << QByteArray(R"({"foo":1})");
    QTest::newRow("error is a string") << 400 << QByteArray(R"({"error":"nope"})");
    QTest::newRow("json array") << 403 << QByteArray("[]");
}

void TestModels::armErrorNotJsonKeepsStatus() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const ArmError error = ArmError::fromHttpResponse(status, body, QStringLiteral("rid"));
    QVERIFY(error.isError());
    QCOMPARE(error.kind, ArmError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QVERIFY(error.code.isEmpty());
    QCOMPARE(error.requestId, QStringLiteral("rid"));
    const QString display = error.toDisplayString();
    QVERIFY2(display.contains(QString::number(status)), qPrintable(display));
    QVERIFY2(display.contains(QLatin1String("rid")), qPrintable(display));
}

void TestModels::armErrorDisplayAndExplanations() {
    for (const char *code :
         {"InvalidParameter", "ResourceNotFound", "AuthorizationFailed", "FeatureNotRegistered",
          "SubscriptionNotRegistered", "MissingSubscriptionRegistration", "InvalidAuthenticationToken",
          "ExpiredAuthenticationToken", "RequestDisallowedByPolicy", "QuotaExceeded", "Conflict",
          "OperationNotAllowed"}) {
        QVERIFY2(!ArmError::explanationForCode(QString::fromLatin1(code)).isEmpty(), code);
        QCOMPARE(ArmError::explanationForCode(QString::fromLatin1(code).toLower()),
                 ArmError::explanationForCode(QString::fromLatin1(code)));
    }
    QVERIFY(ArmError::explanationForCode(QStringLiteral("SomethingNobodyKnows")).isEmpty());
    QVERIFY(ArmError::explanationForCode({}).isEmpty());

    QVERIFY(!ArmError().isError());
    QVERIFY(ArmError().toDisplayString().isEmpty());
    const ArmError network = ArmError::make(ArmError::Kind::Network, QStringLiteral("Connection refused"));
    QVERIFY(network);
    QVERIFY(network.toDisplayString().contains(QLatin1String("Connection refused")));
    for (ArmError::Kind kind :
         {ArmError::Kind::Timeout, ArmError::Kind::Aborted, ArmError::Kind::OperationFailed,
          ArmError::Kind::OperationCanceled, ArmError::Kind::Authentication, ArmError::Kind::InvalidInput,
          ArmError::Kind::MalformedResponse})
        QVERIFY(!ArmError::make(kind, {}).toDisplayString().isEmpty());
}

// Seed limitation 3: a Confidential VM profile's secure-VM set alone is a customer-managed key.
void TestModels::usesCustomerKeyCountsTheSecureVmSet() {
    GalleryImageVersion version;
    TargetRegion region;
    region.name = QStringLiteral("westeurope");
    DiskImageEncryption os;
    os.confidentialVmEncryptionType = QStringLiteral("EncryptedWithPmk");
    region.encryption = EncryptionImages{os, {}};
    version.targetRegions.push_back(region);
    QVERIFY(!version.usesCustomerKey());
    version.targetRegions[0].encryption->osDiskImage->confidentialVmEncryptionType =
        QStringLiteral("EncryptedWithCmk");
    version.targetRegions[0].encryption->osDiskImage->secureVmDiskEncryptionSetId =
        desId(QStringLiteral("rg-keys"), QStringLiteral("des-cvm"));
    QVERIFY(version.usesCustomerKey());

    ImageVersionDraft draft;
    RegionDraft weu;
    weu.name = QStringLiteral("westeurope");
    weu.confidentialVmEncryptionType = QStringLiteral("EncryptedWithCmk");
    draft.targetRegions = {weu};
    QVERIFY(!draft.usesCustomerManagedKeys());
    draft.targetRegions[0].secureVmDesId = desId(QStringLiteral("rg-keys"), QStringLiteral("des-cvm"));
    QVERIFY(draft.usesCustomerManagedKeys());
}

// What Review + update lists: each change once, before → after; nothing when nothing changed.
void TestModels::updateDiffSaysBeforeAndAfter() {
    ImageVersionDraft current;
    current.location = QStringLiteral("westeurope");
    current.encryption = EncryptionMode::CustomerKey;
    RegionDraft weu;
    weu.name = QStringLiteral("westeurope");
    weu.osDiskDesId = desId(QStringLiteral("rg-keys"), QStringLiteral("des-weu"));
    RegionDraft frc = weu;
    frc.name = QStringLiteral("francecentral");
    current.targetRegions = {weu, frc};
    current.tags = {{QStringLiteral("owner"), QStringLiteral("ops")}};
    QVERIFY(ImageVersionUpdateDiff::changes(current, current).isEmpty());

    ImageVersionDraft updated = current;
    updated.targetRegions.removeLast();
    RegionDraft eus2;
    eus2.name = QStringLiteral("eastus2");
    eus2.replicaCount = 2;
    eus2.osDiskDesId = desId(QStringLiteral("rg-keys"), QStringLiteral("des-eus2"));
    updated.targetRegions.append(eus2);
    updated.excludeFromLatest = true;
    updated.endOfLifeDate = QDate(2030, 12, 31);
    updated.tags = {{QStringLiteral("owner"), QStringLiteral("platform")}};
    const QString none = ImageVersionUpdateDiff::none();
    const QList<ImageVersionChange> expected = {
        {QStringLiteral("francecentral"), QStringLiteral("Target region"), QStringLiteral("replicated"),
         QStringLiteral("removed")},
        {QStringLiteral("eastus2"), QStringLiteral("Target region"), none, QStringLiteral("added")},
        {QStringLiteral("eastus2"), QStringLiteral("Replica count"), none, QStringLiteral("2")},
        {QStringLiteral("eastus2"), QStringLiteral("Storage account type"), none,
         QStringLiteral("Standard HDD (LRS)")},
        {QStringLiteral("eastus2"), QStringLiteral("OS disk"), none, QStringLiteral("des-eus2")},
        {{}, QStringLiteral("End-of-life date"), none, ServiceTerms::date(QDate(2030, 12, 31))},
        {{}, QStringLiteral("Exclude from latest"), QStringLiteral("no"), QStringLiteral("yes")},
        {{}, QStringLiteral("Tag “owner”"), QStringLiteral("ops"), QStringLiteral("platform")}};
    const QList<ImageVersionChange> changes = ImageVersionUpdateDiff::changes(current, updated);
    QCOMPARE(changes.size(), expected.size());
    for (int i = 0; i < changes.size(); ++i) {
        const ImageVersionChange &c = changes.at(i);
        const QString line = QStringList({c.region, c.what, c.before, c.after}).join(QLatin1Char('|'));
        QVERIFY2(c == expected.at(i), qPrintable(line));
    }
}

void TestModels::regionsCompareNormalised() {
    QCOMPARE(normalizeRegion(QStringLiteral("West US")), QStringLiteral("westus"));
    QCOMPARE(normalizeRegion(QStringLiteral(" France  Central ")), QStringLiteral("francecentral"));
    QCOMPARE(normalizeRegion(QStringLiteral("EASTUS2")), QStringLiteral("eastus2"));
    QVERIFY(sameRegion(QStringLiteral("West US"), QStringLiteral("westus")));
    QVERIFY(sameRegion(QStringLiteral("WESTUS"), QStringLiteral("west us")));
    QVERIFY(!sameRegion(QStringLiteral("West US"), QStringLiteral("West US 2")));
    QVERIFY(!sameRegion(QStringLiteral("eastus"), QStringLiteral("eastus2")));
}

void TestModels::resourceIdParsing() {
    const ResourceId id =
        ResourceId::parse(QStringLiteral("/SUBSCRIPTIONS/abc/resourcegroups/My-RG/PROVIDERS/"
                                         "Microsoft.Compute/galleries/gal/images/def/versions/1.0.0"));
    QVERIFY(id.valid);
    QCOMPARE(id.subscriptionId, QStringLiteral("abc"));
    QCOMPARE(id.resourceGroup, QStringLiteral("My-RG"));
    QCOMPARE(id.providerNamespace, QStringLiteral("Microsoft.Compute"));
    QCOMPARE(id.types, (QStringList{QStringLiteral("galleries"), QStringLiteral("images"),
                                    QStringLiteral("versions")}));
    QCOMPARE(id.names, (QStringList{QStringLiteral("gal"), QStringLiteral("def"), QStringLiteral("1.0.0")}));
    QCOMPARE(id.name(), QStringLiteral("1.0.0"));
    QCOMPARE(id.fullType(), QStringLiteral("Microsoft.Compute/galleries/images/versions"));

    const ResourceId feature =
        ResourceId::parse(QStringLiteral("/subscriptions/abc/providers/Microsoft.Features/providers/"
                                         "Microsoft.Compute/features/SIGEncryption"));
    QVERIFY(feature.valid);
    QVERIFY(feature.resourceGroup.isEmpty());
    QCOMPARE(feature.fullType(), QStringLiteral("Microsoft.Features/providers/features"));
    QCOMPARE(feature.name(), QStringLiteral("SIGEncryption"));

    const ResourceId group = ResourceId::parse(QStringLiteral("/subscriptions/abc/resourceGroups/rg/"));
    QVERIFY(group.valid);
    QCOMPARE(group.resourceGroup, QStringLiteral("rg"));
    QVERIFY(ResourceId::parse(QStringLiteral("/subscriptions/abc")).valid);

    QVERIFY(sameResourceId(QStringLiteral("/subscriptions/ABC/resourceGroups/RG/providers/x/y/z"),
                           QStringLiteral("/subscriptions/abc/resourcegroups/rg/providers/X/Y/z/")));
    QVERIFY(!sameResourceId(QStringLiteral("/subscriptions/abc/resourceGroups/rg1"),
                            QStringLiteral("/subscriptions/abc/resourceGroups/rg2")));
}

void TestModels::resourceIdRejectsMalformed_data() {
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("relative") << QStringLiteral("subscriptions/abc");
    QTest::newRow("no subscription") << QStringLiteral("/resourceGroups/rg");
    QTest::newRow("subscription without id") << QStringLiteral("/subscriptions");
    QTest::newRow("double slash") << QStringLiteral("/subscriptions//resourceGroups/rg");
    QTest::newRow("type without name")
        << QStringLiteral("/subscriptions/abc/resourceGroups/rg/providers/Microsoft.Compute/galleries");
    QTest::newRow("provider only") << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute");
    QTest::newRow("junk after subscription") << QStringLiteral("/subscriptions/abc/whatever");
}

void TestModels::resourceIdRejectsMalformed() {
    QFETCH(QString, id);
    QVERIFY(!ResourceId::parse(id).valid);
}

void TestModels::pathBuilderRejectsHostileNames_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("slash") << QStringLiteral("a/b");
    QTest::newRow("traversal") << QStringLiteral("../../providers/Microsoft.Authorization");
    QTest::newRow("dot") << QStringLiteral(".");
    QTest::newRow("dotdot") << QStringLiteral("..");
    QTest::newRow("backslash") << QStringLiteral("a\\b");
    QTest::newRow("query") << QStringLiteral("rg?api-version=1999-01-01");
    QTest::newRow("fragment") << QStringLiteral("rg#x");
    QTest::newRow("newline") << QStringLiteral("rg\r\nHost: evil");
    QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("x");
    QTest::newRow("del") << QStringLiteral("a\x7f");
    QTest::newRow("bidi override") << QStringLiteral("abc") + QChar(0x202E) + QStringLiteral("def");
    QTest::newRow("zero width space") << QStringLiteral("a") + QChar(0x200B);
    QTest::newRow("lone surrogate") << QStringLiteral("a") + QChar(0xD800);
    QTest::newRow("too long") << QString(MaxArmNameLength + 1, QLatin1Char('a'));
}

void TestModels::pathBuilderRejectsHostileNames() {
    QFETCH(QString, name);
    ArmPathBuilder builder = resourceGroupPath(QStringLiteral("abc"), name);
    QVERIFY(!builder.ok());
    QCOMPARE(builder.error().kind, ArmError::Kind::InvalidInput);
    QVERIFY(!builder.error().message.isEmpty());
    // Once failed, later segments do not revive it.
    builder.literal(QStringLiteral("providers")).name(QStringLiteral("fine"));
    QVERIFY(!builder.ok());
    QVERIFY(!armNameProblem(name).isEmpty());
}

void TestModels::pathBuilderEncodes_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("plain") << QStringLiteral("rg-Prod_01.x") << QStringLiteral("rg-Prod_01.x");
    QTest::newRow("space") << QStringLiteral("my rg") << QStringLiteral("my%20rg");
    QTest::newRow("percent") << QStringLiteral("100%") << QStringLiteral("100%25");
    QTest::newRow("percent escape stays literal") << QStringLiteral("a%2Fb") << QStringLiteral("a%252Fb");
    QTest::newRow("unicode") << QStringLiteral("équipe-données")
                             << QStringLiteral("%C3%A9quipe-donn%C3%A9es");
    QTest::newRow("parens and plus") << QStringLiteral("rg(1)+2") << QStringLiteral("rg%281%29%2B2");
    QTest::newRow("ampersand equals") << QStringLiteral("a&b=c") << QStringLiteral("a%26b%3Dc");
    QTest::newRow("three dots") << QStringLiteral("...") << QStringLiteral("...");
    QTest::newRow("max length") << QString(MaxArmNameLength, QLatin1Char('z'))
                                << QString(MaxArmNameLength, QLatin1Char('z'));
}

void TestModels::pathBuilderEncodes() {
    QFETCH(QString, name);
    QFETCH(QString, encoded);
    const ArmPathBuilder builder = resourceGroupPath(QStringLiteral("abc"), name);
    QVERIFY2(builder.ok(), qPrintable(builder.error().message));
    QCOMPARE(builder.path(), QStringLiteral("/subscriptions/abc/resourcegroups/") + encoded);

    // The encoding survives into the URL actually requested.
    ArmClient client;
    const QUrl url = client.urlForPath(builder.path());
    QVERIFY(url.isValid());
    const QByteArray wire = url.toEncoded();
    QVERIFY2(wire.contains("/resourcegroups/" + encoded.toLatin1() + "?api-version="), wire.constData());
    QCOMPARE(url.host(), QStringLiteral("management.azure.com"));
}

void TestModels::pathBuilderFromResourceId() {
    const QString id = QStringLiteral(
        "/subscriptions/abc/resourceGroups/my rg/providers/Microsoft.Compute/diskEncryptionSets/des été");
    const ArmPathBuilder builder = ArmPathBuilder::fromResourceId(id);
    QVERIFY2(builder.ok(), qPrintable(builder.error().message));
    QCOMPARE(builder.path(),
             QStringLiteral("/subscriptions/abc/resourceGroups/my%20rg/providers/Microsoft.Compute/"
                            "diskEncryptionSets/des%20%C3%A9t%C3%A9"));
    QVERIFY(!ArmPathBuilder::fromResourceId(QStringLiteral("https://evil.example/subscriptions/abc")).ok());
    QVERIFY(!ArmPathBuilder::fromResourceId(QStringLiteral("/subscriptions/abc/resourceGroups/../x")).ok());
    QVERIFY(!ArmPathBuilder::fromResourceId(QStringLiteral("/subscriptions/abc/resourceGroups/rg?x=1")).ok());
    QVERIFY(!ArmPathBuilder::fromResourceId(QStringLiteral("/etc/passwd")).ok());
    QVERIFY(!ArmPathBuilder::fromResourceId(QString()).ok());
    QVERIFY(ArmPathBuilder::fromResourceId(QStringLiteral("/subscriptions/abc")).ok());
}

void TestModels::typedPathsAndApiVersions_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<QString>("apiVersion");
    const QString s = QStringLiteral("abc");
    QTest::newRow("subscriptions") << subscriptionsPath().path() << QStringLiteral("/subscriptions")
                                   << "2022-12-01";
    QTest::newRow("tenants") << tenantsPath().path() << QStringLiteral("/tenants") << "2022-12-01";
    QTest::newRow("subscription") << subscriptionPath(s).path() << QStringLiteral("/subscriptions/abc")
                                  << "2022-12-01";
    QTest::newRow("locations") << locationsPath(s).path() << QStringLiteral("/subscriptions/abc/locations")
                               << "2022-12-01";
    QTest::newRow("resource groups") << resourceGroupsPath(s).path()
                                     << QStringLiteral("/subscriptions/abc/resourcegroups") << "2025-04-01";
    QTest::newRow("provider") << providerPath(s, QStringLiteral("Microsoft.Compute")).path()
                              << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute")
                              << "2025-04-01";
    QTest::newRow("provider register")
        << providerRegisterPath(s, QStringLiteral("Microsoft.Compute")).path()
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/register") << "2025-04-01";
    QTest::newRow("feature")
        << featurePath(s, QStringLiteral("Microsoft.Compute"), QStringLiteral("SIGEncryption")).path()
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Features/providers/"
                          "Microsoft.Compute/features/SIGEncryption")
        << "2025-03-01";
    QTest::newRow("feature register")
        << featureRegisterPath(s, QStringLiteral("Microsoft.Compute"), QStringLiteral("SIGEncryption")).path()
        << QStringLiteral(
               "/subscriptions/abc/providers/Microsoft.Features/providers/Microsoft.Compute/features/"
               "SIGEncryption/register")
        << "2025-03-01";
    QTest::newRow("galleries") << galleriesPath(s).path()
                               << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/galleries")
                               << "2025-12-03";
    QTest::newRow("gallery image version")
        << galleryImageVersionPath(s, QStringLiteral("rg"), QStringLiteral("gal"), QStringLiteral("def"),
                                   QStringLiteral("1.0.0"))
               .path()
        << QStringLiteral(
               "/subscriptions/abc/resourcegroups/rg/providers/Microsoft.Compute/galleries/gal/images/def/"
               "versions/1.0.0")
        << "2025-12-03";
    QTest::newRow("des by subscription")
        << diskEncryptionSetsPath(s).path()
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/diskEncryptionSets")
        << "2026-03-02";
    QTest::newRow("des") << diskEncryptionSetPath(s, QStringLiteral("rg"), QStringLiteral("d")).path()
                         << QStringLiteral("/subscriptions/abc/resourcegroups/rg/providers/Microsoft.Compute/"
                                           "diskEncryptionSets/d")
                         << "2026-03-02";
    QTest::newRow("snapshots") << snapshotsPath(s).path()
                               << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/snapshots")
                               << "2026-03-02";
    QTest::newRow("images") << imagesPath(s).path()
                            << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/images")
                            << "2024-11-01";
    QTest::newRow("vms") << virtualMachinesPath(s).path()
                         << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/virtualMachines")
                         << "2024-11-01";
    QTest::newRow("caps operation")
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/locations/westus/capsOperations/42")
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/locations/westus/capsOperations/42")
        << "2025-12-03";
    QTest::newRow("disk operation")
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/locations/westus/DiskOperations/42")
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/locations/westus/DiskOperations/42")
        << "2026-03-02";
    QTest::newRow("compute operation")
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/locations/westus/operations/42")
        << QStringLiteral("/subscriptions/abc/providers/Microsoft.Compute/locations/westus/operations/42")
        << "2024-11-01";
    QTest::newRow("upper case keywords")
        << QStringLiteral("/SUBSCRIPTIONS/abc/RESOURCEGROUPS/rg/PROVIDERS/MICROSOFT.COMPUTE/GALLERIES/g")
        << QStringLiteral("/SUBSCRIPTIONS/abc/RESOURCEGROUPS/rg/PROVIDERS/MICROSOFT.COMPUTE/GALLERIES/g")
        << "2025-12-03";
}

void TestModels::typedPathsAndApiVersions() {
    QFETCH(QString, path);
    QFETCH(QString, expectedPath);
    QFETCH(QString, apiVersion);
    QCOMPARE(path, expectedPath);
    QCOMPARE(apiVersionForPath(path), apiVersion);
}

void TestModels::clientUrlForPath() {
    ArmClient client;
    QCOMPARE(client.endpoint(), QUrl(QStringLiteral("https://management.azure.com")));
    QUrl url = client.urlForPath(diskEncryptionSetsPath(QStringLiteral("abc")).path());
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("api-version")), QStringLiteral("2026-03-02"));

    QUrlQuery explicitVersion;
    explicitVersion.addQueryItem(QStringLiteral("api-version"), QStringLiteral("2024-03-03"));
    explicitVersion.addQueryItem(QStringLiteral("$expand"), QStringLiteral("ReplicationStatus"));
    url = client.urlForPath(galleriesPath(QStringLiteral("abc")).path(), explicitVersion);
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("api-version")), QStringLiteral("2024-03-03"));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("$expand")), QStringLiteral("ReplicationStatus"));
    QCOMPARE(QUrlQuery(url).allQueryItemValues(QStringLiteral("api-version")).size(), 1);

    client.setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:8123/")));
    url = client.urlForPath(QStringLiteral("/subscriptions"));
    QCOMPARE(url.toString(), QStringLiteral("http://127.0.0.1:8123/subscriptions?api-version=2022-12-01"));
    QVERIFY(client.isOnEndpoint(QUrl(QStringLiteral("http://127.0.0.1:8123/next?x=1"))));
    QVERIFY(!client.isOnEndpoint(QUrl(QStringLiteral("http://127.0.0.1:8124/next"))));
    QVERIFY(!client.isOnEndpoint(QUrl(QStringLiteral("https://127.0.0.1:8123/next"))));
    QVERIFY(!client.isOnEndpoint(QUrl(QStringLiteral("http://localhost:8123/next"))));
    QVERIFY(!client.isOnEndpoint(QUrl(QStringLiteral("http://user@127.0.0.1:8123/next"))));

    for (const QString &bad :
         {QStringLiteral("subscriptions"), QStringLiteral("/subscriptions/../tenants"),
          QStringLiteral("/subscriptions/%2e%2e/x"), QStringLiteral("/subscriptions?x=1"),
          QStringLiteral("/a//b"), QStringLiteral("/subscriptions#f")}) {
        ArmError error;
        QVERIFY2(!client.urlForPath(bad, {}, &error).isValid(), qPrintable(bad));
        QCOMPARE(error.kind, ArmError::Kind::InvalidInput);
    }
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
