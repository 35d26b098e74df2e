#include "imageversionsubmitter.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimeZone>
#include <algorithm>

Q_LOGGING_CATEGORY(lcImageVersionSubmit, "cmk.submit")

namespace cmk {

namespace {

class ImageVersionSubmitText {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionSubmitter)
};

ArmPathBuilder imageVersionGalleryPath(const ImageVersionDraft &d) {
    ArmPathBuilder builder;
    builder.literal(QStringLiteral("subscriptions"))
        .name(d.subscriptionId)
        .literal(QStringLiteral("resourceGroups"))
        .name(d.resourceGroup)
        .literal(QStringLiteral("providers"))
        .literal(QStringLiteral("Microsoft.Compute"))
        .literal(QStringLiteral("galleries"))
        .name(d.galleryName);
    return builder;
}

bool isTerminalReplicationState(const QString &state) {
    return state.isEmpty() || state.compare(QLatin1String("Completed"), Qt::CaseInsensitive) == 0 ||
           state.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0;
}

} // namespace

QString ImageVersionRequest::bodyText() const {
    return QString::fromStdString(body.dump(2));
}

QString imageDefinitionPath(const ImageVersionDraft &d, ArmError *error) {
    ArmPathBuilder builder = imageVersionGalleryPath(d);
    builder.literal(QStringLiteral("images")).name(d.imageDefinitionName);
    if (error)
        *error = builder.error();
    return builder.ok() ? builder.path() : QString();
}

QString imageVersionPath(const ImageVersionDraft &d, ArmError *error) {
    ArmPathBuilder builder = imageVersionGalleryPath(d);
    builder.literal(QStringLiteral("images"))
        .name(d.imageDefinitionName)
        .literal(QStringLiteral("versions"))
        .name(d.versionName);
    if (error)
        *error = builder.error();
    return builder.ok() ? builder.path() : QString();
}

GalleryImageVersion toGalleryImageVersion(const ImageVersionDraft &d) {
    GalleryImageVersion v;
    v.location = d.location;
    for (const TagDraft &tag : d.tags)
        v.tags.insert(tag.name, tag.value);

    const QList<int> luns = d.dataDiskLuns();
    for (const RegionDraft &region : d.targetRegions) {
        TargetRegion target;
        target.name = region.name;
        target.regionalReplicaCount = region.replicaCount;
        target.storageAccountType = region.storageAccountType;
        if (usesCustomerKey(d.encryption)) {
            EncryptionImages encryption;
            encryption.osDiskImage = DiskImageEncryption{d.desFor(region, -1)};
            for (int lun : luns)
                encryption.dataDiskImages.push_back({lun, d.desFor(region, lun)});
            target.encryption = encryption;
        }
        v.targetRegions.push_back(target);
    }
    v.replicaCount = d.defaultReplicaCount;
    v.storageAccountType = d.defaultStorageAccountType;
    v.excludeFromLatest = d.excludeFromLatest;
    if (d.endOfLifeDate.isValid()) {
        // Midnight UTC of the chosen day, as ARM writes date-times.
        v.endOfLifeDate = d.endOfLifeDate.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
    }

    GalleryImageVersionStorageProfile &storage = v.storageProfile;
    switch (d.sourceKind) {
    case SourceKind::ManagedImage:
    case SourceKind::ImageVersion:
        storage.sourceId = d.sourceId;
        break;
    case SourceKind::VirtualMachine:
        storage.virtualMachineId = d.sourceId;
        break;
    case SourceKind::Snapshots: {
        GalleryDiskImage os;
        os.sourceId = d.sourceId;
        storage.osDiskImage = os;
        QList<DataDiskSnapshot> disks = d.dataDiskSnapshots;
        std::sort(disks.begin(), disks.end(),
                  [](const DataDiskSnapshot &a, const DataDiskSnapshot &b) { return a.lun < b.lun; });
        for (const DataDiskSnapshot &disk : disks) {
            GalleryDiskImage data;
            data.lun = disk.lun;
            data.sourceId = disk.snapshotId;
            storage.dataDiskImages.push_back(data);
        }
        break;
    }
    }
    return v;
}

ImageVersionRequest buildImageVersionRequest(const ImageVersionDraft &draft, const QUrl &endpoint) {
    ImageVersionRequest request;
    request.path = imageVersionPath(draft, &request.error);
    if (!request.ok())
        return request;
    QUrl url = endpoint;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + request.path, QUrl::TolerantMode);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), apiVersionForPath(request.path));
    url.setQuery(query);
    request.url = url;
    request.body = toGalleryImageVersion(draft);
    return request;
}

ImageVersionSubmitter::ImageVersionSubmitter(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ImageVersionSubmitter::pollReplication);
}

ImageVersionSubmitter::~ImageVersionSubmitter() {
    if (m_operation)
        m_operation->abort();
    if (m_poll)
        m_poll->abort();
}

bool ImageVersionSubmitter::submit(const ImageVersionDraft &draft) {
    cancel();
    m_error = {};
    m_resourceId.clear();
    m_aggregated.clear();
    m_replication.clear();
    m_operationStatus.clear();
    m_request = buildImageVersionRequest(draft, m_client ? m_client->endpoint() : QUrl());
    if (!m_request.ok()) {
        fail(m_request.error);
        return false;
    }
    if (!m_client) {
        fail(ArmError::make(ArmError::Kind::InvalidInput,
                            ImageVersionSubmitText::tr("No connection to Azure.")));
        return false;
    }
    qCInfo(lcImageVersionSubmit) << "PUT" << m_request.path;
    setStage(Stage::Provisioning);
    m_operation = m_client->beginPut(m_request.path, m_request.body);
    connect(m_operation, &ArmOperation::statusChanged, this, [this](const QString &status) {
        m_operationStatus = status;
        Q_EMIT operationStatusChanged(status);
    });
    connect(m_operation, &ArmOperation::finished, this, &ImageVersionSubmitter::onOperationFinished);
    return true;
}

void ImageVersionSubmitter::cancel() {
    m_pollTimer.stop();
    if (m_operation) {
        disconnect(m_operation, nullptr, this, nullptr);
        m_operation->abort();
        m_operation->deleteLater();
    }
    if (m_poll) {
        disconnect(m_poll, nullptr, this, nullptr);
        m_poll->abort();
        m_poll->deleteLater();
    }
    if (isRunning()) {
        setStage(Stage::Canceled);
        Q_EMIT finished();
    }
}

QString ImageVersionSubmitter::stageText() const {
    switch (m_stage) {
    case Stage::Idle:
        return {};
    case Stage::Provisioning:
        if (m_operationStatus.isEmpty())
            return ImageVersionSubmitText::tr("Sending the request to Azure…");
        return ImageVersionSubmitText::tr("Creating the image version (status: %1)…").arg(m_operationStatus);
    case Stage::Replicating:
        return ImageVersionSubmitText::tr("The image version exists; replicating it to the target regions…");
    case Stage::Succeeded:
        return ImageVersionSubmitText::tr("The image version was created and replicated.");
    case Stage::Failed:
        return ImageVersionSubmitText::tr("The image version could not be created.");
    case Stage::Canceled:
        return ImageVersionSubmitText::tr("Stopped watching. What was already sent goes on in Azure.");
    }
    return {};
}

void ImageVersionSubmitter::setStage(Stage stage) {
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void ImageVersionSubmitter::fail(const ArmError &error) {
    m_error = error;
    qCWarning(lcImageVersionSubmit) << "failed:" << error.code << error.message << error.requestId;
    setStage(Stage::Failed);
    Q_EMIT finished();
}

void ImageVersionSubmitter::onOperationFinished() {
    ArmOperation *operation = m_operation;
    if (!operation)
        return;
    m_operation = nullptr;
    operation->deleteLater();
    if (operation->error()) {
        fail(operation->error());
        return;
    }
    applyVersion(operation->resource());
    if (m_resourceId.isEmpty())
        m_resourceId = ResourceId::parse(m_request.path).valid ? m_request.path : QString();
    // The final body rarely carries the replication status; ask for it explicitly.
    setStage(Stage::Replicating);
    pollReplication();
}

void ImageVersionSubmitter::applyVersion(const nlohmann::json &body) {
    if (!body.is_object())
        return;
    GalleryImageVersion version;
    if (parseResource(body, version))
        return;
    if (!version.id.isEmpty())
        m_resourceId = version.id;
    m_aggregated = version.aggregatedReplicationState;
    m_replication = version.replicationSummary;
    Q_EMIT replicationChanged();
}

void ImageVersionSubmitter::pollReplication() {
    if (!m_client || m_stage != Stage::Replicating)
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("ReplicationStatus"));
    m_poll = m_client->get(m_request.path, query);
    connect(m_poll, &ArmReply::finished, this, [this] {
        ArmReply *reply = m_poll;
        m_poll = nullptr;
        reply->deleteLater();
        if (reply->error()) {
            fail(reply->error());
            return;
        }
        applyVersion(reply->json());
        if (!isTerminalReplicationState(m_aggregated)) {
            m_pollTimer.start(m_pollIntervalMs);
            return;
        }
        if (m_aggregated.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0) {
            QStringList regions;
            for (const RegionalReplicationStatus &status : m_replication) {
                if (status.state.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0)
                    regions << (status.details.isEmpty()
                                    ? status.region
                                    : QStringLiteral("%1 (%2)").arg(status.region, status.details));
            }
            ArmError error = ArmError::make(ArmError::Kind::OperationFailed,
                                            ImageVersionSubmitText::tr("Replication failed in: %1.")
                                                .arg(regions.join(QStringLiteral(", "))),
                                            QStringLiteral("ReplicationFailed"));
            error.target = m_resourceId;
            fail(error);
            return;
        }
        setStage(Stage::Succeeded);
        Q_EMIT finished();
    });
}

} // namespace cmk
