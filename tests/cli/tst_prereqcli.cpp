// `cmkwizard check-prereqs`: the real executable against an armsandbox over HTTP (exit codes and output).

#include "armsandbox.h"
#include "support/cmkwizardprocess.h"
#include "support/prereqfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace prereqtest;

class TestPrereqCli : public PrereqTestCase {
    Q_OBJECT

private:
    struct Result : cmktest::CmkwizardRun {
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };

    // Runs cmkwizard (in English, with a private home and no token) while this process's event loop keeps
    // serving the in-process sandbox.
    Result run(QStringList arguments, bool useSandboxEndpoint = true) {
        if (useSandboxEndpoint)
            arguments =
                QStringList{QStringLiteral("--arm-endpoint"), sandbox().baseUrl().toString()} + arguments;
        QProcessEnvironment env = cmktest::headlessEnvironment(m_server.dir(), QString());
        env.remove(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"));
        return {cmktest::runCmkwizard(QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments,
                                      env, 45000)};
    }

    void startSandbox(bool authRequired = false) {
        armsandbox::SandboxOptions options = m_server.options();
        options.authRequired = authRequired;
        QString why;
        QVERIFY2(m_server.start(options, &why), qPrintable(why));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.prepare());
        QVERIFY(QFile::exists(cmktest::cmkwizardPath()));
    }

    void init() { startSandbox(); }
    void cleanup() { m_server.stop(); }

    void readySubscriptionExitsZero() {
        const Result r = run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subReady});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(
            r.out.contains(QStringLiteral("Preview feature Microsoft.Compute/SIGEncryption: Registered")));
        QVERIFY(r.out.contains(QStringLiteral("Resource provider Microsoft.Compute: Registered")));
        QVERIFY(r.out.contains(QStringLiteral("Ready")));
    }

    void notRegisteredExitsOneWithoutChangingAnything() {
        const Result r =
            run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subNotRegistered});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("SIGEncryption: Not registered")));
        QVERIFY(r.out.contains(QStringLiteral("--register")));
        QCOMPARE(countRequests(sandbox(), QStringLiteral("POST"), QStringLiteral("/register")), 0);
    }

    void registerWaitsUntilRegistered() {
        const Result r =
            run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subNotRegistered,
                 QStringLiteral("--register"), QStringLiteral("--format"), QStringLiteral("json"),
                 QStringLiteral("--poll-interval-ms"), QStringLiteral("10")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("ready")).toBool(), true);
        QCOMPARE(j.value(QStringLiteral("subscriptionId")).toString(), subNotRegistered);
        QCOMPARE(j.value(QStringLiteral("feature")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("Registered"));
        QCOMPARE(j.value(QStringLiteral("provider")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("Registered"));
        QCOMPARE(j.value(QStringLiteral("registrationRequested")).toArray(),
                 (QJsonArray{QStringLiteral("feature"), QStringLiteral("provider")}));
        QCOMPARE(
            countRequests(sandbox(), QStringLiteral("POST"), featurePath(subNotRegistered) + "/register"), 1);
        QCOMPARE(
            countRequests(sandbox(), QStringLiteral("POST"), providerPath(subNotRegistered) + "/register"),
            1);
        // The command polled and stopped: its poll count matches what the server saw (plus the first read).
        const int polls =
            j.value(QStringLiteral("feature")).toObject().value(QStringLiteral("polls")).toInt();
        QVERIFY(polls >= 1);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), polls + 1);

        // Checked again afterwards: ready, nothing more to register.
        const Result again =
            run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subNotRegistered});
        QCOMPARE(again.exitCode, 0);
    }

    void forbiddenExitsThreeWithTheRole() {
        const Result r =
            run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subReadOnly,
                 QStringLiteral("--register"), QStringLiteral("--poll-interval-ms"), QStringLiteral("10")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("Microsoft.Features/providers/features/register/action")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("*/register/action")));
        QVERIFY(r.err.contains(QStringLiteral("Contributor")));

        const Result j =
            run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subReadOnly,
                 QStringLiteral("--register"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(j.exitCode, 3);
        const QJsonObject feature = j.json().value(QStringLiteral("feature")).toObject();
        QCOMPARE(feature.value(QStringLiteral("state")).toString(), QStringLiteral("NotRegistered"));
        QCOMPARE(feature.value(QStringLiteral("permissionDenied")).toBool(), true);
        QCOMPARE(
            feature.value(QStringLiteral("error")).toObject().value(QStringLiteral("httpStatus")).toInt(),
            403);
    }

    void unknownFeatureIsNotNeeded() {
        const Result r = run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"),
                              subFeatureUnknown, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(
            r.json().value(QStringLiteral("feature")).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("NotNeeded"));
    }

    void featureCheckCanBeTurnedOff() {
        const Result r =
            run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subNotRegistered,
                 QStringLiteral("--no-feature-check"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1); // the provider is still missing
        const QJsonObject feature = r.json().value(QStringLiteral("feature")).toObject();
        QCOMPARE(feature.value(QStringLiteral("state")).toString(), QStringLiteral("NotNeeded"));
        QCOMPARE(feature.value(QStringLiteral("required")).toBool(), false);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), 0);
    }

    void regionsWithoutDesAreFlagged() {
        const Result r = run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subReady,
                              QStringLiteral("--region"), QStringLiteral("westus,eastus2"),
                              QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonArray regions = r.json().value(QStringLiteral("regions")).toArray();
        QCOMPARE(regions.size(), 2);
        QCOMPARE(regions.at(0).toObject().value(QStringLiteral("customerKeyCount")).toInt(), 2);
        QCOMPARE(regions.at(0).toObject().value(QStringLiteral("ready")).toBool(), true);
        const QJsonObject eastus2 = regions.at(1).toObject();
        QCOMPARE(eastus2.value(QStringLiteral("ready")).toBool(), false);
        const QString az =
            eastus2.value(QStringLiteral("commands")).toObject().value(QStringLiteral("azureCli")).toString();
        QVERIFY2(az.startsWith(QStringLiteral("az disk-encryption-set create")), qPrintable(az));
        QVERIFY(az.contains(QStringLiteral("--location 'eastus2'")));

        const Result text = run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subReady,
                                 QStringLiteral("--region"), QStringLiteral("eastus2")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.out.contains(QStringLiteral("eastus2: no usable disk encryption set")));
        QVERIFY(text.out.contains(QStringLiteral("New-AzDiskEncryptionSet -ResourceGroupName 'rg-keys'")));

        const Result ready = run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subReady,
                                  QStringLiteral("--region"), QStringLiteral("West US")});
        QVERIFY2(ready.exitCode == 0, qPrintable(ready.out + ready.err));
    }

    void invalidInputExitsTwo() {
        const QList<QStringList> invalid = {
            {},
            {QStringLiteral("--subscription"), QStringLiteral("../x")},
            {QStringLiteral("--subscription"), subReady, QStringLiteral("--format"), QStringLiteral("xml")},
            {QStringLiteral("--subscription"), subReady, QStringLiteral("--region"),
             QStringLiteral("west/us")},
            {QStringLiteral("--subscription"), subReady, QStringLiteral("--poll-interval-ms"),
             QStringLiteral("0")},
        };
        for (const QStringList &arguments : invalid) {
            const Result r = run(QStringList{QStringLiteral("check-prereqs")} + arguments);
            QVERIFY2(r.exitCode == 2,
                     qPrintable(arguments.join(QLatin1Char(' ')) + QLatin1Char('\n') + r.err));
        }
        // Every command has ended (a positive event): none of them reached the server.
        QCOMPARE(sandbox().exchanges().size(), 0);
    }

    void missingSignInExitsFour() {
        startSandbox(/*authRequired=*/true);
        const Result r = run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), subReady});
        QVERIFY2(r.exitCode == 4, qPrintable(QString::number(r.exitCode) + r.out + r.err));
    }

    void embeddedSandboxDemoData() {
        // --sandbox uses the embedded demo fixture; its first subscription lacks the feature registration.
        QFile demo(QStringLiteral(":/armsandbox/demo-fixture.json"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(demo.readAll()).object();
        const QJsonArray subscriptions = root.value(QStringLiteral("subscriptions")).toArray();
        if (subscriptions.isEmpty())
            QSKIP("The demo fixture has no subscriptions yet.");
        const QString first =
            subscriptions.at(0).toObject().value(QStringLiteral("subscriptionId")).toString();
        QString expectedFeature;
        for (const QJsonValue f : root.value(QStringLiteral("features")).toArray()) {
            if (f.toObject().value(QStringLiteral("subscriptionId")).toString() == first &&
                f.toObject().value(QStringLiteral("name")).toString() ==
                    QLatin1String("Microsoft.Compute/SIGEncryption"))
                expectedFeature = f.toObject().value(QStringLiteral("state")).toString();
        }
        QCOMPARE(expectedFeature, QStringLiteral("NotRegistered")); // what the demo is meant to show
        const Result r =
            run({QStringLiteral("--sandbox"), QStringLiteral("check-prereqs"),
                 QStringLiteral("--subscription"), first, QStringLiteral("--format"), QStringLiteral("json")},
                /*useSandboxEndpoint=*/false);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(
            r.json().value(QStringLiteral("feature")).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("NotRegistered"));

        // The embedded sandbox lives as long as the command: --register goes all the way in one run.
        const Result registered = run({QStringLiteral("--sandbox"), QStringLiteral("check-prereqs"),
                                       QStringLiteral("--subscription"), first, QStringLiteral("--register"),
                                       QStringLiteral("--poll-interval-ms"), QStringLiteral("10")},
                                      /*useSandboxEndpoint=*/false);
        QVERIFY2(registered.exitCode == 0, qPrintable(registered.out + registered.err));
        QVERIFY(registered.err.contains(QStringLiteral("Registering Microsoft.Compute/SIGEncryption")));
        QVERIFY(registered.out.contains(QStringLiteral("SIGEncryption: Registered")));
    }
};

QTEST_GUILESS_MAIN(TestPrereqCli)
#include "tst_prereqcli.moc"
