// The armsandbox executable: the listening line, options, traffic files, clean stop on SIGTERM.

#include "support/sandboxhttp.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

using namespace sandboxtest;

class TestSandboxExe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printsTheListeningLineAndStopsOnSigterm();
    void stopsOnSigint();
    void optionsReachTheServer();
    void invalidOptionsExitWith2_data();
    void invalidOptionsExitWith2();

private:
    /// Starts the exe and returns its base URL (empty on failure).
    QUrl start(QProcess &process, const QStringList &arguments);
    QString m_exe;
};

void TestSandboxExe::initTestCase() {
    const QString binDir = qEnvironmentVariable("CMK_BIN_DIR", QCoreApplication::applicationDirPath());
    m_exe = QDir(binDir).filePath(QStringLiteral("armsandbox"));
    QVERIFY2(QFileInfo::exists(m_exe), qPrintable(m_exe));
}

QUrl TestSandboxExe::start(QProcess &process, const QStringList &arguments) {
    process.start(m_exe, arguments);
    if (!process.waitForStarted(5000))
        return {};
    // Reading the child's pipe while blocking is fine: the server runs in the other process.
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (!line.contains('\n') && timer.elapsed() < 10000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        line += process.readAllStandardOutput();
    }
    const QRegularExpression listening(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+))\n$"));
    const QRegularExpressionMatch m = listening.match(QString::fromUtf8(line));
    if (!m.hasMatch()) {
        qWarning() << "unexpected first output" << line << process.readAllStandardError();
        return {};
    }
    return QUrl(m.captured(1));
}

void TestSandboxExe::printsTheListeningLineAndStopsOnSigterm() {
    QProcess process;
    const QUrl base = start(process, {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(base.isValid());
    QVERIFY(base.port() > 0);
    Http http;
    const HttpResult subs =
        http.get(armUrl(base, QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01")));
    QCOMPARE(subs.status, 200);
    QCOMPARE(subs.json().value(QLatin1String("value")).toArray().size(), 2);
    process.terminate(); // SIGTERM
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardOutput(), QByteArray()); // exactly one line in all
}

void TestSandboxExe::stopsOnSigint() {
    QProcess process;
    QVERIFY(start(process, {}).isValid());
    QVERIFY(::kill(pid_t(process.processId()), SIGINT) == 0);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxExe::optionsReachTheServer() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString traffic = dir.filePath(QStringLiteral("traffic"));
    QProcess process;
    const QUrl base = start(process, {QStringLiteral("--page-size"), QStringLiteral("1000"),
                                      QStringLiteral("--generate-des"), QStringLiteral("3000"),
                                      QStringLiteral("--traffic-dir"), traffic, QStringLiteral("--faults"),
                                      QStringLiteral("status=429:nth=1:retry-after=2"),
                                      QStringLiteral("--auth"), QStringLiteral("none"),
                                      QStringLiteral("--latency"), QStringLiteral("1:2")});
    QVERIFY(base.isValid());
    Http http;
    const QUrl first = armUrl(
        base, QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets").arg(kSub1),
        QStringLiteral("2025-01-02"));
    const HttpResult limited = http.get(first);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("2"));
    const ListPages list = readListPages(http, first, 20);
    QCOMPARE(list.failedStatus, 0);
    QCOMPARE(list.items, 3009); // 9 fixture sets (with des-weu-cvm) + 3000 generated
    QCOMPARE(list.pages, 4);
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QDir(traffic).entryList({QStringLiteral("*-GET.json")}, QDir::Files).size(), 5);
}

void TestSandboxExe::invalidOptionsExitWith2_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad fault spec") << QStringList{QStringLiteral("--faults"),
                                                   QStringLiteral("status=429:nth=x")}
                                    << "nth";
    QTest::newRow("bad auth") << QStringList{QStringLiteral("--auth"), QStringLiteral("maybe")} << "--auth";
    QTest::newRow("bad page size") << QStringList{QStringLiteral("--page-size"), QStringLiteral("0")}
                                   << "--page-size";
    QTest::newRow("bad latency") << QStringList{QStringLiteral("--latency"), QStringLiteral("100:x")}
                                 << "--latency";
    QTest::newRow("negative latency") << QStringList{QStringLiteral("--latency"), QStringLiteral("-5")}
                                      << "--latency";
    QTest::newRow("missing fixture") << QStringList{QStringLiteral("--fixture"),
                                                    QStringLiteral("/nonexistent/f.json")}
                                     << "/nonexistent/f.json";
}

void TestSandboxExe::invalidOptionsExitWith2() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(m_exe, arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(stderrText.contains(message), qPrintable(stderrText));
}

QTEST_GUILESS_MAIN(TestSandboxExe)
#include "tst_sandbox_exe.moc"
