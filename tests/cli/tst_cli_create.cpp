// `cmkwizard create --draft FILE [--dry-run | --offline]`, run as the real executable against in-process
// armsandboxes: what it prints, what the sandbox received, and its exit codes (0 done, 2 invalid input, 3 ARM
// error, 4 authentication error).

#include "draft/draftstore.h"
#include "support/cmkwizardprocess.h"
#include "support/wizardharness.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace wizardtest;

namespace {

using Result = cmktest::CmkwizardRun;

/// The demo's encrypted draft in West Europe and France Central (des-weu-cmk, des-frc-cmk).
cmk::ImageVersionDraft cmkDraft(const QString &version) {
    return demodata::withTargetRegion(demodata::cmkImageVersionDraft(version),
                                      QStringLiteral("francecentral"), desId(QStringLiteral("des-frc-cmk")));
}

} // namespace

class TestCliCreate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox;      // SIGEncryption registered in initTestCase
    armsandbox::Sandbox m_unregistered; // as the demo data ships: the preview feature not registered
    armsandbox::Sandbox m_authSandbox;  // --auth required
    int m_files = 0;

    QString writeDraft(const cmk::ImageVersionDraft &draft) {
        return demodata::writeDraftFile(m_dir.filePath(QStringLiteral("draft-%1.json").arg(++m_files)),
                                        draft);
    }

    Result run(const armsandbox::Sandbox &sandbox, const QStringList &args) {
        // Never the user's sign-in: a fixed token (the sandbox without --auth ignores it) and a private home.
        return cmktest::runCmkwizard(QStringList{QStringLiteral("create"), QStringLiteral("--lang"),
                                                 QStringLiteral("en"), QStringLiteral("--arm-endpoint"),
                                                 sandbox.baseUrl().toString()} +
                                         args,
                                     cmktest::headlessEnvironment(m_dir, QStringLiteral("not-a-real-token")));
    }

    int putCount(const armsandbox::Sandbox &sandbox) const { return int(versionPuts(sandbox).size()); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(cmktest::cmkwizardBuilt(), "run through ctest (CMK_BIN_DIR)");
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 2;
        options.featurePollsUntilRegistered = 1;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
        QVERIFY2(m_unregistered.start(options, &why), qPrintable(why));
        options.authRequired = true;
        QVERIFY2(m_authSandbox.start(options, &why), qPrintable(why));
        cmk::ArmClient client;
        client.setEndpoint(m_sandbox.baseUrl());
        QVERIFY(registerFeature(client, Sub));
    }

    void init() {
        m_sandbox.clearExchanges();
        m_unregistered.clearExchanges();
    }

    /// Methods of the requests `sandbox` received, each once.
    QStringList methods(const armsandbox::Sandbox &sandbox) const {
        QStringList out;
        for (const armsandbox::Exchange &exchange : sandbox.exchanges()) {
            const QString method = exchange.liveRequest.value(QStringLiteral("method")).toString();
            if (!out.contains(method))
                out << method;
        }
        return out;
    }

    // --offline: the draft file on its own, nothing sent at all.
    void offlinePrintsTheRequestAndSendsNothing() {
        const QString draft = writeDraft(cmkDraft(QStringLiteral("7.0.0")));
        const Result r = run(m_sandbox, {QStringLiteral("--draft"), draft, QStringLiteral("--offline")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QCOMPARE(lines.first(),
                 QStringLiteral("PUT %1/subscriptions/%2/resourceGroups/rg-images-prod/providers/"
                                "Microsoft.Compute/galleries/galContosoProd/images/ubuntu-22-04-gen2/"
                                "versions/7.0.0?api-version=2025-12-03")
                     .arg(m_sandbox.baseUrl().toString(), Sub));
        QCOMPARE(lines.value(1), QString());
        QJsonParseError error;
        const QJsonObject body =
            QJsonDocument::fromJson(lines.mid(2).join(QLatin1Char('\n')).toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(at(body,
                    QStringLiteral("properties.publishingProfile.targetRegions.1.encryption.dataDiskImages.1."
                                   "diskEncryptionSetId"))
                     .toString(),
                 desId(QStringLiteral("des-frc-cmk")));
        QCOMPARE(m_sandbox.exchanges().size(), 0);
    }

    // --dry-run: every check create runs, reading Azure, then the request it would send; only GETs.
    void dryRunChecksLiveAndSendsOnlyGets() {
        const QString draft = writeDraft(cmkDraft(QStringLiteral("7.0.0")));
        const Result r = run(m_sandbox, {QStringLiteral("--draft"), draft, QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("PUT ")), qPrintable(r.out));
        QVERIFY(m_sandbox.exchanges().size() > 0);
        QCOMPARE(methods(m_sandbox), QStringList{QStringLiteral("GET")});
        QCOMPARE(putCount(m_sandbox), 0);
    }

    // The seed's second CLI example: target region eastus with sets of East US 2. The file on its own looks
    // fine (--offline passes); --dry-run refuses it as create does, and neither sends a PUT.
    void dryRunRefusesWhatCreateRefuses() {
        const cmk::ImageVersionDraft d =
            demodata::withTargetRegion(demodata::cmkImageVersionDraft(QStringLiteral("7.0.1")),
                                       QStringLiteral("eastus"), desId(QStringLiteral("des-eus2-cmk")));
        const QString draft = writeDraft(d);
        const Result offline =
            run(m_sandbox, {QStringLiteral("--draft"), draft, QStringLiteral("--offline")});
        QCOMPARE(offline.exitCode, 0);
        QCOMPARE(m_sandbox.exchanges().size(), 0);

        const Result dryRun = run(m_sandbox, {QStringLiteral("--draft"), draft, QStringLiteral("--dry-run")});
        const Result create = run(m_sandbox, {QStringLiteral("--draft"), draft});
        QCOMPARE(dryRun.exitCode, 2);
        QCOMPARE(create.exitCode, 2);
        QVERIFY(dryRun.out.isEmpty());
        QVERIFY2(dryRun.err.contains(QLatin1String("The region eastus has no disk encryption set of type "
                                                   "EncryptionAtRestWithCustomerKey")),
                 qPrintable(dryRun.err));
        QCOMPARE(dryRun.err, create.err);
        QCOMPARE(putCount(m_sandbox), 0);
    }

    // import-az resolves a bare set name in the command's -g group, as az does; the set is in rg-keys-prod:
    // the check says so and names the set meant.
    void bareDesNameInTheWrongGroupSaysDidYouMean() {
        const QString command =
            QStringLiteral("az sig image-version create -g rg-images-prod --subscription %1 "
                           "--gallery-name galContosoProd --gallery-image-definition ubuntu-22-04-gen2 "
                           "--gallery-image-version 7.0.2 --location westeurope --target-regions westeurope "
                           "--target-region-encryption des-weu-cmk --os-snapshot %2")
                .arg(Sub, buildId(QStringLiteral("snapshots/snap-ubuntu-os")));
        const QString draft = m_dir.filePath(QStringLiteral("imported.json"));
        const Result imported = cmktest::runCmkwizard(
            {QStringLiteral("import-az"), QStringLiteral("--lang"), QStringLiteral("en"),
             QStringLiteral("--command"), command, QStringLiteral("--out"), draft},
            cmktest::headlessEnvironment(m_dir, QStringLiteral("not-a-real-token")));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const Result r = run(m_sandbox, {QStringLiteral("--draft"), draft, QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     QStringLiteral("does not exist in the resource group rg-images-prod. Did you mean %1?")
                         .arg(desId(QStringLiteral("des-weu-cmk")))),
                 qPrintable(r.err));
    }

    // A region without a set: the reason promises the commands below, and they follow.
    void regionWithoutDesPrintsTheCommandsPromised() {
        const cmk::ImageVersionDraft d =
            demodata::withTargetRegion(demodata::cmkImageVersionDraft(QStringLiteral("7.0.3")),
                                       QStringLiteral("northeurope"), desId(QStringLiteral("des-weu-cmk")));
        const Result r =
            run(m_sandbox, {QStringLiteral("--draft"), writeDraft(d), QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("see the commands below")), qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("az disk-encryption-set create --subscription %1 --resource-group "
                                          "rg-images-prod --name des-northeurope --location northeurope")
                               .arg(Sub)),
            qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("New-AzDiskEncryptionSetConfig -Location northeurope")));
    }

    void invalidDraftExitsTwoWithReasons() {
        cmk::ImageVersionDraft d = cmkDraft(QStringLiteral("7.0"));
        d.dataDiskSnapshots[1].lun = 0;
        d.tags = {{QStringLiteral("a/b"), QStringLiteral("x")}};
        const Result r =
            run(m_sandbox, {QStringLiteral("--draft"), writeDraft(d), QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QLatin1String("must have the form MAJOR.MINOR.PATCH")));
        QVERIFY(r.err.contains(QLatin1String("The LUN 0 is used by more than one data disk")));
        QVERIFY(r.err.contains(QLatin1String("tag names cannot contain")));

        QFile broken(m_dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        QCOMPARE(run(m_sandbox, {QStringLiteral("--draft"), broken.fileName()}).exitCode, 2);
        QCOMPARE(run(m_sandbox, {QStringLiteral("--dry-run")}).exitCode, 2);
        QCOMPARE(putCount(m_sandbox), 0);
    }

    void liveChecksRefuseWrongDesAndExistingVersion() {
        cmk::ImageVersionDraft d = cmkDraft(QStringLiteral("1.1.0"));          // exists
        d.targetRegions[1].osDiskDesId = desId(QStringLiteral("des-weu-cmk")); // other region
        d.targetRegions[1].sameDesForAllDisks = true;
        d.normalizeEncryption();
        Result r = run(m_sandbox, {QStringLiteral("--draft"), writeDraft(d)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("Version 1.1.0 already exists")), qPrintable(r.err));
        QVERIFY(r.err.contains(
            QStringLiteral("“des-weu-cmk” chosen for the OS disk in francecentral is not in that region")));

        d = cmkDraft(QStringLiteral("7.0.1"));
        d.targetRegions[0].osDiskDesId =
            desId(QStringLiteral("des-dev-weu-cmk"), DevSub, QStringLiteral("rg-dev"));
        d.normalizeEncryption();
        r = run(m_sandbox, {QStringLiteral("--draft"), writeDraft(d)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("“des-dev-weu-cmk” chosen for the OS disk in westeurope")),
                 qPrintable(r.err));

        d = cmkDraft(QStringLiteral("7.0.2"));
        d.dataDiskSnapshots[1].snapshotId = buildId(QStringLiteral("snapshots/does-not-exist"));
        r = run(m_sandbox, {QStringLiteral("--draft"), writeDraft(d)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("does-not-exist does not exist")), qPrintable(r.err));
        QCOMPARE(putCount(m_sandbox), 0);
    }

    void createsAndPrintsTheResourceId() {
        const Result r =
            run(m_sandbox, {QStringLiteral("--draft"), writeDraft(cmkDraft(QStringLiteral("7.1.0"))),
                            QStringLiteral("--poll-interval"), QStringLiteral("0.01")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/"
                                "Microsoft.Compute/galleries/galContosoProd/images/ubuntu-22-04-gen2/"
                                "versions/7.1.0")
                     .arg(Sub));
        QVERIFY(r.err.contains(QLatin1String("The image version was created and replicated.")));
        const QList<QJsonObject> puts = versionPuts(m_sandbox);
        QCOMPARE(puts.size(), 1);
        QCOMPARE(at(puts.first(),
                    QStringLiteral("properties.publishingProfile.targetRegions.0.encryption.osDiskImage."
                                   "diskEncryptionSetId"))
                     .toString(),
                 desId(QStringLiteral("des-weu-cmk")));
    }

    void armErrorExitsThree() {
        // The preview feature is not registered there: ARM refuses the encrypted version.
        const Result r =
            run(m_unregistered, {QStringLiteral("--draft"), writeDraft(cmkDraft(QStringLiteral("7.2.0")))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("FeatureNotRegistered")), qPrintable(r.err));
        QCOMPARE(putCount(m_unregistered), 1);
    }

    void authenticationErrorExitsFour() {
        const Result r =
            run(m_authSandbox, {QStringLiteral("--draft"),
                                writeDraft(demodata::imageVersionDraft(QStringLiteral("7.3.0")))});
        QCOMPARE(r.exitCode, 4);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliCreate)
#include "tst_cli_create.moc"
