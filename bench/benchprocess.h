// What the benchmarks share: finding the built binaries and starting armsandbox as a separate process (so its
// work never counts as the measured process's event-loop time).
#pragma once

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace cmkbench {

/// A built executable: from CMK_BIN_DIR, else beside the benchmark.
inline QString binary(const QString &name) {
    const QString fromEnv = qEnvironmentVariable("CMK_BIN_DIR");
    return (fromEnv.isEmpty() ? QCoreApplication::applicationDirPath() : fromEnv) + QLatin1Char('/') + name;
}

/// Starts armsandbox with `arguments`; returns the URL it prints once listening, empty on failure.
inline QUrl startSandbox(QProcess &process, const QStringList &arguments) {
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(binary(QStringLiteral("armsandbox")), arguments);
    if (!process.waitForStarted(10000))
        return {};
    QByteArray line;
    while (!line.contains('\n')) {
        if (!process.waitForReadyRead(30000))
            return {};
        line += process.readAllStandardOutput();
    }
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"))
            .match(QString::fromUtf8(line));
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

} // namespace cmkbench
