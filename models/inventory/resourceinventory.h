#pragma once

// What the wizards and the review window offer in their dropdowns, listed by type: the ARM paths, their
// api-versions and the JSON of the pages stay here in models/, and ui/ only sees the structs of
// arm/resources.h. Each call starts one ResourceListing (see resourcelisting.h) that the caller owns.

#include "arm/armclient.h" // ArmPathBuilder
#include "inventory/resourcelisting.h"

#include <QList>
#include <QPointer>

namespace cmk {

class ArmClient;

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

    /// A typed listing of other resources (the Create VM wizard's sizes and virtual networks, models/vm/):
    /// T converts from an item of the pages with a from_json() of its own. Paths that failed list nothing.
    template <typename T> ResourceListing<T> *list(const QList<ArmPathBuilder> &paths) const {
        QStringList sent;
        for (const ArmPathBuilder &path : paths) {
            if (path.ok())
                sent << path.path();
        }
        // Only a name that cannot exist makes a path fail: there is nothing to list there (see above).
        auto *listing = new ResourceListing<T>;
        listing->start(m_client, sent);
        return listing;
    }

private:
    QPointer<ArmClient> m_client;
};

/// The LUNs of a source's data disks, in ascending order (what an image version made from it will have).
QList<int> dataDiskLuns(const ManagedImage &image);
QList<int> dataDiskLuns(const VirtualMachine &vm);
QList<int> dataDiskLuns(const GalleryImageVersion &version);

} // namespace cmk
