// VM draft rules, PUT bodies, az/PowerShell export (golden strings), the sandbox's VM/NIC/VNet validations
// seen through ArmClient, and `cmkwizard create-vm` (--dry-run, --export, a real run, exit codes).

#include "arm/armclient.h"
#include "armsandbox.h"
#include "support/cmkwizardprocess.h"
#include "support/demodraft.h"
#include "vm/vmdraft.h"
#include "vm/vmexport.h"
#include "vm/vmrequests.h"
#include "vm/vmvalidation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cmk;

namespace {

using demodata::DevSub;
using demodata::Sub;
const QString kVersion = demodata::imageVersionId(QStringLiteral("1.1.0"));
const QString kSubnet = demodata::buildSubnetId();

QString des(const QString &name, const QString &subscription = Sub) {
    return demodata::demoDesId(name, subscription);
}

QString sshKey(const QByteArray &algorithm = "ssh-ed25519") {
    QByteArray blob;
    blob.append(char(0)).append(char(0)).append(char(0)).append(char(algorithm.size())).append(algorithm);
    blob.append(char(0)).append(char(0)).append(char(0)).append(char(32)).append(QByteArray(32, 'k'));
    return QStringLiteral("%1 %2 ops@contoso")
        .arg(QString::fromLatin1(algorithm), QString::fromLatin1(blob.toBase64()));
}

VmDraft sampleDraft() {
    VmDraft d = demodata::buildVmDraft(QStringLiteral("vm-web-01"), kVersion,
                                       {QStringLiteral("westeurope"), QStringLiteral("francecentral")});
    d.imageDataDiskLuns = {0, 1};
    d.sshPublicKey = sshKey();
    d.encryption = EncryptionMode::CustomerKey;
    d.osDiskDesId = des(QStringLiteral("des-weu-cmk"));
    d.dataDiskDesIds = {{0, des(QStringLiteral("des-weu-cmk"))}, {1, des(QStringLiteral("des-weu-cmk"))}};
    return d;
}

} // namespace

class TestVmModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<ArmClient> m_client;

    using Result = cmktest::CmkwizardRun;

    /// The real executable against the sandbox, with a private home and no access token.
    Result run(const QStringList &arguments) {
        const QTemporaryDir home;
        return cmktest::runCmkwizard(QStringList{QStringLiteral("--lang"), QStringLiteral("en"),
                                                 QStringLiteral("--arm-endpoint"),
                                                 m_sandbox->baseUrl().toString()} +
                                         arguments,
                                     cmktest::headlessEnvironment(home, QString()), 45000);
    }

    QString writeDraft(const VmDraft &draft, const QString &name) {
        QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QByteArray::fromStdString(draft.toJson(true).dump(2)));
        return path;
    }

    /// PUTs a body and returns the initial reply's status and error code/target.
    struct Put {
        int status = 0;
        QString code, target;
    };
    Put put(const QString &path, const nlohmann::json &body, const QString &apiVersion) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("api-version"), apiVersion);
        ArmReply *reply = m_client->put(path, body, query);
        QSignalSpy done(reply, &ArmReply::finished);
        done.wait(10000);
        Put p{reply->httpStatus(), reply->error().code, reply->error().target};
        reply->deleteLater();
        return p;
    }

    static QString vmPath(const QString &name) {
        return QStringLiteral(
                   "/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/virtualMachines/%2")
            .arg(Sub, name);
    }

    /// A free NIC in westeurope (the VM PUT checks it exists and is not in use).
    QString makeNic(const QString &name, const QString &subnet = kSubnet,
                    const QString &location = QStringLiteral("westeurope")) {
        VmDraft d = sampleDraft();
        d.nicName = name;
        d.subnetId = subnet;
        d.location = location;
        const Put p = put(d.nicId(), VmRequests::networkInterfaceBody(d), QStringLiteral("2024-05-01"));
        if (p.status != 201)
            qWarning() << "NIC" << p.status << p.code << p.target;
        return d.nicId();
    }

    /// Version 1.3.0 in westeurope: OS disk and LUN 0 with des-weu-cmk, LUN 1 with the Dev/Test
    /// subscription's des-dev-weu-cmk (a DES the VM of the production subscription cannot use).
    QString addCrossSubscriptionVersion() {
        QString id = QString(kVersion).replace(QStringLiteral("/1.1.0"), QStringLiteral("/1.3.0"));
        const QString json =
            QStringLiteral(R"({"id": "%1", "name": "1.3.0", "location": "westeurope",
          "type": "Microsoft.Compute/galleries/images/versions",
          "properties": {"provisioningState": "Succeeded",
            "publishingProfile": {"targetRegions": [{"name": "West Europe", "encryption": {
              "osDiskImage": {"diskEncryptionSetId": "%2"},
              "dataDiskImages": [{"lun": 0, "diskEncryptionSetId": "%2"}, {"lun": 1, "diskEncryptionSetId": "%3"}]}}]},
            "storageProfile": {"osDiskImage": {"sizeInGB": 30},
              "dataDiskImages": [{"lun": 0, "sizeInGB": 64}, {"lun": 1, "sizeInGB": 64}]}}})")
                .arg(id, des(QStringLiteral("des-weu-cmk")), des(QStringLiteral("des-dev-weu-cmk"), DevSub));
        m_sandbox->setResource(QJsonDocument::fromJson(json.toUtf8()).object());
        return id;
    }

    /// The DES the sandbox encrypted one of rg-build's managed disks with.
    QString managedDiskDes(const QString &diskName) const {
        const QJsonObject disk = m_sandbox->resource(
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/disks/%2")
                .arg(Sub, diskName));
        return disk.value("properties")
            .toObject()
            .value("encryption")
            .toObject()
            .value("diskEncryptionSetId")
            .toString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 1;
        QString why;
        QVERIFY2(m_sandbox->start(options, &why), qPrintable(why));
        m_client = std::make_unique<ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        m_client->setDefaultPollIntervalMs(10);
        RetryPolicy retry;
        retry.maxTries = 1;
        m_client->setRetryPolicy(retry);
    }

    void usernames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("windows");
        QTest::addColumn<QString>("expected"); // substring of the error, empty when valid
        QTest::newRow("linux ok") << "azureops" << false << "";
        QTest::newRow("reserved") << "root" << false << "reserved";
        QTest::newRow("reserved case") << "Administrator" << true << "reserved";
        QTest::newRow("linux digit first") << "1ops" << false << "must not start";
        QTest::newRow("linux space") << "az ops" << false << "only letters";
        QTest::newRow("windows long") << "averyveryverylongadmin" << true << "at most 20";
        QTest::newRow("windows forbidden") << "ops@corp" << true << "cannot contain";
        QTest::newRow("windows period end") << "ops." << true << "end with a period";
        QTest::newRow("windows ok") << "ops.admin" << true << "";
        QTest::newRow("empty") << "" << false << "Enter the administrator";
    }
    void usernames() {
        QFETCH(QString, name);
        QFETCH(bool, windows);
        QFETCH(QString, expected);
        const QString error = VmValidation::adminUsernameError(name, windows);
        if (expected.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void passwords_data() {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("windows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ok") << "Correct-Horse-42" << false << "";
        QTest::newRow("11 chars") << "Abcdefgh-1x" << false << "12 to 72";
        QTest::newRow("linux 73") << QString(70, QLatin1Char('a')) + "B1!" << false << "12 to 72";
        QTest::newRow("windows 73 ok") << QString(70, QLatin1Char('a')) + "B1!" << true << "";
        QTest::newRow("windows 124") << QString(121, QLatin1Char('a')) + "B1!" << true << "12 to 123";
        QTest::newRow("two classes") << "abcdefgh12345" << false << "at least 3";
        QTest::newRow("three classes") << "abcdefgh1234!" << false << "";
        QTest::newRow("control") << QStringLiteral("Abcdefgh-12\t3") << false << "control";
    }
    void passwords() {
        QFETCH(QString, password);
        QFETCH(bool, windows);
        QFETCH(QString, expected);
        const QString error = VmValidation::passwordError(password, windows);
        if (expected.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void sshKeys() {
        QVERIFY(VmValidation::sshPublicKeyError(sshKey()).isEmpty());
        QVERIFY(VmValidation::sshPublicKeyError(sshKey("ecdsa-sha2-nistp256")).isEmpty());
        QVERIFY(VmValidation::sshPublicKeyError(QString()).contains(QStringLiteral("Paste")));
        QVERIFY(VmValidation::sshPublicKeyError(QStringLiteral("ssh-dss AAAA x"))
                    .contains(QStringLiteral("must start with")));
        // The blob names another algorithm than the line does.
        QString mismatch = sshKey();
        mismatch.replace(0, 11, QStringLiteral("ssh-rsa"));
        QVERIFY(VmValidation::sshPublicKeyError(mismatch).contains(QStringLiteral("damaged")));
        QVERIFY(VmValidation::sshPublicKeyError(QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----"))
                    .contains(QStringLiteral("private key")));
        QVERIFY(VmValidation::sshPublicKeyError(sshKey() + "\n" + sshKey())
                    .contains(QStringLiteral("one SSH public key")));
    }

    void namesAndPrefixes() {
        QVERIFY(VmValidation::vmNameError(QStringLiteral("vm-web-01"), false).isEmpty());
        QVERIFY(!VmValidation::vmNameError(QStringLiteral("vm-web-01-too-long"), true).isEmpty());
        QVERIFY(
            VmValidation::vmNameError(QStringLiteral("12345"), true).contains(QStringLiteral("only digits")));
        QVERIFY(!VmValidation::vmNameError(QStringLiteral("vm_web"), false).isEmpty());
        QVERIFY(VmValidation::addressPrefixError(QStringLiteral("10.0.0.0/16")).isEmpty());
        QVERIFY(VmValidation::addressPrefixError(QStringLiteral("10.0.0.1/16"))
                    .contains(QStringLiteral("10.0.0.0/16")));
        QVERIFY(!VmValidation::addressPrefixError(QStringLiteral("10.0.0.0/30")).isEmpty());
        QVERIFY(!VmValidation::addressPrefixError(QStringLiteral("300.0.0.0/16")).isEmpty());
        QVERIFY(VmValidation::prefixContains(QStringLiteral("10.0.0.0/16"), QStringLiteral("10.0.3.0/24")));
        QVERIFY(!VmValidation::prefixContains(QStringLiteral("10.0.0.0/16"), QStringLiteral("10.1.0.0/24")));
    }

    void draftRules() {
        VmDraft d = sampleDraft();
        QCOMPARE(VmValidation::offlineErrors(d), QStringList());
        d.location = QStringLiteral("eastus2");
        QVERIFY(
            VmValidation::basicsErrors(d).join(' ').contains(QStringLiteral("not replicated to eastus2")));
        d = sampleDraft();
        d.osState = QStringLiteral("Specialized");
        d.adminUsername.clear();
        d.sshPublicKey.clear();
        QCOMPARE(VmValidation::basicsErrors(d), QStringList()); // no admin account for specialized images
        d = sampleDraft();
        d.dataDiskDesIds[1].clear();
        QVERIFY(VmValidation::diskErrors(d).join(' ').contains(QStringLiteral("LUN 1")));
        d = sampleDraft();
        d.osDiskDesId = des(QStringLiteral("des-dev-weu-cmk"), DevSub);
        QVERIFY(VmValidation::diskErrors(d).join(' ').contains(QStringLiteral("another subscription")));
        d = sampleDraft();
        d.networkMode = VmNetworkMode::NewVirtualNetwork;
        d.newVnetName = QStringLiteral("vnet-new");
        d.newSubnetAddressPrefix = QStringLiteral("10.9.0.0/24");
        QVERIFY(VmValidation::networkingErrors(d).join(' ').contains(QStringLiteral("inside")));
    }

    void draftJsonRoundTrip() {
        VmDraft d = sampleDraft();
        d.authType = VmAuthType::Password;
        d.adminPassword = QStringLiteral("Correct-Horse-42");
        const nlohmann::json withoutSecret = d.toJson();
        QVERIFY(withoutSecret.dump().find("Correct-Horse-42") == std::string::npos);
        VmDraft back;
        QString why;
        QVERIFY2(VmDraft::fromJson(d.toJson(true), &back, &why), qPrintable(why));
        QCOMPARE(back, d);
        QVERIFY(!VmDraft::fromJson(nlohmann::json::parse(R"({"formatVersion": 9})"), &back, &why));
        QVERIFY(
            !VmDraft::fromJson(nlohmann::json::parse(R"({"disks": {"encryption": "rot13"}})"), &back, &why));
        QVERIFY(why.contains(QStringLiteral("rot13")));
    }

    void virtualMachineBody() {
        const nlohmann::json expected =
            nlohmann::json::parse(QStringLiteral(R"({
          "location": "westeurope",
          "properties": {
            "hardwareProfile": {"vmSize": "Standard_D2s_v5"},
            "networkProfile": {"networkInterfaces": [{"id": "/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Network/networkInterfaces/vm-web-01-nic", "properties": {"primary": true}}]},
            "osProfile": {"adminUsername": "azureops", "computerName": "vm-web-01",
                          "linuxConfiguration": {"disablePasswordAuthentication": true,
                                                 "ssh": {"publicKeys": [{"keyData": "%2", "path": "/home/azureops/.ssh/authorized_keys"}]}}},
            "storageProfile": {
              "imageReference": {"id": "%3"},
              "osDisk": {"createOption": "FromImage", "name": "vm-web-01_OsDisk", "managedDisk": {"diskEncryptionSet": {"id": "%4"}}},
              "dataDisks": [{"lun": 0, "createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "%4"}}},
                            {"lun": 1, "createOption": "FromImage", "managedDisk": {"diskEncryptionSet": {"id": "%4"}}}]
            }
          }})")
                                      .arg(Sub, sshKey(), kVersion, des(QStringLiteral("des-weu-cmk")))
                                      .toStdString());
        QCOMPARE(QString::fromStdString(VmRequests::virtualMachineBody(sampleDraft()).dump(2)),
                 QString::fromStdString(expected.dump(2)));
        VmDraft platform = sampleDraft();
        platform.encryption = EncryptionMode::PlatformKey;
        const nlohmann::json body = VmRequests::virtualMachineBody(platform);
        QVERIFY(!body["properties"]["storageProfile"]["osDisk"].contains("managedDisk"));
        // The URL shown is the client's (ArmClient::urlForPath), on its default endpoint here.
        const ArmClient client;
        const VmRequestPlan plan = VmRequests::build(sampleDraft(), &client);
        QCOMPARE(plan.requests.size(), 2);
        QCOMPARE(
            plan.requests.at(1).url.toString(),
            QStringLiteral("https://management.azure.com/subscriptions/%1/resourcegroups/rg-build/providers/"
                           "Microsoft.Compute/virtualMachines/vm-web-01?api-version=2024-11-01")
                .arg(Sub));
    }

    void exportAzureCliGolden() {
        const ExportResult result = VmExporter::azureCli(sampleDraft());
        const QString desId = des(QStringLiteral("des-weu-cmk"));
        const QString expected =
            QStringLiteral("az network nic create \\\n"
                           "    --subscription %1 \\\n"
                           "    --resource-group rg-build \\\n"
                           "    --name vm-web-01-nic \\\n"
                           "    --location westeurope \\\n"
                           "    --subnet %2\n"
                           "\n"
                           "az vm create \\\n"
                           "    --subscription %1 \\\n"
                           "    --resource-group rg-build \\\n"
                           "    --name vm-web-01 \\\n"
                           "    --location westeurope \\\n"
                           "    --image %3 \\\n"
                           "    --size Standard_D2s_v5 \\\n"
                           "    --nics /subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Network/"
                           "networkInterfaces/vm-web-01-nic \\\n"
                           "    --os-disk-name vm-web-01_OsDisk \\\n"
                           "    --admin-username azureops \\\n"
                           "    --authentication-type ssh \\\n"
                           "    --ssh-key-values '%4' \\\n"
                           "    --os-disk-encryption-set %5 \\\n"
                           "    --data-disk-encryption-sets %5 %5\n")
                .arg(Sub, kSubnet, kVersion, sshKey(), desId);
        QCOMPARE(result.text, expected);
    }

    void exportPowerShellGolden() {
        VmDraft d = sampleDraft();
        d.networkMode = VmNetworkMode::NewVirtualNetwork;
        d.newVnetName = QStringLiteral("vnet-o'brien");
        d.authType = VmAuthType::Password;
        const ExportResult result = VmExporter::powerShell(d);
        const QString desId = des(QStringLiteral("des-weu-cmk"));
        const QString expected =
            QStringLiteral(
                "$ErrorActionPreference = 'Stop'\n"
                "Set-AzContext -Subscription '%1' | Out-Null\n"
                "$resourceGroup = 'rg-build'\n"
                "$location = 'westeurope'\n"
                "$vmName = 'vm-web-01'\n"
                "\n"
                "$subnetConfig = New-AzVirtualNetworkSubnetConfig -Name 'default' -AddressPrefix "
                "'10.0.0.0/24'\n"
                "$vnet = New-AzVirtualNetwork -ResourceGroupName $resourceGroup -Location $location -Name "
                "'vnet-o''brien' -AddressPrefix '10.0.0.0/16' -Subnet $subnetConfig\n"
                "$subnetId = $vnet.Subnets[0].Id\n"
                "$nic = New-AzNetworkInterface -ResourceGroupName $resourceGroup -Location $location -Name "
                "'vm-web-01-nic' -SubnetId $subnetId\n"
                "\n"
                "$vm = New-AzVMConfig -VMName $vmName -VMSize 'Standard_D2s_v5'\n"
                "$credential = Get-Credential -UserName 'azureops' -Message 'Password of the virtual "
                "machine''s "
                "administrator'\n"
                "$vm = Set-AzVMOperatingSystem -VM $vm -Linux -ComputerName $vmName -Credential $credential\n"
                "$vm = Set-AzVMSourceImage -VM $vm -Id '%2'\n"
                "$vm = Set-AzVMOSDisk -VM $vm -Name 'vm-web-01_OsDisk' -CreateOption FromImage "
                "-DiskEncryptionSetId "
                "'%3'\n"
                "$vm = Add-AzVMDataDisk -VM $vm -Lun 0 -CreateOption FromImage -DiskEncryptionSetId '%3'\n"
                "$vm = Add-AzVMDataDisk -VM $vm -Lun 1 -CreateOption FromImage -DiskEncryptionSetId '%3'\n"
                "$vm = Add-AzVMNetworkInterface -VM $vm -Id $nic.Id -Primary\n"
                "New-AzVM -ResourceGroupName $resourceGroup -Location $location -VM $vm\n")
                .arg(Sub, kVersion, desId);
        QCOMPARE(result.text, expected);
        QVERIFY(!result.notes.isEmpty());
        // The password never appears; the CLI reads it from the environment.
        d.adminPassword = QStringLiteral("Correct-Horse-42");
        const QString cli = VmExporter::azureCli(d).text;
        QVERIFY(!cli.contains(d.adminPassword));
        QVERIFY(cli.contains(QStringLiteral("--admin-password \"$CMK_VM_ADMIN_PASSWORD\"")));
        QVERIFY(cli.contains(QStringLiteral("--name 'vnet-o'\\''brien'")));
    }

    void sandboxVmSizes() {
        ArmPager *pager = m_client->list(
            QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/locations/westus/vmSizes")
                .arg(Sub));
        QStringList names;
        connect(pager, &ArmPager::pageReceived, this, [&](const nlohmann::json &items) {
            for (const auto &item : items)
                names << QString::fromStdString(item["name"].get<std::string>());
        });
        QSignalSpy done(pager, &ArmPager::finished);
        QVERIFY(done.wait(10000));
        QVERIFY(!pager->error());
        QVERIFY(names.contains(QStringLiteral("Standard_D2s_v5")));
        QVERIFY(!names.contains(QStringLiteral("Standard_E4s_v5")));
    }

    void sandboxRejectsWhatAzureWould_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("target");
        QTest::newRow("DES of another region")
            << "desRegion" << 400 << "InvalidParameter"
            << "properties.storageProfile.osDisk.managedDisk.diskEncryptionSet.id";
        QTest::newRow("DES of another subscription")
            << "desSubscription" << 400 << "InvalidParameter"
            << "properties.storageProfile.dataDisks[0].managedDisk.diskEncryptionSet.id";
        QTest::newRow("DES types mixed")
            << "desMixed" << 400 << "InvalidParameter"
            << "properties.storageProfile.dataDisks[1].managedDisk.diskEncryptionSet.id";
        QTest::newRow("region without replica") << "region" << 404 << "GalleryImageNotFound"
                                                << "properties.storageProfile.imageReference.id";
        QTest::newRow("LUN not in the image") << "lun" << 400 << "InvalidParameter"
                                              << "properties.storageProfile.dataDisks[1].lun";
        QTest::newRow("no admin for a generalized image") << "noAdmin" << 400 << "InvalidParameter"
                                                          << "properties.osProfile";
        QTest::newRow("reserved admin name") << "root" << 400 << "InvalidParameter"
                                             << "properties.osProfile.adminUsername";
        QTest::newRow("weak password") << "password" << 400 << "InvalidParameter"
                                       << "properties.osProfile.adminPassword";
        QTest::newRow("bad SSH key") << "ssh" << 400 << "InvalidParameter"
                                     << "properties.osProfile.linuxConfiguration.ssh.publicKeys[0].keyData";
        QTest::newRow("unknown size") << "size" << 400 << "SkuNotAvailable"
                                      << "properties.hardwareProfile.vmSize";
        QTest::newRow("unknown storage type")
            << "storageType" << 400 << "InvalidParameter"
            << "properties.storageProfile.dataDisks[0].managedDisk.storageAccountType";
        QTest::newRow("OS disk smaller than the image's") << "osDiskSmall" << 409 << "ResizeDiskError"
                                                          << "properties.storageProfile.osDisk.diskSizeGB";
    }
    void sandboxRejectsWhatAzureWould() {
        QFETCH(QString, change);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, target);
        VmDraft d = sampleDraft();
        d.name = QStringLiteral("vm-%1").arg(change.toLower());
        d.nicName = QStringLiteral("nic-%1").arg(change);
        makeNic(d.nicName);
        if (change == QLatin1String("desRegion"))
            d.osDiskDesId = des(QStringLiteral("des-frc-cmk"));
        else if (change == QLatin1String("desSubscription"))
            d.dataDiskDesIds[0] = des(QStringLiteral("des-dev-weu-cmk"), DevSub);
        else if (change == QLatin1String("desMixed"))
            d.dataDiskDesIds[1] = des(QStringLiteral("des-weu-double"));
        else if (change == QLatin1String("region"))
            d.location = QStringLiteral("eastus2");
        else if (change == QLatin1String("lun"))
            d.imageDataDiskLuns = {0, 5};
        else if (change == QLatin1String("noAdmin"))
            d.osState =
                QStringLiteral("Specialized"); // the body leaves osProfile out; the image is generalized
        else if (change == QLatin1String("root"))
            d.adminUsername = QStringLiteral("root");
        else if (change == QLatin1String("password")) {
            d.authType = VmAuthType::Password;
            d.adminPassword = QStringLiteral("password");
        } else if (change == QLatin1String("ssh"))
            d.sshPublicKey = QStringLiteral("ssh-rsa bm90IGEga2V5 ops@host");
        else if (change == QLatin1String("size"))
            d.size = QStringLiteral("Standard_Z99");
        else if (change == QLatin1String("storageType"))
            d.dataDiskStorageTypes[0] = QStringLiteral("Ultra_LRS");
        else if (change == QLatin1String("osDiskSmall"))
            d.osDiskSizeGb = 20; // the image's OS disk has 30 GiB
        d.dataDiskDesIds.insert(5, des(QStringLiteral("des-weu-cmk")));
        const Put p = put(d.vmId(), VmRequests::virtualMachineBody(d), QStringLiteral("2024-11-01"));
        QCOMPARE(p.status, status);
        QCOMPARE(p.code, code);
        QCOMPARE(p.target, target);
    }

    void diskOptionsInBodyAndExports() {
        VmDraft d = sampleDraft();
        d.imageOsDiskSizeGb = 30;
        d.osDiskSizeGb = 64;
        d.osDiskStorageType = QStringLiteral("Premium_LRS");
        d.dataDiskStorageTypes = {{1, QStringLiteral("StandardSSD_ZRS")}};
        QCOMPARE(VmValidation::offlineErrors(d), QStringList());
        VmDraft back;
        QString why;
        QVERIFY2(VmDraft::fromJson(d.toJson(), &back, &why), qPrintable(why));
        QVERIFY(back == d);

        const nlohmann::json storage = VmRequests::virtualMachineBody(d)["properties"]["storageProfile"];
        QCOMPARE(storage["osDisk"]["diskSizeGB"].get<int>(), 64);
        QCOMPARE(storage["osDisk"]["managedDisk"]["storageAccountType"].get<std::string>(),
                 std::string("Premium_LRS"));
        QCOMPARE(QString::fromStdString(storage["osDisk"]["managedDisk"]["diskEncryptionSet"]["id"]),
                 des(QStringLiteral("des-weu-cmk")));
        QVERIFY(!storage["dataDisks"][0]["managedDisk"].contains("storageAccountType"));
        QCOMPARE(storage["dataDisks"][1]["managedDisk"]["storageAccountType"].get<std::string>(),
                 std::string("StandardSSD_ZRS"));
        QVERIFY(!storage["dataDisks"][1].contains("diskSizeGB"));

        const QString desId = des(QStringLiteral("des-weu-cmk"));
        const QString cli = VmExporter::azureCli(d).text;
        QVERIFY2(cli.contains(QStringLiteral("    --os-disk-name vm-web-01_OsDisk \\\n"
                                             "    --os-disk-size-gb 64 \\\n"
                                             "    --storage-sku os=Premium_LRS 1=StandardSSD_ZRS \\\n")),
                 qPrintable(cli));
        const QString ps = VmExporter::powerShell(d).text;
        QVERIFY2(
            ps.contains(QStringLiteral("$vm = Set-AzVMOSDisk -VM $vm -Name 'vm-web-01_OsDisk' -CreateOption "
                                       "FromImage -DiskSizeInGB 64 -StorageAccountType 'Premium_LRS' "
                                       "-DiskEncryptionSetId '%1'\n")
                            .arg(desId)),
            qPrintable(ps));
        QVERIFY(ps.contains(QStringLiteral("$vm = Add-AzVMDataDisk -VM $vm -Lun 0 -CreateOption FromImage "
                                           "-DiskEncryptionSetId '%1'\n")
                                .arg(desId)));
        QVERIFY(
            ps.contains(QStringLiteral("$vm = Add-AzVMDataDisk -VM $vm -Lun 1 -CreateOption FromImage "
                                       "-StorageAccountType 'StandardSSD_ZRS' -DiskEncryptionSetId '%1'\n")
                            .arg(desId)));
        // Without options nothing of them is written.
        QVERIFY(!VmExporter::azureCli(sampleDraft()).text.contains(QStringLiteral("--storage-sku")));
        QVERIFY(!VmExporter::powerShell(sampleDraft()).text.contains(QStringLiteral("-StorageAccountType")));

        d.osDiskSizeGb = 20;
        d.osDiskStorageType = QStringLiteral("Ultra_LRS");
        const QString errors = VmValidation::offlineErrors(d).join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QStringLiteral("choose at least 30 GiB (not 20 GiB)")), qPrintable(errors));
        QVERIFY2(errors.contains(QStringLiteral("“Ultra_LRS” is not a storage account type for the OS disk")),
                 qPrintable(errors));
        d.osDiskSizeGb = 5000;
        QVERIFY(
            VmValidation::diskOptionErrors(d).join(QString()).contains(QStringLiteral("between 1 and 4095")));
    }

    void sandboxCreatesDisksWithTheirSizeAndStorageType() {
        VmDraft d = sampleDraft();
        d.name = QStringLiteral("vm-opts");
        d.nicName = QStringLiteral("nic-opts");
        makeNic(d.nicName);
        d.osDiskSizeGb = 64;
        d.osDiskStorageType = QStringLiteral("Premium_ZRS");
        d.dataDiskStorageTypes = {{0, QStringLiteral("Standard_LRS")}};
        const Put p = put(d.vmId(), VmRequests::virtualMachineBody(d), QStringLiteral("2024-11-01"));
        QCOMPARE(p.status, 201);
        const QString disks =
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/disks/")
                .arg(Sub);
        const QJsonObject os = m_sandbox->resource(disks + QStringLiteral("vm-opts_OsDisk"));
        QCOMPARE(os.value("properties").toObject().value("diskSizeGB").toInt(), 64);
        QCOMPARE(os.value("sku").toObject().value("name").toString(), QStringLiteral("Premium_ZRS"));
        const QJsonObject data0 = m_sandbox->resource(disks + QStringLiteral("vm-opts_DataDisk_0"));
        QCOMPARE(data0.value("sku").toObject().value("name").toString(), QStringLiteral("Standard_LRS"));
        QCOMPARE(data0.value("properties").toObject().value("diskSizeGB").toInt(), 128); // the image's
    }

    void sandboxChecksTheDesOfDataDisksTheBodyLeavesOut() {
        const QString version = addCrossSubscriptionVersion();
        VmDraft d = sampleDraft();
        d.imageVersionId = version;
        d.name = QStringLiteral("vm-omit");
        d.nicName = QStringLiteral("nic-omit");
        makeNic(d.nicName);
        // A body that lists only LUN 0: LUN 1 would get the image's des-dev-weu-cmk, of another subscription.
        d.imageDataDiskLuns = {0};
        d.normalizeDisks();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("api-version"), QStringLiteral("2024-11-01"));
        ArmReply *reply = m_client->put(d.vmId(), VmRequests::virtualMachineBody(d), query);
        QSignalSpy done(reply, &ArmReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->httpStatus(), 400);
        QCOMPARE(reply->error().code, QStringLiteral("InvalidParameter"));
        QCOMPARE(reply->error().target, QStringLiteral("properties.storageProfile.dataDisks"));
        QVERIFY2(reply->error().message.contains(QStringLiteral("LUN 1 is not listed")),
                 qPrintable(reply->error().message));
        QVERIFY2(reply->error().message.contains(
                     QStringLiteral("must be in the subscription of the virtual machine")),
                 qPrintable(reply->error().message));
        reply->deleteLater();
        QVERIFY(m_sandbox->resource(d.vmId()).isEmpty());

        // The client lists every data disk of the image with a DES of the VM's subscription: accepted.
        d.imageDataDiskLuns = {0, 1};
        d.dataDiskDesIds = {{0, des(QStringLiteral("des-weu-cmk"))}, {1, des(QStringLiteral("des-weu-cmk"))}};
        QCOMPARE(VmRequests::virtualMachineBody(d)["properties"]["storageProfile"]["dataDisks"].size(),
                 size_t(2));
        const Put ok = put(d.vmId(), VmRequests::virtualMachineBody(d), QStringLiteral("2024-11-01"));
        QCOMPARE(ok.status, 201);
        QCOMPARE(managedDiskDes(QStringLiteral("vm-omit_DataDisk_1")), des(QStringLiteral("des-weu-cmk")));

        // Left out but usable (1.1.0 uses des-weu-cmk everywhere in West Europe): created with the image's
        // DES.
        VmDraft usable = sampleDraft();
        usable.name = QStringLiteral("vm-omit-ok");
        usable.nicName = QStringLiteral("nic-omit-ok");
        makeNic(usable.nicName);
        usable.imageDataDiskLuns = {0};
        usable.normalizeDisks();
        QCOMPARE(
            put(usable.vmId(), VmRequests::virtualMachineBody(usable), QStringLiteral("2024-11-01")).status,
            201);
        QCOMPARE(managedDiskDes(QStringLiteral("vm-omit-ok_DataDisk_1")), des(QStringLiteral("des-weu-cmk")));
    }

    void cliChecksEveryImageDataDiskUpFront() {
        // A hand-written draft that forgets the image's LUN 1: the live check reads the image, finds the
        // disk and refuses before any PUT, instead of letting it inherit the image's (unusable) DES.
        const QString version = addCrossSubscriptionVersion();
        VmDraft d = sampleDraft();
        d.imageVersionId = version;
        d.name = QStringLiteral("vm-cli-omit");
        d.imageDataDiskLuns = {0};
        d.imageRegions = {QStringLiteral("westeurope")};
        d.normalizeDisks();
        m_sandbox->clearExchanges();
        const Result r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"),
                              writeDraft(d, QStringLiteral("omit.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("LUN 1")), qPrintable(r.err));
        for (const armsandbox::Exchange &e : m_sandbox->exchanges())
            QVERIFY(e.liveRequest.value("method").toString() != QLatin1String("PUT"));
    }

    void sandboxNetworkChecks() {
        VmDraft d = sampleDraft();
        d.networkMode = VmNetworkMode::NewVirtualNetwork;
        d.newVnetName = QStringLiteral("vnet-check");
        d.newSubnetAddressPrefix = QStringLiteral("10.1.0.0/24");
        Put p = put(d.newVnetId(), VmRequests::virtualNetworkBody(d), QStringLiteral("2024-05-01"));
        QCOMPARE(p.code, QStringLiteral("NetcfgSubnetRangeOutsideVnet"));
        d.newSubnetAddressPrefix = QStringLiteral("10.0.0.1/24");
        p = put(d.newVnetId(), VmRequests::virtualNetworkBody(d), QStringLiteral("2024-05-01"));
        QCOMPARE(p.code, QStringLiteral("InvalidCIDRNotation"));
        // A NIC in westeurope cannot join a France Central subnet.
        d = sampleDraft();
        d.nicName = QStringLiteral("nic-cross-region");
        d.subnetId = QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Network/"
                                    "virtualNetworks/vnet-build-frc/subnets/default")
                         .arg(Sub);
        p = put(d.nicId(), VmRequests::networkInterfaceBody(d), QStringLiteral("2024-05-01"));
        QCOMPARE(p.code, QStringLiteral("InvalidResourceReference"));
        p = put(d.nicId(), VmRequests::networkInterfaceBody(d), QStringLiteral("2025-04-01"));
        QCOMPARE(p.code, QStringLiteral("InvalidApiVersionParameter"));
    }

    void cliDryRunAndExport() {
        const QString path = writeDraft(sampleDraft(), QStringLiteral("ok.json"));
        Result r =
            run({QStringLiteral("create-vm"), QStringLiteral("--draft"), path, QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral("PUT http")), 2);
        QVERIFY(r.out.contains(QStringLiteral("/networkInterfaces/vm-web-01-nic?api-version=2024-05-01")));
        QVERIFY(r.out.contains(QStringLiteral("\"diskEncryptionSet\"")));
        QVERIFY(r.out.indexOf(QStringLiteral("networkInterfaces")) <
                r.out.indexOf(QStringLiteral("virtualMachines/vm-web-01?")));
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"), path, QStringLiteral("--export"),
                 QStringLiteral("az")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, VmExporter::azureCli(sampleDraft()).text);
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"), path, QStringLiteral("--export"),
                 QStringLiteral("bicep")});
        QCOMPARE(r.exitCode, 2);

        VmDraft bad = sampleDraft();
        bad.adminUsername = QStringLiteral("admin");
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"),
                 writeDraft(bad, QStringLiteral("bad.json")), QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("reserved")));
        QVERIFY(r.out.isEmpty());
        r = run({QStringLiteral("create-vm"), QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--draft")));
    }

    void cliCreatesAgainstTheSandbox() {
        VmDraft d = sampleDraft();
        d.name = QStringLiteral("vm-cli-01");
        d.networkMode = VmNetworkMode::NewVirtualNetwork;
        d.newVnetName = QStringLiteral("vnet-cli");
        Result r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"),
                        writeDraft(d, QStringLiteral("cli.json"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(sameResourceId(r.out.trimmed(), d.vmId()), qPrintable(r.out));
        const QJsonObject vm = m_sandbox->resource(d.vmId());
        QCOMPARE(vm.value("properties").toObject().value("provisioningState").toString(),
                 QStringLiteral("Succeeded"));

        // Live check: a DES of another region is caught before anything is sent.
        d.name = QStringLiteral("vm-cli-02");
        d.newVnetName = QStringLiteral("vnet-cli-2");
        d.osDiskDesId = des(QStringLiteral("des-frc-cmk"));
        m_sandbox->clearExchanges();
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"),
                 writeDraft(d, QStringLiteral("cli2.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not in the VM's region")), qPrintable(r.err));
        for (const armsandbox::Exchange &e : m_sandbox->exchanges())
            QVERIFY(e.liveRequest.value("method").toString() != QLatin1String("PUT"));

        // An ARM failure during the operation: exit 3.
        d = sampleDraft();
        d.name = QStringLiteral("vm-cli-03");
        d.nicName = QStringLiteral("nic-cli-03");
        QString why;
        QVERIFY(m_sandbox->setFaults(QStringLiteral("status=409:path=/virtualMachines/vm-cli-03:method=PUT"),
                                     &why));
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"),
                 writeDraft(d, QStringLiteral("cli3.json"))});
        QVERIFY(m_sandbox->setFaults(QString(), &why));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("virtual machine")));
    }
};

QTEST_MAIN(TestVmModels)
#include "tst_vmmodels.moc"
