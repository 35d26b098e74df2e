// cmkwizard create --draft FILE [--dry-run | --offline]: the wizard without windows. Same draft, same
// validation rules, same PUT and long-running operation as the Review page. --dry-run runs every check create
// runs, reading Azure (GETs only), and skips only the PUT; --offline checks the draft file on its own.

#include "arm/armclient.h"
#include "cli/commands.h"
#include "cli/submitflow.h"
#include "common/usertext.h"
#include "draft/draftstore.h"
#include "imageversion/imageversionlivecheck.h"
#include "imageversion/imageversionsubmitter.h"
#include "imageversion/imageversionvalidation.h"
#include "keyvault/deshealthcheck.h"
#include "keyvault/draftkeyhealth.h"

#include <QTextStream>

namespace cmkapp {

namespace {

class CreateCommandText {
    Q_DECLARE_TR_FUNCTIONS(create)
};

void printCreateReasons(QTextStream &err, const QStringList &reasons) {
    printReasons(err, CreateCommandText::tr("The draft cannot be submitted:"), reasons);
}

/// The request create would send, on stdout.
void printRequest(QTextStream &out, const cmk::ImageVersionRequest &request) {
    out << "PUT " << request.url.toString(QUrl::FullyEncoded) << Qt::endl;
    out << Qt::endl << request.bodyText() << Qt::endl;
}

/// What create checks against Azure before the PUT (reads only): the live check of the draft, then the keys
/// of its sets. nullopt: the draft may be sent; else the exit code, the reasons printed on `err`.
std::optional<int> checkAgainstAzure(AppContext &context, const cmk::ImageVersionDraft &draft, QTextStream &err) {
    cmk::ImageVersionLiveCheck check(context.armClient());
    if (const std::optional<int> failure = liveCheckFailure(
            check, draft, err, CreateCommandText::tr("Could not check the draft against Azure: %1"),
            CreateCommandText::tr("The draft cannot be submitted:"))) {
        if (!check.missingDesCommands().isEmpty())
            err << Qt::endl
                << CreateCommandText::tr("Commands that create the missing disk encryption sets (replace the "
                                         "<placeholders>):")
                << Qt::endl
                << check.missingDesCommands() << Qt::endl;
        return failure;
    }
    cmk::DiskEncryptionSetHealthCheck keyHealth(context.armClient()); // sets whose key Azure cannot use
    keyHealth.start(cmk::chosenDiskEncryptionSets(draft));
    waitUntil([&] { return keyHealth.isFinished(); });
    if (!keyHealth.errorLines().isEmpty()) {
        printCreateReasons(err, keyHealth.errorLines());
        return ExitInvalidInput;
    }
    return std::nullopt;
}

} // namespace

int runCreate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(CreateCommandText::tr(
        "Creates the image version a draft describes (the file the wizard saves; format in "
        "docs/draft-format.md). The draft is checked against Azure first: image definition, "
        "version, source and LUNs, regions, disk encryption sets."));
    const QCommandLineOption draftOption(
        QStringLiteral("draft"), CreateCommandText::tr("The draft file to submit."), QStringLiteral("FILE"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"),
        CreateCommandText::tr("Run every check create runs, reading Azure (GET requests only), and print the "
                              "PUT URL and body instead of sending it."));
    const QCommandLineOption offlineOption(
        QStringLiteral("offline"),
        CreateCommandText::tr("Check the draft file on its own and print the PUT URL and body; send nothing at "
                              "all (Azure may still refuse what passes)."));
    const QCommandLineOption pollOption(
        QStringLiteral("poll-interval"),
        CreateCommandText::tr("Seconds between replication status checks (default 10)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    parser.addOption(draftOption);
    parser.addOption(dryRunOption);
    parser.addOption(offlineOption);
    parser.addOption(pollOption);

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &parsed) -> int {
        QTextStream out(stdout);
        QTextStream err(stderr);
        if (!parsed.isSet(draftOption)) {
            err << CreateCommandText::tr("Missing --draft FILE.") << Qt::endl;
            return ExitInvalidInput;
        }
        bool numberOk = false;
        const double pollSeconds = parsed.value(pollOption).toDouble(&numberOk);
        if (!numberOk || pollSeconds < 0) {
            err << CreateCommandText::tr("--poll-interval must be a number of seconds, not “%1”.")
                       .arg(parsed.value(pollOption))
                << Qt::endl;
            return ExitInvalidInput;
        }
        cmk::ImageVersionDraft draft;
        QString why;
        if (!cmk::DraftStore::load(parsed.value(draftOption), &draft, &why)) {
            err << why << Qt::endl;
            return ExitInvalidInput;
        }
        draft.normalizeEncryption();

        const QStringList offline = cmk::ImageVersionValidation::offlineErrors(draft, QDate::currentDate());
        if (!offline.isEmpty()) {
            printCreateReasons(err, offline);
            return ExitInvalidInput;
        }
        const cmk::ImageVersionRequest request = cmk::buildImageVersionRequest(draft, context.armClient());
        if (!request.ok()) {
            printCreateReasons(err, {request.error.message});
            return ExitInvalidInput;
        }
        if (parsed.isSet(offlineOption)) {
            printRequest(out, request);
            return ExitOk;
        }
        if (const std::optional<int> failure = checkAgainstAzure(context, draft, err))
            return *failure;
        if (parsed.isSet(dryRunOption)) {
            printRequest(out, request);
            return ExitOk;
        }

        cmk::ImageVersionSubmitter submitter(context.armClient());
        submitter.setReplicationPollIntervalMs(int(pollSeconds * 1000));
        ProgressLines progress(err, [&] {
            QString line = submitter.stageText();
            for (const cmk::RegionalReplicationStatus &status : submitter.replication()) {
                //: One region's replication in the progress line: %1 region, %2 state, %3 percentage
                line += QLatin1Char(' ') + CreateCommandText::tr("[%1: %2 %3]")
                                               .arg(cmk::RegionNames::displayName(status.region),
                                                    cmk::ServiceTerms::state(status.state),
                                                    cmk::ServiceTerms::percent(status.progress));
            }
            return line;
        });
        const auto report = [&progress] { progress.update(); };
        QObject::connect(&submitter, &cmk::ImageVersionSubmitter::stageChanged, report);
        QObject::connect(&submitter, &cmk::ImageVersionSubmitter::operationStatusChanged, report);
        QObject::connect(&submitter, &cmk::ImageVersionSubmitter::replicationChanged, report);
        if (!runSubmission(submitter, [&] { submitter.submit(draft); })) {
            err << CreateCommandText::tr("The image version was not created: %1")
                       .arg(submitter.error().toDisplayString())
                << Qt::endl;
            return exitCodeForArmError(submitter.error());
        }
        out << submitter.resourceId() << Qt::endl;
        return ExitOk;
    });
}

} // namespace cmkapp
