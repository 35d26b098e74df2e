#include "imageversion/imageversionupdate.h"

#include "arm/resources.h"
#include "imageversion/imageversionvalidation.h"

namespace cmk {

ImageVersionDraft updateDraftFor(ImageVersionDraft describingVersion, const QString &versionId) {
    describingVersion.mode = DraftMode::Update;
    describingVersion.versionId = versionId;
    describingVersion.normalizeEncryption();
    return describingVersion;
}

QStringList ImageVersionUpdateRules::removedRegions(const ImageVersionDraft &current,
                                                    const ImageVersionDraft &updated) {
    QStringList removed;
    for (const RegionDraft &region : current.targetRegions) {
        if (updated.regionIndex(region.name) < 0)
            removed << region.name;
    }
    return removed;
}

QStringList ImageVersionUpdateRules::addedRegions(const ImageVersionDraft &current,
                                                  const ImageVersionDraft &updated) {
    return removedRegions(updated, current);
}

QString ImageVersionUpdateRules::homeRegionRemoved(const QString &home) {
    return tr("The home region %1 (the image version's location) cannot be removed.").arg(home);
}

QStringList ImageVersionUpdateRules::offlineErrors(const ImageVersionDraft &updated) {
    if (updated.location.isEmpty() || updated.regionIndex(updated.location) >= 0)
        return {};
    return {homeRegionRemoved(updated.location)};
}

QStringList ImageVersionUpdateRules::errors(const ImageVersionDraft &current,
                                            const ImageVersionDraft &updated, bool allowRegionRemoval) {
    QStringList reasons = lockedErrors(current, updated);
    reasons += encryptionErrors(current, updated);
    reasons += regionErrors(current, updated, allowRegionRemoval);
    return reasons;
}

QStringList ImageVersionUpdateRules::lockedErrors(const ImageVersionDraft &current,
                                                  const ImageVersionDraft &updated) {
    QStringList reasons;
    if (!updated.isUpdate())
        reasons << tr("The draft is not an update draft (“mode”: “update”); make one with cmkwizard edit.");
    const QString path = imageVersionPath(updated);
    if (!updated.versionId.isEmpty() && !sameResourceId(path, updated.versionId))
        reasons << tr("The draft names the image version %1, but it updates %2; the names of an existing "
                      "version cannot change.")
                       .arg(path, updated.versionId);
    if (!sameRegion(current.location, updated.location))
        reasons << tr("The location of an existing image version cannot change (%1, not %2).")
                       .arg(current.location, updated.location);
    if (current.sourceKind != updated.sourceKind || !sameResourceId(current.sourceId, updated.sourceId) ||
        current.dataDiskSnapshots != updated.dataDiskSnapshots)
        reasons
            << tr("The source of an existing image version is locked: it stays %1.").arg(current.sourceId);
    return reasons;
}

QStringList ImageVersionUpdateRules::encryptionErrors(const ImageVersionDraft &current,
                                                      const ImageVersionDraft &updated) {
    QStringList reasons;
    if (!usesCustomerKey(current.encryption))
        return reasons;
    if (!usesCustomerKey(updated.encryption)) {
        reasons << tr("The image version is encrypted with customer-managed keys; it cannot go back to "
                      "platform-managed keys. Keep the encryption type “%1”.")
                       .arg(ImageVersionValidation::encryptionModeLabel(current.encryption));
        return reasons;
    }
    if (updated.encryption != current.encryption)
        reasons << tr("The image version is encrypted with “%1”; every region, new or existing, keeps that "
                      "encryption type (not “%2”).")
                       .arg(ImageVersionValidation::encryptionModeLabel(current.encryption),
                            ImageVersionValidation::encryptionModeLabel(updated.encryption));
    QList<int> disks{-1};
    disks += current.dataDiskLuns();
    for (const RegionDraft &before : current.targetRegions) {
        const int index = updated.regionIndex(before.name);
        if (index < 0)
            continue;
        for (int lun : disks) {
            if (!current.desFor(before, lun).isEmpty() &&
                updated.desFor(updated.targetRegions.at(index), lun).isEmpty())
                reasons << tr("Region %1: the %2 is encrypted with a disk encryption set and keeps one; it "
                              "cannot go back to platform-managed keys.")
                               .arg(before.name, ImageVersionValidation::diskLabel(lun));
        }
    }
    return reasons;
}

QStringList ImageVersionUpdateRules::regionErrors(const ImageVersionDraft &current,
                                                  const ImageVersionDraft &updated, bool allowRegionRemoval) {
    QStringList reasons;
    QStringList replicated;
    for (const QString &name : removedRegions(current, updated)) {
        if (sameRegion(name, current.location))
            reasons << homeRegionRemoved(name);
        else
            replicated << name;
    }
    if (!replicated.isEmpty() && !allowRegionRemoval)
        reasons
            << tr("Removing %1 deletes the image version's replicas there, which Azure does only when the "
                  "update allows it (safetyProfile.allowDeletionOfReplicatedLocations): allow the removal "
                  "of replicated regions (cmkwizard update --allow-region-removal) or keep the region.")
                   .arg(replicated.join(QStringLiteral(", ")));
    for (const RegionDraft &before : current.targetRegions) {
        const int index = updated.regionIndex(before.name);
        if (index < 0)
            continue;
        const QString after = updated.targetRegions.at(index).storageAccountType;
        if (after.compare(before.storageAccountType, Qt::CaseInsensitive) != 0)
            reasons << tr("Region %1: the storage account type of an existing target region stays %2 (not "
                          "%3); Azure refuses the change (“Global storage account type does not match the "
                          "storage account type in the existing TargetRegion”).")
                           .arg(before.name, before.storageAccountType, after);
    }
    return reasons;
}

ImageVersionRequest buildImageVersionUpdateRequest(const ImageVersionDraft &draft, const ArmClient *client,
                                                   bool allowRegionRemoval) {
    ImageVersionRequest request = buildImageVersionRequest(draft, client);
    if (!request.ok())
        return request;
    const nlohmann::json full = request.body;
    nlohmann::json properties = nlohmann::json::object();
    properties["publishingProfile"] = full["properties"]["publishingProfile"];
    properties["storageProfile"] = nlohmann::json::object(); // required by the spec; the source is kept
    if (allowRegionRemoval)
        properties["safetyProfile"] = {{"allowDeletionOfReplicatedLocations", true}};
    nlohmann::json body = nlohmann::json::object();
    body["tags"] = full.contains("tags") ? full["tags"] : nlohmann::json::object(); // {} clears them
    body["properties"] = properties;
    request.body = body;
    return request;
}

} // namespace cmk
