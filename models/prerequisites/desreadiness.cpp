#include "prerequisites/desreadiness.h"

#include "arm/armpaths.h"
#include "des/diskencryptionsetcatalog.h"
#include "draft/commandline.h"

namespace cmk {

DesCreationCommands desCreationCommands(const DesCreationParameters &p) {
    const QString region = normalizeRegion(p.region);
    const auto orPlaceholder = [](const QString &value, const char *placeholder) {
        return value.trimmed().isEmpty() ? QString::fromLatin1(placeholder) : value.trimmed();
    };
    const QString subscription = orPlaceholder(p.subscriptionId, "<subscription-id>");
    const QString group = orPlaceholder(p.resourceGroup, "<resource-group>");
    const QString name =
        p.name.trimmed().isEmpty() ? QStringLiteral("des-%1-cmk").arg(region) : p.name.trimmed();
    const QString type = orPlaceholder(p.encryptionType, "EncryptionAtRestWithCustomerKey");
    const QString keyUrl =
        orPlaceholder(p.keyUrl, "https://<key-vault-name>.vault.azure.net/keys/<key-name>/<key-version>");
    // The vault is usually in the same subscription; its resource group is the user's to fill in.
    const QString vault = p.keyVaultId.trimmed().isEmpty()
                              ? QStringLiteral("/subscriptions/%1/resourceGroups/<key-vault-resource-group>/"
                                               "providers/Microsoft.KeyVault/vaults/<key-vault-name>")
                                    .arg(subscription)
                              : p.keyVaultId.trimmed();

    DesCreationCommands commands;
    commands.azureCli =
        QStringLiteral("az disk-encryption-set create --subscription %1 --resource-group %2 --name %3 "
                       "--location %4 --encryption-type %5 --key-url %6 --source-vault %7 "
                       "--mi-system-assigned")
            .arg(bashSingleQuoted(subscription), bashSingleQuoted(group), bashSingleQuoted(name),
                 bashSingleQuoted(region), bashSingleQuoted(type), bashSingleQuoted(keyUrl),
                 bashSingleQuoted(vault));
    commands.powerShell =
        QStringLiteral("Set-AzContext -Subscription %1\n"
                       "$desConfig = New-AzDiskEncryptionSetConfig -Location %2 -SourceVaultId %3 -KeyUrl %4 "
                       "-IdentityType SystemAssigned -EncryptionType %5\n"
                       "New-AzDiskEncryptionSet -ResourceGroupName %6 -Name %7 -DiskEncryptionSet $desConfig")
            .arg(powerShellQuote(subscription), powerShellQuote(region), powerShellQuote(vault),
                 powerShellQuote(keyUrl), powerShellQuote(type), powerShellQuote(group),
                 powerShellQuote(name));
    return commands;
}

namespace {

bool isProvisioned(const DiskEncryptionSet &set) {
    return set.provisioningState.isEmpty() ||
           set.provisioningState.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0;
}

void tally(const DiskEncryptionSet &set, RegionDesReadiness &region) {
    if (!isProvisioned(set))
        ++region.notUsableCount;
    else if (set.encryptionType.compare(QLatin1String("EncryptionAtRestWithPlatformAndCustomerKeys"),
                                        Qt::CaseInsensitive) == 0)
        ++region.doubleEncryptionCount;
    else if (set.encryptionType.compare(QLatin1String("ConfidentialVmEncryptedWithCustomerKey"),
                                        Qt::CaseInsensitive) == 0)
        ++region.confidentialCount;
    else // EncryptionAtRestWithCustomerKey, also the service default when the type is absent
        ++region.customerKeyCount;
}

} // namespace

DesReadinessChecker::DesReadinessChecker(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_own(new DiskEncryptionSetCatalog(this)) {
    watch(m_own);
}

DesReadinessChecker::~DesReadinessChecker() = default;

void DesReadinessChecker::watch(DiskEncryptionSetCatalog *catalog) {
    connect(catalog, &DiskEncryptionSetCatalog::loadStarted, this,
            [this, catalog] { onLoadStarted(catalog); });
    connect(catalog, &DiskEncryptionSetCatalog::loadFinished, this,
            [this, catalog] { onLoadEnded(catalog); });
    // An abort is often followed at once by a new load (a reload, another subscription): decided on the next
    // turn, the check follows the new load instead of listing on its own.
    connect(catalog, &DiskEncryptionSetCatalog::aborted, this, [this, catalog] {
        if (m_busy && catalog == m_source)
            settleLater();
    });
}

void DesReadinessChecker::setCatalog(DiskEncryptionSetCatalog *catalog) {
    if (m_shared)
        disconnect(m_shared, nullptr, this, nullptr);
    if (m_source && m_source == m_shared.data())
        abort();
    m_shared = catalog;
    if (!catalog)
        return;
    watch(catalog);
    // The window may go first: a check counting its catalogue then ends unanswered.
    connect(catalog, &QObject::destroyed, this, [this, catalog] {
        if (m_source == catalog)
            abort();
    });
}

bool DesReadinessChecker::countsSharedCatalog() const {
    return m_source && m_source == m_shared.data();
}

bool DesReadinessChecker::sharedCatalogServes() const {
    // The window's catalogue may hold only some regions (those its pages show): every type of every checked
    // region is counted, so it must hold them all.
    return m_shared && m_shared->covers(m_subscriptionId, m_regions);
}

void DesReadinessChecker::abort() {
    ++m_generation;
    m_busy = false;
    m_source = nullptr;
    m_own->abort();
}

QStringList DesReadinessChecker::flaggedRegions() const {
    QStringList regions;
    for (const RegionDesReadiness &r : m_results) {
        if (!r.isReady())
            regions.append(r.region);
    }
    return regions;
}

bool DesReadinessChecker::allReady() const {
    return !m_error.isError() && !m_results.isEmpty() && flaggedRegions().isEmpty();
}

bool DesReadinessChecker::begin(const QString &subscriptionId, const QStringList &regions) {
    abort();
    m_subscriptionId = subscriptionId;
    QStringList normalized;
    for (const QString &region : regions) {
        const QString key = normalizeRegion(region);
        if (!key.isEmpty() && !normalized.contains(key))
            normalized.append(key);
    }
    m_regions = normalized;
    m_results.clear();
    m_suggestedResourceGroup.clear();
    m_error = ArmError();
    const ArmPathBuilder path = diskEncryptionSetsPath(subscriptionId);
    if (subscriptionId.trimmed().isEmpty() || !path.ok()) {
        m_error = subscriptionId.trimmed().isEmpty()
                      ? ArmError::make(ArmError::Kind::InvalidInput, tr("No subscription is selected."))
                      : path.error();
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_generation)
                    Q_EMIT finished();
            },
            Qt::QueuedConnection);
        return false;
    }
    m_busy = true;
    Q_EMIT started();
    return true;
}

void DesReadinessChecker::check(const QString &subscriptionId, const QStringList &regions) {
    if (!begin(subscriptionId, regions))
        return;
    if (sharedCatalogServes())
        countFrom(m_shared);
    else
        listOnOwn(/*fresh=*/false);
}

void DesReadinessChecker::recheck() {
    const bool shared = sharedCatalogServes();
    if (!begin(m_subscriptionId, m_regions))
        return;
    if (!shared) {
        listOnOwn(/*fresh=*/true);
        return;
    }
    // Fresh sets for this check and for whatever else shows the catalogue, from ARM's exact listing: "Check
    // again" follows a set just created, which Resource Graph may not show yet.
    if (!m_shared->isLoading())
        m_shared->reloadFromResourceManager();
    countFrom(m_shared);
}

void DesReadinessChecker::listOnOwn(bool fresh) {
    const bool reusable = m_own->subscriptionId().compare(m_subscriptionId, Qt::CaseInsensitive) == 0 &&
                          (m_own->isLoading() || m_own->isComplete());
    if (fresh || !reusable)
        m_own->load(m_client, m_subscriptionId);
    countFrom(m_own);
}

void DesReadinessChecker::countFrom(DiskEncryptionSetCatalog *source) {
    m_source = source;
    if (!source->isLoading())
        settleLater(); // else onLoadEnded() goes on
}

void DesReadinessChecker::settleLater() {
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation && m_busy)
                settle();
        },
        Qt::QueuedConnection);
}

void DesReadinessChecker::onLoadStarted(DiskEncryptionSetCatalog *source) {
    if (source != m_source || source != m_shared)
        return;
    // The window's catalogue reloads: the counts follow it, or the check lists on its own when it now serves
    // another subscription.
    const bool serves = sharedCatalogServes();
    if (!begin(m_subscriptionId, m_regions))
        return;
    if (serves)
        countFrom(m_shared);
    else
        listOnOwn(/*fresh=*/false);
}

void DesReadinessChecker::onLoadEnded(DiskEncryptionSetCatalog *source) {
    if (m_busy && source == m_source)
        settle();
}

void DesReadinessChecker::settle() {
    if (m_source->isComplete()) {
        count();
    } else if (m_source == m_shared) {
        listOnOwn(/*fresh=*/false); // the window's list failed or was aborted
    } else {
        m_error = m_own->error();
        m_busy = false;
        Q_EMIT finished();
    }
}

void DesReadinessChecker::count() {
    const DiskEncryptionSetCatalog &sets = *m_source;
    QList<RegionDesReadiness> results;
    for (const QString &region : std::as_const(m_regions)) {
        RegionDesReadiness readiness;
        readiness.region = region;
        for (int index : sets.indexesOf(region))
            tally(sets.at(index), readiness);
        results.append(readiness);
    }
    m_results = results;
    m_suggestedResourceGroup = sets.busiestResourceGroup();
    m_busy = false;
    Q_EMIT finished();
}

} // namespace cmk
