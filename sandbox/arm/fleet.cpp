#include "arm/fleet.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace armsandbox {

namespace {

using Kind = FleetVersionKind;

// The cycle every 20 consecutive versions go through (docs/sandbox.md): a fifth platform-managed, a quarter
// customer-managed, the rest one of each other set-up and planted problem.
constexpr Kind kCycle[20] = {
    Kind::Platform,
    Kind::CustomerKey,
    Kind::Double,
    Kind::Platform,
    Kind::CustomerKey,
    Kind::Confidential,
    Kind::Mixed,
    Kind::Platform,
    Kind::CustomerKey,
    Kind::RegionWithoutKey,
    Kind::DataDiskWithoutKey,
    Kind::Platform,
    Kind::CustomerKey,
    Kind::KeyDisabled,
    Kind::IdentityWithoutWrap,
    Kind::SourceMissing,
    Kind::CustomerKey,
    Kind::ReplicationFailed,
    Kind::EndOfLifePassed,
    Kind::Double,
};

// The two regions of every version (West Europe first) and their short names in resource names.
const char *const kRegions[2] = {"westeurope", "northeurope"};
const char *const kRegionNames[2] = {"West Europe", "North Europe"};
const char *const kShort[2] = {"weu", "neu"};

const QString kCustomerKey = QStringLiteral("EncryptionAtRestWithCustomerKey");
const QString kDouble = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");
const QString kConfidential = QStringLiteral("ConfidentialVmEncryptedWithCustomerKey");

QString tr(const char *text) {
    return QCoreApplication::translate("armsandbox", text);
}

/// The fleet's sets in one subscription, by role.
struct FleetSets {
    QString customer[2], twice[2];             ///< per region
    QString confidential, keyDisabled, noWrap; ///< West Europe
};

/// Fixed-width deterministic hex, for key versions.
QString hexOf(quint64 value) {
    return QStringLiteral("%1").arg(value * 0x9E3779B97F4A7C15ull, 16, 16, QLatin1Char('0'));
}

QString principalOf(int subscription, int set) {
    return QStringLiteral("d5e50000-%1-4000-8000-%2")
        .arg(subscription, 4, 10, QLatin1Char('0'))
        .arg(set, 12, 10, QLatin1Char('0'));
}

QJsonObject resourceGroup(const QString &subscriptionId, const QString &name) {
    return QJsonObject{{QStringLiteral("id"),
                        QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(subscriptionId, name)},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("type"), QStringLiteral("Microsoft.Resources/resourceGroups")},
                       {QStringLiteral("location"), QStringLiteral("westeurope")},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

QJsonObject keyPermissions(const QString &tenantId, const QString &principal, bool wrap) {
    QJsonArray keys{QStringLiteral("get"), QStringLiteral("unwrapKey")};
    if (wrap)
        keys.append(QStringLiteral("wrapKey"));
    return QJsonObject{{QStringLiteral("tenantId"), tenantId},
                       {QStringLiteral("objectId"), principal},
                       {QStringLiteral("permissions"), QJsonObject{{QStringLiteral("keys"), keys}}}};
}

QJsonObject vault(const QString &id, const QString &name, const QString &region, const QString &tenantId,
                  const QJsonArray &policies) {
    const QString vaultUri = QStringLiteral("https://%1.vault.azure.net/").arg(name);
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("type"), QStringLiteral("Microsoft.KeyVault/vaults")},
                       {QStringLiteral("location"), region},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("tenantId"), tenantId},
                                    {QStringLiteral("sku"),
                                     QJsonObject{{QStringLiteral("family"), QStringLiteral("A")},
                                                 {QStringLiteral("name"), QStringLiteral("standard")}}},
                                    {QStringLiteral("accessPolicies"), policies},
                                    {QStringLiteral("vaultUri"), vaultUri},
                                    {QStringLiteral("enableSoftDelete"), true},
                                    {QStringLiteral("softDeleteRetentionInDays"), 90},
                                    {QStringLiteral("enableRbacAuthorization"), false},
                                    {QStringLiteral("enablePurgeProtection"), true},
                                    {QStringLiteral("publicNetworkAccess"), QStringLiteral("Enabled")},
                                    {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

/// A key whose current version is `version`; the URL a set names.
QJsonObject key(const QString &vaultId, const QString &vaultName, const QString &region, const QString &name,
                const QString &version, bool enabled) {
    const QString uri = QStringLiteral("https://%1.vault.azure.net:443/keys/%2").arg(vaultName, name);
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("%1/keys/%2").arg(vaultId, name)},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), QStringLiteral("Microsoft.KeyVault/vaults/keys")},
        {QStringLiteral("location"), region},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("attributes"),
              QJsonObject{{QStringLiteral("enabled"), enabled},
                          {QStringLiteral("created"), 1767225600},
                          {QStringLiteral("updated"), 1767225600},
                          {QStringLiteral("recoveryLevel"), QStringLiteral("Recoverable")}}},
             {QStringLiteral("kty"), QStringLiteral("RSA")},
             {QStringLiteral("keyOps"), QJsonArray{QStringLiteral("wrapKey"), QStringLiteral("unwrapKey")}},
             {QStringLiteral("keySize"), 3072},
             {QStringLiteral("keyUri"), uri},
             {QStringLiteral("keyUriWithVersion"), uri + QLatin1Char('/') + version}}}};
}

QJsonObject diskEncryptionSet(const QString &id, const QString &region, const QString &type,
                              const QString &principal, const QString &tenantId, const QString &vaultId,
                              const QString &keyUrl) {
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), id.section(QLatin1Char('/'), -1)},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/diskEncryptionSets")},
        {QStringLiteral("location"), region},
        {QStringLiteral("identity"), QJsonObject{{QStringLiteral("type"), QStringLiteral("SystemAssigned")},
                                                 {QStringLiteral("principalId"), principal},
                                                 {QStringLiteral("tenantId"), tenantId}}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("activeKey"), QJsonObject{{QStringLiteral("sourceVault"),
                                                                QJsonObject{{QStringLiteral("id"), vaultId}}},
                                                               {QStringLiteral("keyUrl"), keyUrl}}},
                     {QStringLiteral("encryptionType"), type},
                     {QStringLiteral("previousKeys"), QJsonArray()},
                     {QStringLiteral("rotationToLatestKeyVersionEnabled"), false},
                     {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

/// One set, its place in its vault's access policies (`wrap`: with wrapKey) and its id.
struct SetPlan {
    QString name;
    int region;
    QString type;
    QString keyName;
    bool wrap = true;
};

/// The vaults (one per region), keys and sets of subscription `index`.
FleetSets addKeysAndSets(ArmStore &store, int index, const QString &subscriptionId, const QString &tenantId) {
    const QString group =
        QStringLiteral("/subscriptions/%1/resourceGroups/rg-fleet-keys").arg(subscriptionId);
    store.put(resourceGroup(subscriptionId, QStringLiteral("rg-fleet-keys")));
    const QList<SetPlan> plans = {
        {QStringLiteral("des-cmk-weu"), 0, kCustomerKey, QStringLiteral("disks")},
        {QStringLiteral("des-cmk-neu"), 1, kCustomerKey, QStringLiteral("disks")},
        {QStringLiteral("des-double-weu"), 0, kDouble, QStringLiteral("disks")},
        {QStringLiteral("des-double-neu"), 1, kDouble, QStringLiteral("disks")},
        {QStringLiteral("des-cvm-weu"), 0, kConfidential, QStringLiteral("disks")},
        {QStringLiteral("des-keyoff-weu"), 0, kCustomerKey, QStringLiteral("disks-disabled")},
        {QStringLiteral("des-nowrap-weu"), 0, kCustomerKey, QStringLiteral("disks"), false},
    };
    QJsonArray policies[2];
    QStringList ids;
    for (int i = 0; i < plans.size(); ++i) {
        const SetPlan &plan = plans.at(i);
        const QString vaultName = QStringLiteral("kvfleet%1%2")
                                      .arg(index, 3, 10, QLatin1Char('0'))
                                      .arg(QLatin1String(kShort[plan.region]));
        const QString vaultId =
            QStringLiteral("%1/providers/Microsoft.KeyVault/vaults/%2").arg(group, vaultName);
        const bool enabled = plan.keyName == QLatin1String("disks");
        const QString version = hexOf(quint64(index) * 4 + quint64(plan.region) * 2 + (enabled ? 0 : 1)) +
                                hexOf(quint64(index) + 17);
        const QString id =
            QStringLiteral("%1/providers/Microsoft.Compute/diskEncryptionSets/%2").arg(group, plan.name);
        policies[plan.region].append(keyPermissions(tenantId, principalOf(index, i), plan.wrap));
        store.put(diskEncryptionSet(
            id, QLatin1String(kRegions[plan.region]), plan.type, principalOf(index, i), tenantId, vaultId,
            QStringLiteral("https://%1.vault.azure.net/keys/%2/%3").arg(vaultName, plan.keyName, version)));
        store.put(
            key(vaultId, vaultName, QLatin1String(kRegions[plan.region]), plan.keyName, version, enabled));
        ids << id;
    }
    for (int region = 0; region < 2; ++region) {
        const QString vaultName = QStringLiteral("kvfleet%1%2")
                                      .arg(index, 3, 10, QLatin1Char('0'))
                                      .arg(QLatin1String(kShort[region]));
        store.put(vault(QStringLiteral("%1/providers/Microsoft.KeyVault/vaults/%2").arg(group, vaultName),
                        vaultName, QLatin1String(kRegions[region]), tenantId, policies[region]));
    }
    FleetSets sets;
    sets.customer[0] = ids.at(0);
    sets.customer[1] = ids.at(1);
    sets.twice[0] = ids.at(2);
    sets.twice[1] = ids.at(3);
    sets.confidential = ids.at(4);
    sets.keyDisabled = ids.at(5);
    sets.noWrap = ids.at(6);
    return sets;
}

} // namespace

std::optional<FleetSpec> parseFleetSpec(const QString &text, QString *error) {
    const QStringList parts = text.split(QLatin1Char(':'));
    QList<qint64> numbers;
    bool ok = parts.size() == 4 || parts.size() == 5;
    for (int i = 0; ok && i < parts.size(); ++i) {
        const qint64 value = parts.at(i).toLongLong(&ok);
        ok = ok && value >= (i == 4 ? 0 : 1) && value <= (i == 4 ? 0xFFFFFFFFll : 100000);
        numbers << value;
    }
    if (ok && numbers.at(0) * numbers.at(1) * numbers.at(2) * numbers.at(3) > 1000000)
        ok = false;
    if (!ok) {
        if (error)
            *error = tr("--generate-fleet must be SUBS:GALLERIES:IMAGES:VERSIONS[:SEED] (each at least 1, at "
                        "most 1,000,000 versions in all), not “%1”.")
                         .arg(text);
        return std::nullopt;
    }
    FleetSpec spec;
    spec.subscriptions = int(numbers.at(0));
    spec.galleries = int(numbers.at(1));
    spec.images = int(numbers.at(2));
    spec.versions = int(numbers.at(3));
    spec.seed = numbers.size() > 4 ? quint32(numbers.at(4)) : 1;
    return spec;
}

QString fleetSubscriptionId(int index) {
    return QStringLiteral("f1ee%1-0000-4000-8000-%2")
        .arg(index, 4, 10, QLatin1Char('0'))
        .arg(index, 12, 10, QLatin1Char('0'));
}

FleetVersionKind fleetVersionKind(const FleetSpec &spec, qint64 ordinal) {
    // 7 is prime to 20: any 20 consecutive versions go through the whole cycle, in an order the seed shifts.
    return kCycle[(ordinal * 7 + spec.seed) % 20];
}

namespace {

QJsonObject encryption(const QString &osSet, const QString &dataSet) {
    QJsonObject out;
    if (!osSet.isEmpty())
        out.insert(QStringLiteral("osDiskImage"),
                   QJsonObject{{QStringLiteral("diskEncryptionSetId"), osSet}});
    if (!dataSet.isEmpty())
        out.insert(QStringLiteral("dataDiskImages"),
                   QJsonArray{QJsonObject{{QStringLiteral("lun"), 0},
                                          {QStringLiteral("diskEncryptionSetId"), dataSet}}});
    return out;
}

/// The OS and data-disk sets of `kind` in region 0 (West Europe) or 1 (North Europe); empty: platform key.
QPair<QString, QString> setsFor(Kind kind, int region, const FleetSets &sets) {
    const QString customer = sets.customer[region];
    switch (kind) {
    case Kind::Platform:
    case Kind::SourceMissing:
    case Kind::Confidential:
        return {};
    case Kind::Double:
        return {sets.twice[region], sets.twice[region]};
    case Kind::Mixed:
        return region == 0 ? qMakePair(customer, customer) : qMakePair(sets.twice[1], sets.twice[1]);
    case Kind::RegionWithoutKey:
        return region == 0 ? qMakePair(customer, customer) : QPair<QString, QString>();
    case Kind::DataDiskWithoutKey:
        return region == 0 ? qMakePair(customer, QString()) : qMakePair(customer, customer);
    case Kind::KeyDisabled:
        return region == 0 ? qMakePair(sets.keyDisabled, sets.keyDisabled) : qMakePair(customer, customer);
    case Kind::IdentityWithoutWrap:
        return region == 0 ? qMakePair(sets.noWrap, sets.noWrap) : qMakePair(customer, customer);
    case Kind::CustomerKey:
    case Kind::ReplicationFailed:
    case Kind::EndOfLifePassed:
        return {customer, customer};
    }
    return {};
}

QJsonArray targetRegions(Kind kind, const FleetSets &sets) {
    QJsonArray regions;
    for (int region = 0; region < (kind == Kind::Confidential ? 1 : 2); ++region) {
        QJsonObject target{{QStringLiteral("name"), QLatin1String(kRegionNames[region])},
                           {QStringLiteral("regionalReplicaCount"), 1},
                           {QStringLiteral("storageAccountType"), QStringLiteral("Standard_LRS")}};
        const QPair<QString, QString> chosen = setsFor(kind, region, sets);
        QJsonObject encrypted = encryption(chosen.first, chosen.second);
        if (kind == Kind::Confidential)
            encrypted.insert(QStringLiteral("osDiskImage"),
                             QJsonObject{{QStringLiteral("securityProfile"),
                                          QJsonObject{{QStringLiteral("confidentialVMEncryptionType"),
                                                       QStringLiteral("EncryptedWithCmk")},
                                                      {QStringLiteral("secureVMDiskEncryptionSetId"),
                                                       sets.confidential}}}});
        if (!encrypted.isEmpty())
            target.insert(QStringLiteral("encryption"), encrypted);
        regions.append(target);
    }
    return regions;
}

/// The managed image versions are built from: `img-build`, which exists, or `img-build-old`, deleted.
QString buildImageId(const QString &subscriptionId, bool deleted) {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/rg-fleet-build/providers/Microsoft.Compute/images/%2")
        .arg(subscriptionId, deleted ? QStringLiteral("img-build-old") : QStringLiteral("img-build"));
}

QJsonObject buildImage(const QString &subscriptionId) {
    const QString id = buildImageId(subscriptionId, false);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), id.section(QLatin1Char('/'), -1)},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/images")},
        {QStringLiteral("location"), QStringLiteral("westeurope")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("storageProfile"),
                      QJsonObject{{QStringLiteral("osDisk"),
                                   QJsonObject{{QStringLiteral("osType"), QStringLiteral("Linux")},
                                               {QStringLiteral("osState"), QStringLiteral("Generalized")},
                                               {QStringLiteral("diskSizeGB"), 30}}}}},
                     {QStringLiteral("hyperVGeneration"), QStringLiteral("V2")},
                     {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

QJsonObject replicationStatus(Kind kind) {
    const bool failed = kind == Kind::ReplicationFailed;
    QJsonArray summary;
    for (int region = 0; region < (kind == Kind::Confidential ? 1 : 2); ++region) {
        const bool thisFailed = failed && region == 1;
        summary.append(QJsonObject{
            {QStringLiteral("region"), QLatin1String(kRegionNames[region])},
            {QStringLiteral("state"), thisFailed ? QStringLiteral("Failed") : QStringLiteral("Completed")},
            {QStringLiteral("details"),
             thisFailed ? QStringLiteral("Operation 'Replicate' failed: KeyVaultAccessForbidden.")
                        : QString()},
            {QStringLiteral("progress"), thisFailed ? 50 : 100}});
    }
    return QJsonObject{
        {QStringLiteral("aggregatedState"), failed ? QStringLiteral("Failed") : QStringLiteral("Completed")},
        {QStringLiteral("summary"), summary}};
}

QJsonObject imageVersion(const QString &imageId, int number, Kind kind, const FleetSets &sets,
                         const QString &subscriptionId) {
    const QString name = QStringLiteral("1.0.%1").arg(number);
    QJsonObject storage{
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("id"), buildImageId(subscriptionId, kind == Kind::SourceMissing)}}},
        {QStringLiteral("osDiskImage"),
         QJsonObject{{QStringLiteral("sizeInGB"), 30},
                     {QStringLiteral("hostCaching"), QStringLiteral("ReadWrite")}}}};
    if (kind != Kind::Confidential)
        storage.insert(QStringLiteral("dataDiskImages"),
                       QJsonArray{QJsonObject{{QStringLiteral("lun"), 0},
                                              {QStringLiteral("sizeInGB"), 64},
                                              {QStringLiteral("hostCaching"), QStringLiteral("ReadOnly")}}});
    const QJsonObject publishing{
        {QStringLiteral("targetRegions"), targetRegions(kind, sets)},
        {QStringLiteral("replicaCount"), 1},
        {QStringLiteral("excludeFromLatest"), false},
        {QStringLiteral("publishedDate"), QStringLiteral("2026-01-15T09:00:00+00:00")},
        {QStringLiteral("endOfLifeDate"), kind == Kind::EndOfLifePassed
                                              ? QStringLiteral("2025-01-01T00:00:00+00:00")
                                              : QStringLiteral("2099-12-31T00:00:00+00:00")},
        {QStringLiteral("storageAccountType"), QStringLiteral("Standard_LRS")}};
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("%1/versions/%2").arg(imageId, name)},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/galleries/images/versions")},
        {QStringLiteral("location"), QStringLiteral("westeurope")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("publishingProfile"), publishing},
                     {QStringLiteral("storageProfile"), storage},
                     {QStringLiteral("replicationStatus"), replicationStatus(kind)},
                     {QStringLiteral("provisioningState"), kind == Kind::ReplicationFailed
                                                               ? QStringLiteral("Failed")
                                                               : QStringLiteral("Succeeded")}}}};
}

QJsonObject gallery(const QString &id, bool shared) {
    QJsonObject properties{
        {QStringLiteral("description"), QStringLiteral("Generated fleet gallery.")},
        {QStringLiteral("identifier"),
         QJsonObject{{QStringLiteral("uniqueName"), id.section(QLatin1Char('/'), -1).toUpper()}}},
        {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}};
    if (shared)
        properties.insert(
            QStringLiteral("sharingProfile"),
            QJsonObject{{QStringLiteral("permissions"), QStringLiteral("Groups")},
                        {QStringLiteral("groups"),
                         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Subscriptions")},
                                                {QStringLiteral("ids"), QJsonArray()}}}}});
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), id.section(QLatin1Char('/'), -1)},
                       {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/galleries")},
                       {QStringLiteral("location"), QStringLiteral("westeurope")},
                       {QStringLiteral("properties"), properties}};
}

QJsonObject imageDefinition(const QString &id, int number) {
    const QString name = id.section(QLatin1Char('/'), -1);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/galleries/images")},
        {QStringLiteral("location"), QStringLiteral("westeurope")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("osType"), QStringLiteral("Linux")},
                     {QStringLiteral("osState"), QStringLiteral("Generalized")},
                     {QStringLiteral("hyperVGeneration"), QStringLiteral("V2")},
                     {QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("publisher"), QStringLiteral("Fleet")},
                                  {QStringLiteral("offer"), QStringLiteral("Linux")},
                                  {QStringLiteral("sku"), QStringLiteral("sku-%1").arg(number)}}},
                     {QStringLiteral("architecture"), QStringLiteral("x64")},
                     {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

QJsonObject fleetSubscription(int index, const QString &tenantId, bool forbidden) {
    const QString id = fleetSubscriptionId(index);
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("/subscriptions/") + id},
        {QStringLiteral("subscriptionId"), id},
        {QStringLiteral("tenantId"), tenantId},
        {QStringLiteral("displayName"), QStringLiteral("Fleet %1").arg(index + 1, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("state"), QStringLiteral("Enabled")},
        {QStringLiteral("authorizationSource"), QStringLiteral("RoleBased")},
        {QStringLiteral("forbidden"), forbidden}};
}

} // namespace

void generateFleet(ArmStore &store, const FleetSpec &spec) {
    const QStringList tenants = store.tenantIds();
    const QString tenantId =
        tenants.isEmpty() ? QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47") : tenants.first();
    qint64 ordinal = 0;
    for (int s = 0; s < spec.subscriptions; ++s) {
        const QString subscriptionId = fleetSubscriptionId(s);
        store.addSubscription(
            fleetSubscription(s, tenantId, spec.subscriptions > 1 && s == spec.subscriptions - 1));
        const FleetSets sets = addKeysAndSets(store, s, subscriptionId, tenantId);
        store.put(resourceGroup(subscriptionId, QStringLiteral("rg-fleet-images")));
        store.put(resourceGroup(subscriptionId, QStringLiteral("rg-fleet-build")));
        store.put(buildImage(subscriptionId));
        for (int g = 0; g < spec.galleries; ++g) {
            const QString galleryId = QStringLiteral("/subscriptions/%1/resourceGroups/rg-fleet-images/"
                                                     "providers/Microsoft.Compute/galleries/galFleet%2")
                                          .arg(subscriptionId)
                                          .arg(g);
            store.put(gallery(galleryId, s == 0 && g == spec.galleries - 1));
            for (int i = 0; i < spec.images; ++i) {
                const QString imageId = QStringLiteral("%1/images/img-%2").arg(galleryId).arg(i);
                store.put(imageDefinition(imageId, i));
                for (int v = 0; v < spec.versions; ++v)
                    store.put(
                        imageVersion(imageId, v, fleetVersionKind(spec, ordinal++), sets, subscriptionId));
            }
        }
    }
}

} // namespace armsandbox
