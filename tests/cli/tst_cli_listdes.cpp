// `cmkwizard list-des` as users and scripts run it: the real binary (CMK_BIN_DIR) in a QProcess, against the
// embedded sandbox (--sandbox) or a separate armsandbox process (--arm-endpoint), checking stdout, stderr
// and exit codes.

#include "support/cmkwizardprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

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

/// A separate armsandbox process; its URL once it printed "listening on ...".
class SandboxProcess {
public:
    bool start(const QStringList &arguments) {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(binDir() + QStringLiteral("/armsandbox"),
                        QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray line;
        while (!line.contains('\n')) {
            if (!m_process.waitForReadyRead(10000))
                return false;
            line += m_process.readAllStandardOutput();
        }
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"))
                .match(QString::fromUtf8(line).trimmed());
        if (!match.hasMatch())
            return false;
        m_url = match.captured(1);
        return true;
    }
    QString url() const { return m_url; }
    ~SandboxProcess() {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished();
    }

private:
    QProcess m_process;
    QString m_url;
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
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const auto des = fixtureDes(Sub);
    QCOMPARE(lines.size(), des.size() + 1);
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
    const Run run =
        runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                QStringLiteral("--subscription"), Sub, QStringLiteral("--format"), QStringLiteral("json")});
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
    const Run run =
        runCli({QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), sandbox.url(),
                QStringLiteral("--subscription"), Sub, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(parseArray(run.out).size(), fixtureDes(Sub).size());
}

QTEST_GUILESS_MAIN(TestCliListDes)
#include "tst_cli_listdes.moc"
