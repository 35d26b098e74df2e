#pragma once

// What the wizards and the review window offer in their dropdowns, listed by type: the ARM paths, their
// api-versions and the JSON of the pages stay here in models/, and ui/ only sees the structs of
// arm/resources.h. Each call starts one ResourceListing (see resourcelisting.h) that the caller owns.

#include "inventory/resourcelisting.h"

#include <QList>
#include <QPointer>

namespace cmk {

class ArmClient;
class ArmPathBuilder;

/// A name that cannot stand in an ARM path (see armNameProblem()) names no resource: its listing sends
/// nothing and finishes empty, without error (the draft's validation is what tells the user why).
class ResourceInventory {
public:
    explicit ResourceInventory(ArmClient *client);

    ResourceListing<Subscription> *subscriptions() const;
    ResourceListing<Tenant> *tenants() const;
    ResourceListing<Location> *locations(const QString &subscriptionId) const;
    ResourceListing<ResourceGroup> *resourceGroups(const QString &subscriptionId) const;
    /// Every gallery of the subscription.
    ResourceListing<Gallery> *galleries(const QString &subscriptionId) const;
    ResourceListing<Gallery> *galleries(const QString &subscriptionId, const QString &resourceGroup) const;
    ResourceListing<GalleryImage> *imageDefinitions(const QString &subscriptionId,
                                                    const QString &resourceGroup,
                                                    const QString &gallery) const;
    ResourceListing<GalleryImageVersion> *imageVersions(const QString &subscriptionId,
                                                        const QString &resourceGroup, const QString &gallery,
                                                        const QString &imageDefinition) const;
    /// The versions of several image definitions of one gallery, definition after definition (ARM has no
    /// gallery-wide list of versions).
    ResourceListing<GalleryImageVersion> *imageVersions(const QString &subscriptionId,
                                                        const QString &resourceGroup, const QString &gallery,
                                                        const QStringList &imageDefinitions) const;
    ResourceListing<ManagedImage> *managedImages(const QString &subscriptionId) const;
    ResourceListing<Snapshot> *snapshots(const QString &subscriptionId) const;
    ResourceListing<VirtualMachine> *virtualMachines(const QString &subscriptionId) const;

    /// The items of arbitrary list paths as the server sent them. Only for the Create VM wizard's lists until
    /// they have typed listings of their own (models/vm/); nothing new should use it.
    ResourceListing<nlohmann::json> *rawItems(const QStringList &paths) const;

private:
    template <typename T> ResourceListing<T> *start(const QList<ArmPathBuilder> &paths) const;

    QPointer<ArmClient> m_client;
};

/// The LUNs of a source's data disks, in ascending order (what an image version made from it will have).
QList<int> dataDiskLuns(const ManagedImage &image);
QList<int> dataDiskLuns(const VirtualMachine &vm);
QList<int> dataDiskLuns(const GalleryImageVersion &version);

} // namespace cmk
