#include "review/review.h"

#include "common/usertext.h"

#include "arm/armpaths.h"
#include "imageversion/imageversionexport.h"
#include "keyvault/deshealthcheck.h"

#include <QLoggingCategory>
#include <QSet>
#include <QTimeZone>
#include <QUrl>
#include <algorithm>

Q_LOGGING_CATEGORY(lcReview, "cmk.review")

namespace cmk {

namespace {

using RvSeverity = ReviewFinding::Severity;

QString rvLower(const QString &s) {
    return s.toLower();
}

/// ".../keys/NAME/VERSION" of a Key Vault key URL.
QStringList rvKeyUrlParts(const QString &keyUrl) {
    const QStringList segments = QUrl(keyUrl).path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const int keys = segments.indexOf(QStringLiteral("keys"));
    if (keys < 0)
        return {};
    return segments.mid(keys + 1);
}

QString sourceKindKey(const VersionReview &review) {
    return review.sourceKnown ? cmk::sourceKindKey(review.sourceKind) : QStringLiteral("unknown");
}

nlohmann::json rvOptionalString(const QString &value) {
    return value.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

QString rvDesStateKey(ReviewedDes::State state) {
    switch (state) {
    case ReviewedDes::State::Found:
        return QStringLiteral("found");
    case ReviewedDes::State::Missing:
        return QStringLiteral("missing");
    case ReviewedDes::State::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

QString rvEncryptionTypeLabel(const QString &type) {
    if (type == desEncryptionTypeFor(EncryptionMode::CustomerKey))
        return ReviewReport::tr("customer-managed key");
    if (type == desEncryptionTypeFor(EncryptionMode::PlatformAndCustomerKeys))
        return ReviewReport::tr("double encryption");
    if (type.isEmpty())
        return ReviewReport::tr("unknown type");
    return type;
}

// Regions are read by their display name in the interface's language; findings keep the ARM name as key.
QString rvRegion(const QString &name) {
    return RegionNames::displayName(name);
}

QString rvRegions(const QStringList &names) {
    QStringList shown;
    for (const QString &name : names)
        shown << rvRegion(name);
    return shown.join(QStringLiteral(", "));
}

// An ISO date from ARM ("2030-12-31T00:00:00+00:00") in the user's locale; as sent when it is not one.
QString rvDate(const QString &iso) {
    const QDate date = QDate::fromString(iso.left(10), Qt::ISODate);
    return date.isValid() ? ServiceTerms::date(date) : iso;
}

QString rvYesNo(bool value) {
    return value ? ReviewReport::tr("yes") : ReviewReport::tr("no");
}

} // namespace

// ---- ReviewedDes, ReviewRegion, VersionReview
// --------------------------------------------------------------

QString ReviewedDes::keyVaultName() const {
    const ResourceId vault = ResourceId::parse(des.sourceVaultId);
    if (vault.valid)
        return vault.name();
    const QString host = QUrl(des.keyUrl).host();
    return host.section(QLatin1Char('.'), 0, 0);
}

QString ReviewedDes::keyName() const {
    const QStringList parts = rvKeyUrlParts(des.keyUrl);
    return parts.isEmpty() ? QString() : parts.first();
}

QString ReviewedDes::keyVersion() const {
    const QStringList parts = rvKeyUrlParts(des.keyUrl);
    return parts.size() > 1 ? parts.at(1) : QString();
}

QString ReviewRegion::desFor(int lun) const {
    for (const ReviewDisk &disk : disks) {
        if (disk.lun == lun)
            return disk.desId;
    }
    return {};
}

const ReviewedDes *VersionReview::des(const QString &id) const {
    const auto it = desById.constFind(rvLower(id));
    return it == desById.constEnd() ? nullptr : &it.value();
}

int VersionReview::count(ReviewFinding::Severity severity) const {
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [severity](const ReviewFinding &f) { return f.severity == severity; }));
}

ImageVersionDraft VersionReview::toDraft(QStringList *notes) const {
    QMap<QString, QString> types;
    for (auto it = desById.cbegin(); it != desById.cend(); ++it) {
        if (it->state == ReviewedDes::State::Found)
            types.insert(it.key(), it->des.encryptionType);
    }
    return draftFromImageVersion(version, types, notes);
}

// ---- ReviewAnalysis ------------------------------------------------------------------------------------

QString ReviewAnalysis::severityKey(RvSeverity severity) {
    switch (severity) {
    case RvSeverity::Error:
        return QStringLiteral("error");
    case RvSeverity::Warning:
        return QStringLiteral("warning");
    case RvSeverity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QString ReviewAnalysis::severityLabel(RvSeverity severity) {
    switch (severity) {
    case RvSeverity::Error:
        return tr("Problem");
    case RvSeverity::Warning:
        return tr("Warning");
    case RvSeverity::Info:
        return tr("Information");
    }
    return {};
}

QString ReviewAnalysis::diskLabel(int lun) {
    return lun < 0 ? tr("OS disk") : tr("Data disk (LUN %1)").arg(lun);
}

QString ReviewAnalysis::sourceKindLabel(SourceKind kind) {
    switch (kind) {
    case SourceKind::ManagedImage:
        return tr("Managed image");
    case SourceKind::Snapshots:
        return tr("Snapshots");
    case SourceKind::VirtualMachine:
        return tr("Virtual machine");
    case SourceKind::ImageVersion:
        return tr("Image version");
    }
    return {};
}

void ReviewAnalysis::readSource(const ArmReply &reply, ReviewedSource &source) {
    source.checked = true;
    source.exists = !reply.error().isError();
    if (reply.error().isError() && reply.httpStatus() != 404)
        source.error = reply.error().toDisplayString();
}

void ReviewAnalysis::readDes(const ArmReply &reply, ReviewedDes &des) {
    des.state = ReviewedDes::State::Found;
    if (reply.httpStatus() == 404) {
        des.state = ReviewedDes::State::Missing;
    } else if (reply.error().isError()) {
        des.state = ReviewedDes::State::Unreadable;
        des.error = reply.error().toDisplayString();
    } else {
        const ArmError error = parseResource(reply.json(), des.des);
        if (error.isError()) {
            des.state = ReviewedDes::State::Unreadable;
            des.error = error.toDisplayString();
        }
    }
}

void ReviewAnalysis::buildMatrix(VersionReview &review) {
    const GalleryImageVersion &v = review.version;
    assignImageVersionNames(ResourceId::parse(v.id.isEmpty() ? review.versionId : v.id), review);

    // Source.
    const GalleryImageVersionStorageProfile &storage = v.storageProfile;
    review.sources.clear();
    review.sourceKnown = true;
    if (!storage.virtualMachineId.isEmpty()) {
        review.sourceKind = SourceKind::VirtualMachine;
        review.sources.append({storage.virtualMachineId});
    } else if (!storage.sourceId.isEmpty()) {
        const ResourceId source = ResourceId::parse(storage.sourceId);
        review.sourceKind = source.types.size() == 3 && source.types.last().compare(QLatin1String("versions"),
                                                                                    Qt::CaseInsensitive) == 0
                                ? SourceKind::ImageVersion
                                : SourceKind::ManagedImage;
        review.sources.append({storage.sourceId});
    } else if (storage.osDiskImage && !storage.osDiskImage->sourceId.isEmpty()) {
        review.sourceKind = SourceKind::Snapshots;
        review.sources.append({storage.osDiskImage->sourceId});
        for (const GalleryDiskImage &disk : storage.dataDiskImages) {
            if (!disk.sourceId.isEmpty()) {
                ReviewedSource data;
                data.id = disk.sourceId;
                data.lun = disk.lun.value_or(0);
                review.sources.append(data);
            }
        }
    } else {
        review.sourceKnown = false;
    }

    // Disks: those of the storage profile, plus any LUN an encryption setting names.
    QSet<int> luns;
    for (const GalleryDiskImage &disk : storage.dataDiskImages) {
        if (disk.lun)
            luns.insert(*disk.lun);
    }
    for (const TargetRegion &target : v.targetRegions) {
        if (target.encryption) {
            for (const DataDiskImageEncryption &data : target.encryption->dataDiskImages)
                luns.insert(data.lun);
        }
    }
    review.dataDiskLuns = luns.values();
    std::sort(review.dataDiskLuns.begin(), review.dataDiskLuns.end());

    review.regions.clear();
    for (const TargetRegion &target : v.targetRegions) {
        ReviewRegion region;
        region.name = target.name;
        region.replicaCount = target.regionalReplicaCount.value_or(v.replicaCount.value_or(1));
        region.storageAccountType =
            !target.storageAccountType.isEmpty()
                ? target.storageAccountType
                : (v.storageAccountType.isEmpty() ? QStringLiteral("Standard_LRS") : v.storageAccountType);
        region.excludeFromLatest = target.excludeFromLatest.value_or(v.excludeFromLatest.value_or(false));
        for (const RegionalReplicationStatus &status : v.replicationSummary) {
            if (sameRegion(status.region, target.name)) {
                region.hasReplicationStatus = true;
                region.replicationState = status.state;
                region.replicationProgress = status.progress;
                region.replicationDetails = status.details;
            }
        }
        ReviewDisk os;
        if (target.encryption && target.encryption->osDiskImage) {
            os.desId = target.encryption->osDiskImage->diskEncryptionSetId;
            region.confidentialVmEncryptionType =
                target.encryption->osDiskImage->confidentialVmEncryptionType;
            region.secureVmDesId = target.encryption->osDiskImage->secureVmDiskEncryptionSetId;
        }
        region.disks.append(os);
        for (int lun : std::as_const(review.dataDiskLuns)) {
            ReviewDisk disk;
            disk.lun = lun;
            if (target.encryption) {
                for (const DataDiskImageEncryption &data : target.encryption->dataDiskImages) {
                    if (data.lun == lun)
                        disk.desId = data.diskEncryptionSetId;
                }
            }
            region.disks.append(disk);
        }
        review.regions.append(region);
    }
}

namespace {

/// The findings of one review, section by section; take() gives them most severe first.
class ReviewFindingCollector {
public:
    explicit ReviewFindingCollector(const VersionReview &review)
        : m_review(review) {}

    void checkRegionCoverage();
    void checkDiskEncryptionSets();
    void checkEncryptionTypes();
    void checkEndOfLife(const QDate &today);
    void checkReplication();
    void checkSources();
    void checkSharing();

    QList<ReviewFinding> take() {
        std::stable_sort(m_out.begin(), m_out.end(), [](const ReviewFinding &a, const ReviewFinding &b) {
            return int(a.severity) > int(b.severity);
        });
        return std::move(m_out);
    }

private:
    void add(const QString &code, RvSeverity severity, const QString &message, const QString &region = {},
             int lun = -2, const QString &desId = {}) {
        ReviewFinding finding;
        finding.code = code;
        finding.severity = severity;
        finding.message = message;
        finding.region = region;
        finding.lun = lun;
        finding.desId = desId;
        m_out.append(finding);
    }
    /// The set's own name once read, else the last segment of its id.
    QString desName(const QString &id) const {
        const ReviewedDes *des = m_review.des(id);
        if (des && des->state == ReviewedDes::State::Found && !des->des.name.isEmpty())
            return des->des.name;
        const QString name = ResourceId::parse(id).name();
        return name.isEmpty() ? id : name;
    }
    void checkDisksOfEncryptedRegion(const ReviewRegion &region);
    void checkDes(const ReviewRegion &region, const ReviewDisk &disk);
    void checkFoundDes(const ReviewRegion &region, const ReviewDisk &disk, const ReviewedDes &des);

    const VersionReview &m_review;
    QList<ReviewFinding> m_out;
};

void ReviewFindingCollector::checkRegionCoverage() {
    // Regions without encryption, and disks left out within a region.
    QStringList encryptedRegions;
    for (const ReviewRegion &region : m_review.regions) {
        for (const ReviewDisk &disk : region.disks) {
            if (!disk.desId.isEmpty()) {
                encryptedRegions << region.name;
                break;
            }
        }
    }
    for (const ReviewRegion &region : m_review.regions) {
        if (encryptedRegions.contains(region.name)) {
            checkDisksOfEncryptedRegion(region);
        } else if (!encryptedRegions.isEmpty()) {
            add(QStringLiteral("regionWithoutEncryption"), RvSeverity::Error,
                ReviewAnalysis::tr(
                    "Region %1 has no disk encryption set while %2 use customer-managed keys: the copy of "
                    "the image stored in %1 is encrypted with platform-managed keys only.")
                    .arg(rvRegion(region.name), rvRegions(encryptedRegions)),
                region.name);
        }
    }
}

void ReviewFindingCollector::checkDisksOfEncryptedRegion(const ReviewRegion &region) {
    const QString osDes = region.desFor(-1);
    if (osDes.isEmpty()) {
        add(QStringLiteral("osDiskWithoutEncryption"), RvSeverity::Error,
            ReviewAnalysis::tr("In region %1 the data disks use a disk encryption set but the OS disk has "
                               "none: the OS disk is encrypted with platform-managed keys only.")
                .arg(rvRegion(region.name)),
            region.name, -1);
        return;
    }
    for (const ReviewDisk &disk : region.disks) {
        if (disk.lun >= 0 && disk.desId.isEmpty())
            add(QStringLiteral("dataDiskWithoutEncryption"), RvSeverity::Error,
                ReviewAnalysis::tr(
                    "In region %1 the OS disk uses disk encryption set %2, but the data disk at LUN %3 has "
                    "none: that disk is encrypted with platform-managed keys only.")
                    .arg(rvRegion(region.name), desName(osDes))
                    .arg(disk.lun),
                region.name, disk.lun);
    }
}

void ReviewFindingCollector::checkDiskEncryptionSets() {
    // Each referenced DES, once per region that uses it.
    for (const ReviewRegion &region : m_review.regions) {
        QStringList seen;
        for (const ReviewDisk &disk : region.disks) {
            if (disk.desId.isEmpty() || seen.contains(rvLower(disk.desId)))
                continue;
            seen << rvLower(disk.desId);
            checkDes(region, disk);
        }
    }
}

void ReviewFindingCollector::checkDes(const ReviewRegion &region, const ReviewDisk &disk) {
    const ReviewedDes *des = m_review.des(disk.desId);
    const QString name = desName(disk.desId);
    const ResourceId parsed = ResourceId::parse(disk.desId);
    if (!m_review.subscriptionId.isEmpty() && parsed.valid &&
        parsed.subscriptionId.compare(m_review.subscriptionId, Qt::CaseInsensitive) != 0)
        add(QStringLiteral("desInOtherSubscription"), RvSeverity::Error,
            ReviewAnalysis::tr(
                "Disk encryption set %1 (used in region %2) is in subscription %3, not in the image's "
                "subscription %4. Disk encryption sets must be in the same subscription as the image.")
                .arg(name, rvRegion(region.name), parsed.subscriptionId, m_review.subscriptionId),
            region.name, disk.lun, disk.desId);
    if (!des)
        return;
    switch (des->state) {
    case ReviewedDes::State::Missing:
        add(QStringLiteral("desMissing"), RvSeverity::Error,
            ReviewAnalysis::tr(
                "Disk encryption set %1 (used in region %2) no longer exists: virtual machines cannot be "
                "created from this image in %2 until it is restored or the image is recreated.")
                .arg(name, rvRegion(region.name)),
            region.name, disk.lun, disk.desId);
        break;
    case ReviewedDes::State::Unreadable:
        add(QStringLiteral("desUnreadable"), RvSeverity::Warning,
            ReviewAnalysis::tr(
                "Disk encryption set %1 (used in region %2) could not be read, so it was not checked: %3")
                .arg(name, rvRegion(region.name), des->error),
            region.name, disk.lun, disk.desId);
        break;
    case ReviewedDes::State::Found:
        checkFoundDes(region, disk, *des);
        break;
    }
}

void ReviewFindingCollector::checkFoundDes(const ReviewRegion &region, const ReviewDisk &disk,
                                           const ReviewedDes &des) {
    const QString name = desName(disk.desId);
    if (!des.hasActiveKey())
        add(QStringLiteral("desNoActiveKey"), RvSeverity::Error,
            ReviewAnalysis::tr("Disk encryption set %1 (used in region %2) has no active key: the disks it "
                               "encrypts cannot be read.")
                .arg(name, rvRegion(region.name)),
            region.name, disk.lun, disk.desId);
    if (!des.des.location.isEmpty() && !sameRegion(des.des.location, region.name))
        add(QStringLiteral("desLocationMismatch"), RvSeverity::Error,
            ReviewAnalysis::tr("Disk encryption set %1 is in %2 but encrypts the copy in region %3. A disk "
                               "encryption set only works in its own region.")
                .arg(name, rvRegion(des.des.location), rvRegion(region.name)),
            region.name, disk.lun, disk.desId);
}

void ReviewFindingCollector::checkEncryptionTypes() {
    // Encryption types across disks.
    QMap<QString, QStringList> byType;
    for (const ReviewRegion &region : m_review.regions) {
        for (const ReviewDisk &disk : region.disks) {
            const ReviewedDes *des = disk.desId.isEmpty() ? nullptr : m_review.des(disk.desId);
            if (!des || des->state != ReviewedDes::State::Found)
                continue;
            QStringList &names = byType[des->des.encryptionType];
            if (!names.contains(des->des.name))
                names << des->des.name;
        }
    }
    if (byType.size() <= 1)
        return;
    QStringList parts;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        parts << ReviewAnalysis::tr("%1: %2").arg(rvEncryptionTypeLabel(it.key()),
                                                  it.value().join(QStringLiteral(", ")));
    add(QStringLiteral("mixedEncryptionTypes"), RvSeverity::Warning,
        ReviewAnalysis::tr("The disks of this image version use different encryption types (%1). Virtual "
                           "machines get a different protection depending on the disk and the region.")
            .arg(parts.join(QStringLiteral("; "))));
}

void ReviewFindingCollector::checkEndOfLife(const QDate &today) {
    const QDate endOfLife = QDate::fromString(m_review.version.endOfLifeDate.left(10), Qt::ISODate);
    if (endOfLife.isValid() && endOfLife < today)
        add(QStringLiteral("endOfLifePassed"), RvSeverity::Warning,
            ReviewAnalysis::tr("The end-of-life date (%1) has passed: this version should no longer be used "
                               "for new virtual machines.")
                .arg(ServiceTerms::date(endOfLife)));
}

void ReviewFindingCollector::checkReplication() {
    for (const ReviewRegion &region : m_review.regions) {
        if (!region.hasReplicationStatus)
            continue;
        if (region.replicationState.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0) {
            add(QStringLiteral("replicationFailed"), RvSeverity::Error,
                region.replicationDetails.isEmpty()
                    ? ReviewAnalysis::tr("Replication to region %1 failed; the service gave no reason.")
                          .arg(rvRegion(region.name))
                    : ReviewAnalysis::tr("Replication to region %1 failed. The service says: %2")
                          .arg(rvRegion(region.name), region.replicationDetails),
                region.name);
        } else if (region.replicationState.compare(QLatin1String("Replicating"), Qt::CaseInsensitive) == 0) {
            add(QStringLiteral("replicationInProgress"), RvSeverity::Info,
                ReviewAnalysis::tr("Replication to region %1 is still in progress (%2).")
                    .arg(rvRegion(region.name), ServiceTerms::percent(region.replicationProgress)),
                region.name);
        }
    }
}

void ReviewFindingCollector::checkSources() {
    for (const ReviewedSource &source : m_review.sources) {
        if (source.checked && !source.exists && source.error.isEmpty())
            add(QStringLiteral("sourceMissing"), RvSeverity::Info,
                ReviewAnalysis::tr("The source %1 no longer exists. The image version does not need it, but "
                                   "it cannot be recreated from the same source.")
                    .arg(source.id));
    }
}

// Seed limitation: images that use customer-managed keys cannot be shared. A version may have been created
// before its gallery was shared, or by a tool that does not check.
void ReviewFindingCollector::checkSharing() {
    if (!m_review.gallery || !m_review.gallery->isShared() || !m_review.version.usesCustomerKey())
        return;
    add(QStringLiteral("customerKeyInSharedGallery"), RvSeverity::Error,
        ReviewAnalysis::tr("The gallery %1 is shared, but this image version uses customer-managed keys: Azure "
                           "does not allow sharing or copying such images, so those who share the gallery "
                           "cannot use it. Keep it in a gallery that is not shared.")
            .arg(m_review.galleryName));
}

} // namespace

QList<ReviewFinding> ReviewAnalysis::findings(const VersionReview &review, const QDate &today) {
    ReviewFindingCollector collector(review);
    collector.checkRegionCoverage();
    collector.checkDiskEncryptionSets();
    collector.checkEncryptionTypes();
    collector.checkEndOfLife(today);
    collector.checkReplication();
    collector.checkSources();
    collector.checkSharing();
    return collector.take();
}

// ---- VersionReviewer ----------------------------------------------------------------------------------

VersionReviewer::VersionReviewer(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

VersionReviewer::~VersionReviewer() {
    m_running = false; // no finished() from a destructor
    abort();
}

QString VersionReviewer::versionIdProblem(const QString &id) {
    const ResourceId parsed = ResourceId::parse(id);
    if (!parsed.valid ||
        parsed.fullType().compare(QLatin1String("Microsoft.Compute/galleries/images/versions"),
                                  Qt::CaseInsensitive) != 0)
        return ReviewAnalysis::tr(
                   "“%1” is not the resource ID of an image version (/subscriptions/…/resourceGroups/"
                   "…/providers/Microsoft.Compute/galleries/…/images/…/versions/…).")
            .arg(id);
    const ArmPathBuilder builder = ArmPathBuilder::fromResourceId(id.trimmed());
    if (!builder.ok())
        return builder.error().message;
    return {};
}

void VersionReviewer::abort() {
    for (const QPointer<ArmReply> &reply : std::as_const(m_replies)) {
        if (reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_replies.clear();
    if (m_keyCheck) {
        disconnect(m_keyCheck, nullptr, this, nullptr);
        m_keyCheck->abort();
        m_keyCheck->deleteLater();
    }
    if (m_running) {
        m_running = false;
        m_error = ArmError::make(ArmError::Kind::Aborted, ReviewAnalysis::tr("The review was stopped."));
        Q_EMIT finished();
    }
}

void VersionReviewer::start(const QString &versionId, const QDate &today) {
    abort();
    m_review = VersionReview();
    m_review.versionId = versionId.trimmed();
    m_error = {};
    m_today = today;
    m_pending = 0;
    m_running = true;
    const QString problem = versionIdProblem(m_review.versionId);
    if (!problem.isEmpty()) {
        finish(ArmError::make(ArmError::Kind::InvalidInput, problem));
        return;
    }
    if (!m_client) {
        finish(ArmError::make(ArmError::Kind::InvalidInput, ReviewAnalysis::tr("No connection to Azure.")));
        return;
    }
    const QString path = ArmPathBuilder::fromResourceId(m_review.versionId).path();
    Q_EMIT progress(ReviewAnalysis::tr("Reading the image version…"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$expand"), QStringLiteral("ReplicationStatus"));
    ArmReply *reply = m_client->get(path, query);
    m_replies << reply;
    connect(reply, &ArmReply::finished, this, [this, reply] { onVersion(reply); });
}

void VersionReviewer::onVersion(ArmReply *reply) {
    reply->deleteLater();
    m_replies.removeAll(reply);
    if (reply->error().isError()) {
        finish(reply->error());
        return;
    }
    const ArmError parseError = parseResource(reply->json(), m_review.version);
    if (parseError.isError()) {
        finish(parseError);
        return;
    }
    ReviewAnalysis::buildMatrix(m_review);

    QStringList desIds;
    for (const ReviewRegion &region : std::as_const(m_review.regions)) {
        for (const ReviewDisk &disk : region.disks) {
            if (!disk.desId.isEmpty() && !desIds.contains(disk.desId, Qt::CaseInsensitive))
                desIds << disk.desId;
        }
        if (!region.secureVmDesId.isEmpty() && !desIds.contains(region.secureVmDesId, Qt::CaseInsensitive))
            desIds << region.secureVmDesId;
    }
    Q_EMIT progress(ReviewAnalysis::tr("Reading %n disk encryption set(s)…", nullptr, int(desIds.size())));
    m_pending = 1; // held until every request below is sent
    for (const QString &id : std::as_const(desIds))
        fetchDes(id);
    for (int i = 0; i < m_review.sources.size(); ++i)
        fetchSource(i);
    fetchGallery();
    settle();
}

void VersionReviewer::fetchDes(const QString &id) {
    ReviewedDes entry;
    entry.id = id;
    const ArmPathBuilder builder = ArmPathBuilder::fromResourceId(id);
    if (!builder.ok()) {
        entry.state = ReviewedDes::State::Unreadable;
        entry.error = builder.error().message;
        m_review.desById.insert(rvLower(id), entry);
        return;
    }
    m_review.desById.insert(rvLower(id), entry);
    ++m_pending;
    ArmReply *reply = m_client->get(builder.path());
    m_replies << reply;
    connect(reply, &ArmReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        m_replies.removeAll(reply);
        ReviewAnalysis::readDes(*reply, m_review.desById[rvLower(id)]);
        settle();
    });
}

void VersionReviewer::fetchSource(int index) {
    const QString id = m_review.sources.at(index).id;
    const ArmPathBuilder builder = ArmPathBuilder::fromResourceId(id);
    if (!builder.ok()) {
        m_review.sources[index].error = builder.error().message;
        return;
    }
    ++m_pending;
    ArmReply *reply = m_client->get(builder.path());
    m_replies << reply;
    connect(reply, &ArmReply::finished, this, [this, reply, index] {
        reply->deleteLater();
        m_replies.removeAll(reply);
        ReviewAnalysis::readSource(*reply, m_review.sources[index]);
        settle();
    });
}

void VersionReviewer::fetchGallery() {
    if (!m_review.version.usesCustomerKey())
        return; // only its sharing is read, and only a version using customer-managed keys minds it
    const ArmPathBuilder builder =
        galleryPath(m_review.subscriptionId, m_review.resourceGroup, m_review.galleryName);
    if (!builder.ok())
        return;
    ++m_pending;
    ArmReply *reply = m_client->get(builder.path());
    m_replies << reply;
    connect(reply, &ArmReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_replies.removeAll(reply);
        Gallery gallery;
        // Unreadable (permissions, network): the review says nothing of the sharing rather than guess.
        if (!reply->error().isError() && !parseResource(reply->json(), gallery).isError())
            m_review.gallery = gallery;
        settle();
    });
}

void VersionReviewer::settle() {
    if (--m_pending > 0)
        return;
    if (m_checkKeyHealth)
        checkKeyHealth();
    else
        finish();
}

void VersionReviewer::checkKeyHealth() {
    QStringList ids;
    for (const ReviewRegion &region : std::as_const(m_review.regions)) {
        for (const ReviewDisk &disk : region.disks) {
            const ReviewedDes *des = disk.desId.isEmpty() ? nullptr : m_review.des(disk.desId);
            // A set that no longer exists is a finding of its own already.
            if (des && des->state == ReviewedDes::State::Found && !ids.contains(disk.desId, Qt::CaseInsensitive))
                ids << disk.desId;
        }
    }
    if (ids.isEmpty()) {
        finish();
        return;
    }
    Q_EMIT progress(ReviewAnalysis::tr("Checking the keys of %n disk encryption set(s)…", nullptr, int(ids.size())));
    m_keyCheck = new DiskEncryptionSetHealthCheck(m_client, this);
    connect(m_keyCheck, &DiskEncryptionSetHealthCheck::finished, this, [this, check = m_keyCheck.data()] {
        m_review.keyHealth = check->results();
        check->deleteLater();
        finish();
    });
    m_keyCheck->start(ids);
}

void VersionReviewer::finish(const ArmError &error) {
    m_error = error;
    m_review.reviewedAt = QDateTime::currentDateTimeUtc();
    if (!error.isError())
        m_review.findings = ReviewAnalysis::findings(m_review, m_today);
    else
        qCInfo(lcReview) << "review failed:" << error.code << error.httpStatus;
    m_running = false;
    Q_EMIT finished();
}

// ---- ReviewReport ---------------------------------------------------------------------------------------

QString ReviewReport::confidentialText(const VersionReview &review, const ReviewRegion &region) {
    if (region.confidentialVmEncryptionType.isEmpty() && region.secureVmDesId.isEmpty())
        return {};
    const QString type =
        region.confidentialVmEncryptionType.isEmpty() ? tr("no type") : region.confidentialVmEncryptionType;
    if (region.secureVmDesId.isEmpty())
        //: %1 a confidential VM encryption type (EncryptedWithPmk, NonPersistedTPM...)
        return tr("Confidential VM: %1").arg(type);
    //: %1 a confidential VM encryption type, %2 the secure-VM disk encryption set as cellText() writes it
    return tr("Confidential VM: %1 — secure-VM set: %2").arg(type, cellText(review, region.secureVmDesId));
}

QString ReviewReport::replicationText(const ReviewRegion &region, const QString &detailsSeparator) {
    QString text = region.hasReplicationStatus
                       ? tr("%1 (%2)").arg(ServiceTerms::state(region.replicationState),
                                           ServiceTerms::percent(region.replicationProgress))
                       : tr("unknown");
    if (!region.replicationDetails.isEmpty())
        text += detailsSeparator + region.replicationDetails;
    return text;
}

QString ReviewReport::cellText(const VersionReview &review, const QString &desId) {
    if (desId.isEmpty())
        return tr("platform-managed key");
    const ReviewedDes *des = review.des(desId);
    const ResourceId parsed = ResourceId::parse(desId);
    const QString name = parsed.name().isEmpty() ? desId : parsed.name();
    if (!des)
        return tr("%1 (%2)").arg(name, parsed.resourceGroup);
    switch (des->state) {
    case ReviewedDes::State::Missing:
        return tr("%1 (%2) — no longer exists").arg(name, parsed.resourceGroup);
    case ReviewedDes::State::Unreadable:
        return tr("%1 (%2) — could not be read").arg(name, parsed.resourceGroup);
    case ReviewedDes::State::Found:
        break;
    }
    const QString key =
        des->hasActiveKey()
            ? tr("key %1, version %2, vault %3")
                  .arg(des->keyName(), des->keyVersion().isEmpty() ? tr("latest") : des->keyVersion(),
                       des->keyVaultName())
            : tr("no active key");
    return tr("%1 (%2) — %3 — %4")
        .arg(name, parsed.resourceGroup, rvEncryptionTypeLabel(des->des.encryptionType), key);
}

QStringList ReviewReport::keyHealthLines(const VersionReview &review) {
    QStringList lines;
    for (const DesHealth &health : review.keyHealth) {
        //: %1 a disk encryption set, %2 the status of its key (OK, warning, error, cannot verify)
        lines << tr("%1: %2").arg(health.name, translatedStatus(health.status));
        for (const DesFinding &finding : health.findings)
            lines << QStringLiteral("  ") + finding.line();
    }
    return lines;
}

QString ReviewReport::text(const VersionReview &review) {
    const GalleryImageVersion &v = review.version;
    QStringList lines;
    lines << tr("Image version %1 of %2 in gallery %3")
                 .arg(review.versionName, review.imageDefinitionName, review.galleryName);
    lines << tr("Resource ID: %1").arg(review.versionId);
    lines << tr("Location: %1").arg(rvRegion(v.location));
    lines << tr("Provisioning state: %1").arg(ServiceTerms::state(v.provisioningState));
    lines << tr("Replication: %1")
                 .arg(v.aggregatedReplicationState.isEmpty()
                          ? tr("unknown")
                          : ServiceTerms::state(v.aggregatedReplicationState));
    lines << tr("End of life: %1").arg(v.endOfLifeDate.isEmpty() ? tr("none") : rvDate(v.endOfLifeDate));
    lines << tr("Excluded from latest: %1").arg(rvYesNo(v.excludeFromLatest.value_or(false)));
    if (review.sourceKnown) {
        for (const ReviewedSource &source : review.sources) {
            const QString kind = source.lun >= 0 ? tr("Data-disk snapshot (LUN %1)").arg(source.lun)
                                                 : ReviewAnalysis::sourceKindLabel(review.sourceKind);
            const QString state = !source.checked           ? tr("not checked")
                                  : !source.error.isEmpty() ? tr("could not be checked")
                                  : source.exists           ? tr("exists")
                                                            : tr("no longer exists");
            lines << tr("Source: %1 %2 (%3)").arg(kind, source.id, state);
        }
    } else {
        lines << tr("Source: unknown");
    }
    lines << QString();
    lines << tr("Target regions and disks:");
    for (const ReviewRegion &region : review.regions) {
        const QString replication = region.hasReplicationStatus
                                        ? tr("%1, %2").arg(ServiceTerms::state(region.replicationState),
                                                           ServiceTerms::percent(region.replicationProgress))
                                        : tr("no replication status");
        lines << QStringLiteral("  ") +
                     tr("%1 — %n replica(s), %2, %3", nullptr, region.replicaCount)
                         .arg(rvRegion(region.name), ServiceTerms::storageType(region.storageAccountType), replication);
        if (!region.replicationDetails.isEmpty())
            lines << QStringLiteral("    ") + tr("Replication details: %1").arg(region.replicationDetails);
        if (const QString confidential = confidentialText(review, region); !confidential.isEmpty())
            lines << QStringLiteral("    ") + confidential;
        for (const ReviewDisk &disk : region.disks)
            lines << QStringLiteral("    ") +
                         tr("%1: %2").arg(ReviewAnalysis::diskLabel(disk.lun), cellText(review, disk.desId));
    }
    lines << QString();
    const int errors = review.count(ReviewFinding::Severity::Error);
    const int warnings = review.count(ReviewFinding::Severity::Warning);
    if (review.findings.isEmpty()) {
        lines << tr("Findings: none. Every disk in every region is consistently encrypted.");
    } else {
        //: %1 is "N problems", %2 "N warnings", %3 "N notes"
        lines << tr("Findings: %1, %2, %3.")
                     .arg(tr("%n problem(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings),
                          tr("%n note(s)", nullptr, review.count(ReviewFinding::Severity::Info)));
        for (const ReviewFinding &finding : review.findings)
            lines << QStringLiteral("  [%1] %2")
                         .arg(ReviewAnalysis::severityLabel(finding.severity), finding.message);
    }
    if (!review.keyHealth.empty()) {
        lines << QString();
        lines << tr("Key health of the disk encryption sets:");
        for (const QString &line : keyHealthLines(review))
            lines << QStringLiteral("  ") + line;
    }
    lines << QString();
    lines << tr("Reviewed at %1").arg(ServiceTerms::dateTime(review.reviewedAt));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

namespace {

/// A region's Confidential VM security profile, when it has one (docs/review-schema.md).
void addConfidentialJson(nlohmann::json &entry, const ReviewRegion &region) {
    if (region.confidentialVmEncryptionType.isEmpty() && region.secureVmDesId.isEmpty())
        return;
    entry["confidentialVmEncryption"] = {
        {"confidentialVMEncryptionType", rvOptionalString(region.confidentialVmEncryptionType)},
        {"secureVMDiskEncryptionSetId", rvOptionalString(region.secureVmDesId)}};
}

} // namespace

nlohmann::json ReviewReport::findingJson(const ReviewFinding &f) {
    using nlohmann::json;
    json entry = json::object();
    entry["code"] = f.code;
    entry["severity"] = ReviewAnalysis::severityKey(f.severity);
    entry["region"] = rvOptionalString(f.region);
    entry["disk"] = f.lun == -2 ? json(nullptr) : json(f.lun < 0 ? "os" : "data");
    entry["lun"] = f.lun >= 0 ? json(f.lun) : json(nullptr);
    entry["diskEncryptionSetId"] = rvOptionalString(f.desId);
    entry["message"] = f.message;
    return entry;
}

nlohmann::json ReviewReport::json(const VersionReview &review) {
    using nlohmann::json;
    const GalleryImageVersion &v = review.version;
    json doc = json::object();
    doc["schema"] = "cmkwizard.review";
    doc["schemaVersion"] = schemaVersion;
    doc["reviewedAt"] = review.reviewedAt.toString(Qt::ISODate);

    json version = json::object();
    version["id"] = review.versionId;
    version["name"] = review.versionName;
    version["subscriptionId"] = review.subscriptionId;
    version["resourceGroup"] = review.resourceGroup;
    version["galleryName"] = review.galleryName;
    version["imageDefinitionName"] = review.imageDefinitionName;
    version["location"] = v.location;
    version["provisioningState"] = rvOptionalString(v.provisioningState);
    version["publishedDate"] = rvOptionalString(v.publishedDate);
    version["endOfLifeDate"] = rvOptionalString(v.endOfLifeDate);
    version["excludeFromLatest"] = v.excludeFromLatest.value_or(false);
    version["replicaCount"] = v.replicaCount ? json(*v.replicaCount) : json(nullptr);
    version["storageAccountType"] = rvOptionalString(v.storageAccountType);
    version["aggregatedReplicationState"] = rvOptionalString(v.aggregatedReplicationState);
    doc["version"] = version;

    json source = json::object();
    source["kind"] = sourceKindKey(review);
    json resources = json::array();
    for (const ReviewedSource &s : review.sources) {
        json entry = json::object();
        entry["id"] = s.id;
        entry["lun"] = s.lun >= 0 ? json(s.lun) : json(nullptr);
        entry["exists"] = s.checked && s.error.isEmpty() ? json(s.exists) : json(nullptr);
        if (!s.error.isEmpty())
            entry["error"] = s.error;
        resources.push_back(entry);
    }
    source["resources"] = resources;
    doc["source"] = source;

    json disks = json::array();
    disks.push_back({{"disk", "os"}, {"lun", nullptr}, {"label", ReviewAnalysis::diskLabel(-1)}});
    for (int lun : review.dataDiskLuns)
        disks.push_back({{"disk", "data"}, {"lun", lun}, {"label", ReviewAnalysis::diskLabel(lun)}});
    doc["disks"] = disks;

    json regions = json::array();
    for (const ReviewRegion &region : review.regions) {
        json entry = json::object();
        entry["name"] = region.name;
        entry["replicaCount"] = region.replicaCount;
        entry["storageAccountType"] = region.storageAccountType;
        entry["excludeFromLatest"] = region.excludeFromLatest;
        if (region.hasReplicationStatus)
            entry["replication"] = {{"state", region.replicationState},
                                    {"progress", region.replicationProgress},
                                    {"details", region.replicationDetails}};
        else
            entry["replication"] = nullptr;
        json cells = json::array();
        for (const ReviewDisk &disk : region.disks) {
            cells.push_back({{"disk", disk.lun < 0 ? "os" : "data"},
                             {"lun", disk.lun < 0 ? json(nullptr) : json(disk.lun)},
                             {"diskEncryptionSetId", rvOptionalString(disk.desId)}});
        }
        entry["disks"] = cells;
        addConfidentialJson(entry, region);
        regions.push_back(entry);
    }
    doc["regions"] = regions;

    json sets = json::array();
    for (const ReviewedDes &des : review.desById) {
        const ResourceId parsed = ResourceId::parse(des.id);
        json entry = json::object();
        entry["id"] = des.id;
        entry["status"] = rvDesStateKey(des.state);
        entry["name"] = parsed.name();
        entry["resourceGroup"] = parsed.resourceGroup;
        entry["subscriptionId"] = parsed.subscriptionId;
        if (des.state == ReviewedDes::State::Found) {
            entry["location"] = des.des.location;
            entry["encryptionType"] = rvOptionalString(des.des.encryptionType);
            entry["keyUrl"] = rvOptionalString(des.des.keyUrl);
            entry["keyVaultId"] = rvOptionalString(des.des.sourceVaultId);
            entry["keyVaultName"] = rvOptionalString(des.keyVaultName());
            entry["keyName"] = rvOptionalString(des.keyName());
            entry["keyVersion"] = rvOptionalString(des.keyVersion());
            entry["hasActiveKey"] = des.hasActiveKey();
        }
        if (!des.error.isEmpty())
            entry["error"] = des.error;
        sets.push_back(entry);
    }
    doc["diskEncryptionSets"] = sets;

    json findings = json::array();
    for (const ReviewFinding &f : review.findings)
        findings.push_back(findingJson(f));
    doc["findings"] = findings;
    if (!review.keyHealth.empty()) { // the review window checks the keys; `cmkwizard review` does not
        json keyHealth = json::array();
        for (const DesHealth &health : review.keyHealth)
            keyHealth.push_back(desHealthJson(health));
        doc["keyHealth"] = keyHealth;
    }
    doc["summary"] = {{"errors", review.count(ReviewFinding::Severity::Error)},
                      {"warnings", review.count(ReviewFinding::Severity::Warning)},
                      {"infos", review.count(ReviewFinding::Severity::Info)}};
    return doc;
}

QString ReviewReport::keyHealthHtml(const VersionReview &review) {
    if (review.keyHealth.empty())
        return {};
    const auto e = [](const QString &s) { return s.toHtmlEscaped(); };
    QString h = QStringLiteral("<h2>%1</h2>").arg(e(tr("Key health of the disk encryption sets")));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><thead><tr>");
    for (const QString &header : {tr("Name"), tr("Status"), tr("Findings")})
        h += QStringLiteral("<th>%1</th>").arg(e(header));
    h += QStringLiteral("</tr></thead>");
    for (const DesHealth &health : review.keyHealth) {
        QStringList findings;
        for (const DesFinding &finding : health.findings)
            findings << e(finding.line());
        const QString color = health.status == DesHealthStatus::Error     ? QStringLiteral("#b00020")
                              : health.status == DesHealthStatus::Warning ? QStringLiteral("#8a5a00")
                                                                          : QStringLiteral("#000000");
        h += QStringLiteral("<tr><td>%1</td><td><font color=\"%2\"><b>%3</b></font></td><td>%4</td></tr>")
                 .arg(e(health.name), color, e(translatedStatus(health.status)),
                      findings.isEmpty() ? e(tr("none")) : findings.join(QStringLiteral("<br/>")));
    }
    return h + QStringLiteral("</table>");
}

QString ReviewReport::html(const VersionReview &review) {
    const auto e = [](const QString &s) { return s.toHtmlEscaped(); };
    const GalleryImageVersion &v = review.version;
    QString h;
    h += QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>")
             .arg(e(tr("Review of image version %1").arg(review.versionName)));
    h += QStringLiteral("<h1>%1</h1>")
             .arg(e(tr("Image version %1 of %2 in gallery %3")
                        .arg(review.versionName, review.imageDefinitionName, review.galleryName)));
    h += QStringLiteral("<p><small>%1</small></p>").arg(e(review.versionId));

    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
    const auto row = [&](const QString &label, const QString &value) {
        h += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>").arg(e(label), e(value));
    };
    row(tr("Location"), rvRegion(v.location));
    row(tr("Provisioning state"), ServiceTerms::state(v.provisioningState));
    row(tr("Replication"), v.aggregatedReplicationState.isEmpty()
                               ? tr("unknown")
                               : ServiceTerms::state(v.aggregatedReplicationState));
    row(tr("End of life"), v.endOfLifeDate.isEmpty() ? tr("none") : rvDate(v.endOfLifeDate));
    row(tr("Excluded from latest"), rvYesNo(v.excludeFromLatest.value_or(false)));
    for (const ReviewedSource &source : review.sources) {
        const QString kind = source.lun >= 0 ? tr("Data-disk snapshot (LUN %1)").arg(source.lun)
                                             : ReviewAnalysis::sourceKindLabel(review.sourceKind);
        row(tr("Source"), QStringLiteral("%1: %2").arg(kind, source.id) +
                              (source.checked && source.error.isEmpty() && !source.exists
                                   ? QStringLiteral(" — ") + tr("no longer exists")
                                   : QString()));
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>%1</h2>").arg(e(tr("Findings")));
    if (review.findings.isEmpty()) {
        h += QStringLiteral("<p>%1</p>")
                 .arg(e(tr("None. Every disk in every region is consistently encrypted.")));
    } else {
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
        for (const ReviewFinding &f : review.findings) {
            const QString color = f.severity == ReviewFinding::Severity::Error ? QStringLiteral("#b00020")
                                  : f.severity == ReviewFinding::Severity::Warning
                                      ? QStringLiteral("#8a5a00")
                                      : QStringLiteral("#1a5fb4");
            const QString icon = f.severity == ReviewFinding::Severity::Error     ? QStringLiteral("&#9679;")
                                 : f.severity == ReviewFinding::Severity::Warning ? QStringLiteral("&#9888;")
                                                                                  : QStringLiteral("&#8505;");
            h += QStringLiteral("<tr><td><font color=\"%1\">%2 <b>%3</b></font></td><td>%4</td></tr>")
                     .arg(color, icon, e(ReviewAnalysis::severityLabel(f.severity)), e(f.message));
        }
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h2>%1</h2>").arg(e(tr("Target regions and disks")));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><thead><tr>");
    for (const QString &header : {tr("Region"), tr("Replicas"), tr("Storage"), tr("Replication")})
        h += QStringLiteral("<th>%1</th>").arg(e(header));
    h += QStringLiteral("<th>%1</th>").arg(e(ReviewAnalysis::diskLabel(-1)));
    for (int lun : review.dataDiskLuns)
        h += QStringLiteral("<th>%1</th>").arg(e(ReviewAnalysis::diskLabel(lun)));
    h += QStringLiteral("</tr></thead>");
    for (const ReviewRegion &region : review.regions) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td>")
                 .arg(e(rvRegion(region.name)))
                 .arg(region.replicaCount)
                 .arg(e(ServiceTerms::storageType(region.storageAccountType)));
        h += QStringLiteral("<td>%1</td>").arg(e(replicationText(region, QStringLiteral(" — "))));
        for (const ReviewDisk &disk : region.disks) {
            QString cell = cellText(review, disk.desId);
            if (const QString confidential = confidentialText(review, region);
                disk.lun < 0 && !confidential.isEmpty())
                cell += QStringLiteral(" — ") + confidential;
            h += QStringLiteral("<td>%1</td>").arg(e(cell));
        }
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");

    if (!review.desById.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2>").arg(e(tr("Disk encryption sets")));
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><thead><tr>");
        for (const QString &header : {tr("Name"), tr("Resource group"), tr("Location"), tr("Encryption type"),
                                      tr("Key URL"), tr("Key vault")})
            h += QStringLiteral("<th>%1</th>").arg(e(header));
        h += QStringLiteral("</tr></thead>");
        for (const ReviewedDes &des : review.desById) {
            const ResourceId parsed = ResourceId::parse(des.id);
            if (des.state != ReviewedDes::State::Found) {
                h += QStringLiteral("<tr><td>%1</td><td>%2</td><td colspan=\"4\">%3</td></tr>")
                         .arg(e(parsed.name()), e(parsed.resourceGroup),
                              e(des.state == ReviewedDes::State::Missing
                                    ? tr("no longer exists")
                                    : tr("could not be read: %1").arg(des.error)));
                continue;
            }
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                     .arg(e(parsed.name()), e(parsed.resourceGroup), e(rvRegion(des.des.location)),
                          e(rvEncryptionTypeLabel(des.des.encryptionType)),
                          e(des.des.keyUrl.isEmpty() ? tr("no active key") : des.des.keyUrl),
                          e(des.keyVaultName()));
        }
        h += QStringLiteral("</table>");
    }
    h += keyHealthHtml(review);
    h += QStringLiteral("<p><small>%1</small></p>")
             .arg(e(tr("Reviewed at %1").arg(ServiceTerms::dateTime(review.reviewedAt))));
    h += QStringLiteral("</body></html>");
    return h;
}

} // namespace cmk
