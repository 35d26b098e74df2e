#pragma once

#include <QLoggingCategory>

namespace cmk {

/// HTTP exchanges of the REST layer (method, URL without secrets, status, request ids). Never a token.
Q_DECLARE_LOGGING_CATEGORY(lcArm)
/// Long-running operation polling.
Q_DECLARE_LOGGING_CATEGORY(lcArmLro)

} // namespace cmk
