#pragma once

// What `create` and `create-vm` do once a draft passed the offline checks: check it against Azure, then
// submit it, reporting the progress on stderr one line at a time.

#include "cli/commands.h"

#include <QTextStream>
#include <functional>
#include <optional>

namespace cmk {
class DraftSubmitter;
}

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

} // namespace cmkapp
