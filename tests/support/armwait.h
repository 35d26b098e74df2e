#pragma once

// Waiting for the asynchronous ArmClient objects (ArmReply, ArmPager, ArmOperation): on their finished()
// signal, not by polling.

#include <QSignalSpy>

namespace cmktest {

/// True once `object` has finished, waiting at most `timeoutMs` for its finished() signal.
template <typename T> bool waitFinished(T *object, int timeoutMs = 30000) {
    if (object->isFinished())
        return true;
    QSignalSpy finished(object, &T::finished);
    return finished.wait(timeoutMs) || object->isFinished();
}

} // namespace cmktest
