#pragma once

// The Disk Encryption Set checks the image version PUT (for each target region) and the virtual machine PUT
// share: each set exists, is in the subscription and the region of what it encrypts, and all the sets of one
// target region (one virtual machine) have the same encryption type.

#include "arm/armapi.h"

#include <QString>
#include <optional>

namespace armsandbox {

class ArmStore;

class DesChecker {
public:
    /// What the sets encrypt; it words the errors.
    enum class Encrypting { ImageVersionRegion, VirtualMachine };

    DesChecker(const ArmStore &store, Encrypting what, const QString &subscriptionId, const QString &region);

    /// ARM's 400 InvalidParameter answer for the set `desId`, found at the request's JSON path `target`;
    /// nullopt when the set is fine. Remembers the first set's encryption type for the next calls.
    std::optional<ApiResponse> check(const QString &desId, const QString &target);

private:
    const ArmStore &m_store;
    Encrypting m_what;
    QString m_subscriptionId;
    QString m_region;
    QString m_encryptionType; ///< of the first set checked
    QString m_firstDesId;
};

} // namespace armsandbox
