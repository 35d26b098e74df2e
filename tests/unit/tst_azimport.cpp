// Import of pasted `az sig image-version create` commands: Microsoft's documented examples, shell quoting and
// continuations, what the CLI rejects (with its reason) and what it silently drops (reported).

#include "imageversion/azimport.h"

#include <QtTest>

using namespace cmk;

namespace {

const QString kSub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");

QString des(const QString &name, const QString &group = QStringLiteral("MyResourceGroup")) {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/diskEncryptionSets/%3")
        .arg(kSub, group, name);
}

AzImportResult importWithSub(const QString &command) {
    AzImportOptions options;
    options.defaultSubscriptionId = kSub;
    return AzCommandImporter::importCommand(command, options);
}

bool anyContains(const QStringList &list, const QString &needle) {
    for (const QString &s : list) {
        if (s.contains(needle))
            return true;
    }
    return false;
}

// Typed from Microsoft's how-to "Use customer-managed keys for encrypting images" (CLI section).
const char kSeedManagedImage[] =
    "az sig image-version create \\\n"
    "   -g MyResourceGroup \\\n"
    "   --gallery-image-version 1.0.0 \\\n"
    "   --location westus \\\n"
    "   --target-regions westus=2=standard_lrs eastus2 \\\n"
    "   --target-region-encryption WestUSDiskEncryptionSet1,0,WestUSDiskEncryptionSet2 "
    "EastUS2DiskEncryptionSet1,0,EastUS2DiskEncryptionSet2 \\\n"
    "   --gallery-name MyGallery \\\n"
    "   --gallery-image-definition MyImage \\\n"
    "   --managed-image \"/subscriptions/<subscription ID>/resourceGroups/myResourceGroup/providers/"
    "Microsoft.Compute/images/myImage\"\n";

// Same page, snapshot example; note "westus\" and "eastus\" glued to their continuation, and eastus where
// the encryption sets are named for East US 2.
const char kSeedSnapshots[] =
    "az sig image-version create \\\n"
    "   -g MyResourceGroup \\\n"
    "   --gallery-image-version 1.0.0 \\\n"
    "   --location westus\\\n"
    "   --target-regions westus=2=standard_lrs eastus\\\n"
    "   --target-region-encryption WestUSDiskEncryptionSet1,0,WestUSDiskEncryptionSet2 "
    "EastUS2DiskEncryptionSet1,0,EastUS2DiskEncryptionSet2 \\\n"
    "   --os-snapshot \"/subscriptions/<subscription ID>/resourceGroups/myResourceGroup/providers/"
    "Microsoft.Compute/snapshots/myOSSnapshot\" \\\n"
    "   --data-snapshot-luns 0 \\\n"
    "   --data-snapshots \"/subscriptions/<subscription ID>/resourceGroups/myResourceGroup/providers/"
    "Microsoft.Compute/snapshots/myDDSnapshot\" \\\n"
    "   --gallery-name MyGallery \\\n"
    "   --gallery-image-definition MyImage \n"
    "   \n";

const QString kMinimal =
    QStringLiteral("az sig image-version create -g rg -r gal -i def -e 1.0.0 -l westeurope "
                   "--managed-image /subscriptions/%1/resourceGroups/rg/providers/"
                   "Microsoft.Compute/images/img")
        .arg(kSub);

} // namespace

class TestAzImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedManagedImageExample() {
        const AzImportResult r = importWithSub(QString::fromUtf8(kSeedManagedImage));
        QVERIFY2(r.ok, qPrintable(r.error));
        const ImageVersionDraft &d = r.draft;
        QCOMPARE(d.subscriptionId, kSub);
        QCOMPARE(d.resourceGroup, QStringLiteral("MyResourceGroup"));
        QCOMPARE(d.galleryName, QStringLiteral("MyGallery"));
        QCOMPARE(d.imageDefinitionName, QStringLiteral("MyImage"));
        QCOMPARE(d.versionName, QStringLiteral("1.0.0"));
        QCOMPARE(d.location, QStringLiteral("westus"));
        QCOMPARE(d.sourceKind, SourceKind::ManagedImage);
        QCOMPARE(d.sourceId, QStringLiteral("/subscriptions/<subscription ID>/resourceGroups/myResourceGroup/"
                                            "providers/Microsoft.Compute/images/myImage"));
        QCOMPARE(d.dataDiskLuns(), QList<int>{0});
        QCOMPARE(d.encryption, EncryptionMode::CustomerKey);
        QCOMPARE(d.targetRegions.size(), 2);
        QCOMPARE(d.targetRegions[0].name, QStringLiteral("westus"));
        QCOMPARE(d.targetRegions[0].replicaCount, 2);
        QCOMPARE(d.targetRegions[0].storageAccountType, QStringLiteral("Standard_LRS"));
        QCOMPARE(d.targetRegions[0].osDiskDesId, des(QStringLiteral("WestUSDiskEncryptionSet1")));
        QCOMPARE(d.desFor(d.targetRegions[0], 0), des(QStringLiteral("WestUSDiskEncryptionSet2")));
        QCOMPARE(d.targetRegions[1].name, QStringLiteral("eastus2"));
        QCOMPARE(d.targetRegions[1].replicaCount, 1);
        QCOMPARE(d.targetRegions[1].osDiskDesId, des(QStringLiteral("EastUS2DiskEncryptionSet1")));
        QCOMPARE(d.desFor(d.targetRegions[1], 0), des(QStringLiteral("EastUS2DiskEncryptionSet2")));
        // The placeholder is reported; nothing suggests a region mix-up here.
        QVERIFY(anyContains(r.warnings, QStringLiteral("placeholder")));
        QVERIFY(!anyContains(r.warnings, QStringLiteral("suggests region")));
    }

    void seedSnapshotExampleAndItsRegionMistake() {
        const AzImportResult r = importWithSub(QString::fromUtf8(kSeedSnapshots));
        QVERIFY2(r.ok, qPrintable(r.error));
        const ImageVersionDraft &d = r.draft;
        QCOMPARE(d.location, QStringLiteral("westus"));
        QCOMPARE(d.sourceKind, SourceKind::Snapshots);
        QVERIFY(d.sourceId.endsWith(QStringLiteral("/snapshots/myOSSnapshot")));
        QCOMPARE(d.dataDiskSnapshots.size(), 1);
        QCOMPARE(d.dataDiskSnapshots[0].lun, 0);
        QVERIFY(d.dataDiskSnapshots[0].snapshotId.endsWith(QStringLiteral("/snapshots/myDDSnapshot")));
        QCOMPARE(d.targetRegions.size(), 2);
        QCOMPARE(d.targetRegions[1].name, QStringLiteral("eastus"));
        QCOMPARE(d.targetRegions[1].osDiskDesId, des(QStringLiteral("EastUS2DiskEncryptionSet1")));
        // The documented example targets eastus with sets named for East US 2: reported.
        QVERIFY2(
            anyContains(r.warnings, QStringLiteral("“EastUS2DiskEncryptionSet1” is used in region eastus, "
                                                   "but its name suggests region eastus2")),
            qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QVERIFY(
            anyContains(r.warnings, QStringLiteral("“EastUS2DiskEncryptionSet2” is used in region eastus")));
        QVERIFY(!anyContains(r.warnings, QStringLiteral("used in region westus")));
    }

    void subscriptionComesFromTheCommandFirst() {
        const AzImportResult r = AzCommandImporter::importCommand(
            kMinimal + QStringLiteral(" --subscription b8e4c7d2-1f5a-4e9b-a6c3-2d7f8e1b0c59"));
        QVERIFY(r.ok);
        QCOMPARE(r.draft.subscriptionId, QStringLiteral("b8e4c7d2-1f5a-4e9b-a6c3-2d7f8e1b0c59"));
        const AzImportResult fromSource = AzCommandImporter::importCommand(kMinimal);
        QVERIFY(fromSource.ok);
        QCOMPARE(fromSource.draft.subscriptionId, kSub);
        QVERIFY(anyContains(fromSource.warnings, QStringLiteral("default subscription")));
        QCOMPARE(fromSource.draft.targetRegions.size(), 1); // the CLI's default: the location only
        QCOMPARE(fromSource.draft.targetRegions[0].name, QStringLiteral("westeurope"));
    }

    void shellSyntax_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expectedTag");
        const QString base = kMinimal + QStringLiteral(" --tags ");
        QTest::newRow("single quotes") << base + QStringLiteral("'k=a b'") << QStringLiteral("a b");
        QTest::newRow("escaped single quote")
            << base + QStringLiteral("'k=it'\\''s'") << QStringLiteral("it's");
        QTest::newRow("double quotes")
            << base + QStringLiteral("\"k=say \\\"hi\\\" \\$5\"") << QStringLiteral("say \"hi\" $5");
        QTest::newRow("backslash escape") << base + QStringLiteral("k=a\\ b") << QStringLiteral("a b");
        QTest::newRow("mixed word") << base + QStringLiteral("k='a'\"b\"c") << QStringLiteral("abc");
        QTest::newRow("--opt=value") << kMinimal + QStringLiteral(" --tags=k=v") << QStringLiteral("v");
        QTest::newRow("powershell backtick")
            << QStringLiteral("az sig image-version create `\n -g rg `\r\n -r gal -i def "
                              "-e 1.0.0 -l westeurope `\n --managed-image img --tags "
                              "k=ps")
            << QStringLiteral("ps");
        QTest::newRow("cmd caret") << QStringLiteral(
                                          "az sig image-version create ^\n -g rg -r gal -i def -e 1.0.0 ^\n "
                                          "-l westeurope --managed-image img --tags k=cmd")
                                   << QStringLiteral("cmd");
        QTest::newRow("trailing blanks after continuation")
            << QStringLiteral(
                   "az sig image-version create \\   \n -g rg -r gal -i def -e 1.0.0 -l westeurope "
                   "--managed-image img --tags k=ok")
            << QStringLiteral("ok");
        QTest::newRow("comment line")
            << QStringLiteral("# create it\naz sig image-version create -g rg -r gal -i def "
                              "-e 1.0.0 -l westeurope --managed-image img --tags k=c # done")
            << QStringLiteral("c");
    }

    void shellSyntax() {
        QFETCH(QString, command);
        QFETCH(QString, expectedTag);
        const AzImportResult r = importWithSub(command);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.draft.tags.size(), 1);
        QCOMPARE(r.draft.tags[0].name, QStringLiteral("k"));
        QCOMPARE(r.draft.tags[0].value, expectedTag);
    }

    void shellSyntaxWeCannotRun_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("reason");
        QTest::newRow("variable") << kMinimal + QStringLiteral(" --tags k=$VALUE")
                                  << QStringLiteral("$VALUE");
        QTest::newRow("substitution")
            << kMinimal + QStringLiteral(" --tags \"k=$(whoami)\"") << QStringLiteral("$(");
        QTest::newRow("pipe") << kMinimal + QStringLiteral(" | jq .") << QStringLiteral("“|”");
        QTest::newRow("unclosed quote")
            << kMinimal + QStringLiteral(" --tags 'k=v") << QStringLiteral("never closed");
        QTest::newRow("two commands")
            << kMinimal + QStringLiteral("\naz group list") << QStringLiteral("more than one command");
        QTest::newRow("not the command") << QStringLiteral("az sig image-definition create -g rg")
                                         << QStringLiteral("not an “az sig image-version create” command");
    }

    void shellSyntaxWeCannotRun() {
        QFETCH(QString, command);
        QFETCH(QString, reason);
        const AzImportResult r = importWithSub(command);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QVERIFY(r.cliMessage.isEmpty());
    }

    void rejectedLikeTheCli_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("cliMessage");
        const QString source = QStringLiteral(" --managed-image img");
        QTest::newRow("missing required")
            << QStringLiteral("az sig image-version create -g rg -r gal --managed-image img")
            << QStringLiteral("the following arguments are required: "
                              "--gallery-image-definition/-i, --gallery-image-version/-e");
        QTest::newRow("no source") << QStringLiteral(
                                          "az sig image-version create -g rg -r gal -i def -e 1.0.0")
                                   << QStringLiteral(
                                          "usage error: Please provide --managed-image or --os-snapshot or "
                                          "--vhd or --virtual-machine or --image-version");
        const QString head =
            QStringLiteral("az sig image-version create -g rg -r gal -i def -e 1.0.0") + source;
        QTest::newRow("upper-case storage in name=count=type")
            << head + QStringLiteral(" --target-regions westus=2=Standard_LRS")
            << QStringLiteral(
                   "usage error: westus=2=Standard_LRS is an invalid target region argument. The third part "
                   "is not a valid storage account type. Storage account types must be one of "
                   "standard_lrs, standard_zrs, premium_lrs.");
        QTest::newRow("count not a number")
            << head + QStringLiteral(" --target-regions westus=two=standard_lrs")
            << QStringLiteral("usage error: westus=two=standard_lrs is an invalid target "
                              "region argument. The second part must be a valid "
                              "integer replica count.");
        QTest::newRow("second part neither")
            << head + QStringLiteral(" --target-regions westus=fast")
            << QStringLiteral("usage error: westus=fast is an invalid target region "
                              "argument. The second part is neither an integer replica "
                              "count or a valid storage account type. Storage account "
                              "types must be one of standard_lrs, standard_zrs, "
                              "premium_lrs.");
        QTest::newRow("encryption count mismatch")
            << head + QStringLiteral(" --target-regions westus eastus --target-region-encryption des1")
            << QStringLiteral(
                   "usage error: Length of --target-region-encryption should be as same as length of target "
                   "regions");
        QTest::newRow("lun without des")
            << head + QStringLiteral(" --target-regions westus --target-region-encryption des1,0")
            << QStringLiteral("usage error: LUN and disk encryption set for data disk should "
                              "appear in pair in --target-region-encryption. Example: "
                              "osdes,0,datades0,1,datades1");
        QTest::newRow("luns without snapshots")
            << QStringLiteral("az sig image-version create -g rg -r gal -i def -e 1.0.0 --os-snapshot s "
                              "--data-snapshot-luns 0")
            << QStringLiteral(
                   "usage error: --data-snapshot-luns must be used together with --data-snapshots");
        QTest::newRow("snapshot count mismatch")
            << QStringLiteral("az sig image-version create -g rg -r gal -i def -e 1.0.0 --os-snapshot s "
                              "--data-snapshots "
                              "a b --data-snapshot-luns 0")
            << QStringLiteral(
                   "usage error: Length of --data-snapshots and --data-snapshot-luns should be equal.");
        QTest::newRow("unknown option") << head + QStringLiteral(" --encryption-type cmk")
                                        << QStringLiteral("unrecognized arguments: --encryption-type cmk");
        QTest::newRow("missing value") << head + QStringLiteral(" --location")
                                       << QStringLiteral("argument --location/-l: expected one argument");
        QTest::newRow("bad replica count")
            << head + QStringLiteral(" --replica-count many")
            << QStringLiteral("argument --replica-count: invalid int value: 'many'");
        QTest::newRow("bad storage type")
            << head + QStringLiteral(" --storage-account-type Premium_GRS")
            << QStringLiteral("'Premium_GRS' is not a valid value for "
                              "'--storage-account-type'. Allowed values: Premium_LRS, "
                              "Standard_LRS, Standard_ZRS.");
    }

    void rejectedLikeTheCli() {
        QFETCH(QString, command);
        QFETCH(QString, cliMessage);
        const AzImportResult r = importWithSub(command);
        QVERIFY(!r.ok);
        QCOMPARE(r.cliMessage, cliMessage);
        QVERIFY(r.error.contains(cliMessage));
    }

    void silentDropsAreReported() {
        // Without --target-regions the CLI ignores --target-region-encryption without a word.
        const AzImportResult r =
            importWithSub(kMinimal + QStringLiteral(" --target-region-encryption desA,0,desB"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(anyContains(r.warnings, QStringLiteral("silently ignored")));
        QCOMPARE(r.draft.encryption, EncryptionMode::PlatformKey);
        QVERIFY(r.draft.targetRegions[0].osDiskDesId.isEmpty());

        const AzImportResult twice = importWithSub(kMinimal + QStringLiteral(" --location northeurope"));
        QVERIFY(twice.ok);
        QCOMPARE(twice.draft.location, QStringLiteral("northeurope"));
        QVERIFY(anyContains(twice.warnings, QStringLiteral("--location is given more than once")));

        const AzImportResult notKept =
            importWithSub(kMinimal + QStringLiteral(" --replication-mode Shallow --no-wait"));
        QVERIFY(notKept.ok);
        QCOMPARE(notKept.warnings.size(), 1);
        QVERIFY(notKept.warnings[0].contains(QStringLiteral("--replication-mode")));
    }

    void nullPlaceholderAndLocation() {
        const AzImportResult r = importWithSub(
            QStringLiteral("az sig image-version create -g rg -r gal -i def -e 1.0.0 --managed-image img "
                           "--target-regions westeurope=1 northeurope=premium_lrs "
                           "--target-region-encryption null,0,desData des-neu"));
        QVERIFY2(r.ok, qPrintable(r.error));
        const ImageVersionDraft &d = r.draft;
        QCOMPARE(d.location, QStringLiteral("westeurope")); // no --location: first region, with a warning
        QVERIFY(anyContains(r.warnings, QStringLiteral("no --location")));
        QVERIFY(d.targetRegions[0].osDiskDesId.isEmpty());
        QVERIFY(!d.targetRegions[0].sameDesForAllDisks);
        QCOMPARE(d.desFor(d.targetRegions[0], 0), des(QStringLiteral("desData"), QStringLiteral("rg")));
        QCOMPARE(d.targetRegions[1].storageAccountType, QStringLiteral("Premium_LRS"));
        QCOMPARE(d.targetRegions[1].osDiskDesId, des(QStringLiteral("des-neu"), QStringLiteral("rg")));
        QCOMPARE(d.sourceId,
                 QStringLiteral("/subscriptions/%1/resourceGroups/rg/providers/Microsoft.Compute/images/img")
                     .arg(kSub));
        QVERIFY(!d.targetRegions[1].sameDesForAllDisks); // LUN 0 has no set in northeurope
    }

    void regionNames() {
        QCOMPARE(AzCommandImporter::regionMentionedIn(QStringLiteral("EastUS2DiskEncryptionSet1")),
                 QStringLiteral("eastus2"));
        QCOMPARE(AzCommandImporter::regionMentionedIn(QStringLiteral("des-west-europe")),
                 QStringLiteral("westeurope"));
        QCOMPARE(AzCommandImporter::regionMentionedIn(QStringLiteral("des-weu-cmk")), QString());
    }
};

QTEST_GUILESS_MAIN(TestAzImport)
#include "tst_azimport.moc"
