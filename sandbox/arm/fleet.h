#pragma once

// --generate-fleet SUBS:GALLERIES:IMAGES:VERSIONS[:SEED]: a deterministic fleet of image versions over many
// subscriptions, with a documented mix of encryption set-ups and planted problems (docs/sandbox.md,
// "Generated fleet"), for the fleet audit's tests and benchmark. The same spec always gives the same
// resources.

#include "arm/armstore.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace armsandbox {

struct FleetSpec {
    int subscriptions = 0;
    int galleries = 0; ///< per subscription
    int images = 0;    ///< per gallery
    int versions = 0;  ///< per image
    quint32 seed = 1;  ///< shifts which version gets which set-up
};

/// What each generated version is set up as; the cycle of 20 in docs/sandbox.md.
enum class FleetVersionKind {
    Platform,            ///< no disk encryption set anywhere
    CustomerKey,         ///< a customer-managed key set per region, OS and data disk
    Double,              ///< a double-encryption set per region
    Confidential,        ///< Confidential VM: securityProfile EncryptedWithCmk, one region
    Mixed,               ///< customer key in one region, double in the other: mixedEncryptionTypes
    RegionWithoutKey,    ///< customer key in one region, none in the other: regionWithoutEncryption
    DataDiskWithoutKey,  ///< the data disk of one region has no set: dataDiskWithoutEncryption
    KeyDisabled,         ///< a set whose key is disabled: KEY_DISABLED
    IdentityWithoutWrap, ///< a set whose identity lacks wrapKey: KEY_ACCESS_MISSING
    ReplicationFailed,   ///< provisioning Failed, one region Failed: replicationFailed
    EndOfLifePassed,     ///< customer key, end of life in the past: endOfLifePassed
    SourceMissing,       ///< platform keys, built from a managed image since deleted: sourceMissing
};

/// "SUBS:GALLERIES:IMAGES:VERSIONS[:SEED]", each at least 1 (the seed at least 0); nothing, with the reason
/// in `error`, otherwise.
std::optional<FleetSpec> parseFleetSpec(const QString &text, QString *error);
/// The id of the fleet's subscription `index` (0-based): f1ee0000-0000-4000-8000-000000000000 and up.
QString fleetSubscriptionId(int index);
/// The kind of the version at `ordinal` (0-based, in generation order: subscription, gallery, image,
/// version).
FleetVersionKind fleetVersionKind(const FleetSpec &spec, qint64 ordinal);
/// Adds the fleet to `store`: its subscriptions (the last one, when there are two or more, answers 403 to
/// everything under it and is invisible to Resource Graph), their vaults, keys, sets, galleries, image
/// definitions and versions.
void generateFleet(ArmStore &store, const FleetSpec &spec);

} // namespace armsandbox
