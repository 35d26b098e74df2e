#include "imageversion/imageversionsubmitter.h"

#include "imageversion/confidentialvm.h"
#include "imageversion/imageversionupdate.h"

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
        addConfidentialVmProfile(region, target);
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

ImageVersionRequest buildImageVersionRequest(const ImageVersionDraft &draft, const ArmClient *client) {
    ImageVersionRequest request;
    request.path = imageVersionPath(draft, &request.error);
    if (!request.ok())
        return request;
    if (client)
        request.url = client->urlForPath(request.path, {}, &request.error);
    request.body = toGalleryImageVersion(draft);
    return request;
}

ImageVersionSubmitter::ImageVersionSubmitter(ArmClient *client, QObject *parent)
    : DraftSubmitter(client, lcImageVersionSubmit, parent) {
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ImageVersionSubmitter::pollReplication);
}

ImageVersionRequest ImageVersionSubmitter::requestFor(const ImageVersionDraft &draft) const {
    return buildImageVersionRequest(draft, client());
}

bool ImageVersionSubmitter::submit(const ImageVersionDraft &draft) {
    reset();
    m_aggregated.clear();
    m_replication.clear();
    m_updating = false;
    m_request = requestFor(draft);
    if (!begin(m_request.error, ImageVersionSubmitText::tr("No connection to Azure.")))
        return false;
    put(m_request.path, m_request.body, {},
        [this](ArmOperation *operation) { onOperationFinished(operation); });
    return true;
}

bool ImageVersionSubmitter::submitUpdate(const ImageVersionDraft &draft, bool allowRegionRemoval) {
    reset();
    m_aggregated.clear();
    m_replication.clear();
    m_updating = true;
    m_request = buildImageVersionUpdateRequest(draft, client(), allowRegionRemoval);
    if (!begin(m_request.error, ImageVersionSubmitText::tr("No connection to Azure.")))
        return false;
    patch(m_request.path, m_request.body, {},
          [this](ArmOperation *operation) { onOperationFinished(operation); });
    return true;
}

void ImageVersionSubmitter::cancel() {
    m_pollTimer.stop();
    DraftSubmitter::cancel();
}

QString ImageVersionSubmitter::stageText() const {
    switch (stage()) {
    case Stage::Idle:
        return {};
    case Stage::Running:
        if (operationStatus().isEmpty())
            return ImageVersionSubmitText::tr("Sending the request to Azure…");
        if (m_updating)
            return ImageVersionSubmitText::tr("Updating the image version (status: %1)…").arg(operationStatus());
        return ImageVersionSubmitText::tr("Creating the image version (status: %1)…").arg(operationStatus());
    case Stage::Replicating:
        if (m_updating)
            return ImageVersionSubmitText::tr("The image version is updated; replicating it to the target "
                                              "regions…");
        return ImageVersionSubmitText::tr("The image version exists; replicating it to the target regions…");
    case Stage::Succeeded:
        if (m_updating)
            return ImageVersionSubmitText::tr("The image version was updated and replicated.");
        return ImageVersionSubmitText::tr("The image version was created and replicated.");
    case Stage::Failed:
        if (m_updating)
            return ImageVersionSubmitText::tr("The image version could not be updated.");
        return ImageVersionSubmitText::tr("The image version could not be created.");
    case Stage::Canceled:
        return ImageVersionSubmitText::tr("Stopped watching. What was already sent goes on in Azure.");
    }
    return {};
}

void ImageVersionSubmitter::onOperationFinished(ArmOperation *operation) {
    if (operation->error()) {
        if (outcomeUnknownAfter(operation->error()))
            checkVersionAfter(operation->error());
        else
            fail(operation->error());
        return;
    }
    applyVersion(operation->resource());
    if (resourceId().isEmpty())
        setResourceId(ResourceId::parse(m_request.path).valid ? m_request.path : QString());
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
        setResourceId(version.id);
    m_aggregated = version.aggregatedReplicationState;
    m_replication = version.replicationSummary;
    Q_EMIT replicationChanged();
}

namespace {

QUrlQuery withReplicationStatus() {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("ReplicationStatus"));
    return query;
}

} // namespace

void ImageVersionSubmitter::pollReplication() {
    if (!client() || stage() != Stage::Replicating)
        return;
    get(m_request.path, withReplicationStatus(), [this](ArmReply *reply) { onReplicationRead(reply); });
}

void ImageVersionSubmitter::onReplicationRead(ArmReply *reply) {
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
        ArmError error = ArmError::make(
            ArmError::Kind::OperationFailed,
            ImageVersionSubmitText::tr("Replication failed in: %1.").arg(regions.join(QStringLiteral(", "))),
            QStringLiteral("ReplicationFailed"));
        error.target = resourceId();
        fail(error);
        return;
    }
    succeed();
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
        return error.httpStatus >= 500 || error.httpStatus == 409 ||
               (error.httpStatus == 404 && wasAccepted());
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
        if (m_updating && !a.is_string())
            continue; // an update sends no source: the version keeps its own
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
    if (!client()) {
        fail(original);
        return;
    }
    qCInfo(lcImageVersionSubmit) << "outcome unknown after" << original.toDisplayString()
                                 << "; reading the version";
    get(m_request.path, withReplicationStatus(),
        [this, original](ArmReply *reply) { onVersionChecked(reply, original); });
}

namespace {

/// The request ids of a failure told after `original`: the original's when it has them, else the read's.
void keepRequestIds(ArmError &error, const ArmError &original, const QString &readRequestId,
                    const QString &readCorrelationId) {
    error.requestId = !original.requestId.isEmpty() ? original.requestId : readRequestId;
    error.correlationRequestId =
        !original.correlationRequestId.isEmpty() ? original.correlationRequestId : readCorrelationId;
}

} // namespace

void ImageVersionSubmitter::onVersionChecked(ArmReply *reply, const ArmError &original) {
    const ArmError &readError = reply->error();
    const QString why = original.message.isEmpty() ? original.code : original.message;
    if (readError) {
        if (readError.kind != ArmError::Kind::Http || readError.httpStatus != 404 || !wasAccepted()) {
            // Nothing was created (404 before the operation existed), or nothing more can be told.
            fail(original);
            return;
        }
        ArmError lost =
            ArmError::make(ArmError::Kind::OperationFailed,
                           ImageVersionSubmitText::tr(
                               "Azure lost track of the operation (%1) and the image version does not "
                               "exist: nothing was created. Send the request again to create it.")
                               .arg(why),
                           QStringLiteral("OperationLost"));
        lost.httpStatus = original.httpStatus;
        keepRequestIds(lost, original, readError.requestId, readError.correlationRequestId);
        fail(lost);
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
        setOperationStatus(state);
        applyVersion(body);
        if (resourceId().isEmpty())
            setResourceId(m_request.path);
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
    ArmError pending = ArmError::make(
        ArmError::Kind::OperationFailed,
        ImageVersionSubmitText::tr("The answer to the request was lost (%1), but Azure is creating the image "
                                   "version (state: %2). Wait a few minutes, then try again to follow it.")
            .arg(why, state),
        QStringLiteral("OperationInProgress"));
    pending.requestId = reply->requestId();
    pending.correlationRequestId = !original.correlationRequestId.isEmpty() ? original.correlationRequestId
                                                                            : readError.correlationRequestId;
    fail(pending);
}

} // namespace cmk
