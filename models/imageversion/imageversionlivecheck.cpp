#include "imageversion/imageversionlivecheck.h"

#include "arm/resources.h"
#include "imageversion/confidentialvm.h"
#include "imageversion/imageversionsubmitter.h"
#include "imageversion/imageversionvalidation.h"

#include <algorithm>
#include <memory>
#include <utility>

namespace cmk {

namespace {

class DraftLiveText {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionLiveCheck)
};

QString liveCheckListPath(const QString &subscriptionId, const QString &tail) {
    ArmPathBuilder builder;
    builder.literal(QStringLiteral("subscriptions")).name(subscriptionId);
    for (const QString &segment : tail.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        builder.literal(segment);
    return builder.ok() ? builder.path() : QString();
}

} // namespace

ImageVersionLiveCheck::ImageVersionLiveCheck(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

ImageVersionLiveCheck::~ImageVersionLiveCheck() {
    abort();
}

void ImageVersionLiveCheck::abort() {
    for (const QPointer<QObject> &object : std::as_const(m_inFlight)) {
        if (auto *reply = qobject_cast<ArmReply *>(object.data())) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        } else if (auto *pager = qobject_cast<ArmPager *>(object.data())) {
            disconnect(pager, nullptr, this, nullptr);
            pager->abort();
            pager->deleteLater();
        }
    }
    m_inFlight.clear();
}

bool ImageVersionLiveCheck::recordFailure(const ArmError &error, const QString &notFoundReason) {
    if (!error)
        return false;
    if (error.httpStatus == 404 && !notFoundReason.isEmpty()) {
        m_reasons << notFoundReason;
    } else if (!m_error) {
        m_error = error;
    }
    return true;
}

void ImageVersionLiveCheck::get(const QString &path, std::function<void(const ArmReply &)> onDone) {
    ++m_pending;
    ArmReply *reply = m_client->get(path);
    m_inFlight << reply;
    connect(reply, &ArmReply::finished, this, [this, reply, onDone = std::move(onDone)] {
        reply->deleteLater();
        onDone(*reply);
        done();
    });
}

void ImageVersionLiveCheck::list(const QString &path, std::function<void(const nlohmann::json &all)> onDone) {
    ++m_pending;
    ArmPager *pager = m_client->list(path);
    m_inFlight << pager;
    auto items = std::make_shared<nlohmann::json>(nlohmann::json::array());
    connect(pager, &ArmPager::pageReceived, this, [items](const nlohmann::json &page) {
        if (page.is_array())
            items->insert(items->end(), page.begin(), page.end());
    });
    connect(pager, &ArmPager::finished, this, [this, pager, items, onDone = std::move(onDone)] {
        pager->deleteLater();
        if (!recordFailure(pager->error(), QString()))
            onDone(*items);
        done();
    });
}

void ImageVersionLiveCheck::start(const ImageVersionDraft &draft, const QDate &today) {
    abort();
    m_draft = draft;
    m_today = today;
    m_reasons.clear();
    m_error = {};
    m_pending = 0;
    m_started = true;
    m_versionsLoaded = m_locationsLoaded = m_desLoaded = m_sourceLunsKnown = false;
    m_missingDesCommands.clear();

    // What needs no server first: a draft that cannot even form a request is not worth the reads.
    m_reasons = ImageVersionValidation::offlineErrors(draft, today);
    ArmError pathError;
    const QString definition = imageDefinitionPath(draft, &pathError);
    if (!m_reasons.isEmpty() || pathError || !m_client) {
        if (pathError)
            m_reasons << pathError.message;
        ++m_pending;
        QMetaObject::invokeMethod(this, &ImageVersionLiveCheck::done, Qt::QueuedConnection);
        return;
    }

    ++m_pending; // held until every request is started
    get(definition, [this](const ArmReply &reply) {
        if (recordFailure(reply.error(),
                          DraftLiveText::tr("The image definition %1 does not exist in gallery %2 of "
                                            "resource group %3.")
                              .arg(m_draft.imageDefinitionName, m_draft.galleryName, m_draft.resourceGroup)))
            return;
        // The definition's security type decides the Confidential VM rules, whatever the draft remembered.
        GalleryImage image;
        if (!parseResource(reply.json(), image))
            m_draft.imageSecurityType = image.securityType();
    });
    if (!m_draft.isUpdate()) // an update's version exists (ImageVersionUpdateRules compare with it)
        list(definition + QStringLiteral("/versions"), [this](const nlohmann::json &all) {
            for (const nlohmann::json &item : all) {
                if (item.is_object() && item.contains("name") && item["name"].is_string())
                    m_existingVersions << QString::fromStdString(item["name"].get<std::string>());
            }
            m_versionsLoaded = true;
        });
    list(liveCheckListPath(m_draft.subscriptionId, QStringLiteral("locations")),
         [this](const nlohmann::json &all) {
             for (const nlohmann::json &item : all) {
                 if (item.is_object() && item.contains("name") && item["name"].is_string())
                     m_locations << QString::fromStdString(item["name"].get<std::string>());
             }
             m_locationsLoaded = true;
         });
    if (m_draft.usesCustomerManagedKeys())
        checkGallerySharing();
    if (usesCustomerKey(m_draft.encryption) || m_draft.hasConfidentialVmEncryption()) {
        list(liveCheckListPath(m_draft.subscriptionId,
                               QStringLiteral("providers/Microsoft.Compute/diskEncryptionSets")),
             [this](const nlohmann::json &all) {
                 m_desList = all;
                 m_desLoaded = true;
             });
    }
    // An update keeps the version's source, which may have been deleted since (snapshots often are).
    if (!m_draft.isUpdate())
        checkSource(m_draft.sourceId, DraftLiveText::tr("source"), false);
    if (m_draft.sourceKind == SourceKind::Snapshots && !m_draft.isUpdate()) {
        for (const DataDiskSnapshot &disk : m_draft.dataDiskSnapshots)
            checkSource(disk.snapshotId, DraftLiveText::tr("data disk snapshot (LUN %1)").arg(disk.lun),
                        true);
    }
    done();
}

void ImageVersionLiveCheck::checkGallerySharing() {
    const ArmPathBuilder path =
        galleryPath(m_draft.subscriptionId, m_draft.resourceGroup, m_draft.galleryName);
    if (!path.ok())
        return; // the image definition's path already said why
    get(path.path(), [this](const ArmReply &reply) {
        // A missing gallery is already said by the image definition's read.
        if (reply.httpStatus() == 404 || recordFailure(reply.error(), {}))
            return;
        Gallery gallery;
        if (parseResource(reply.json(), gallery).isError())
            return;
        const QString shared = ImageVersionValidation::sharedGalleryError(m_draft, gallery);
        if (!shared.isEmpty())
            m_reasons << shared;
    });
}

void ImageVersionLiveCheck::checkSource(const QString &id, const QString &what, bool isDataSnapshot) {
    const ResourceId rid = ResourceId::parse(id);
    ArmPathBuilder path = ArmPathBuilder::fromResourceId(id);
    if (!rid.valid || !path.ok()) {
        m_reasons << DraftLiveText::tr("The %1 “%2” is not a resource ID.").arg(what, id);
        return;
    }
    if (rid.subscriptionId.compare(m_draft.subscriptionId, Qt::CaseInsensitive) != 0) {
        m_reasons << DraftLiveText::tr("The %1 %2 is in subscription %3, not in the image's subscription %4.")
                         .arg(what, rid.name(), rid.subscriptionId, m_draft.subscriptionId);
    }
    get(path.path(), [this, what, rid, isDataSnapshot](const ArmReply &reply) {
        if (recordFailure(reply.error(),
                          DraftLiveText::tr("The %1 %2 does not exist.").arg(what, rid.name())))
            return;
        const nlohmann::json &body = reply.json();
        QString location;
        if (body.is_object() && body.contains("location") && body["location"].is_string())
            location = QString::fromStdString(body["location"].get<std::string>());
        if (!sameRegion(location, m_draft.location)) {
            m_reasons << DraftLiveText::tr(
                             "The %1 %2 is in %3; it must be in the image version's location, %4.")
                             .arg(what, rid.name(), location, m_draft.location);
        }
        if (isDataSnapshot || m_draft.sourceKind == SourceKind::Snapshots)
            return;
        std::vector<int> luns;
        switch (m_draft.sourceKind) {
        case SourceKind::ManagedImage: {
            ManagedImage image;
            if (!parseResource(body, image))
                luns = image.dataDiskLuns;
            break;
        }
        case SourceKind::VirtualMachine: {
            VirtualMachine vm;
            if (!parseResource(body, vm))
                luns = vm.dataDiskLuns;
            break;
        }
        case SourceKind::ImageVersion: {
            GalleryImageVersion version;
            if (!parseResource(body, version)) {
                for (const GalleryDiskImage &disk : version.storageProfile.dataDiskImages) {
                    if (disk.lun)
                        luns.push_back(*disk.lun);
                }
                const QString copy = ImageVersionValidation::customerKeySourceError(version);
                if (!copy.isEmpty())
                    m_reasons << copy;
            }
            break;
        }
        case SourceKind::Snapshots:
            break;
        }
        std::sort(luns.begin(), luns.end());
        m_liveSourceLuns = QList<int>(luns.begin(), luns.end());
        m_sourceLunsKnown = true;
    });
}

void ImageVersionLiveCheck::done() {
    if (--m_pending > 0)
        return;
    m_inFlight.clear();
    evaluate();
    Q_EMIT finished();
}

void ImageVersionLiveCheck::evaluate() {
    if (m_error || !m_reasons.isEmpty())
        return;
    const ImageVersionDraft &d = m_draft;
    if (m_versionsLoaded) {
        const QString taken = ImageVersionValidation::existingVersionError(d.versionName, m_existingVersions);
        if (!taken.isEmpty())
            m_reasons << taken;
    }
    if (m_locationsLoaded) {
        for (const RegionDraft &region : d.targetRegions) {
            const bool known = std::any_of(m_locations.begin(), m_locations.end(), [&](const QString &name) {
                return sameRegion(name, region.name);
            });
            if (!known)
                m_reasons << DraftLiveText::tr("The region %1 is not available in subscription %2.")
                                 .arg(region.name, d.subscriptionId);
        }
    }
    if (m_sourceLunsKnown) {
        QList<int> drafted = d.sourceDataDiskLuns;
        std::sort(drafted.begin(), drafted.end());
        if (drafted != m_liveSourceLuns) {
            QStringList live;
            for (int lun : m_liveSourceLuns)
                live << QString::number(lun);
            m_reasons << DraftLiveText::tr(
                             "The source's data disks are at LUN %1, but the draft lists other LUNs; update "
                             "“dataDiskLuns” in the draft.")
                             .arg(live.isEmpty() ? DraftLiveText::tr("(none)")
                                                 : live.join(QStringLiteral(", ")));
        }
    }
    if (m_desLoaded) {
        std::vector<DiskEncryptionSet> sets;
        if (ArmError e = parseResources(m_desList, sets)) {
            m_error = e;
            return;
        }
        m_reasons += ImageVersionValidation::encryptionErrors(d, sets);
        // The reasons promise the commands that create the missing sets.
        QStringList blocks;
        if (usesCustomerKey(d.encryption) && d.sourceKind != SourceKind::VirtualMachine)
            for (const QString &region : ImageVersionValidation::regionsWithoutSuitableDes(d, sets))
                blocks << ImageVersionValidation::createDesCommands(d.subscriptionId, d.resourceGroup, region,
                                                                    d.encryption);
        m_missingDesCommands = blocks.join(QStringLiteral("\n\n"));
    } else {
        m_reasons += ConfidentialVmValidation::errors(d, nullptr, true);
    }
}

} // namespace cmk
