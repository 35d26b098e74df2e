// Updating an existing image version (issue 17, part 1) against an in-process armsandbox over HTTP:
// `cmkwizard edit` writes the demo's version 1.1.0 (customer-managed keys in West Europe and France Central)
// as an update draft; `cmkwizard update --dry-run` prints the PATCH and sends nothing; `update` adds a region
// with its disk encryption set end to end (PATCH, long-running operation, replication progress, a GET shows
// the region replicated); every update rule is refused headless (exit 2, the reason, no PATCH sent); and
// armsandbox refuses the same updates from a client that checks nothing, as the service does.

#include "support/cmkwizardprocess.h"
#include "support/demodraft.h"
#include "support/sandboxhttp.h"
#include "support/wizardharness.h"

#include "arm/resources.h"
#include "draft/draftstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace wizardtest;

namespace {

using Result = cmktest::CmkwizardRun;

const QString kApiVersion = QStringLiteral("2025-03-03");

QString versionId() {
    return demodata::imageVersionId(QStringLiteral("1.1.0"));
}

QJsonObject encryptionWith(const QString &des) {
    return QJsonObject{
        {QStringLiteral("osDiskImage"), QJsonObject{{QStringLiteral("diskEncryptionSetId"), des}}},
        {QStringLiteral("dataDiskImages"),
         QJsonArray{QJsonObject{{QStringLiteral("lun"), 0}, {QStringLiteral("diskEncryptionSetId"), des}},
                    QJsonObject{{QStringLiteral("lun"), 1}, {QStringLiteral("diskEncryptionSetId"), des}}}}};
}

QJsonObject region(const QString &name, const QString &des, const QString &storage = {}) {
    QJsonObject r{{QStringLiteral("name"), name}};
    if (!des.isEmpty())
        r.insert(QStringLiteral("encryption"), encryptionWith(des));
    if (!storage.isEmpty())
        r.insert(QStringLiteral("storageAccountType"), storage);
    return r;
}

} // namespace

class TestCliUpdate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox; // the demo, SIGEncryption registered
    QJsonObject m_original;        // version 1.1.0 as the fixture has it
    int m_files = 0;

    Result run(const QString &command, const QStringList &args) {
        QProcessEnvironment env = cmktest::headlessEnvironment(m_dir, QStringLiteral("not-a-real-token"));
        return cmktest::runCmkwizard(QStringList{command, QStringLiteral("--lang"), QStringLiteral("en"),
                                                 QStringLiteral("--arm-endpoint"),
                                                 m_sandbox.baseUrl().toString()} +
                                         args,
                                     env);
    }
    /// `cmkwizard edit` of 1.1.0, read back.
    cmk::ImageVersionDraft edit() {
        const QString path = m_dir.filePath(QStringLiteral("edit-%1.json").arg(++m_files));
        const Result r =
            run(QStringLiteral("edit"), {QStringLiteral("--id"), versionId(), QStringLiteral("--out"), path});
        cmk::ImageVersionDraft draft;
        QString why;
        if (r.exitCode != 0 || !cmk::DraftStore::load(path, &draft, &why))
            qWarning("edit failed (%d): %s %s", r.exitCode, qPrintable(r.err), qPrintable(why));
        return draft;
    }
    Result update(const cmk::ImageVersionDraft &draft, const QStringList &extra = {}) {
        const QString path = m_dir.filePath(QStringLiteral("update-%1.json").arg(++m_files));
        return run(QStringLiteral("update"),
                   QStringList{QStringLiteral("--draft"), demodata::writeDraftFile(path, draft),
                               QStringLiteral("--poll-interval"), QStringLiteral("0.02")} +
                       extra);
    }
    QList<QJsonObject> versionPatches() const {
        QList<QJsonObject> out;
        for (const armsandbox::Exchange &exchange : m_sandbox.exchanges()) {
            if (exchange.liveRequest.value(QStringLiteral("method")).toString() == QLatin1String("PATCH"))
                out << exchange.liveRequest.value(QStringLiteral("body")).toObject();
        }
        return out;
    }
    int versionReads() const {
        int reads = 0;
        for (const armsandbox::Exchange &exchange : m_sandbox.exchanges()) {
            const QJsonObject request = exchange.liveRequest;
            if (request.value(QStringLiteral("method")).toString() == QLatin1String("GET") &&
                request.value(QStringLiteral("url")).toString().contains(QLatin1String("/versions/1.1.0")))
                ++reads;
        }
        return reads;
    }
    sandboxtest::HttpResult rawPatch(const QJsonObject &properties) {
        sandboxtest::Http http;
        const QJsonDocument body(QJsonObject{{QStringLiteral("properties"), properties}});
        return http.call("PATCH", sandboxtest::armUrl(m_sandbox.baseUrl(), versionId(), kApiVersion),
                         body.toJson(QJsonDocument::Compact));
    }
    static QJsonObject publishing(const QJsonArray &regions, const QJsonObject &extra = {}) {
        QJsonObject profile = extra;
        profile.insert(QStringLiteral("targetRegions"), regions);
        return QJsonObject{{QStringLiteral("publishingProfile"), profile},
                           {QStringLiteral("storageProfile"), QJsonObject{}}};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(cmktest::cmkwizardBuilt(), "run through ctest (CMK_BIN_DIR)");
        QString why;
        QVERIFY2(sandboxtest::startDemoKeeping(m_sandbox, m_dir, versionId(), &m_original, &why), qPrintable(why));
    }

    void init() {
        m_sandbox.setResource(m_original);
        m_sandbox.clearExchanges();
    }

    void editWritesTheVersionAsAnUpdateDraft() {
        const cmk::ImageVersionDraft d = edit();
        QVERIFY(d.isUpdate());
        QVERIFY(cmk::sameResourceId(d.versionId, versionId()));
        QCOMPARE(d.versionName, QStringLiteral("1.1.0"));
        QCOMPARE(d.location, QStringLiteral("westeurope"));
        QCOMPARE(d.sourceKind, cmk::SourceKind::ManagedImage);
        QCOMPARE(d.encryption, cmk::EncryptionMode::CustomerKey);
        QCOMPARE(d.targetRegions.size(), 2);
        QCOMPARE(d.targetRegions.at(0).name, QStringLiteral("westeurope"));
        QCOMPARE(d.targetRegions.at(0).replicaCount, 2);
        QCOMPARE(d.targetRegions.at(1).name, QStringLiteral("francecentral"));
        QCOMPARE(d.targetRegions.at(1).storageAccountType, QStringLiteral("Standard_LRS"));
        QCOMPARE(d.desFor(d.targetRegions.at(1), 1), desId(QStringLiteral("des-frc-cmk")));
        QCOMPARE(d.dataDiskLuns(), (QList<int>{0, 1}));
    }

    void dryRunPrintsThePatchAndSendsNothing() {
        const cmk::ImageVersionDraft d = demodata::withTargetRegion(edit(), QStringLiteral("eastus2"),
                                                                    desId(QStringLiteral("des-eus2-cmk")));
        m_sandbox.clearExchanges();
        const Result r = update(d, {QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QVERIFY2(lines.first().startsWith(QLatin1String("PATCH ")), qPrintable(r.out));
        QVERIFY(lines.first().contains(QLatin1String("/versions/1.1.0?api-version=")));
        const QJsonObject body =
            QJsonDocument::fromJson(r.out.section(QLatin1Char('\n'), 2).toUtf8()).object();
        QCOMPARE(at(body, QStringLiteral("properties.publishingProfile.targetRegions.2.name")).toString(),
                 QStringLiteral("eastus2"));
        QCOMPARE(at(body, QStringLiteral("properties.storageProfile")).toObject(), QJsonObject{});
        QVERIFY(
            !body.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("safetyProfile")));
        QVERIFY(m_sandbox.exchanges().isEmpty());
    }

    // Edit, add a region with its set, update: the PATCH's operation completes, and the version is
    // replicated there.
    void addingARegionWithItsSetRunsEndToEnd() {
        const cmk::ImageVersionDraft d = demodata::withTargetRegion(edit(), QStringLiteral("eastus2"),
                                                                    desId(QStringLiteral("des-eus2-cmk")));
        const Result r = update(d);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(cmk::sameResourceId(r.out.trimmed(), versionId()), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("The image version was updated and replicated.")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("East US 2")), qPrintable(r.err));
        const QList<QJsonObject> patches = versionPatches();
        QCOMPARE(patches.size(), 1);
        QCOMPARE(at(patches.first(), QStringLiteral("properties.publishingProfile.targetRegions.2.encryption."
                                                    "dataDiskImages.1.diskEncryptionSetId"))
                     .toString(),
                 desId(QStringLiteral("des-eus2-cmk")));

        sandboxtest::Http http;
        const sandboxtest::HttpResult got = http.get(sandboxtest::armUrl(
            m_sandbox.baseUrl(), versionId(), kApiVersion, QStringLiteral("$expand=ReplicationStatus")));
        QCOMPARE(got.status, 200);
        const QJsonObject version = QJsonDocument::fromJson(got.body).object();
        QCOMPARE(at(version, QStringLiteral("properties.provisioningState")).toString(),
                 QStringLiteral("Succeeded"));
        QCOMPARE(at(version, QStringLiteral("properties.publishingProfile.targetRegions")).toArray().size(),
                 3);
        const QJsonArray summary =
            at(version, QStringLiteral("properties.replicationStatus.summary")).toArray();
        QCOMPARE(summary.size(), 3);
        QCOMPARE(at(summary.at(2), QStringLiteral("region")).toString(), QStringLiteral("eastus2"));
        QCOMPARE(at(summary.at(2), QStringLiteral("state")).toString(), QStringLiteral("Completed"));
        QCOMPARE(at(version, QStringLiteral("properties.replicationStatus.aggregatedState")).toString(),
                 QStringLiteral("Completed"));
    }

    void rulesAreRefusedBeforeSending_data() {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("platform key") << 0 << QStringLiteral("cannot go back to platform-managed keys");
        QTest::newRow("home region") << 1 << QStringLiteral("home region westeurope");
        QTest::newRow("replicated region") << 2 << QStringLiteral("allowDeletionOfReplicatedLocations");
        QTest::newRow("storage type")
            << 3
            << QStringLiteral("Global storage account type does not match the storage "
                              "account type in the existing TargetRegion");
        QTest::newRow("set of another type") << 4 << QStringLiteral("des-eus2-double");
        QTest::newRow("source") << 5 << QStringLiteral("source of an existing image version is locked");
    }
    void rulesAreRefusedBeforeSending() {
        QFETCH(int, change);
        QFETCH(QString, reason);
        cmk::ImageVersionDraft d = edit();
        QVERIFY(d.isUpdate());
        switch (change) {
        case 0:
            d.encryption = cmk::EncryptionMode::PlatformKey;
            break;
        case 1:
            d.targetRegions.removeFirst();
            break;
        case 2:
            d.targetRegions.removeLast();
            break;
        case 3:
            d.targetRegions[1].storageAccountType = QStringLiteral("Standard_ZRS");
            break;
        case 4:
            d = demodata::withTargetRegion(d, QStringLiteral("eastus2"),
                                           desId(QStringLiteral("des-eus2-double")));
            break;
        default:
            d.sourceId = demodata::buildId(QStringLiteral("images/img-other"));
        }
        const Result r = update(d);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QVERIFY(versionReads() >= 1 || change == 0 || change == 1); // the rules compare with the version read
        QVERIFY(versionPatches().isEmpty());
    }

    void replicatedRegionGoesWhenAllowed() {
        cmk::ImageVersionDraft d = edit();
        d.targetRegions.removeLast();
        const Result r = update(d, {QStringLiteral("--allow-region-removal")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QJsonObject> patches = versionPatches();
        QCOMPARE(patches.size(), 1);
        QCOMPARE(at(patches.first(),
                    QStringLiteral("properties.safetyProfile.allowDeletionOfReplicatedLocations")),
                 QJsonValue(true));
        QCOMPARE(
            at(m_sandbox.resource(versionId()), QStringLiteral("properties.publishingProfile.targetRegions"))
                .toArray()
                .size(),
            1);
    }

    void createRefusesAnUpdateDraft() {
        const QString path = m_dir.filePath(QStringLiteral("create-update.json"));
        const Result r = run(QStringLiteral("create"),
                             {QStringLiteral("--draft"), demodata::writeDraftFile(path, edit())});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("send it with cmkwizard update")), qPrintable(r.err));
        QVERIFY(versionPuts(m_sandbox).isEmpty());
    }

    // A client that checks nothing meets the service's refusals.
    void sandboxRefusesAsTheServiceDoes_data() {
        QTest::addColumn<QJsonObject>("properties");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QString weu = desId(QStringLiteral("des-weu-cmk"));
        const QString frc = desId(QStringLiteral("des-frc-cmk"));
        QTest::newRow("platform key") << publishing({region(QStringLiteral("westeurope"), {}),
                                                     region(QStringLiteral("francecentral"), frc)})
                                      << QStringLiteral("OperationNotAllowed")
                                      << QStringLiteral("cannot change from customer-managed keys");
        QTest::newRow("home region") << publishing({region(QStringLiteral("francecentral"), frc)})
                                     << QStringLiteral("InvalidParameter") << QStringLiteral("home region");
        QTest::newRow("replicated region")
            << publishing({region(QStringLiteral("westeurope"), weu)})
            << QStringLiteral("OperationNotAllowed") << QStringLiteral("allowDeletionOfReplicatedLocations");
        QTest::newRow("global storage type")
            << publishing(
                   {region(QStringLiteral("westeurope"), weu), region(QStringLiteral("francecentral"), frc)},
                   {{QStringLiteral("storageAccountType"), QStringLiteral("Standard_ZRS")}})
            << QStringLiteral("InvalidParameter")
            << QStringLiteral("Global storage account type does not match the storage account type in the "
                              "existing TargetRegion");
        QTest::newRow("new region without a set")
            << publishing({region(QStringLiteral("westeurope"), weu),
                           region(QStringLiteral("francecentral"), frc),
                           region(QStringLiteral("eastus2"), {})})
            << QStringLiteral("InvalidParameter") << QStringLiteral("new target region 'eastus2'");
    }
    void sandboxRefusesAsTheServiceDoes() {
        QFETCH(QJsonObject, properties);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const sandboxtest::HttpResult r = rawPatch(properties);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), code);
        QVERIFY2(r.body.contains(message.toUtf8()), r.body.constData());
        QCOMPARE(m_sandbox.resource(versionId()), m_original);
    }

    void sandboxAcceptsAPatchThatKeepsTheRules() {
        const QString weu = desId(QStringLiteral("des-weu-cmk"));
        const QString frc = desId(QStringLiteral("des-frc-cmk"));
        QJsonObject properties = publishing(
            {region(QStringLiteral("westeurope"), weu), region(QStringLiteral("francecentral"), frc)});
        properties.insert(QStringLiteral("safetyProfile"),
                          QJsonObject{{QStringLiteral("allowDeletionOfReplicatedLocations"), true}});
        const sandboxtest::HttpResult r = rawPatch(properties);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.header("Azure-AsyncOperation").isEmpty());
        sandboxtest::Http http;
        const sandboxtest::HttpResult missing =
            http.call("PATCH",
                      sandboxtest::armUrl(m_sandbox.baseUrl(),
                                          demodata::imageVersionId(QStringLiteral("9.9.9")), kApiVersion),
                      QJsonDocument(QJsonObject{{QStringLiteral("properties"), properties}}).toJson());
        QCOMPARE(missing.status, 404);
    }
};

QTEST_MAIN(TestCliUpdate)
#include "tst_cli_update.moc"
