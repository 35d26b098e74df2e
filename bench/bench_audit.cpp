// The fleet audit at realistic latency (issue 18): `cmkwizard audit` over 10,000 image versions in 20
// subscriptions (plus one that answers 403), against armsandbox answering every request after 100 ms, through
// Resource Graph (--source arg) and through the ARM walk (--source arm); side by side in the same run, a
// sequential walk with Microsoft's unmodified @azure/arm-compute (bench/sdk-walk-versions.js: galleries.list
// -> galleryImages.listByGallery -> galleryImageVersions.listByGalleryImage), and the ratio.
//
//   bench_audit [--subscriptions S] [--galleries G] [--images I] [--versions V] [--latency MS] [--runs R]
//               [--node PATH] [--no-sdk]
//
// Each audit is the real executable (CMK_BIN_DIR or next to this binary) under /usr/bin/time, for its wall
// time and peak RSS; the sandbox runs as its own process. Targets: ARG <= 5 s, ARM <= 60 s, SDK / ARG >= 10,
// peak RSS <= 200 MiB. Exit status 2 when a target is missed.

#include "benchprocess.h"
#include "support/fleet.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

namespace {

using cmkbench::loadAverage;
using cmkbench::median;

using fleettest::fleetSubscription;

struct AuditRun {
    double ms = -1;
    double rssMiB = -1;
    int versions = -1;
};

/// One `cmkwizard audit --source SOURCE --format json` over `subscriptions`, output kept for its count.
bool runAudit(const QUrl &url, const QString &source, int subscriptions, AuditRun *out) {
    QTemporaryDir dir;
    const QString timeFile = dir.filePath(QStringLiteral("time"));
    const QString report = dir.filePath(QStringLiteral("report.json"));
    QStringList arguments = {QStringLiteral("-f"),
                             QStringLiteral("%M"),
                             QStringLiteral("-o"),
                             timeFile,
                             cmkbench::binary(QStringLiteral("cmkwizard")),
                             QStringLiteral("audit"),
                             QStringLiteral("--arm-endpoint"),
                             url.toString(),
                             QStringLiteral("--source"),
                             source,
                             QStringLiteral("--format"),
                             QStringLiteral("json"),
                             QStringLiteral("--out"),
                             report};
    for (int s = 0; s < subscriptions; ++s)
        arguments << QStringLiteral("--subscription") << fleetSubscription(s);
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"), QString());
    cli.setProcessEnvironment(env);
    cli.setProcessChannelMode(QProcess::SeparateChannels); // stderr: the subscription not reviewed, dropped
    QElapsedTimer timer;
    timer.start();
    cli.start(QStringLiteral("/usr/bin/time"), arguments);
    if (!cli.waitForFinished(600000) || (cli.exitCode() != 0 && cli.exitCode() != 5)) {
        fprintf(stderr, "audit --source %s failed: %s\n", qPrintable(source),
                cli.readAllStandardError().constData());
        return false;
    }
    out->ms = double(timer.elapsed());
    QFile time(timeFile);
    QFile json(report);
    if (!time.open(QIODevice::ReadOnly) || !json.open(QIODevice::ReadOnly))
        return false;
    out->rssMiB =
        QString::fromLatin1(time.readAll()).trimmed().section(QLatin1Char('\n'), -1).toDouble() / 1024.0;
    out->versions = QJsonDocument::fromJson(json.readAll())
                        .object()[QLatin1String("summary")][QLatin1String("versions")]
                        .toInt();
    return true;
}

/// bench/sdk-walk-versions.js: its own elapsed time and the versions it saw.
bool runSdk(const QString &node, const QUrl &url, int subscriptions, AuditRun *out, QString *version) {
    QStringList arguments = {QStringLiteral(CMK_SOURCE_DIR "/bench/sdk-walk-versions.js"), url.toString()};
    for (int s = 0; s < subscriptions; ++s)
        arguments << fleetSubscription(s);
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(node, arguments);
    if (!process.waitForFinished(1800000) || process.exitCode() != 0)
        return false;
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    out->ms = result.value(QStringLiteral("elapsedMs")).toDouble(-1);
    out->versions = result.value(QStringLiteral("versions")).toInt();
    *version = result.value(QStringLiteral("sdkVersion")).toString();
    return out->ms >= 0;
}

struct Options {
    int subscriptions = 20, galleries = 5, images = 10, versions = 10, latency = 100, runs = 3;
    QString node;
    bool sdk = true;
};

Options readOptions(const QCoreApplication &app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("cmkwizard audit over a generated fleet at latency."));
    parser.addHelpOption();
    const QStringList names = {QStringLiteral("subscriptions"), QStringLiteral("galleries"),
                               QStringLiteral("images"),        QStringLiteral("versions"),
                               QStringLiteral("latency"),       QStringLiteral("runs")};
    for (const QString &name : names)
        parser.addOption({name, QStringLiteral("See the header of bench_audit.cpp."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("node"), QStringLiteral("The node executable."), QStringLiteral("PATH"),
                      QStringLiteral("node")});
    parser.addOption({QStringLiteral("no-sdk"), QStringLiteral("Skip the @azure/arm-compute walk.")});
    parser.process(app);
    Options o;
    int *fields[] = {&o.subscriptions, &o.galleries, &o.images, &o.versions, &o.latency, &o.runs};
    for (int i = 0; i < names.size(); ++i) {
        if (parser.isSet(names.at(i)))
            *fields[i] = parser.value(names.at(i)).toInt();
    }
    o.node = parser.value(QStringLiteral("node"));
    o.sdk = !parser.isSet(QStringLiteral("no-sdk"));
    return o;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const Options o = readOptions(app);
    // One more subscription than asked: the generated fleet's last one answers 403 and holds no version seen.
    const int subscriptions = o.subscriptions + 1;
    QProcess sandbox;
    const QUrl url = cmkbench::startSandbox(
        sandbox,
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--latency"),
         QString::number(o.latency), QStringLiteral("--generate-fleet"),
         QStringLiteral("%1:%2:%3:%4").arg(subscriptions).arg(o.galleries).arg(o.images).arg(o.versions)});
    if (url.isEmpty())
        return 1;
    printf("armsandbox --latency %d --generate-fleet %d:%d:%d:%d (%d versions to audit, 1 subscription "
           "answering "
           "403); load average %s\n",
           o.latency, subscriptions, o.galleries, o.images, o.versions,
           o.subscriptions * o.galleries * o.images * o.versions, qPrintable(loadAverage()));
    printf("run   arg(ms)  arg RSS(MiB)  versions   arm(ms)  arm RSS(MiB)  versions\n");
    QList<double> arg, arm;
    double peakRss = 0;
    for (int run = 1; run <= o.runs; ++run) {
        AuditRun a, m;
        if (!runAudit(url, QStringLiteral("arg"), subscriptions, &a) ||
            !runAudit(url, QStringLiteral("arm"), subscriptions, &m))
            return 1;
        printf("%-3d %9.0f %13.1f %9d %9.0f %13.1f %9d\n", run, a.ms, a.rssMiB, a.versions, m.ms, m.rssMiB,
               m.versions);
        fflush(stdout);
        arg << a.ms;
        arm << m.ms;
        peakRss = std::max({peakRss, a.rssMiB, m.rssMiB});
    }
    AuditRun sdk;
    QString sdkVersion;
    if (o.sdk && !runSdk(o.node, url, subscriptions, &sdk, &sdkVersion))
        return 1;
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    const double ratio = o.sdk ? sdk.ms / median(arg) : -1;
    printf("median: arg %.0f ms, arm %.0f ms; SDK sequential walk (@azure/arm-compute %s) %.0f ms for %d "
           "versions, "
           "ratio %.1fx; peak RSS %.1f MiB; load average %s\n",
           median(arg), median(arm), qPrintable(sdkVersion), sdk.ms, sdk.versions, ratio, peakRss,
           qPrintable(loadAverage()));
    const bool met = median(arg) <= 5000 && median(arm) <= 60000 && (!o.sdk || ratio >= 10) && peakRss <= 200;
    printf("targets (arg <= 5 s, arm <= 60 s, SDK >= 10x arg, peak RSS <= 200 MiB): %s\n",
           met ? "met" : "MISSED");
    return met ? 0 : 2;
}
