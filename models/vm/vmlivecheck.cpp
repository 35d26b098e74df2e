#include "vm/vmlivecheck.h"

#include "arm/armpaths.h"
#include "vm/vmconfidential.h"
#include "vm/vmlistings.h"
#include "vm/vmsource.h"

#include <memory>

namespace cmk {

VmLiveCheck::VmLiveCheck(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_source(new VmImageSource(client, this)) {}

void VmLiveCheck::start(const VmDraft &draft) {
    m_draft = draft;
    m_step = 0;
    m_reasons.clear();
    m_sets.clear();
    m_sizes.reset();
    m_error = {};
    m_finished = false;
    connect(m_source, &VmImageSource::finished, this, [this] {
        if (m_source->error()) {
            if (m_source->error().httpStatus == 404) {
                m_reasons << tr("The image version %1 does not exist.").arg(m_draft.imageVersionId);
                done();
            } else {
                done(m_source->error());
            }
            return;
        }
        const QString location = m_draft.location;
        m_source->info().applyTo(m_draft);
        m_draft.location = location; // a region the version lacks must be reported, not replaced
        next();
    });
    m_source->load(draft.imageVersionId);
}

void VmLiveCheck::get(const QString &path, const std::function<void(ArmReply *)> &then,
                      const QUrlQuery &query) {
    ArmReply *reply = m_client->get(path, query);
    connect(reply, &ArmReply::finished, this, [reply, then] {
        reply->deleteLater();
        then(reply);
    });
}

void VmLiveCheck::next() {
    switch (m_step++) {
    case 0:
        return listDiskEncryptionSets();
    case 1:
        return listSizes();
    case 2:
        return readResourceGroup();
    case 3:
        return readNetwork();
    default:
        m_reasons = VmValidation::basicsErrors(m_draft) + m_reasons;
        if (const QString e = VmValidation::sizeError(m_draft, m_sizes); !e.isEmpty())
            m_reasons << e;
        m_reasons << VmValidation::networkingErrors(m_draft);
        m_reasons << VmValidation::diskErrors(m_draft, &m_sets);
        m_reasons << VmConfidentialValidation::diskErrors(m_draft, &m_sets);
        m_reasons << VmValidation::diskOptionErrors(m_draft);
        m_reasons.removeDuplicates();
        done();
    }
}

void VmLiveCheck::listDiskEncryptionSets() {
    if (!usesCustomerKey(m_draft.encryption) && !m_draft.osDiskUsesSecureDes())
        return next();
    ArmPager *pager = m_client->list(diskEncryptionSetsPath(m_draft.subscriptionId).path());
    connect(pager, &ArmPager::pageReceived, this, [this](const nlohmann::json &items) {
        std::vector<DiskEncryptionSet> page;
        if (!parseResources(items, page))
            m_sets.insert(m_sets.end(), page.begin(), page.end());
    });
    connect(pager, &ArmPager::finished, this, [this, pager] {
        pager->deleteLater();
        if (pager->error())
            done(pager->error());
        else
            next();
    });
}

void VmLiveCheck::listSizes() {
    // A region (or subscription) that cannot be named in a path is reported by the validation, not listed.
    if (m_draft.location.isEmpty() || !armNameProblem(m_draft.location).isEmpty() ||
        !armNameProblem(m_draft.subscriptionId).isEmpty())
        return next();
    ResourceListing<VmSize> *listing = VmInventory(m_client).sizes(m_draft.subscriptionId, m_draft.location);
    listing->setParent(this);
    auto sizes = std::make_shared<std::vector<VmSize>>();
    connect(listing, &ResourceListingBase::itemsReady, this, [listing, sizes] {
        for (const VmSize &size : listing->takeItems()) {
            if (!size.name.isEmpty())
                sizes->push_back(size);
        }
    });
    connect(listing, &ResourceListingBase::finished, this, [this, listing, sizes] {
        listing->deleteLater();
        if (listing->error())
            return done(listing->error());
        m_sizes = *sizes;
        next();
    });
}

void VmLiveCheck::readResourceGroup() {
    const ArmPathBuilder path = resourceGroupPath(m_draft.subscriptionId, m_draft.resourceGroup);
    if (!path.ok())
        return next();
    get(path.path(), [this](ArmReply *reply) {
        if (reply->error() && reply->error().httpStatus == 404)
            m_reasons << tr("The resource group %1 does not exist.").arg(m_draft.resourceGroup);
        else if (reply->error())
            return done(reply->error());
        next();
    });
}

void VmLiveCheck::readNetwork() {
    const bool existing = m_draft.networkMode == VmNetworkMode::ExistingSubnet;
    const QString vnetId = existing ? m_draft.subnetId.section(QLatin1Char('/'), 0, -3) : m_draft.newVnetId();
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(vnetId);
    if ((existing && m_draft.subnetId.isEmpty()) || (!existing && m_draft.newVnetName.isEmpty()) ||
        !path.ok())
        return next();
    get(path.path(), [this, existing](ArmReply *reply) { onNetworkRead(reply, existing); });
}

void VmLiveCheck::onNetworkRead(ArmReply *reply, bool existing) {
    if (reply->error() && reply->error().httpStatus != 404)
        return done(reply->error());
    const bool found = !reply->error();
    if (!existing) {
        if (found)
            m_reasons << tr("A virtual network named %1 already exists in %2. Choose it as an existing "
                            "network, or give the new one another name.")
                             .arg(m_draft.newVnetName, m_draft.resourceGroup);
        return next();
    }
    const nlohmann::json &vnet = reply->json();
    const QString subnetName = m_draft.subnetId.section(QLatin1Char('/'), -1);
    bool subnetFound = false;
    if (found && vnet.contains("properties") && vnet["properties"].is_object() &&
        vnet["properties"].contains("subnets") && vnet["properties"]["subnets"].is_array()) {
        for (const nlohmann::json &s : vnet["properties"]["subnets"]) {
            if (s.is_object() && s.value("name", std::string()) == subnetName.toStdString())
                subnetFound = true;
        }
    }
    const QString vnetLocation =
        found ? QString::fromStdString(vnet.value("location", std::string())) : QString();
    if (!subnetFound)
        m_reasons << tr("The subnet %1 does not exist.").arg(m_draft.subnetId);
    else if (!sameRegion(vnetLocation, m_draft.location))
        m_reasons << tr("The subnet %1 is in a virtual network of %2; the VM is in %3. Choose a network of "
                        "the VM's region.")
                         .arg(subnetName, vnetLocation, m_draft.location);
    next();
}

void VmLiveCheck::done(const ArmError &error) {
    if (m_finished)
        return;
    m_error = error;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace cmk
