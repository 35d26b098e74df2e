#include "arm/resources.h"

#include <climits>
#include <cmath>
#include <type_traits>

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

// ---- one field list per resource, for both directions ----------------------------------------------------
//
// Each fields() overload below lists a resource's JSON members once, in the order from_json reads them (a
// malformed response reports the first bad member). JsonFieldReader fills the struct from JSON: missing or
// null means absent, a present value of the wrong type throws. JsonFieldWriter writes only what is set, never
// null, and leaves out what the service reports but never accepts (readOnly).

class JsonFieldReader {
public:
    explicit JsonFieldReader(const json &j)
        : m_j(j) {}
    template <typename T> void field(const char *key, T &out) { read(m_j, key, out); }
    template <typename T> void field(const char *key, std::vector<T> &out) { readArray(m_j, key, out); }
    template <typename T> void readOnly(const char *key, T &out) { field(key, out); }
    /// Written even when zero (RegionalReplicationStatus.progress).
    void alwaysWritten(const char *key, int &out) { read(m_j, key, out); }
    /// Required by the spec: a missing one throws.
    void required(const char *key, int &out) { out = intValue(m_j.at(key), key); }
    /// Written only when true.
    void flag(const char *key, bool &out) { read(m_j, key, out); }
    void tags(QMap<QString, QString> &out) { readTags(m_j, out); }
    void luns(const char *key, std::vector<int> &out) { readLuns(m_j, key, out); }
    /// A nested object whose members `fields` lists (`fields` is called with a reader for it).
    template <typename Fields> void object(const char *key, Fields &&fields) {
        if (const json *child = objectAt(m_j, key)) {
            JsonFieldReader reader(*child);
            fields(reader);
        }
    }
    /// A nested resource with its own to_json/from_json.
    template <typename T> void child(const char *key, T &out) {
        if (const json *c = objectAt(m_j, key))
            out = c->get<T>();
    }
    template <typename T> void child(const char *key, std::optional<T> &out) {
        if (const json *c = objectAt(m_j, key))
            out = c->get<T>();
    }
    template <typename T> void childEvenEmpty(const char *key, std::optional<T> &out) { child(key, out); }

private:
    const json &m_j;
};

class JsonFieldWriter {
public:
    explicit JsonFieldWriter(json &j)
        : m_j(j) {}
    void field(const char *key, const QString &value) { write(m_j, key, value); }
    template <typename T> void field(const char *key, const std::optional<T> &value) {
        write(m_j, key, value);
    }
    template <typename T> void field(const char *key, const std::vector<T> &values) {
        if (!values.empty())
            m_j[key] = values;
    }
    template <typename T> void readOnly(const char *, const T &) {}
    void alwaysWritten(const char *key, int value) { m_j[key] = value; }
    void required(const char *key, int value) { m_j[key] = value; }
    void flag(const char *key, bool value) {
        if (value)
            m_j[key] = true;
    }
    void tags(const QMap<QString, QString> &values) { writeTags(m_j, values); }
    void luns(const char *key, const std::vector<int> &values) { writeLuns(m_j, key, values); }
    template <typename Fields> void object(const char *key, Fields &&fields) {
        json child = json::object();
        JsonFieldWriter writer(child);
        fields(writer);
        writeIfNotEmpty(m_j, key, std::move(child));
    }
    template <typename T> void child(const char *key, const T &value) {
        writeIfNotEmpty(m_j, key, json(value));
    }
    template <typename T> void child(const char *key, const std::optional<T> &value) {
        if (value)
            child(key, *value);
    }
    template <typename T> void childEvenEmpty(const char *key, const std::optional<T> &value) {
        if (value)
            m_j[key] = *value;
    }

private:
    json &m_j;
};

/// Matches S and const S: one field list serves the reader (S) and the writer (const S).
template <typename V, typename S>
using FieldsOf = std::enable_if_t<std::is_same_v<std::remove_const_t<V>, S>, int>;

/// id, name and location, with which most resources start.
template <typename Io, typename V> void placeFields(Io &io, V &v) {
    io.field("id", v.id);
    io.field("name", v.name);
    io.field("location", v.location);
}

// Microsoft.Resources

template <typename Io, typename V, FieldsOf<V, Subscription> = 0> void fields(Io &io, V &v) {
    io.field("id", v.id);
    io.field("subscriptionId", v.subscriptionId);
    io.field("tenantId", v.tenantId);
    io.field("displayName", v.displayName);
    io.field("state", v.state);
}

template <typename Io, typename V, FieldsOf<V, Tenant> = 0> void fields(Io &io, V &v) {
    io.field("id", v.id);
    io.field("tenantId", v.tenantId);
    io.field("displayName", v.displayName);
    io.field("defaultDomain", v.defaultDomain);
}

template <typename Io, typename V, FieldsOf<V, Location> = 0> void fields(Io &io, V &v) {
    io.field("id", v.id);
    io.field("name", v.name);
    io.field("displayName", v.displayName);
    io.field("regionalDisplayName", v.regionalDisplayName);
}

template <typename Io, typename V, FieldsOf<V, ResourceGroup> = 0> void fields(Io &io, V &v) {
    placeFields(io, v);
    io.tags(v.tags);
    io.object("properties",
              [&](auto &properties) { properties.field("provisioningState", v.provisioningState); });
}

template <typename Io, typename V, FieldsOf<V, FeatureRegistration> = 0> void fields(Io &io, V &v) {
    io.field("id", v.id);
    io.field("name", v.name);
    io.field("type", v.type);
    io.object("properties", [&](auto &properties) { properties.field("state", v.state); });
}

template <typename Io, typename V, FieldsOf<V, ProviderRegistration> = 0> void fields(Io &io, V &v) {
    io.field("id", v.id);
    io.field("namespace", v.providerNamespace);
    io.field("registrationState", v.registrationState);
}

// GalleryRP

template <typename Io, typename V, FieldsOf<V, GallerySharingGroup> = 0> void fields(Io &io, V &v) {
    io.field("type", v.type);
}

template <typename Io, typename V, FieldsOf<V, Gallery> = 0> void fields(Io &io, V &v) {
    placeFields(io, v);
    io.tags(v.tags);
    io.object("properties", [&](auto &properties) {
        properties.field("description", v.description);
        properties.field("provisioningState", v.provisioningState);
        properties.object("identifier",
                          [&](auto &identifier) { identifier.field("uniqueName", v.uniqueName); });
        properties.object("sharingProfile", [&](auto &sharing) {
            sharing.field("permissions", v.sharingPermissions);
            sharing.field("groups", v.sharingGroups);
            sharing.object("communityGalleryInfo", [&](auto &community) {
                community.readOnly("communityGalleryEnabled", v.communityGalleryEnabled);
            });
        });
    });
}

template <typename Io, typename V, FieldsOf<V, GalleryImageFeature> = 0> void fields(Io &io, V &v) {
    io.field("name", v.name);
    io.field("value", v.value);
}

template <typename Io, typename V, FieldsOf<V, GalleryImage> = 0> void fields(Io &io, V &v) {
    placeFields(io, v);
    io.tags(v.tags);
    io.object("properties", [&](auto &properties) {
        properties.field("description", v.description);
        properties.field("osType", v.osType);
        properties.field("osState", v.osState);
        properties.field("hyperVGeneration", v.hyperVGeneration);
        properties.field("architecture", v.architecture);
        properties.field("provisioningState", v.provisioningState);
        properties.field("features", v.features);
        properties.object("identifier", [&](auto &identifier) {
            identifier.field("publisher", v.publisher);
            identifier.field("offer", v.offer);
            identifier.field("sku", v.sku);
        });
    });
}

template <typename Io, typename V, FieldsOf<V, DiskImageEncryption> = 0> void fields(Io &io, V &v) {
    io.field("diskEncryptionSetId", v.diskEncryptionSetId);
    io.object("securityProfile", [&](auto &profile) {
        profile.field("confidentialVMEncryptionType", v.confidentialVmEncryptionType);
        profile.field("secureVMDiskEncryptionSetId", v.secureVmDiskEncryptionSetId);
    });
}

template <typename Io, typename V, FieldsOf<V, DataDiskImageEncryption> = 0> void fields(Io &io, V &v) {
    io.required("lun", v.lun);
    io.field("diskEncryptionSetId", v.diskEncryptionSetId);
}

template <typename Io, typename V, FieldsOf<V, EncryptionImages> = 0> void fields(Io &io, V &v) {
    io.childEvenEmpty("osDiskImage", v.osDiskImage);
    io.field("dataDiskImages", v.dataDiskImages);
}

template <typename Io, typename V, FieldsOf<V, TargetRegion> = 0> void fields(Io &io, V &v) {
    io.field("name", v.name);
    io.field("regionalReplicaCount", v.regionalReplicaCount);
    io.field("storageAccountType", v.storageAccountType);
    io.field("excludeFromLatest", v.excludeFromLatest);
    io.child("encryption", v.encryption);
}

template <typename Io, typename V, FieldsOf<V, GalleryDiskImage> = 0> void fields(Io &io, V &v) {
    io.field("lun", v.lun);
    io.readOnly("sizeInGB", v.sizeInGB);
    io.field("hostCaching", v.hostCaching);
    io.object("source", [&](auto &source) {
        source.field("id", v.sourceId);
        source.field("uri", v.sourceUri);
        source.field("storageAccountId", v.sourceStorageAccountId);
    });
}

template <typename Io, typename V, FieldsOf<V, GalleryImageVersionStorageProfile> = 0>
void fields(Io &io, V &v) {
    io.object("source", [&](auto &source) {
        source.field("id", v.sourceId);
        source.field("virtualMachineId", v.virtualMachineId);
    });
    io.child("osDiskImage", v.osDiskImage);
    io.field("dataDiskImages", v.dataDiskImages);
}

template <typename Io, typename V, FieldsOf<V, RegionalReplicationStatus> = 0> void fields(Io &io, V &v) {
    io.field("region", v.region);
    io.field("state", v.state);
    io.field("details", v.details);
    io.alwaysWritten("progress", v.progress);
}

template <typename Io, typename V, FieldsOf<V, GalleryImageVersion> = 0> void fields(Io &io, V &v) {
    // A PUT body carries location, tags and the writable properties only.
    io.readOnly("id", v.id);
    io.readOnly("name", v.name);
    io.field("location", v.location);
    io.readOnly("type", v.type);
    io.tags(v.tags);
    io.object("properties", [&](auto &properties) {
        properties.readOnly("provisioningState", v.provisioningState);
        properties.object("publishingProfile", [&](auto &publishing) {
            publishing.field("targetRegions", v.targetRegions);
            publishing.field("replicaCount", v.replicaCount);
            publishing.field("excludeFromLatest", v.excludeFromLatest);
            publishing.field("endOfLifeDate", v.endOfLifeDate);
            publishing.readOnly("publishedDate", v.publishedDate);
            publishing.field("storageAccountType", v.storageAccountType);
            publishing.field("replicationMode", v.replicationMode);
        });
        properties.child("storageProfile", v.storageProfile);
        properties.object("safetyProfile", [&](auto &safety) {
            safety.field("blockDeletionBeforeEndOfLife", v.blockDeletionBeforeEndOfLife);
            safety.readOnly("reportedForPolicyViolation", v.reportedForPolicyViolation);
        });
        properties.object("replicationStatus", [&](auto &replication) {
            replication.readOnly("aggregatedState", v.aggregatedReplicationState);
            replication.readOnly("summary", v.replicationSummary);
        });
    });
}

// DiskRP / ComputeRP

template <typename Io, typename V, FieldsOf<V, DiskEncryptionSet> = 0> void fields(Io &io, V &v) {
    io.field("id", v.id);
    io.field("name", v.name);
    io.field("type", v.type);
    io.field("location", v.location);
    io.tags(v.tags);
    io.object("identity", [&](auto &identity) { identity.field("type", v.identityType); });
    io.object("properties", [&](auto &properties) {
        properties.field("encryptionType", v.encryptionType);
        properties.flag("rotationToLatestKeyVersionEnabled", v.rotationToLatestKeyVersionEnabled);
        properties.field("provisioningState", v.provisioningState);
        properties.object("activeKey", [&](auto &activeKey) {
            activeKey.field("keyUrl", v.keyUrl);
            activeKey.object("sourceVault", [&](auto &vault) { vault.field("id", v.sourceVaultId); });
        });
    });
}

template <typename Io, typename V, FieldsOf<V, ManagedImage> = 0> void fields(Io &io, V &v) {
    placeFields(io, v);
    io.object("properties", [&](auto &properties) {
        properties.field("hyperVGeneration", v.hyperVGeneration);
        properties.field("provisioningState", v.provisioningState);
        properties.object("storageProfile", [&](auto &storage) {
            storage.object("osDisk", [&](auto &osDisk) {
                osDisk.field("osType", v.osType);
                osDisk.field("osState", v.osState);
            });
            storage.luns("dataDisks", v.dataDiskLuns);
        });
    });
}

template <typename Io, typename V, FieldsOf<V, Snapshot> = 0> void fields(Io &io, V &v) {
    placeFields(io, v);
    io.object("properties", [&](auto &properties) {
        properties.field("osType", v.osType);
        properties.field("hyperVGeneration", v.hyperVGeneration);
        properties.field("diskSizeGB", v.diskSizeGB);
        properties.field("provisioningState", v.provisioningState);
        properties.object("encryption", [&](auto &encryption) {
            encryption.field("type", v.encryptionType);
            encryption.field("diskEncryptionSetId", v.diskEncryptionSetId);
        });
    });
}

template <typename Io, typename V, FieldsOf<V, VirtualMachine> = 0> void fields(Io &io, V &v) {
    placeFields(io, v);
    io.object("properties", [&](auto &properties) {
        properties.field("provisioningState", v.provisioningState);
        properties.object("hardwareProfile", [&](auto &hardware) { hardware.field("vmSize", v.vmSize); });
        properties.object("storageProfile", [&](auto &storage) {
            storage.object("osDisk", [&](auto &osDisk) { osDisk.field("osType", v.osType); });
            storage.luns("dataDisks", v.dataDiskLuns);
        });
    });
}

template <typename V> void writeResource(json &j, const V &v) {
    j = json::object();
    JsonFieldWriter writer(j);
    fields(writer, v);
}

/// `what` names the resource in the error a non-object raises.
template <typename V> void readResource(const json &j, V &v, const char *what) {
    requireObject(j, what);
    v = {};
    JsonFieldReader reader(j);
    fields(reader, v);
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

bool GalleryImageVersion::usesCustomerKey() const {
    for (const TargetRegion &region : targetRegions) {
        if (!region.encryption)
            continue;
        // A Confidential VM profile's secure-VM set (EncryptedWithCmk) is a customer-managed key too.
        if (const std::optional<DiskImageEncryption> &os = region.encryption->osDiskImage;
            os && (!os->diskEncryptionSetId.isEmpty() || !os->secureVmDiskEncryptionSetId.isEmpty()))
            return true;
        for (const DataDiskImageEncryption &disk : region.encryption->dataDiskImages) {
            if (!disk.diskEncryptionSetId.isEmpty())
                return true;
        }
    }
    return false;
}

bool Gallery::isShared() const {
    const bool privateOnly = sharingPermissions.isEmpty() ||
                             sharingPermissions.compare(QLatin1String("Private"), Qt::CaseInsensitive) == 0;
    return !privateOnly || !sharingGroups.empty() || communityGalleryEnabled.value_or(false);
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

// ---- nlohmann::json conversions: each resource's field list, read or written ----------------------------

#define CMK_RESOURCE_JSON(Type, what)                                                                        \
    void to_json(json &j, const Type &v) {                                                                   \
        writeResource(j, v);                                                                                 \
    }                                                                                                        \
    void from_json(const json &j, Type &v) {                                                                 \
        readResource(j, v, what);                                                                            \
    }

CMK_RESOURCE_JSON(Subscription, "subscription")
CMK_RESOURCE_JSON(Tenant, "tenant")
CMK_RESOURCE_JSON(Location, "location")
CMK_RESOURCE_JSON(ResourceGroup, "resource group")
CMK_RESOURCE_JSON(FeatureRegistration, "feature")
CMK_RESOURCE_JSON(ProviderRegistration, "provider")
CMK_RESOURCE_JSON(Gallery, "gallery")
CMK_RESOURCE_JSON(GallerySharingGroup, "sharing group")
CMK_RESOURCE_JSON(GalleryImageFeature, "feature")
CMK_RESOURCE_JSON(GalleryImage, "image definition")
CMK_RESOURCE_JSON(DiskImageEncryption, "osDiskImage encryption")
CMK_RESOURCE_JSON(DataDiskImageEncryption, "dataDiskImages encryption")
CMK_RESOURCE_JSON(EncryptionImages, "encryption")
CMK_RESOURCE_JSON(TargetRegion, "target region")
CMK_RESOURCE_JSON(GalleryDiskImage, "disk image")
CMK_RESOURCE_JSON(GalleryImageVersionStorageProfile, "storageProfile")
CMK_RESOURCE_JSON(RegionalReplicationStatus, "replication status")
CMK_RESOURCE_JSON(GalleryImageVersion, "image version")
CMK_RESOURCE_JSON(DiskEncryptionSet, "disk encryption set")
CMK_RESOURCE_JSON(ManagedImage, "image")
CMK_RESOURCE_JSON(Snapshot, "snapshot")
CMK_RESOURCE_JSON(VirtualMachine, "virtual machine")

#undef CMK_RESOURCE_JSON

} // namespace cmk
