#include "arm/armapi_vm.h"

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "arm/descheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>
#include <QUuid>
#include <algorithm>

namespace armsandbox {

namespace {

const QString kVmImageVersionType = QStringLiteral("microsoft.compute/galleries/images/versions");
const QString kVmVnetType = QStringLiteral("microsoft.network/virtualnetworks");
const QString kVmNicType = QStringLiteral("microsoft.network/networkinterfaces");

const QStringList &computeApiVersions() {
    static const QStringList versions = {QStringLiteral("2024-11-01"), QStringLiteral("2024-07-01"),
                                         QStringLiteral("2024-03-01")};
    return versions;
}

struct VmSize {
    const char *name;
    int cores;
    int memoryMb;
    int maxDataDisks;
    int resourceDiskMb;
};

/// The sizes every fixture region offers (westus lacks the E series, so a size can be missing somewhere).
const QList<VmSize> &vmSizeTable() {
    static const QList<VmSize> sizes = {
        {"Standard_B1s", 1, 1024, 2, 4096},   {"Standard_B2s", 2, 4096, 4, 8192},
        {"Standard_D2s_v5", 2, 8192, 4, 0},   {"Standard_D4s_v5", 4, 16384, 8, 0},
        {"Standard_E4s_v5", 4, 32768, 8, 0},  {"Standard_F2s_v2", 2, 4096, 4, 16384},
        {"Standard_DC2as_v5", 2, 8192, 4, 0},
    };
    return sizes;
}

std::optional<VmSize> vmSizeIn(const QString &location, const QString &name) {
    for (const VmSize &size : vmSizeTable()) {
        if (name.compare(QLatin1String(size.name), Qt::CaseInsensitive) != 0)
            continue;
        if (normalizeRegion(location) == QLatin1String("westus") &&
            QLatin1String(size.name).startsWith(QLatin1String("Standard_E")))
            return std::nullopt;
        return size;
    }
    return std::nullopt;
}

/// The DES the image version's `encryption` (of one target region) gives a disk (lun < 0: OS disk).
QString vmImageDesIn(const QJsonObject &regionEncryption, int lun) {
    if (lun < 0)
        return regionEncryption.value(QLatin1String("osDiskImage"))
            .toObject()
            .value(QLatin1String("diskEncryptionSetId"))
            .toString();
    for (const auto &d : regionEncryption.value(QLatin1String("dataDiskImages")).toArray()) {
        if (d.toObject().value(QLatin1String("lun")).toInt(-1) == lun)
            return d.toObject().value(QLatin1String("diskEncryptionSetId")).toString();
    }
    return QString();
}

ApiResponse vmMethodNotAllowed(const ApiRequest &request) {
    return armError(
        405, QStringLiteral("MethodNotAllowed"),
        QCoreApplication::translate("armsandbox", "The requested resource does not support http method '%1'.")
            .arg(QString::fromLatin1(request.method)));
}

QString lastName(const QString &id) {
    return id.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
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
    QString network() const {
        const quint32 a = address & mask();
        return QStringLiteral("%1.%2.%3.%4/%5")
            .arg(a >> 24)
            .arg((a >> 16) & 0xff)
            .arg((a >> 8) & 0xff)
            .arg(a & 0xff)
            .arg(length);
    }
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

// ---- admin account rules, read from the Compute documentation (independently of models/) --------------

const QStringList &reservedUserNames() {
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

bool adminUserNameAllowed(const QString &name, bool windows) {
    if (name.isEmpty() || reservedUserNames().contains(name, Qt::CaseInsensitive))
        return false;
    if (windows) {
        static const QRegularExpression forbidden(QStringLiteral("[\"/\\\\\\[\\]:|<>+=;,?*@]"));
        return name.size() <= 20 && !name.endsWith(QLatin1Char('.')) && !forbidden.match(name).hasMatch();
    }
    static const QRegularExpression linuxUser(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    return name.size() <= 64 && linuxUser.match(name).hasMatch();
}

bool passwordAllowed(const QString &password, bool windows) {
    const int min = windows ? 8 : 6;
    const int max = windows ? 123 : 72;
    if (password.size() < min || password.size() > max)
        return false;
    static const QStringList disallowed = {QStringLiteral("abc@123"),    QStringLiteral("P@$$w0rd"),
                                           QStringLiteral("P@ssw0rd"),   QStringLiteral("P@ssword123"),
                                           QStringLiteral("Pa$$word"),   QStringLiteral("pass@word1"),
                                           QStringLiteral("Password!"),  QStringLiteral("Password1"),
                                           QStringLiteral("Password22"), QStringLiteral("iloveyou!")};
    if (disallowed.contains(password))
        return false;
    bool upper = false, lower = false, digit = false, special = false;
    for (const QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return false;
        if (c.isUpper())
            upper = true;
        else if (c.isLower())
            lower = true;
        else if (c.isDigit())
            digit = true;
        else
            special = true;
    }
    return int(upper) + int(lower) + int(digit) + int(special) >= 3;
}

/// An OpenSSH public key line whose base64 blob starts with its own algorithm name.
bool sshKeyValid(const QString &keyData) {
    const QStringList parts = keyData.trimmed().split(QRegularExpression(QStringLiteral("\\s+")));
    if (parts.size() < 2)
        return false;
    static const QStringList algorithms = {
        QStringLiteral("ssh-rsa"), QStringLiteral("ssh-ed25519"), QStringLiteral("ecdsa-sha2-nistp256"),
        QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp521")};
    if (!algorithms.contains(parts.at(0)))
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(parts.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 4)
        return false;
    const QByteArray blob = decoded.decoded;
    const quint32 length = (quint32(quint8(blob[0])) << 24) | (quint32(quint8(blob[1])) << 16) |
                           (quint32(quint8(blob[2])) << 8) | quint32(quint8(blob[3]));
    return length == quint32(parts.at(0).size()) && blob.mid(4, int(length)) == parts.at(0).toLatin1();
}

bool computerNameAllowed(const QString &name, bool windows) {
    if (windows) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
        static const QRegularExpression forbidden(
            QStringLiteral("[`~!@#$%^&*()=+_\\[\\]{}\\\\|;:.'\",<>/?\\s]"));
        return !name.isEmpty() && name.size() <= 15 && !digits.match(name).hasMatch() &&
               !forbidden.match(name).hasMatch();
    }
    static const QRegularExpression host(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"));
    return name.size() <= 64 && host.match(name).hasMatch();
}

QString vmIsoNow() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
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
    QStringList lower;
    for (const QString &s : segments)
        lower.append(s.toLower());
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

    const QStringList supported =
        route == Route::Network || (route == Route::Operation && ns == QLatin1String("microsoft.network"))
            ? networkApiVersions()
            : computeApiVersions();
    if (!supported.contains(apiVersion)) {
        return armError(400, QStringLiteral("InvalidApiVersionParameter"),
                        QCoreApplication::translate(
                            "armsandbox", "The api-version '%1' is invalid. The supported versions are '%2'.")
                            .arg(apiVersion, supported.join(QLatin1Char(','))));
    }
    const QString &subscriptionId = segments.at(1);
    if (!m_store.hasSubscription(subscriptionId)) {
        return armError(404, QStringLiteral("SubscriptionNotFound"),
                        QCoreApplication::translate("armsandbox", "The subscription '%1' could not be found.")
                            .arg(subscriptionId));
    }
    switch (route) {
    case Route::Sizes:
        if (request.method != "GET")
            return vmMethodNotAllowed(request);
        return vmSizes(request, segments.at(5));
    case Route::Operation:
        if (request.method != "GET")
            return vmMethodNotAllowed(request);
        return m_operations.status(segments.at(7));
    case Route::Network:
        return network(request, segments, apiVersion);
    case Route::VmPut:
        return putVirtualMachine(request, segments, apiVersion);
    case Route::None:
        break;
    }
    return std::nullopt;
}

ApiResponse VmApi::vmSizes(const ApiRequest &request, const QString &location) {
    if (!m_store.isKnownRegion(location)) {
        return armError(400, QStringLiteral("LocationNotAvailableForResourceType"),
                        QCoreApplication::translate(
                            "armsandbox", "The provided location '%1' is not available for resource type "
                                          "'Microsoft.Compute/locations/vmSizes'.")
                            .arg(location));
    }
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
    for (const auto &v :
         vnet.value(QLatin1String("properties")).toObject().value(QLatin1String("subnets")).toArray()) {
        if (v.toObject().value(QLatin1String("name")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return v.toObject();
    }
    return {};
}

// ---- Microsoft.Network ------------------------------------------------------------------------------------

ApiResponse VmApi::network(const ApiRequest &request, const QStringList &segments,
                           const QString &apiVersion) {
    QStringList lower;
    for (const QString &s : segments)
        lower.append(s.toLower());
    const int size = int(lower.size());
    const bool inGroup = lower.at(2) == QLatin1String("resourcegroups");
    const int providers = inGroup ? 4 : 2;
    const QString type = lower.at(providers + 2);
    const auto unknownType = [&] {
        return armError(404, QStringLiteral("InvalidResourceType"),
                        QCoreApplication::translate(
                            "armsandbox",
                            "The resource type '%1' could not be found in the namespace '%2' for api version "
                            "'%3'.")
                            .arg(segments.mid(providers + 2).join(QLatin1Char('/')),
                                 segments.at(providers + 1), apiVersion));
    };
    if (type != QLatin1String("virtualnetworks") && type != QLatin1String("networkinterfaces"))
        return unknownType();
    const QString canonicalType = QStringLiteral("microsoft.network/") + type;
    if (!inGroup) {
        if (size != 5)
            return unknownType();
        if (request.method != "GET")
            return vmMethodNotAllowed(request);
        return listPage(request, canonicalType, QStringLiteral("/subscriptions/%1/").arg(lower.at(1)));
    }
    const QString groupId =
        QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(segments.at(1), segments.at(3));
    if (!m_store.contains(groupId)) {
        return armError(404, QStringLiteral("ResourceGroupNotFound"),
                        QCoreApplication::translate("armsandbox", "Resource group '%1' could not be found.")
                            .arg(segments.at(3)));
    }
    const bool subnets = type == QLatin1String("virtualnetworks") && size >= 9;
    if (size == 7) {
        if (request.method != "GET")
            return vmMethodNotAllowed(request);
        return listPage(request, canonicalType,
                        canonicalId(QLatin1Char('/') + segments.join(QLatin1Char('/'))) + QLatin1Char('/'));
    }
    if (size == 8) {
        const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
        if (request.method == "PUT") {
            return type == QLatin1String("virtualnetworks")
                       ? putVirtualNetwork(request, segments, apiVersion)
                       : putNetworkInterface(request, segments, apiVersion);
        }
        if (request.method != "GET")
            return vmMethodNotAllowed(request);
        const QJsonObject resource = m_store.resource(id);
        if (resource.isEmpty()) {
            return armError(404, QStringLiteral("ResourceNotFound"),
                            QCoreApplication::translate(
                                "armsandbox", "The Resource '%1' under resource group '%2' was not found.")
                                .arg(segments.mid(5).join(QLatin1Char('/')), segments.at(3)));
        }
        return okResponse(resource);
    }
    if (!subnets || lower.at(8) != QLatin1String("subnets") || size > 10)
        return unknownType();
    const QString vnetId = QLatin1Char('/') + segments.mid(0, 8).join(QLatin1Char('/'));
    const QJsonObject vnet = m_store.resource(vnetId);
    if (vnet.isEmpty()) {
        return armError(404, QStringLiteral("ResourceNotFound"),
                        QCoreApplication::translate(
                            "armsandbox", "The Resource '%1' under resource group '%2' was not found.")
                            .arg(segments.mid(5, 3).join(QLatin1Char('/')), segments.at(3)));
    }
    if (size == 9) {
        if (request.method != "GET")
            return vmMethodNotAllowed(request);
        return arrayPage(
            request,
            vnet.value(QLatin1String("properties")).toObject().value(QLatin1String("subnets")).toArray());
    }
    if (request.method == "PUT")
        return putSubnet(request, segments, apiVersion);
    if (request.method != "GET")
        return vmMethodNotAllowed(request);
    const QJsonObject subnet = findSubnet(QLatin1Char('/') + segments.join(QLatin1Char('/')));
    if (subnet.isEmpty()) {
        return armError(404, QStringLiteral("NotFound"),
                        QCoreApplication::translate("armsandbox", "Resource %1 not found.")
                            .arg(QLatin1Char('/') + segments.join(QLatin1Char('/'))));
    }
    return okResponse(subnet);
}

ApiResponse VmApi::putVirtualNetwork(const ApiRequest &request, const QStringList &segments,
                                     const QString &apiVersion) {
    const QString &subscriptionId = segments.at(1);
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    if (m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Network/virtualNetworks/write"), id);
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    if (auto bad = checkLocation(m_store, body, QStringLiteral("Microsoft.Network/virtualNetworks")))
        return *bad;
    const QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    const QJsonArray prefixes = properties.value(QLatin1String("addressSpace"))
                                    .toObject()
                                    .value(QLatin1String("addressPrefixes"))
                                    .toArray();
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
            return *bad;
        space.append(cidr);
    }
    const QJsonArray requestedSubnets = properties.value(QLatin1String("subnets")).toArray();
    QJsonArray subnets;
    QList<QPair<QString, Cidr>> seen;
    for (int i = 0; i < requestedSubnets.size(); ++i) {
        const QJsonObject subnet = requestedSubnets.at(i).toObject();
        const QString target = QStringLiteral("properties.subnets[%1]").arg(i);
        const QString name = subnet.value(QLatin1String("name")).toString();
        if (name.trimmed().isEmpty())
            return invalidParameter(
                QCoreApplication::translate("armsandbox", "Required parameter 'name' is missing (null)."),
                target + QStringLiteral(".name"));
        const QString subnetId = id + QStringLiteral("/subnets/") + name;
        Cidr cidr;
        const QString prefix = subnet.value(QLatin1String("properties"))
                                   .toObject()
                                   .value(QLatin1String("addressPrefix"))
                                   .toString();
        if (auto bad =
                checkPrefix(prefix, subnetId, target + QStringLiteral(".properties.addressPrefix"), &cidr))
            return *bad;
        bool inside = false;
        for (const Cidr &c : space)
            inside = inside || c.contains(cidr);
        if (!inside) {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox", "Subnet '%1' is not valid because its IP address range is outside the IP "
                                  "address range of virtual network '%2'.")
                    .arg(name, segments.last()),
                target + QStringLiteral(".properties.addressPrefix"),
                QStringLiteral("NetcfgSubnetRangeOutsideVnet"));
        }
        for (const auto &other : seen) {
            if (other.first.compare(name, Qt::CaseInsensitive) == 0 || other.second.overlaps(cidr)) {
                return invalidParameter(
                    QCoreApplication::translate(
                        "armsandbox", "Subnet '%1' is not valid in virtual network '%2': it has the same "
                                      "name as, or overlaps with, subnet '%3'.")
                        .arg(name, segments.last(), other.first),
                    target, QStringLiteral("NetcfgSubnetRangesOverlap"));
            }
        }
        seen.append({name, cidr});
        subnets.append(
            QJsonObject{{QStringLiteral("id"), subnetId},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("type"), QStringLiteral("Microsoft.Network/virtualNetworks/subnets")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("addressPrefix"), prefix},
                                     {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}});
    }
    const bool existed = m_store.contains(id);
    QJsonObject outProperties = properties;
    outProperties.insert(QStringLiteral("subnets"), subnets);
    outProperties.insert(QStringLiteral("provisioningState"), QStringLiteral("Updating"));
    outProperties.insert(QStringLiteral("resourceGuid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    QJsonObject vnet{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), segments.last()},
                     {QStringLiteral("type"), QStringLiteral("Microsoft.Network/virtualNetworks")},
                     {QStringLiteral("location"), body.value(QLatin1String("location"))},
                     {QStringLiteral("properties"), outProperties}};
    if (body.contains(QLatin1String("tags")))
        vnet.insert(QStringLiteral("tags"), body.value(QLatin1String("tags")));
    m_store.put(vnet);
    ApiResponse response = okResponse(vnet, existed ? 200 : 201);
    startOperation(response, canonicalId(id), subscriptionId, QStringLiteral("Microsoft.Network"),
                   normalizeRegion(body.value(QLatin1String("location")).toString()), apiVersion,
                   body.value(QLatin1String("tags")).toObject());
    return response;
}

ApiResponse VmApi::putSubnet(const ApiRequest &request, const QStringList &segments,
                             const QString &apiVersion) {
    const QString &subscriptionId = segments.at(1);
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QString vnetId = QLatin1Char('/') + segments.mid(0, 8).join(QLatin1Char('/'));
    if (m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Network/virtualNetworks/subnets/write"), id);
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    QJsonObject vnet = m_store.resource(vnetId);
    QJsonObject vnetProperties = vnet.value(QLatin1String("properties")).toObject();
    const QString prefix =
        body.value(QLatin1String("properties")).toObject().value(QLatin1String("addressPrefix")).toString();
    Cidr cidr;
    if (auto bad = checkPrefix(prefix, id, QStringLiteral("properties.addressPrefix"), &cidr))
        return *bad;
    bool inside = false;
    for (const auto &p : vnetProperties.value(QLatin1String("addressSpace"))
                             .toObject()
                             .value(QLatin1String("addressPrefixes"))
                             .toArray())
        inside = inside || parseCidr(p.toString()).contains(cidr);
    if (!inside) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "Subnet '%1' is not valid because its IP address range is outside the IP "
                              "address range of virtual network '%2'.")
                .arg(segments.last(), segments.at(7)),
            QStringLiteral("properties.addressPrefix"), QStringLiteral("NetcfgSubnetRangeOutsideVnet"));
    }
    QJsonArray subnets = vnetProperties.value(QLatin1String("subnets")).toArray();
    int existing = -1;
    for (int i = 0; i < subnets.size(); ++i) {
        const QJsonObject other = subnets.at(i).toObject();
        const QString otherName = other.value(QLatin1String("name")).toString();
        if (otherName.compare(segments.last(), Qt::CaseInsensitive) == 0) {
            existing = i;
            continue;
        }
        const Cidr otherCidr = parseCidr(other.value(QLatin1String("properties"))
                                             .toObject()
                                             .value(QLatin1String("addressPrefix"))
                                             .toString());
        if (otherCidr.valid() && otherCidr.overlaps(cidr)) {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox", "Subnet '%1' is not valid in virtual network '%2': it has the same name "
                                  "as, or overlaps with, subnet '%3'.")
                    .arg(segments.last(), segments.at(7), otherName),
                QStringLiteral("properties.addressPrefix"), QStringLiteral("NetcfgSubnetRangesOverlap"));
        }
    }
    const QJsonObject subnet{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), segments.last()},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Network/virtualNetworks/subnets")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("addressPrefix"), prefix},
                     {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
    if (existing >= 0)
        subnets.replace(existing, subnet);
    else
        subnets.append(subnet);
    vnetProperties.insert(QStringLiteral("subnets"), subnets);
    vnet.insert(QStringLiteral("properties"), vnetProperties);
    m_store.put(vnet);
    ApiResponse response = okResponse(subnet, existing >= 0 ? 200 : 201);
    // The subnet lives inside its virtual network, so the operation follows the network.
    startOperation(response, canonicalId(vnetId), subscriptionId, QStringLiteral("Microsoft.Network"),
                   normalizeRegion(vnet.value(QLatin1String("location")).toString()), apiVersion, {});
    return response;
}

ApiResponse VmApi::putNetworkInterface(const ApiRequest &request, const QStringList &segments,
                                       const QString &apiVersion) {
    const QString &subscriptionId = segments.at(1);
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    if (m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Network/networkInterfaces/write"), id);
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    if (auto bad = checkLocation(m_store, body, QStringLiteral("Microsoft.Network/networkInterfaces")))
        return *bad;
    const QString location = body.value(QLatin1String("location")).toString();
    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
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
        const QString target = QStringLiteral("properties.ipConfigurations[%1]").arg(i);
        const QString name = configuration.value(QLatin1String("name")).toString();
        if (name.trimmed().isEmpty())
            return invalidParameter(
                QCoreApplication::translate("armsandbox", "Required parameter 'name' is missing (null)."),
                target + QStringLiteral(".name"));
        QJsonObject configurationProperties = configuration.value(QLatin1String("properties")).toObject();
        const QString subnetId = configurationProperties.value(QLatin1String("subnet"))
                                     .toObject()
                                     .value(QLatin1String("id"))
                                     .toString();
        QJsonObject vnet;
        const QJsonObject subnet = subnetId.isEmpty() ? QJsonObject() : findSubnet(subnetId, &vnet);
        if (subnet.isEmpty() ||
            normalizeRegion(vnet.value(QLatin1String("location")).toString()) != normalizeRegion(location)) {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox",
                    "Resource %1 referenced by resource %2 was not found. Please make sure that "
                    "the referenced resource exists, and that both resources are in the same "
                    "region.")
                    .arg(subnetId.isEmpty() ? QStringLiteral("(none)") : subnetId, id),
                target + QStringLiteral(".properties.subnet.id"), QStringLiteral("InvalidResourceReference"));
        }
        // The next free address of the subnet: Azure keeps the first four.
        const Cidr cidr = parseCidr(subnet.value(QLatin1String("properties"))
                                        .toObject()
                                        .value(QLatin1String("addressPrefix"))
                                        .toString());
        int used = 0;
        for (const auto &nic : m_store.list(kVmNicType, QStringLiteral("/subscriptions/"), 0, 100000).items) {
            for (const auto &c : nic.toObject()
                                     .value(QLatin1String("properties"))
                                     .toObject()
                                     .value(QLatin1String("ipConfigurations"))
                                     .toArray()) {
                if (canonicalId(c.toObject()
                                    .value(QLatin1String("properties"))
                                    .toObject()
                                    .value(QLatin1String("subnet"))
                                    .toObject()
                                    .value(QLatin1String("id"))
                                    .toString()) == canonicalId(subnetId))
                    ++used;
            }
        }
        const quint32 address = cidr.address + 4 + quint32(used);
        configurationProperties.insert(QStringLiteral("privateIPAddress"), QStringLiteral("%1.%2.%3.%4")
                                                                               .arg(address >> 24)
                                                                               .arg((address >> 16) & 0xff)
                                                                               .arg((address >> 8) & 0xff)
                                                                               .arg(address & 0xff));
        if (!configurationProperties.contains(QLatin1String("privateIPAllocationMethod")))
            configurationProperties.insert(QStringLiteral("privateIPAllocationMethod"),
                                           QStringLiteral("Dynamic"));
        configurationProperties.insert(QStringLiteral("provisioningState"), QStringLiteral("Succeeded"));
        configuration.insert(QStringLiteral("id"), id + QStringLiteral("/ipConfigurations/") + name);
        configuration.insert(QStringLiteral("properties"), configurationProperties);
        filled.append(configuration);
    }
    const bool existed = m_store.contains(id);
    properties.insert(QStringLiteral("ipConfigurations"), filled);
    properties.insert(QStringLiteral("provisioningState"), QStringLiteral("Updating"));
    properties.insert(QStringLiteral("resourceGuid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    QJsonObject nic{{QStringLiteral("id"), id},
                    {QStringLiteral("name"), segments.last()},
                    {QStringLiteral("type"), QStringLiteral("Microsoft.Network/networkInterfaces")},
                    {QStringLiteral("location"), location},
                    {QStringLiteral("properties"), properties}};
    if (body.contains(QLatin1String("tags")))
        nic.insert(QStringLiteral("tags"), body.value(QLatin1String("tags")));
    m_store.put(nic);
    ApiResponse response = okResponse(nic, existed ? 200 : 201);
    startOperation(response, canonicalId(id), subscriptionId, QStringLiteral("Microsoft.Network"),
                   normalizeRegion(location), apiVersion, body.value(QLatin1String("tags")).toObject());
    return response;
}

// ---- Microsoft.Compute/virtualMachines --------------------------------------------------------------------

std::optional<ApiResponse> VmApi::validateVirtualMachine(const QStringList &segments, const QJsonObject &body,
                                                         QJsonObject *imageVersion, QJsonObject *definition) {
    const QString &subscriptionId = segments.at(1);
    const QString &vmName = segments.last();
    if (auto bad = checkLocation(m_store, body, QStringLiteral("Microsoft.Compute/virtualMachines")))
        return bad;
    const QString location = body.value(QLatin1String("location")).toString();
    const QJsonObject properties = body.value(QLatin1String("properties")).toObject();

    // Size.
    const QString vmSize = properties.value(QLatin1String("hardwareProfile"))
                               .toObject()
                               .value(QLatin1String("vmSize"))
                               .toString();
    const std::optional<VmSize> size = vmSizeIn(location, vmSize);
    if (!size) {
        return invalidParameter(
            vmSize.isEmpty()
                ? QCoreApplication::translate(
                      "armsandbox", "Required parameter 'hardwareProfile.vmSize' is missing (null).")
                : QCoreApplication::translate("armsandbox",
                                              "The requested VM size %1 is not available in location '%2'.")
                      .arg(vmSize, location),
            QStringLiteral("properties.hardwareProfile.vmSize"),
            vmSize.isEmpty() ? QStringLiteral("InvalidParameter") : QStringLiteral("SkuNotAvailable"));
    }

    // Image: a gallery image version, replicated to the VM's region.
    const QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    const QString imageId =
        storage.value(QLatin1String("imageReference")).toObject().value(QLatin1String("id")).toString();
    const QString imageTarget = QStringLiteral("properties.storageProfile.imageReference.id");
    if (imageId.isEmpty())
        return invalidParameter(
            QCoreApplication::translate("armsandbox",
                                        "Required parameter 'imageReference.id' is missing (null)."),
            imageTarget);
    if (resourceTypeOfId(canonicalId(imageId)) != kVmImageVersionType) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox",
                "'%1' is not the id of a gallery image version (…/galleries/G/images/D/versions/V).")
                .arg(imageId),
            imageTarget);
    }
    *imageVersion = m_store.resource(imageId);
    if (imageVersion->isEmpty()) {
        return armError(
            404, QStringLiteral("GalleryImageNotFound"),
            QCoreApplication::translate(
                "armsandbox",
                "The gallery image %1 is not available in %2 region. Please contact image owner to "
                "replicate to this region, or change your requested region.")
                .arg(imageId, location),
            imageTarget);
    }
    const QJsonObject versionProperties = imageVersion->value(QLatin1String("properties")).toObject();
    const QString versionState = versionProperties.value(QLatin1String("provisioningState")).toString();
    if (!versionState.isEmpty() && versionState != QLatin1String("Succeeded")) {
        return armError(
            409, QStringLiteral("OperationNotAllowed"),
            QCoreApplication::translate(
                "armsandbox", "The gallery image version %1 cannot be used: its provisioning state is %2.")
                .arg(imageId, versionState),
            imageTarget);
    }
    QJsonObject regionEncryption;
    bool replicated = false;
    QStringList replicatedRegions;
    for (const auto &t : versionProperties.value(QLatin1String("publishingProfile"))
                             .toObject()
                             .value(QLatin1String("targetRegions"))
                             .toArray()) {
        const QString name = t.toObject().value(QLatin1String("name")).toString();
        replicatedRegions.append(name);
        if (normalizeRegion(name) == normalizeRegion(location)) {
            replicated = true;
            regionEncryption = t.toObject().value(QLatin1String("encryption")).toObject();
        }
    }
    if (!replicated) {
        return armError(
            404, QStringLiteral("GalleryImageNotFound"),
            QCoreApplication::translate(
                "armsandbox",
                "The gallery image %1 is not available in %2 region. Please contact image owner to "
                "replicate to this region, or change your requested region.")
                .arg(imageId, location),
            imageTarget);
    }
    const QString definitionId = imageId.section(QLatin1Char('/'), 0, -3);
    *definition = m_store.resource(definitionId);
    const QJsonObject definitionProperties = definition->value(QLatin1String("properties")).toObject();
    const bool windows =
        definitionProperties.value(QLatin1String("osType")).toString() == QLatin1String("Windows");
    const bool specialized =
        definitionProperties.value(QLatin1String("osState")).toString() == QLatin1String("Specialized");

    // OS disk.
    const QJsonObject osDisk = storage.value(QLatin1String("osDisk")).toObject();
    const QString osCreate = osDisk.value(QLatin1String("createOption")).toString();
    if (osCreate.compare(QLatin1String("FromImage"), Qt::CaseInsensitive) != 0) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox",
                "The value '%1' of parameter 'osDisk.createOption' is not allowed with an image "
                "reference; use FromImage.")
                .arg(osCreate),
            QStringLiteral("properties.storageProfile.osDisk.createOption"));
    }

    const auto checkStorageType = [](const QJsonObject &disk,
                                     const QString &target) -> std::optional<ApiResponse> {
        static const QStringList allowed = {QStringLiteral("Standard_LRS"), QStringLiteral("StandardSSD_LRS"),
                                            QStringLiteral("Premium_LRS"), QStringLiteral("StandardSSD_ZRS"),
                                            QStringLiteral("Premium_ZRS")};
        const QJsonValue type =
            disk.value(QLatin1String("managedDisk")).toObject().value(QLatin1String("storageAccountType"));
        if (type.isUndefined() || allowed.contains(type.toString()))
            return std::nullopt;
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox", "The value '%1' of parameter 'storageAccountType' is not "
                                                  "supported. Supported values are %2.")
                                    .arg(type.toString(), allowed.join(QLatin1String(", "))),
                                target + QStringLiteral(".managedDisk.storageAccountType"));
    };
    const QString osTarget = QStringLiteral("properties.storageProfile.osDisk");
    if (auto bad = checkStorageType(osDisk, osTarget))
        return bad;
    if (osDisk.contains(QLatin1String("diskSizeGB"))) {
        const int requested = osDisk.value(QLatin1String("diskSizeGB")).toInt(-1);
        const int imageSize = versionProperties.value(QLatin1String("storageProfile"))
                                  .toObject()
                                  .value(QLatin1String("osDiskImage"))
                                  .toObject()
                                  .value(QLatin1String("sizeInGB"))
                                  .toInt(0);
        if (requested < 1 || requested > 4095)
            return invalidParameter(
                QCoreApplication::translate("armsandbox",
                                            "The disk size %1 GB is out of range. It must be between 1 "
                                            "and 4095 GB.")
                    .arg(osDisk.value(QLatin1String("diskSizeGB")).toVariant().toString()),
                osTarget + QStringLiteral(".diskSizeGB"));
        if (requested < imageSize)
            return armError(409, QStringLiteral("ResizeDiskError"),
                            QCoreApplication::translate(
                                "armsandbox",
                                "Disk size %1 GB is smaller than the size of the corresponding disk in the "
                                "VM image: %2 GB. This is not allowed. Please choose equal or greater size "
                                "or do not specify an explicit size.")
                                .arg(requested)
                                .arg(imageSize),
                            osTarget + QStringLiteral(".diskSizeGB"));
    }

    // Admin account: generalized images need one, specialized ones already have theirs.
    const QJsonObject osProfile = properties.value(QLatin1String("osProfile")).toObject();
    if (specialized) {
        if (properties.contains(QLatin1String("osProfile")))
            return invalidParameter(
                QCoreApplication::translate("armsandbox",
                                            "Parameter 'osProfile' is not allowed with a specialized image."),
                QStringLiteral("properties.osProfile"));
    } else {
        if (osProfile.isEmpty())
            return invalidParameter(QCoreApplication::translate(
                                        "armsandbox", "Required parameter 'osProfile' is missing (null)."),
                                    QStringLiteral("properties.osProfile"));
        const QString computerName = osProfile.value(QLatin1String("computerName")).toString(vmName);
        if (!computerNameAllowed(computerName, windows)) {
            return invalidParameter(
                windows
                    ? QCoreApplication::translate("armsandbox", "Windows computer name cannot be more than "
                                                                "15 characters long, be entirely numeric, "
                                                                "or contain the following characters: ` ~ ! "
                                                                "@ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : . "
                                                                "' \" , < > / ?.")
                    : QCoreApplication::translate(
                          "armsandbox",
                          "Linux host name cannot exceed 64 characters in length or contain the following "
                          "characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : ' \" , < > / ?."),
                QStringLiteral("properties.osProfile.computerName"));
        }
        const QString user = osProfile.value(QLatin1String("adminUsername")).toString();
        if (user.isEmpty())
            return invalidParameter(
                QCoreApplication::translate("armsandbox",
                                            "Required parameter 'adminUsername' is missing (null)."),
                QStringLiteral("properties.osProfile.adminUsername"));
        if (!adminUserNameAllowed(user, windows))
            return invalidParameter(
                QCoreApplication::translate("armsandbox", "The Admin Username specified is not allowed."),
                QStringLiteral("properties.osProfile.adminUsername"));
        const bool hasPassword = osProfile.contains(QLatin1String("adminPassword"));
        const QString password = osProfile.value(QLatin1String("adminPassword")).toString();
        const QJsonObject linuxConfiguration =
            osProfile.value(QLatin1String("linuxConfiguration")).toObject();
        const QJsonArray keys = linuxConfiguration.value(QLatin1String("ssh"))
                                    .toObject()
                                    .value(QLatin1String("publicKeys"))
                                    .toArray();
        if (windows || !keys.isEmpty() || hasPassword) {
            if ((windows || hasPassword) && !passwordAllowed(password, windows)) {
                return invalidParameter(
                    windows ? QCoreApplication::translate(
                                  "armsandbox",
                                  "The supplied password must be between 8-123 characters long and must "
                                  "satisfy at "
                                  "least 3 of password complexity requirements from the following: 1) "
                                  "Contains an "
                                  "uppercase character 2) Contains a lowercase character 3) Contains a "
                                  "numeric digit "
                                  "4) Contains a special character 5) Control characters are not allowed")
                            : QCoreApplication::translate(
                                  "armsandbox",
                                  "The supplied password must be between 6-72 characters long and must "
                                  "satisfy at "
                                  "least 3 of password complexity requirements from the following: 1) "
                                  "Contains an "
                                  "uppercase character 2) Contains a lowercase character 3) Contains a "
                                  "numeric digit "
                                  "4) Contains a special character 5) Control characters are not allowed"),
                    QStringLiteral("properties.osProfile.adminPassword"));
            }
        } else {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox", "Authentication using either SSH or by user name and password must be "
                                  "enabled in Linux profile."),
                QStringLiteral("properties.osProfile.linuxConfiguration"));
        }
        if (!windows) {
            if (linuxConfiguration.value(QLatin1String("disablePasswordAuthentication")).toBool() &&
                keys.isEmpty())
                return invalidParameter(
                    QCoreApplication::translate(
                        "armsandbox", "Authentication using either SSH or by user name and password must be "
                                      "enabled in Linux profile."),
                    QStringLiteral("properties.osProfile.linuxConfiguration"));
            const QString expectedPath = QStringLiteral("/home/%1/.ssh/authorized_keys").arg(user);
            for (int i = 0; i < keys.size(); ++i) {
                const QJsonObject key = keys.at(i).toObject();
                const QString target =
                    QStringLiteral("properties.osProfile.linuxConfiguration.ssh.publicKeys[%1]").arg(i);
                if (key.value(QLatin1String("path")).toString() != expectedPath) {
                    return invalidParameter(
                        QCoreApplication::translate(
                            "armsandbox",
                            "Destination path for SSH public keys is currently limited to its "
                            "default value %1 due to a known issue in Linux provisioning agent.")
                            .arg(expectedPath),
                        target + QStringLiteral(".path"));
                }
                if (!sshKeyValid(key.value(QLatin1String("keyData")).toString())) {
                    return invalidParameter(
                        QCoreApplication::translate(
                            "armsandbox",
                            "The value of parameter linuxConfiguration.ssh.publicKeys.keyData is "
                            "invalid."),
                        target + QStringLiteral(".keyData"), QStringLiteral("InvalidParameter"));
                }
            }
        }
    }

    // Network interfaces: exist, same region, not attached elsewhere.
    const QJsonArray nics = properties.value(QLatin1String("networkProfile"))
                                .toObject()
                                .value(QLatin1String("networkInterfaces"))
                                .toArray();
    if (nics.isEmpty())
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox", "Required parameter 'networkProfile' is missing (null)."),
                                QStringLiteral("properties.networkProfile"));
    const QString vmId = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    for (int i = 0; i < nics.size(); ++i) {
        const QString nicId = nics.at(i).toObject().value(QLatin1String("id")).toString();
        const QString target = QStringLiteral("properties.networkProfile.networkInterfaces[%1].id").arg(i);
        const QJsonObject nic = m_store.resource(nicId);
        if (nicId.isEmpty() || resourceTypeOfId(canonicalId(nicId)) != kVmNicType || nic.isEmpty()) {
            return armError(
                400, QStringLiteral("NotFound"),
                QCoreApplication::translate("armsandbox", "Network interface '%1' was not found.").arg(nicId),
                target);
        }
        if (normalizeRegion(nic.value(QLatin1String("location")).toString()) != normalizeRegion(location)) {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox",
                    "The network interface %1 is in region '%2'; it must be in the region of the "
                    "virtual machine ('%3').")
                    .arg(nicId, nic.value(QLatin1String("location")).toString(), location),
                target);
        }
        const QString attached = nic.value(QLatin1String("properties"))
                                     .toObject()
                                     .value(QLatin1String("virtualMachine"))
                                     .toObject()
                                     .value(QLatin1String("id"))
                                     .toString();
        if (!attached.isEmpty() && canonicalId(attached) != canonicalId(vmId)) {
            return armError(
                400, QStringLiteral("NicInUse"),
                QCoreApplication::translate(
                    "armsandbox",
                    "Network Interface %1 is used by existing resource %2. In order to use this network "
                    "interface, the existing resource must be deleted or updated.")
                    .arg(nicId, attached),
                target);
        }
    }

    // Disk encryption sets: exist, in the VM's subscription and region, one encryption type.
    DesChecker desChecker(m_store, DesChecker::Encrypting::VirtualMachine, subscriptionId, location);
    const QString osDes = osDisk.value(QLatin1String("managedDisk"))
                              .toObject()
                              .value(QLatin1String("diskEncryptionSet"))
                              .toObject()
                              .value(QLatin1String("id"))
                              .toString();
    if (!osDes.isEmpty()) {
        if (auto bad = desChecker.check(
                osDes, QStringLiteral("properties.storageProfile.osDisk.managedDisk.diskEncryptionSet.id")))
            return bad;
    }

    // Data disks: FromImage LUNs exist in the image, no LUN twice, no more than the size allows.
    QSet<int> imageLuns;
    for (const auto &d : versionProperties.value(QLatin1String("storageProfile"))
                             .toObject()
                             .value(QLatin1String("dataDiskImages"))
                             .toArray())
        imageLuns.insert(d.toObject().value(QLatin1String("lun")).toInt(-1));
    const QJsonArray dataDisks = storage.value(QLatin1String("dataDisks")).toArray();
    QSet<int> luns = imageLuns;
    QSet<int> listed;
    for (int j = 0; j < dataDisks.size(); ++j) {
        const QJsonObject disk = dataDisks.at(j).toObject();
        const QString target = QStringLiteral("properties.storageProfile.dataDisks[%1]").arg(j);
        if (!disk.value(QLatin1String("lun")).isDouble())
            return invalidParameter(
                QCoreApplication::translate("armsandbox", "Required parameter 'lun' is missing (null)."),
                target + QStringLiteral(".lun"));
        const int lun = disk.value(QLatin1String("lun")).toInt();
        if (lun < 0 || lun > 63)
            return invalidParameter(
                QCoreApplication::translate("armsandbox",
                                            "The LUN %1 is out of range. It must be between 0 and 63.")
                    .arg(lun),
                target + QStringLiteral(".lun"));
        if (listed.contains(lun))
            return invalidParameter(
                QCoreApplication::translate("armsandbox", "LUN %1 appears more than once in the data disks.")
                    .arg(lun),
                target + QStringLiteral(".lun"));
        listed.insert(lun);
        const QString create = disk.value(QLatin1String("createOption")).toString();
        if (create.compare(QLatin1String("FromImage"), Qt::CaseInsensitive) == 0) {
            if (!imageLuns.contains(lun)) {
                return invalidParameter(
                    QCoreApplication::translate(
                        "armsandbox",
                        "The data disk with LUN %1 does not exist in the image %2; createOption "
                        "FromImage needs a data disk image with that LUN.")
                        .arg(lun)
                        .arg(imageId),
                    target + QStringLiteral(".lun"));
            }
        } else if (create.compare(QLatin1String("Empty"), Qt::CaseInsensitive) == 0) {
            if (imageLuns.contains(lun))
                return invalidParameter(
                    QCoreApplication::translate("armsandbox",
                                                "LUN %1 is already used by a data disk of the image.")
                        .arg(lun),
                    target + QStringLiteral(".lun"));
            if (disk.value(QLatin1String("diskSizeGB")).toInt() < 1)
                return invalidParameter(
                    QCoreApplication::translate("armsandbox",
                                                "Required parameter 'diskSizeGB' is missing (null)."),
                    target + QStringLiteral(".diskSizeGB"));
        } else {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox",
                    "The value '%1' of parameter 'createOption' is not supported for data disks "
                    "here; use FromImage or Empty.")
                    .arg(create),
                target + QStringLiteral(".createOption"));
        }
        if (auto bad = checkStorageType(disk, target))
            return bad;
        luns.insert(lun);
        const QString des = disk.value(QLatin1String("managedDisk"))
                                .toObject()
                                .value(QLatin1String("diskEncryptionSet"))
                                .toObject()
                                .value(QLatin1String("id"))
                                .toString();
        if (!des.isEmpty()) {
            if (auto bad =
                    desChecker.check(des, target + QStringLiteral(".managedDisk.diskEncryptionSet.id")))
                return bad;
        }
    }
    if (luns.size() > size->maxDataDisks) {
        return armError(
            409, QStringLiteral("OperationNotAllowed"),
            QCoreApplication::translate(
                "armsandbox",
                "The maximum number of data disks allowed to be attached to a VM of this size is %1.")
                .arg(size->maxDataDisks),
            QStringLiteral("properties.storageProfile.dataDisks"));
    }
    // What the body leaves out is created from the image with the image's own disk encryption set for
    // this region: the same rules apply to it (subscription, region, one encryption type).
    QList<int> omitted;
    if (osDes.isEmpty())
        omitted << -1;
    QList<int> sortedImageLuns = imageLuns.values();
    std::sort(sortedImageLuns.begin(), sortedImageLuns.end());
    for (int lun : sortedImageLuns) {
        if (!listed.contains(lun))
            omitted << lun;
    }
    for (int lun : omitted) {
        const QString des = vmImageDesIn(regionEncryption, lun);
        if (des.isEmpty())
            continue;
        const QString target = lun < 0 ? QStringLiteral("properties.storageProfile.osDisk.managedDisk")
                                       : QStringLiteral("properties.storageProfile.dataDisks");
        if (auto bad = desChecker.check(des, target)) {
            const QString why =
                bad->body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
            return invalidParameter(
                lun < 0 ? QCoreApplication::translate(
                              "armsandbox",
                              "The OS disk names no disk encryption set, so it would be encrypted with the "
                              "image's disk encryption set in region '%1': %2")
                              .arg(location, why)
                        : QCoreApplication::translate(
                              "armsandbox",
                              "The image's data disk with LUN %1 is not listed in 'dataDisks', so it would "
                              "be created with the image's disk encryption set in region '%2': %3 List the "
                              "data disk with a disk encryption set the virtual machine can use.")
                              .arg(lun)
                              .arg(location, why),
                target);
        }
    }
    return std::nullopt;
}

ApiResponse VmApi::putVirtualMachine(const ApiRequest &request, const QStringList &segments,
                                     const QString &apiVersion) {
    const QString &subscriptionId = segments.at(1);
    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QString key = canonicalId(id);
    if (m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Compute/virtualMachines/write"), id);
    if (auto unregistered = checkComputeRegistered(m_store, subscriptionId))
        return *unregistered;
    const QString groupId =
        QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(subscriptionId, segments.at(3));
    if (!m_store.contains(groupId)) {
        return armError(404, QStringLiteral("ResourceGroupNotFound"),
                        QCoreApplication::translate("armsandbox", "Resource group '%1' could not be found.")
                            .arg(segments.at(3)));
    }
    if (m_operations.isRunningOn(key)) {
        return armError(
            409, QStringLiteral("OperationNotAllowed"),
            QCoreApplication::translate(
                "armsandbox",
                "Another operation is in progress on the virtual machine '%1'. Wait for it to finish "
                "and try again.")
                .arg(segments.last()));
    }
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    QJsonObject imageVersion;
    QJsonObject definition;
    if (auto bad = validateVirtualMachine(segments, body, &imageVersion, &definition))
        return *bad;

    const QString location = body.value(QLatin1String("location")).toString();
    const QJsonObject versionProperties = imageVersion.value(QLatin1String("properties")).toObject();
    const QJsonObject versionStorage = versionProperties.value(QLatin1String("storageProfile")).toObject();
    QJsonObject regionEncryption;
    for (const auto &t : versionProperties.value(QLatin1String("publishingProfile"))
                             .toObject()
                             .value(QLatin1String("targetRegions"))
                             .toArray()) {
        if (normalizeRegion(t.toObject().value(QLatin1String("name")).toString()) ==
            normalizeRegion(location))
            regionEncryption = t.toObject().value(QLatin1String("encryption")).toObject();
    }
    const QString osType =
        definition.value(QLatin1String("properties")).toObject().value(QLatin1String("osType")).toString();
    const QString groupPrefix =
        QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/disks/")
            .arg(subscriptionId, segments.at(3));

    // The managed disks the VM gets: encrypted with the DES asked for, else the image's DES for this region.
    const auto makeDisk = [&](const QString &name, int sizeGb, const QString &desId, bool os,
                              const QString &sku) {
        QJsonObject encryption{{QStringLiteral("type"), QStringLiteral("EncryptionAtRestWithPlatformKey")}};
        if (!desId.isEmpty()) {
            encryption.insert(QStringLiteral("type"), m_store.resource(desId)
                                                          .value(QLatin1String("properties"))
                                                          .toObject()
                                                          .value(QLatin1String("encryptionType"))
                                                          .toString());
            encryption.insert(QStringLiteral("diskEncryptionSetId"), desId);
        }
        QJsonObject diskProperties{
            {QStringLiteral("creationData"),
             QJsonObject{{QStringLiteral("createOption"), QStringLiteral("FromImage")},
                         {QStringLiteral("galleryImageReference"),
                          QJsonObject{{QStringLiteral("id"), imageVersion.value(QLatin1String("id"))}}}}},
            {QStringLiteral("diskSizeGB"), sizeGb},
            {QStringLiteral("diskState"), QStringLiteral("Attached")},
            {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
            {QStringLiteral("timeCreated"), vmIsoNow()},
            {QStringLiteral("encryption"), encryption}};
        if (os)
            diskProperties.insert(QStringLiteral("osType"), osType);
        m_store.put(QJsonObject{{QStringLiteral("id"), groupPrefix + name},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/disks")},
                                {QStringLiteral("location"), location},
                                {QStringLiteral("managedBy"), id},
                                {QStringLiteral("sku"),
                                 QJsonObject{{QStringLiteral("name"), sku},
                                             {QStringLiteral("tier"), sku.startsWith(QLatin1String("Premium"))
                                                                          ? QStringLiteral("Premium")
                                                                          : QStringLiteral("Standard")}}},
                                {QStringLiteral("properties"), diskProperties}});
        return groupPrefix + name;
    };
    const auto desOf = [](const QJsonObject &disk) {
        return disk.value(QLatin1String("managedDisk"))
            .toObject()
            .value(QLatin1String("diskEncryptionSet"))
            .toObject()
            .value(QLatin1String("id"))
            .toString();
    };
    const auto imageDesFor = [&regionEncryption](int lun) { return vmImageDesIn(regionEncryption, lun); };
    const auto skuOf = [](const QJsonObject &disk) {
        return disk.value(QLatin1String("managedDisk"))
            .toObject()
            .value(QLatin1String("storageAccountType"))
            .toString(QStringLiteral("Premium_LRS"));
    };
    const auto withDes = [](QJsonObject disk, const QString &diskId, const QString &des) {
        QJsonObject managed = disk.value(QLatin1String("managedDisk")).toObject();
        managed.insert(QStringLiteral("id"), diskId);
        if (!managed.contains(QLatin1String("storageAccountType")))
            managed.insert(QStringLiteral("storageAccountType"), QStringLiteral("Premium_LRS"));
        if (!des.isEmpty())
            managed.insert(QStringLiteral("diskEncryptionSet"), QJsonObject{{QStringLiteral("id"), des}});
        disk.insert(QStringLiteral("managedDisk"), managed);
        return disk;
    };

    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    QJsonObject osDisk = storage.value(QLatin1String("osDisk")).toObject();
    const QString osDiskName =
        osDisk.value(QLatin1String("name")).toString(segments.last() + QStringLiteral("_OsDisk_1"));
    const QString osDes = desOf(osDisk).isEmpty() ? imageDesFor(-1) : desOf(osDisk);
    osDisk.insert(QStringLiteral("name"), osDiskName);
    osDisk.insert(QStringLiteral("osType"), osType);
    if (!osDisk.contains(QLatin1String("caching")))
        osDisk.insert(QStringLiteral("caching"), QStringLiteral("ReadWrite"));
    const int osSize = osDisk.value(QLatin1String("diskSizeGB"))
                           .toInt(versionStorage.value(QLatin1String("osDiskImage"))
                                      .toObject()
                                      .value(QLatin1String("sizeInGB"))
                                      .toInt(30));
    osDisk.insert(QStringLiteral("diskSizeGB"), osSize);
    osDisk = withDes(osDisk, makeDisk(osDiskName, osSize, osDes, true, skuOf(osDisk)), osDes);
    storage.insert(QStringLiteral("osDisk"), osDisk);

    // Data disks of the image that the body does not list are created too, as Azure does.
    QJsonArray dataDisks = storage.value(QLatin1String("dataDisks")).toArray();
    QSet<int> listed;
    for (const auto &d : dataDisks)
        listed.insert(d.toObject().value(QLatin1String("lun")).toInt());
    for (const auto &d : versionStorage.value(QLatin1String("dataDiskImages")).toArray()) {
        const int lun = d.toObject().value(QLatin1String("lun")).toInt();
        if (!listed.contains(lun))
            dataDisks.append(QJsonObject{{QStringLiteral("lun"), lun},
                                         {QStringLiteral("createOption"), QStringLiteral("FromImage")}});
    }
    QJsonArray filledData;
    for (const auto &v : dataDisks) {
        QJsonObject disk = v.toObject();
        const int lun = disk.value(QLatin1String("lun")).toInt();
        const bool fromImage = disk.value(QLatin1String("createOption"))
                                   .toString()
                                   .compare(QLatin1String("FromImage"), Qt::CaseInsensitive) == 0;
        int sizeGb = disk.value(QLatin1String("diskSizeGB")).toInt();
        for (const auto &image : versionStorage.value(QLatin1String("dataDiskImages")).toArray()) {
            if (fromImage && image.toObject().value(QLatin1String("lun")).toInt(-1) == lun)
                sizeGb = image.toObject().value(QLatin1String("sizeInGB")).toInt(32);
        }
        const QString des = !desOf(disk).isEmpty() ? desOf(disk) : fromImage ? imageDesFor(lun) : QString();
        const QString name = disk.value(QLatin1String("name"))
                                 .toString(QStringLiteral("%1_DataDisk_%2").arg(segments.last()).arg(lun));
        disk.insert(QStringLiteral("name"), name);
        disk.insert(QStringLiteral("diskSizeGB"), sizeGb);
        if (!disk.contains(QLatin1String("caching")))
            disk.insert(QStringLiteral("caching"), QStringLiteral("None"));
        filledData.append(withDes(disk, makeDisk(name, sizeGb, des, false, skuOf(disk)), des));
    }
    storage.insert(QStringLiteral("dataDisks"), filledData);
    properties.insert(QStringLiteral("storageProfile"), storage);

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
    properties.insert(QStringLiteral("timeCreated"), vmIsoNow());
    QJsonObject vm{{QStringLiteral("id"), id},
                   {QStringLiteral("name"), segments.last()},
                   {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/virtualMachines")},
                   {QStringLiteral("location"), location},
                   {QStringLiteral("properties"), properties}};
    if (body.contains(QLatin1String("tags")))
        vm.insert(QStringLiteral("tags"), body.value(QLatin1String("tags")));
    m_store.put(vm);

    // Attach the network interfaces.
    for (const auto &n : properties.value(QLatin1String("networkProfile"))
                             .toObject()
                             .value(QLatin1String("networkInterfaces"))
                             .toArray()) {
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
