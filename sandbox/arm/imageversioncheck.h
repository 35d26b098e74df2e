#pragma once

// The body of a gallery image version PUT, read as the service reads it: each named check below stands for
// one section of the request (name, location, source, data disks, publishing profile, target regions and
// their encryption) and they run in that order, so the first error ARM would report is the one answered.
// When every check passes, the body receives the defaults the service fills in.

#include "arm/armapi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace armsandbox {

class ArmStore;
class DesChecker;

class ImageVersionCheck {
public:
    /// `galleryId`: the gallery the version goes into (its sharing decides whether customer-managed keys
    /// are allowed).
    ImageVersionCheck(ArmStore &store, const QString &subscriptionId, const QString &galleryId = {});

    /// ARM's error for the first rule `body` breaks; nullopt when it passes, with the service's defaults
    /// then filled into `body`.
    std::optional<ApiResponse> validate(const QString &versionName, QJsonObject &body);

private:
    /// Where the version's disks come from: a managed image, VM or image version (source.id,
    /// source.virtualMachineId), or a snapshot / managed disk (osDiskImage.source.id).
    struct Source {
        QString id;
        QString target; ///< JSON path of the id in the request
        QString type;   ///< canonical resource type
        QJsonObject resource;
    };

    static std::optional<ApiResponse> checkName(const QString &versionName);
    std::optional<ApiResponse> checkSource(const QJsonObject &storage);
    std::optional<ApiResponse> checkSourceRegion(const QString &id, const QJsonObject &resource,
                                                 const QString &target) const;
    std::optional<ApiResponse> checkNotACopy() const;
    std::optional<ApiResponse> checkGalleryNotShared(const QString &target) const;
    std::optional<ApiResponse> checkDataDisks(const QJsonArray &requested);
    static std::optional<ApiResponse> checkPublishing(const QJsonObject &publishing);
    std::optional<ApiResponse> checkTargetRegion(const QJsonObject &region, int index);
    std::optional<ApiResponse> checkEncryption(const QJsonObject &encryption, const QString &target,
                                               const QString &regionName);
    std::optional<ApiResponse> checkEncryptedDataDisks(const QJsonArray &disks, const QString &target,
                                                       const QString &regionName, DesChecker &desChecker);

    QJsonObject withPublishingDefaults(QJsonObject publishing) const;
    QJsonObject withStorageDefaults(QJsonObject storage, const QJsonArray &requestedDataDisks) const;
    static QJsonObject withSafetyDefaults(QJsonObject safety);

    ArmStore &m_store;
    QString m_subscriptionId;
    QString m_galleryId;
    QString m_location;          ///< of the version, as the body gives it
    Source m_source;             ///< once checkSource passed
    QList<int> m_luns;           ///< data disk LUNs the version will have
    QSet<QString> m_seenRegions; ///< normalised target region names checked so far
};

} // namespace armsandbox
