#include "arm/armapi_vm.h"

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "arm/confidentialvmcheck.h"
#include "arm/vmcheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace armsandbox {

namespace {

const QString kVmVnetType = QStringLiteral("microsoft.network/virtualnetworks");
const QString kVmNicType = QStringLiteral("microsoft.network/networkinterfaces");

QString lastName(const QString &id) {
    return id.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
}

/// An IPv4 address in dotted notation.
QString ipv4Text(quint32 address) {
    return QStringLiteral("%1.%2.%3.%4")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff);
}

/// An IPv4 prefix "a.b.c.d/n".
struct Cidr {
    quint32 address = 0;
    int length = -1;
    bool valid() const { return length >= 0; }
    quint32 mask() const { return length == 0 ? 0u : ~quint32(0) << (32 - length); }
    bool contains(const Cidr &inner) const {
        return inner.length >= length && (inner.address & mask()) == address;
    }
    bool overlaps(const Cidr &other) const { return contains(other) || other.contains(*this); }
    QString network() const { return ipv4Text(address & mask()) + QStringLiteral("/%1").arg(length); }
};

Cidr parseCidr(const QString &text) {
    static const QRegularExpression shape(
        QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$"));
    const QRegularExpressionMatch m = shape.match(text.trimmed());
    Cidr cidr;
    if (!m.hasMatch())
        return cidr;
    quint32 address = 0;
    for (int i = 1; i <= 4; ++i) {
        const int octet = m.captured(i).toInt();
        if (octet > 255)
            return cidr;
        address = (address << 8) | quint32(octet);
    }
    const int length = m.captured(5).toInt();
    if (length > 32)
        return cidr;
    cidr.address = address;
    cidr.length = length;
    return cidr;
}

/// Checks one address prefix; `cidr` receives it when valid.
std::optional<ApiResponse> checkPrefix(const QString &prefix, const QString &resourceId,
                                       const QString &target, Cidr *cidr) {
    *cidr = parseCidr(prefix);
    if (!cidr->valid()) {
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox",
                                    "Address prefix %1 of resource %2 is not formatted correctly. It should "
                                    "follow CIDR notation, for example 10.0.0.0/24.")
                                    .arg(prefix, resourceId),
                                target, QStringLiteral("InvalidAddressPrefixFormat"));
    }
    if ((cidr->address & cidr->mask()) != cidr->address) {
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox",
                                    "The address prefix %1 in resource %2 has an invalid CIDR notation. For "
                                    "the given prefix length, the address prefix should be %3.")
                                    .arg(prefix, resourceId, cidr->network()),
                                target, QStringLiteral("InvalidCIDRNotation"));
    }
    return std::nullopt;
}

/// The subnet `subnet` of the virtual network `vnet` unless `space` (the network's prefixes) holds `cidr`.
std::optional<ApiResponse> checkSubnetInside(const QList<Cidr> &space, const Cidr &cidr,
                                             const QString &subnet, const QString &vnet,
                                             const QString &target) {
    for (const Cidr &c : space) {
        if (c.contains(cidr))
            return std::nullopt;
    }
    return invalidParameter(
        QCoreApplication::translate("armsandbox",
                                    "Subnet '%1' is not valid because its IP address range is outside "
                                    "the IP address range of virtual network '%2'.")
            .arg(subnet, vnet),
        target, QStringLiteral("NetcfgSubnetRangeOutsideVnet"));
}

ApiResponse subnetsOverlap(const QString &subnet, const QString &vnet, const QString &other,
                           const QString &target) {
    return invalidParameter(
        QCoreApplication::translate("armsandbox",
                                    "Subnet '%1' is not valid in virtual network '%2': it has the same "
                                    "name as, or overlaps with, subnet '%3'.")
            .arg(subnet, vnet, other),
        target, QStringLiteral("NetcfgSubnetRangesOverlap"));
}

QJsonObject subnetJson(const QString &id, const QString &name, const QString &prefix) {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("type"), QStringLiteral("Microsoft.Network/virtualNetworks/subnets")},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("addressPrefix"), prefix},
                                    {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

QString addressPrefixOf(const QJsonObject &subnet) {
    return valueAt(subnet, {"properties", "addressPrefix"}).toString();
}

} // namespace

VmApi::VmApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl,
             OperationRegistry &operations)
    : m_store(store)
    , m_options(options)
    , m_baseUrl(baseUrl)
    , m_operations(operations) {}

QStringList VmApi::networkApiVersions() {
    return {QStringLiteral("2024-05-01"), QStringLiteral("2024-03-01"), QStringLiteral("2023-11-01")};
}

std::optional<ApiResponse> VmApi::handle(const ApiRequest &request, const QStringList &segments,
                                         const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    const int size = int(lower.size());
    if (size < 4 || lower.at(0) != QLatin1String("subscriptions"))
        return std::nullopt;
    const bool inGroup = lower.at(2) == QLatin1String("resourcegroups");
    const int providers = inGroup ? 4 : 2;
    if (size < providers + 3 || lower.at(providers) != QLatin1String("providers"))
        return std::nullopt;
    const QString ns = lower.at(providers + 1);
    const QString firstType = lower.at(providers + 2);

    enum class Route { None, Sizes, Operation, Network, VmPut };
    Route route = Route::None;
    if (!inGroup && firstType == QLatin1String("locations") && size == 7 &&
        ns == QLatin1String("microsoft.compute") && lower.at(6) == QLatin1String("vmsizes")) {
        route = Route::Sizes;
    } else if (!inGroup && firstType == QLatin1String("locations") && size == 8 &&
               lower.at(6) == QLatin1String("operations") &&
               (ns == QLatin1String("microsoft.network") ||
                (ns == QLatin1String("microsoft.compute") && m_operations.contains(lower.at(7))))) {
        route = Route::Operation;
    } else if (ns == QLatin1String("microsoft.network")) {
        route = Route::Network;
    } else if (inGroup && ns == QLatin1String("microsoft.compute") &&
               firstType == QLatin1String("virtualmachines") && size == 8 && request.method == "PUT") {
        route = Route::VmPut;
    }
    if (route == Route::None)
        return std::nullopt;

    const bool network =
        route == Route::Network || (route == Route::Operation && ns == QLatin1String("microsoft.network"));
    if (auto bad = checkApiVersionIn(
            network ? networkApiVersions() : publishedApiVersions(QStringLiteral("compute")), apiVersion))
        return bad;
    if (auto missing = checkSubscription(m_store, segments.at(1)))
        return missing;
    if (route == Route::Network)
        return networkRoute(request, segments, apiVersion);
    if (route == Route::VmPut)
        return putVirtualMachine(request, segments, apiVersion);
    if (request.method != "GET")
        return methodNotAllowed(request);
    return route == Route::Sizes ? vmSizes(request, segments.at(5)) : m_operations.status(segments.at(7));
}

ApiResponse VmApi::vmSizes(const ApiRequest &request, const QString &location) {
    if (!m_store.isKnownRegion(location))
        return locationNotAvailable(location, QStringLiteral("Microsoft.Compute/locations/vmSizes"));
    QJsonArray all;
    for (const VmSize &size : vmSizeTable()) {
        if (!vmSizeIn(location, QLatin1String(size.name)))
            continue;
        all.append(QJsonObject{{QStringLiteral("name"), QLatin1String(size.name)},
                               {QStringLiteral("numberOfCores"), size.cores},
                               {QStringLiteral("osDiskSizeInMB"), 1047552},
                               {QStringLiteral("resourceDiskSizeInMB"), size.resourceDiskMb},
                               {QStringLiteral("memoryInMB"), size.memoryMb},
                               {QStringLiteral("maxDataDiskCount"), size.maxDataDisks}});
    }
    return arrayPage(request, all);
}

ApiResponse VmApi::listPage(const ApiRequest &request, const QString &type, const QString &prefix) {
    return storePage(request, m_store, type, prefix, m_options.pageSize, m_baseUrl);
}

ApiResponse VmApi::arrayPage(const ApiRequest &request, const QJsonArray &all) {
    return armsandbox::arrayPage(request, all, m_options.pageSize, m_baseUrl);
}

QJsonObject VmApi::findSubnet(const QString &subnetId, QJsonObject *virtualNetwork) const {
    const QString key = canonicalId(subnetId);
    const int at = key.indexOf(QLatin1String("/subnets/"));
    if (at < 0 || resourceTypeOfId(key) != kVmVnetType + QStringLiteral("/subnets"))
        return {};
    const QJsonObject vnet = m_store.resource(key.left(at));
    if (virtualNetwork)
        *virtualNetwork = vnet;
    const QString name = key.mid(at + 9);
    for (const auto &v : valueAt(vnet, {"properties", "subnets"}).toArray()) {
        if (v.toObject().value(QLatin1String("name")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return v.toObject();
    }
    return {};
}

// ---- Microsoft.Network ------------------------------------------------------------------------------------

ApiResponse VmApi::networkRoute(const ApiRequest &request, const QStringList &segments,
                                const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    const int size = int(lower.size());
    const bool inGroup = lower.at(2) == QLatin1String("resourcegroups");
    const int providers = inGroup ? 4 : 2;
    const QString type = lower.at(providers + 2);
    const auto unknownType = [&] {
        return unknownResourceType(segments.mid(providers + 2).join(QLatin1Char('/')),
                                   segments.at(providers + 1), apiVersion);
    };
    if (type != QLatin1String("virtualnetworks") && type != QLatin1String("networkinterfaces"))
        return unknownType();
    const QString canonicalType = QStringLiteral("microsoft.network/") + type;
    if (!inGroup) {
        if (size != 5)
            return unknownType();
        if (request.method != "GET")
            return methodNotAllowed(request);
        return listPage(request, canonicalType, QStringLiteral("/subscriptions/%1/").arg(lower.at(1)));
    }
    if (!m_store.contains(
            QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(segments.at(1), segments.at(3))))
        return resourceGroupNotFound(segments.at(3));
    if (size == 7) {
        if (request.method != "GET")
            return methodNotAllowed(request);
        return listPage(request, canonicalType,
                        canonicalId(QLatin1Char('/') + segments.join(QLatin1Char('/'))) + QLatin1Char('/'));
    }
    if (size == 8) {
        if (request.method == "PUT") {
            return putNetworkResource(request, segments, apiVersion,
                                      type == QLatin1String("virtualnetworks"));
        }
        if (request.method != "GET")
            return methodNotAllowed(request);
        const QJsonObject resource = m_store.resource(QLatin1Char('/') + segments.join(QLatin1Char('/')));
        if (resource.isEmpty())
            return resourceNotFound(segments.mid(5).join(QLatin1Char('/')), segments.at(3));
        return okResponse(resource);
    }
    const bool subnets = type == QLatin1String("virtualnetworks") && size >= 9;
    if (!subnets || lower.at(8) != QLatin1String("subnets") || size > 10)
        return unknownType();
    return subnetRoute(request, segments, apiVersion);
}

ApiResponse VmApi::subnetRoute(const ApiRequest &request, const QStringList &segments,
                               const QString &apiVersion) {
    const QJsonObject vnet = m_store.resource(QLatin1Char('/') + segments.mid(0, 8).join(QLatin1Char('/')));
    if (vnet.isEmpty())
        return resourceNotFound(segments.mid(5, 3).join(QLatin1Char('/')), segments.at(3));
    if (segments.size() == 9) {
        if (request.method != "GET")
            return methodNotAllowed(request);
        return arrayPage(request, valueAt(vnet, {"properties", "subnets"}).toArray());
    }
    if (request.method == "PUT")
        return putSubnet(request, segments, apiVersion);
    if (request.method != "GET")
        return methodNotAllowed(request);
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QJsonObject subnet = findSubnet(id);
    if (subnet.isEmpty()) {
        return armError(404, QStringLiteral("NotFound"),
                        QCoreApplication::translate("armsandbox", "Resource %1 not found.").arg(id));
    }
    return okResponse(subnet);
}

std::optional<ApiResponse> VmApi::beginNetworkPut(const ApiRequest &request, const QStringList &segments,
                                                  const QString &writeAction, const QString &locationType,
                                                  QJsonObject *body) const {
    if (m_store.isReadOnly(segments.at(1)))
        return authorizationFailed(writeAction, QLatin1Char('/') + segments.join(QLatin1Char('/')));
    if (auto bad = parseJsonBody(request, body))
        return bad;
    if (locationType.isEmpty())
        return std::nullopt;
    return checkLocation(m_store, *body, locationType);
}

ApiResponse VmApi::putNetworkResource(const ApiRequest &request, const QStringList &segments,
                                      const QString &apiVersion, bool virtualNetwork) {
    const QString type = virtualNetwork ? QStringLiteral("Microsoft.Network/virtualNetworks")
                                        : QStringLiteral("Microsoft.Network/networkInterfaces");
    QJsonObject body;
    if (auto bad = beginNetworkPut(request, segments, type + QStringLiteral("/write"), type, &body))
        return *bad;
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QJsonValue location = body.value(QLatin1String("location"));
    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    const std::optional<ApiResponse> bad = virtualNetwork
                                               ? fillVirtualNetwork(id, segments.last(), properties)
                                               : fillNetworkInterface(id, location.toString(), properties);
    if (bad)
        return *bad;
    const bool existed = m_store.contains(id);
    properties.insert(QStringLiteral("provisioningState"), QStringLiteral("Updating"));
    properties.insert(QStringLiteral("resourceGuid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QJsonObject resource =
        resourceJson(id, segments.last(), type, location, properties, body.value(QLatin1String("tags")));
    m_store.put(resource);
    ApiResponse response = okResponse(resource, existed ? 200 : 201);
    startOperation(response, canonicalId(id), segments.at(1), QStringLiteral("Microsoft.Network"),
                   normalizeRegion(location.toString()), apiVersion,
                   body.value(QLatin1String("tags")).toObject());
    return response;
}

std::optional<ApiResponse> VmApi::fillVirtualNetwork(const QString &id, const QString &name,
                                                     QJsonObject &properties) const {
    const QJsonArray prefixes = valueAt(properties, {"addressSpace", "addressPrefixes"}).toArray();
    if (prefixes.isEmpty()) {
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The virtual network %1 has no address prefix. Set "
                                                      "properties.addressSpace.addressPrefixes.")
                .arg(id),
            QStringLiteral("properties.addressSpace.addressPrefixes"),
            QStringLiteral("InvalidAddressPrefixFormat"));
    }
    QList<Cidr> space;
    for (int i = 0; i < prefixes.size(); ++i) {
        Cidr cidr;
        if (auto bad =
                checkPrefix(prefixes.at(i).toString(), id,
                            QStringLiteral("properties.addressSpace.addressPrefixes[%1]").arg(i), &cidr))
            return bad;
        space.append(cidr);
    }
    const QJsonArray requested = properties.value(QLatin1String("subnets")).toArray();
    QJsonArray subnets;
    QList<QPair<QString, Cidr>> seen;
    for (int i = 0; i < requested.size(); ++i) {
        const QJsonObject subnet = requested.at(i).toObject();
        const QString target = QStringLiteral("properties.subnets[%1]").arg(i);
        const QString subnetName = subnet.value(QLatin1String("name")).toString();
        if (subnetName.trimmed().isEmpty())
            return missingParameter(QStringLiteral("name"), target + QStringLiteral(".name"));
        const QString subnetId = id + QStringLiteral("/subnets/") + subnetName;
        const QString prefix = addressPrefixOf(subnet);
        const QString prefixTarget = target + QStringLiteral(".properties.addressPrefix");
        Cidr cidr;
        if (auto bad = checkPrefix(prefix, subnetId, prefixTarget, &cidr))
            return bad;
        if (auto bad = checkSubnetInside(space, cidr, subnetName, name, prefixTarget))
            return bad;
        for (const auto &other : seen) {
            if (other.first.compare(subnetName, Qt::CaseInsensitive) == 0 || other.second.overlaps(cidr))
                return subnetsOverlap(subnetName, name, other.first, target);
        }
        seen.append({subnetName, cidr});
        subnets.append(subnetJson(subnetId, subnetName, prefix));
    }
    properties.insert(QStringLiteral("subnets"), subnets);
    return std::nullopt;
}

std::optional<ApiResponse> VmApi::fillNetworkInterface(const QString &id, const QString &location,
                                                       QJsonObject &properties) const {
    const QJsonArray configurations = properties.value(QLatin1String("ipConfigurations")).toArray();
    if (configurations.isEmpty()) {
        return invalidParameter(
            QCoreApplication::translate("armsandbox",
                                        "Network interface %1 must have one or more IP configurations.")
                .arg(id),
            QStringLiteral("properties.ipConfigurations"),
            QStringLiteral("NetworkInterfaceMustHaveAtLeastOneIpConfiguration"));
    }
    QJsonArray filled;
    for (int i = 0; i < configurations.size(); ++i) {
        QJsonObject configuration = configurations.at(i).toObject();
        if (auto bad = fillIpConfiguration(configuration, id, location,
                                           QStringLiteral("properties.ipConfigurations[%1]").arg(i)))
            return bad;
        filled.append(configuration);
    }
    properties.insert(QStringLiteral("ipConfigurations"), filled);
    return std::nullopt;
}

ApiResponse VmApi::putSubnet(const ApiRequest &request, const QStringList &segments,
                             const QString &apiVersion) {
    QJsonObject body;
    if (auto bad = beginNetworkPut(
            request, segments, QStringLiteral("Microsoft.Network/virtualNetworks/subnets/write"), {}, &body))
        return *bad;
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QString vnetId = QLatin1Char('/') + segments.mid(0, 8).join(QLatin1Char('/'));
    QJsonObject vnet = m_store.resource(vnetId);
    QJsonObject vnetProperties = vnet.value(QLatin1String("properties")).toObject();
    const QString prefix = addressPrefixOf(body);
    const QString prefixTarget = QStringLiteral("properties.addressPrefix");
    Cidr cidr;
    if (auto bad = checkPrefix(prefix, id, prefixTarget, &cidr))
        return *bad;
    QList<Cidr> space;
    for (const auto &p : valueAt(vnetProperties, {"addressSpace", "addressPrefixes"}).toArray())
        space.append(parseCidr(p.toString()));
    if (auto bad = checkSubnetInside(space, cidr, segments.last(), segments.at(7), prefixTarget))
        return *bad;
    QJsonArray subnets = vnetProperties.value(QLatin1String("subnets")).toArray();
    int existing = -1;
    for (int i = 0; i < subnets.size(); ++i) {
        const QString otherName = subnets.at(i).toObject().value(QLatin1String("name")).toString();
        if (otherName.compare(segments.last(), Qt::CaseInsensitive) == 0) {
            existing = i;
            continue;
        }
        const Cidr otherCidr = parseCidr(addressPrefixOf(subnets.at(i).toObject()));
        if (otherCidr.valid() && otherCidr.overlaps(cidr))
            return subnetsOverlap(segments.last(), segments.at(7), otherName, prefixTarget);
    }
    const QJsonObject subnet = subnetJson(id, segments.last(), prefix);
    if (existing >= 0)
        subnets.replace(existing, subnet);
    else
        subnets.append(subnet);
    vnetProperties.insert(QStringLiteral("subnets"), subnets);
    vnet.insert(QStringLiteral("properties"), vnetProperties);
    m_store.put(vnet);
    ApiResponse response = okResponse(subnet, existing >= 0 ? 200 : 201);
    // The subnet lives inside its virtual network, so the operation follows the network.
    startOperation(response, canonicalId(vnetId), segments.at(1), QStringLiteral("Microsoft.Network"),
                   normalizeRegion(vnet.value(QLatin1String("location")).toString()), apiVersion, {});
    return response;
}

std::optional<ApiResponse> VmApi::fillIpConfiguration(QJsonObject &configuration, const QString &nicId,
                                                      const QString &location, const QString &target) const {
    const QString name = configuration.value(QLatin1String("name")).toString();
    if (name.trimmed().isEmpty())
        return missingParameter(QStringLiteral("name"), target + QStringLiteral(".name"));
    QJsonObject properties = configuration.value(QLatin1String("properties")).toObject();
    const QString subnetId = valueAt(properties, {"subnet", "id"}).toString();
    QJsonObject vnet;
    const QJsonObject subnet = subnetId.isEmpty() ? QJsonObject() : findSubnet(subnetId, &vnet);
    if (subnet.isEmpty() ||
        normalizeRegion(vnet.value(QLatin1String("location")).toString()) != normalizeRegion(location)) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "Resource %1 referenced by resource %2 was not found. Please make sure that "
                              "the referenced resource exists, and that both resources are in the same "
                              "region.")
                .arg(subnetId.isEmpty() ? QStringLiteral("(none)") : subnetId, nicId),
            target + QStringLiteral(".properties.subnet.id"), QStringLiteral("InvalidResourceReference"));
    }
    // The next free address of the subnet: Azure keeps the first four.
    const Cidr cidr = parseCidr(addressPrefixOf(subnet));
    const quint32 address = cidr.address + 4 + quint32(addressesUsedIn(subnetId));
    properties.insert(QStringLiteral("privateIPAddress"), ipv4Text(address));
    if (!properties.contains(QLatin1String("privateIPAllocationMethod")))
        properties.insert(QStringLiteral("privateIPAllocationMethod"), QStringLiteral("Dynamic"));
    properties.insert(QStringLiteral("provisioningState"), QStringLiteral("Succeeded"));
    configuration.insert(QStringLiteral("id"), nicId + QStringLiteral("/ipConfigurations/") + name);
    configuration.insert(QStringLiteral("properties"), properties);
    return std::nullopt;
}

int VmApi::addressesUsedIn(const QString &subnetId) const {
    int used = 0;
    for (const auto &nic : m_store.list(kVmNicType, QStringLiteral("/subscriptions/"), 0, 100000).items) {
        for (const auto &c : valueAt(nic.toObject(), {"properties", "ipConfigurations"}).toArray()) {
            if (canonicalId(valueAt(c.toObject(), {"properties", "subnet", "id"}).toString()) ==
                canonicalId(subnetId))
                ++used;
        }
    }
    return used;
}

// ---- Microsoft.Compute/virtualMachines --------------------------------------------------------------------

namespace {

/// The managed disks a new virtual machine gets, as Azure creates them: each one encrypted with the disk
/// encryption set the body names, else with the image's set for the VM's region; the image's data disks the
/// body does not list are created too.
class VmDiskMaker {
public:
    VmDiskMaker(ArmStore &store, const QStringList &vmSegments, const QString &location,
                const VirtualMachineCheck &check)
        : m_store(store)
        , m_vmId(QLatin1Char('/') + vmSegments.join(QLatin1Char('/')))
        , m_vmName(vmSegments.last())
        , m_location(location)
        , m_groupPrefix(
              QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/disks/")
                  .arg(vmSegments.at(1), vmSegments.at(3)))
        , m_imageVersionId(check.imageVersion().value(QLatin1String("id")))
        , m_imageStorage(valueAt(check.imageVersion(), {"properties", "storageProfile"}).toObject())
        , m_regionEncryption(check.regionEncryption())
        , m_osType(valueAt(check.definition(), {"properties", "osType"}).toString()) {}

    /// The body's storage profile with every disk named, sized, cached and backed by a managed disk.
    QJsonObject storageProfile(QJsonObject storage) {
        storage.insert(QStringLiteral("osDisk"), osDisk(storage.value(QLatin1String("osDisk")).toObject()));
        storage.insert(QStringLiteral("dataDisks"),
                       dataDisks(storage.value(QLatin1String("dataDisks")).toArray()));
        return storage;
    }

private:
    static QString desOf(const QJsonObject &disk) {
        return valueAt(disk, {"managedDisk", "diskEncryptionSet", "id"}).toString();
    }
    static QString skuOf(const QJsonObject &disk) {
        return valueAt(disk, {"managedDisk", "storageAccountType"}).toString(QStringLiteral("Premium_LRS"));
    }

    QJsonObject osDisk(QJsonObject disk) {
        const QString name =
            disk.value(QLatin1String("name")).toString(m_vmName + QStringLiteral("_OsDisk_1"));
        const QString des = desOf(disk).isEmpty() ? vmImageDesIn(m_regionEncryption, -1) : desOf(disk);
        disk.insert(QStringLiteral("name"), name);
        disk.insert(QStringLiteral("osType"), m_osType);
        if (!disk.contains(QLatin1String("caching")))
            disk.insert(QStringLiteral("caching"), QStringLiteral("ReadWrite"));
        const int size = disk.value(QLatin1String("diskSizeGB"))
                             .toInt(valueAt(m_imageStorage, {"osDiskImage", "sizeInGB"}).toInt(30));
        disk.insert(QStringLiteral("diskSizeGB"), size);
        return withManagedDisk(disk, createDisk(name, size, des, true, skuOf(disk)), des);
    }

    QJsonArray dataDisks(QJsonArray disks) {
        const QJsonArray images = m_imageStorage.value(QLatin1String("dataDiskImages")).toArray();
        QSet<int> listed;
        for (const auto &d : disks)
            listed.insert(d.toObject().value(QLatin1String("lun")).toInt());
        for (const auto &d : images) {
            const int lun = d.toObject().value(QLatin1String("lun")).toInt();
            if (!listed.contains(lun))
                disks.append(QJsonObject{{QStringLiteral("lun"), lun},
                                         {QStringLiteral("createOption"), QStringLiteral("FromImage")}});
        }
        QJsonArray filled;
        for (const auto &v : disks) {
            QJsonObject disk = v.toObject();
            const int lun = disk.value(QLatin1String("lun")).toInt();
            const bool fromImage = disk.value(QLatin1String("createOption"))
                                       .toString()
                                       .compare(QLatin1String("FromImage"), Qt::CaseInsensitive) == 0;
            int size = disk.value(QLatin1String("diskSizeGB")).toInt();
            for (const auto &image : images) {
                if (fromImage && image.toObject().value(QLatin1String("lun")).toInt(-1) == lun)
                    size = image.toObject().value(QLatin1String("sizeInGB")).toInt(32);
            }
            const QString des = !desOf(disk).isEmpty() ? desOf(disk)
                                : fromImage            ? vmImageDesIn(m_regionEncryption, lun)
                                                       : QString();
            const QString name = disk.value(QLatin1String("name"))
                                     .toString(QStringLiteral("%1_DataDisk_%2").arg(m_vmName).arg(lun));
            disk.insert(QStringLiteral("name"), name);
            disk.insert(QStringLiteral("diskSizeGB"), size);
            if (!disk.contains(QLatin1String("caching")))
                disk.insert(QStringLiteral("caching"), QStringLiteral("None"));
            filled.append(withManagedDisk(disk, createDisk(name, size, des, false, skuOf(disk)), des));
        }
        return filled;
    }

    /// The disk of the body pointing at its managed disk `diskId` (and its set `des`, if any).
    static QJsonObject withManagedDisk(QJsonObject disk, const QString &diskId, const QString &des) {
        QJsonObject managed = disk.value(QLatin1String("managedDisk")).toObject();
        managed.insert(QStringLiteral("id"), diskId);
        if (!managed.contains(QLatin1String("storageAccountType")))
            managed.insert(QStringLiteral("storageAccountType"), QStringLiteral("Premium_LRS"));
        if (!des.isEmpty())
            managed.insert(QStringLiteral("diskEncryptionSet"), QJsonObject{{QStringLiteral("id"), des}});
        disk.insert(QStringLiteral("managedDisk"), managed);
        return disk;
    }

    /// Stores the managed disk `name` of the VM's resource group and returns its id.
    QString createDisk(const QString &name, int sizeGb, const QString &desId, bool os, const QString &sku) {
        QJsonObject encryption{{QStringLiteral("type"), QStringLiteral("EncryptionAtRestWithPlatformKey")}};
        if (!desId.isEmpty()) {
            encryption.insert(QStringLiteral("type"),
                              valueAt(m_store.resource(desId), {"properties", "encryptionType"}).toString());
            encryption.insert(QStringLiteral("diskEncryptionSetId"), desId);
        }
        QJsonObject properties{{QStringLiteral("creationData"),
                                QJsonObject{{QStringLiteral("createOption"), QStringLiteral("FromImage")},
                                            {QStringLiteral("galleryImageReference"),
                                             QJsonObject{{QStringLiteral("id"), m_imageVersionId}}}}},
                               {QStringLiteral("diskSizeGB"), sizeGb},
                               {QStringLiteral("diskState"), QStringLiteral("Attached")},
                               {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
                               {QStringLiteral("timeCreated"), isoNow()},
                               {QStringLiteral("encryption"), encryption}};
        if (os)
            properties.insert(QStringLiteral("osType"), m_osType);
        const QString tier =
            sku.startsWith(QLatin1String("Premium")) ? QStringLiteral("Premium") : QStringLiteral("Standard");
        m_store.put(QJsonObject{{QStringLiteral("id"), m_groupPrefix + name},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/disks")},
                                {QStringLiteral("location"), m_location},
                                {QStringLiteral("managedBy"), m_vmId},
                                {QStringLiteral("sku"),
                                 QJsonObject{{QStringLiteral("name"), sku}, {QStringLiteral("tier"), tier}}},
                                {QStringLiteral("properties"), properties}});
        return m_groupPrefix + name;
    }

    ArmStore &m_store;
    QString m_vmId;
    QString m_vmName;
    QString m_location;
    QString m_groupPrefix; ///< of the managed disk ids
    QJsonValue m_imageVersionId;
    QJsonObject m_imageStorage; ///< the image version's storage profile
    QJsonObject m_regionEncryption;
    QString m_osType;
};

} // namespace

ApiResponse VmApi::putVirtualMachine(const ApiRequest &request, const QStringList &segments,
                                     const QString &apiVersion) {
    const QString &subscriptionId = segments.at(1);
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QString key = canonicalId(id);
    if (m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Compute/virtualMachines/write"), id);
    if (auto unregistered = checkComputeRegistered(m_store, subscriptionId))
        return *unregistered;
    if (!m_store.contains(
            QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(subscriptionId, segments.at(3))))
        return resourceGroupNotFound(segments.at(3));
    if (m_operations.isRunningOn(key))
        return operationInProgress(QStringLiteral("virtual machine"), segments.last());
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    VirtualMachineCheck check(m_store, segments);
    if (auto bad = check.validate(body))
        return *bad;
    if (auto bad = checkConfidentialVirtualMachine(m_store, subscriptionId,
                                                   definitionSecurityType(check.definition()), body))
        return *bad;

    const QString location = body.value(QLatin1String("location")).toString();
    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    VmDiskMaker disks(m_store, segments, location, check);
    properties.insert(QStringLiteral("storageProfile"),
                      disks.storageProfile(properties.value(QLatin1String("storageProfile")).toObject()));
    // The service never returns a password.
    if (properties.contains(QLatin1String("osProfile"))) {
        QJsonObject osProfile = properties.value(QLatin1String("osProfile")).toObject();
        osProfile.remove(QStringLiteral("adminPassword"));
        if (!osProfile.contains(QLatin1String("computerName")))
            osProfile.insert(QStringLiteral("computerName"), segments.last());
        properties.insert(QStringLiteral("osProfile"), osProfile);
    }
    const bool existed = m_store.contains(key);
    properties.insert(QStringLiteral("vmId"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    properties.insert(QStringLiteral("provisioningState"),
                      existed ? QStringLiteral("Updating") : QStringLiteral("Creating"));
    properties.insert(QStringLiteral("timeCreated"), isoNow());
    const QJsonObject vm =
        resourceJson(id, segments.last(), QStringLiteral("Microsoft.Compute/virtualMachines"), location,
                     properties, body.value(QLatin1String("tags")));
    m_store.put(vm);
    for (const auto &n : valueAt(properties, {"networkProfile", "networkInterfaces"}).toArray()) {
        QJsonObject nic = m_store.resource(n.toObject().value(QLatin1String("id")).toString());
        QJsonObject nicProperties = nic.value(QLatin1String("properties")).toObject();
        nicProperties.insert(QStringLiteral("virtualMachine"), QJsonObject{{QStringLiteral("id"), id}});
        nic.insert(QStringLiteral("properties"), nicProperties);
        m_store.put(nic);
    }
    ApiResponse response = okResponse(vm, existed ? 200 : 201);
    startOperation(response, key, subscriptionId, QStringLiteral("Microsoft.Compute"),
                   normalizeRegion(location), apiVersion, body.value(QLatin1String("tags")).toObject());
    return response;
}

// ---- long-running operations ------------------------------------------------------------------------------

void VmApi::startOperation(ApiResponse &response, const QString &key, const QString &subscriptionId,
                           const QString &providerNamespace, const QString &location,
                           const QString &apiVersion, const QJsonObject &tags) {
    LongRunningOperation &operation = m_operations.start(key);
    operation.failCode = OperationRegistry::requestedFailure(tags);
    if (!operation.failCode.isEmpty()) {
        operation.failMessage =
            QCoreApplication::translate(
                "armsandbox", "The creation of '%1' failed (requested by the sandbox-fail-lro tag).")
                .arg(lastName(key));
    }
    m_operations.announce(response, operation, m_baseUrl, subscriptionId, providerNamespace, location,
                          QStringLiteral("operations"), apiVersion);
}

} // namespace armsandbox
