#pragma once

// What `create` and `create-vm` do once a draft passed the offline checks: check it against Azure, then
// submit it, reporting the progress on stderr one line at a time.

#include "cli/commands.h"

#include <QTextStream>
#include <functional>
#include <optional>

namespace cmk {
class DraftSubmitter;
class ImageVersionSubmitter;
struct ImageVersionDraft;
} // namespace cmk

namespace cmkapp {

/// Runs a live check (ImageVersionLiveCheck, VmLiveCheck) of `draft` to its end. nullopt: the draft may be
/// sent. Otherwise prints why (`couldNotCheck` with Azure's error as %1, or the reasons under
/// `reasonsHeading`) and returns the exit code.
template <typename Check, typename Draft>
std::optional<int> liveCheckFailure(Check &check, const Draft &draft, QTextStream &err,
                                    const QString &couldNotCheck, const QString &reasonsHeading) {
    check.start(draft);
    waitUntil([&] { return check.isFinished(); });
    if (check.error()) {
        err << couldNotCheck.arg(check.error().toDisplayString()) << Qt::endl;
        return exitCodeForArmError(check.error());
    }
    if (!check.reasons().isEmpty()) {
        printReasons(err, reasonsHeading, check.reasons());
        return ExitInvalidInput;
    }
    return std::nullopt;
}

/// The progress of a submission on stderr: update() prints the current line when it is new.
class ProgressLines {
public:
    ProgressLines(QTextStream &err, std::function<QString()> line)
        : m_err(err)
        , m_line(std::move(line)) {}
    void update();

private:
    QTextStream &m_err;
    std::function<QString()> m_line;
    QString m_last;
};

/// Calls `submit` and waits until `submitter` finishes; whether the resource was created.
bool runSubmission(cmk::DraftSubmitter &submitter, const std::function<void()> &submit);

/// --poll-interval SECONDS (create, update): seconds between replication status checks.
QCommandLineOption pollIntervalOption();
/// Reads it; false, the reason on `err`, when it is not a number of seconds.
bool readPollInterval(const QCommandLineParser &parser, const QCommandLineOption &option, double *seconds,
                      QTextStream &err);
/// The health gate before an image version is sent: nullopt when Azure can use the key of every disk
/// encryption set the draft chooses; else prints why under `reasonsHeading` and returns the exit code.
std::optional<int> keyHealthFailure(AppContext &context, const cmk::ImageVersionDraft &draft, QTextStream &err,
                                    const QString &reasonsHeading);
/// Runs an image version's submission (`submit` calls submit() or submitUpdate()) to its end with the
/// progress and each region's replication on `err`: the resource ID on `out` and ExitOk, or `failedText`
/// (%1: Azure's error) and the error's exit code.
int runImageVersionSubmission(cmk::ImageVersionSubmitter &submitter, QTextStream &out, QTextStream &err,
                              const std::function<void()> &submit, const QString &failedText);

} // namespace cmkapp
