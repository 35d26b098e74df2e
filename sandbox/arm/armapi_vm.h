#pragma once

// The virtual-machine side of the sandbox: VM sizes of a region, virtual networks and their subnets,
// network interfaces (Microsoft.Network 2024-05-01) and the virtual machine PUT (Microsoft.Compute
// 2024-11-01) with its long-running operation. The VM PUT checks what matters when a VM is created from an
// encrypted gallery image version: the version exists and is replicated to the VM's region, the data-disk
// LUNs exist in it, each Disk Encryption Set exists, is in the VM's subscription and region and all have
// one encryption type, and the admin account is present for generalized images and absent for
// specialized ones. ArmApi hands it every request first; it answers only the routes it owns.

#include "armsandbox.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace armsandbox {

struct ApiRequest;
struct ApiResponse;
class ArmStore;
class OperationRegistry;

class VmApi {
public:
    VmApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl, OperationRegistry &operations);

    /// The answer for the routes this class owns, nullopt for every other path (ArmApi goes on).
    std::optional<ApiResponse> handle(const ApiRequest &request, const QStringList &segments,
                                      const QString &apiVersion);

    /// api-versions accepted for Microsoft.Network, the first one current.
    static QStringList networkApiVersions();

private:
    ApiResponse vmSizes(const ApiRequest &request, const QString &location);

    // Microsoft.Network: virtual networks, their subnets and network interfaces
    ApiResponse networkRoute(const ApiRequest &request, const QStringList &segments,
                             const QString &apiVersion);
    ApiResponse subnetRoute(const ApiRequest &request, const QStringList &segments,
                            const QString &apiVersion);
    /// What every Microsoft.Network PUT checks first: write access, a JSON body (into *body), and its
    /// location when `locationType` (the resource type the errors name) is given.
    std::optional<ApiResponse> beginNetworkPut(const ApiRequest &request, const QStringList &segments,
                                               const QString &writeAction, const QString &locationType,
                                               QJsonObject *body) const;
    /// A virtual network or network interface PUT.
    ApiResponse putNetworkResource(const ApiRequest &request, const QStringList &segments,
                                   const QString &apiVersion, bool virtualNetwork);
    /// Checks the properties of the virtual network `id` called `name` and fills in its subnets.
    std::optional<ApiResponse> fillVirtualNetwork(const QString &id, const QString &name,
                                                  QJsonObject &properties) const;
    /// Checks the properties of the network interface `id` and fills in its IP configurations.
    std::optional<ApiResponse> fillNetworkInterface(const QString &id, const QString &location,
                                                    QJsonObject &properties) const;
    ApiResponse putSubnet(const ApiRequest &request, const QStringList &segments, const QString &apiVersion);
    /// Checks one IP configuration of the network interface `nicId` and gives it its address and defaults.
    std::optional<ApiResponse> fillIpConfiguration(QJsonObject &configuration, const QString &nicId,
                                                   const QString &location, const QString &target) const;
    /// How many IP configurations of all network interfaces are in the subnet.
    int addressesUsedIn(const QString &subnetId) const;

    /// Checked by VirtualMachineCheck (arm/vmcheck.h); creates the VM, its managed disks, attaches its NICs.
    ApiResponse putVirtualMachine(const ApiRequest &request, const QStringList &segments,
                                  const QString &apiVersion);
    /// Registers a long-running operation for `key` and adds its Azure-AsyncOperation header to `response`.
    void startOperation(ApiResponse &response, const QString &key, const QString &subscriptionId,
                        const QString &providerNamespace, const QString &location, const QString &apiVersion,
                        const QJsonObject &tags);
    ApiResponse listPage(const ApiRequest &request, const QString &type, const QString &prefix);
    ApiResponse arrayPage(const ApiRequest &request, const QJsonArray &all);
    /// The subnet a subnet id names, found inside its virtual network; empty when absent.
    QJsonObject findSubnet(const QString &subnetId, QJsonObject *virtualNetwork = nullptr) const;

    ArmStore &m_store;
    const SandboxOptions &m_options;
    const QUrl &m_baseUrl;
    OperationRegistry &m_operations; ///< shared with ArmApi
};

} // namespace armsandbox
