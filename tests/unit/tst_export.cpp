// Export of a draft as az / PowerShell / ARM / Bicep: golden files, real bash quoting, ARM literals, and the
// round trip draft -> az -> import -> same draft.

#include "draft/commandline.h"
#include "imageversion/azimport.h"
#include "imageversion/imageversionexport.h"
#include "imageversion/imageversionsubmitter.h"
#include "support/demodraft.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cmk;

namespace {

const QString kSub = demodata::Sub;

QString desId(const QString &name, const QString &group = QStringLiteral("rg-keys-prod")) {
    return demodata::desId(name, kSub, group);
}

QString computeId(const QString &type, const QString &name) {
    return QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/%2/%3")
        .arg(kSub, type, name);
}

/// A target region whose disks use the set `desName` of rg-keys-prod.
RegionDraft region(const QString &name, int replicas, const QString &storage, const QString &desName) {
    RegionDraft r;
    r.name = name;
    r.replicaCount = replicas;
    r.storageAccountType = storage;
    r.osDiskDesId = desId(desName);
    return r;
}

/// Two regions, OS + data disk encryption (one region per disk), managed image source.
ImageVersionDraft managedImageDraft() {
    ImageVersionDraft d = demodata::imageVersionDraft(QStringLiteral("2.0.0"), SourceKind::ManagedImage);
    RegionDraft frc = region(QStringLiteral("francecentral"), 1, QStringLiteral("Standard_ZRS"),
                             QStringLiteral("des-frc-cmk"));
    frc.sameDesForAllDisks = false;
    frc.dataDiskDesIds = {{0, desId(QStringLiteral("des-frc-cmk"))},
                          {1, desId(QStringLiteral("des-frc-data"))}};
    d.targetRegions = {region(QStringLiteral("westeurope"), 2, QStringLiteral("Standard_LRS"),
                              QStringLiteral("des-weu-cmk")),
                       frc};
    d.encryption = EncryptionMode::CustomerKey;
    d.endOfLifeDate = QDate(2030, 12, 31);
    d.excludeFromLatest = true;
    d.tags = {{QStringLiteral("env"), QStringLiteral("prod")},
              {QStringLiteral("owner"), QStringLiteral("O'Brien & Co")}};
    d.normalizeEncryption();
    return d;
}

/// Two regions, double encryption, OS snapshot + two data-disk snapshots.
ImageVersionDraft snapshotDraft() {
    ImageVersionDraft d = demodata::imageVersionDraft(QStringLiteral("2.1.0"));
    d.targetRegions = {region(QStringLiteral("westeurope"), 1, QStringLiteral("Standard_LRS"),
                              QStringLiteral("des-weu-double")),
                       region(QStringLiteral("eastus2"), 3, QStringLiteral("Premium_LRS"),
                              QStringLiteral("des-eus2-double"))};
    d.defaultReplicaCount = 1;
    d.encryption = EncryptionMode::PlatformAndCustomerKeys;
    d.normalizeEncryption();
    return d;
}

/// The demo's ConfidentialVM definition from the managed image: West Europe EncryptedWithCmk with des-weu-cvm
/// and customer-managed keys for the disks, France Central NonPersistedTPM.
ImageVersionDraft confidentialDraft() {
    ImageVersionDraft d = demodata::imageVersionDraft(QStringLiteral("2.2.0"), SourceKind::ManagedImage);
    d.imageDefinitionName = QStringLiteral("ubuntu-22-04-cvm");
    d.targetRegions = {region(QStringLiteral("westeurope"), 1, QStringLiteral("Standard_LRS"),
                              QStringLiteral("des-weu-cmk")),
                       region(QStringLiteral("francecentral"), 1, QStringLiteral("Standard_LRS"),
                              QStringLiteral("des-frc-cmk"))};
    d.targetRegions[0].confidentialVmEncryptionType = QStringLiteral("EncryptedWithCmk");
    d.targetRegions[0].secureVmDesId = desId(QStringLiteral("des-weu-cvm"));
    d.targetRegions[1].confidentialVmEncryptionType = QStringLiteral("NonPersistedTPM");
    d.encryption = EncryptionMode::CustomerKey;
    d.normalizeEncryption();
    return d;
}

ImageVersionDraft draftNamed(const QString &name) {
    if (name == QLatin1String("managed-image"))
        return managedImageDraft();
    if (name == QLatin1String("confidential"))
        return confidentialDraft();
    return snapshotDraft();
}

/// Golden files end in .golden: they are expected output (data), not scripts of this project to run or lint.
QString goldenPath(const QString &name) {
    return QDir(qEnvironmentVariable("CMK_SOURCE_DIR"))
        .filePath(QStringLiteral("tests/golden/") + name + QStringLiteral(".golden"));
}

/// Arguments bash really passes to `az` for an exported command.
QStringList bashArguments(const QString &command) {
    QProcess bash;
    const QString script = QStringLiteral("az() { printf '%s\\0' \"$@\"; }\n") + command;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    if (!bash.waitForFinished(10000))
        return {QStringLiteral("<bash timed out>")};
    const QByteArray out = bash.readAllStandardOutput();
    QStringList args;
    for (const QByteArray &arg : out.split('\0'))
        args << QString::fromUtf8(arg);
    if (!args.isEmpty())
        args.removeLast(); // after the last NUL
    return args;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void golden_data() {
        QTest::addColumn<QString>("draftName");
        QTest::addColumn<int>("format");
        for (const QString &draft :
             {QStringLiteral("managed-image"), QStringLiteral("snapshots"), QStringLiteral("confidential")}) {
            for (ExportFormat format : exportFormats()) {
                const QString name = QStringLiteral("%1.%2").arg(draft, exportFormatKey(format));
                QTest::newRow(qPrintable(name)) << draft << int(format);
            }
        }
    }

    void golden() {
        QFETCH(QString, draftName);
        QFETCH(int, format);
        const ImageVersionDraft draft = draftNamed(draftName);
        const ExportResult result = ImageVersionExporter::exportDraft(draft, ExportFormat(format));
        QVERIFY2(result.notes.isEmpty(), qPrintable(result.notes.join(QLatin1Char('\n'))));
        const QString file = goldenPath(
            QStringLiteral("export-%1%2").arg(draftName, exportFormatSuffix(ExportFormat(format))));
        if (qEnvironmentVariableIsSet("CMK_UPDATE_GOLDEN")) {
            QDir().mkpath(QFileInfo(file).absolutePath());
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(result.text.toUtf8());
        }
        QFile golden(file);
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(file));
        QCOMPARE(result.text, QString::fromUtf8(golden.readAll()));
    }

    void azCommandHasCliSyntax() {
        const QString text = ImageVersionExporter::azureCli(managedImageDraft()).text;
        QVERIFY(text.contains(
            QStringLiteral("--target-regions westeurope=2=standard_lrs francecentral=1=standard_zrs")));
        QVERIFY(text.contains(
            QStringLiteral("--target-region-encryption ") + desId(QStringLiteral("des-weu-cmk")) +
            QStringLiteral(",0,") + desId(QStringLiteral("des-weu-cmk")) + QStringLiteral(",1,") +
            desId(QStringLiteral("des-weu-cmk")) + QLatin1Char(' ') + desId(QStringLiteral("des-frc-cmk")) +
            QStringLiteral(",0,") + desId(QStringLiteral("des-frc-cmk")) + QStringLiteral(",1,") +
            desId(QStringLiteral("des-frc-data"))));
        QVERIFY(text.contains(QStringLiteral("--end-of-life-date 2030-12-31T00:00:00Z")));
        QVERIFY(text.contains(QStringLiteral("--tags env=prod 'owner=O'\\''Brien & Co'")));

        const QString snapshots = ImageVersionExporter::azureCli(snapshotDraft()).text;
        QVERIFY(snapshots.contains(QStringLiteral("--data-snapshot-luns 0 1")));
        QVERIFY(snapshots.contains(QStringLiteral("eastus2=3=premium_lrs")));
    }

    void armTemplateMatchesThePutBody() {
        const ImageVersionDraft draft = snapshotDraft();
        const nlohmann::json doc =
            nlohmann::json::parse(ImageVersionExporter::armTemplate(draft).text.toStdString());
        const nlohmann::json &resource = doc["resources"][0];
        QCOMPARE(QString::fromStdString(resource["type"].get<std::string>()),
                 QStringLiteral("Microsoft.Compute/galleries/images/versions"));
        QCOMPARE(QString::fromStdString(resource["apiVersion"].get<std::string>()),
                 QStringLiteral("2025-12-03"));
        QCOMPARE(QString::fromStdString(resource["name"].get<std::string>()),
                 QStringLiteral("galContosoProd/ubuntu-22-04-gen2/2.1.0"));
        const nlohmann::json put = buildImageVersionRequest(draft).body;
        QCOMPARE(resource["properties"].dump(), put["properties"].dump());
        QCOMPARE(resource["location"], put["location"]);
    }

    void bashQuotingSurvivesRealBash() {
        ImageVersionDraft draft = managedImageDraft();
        draft.resourceGroup = QStringLiteral("rg (prod)");
        draft.tags = {{QStringLiteral("cmd"), QStringLiteral("$(touch /tmp/pwned) `id` ${HOME} \"x\" 'y'")},
                      {QStringLiteral("multi"), QStringLiteral("line one\nline two")},
                      {QStringLiteral("glob"), QStringLiteral("* ? [a] ~ ! # ; | &")},
                      {QStringLiteral("typo"), QStringLiteral("l’apostrophe ‘x’")},
                      {QStringLiteral("dash"), QStringLiteral("-starts-with-dash")}};
        const QString command = ImageVersionExporter::azureCli(draft).text;
        const QStringList args = bashArguments(command);
        QVERIFY2(args.size() > 10, qPrintable(command));
        const int rg = args.indexOf(QStringLiteral("--resource-group"));
        QVERIFY(rg >= 0);
        QCOMPARE(args.at(rg + 1), QStringLiteral("rg (prod)"));
        const int tags = args.indexOf(QStringLiteral("--tags"));
        QVERIFY(tags >= 0);
        for (int i = 0; i < draft.tags.size(); ++i)
            QCOMPARE(args.at(tags + 1 + i),
                     draft.tags.at(i).name + QLatin1Char('=') + draft.tags.at(i).value);

        // Our own importer reads the same words as bash.
        const AzImportResult imported = AzCommandImporter::importCommand(command);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QCOMPARE(imported.draft.tags, draft.tags);
        QCOMPARE(imported.draft.resourceGroup, draft.resourceGroup);
    }

    void powerShellQuoting() {
        QCOMPARE(powerShellQuote(QStringLiteral("O'Brien")), QStringLiteral("'O''Brien'"));
        // PowerShell treats typographic single quotes as quotes too.
        QCOMPARE(powerShellQuote(QStringLiteral("l’x")), QStringLiteral("'l’’x'"));
        QCOMPARE(powerShellQuote(QStringLiteral("$env:PATH `n")),
                 QStringLiteral("'$env:PATH `n'"));
        ImageVersionDraft draft = managedImageDraft();
        draft.tags = {{QStringLiteral("a'b"), QStringLiteral("c'd")}};
        const QString script = ImageVersionExporter::powerShell(draft).text;
        QVERIFY(script.contains(QStringLiteral("-Tag @{ 'a''b' = 'c''d' }")));
        QVERIFY(script.contains(QStringLiteral("DataDiskImages = @(")));
        QVERIFY(script.contains(QStringLiteral("@{ Lun = 1; DiskEncryptionSetId = '") +
                                desId(QStringLiteral("des-frc-data")) + QStringLiteral("' }")));
    }

    void bicepAndArmEscaping() {
        QCOMPARE(ImageVersionExporter::bicepQuote(QStringLiteral("it's ${x} \\ $y\n")),
                 QStringLiteral("'it\\'s \\${x} \\\\ $y\\n'"));
        QCOMPARE(ImageVersionExporter::armLiteral(QStringLiteral("[concat('a')]")),
                 QStringLiteral("[[concat('a')]"));
        QCOMPARE(ImageVersionExporter::armLiteral(QStringLiteral("a[0]")), QStringLiteral("a[0]"));
        ImageVersionDraft draft = managedImageDraft();
        draft.tags = {{QStringLiteral("expr"), QStringLiteral("[subscription().id]")},
                      {QStringLiteral("my key"), QStringLiteral("${x}")}};
        const nlohmann::json doc =
            nlohmann::json::parse(ImageVersionExporter::armTemplate(draft).text.toStdString());
        QCOMPARE(doc["resources"][0]["tags"]["expr"].get<std::string>(), std::string("[[subscription().id]"));
        const QString bicep = ImageVersionExporter::bicep(draft).text;
        QVERIFY(bicep.contains(QStringLiteral("    expr: '[subscription().id]'")));
        QVERIFY(bicep.contains(QStringLiteral("    'my key': '\\${x}'")));
    }

    void roundTripThroughAz_data() {
        QTest::addColumn<QString>("draftName");
        QTest::newRow("managed-image") << QStringLiteral("managed-image");
        QTest::newRow("snapshots") << QStringLiteral("snapshots");
        QTest::newRow("confidential") << QStringLiteral("confidential");
    }

    void roundTripThroughAz() {
        QFETCH(QString, draftName);
        const ImageVersionDraft draft = draftNamed(draftName);
        const ExportResult exported = ImageVersionExporter::azureCli(draft);
        const AzImportResult imported = AzCommandImporter::importCommand(exported.text);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QVERIFY2(imported.warnings.isEmpty(), qPrintable(imported.warnings.join(QLatin1Char('\n'))));
        for (const QString &note : imported.notes)
            QVERIFY2(!note.contains(QStringLiteral("end-of-life")) &&
                         !note.contains(QStringLiteral("end of life")),
                     qPrintable(note));
        ImageVersionDraft back = imported.draft;
        // The CLI names disk encryption sets, not their type: the import assumes a customer-managed key and
        // says so.
        QCOMPARE(back.encryption, EncryptionMode::CustomerKey);
        if (draft.encryption != back.encryption) {
            QVERIFY(!imported.notes.isEmpty());
            back.encryption = draft.encryption;
        }
        QCOMPARE(back.toJson().dump(2), draft.toJson().dump(2));
        QVERIFY(back == draft);
    }

    void reviewedVersionExports() {
        // A version as GET returns it (display-name regions, no draft) exports to a command that imports
        // back.
        GalleryImageVersion version;
        version.id =
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                           "galleries/galContosoProd/images/ubuntu-22-04-gen2/versions/1.1.0")
                .arg(kSub);
        version.location = QStringLiteral("West Europe");
        version.replicaCount = 1;
        version.storageProfile.sourceId =
            computeId(QStringLiteral("images"), QStringLiteral("img-ubuntu2204-web"));
        GalleryDiskImage data;
        data.lun = 0;
        version.storageProfile.dataDiskImages.push_back(data);
        TargetRegion region;
        region.name = QStringLiteral("France Central");
        region.regionalReplicaCount = 1;
        EncryptionImages encryption;
        encryption.osDiskImage = DiskImageEncryption{desId(QStringLiteral("des-frc-cmk"))};
        encryption.dataDiskImages.push_back({0, desId(QStringLiteral("des-frc-cmk"))});
        region.encryption = encryption;
        version.targetRegions.push_back(region);
        region.name = QStringLiteral("West Europe");
        region.encryption->osDiskImage = DiskImageEncryption{desId(QStringLiteral("des-weu-cmk"))};
        region.encryption->dataDiskImages[0].diskEncryptionSetId = desId(QStringLiteral("des-weu-cmk"));
        version.targetRegions.push_back(region);
        const ImageVersionDraft draft = draftFromImageVersion(version);
        QCOMPARE(draft.versionName, QStringLiteral("1.1.0"));
        QCOMPARE(draft.location, QStringLiteral("westeurope"));
        QCOMPARE(draft.targetRegions.first().name, QStringLiteral("westeurope"));
        QCOMPARE(draft.encryption, EncryptionMode::CustomerKey);
        QCOMPARE(draft.dataDiskLuns(), QList<int>{0});
        const AzImportResult imported = AzCommandImporter::importCommand(ImageVersionExporter::azureCli(draft).text);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QVERIFY(imported.draft == draft);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
