#include "arm/armlog.h"

namespace cmk {

Q_LOGGING_CATEGORY(lcArm, "cmk.arm", QtInfoMsg)
Q_LOGGING_CATEGORY(lcArmLro, "cmk.arm.lro", QtInfoMsg)

} // namespace cmk
