// At realistic latency (issue 15): the time from opening the wizard on a draft with 2 target regions (the
// Encryption page is shown within it) to both regions' dropdowns filled, and the Disk Encryption Set round
// trips it took, against armsandbox answering every request after 100 ms, with 10,000 generated sets over 20
// regions. Side by side in the same run, Microsoft's unmodified @azure/arm-compute (bench/sdk-list-des.js:
// diskEncryptionSets.list() filtered client-side) against the same sandbox, and the ratio.
//
//   bench_latency [--count N] [--runs R] [--latency MS] [--node PATH]
//
// The sandbox runs as its own process (armsandbox from CMK_BIN_DIR or next to this binary); the round trips
// are the answers to DES listings (ARM's, any page) and Resource Graph queries the wizard's client received
// during the measured window. Targets: at most 3 round trips, at most 400 ms, the SDK at
// least 20 times slower. Exit status 2 when a target is missed.

#include "arm/armclient.h"
#include "benchprocess.h"
#include "benchwizard.h"
#include "common/diskencryptionsetmodel.h"
#include "des/diskencryptionsetcatalog.h"
#include "imageversion/imageversiondraft.h"
#include "imagewizard/createimageversionwizard.h"
#include "imagewizard/wizardpageids.h"
#include "support/demodraft.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

using cmkbench::benchDraft;
using cmkbench::loadAverage;
using cmkbench::median;
using cmkbench::waitFor;

const QString Subscription = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14"); // the demo's production

/// Whether an answer the client received is a DES round trip: a page of ARM's listing of the sets or a
/// Resource Graph query.
bool isDesRoundTrip(const QByteArray &method, const QUrl &url) {
    const QString path = url.path();
    return (method == "GET" && path.endsWith(QLatin1String("/providers/Microsoft.Compute/diskEncryptionSets"),
                                             Qt::CaseInsensitive)) ||
           (method == "POST" && path.compare(QLatin1String("/providers/Microsoft.ResourceGraph/resources"),
                                             Qt::CaseInsensitive) == 0);
}

struct WizardRun {
    double filledMs = -1;     ///< wizard opened to both dropdowns filled
    double encryptionMs = -1; ///< wizard opened to the Encryption page shown
    double listedMs = -1;     ///< wizard opened to the catalogue's load finished (every page converted)
    int roundTrips = 0;
    int rowsWeu = 0;
    int rowsFrc = 0;
};

/// One wizard on a new client: opened, Next to the Encryption page at once, until both dropdowns are filled.
bool measureWizard(const QUrl &endpoint, int run, WizardRun *out) {
    cmk::ArmClient client;
    client.setEndpoint(endpoint);
    // Counted as the client receives them: the sandbox runs without --traffic-dir, whose recording (parse,
    // redact and write ~1 MB per Resource Graph page before answering) no ARM does.
    QObject::connect(&client, &cmk::ArmClient::responseReceived, &client,
                     [out](const QByteArray &method, const QUrl &url) {
                         if (isDesRoundTrip(method, url))
                             ++out->roundTrips;
                     });
    cmk::ImageVersionDraftModel draft;
    draft.setDraft(benchDraft(QStringLiteral("8.%1.0").arg(run)));
    cmkui::CreateWizardOptions options;
    options.withPrerequisites = false;
    QElapsedTimer clock;
    clock.start();
    cmkui::CreateImageVersionWizard wizard(&client, &draft, options);
    QObject::connect(wizard.diskEncryptionSets()->catalog(), &cmk::DiskEncryptionSetCatalog::loadFinished,
                     &wizard, [&] { out->listedMs = clock.nsecsElapsed() / 1e6; });
    wizard.resize(1000, 720);
    wizard.show();
    if (!cmkbench::nextUntil(wizard, cmkui::EncryptionPageId, "Encryption"))
        return false;
    out->encryptionMs = clock.nsecsElapsed() / 1e6;
    auto *weu = wizard.findChild<QComboBox *>(QStringLiteral("desCombo_westeurope_os"));
    auto *frc = wizard.findChild<QComboBox *>(QStringLiteral("desCombo_francecentral_os"));
    cmkui::DiskEncryptionSetModel *sets = wizard.diskEncryptionSets();
    const bool filled =
        weu && frc &&
        waitFor(
            [&] { return !sets->isLoading() && sets->isComplete() && weu->count() > 0 && frc->count() > 0; },
            60000);
    out->filledMs = clock.nsecsElapsed() / 1e6;
    if (!filled) {
        fprintf(stderr, "the dropdowns did not fill\n");
        return false;
    }
    out->rowsWeu = weu->count();
    out->rowsFrc = frc->count();
    return true;
}

struct SdkRun {
    double elapsedMs = -1;
    int listed = 0;
    QString version;
};

/// bench/sdk-list-des.js against the sandbox: its own elapsed time (first request to last set).
bool measureSdk(const QString &node, const QString &script, const QUrl &endpoint, SdkRun *out) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(node, {script, endpoint.toString(), Subscription,
                         QStringLiteral("EncryptionAtRestWithCustomerKey"), QStringLiteral("westeurope"),
                         QStringLiteral("francecentral")});
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        fprintf(stderr, "%s did not finish\n", qPrintable(script));
        return false;
    }
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    out->elapsedMs = result.value(QStringLiteral("elapsedMs")).toDouble(-1);
    out->listed = result.value(QStringLiteral("listed")).toInt();
    out->version = result.value(QStringLiteral("sdkVersion")).toString();
    return out->elapsedMs >= 0;
}

} // namespace

int main(int argc, char **argv) {
    cmkbench::useOffscreenUnlessSet();
    QApplication app(argc, argv);
    const QCommandLineOption latencyOption(QStringLiteral("latency"),
                                           QStringLiteral("armsandbox's --latency in ms (default 100)."),
                                           QStringLiteral("MS"), QStringLiteral("100"));
    const QCommandLineOption nodeOption(QStringLiteral("node"), QStringLiteral("The node executable."),
                                        QStringLiteral("PATH"), QStringLiteral("node"));
    const QCommandLineOption countOption = cmkbench::generatedSetsOption();
    const QCommandLineOption runsOption = cmkbench::runsOption(QStringLiteral("Runs of each side"), 5);
    QCommandLineParser parser;
    cmkbench::parseOptions(parser, app, {latencyOption, nodeOption, countOption, runsOption});
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QString script = QStringLiteral(CMK_SOURCE_DIR "/bench/sdk-list-des.js");

    QProcess sandbox;
    const QUrl endpoint = cmkbench::startSandbox(
        sandbox, {QStringLiteral("--latency"), parser.value(latencyOption), QStringLiteral("--generate-des"),
                  parser.value(countOption), QStringLiteral("--features-registered")});
    if (endpoint.isEmpty()) {
        fprintf(stderr, "cannot start %s\n", qPrintable(cmkbench::binary(QStringLiteral("armsandbox"))));
        return 1;
    }
    printf("armsandbox --latency %s --generate-des %s: 2 target regions (westeurope, francecentral), "
           "customer-managed key; load average %s\n",
           qPrintable(parser.value(latencyOption)), qPrintable(parser.value(countOption)),
           qPrintable(loadAverage()));
    printf("%-4s %10s %12s %10s %12s %10s %10s %12s\n", "run", "ours(ms)", "page shown", "listed",
           "round trips", "rows", "SDK(ms)", "SDK listed");
    QList<double> ours, afterPage, sdk;
    int worstRoundTrips = 0;
    bool ok = true;
    for (int run = 1; run <= runs; ++run) {
        WizardRun wizard;
        SdkRun node;
        ok = measureWizard(endpoint, run, &wizard) && ok;
        ok = measureSdk(parser.value(nodeOption), script, endpoint, &node) && ok;
        ours << wizard.filledMs;
        afterPage << wizard.filledMs - wizard.encryptionMs;
        sdk << node.elapsedMs;
        worstRoundTrips = std::max(worstRoundTrips, wizard.roundTrips);
        printf("%-4d %10.0f %12.0f %10.0f %12d %4d+%-5d %10.0f %12d\n", run, wizard.filledMs,
               wizard.encryptionMs, wizard.listedMs, wizard.roundTrips, wizard.rowsWeu, wizard.rowsFrc,
               node.elapsedMs, node.listed);
        if (run == 1)
            printf("     (@azure/arm-compute %s)\n", qPrintable(node.version));
        fflush(stdout);
    }
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    const double oursMedian = median(ours);
    const double sdkMedian = median(sdk);
    const double ratio = oursMedian > 0 ? sdkMedian / oursMedian : 0;
    printf("median: ours %.0f ms from opening the wizard (%.0f ms after the Encryption page was shown; at "
           "most %d "
           "round trips), SDK %.0f ms, ratio %.1fx; load average %s\n",
           oursMedian, median(afterPage), worstRoundTrips, sdkMedian, ratio, qPrintable(loadAverage()));
    const bool met = ok && worstRoundTrips <= 3 && oursMedian <= 400 && ratio >= 20;
    printf("targets (<= 3 round trips, <= 400 ms, >= 20x): %s\n", met ? "met" : "MISSED");
    return met ? 0 : 2;
}
