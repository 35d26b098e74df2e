#include "vm/vmsource.h"

#include "arm/armpaths.h"

#include <algorithm>

namespace cmk {

EncryptionImages VmImageInfo::encryptionIn(const QString &region) const {
    for (const TargetRegion &target : version.targetRegions) {
        if (sameRegion(target.name, region) && target.encryption)
            return *target.encryption;
    }
    return {};
}

void VmImageInfo::applyTo(VmDraft &d) const {
    d.imageVersionId = versionId;
    d.osType = definition.osType.isEmpty() ? QStringLiteral("Linux") : definition.osType;
    d.osState = definition.osState.isEmpty() ? QStringLiteral("Generalized") : definition.osState;
    d.imageRegions = regions;
    d.imageDataDiskLuns = dataDiskLuns;
    const std::optional<GalleryDiskImage> &osImage = version.storageProfile.osDiskImage;
    d.imageOsDiskSizeGb = osImage && osImage->sizeInGB ? *osImage->sizeInGB : 0;
    if (d.subscriptionId.isEmpty())
        d.subscriptionId = ResourceId::parse(versionId).subscriptionId;
    if (d.location.isEmpty() || !regions.contains(normalizeRegion(d.location)))
        d.location = regions.value(0);
    if (d.isWindows())
        d.authType = VmAuthType::Password;
    d.normalizeDisks();
}

void VmImageInfo::applyDiskDefaults(VmDraft &d, const QMap<QString, QString> &desTypes) const {
    const EncryptionImages encryption = encryptionIn(d.location);
    d.osDiskDesId = encryption.osDiskImage ? encryption.osDiskImage->diskEncryptionSetId : QString();
    d.dataDiskDesIds.clear();
    for (int lun : dataDiskLuns) {
        QString des;
        for (const DataDiskImageEncryption &data : encryption.dataDiskImages) {
            if (data.lun == lun)
                des = data.diskEncryptionSetId;
        }
        d.dataDiskDesIds.insert(lun, des);
    }
    if (encryption.isEmpty()) {
        d.encryption = EncryptionMode::PlatformKey;
        return;
    }
    const QString anyDes = d.osDiskDesId.isEmpty() && !encryption.dataDiskImages.empty()
                               ? encryption.dataDiskImages.front().diskEncryptionSetId
                               : d.osDiskDesId;
    const QString type = desTypes.value(anyDes.toLower());
    d.encryption =
        type.compare(desEncryptionTypeFor(EncryptionMode::PlatformAndCustomerKeys), Qt::CaseInsensitive) == 0
            ? EncryptionMode::PlatformAndCustomerKeys
            : EncryptionMode::CustomerKey;
}

VmImageSource::VmImageSource(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

VmImageSource::~VmImageSource() {
    abort();
}

void VmImageSource::abort() {
    if (!m_reply)
        return;
    disconnect(m_reply, nullptr, this, nullptr);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void VmImageSource::finish(const ArmError &error) {
    m_error = error;
    m_loaded = !error.isError();
    Q_EMIT finished();
}

void VmImageSource::load(const QString &imageVersionId) {
    abort();
    m_info = {};
    m_info.versionId = imageVersionId;
    m_error = {};
    m_loaded = false;
    const ResourceId id = ResourceId::parse(imageVersionId);
    if (!id.valid || id.fullType().compare(QLatin1String("Microsoft.Compute/galleries/images/versions"),
                                           Qt::CaseInsensitive) != 0) {
        QMetaObject::invokeMethod(
            this,
            [this, imageVersionId] {
                finish(
                    ArmError::make(ArmError::Kind::InvalidInput,
                                   tr("“%1” is not the id of a gallery image version.").arg(imageVersionId)));
            },
            Qt::QueuedConnection);
        return;
    }
    const QString versionPath =
        galleryImageVersionPath(id.subscriptionId, id.resourceGroup, id.names.value(0), id.names.value(1),
                                id.names.value(2))
            .path();
    const QString definitionPath =
        galleryImagePath(id.subscriptionId, id.resourceGroup, id.names.value(0), id.names.value(1)).path();
    m_reply = m_client->get(versionPath);
    connect(m_reply, &ArmReply::finished, this, [this, definitionPath] {
        ArmReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (reply->error()) {
            finish(reply->error());
            return;
        }
        if (ArmError e = parseResource(reply->json(), m_info.version)) {
            finish(e);
            return;
        }
        for (const TargetRegion &target : m_info.version.targetRegions) {
            if (!m_info.regions.contains(normalizeRegion(target.name))) {
                m_info.regions.append(normalizeRegion(target.name));
                m_info.regionDisplayNames.append(target.name);
            }
        }
        if (m_info.regions.isEmpty() && !m_info.version.location.isEmpty()) {
            m_info.regions.append(normalizeRegion(m_info.version.location));
            m_info.regionDisplayNames.append(m_info.version.location);
        }
        for (const GalleryDiskImage &disk : m_info.version.storageProfile.dataDiskImages) {
            if (disk.lun)
                m_info.dataDiskLuns.append(*disk.lun);
        }
        std::sort(m_info.dataDiskLuns.begin(), m_info.dataDiskLuns.end());
        m_reply = m_client->get(definitionPath);
        connect(m_reply, &ArmReply::finished, this, [this] {
            ArmReply *definitionReply = m_reply;
            m_reply = nullptr;
            definitionReply->deleteLater();
            if (definitionReply->error()) {
                finish(definitionReply->error());
                return;
            }
            finish(parseResource(definitionReply->json(), m_info.definition));
        });
    });
}

// ---- VmLiveCheck
// --------------------------------------------------------------------------------------------

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
    const int step = m_step++;
    switch (step) {
    case 0: { // the subscription's disk encryption sets
        if (!usesCustomerKey(m_draft.encryption)) {
            next();
            return;
        }
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
        return;
    }
    case 1: { // the region's sizes
        const ArmPathBuilder path =
            subscriptionPath(m_draft.subscriptionId)
                .literal(QStringLiteral("providers/Microsoft.Compute/locations"))
                .name(m_draft.location.isEmpty() ? QStringLiteral("-") : m_draft.location)
                .literal(QStringLiteral("vmSizes"));
        if (m_draft.location.isEmpty() || !path.ok()) {
            next();
            return;
        }
        auto sizes = std::make_shared<std::vector<VmSize>>();
        ArmPager *pager = m_client->list(path.path());
        connect(pager, &ArmPager::pageReceived, this, [sizes](const nlohmann::json &items) {
            for (const nlohmann::json &item : items) {
                if (!item.is_object() || !item.contains("name") || !item["name"].is_string())
                    continue;
                VmSize size;
                size.name = QString::fromStdString(item["name"].get<std::string>());
                size.numberOfCores = item.value("numberOfCores", 0);
                size.memoryInMB = item.value("memoryInMB", 0);
                size.maxDataDiskCount = item.value("maxDataDiskCount", 0);
                sizes->push_back(size);
            }
        });
        connect(pager, &ArmPager::finished, this, [this, pager, sizes] {
            pager->deleteLater();
            if (pager->error()) {
                done(pager->error());
                return;
            }
            m_sizes = *sizes;
            next();
        });
        return;
    }
    case 2: { // the resource group
        const ArmPathBuilder path = resourceGroupPath(m_draft.subscriptionId, m_draft.resourceGroup);
        if (!path.ok()) {
            next();
            return;
        }
        get(path.path(), [this](ArmReply *reply) {
            if (reply->error() && reply->error().httpStatus == 404)
                m_reasons << tr("The resource group %1 does not exist.").arg(m_draft.resourceGroup);
            else if (reply->error())
                return done(reply->error());
            next();
        });
        return;
    }
    case 3: { // the network
        const bool existing = m_draft.networkMode == VmNetworkMode::ExistingSubnet;
        const QString vnetId =
            existing ? m_draft.subnetId.section(QLatin1Char('/'), 0, -3) : m_draft.newVnetId();
        const ArmPathBuilder path = ArmPathBuilder::fromResourceId(vnetId);
        if ((existing && m_draft.subnetId.isEmpty()) || (!existing && m_draft.newVnetName.isEmpty()) ||
            !path.ok()) {
            next();
            return;
        }
        get(path.path(), [this, existing](ArmReply *reply) {
            if (reply->error() && reply->error().httpStatus != 404)
                return done(reply->error());
            const bool found = !reply->error();
            if (!existing) {
                if (found)
                    m_reasons
                        << tr("A virtual network named %1 already exists in %2. Choose it as an existing "
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
                m_reasons
                    << tr("The subnet %1 is in a virtual network of %2; the VM is in %3. Choose a network of "
                          "the VM's region.")
                           .arg(subnetName, vnetLocation, m_draft.location);
            next();
        });
        return;
    }
    default:
        m_reasons = VmValidation::basicsErrors(m_draft) + m_reasons;
        if (const QString e = VmValidation::sizeError(m_draft, m_sizes); !e.isEmpty())
            m_reasons << e;
        m_reasons << VmValidation::networkingErrors(m_draft);
        m_reasons << VmValidation::diskErrors(m_draft, &m_sets);
        m_reasons << VmValidation::diskOptionErrors(m_draft);
        m_reasons.removeDuplicates();
        done();
    }
}

void VmLiveCheck::done(const ArmError &error) {
    if (m_finished)
        return;
    m_error = error;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace cmk
