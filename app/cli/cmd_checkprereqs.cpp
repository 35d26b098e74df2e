// cmkwizard check-prereqs: the Prerequisites step of the wizard, headless.

#include "arm/armclient.h"
#include "cli/commands.h"
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

// lupdate files the tr() calls of namespace cmkapp under the context "cmkapp": use the same one here.
QString tr(const char *text) {
    return QCoreApplication::translate("cmkapp", text);
}

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

} // namespace

int runCheckPrereqs(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Checks that a subscription can create image versions encrypted with customer-managed keys: the "
        "Microsoft.Compute/SIGEncryption feature, the Microsoft.Compute resource provider and, for the given "
        "regions, a disk encryption set. Exit code 0 when ready, 1 when not ready, 2 for invalid input, 3 "
        "for "
        "an Azure error (including missing permissions), 4 for a sign-in problem."));
    const QCommandLineOption subscriptionOption(QStringLiteral("subscription"),
                                                tr("Subscription ID to check."), QStringLiteral("ID"));
    const QCommandLineOption registerOption(QStringLiteral("register"),
                                            tr("Register what is missing (this changes the whole "
                                               "subscription) and wait until Azure has finished."));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("Output format: text or json."),
                                          QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption regionOption(
        QStringLiteral("region"),
        tr("Target region whose disk encryption sets are counted (repeat, or separate with commas)."),
        QStringLiteral("REGION"));
    const QCommandLineOption noFeatureOption(QStringLiteral("no-feature-check"),
                                             tr("Do not require the SIGEncryption preview feature "
                                                "(customer-managed keys for galleries are generally "
                                                "available)."));
    const QCommandLineOption pollIntervalOption(QStringLiteral("poll-interval-ms"),
                                                tr("First wait between two checks while Azure registers, in "
                                                   "milliseconds (doubles up to one minute; default 5000)."),
                                                QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        tr("Stop waiting for a registration after this many seconds (default "
           "3600)."),
        QStringLiteral("SECONDS"), QStringLiteral("3600"));
    parser.addOptions({subscriptionOption, registerOption, formatOption, regionOption, noFeatureOption,
                       pollIntervalOption, timeoutOption});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &p) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        const QString subscription = p.value(subscriptionOption).trimmed();
        if (subscription.isEmpty()) {
            err << tr("--subscription is required.") << Qt::endl;
            return int(ExitInvalidInput);
        }
        if (QUuid::fromString(subscription).isNull()) {
            err << tr("--subscription must be a subscription ID (a GUID), not “%1”.").arg(subscription)
                << Qt::endl;
            return int(ExitInvalidInput);
        }
        const QString format = p.value(formatOption).toLower();
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err << tr("--format must be text or json, not “%1”.").arg(p.value(formatOption)) << Qt::endl;
            return int(ExitInvalidInput);
        }
        bool ok = false;
        const int pollInterval = p.value(pollIntervalOption).toInt(&ok);
        if (!ok || pollInterval < 1 || pollInterval > 600000) {
            err << tr("--poll-interval-ms must be a number of milliseconds between 1 and 600000.")
                << Qt::endl;
            return int(ExitInvalidInput);
        }
        const int timeoutSeconds = p.value(timeoutOption).toInt(&ok);
        if (!ok || timeoutSeconds < 1 || timeoutSeconds > 24 * 3600) {
            err << tr("--timeout must be a number of seconds between 1 and 86400.") << Qt::endl;
            return int(ExitInvalidInput);
        }
        QStringList regions;
        for (const QString &value : p.values(regionOption)) {
            for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QString region = cmk::normalizeRegion(part);
                bool valid = !region.isEmpty();
                for (const QChar c : region)
                    valid = valid && (c.isLetterOrNumber() && c.unicode() < 128);
                if (!valid) {
                    err << tr("--region must be an Azure region name such as westus, not “%1”.")
                               .arg(part.trimmed())
                        << Qt::endl;
                    return int(ExitInvalidInput);
                }
                regions.append(region);
            }
        }
        const bool doRegister = p.isSet(registerOption);
        const bool json = format == QLatin1String("json");

        PrerequisiteChecker checker(context.armClient());
        PrerequisiteChecker::Options options;
        options.featureRequired = !p.isSet(noFeatureOption);
        // Without --register the command reports and returns; it never waits for somebody else's
        // registration.
        options.pollWhileRegistering = doRegister;
        options.initialPollIntervalMs = pollInterval;
        options.maxPollIntervalMs = qMax(pollInterval, 60000);
        options.maxPollDurationMs = timeoutSeconds * 1000;
        checker.setOptions(options);
        checker.setSubscriptionId(subscription);
        if (!json) {
            QObject::connect(&checker, &PrerequisiteChecker::pollScheduled, &checker,
                             [&](Item item, int attempt, int delayMs) {
                                 err << tr("Waiting for Azure to register %1 (check %2 in %3 ms)…")
                                            .arg(checker.itemDisplayName(item))
                                            .arg(attempt)
                                            .arg(delayMs)
                                     << Qt::endl;
                             });
        }

        // Busy until both reads answered and, with --register, until a registration under way has finished.
        checker.refresh();
        waitUntil([&] { return !checker.isBusy(); });

        QStringList registered;
        if (doRegister) {
            const QList<Item> missing = checker.itemsNeedingRegistration();
            for (Item item : missing) {
                registered.append(PrerequisiteChecker::itemKey(item));
                if (!json)
                    err << tr("Registering %1 for the whole subscription…").arg(checker.itemDisplayName(item))
                        << Qt::endl;
            }
            checker.registerMissing();
            waitUntil([&] { return !checker.isBusy(); });
        }

        cmk::DesReadinessChecker desChecker(context.armClient());
        bool desChecked = regions.isEmpty();
        if (!regions.isEmpty()) {
            QObject::connect(&desChecker, &cmk::DesReadinessChecker::finished, &desChecker,
                             [&] { desChecked = true; });
            desChecker.check(subscription, regions);
            waitUntil([&] { return desChecked; });
        }

        // Outcome: the first error decides the exit code; otherwise ready or not.
        int exitCode = ExitOk;
        QStringList errors;
        for (Item item : {Item::Feature, Item::Provider}) {
            if (checker.hasError(item)) {
                if (exitCode == ExitOk)
                    exitCode = exitCodeForArmError(checker.error(item));
                errors.append(checker.explanation(item));
            }
        }
        if (desChecker.error().isError()) {
            if (exitCode == ExitOk)
                exitCode = exitCodeForArmError(desChecker.error());
            errors.append(tr("The disk encryption sets could not be listed: %1")
                              .arg(desChecker.error().toDisplayString()));
        }
        const bool desReady = regions.isEmpty() || desChecker.allReady();
        const bool ready = exitCode == ExitOk && checker.isReady() && desReady;
        if (exitCode == ExitOk && !ready)
            exitCode = ExitFailure;

        if (json) {
            nlohmann::json doc = nlohmann::json::object();
            doc["subscriptionId"] = subscription;
            doc["ready"] = ready;
            doc["feature"] = itemJson(checker, Item::Feature);
            doc["provider"] = itemJson(checker, Item::Provider);
            nlohmann::json reg = nlohmann::json::array();
            for (const QString &key : std::as_const(registered))
                reg.push_back(key);
            doc["registrationRequested"] = reg;
            if (!regions.isEmpty()) {
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
                        cmk::DesCreationParameters parameters;
                        parameters.subscriptionId = subscription;
                        parameters.region = r.region;
                        parameters.resourceGroup = desChecker.suggestedResourceGroup();
                        const cmk::DesCreationCommands commands = cmk::desCreationCommands(parameters);
                        entry["commands"] = {{"azureCli", commands.azureCli},
                                             {"powerShell", commands.powerShell}};
                    }
                    list.push_back(entry);
                }
                doc["regions"] = list;
                if (desChecker.error().isError())
                    doc["regionsError"] = errorJson(desChecker.error());
            }
            out << QString::fromStdString(doc.dump(2)) << Qt::endl;
        } else {
            out << tr("Subscription: %1").arg(subscription) << Qt::endl;
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
            if (!regions.isEmpty() && !desChecker.error().isError()) {
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
                    out << "  "
                        << tr("%1: no usable disk encryption set. Create one, for example:").arg(r.region)
                        << Qt::endl;
                    cmk::DesCreationParameters parameters;
                    parameters.subscriptionId = subscription;
                    parameters.region = r.region;
                    parameters.resourceGroup = desChecker.suggestedResourceGroup();
                    const cmk::DesCreationCommands commands = cmk::desCreationCommands(parameters);
                    out << "    " << commands.azureCli << Qt::endl;
                    for (const QString &line : commands.powerShell.split(QLatin1Char('\n')))
                        out << "    " << line << Qt::endl;
                }
            }
            if (ready)
                out << tr("Ready: this subscription can create encrypted image versions.") << Qt::endl;
            else if (exitCode == ExitFailure && !doRegister && !checker.itemsNeedingRegistration().isEmpty())
                out << tr("Not ready. Run again with --register to register what is missing.") << Qt::endl;
            else if (exitCode == ExitFailure)
                out << tr("Not ready.") << Qt::endl;
        }
        for (const QString &message : std::as_const(errors))
            err << message << Qt::endl;
        return exitCode;
    });
}

} // namespace cmkapp
