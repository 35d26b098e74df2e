// cmkwizard review: support-staff review of an existing image version, headless.

#include "arm/armclient.h"
#include "cli/commands.h"
#include "review/review.h"

#include <QCoreApplication>
#include <QTextStream>

namespace cmkapp {

namespace {

class ReviewCommandText {
    Q_DECLARE_TR_FUNCTIONS(ReviewCommandText)
};

} // namespace

QCommandLineOption versionIdOption() {
    return QCommandLineOption(QStringLiteral("id"),
                              ReviewCommandText::tr("Resource ID of the image version."),
                              QStringLiteral("VERSION_ID"));
}

std::optional<int> reviewVersion(cmk::VersionReviewer &reviewer, const QString &id, QTextStream &err) {
    const QString problem = cmk::VersionReviewer::versionIdProblem(id);
    if (!problem.isEmpty()) {
        err << problem << Qt::endl;
        return int(ExitInvalidInput);
    }
    bool done = false;
    QObject::connect(&reviewer, &cmk::VersionReviewer::finished, &reviewer, [&done] { done = true; });
    reviewer.start(id);
    waitUntil([&] { return done; });
    if (!reviewer.error().isError())
        return std::nullopt;
    err << ReviewCommandText::tr("The image version could not be read: %1")
               .arg(reviewer.error().toDisplayString())
        << Qt::endl;
    return exitCodeForArmError(reviewer.error());
}

int runReview(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(ReviewCommandText::tr(
        "Reviews an existing image version: how each disk is encrypted in each target region, and what is "
        "wrong (regions without encryption, disk encryption sets in the wrong region or subscription, "
        "missing "
        "sets or keys, failed replication, end of life). Exit code 0 when the review ran (whatever it "
        "found), "
        "2 for invalid input, 3 for an Azure error, 4 for a sign-in problem. The JSON format is described in "
        "docs/review-schema.md."));
    const QCommandLineOption idOption = versionIdOption();
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          ReviewCommandText::tr("Output format: text or json."),
                                          QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOptions({idOption, formatOption});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &p) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        const QString id = p.value(idOption).trimmed();
        if (id.isEmpty()) {
            err << ReviewCommandText::tr("--id is required.") << Qt::endl;
            return int(ExitInvalidInput);
        }
        bool json = false;
        if (!readTextOrJsonFormat(p, formatOption, &json, err))
            return int(ExitInvalidInput);
        cmk::VersionReviewer reviewer(context.armClient());
        if (const std::optional<int> failure = reviewVersion(reviewer, id, err))
            return *failure;
        if (json)
            out << QString::fromStdString(cmk::ReviewReport::json(reviewer.review()).dump(2)) << Qt::endl;
        else
            out << cmk::ReviewReport::text(reviewer.review());
        return int(ExitOk);
    });
}

} // namespace cmkapp
