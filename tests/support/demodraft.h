#pragma once

// The sandbox's demo data (armsandbox's demo-fixture.json) as tests and benchmarks address it: its two
// subscriptions, the build and key resource groups, and image-version drafts for
// galContosoProd/ubuntu-22-04-gen2 that the demo data accepts. Only models/: benchmarks include it too.

#include "draft/draftstore.h"
#include "imageversion/imageversiondraft.h"
#include "vm/vmdraft.h"

#include <QtGlobal>

namespace demodata {

inline const QString Sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");
inline const QString DevSub = QStringLiteral("b8e4c7d2-1f5a-4e9b-a6c3-2d7f8e1b0c59");

inline QString desId(const QString &name, const QString &sub = Sub,
                     const QString &rg = QStringLiteral("rg-keys-prod")) {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/diskEncryptionSets/%3")
        .arg(sub, rg, name);
}

/// A set where the demo data keeps them: rg-keys-prod in Sub, rg-dev in DevSub.
inline QString demoDesId(const QString &name, const QString &sub = Sub) {
    return desId(name, sub, sub == Sub ? QStringLiteral("rg-keys-prod") : QStringLiteral("rg-dev"));
}

/// The demo image definition galContosoProd/ubuntu-22-04-gen2 (rg-images-prod) and its version `version`.
/// A well-formed ssh-ed25519 public key line (its blob starts with the algorithm name), its key bytes `fill`.
inline QString sshPublicKey(char fill = 'k', const QString &comment = QStringLiteral("ops@contoso")) {
    QByteArray blob;
    const QByteArray algorithm("ssh-ed25519");
    blob.append(char(0)).append(char(0)).append(char(0)).append(char(algorithm.size())).append(algorithm);
    blob.append(char(0)).append(char(0)).append(char(0)).append(char(32)).append(QByteArray(32, fill));
    return QStringLiteral("ssh-ed25519 %1 %2").arg(QString::fromLatin1(blob.toBase64()), comment);
}

inline QString imageDefinitionId() {
    return QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                          "galleries/galContosoProd/images/ubuntu-22-04-gen2")
        .arg(Sub);
}
inline QString imageVersionId(const QString &version) {
    return imageDefinitionId() + QStringLiteral("/versions/") + version;
}

/// A source in the build group, e.g. "snapshots/snap-ubuntu-os" or "images/img-ubuntu2204-web".
inline QString buildId(const QString &typeAndName) {
    return QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/%2")
        .arg(Sub, typeAndName);
}

/// Version `version` of the demo image definition galContosoProd/ubuntu-22-04-gen2 (rg-images-prod, West
/// Europe first among the target regions), not encrypted, from the build group's
/// - Snapshots: snap-ubuntu-os, with snap-ubuntu-data0 and snap-ubuntu-data1 as the data disks at LUN 0 and
/// 1;
/// - ManagedImage: img-ubuntu2204-web, whose data disks are at LUN 0 and 1.
/// The demo's build subnet in West Europe (vnet-build-weu/default).
inline QString buildSubnetId() {
    return QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Network/"
                          "virtualNetworks/vnet-build-weu/subnets/default")
        .arg(Sub);
}

/// A VM named `name` in the demo's build group and subnet (West Europe, Standard_D2s_v5, user azureops) from
/// `imageVersionId`, replicated to `imageRegions`: what the VM tests share; each adds its sign-in and keys.
inline cmk::VmDraft buildVmDraft(const QString &name, const QString &imageVersionId,
                                 const QStringList &imageRegions) {
    cmk::VmDraft vm;
    vm.imageVersionId = imageVersionId;
    vm.imageRegions = imageRegions;
    vm.subscriptionId = Sub;
    vm.resourceGroup = QStringLiteral("rg-build");
    vm.name = name;
    vm.location = QStringLiteral("westeurope");
    vm.size = QStringLiteral("Standard_D2s_v5");
    vm.adminUsername = QStringLiteral("azureops");
    vm.subnetId = buildSubnetId();
    return vm;
}

inline cmk::ImageVersionDraft imageVersionDraft(const QString &version,
                                                cmk::SourceKind source = cmk::SourceKind::Snapshots) {
    cmk::ImageVersionDraft d;
    d.subscriptionId = Sub;
    d.resourceGroup = QStringLiteral("rg-images-prod");
    d.galleryName = QStringLiteral("galContosoProd");
    d.imageDefinitionName = QStringLiteral("ubuntu-22-04-gen2");
    d.versionName = version;
    d.location = QStringLiteral("westeurope");
    if (source == cmk::SourceKind::ManagedImage) {
        d.sourceKind = cmk::SourceKind::ManagedImage;
        d.sourceId = buildId(QStringLiteral("images/img-ubuntu2204-web"));
        d.sourceDataDiskLuns = {0, 1};
    } else { // the demo data has no other source for this image definition
        d.sourceKind = cmk::SourceKind::Snapshots;
        d.sourceId = buildId(QStringLiteral("snapshots/snap-ubuntu-os"));
        d.dataDiskSnapshots = {{0, buildId(QStringLiteral("snapshots/snap-ubuntu-data0"))},
                               {1, buildId(QStringLiteral("snapshots/snap-ubuntu-data1"))}};
    }
    d.placeLocationFirst();
    return d;
}

/// The same, encrypted with a customer-managed key: des-weu-cmk for every disk in West Europe.
inline cmk::ImageVersionDraft cmkImageVersionDraft(const QString &version,
                                                   cmk::SourceKind source = cmk::SourceKind::Snapshots) {
    cmk::ImageVersionDraft d = imageVersionDraft(version, source);
    d.encryption = cmk::EncryptionMode::CustomerKey;
    d.targetRegions[0].osDiskDesId = desId(QStringLiteral("des-weu-cmk"));
    d.normalizeEncryption();
    return d;
}

/// Version `version` of the demo's ConfidentialVM definition ubuntu-22-04-cvm, from the managed image, West
/// Europe only, EncryptedWithCmk with the secure-VM set des-weu-cvm; platform-managed keys for the disks.
inline cmk::ImageVersionDraft confidentialDraft(const QString &version) {
    cmk::ImageVersionDraft d = imageVersionDraft(version, cmk::SourceKind::ManagedImage);
    d.imageDefinitionName = QStringLiteral("ubuntu-22-04-cvm");
    d.imageSecurityType = QStringLiteral("ConfidentialVM");
    d.targetRegions[0].confidentialVmEncryptionType = QStringLiteral("EncryptedWithCmk");
    d.targetRegions[0].secureVmDesId = desId(QStringLiteral("des-weu-cvm"));
    return d;
}

/// `d` with one more target region, `region`, whose disks use the set `regionDesId`.
inline cmk::ImageVersionDraft withTargetRegion(cmk::ImageVersionDraft d, const QString &region,
                                               const QString &regionDesId) {
    cmk::RegionDraft extra;
    extra.name = region;
    extra.osDiskDesId = regionDesId;
    d.targetRegions.append(extra);
    d.normalizeEncryption();
    return d;
}

/// Saves `draft` as `path` for `cmkwizard create --draft` and returns the path (a failure is warned about:
/// the command then reports the missing file).
inline QString writeDraftFile(const QString &path, const cmk::ImageVersionDraft &draft) {
    QString why;
    if (!cmk::DraftStore::save(path, draft, &why))
        qWarning("%s", qPrintable(why));
    return path;
}

} // namespace demodata
