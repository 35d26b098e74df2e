// Confidential VM images headless: `cmkwizard create` refuses each Confidential VM rule with its reason (exit
// 2) and sends the security profile when the draft keeps them; `import-az --target-region-cvm-encryption` and
// `export` carry it; `create-vm` from the demo's Confidential VM version sends a Confidential VM. Real
// executable, in-process armsandbox.

#include "draft/draftstore.h"
#include "support/cmkwizardprocess.h"
#include "support/wizardharness.h"
#include "vm/vmdraft.h"

#include <QTemporaryDir>

using namespace wizardtest;

namespace {

using Result = cmktest::CmkwizardRun;

const QString kCvmVersion =
    QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/"
                   "Microsoft.Compute/galleries/galContosoProd/images/ubuntu-22-04-cvm/"
                   "versions/1.0.0")
        .arg(Sub);

/// Version `version` of the demo's ConfidentialVM definition (demodata::confidentialDraft).
cmk::ImageVersionDraft cvmDraft(const QString &version) {
    return demodata::confidentialDraft(version);
}

cmk::RegionDraft region(const QString &name, const QString &type) {
    cmk::RegionDraft r;
    r.name = name;
    r.confidentialVmEncryptionType = type;
    return r;
}

} // namespace

class TestCliConfidential : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox;
    int m_files = 0;

    QString writeDraft(const cmk::ImageVersionDraft &draft) {
        return demodata::writeDraftFile(m_dir.filePath(QStringLiteral("draft-%1.json").arg(++m_files)),
                                        draft);
    }

    Result run(const QStringList &args) {
        return cmktest::runCmkwizard(
            QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--arm-endpoint"),
                        m_sandbox.baseUrl().toString()} +
                args,
            cmktest::headlessEnvironment(m_dir, QStringLiteral("not-a-real-token")), 45000);
    }

    Result create(const cmk::ImageVersionDraft &draft) {
        return run({QStringLiteral("create"), QStringLiteral("--draft"), writeDraft(draft),
                    QStringLiteral("--poll-interval"), QStringLiteral("0.01")});
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(cmktest::cmkwizardBuilt(), "run through ctest (CMK_BIN_DIR)");
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 1;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
    }

    void init() { m_sandbox.clearExchanges(); }

    void profileIsRequiredByTheDefinitionItself() {
        // The draft does not know its definition is confidential (as after import-az): the live check reads
        // it.
        cmk::ImageVersionDraft d = cvmDraft(QStringLiteral("4.0.0"));
        d.imageSecurityType.clear();
        d.targetRegions[0].confidentialVmEncryptionType.clear();
        d.targetRegions[0].secureVmDesId.clear();
        const Result r = create(d);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     QLatin1String("westeurope: the regional encryption.osDiskImage.securityProfile.type "
                                   "must be specified when the SecurityType of the image definition is "
                                   "ConfidentialVM.")),
                 qPrintable(r.err));
        QCOMPARE(versionPuts(m_sandbox).size(), 0);
    }

    void onlyTheHomeRegionUnlessNonPersistedTpm() {
        cmk::ImageVersionDraft d = cvmDraft(QStringLiteral("4.0.1"));
        d.targetRegions.append(region(QStringLiteral("francecentral"), QStringLiteral("EncryptedWithPmk")));
        const Result r = run({QStringLiteral("create"), QStringLiteral("--draft"), writeDraft(d),
                              QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     QLatin1String("Only the home region 'westeurope' can be specified as a target region "
                                   "for Images with the ConfidentialVM feature unless the Confidential VM "
                                   "encryption type is set to 'NonPersistedTPM'.")),
                 qPrintable(r.err));
        QCOMPARE(m_sandbox.exchanges().size(), 0);
    }

    void encryptedWithCmkNeedsASecureSetOfItsType() {
        cmk::ImageVersionDraft d = cvmDraft(QStringLiteral("4.0.2"));
        d.targetRegions[0].secureVmDesId.clear();
        Result r = create(d);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("Choose a secure-VM disk encryption set (type "
                                              "ConfidentialVmEncryptedWithCustomerKey) for westeurope")),
                 qPrintable(r.err));

        d.targetRegions[0].secureVmDesId = desId(QStringLiteral("des-weu-cmk"));
        r = create(d);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     QStringLiteral("The secure-VM disk encryption set “des-weu-cmk” of westeurope is not in "
                                    "that region, not in this subscription, or not of type "
                                    "ConfidentialVmEncryptedWithCustomerKey.")),
                 qPrintable(r.err));

        d.targetRegions[0].confidentialVmEncryptionType = QStringLiteral("EncryptedWithPmk");
        d.targetRegions[0].secureVmDesId = desId(QStringLiteral("des-weu-cvm"));
        r = create(d);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.contains(QLatin1String("only the confidential VM encryption type EncryptedWithCmk uses")),
            qPrintable(r.err));
        QCOMPARE(versionPuts(m_sandbox).size(), 0);
    }

    void profileOnAStandardDefinitionIsRefused() {
        cmk::ImageVersionDraft d = cvmDraft(QStringLiteral("4.0.3"));
        d.imageDefinitionName = QStringLiteral("ubuntu-22-04-gen2");
        const Result r = create(d);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("is not a Confidential VM image")), qPrintable(r.err));
        QCOMPARE(versionPuts(m_sandbox).size(), 0);
    }

    void createsWithTheSecurityProfile() {
        Result r = create(cvmDraft(QStringLiteral("4.1.0")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QList<QJsonObject> puts = versionPuts(m_sandbox);
        QCOMPARE(puts.size(), 1);
        const QString profile = QStringLiteral(
            "properties.publishingProfile.targetRegions.%1.encryption.osDiskImage.securityProfile.%2");
        QCOMPARE(
            at(puts.first(), profile.arg(0).arg(QLatin1String("confidentialVMEncryptionType"))).toString(),
            QStringLiteral("EncryptedWithCmk"));
        QCOMPARE(
            at(puts.first(), profile.arg(0).arg(QLatin1String("secureVMDiskEncryptionSetId"))).toString(),
            desId(QStringLiteral("des-weu-cvm")));

        // NonPersistedTPM replicates beyond the home region.
        m_sandbox.clearExchanges();
        cmk::ImageVersionDraft d = cvmDraft(QStringLiteral("4.1.1"));
        d.targetRegions[0].confidentialVmEncryptionType = QStringLiteral("NonPersistedTPM");
        d.targetRegions[0].secureVmDesId.clear();
        d.targetRegions.append(region(QStringLiteral("francecentral"), QStringLiteral("NonPersistedTPM")));
        r = create(d);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        puts = versionPuts(m_sandbox);
        QCOMPARE(puts.size(), 1);
        QCOMPARE(
            at(puts.first(), profile.arg(1).arg(QLatin1String("confidentialVMEncryptionType"))).toString(),
            QStringLiteral("NonPersistedTPM"));
    }

    void importAzAndExport() {
        const QString draft = m_dir.filePath(QStringLiteral("imported.json"));
        const QString command =
            QStringLiteral(
                "az sig image-version create -g rg-images-prod -r galContosoProd -i ubuntu-22-04-cvm "
                "-e 4.2.0 --subscription %1 --managed-image %2 --target-regions westeurope francecentral "
                "--target-region-cvm-encryption EncryptedWithCmk,%3 NonPersistedTPM,")
                .arg(Sub, buildId(QStringLiteral("images/img-ubuntu2204-web")),
                     QStringLiteral("des-weu-cvm"));
        Result r = run({QStringLiteral("import-az"), QStringLiteral("--command"), command,
                        QStringLiteral("--out"), draft});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        cmk::ImageVersionDraft imported;
        QString why;
        QVERIFY2(cmk::DraftStore::load(draft, &imported, &why), qPrintable(why));
        QCOMPARE(imported.targetRegions.size(), 2);
        QCOMPARE(imported.targetRegions[0].confidentialVmEncryptionType, QStringLiteral("EncryptedWithCmk"));
        QCOMPARE(imported.targetRegions[0].secureVmDesId,
                 desId(QStringLiteral("des-weu-cvm"), Sub, QStringLiteral("rg-images-prod")));
        QCOMPARE(imported.targetRegions[1].confidentialVmEncryptionType, QStringLiteral("NonPersistedTPM"));
        QVERIFY(imported.targetRegions[1].secureVmDesId.isEmpty());

        r = run({QStringLiteral("export"), QStringLiteral("--draft"), draft, QStringLiteral("--format"),
                 QStringLiteral("az")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(
                     QStringLiteral("--target-region-cvm-encryption EncryptedWithCmk,%1 NonPersistedTPM,")
                         .arg(desId(QStringLiteral("des-weu-cvm"), Sub, QStringLiteral("rg-images-prod")))),
                 qPrintable(r.out));
        r = run({QStringLiteral("export"), QStringLiteral("--draft"), draft, QStringLiteral("--format"),
                 QStringLiteral("powershell")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("OSDiskImage = @{ CVMEncryptionType = 'NonPersistedTPM' }")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("securityProfile")));

        // A wrong type is refused as the Azure CLI refuses it.
        r = run(
            {QStringLiteral("import-az"), QStringLiteral("--command"),
             QString(command).replace(QLatin1String("NonPersistedTPM,"), QLatin1String("NonPersistedTPM")),
             QStringLiteral("--out"), m_dir.filePath(QStringLiteral("bad.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     QLatin1String("Both os_cvm_encryption_type and os_cvm_des parameters are required")),
                 qPrintable(r.err));
    }

    void reviewShowsItPerRegion() {
        Result r = run({QStringLiteral("review"), QStringLiteral("--id"), kCvmVersion,
                        QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject region = QJsonDocument::fromJson(r.out.toUtf8())
                                       .object()
                                       .value(QLatin1String("regions"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(
            at(region, QStringLiteral("confidentialVmEncryption.confidentialVMEncryptionType")).toString(),
            QStringLiteral("EncryptedWithCmk"));
        QCOMPARE(
            at(region, QStringLiteral("confidentialVmEncryption.secureVMDiskEncryptionSetId")).toString(),
            desId(QStringLiteral("des-weu-cvm")));
        r = run({QStringLiteral("review"), QStringLiteral("--id"), kCvmVersion});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(
                     QStringLiteral("    Confidential VM: EncryptedWithCmk — secure-VM set: des-weu-cvm "
                                    "(rg-keys-prod)")),
                 qPrintable(r.out));
    }

    void createVmFromTheConfidentialVersion() {
        cmk::VmDraft d =
            demodata::buildVmDraft(QStringLiteral("cvm-01"), kCvmVersion, {QStringLiteral("westeurope")});
        d.imageSecurityType = QStringLiteral("ConfidentialVM");
        d.authType = cmk::VmAuthType::Password;
        d.adminPassword = QStringLiteral("Sandbox-Passw0rd!");
        d.encryption = cmk::EncryptionMode::PlatformKey;
        d.securityEncryptionType = QStringLiteral("DiskWithVMGuestState");
        d.secureVmDesId = desId(QStringLiteral("des-weu-cvm"));
        const auto write = [this](const cmk::VmDraft &vm) {
            const QString path = m_dir.filePath(QStringLiteral("vm-%1.json").arg(++m_files));
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.write(QByteArray::fromStdString(vm.toJson(true).dump(2)));
            return path;
        };
        Result r = run(
            {QStringLiteral("create-vm"), QStringLiteral("--draft"), write(d), QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("the size Standard_D2s_v5 cannot run Confidential VMs")),
                 qPrintable(r.err));

        d.size = QStringLiteral("Standard_DC2as_v5");
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"), write(d), QStringLiteral("--export"),
                 QStringLiteral("az")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.out.contains(QStringLiteral("--security-type ConfidentialVM")) &&
                r.out.contains(QStringLiteral("--os-disk-security-encryption-type DiskWithVMGuestState")) &&
                r.out.contains(QStringLiteral("--os-disk-secure-vm-disk-encryption-set %1")
                                   .arg(desId(QStringLiteral("des-weu-cvm")))),
            qPrintable(r.out));
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"), write(d), QStringLiteral("--export"),
                 QStringLiteral("powershell")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String(
                     "-SecurityEncryptionType 'DiskWithVMGuestState' -SecureVMDiskEncryptionSet")) &&
                     r.out.contains(
                         QLatin1String("Set-AzVMSecurityProfile -VM $vm -SecurityType 'ConfidentialVM'")),
                 qPrintable(r.out));
        m_sandbox.clearExchanges();
        r = run({QStringLiteral("create-vm"), QStringLiteral("--draft"), write(d)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject vmPut;
        for (const armsandbox::Exchange &e : m_sandbox.exchanges()) {
            if (e.liveRequest.value("method").toString() == QLatin1String("PUT") &&
                e.liveRequest.value("url").toString().contains(QLatin1String("/virtualMachines/cvm-01")))
                vmPut = e.liveRequest.value("body").toObject();
        }
        QCOMPARE(at(vmPut, QStringLiteral("properties.securityProfile.securityType")).toString(),
                 QStringLiteral("ConfidentialVM"));
        QCOMPARE(at(vmPut, QStringLiteral("properties.securityProfile.uefiSettings.vTpmEnabled")).toBool(),
                 true);
        QCOMPARE(at(vmPut, QStringLiteral("properties.storageProfile.osDisk.managedDisk.securityProfile."
                                          "securityEncryptionType"))
                     .toString(),
                 QStringLiteral("DiskWithVMGuestState"));
        QCOMPARE(at(vmPut, QStringLiteral("properties.storageProfile.osDisk.managedDisk.securityProfile."
                                          "diskEncryptionSet.id"))
                     .toString(),
                 desId(QStringLiteral("des-weu-cvm")));
    }
};

QTEST_GUILESS_MAIN(TestCliConfidential)
#include "tst_cli_confidential.moc"
