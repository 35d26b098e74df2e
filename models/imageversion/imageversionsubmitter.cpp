#include "imageversion/imageversionsubmitter.h"

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
    m_accepted = false;
    m_operation = m_client->beginPut(m_request.path, m_request.body);
    connect(m_operation, &ArmOperation::accepted, this, [this] { m_accepted = true; });
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
        if (outcomeUnknownAfter(operation->error()))
            checkVersionAfter(operation->error());
        else
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

bool ImageVersionSubmitter::outcomeUnknownAfter(const ArmError &error) const {
    switch (error.kind) {
    case ArmError::Kind::Network:
    case ArmError::Kind::Timeout:
    case ArmError::Kind::MalformedResponse:
        return true;
    case ArmError::Kind::Http:
        // 5xx after the retries: the service may have acted before failing. 409: an operation on this
        // version is running, maybe started by an earlier attempt whose answer was lost. 404 once accepted:
        // the operation is unknown to the service (restarted), which says nothing about the version.
        return error.httpStatus >= 500 || error.httpStatus == 409 || (error.httpStatus == 404 && m_accepted);
    default:
        return false; // an ARM verdict (400, 403, Failed...), a sign-in problem or a cancel: say it as is
    }
}

bool ImageVersionSubmitter::isRequestedVersion(const nlohmann::json &resource) const {
    if (!resource.is_object() || !resource.contains("properties"))
        return false;
    const nlohmann::json &sent = m_request.body["properties"];
    const nlohmann::json &got = resource["properties"];
    const auto at = [](const nlohmann::json &root, const nlohmann::json::json_pointer &pointer) {
        return root.contains(pointer) ? root.at(pointer) : nlohmann::json();
    };
    for (const char *pointer : {"/storageProfile/source/id", "/storageProfile/source/virtualMachineId",
                                "/storageProfile/osDiskImage/source/id"}) {
        const nlohmann::json::json_pointer p(pointer);
        const nlohmann::json a = at(sent, p), b = at(got, p);
        if (a.is_string() != b.is_string() ||
            (a.is_string() &&
             QString::fromStdString(a.get<std::string>())
                     .compare(QString::fromStdString(b.get<std::string>()), Qt::CaseInsensitive) != 0))
            return false;
    }
    const auto regionNames = [&](const nlohmann::json &properties) {
        QStringList names;
        const nlohmann::json regions =
            at(properties, nlohmann::json::json_pointer("/publishingProfile/targetRegions"));
        if (regions.is_array()) {
            for (const nlohmann::json &region : regions)
                if (region.is_object() && region.contains("name") && region["name"].is_string())
                    names << normalizeRegion(QString::fromStdString(region["name"].get<std::string>()));
        }
        names.sort();
        return names;
    };
    return regionNames(sent) == regionNames(got);
}

void ImageVersionSubmitter::checkVersionAfter(const ArmError &original) {
    if (!m_client) {
        fail(original);
        return;
    }
    qCInfo(lcImageVersionSubmit) << "outcome unknown after" << original.toDisplayString()
                                 << "; reading the version";
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("ReplicationStatus"));
    m_poll = m_client->get(m_request.path, query);
    connect(m_poll, &ArmReply::finished, this, [this, original] {
        ArmReply *reply = m_poll;
        m_poll = nullptr;
        reply->deleteLater();
        const ArmError &readError = reply->error();
        if (readError) {
            if (readError.kind == ArmError::Kind::Http && readError.httpStatus == 404) {
                if (!m_accepted) {
                    fail(original); // nothing was created: the first failure is the story
                    return;
                }
                ArmError lost = ArmError::make(
                    ArmError::Kind::OperationFailed,
                    ImageVersionSubmitText::tr(
                        "Azure lost track of the operation (%1) and the image version does not exist: "
                        "nothing was created. Send the request again to create it.")
                        .arg(original.message.isEmpty() ? original.code : original.message),
                    QStringLiteral("OperationLost"));
                lost.httpStatus = original.httpStatus;
                lost.requestId = !original.requestId.isEmpty() ? original.requestId : readError.requestId;
                lost.correlationRequestId = !original.correlationRequestId.isEmpty()
                                                ? original.correlationRequestId
                                                : readError.correlationRequestId;
                fail(lost);
                return;
            }
            fail(original); // cannot tell more than the first failure
            return;
        }
        const nlohmann::json &body = reply->json();
        if (!isRequestedVersion(body)) {
            fail(original); // a version of that name exists, but not the one asked for: claim nothing
            return;
        }
        QString state;
        if (body["properties"].contains("provisioningState") &&
            body["properties"]["provisioningState"].is_string())
            state = QString::fromStdString(body["properties"]["provisioningState"].get<std::string>());
        if (state.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0) {
            qCInfo(lcImageVersionSubmit) << "the version was created despite" << original.code;
            m_operationStatus = state;
            Q_EMIT operationStatusChanged(state);
            applyVersion(body);
            if (m_resourceId.isEmpty())
                m_resourceId = m_request.path;
            setStage(Stage::Replicating);
            pollReplication();
            return;
        }
        if (state.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0) {
            ArmError failed = ArmError::make(
                ArmError::Kind::OperationFailed,
                ImageVersionSubmitText::tr("The image version ended in the Failed provisioning state."));
            failed.requestId = reply->requestId();
            failed.target = m_request.path;
            fail(failed);
            return;
        }
        // Still being created from an attempt whose answer was lost: it goes on in Azure without us.
        ArmError pending =
            ArmError::make(ArmError::Kind::OperationFailed,
                           ImageVersionSubmitText::tr("The answer to the request was lost (%1), but Azure is "
                                                      "creating the image version (state: %2). "
                                                      "Wait a few minutes, then try again to follow it.")
                               .arg(original.message.isEmpty() ? original.code : original.message, state),
                           QStringLiteral("OperationInProgress"));
        pending.requestId = reply->requestId();
        pending.correlationRequestId = !original.correlationRequestId.isEmpty()
                                           ? original.correlationRequestId
                                           : readError.correlationRequestId;
        fail(pending);
    });
}

} // namespace cmk
