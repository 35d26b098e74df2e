#include "inventory/resourceinventory.h"

#include "arm/armpaths.h"

#include <algorithm>

namespace cmk {

namespace {

QList<int> sorted(QList<int> luns) {
    std::sort(luns.begin(), luns.end());
    return luns;
}

} // namespace

ResourceInventory::ResourceInventory(ArmClient *client)
    : m_client(client) {}

template <typename T> ResourceListing<T> *ResourceInventory::start(const QList<ArmPathBuilder> &paths) const {
    QStringList sent;
    for (const ArmPathBuilder &path : paths) {
        if (path.ok())
            sent << path.path();
    }
    // Only a name that cannot exist makes a path fail: there is nothing to list there (see the header).
    auto *listing = new ResourceListing<T>;
    listing->start(m_client, sent);
    return listing;
}

ResourceListing<Subscription> *ResourceInventory::subscriptions() const {
    return start<Subscription>({subscriptionsPath()});
}

ResourceListing<Tenant> *ResourceInventory::tenants() const {
    return start<Tenant>({tenantsPath()});
}

ResourceListing<Location> *ResourceInventory::locations(const QString &subscriptionId) const {
    return start<Location>({locationsPath(subscriptionId)});
}

ResourceListing<ResourceGroup> *ResourceInventory::resourceGroups(const QString &subscriptionId) const {
    return start<ResourceGroup>({resourceGroupsPath(subscriptionId)});
}

ResourceListing<Gallery> *ResourceInventory::galleries(const QString &subscriptionId) const {
    return start<Gallery>({galleriesPath(subscriptionId)});
}

ResourceListing<Gallery> *ResourceInventory::galleries(const QString &subscriptionId,
                                                       const QString &resourceGroup) const {
    return start<Gallery>({galleriesPath(subscriptionId, resourceGroup)});
}

ResourceListing<GalleryImage> *ResourceInventory::imageDefinitions(const QString &subscriptionId,
                                                                   const QString &resourceGroup,
                                                                   const QString &gallery) const {
    return start<GalleryImage>({galleryImagesPath(subscriptionId, resourceGroup, gallery)});
}

ResourceListing<GalleryImageVersion> *ResourceInventory::imageVersions(const QString &subscriptionId,
                                                                       const QString &resourceGroup,
                                                                       const QString &gallery,
                                                                       const QString &imageDefinition) const {
    return imageVersions(subscriptionId, resourceGroup, gallery, QStringList{imageDefinition});
}

ResourceListing<GalleryImageVersion> *
ResourceInventory::imageVersions(const QString &subscriptionId, const QString &resourceGroup,
                                 const QString &gallery, const QStringList &imageDefinitions) const {
    QList<ArmPathBuilder> paths;
    for (const QString &definition : imageDefinitions)
        paths << galleryImageVersionsPath(subscriptionId, resourceGroup, gallery, definition);
    return start<GalleryImageVersion>(paths);
}

ResourceListing<ManagedImage> *ResourceInventory::managedImages(const QString &subscriptionId) const {
    return start<ManagedImage>({imagesPath(subscriptionId)});
}

ResourceListing<Snapshot> *ResourceInventory::snapshots(const QString &subscriptionId) const {
    return start<Snapshot>({snapshotsPath(subscriptionId)});
}

ResourceListing<VirtualMachine> *ResourceInventory::virtualMachines(const QString &subscriptionId) const {
    return start<VirtualMachine>({virtualMachinesPath(subscriptionId)});
}

ResourceListing<nlohmann::json> *ResourceInventory::rawItems(const QStringList &paths) const {
    QStringList sent = paths;
    sent.removeAll(QString());
    auto *listing = new ResourceListing<nlohmann::json>;
    listing->start(m_client, sent);
    return listing;
}

QList<int> dataDiskLuns(const ManagedImage &image) {
    return sorted(QList<int>(image.dataDiskLuns.begin(), image.dataDiskLuns.end()));
}

QList<int> dataDiskLuns(const VirtualMachine &vm) {
    return sorted(QList<int>(vm.dataDiskLuns.begin(), vm.dataDiskLuns.end()));
}

QList<int> dataDiskLuns(const GalleryImageVersion &version) {
    QList<int> luns;
    for (const GalleryDiskImage &disk : version.storageProfile.dataDiskImages) {
        if (disk.lun)
            luns.append(*disk.lun);
    }
    return sorted(luns);
}

} // namespace cmk
