#include "vm/vmlistings.h"

#include "arm/armpaths.h"
#include "arm/resources.h"

namespace cmk {

namespace {

QString textOf(const nlohmann::json &object, const char *key) {
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

int numberOf(const nlohmann::json &object, const char *key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<int>() : 0;
}

const nlohmann::json &propertiesOf(const nlohmann::json &resource) {
    static const nlohmann::json none = nlohmann::json::object();
    const auto it = resource.find("properties");
    return it != resource.end() && it->is_object() ? *it : none;
}

std::optional<VmSize> vmSizeOf(const nlohmann::json &item) {
    if (!item.is_object() || textOf(item, "name").isEmpty())
        return std::nullopt;
    VmSize size;
    size.name = textOf(item, "name");
    size.numberOfCores = numberOf(item, "numberOfCores");
    size.memoryInMB = numberOf(item, "memoryInMB");
    size.maxDataDiskCount = numberOf(item, "maxDataDiskCount");
    return size;
}

VmVirtualNetwork virtualNetworkOf(const nlohmann::json &item) {
    VmVirtualNetwork vnet;
    vnet.id = textOf(item, "id");
    vnet.name = textOf(item, "name");
    vnet.location = textOf(item, "location");
    const nlohmann::json &properties = propertiesOf(item);
    const nlohmann::json space = properties.value("addressSpace", nlohmann::json::object());
    for (const nlohmann::json &prefix : space.value("addressPrefixes", nlohmann::json::array())) {
        if (prefix.is_string())
            vnet.addressPrefixes << QString::fromStdString(prefix.get<std::string>());
    }
    for (const nlohmann::json &subnet : properties.value("subnets", nlohmann::json::array())) {
        if (subnet.is_object())
            vnet.subnets.append({textOf(subnet, "id"), textOf(subnet, "name"),
                                 textOf(propertiesOf(subnet), "addressPrefix")});
    }
    return vnet;
}

} // namespace

QString VmVirtualNetwork::resourceGroup() const {
    return ResourceId::parse(id).resourceGroup;
}

VmListing::VmListing(QObject *parent)
    : QObject(parent) {}

VmListing::~VmListing() {
    if (m_pager) {
        disconnect(m_pager, nullptr, this, nullptr);
        m_pager->abort();
        m_pager->deleteLater();
    }
}

bool VmListing::start(ArmClient *client, const ArmPathBuilder &path,
                      std::function<void(const nlohmann::json &)> add) {
    abort();
    clearItems();
    m_error = {};
    m_complete = false;
    Q_EMIT itemsChanged();
    if (!client || !path.ok())
        return false;
    m_pager = client->list(path.path());
    connect(m_pager, &ArmPager::pageReceived, this, [this, add](const nlohmann::json &items) {
        if (!items.is_array())
            return;
        for (const nlohmann::json &item : items) {
            if (item.is_object())
                add(item);
        }
        Q_EMIT itemsChanged();
    });
    connect(m_pager, &ArmPager::finished, this, [this] {
        ArmPager *pager = m_pager;
        m_pager = nullptr;
        pager->deleteLater();
        finish(pager->error());
    });
    Q_EMIT loadingChanged(true);
    return true;
}

void VmListing::finish(const ArmError &error) {
    m_error = error;
    m_complete = !error.isError();
    Q_EMIT loadingChanged(false);
    Q_EMIT loadFinished();
}

void VmListing::abort() {
    if (!m_pager)
        return;
    disconnect(m_pager, nullptr, this, nullptr);
    m_pager->abort();
    m_pager->deleteLater();
    m_pager = nullptr;
    Q_EMIT loadingChanged(false);
}

VmResourceGroupListing::VmResourceGroupListing(QObject *parent)
    : VmListing(parent) {}

bool VmResourceGroupListing::load(ArmClient *client, const QString &subscriptionId) {
    return start(client, resourceGroupsPath(subscriptionId), [this](const nlohmann::json &item) {
        m_groups.append({textOf(item, "id"), textOf(item, "name")});
    });
}

int VmResourceGroupListing::indexOf(const QString &name) const {
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

VmSizeListing::VmSizeListing(QObject *parent)
    : VmListing(parent) {}

bool VmSizeListing::load(ArmClient *client, const QString &subscriptionId, const QString &region) {
    return start(client,
                 subscriptionPath(subscriptionId)
                     .literal(QStringLiteral("providers/Microsoft.Compute/locations"))
                     .name(region)
                     .literal(QStringLiteral("vmSizes")),
                 [this](const nlohmann::json &item) {
                     if (const std::optional<VmSize> size = vmSizeOf(item))
                         m_sizes.push_back(*size);
                 });
}

std::optional<std::vector<VmSize>> VmSizeListing::completeSizes() const {
    if (!isComplete())
        return std::nullopt;
    return m_sizes;
}

int VmSizeListing::indexOf(const QString &name) const {
    for (size_t i = 0; i < m_sizes.size(); ++i) {
        if (m_sizes.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

VmVirtualNetworkListing::VmVirtualNetworkListing(QObject *parent)
    : VmListing(parent) {}

bool VmVirtualNetworkListing::load(ArmClient *client, const QString &subscriptionId, const QString &region) {
    return start(client,
                 subscriptionPath(subscriptionId)
                     .literal(QStringLiteral("providers/Microsoft.Network/virtualNetworks")),
                 [this, region](const nlohmann::json &item) {
                     VmVirtualNetwork vnet = virtualNetworkOf(item);
                     if (sameRegion(vnet.location, region))
                         m_networks.append(vnet);
                 });
}

int VmVirtualNetworkListing::indexOfId(const QString &id) const {
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < m_networks.size(); ++i) {
        if (sameResourceId(m_networks.at(i).id, id))
            return i;
    }
    return -1;
}

} // namespace cmk
