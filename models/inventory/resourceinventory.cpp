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

ResourceListing<Subscription> *ResourceInventory::subscriptions() const {
    return list<Subscription>({subscriptionsPath()});
}

ResourceListing<Tenant> *ResourceInventory::tenants() const {
    return list<Tenant>({tenantsPath()});
}

ResourceListing<Location> *ResourceInventory::locations(const QString &subscriptionId) const {
    return list<Location>({locationsPath(subscriptionId)});
}

ResourceListing<ResourceGroup> *ResourceInventory::resourceGroups(const QString &subscriptionId) const {
    return list<ResourceGroup>({resourceGroupsPath(subscriptionId)});
}

ResourceListing<Gallery> *ResourceInventory::galleries(const QString &subscriptionId) const {
    return list<Gallery>({galleriesPath(subscriptionId)});
}

ResourceListing<Gallery> *ResourceInventory::galleries(const QString &subscriptionId,
                                                       const QString &resourceGroup) const {
    return list<Gallery>({galleriesPath(subscriptionId, resourceGroup)});
}

ResourceListing<GalleryImage> *ResourceInventory::imageDefinitions(const QString &subscriptionId,
                                                                   const QString &resourceGroup,
                                                                   const QString &gallery) const {
    return list<GalleryImage>({galleryImagesPath(subscriptionId, resourceGroup, gallery)});
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
    return list<GalleryImageVersion>(paths);
}

ResourceListing<ManagedImage> *ResourceInventory::managedImages(const QString &subscriptionId) const {
    return list<ManagedImage>({imagesPath(subscriptionId)});
}

ResourceListing<Snapshot> *ResourceInventory::snapshots(const QString &subscriptionId) const {
    return list<Snapshot>({snapshotsPath(subscriptionId)});
}

ResourceListing<VirtualMachine> *ResourceInventory::virtualMachines(const QString &subscriptionId) const {
    return list<VirtualMachine>({virtualMachinesPath(subscriptionId)});
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
