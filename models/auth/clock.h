#pragma once

// The time the sign-in goes by: when a token expires, when to refresh it, when to poll for a device code
// again. The app uses the system clock; tests give the session a clock they move themselves, so expiry and
// polling intervals are checked without waiting for them.

#include <QDateTime>

class QTimer;

namespace cmk {

class Clock {
public:
    virtual ~Clock() = default;
    /// Now, in UTC.
    virtual QDateTime now() const;
    /// Starts the single-shot `timer` so that it fires at `when` by this clock (at once when that has
    /// passed).
    virtual void startTimer(QTimer &timer, const QDateTime &when);

    /// The system's clock, every session's default.
    static Clock *system();
};

} // namespace cmk
