#include "imageversion/imageversionupdate.h"

#include "arm/resources.h"
#include "common/usertext.h"
#include "imageversion/imageversionvalidation.h"
#include "review/review.h"

#include <QLocale>

namespace cmk {

ImageVersionDraft updateDraftFor(const VersionReview &review) {
    return updateDraftFor(review.toDraft(),
                          review.version.id.isEmpty() ? review.versionId : review.version.id);
}

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

QStringList ImageVersionUpdateRules::removedReplicatedRegions(const ImageVersionDraft &current,
                                                              const ImageVersionDraft &updated) {
    QStringList replicated;
    for (const QString &name : removedRegions(current, updated)) {
        if (!sameRegion(name, current.location))
            replicated << name;
    }
    return replicated;
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
                                                  const ImageVersionDraft &updated, bool allowRegionRemoval,
                                                  RemovalConsent consent) {
    QStringList reasons;
    for (const QString &name : removedRegions(current, updated)) {
        if (sameRegion(name, current.location))
            reasons << homeRegionRemoved(name);
    }
    const QStringList replicated = removedReplicatedRegions(current, updated);
    if (!replicated.isEmpty() && !allowRegionRemoval && consent == RemovalConsent::CommandLine)
        reasons
            << tr("Removing %1 deletes the image version's replicas there, which Azure does only when the "
                  "update allows it (safetyProfile.allowDeletionOfReplicatedLocations): allow the removal "
                  "of replicated regions (cmkwizard update --allow-region-removal) or keep the region.")
                   .arg(replicated.join(QStringLiteral(", ")));
    else if (!replicated.isEmpty() && !allowRegionRemoval)
        reasons
            << tr("Removing %1 deletes the image version's replicas there, which Azure does only when the "
                  "update allows it (safetyProfile.allowDeletionOfReplicatedLocations): check “Delete "
                  "the replicas in the removed regions” or add the region again.")
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
                           .arg(RegionNames::displayName(before.name),
                                ServiceTerms::storageType(before.storageAccountType),
                                ServiceTerms::storageType(after));
    }
    return reasons;
}

QString ImageVersionUpdateDiff::none() {
    return QStringLiteral("—");
}

QString ImageVersionUpdateDiff::setName(const QString &desId) {
    return desId.isEmpty() ? tr("platform-managed key") : ResourceId::parse(desId).name();
}

QList<ImageVersionChange> ImageVersionUpdateDiff::changes(const ImageVersionDraft &current,
                                                          const ImageVersionDraft &updated) {
    QList<ImageVersionChange> out;
    addRegionChanges(out, current, updated);
    addVersionChanges(out, current, updated);
    addTagChanges(out, current, updated);
    return out;
}

void ImageVersionUpdateDiff::addRegionChanges(QList<ImageVersionChange> &out,
                                              const ImageVersionDraft &current,
                                              const ImageVersionDraft &updated) {
    for (const QString &name : ImageVersionUpdateRules::removedRegions(current, updated))
        out.append({name, tr("Target region"), tr("replicated"), tr("removed")});
    for (const RegionDraft &after : updated.targetRegions) {
        const int index = current.regionIndex(after.name);
        const RegionDraft *before = index >= 0 ? &current.targetRegions.at(index) : nullptr;
        if (!before)
            out.append({after.name, tr("Target region"), none(), tr("added")});
        const QString replicasBefore = before ? QLocale().toString(before->replicaCount) : none();
        if (!before || before->replicaCount != after.replicaCount)
            out.append(
                {after.name, tr("Replica count"), replicasBefore, QLocale().toString(after.replicaCount)});
        if (!before || before->storageAccountType != after.storageAccountType)
            out.append({after.name, tr("Storage account type"),
                        before ? ServiceTerms::storageType(before->storageAccountType) : none(),
                        ServiceTerms::storageType(after.storageAccountType)});
        addDiskChanges(out, current, before, updated, after);
    }
}

void ImageVersionUpdateDiff::addDiskChanges(QList<ImageVersionChange> &out, const ImageVersionDraft &current,
                                            const RegionDraft *before, const ImageVersionDraft &updated,
                                            const RegionDraft &after) {
    QList<int> disks{-1};
    disks += updated.dataDiskLuns();
    for (int lun : disks) {
        const QString was = before ? setName(current.desFor(*before, lun)) : none();
        const QString now = setName(updated.desFor(after, lun));
        if (was != now)
            out.append({after.name, ImageVersionValidation::diskTitle(lun), was, now});
    }
    const QString typeBefore = before ? before->confidentialVmEncryptionType : QString();
    if (typeBefore != after.confidentialVmEncryptionType)
        out.append(
            {after.name, tr("Confidential VM encryption"), typeBefore.isEmpty() ? none() : typeBefore,
             after.confidentialVmEncryptionType.isEmpty() ? none() : after.confidentialVmEncryptionType});
    const QString secureBefore = before ? before->secureVmDesId : QString();
    if (!sameResourceId(secureBefore, after.secureVmDesId))
        out.append({after.name, tr("Secure-VM disk encryption set"),
                    secureBefore.isEmpty() ? none() : setName(secureBefore),
                    after.secureVmDesId.isEmpty() ? none() : setName(after.secureVmDesId)});
}

void ImageVersionUpdateDiff::addVersionChanges(QList<ImageVersionChange> &out,
                                               const ImageVersionDraft &current,
                                               const ImageVersionDraft &updated) {
    if (current.encryption != updated.encryption)
        out.append({{},
                    tr("Encryption type"),
                    ImageVersionValidation::encryptionModeLabel(current.encryption),
                    ImageVersionValidation::encryptionModeLabel(updated.encryption)});
    if (current.defaultReplicaCount != updated.defaultReplicaCount)
        out.append({{},
                    tr("Default replica count"),
                    QLocale().toString(current.defaultReplicaCount),
                    QLocale().toString(updated.defaultReplicaCount)});
    if (current.endOfLifeDate != updated.endOfLifeDate) {
        const auto date = [](const QDate &d) { return d.isValid() ? ServiceTerms::date(d) : none(); };
        out.append({{}, tr("End-of-life date"), date(current.endOfLifeDate), date(updated.endOfLifeDate)});
    }
    if (current.excludeFromLatest != updated.excludeFromLatest) {
        const auto yesNo = [](bool b) { return b ? tr("yes") : tr("no"); };
        out.append({{},
                    tr("Exclude from latest"),
                    yesNo(current.excludeFromLatest),
                    yesNo(updated.excludeFromLatest)});
    }
}

void ImageVersionUpdateDiff::addTagChanges(QList<ImageVersionChange> &out, const ImageVersionDraft &current,
                                           const ImageVersionDraft &updated) {
    QMap<QString, QPair<QString, QString>> values; // name -> (before, after); sorted by name
    for (const TagDraft &tag : current.tags)
        values[tag.name].first = tag.value;
    for (const TagDraft &tag : updated.tags)
        values[tag.name].second = tag.value;
    const auto has = [](const QList<TagDraft> &tags, const QString &name) {
        return std::any_of(tags.cbegin(), tags.cend(), [&](const TagDraft &t) { return t.name == name; });
    };
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const bool before = has(current.tags, it.key()), after = has(updated.tags, it.key());
        if (before == after && it->first == it->second)
            continue;
        out.append(
            {{}, tr("Tag “%1”").arg(it.key()), before ? it->first : none(), after ? it->second : none()});
    }
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
