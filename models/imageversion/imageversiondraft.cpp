#include "imageversion/imageversiondraft.h"

#include "arm/resources.h"
#include "draft/draftjsonreader.h"

#include <algorithm>

namespace cmk {

namespace {

struct DraftKeyName {
    const char *key;
    int value;
};

const DraftKeyName kDraftModes[] = {
    {"create", int(DraftMode::Create)},
    {"update", int(DraftMode::Update)},
};

const DraftKeyName kDraftSourceKinds[] = {
    {"managedImage", int(SourceKind::ManagedImage)},
    {"snapshots", int(SourceKind::Snapshots)},
    {"virtualMachine", int(SourceKind::VirtualMachine)},
    {"imageVersion", int(SourceKind::ImageVersion)},
};

const DraftKeyName kDraftEncryptionModes[] = {
    {"platformKey", int(EncryptionMode::PlatformKey)},
    {"customerKey", int(EncryptionMode::CustomerKey)},
    {"platformAndCustomerKeys", int(EncryptionMode::PlatformAndCustomerKeys)},
};

template <size_t N> QString draftKeyOf(const DraftKeyName (&table)[N], int value) {
    for (const DraftKeyName &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.key);
    }
    return {};
}

template <typename Enum, size_t N>
bool draftValueOf(const DraftKeyName (&table)[N], const QString &key, Enum *value) {
    for (const DraftKeyName &entry : table) {
        if (key == QLatin1String(entry.key)) {
            *value = Enum(entry.value);
            return true;
        }
    }
    return false;
}

} // namespace

QString draftModeKey(DraftMode mode) {
    return draftKeyOf(kDraftModes, int(mode));
}

bool draftModeFromKey(const QString &key, DraftMode *mode) {
    return draftValueOf(kDraftModes, key, mode);
}

QString sourceKindKey(SourceKind kind) {
    return draftKeyOf(kDraftSourceKinds, int(kind));
}

bool sourceKindFromKey(const QString &key, SourceKind *kind) {
    return draftValueOf(kDraftSourceKinds, key, kind);
}

QString encryptionModeKey(EncryptionMode mode) {
    return draftKeyOf(kDraftEncryptionModes, int(mode));
}

bool encryptionModeFromKey(const QString &key, EncryptionMode *mode) {
    return draftValueOf(kDraftEncryptionModes, key, mode);
}

QString desEncryptionTypeFor(EncryptionMode mode) {
    switch (mode) {
    case EncryptionMode::PlatformKey:
        return {};
    case EncryptionMode::CustomerKey:
        return QStringLiteral("EncryptionAtRestWithCustomerKey");
    case EncryptionMode::PlatformAndCustomerKeys:
        return QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");
    }
    return {};
}

QStringList storageAccountTypes() {
    return {QStringLiteral("Standard_LRS"), QStringLiteral("Standard_ZRS"), QStringLiteral("Premium_LRS")};
}

bool RegionDraft::operator==(const RegionDraft &o) const {
    return name == o.name && replicaCount == o.replicaCount && storageAccountType == o.storageAccountType &&
           sameDesForAllDisks == o.sameDesForAllDisks && osDiskDesId == o.osDiskDesId &&
           dataDiskDesIds == o.dataDiskDesIds &&
           confidentialVmEncryptionType == o.confidentialVmEncryptionType && secureVmDesId == o.secureVmDesId;
}

QList<int> ImageVersionDraft::dataDiskLuns() const {
    QList<int> luns;
    if (sourceKind == SourceKind::Snapshots) {
        for (const DataDiskSnapshot &disk : dataDiskSnapshots)
            luns.append(disk.lun);
    } else {
        luns = sourceDataDiskLuns;
    }
    std::sort(luns.begin(), luns.end());
    luns.erase(std::unique(luns.begin(), luns.end()), luns.end());
    return luns;
}

int ImageVersionDraft::regionIndex(const QString &name) const {
    for (int i = 0; i < targetRegions.size(); ++i) {
        if (sameRegion(targetRegions.at(i).name, name))
            return i;
    }
    return -1;
}

void ImageVersionDraft::placeLocationFirst() {
    if (location.isEmpty())
        return;
    const int index = regionIndex(location);
    if (index == 0)
        return;
    if (index > 0) {
        targetRegions.move(index, 0);
        return;
    }
    RegionDraft region;
    region.name = location;
    region.replicaCount = defaultReplicaCount;
    region.storageAccountType = defaultStorageAccountType;
    targetRegions.prepend(region);
}

void ImageVersionDraft::normalizeEncryption() {
    const QList<int> luns = dataDiskLuns();
    for (RegionDraft &region : targetRegions) {
        for (auto it = region.dataDiskDesIds.begin(); it != region.dataDiskDesIds.end();) {
            if (!luns.contains(it.key()))
                it = region.dataDiskDesIds.erase(it);
            else
                ++it;
        }
        if (region.sameDesForAllDisks) {
            for (int lun : luns)
                region.dataDiskDesIds[lun] = region.osDiskDesId;
        }
    }
}

QString ImageVersionDraft::desFor(const RegionDraft &region, int lun) const {
    if (lun < 0 || region.sameDesForAllDisks)
        return region.osDiskDesId;
    return region.dataDiskDesIds.value(lun);
}

bool ImageVersionDraft::isConfidentialVmImage() const {
    return imageSecurityType.compare(QLatin1String("ConfidentialVM"), Qt::CaseInsensitive) == 0 ||
           imageSecurityType.compare(QLatin1String("ConfidentialVMSupported"), Qt::CaseInsensitive) == 0;
}

bool ImageVersionDraft::hasConfidentialVmEncryption() const {
    return std::any_of(targetRegions.cbegin(), targetRegions.cend(), [](const RegionDraft &region) {
        return !region.confidentialVmEncryptionType.isEmpty() || !region.secureVmDesId.isEmpty();
    });
}

bool ImageVersionDraft::usesCustomerManagedKeys() const {
    return usesCustomerKey(encryption) ||
           std::any_of(targetRegions.cbegin(), targetRegions.cend(),
                       [](const RegionDraft &region) { return !region.secureVmDesId.isEmpty(); });
}

nlohmann::json ImageVersionDraft::toJson() const {
    using nlohmann::json;
    json source = json::object();
    source["kind"] = sourceKindKey(sourceKind);
    source["id"] = sourceId;
    json disks = json::array();
    for (const DataDiskSnapshot &disk : dataDiskSnapshots)
        disks.push_back({{"lun", disk.lun}, {"snapshotId", disk.snapshotId}});
    source["dataDiskSnapshots"] = disks;
    json luns = json::array();
    for (int lun : sourceDataDiskLuns)
        luns.push_back(lun);
    source["dataDiskLuns"] = luns;

    json regions = json::array();
    for (const RegionDraft &region : targetRegions) {
        json dataDes = json::array();
        for (auto it = region.dataDiskDesIds.cbegin(); it != region.dataDiskDesIds.cend(); ++it)
            dataDes.push_back({{"lun", it.key()}, {"diskEncryptionSetId", it.value()}});
        json entry = {{"name", region.name},
                      {"replicaCount", region.replicaCount},
                      {"storageAccountType", region.storageAccountType},
                      {"sameDiskEncryptionSetForAllDisks", region.sameDesForAllDisks},
                      {"osDiskEncryptionSetId", region.osDiskDesId},
                      {"dataDiskEncryptionSets", dataDes}};
        // Written only when set, so drafts of other images keep their shape.
        if (!region.confidentialVmEncryptionType.isEmpty())
            entry["confidentialVmEncryptionType"] = region.confidentialVmEncryptionType;
        if (!region.secureVmDesId.isEmpty())
            entry["secureVmDiskEncryptionSetId"] = region.secureVmDesId;
        regions.push_back(entry);
    }
    json tagList = json::array();
    for (const TagDraft &tag : tags)
        tagList.push_back({{"name", tag.name}, {"value", tag.value}});

    json out = json::object();
    out["format"] = "cmkwizard.imageVersionDraft";
    out["formatVersion"] = currentFormatVersion;
    if (isUpdate()) { // create drafts stay as they were written before updates existed
        out["mode"] = draftModeKey(mode);
        out["versionId"] = versionId;
    }
    out["subscriptionId"] = subscriptionId;
    out["resourceGroup"] = resourceGroup;
    out["galleryName"] = galleryName;
    out["imageDefinitionName"] = imageDefinitionName;
    out["versionName"] = versionName;
    out["location"] = location;
    if (!imageSecurityType.isEmpty())
        out["imageSecurityType"] = imageSecurityType;
    out["source"] = source;
    out["targetRegions"] = regions;
    out["defaultReplicaCount"] = defaultReplicaCount;
    out["defaultStorageAccountType"] = defaultStorageAccountType;
    out["endOfLifeDate"] =
        endOfLifeDate.isValid() ? json(endOfLifeDate.toString(Qt::ISODate)) : json(nullptr);
    out["excludeFromLatest"] = excludeFromLatest;
    out["encryptionType"] = encryptionModeKey(encryption);
    out["tags"] = tagList;
    return out;
}

bool ImageVersionDraft::fromJson(const nlohmann::json &json, ImageVersionDraft *out, QString *error) {
    DraftJsonReader r(error);
    if (!r.start(json, currentFormatVersion, tr("A draft must be a JSON object."),
                 tr("This draft has format version %1; this program reads version %2 and older.")))
        return false;
    ImageVersionDraft d;
    r.choice(json, "mode", draftModeKey, draftModeFromKey, &d.mode,
             tr("Unknown draft mode “%1” in the draft."));
    d.versionId = r.string(json, "versionId");
    d.subscriptionId = r.string(json, "subscriptionId");
    d.resourceGroup = r.string(json, "resourceGroup");
    d.galleryName = r.string(json, "galleryName");
    d.imageDefinitionName = r.string(json, "imageDefinitionName");
    d.versionName = r.string(json, "versionName");
    d.location = r.string(json, "location");
    d.imageSecurityType = r.string(json, "imageSecurityType");

    const nlohmann::json &source = r.object(json, "source");
    r.choice(source, "kind", sourceKindKey, sourceKindFromKey, &d.sourceKind,
             tr("Unknown source kind “%1” in the draft."));
    d.sourceId = r.string(source, "id");
    for (const nlohmann::json &disk : r.array(source, "dataDiskSnapshots")) {
        if (!r.isObject(disk, "dataDiskSnapshots"))
            break;
        d.dataDiskSnapshots.append({r.integer(disk, "lun", 0), r.string(disk, "snapshotId")});
    }
    d.sourceDataDiskLuns = r.integers(source, "dataDiskLuns");

    for (const nlohmann::json &entry : r.array(json, "targetRegions")) {
        if (!r.isObject(entry, "targetRegions"))
            break;
        RegionDraft region;
        region.name = r.string(entry, "name");
        region.replicaCount = r.integer(entry, "replicaCount", 1);
        region.storageAccountType = r.string(entry, "storageAccountType", QStringLiteral("Standard_LRS"));
        region.sameDesForAllDisks = r.boolean(entry, "sameDiskEncryptionSetForAllDisks", true);
        region.osDiskDesId = r.string(entry, "osDiskEncryptionSetId");
        for (const nlohmann::json &des : r.array(entry, "dataDiskEncryptionSets")) {
            if (!r.isObject(des, "dataDiskEncryptionSets"))
                break;
            region.dataDiskDesIds.insert(r.integer(des, "lun", 0), r.string(des, "diskEncryptionSetId"));
        }
        region.confidentialVmEncryptionType = r.string(entry, "confidentialVmEncryptionType");
        region.secureVmDesId = r.string(entry, "secureVmDiskEncryptionSetId");
        d.targetRegions.append(region);
    }
    d.defaultReplicaCount = r.integer(json, "defaultReplicaCount", 1);
    d.defaultStorageAccountType = r.string(json, "defaultStorageAccountType", QStringLiteral("Standard_LRS"));
    const QString eol = r.string(json, "endOfLifeDate");
    if (!eol.isEmpty()) {
        // A full date-time is accepted too, as ARM writes it.
        d.endOfLifeDate = QDate::fromString(eol.left(10), Qt::ISODate);
        if (r.ok() && !d.endOfLifeDate.isValid())
            r.fail(tr("The end-of-life date “%1” in the draft is not a date (YYYY-MM-DD).").arg(eol));
    }
    d.excludeFromLatest = r.boolean(json, "excludeFromLatest", false);
    r.choice(json, "encryptionType", encryptionModeKey, encryptionModeFromKey, &d.encryption,
             tr("Unknown encryption type “%1” in the draft."));
    for (const nlohmann::json &tag : r.array(json, "tags")) {
        if (!r.isObject(tag, "tags"))
            break;
        d.tags.append({r.string(tag, "name"), r.string(tag, "value")});
    }
    if (!r.ok())
        return false;
    *out = d;
    return true;
}

bool ImageVersionDraft::operator==(const ImageVersionDraft &o) const {
    return mode == o.mode && versionId == o.versionId && subscriptionId == o.subscriptionId &&
           resourceGroup == o.resourceGroup && galleryName == o.galleryName &&
           imageDefinitionName == o.imageDefinitionName && versionName == o.versionName &&
           location == o.location && sourceKind == o.sourceKind && sourceId == o.sourceId &&
           dataDiskSnapshots == o.dataDiskSnapshots && sourceDataDiskLuns == o.sourceDataDiskLuns &&
           imageSecurityType == o.imageSecurityType && targetRegions == o.targetRegions &&
           defaultReplicaCount == o.defaultReplicaCount &&
           defaultStorageAccountType == o.defaultStorageAccountType && endOfLifeDate == o.endOfLifeDate &&
           excludeFromLatest == o.excludeFromLatest && encryption == o.encryption && tags == o.tags;
}

} // namespace cmk
