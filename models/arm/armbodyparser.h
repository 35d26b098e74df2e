#pragma once

#include <QByteArray>
#include <QThreadPool>
#include <functional>
#include <nlohmann/json.hpp>

class QObject;

namespace cmk {

/// Lowers the calling worker thread's CPU priority (niceness 10 on Linux; once per thread), so the GUI
/// thread wins the core when both want it. For threads that convert or parse in the background.
void lowerWorkerThreadPriority();

/// Parses response bodies: a small one at once, a large one (a list page) on a worker thread, so the window
/// keeps answering meanwhile. A list page of 1,000 resources takes milliseconds to parse.
class ArmBodyParser {
public:
    /// Bodies from this size on are parsed on a worker thread (a list page of 100 sets is about 70 KB).
    static constexpr qsizetype BackgroundParseBytes = qsizetype(32) * 1024;

    /// Results of worker parses are delivered in `receiver`'s thread; it owns this parser, whose destructor
    /// waits for the workers.
    explicit ArmBodyParser(QObject *receiver);

    /// Calls `done` with the parsed body (a discarded value when it is not JSON): before returning for a
    /// small body, from the event loop for a large one. `done` must check that its target still exists.
    void parse(const QByteArray &body, std::function<void(nlohmann::json)> done);

private:
    QObject *m_receiver;
    QThreadPool m_workers;
};

} // namespace cmk
