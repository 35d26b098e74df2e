// cmkwizard check-prereqs: the Prerequisites step of the wizard, headless.

#include "arm/armclient.h"
#include "cli/commands.h"
#include "prerequisites/desreadiness.h"
#include "prerequisites/prerequisites.h"

#include <QMetaEnum>
#include <QTextStream>
#include <QUuid>
#include <nlohmann/json.hpp>

namespace cmkapp {

namespace {

using cmk::PrerequisiteChecker;
using Item = PrerequisiteChecker::Item;
using State = PrerequisiteChecker::State;

QString stateKey(State state) {
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

nlohmann::json errorJson(const cmk::ArmError &error) {
    nlohmann::json j = nlohmann::json::object();
    j["code"] = error.code;
    j["message"] = error.message;
    j["httpStatus"] = error.httpStatus;
    if (!error.requestId.isEmpty())
        j["requestId"] = error.requestId;
    if (!error.correlationRequestId.isEmpty())
        j["correlationRequestId"] = error.correlationRequestId;
    return j;
}

nlohmann::json itemJson(const PrerequisiteChecker &checker, Item item) {
    nlohmann::json j = nlohmann::json::object();
    j["name"] = checker.itemDisplayName(item);
    j["state"] = stateKey(checker.state(item));
    j["serverState"] = checker.serverState(item);
    j["explanation"] = checker.explanation(item);
    j["polls"] = checker.pollCount(item);
    if (item == Item::Feature)
        j["required"] = checker.options().featureRequired;
    if (checker.hasError(item)) {
        j["error"] = errorJson(checker.error(item));
        j["permissionDenied"] = checker.isPermissionDenied(item);
    }
    if (checker.pollTimedOut(item))
        j["pollTimedOut"] = true;
    return j;
}

/// The command's own options.
struct Options {
    QCommandLineOption subscription;
    QCommandLineOption registerMissing;
    QCommandLineOption format;
    QCommandLineOption region;
    QCommandLineOption noFeature;
    QCommandLineOption pollInterval;
    QCommandLineOption timeout;
};

// A function, not member initialisers: lupdate files tr() calls inside a struct under the struct's name.
Options checkPrereqsOptions() {
    return Options{
        QCommandLineOption(QStringLiteral("subscription"), tr("Subscription ID to check."),
                           QStringLiteral("ID")),
        QCommandLineOption(QStringLiteral("register"),
                           tr("Register what is missing (this changes the whole "
                              "subscription) and wait until Azure has finished.")),
        QCommandLineOption(QStringLiteral("format"), tr("Output format: text or json."),
                           QStringLiteral("text|json"), QStringLiteral("text")),
        QCommandLineOption(
            QStringLiteral("region"),
            tr("Target region whose disk encryption sets are counted (repeat, or separate with commas)."),
            QStringLiteral("REGION")),
        QCommandLineOption(QStringLiteral("no-feature-check"),
                           tr("Do not require the SIGEncryption preview feature "
                              "(customer-managed keys for galleries are generally "
                              "available).")),
        QCommandLineOption(QStringLiteral("poll-interval-ms"),
                           tr("First wait between two checks while Azure registers, in "
                              "milliseconds (doubles up to one minute; default 5000)."),
                           QStringLiteral("MS"), QStringLiteral("5000")),
        QCommandLineOption(QStringLiteral("timeout"),
                           tr("Stop waiting for a registration after this many seconds (default "
                              "3600)."),
                           QStringLiteral("SECONDS"), QStringLiteral("3600")),
    };
}

/// What the user asked for, validated.
struct Request {
    QString subscription;
    QStringList regions; ///< normalised
    bool registerMissing = false;
    bool json = false;
    bool featureRequired = true;
    int pollIntervalMs = 5000;
    int timeoutSeconds = 3600;
};

/// What the checks found: the exit code (the first error decides; otherwise ready or not) and the errors.
struct Outcome {
    int exitCode = ExitOk;
    bool ready = false;
    QStringList errors;
};

/// The --region values, split at commas and normalised; false (reason on `err`) for one that is not a name.
bool readRegions(const QStringList &values, QStringList *regions, QTextStream &err) {
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString region = cmk::normalizeRegion(part);
            bool valid = !region.isEmpty();
            for (const QChar c : region)
                valid = valid && (c.isLetterOrNumber() && c.unicode() < 128);
            if (!valid) {
                err << tr("--region must be an Azure region name such as westus, not “%1”.")
                           .arg(part.trimmed())
                    << Qt::endl;
                return false;
            }
            regions->append(region);
        }
    }
    return true;
}

/// False (reason on `err`) when an option is missing or out of range.
bool readRequest(const QCommandLineParser &p, const Options &o, Request *request, QTextStream &err) {
    request->subscription = p.value(o.subscription).trimmed();
    if (request->subscription.isEmpty()) {
        err << tr("--subscription is required.") << Qt::endl;
        return false;
    }
    if (QUuid::fromString(request->subscription).isNull()) {
        err << tr("--subscription must be a subscription ID (a GUID), not “%1”.").arg(request->subscription)
            << Qt::endl;
        return false;
    }
    if (!readTextOrJsonFormat(p, o.format, &request->json, err))
        return false;
    bool ok = false;
    request->pollIntervalMs = p.value(o.pollInterval).toInt(&ok);
    if (!ok || request->pollIntervalMs < 1 || request->pollIntervalMs > 600000) {
        err << tr("--poll-interval-ms must be a number of milliseconds between 1 and 600000.") << Qt::endl;
        return false;
    }
    request->timeoutSeconds = p.value(o.timeout).toInt(&ok);
    if (!ok || request->timeoutSeconds < 1 || request->timeoutSeconds > 24 * 3600) {
        err << tr("--timeout must be a number of seconds between 1 and 86400.") << Qt::endl;
        return false;
    }
    request->registerMissing = p.isSet(o.registerMissing);
    request->featureRequired = !p.isSet(o.noFeature);
    return readRegions(p.values(o.region), &request->regions, err);
}

void configure(PrerequisiteChecker &checker, const Request &request, QTextStream &err) {
    PrerequisiteChecker::Options options;
    options.featureRequired = request.featureRequired;
    // Without --register the command reports and returns; it never waits for somebody else's registration.
    options.pollWhileRegistering = request.registerMissing;
    options.initialPollIntervalMs = request.pollIntervalMs;
    options.maxPollIntervalMs = qMax(request.pollIntervalMs, 60000);
    options.maxPollDurationMs = request.timeoutSeconds * 1000;
    checker.setOptions(options);
    checker.setSubscriptionId(request.subscription);
    if (!request.json) {
        QObject::connect(&checker, &PrerequisiteChecker::pollScheduled, &checker,
                         [&checker, &err](Item item, int attempt, int delayMs) {
                             err << tr("Waiting for Azure to register %1 (check %2 in %3 ms)…")
                                        .arg(checker.itemDisplayName(item))
                                        .arg(attempt)
                                        .arg(delayMs)
                                 << Qt::endl;
                         });
    }
}

/// Reads the feature and the provider and, with --register, registers what is missing and waits for Azure.
/// Returns the keys of the items whose registration was requested.
QStringList checkRegistrations(PrerequisiteChecker &checker, const Request &request, QTextStream &err) {
    // Busy until both reads answered and, with --register, until a registration under way has finished.
    checker.refresh();
    waitUntil([&] { return !checker.isBusy(); });
    QStringList registered;
    if (!request.registerMissing)
        return registered;
    const QList<Item> missing = checker.itemsNeedingRegistration();
    for (Item item : missing) {
        registered.append(PrerequisiteChecker::itemKey(item));
        if (!request.json)
            err << tr("Registering %1 for the whole subscription…").arg(checker.itemDisplayName(item))
                << Qt::endl;
    }
    checker.registerMissing();
    waitUntil([&] { return !checker.isBusy(); });
    return registered;
}

void countDiskEncryptionSets(cmk::DesReadinessChecker &checker, const Request &request) {
    if (request.regions.isEmpty())
        return;
    bool done = false;
    QObject::connect(&checker, &cmk::DesReadinessChecker::finished, &checker, [&done] { done = true; });
    checker.check(request.subscription, request.regions);
    waitUntil([&done] { return done; });
}

Outcome decideOutcome(const PrerequisiteChecker &checker, const cmk::DesReadinessChecker &desChecker,
                      const Request &request) {
    Outcome outcome;
    for (Item item : {Item::Feature, Item::Provider}) {
        if (checker.hasError(item)) {
            if (outcome.exitCode == ExitOk)
                outcome.exitCode = exitCodeForArmError(checker.error(item));
            outcome.errors.append(checker.explanation(item));
        }
    }
    if (desChecker.error().isError()) {
        if (outcome.exitCode == ExitOk)
            outcome.exitCode = exitCodeForArmError(desChecker.error());
        outcome.errors.append(
            tr("The disk encryption sets could not be listed: %1").arg(desChecker.error().toDisplayString()));
    }
    const bool desReady = request.regions.isEmpty() || desChecker.allReady();
    outcome.ready = outcome.exitCode == ExitOk && checker.isReady() && desReady;
    if (outcome.exitCode == ExitOk && !outcome.ready)
        outcome.exitCode = ExitFailure;
    return outcome;
}

cmk::DesCreationCommands creationCommands(const Request &request, const cmk::DesReadinessChecker &desChecker,
                                          const QString &region) {
    cmk::DesCreationParameters parameters;
    parameters.subscriptionId = request.subscription;
    parameters.region = region;
    parameters.resourceGroup = desChecker.suggestedResourceGroup();
    return cmk::desCreationCommands(parameters);
}

nlohmann::json regionsJson(const cmk::DesReadinessChecker &desChecker, const Request &request) {
    nlohmann::json list = nlohmann::json::array();
    for (const cmk::RegionDesReadiness &r : desChecker.results()) {
        nlohmann::json entry = nlohmann::json::object();
        entry["region"] = r.region;
        entry["customerKeyCount"] = r.customerKeyCount;
        entry["doubleEncryptionCount"] = r.doubleEncryptionCount;
        entry["confidentialCount"] = r.confidentialCount;
        entry["notUsableCount"] = r.notUsableCount;
        entry["ready"] = r.isReady();
        if (!r.isReady()) {
            const cmk::DesCreationCommands commands = creationCommands(request, desChecker, r.region);
            entry["commands"] = {{"azureCli", commands.azureCli}, {"powerShell", commands.powerShell}};
        }
        list.push_back(entry);
    }
    return list;
}

void printJson(QTextStream &out, const PrerequisiteChecker &checker,
               const cmk::DesReadinessChecker &desChecker, const Request &request,
               const QStringList &registered, const Outcome &outcome) {
    nlohmann::json doc = nlohmann::json::object();
    doc["subscriptionId"] = request.subscription;
    doc["ready"] = outcome.ready;
    doc["feature"] = itemJson(checker, Item::Feature);
    doc["provider"] = itemJson(checker, Item::Provider);
    nlohmann::json requested = nlohmann::json::array();
    for (const QString &key : registered)
        requested.push_back(key);
    doc["registrationRequested"] = requested;
    if (!request.regions.isEmpty()) {
        doc["regions"] = regionsJson(desChecker, request);
        if (desChecker.error().isError())
            doc["regionsError"] = errorJson(desChecker.error());
    }
    out << QString::fromStdString(doc.dump(2)) << Qt::endl;
}

void printRegionsText(QTextStream &out, const cmk::DesReadinessChecker &desChecker, const Request &request) {
    out << tr("Disk encryption sets per target region:") << Qt::endl;
    for (const cmk::RegionDesReadiness &r : desChecker.results()) {
        if (r.isReady()) {
            out << "  "
                << tr("%1: %2 with a customer-managed key, %3 with double encryption.")
                       .arg(r.region)
                       .arg(r.customerKeyCount)
                       .arg(r.doubleEncryptionCount)
                << Qt::endl;
            continue;
        }
        out << "  " << tr("%1: no usable disk encryption set. Create one, for example:").arg(r.region)
            << Qt::endl;
        const cmk::DesCreationCommands commands = creationCommands(request, desChecker, r.region);
        out << "    " << commands.azureCli << Qt::endl;
        for (const QString &line : commands.powerShell.split(QLatin1Char('\n')))
            out << "    " << line << Qt::endl;
    }
}

void printText(QTextStream &out, const PrerequisiteChecker &checker,
               const cmk::DesReadinessChecker &desChecker, const Request &request, const Outcome &outcome) {
    out << tr("Subscription: %1").arg(request.subscription) << Qt::endl;
    for (Item item : {Item::Feature, Item::Provider}) {
        const QString line =
            item == Item::Feature ? tr("Preview feature %1: %2") : tr("Resource provider %1: %2");
        out << line.arg(checker.itemDisplayName(item),
                        PrerequisiteChecker::stateDisplayName(checker.state(item)))
            << Qt::endl;
        // An error is spelled out on stderr; here only what the state means.
        out << "  "
            << (checker.hasError(item) ? PrerequisiteChecker::stateMeaning(item, checker.state(item))
                                       : checker.explanation(item))
            << Qt::endl;
    }
    if (!request.regions.isEmpty() && !desChecker.error().isError())
        printRegionsText(out, desChecker, request);
    if (outcome.ready)
        out << tr("Ready: this subscription can create encrypted image versions.") << Qt::endl;
    else if (outcome.exitCode == ExitFailure && !request.registerMissing &&
             !checker.itemsNeedingRegistration().isEmpty())
        out << tr("Not ready. Run again with --register to register what is missing.") << Qt::endl;
    else if (outcome.exitCode == ExitFailure)
        out << tr("Not ready.") << Qt::endl;
}

} // namespace

int runCheckPrereqs(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Checks that a subscription can create image versions encrypted with customer-managed keys: the "
        "Microsoft.Compute/SIGEncryption feature, the Microsoft.Compute resource provider and, for the given "
        "regions, a disk encryption set. Exit code 0 when ready, 1 when not ready, 2 for invalid input, 3 "
        "for "
        "an Azure error (including missing permissions), 4 for a sign-in problem."));
    const Options options = checkPrereqsOptions();
    parser.addOptions({options.subscription, options.registerMissing, options.format, options.region,
                       options.noFeature, options.pollInterval, options.timeout});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &p) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        Request request;
        if (!readRequest(p, options, &request, err))
            return int(ExitInvalidInput);

        PrerequisiteChecker checker(context.armClient());
        configure(checker, request, err);
        const QStringList registered = checkRegistrations(checker, request, err);
        cmk::DesReadinessChecker desChecker(context.armClient());
        countDiskEncryptionSets(desChecker, request);

        const Outcome outcome = decideOutcome(checker, desChecker, request);
        if (request.json)
            printJson(out, checker, desChecker, request, registered, outcome);
        else
            printText(out, checker, desChecker, request, outcome);
        for (const QString &message : outcome.errors)
            err << message << Qt::endl;
        return outcome.exitCode;
    });
}

} // namespace cmkapp
