// What the benchmarks share: finding the built binaries and starting armsandbox as a separate process (so its
// work never counts as the measured process's event-loop time).
#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>
#include <algorithm>

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

/// The median of `values` (the mean of the middle two for an even count), -1 for none.
inline double median(QList<double> values) {
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

/// The 1, 5 and 15 minute load averages, as /proc/loadavg says them.
inline QString loadAverage() {
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly)
               ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2)
               : QStringLiteral("?");
}

} // namespace cmkbench
