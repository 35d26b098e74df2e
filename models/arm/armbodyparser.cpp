#include "arm/armbodyparser.h"

#include <QObject>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cmk {

namespace {

constexpr int WorkerNiceness = 10;

nlohmann::json parseJson(const QByteArray &body) {
    return nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

} // namespace

void lowerWorkerThreadPriority() {
#ifdef Q_OS_LINUX
    // Once per thread: a niceness of 10 weighs about a tenth of the GUI thread's 0, so the window wins the
    // core when both want it, and the worker still gets its share on a busy machine (SCHED_IDLE, Qt's
    // IdlePriority, could starve it; Qt's other priorities change nothing for ordinary Linux threads).
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), WorkerNiceness);
    }
#endif
}

ArmBodyParser::ArmBodyParser(QObject *receiver)
    : m_receiver(receiver) {
    m_workers.setMaxThreadCount(1);
}

void ArmBodyParser::parse(const QByteArray &body, std::function<void(nlohmann::json)> done) {
    if (body.size() < BackgroundParseBytes) {
        done(parseJson(body));
        return;
    }
    // The result is posted to the receiver, which outlives the workers (this pool is its member and waits
    // for them); `done` checks whether its own target is still there.
    m_workers.start([receiver = m_receiver, body, done = std::move(done)]() mutable {
        lowerWorkerThreadPriority();
        nlohmann::json parsed = parseJson(body);
        QMetaObject::invokeMethod(
            receiver,
            [done = std::move(done), parsed = std::move(parsed)]() mutable { done(std::move(parsed)); },
            Qt::QueuedConnection);
    });
}

} // namespace cmk
