// Runs the built cmkwizard binary (CMK_BIN_DIR, set by ctest) as a user would from a script, with a private
// home so no test ever touches the real user's settings, drafts or sign-in.
#pragma once

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace cmktest {

struct CmkwizardRun {
    // -1: could not start; -2: crashed; -3: hung and was killed; otherwise the exit code.
    int exitCode = -1;
    QString out;
    QString err;
};

inline QString cmkwizardPath() {
    return qEnvironmentVariable("CMK_BIN_DIR") + QStringLiteral("/cmkwizard");
}

// The executable is there (the tests run through ctest, which sets CMK_BIN_DIR).
inline bool cmkwizardBuilt() {
    return QFile::exists(cmkwizardPath());
}

// English output, the given access token (never the user's sign-in), home and XDG folders inside `home`.
inline QProcessEnvironment headlessEnvironment(const QTemporaryDir &home, const QString &accessToken) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"), accessToken);
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

// The event loop keeps running while waiting: an in-process sandbox answers from this very process.
inline CmkwizardRun runCmkwizard(const QStringList &arguments, const QProcessEnvironment &env,
                                 int timeoutMs = 40000) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(cmkwizardPath(), arguments);
    CmkwizardRun result;
    if (!process.waitForStarted(5000)) {
        result.err = QStringLiteral("cannot start %1 (CMK_BIN_DIR)").arg(cmkwizardPath());
        return result;
    }
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        result.exitCode = -3;
    } else {
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace cmktest
