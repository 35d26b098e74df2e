#pragma once

// Confidential VM image versions: the per-region encryption.osDiskImage.securityProfile that image
// definitions with the SecurityType feature ConfidentialVM (or ConfidentialVMSupported) carry, and the rules
// the service applies to it (GalleryRP 2025-03-03 and 2025-12-03 list the same four types). Pure functions
// returning translated sentences, like ImageVersionValidation; the Encryption page and `cmkwizard create`
// show the same ones.

#include "arm/resources.h"
#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QStringList>
#include <vector>

namespace cmk {

/// ConfidentialVMEncryptionType values, in the spec's order.
QStringList confidentialVmEncryptionTypes();
/// The only type with which a version may be replicated beyond its home region.
QString nonPersistedTpmType();
/// The type that needs a secure-VM disk encryption set.
QString encryptedWithCmkType();
/// The DiskEncryptionSet encryptionType a secure-VM DES has.
QString confidentialVmDesEncryptionType();

/// Adds the region's Confidential VM security profile, when it has one, to `target`'s encryption.
void addConfidentialVmProfile(const RegionDraft &region, TargetRegion &target);

class ConfidentialVmValidation {
    Q_DECLARE_TR_FUNCTIONS(ConfidentialVmValidation)
public:
    /// A sentence saying what the type means (for the type's tooltip and the review).
    static QString typeDescription(const QString &type);
    /// Whether `des` may be the secure-VM DES of a region: that region, that subscription, type
    /// ConfidentialVmEncryptedWithCustomerKey, not failed.
    static bool secureDesSuitable(const DiskEncryptionSet &des, const QString &region,
                                  const QString &subscriptionId);
    static std::vector<DiskEncryptionSet> suitableSecureDes(const std::vector<DiskEncryptionSet> &all,
                                                            const QString &region,
                                                            const QString &subscriptionId);
    /// What is wrong with one target region's security profile (index into draft.targetRegions).
    /// `liveDes`: the sets read from the subscription (nullptr offline: only the id's shape is checked).
    static QStringList regionErrors(const ImageVersionDraft &draft, int index,
                                    const std::vector<DiskEncryptionSet> *liveDes);
    /// Every region's errors, plus profiles set on a definition that is not confidential (only when
    /// `definitionRead`: a draft imported from a command does not know its definition yet).
    static QStringList errors(const ImageVersionDraft &draft, const std::vector<DiskEncryptionSet> *liveDes,
                              bool definitionRead);
};

} // namespace cmk
