#include "arm/resources.h"

#include <climits>
#include <cmath>

using nlohmann::json;

void to_json(json &j, const QString &s) {
    j = s.toStdString();
}

void from_json(const json &j, QString &s) {
    s = QString::fromStdString(j.get<std::string>()); // throws type_error for anything but a string
}

namespace cmk {

namespace {

// ---- reading: missing or null means absent; a present value of the wrong type throws ---------------------

void requireObject(const json &j, const char *what) {
    if (!j.is_object())
        throw json::type_error::create(
            302, std::string(what) + " must be a JSON object, not " + j.type_name(), &j);
}

/// The child object at `key`, nullptr when absent or null.
const json *objectAt(const json &j, const char *key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return nullptr;
    requireObject(*it, key);
    return &*it;
}

template <typename T> void read(const json &j, const char *key, T &out) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        out = it->get<T>();
}

template <typename T> void read(const json &j, const char *key, std::optional<T> &out) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        out = it->get<T>();
    else
        out.reset();
}

/// A JSON number as an int. nlohmann's get<int>() casts whatever it finds: a huge or fractional number would
/// be undefined behaviour (double) or silently wrapped (64-bit), so a LUN of 4294967296 would become 0.
int intValue(const json &value, const char *key) {
    if (value.is_number_unsigned()) {
        const auto n = value.get<json::number_unsigned_t>();
        if (n <= json::number_unsigned_t(INT_MAX))
            return int(n);
    } else if (value.is_number_integer()) {
        const auto n = value.get<json::number_integer_t>();
        if (n >= INT_MIN && n <= INT_MAX)
            return int(n);
    } else if (value.is_number_float()) {
        const double n = value.get<double>();
        if (std::isfinite(n) && std::floor(n) == n && n >= double(INT_MIN) && n <= double(INT_MAX))
            return int(n);
    } else {
        throw json::type_error::create(302, std::string(key) + " must be a number, not " + value.type_name(),
                                       &value);
    }
    throw json::out_of_range::create(406, std::string(key) + " is not a whole number in range", &value);
}

void read(const json &j, const char *key, int &out) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        out = intValue(*it, key);
}

void read(const json &j, const char *key, std::optional<int> &out) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        out = intValue(*it, key);
    else
        out.reset();
}

template <typename T> void readArray(const json &j, const char *key, std::vector<T> &out) {
    out.clear();
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return;
    if (!it->is_array())
        throw json::type_error::create(302, std::string(key) + " must be a JSON array", &*it);
    out = it->get<std::vector<T>>();
}

void readTags(const json &j, QMap<QString, QString> &tags) {
    tags.clear();
    const json *object = objectAt(j, "tags");
    if (!object)
        return;
    for (auto it = object->begin(); it != object->end(); ++it)
        tags.insert(QString::fromStdString(it.key()), it->is_null() ? QString() : it->get<QString>());
}

/// lun of each element of the array at `key` (disk lists of images and VMs).
void readLuns(const json &j, const char *key, std::vector<int> &luns) {
    luns.clear();
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return;
    if (!it->is_array())
        throw json::type_error::create(302, std::string(key) + " must be a JSON array", &*it);
    for (const json &disk : *it) {
        requireObject(disk, key);
        luns.push_back(intValue(disk.at("lun"), "lun"));
    }
}

// ---- writing: only what is set, never null -------------------------------------------------------------

void write(json &j, const char *key, const QString &value) {
    if (!value.isEmpty())
        j[key] = value;
}

template <typename T> void write(json &j, const char *key, const std::optional<T> &value) {
    if (value)
        j[key] = *value;
}

void writeTags(json &j, const QMap<QString, QString> &tags) {
    if (tags.isEmpty())
        return;
    json object = json::object();
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        object[it.key().toStdString()] = it.value();
    j["tags"] = std::move(object);
}

void writeLuns(json &j, const char *key, const std::vector<int> &luns) {
    if (luns.empty())
        return;
    json array = json::array();
    for (int lun : luns)
        array.push_back({{"lun", lun}});
    j[key] = std::move(array);
}

void writeIfNotEmpty(json &j, const char *key, json value) {
    if (!value.is_null() && !value.empty())
        j[key] = std::move(value);
}

} // namespace

QString normalizeRegion(const QString &region) {
    QString out;
    out.reserve(region.size());
    for (const QChar c : region) {
        if (!c.isSpace())
            out += c.toLower();
    }
    return out;
}

bool sameRegion(const QString &a, const QString &b) {
    return normalizeRegion(a) == normalizeRegion(b);
}

ResourceId ResourceId::parse(const QString &id) {
    ResourceId out;
    QString text = id.trimmed();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    if (!text.startsWith(QLatin1Char('/')))
        return out;
    const QStringList segments = text.mid(1).split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty())
            return out;
    }
    int i = 0;
    const auto is = [&](int index, const char *keyword) {
        return index < segments.size() &&
               segments.at(index).compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
    };
    if (!is(0, "subscriptions") || segments.size() < 2)
        return out;
    out.subscriptionId = segments.at(1);
    i = 2;
    if (is(i, "resourceGroups")) {
        if (i + 1 >= segments.size())
            return out;
        out.resourceGroup = segments.at(i + 1);
        i += 2;
    }
    if (is(i, "providers")) {
        if (i + 1 >= segments.size())
            return out;
        out.providerNamespace = segments.at(i + 1);
        i += 2;
        if (i >= segments.size())
            return out; // a provider is not a resource
        // The rest alternates type/name; nested "providers" (extension resources) stay in the chain, which is
        // how ARM spells their type ("Microsoft.Features/providers/features").
        if ((segments.size() - i) % 2 != 0)
            return out;
        for (; i < segments.size(); i += 2) {
            out.types << segments.at(i);
            out.names << segments.at(i + 1);
        }
    } else if (i != segments.size()) {
        return out;
    }
    out.valid = true;
    return out;
}

QString ResourceId::fullType() const {
    if (providerNamespace.isEmpty())
        return {};
    return providerNamespace + QLatin1Char('/') + types.join(QLatin1Char('/'));
}

bool sameResourceId(const QString &a, const QString &b) {
    QString left = a.trimmed(), right = b.trimmed();
    while (left.endsWith(QLatin1Char('/')))
        left.chop(1);
    while (right.endsWith(QLatin1Char('/')))
        right.chop(1);
    return left.compare(right, Qt::CaseInsensitive) == 0;
}

QString GalleryImage::securityType() const {
    for (const GalleryImageFeature &feature : features) {
        if (feature.name.compare(QLatin1String("SecurityType"), Qt::CaseInsensitive) == 0)
            return feature.value;
    }
    return {};
}

QString DiskEncryptionSet::resourceGroup() const {
    return ResourceId::parse(id).resourceGroup;
}

QString DiskEncryptionSet::subscriptionId() const {
    return ResourceId::parse(id).subscriptionId;
}

// ---- Microsoft.Resources -------------------------------------------------------------------------------

void to_json(json &j, const Subscription &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "subscriptionId", v.subscriptionId);
    write(j, "tenantId", v.tenantId);
    write(j, "displayName", v.displayName);
    write(j, "state", v.state);
}

void from_json(const json &j, Subscription &v) {
    requireObject(j, "subscription");
    v = {};
    read(j, "id", v.id);
    read(j, "subscriptionId", v.subscriptionId);
    read(j, "tenantId", v.tenantId);
    read(j, "displayName", v.displayName);
    read(j, "state", v.state);
}

void to_json(json &j, const Tenant &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "tenantId", v.tenantId);
    write(j, "displayName", v.displayName);
    write(j, "defaultDomain", v.defaultDomain);
}

void from_json(const json &j, Tenant &v) {
    requireObject(j, "tenant");
    v = {};
    read(j, "id", v.id);
    read(j, "tenantId", v.tenantId);
    read(j, "displayName", v.displayName);
    read(j, "defaultDomain", v.defaultDomain);
}

void to_json(json &j, const Location &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "displayName", v.displayName);
    write(j, "regionalDisplayName", v.regionalDisplayName);
}

void from_json(const json &j, Location &v) {
    requireObject(j, "location");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "displayName", v.displayName);
    read(j, "regionalDisplayName", v.regionalDisplayName);
}

void to_json(json &j, const ResourceGroup &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "location", v.location);
    writeTags(j, v.tags);
    json properties = json::object();
    write(properties, "provisioningState", v.provisioningState);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, ResourceGroup &v) {
    requireObject(j, "resource group");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "location", v.location);
    readTags(j, v.tags);
    if (const json *properties = objectAt(j, "properties"))
        read(*properties, "provisioningState", v.provisioningState);
}

void to_json(json &j, const FeatureRegistration &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "type", v.type);
    json properties = json::object();
    write(properties, "state", v.state);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, FeatureRegistration &v) {
    requireObject(j, "feature");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "type", v.type);
    if (const json *properties = objectAt(j, "properties"))
        read(*properties, "state", v.state);
}

void to_json(json &j, const ProviderRegistration &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "namespace", v.providerNamespace);
    write(j, "registrationState", v.registrationState);
}

void from_json(const json &j, ProviderRegistration &v) {
    requireObject(j, "provider");
    v = {};
    read(j, "id", v.id);
    read(j, "namespace", v.providerNamespace);
    read(j, "registrationState", v.registrationState);
}

// ---- GalleryRP -----------------------------------------------------------------------------------------

void to_json(json &j, const Gallery &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "location", v.location);
    writeTags(j, v.tags);
    json properties = json::object();
    write(properties, "description", v.description);
    if (!v.uniqueName.isEmpty())
        properties["identifier"] = {{"uniqueName", v.uniqueName}};
    write(properties, "provisioningState", v.provisioningState);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, Gallery &v) {
    requireObject(j, "gallery");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "location", v.location);
    readTags(j, v.tags);
    if (const json *properties = objectAt(j, "properties")) {
        read(*properties, "description", v.description);
        read(*properties, "provisioningState", v.provisioningState);
        if (const json *identifier = objectAt(*properties, "identifier"))
            read(*identifier, "uniqueName", v.uniqueName);
    }
}

void to_json(json &j, const GalleryImageFeature &v) {
    j = json::object();
    write(j, "name", v.name);
    write(j, "value", v.value);
}

void from_json(const json &j, GalleryImageFeature &v) {
    requireObject(j, "feature");
    v = {};
    read(j, "name", v.name);
    read(j, "value", v.value);
}

void to_json(json &j, const GalleryImage &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "location", v.location);
    writeTags(j, v.tags);
    json properties = json::object();
    write(properties, "description", v.description);
    write(properties, "osType", v.osType);
    write(properties, "osState", v.osState);
    write(properties, "hyperVGeneration", v.hyperVGeneration);
    json identifier = json::object();
    write(identifier, "publisher", v.publisher);
    write(identifier, "offer", v.offer);
    write(identifier, "sku", v.sku);
    writeIfNotEmpty(properties, "identifier", std::move(identifier));
    write(properties, "architecture", v.architecture);
    if (!v.features.empty())
        properties["features"] = v.features;
    write(properties, "provisioningState", v.provisioningState);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, GalleryImage &v) {
    requireObject(j, "image definition");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "location", v.location);
    readTags(j, v.tags);
    if (const json *properties = objectAt(j, "properties")) {
        read(*properties, "description", v.description);
        read(*properties, "osType", v.osType);
        read(*properties, "osState", v.osState);
        read(*properties, "hyperVGeneration", v.hyperVGeneration);
        read(*properties, "architecture", v.architecture);
        read(*properties, "provisioningState", v.provisioningState);
        readArray(*properties, "features", v.features);
        if (const json *identifier = objectAt(*properties, "identifier")) {
            read(*identifier, "publisher", v.publisher);
            read(*identifier, "offer", v.offer);
            read(*identifier, "sku", v.sku);
        }
    }
}

void to_json(json &j, const DiskImageEncryption &v) {
    j = json::object();
    write(j, "diskEncryptionSetId", v.diskEncryptionSetId);
}

void from_json(const json &j, DiskImageEncryption &v) {
    requireObject(j, "osDiskImage encryption");
    v = {};
    read(j, "diskEncryptionSetId", v.diskEncryptionSetId);
}

void to_json(json &j, const DataDiskImageEncryption &v) {
    j = json::object();
    j["lun"] = v.lun;
    write(j, "diskEncryptionSetId", v.diskEncryptionSetId);
}

void from_json(const json &j, DataDiskImageEncryption &v) {
    requireObject(j, "dataDiskImages encryption");
    v = {};
    v.lun = intValue(j.at("lun"), "lun"); // required by the spec
    read(j, "diskEncryptionSetId", v.diskEncryptionSetId);
}

void to_json(json &j, const EncryptionImages &v) {
    j = json::object();
    if (v.osDiskImage)
        j["osDiskImage"] = *v.osDiskImage;
    if (!v.dataDiskImages.empty())
        j["dataDiskImages"] = v.dataDiskImages;
}

void from_json(const json &j, EncryptionImages &v) {
    requireObject(j, "encryption");
    v = {};
    if (const json *os = objectAt(j, "osDiskImage"))
        v.osDiskImage = os->get<DiskImageEncryption>();
    readArray(j, "dataDiskImages", v.dataDiskImages);
}

void to_json(json &j, const TargetRegion &v) {
    j = json::object();
    write(j, "name", v.name);
    write(j, "regionalReplicaCount", v.regionalReplicaCount);
    write(j, "storageAccountType", v.storageAccountType);
    if (v.encryption && !v.encryption->isEmpty())
        j["encryption"] = *v.encryption;
    write(j, "excludeFromLatest", v.excludeFromLatest);
}

void from_json(const json &j, TargetRegion &v) {
    requireObject(j, "target region");
    v = {};
    read(j, "name", v.name);
    read(j, "regionalReplicaCount", v.regionalReplicaCount);
    read(j, "storageAccountType", v.storageAccountType);
    read(j, "excludeFromLatest", v.excludeFromLatest);
    if (const json *encryption = objectAt(j, "encryption"))
        v.encryption = encryption->get<EncryptionImages>();
}

void to_json(json &j, const GalleryDiskImage &v) {
    // sizeInGB is read-only in the spec: it is parsed but never sent.
    j = json::object();
    write(j, "lun", v.lun);
    write(j, "hostCaching", v.hostCaching);
    json source = json::object();
    write(source, "id", v.sourceId);
    write(source, "uri", v.sourceUri);
    write(source, "storageAccountId", v.sourceStorageAccountId);
    writeIfNotEmpty(j, "source", std::move(source));
}

void from_json(const json &j, GalleryDiskImage &v) {
    requireObject(j, "disk image");
    v = {};
    read(j, "lun", v.lun);
    read(j, "sizeInGB", v.sizeInGB);
    read(j, "hostCaching", v.hostCaching);
    if (const json *source = objectAt(j, "source")) {
        read(*source, "id", v.sourceId);
        read(*source, "uri", v.sourceUri);
        read(*source, "storageAccountId", v.sourceStorageAccountId);
    }
}

void to_json(json &j, const GalleryImageVersionStorageProfile &v) {
    j = json::object();
    json source = json::object();
    write(source, "id", v.sourceId);
    write(source, "virtualMachineId", v.virtualMachineId);
    writeIfNotEmpty(j, "source", std::move(source));
    if (v.osDiskImage)
        writeIfNotEmpty(j, "osDiskImage", json(*v.osDiskImage));
    if (!v.dataDiskImages.empty())
        j["dataDiskImages"] = v.dataDiskImages;
}

void from_json(const json &j, GalleryImageVersionStorageProfile &v) {
    requireObject(j, "storageProfile");
    v = {};
    if (const json *source = objectAt(j, "source")) {
        read(*source, "id", v.sourceId);
        read(*source, "virtualMachineId", v.virtualMachineId);
    }
    if (const json *os = objectAt(j, "osDiskImage"))
        v.osDiskImage = os->get<GalleryDiskImage>();
    readArray(j, "dataDiskImages", v.dataDiskImages);
}

void to_json(json &j, const RegionalReplicationStatus &v) {
    j = json::object();
    write(j, "region", v.region);
    write(j, "state", v.state);
    write(j, "details", v.details);
    j["progress"] = v.progress;
}

void from_json(const json &j, RegionalReplicationStatus &v) {
    requireObject(j, "replication status");
    v = {};
    read(j, "region", v.region);
    read(j, "state", v.state);
    read(j, "details", v.details);
    read(j, "progress", v.progress);
}

void to_json(json &j, const GalleryImageVersion &v) {
    // A PUT body: location, tags and the writable properties. id, name, type, provisioningState,
    // publishedDate, replicationStatus and reportedForPolicyViolation are read-only and never sent.
    j = json::object();
    write(j, "location", v.location);
    writeTags(j, v.tags);
    json properties = json::object();

    json publishing = json::object();
    if (!v.targetRegions.empty())
        publishing["targetRegions"] = v.targetRegions;
    write(publishing, "replicaCount", v.replicaCount);
    write(publishing, "excludeFromLatest", v.excludeFromLatest);
    write(publishing, "endOfLifeDate", v.endOfLifeDate);
    write(publishing, "storageAccountType", v.storageAccountType);
    write(publishing, "replicationMode", v.replicationMode);
    writeIfNotEmpty(properties, "publishingProfile", std::move(publishing));

    writeIfNotEmpty(properties, "storageProfile", json(v.storageProfile));

    json safety = json::object();
    write(safety, "blockDeletionBeforeEndOfLife", v.blockDeletionBeforeEndOfLife);
    writeIfNotEmpty(properties, "safetyProfile", std::move(safety));

    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, GalleryImageVersion &v) {
    requireObject(j, "image version");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "location", v.location);
    read(j, "type", v.type);
    readTags(j, v.tags);
    const json *properties = objectAt(j, "properties");
    if (!properties)
        return;
    read(*properties, "provisioningState", v.provisioningState);
    if (const json *publishing = objectAt(*properties, "publishingProfile")) {
        readArray(*publishing, "targetRegions", v.targetRegions);
        read(*publishing, "replicaCount", v.replicaCount);
        read(*publishing, "excludeFromLatest", v.excludeFromLatest);
        read(*publishing, "endOfLifeDate", v.endOfLifeDate);
        read(*publishing, "publishedDate", v.publishedDate);
        read(*publishing, "storageAccountType", v.storageAccountType);
        read(*publishing, "replicationMode", v.replicationMode);
    }
    if (const json *storage = objectAt(*properties, "storageProfile"))
        v.storageProfile = storage->get<GalleryImageVersionStorageProfile>();
    if (const json *safety = objectAt(*properties, "safetyProfile")) {
        read(*safety, "blockDeletionBeforeEndOfLife", v.blockDeletionBeforeEndOfLife);
        read(*safety, "reportedForPolicyViolation", v.reportedForPolicyViolation);
    }
    if (const json *replication = objectAt(*properties, "replicationStatus")) {
        read(*replication, "aggregatedState", v.aggregatedReplicationState);
        readArray(*replication, "summary", v.replicationSummary);
    }
}

// ---- DiskRP / ComputeRP --------------------------------------------------------------------------------

void to_json(json &j, const DiskEncryptionSet &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "type", v.type);
    write(j, "location", v.location);
    writeTags(j, v.tags);
    if (!v.identityType.isEmpty())
        j["identity"] = {{"type", v.identityType}};
    json properties = json::object();
    write(properties, "encryptionType", v.encryptionType);
    json activeKey = json::object();
    if (!v.sourceVaultId.isEmpty())
        activeKey["sourceVault"] = {{"id", v.sourceVaultId}};
    write(activeKey, "keyUrl", v.keyUrl);
    writeIfNotEmpty(properties, "activeKey", std::move(activeKey));
    if (v.rotationToLatestKeyVersionEnabled)
        properties["rotationToLatestKeyVersionEnabled"] = true;
    write(properties, "provisioningState", v.provisioningState);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, DiskEncryptionSet &v) {
    requireObject(j, "disk encryption set");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "type", v.type);
    read(j, "location", v.location);
    readTags(j, v.tags);
    if (const json *identity = objectAt(j, "identity"))
        read(*identity, "type", v.identityType);
    if (const json *properties = objectAt(j, "properties")) {
        read(*properties, "encryptionType", v.encryptionType);
        read(*properties, "rotationToLatestKeyVersionEnabled", v.rotationToLatestKeyVersionEnabled);
        read(*properties, "provisioningState", v.provisioningState);
        if (const json *activeKey = objectAt(*properties, "activeKey")) {
            read(*activeKey, "keyUrl", v.keyUrl);
            if (const json *vault = objectAt(*activeKey, "sourceVault"))
                read(*vault, "id", v.sourceVaultId);
        }
    }
}

void to_json(json &j, const ManagedImage &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "location", v.location);
    json properties = json::object();
    json storage = json::object();
    json osDisk = json::object();
    write(osDisk, "osType", v.osType);
    write(osDisk, "osState", v.osState);
    writeIfNotEmpty(storage, "osDisk", std::move(osDisk));
    writeLuns(storage, "dataDisks", v.dataDiskLuns);
    writeIfNotEmpty(properties, "storageProfile", std::move(storage));
    write(properties, "hyperVGeneration", v.hyperVGeneration);
    write(properties, "provisioningState", v.provisioningState);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, ManagedImage &v) {
    requireObject(j, "image");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "location", v.location);
    const json *properties = objectAt(j, "properties");
    if (!properties)
        return;
    read(*properties, "hyperVGeneration", v.hyperVGeneration);
    read(*properties, "provisioningState", v.provisioningState);
    if (const json *storage = objectAt(*properties, "storageProfile")) {
        if (const json *osDisk = objectAt(*storage, "osDisk")) {
            read(*osDisk, "osType", v.osType);
            read(*osDisk, "osState", v.osState);
        }
        readLuns(*storage, "dataDisks", v.dataDiskLuns);
    }
}

void to_json(json &j, const Snapshot &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "location", v.location);
    json properties = json::object();
    write(properties, "osType", v.osType);
    write(properties, "hyperVGeneration", v.hyperVGeneration);
    write(properties, "diskSizeGB", v.diskSizeGB);
    json encryption = json::object();
    write(encryption, "type", v.encryptionType);
    write(encryption, "diskEncryptionSetId", v.diskEncryptionSetId);
    writeIfNotEmpty(properties, "encryption", std::move(encryption));
    write(properties, "provisioningState", v.provisioningState);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, Snapshot &v) {
    requireObject(j, "snapshot");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "location", v.location);
    if (const json *properties = objectAt(j, "properties")) {
        read(*properties, "osType", v.osType);
        read(*properties, "hyperVGeneration", v.hyperVGeneration);
        read(*properties, "diskSizeGB", v.diskSizeGB);
        read(*properties, "provisioningState", v.provisioningState);
        if (const json *encryption = objectAt(*properties, "encryption")) {
            read(*encryption, "type", v.encryptionType);
            read(*encryption, "diskEncryptionSetId", v.diskEncryptionSetId);
        }
    }
}

void to_json(json &j, const VirtualMachine &v) {
    j = json::object();
    write(j, "id", v.id);
    write(j, "name", v.name);
    write(j, "location", v.location);
    json properties = json::object();
    if (!v.vmSize.isEmpty())
        properties["hardwareProfile"] = {{"vmSize", v.vmSize}};
    json storage = json::object();
    if (!v.osType.isEmpty())
        storage["osDisk"] = {{"osType", v.osType}};
    writeLuns(storage, "dataDisks", v.dataDiskLuns);
    writeIfNotEmpty(properties, "storageProfile", std::move(storage));
    write(properties, "provisioningState", v.provisioningState);
    writeIfNotEmpty(j, "properties", std::move(properties));
}

void from_json(const json &j, VirtualMachine &v) {
    requireObject(j, "virtual machine");
    v = {};
    read(j, "id", v.id);
    read(j, "name", v.name);
    read(j, "location", v.location);
    const json *properties = objectAt(j, "properties");
    if (!properties)
        return;
    read(*properties, "provisioningState", v.provisioningState);
    if (const json *hardware = objectAt(*properties, "hardwareProfile"))
        read(*hardware, "vmSize", v.vmSize);
    if (const json *storage = objectAt(*properties, "storageProfile")) {
        if (const json *osDisk = objectAt(*storage, "osDisk"))
            read(*osDisk, "osType", v.osType);
        readLuns(*storage, "dataDisks", v.dataDiskLuns);
    }
}

} // namespace cmk
