#pragma once

// The lists of the Create VM wizard that arm/resources.h does not type: the VM sizes of a region and the
// virtual networks (with their subnets) of a subscription. Typed listings like those of ResourceInventory:
// the ARM paths and the JSON of the pages stay here, views get these structs. The live check of `create-vm`
// reads the same sizes.

#include "inventory/resourceinventory.h"
#include "vm/vmvalidation.h" // VmSize

#include <QList>
#include <QStringList>

namespace cmk {

struct VmSubnet {
    QString id;
    QString name;
    QString addressPrefix;
};

struct VmVirtualNetwork {
    QString id;
    QString name;
    QString location;
    QStringList addressPrefixes;
    QList<VmSubnet> subnets;
    QString resourceGroup() const;
};

/// An item of a vmSizes page; one without a name stays empty (a view skips it).
void from_json(const nlohmann::json &item, VmSize &size);
void from_json(const nlohmann::json &item, VmVirtualNetwork &network);

class VmInventory {
public:
    explicit VmInventory(ArmClient *client)
        : m_inventory(client) {}
    /// The sizes a VM of `region` may have.
    ResourceListing<VmSize> *sizes(const QString &subscriptionId, const QString &region) const;
    /// Every virtual network of the subscription (a view keeps those of the VM's region).
    ResourceListing<VmVirtualNetwork> *virtualNetworks(const QString &subscriptionId) const;

private:
    ResourceInventory m_inventory;
};

} // namespace cmk
