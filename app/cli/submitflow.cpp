#include "cli/submitflow.h"

#include "common/usertext.h"
#include "draft/draftsubmitter.h"
#include "imageversion/imageversionsubmitter.h"
#include "keyvault/deshealthcheck.h"
#include "keyvault/draftkeyhealth.h"

#include <QCommandLineParser>

namespace cmkapp {

namespace {

// The context create's strings were translated in before update shared them.
class CreateCommandText {
    Q_DECLARE_TR_FUNCTIONS(create)
};

} // namespace

void ProgressLines::update() {
    const QString line = m_line();
    if (line != m_last && !line.isEmpty())
        m_err << line << Qt::endl;
    m_last = line;
}

bool runSubmission(cmk::DraftSubmitter &submitter, const std::function<void()> &submit) {
    bool finished = false;
    const QMetaObject::Connection done =
        QObject::connect(&submitter, &cmk::DraftSubmitter::finished, [&finished] { finished = true; });
    submit();
    waitUntil([&] { return finished; });
    QObject::disconnect(done);
    return submitter.stage() == cmk::DraftSubmitter::Stage::Succeeded;
}

} // namespace cmkapp

namespace cmkapp {

QCommandLineOption pollIntervalOption() {
    return QCommandLineOption(
        QStringLiteral("poll-interval"),
        CreateCommandText::tr("Seconds between replication status checks (default 10)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
}

bool readPollInterval(const QCommandLineParser &parser, const QCommandLineOption &option, double *seconds,
                      QTextStream &err) {
    bool numberOk = false;
    *seconds = parser.value(option).toDouble(&numberOk);
    if (numberOk && *seconds >= 0)
        return true;
    err << CreateCommandText::tr("--poll-interval must be a number of seconds, not “%1”.")
               .arg(parser.value(option))
        << Qt::endl;
    return false;
}

std::optional<int> keyHealthFailure(AppContext &context, const cmk::ImageVersionDraft &draft,
                                    QTextStream &err, const QString &reasonsHeading) {
    cmk::DiskEncryptionSetHealthCheck keyHealth(context.armClient()); // sets whose key Azure cannot use
    keyHealth.start(cmk::chosenDiskEncryptionSets(draft));
    waitUntil([&] { return keyHealth.isFinished(); });
    if (keyHealth.errorLines().isEmpty())
        return std::nullopt;
    printReasons(err, reasonsHeading, keyHealth.errorLines());
    return ExitInvalidInput;
}

int runImageVersionSubmission(cmk::ImageVersionSubmitter &submitter, QTextStream &out, QTextStream &err,
                              const std::function<void()> &submit, const QString &failedText) {
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
    if (!runSubmission(submitter, submit)) {
        err << failedText.arg(submitter.error().toDisplayString()) << Qt::endl;
        return exitCodeForArmError(submitter.error());
    }
    out << submitter.resourceId() << Qt::endl;
    return ExitOk;
}

} // namespace cmkapp
