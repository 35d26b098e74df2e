// Lists 10,000 Disk Encryption Sets through the DiskEncryptionSetCatalog (ArmClient::list, each page
// converted and indexed on a worker), as `cmkwizard list-des` does, and reports wall time and peak RSS for
// sandbox pages of 100 and of 1,000 items. The sandbox runs as a separate process (armsandbox from
// CMK_BIN_DIR or next to this binary), and each page size is measured in a fresh child of this benchmark, so
// the numbers are the client's alone.
//
//   bench_listdes [--count N] [--runs R]        all page sizes, one child process each
//   bench_listdes --page-size P [--count N]     one measurement (what the children run)
//   bench_listdes --cli [--count N] [--runs R]  `cmkwizard list-des --source arm --format json` itself
//                                               (CMK_BIN_DIR), with stdout to /dev/null: its peak RSS, and
//                                               its time with every set in the output against a region with
//                                               none (the same listing)
//
// Targets (issue 2): under 1 s and under 80 MB for 10,000 DES on the 2-core reference machine.

#include "arm/armclient.h"
#include "benchprocess.h"
#include "des/diskencryptionsetcatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

namespace {

const QString Subscription =
    QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14"); // the demo fixture's first

/// Peak resident set size of this process in MiB (VmHWM).
double peakRssMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QString text = QString::fromLatin1(status.readAll());
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("VmHWM:\\s+(\\d+) kB")).match(text);
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : -1;
}

/// Starts armsandbox with `count` generated DES; returns its URL, empty on failure.
QUrl startSandbox(QProcess &process, int pageSize, int count) {
    return cmkbench::startSandbox(process, {QStringLiteral("--port"), QStringLiteral("0"),
                                            QStringLiteral("--page-size"), QString::number(pageSize),
                                            QStringLiteral("--generate-des"), QString::number(count)});
}

/// CPU time (user + system) this process used so far, in ms.
qint64 cpuMs() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

struct Measure {
    qint64 ms = 0;
    qint64 cpuMs = 0; ///< the client's own CPU time, which the sandbox's load does not inflate
    size_t items = 0;
    int pages = 0;
    QString error;
};

/// One full listing: every page fetched, converted into typed DES, indexed and kept, as list-des does.
Measure listOnce(cmk::ArmClient &client) {
    Measure measure;
    cmk::DiskEncryptionSetCatalog catalog;
    catalog.setWorkerPriorityLowered(false); // as list-des
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuAtStart = cpuMs();
    QEventLoop loop;
    QObject::connect(&catalog, &cmk::DiskEncryptionSetCatalog::loadFinished, &loop, &QEventLoop::quit);
    catalog.load(&client, Subscription);
    if (catalog.isLoading())
        loop.exec();
    measure.ms = timer.elapsed();
    measure.cpuMs = cpuMs() - cpuAtStart;
    measure.items = size_t(catalog.size());
    measure.pages = catalog.pageCount();
    if (catalog.error())
        measure.error = catalog.error().toDisplayString();
    return measure;
}

int runOne(int pageSize, int count, int runs) {
    QTextStream out(stdout);
    QProcess sandbox;
    const QUrl url = startSandbox(sandbox, pageSize, count);
    if (url.isEmpty()) {
        QTextStream(stderr) << "could not start " << cmkbench::binary(QStringLiteral("armsandbox"))
                            << Qt::endl;
        return 1;
    }
    cmk::ArmClient client;
    client.setEndpoint(url);
    std::vector<qint64> times;
    QStringList cpu;
    Measure last;
    for (int i = 0; i < runs; ++i) {
        last = listOnce(client);
        if (!last.error.isEmpty()) {
            QTextStream(stderr) << "listing failed: " << last.error << Qt::endl;
            return 1;
        }
        times.push_back(last.ms);
        cpu << QString::number(last.cpuMs);
    }
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    std::vector<qint64> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    QStringList each;
    for (qint64 t : times)
        each << QString::number(t);
    // One machine-readable line per page size.
    out << QStringLiteral("page-size=%1 items=%2 pages=%3 first-ms=%4 median-ms=%5 max-ms=%6 runs-ms=%7 "
                          "client-cpu-ms=%8 peak-rss-mib=%9")
               .arg(pageSize)
               .arg(qulonglong(last.items))
               .arg(last.pages)
               .arg(times.front())
               .arg(sorted[sorted.size() / 2])
               .arg(sorted.back())
               .arg(each.join(QLatin1Char(',')))
               .arg(cpu.join(QLatin1Char(',')))
               .arg(peakRssMiB(), 0, 'f', 1)
        << Qt::endl;
    return 0;
}

struct CliRun {
    qint64 wallMs = -1;   ///< the whole command; -1 when it failed
    qint64 outputMs = -1; ///< the output's own cost once the listing is in, as the command logs it
};

/// One `cmkwizard list-des --format json` against `url`, its output discarded.
CliRun runListDesJson(const QUrl &url, const QString &location) {
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"), QString());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cmk.cli.listdes.debug=true"));
    cli.setProcessEnvironment(env);
    cli.setStandardOutputFile(QProcess::nullDevice());
    QStringList arguments = {QStringLiteral("list-des"), QStringLiteral("--arm-endpoint"), url.toString(),
                             QStringLiteral("--subscription"), Subscription, QStringLiteral("--format"),
                             QStringLiteral("json"),
                             // ARM's listing, which --location filters on the client: the same listing with
                             // and without it. (Resource Graph would filter on the server, and its quota of
                             // 15 queries per 5 s would make later runs wait.)
                             QStringLiteral("--source"), QStringLiteral("arm")};
    if (!location.isEmpty())
        arguments << QStringLiteral("--location") << location;
    QElapsedTimer timer;
    timer.start();
    cli.start(cmkbench::binary(QStringLiteral("cmkwizard")), arguments);
    CliRun run;
    if (!cli.waitForFinished(300000) || cli.exitCode() != 0)
        return run;
    run.wallMs = timer.elapsed();
    // The command's own measure (category cmk.cli.listdes): the output, from the listing in to the last byte.
    static const QRegularExpression written(QStringLiteral("output: \\d+ sets written in ([0-9.]+) ms"));
    const QRegularExpressionMatch match = written.match(QString::fromUtf8(cli.readAllStandardError()));
    run.outputMs = match.hasMatch() ? qRound64(match.captured(1).toDouble()) : -1;
    return run;
}

qint64 median(std::vector<qint64> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// --cli: the JSON output's cost on top of the listing, and the peak RSS of the whole command.
int runCli(int count, int runs) {
    QProcess sandbox;
    const QUrl url = startSandbox(sandbox, 100, count);
    if (url.isEmpty())
        return 1;
    std::vector<qint64> all;
    std::vector<qint64> none;
    std::vector<qint64> output;
    for (int i = 0; i < runs; ++i) {
        // "southafricawest" holds none of the generated sets: the same pages listed, an empty array written
        // (but the catalog keeps none of the sets either, which the difference of the two includes).
        const CliRun empty = runListDesJson(url, QStringLiteral("southafricawest"));
        const CliRun every = runListDesJson(url, QString());
        if (empty.wallMs < 0 || every.wallMs < 0 || every.outputMs < 0)
            return 1;
        none.push_back(empty.wallMs);
        all.push_back(every.wallMs);
        output.push_back(every.outputMs);
    }
    // The largest child waited for so far; the sandbox is still running, so only cmkwizard's runs count.
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    const double peakMiB = double(children.ru_maxrss) / 1024.0;
    const qint64 outputMs = median(output);
    QStringList outputRuns;
    for (const qint64 ms : output)
        outputRuns << QString::number(ms);
    const bool met = outputMs <= 50 && peakMiB <= 60;
    QTextStream(stdout) << QStringLiteral("list-des-json items=%1 all-median-ms=%2 none-median-ms=%3 "
                                          "difference-ms=%4 output-ms=%5 (runs: %6) peak-rss-mib=%7")
                               .arg(count)
                               .arg(median(all))
                               .arg(median(none))
                               .arg(median(all) - median(none))
                               .arg(outputMs)
                               .arg(outputRuns.join(QLatin1Char(',')))
                               .arg(peakMiB, 0, 'f', 1)
                        << (met ? "  [within targets]" : "  [OVER TARGET]") << Qt::endl;
    return met ? 0 : 2;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists generated Disk Encryption Sets through ArmClient."));
    parser.addHelpOption();
    const QCommandLineOption pageSizeOption(QStringLiteral("page-size"),
                                            QStringLiteral("Measure one page size."), QStringLiteral("N"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("Generated DES (default 10000)."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Listings per page size (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption cliOption(QStringLiteral("cli"),
                                       QStringLiteral("Measure `cmkwizard list-des --format json`."));
    parser.addOptions({pageSizeOption, countOption, runsOption, cliOption});
    parser.process(app);
    const int count = qMax(1, parser.value(countOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());

    if (parser.isSet(cliOption))
        return runCli(count, runs);
    if (parser.isSet(pageSizeOption))
        return runOne(qMax(1, parser.value(pageSizeOption).toInt()), count, runs);

    QTextStream out(stdout);
    out << QStringLiteral("bench_listdes: %1 generated DES (+ the demo fixture's), %2 listings per page size")
               .arg(count)
               .arg(runs)
        << Qt::endl;
    int status = 0;
    for (int pageSize : {100, 1000}) {
        // A fresh process per page size: peak RSS is that listing's alone.
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--page-size"), QString::number(pageSize), QStringLiteral("--count"),
                     QString::number(count), QStringLiteral("--runs"), QString::number(runs)});
        if (!child.waitForFinished(300000) || child.exitCode() != 0) {
            out << QStringLiteral("page-size=%1 FAILED").arg(pageSize) << Qt::endl;
            status = 1;
            continue;
        }
        const QString line = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        const auto value = [&](const QString &key) {
            return QRegularExpression(key + QStringLiteral("=([0-9.]+)")).match(line).captured(1).toDouble();
        };
        const bool fast = value(QStringLiteral("max-ms")) < 1000; // every run, the cold one included
        const bool small = value(QStringLiteral("peak-rss-mib")) < 80;
        out << line << (fast && small ? "  [within targets]" : "  [OVER TARGET]") << Qt::endl;
        if (!fast || !small)
            status = 2;
    }
    return status;
}
