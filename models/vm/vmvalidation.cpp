#include "vm/vmvalidation.h"

#include "arm/armpaths.h"
#include "imageversion/imageversionvalidation.h"
#include "vm/vmconfidential.h"

#include <QLocale>
#include <QRegularExpression>

namespace cmk {

namespace {

const QStringList &reservedUsernames() {
    // Names Azure refuses for the administrator account of any VM.
    static const QStringList names = {QStringLiteral("administrator"),
                                      QStringLiteral("admin"),
                                      QStringLiteral("user"),
                                      QStringLiteral("user1"),
                                      QStringLiteral("test"),
                                      QStringLiteral("user2"),
                                      QStringLiteral("test1"),
                                      QStringLiteral("user3"),
                                      QStringLiteral("admin1"),
                                      QStringLiteral("1"),
                                      QStringLiteral("123"),
                                      QStringLiteral("a"),
                                      QStringLiteral("actuser"),
                                      QStringLiteral("adm"),
                                      QStringLiteral("admin2"),
                                      QStringLiteral("aspnet"),
                                      QStringLiteral("backup"),
                                      QStringLiteral("console"),
                                      QStringLiteral("david"),
                                      QStringLiteral("guest"),
                                      QStringLiteral("john"),
                                      QStringLiteral("owner"),
                                      QStringLiteral("root"),
                                      QStringLiteral("server"),
                                      QStringLiteral("sql"),
                                      QStringLiteral("support"),
                                      QStringLiteral("support_388945a0"),
                                      QStringLiteral("sys"),
                                      QStringLiteral("test2"),
                                      QStringLiteral("test3"),
                                      QStringLiteral("user4"),
                                      QStringLiteral("user5")};
    return names;
}

const QStringList &refusedPasswords() {
    static const QStringList passwords = {QStringLiteral("abc@123"),    QStringLiteral("P@$$w0rd"),
                                          QStringLiteral("P@ssw0rd"),   QStringLiteral("P@ssword123"),
                                          QStringLiteral("Pa$$word"),   QStringLiteral("pass@word1"),
                                          QStringLiteral("Password!"),  QStringLiteral("Password1"),
                                          QStringLiteral("Password22"), QStringLiteral("iloveyou!")};
    return passwords;
}

struct VmPrefix {
    quint32 address = 0;
    int length = -1;
    quint32 mask() const { return length == 0 ? 0u : ~quint32(0) << (32 - length); }
};

std::optional<VmPrefix> parseVmPrefix(const QString &text) {
    static const QRegularExpression shape(
        QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    VmPrefix p;
    for (int i = 1; i <= 4; ++i) {
        const int octet = m.captured(i).toInt();
        if (octet > 255)
            return std::nullopt;
        p.address = (p.address << 8) | quint32(octet);
    }
    p.length = m.captured(5).toInt();
    if (p.length > 32)
        return std::nullopt;
    return p;
}

QString vmPrefixText(quint32 address, int length) {
    return QStringLiteral("%1.%2.%3.%4/%5")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff)
        .arg(length);
}

} // namespace

QString VmValidation::vmNameError(const QString &name, bool windows) {
    if (name.isEmpty())
        return tr("Enter a name for the virtual machine.");
    const int max = limitsFor(windows).vmName;
    if (name.size() > max) {
        return windows
                   ? tr("The name “%1” is too long: a Windows virtual machine name has at most %2 "
                        "characters.")
                         .arg(name)
                         .arg(max)
                   : tr("The name “%1” is too long: a Linux virtual machine name has at most %2 characters.")
                         .arg(name)
                         .arg(max);
    }
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$"));
    if (!shape.match(name).hasMatch()) {
        return tr("The name “%1” may contain only letters, digits and hyphens, and must not start or end "
                  "with a "
                  "hyphen.")
            .arg(name);
    }
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (windows && digits.match(name).hasMatch())
        return tr("The name “%1” cannot be only digits: Windows computer names need a letter or a hyphen.")
            .arg(name);
    return {};
}

QString VmValidation::adminUsernameError(const QString &username, bool windows) {
    if (username.isEmpty())
        return tr("Enter the administrator user name.");
    if (reservedUsernames().contains(username, Qt::CaseInsensitive))
        return tr("The user name “%1” is reserved by Azure; choose another one.").arg(username);
    if (windows) {
        if (username.size() > windowsLimits.username)
            return tr("The user name “%1” is too long: Windows allows at most %2 characters.")
                .arg(username)
                .arg(windowsLimits.username);
        static const QRegularExpression forbidden(QStringLiteral("[\"/\\\\\\[\\]:|<>+=;,?*@]"));
        if (forbidden.match(username).hasMatch() || username.endsWith(QLatin1Char('.')))
            return tr("The user name “%1” cannot contain any of \" / \\ [ ] : | < > + = ; , ? * @ nor end "
                      "with a "
                      "period.")
                .arg(username);
        return {};
    }
    if (username.size() > linuxLimits.username)
        return tr("The user name “%1” is too long: Linux allows at most %2 characters.")
            .arg(username)
            .arg(linuxLimits.username);
    static const QRegularExpression linuxUser(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    if (!linuxUser.match(username).hasMatch())
        return tr("The user name “%1” may contain only letters, digits, hyphens and underscores, and must "
                  "not start "
                  "with a digit or a hyphen.")
            .arg(username);
    return {};
}

QString VmValidation::passwordError(const QString &password, bool windows) {
    const int max = limitsFor(windows).password;
    if (password.isEmpty())
        return tr("Enter the administrator password.");
    if (password.size() < minPasswordLength || password.size() > max)
        return tr("The password must have %1 to %2 characters; it has %3.")
            .arg(minPasswordLength)
            .arg(max)
            .arg(password.size());
    bool upper = false, lower = false, digit = false, special = false;
    for (const QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return tr("The password cannot contain control characters.");
        if (c.isUpper())
            upper = true;
        else if (c.isLower())
            lower = true;
        else if (c.isDigit())
            digit = true;
        else
            special = true;
    }
    if (int(upper) + int(lower) + int(digit) + int(special) < 3)
        return tr(
            "The password must contain at least 3 of: a lower-case letter, an upper-case letter, a digit, a "
            "special character.");
    if (refusedPasswords().contains(password))
        return tr("Azure refuses this well-known password; choose another one.");
    return {};
}

QString VmValidation::sshPublicKeyError(const QString &key) {
    const QString line = key.trimmed();
    if (line.isEmpty())
        return tr("Paste the SSH public key (the content of a .pub file, such as ~/.ssh/id_ed25519.pub).");
    if (line.contains(QLatin1Char('\n')))
        return tr("Paste one SSH public key only, on one line.");
    if (line.contains(QLatin1String("PRIVATE KEY")))
        return tr(
            "This is a private key. Paste the public key (the .pub file) instead, and keep the private key "
            "secret.");
    const QStringList parts = line.split(QRegularExpression(QStringLiteral("\\s+")));
    static const QStringList algorithms = {
        QStringLiteral("ssh-rsa"), QStringLiteral("ssh-ed25519"), QStringLiteral("ecdsa-sha2-nistp256"),
        QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp521")};
    if (!algorithms.contains(parts.first()))
        return tr("The SSH public key must start with ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521.");
    const auto decoded =
        QByteArray::fromBase64Encoding(parts.value(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray blob = decoded.decoded;
    const QByteArray algorithm = parts.first().toLatin1();
    if (parts.size() < 2 || !decoded || blob.size() < 4 + algorithm.size() ||
        quint32((quint8(blob[0]) << 24) | (quint8(blob[1]) << 16) | (quint8(blob[2]) << 8) |
                quint8(blob[3])) != quint32(algorithm.size()) ||
        blob.mid(4, algorithm.size()) != algorithm)
        return tr("The SSH public key is damaged: the data after “%1” is not a %1 key.").arg(parts.first());
    if (algorithm == "ssh-rsa" && blob.size() < 200)
        return tr("The RSA key is too short: Azure needs at least 2048 bits.");
    return {};
}

QString VmValidation::addressPrefixError(const QString &prefix, int minLength, int maxLength) {
    if (prefix.trimmed().isEmpty())
        return tr("Enter an address range in CIDR notation, such as 10.0.0.0/16.");
    const std::optional<VmPrefix> p = parseVmPrefix(prefix.trimmed());
    if (!p)
        return tr("“%1” is not an address range in CIDR notation, such as 10.0.0.0/16.").arg(prefix);
    if (p->length < minLength || p->length > maxLength)
        return tr("The address range %1 must have a prefix length from /%2 to /%3.")
            .arg(prefix)
            .arg(minLength)
            .arg(maxLength);
    if ((p->address & p->mask()) != p->address)
        return tr("The address range %1 has host bits set; for this prefix length it should be %2.")
            .arg(prefix, vmPrefixText(p->address & p->mask(), p->length));
    return {};
}

bool VmValidation::prefixContains(const QString &outer, const QString &inner) {
    const std::optional<VmPrefix> o = parseVmPrefix(outer.trimmed());
    const std::optional<VmPrefix> i = parseVmPrefix(inner.trimmed());
    return o && i && i->length >= o->length && (i->address & o->mask()) == (o->address & o->mask());
}

QString VmValidation::resourceNameError(const QString &name) {
    QString problem = armNameProblem(name);
    if (!problem.isEmpty())
        return problem;
    if (name.size() > 80)
        return tr("The name “%1” is too long: at most 80 characters.").arg(name);
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$"));
    if (!shape.match(name).hasMatch())
        return tr("The name “%1” may contain letters, digits, underscores, periods and hyphens; it must "
                  "start with a "
                  "letter or digit and end with a letter, digit or underscore.")
            .arg(name);
    return {};
}

QString VmValidation::sizeLabel(const VmSize &size) {
    //: A VM size in a dropdown: %1 name, %2 vCPUs, %3 memory in GiB, %4 max data disks
    return tr("%1 — %2 vCPU, %3 GiB, up to %4 data disks")
        .arg(size.name)
        .arg(size.numberOfCores)
        .arg(QLocale().toString(size.memoryInMB / 1024.0, 'g', 3))
        .arg(size.maxDataDiskCount);
}

QStringList VmValidation::basicsErrors(const VmDraft &d) {
    QStringList errors;
    if (d.imageVersionId.isEmpty() ||
        ResourceId::parse(d.imageVersionId)
                .fullType()
                .compare(QLatin1String("Microsoft.Compute/galleries/images/versions"), Qt::CaseInsensitive) !=
            0)
        errors << tr("The VM draft does not name a gallery image version.");
    if (d.subscriptionId.isEmpty())
        errors << tr("Choose a subscription.");
    if (d.resourceGroup.isEmpty())
        errors << tr("Choose a resource group.");
    else if (const QString problem = armNameProblem(d.resourceGroup); !problem.isEmpty())
        errors << problem;
    if (const QString e = vmNameError(d.name, d.isWindows()); !e.isEmpty())
        errors << e;
    if (d.location.isEmpty()) {
        errors << tr("Choose a region.");
    } else {
        bool replicated = false;
        for (const QString &region : d.imageRegions)
            replicated = replicated || sameRegion(region, d.location);
        if (!replicated)
            errors << tr("The image version is not replicated to %1. Choose one of its regions: %2.")
                          .arg(d.location, d.imageRegions.join(QLatin1String(", ")));
    }
    if (d.size.isEmpty())
        errors << tr("Choose a size.");
    if (d.hasAdminAccount()) {
        if (const QString e = adminUsernameError(d.adminUsername, d.isWindows()); !e.isEmpty())
            errors << e;
        if (d.usesSshKey()) {
            if (const QString e = sshPublicKeyError(d.sshPublicKey); !e.isEmpty())
                errors << e;
        } else if (const QString e = passwordError(d.adminPassword, d.isWindows()); !e.isEmpty()) {
            errors << e;
        }
    }
    return errors;
}

QString VmValidation::sizeError(const VmDraft &d, const std::optional<std::vector<VmSize>> &sizes) {
    if (const QString confidential = VmConfidentialValidation::sizeError(d); !confidential.isEmpty())
        return confidential;
    if (d.size.isEmpty() || !sizes)
        return {};
    for (const VmSize &size : *sizes) {
        if (size.name.compare(d.size, Qt::CaseInsensitive) != 0)
            continue;
        if (d.imageDataDiskLuns.size() > size.maxDataDiskCount)
            return tr("The size %1 takes at most %2 data disks, but the image has %3. Choose a larger size.")
                .arg(size.name)
                .arg(size.maxDataDiskCount)
                .arg(d.imageDataDiskLuns.size());
        return {};
    }
    return tr("The size %1 is not offered in %2. Choose another size.").arg(d.size, d.location);
}

QStringList VmValidation::networkingErrors(const VmDraft &d) {
    QStringList errors;
    if (d.networkMode == VmNetworkMode::ExistingSubnet) {
        const ResourceId subnet = ResourceId::parse(d.subnetId);
        if (d.subnetId.isEmpty())
            errors
                << (d.location.isEmpty()
                        ? tr("Choose a virtual network and a subnet in the VM's region, or create a new "
                             "virtual network.")
                        : tr("Choose a virtual network and a subnet in %1, or create a new virtual network.")
                              .arg(d.location));
        else if (!subnet.valid ||
                 subnet.fullType().compare(QLatin1String("Microsoft.Network/virtualNetworks/subnets"),
                                           Qt::CaseInsensitive) != 0)
            errors << tr("“%1” is not the id of a subnet.").arg(d.subnetId);
        else if (subnet.subscriptionId.compare(d.subscriptionId, Qt::CaseInsensitive) != 0)
            errors << tr("The subnet must be in the VM's subscription (%1).").arg(d.subscriptionId);
    } else {
        if (d.newVnetName.isEmpty())
            errors << tr("Enter a name for the new virtual network.");
        else if (const QString e = resourceNameError(d.newVnetName); !e.isEmpty())
            errors << e;
        if (d.newSubnetName.isEmpty())
            errors << tr("Enter a name for the new subnet.");
        else if (const QString e = resourceNameError(d.newSubnetName); !e.isEmpty())
            errors << e;
        const QString vnetError = addressPrefixError(d.newVnetAddressPrefix, 8, 29);
        const QString subnetError = addressPrefixError(d.newSubnetAddressPrefix, 8, 29);
        if (!vnetError.isEmpty())
            errors << vnetError;
        if (!subnetError.isEmpty())
            errors << subnetError;
        if (vnetError.isEmpty() && subnetError.isEmpty() &&
            !prefixContains(d.newVnetAddressPrefix, d.newSubnetAddressPrefix))
            errors << tr("The subnet range %1 must lie inside the virtual network's range %2.")
                          .arg(d.newSubnetAddressPrefix, d.newVnetAddressPrefix);
    }
    if (!d.nicName.isEmpty()) {
        if (const QString e = resourceNameError(d.nicName); !e.isEmpty())
            errors << e;
    }
    return errors;
}

QStringList VmValidation::diskErrors(const VmDraft &d, const std::vector<DiskEncryptionSet> *available) {
    QStringList errors;
    if (!usesCustomerKey(d.encryption))
        return errors;
    QList<int> disks;
    if (!d.osDiskUsesSecureDes()) // else the secure-VM set encrypts it (VmConfidentialValidation)
        disks << -1;
    disks << d.imageDataDiskLuns;
    for (int lun : disks) {
        const QString desId = d.desFor(lun);
        const QString disk = ImageVersionValidation::diskLabel(lun);
        if (desId.isEmpty()) {
            errors << tr("Choose a disk encryption set for the %1.").arg(disk);
            continue;
        }
        const ResourceId id = ResourceId::parse(desId);
        if (!id.valid || id.fullType().compare(QLatin1String("Microsoft.Compute/diskEncryptionSets"),
                                               Qt::CaseInsensitive) != 0) {
            errors << tr("“%1”, chosen for the %2, is not the id of a disk encryption set.").arg(desId, disk);
            continue;
        }
        if (id.subscriptionId.compare(d.subscriptionId, Qt::CaseInsensitive) != 0) {
            errors << tr("The disk encryption set %1 of the %2 is in another subscription; it must be in the "
                         "VM's "
                         "subscription (%3).")
                          .arg(id.name(), disk, d.subscriptionId);
            continue;
        }
        if (!available)
            continue;
        const DiskEncryptionSet *found = nullptr;
        for (const DiskEncryptionSet &des : *available) {
            if (sameResourceId(des.id, desId))
                found = &des;
        }
        if (!found)
            errors << tr("The disk encryption set %1 of the %2 does not exist.").arg(id.name(), disk);
        else if (!sameRegion(found->location, d.location))
            errors << tr("The disk encryption set %1 of the %2 is in %3, not in the VM's region %4.")
                          .arg(found->name, disk, found->location, d.location);
        else if (!ImageVersionValidation::desSuitable(*found, d.location, d.subscriptionId, d.encryption))
            errors << tr("The disk encryption set %1 of the %2 is of type %3, which does not match “%4”.")
                          .arg(found->name, disk, found->encryptionType,
                               ImageVersionValidation::encryptionModeLabel(d.encryption));
    }
    return errors;
}

QStringList VmValidation::offlineErrors(const VmDraft &d) {
    QStringList errors = basicsErrors(d) + networkingErrors(d) + diskErrors(d) + diskOptionErrors(d);
    if (const QString e = VmConfidentialValidation::sizeError(d); !e.isEmpty())
        errors << e;
    return errors + VmConfidentialValidation::diskErrors(d);
}

QStringList VmValidation::diskOptionErrors(const VmDraft &d) {
    QStringList errors;
    if (d.osDiskSizeGb < 0 || d.osDiskSizeGb > maxOsDiskSizeGb) {
        errors << tr("The OS disk size must be between 1 and %1 GiB, not %2 GiB.")
                      .arg(maxOsDiskSizeGb)
                      .arg(d.osDiskSizeGb);
    } else if (d.osDiskSizeGb > 0 && d.imageOsDiskSizeGb > 0 && d.osDiskSizeGb < d.imageOsDiskSizeGb) {
        errors << tr("The OS disk cannot be smaller than the image's OS disk: choose at least %1 GiB (not "
                     "%2 GiB), or leave the size to the image.")
                      .arg(d.imageOsDiskSizeGb)
                      .arg(d.osDiskSizeGb);
    }
    QList<int> disks{-1};
    disks << d.imageDataDiskLuns;
    for (int lun : disks) {
        const QString type = d.storageTypeFor(lun);
        if (!type.isEmpty() && !VmDraft::storageAccountTypes().contains(type)) {
            errors << tr("“%1” is not a storage account type for the %2; use one of %3.")
                          .arg(type, ImageVersionValidation::diskLabel(lun),
                               VmDraft::storageAccountTypes().join(QLatin1String(", ")));
        }
    }
    return errors;
}

} // namespace cmk
