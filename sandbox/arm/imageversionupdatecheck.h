#pragma once

// What the service refuses when an image version that exists is written again (PATCH, or a PUT over it),
// on top of everything a PUT is checked for (ImageVersionCheck): the location stays, the home region stays a
// target, replicated regions go only when the request sets safetyProfile.allowDeletionOfReplicatedLocations,
// an encrypted disk never goes back to platform-managed keys, a new region of a version with customer-managed
// keys gets a set for every disk of the version's encryption type, and an existing region keeps its storage
// account type.

#include "arm/armapi.h"

#include <QJsonObject>
#include <optional>

namespace armsandbox {

class ArmStore;

class ImageVersionUpdateCheck {
public:
    /// `existing`: the version as stored; `requested`: the body that replaces it (a PUT's, or a PATCH merged
    /// into the stored one), before the service's defaults are filled in; `requestSafety`: the safetyProfile
    /// the request itself gave.
    ImageVersionUpdateCheck(const ArmStore &store, const QJsonObject &existing, const QJsonObject &requested,
                            const QJsonObject &requestSafety);

    /// ARM's error for the first rule the update breaks; nullopt when it passes.
    std::optional<ApiResponse> validate() const;

private:
    std::optional<ApiResponse> checkRegionsKept() const;
    std::optional<ApiResponse> checkRegionKeepsEncryption(const QJsonObject &before, const QJsonObject &after,
                                                          const QString &target) const;
    std::optional<ApiResponse> checkNewRegionEncryption(const QJsonObject &region,
                                                        const QString &target) const;
    std::optional<ApiResponse> checkStorageAccountType(const QJsonObject &before, const QJsonObject &after,
                                                       const QString &target) const;
    /// The encryptionType of the disk encryption sets the existing version uses (empty: platform keys).
    QString existingEncryptionType() const;

    const ArmStore &m_store;
    QJsonObject m_existing;
    QJsonObject m_requested;
    QJsonObject m_requestSafety;
    QList<int> m_dataLuns; ///< the version's data disks
};

/// `body` (a PATCH) merged into the stored version `existing`: tags replaced when given, publishingProfile
/// and safetyProfile merged key by key (targetRegions replaced as a whole), the storage profile kept.
QJsonObject mergeImageVersionPatch(const QJsonObject &existing, const QJsonObject &body);

} // namespace armsandbox
