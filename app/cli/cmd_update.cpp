// cmkwizard edit --id VERSION_ID --out DRAFT and cmkwizard update --draft DRAFT [--dry-run]: an existing
// image version as an update draft (the same format as create's, "mode": "update"), then the PATCH that
// changes its replication, with the update rules (ImageVersionUpdateRules), the live check and the key health
// gate create uses, and the same long-running operation and replication progress.

#include "cli/commands.h"
#include "cli/submitflow.h"
#include "draft/draftstore.h"
#include "imageversion/imageversionlivecheck.h"
#include "imageversion/imageversionupdate.h"
#include "imageversion/imageversionvalidation.h"
#include "review/review.h"

#include <QTextStream>

namespace cmkapp {

namespace {

class UpdateCommandText {
    Q_DECLARE_TR_FUNCTIONS(update)
};

QString cannotSubmitHeading() {
    return UpdateCommandText::tr("The update cannot be sent:");
}

/// Reads the version `id` as Azure has it into an update draft; nullopt when it could be read, else the exit
/// code (the reason printed on `err`).
std::optional<int> readVersionAsUpdateDraft(AppContext &context, const QString &id, QTextStream &err,
                                            cmk::ImageVersionDraft *draft) {
    cmk::VersionReviewer reviewer(context.armClient());
    if (const std::optional<int> failure = reviewVersion(reviewer, id, err))
        return failure;
    *draft = cmk::updateDraftFor(reviewer.review());
    return std::nullopt;
}

/// The checks that need no server: the draft's own rules and its request. nullopt: it may go on.
std::optional<int> offlineUpdateFailure(const cmk::ImageVersionDraft &draft, QTextStream &err) {
    QStringList reasons;
    if (!draft.isUpdate() || draft.versionId.isEmpty())
        reasons << UpdateCommandText::tr("This draft creates an image version; an update draft has “mode”: "
                                         "“update” and “versionId” (cmkwizard edit writes one).");
    reasons += cmk::ImageVersionUpdateRules::offlineErrors(draft);
    reasons += cmk::ImageVersionValidation::offlineErrors(draft, QDate::currentDate());
    if (reasons.isEmpty())
        return std::nullopt;
    printReasons(err, cannotSubmitHeading(), reasons);
    return int(ExitInvalidInput);
}

/// The version as it is now against the draft (ImageVersionUpdateRules), then create's live check of the
/// regions and disk encryption sets. nullopt: it may be sent.
std::optional<int> liveUpdateFailure(AppContext &context, const cmk::ImageVersionDraft &draft,
                                     bool allowRegionRemoval, QTextStream &err) {
    cmk::ImageVersionDraft current;
    if (const std::optional<int> failure = readVersionAsUpdateDraft(context, draft.versionId, err, &current))
        return failure;
    const QStringList broken = cmk::ImageVersionUpdateRules::errors(current, draft, allowRegionRemoval);
    if (!broken.isEmpty()) {
        printReasons(err, cannotSubmitHeading(), broken);
        return int(ExitInvalidInput);
    }
    cmk::ImageVersionLiveCheck check(context.armClient());
    if (const std::optional<int> failure = liveCheckFailure(
            check, draft, err, UpdateCommandText::tr("Could not check the update against Azure: %1"),
            cannotSubmitHeading()))
        return failure;
    return keyHealthFailure(context, draft, err, cannotSubmitHeading());
}

} // namespace

int runEdit(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(UpdateCommandText::tr(
        "Writes an existing image version as an update draft (format in docs/draft-format.md): its target "
        "regions, replica counts, storage types, disk encryption sets, end of life and tags, its source "
        "locked. Change the draft, then send it with cmkwizard update."));
    const QCommandLineOption idOption = versionIdOption();
    const QCommandLineOption outOption(
        QStringLiteral("out"), UpdateCommandText::tr("The draft file to write."), QStringLiteral("DRAFT"));
    parser.addOptions({idOption, outOption});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &parsed) -> int {
        QTextStream err(stderr);
        const QString id = parsed.value(idOption).trimmed();
        if (id.isEmpty() || parsed.value(outOption).isEmpty()) {
            err << UpdateCommandText::tr("--id VERSION_ID and --out DRAFT are required.") << Qt::endl;
            return ExitInvalidInput;
        }
        cmk::ImageVersionDraft draft;
        if (const std::optional<int> failure = readVersionAsUpdateDraft(context, id, err, &draft))
            return *failure;
        QString why;
        if (!cmk::DraftStore::save(parsed.value(outOption), draft, &why)) {
            err << why << Qt::endl;
            return ExitInvalidInput;
        }
        QTextStream(stdout) << parsed.value(outOption) << Qt::endl;
        return ExitOk;
    });
}

int runUpdate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(UpdateCommandText::tr(
        "Updates the existing image version an update draft describes (cmkwizard edit writes one): its "
        "target "
        "regions, replica counts, storage types, disk encryption sets, end of life and tags. The draft is "
        "checked against the version and Azure first."));
    const QCommandLineOption draftOption(
        QStringLiteral("draft"), UpdateCommandText::tr("The update draft to send."), QStringLiteral("FILE"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"),
        UpdateCommandText::tr("Check the draft on its own and print the PATCH URL and body; send nothing."));
    const QCommandLineOption allowRemovalOption(
        QStringLiteral("allow-region-removal"),
        UpdateCommandText::tr("Allow removing target regions the version is replicated to (sets "
                              "safetyProfile.allowDeletionOfReplicatedLocations; the replicas there are "
                              "deleted)."));
    const QCommandLineOption pollOption = pollIntervalOption();
    parser.addOptions({draftOption, dryRunOption, allowRemovalOption, pollOption});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &parsed) -> int {
        QTextStream out(stdout);
        QTextStream err(stderr);
        double pollSeconds = 0;
        if (!readPollInterval(parsed, pollOption, &pollSeconds, err))
            return ExitInvalidInput;
        cmk::ImageVersionDraft draft;
        QString why;
        if (!parsed.isSet(draftOption) || !cmk::DraftStore::load(parsed.value(draftOption), &draft, &why)) {
            err << (why.isEmpty() ? UpdateCommandText::tr("Missing --draft FILE.") : why) << Qt::endl;
            return ExitInvalidInput;
        }
        draft.normalizeEncryption();
        if (const std::optional<int> failure = offlineUpdateFailure(draft, err))
            return *failure;
        const bool allowRemoval = parsed.isSet(allowRemovalOption);
        const cmk::ImageVersionRequest request =
            cmk::buildImageVersionUpdateRequest(draft, context.armClient(), allowRemoval);
        if (!request.ok()) {
            printReasons(err, cannotSubmitHeading(), {request.error.message});
            return ExitInvalidInput;
        }
        if (parsed.isSet(dryRunOption)) {
            out << "PATCH " << request.url.toString(QUrl::FullyEncoded) << Qt::endl;
            out << Qt::endl << request.bodyText() << Qt::endl;
            return ExitOk;
        }
        if (const std::optional<int> failure = liveUpdateFailure(context, draft, allowRemoval, err))
            return *failure;
        cmk::ImageVersionSubmitter submitter(context.armClient());
        submitter.setReplicationPollIntervalMs(int(pollSeconds * 1000));
        return runImageVersionSubmission(
            submitter, out, err, [&] { submitter.submitUpdate(draft, allowRemoval); },
            UpdateCommandText::tr("The image version was not updated: %1"));
    });
}

} // namespace cmkapp
