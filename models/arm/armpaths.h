#pragma once

// Typed ARM paths. Every user-supplied name goes through ArmPathBuilder::name(), so it is validated and
// percent-encoded; check ok()/error() on the result before sending. api-version is added by ArmClient.

#include "arm/armerror.h"

#include <QString>

// ArmClient comes along: most callers build a path to send it.
#include "arm/armclient.h"

namespace cmk {

/// Which family of api-versions a request path belongs to, by its resource provider and type.
ApiFamily apiFamilyForPath(const QString &path);
/// The api-version this client sends for `family` (ApiVersions below).
QString defaultApiVersion(ApiFamily family);
/// The default api-version for a request path (galleries 2025-12-03, diskEncryptionSets 2026-03-02,
/// features 2025-03-01, ...); ArmClient sends ArmClientConfig::apiVersionFor() instead, which can override it.
QString apiVersionForPath(const QString &path);

/// Builds ARM paths from fixed keywords and user-supplied names. Names are validated (no '/', '?', '#',
/// no "." or "..", no control characters, length) and percent-encoded, so user input can never change
/// which URL is requested.
class ArmPathBuilder {
public:
    ArmPathBuilder &literal(const QString &segment); ///< trusted keyword, e.g. "resourceGroups"
    ArmPathBuilder &name(const QString &userValue);  ///< untrusted name, validated and encoded
    /// Appends an already-validated ARM resource id (e.g. from a server response) after checking its shape.
    static ArmPathBuilder fromResourceId(const QString &resourceId);
    QString path() const { return m_path; }
    const ArmError &error() const { return m_error; }
    bool ok() const { return !m_error.isError(); }

private:
    QString m_path;
    ArmError m_error;
};

/// api-versions used for each family of paths (see apiVersionForPath()): the newest stable ones whose specs
/// are in the reference (azure-rest-api-specs), so the service answers in the shape those specs describe.
/// The app reads nothing that differs from the previous ones (GalleryRP 2025-03-03, DiskRP 2025-01-02,
/// Features 2021-07-01), and tst_apiversions still runs against those.
namespace ApiVersions {
inline constexpr char Galleries[] = "2025-12-03";     ///< GalleryRP
inline constexpr char Disks[] = "2026-03-02";         ///< DiskRP: diskEncryptionSets, disks, snapshots
inline constexpr char ComputeRP[] = "2024-11-01";     ///< ComputeRP: virtualMachines, images, locations
inline constexpr char Features[] = "2025-03-01";      ///< Microsoft.Features
inline constexpr char Resources[] = "2025-04-01";     ///< Microsoft.Resources: providers, resourceGroups
inline constexpr char Subscriptions[] = "2022-12-01"; ///< subscriptions, tenants, locations
inline constexpr char Network[] = "2024-05-01";       ///< Microsoft.Network: virtualNetworks, networkInterfaces
} // namespace ApiVersions

/// Longest name ArmPathBuilder::name() accepts.
inline constexpr int MaxArmNameLength = 260;

/// Why `value` cannot be a name in an ARM path, empty when it can.
QString armNameProblem(const QString &value);

ArmPathBuilder subscriptionsPath();
ArmPathBuilder tenantsPath();
ArmPathBuilder subscriptionPath(const QString &subscriptionId);
ArmPathBuilder locationsPath(const QString &subscriptionId);
ArmPathBuilder resourceGroupsPath(const QString &subscriptionId);
ArmPathBuilder resourceGroupPath(const QString &subscriptionId, const QString &resourceGroup);

/// /subscriptions/{sub}/providers/{ns}; append literal("register") for the registration POST.
ArmPathBuilder providerPath(const QString &subscriptionId, const QString &providerNamespace);
ArmPathBuilder providerRegisterPath(const QString &subscriptionId, const QString &providerNamespace);
/// /subscriptions/{sub}/providers/Microsoft.Features/providers/{ns}/features/{feature}
ArmPathBuilder featurePath(const QString &subscriptionId, const QString &providerNamespace,
                           const QString &feature);
ArmPathBuilder featureRegisterPath(const QString &subscriptionId, const QString &providerNamespace,
                                   const QString &feature);

/// Microsoft.Compute/{type} under a subscription, e.g. computeCollectionPath(sub, "snapshots").
ArmPathBuilder computeCollectionPath(const QString &subscriptionId, const QString &resourceType);
/// Microsoft.Compute/{type} under a resource group.
ArmPathBuilder computeCollectionPath(const QString &subscriptionId, const QString &resourceGroup,
                                     const QString &resourceType);

ArmPathBuilder galleriesPath(const QString &subscriptionId);
ArmPathBuilder galleriesPath(const QString &subscriptionId, const QString &resourceGroup);
ArmPathBuilder galleryPath(const QString &subscriptionId, const QString &resourceGroup,
                           const QString &gallery);
ArmPathBuilder galleryImagesPath(const QString &subscriptionId, const QString &resourceGroup,
                                 const QString &gallery);
ArmPathBuilder galleryImagePath(const QString &subscriptionId, const QString &resourceGroup,
                                const QString &gallery, const QString &image);
ArmPathBuilder galleryImageVersionsPath(const QString &subscriptionId, const QString &resourceGroup,
                                        const QString &gallery, const QString &image);
ArmPathBuilder galleryImageVersionPath(const QString &subscriptionId, const QString &resourceGroup,
                                       const QString &gallery, const QString &image, const QString &version);

ArmPathBuilder diskEncryptionSetsPath(const QString &subscriptionId);
ArmPathBuilder diskEncryptionSetsPath(const QString &subscriptionId, const QString &resourceGroup);
ArmPathBuilder diskEncryptionSetPath(const QString &subscriptionId, const QString &resourceGroup,
                                     const QString &name);
ArmPathBuilder imagesPath(const QString &subscriptionId);
ArmPathBuilder snapshotsPath(const QString &subscriptionId);
ArmPathBuilder virtualMachinesPath(const QString &subscriptionId);

} // namespace cmk
