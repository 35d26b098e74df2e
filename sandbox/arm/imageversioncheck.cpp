#include "arm/imageversioncheck.h"

#include "arm/armstore.h"
#include "arm/confidentialvmcheck.h"
#include "arm/descheck.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace armsandbox {

namespace {

const QString kImageType = QStringLiteral("microsoft.compute/images");
const QString kVmType = QStringLiteral("microsoft.compute/virtualmachines");
const QString kImageVersionType = QStringLiteral("microsoft.compute/galleries/images/versions");

/// LUNs of the data disks a source carries.
QList<int> sourceDataLuns(const QString &type, const QJsonObject &source) {
    QList<int> luns;
    const QJsonObject properties = source.value(QLatin1String("properties")).toObject();
    const QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    QJsonArray disks;
    if (type == kImageType || type == kVmType)
        disks = storage.value(QLatin1String("dataDisks")).toArray();
    else if (type == kImageVersionType)
        disks = storage.value(QLatin1String("dataDiskImages")).toArray();
    for (const auto &d : disks)
        luns.append(d.toObject().value(QLatin1String("lun")).toInt(-1));
    return luns;
}

/// OS disk size/caching and data disk images (lun, sizeInGB, hostCaching) as the version will report them.
void describeSourceDisks(const QString &type, const QJsonObject &source, QJsonObject &osDiskImage,
                         QJsonArray &dataDiskImages) {
    const QJsonObject properties = source.value(QLatin1String("properties")).toObject();
    const QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    const auto caching = [](const QString &value, const char *fallback) {
        return value.isEmpty() ? QString::fromLatin1(fallback) : value;
    };
    if (type == kImageType || type == kVmType) {
        const QJsonObject os = storage.value(QLatin1String("osDisk")).toObject();
        if (!osDiskImage.contains(QLatin1String("hostCaching")))
            osDiskImage.insert(QStringLiteral("hostCaching"),
                               caching(os.value(QLatin1String("caching")).toString(), "ReadWrite"));
        osDiskImage.insert(QStringLiteral("sizeInGB"), os.value(QLatin1String("diskSizeGB")).toInt(30));
        for (const auto &v : storage.value(QLatin1String("dataDisks")).toArray()) {
            const QJsonObject d = v.toObject();
            dataDiskImages.append(
                QJsonObject{{QStringLiteral("lun"), d.value(QLatin1String("lun")).toInt()},
                            {QStringLiteral("sizeInGB"), d.value(QLatin1String("diskSizeGB")).toInt(32)},
                            {QStringLiteral("hostCaching"),
                             caching(d.value(QLatin1String("caching")).toString(), "None")}});
        }
    } else if (type == kImageVersionType) {
        const QJsonObject os = storage.value(QLatin1String("osDiskImage")).toObject();
        for (auto it = os.begin(); it != os.end(); ++it) {
            if (it.key() != QLatin1String("source") && !osDiskImage.contains(it.key()))
                osDiskImage.insert(it.key(), it.value());
        }
        for (const auto &v : storage.value(QLatin1String("dataDiskImages")).toArray()) {
            QJsonObject d = v.toObject();
            d.remove(QStringLiteral("source"));
            dataDiskImages.append(d);
        }
    } else { // snapshot or managed disk: the OS disk only
        if (!osDiskImage.contains(QLatin1String("hostCaching")))
            osDiskImage.insert(QStringLiteral("hostCaching"), QStringLiteral("ReadWrite"));
        osDiskImage.insert(QStringLiteral("sizeInGB"),
                           properties.value(QLatin1String("diskSizeGB")).toInt(30));
    }
}

/// The storageAccountType of the publishing profile or of one target region (`path`), when it is given.
// Whether some disk encryption set id appears under `object`: a version's properties, one target region's
// encryption, ... The secure-VM set of a Confidential VM profile (EncryptedWithCmk) is a customer-managed key
// as much as a disk's set.
bool encryptsWithDiskEncryptionSet(const QJsonValue &value) {
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool setKey = it.key() == QLatin1String("diskEncryptionSetId") ||
                                it.key() == QLatin1String("secureVMDiskEncryptionSetId");
            if (setKey && !it.value().toString().isEmpty())
                return true;
            if (encryptsWithDiskEncryptionSet(it.value()))
                return true;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &item) { return encryptsWithDiskEncryptionSet(item); });
    }
    return false;
}

// The service's answer to a request that breaks "you cannot share or copy images that use customer-managed
// keys": what it found, then the limitation.
ApiResponse limitationError(const QString &found, const QString &target) {
    return armError(400, QStringLiteral("OperationNotAllowed"),
                    found + QLatin1Char(' ') +
                        QCoreApplication::translate(
                            "armsandbox", "Images that use customer-managed keys cannot be shared or copied."),
                    target);
}

std::optional<ApiResponse> checkStorageAccountType(const QJsonObject &object, const QString &path) {
    if (!object.contains(QLatin1String("storageAccountType")))
        return std::nullopt;
    static const QStringList allowed = {QStringLiteral("Standard_LRS"), QStringLiteral("Standard_ZRS"),
                                        QStringLiteral("Premium_LRS"), QStringLiteral("PremiumV2_LRS")};
    const QJsonValue value = object.value(QLatin1String("storageAccountType"));
    if (value.isString() && allowed.contains(value.toString(), Qt::CaseInsensitive))
        return std::nullopt;
    return invalidParameter(
        QCoreApplication::translate(
            "armsandbox", "The value '%1' of parameter 'storageAccountType' is invalid. Allowed values are "
                          "Standard_LRS, Standard_ZRS, Premium_LRS and PremiumV2_LRS.")
            .arg(value.toVariant().toString()),
        path + QStringLiteral(".storageAccountType"));
}

/// A replica count (`key`: replicaCount, regionalReplicaCount) of `object` at `path`, when it is given.
std::optional<ApiResponse> checkReplicaCount(const QJsonObject &object, const QString &key,
                                             const QString &path) {
    if (!object.contains(key))
        return std::nullopt;
    const QJsonValue count = object.value(key);
    if (!count.isDouble() || count.toDouble() != double(count.toInt()) || count.toInt() < 1 ||
        count.toInt() > 100) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "The value %1 of parameter '%2' is out of range. It must be between 1 and 100.")
                .arg(count.toVariant().toString(), key),
            path + QLatin1Char('.') + key);
    }
    return std::nullopt;
}

} // namespace

ImageVersionCheck::ImageVersionCheck(ArmStore &store, const QString &subscriptionId,
                                     const QString &galleryId)
    : m_store(store)
    , m_subscriptionId(subscriptionId)
    , m_galleryId(galleryId) {}

std::optional<ApiResponse> ImageVersionCheck::validate(const QString &versionName, QJsonObject &body) {
    if (auto bad = checkName(versionName))
        return bad;
    if (auto bad = armsandbox::checkLocation(m_store, body,
                                             QStringLiteral("Microsoft.Compute/galleries/images/versions")))
        return bad;
    m_location = body.value(QLatin1String("location")).toString();
    if (body.contains(QLatin1String("properties")) && !body.value(QLatin1String("properties")).isObject())
        return invalidParameter(
            QCoreApplication::translate("armsandbox",
                                        "The properties of the gallery image version must be a JSON object."),
            QStringLiteral("properties"));
    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    if (!properties.value(QLatin1String("storageProfile")).isObject())
        return missingParameter(QStringLiteral("storageProfile"),
                                QStringLiteral("properties.storageProfile"));
    const QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    if (auto bad = checkSource(storage))
        return bad;
    if (auto bad = checkNotACopy())
        return bad;
    const QJsonArray requestedDataDisks = storage.value(QLatin1String("dataDiskImages")).toArray();
    if (auto bad = checkDataDisks(requestedDataDisks))
        return bad;
    const QJsonObject publishing = properties.value(QLatin1String("publishingProfile")).toObject();
    if (auto bad = checkPublishing(publishing))
        return bad;
    const QJsonArray targets = publishing.value(QLatin1String("targetRegions")).toArray();
    for (int i = 0; i < targets.size(); ++i) {
        if (auto bad = checkTargetRegion(targets.at(i).toObject(), i))
            return bad;
    }

    properties.insert(QStringLiteral("publishingProfile"), withPublishingDefaults(publishing));
    properties.insert(QStringLiteral("storageProfile"), withStorageDefaults(storage, requestedDataDisks));
    properties.insert(QStringLiteral("safetyProfile"),
                      withSafetyDefaults(properties.value(QLatin1String("safetyProfile")).toObject()));
    properties.remove(QStringLiteral("replicationStatus"));
    properties.remove(QStringLiteral("provisioningState"));
    body.insert(QStringLiteral("properties"), properties);
    return std::nullopt;
}

std::optional<ApiResponse> ImageVersionCheck::checkName(const QString &versionName) {
    static const QRegularExpression versionPattern(
        QStringLiteral("^(\\d{1,10})\\.(\\d{1,10})\\.(\\d{1,10})$"));
    const QRegularExpressionMatch versionMatch = versionPattern.match(versionName);
    bool versionOk = versionMatch.hasMatch();
    for (int i = 1; versionOk && i <= 3; ++i)
        versionOk = versionMatch.captured(i).toLongLong() <= 2147483647LL;
    if (versionOk)
        return std::nullopt;
    return invalidParameter(QCoreApplication::translate(
                                "armsandbox",
                                "The gallery image version name '%1' is invalid. It must follow the format "
                                "Major(int32).Minor(int32).Patch(int32), for example 1.0.0.")
                                .arg(versionName),
                            QStringLiteral("galleryImageVersionName"));
}

std::optional<ApiResponse> ImageVersionCheck::checkSource(const QJsonObject &storage) {
    const QJsonObject source = storage.value(QLatin1String("source")).toObject();
    if (!source.value(QLatin1String("virtualMachineId")).toString().isEmpty()) {
        m_source.id = source.value(QLatin1String("virtualMachineId")).toString();
        m_source.target = QStringLiteral("properties.storageProfile.source.virtualMachineId");
    } else if (!source.value(QLatin1String("id")).toString().isEmpty()) {
        m_source.id = source.value(QLatin1String("id")).toString();
        m_source.target = QStringLiteral("properties.storageProfile.source.id");
    } else {
        const QJsonObject osSource = valueAt(storage, {"osDiskImage", "source"}).toObject();
        m_source.id = osSource.value(QLatin1String("id")).toString();
        m_source.target = QStringLiteral("properties.storageProfile.osDiskImage.source.id");
    }
    if (m_source.id.isEmpty()) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox",
                "The image version has no source. Set properties.storageProfile.source.id (managed image, "
                "virtual machine or gallery image version) or "
                "properties.storageProfile.osDiskImage.source.id (snapshot or managed disk)."),
            QStringLiteral("properties.storageProfile.source"));
    }
    m_source.type = resourceTypeOfId(canonicalId(m_source.id));
    static const QStringList sourceTypes = {kImageType, kVmType, kImageVersionType,
                                            QStringLiteral("microsoft.compute/snapshots"),
                                            QStringLiteral("microsoft.compute/disks")};
    if (!sourceTypes.contains(m_source.type)) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox",
                "The source '%1' is not the id of a managed image, virtual machine, gallery image version, "
                "snapshot or managed disk.")
                .arg(m_source.id),
            m_source.target);
    }
    m_source.resource = m_store.resource(m_source.id);
    if (auto bad = checkSourceRegion(m_source.id, m_source.resource, m_source.target))
        return bad;
    m_luns = sourceDataLuns(m_source.type, m_source.resource);
    return std::nullopt;
}

// "You cannot share or copy images that use customer-managed keys": a version whose target regions encrypt
// a disk with a disk encryption set cannot be the source of another version.
std::optional<ApiResponse> ImageVersionCheck::checkNotACopy() const {
    if (m_source.type != kImageVersionType || !encryptsWithDiskEncryptionSet(m_source.resource))
        return std::nullopt;
    return limitationError(QCoreApplication::translate(
                               "armsandbox", "The source gallery image version '%1' is encrypted with "
                                             "customer-managed keys.")
                               .arg(m_source.id),
                           m_source.target);
}

// The other half: such a version cannot go into a gallery shared with subscriptions, tenants or the community.
std::optional<ApiResponse> ImageVersionCheck::checkGalleryNotShared(const QString &target) const {
    const QJsonObject gallery = m_store.resource(m_galleryId);
    const QJsonObject sharing = valueAt(gallery, {"properties", "sharingProfile"}).toObject();
    const QString permissions = sharing.value(QLatin1String("permissions")).toString();
    const bool shared = (!permissions.isEmpty() && permissions.compare(QLatin1String("Private"),
                                                                       Qt::CaseInsensitive) != 0) ||
                        !sharing.value(QLatin1String("groups")).toArray().isEmpty() ||
                        valueAt(sharing, {"communityGalleryInfo", "communityGalleryEnabled"}).toBool();
    if (!shared)
        return std::nullopt;
    return limitationError(QCoreApplication::translate(
                               "armsandbox", "The gallery '%1' is shared (sharingProfile.permissions '%2').")
                               .arg(gallery.value(QLatin1String("name")).toString(),
                                    permissions.isEmpty() ? QStringLiteral("Groups") : permissions),
                           target);
}

std::optional<ApiResponse> ImageVersionCheck::checkSourceRegion(const QString &id,
                                                                const QJsonObject &resource,
                                                                const QString &target) const {
    if (resource.isEmpty())
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The source '%1' was not found.").arg(id), target);
    const QString sourceLocation = resource.value(QLatin1String("location")).toString();
    if (normalizeRegion(sourceLocation) == normalizeRegion(m_location))
        return std::nullopt;
    return invalidParameter(
        QCoreApplication::translate("armsandbox", "The source '%1' is in region '%2'; it must be in the "
                                                  "region of the gallery image version ('%3').")
            .arg(id, sourceLocation, m_location),
        target);
}

std::optional<ApiResponse> ImageVersionCheck::checkDataDisks(const QJsonArray &requested) {
    // The version's data disks: the source's own, plus those given one by one (snapshots).
    for (int j = 0; j < requested.size(); ++j) {
        const QJsonObject disk = requested.at(j).toObject();
        const QString target = QStringLiteral("properties.storageProfile.dataDiskImages[%1]").arg(j);
        if (!disk.value(QLatin1String("lun")).isDouble())
            return missingParameter(QStringLiteral("lun"), target + QStringLiteral(".lun"));
        const QString diskSource = valueAt(disk, {"source", "id"}).toString();
        if (!diskSource.isEmpty()) {
            if (auto bad = checkSourceRegion(diskSource, m_store.resource(diskSource),
                                             target + QStringLiteral(".source.id")))
                return bad;
        }
        const int lun = disk.value(QLatin1String("lun")).toInt();
        if (!m_luns.contains(lun))
            m_luns.append(lun);
    }
    return std::nullopt;
}

std::optional<ApiResponse> ImageVersionCheck::checkPublishing(const QJsonObject &publishing) {
    const QString path = QStringLiteral("properties.publishingProfile");
    if (auto bad = checkStorageAccountType(publishing, path))
        return bad;
    return checkReplicaCount(publishing, QStringLiteral("replicaCount"), path);
}

std::optional<ApiResponse> ImageVersionCheck::checkTargetRegion(const QJsonObject &region, int index) {
    const QString base = QStringLiteral("properties.publishingProfile.targetRegions[%1]").arg(index);
    const QString regionName = region.value(QLatin1String("name")).toString();
    if (regionName.trimmed().isEmpty())
        return missingParameter(QStringLiteral("name"), base + QStringLiteral(".name"));
    if (!m_store.isKnownRegion(regionName))
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The region '%1' is not a valid Azure region.")
                .arg(regionName),
            base + QStringLiteral(".name"));
    if (m_seenRegions.contains(normalizeRegion(regionName)))
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox", "The region '%1' appears more than once in targetRegions.")
                                    .arg(regionName),
                                base + QStringLiteral(".name"));
    m_seenRegions.insert(normalizeRegion(regionName));
    if (auto bad = checkReplicaCount(region, QStringLiteral("regionalReplicaCount"), base))
        return bad;
    if (auto bad = checkStorageAccountType(region, base))
        return bad;
    const QJsonObject fullEncryption = region.value(QLatin1String("encryption")).toObject();
    const QJsonObject encryption = withoutConfidentialVmProfile(fullEncryption);
    if (encryption.isEmpty()) {
        // Only a Confidential VM profile: its secure-VM set alone keeps the version out of shared galleries.
        if (encryptsWithDiskEncryptionSet(fullEncryption))
            return checkGalleryNotShared(base + QStringLiteral(".encryption"));
        return std::nullopt;
    }
    return checkEncryption(encryption, base + QStringLiteral(".encryption"), regionName);
}

std::optional<ApiResponse> ImageVersionCheck::checkEncryption(const QJsonObject &encryption,
                                                              const QString &target,
                                                              const QString &regionName) {
    const FeatureState *feature =
        m_store.feature(m_subscriptionId, QStringLiteral("Microsoft.Compute/SIGEncryption"));
    if (feature && feature->required && feature->state != QLatin1String("Registered")) {
        return armError(400, QStringLiteral("FeatureNotRegistered"),
                        QCoreApplication::translate(
                            "armsandbox",
                            "The subscription '%1' is not registered for the feature "
                            "'Microsoft.Compute/SIGEncryption', which encrypting gallery image versions with "
                            "customer-managed keys requires. Register the feature and try again.")
                            .arg(m_subscriptionId),
                        target);
    }
    if (m_source.type == kVmType) {
        return armError(
            400, QStringLiteral("BadRequest"),
            QCoreApplication::translate(
                "armsandbox",
                "Encryption with customer-managed keys is not supported when the source of the image "
                "version is a virtual machine. Capture a managed image or snapshots first."),
            target);
    }
    if (encryptsWithDiskEncryptionSet(encryption)) {
        if (auto bad = checkGalleryNotShared(target))
            return bad;
    }
    DesChecker desChecker(m_store, DesChecker::Encrypting::ImageVersionRegion, m_subscriptionId, regionName);
    const QString osDes = valueAt(encryption, {"osDiskImage", "diskEncryptionSetId"}).toString();
    if (!osDes.isEmpty()) {
        if (auto bad = desChecker.check(osDes, target + QStringLiteral(".osDiskImage.diskEncryptionSetId")))
            return bad;
    }
    return checkEncryptedDataDisks(encryption.value(QLatin1String("dataDiskImages")).toArray(), target,
                                   regionName, desChecker);
}

std::optional<ApiResponse> ImageVersionCheck::checkEncryptedDataDisks(const QJsonArray &disks,
                                                                      const QString &encryptionTarget,
                                                                      const QString &regionName,
                                                                      DesChecker &desChecker) {
    QSet<int> encryptedLuns;
    for (int j = 0; j < disks.size(); ++j) {
        const QJsonObject disk = disks.at(j).toObject();
        const QString target = encryptionTarget + QStringLiteral(".dataDiskImages[%1]").arg(j);
        if (!disk.value(QLatin1String("lun")).isDouble())
            return missingParameter(QStringLiteral("lun"), target + QStringLiteral(".lun"));
        const int lun = disk.value(QLatin1String("lun")).toInt();
        if (!m_luns.contains(lun)) {
            return invalidParameter(
                QCoreApplication::translate("armsandbox",
                                            "The data disk with LUN %1 does not exist in the source '%2'.")
                    .arg(lun)
                    .arg(m_source.id),
                target + QStringLiteral(".lun"));
        }
        if (encryptedLuns.contains(lun))
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox", "LUN %1 appears more than once in the encryption of target region '%2'.")
                    .arg(lun)
                    .arg(regionName),
                target + QStringLiteral(".lun"));
        encryptedLuns.insert(lun);
        const QString dataDes = disk.value(QLatin1String("diskEncryptionSetId")).toString();
        if (dataDes.isEmpty())
            continue;
        if (auto bad = desChecker.check(dataDes, target + QStringLiteral(".diskEncryptionSetId")))
            return bad;
    }
    return std::nullopt;
}

QJsonObject ImageVersionCheck::withPublishingDefaults(QJsonObject publishing) const {
    const QString storageType =
        publishing.value(QLatin1String("storageAccountType")).toString(QStringLiteral("Standard_LRS"));
    const int replicaCount = publishing.value(QLatin1String("replicaCount")).toInt(1);
    QJsonArray filledTargets;
    for (const auto &t : publishing.value(QLatin1String("targetRegions")).toArray()) {
        QJsonObject region = t.toObject();
        if (!region.contains(QLatin1String("regionalReplicaCount")))
            region.insert(QStringLiteral("regionalReplicaCount"), replicaCount);
        if (!region.contains(QLatin1String("storageAccountType")))
            region.insert(QStringLiteral("storageAccountType"), storageType);
        if (!region.contains(QLatin1String("excludeFromLatest")))
            region.insert(QStringLiteral("excludeFromLatest"),
                          publishing.value(QLatin1String("excludeFromLatest")).toBool(false));
        filledTargets.append(region);
    }
    if (filledTargets.isEmpty()) {
        filledTargets.append(QJsonObject{{QStringLiteral("name"), m_location},
                                         {QStringLiteral("regionalReplicaCount"), replicaCount},
                                         {QStringLiteral("storageAccountType"), storageType},
                                         {QStringLiteral("excludeFromLatest"), false}});
    }
    publishing.insert(QStringLiteral("targetRegions"), filledTargets);
    publishing.insert(QStringLiteral("replicaCount"), replicaCount);
    publishing.insert(QStringLiteral("storageAccountType"), storageType);
    if (!publishing.contains(QLatin1String("excludeFromLatest")))
        publishing.insert(QStringLiteral("excludeFromLatest"), false);
    if (!publishing.contains(QLatin1String("publishedDate"))) // an update keeps the version's
        publishing.insert(QStringLiteral("publishedDate"), isoNow());
    return publishing;
}

QJsonObject ImageVersionCheck::withStorageDefaults(QJsonObject storage,
                                                   const QJsonArray &requestedDataDisks) const {
    QJsonObject osDiskImage = storage.value(QLatin1String("osDiskImage")).toObject();
    QJsonArray dataDiskImages;
    describeSourceDisks(m_source.type, m_source.resource, osDiskImage, dataDiskImages);
    for (const auto &v : requestedDataDisks) {
        const QJsonObject disk = v.toObject();
        const int lun = disk.value(QLatin1String("lun")).toInt();
        const bool known =
            std::any_of(dataDiskImages.begin(), dataDiskImages.end(), [lun](const auto &image) {
                return image.toObject().value(QLatin1String("lun")).toInt() == lun;
            });
        if (known)
            continue;
        QJsonObject filled = disk;
        const QJsonObject diskResource = m_store.resource(valueAt(disk, {"source", "id"}).toString());
        filled.insert(QStringLiteral("sizeInGB"),
                      valueAt(diskResource, {"properties", "diskSizeGB"}).toInt(32));
        if (!filled.contains(QLatin1String("hostCaching")))
            filled.insert(QStringLiteral("hostCaching"), QStringLiteral("None"));
        dataDiskImages.append(filled);
    }
    storage.insert(QStringLiteral("osDiskImage"), osDiskImage);
    if (!dataDiskImages.isEmpty())
        storage.insert(QStringLiteral("dataDiskImages"), dataDiskImages);
    return storage;
}

QJsonObject ImageVersionCheck::withSafetyDefaults(QJsonObject safety) {
    if (!safety.contains(QLatin1String("allowDeletionOfReplicatedLocations")))
        safety.insert(QStringLiteral("allowDeletionOfReplicatedLocations"), true);
    safety.insert(QStringLiteral("reportedForPolicyViolation"), false);
    if (!safety.contains(QLatin1String("blockDeletionBeforeEndOfLife")))
        safety.insert(QStringLiteral("blockDeletionBeforeEndOfLife"), false);
    return safety;
}

} // namespace armsandbox
