#include "vm/vmrequests.h"

#include "arm/armpaths.h"
#include "arm/resources.h"
#include "vm/vmconfidential.h"

namespace cmk {

namespace {

ArmPathBuilder vmGroupProvider(const VmDraft &d, const char *providerNamespace) {
    return resourceGroupPath(d.subscriptionId, d.resourceGroup)
        .literal(QStringLiteral("providers"))
        .literal(QString::fromLatin1(providerNamespace));
}

} // namespace

QString VmPutRequest::bodyText() const {
    return QString::fromStdString(VmRequests::redacted(body).dump(2));
}

QString VmPutRequest::kindLabel() const {
    switch (kind) {
    case Kind::VirtualNetwork:
        return VmRequests::tr("virtual network");
    case Kind::NetworkInterface:
        return VmRequests::tr("network interface");
    case Kind::VirtualMachine:
        return VmRequests::tr("virtual machine");
    }
    return {};
}

const VmPutRequest *VmRequestPlan::virtualMachine() const {
    for (const VmPutRequest &r : requests) {
        if (r.kind == VmPutRequest::Kind::VirtualMachine)
            return &r;
    }
    return nullptr;
}

nlohmann::json VmRequests::virtualNetworkBody(const VmDraft &d) {
    return {{"location", d.location},
            {"properties",
             {{"addressSpace", {{"addressPrefixes", nlohmann::json::array({d.newVnetAddressPrefix})}}},
              {"subnets",
               nlohmann::json::array({{{"name", d.newSubnetName},
                                       {"properties", {{"addressPrefix", d.newSubnetAddressPrefix}}}}})}}}};
}

nlohmann::json VmRequests::networkInterfaceBody(const VmDraft &d) {
    return {
        {"location", d.location},
        {"properties",
         {{"ipConfigurations", nlohmann::json::array({{{"name", "ipconfig1"},
                                                       {"properties",
                                                        {{"privateIPAllocationMethod", "Dynamic"},
                                                         {"subnet", {{"id", d.effectiveSubnetId()}}}}}}})}}}};
}

nlohmann::json VmRequests::virtualMachineBody(const VmDraft &d) {
    // Every data disk of the image is listed, each with its own DES: a disk left out would be created
    // with the image's DES for the region, which may be of another subscription or type.
    const auto managedDisk = [&d](int lun) {
        nlohmann::json managed = nlohmann::json::object();
        if (!d.storageTypeFor(lun).isEmpty())
            managed["storageAccountType"] = d.storageTypeFor(lun);
        if (!d.desFor(lun).isEmpty())
            managed["diskEncryptionSet"] = {{"id", d.desFor(lun)}};
        return managed;
    };
    nlohmann::json osDisk = {{"name", d.osDiskName()}, {"createOption", "FromImage"}};
    if (d.osDiskSizeGb > 0)
        osDisk["diskSizeGB"] = d.osDiskSizeGb;
    if (!managedDisk(-1).empty())
        osDisk["managedDisk"] = managedDisk(-1);
    nlohmann::json dataDisks = nlohmann::json::array();
    for (int lun : d.imageDataDiskLuns) {
        nlohmann::json disk = {{"lun", lun}, {"createOption", "FromImage"}};
        if (!managedDisk(lun).empty())
            disk["managedDisk"] = managedDisk(lun);
        dataDisks.push_back(disk);
    }
    nlohmann::json storage = {{"imageReference", {{"id", d.imageVersionId}}}, {"osDisk", osDisk}};
    if (!dataDisks.empty())
        storage["dataDisks"] = dataDisks;
    nlohmann::json properties = {
        {"hardwareProfile", {{"vmSize", d.size}}},
        {"storageProfile", storage},
        {"networkProfile",
         {{"networkInterfaces",
           nlohmann::json::array({{{"id", d.nicId()}, {"properties", {{"primary", true}}}}})}}},
    };
    if (d.hasAdminAccount()) {
        nlohmann::json osProfile = {{"computerName", d.name}, {"adminUsername", d.adminUsername}};
        if (d.usesSshKey()) {
            osProfile["linuxConfiguration"] = {
                {"disablePasswordAuthentication", true},
                {"ssh",
                 {{"publicKeys",
                   nlohmann::json::array(
                       {{{"path", QStringLiteral("/home/%1/.ssh/authorized_keys").arg(d.adminUsername)},
                         {"keyData", d.sshPublicKey.trimmed()}}})}}}};
        } else {
            osProfile["adminPassword"] = d.adminPassword;
            if (!d.isWindows())
                osProfile["linuxConfiguration"] = {{"disablePasswordAuthentication", false}};
        }
        properties["osProfile"] = osProfile;
    }
    addConfidentialVmProperties(d, properties);
    return {{"location", d.location}, {"properties", properties}};
}

nlohmann::json VmRequests::redacted(nlohmann::json body) {
    if (body.is_object()) {
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() == "adminPassword" && it->is_string())
                *it = "********";
            else
                *it = redacted(*it);
        }
    } else if (body.is_array()) {
        for (auto &item : body)
            item = redacted(item);
    }
    return body;
}

VmRequestPlan VmRequests::build(const VmDraft &d, const ArmClient *client) {
    VmRequestPlan plan;
    const auto add = [&](VmPutRequest::Kind kind, const ArmPathBuilder &builder, const char *apiVersion,
                         nlohmann::json body) {
        if (!builder.ok()) {
            if (!plan.error)
                plan.error = builder.error();
            return;
        }
        VmPutRequest request;
        request.kind = kind;
        request.path = builder.path();
        request.query.addQueryItem(QStringLiteral("api-version"), QString::fromLatin1(apiVersion));
        if (client)
            request.url = client->urlForPath(request.path, request.query);
        request.body = std::move(body);
        plan.requests.append(request);
    };
    if (d.networkMode == VmNetworkMode::NewVirtualNetwork) {
        add(VmPutRequest::Kind::VirtualNetwork,
            vmGroupProvider(d, "Microsoft.Network")
                .literal(QStringLiteral("virtualNetworks"))
                .name(d.newVnetName),
            VmApiVersions::Network, virtualNetworkBody(d));
    }
    add(VmPutRequest::Kind::NetworkInterface,
        vmGroupProvider(d, "Microsoft.Network")
            .literal(QStringLiteral("networkInterfaces"))
            .name(d.effectiveNicName()),
        VmApiVersions::Network, networkInterfaceBody(d));
    add(VmPutRequest::Kind::VirtualMachine,
        vmGroupProvider(d, "Microsoft.Compute").literal(QStringLiteral("virtualMachines")).name(d.name),
        VmApiVersions::Compute, virtualMachineBody(d));
    if (plan.error)
        plan.requests.clear();
    return plan;
}

} // namespace cmk
