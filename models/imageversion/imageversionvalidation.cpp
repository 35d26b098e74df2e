#include "imageversion/imageversionvalidation.h"

#include "arm/armpaths.h"
#include "imageversion/confidentialvm.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <climits>

namespace cmk {

namespace {

bool parseVersionTriple(const QString &name, qint64 parts[3]) {
    static const QRegularExpression shape(QStringLiteral("^([0-9]{1,10})\\.([0-9]{1,10})\\.([0-9]{1,10})$"));
    const QRegularExpressionMatch match = shape.match(name);
    if (!match.hasMatch())
        return false;
    for (int i = 0; i < 3; ++i) {
        parts[i] = match.captured(i + 1).toLongLong();
        if (parts[i] > INT_MAX)
            return false;
    }
    return true;
}

QString validationRegionLabel(const QString &region) {
    return region;
}

/// A name that goes into a request path: why it cannot (same rules as ArmPathBuilder), empty when it can.
/// `sentence` is a translated "The … “%1” cannot be used: %2". Values are cut in messages so a pasted
/// megabyte does not become a megabyte of error text.
QString draftPathNameError(const QString &sentence, const QString &value) {
    if (value.isEmpty())
        return {};
    const QString problem = armNameProblem(value);
    if (problem.isEmpty())
        return {};
    return sentence.arg(value.size() > 80 ? value.left(80) + QStringLiteral("…") : value, problem);
}

/// A resource ID that will be read (GET) or sent: why it is not one, empty when it is.
QString draftResourceIdError(const QString &id) {
    if (id.isEmpty())
        return {};
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(id);
    if (path.ok())
        return {};
    const QString shown = id.size() > 200 ? id.left(200) + QStringLiteral("…") : id;
    return ImageVersionValidation::tr("“%1” is not a usable resource ID.").arg(shown);
}

} // namespace

QString ImageVersionValidation::diskLabel(int lun) {
    if (lun < 0)
        return tr("OS disk");
    return tr("data disk (LUN %1)").arg(lun);
}

QString ImageVersionValidation::diskTitle(int lun) {
    // The same words as diskLabel(), but a title: French capitalises it ("Disque de SE" / "le disque de SE").
    if (lun < 0)
        return tr("OS disk", "column title");
    return tr("Data disk (LUN %1)", "column title").arg(lun);
}

QString ImageVersionValidation::encryptionModeLabel(EncryptionMode mode) {
    switch (mode) {
    case EncryptionMode::PlatformKey:
        return tr("Platform-managed key");
    case EncryptionMode::CustomerKey:
        return tr("Encryption at rest with a customer-managed key");
    case EncryptionMode::PlatformAndCustomerKeys:
        return tr("Double encryption with platform-managed and customer-managed keys");
    }
    return {};
}

QString ImageVersionValidation::versionNameError(const QString &versionName) {
    if (versionName.trimmed().isEmpty())
        return tr("Enter a version number such as 1.0.0.");
    qint64 parts[3];
    if (!parseVersionTriple(versionName, parts)) {
        return tr("The version number “%1” must have the form MAJOR.MINOR.PATCH, three whole numbers from 0 "
                  "to "
                  "2147483647 separated by dots, such as 1.0.0.")
            .arg(versionName);
    }
    return {};
}

bool ImageVersionValidation::sameVersion(const QString &a, const QString &b) {
    qint64 pa[3], pb[3];
    if (parseVersionTriple(a, pa) && parseVersionTriple(b, pb))
        return pa[0] == pb[0] && pa[1] == pb[1] && pa[2] == pb[2];
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QString ImageVersionValidation::existingVersionError(const QString &versionName,
                                              const QStringList &existingVersionNames) {
    for (const QString &existing : existingVersionNames) {
        if (sameVersion(versionName, existing)) {
            return tr("Version %1 already exists in this image definition. Choose a number that is not "
                      "taken.")
                .arg(existing);
        }
    }
    return {};
}

QString ImageVersionValidation::lunError(int lun) {
    if (lun < 0 || lun > maxLun)
        return tr("The LUN %1 is out of range: use a number from 0 to %2.").arg(lun).arg(maxLun);
    return {};
}

QStringList ImageVersionValidation::basicsErrors(const ImageVersionDraft &d,
                                          const QStringList &existingVersionNames) {
    QStringList errors;
    if (d.subscriptionId.isEmpty())
        errors << tr("Choose a subscription.");
    if (d.resourceGroup.isEmpty())
        errors << tr("Choose a resource group.");
    if (d.galleryName.isEmpty())
        errors << tr("Choose a gallery.");
    if (d.imageDefinitionName.isEmpty())
        errors << tr("Choose an image definition.");
    const QString versionError = versionNameError(d.versionName);
    if (!versionError.isEmpty())
        errors << versionError;
    else if (const QString taken = existingVersionError(d.versionName, existingVersionNames);
             !taken.isEmpty())
        errors << taken;
    if (d.location.isEmpty())
        errors << tr("Choose a location.");
    // Names become path segments: refuse what could change which URL is requested (the path builder would
    // refuse them too, but only when the request is made).
    for (const auto &[sentence, value] :
         {std::pair{tr("The subscription “%1” cannot be used: %2"), d.subscriptionId},
          std::pair{tr("The resource group “%1” cannot be used: %2"), d.resourceGroup},
          std::pair{tr("The gallery “%1” cannot be used: %2"), d.galleryName},
          std::pair{tr("The image definition “%1” cannot be used: %2"), d.imageDefinitionName}}) {
        if (const QString e = draftPathNameError(sentence, value); !e.isEmpty())
            errors << e;
    }
    if (const QString e = draftResourceIdError(d.sourceId); !e.isEmpty())
        errors << e;

    switch (d.sourceKind) {
    case SourceKind::ManagedImage:
        if (d.sourceId.isEmpty())
            errors << tr("Choose the managed image to create the version from.");
        break;
    case SourceKind::VirtualMachine:
        if (d.sourceId.isEmpty())
            errors << tr("Choose the virtual machine to create the version from.");
        break;
    case SourceKind::ImageVersion:
        if (d.sourceId.isEmpty())
            errors << tr("Choose the image version to create the version from.");
        break;
    case SourceKind::Snapshots: {
        if (d.sourceId.isEmpty())
            errors << tr("Choose the snapshot of the OS disk.");
        QSet<int> seen;
        for (int i = 0; i < d.dataDiskSnapshots.size(); ++i) {
            const DataDiskSnapshot &disk = d.dataDiskSnapshots.at(i);
            if (disk.snapshotId.isEmpty())
                errors << tr("Choose the snapshot of data disk %1.").arg(i + 1);
            if (const QString lunProblem = lunError(disk.lun); !lunProblem.isEmpty())
                errors << lunProblem;
            else if (seen.contains(disk.lun))
                errors
                    << tr("The LUN %1 is used by more than one data disk; each data disk needs its own LUN.")
                           .arg(disk.lun);
            seen.insert(disk.lun);
            if (const QString e = draftResourceIdError(disk.snapshotId); !e.isEmpty())
                errors << e;
            if (!disk.snapshotId.isEmpty() && sameResourceId(disk.snapshotId, d.sourceId))
                errors << tr("Data disk %1 uses the OS disk’s snapshot; choose a data-disk snapshot.")
                              .arg(i + 1);
        }
        break;
    }
    }
    return errors;
}

QStringList ImageVersionValidation::replicationErrors(const ImageVersionDraft &d, const QDate &today) {
    QStringList errors;
    if (d.targetRegions.isEmpty()) {
        errors << tr("Add at least one target region.");
    } else if (!d.location.isEmpty() && !sameRegion(d.targetRegions.first().name, d.location)) {
        errors << tr("The first target region must be the image version’s location, %1.").arg(d.location);
    }
    QSet<QString> seen;
    for (const RegionDraft &region : d.targetRegions) {
        const QString key = normalizeRegion(region.name);
        if (region.name.isEmpty())
            errors << tr("A target region has no name.");
        else if (seen.contains(key))
            errors << tr("The region %1 is listed more than once.").arg(validationRegionLabel(region.name));
        seen.insert(key);
        if (region.replicaCount < minReplicaCount || region.replicaCount > maxReplicaCount) {
            errors << tr("The replica count of %1 must be between %2 and %3.")
                          .arg(validationRegionLabel(region.name))
                          .arg(minReplicaCount)
                          .arg(maxReplicaCount);
        }
        if (!storageAccountTypes().contains(region.storageAccountType)) {
            errors << tr("The storage account type “%1” of %2 is not one of %3.")
                          .arg(region.storageAccountType, validationRegionLabel(region.name),
                               storageAccountTypes().join(QStringLiteral(", ")));
        }
    }
    if (d.defaultReplicaCount < minReplicaCount || d.defaultReplicaCount > maxReplicaCount)
        errors << tr("The default replica count must be between %1 and %2.")
                      .arg(minReplicaCount)
                      .arg(maxReplicaCount);
    if (!storageAccountTypes().contains(d.defaultStorageAccountType)) {
        errors << tr("The default storage account type “%1” is not one of %2.")
                      .arg(d.defaultStorageAccountType, storageAccountTypes().join(QStringLiteral(", ")));
    }
    if (d.endOfLifeDate.isValid() && d.endOfLifeDate <= today) {
        errors << tr("The end-of-life date %1 is not in the future.")
                      .arg(QLocale().toString(d.endOfLifeDate, QLocale::ShortFormat));
    }
    return errors;
}

bool ImageVersionValidation::desSuitable(const DiskEncryptionSet &des, const QString &region,
                                  const QString &subscriptionId, EncryptionMode mode) {
    if (!usesCustomerKey(mode))
        return false;
    if (!sameRegion(des.location, region))
        return false;
    if (des.subscriptionId().compare(subscriptionId, Qt::CaseInsensitive) != 0)
        return false;
    if (des.encryptionType.compare(desEncryptionTypeFor(mode), Qt::CaseInsensitive) != 0)
        return false;
    // A DES that failed to provision cannot encrypt anything.
    return des.provisioningState.isEmpty() ||
           des.provisioningState.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0;
}

std::vector<DiskEncryptionSet> ImageVersionValidation::suitableDes(const std::vector<DiskEncryptionSet> &all,
                                                            const QString &region,
                                                            const QString &subscriptionId,
                                                            EncryptionMode mode) {
    std::vector<DiskEncryptionSet> out;
    for (const DiskEncryptionSet &des : all) {
        if (desSuitable(des, region, subscriptionId, mode))
            out.push_back(des);
    }
    return out;
}

QStringList ImageVersionValidation::regionsWithoutSuitableDes(const ImageVersionDraft &d,
                                                       const std::vector<DiskEncryptionSet> &available) {
    QStringList regions;
    if (!usesCustomerKey(d.encryption))
        return regions;
    for (const RegionDraft &region : d.targetRegions) {
        if (suitableDes(available, region.name, d.subscriptionId, d.encryption).empty())
            regions << region.name;
    }
    return regions;
}

QString ImageVersionValidation::sharedGalleryError(const ImageVersionDraft &d, const Gallery &gallery) {
    if (!d.usesCustomerManagedKeys() || !gallery.isShared())
        return {};
    const bool community =
        gallery.sharingPermissions.compare(QLatin1String("Community"), Qt::CaseInsensitive) == 0 ||
        gallery.communityGalleryEnabled.value_or(false);
    const QString name = gallery.name.isEmpty() ? d.galleryName : gallery.name;
    if (community)
        return tr("The gallery %1 is shared as a community gallery, and Azure does not allow sharing images "
                  "that use customer-managed keys. Choose the platform-managed key, or a gallery that is not "
                  "shared.")
            .arg(name);
    return tr("The gallery %1 is shared with other subscriptions or tenants, and Azure does not allow sharing "
              "images that use customer-managed keys. Choose the platform-managed key, or a gallery that is not "
              "shared.")
        .arg(name);
}

QString ImageVersionValidation::customerKeySourceError(const GalleryImageVersion &source) {
    if (!source.usesCustomerKey())
        return {};
    return tr("The source image version %1 is encrypted with customer-managed keys, and Azure does not allow "
              "copying images that use them. Use the snapshots or the managed image it was made from.")
        .arg(source.name);
}

QString ImageVersionValidation::unsuitableDesError(const QString &chosen, int lun, const QString &region,
                                                  const QString &type,
                                                  const std::vector<DiskEncryptionSet> &available) {
    const ResourceId id = ResourceId::parse(chosen);
    const bool exists = std::any_of(available.begin(), available.end(),
                                    [&](const DiskEncryptionSet &des) { return sameResourceId(des.id, chosen); });
    // az resolves a bare name in the command's resource group: a set of that name elsewhere is the likely
    // meaning (the how-to's sets live in a key group of their own).
    if (!exists) {
        for (const DiskEncryptionSet &des : available) {
            if (des.name.compare(id.name(), Qt::CaseInsensitive) != 0)
                continue;
            //: %1 set name, %2 disk, %3 region, %4 resource group, %5 the full ID of the set meant
            return tr("The disk encryption set “%1” chosen for the %2 in %3 does not exist in the resource group "
                      "%4. Did you mean %5?")
                .arg(id.name(), diskLabel(lun), validationRegionLabel(region), id.resourceGroup, des.id);
        }
    }
    return tr("The disk encryption set “%1” chosen for the %2 in %3 is not in that region, not in this "
              "subscription, or not of type %4.")
        .arg(id.name(), diskLabel(lun), validationRegionLabel(region), type);
}

QStringList ImageVersionValidation::encryptionErrors(const ImageVersionDraft &d,
                                              const std::vector<DiskEncryptionSet> &available) {
    QStringList errors = ConfidentialVmValidation::errors(d, &available, true);
    if (!usesCustomerKey(d.encryption))
        return errors;
    if (d.sourceKind == SourceKind::VirtualMachine) {
        errors << tr(
            "An image version created from a virtual machine cannot use customer-managed keys. Choose "
            "the platform-managed key, or go back and use a snapshot or a managed image as the source.");
        return errors;
    }
    const QString type = desEncryptionTypeFor(d.encryption);
    QList<int> disks{-1};
    disks += d.dataDiskLuns();
    for (const RegionDraft &region : d.targetRegions) {
        const std::vector<DiskEncryptionSet> suitable =
            suitableDes(available, region.name, d.subscriptionId, d.encryption);
        if (suitable.empty()) {
            errors << tr("The region %1 has no disk encryption set of type %2 in this subscription. Disk "
                         "encryption sets are regional: create one in %1 (see the commands below), then "
                         "refresh.")
                          .arg(validationRegionLabel(region.name), type);
            continue;
        }
        for (int lun : disks) {
            const QString chosen = d.desFor(region, lun);
            if (chosen.isEmpty()) {
                errors << tr("Choose a disk encryption set for the %1 in %2.")
                              .arg(diskLabel(lun), validationRegionLabel(region.name));
                continue;
            }
            const bool ok = std::any_of(suitable.begin(), suitable.end(), [&](const DiskEncryptionSet &des) {
                return sameResourceId(des.id, chosen);
            });
            if (!ok)
                errors << unsuitableDesError(chosen, lun, region.name, type, available);
        }
    }
    return errors;
}

QString ImageVersionValidation::createDesCommands(const QString &subscriptionId, const QString &resourceGroup,
                                           const QString &region, EncryptionMode mode) {
    const QString type = desEncryptionTypeFor(mode);
    const QString group = resourceGroup.isEmpty() ? QStringLiteral("<resource-group>") : resourceGroup;
    const QString name = QStringLiteral("des-%1").arg(normalizeRegion(region));
    return QStringLiteral(
               "# Azure CLI\n"
               "az disk-encryption-set create --subscription %1 --resource-group %2 --name %3 "
               "--location %4 --encryption-type %5 --key-url <key-url> --source-vault <key-vault-id>\n"
               "\n"
               "# Azure PowerShell\n"
               "$config = New-AzDiskEncryptionSetConfig -Location %4 -EncryptionType %5 "
               "-KeyUrl <key-url> -SourceVaultId <key-vault-id> -IdentityType SystemAssigned\n"
               "New-AzDiskEncryptionSet -ResourceGroupName %2 -Name %3 -DiskEncryptionSet $config")
        .arg(subscriptionId.isEmpty() ? QStringLiteral("<subscription-id>") : subscriptionId, group, name,
             normalizeRegion(region), type);
}

QString ImageVersionValidation::tagNameError(const QString &name) {
    if (name.trimmed().isEmpty())
        return tr("A tag needs a name.");
    if (name.size() > maxTagNameLength)
        return tr("The tag name “%1…” is longer than %2 characters.")
            .arg(name.left(20))
            .arg(maxTagNameLength);
    static const QString forbidden = QStringLiteral("<>%&\\?/");
    for (const QChar c : name) {
        if (forbidden.contains(c))
            return tr("The tag name “%1” contains “%2”; tag names cannot contain any of < > % & \\ ? /.")
                .arg(name, QString(c));
    }
    return {};
}

QString ImageVersionValidation::tagValueError(const QString &value) {
    if (value.size() > maxTagValueLength)
        return tr("The tag value “%1…” is longer than %2 characters.")
            .arg(value.left(20))
            .arg(maxTagValueLength);
    return {};
}

QStringList ImageVersionValidation::tagErrors(const ImageVersionDraft &d) {
    QStringList errors;
    if (d.tags.size() > maxTagCount)
        errors << tr("A resource can have at most %1 tags.").arg(maxTagCount);
    QSet<QString> seen;
    for (const TagDraft &tag : d.tags) {
        if (const QString e = tagNameError(tag.name); !e.isEmpty())
            errors << e;
        if (const QString e = tagValueError(tag.value); !e.isEmpty())
            errors << e;
        const QString key = tag.name.toLower();
        if (!tag.name.isEmpty() && seen.contains(key))
            errors << tr("The tag name “%1” is used more than once.").arg(tag.name);
        seen.insert(key);
    }
    return errors;
}

QStringList ImageVersionValidation::offlineErrors(const ImageVersionDraft &d, const QDate &today) {
    QStringList errors = basicsErrors(d, {});
    errors += replicationErrors(d, today);
    errors += ConfidentialVmValidation::errors(d, nullptr, false);
    if (usesCustomerKey(d.encryption)) {
        if (d.sourceKind == SourceKind::VirtualMachine) {
            errors += encryptionErrors(d, {});
        } else {
            QList<int> disks{-1};
            disks += d.dataDiskLuns();
            for (const RegionDraft &region : d.targetRegions) {
                for (int lun : disks) {
                    const QString chosen = d.desFor(region, lun);
                    if (chosen.isEmpty()) {
                        errors << tr("Choose a disk encryption set for the %1 in %2.")
                                      .arg(diskLabel(lun), validationRegionLabel(region.name));
                    } else if (!ResourceId::parse(chosen).valid ||
                               !ArmPathBuilder::fromResourceId(chosen).ok()) {
                        errors << tr("“%1” is not a disk encryption set resource ID.").arg(chosen);
                    }
                }
            }
        }
    }
    errors += tagErrors(d);
    return errors;
}

} // namespace cmk
