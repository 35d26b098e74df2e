#include "arm/imageversionupdatecheck.h"

#include "arm/armstore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace armsandbox {

namespace {

QJsonArray targetRegionsOf(const QJsonObject &version) {
    return valueAt(version, {"properties", "publishingProfile", "targetRegions"}).toArray();
}

/// The target region named `name` in `regions` (and its index), empty when absent.
QJsonObject regionNamed(const QJsonArray &regions, const QString &name, int *index = nullptr) {
    for (int i = 0; i < regions.size(); ++i) {
        const QJsonObject region = regions.at(i).toObject();
        if (normalizeRegion(region.value(QLatin1String("name")).toString()) == normalizeRegion(name)) {
            if (index)
                *index = i;
            return region;
        }
    }
    return {};
}

/// The disk encryption set of a disk (lun < 0: the OS disk) in a target region's encryption.
QString desOf(const QJsonObject &region, int lun) {
    const QJsonObject encryption = region.value(QLatin1String("encryption")).toObject();
    if (lun < 0)
        return valueAt(encryption, {"osDiskImage", "diskEncryptionSetId"}).toString();
    for (const auto &disk : encryption.value(QLatin1String("dataDiskImages")).toArray()) {
        if (disk.toObject().value(QLatin1String("lun")).toInt(-1) == lun)
            return disk.toObject().value(QLatin1String("diskEncryptionSetId")).toString();
    }
    return {};
}

QString diskName(int lun) {
    return lun < 0 ? QCoreApplication::translate("armsandbox", "the OS disk")
                   : QCoreApplication::translate("armsandbox", "the data disk at LUN %1").arg(lun);
}

} // namespace

QJsonObject mergeImageVersionPatch(const QJsonObject &existing, const QJsonObject &body) {
    QJsonObject merged = existing;
    if (body.contains(QLatin1String("tags")))
        merged.insert(QStringLiteral("tags"), body.value(QLatin1String("tags")));
    QJsonObject properties = existing.value(QLatin1String("properties")).toObject();
    const QJsonObject patch = body.value(QLatin1String("properties")).toObject();
    for (const char *section : {"publishingProfile", "safetyProfile"}) {
        const QString key = QString::fromLatin1(section);
        if (!patch.value(key).isObject())
            continue;
        QJsonObject target = properties.value(key).toObject();
        const QJsonObject given = patch.value(key).toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            target.insert(it.key(), it.value());
        properties.insert(key, target);
    }
    merged.insert(QStringLiteral("properties"), properties);
    return merged;
}

ImageVersionUpdateCheck::ImageVersionUpdateCheck(const ArmStore &store, const QJsonObject &existing,
                                                 const QJsonObject &requested,
                                                 const QJsonObject &requestSafety)
    : m_store(store)
    , m_existing(existing)
    , m_requested(requested)
    , m_requestSafety(requestSafety) {
    for (const auto &disk : valueAt(existing, {"properties", "storageProfile", "dataDiskImages"}).toArray())
        m_dataLuns << disk.toObject().value(QLatin1String("lun")).toInt();
}

std::optional<ApiResponse> ImageVersionUpdateCheck::validate() const {
    const QString before = m_existing.value(QLatin1String("location")).toString();
    const QString after = m_requested.value(QLatin1String("location")).toString();
    if (normalizeRegion(before) != normalizeRegion(after))
        return armError(400, QStringLiteral("PropertyChangeNotAllowed"),
                        QCoreApplication::translate(
                            "armsandbox",
                            "Changing property 'location' is not allowed: the gallery image version is in "
                            "'%1'.")
                            .arg(before),
                        QStringLiteral("location"));
    if (auto bad = checkRegionsKept())
        return bad;
    const QJsonArray regions = targetRegionsOf(m_requested);
    const QJsonArray existingRegions = targetRegionsOf(m_existing);
    for (int i = 0; i < regions.size(); ++i) {
        const QJsonObject region = regions.at(i).toObject();
        const QString target = QStringLiteral("properties.publishingProfile.targetRegions[%1]").arg(i);
        const QJsonObject previous =
            regionNamed(existingRegions, region.value(QLatin1String("name")).toString());
        auto bad = previous.isEmpty() ? checkNewRegionEncryption(region, target)
                                      : checkRegionKeepsEncryption(previous, region, target);
        if (!bad && !previous.isEmpty())
            bad = checkStorageAccountType(previous, region, target);
        if (bad)
            return bad;
    }
    return std::nullopt;
}

std::optional<ApiResponse> ImageVersionUpdateCheck::checkRegionsKept() const {
    const QString home = m_existing.value(QLatin1String("location")).toString();
    const QJsonArray regions = targetRegionsOf(m_requested);
    const QString target = QStringLiteral("properties.publishingProfile.targetRegions");
    if (!regions.isEmpty() && regionNamed(regions, home).isEmpty())
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "The home region '%1' of the gallery image version cannot be removed from "
                              "its target regions.")
                .arg(home),
            target);
    const bool allowed =
        m_requestSafety.value(QLatin1String("allowDeletionOfReplicatedLocations")).toBool(false);
    for (const auto &value : targetRegionsOf(m_existing)) {
        const QString name = value.toObject().value(QLatin1String("name")).toString();
        if (regions.isEmpty() || !regionNamed(regions, name).isEmpty() || allowed)
            continue;
        return armError(400, QStringLiteral("OperationNotAllowed"),
                        QCoreApplication::translate(
                            "armsandbox",
                            "The gallery image version is replicated to '%1'; removing a replicated region "
                            "deletes its replicas and requires "
                            "safetyProfile.allowDeletionOfReplicatedLocations set to true in the request.")
                            .arg(name),
                        target);
    }
    return std::nullopt;
}

std::optional<ApiResponse> ImageVersionUpdateCheck::checkRegionKeepsEncryption(const QJsonObject &before,
                                                                               const QJsonObject &after,
                                                                               const QString &target) const {
    QList<int> disks{-1};
    disks += m_dataLuns;
    for (int lun : disks) {
        if (desOf(before, lun).isEmpty() || !desOf(after, lun).isEmpty())
            continue;
        return armError(400, QStringLiteral("OperationNotAllowed"),
                        QCoreApplication::translate(
                            "armsandbox",
                            "Target region '%1' encrypts %2 with a disk encryption set; the encryption of a "
                            "gallery image version cannot change from customer-managed keys to "
                            "platform-managed keys.")
                            .arg(before.value(QLatin1String("name")).toString(), diskName(lun)),
                        target + QStringLiteral(".encryption"));
    }
    return std::nullopt;
}

std::optional<ApiResponse> ImageVersionUpdateCheck::checkNewRegionEncryption(const QJsonObject &region,
                                                                             const QString &target) const {
    const QString type = existingEncryptionType();
    if (type.isEmpty())
        return std::nullopt;
    QList<int> disks{-1};
    disks += m_dataLuns;
    for (int lun : disks) {
        const QString des = desOf(region, lun);
        const QString desType = valueAt(m_store.resource(des), {"properties", "encryptionType"}).toString();
        if (!des.isEmpty() && desType.compare(type, Qt::CaseInsensitive) == 0)
            continue;
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The gallery image version is encrypted with "
                                                      "customer-managed keys (%1); the new target region "
                                                      "'%2' needs a disk encryption set of that type for %3.")
                .arg(type, region.value(QLatin1String("name")).toString(), diskName(lun)),
            target + QStringLiteral(".encryption"));
    }
    return std::nullopt;
}

std::optional<ApiResponse> ImageVersionUpdateCheck::checkStorageAccountType(const QJsonObject &before,
                                                                            const QJsonObject &after,
                                                                            const QString &target) const {
    const QString was = before.value(QLatin1String("storageAccountType")).toString();
    if (was.isEmpty())
        return std::nullopt;
    const QString own = after.value(QLatin1String("storageAccountType")).toString();
    if (own.isEmpty()) {
        const QString global = valueAt(m_requested, {"properties", "publishingProfile", "storageAccountType"})
                                   .toString(QStringLiteral("Standard_LRS"));
        if (global.compare(was, Qt::CaseInsensitive) == 0)
            return std::nullopt;
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox",
                                    "Global storage account type does not match the storage account type in "
                                    "the existing TargetRegion '%1' (%2).")
                                    .arg(before.value(QLatin1String("name")).toString(), was),
                                QStringLiteral("properties.publishingProfile.storageAccountType"));
    }
    if (own.compare(was, Qt::CaseInsensitive) == 0)
        return std::nullopt;
    return invalidParameter(
        QCoreApplication::translate(
            "armsandbox", "The storage account type of the existing TargetRegion '%1' cannot change from "
                          "%2 to %3.")
            .arg(before.value(QLatin1String("name")).toString(), was, own),
        target + QStringLiteral(".storageAccountType"));
}

QString ImageVersionUpdateCheck::existingEncryptionType() const {
    for (const auto &value : targetRegionsOf(m_existing)) {
        const QJsonObject region = value.toObject();
        QList<int> disks{-1};
        disks += m_dataLuns;
        for (int lun : disks) {
            const QString des = desOf(region, lun);
            if (!des.isEmpty())
                return valueAt(m_store.resource(des), {"properties", "encryptionType"})
                    .toString(QStringLiteral("EncryptionAtRestWithCustomerKey"));
        }
    }
    return {};
}

} // namespace armsandbox
