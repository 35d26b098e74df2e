#pragma once

// A clock the test moves by hand, for the sign-in (cmk::Clock): timers started through it fire only when
// advance() reaches their time, so a token's expiry or a device code interval comes at once and exactly, and
// nextDeadline() tells when the session means to act next.

#include "auth/clock.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace cmktest {

class ManualClock : public cmk::Clock {
public:
    /// Starts at a fixed date years away from the system's, so that code reading the system clock instead
    /// shows at once.
    explicit ManualClock(const QDateTime &start = QDateTime(QDate(2031, 3, 1), QTime(8, 0), Qt::UTC))
        : m_now(start) {}

    QDateTime now() const override { return m_now; }

    void startTimer(QTimer &timer, const QDateTime &when) override {
        // Armed as usual (isActive(), stop() and a new start replace it) but held back far beyond any test:
        // only advance() lets it fire.
        timer.start(std::chrono::hours(24));
        m_armed.removeIf([&timer](const Armed &armed) { return armed.timer == &timer; });
        m_armed.append({&timer, when});
        releaseDue();
    }

    /// Moves the time on; each timer whose time has come fires from the event loop.
    void advance(std::chrono::milliseconds by) {
        m_now = m_now.addMSecs(by.count());
        releaseDue();
    }

    /// When the earliest timer still armed is due; invalid when none is.
    QDateTime nextDeadline() const {
        QDateTime earliest;
        for (const Armed &armed : m_armed) {
            if (armed.timer && armed.timer->isActive() && (!earliest.isValid() || armed.when < earliest))
                earliest = armed.when;
        }
        return earliest;
    }

private:
    struct Armed {
        QPointer<QTimer> timer;
        QDateTime when;
    };

    void releaseDue() {
        m_armed.removeIf([this](const Armed &armed) {
            if (!armed.timer || !armed.timer->isActive())
                return true; // stopped or gone
            if (armed.when > m_now)
                return false;
            armed.timer->start(0);
            return true;
        });
    }

    QDateTime m_now;
    QList<Armed> m_armed;
};

} // namespace cmktest
