#pragma once

// The exact requests that create a VM from a VM draft, in the order they must run: the virtual network
// (only when a new one is asked for), the network interface, then the virtual machine. Shared by the VM
// wizard's Review page, `cmkwizard create-vm` and its --dry-run.

#include "arm/armclient.h"
#include "vm/vmdraft.h"

#include <QCoreApplication>
#include <QList>
#include <QUrl>
#include <QUrlQuery>

namespace cmk {

namespace VmApiVersions {
inline constexpr char Compute[] = "2024-11-01"; ///< Microsoft.Compute/virtualMachines, locations/vmSizes
inline constexpr char Network[] = "2024-05-01"; ///< Microsoft.Network
} // namespace VmApiVersions

struct VmPutRequest {
    enum class Kind { VirtualNetwork, NetworkInterface, VirtualMachine };
    Kind kind = Kind::VirtualMachine;
    QString path;        ///< relative to the endpoint
    QUrlQuery query;     ///< api-version
    QUrl url;            ///< endpoint + path + query (ArmClient::urlForPath); empty without a client
    nlohmann::json body; ///< what is sent (with the password, if any)
    /// The body as the user sees it: pretty-printed, the admin password replaced by "********".
    QString bodyText() const;
    /// Translated "virtual network", "network interface", "virtual machine" for progress texts.
    QString kindLabel() const;
};

struct VmRequestPlan {
    QList<VmPutRequest> requests; ///< in order
    ArmError error;               ///< a name in the draft cannot be part of an ARM path
    bool ok() const { return !error.isError(); }
    const VmPutRequest *virtualMachine() const;
};

class VmRequests {
    Q_DECLARE_TR_FUNCTIONS(VmRequests)
public:
    static nlohmann::json virtualNetworkBody(const VmDraft &draft);
    static nlohmann::json networkInterfaceBody(const VmDraft &draft);
    static nlohmann::json virtualMachineBody(const VmDraft &draft);
    /// The requests in order; their URLs are rendered by `client`, empty without one.
    static VmRequestPlan build(const VmDraft &draft, const ArmClient *client = nullptr);
    /// `body` with every adminPassword replaced by "********" (for display and logs).
    static nlohmann::json redacted(nlohmann::json body);
};

} // namespace cmk
