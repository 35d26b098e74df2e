#include "vm/vmlistings.h"

#include "arm/armpaths.h"

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
    if (!resource.is_object())
        return none;
    const auto it = resource.find("properties");
    return it != resource.end() && it->is_object() ? *it : none;
}

} // namespace

void from_json(const nlohmann::json &item, VmSize &size) {
    size = VmSize();
    size.name = textOf(item, "name");
    if (size.name.isEmpty())
        return;
    size.numberOfCores = numberOf(item, "numberOfCores");
    size.memoryInMB = numberOf(item, "memoryInMB");
    size.maxDataDiskCount = numberOf(item, "maxDataDiskCount");
}

void from_json(const nlohmann::json &item, VmVirtualNetwork &network) {
    network = VmVirtualNetwork();
    network.id = textOf(item, "id");
    network.name = textOf(item, "name");
    network.location = textOf(item, "location");
    const nlohmann::json &properties = propertiesOf(item);
    const nlohmann::json space = properties.value("addressSpace", nlohmann::json::object());
    for (const nlohmann::json &prefix : space.value("addressPrefixes", nlohmann::json::array())) {
        if (prefix.is_string())
            network.addressPrefixes << QString::fromStdString(prefix.get<std::string>());
    }
    for (const nlohmann::json &subnet : properties.value("subnets", nlohmann::json::array())) {
        if (subnet.is_object())
            network.subnets.append({textOf(subnet, "id"), textOf(subnet, "name"),
                                    textOf(propertiesOf(subnet), "addressPrefix")});
    }
}

QString VmVirtualNetwork::resourceGroup() const {
    return ResourceId::parse(id).resourceGroup;
}

ResourceListing<VmSize> *VmInventory::sizes(const QString &subscriptionId, const QString &region) const {
    return m_inventory.list<VmSize>({subscriptionPath(subscriptionId)
                                         .literal(QStringLiteral("providers/Microsoft.Compute/locations"))
                                         .name(region)
                                         .literal(QStringLiteral("vmSizes"))});
}

ResourceListing<VmVirtualNetwork> *VmInventory::virtualNetworks(const QString &subscriptionId) const {
    return m_inventory.list<VmVirtualNetwork>(
        {subscriptionPath(subscriptionId)
             .literal(QStringLiteral("providers/Microsoft.Network/virtualNetworks"))});
}

} // namespace cmk
