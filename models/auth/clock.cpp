#include "auth/clock.h"

#include <QTimer>

#include <chrono>

namespace cmk {

QDateTime Clock::now() const {
    return QDateTime::currentDateTimeUtc();
}

void Clock::startTimer(QTimer &timer, const QDateTime &when) {
    timer.start(std::chrono::milliseconds(qMax<qint64>(0, now().msecsTo(when))));
}

Clock *Clock::system() {
    static Clock clock;
    return &clock;
}

} // namespace cmk
