// `cmkwizard audit` as users and scripts run it: the real executable against an in-process armsandbox with a
// generated fleet (docs/sandbox.md, "Generated fleet"): the JSON report's schema (docs/audit.md), CSV one row
// per finding, a self-contained HTML report with the counts first, the same versions and findings from
// Resource Graph and from the ARM walk, the 403 subscription reported as not reviewed, exit codes 0, 2, 3 and
// 5, and what the sandbox received.

#include "support/cmkwizardprocess.h"
#include "support/fleet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

using Result = cmktest::CmkwizardRun;

using fleettest::fleetSubscription;

/// --subscription for each of the fleet's three subscriptions (the last one answers 403).
QStringList fleetScope() {
    QStringList args;
    for (int s = 0; s < 3; ++s)
        args << QStringLiteral("--subscription") << fleetSubscription(s);
    return args;
}

/// Each version's id with its findings' codes, sorted: what both sources must agree on.
QStringList versionsAndCodes(const QJsonObject &report) {
    QStringList out;
    for (const QJsonValue &version : report.value(QLatin1String("versions")).toArray()) {
        QStringList codes;
        for (const QJsonValue &finding : version[QLatin1String("findings")].toArray())
            codes << finding[QLatin1String("severity")].toString() + QLatin1Char(':') +
                         finding[QLatin1String("code")].toString();
        codes.sort();
        out << version[QLatin1String("id")].toString().toLower() + QLatin1Char(' ') +
                   version[QLatin1String("encryption")].toString() + QLatin1Char(' ') +
                   codes.join(QLatin1Char(','));
    }
    out.sort();
    return out;
}

} // namespace

class TestCliAudit : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox; // 3:2:2:5, seed 1: 40 readable versions

    Result audit(const QStringList &args, const armsandbox::Sandbox *sandbox = nullptr) {
        const QProcessEnvironment env =
            cmktest::headlessEnvironment(m_dir, QStringLiteral("not-a-real-token"));
        return cmktest::runCmkwizard(QStringList{QStringLiteral("audit"), QStringLiteral("--lang"),
                                                 QStringLiteral("en"), QStringLiteral("--arm-endpoint"),
                                                 (sandbox ? sandbox : &m_sandbox)->baseUrl().toString()} +
                                         args,
                                     env, 60000);
    }
    static QJsonObject json(const Result &result) {
        return QJsonDocument::fromJson(result.out.toUtf8()).object();
    }
    int requests(const QString &method, const QString &pattern) const {
        return fleettest::requestsMatching(m_sandbox, method, pattern);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(cmktest::cmkwizardBuilt());
        armsandbox::SandboxOptions options;
        options.generateFleet = QStringLiteral("3:2:2:5");
        QVERIFY(m_sandbox.start(options));
    }

    void jsonReportFollowsTheSchema() {
        const Result run =
            audit(fleetScope() + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 5, qPrintable(run.err)); // the fleet has error findings
        const QJsonObject report = json(run);
        QCOMPARE(report.value(QLatin1String("schema")).toString(), QStringLiteral("cmkwizard.audit"));
        QCOMPARE(report.value(QLatin1String("schemaVersion")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("source")).toString(), QStringLiteral("arg"));
        const QJsonObject summary = report.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("versions")).toInt(), 40);
        QVERIFY(summary.value(QLatin1String("withFindings")).toInt() > 0);
        QVERIFY(summary[QLatin1String("bySeverity")][QLatin1String("error")].toInt() > 0);
        for (const char *code : {"regionWithoutEncryption", "KEY_DISABLED", "KEY_ACCESS_MISSING",
                                 "replicationFailed", "customerKeyInSharedGallery"})
            QVERIFY2(summary[QLatin1String("byCode")][QLatin1String(code)].toInt() > 0, code);
        const QJsonArray versions = report.value(QLatin1String("versions")).toArray();
        QCOMPARE(versions.size(), 40);
        const QJsonObject first = versions.first().toObject();
        for (const char *field : {"id", "name", "subscriptionId", "galleryName", "imageDefinitionName",
                                  "encryption", "regions", "findings"})
            QVERIFY2(first.contains(QLatin1String(field)), field);
        const QJsonArray subscriptions =
            report[QLatin1String("scope")][QLatin1String("subscriptions")].toArray();
        QCOMPARE(subscriptions.size(), 3);
        QCOMPARE(subscriptions.at(0)[QLatin1String("status")].toString(), QStringLiteral("reviewed"));
        QCOMPARE(subscriptions.at(2)[QLatin1String("status")].toString(), QStringLiteral("notReviewed"));
        QVERIFY(subscriptions.at(2)[QLatin1String("reason")].toString().contains(
            QLatin1String("AuthorizationFailed")));
        // Not a terminal: stderr says only what was not reviewed, no progress line.
        QVERIFY2(run.err.contains(fleetSubscription(2)) && !run.err.contains(QLatin1String("versions seen")),
                 qPrintable(run.err));
    }

    void bothSourcesAgree() {
        const Result graph =
            audit(fleetScope() + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                             QStringLiteral("--source"), QStringLiteral("arg")});
        const Result walk =
            audit(fleetScope() + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                             QStringLiteral("--source"), QStringLiteral("arm")});
        QCOMPARE(graph.exitCode, 5);
        QCOMPARE(walk.exitCode, 5);
        QCOMPARE(json(walk).value(QLatin1String("source")).toString(), QStringLiteral("arm"));
        QCOMPARE(versionsAndCodes(json(graph)), versionsAndCodes(json(walk)));
        QCOMPARE(versionsAndCodes(json(graph)).size(), 40);
    }

    void resourceGraphPathSendsQueriesNotListings() {
        m_sandbox.clearExchanges();
        m_sandbox.advanceClock(5); // a fresh Resource Graph quota window: none of the queries waits for a 429
        const Result run =
            audit(fleetScope() + QStringList{QStringLiteral("--source"), QStringLiteral("arg")});
        QCOMPARE(run.exitCode, 5);
        // One version query per subscription (up to four groups), then galleries, sets and sources.
        QCOMPARE(
            requests(QStringLiteral("POST"), QStringLiteral("/providers/Microsoft.ResourceGraph/resources$")),
            6);
        QCOMPARE(
            requests(QStringLiteral("GET"), QStringLiteral("/galleries/[^/]+/images(/[^/]+/versions)?$")), 0);
    }

    void csvHasOneRowPerFinding() {
        const Result csv =
            audit(fleetScope() + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        const Result report =
            audit(fleetScope() + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(csv.exitCode, 5);
        const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("subscriptionId,resourceGroup,galleryName,imageDefinitionName,"
                                "versionName,versionId,encryption,severity,code,region,disk,lun,"
                                "diskEncryptionSetId,message"));
        const QJsonObject bySeverity =
            json(report)[QLatin1String("summary")][QLatin1String("bySeverity")].toObject();
        const int findings = bySeverity[QLatin1String("error")].toInt() +
                             bySeverity[QLatin1String("warning")].toInt() +
                             bySeverity[QLatin1String("info")].toInt();
        QCOMPARE(lines.size() - 1, findings);
        QVERIFY(lines.at(1).startsWith(fleetSubscription(0) + QLatin1Char(',')));
    }

    void htmlIsSelfContainedWithTheCountsFirst() {
        const QString path = m_dir.filePath(QStringLiteral("audit.html"));
        const Result run =
            audit(fleetScope() + QStringList{QStringLiteral("--format"), QStringLiteral("html"),
                                             QStringLiteral("--out"), path});
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.out.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(!html.contains(QLatin1String("src=")) && !html.contains(QLatin1String("<link")) &&
                !html.contains(QLatin1String("<script")));
        const int counts = html.indexOf(QLatin1String("Image versions</th><td>40</td>"));
        QVERIFY2(counts > 0, qPrintable(html.left(600)));
        QVERIFY(counts < html.indexOf(QLatin1String("KEY_DISABLED")));
        QVERIFY(html.contains(fleetSubscription(2)));
    }

    void exitsZeroWithoutErrorFindings() {
        // Seed 0 puts the first version on position 0 of the cycle: platform-managed keys, no finding.
        armsandbox::Sandbox clean;
        armsandbox::SandboxOptions options;
        options.generateFleet = QStringLiteral("2:1:1:1:0");
        QVERIFY(clean.start(options));
        const Result run = audit({QStringLiteral("--subscription"), fleetSubscription(0)}, &clean);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QLatin1String("Audited 1 image version, 0 with findings.")),
                 qPrintable(run.out));
    }

    void exitsThreeWhenNothingCouldBeRead() {
        const Result run = audit({QStringLiteral("--subscription"), fleetSubscription(2)});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("AuthorizationFailed")), qPrintable(run.err));
    }

    void refusesInvalidInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no scope") << QStringList();
        QTest::newRow("both scopes") << QStringList{QStringLiteral("--subscription"), fleetSubscription(0),
                                                    QStringLiteral("--all-subscriptions")};
        QTest::newRow("bad format") << fleetScope() +
                                           QStringList{QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("bad source") << fleetScope() +
                                           QStringList{QStringLiteral("--source"), QStringLiteral("x")};
        QTest::newRow("not a gallery")
            << fleetScope() + QStringList{QStringLiteral("--gallery"), QStringLiteral("g")};
        QTest::newRow("gallery outside the scope") << QStringList{
            QStringLiteral("--subscription"), fleetSubscription(0), QStringLiteral("--gallery"),
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-fleet-images/providers/"
                           "Microsoft.Compute/galleries/galFleet0")
                .arg(fleetSubscription(1))};
    }
    void refusesInvalidInput() {
        QFETCH(QStringList, args);
        m_sandbox.clearExchanges();
        const Result run = audit(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(m_sandbox.exchanges().size(), 0);
    }

    void galleryNarrowsTheScope() {
        const QString gallery = QStringLiteral("/subscriptions/%1/resourceGroups/rg-fleet-images/providers/"
                                               "Microsoft.Compute/galleries/galFleet1")
                                    .arg(fleetSubscription(1));
        for (const QString source : {QStringLiteral("arg"), QStringLiteral("arm")}) {
            const Result run = audit({QStringLiteral("--subscription"), fleetSubscription(1),
                                      QStringLiteral("--gallery"), gallery, QStringLiteral("--format"),
                                      QStringLiteral("json"), QStringLiteral("--source"), source});
            QVERIFY2(run.exitCode == 0 || run.exitCode == 5, qPrintable(run.err));
            const QJsonArray versions = json(run).value(QLatin1String("versions")).toArray();
            QCOMPARE(versions.size(), 10);
            for (const QJsonValue &v : versions)
                QCOMPARE(v[QLatin1String("galleryName")].toString(), QStringLiteral("galFleet1"));
        }
    }

    void allSubscriptionsListsThemFirst() {
        const Result run = audit(
            {QStringLiteral("--all-subscriptions"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 5, qPrintable(run.err));
        const QJsonArray subscriptions =
            json(run)[QLatin1String("scope")][QLatin1String("subscriptions")].toArray();
        QCOMPARE(subscriptions.size(), 2 + 3); // the demo's two and the fleet's three
        QStringList names;
        for (const QJsonValue &s : subscriptions)
            names << s[QLatin1String("displayName")].toString();
        QVERIFY2(names.contains(QLatin1String("Fleet 01")), qPrintable(names.join(u',')));
    }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
