// armsandbox: the sandbox as a standalone server (see docs/sandbox.md).

#include "armsandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int) {
    const char byte = 1;
    // Only async-signal-safe work here: the event loop reads the pipe and quits.
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

bool installSignalHandlers() {
    if (::pipe(signalPipe) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

int readInt(const QCommandLineParser &parser, const QString &name, int minimum, int fallback, bool *ok) {
    if (!parser.isSet(name))
        return fallback;
    bool parsed = false;
    const int value = parser.value(name).toInt(&parsed);
    if (!parsed || value < minimum) {
        *ok = false;
        QTextStream(stderr) << QCoreApplication::translate(
                                   "armsandbox", "--%1 must be an integer of at least %2, not “%3”.")
                                   .arg(name)
                                   .arg(minimum)
                                   .arg(parser.value(name))
                            << '\n';
    }
    return value;
}

void addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(QCoreApplication::translate(
        "armsandbox",
        "Local stand-in for Azure Resource Manager and Microsoft Entra ID, for tests and demos."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"),
         QCoreApplication::translate("armsandbox", "TCP port on 127.0.0.1 (0 picks a free one)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("fixture"),
         QCoreApplication::translate("armsandbox", "Fixture JSON file (default: the embedded demo fixture)."),
         QStringLiteral("FILE")},
        {QStringLiteral("traffic-dir"),
         QCoreApplication::translate("armsandbox",
                                     "Write every exchange as an oav live-traffic JSON file in DIR."),
         QStringLiteral("DIR")},
        {QStringLiteral("page-size"),
         QCoreApplication::translate("armsandbox", "Items per list page (default 100)."),
         QStringLiteral("N")},
        {QStringLiteral("auth"),
         QCoreApplication::translate("armsandbox",
                                     "none: no token needed; required: ARM needs a sandbox token."),
         QStringLiteral("none|required"), QStringLiteral("none")},
        {QStringLiteral("faults"),
         QCoreApplication::translate("armsandbox",
                                     "Fault injection rules, e.g. status=429:rate=0.3:retry-after=1."),
         QStringLiteral("SPEC")},
        {QStringLiteral("token-lifetime"),
         QCoreApplication::translate("armsandbox",
                                     "Lifetime in seconds of the access tokens issued (default 3600)."),
         QStringLiteral("S")},
        {QStringLiteral("feature-polls"),
         QCoreApplication::translate("armsandbox",
                                     "GETs of a registering feature or provider before it is Registered "
                                     "(default 3)."),
         QStringLiteral("N")},
        {QStringLiteral("features-registered"),
         QCoreApplication::translate(
             "armsandbox", "Start with every feature of the fixture Registered (SIGEncryption in the "
                           "demo), as in a subscription where the registration is done.")},
        {QStringLiteral("lro-polls"),
         QCoreApplication::translate("armsandbox",
                                     "Operation status polls before an image version is done (default 3)."),
         QStringLiteral("N")},
        {QStringLiteral("retry-after"),
         QCoreApplication::translate("armsandbox",
                                     "Retry-After seconds sent with long-running operations (default 0)."),
         QStringLiteral("S")},
        {QStringLiteral("latency"),
         QCoreApplication::translate("armsandbox",
                                     "Delay every answer by MS milliseconds plus a random 0 to JITTER "
                                     "(default 0), as a remote Azure would."),
         QStringLiteral("MS[:JITTER]")},
        {QStringLiteral("throttle"),
         QCoreApplication::translate("armsandbox",
                                     "ARM's request quotas per subscription: buckets of N reads and M "
                                     "writes refilled at R tokens per second (default: a tenth of the "
                                     "bucket), 429 when one is empty."),
         QStringLiteral("reads=N,writes=M[,refill=R]")},
        {QStringLiteral("generate-des"),
         QCoreApplication::translate("armsandbox", "Add N generated Disk Encryption Sets over 20 regions."),
         QStringLiteral("N")},
        {QStringLiteral("generate-fleet"),
         QCoreApplication::translate(
             "armsandbox", "Add a deterministic fleet of image versions over SUBS subscriptions (the last one "
                           "answers 403), with a mix of encryption set-ups and problems (docs/sandbox.md)."),
         QStringLiteral("SUBS:GALLERIES:IMAGES:VERSIONS[:SEED]")},
        {QStringLiteral("no-resource-graph"),
         QCoreApplication::translate("armsandbox",
                                     "Answer Azure Resource Graph queries with 404, as a cloud without it.")},
    });
}

/// --latency MS[:JITTER] into `options`; false (the reason on stderr) when it is not two such numbers.
bool readLatency(const QCommandLineParser &parser, armsandbox::SandboxOptions *options) {
    if (!parser.isSet(QStringLiteral("latency")))
        return true;
    const QString value = parser.value(QStringLiteral("latency"));
    const QStringList parts = value.split(QLatin1Char(':'));
    bool okMs = false;
    bool okJitter = true;
    const int ms = parts.value(0).toInt(&okMs);
    const int jitter = parts.size() > 1 ? parts.at(1).toInt(&okJitter) : 0;
    if (parts.size() > 2 || !okMs || !okJitter || ms < 0 || jitter < 0 || ms > 600000 || jitter > 600000) {
        QTextStream(stderr)
            << QCoreApplication::translate(
                   "armsandbox", "--latency must be MS or MS:JITTER in milliseconds (0 to 600000), not “%1”.")
                   .arg(value)
            << '\n';
        return false;
    }
    options->latencyMs = ms;
    options->latencyJitterMs = jitter;
    return true;
}

/// The options the parsed command line gives; false (every reason on stderr) when some are invalid.
bool readOptions(const QCommandLineParser &parser, armsandbox::SandboxOptions *options) {
    bool ok = true;
    options->port = quint16(readInt(parser, QStringLiteral("port"), 0, 0, &ok));
    if (ok && parser.isSet(QStringLiteral("port")) && parser.value(QStringLiteral("port")).toInt() > 65535) {
        QTextStream(stderr) << QCoreApplication::translate("armsandbox", "--port must be at most 65535.")
                            << '\n';
        ok = false;
    }
    options->fixturePath = parser.value(QStringLiteral("fixture"));
    options->trafficDir = parser.value(QStringLiteral("traffic-dir"));
    options->pageSize = readInt(parser, QStringLiteral("page-size"), 1, options->pageSize, &ok);
    options->tokenLifetimeSeconds =
        readInt(parser, QStringLiteral("token-lifetime"), 1, options->tokenLifetimeSeconds, &ok);
    options->featurePollsUntilRegistered =
        readInt(parser, QStringLiteral("feature-polls"), 0, options->featurePollsUntilRegistered, &ok);
    options->featuresRegistered = parser.isSet(QStringLiteral("features-registered"));
    options->resourceGraph = !parser.isSet(QStringLiteral("no-resource-graph"));
    options->lroPollsUntilDone =
        readInt(parser, QStringLiteral("lro-polls"), 1, options->lroPollsUntilDone, &ok);
    options->retryAfterSeconds =
        readInt(parser, QStringLiteral("retry-after"), 0, options->retryAfterSeconds, &ok);
    options->generateDes = readInt(parser, QStringLiteral("generate-des"), 0, 0, &ok);
    options->generateFleet = parser.value(QStringLiteral("generate-fleet"));
    ok = readLatency(parser, options) && ok;
    const QString auth = parser.value(QStringLiteral("auth"));
    if (auth != QLatin1String("none") && auth != QLatin1String("required")) {
        QTextStream(stderr) << QCoreApplication::translate("armsandbox",
                                                           "--auth must be none or required, not “%1”.")
                                   .arg(auth)
                            << '\n';
        ok = false;
    }
    options->authRequired = auth == QLatin1String("required");
    options->faults = parser.value(QStringLiteral("faults"));
    options->throttle = parser.value(QStringLiteral("throttle"));
    // The standalone server keeps no in-memory history: the traffic directory is its record.
    options->recordExchanges = false;
    return ok;
}

/// Serves until SIGTERM or SIGINT; the process's exit status.
int serve(QCoreApplication &app, const armsandbox::SandboxOptions &options) {
    if (!installSignalHandlers()) {
        QTextStream(stderr) << QCoreApplication::translate("armsandbox",
                                                           "Cannot install the signal handlers.")
                            << '\n';
        return 1;
    }
    QSocketNotifier signalNotifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });

    armsandbox::Sandbox sandbox;
    QString why;
    if (!sandbox.start(options, &why)) {
        QTextStream(stderr) << why << '\n';
        return 2;
    }
    std::fprintf(stdout, "listening on %s\n", qPrintable(sandbox.baseUrl().toString()));
    std::fflush(stdout);
    const int status = app.exec();
    sandbox.stop();
    return status;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("armsandbox"));

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << QCoreApplication::translate("armsandbox", "Unexpected argument “%1”.")
                                   .arg(parser.positionalArguments().first())
                            << '\n';
        return 2;
    }
    armsandbox::SandboxOptions options;
    if (!readOptions(parser, &options))
        return 2;
    return serve(app, options);
}
