// The Debian package as a user gets it: CPack builds it from this build tree into a temporary folder, dpkg -x
// unpacks it into a temporary root, and the unpacked cmkwizard answers --version and --help (without a
// display) and lists the disk encryption sets of an armsandbox started from the same unpacked bin/. The
// desktop entry, the AppStream metainfo, the icon, the man page and the catalogues are where the desktop
// looks for them, and the two validators accept the files. script/bootstrap installs every tool used here.

#include "support/cmkwizardprocess.h"
#include "support/sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString demoSubscription = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");

struct ToolRun {
    int exitCode = -1;
    QString output; ///< stdout and stderr together
};

ToolRun runTool(const QString &program, const QStringList &arguments, const QString &workingDir = {},
                int timeoutMs = 240000) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    ToolRun run;
    if (!process.waitForStarted(10000)) {
        run.output = QStringLiteral("cannot start %1").arg(program);
        return run;
    }
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
    } else if (process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
    }
    run.output = QString::fromUtf8(process.readAll());
    return run;
}

} // namespace

class TestPackage : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    QString m_root; ///< the unpacked package
    QString m_home;

    QString installed(const QString &path) const { return m_root + QStringLiteral("/usr/") + path; }

    cmktest::CmkwizardRun runInstalled(const QStringList &arguments) const {
        QTemporaryDir home(m_home + QStringLiteral("/XXXXXX"));
        QProcessEnvironment env = cmktest::headlessEnvironment(home, QString());
        env.remove(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"));
        env.insert(QStringLiteral("CMKWIZARD_TOKEN_STORE"), QStringLiteral("memory"));
        // --version and --help need no display: no platform plugin is chosen for them.
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(installed(QStringLiteral("bin/cmkwizard")), arguments);
        cmktest::CmkwizardRun run;
        if (!process.waitForStarted(5000))
            return run;
        if (QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000))
            run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        else
            process.kill();
        process.waitForFinished(2000);
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_work.isValid());
        m_home = m_work.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(m_home));
        for (const char *tool :
             {"dpkg", "dpkg-deb", "dpkg-shlibdeps", "desktop-file-validate", "appstreamcli"})
            QVERIFY2(
                !QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                qPrintable(QStringLiteral("%1 is missing: run script/bootstrap").arg(QLatin1String(tool))));

        const QString packages = m_work.filePath(QStringLiteral("packages"));
        const ToolRun cpack =
            runTool(QStringLiteral(CMK_CPACK),
                    {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                     QStringLiteral(CMK_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), packages});
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output));
        const QStringList debs = QDir(packages).entryList({QStringLiteral("cmkwizard_*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_root = m_work.filePath(QStringLiteral("root"));
        const ToolRun unpack = runTool(QStringLiteral("dpkg"),
                                       {QStringLiteral("-x"), QDir(packages).filePath(debs.first()), m_root});
        QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.output));
    }

    void packageHoldsTheDesktopApplication() {
        for (const QString &path :
             {QStringLiteral("bin/cmkwizard"), QStringLiteral("bin/armsandbox"),
              QStringLiteral("share/cmkwizard/translations/cmkwizard_fr.qm"),
              QStringLiteral("share/cmkwizard/translations/cmkwizard_en.qm"),
              QStringLiteral("share/applications/org.cmkwizard.cmkwizard.desktop"),
              QStringLiteral("share/metainfo/org.cmkwizard.cmkwizard.metainfo.xml"),
              QStringLiteral("share/icons/hicolor/scalable/apps/org.cmkwizard.cmkwizard.svg"),
              QStringLiteral("share/man/man1/cmkwizard.1")})
            QVERIFY2(QFile::exists(installed(path)), qPrintable(path));
        const ToolRun desktop =
            runTool(QStringLiteral("desktop-file-validate"),
                    {installed(QStringLiteral("share/applications/org.cmkwizard.cmkwizard.desktop"))});
        QVERIFY2(desktop.exitCode == 0 && desktop.output.trimmed().isEmpty(), qPrintable(desktop.output));
        const ToolRun metainfo =
            runTool(QStringLiteral("appstreamcli"),
                    {QStringLiteral("validate"), QStringLiteral("--no-net"),
                     installed(QStringLiteral("share/metainfo/org.cmkwizard.cmkwizard.metainfo.xml"))});
        QVERIFY2(metainfo.exitCode == 0, qPrintable(metainfo.output));
        // The man page covers every subcommand.
        QFile man(installed(QStringLiteral("share/man/man1/cmkwizard.1")));
        QVERIFY(man.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(man.readAll());
        for (const char *command : {"list\\-des", "check\\-des", "setup\\-des", "check\\-prereqs", "create",
                                    "review", "export", "import\\-az", "create\\-vm", "login", "logout"})
            QVERIFY2(page.contains(QStringLiteral(".B %1").arg(QLatin1String(command))), command);
        QVERIFY(page.contains(QStringLiteral("cmkwizard " CMK_VERSION)));
    }

    void installedCmkwizardAnswersVersionAndHelp() {
        const cmktest::CmkwizardRun version = runInstalled({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("cmkwizard " CMK_VERSION));

        const cmktest::CmkwizardRun help =
            runInstalled({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *expected :
             {"--sandbox", "--review", "list-des", "check-des", "create-vm", "import-az"})
            QVERIFY2(help.out.contains(QLatin1String(expected)), qPrintable(help.out));
        // French from the installed catalogue.
        const cmktest::CmkwizardRun french =
            runInstalled({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")});
        QCOMPARE(french.exitCode, 0);
        QVERIFY2(french.out.contains(QStringLiteral("chiffrées")), qPrintable(french.out));
    }

    void installedCmkwizardListsTheSetsOfAnInstalledSandbox() {
        cmktest::SandboxProcess sandbox;
        QVERIFY(sandbox.start(installed(QStringLiteral("bin/armsandbox")),
                              {QStringLiteral("--auth"), QStringLiteral("none")}));
        const cmktest::CmkwizardRun run =
            runInstalled({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--arm-endpoint"),
                          sandbox.url(), QStringLiteral("list-des"), QStringLiteral("--subscription"),
                          demoSubscription, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("des-weu-cmk")), qPrintable(run.out));
    }
};

QTEST_MAIN(TestPackage)
#include "tst_package.moc"
