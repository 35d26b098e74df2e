#include "vm/vmsource.h"

#include "arm/armpaths.h"
#include "vm/vmconfidential.h"

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
    d.imageSecurityType = definition.securityType();
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
    applyConfidentialVmDefaults(d, encryption);
    // A Confidential VM security profile alone encrypts nothing with the customer's disk sets.
    const bool anyDiskSet =
        !d.osDiskDesId.isEmpty() ||
        std::any_of(encryption.dataDiskImages.begin(), encryption.dataDiskImages.end(),
                    [](const DataDiskImageEncryption &data) { return !data.diskEncryptionSetId.isEmpty(); });
    if (!anyDiskSet) {
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

} // namespace cmk
