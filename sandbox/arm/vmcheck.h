#pragma once

// The body of a virtual machine PUT, read as Compute reads it when a VM is created from a gallery image
// version: each named check below is one section of the request (size, image, OS disk, admin account,
// network interfaces, data disks and the disk encryption sets of the disks the body leaves to the image),
// run in that order so that the first error ARM would report is the one answered. The admin account rules
// are read from the Compute documentation, independently of models/.

#include "arm/armapi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace armsandbox {

class ArmStore;
class DesChecker;

/// A VM size the sandbox offers.
struct VmSize {
    const char *name;
    int cores;
    int memoryMb;
    int maxDataDisks;
    int resourceDiskMb;
};

/// The sizes of every fixture region (westus lacks the E series, so a size can be missing somewhere).
const QList<VmSize> &vmSizeTable();
/// The size `name` if `location` offers it.
std::optional<VmSize> vmSizeIn(const QString &location, const QString &name);
/// The DES the image version's `encryption` (of one target region) gives a disk (lun < 0: the OS disk).
QString vmImageDesIn(const QJsonObject &regionEncryption, int lun);

class VirtualMachineCheck {
public:
    /// `segments`: the path of the VM (subscriptions/{s}/resourceGroups/{g}/providers/.../{name}).
    VirtualMachineCheck(ArmStore &store, const QStringList &segments);

    /// ARM's error for the first rule `body` breaks; nullopt when it passes.
    std::optional<ApiResponse> validate(const QJsonObject &body);

    /// Once validate() passed: the image version, its image definition, and the version's encryption in
    /// the VM's region.
    const QJsonObject &imageVersion() const { return m_imageVersion; }
    const QJsonObject &definition() const { return m_definition; }
    const QJsonObject &regionEncryption() const { return m_regionEncryption; }

private:
    std::optional<ApiResponse> checkSize(const QJsonObject &properties);
    std::optional<ApiResponse> checkImage(const QJsonObject &storage);
    std::optional<ApiResponse> checkOsDisk(const QJsonObject &osDisk) const;
    std::optional<ApiResponse> checkAdminAccount(const QJsonObject &properties) const;
    std::optional<ApiResponse> checkLinuxAuthentication(const QJsonObject &osProfile,
                                                        const QString &user) const;
    std::optional<ApiResponse> checkNetworkInterfaces(const QJsonObject &properties) const;
    std::optional<ApiResponse> checkDataDisks(const QJsonArray &dataDisks, DesChecker &desChecker);
    std::optional<ApiResponse> checkDataDiskCreation(const QJsonObject &disk, int lun,
                                                     const QString &target) const;
    std::optional<ApiResponse> checkImageDes(bool osDiskHasDes, DesChecker &desChecker) const;
    ApiResponse imageNotReplicated() const;

    ArmStore &m_store;
    QString m_subscriptionId;
    QString m_vmId;
    QString m_vmName;
    QString m_location; ///< of the VM, as the body gives it
    int m_maxDataDisks = 0;
    QString m_imageId; ///< the gallery image version the VM is created from
    QJsonObject m_imageVersion;
    QJsonObject m_definition;
    QJsonObject m_regionEncryption;
    bool m_windows = false;
    bool m_specialized = false;
    QSet<int> m_imageLuns;  ///< data disk LUNs of the image version
    QSet<int> m_listedLuns; ///< data disk LUNs the body lists
};

} // namespace armsandbox
