// `cmkwizard check-des`, `cmkwizard setup-des` and the key health gate of `cmkwizard create`, run as the real
// executable against in-process armsandboxes: what they print, their exit codes (0, 2, 3, 4, 5) and what the
// sandbox received. A set is created from nothing by setup-des and then used to create an image version.

#include "draft/draftstore.h"
#include "support/cmkwizardprocess.h"
#include "support/demodraft.h"
#include "support/sandboxhttp.h"
#include "support/wizardharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace wizardtest;

namespace {

using Result = cmktest::CmkwizardRun;

QJsonObject setNamed(const QJsonArray &sets, const QString &name) {
    for (const QJsonValue v : sets) {
        if (v.toObject().value(QLatin1String("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

QJsonObject findingCoded(const QJsonObject &set, const QString &code) {
    for (const QJsonValue v : set.value(QLatin1String("findings")).toArray()) {
        if (v.toObject().value(QLatin1String("code")).toString() == code)
            return v.toObject();
    }
    return {};
}

/// The demo's encrypted draft (des-weu-cmk in West Europe) with a second target region using `desIdInRegion`.
cmk::ImageVersionDraft draftWith(const QString &version, const QString &region,
                                 const QString &desIdInRegion) {
    return demodata::withTargetRegion(demodata::cmkImageVersionDraft(version), region, desIdInRegion);
}

} // namespace

class TestCliCheckDes : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox;     // the demo, SIGEncryption registered
    armsandbox::Sandbox m_authSandbox; // --auth required
    int m_files = 0;

    Result run(const armsandbox::Sandbox &sandbox, const QString &command, const QStringList &args) {
        QProcessEnvironment env = cmktest::headlessEnvironment(m_dir, QStringLiteral("not-a-real-token"));
        env.insert(QStringLiteral("CMKWIZARD_POLL_INTERVAL_MS"), QStringLiteral("20"));
        env.insert(QStringLiteral("CMKWIZARD_RETRY_MAX_DELAY_MS"), QStringLiteral("100"));
        return cmktest::runCmkwizard(QStringList{command, QStringLiteral("--lang"), QStringLiteral("en"),
                                                 QStringLiteral("--arm-endpoint"),
                                                 sandbox.baseUrl().toString()} +
                                         args,
                                     env);
    }
    Result checkDes(const QStringList &args) { return run(m_sandbox, QStringLiteral("check-des"), args); }
    Result setupDes(const QStringList &args) {
        return run(m_sandbox, QStringLiteral("setup-des"),
                   QStringList{QStringLiteral("--subscription"), Sub, QStringLiteral("--resource-group"),
                               QStringLiteral("rg-keys-prod")} +
                       args);
    }
    QString writeDraft(const cmk::ImageVersionDraft &draft) {
        return demodata::writeDraftFile(m_dir.filePath(QStringLiteral("draft-%1.json").arg(++m_files)), draft);
    }
    int writes(const QString &pathPart) const {
        int count = 0;
        for (const armsandbox::Exchange &e : m_sandbox.exchanges()) {
            const QString method = e.liveRequest.value(QLatin1String("method")).toString();
            if (method != QLatin1String("GET") &&
                e.liveRequest.value(QLatin1String("url")).toString().contains(pathPart))
                ++count;
        }
        return count;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(cmktest::cmkwizardBuilt(), "run through ctest (CMK_BIN_DIR)");
        QString why;
        QVERIFY2(sandboxtest::startRegisteredDemo(m_sandbox, m_dir, 2, &why), qPrintable(why));
        QVERIFY2(sandboxtest::startRegisteredDemo(m_authSandbox, m_dir, 2, &why, true), qPrintable(why));
    }

    void init() { m_sandbox.clearExchanges(); }

    void jsonReportsTheDemoTroubleAndExitsFive() {
        const Result r = checkDes(
            {QStringLiteral("--subscription"), Sub, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 5);
        const QJsonArray sets = QJsonDocument::fromJson(r.out.toUtf8())
                                    .object()
                                    .value(QLatin1String("diskEncryptionSets"))
                                    .toArray();
        QCOMPARE(sets.size(), 9); // with the Confidential VM set des-weu-cvm
        for (const QJsonValue v : sets) {
            const QJsonObject set = v.toObject();
            for (const char *field : {"id", "name", "location", "status", "findings"})
                QVERIFY2(set.contains(QLatin1String(field)), field);
        }
        const QJsonObject wus = setNamed(sets, QStringLiteral("des-wus-cmk"));
        QCOMPARE(wus.value(QLatin1String("status")).toString(), QStringLiteral("error"));
        const QJsonObject missing = findingCoded(wus, QStringLiteral("KEY_ACCESS_MISSING"));
        QCOMPARE(missing.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        QVERIFY(missing.value(QLatin1String("message")).toString().contains(QLatin1String("kv-contoso-wus")));
        QVERIFY(missing.value(QLatin1String("fix"))
                    .toObject()
                    .value(QLatin1String("azureCli"))
                    .toString()
                    .startsWith(QLatin1String("az keyvault set-policy --name kv-contoso-wus")));
        QVERIFY(!missing.value(QLatin1String("fix"))
                     .toObject()
                     .value(QLatin1String("powerShell"))
                     .toString()
                     .isEmpty());
        const QJsonObject eus2 = setNamed(sets, QStringLiteral("des-eus2-cmk"));
        QCOMPARE(eus2.value(QLatin1String("status")).toString(), QStringLiteral("warning"));
        QCOMPARE(findingCoded(eus2, QStringLiteral("KEY_EXPIRES_SOON"))
                     .value(QLatin1String("severity"))
                     .toString(),
                 QStringLiteral("warning"));
        QCOMPARE(setNamed(sets, QStringLiteral("des-eus-double")).value(QLatin1String("status")).toString(),
                 QStringLiteral("warning"));
        QCOMPARE(setNamed(sets, QStringLiteral("des-weu-cmk")).value(QLatin1String("status")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(
            setNamed(sets, QStringLiteral("des-weu-cmk")).value(QLatin1String("findings")).toArray().size(),
            0);
        QCOMPARE(writes(QStringLiteral("/")), 0); // a check writes nothing
    }

    void textTableByRegionAndById() {
        Result r = checkDes({QStringLiteral("--subscription"), Sub, QStringLiteral("--location"),
                             QStringLiteral("West Europe")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QVERIFY2(lines.first().startsWith(QLatin1String("NAME")) &&
                     lines.first().contains(QLatin1String("STATUS")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("des-weu-cmk")) &&
                r.out.contains(QLatin1String("des-weu-double")));
        QVERIFY(!r.out.contains(QLatin1String("des-wus-cmk")));
        r = checkDes({QStringLiteral("--id"), desId(QStringLiteral("des-wus-cmk"))});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.out.contains(QLatin1String("error [KEY_ACCESS_MISSING]")) &&
                     r.out.contains(QLatin1String("az: az keyvault set-policy")),
                 qPrintable(r.out));
    }

    void invalidInputAndSignInProblems() {
        QCOMPARE(checkDes({}).exitCode, 2);
        QCOMPARE(checkDes({QStringLiteral("--subscription"), Sub, QStringLiteral("--format"),
                           QStringLiteral("xml")})
                     .exitCode,
                 2);
        QCOMPARE(
            checkDes({QStringLiteral("--id"), QStringLiteral("/subscriptions/x/resourceGroups/g")}).exitCode,
            2);
        const Result r =
            run(m_authSandbox, QStringLiteral("check-des"), {QStringLiteral("--subscription"), Sub});
        QCOMPARE(r.exitCode, 4);
        const Result byId = run(m_authSandbox, QStringLiteral("check-des"),
                                {QStringLiteral("--id"), desId(QStringLiteral("des-weu-cmk"))});
        QCOMPARE(byId.exitCode, 4);
        QCOMPARE(setupDes({QStringLiteral("--location"), QStringLiteral("northeurope"),
                           QStringLiteral("--type"), QStringLiteral("TRIPLE")})
                     .exitCode,
                 2);
        QCOMPARE(
            setupDes({QStringLiteral("--location"), QStringLiteral("northeurope"), QStringLiteral("--type"),
                      QStringLiteral("CMK"), QStringLiteral("--vault"), QStringLiteral("kv--x")})
                .exitCode,
            2);
        const Result noGroup =
            run(m_sandbox, QStringLiteral("setup-des"),
                {QStringLiteral("--subscription"), Sub, QStringLiteral("--resource-group"),
                 QStringLiteral("rg-nope"), QStringLiteral("--location"), QStringLiteral("northeurope"),
                 QStringLiteral("--type"), QStringLiteral("CMK")});
        QCOMPARE(noGroup.exitCode, 2);
        QVERIFY2(noGroup.err.contains(QLatin1String("The resource group rg-nope does not exist")),
                 qPrintable(noGroup.err));
        QCOMPARE(writes(QStringLiteral("/")), 0);
    }

    void createRefusesASetThatCannotUseItsKey() {
        const QString draft = writeDraft(draftWith(QStringLiteral("9.1.0"), QStringLiteral("westus"),
                                                   desId(QStringLiteral("des-wus-cmk"))));
        const Result r = run(m_sandbox, QStringLiteral("create"), {QStringLiteral("--draft"), draft});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("The draft cannot be submitted:")) &&
                     r.err.contains(QLatin1String("des-wus-cmk [KEY_ACCESS_MISSING]")),
                 qPrintable(r.err));
        QCOMPARE(versionPuts(m_sandbox).size(), 0);
        // A warning (a key expiring in 10 days) does not stop it.
        const QString expiring = writeDraft(draftWith(QStringLiteral("9.2.0"), QStringLiteral("eastus2"),
                                                      desId(QStringLiteral("des-eus2-cmk"))));
        const Result ok = run(
            m_sandbox, QStringLiteral("create"),
            {QStringLiteral("--draft"), expiring, QStringLiteral("--poll-interval"), QStringLiteral("0.01")});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(versionPuts(m_sandbox).size(), 1);
    }

    void setUpFromNothingThenCreateAnImageVersionWithIt() {
        const QStringList args = {QStringLiteral("--location"), QStringLiteral("northeurope"),
                                  QStringLiteral("--type"), QStringLiteral("CMK")};
        const Result dry = setupDes(args + QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains(QLatin1String("az keyvault create --name kv-northeurope-")));
        QCOMPARE(m_sandbox.exchanges().size(), 0);

        const Result r = setupDes(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString id = desId(QStringLiteral("des-northeurope-cmk"));
        QCOMPARE(r.out.trimmed(), id);
        QVERIFY2(r.err.contains(QLatin1String("1/5 Key vault kv-northeurope-")) &&
                     r.err.contains(QLatin1String(": created")) &&
                     r.err.contains(QLatin1String("5/5 Health check of des-northeurope-cmk: done")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("not visible in Microsoft Entra ID yet")));
        QVERIFY(r.err.contains(QLatin1String("Equivalent az commands:")));

        // Again: everything is reused, nothing is created twice.
        const Result again = setupDes(args);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.err.contains(QLatin1String("3/5 Disk encryption set des-northeurope-cmk with a "
                                                  "system-assigned identity: already there")),
                 qPrintable(again.err));
        QCOMPARE(writes(QStringLiteral("/diskEncryptionSets/des-northeurope-cmk?")), 1);
        QCOMPARE(writes(QStringLiteral("/keys/cmk-disks?")), 1);

        QCOMPARE(checkDes({QStringLiteral("--id"), id}).exitCode, 0);
        const QString draft =
            writeDraft(draftWith(QStringLiteral("9.3.0"), QStringLiteral("northeurope"), id));
        const Result created = run(
            m_sandbox, QStringLiteral("create"),
            {QStringLiteral("--draft"), draft, QStringLiteral("--poll-interval"), QStringLiteral("0.01")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(created.out.trimmed().endsWith(QLatin1String("/versions/9.3.0")));
    }
};

QTEST_GUILESS_MAIN(TestCliCheckDes)
#include "tst_cli_checkdes.moc"
