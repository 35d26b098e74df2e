// `cmkwizard list-des` as users and scripts run it: the real binary (CMK_BIN_DIR) in a QProcess, against the
// embedded sandbox (--sandbox) or a separate armsandbox process (--arm-endpoint), checking stdout, stderr
// and exit codes.

#include "support/cmkwizardprocess.h"
#include "support/sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>
#include <nlohmann/json.hpp>

namespace {

const QString Sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");

using Run = cmktest::CmkwizardRun;

QString binDir() {
    return qEnvironmentVariable("CMK_BIN_DIR", QCoreApplication::applicationDirPath());
}

// In English, with a private home and no token (the sandbox needs none unless a test asks for sign-in).
Run runCli(const QStringList &arguments) {
    static const QTemporaryDir home;
    QProcessEnvironment env = cmktest::headlessEnvironment(home, QString());
    env.remove(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return cmktest::runCmkwizard(QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments, env,
                                 60000);
}

/// A separate armsandbox process from the build.
class SandboxProcess : public cmktest::SandboxProcess {
public:
    bool start(const QStringList &arguments) {
        return cmktest::SandboxProcess::start(binDir() + QStringLiteral("/armsandbox"), arguments);
    }
};

/// The DES of `subscription` in the shipped demo fixture: name -> {location, encryptionType}.
QMap<QString, QPair<QString, QString>> fixtureDes(const QString &subscription) {
    QMap<QString, QPair<QString, QString>> out;
    QFile file(qEnvironmentVariable("CMK_SOURCE_DIR") + QStringLiteral("/resources/demo-fixture.json"));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    const QJsonArray resources =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("resources")).toArray();
    for (const QJsonValue value : resources) {
        const QJsonObject resource = value.toObject();
        const QString id = resource.value(QLatin1String("id")).toString();
        if (!id.contains(QLatin1String("/diskEncryptionSets/"), Qt::CaseInsensitive) ||
            !id.startsWith(QStringLiteral("/subscriptions/") + subscription + QLatin1Char('/'),
                           Qt::CaseInsensitive))
            continue;
        out.insert(
            resource.value(QLatin1String("name")).toString(),
            {resource.value(QLatin1String("location")).toString(), resource.value(QLatin1String("properties"))
                                                                       .toObject()
                                                                       .value(QLatin1String("encryptionType"))
                                                                       .toString()});
    }
    return out;
}

QJsonArray parseArray(const QString &text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    return doc.isArray() ? doc.array() : QJsonArray();
}

/// Requests in a sandbox's traffic directory whose URL path contains `pathPart`, by method.
int trafficRequests(const QString &trafficDir, const QString &method, const QString &pathPart) {
    int n = 0;
    const QDir dir(trafficDir);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject request =
            QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("liveRequest")).toObject();
        n += request.value(QLatin1String("method")).toString() == method &&
             QUrl(request.value(QLatin1String("url")).toString())
                 .path()
                 .contains(pathPart, Qt::CaseInsensitive);
    }
    return n;
}

const QString ResourceGraphPath = QStringLiteral("/providers/Microsoft.ResourceGraph/resources");
const QString DesListPath = QStringLiteral("/providers/Microsoft.Compute/diskEncryptionSets");

QString normalized(QString region) {
    return region.remove(QLatin1Char(' ')).toLower();
}

} // namespace

class TestCliListDes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void textTableListsTheSubscription();
    void jsonMatchesTheFixture();
    void filtersByLocationAndType();
    void emptyResult();
    void invalidInputExits2_data();
    void invalidInputExits2();
    void armErrorExits3WithCodeAndRequestId();
    void authenticationErrorExits4();
    void followsEveryPageOfALargeList();
    void survivesTransientFaults();
    void sourceArgIsOneFilteredQuery();
    void sourceArmListsThroughArm();
    void autoFallsBackToArmWhenResourceGraphIsOff();
    void sourceArgFailsWhenResourceGraphIsOff();
};

void TestCliListDes::initTestCase() {
    QVERIFY2(QFile::exists(binDir() + QStringLiteral("/cmkwizard")), qPrintable(binDir()));
    QVERIFY(QFile::exists(binDir() + QStringLiteral("/armsandbox")));
    QVERIFY2(fixtureDes(Sub).size() >= 4, "the demo fixture has DES in the first subscription");
}

void TestCliListDes::textTableListsTheSubscription() {
    const Run run = runCli(
        {QStringLiteral("list-des"), QStringLiteral("--sandbox"), QStringLiteral("--subscription"), Sub});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const auto des = fixtureDes(Sub);
    QCOMPARE(lines.size(), des.size() + 2);
    QCOMPARE(lines.takeLast(), QStringLiteral("Listed from Azure Resource Graph."));
    const QString &header = lines.first();
    QVERIFY(header.startsWith(QLatin1String("NAME")));
    const int groupColumn = header.indexOf(QLatin1String("RESOURCE GROUP"));
    const int locationColumn = header.indexOf(QLatin1String("LOCATION"));
    const int typeColumn = header.indexOf(QLatin1String("TYPE"));
    const int keyColumn = header.indexOf(QLatin1String("KEY URL"));
    QVERIFY(groupColumn > 0 && locationColumn > groupColumn && typeColumn > locationColumn &&
            keyColumn > typeColumn);
    for (const QString &line : lines.mid(1)) {
        // Aligned: every column starts where its header does.
        const QString name = line.left(groupColumn).trimmed();
        QVERIFY2(des.contains(name), qPrintable(line));
        QVERIFY2(line.at(groupColumn - 1) == QLatin1Char(' ') && line.at(groupColumn) != QLatin1Char(' '),
                 qPrintable(line));
        QCOMPARE(normalized(line.mid(locationColumn, typeColumn - locationColumn).trimmed()),
                 normalized(des.value(name).first));
        const QString type = line.mid(typeColumn, keyColumn - typeColumn).trimmed();
        // The fixture has the three types (des-weu-cvm is the Confidential VM one).
        const QString fixtureType = des.value(name).second;
        QCOMPARE(type, fixtureType == QLatin1String("EncryptionAtRestWithCustomerKey") ? QStringLiteral("CMK")
                       : fixtureType == QLatin1String("ConfidentialVmEncryptedWithCustomerKey")
                           ? QStringLiteral("CONFIDENTIAL")
                           : QStringLiteral("DOUBLE"));
        QVERIFY2(line.mid(keyColumn).startsWith(QLatin1String("https://")), qPrintable(line));
        QVERIFY(!line.endsWith(QLatin1Char(' ')));
    }
    QVERIFY(!run.out.contains(QLatin1String("des-dev-weu-cmk"))); // the other subscription's DES
}

void TestCliListDes::jsonMatchesTheFixture() {
    const Run run =
        runCli({QStringLiteral("list-des"), QStringLiteral("--sandbox"), QStringLiteral("--subscription"),
                Sub, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Written field by field, laid out byte for byte as nlohmann's dump(2) of the whole array always was.
    QCOMPARE(run.out, QString::fromStdString(nlohmann::json::parse(run.out.toStdString()).dump(2) + '\n'));
    const QJsonArray array = parseArray(run.out);
    const auto des = fixtureDes(Sub);
    QCOMPARE(array.size(), des.size());
    for (const QJsonValue value : array) {
        const QJsonObject object = value.toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        QVERIFY2(des.contains(name), qPrintable(name));
        QCOMPARE(object.value(QLatin1String("encryptionType")).toString(), des.value(name).second);
        QVERIFY(object.value(QLatin1String("id")).toString().endsWith(QLatin1Char('/') + name));
        QVERIFY(!object.value(QLatin1String("resourceGroup")).toString().isEmpty());
        QVERIFY(object.value(QLatin1String("keyUrl")).toString().startsWith(QLatin1String("https://")));
    }
}

void TestCliListDes::filtersByLocationAndType() {
    const auto des = fixtureDes(Sub);
    int expected = 0;
    for (const auto &entry : des) {
        if (normalized(entry.first) == QLatin1String("westeurope") &&
            entry.second == QLatin1String("EncryptionAtRestWithPlatformAndCustomerKeys"))
            ++expected;
    }
    QVERIFY(expected >= 1);
    const Run run =
        runCli({QStringLiteral("list-des"), QStringLiteral("--sandbox"), QStringLiteral("--subscription"),
                Sub, QStringLiteral("--location"), QStringLiteral("West Europe"), QStringLiteral("--type"),
                QStringLiteral("double"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray array = parseArray(run.out);
    QCOMPARE(array.size(), expected);
    for (const QJsonValue value : array) {
        QCOMPARE(normalized(value.toObject().value(QLatin1String("location")).toString()),
                 QStringLiteral("westeurope"));
        QCOMPARE(value.toObject().value(QLatin1String("type")).toString(), QStringLiteral("DOUBLE"));
    }

    const Run cmk =
        runCli({QStringLiteral("list-des"), QStringLiteral("--sandbox"), QStringLiteral("--subscription"),
                Sub, QStringLiteral("--type"), QStringLiteral("CMK")});
    QVERIFY2(cmk.exitCode == 0, qPrintable(cmk.err));
    QVERIFY(!cmk.out.contains(QLatin1String(" DOUBLE ")));
    QVERIFY(cmk.out.contains(QLatin1String(" CMK ")));
}

void TestCliListDes::emptyResult() {
    const Run text =
        runCli({QStringLiteral("list-des"), QStringLiteral("--sandbox"), QStringLiteral("--subscription"),
                Sub, QStringLiteral("--location"), QStringLiteral("antarctica")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(!text.out.trimmed().isEmpty());
    QVERIFY(!text.out.contains(QLatin1String("https://")));
    const Run json =
        runCli({QStringLiteral("list-des"), QStringLiteral("--sandbox"), QStringLiteral("--subscription"),
                Sub, QStringLiteral("--location"), QStringLiteral("antarctica"), QStringLiteral("--format"),
                QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.out.trimmed(), QStringLiteral("[]"));
}

void TestCliListDes::invalidInputExits2_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentioned");
    QTest::newRow("missing subscription") << QStringList{} << QStringLiteral("--subscription");
    QTest::newRow("bad type") << QStringList{QStringLiteral("--subscription"), Sub, QStringLiteral("--type"),
                                             QStringLiteral("PMK")}
                              << QStringLiteral("--type");
    QTest::newRow("bad format") << QStringList{QStringLiteral("--subscription"), Sub,
                                               QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("--format");
    QTest::newRow("hostile subscription")
        << QStringList{QStringLiteral("--subscription"), QStringLiteral("../../providers")}
        << QStringLiteral("../../providers");
    QTest::newRow("unknown source") << QStringList{QStringLiteral("--subscription"), Sub,
                                                   QStringLiteral("--source"), QStringLiteral("cache")}
                                    << QStringLiteral("cache");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--subscription"), Sub,
                                                   QStringLiteral("--colour")}
                                    << QStringLiteral("colour");
}

void TestCliListDes::invalidInputExits2() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentioned);
    const Run run = runCli(QStringList{QStringLiteral("list-des"), QStringLiteral("--sandbox")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentioned), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliListDes::armErrorExits3WithCodeAndRequestId() {
    const Run run =
        runCli({QStringLiteral("list-des"), QStringLiteral("--sandbox"), QStringLiteral("--subscription"),
                QStringLiteral("00000000-0000-0000-0000-000000000000")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("SubscriptionNotFound")) ||
                 run.err.contains(QLatin1String("NotFound")),
             qPrintable(run.err));
    QVERIFY2(QRegularExpression(QStringLiteral("request id: [0-9a-f-]{36}")).match(run.err).hasMatch(),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliListDes::authenticationErrorExits4() {
    SandboxProcess sandbox;
    QVERIFY(sandbox.start({QStringLiteral("--auth"), QStringLiteral("required")}));
    const Run run = runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                            QStringLiteral("--subscription"), Sub});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("401")) || run.err.contains(QLatin1String("Authentication")),
             qPrintable(run.err));
}

void TestCliListDes::followsEveryPageOfALargeList() {
    SandboxProcess sandbox;
    QVERIFY(sandbox.start({QStringLiteral("--page-size"), QStringLiteral("40"),
                           QStringLiteral("--generate-des"), QStringLiteral("1000")}));
    const Run run = runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                            QStringLiteral("--subscription"), Sub, QStringLiteral("--format"),
                            QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("arm")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray array = parseArray(run.out);
    QCOMPARE(array.size(), 1000 + fixtureDes(Sub).size());
    QSet<QString> ids;
    for (const QJsonValue value : array)
        ids.insert(value.toObject().value(QLatin1String("id")).toString().toLower());
    QCOMPARE(ids.size(), array.size());
}

void TestCliListDes::survivesTransientFaults() {
    SandboxProcess sandbox;
    QVERIFY(sandbox.start({QStringLiteral("--page-size"), QStringLiteral("2"), QStringLiteral("--faults"),
                           QStringLiteral("status=503:nth=2,status=429:nth=4:retry-after=0,drop:nth=6")}));
    const Run run = runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                            QStringLiteral("--subscription"), Sub, QStringLiteral("--format"),
                            QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("arm")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(parseArray(run.out).size(), fixtureDes(Sub).size());
}

void TestCliListDes::sourceArgIsOneFilteredQuery() {
    const QTemporaryDir traffic;
    SandboxProcess sandbox;
    QVERIFY(sandbox.start({QStringLiteral("--generate-des"), QStringLiteral("1000"),
                           QStringLiteral("--traffic-dir"), traffic.path()}));
    const Run run = runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                            QStringLiteral("--subscription"), Sub, QStringLiteral("--location"),
                            QStringLiteral("West Europe"), QStringLiteral("--type"), QStringLiteral("CMK"),
                            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--source"),
                            QStringLiteral("arg")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonArray array = parseArray(run.out);
    QCOMPARE(array.size(), 25 + 1); // 1,000 generated over 20 regions, every other 20 CMK; one in the fixture
    for (const QJsonValue value : array) {
        QCOMPARE(value[QLatin1String("source")].toString(), QStringLiteral("arg"));
        QCOMPARE(value[QLatin1String("location")].toString(), QStringLiteral("westeurope"));
        QCOMPARE(value[QLatin1String("type")].toString(), QStringLiteral("CMK"));
    }
    QCOMPARE(trafficRequests(traffic.path(), QStringLiteral("POST"), ResourceGraphPath), 1);
    QCOMPARE(trafficRequests(traffic.path(), QStringLiteral("GET"), DesListPath), 0);
}

void TestCliListDes::sourceArmListsThroughArm() {
    const QTemporaryDir traffic;
    SandboxProcess sandbox;
    QVERIFY(sandbox.start({QStringLiteral("--traffic-dir"), traffic.path()}));
    const Run run =
        runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                QStringLiteral("--subscription"), Sub, QStringLiteral("--source"), QStringLiteral("arm")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), fixtureDes(Sub).size() + 2);
    QCOMPARE(lines.last(), QStringLiteral("Listed from Azure Resource Manager."));
    QCOMPARE(trafficRequests(traffic.path(), QStringLiteral("POST"), ResourceGraphPath), 0);
    QCOMPARE(trafficRequests(traffic.path(), QStringLiteral("GET"), DesListPath), 1);
}

void TestCliListDes::autoFallsBackToArmWhenResourceGraphIsOff() {
    const QTemporaryDir traffic;
    SandboxProcess sandbox;
    QVERIFY(sandbox.start(
        {QStringLiteral("--no-resource-graph"), QStringLiteral("--traffic-dir"), traffic.path()}));
    const Run text = runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                             QStringLiteral("--subscription"), Sub});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(text.out.endsWith(QLatin1String("Listed from Azure Resource Manager.\n")), qPrintable(text.out));
    const Run json = runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                             QStringLiteral("--subscription"), Sub, QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--source"), QStringLiteral("auto")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonArray array = parseArray(json.out);
    QCOMPARE(array.size(), fixtureDes(Sub).size());
    for (const QJsonValue value : array)
        QCOMPARE(value[QLatin1String("source")].toString(), QStringLiteral("arm"));
    // Each run asked ARG once (404), then listed through ARM.
    QCOMPARE(trafficRequests(traffic.path(), QStringLiteral("POST"), ResourceGraphPath), 2);
    QCOMPARE(trafficRequests(traffic.path(), QStringLiteral("GET"), DesListPath), 2);
}

void TestCliListDes::sourceArgFailsWhenResourceGraphIsOff() {
    SandboxProcess sandbox;
    QVERIFY(sandbox.start({QStringLiteral("--no-resource-graph")}));
    const Run run =
        runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                QStringLiteral("--subscription"), Sub, QStringLiteral("--source"), QStringLiteral("arg")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QLatin1String("NoRegisteredProviderFound")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliListDes)
#include "tst_cli_listdes.moc"
