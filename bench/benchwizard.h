// What the wizard benchmarks share: running the event loop until a condition holds, Next through the
// wizard's pages, the demo draft they open, and the options every one of them takes.
#pragma once

#include "imageversion/imageversiondraft.h"
#include "support/demodraft.h"

#include <QAbstractButton>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QWizard>
#include <cstdio>
#include <functional>

namespace cmkbench {

/// Offscreen unless the caller chose a platform: the benchmarks run on machines without a display.
inline void useOffscreenUnlessSet() {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

/// --count N: the sets armsandbox generates.
inline QCommandLineOption generatedSetsOption() {
    return QCommandLineOption(QStringLiteral("count"), QStringLiteral("Generated DES (default 10000)."),
                              QStringLiteral("N"), QStringLiteral("10000"));
}

/// --runs R: how many times the benchmark measures (`what` says what one run is).
inline QCommandLineOption runsOption(const QString &what, int defaultRuns) {
    return QCommandLineOption(QStringLiteral("runs"),
                              QStringLiteral("%1 (default %2).").arg(what).arg(defaultRuns),
                              QStringLiteral("R"), QString::number(defaultRuns));
}

/// Reads the command line into `parser`: `options`, and --help.
inline void parseOptions(QCommandLineParser &parser, const QCoreApplication &app,
                         const QList<QCommandLineOption> &options) {
    parser.addOptions(options);
    parser.addHelpOption();
    parser.process(app);
}

/// Runs the event loop until done() or the timeout. It sleeps between events like QApplication::exec() (a
/// 5 ms timer wakes it to check done()): a busy loop here would keep one of the two cores for itself and
/// make the GUI thread look like a CPU hog to the scheduler, neither of which the real app does.
/// BENCH_BUSY_WAIT=1 restores the busy loop of the first versions of bench_responsiveness, for comparison.
inline bool waitFor(const std::function<bool()> &done, int timeoutMs) {
    static const bool busy = qEnvironmentVariableIntValue("BENCH_BUSY_WAIT") == 1;
    QElapsedTimer clock;
    clock.start();
    QTimer wake;
    wake.start(5);
    while (!done() && clock.elapsed() < timeoutMs) {
        if (busy)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        else
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return done();
}

/// Clicks Next once it is enabled; true when the wizard moved on.
inline bool clickNext(QWizard &wizard) {
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    const int before = wizard.currentId();
    if (!waitFor([&] { return next->isEnabled() && next->isVisible(); }, 20000))
        return false;
    next->click();
    return wizard.currentId() != before;
}

/// Clicks Next until the wizard shows page `pageId` (says on stderr where it stopped when it cannot).
inline bool nextUntil(QWizard &wizard, int pageId, const char *pageName) {
    while (wizard.currentId() != pageId) {
        if (!clickNext(wizard)) {
            fprintf(stderr, "could not reach the %s page (page %d)\n", pageName, wizard.currentId());
            return false;
        }
    }
    return true;
}

/// The demo's encrypted draft from the managed image, in West Europe and France Central.
inline cmk::ImageVersionDraft benchDraft(const QString &version) {
    return demodata::withTargetRegion(demodata::cmkImageVersionDraft(version, cmk::SourceKind::ManagedImage),
                                      QStringLiteral("francecentral"),
                                      demodata::desId(QStringLiteral("des-frc-cmk")));
}

} // namespace cmkbench
