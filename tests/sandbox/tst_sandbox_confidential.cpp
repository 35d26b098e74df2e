// armsandbox over real HTTP: Confidential VM images. An image version of the ConfidentialVM definition
// galContosoProd/ubuntu-22-04-cvm needs encryption.osDiskImage.securityProfile in every region, stays in its
// home region unless NonPersistedTPM, and takes a secure-VM set (ConfidentialVmEncryptedWithCustomerKey) with
// EncryptedWithCmk; a VM from it is a Confidential VM of a confidential size.

#include "support/sandboxhttp.h"

#include <QtTest>

using namespace sandboxtest;

namespace {

const QString kGallery = QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/"
                                        "Microsoft.Compute/galleries/galContosoProd")
                             .arg(kSub1);
const QString kCvmDefinition = kGallery + QStringLiteral("/images/ubuntu-22-04-cvm");
const QString kImage = QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/"
                                      "images/img-ubuntu2204-web")
                           .arg(kSub1);
const QString kGalleryApi = QStringLiteral("2025-03-03");

QString des(const QString &name) {
    return QStringLiteral("/subscriptions/%1/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/"
                          "diskEncryptionSets/%2")
        .arg(kSub1, name);
}

/// A target region; `type` empty: no security profile.
QJsonObject region(const QString &name, const QString &type = {}, const QString &secureDes = {}) {
    QJsonObject profile;
    if (!type.isEmpty())
        profile.insert(QStringLiteral("confidentialVMEncryptionType"), type);
    if (!secureDes.isEmpty())
        profile.insert(QStringLiteral("secureVMDiskEncryptionSetId"), secureDes);
    QJsonObject target{{QStringLiteral("name"), name}};
    if (!profile.isEmpty())
        target.insert(QStringLiteral("encryption"),
                      QJsonObject{{QStringLiteral("osDiskImage"),
                                   QJsonObject{{QStringLiteral("securityProfile"), profile}}}});
    return target;
}

QJsonObject versionBody(const QJsonArray &targets) {
    return QJsonObject{
        {QStringLiteral("location"), QStringLiteral("westeurope")},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("publishingProfile"), QJsonObject{{QStringLiteral("targetRegions"), targets}}},
             {QStringLiteral("storageProfile"),
              QJsonObject{{QStringLiteral("source"), QJsonObject{{QStringLiteral("id"), kImage}}}}}}}};
}

QString errorMessage(const HttpResult &r) {
    return r.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
}

} // namespace

class TestSandboxConfidential : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    Http m_http;
    int m_versions = 0;

    HttpResult putVersion(const QString &definition, const QJsonArray &targets) {
        const QString path = definition + QStringLiteral("/versions/3.0.%1").arg(++m_versions);
        return m_http.put(armUrl(m_sandbox.baseUrl(), path, kGalleryApi), versionBody(targets));
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        QVERIFY2(m_sandbox.start({}, &why), qPrintable(why));
    }

    void fixtureHasTheConfidentialDefinitionAndSet() {
        const HttpResult definition = m_http.get(armUrl(m_sandbox.baseUrl(), kCvmDefinition, kGalleryApi));
        QCOMPARE(definition.status, 200);
        const QJsonArray features = definition.json()
                                        .value(QLatin1String("properties"))
                                        .toObject()
                                        .value(QLatin1String("features"))
                                        .toArray();
        QCOMPARE(features.size(), 1);
        QCOMPARE(features.first().toObject().value(QLatin1String("value")).toString(),
                 QStringLiteral("ConfidentialVM"));
        const HttpResult set = m_http.get(
            armUrl(m_sandbox.baseUrl(), des(QStringLiteral("des-weu-cvm")), QStringLiteral("2025-01-02")));
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json()
                     .value(QLatin1String("properties"))
                     .toObject()
                     .value(QLatin1String("encryptionType"))
                     .toString(),
                 QStringLiteral("ConfidentialVmEncryptedWithCustomerKey"));
    }

    void securityProfileIsRequired() {
        const HttpResult r = putVersion(kCvmDefinition, {region(QStringLiteral("westeurope"))});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("InvalidParameter"));
        QCOMPARE(errorMessage(r),
                 QStringLiteral("The regional encryption.osDiskImage.securityProfile.type must be "
                                "specified when the SecurityType of the image definition is "
                                "ConfidentialVM."));
        QCOMPARE(r.errorTarget(),
                 QStringLiteral(
                     "properties.publishingProfile.targetRegions[0].encryption.osDiskImage.securityProfile"));
    }

    void onlyTheHomeRegionUnlessNonPersistedTpm() {
        HttpResult r = putVersion(
            kCvmDefinition, {region(QStringLiteral("westeurope"), QStringLiteral("EncryptedWithPmk")),
                             region(QStringLiteral("francecentral"), QStringLiteral("EncryptedWithPmk"))});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorMessage(r),
                 QStringLiteral("Only the home region 'westeurope' can be specified as a target region "
                                "for Images with the ConfidentialVM feature unless the Confidential VM "
                                "encryption type is set to 'NonPersistedTPM'."));
        QCOMPARE(r.errorTarget(),
                 QStringLiteral("galleryImageVersion.properties.publishingProfile.targetRegions"));

        r = putVersion(kCvmDefinition,
                       {region(QStringLiteral("westeurope"), QStringLiteral("NonPersistedTPM")),
                        region(QStringLiteral("francecentral"), QStringLiteral("NonPersistedTPM"))});
        QVERIFY2(r.status == 201, r.body.constData());
    }

    void encryptedWithCmkNeedsAConfidentialSet() {
        HttpResult r = putVersion(kCvmDefinition,
                                  {region(QStringLiteral("westeurope"), QStringLiteral("EncryptedWithCmk"))});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorTarget(),
                 QStringLiteral("properties.publishingProfile.targetRegions[0].encryption.osDiskImage."
                                "securityProfile.secureVMDiskEncryptionSetId"));

        r = putVersion(kCvmDefinition,
                       {region(QStringLiteral("westeurope"), QStringLiteral("EncryptedWithCmk"),
                               des(QStringLiteral("des-weu-cmk")))});
        QCOMPARE(r.status, 400);
        QVERIFY2(
            errorMessage(r).contains(QLatin1String("has encryption type 'EncryptionAtRestWithCustomerKey'")),
            r.body.constData());

        r = putVersion(kCvmDefinition,
                       {region(QStringLiteral("westeurope"), QStringLiteral("EncryptedWithPmk"),
                               des(QStringLiteral("des-weu-cvm")))});
        QCOMPARE(r.status, 400);
        QVERIFY2(errorMessage(r).contains(
                     QLatin1String("only when confidentialVMEncryptionType is EncryptedWithCmk")),
                 r.body.constData());

        r = putVersion(kCvmDefinition,
                       {region(QStringLiteral("westeurope"), QStringLiteral("EncryptedWithCmk"),
                               des(QStringLiteral("des-weu-cvm")))});
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject profile = r.json()
                                        .value(QLatin1String("properties"))
                                        .toObject()
                                        .value(QLatin1String("publishingProfile"))
                                        .toObject()
                                        .value(QLatin1String("targetRegions"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("encryption"))
                                        .toObject()
                                        .value(QLatin1String("osDiskImage"))
                                        .toObject()
                                        .value(QLatin1String("securityProfile"))
                                        .toObject();
        QCOMPARE(profile.value(QLatin1String("secureVMDiskEncryptionSetId")).toString(),
                 des(QStringLiteral("des-weu-cvm")));
    }

    void unknownTypeAndStandardDefinitionAreRefused() {
        HttpResult r = putVersion(kCvmDefinition,
                                  {region(QStringLiteral("westeurope"), QStringLiteral("EncryptedWithTpm"))});
        QCOMPARE(r.status, 400);
        QVERIFY2(errorMessage(r).contains(QLatin1String("'EncryptedWithTpm'")), r.body.constData());

        r = putVersion(kGallery + QStringLiteral("/images/ubuntu-22-04-gen2"),
                       {region(QStringLiteral("westeurope"), QStringLiteral("EncryptedWithPmk"))});
        QCOMPARE(r.status, 400);
        QVERIFY2(
            errorMessage(r).contains(QLatin1String("only for images whose SecurityType is ConfidentialVM")),
            r.body.constData());
    }

    void virtualMachineFromAConfidentialImage() {
        // A network interface for the VMs (the VM check reads it).
        const QString group =
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/").arg(kSub1);
        const QString nic = group + QStringLiteral("Microsoft.Network/networkInterfaces/cvm-nic");
        const QJsonObject nicBody{
            {QStringLiteral("location"), QStringLiteral("westeurope")},
            {QStringLiteral("properties"),
             QJsonObject{
                 {QStringLiteral("ipConfigurations"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("name"), QStringLiteral("ipconfig1")},
                      {QStringLiteral("properties"),
                       QJsonObject{
                           {QStringLiteral("subnet"),
                            QJsonObject{{QStringLiteral("id"),
                                         group + QStringLiteral("Microsoft.Network/virtualNetworks/"
                                                                "vnet-build-weu/subnets/default")}}}}}}}}}}};
        const HttpResult nicPut =
            m_http.put(armUrl(m_sandbox.baseUrl(), nic, QStringLiteral("2024-05-01")), nicBody);
        QVERIFY2(nicPut.status == 201 || nicPut.status == 200, nicPut.body.constData());

        QJsonObject managed{
            {QStringLiteral("securityProfile"),
             QJsonObject{{QStringLiteral("securityEncryptionType"), QStringLiteral("DiskWithVMGuestState")},
                         {QStringLiteral("diskEncryptionSet"),
                          QJsonObject{{QStringLiteral("id"), des(QStringLiteral("des-weu-cvm"))}}}}}};
        QJsonObject properties{
            {QStringLiteral("hardwareProfile"),
             QJsonObject{{QStringLiteral("vmSize"), QStringLiteral("Standard_D2s_v5")}}},
            {QStringLiteral("storageProfile"),
             QJsonObject{
                 {QStringLiteral("imageReference"),
                  QJsonObject{{QStringLiteral("id"), kCvmDefinition + QStringLiteral("/versions/1.0.0")}}},
                 {QStringLiteral("osDisk"),
                  QJsonObject{{QStringLiteral("createOption"), QStringLiteral("FromImage")},
                              {QStringLiteral("managedDisk"), managed}}}}},
            {QStringLiteral("osProfile"),
             QJsonObject{{QStringLiteral("computerName"), QStringLiteral("cvm1")},
                         {QStringLiteral("adminUsername"), QStringLiteral("azureuser")},
                         {QStringLiteral("adminPassword"), QStringLiteral("Sandbox-Passw0rd!")},
                         {QStringLiteral("linuxConfiguration"),
                          QJsonObject{{QStringLiteral("disablePasswordAuthentication"), false}}}}},
            {QStringLiteral("networkProfile"),
             QJsonObject{{QStringLiteral("networkInterfaces"),
                          QJsonArray{QJsonObject{{QStringLiteral("id"), nic}}}}}}};
        const auto putVm = [&](const QJsonObject &props) {
            return m_http.put(armUrl(m_sandbox.baseUrl(),
                                     group + QStringLiteral("Microsoft.Compute/virtualMachines/cvm1"),
                                     QStringLiteral("2024-11-01")),
                              QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")},
                                          {QStringLiteral("properties"), props}});
        };
        HttpResult r = putVm(properties);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorTarget(), QStringLiteral("properties.securityProfile.securityType"));

        properties.insert(QStringLiteral("securityProfile"),
                          QJsonObject{{QStringLiteral("securityType"), QStringLiteral("ConfidentialVM")},
                                      {QStringLiteral("uefiSettings"),
                                       QJsonObject{{QStringLiteral("secureBootEnabled"), true},
                                                   {QStringLiteral("vTpmEnabled"), true}}}});
        r = putVm(properties);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorTarget(), QStringLiteral("properties.hardwareProfile.vmSize"));
        QVERIFY2(errorMessage(r).contains(QLatin1String("does not support Confidential VMs")),
                 r.body.constData());

        properties.insert(QStringLiteral("hardwareProfile"),
                          QJsonObject{{QStringLiteral("vmSize"), QStringLiteral("Standard_DC2as_v5")}});
        r = putVm(properties);
        QVERIFY2(r.status == 201, r.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestSandboxConfidential)
#include "tst_sandbox_confidential.moc"
