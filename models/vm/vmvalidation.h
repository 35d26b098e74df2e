#pragma once

// Validation rules of a VM draft, as Azure applies them: pure functions returning translated, complete
// sentences (empty when fine). The VM wizard shows them under each page; `cmkwizard create-vm` prints them.

#include "arm/resources.h"
#include "vm/vmdraft.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>
#include <vector>

namespace cmk {

/// One entry of GET …/locations/{l}/vmSizes.
struct VmSize {
    QString name;
    int numberOfCores = 0;
    int memoryInMB = 0;
    int maxDataDiskCount = 0;
};

/// The longest names and password Azure takes for a VM of one operating system.
struct VmOsLimits {
    int vmName;   ///< also the computer name
    int username; ///< of the administrator
    int password;
};

class VmValidation {
    Q_DECLARE_TR_FUNCTIONS(VmValidation)
public:
    static constexpr int minPasswordLength = 12;
    static constexpr VmOsLimits linuxLimits{64, 64, 72};
    static constexpr VmOsLimits windowsLimits{15, 20, 123};
    static constexpr const VmOsLimits &limitsFor(bool windows) { return windows ? windowsLimits : linuxLimits; }

    /// The VM name (also its computer name): Linux 1–64, Windows 1–15 and not only digits; letters, digits
    /// and hyphens, not starting or ending with a hyphen.
    static QString vmNameError(const QString &name, bool windows);
    /// Reserved names (admin, root, administrator…), length, and the characters each OS forbids.
    static QString adminUsernameError(const QString &username, bool windows);
    /// 12 to 72 (Linux) or 123 (Windows) characters, 3 of: lower case, upper case, digit, special character;
    /// no control character; not one of the passwords Azure refuses outright.
    static QString passwordError(const QString &password, bool windows);
    /// One OpenSSH public key line: ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521, then base64 data
    /// that starts with the same algorithm name.
    static QString sshPublicKeyError(const QString &key);
    /// An IPv4 prefix in CIDR notation with no host bits set ("10.0.0.0/24").
    static QString addressPrefixError(const QString &prefix, int minLength = 8, int maxLength = 29);
    /// Whether `inner` lies inside `outer` (both valid prefixes).
    static bool prefixContains(const QString &outer, const QString &inner);
    /// A network resource name (virtual network, subnet, network interface); empty names are the caller's.
    static QString resourceNameError(const QString &name);
    static QString sizeLabel(const VmSize &size);

    /// Basics: image, resource group, name, region among the replicated ones, size, admin account.
    static QStringList basicsErrors(const VmDraft &draft);
    /// Size against the region's list (nullopt: the list has not been read).
    static QString sizeError(const VmDraft &draft, const std::optional<std::vector<VmSize>> &sizes);
    /// Networking: an existing subnet, or a new network whose subnet lies inside its address space.
    static QStringList networkingErrors(const VmDraft &draft);
    /// Disks: with customer-managed keys, a DES for the OS disk and every data disk. With `available` (the
    /// subscription's DES), each must be usable: same region and subscription, matching encryption type.
    static QStringList diskErrors(const VmDraft &draft,
                                  const std::vector<DiskEncryptionSet> *available = nullptr);
    /// The largest OS disk Azure creates from an image, in GiB.
    static constexpr int maxOsDiskSizeGb = 4095;
    /// Disk options: the OS disk size (none, or at least the image's and at most 4095 GiB) and each disk's
    /// storage account type (one of VmDraft::storageAccountTypes()).
    static QStringList diskOptionErrors(const VmDraft &draft);
    /// Everything checkable without Azure (what `create-vm --dry-run` checks).
    static QStringList offlineErrors(const VmDraft &draft);
};

} // namespace cmk
