// cmkwizard create --draft FILE [--dry-run | --offline]: the wizard without windows. Same draft, same
// validation rules, same PUT and long-running operation as the Review page. --dry-run runs every check create
// runs, reading Azure (GETs only), and skips only the PUT; --offline checks the draft file on its own.

#include "arm/armclient.h"
#include "cli/commands.h"
#include "cli/submitflow.h"
#include "draft/draftstore.h"
#include "imageversion/imageversionlivecheck.h"
#include "imageversion/imageversionsubmitter.h"
#include "imageversion/imageversionvalidation.h"

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
    return keyHealthFailure(context, draft, err, CreateCommandText::tr("The draft cannot be submitted:"));
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
    const QCommandLineOption pollOption = pollIntervalOption();
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
        double pollSeconds = 0;
        if (!readPollInterval(parsed, pollOption, &pollSeconds, err))
            return ExitInvalidInput;
        cmk::ImageVersionDraft draft;
        QString why;
        if (!cmk::DraftStore::load(parsed.value(draftOption), &draft, &why)) {
            err << why << Qt::endl;
            return ExitInvalidInput;
        }
        draft.normalizeEncryption();
        if (draft.isUpdate()) {
            printCreateReasons(err,
                               {CreateCommandText::tr("This draft updates the existing image version %1; "
                                                      "send it with cmkwizard update.")
                                    .arg(draft.versionId)});
            return ExitInvalidInput;
        }

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
        return runImageVersionSubmission(
            submitter, out, err, [&] { submitter.submit(draft); },
            CreateCommandText::tr("The image version was not created: %1"));
    });
}

} // namespace cmkapp
