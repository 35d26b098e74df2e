#include "arm/armstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace armsandbox {

QString normalizeRegion(const QString &region) {
    QString out;
    out.reserve(region.size());
    for (const QChar c : region) {
        if (!c.isSpace())
            out.append(c.toLower());
    }
    return out;
}

QString canonicalId(const QString &id) {
    QString key = id.trimmed().toLower();
    while (key.endsWith(QLatin1Char('/')))
        key.chop(1);
    static const QString singular = QStringLiteral("/providers/microsoft.compute/diskencryptionset/");
    static const QString plural = QStringLiteral("/providers/microsoft.compute/diskencryptionsets/");
    const int at = key.indexOf(singular);
    if (at >= 0)
        key.replace(at, singular.size(), plural);
    return key;
}

QString resourceTypeOfId(const QString &canonical) {
    const QStringList segments = canonical.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty() || segments.first() != QLatin1String("subscriptions"))
        return {};
    if (segments.size() == 2)
        return QStringLiteral("subscriptions");
    const int providers = segments.indexOf(QLatin1String("providers"));
    if (providers < 0) {
        if (segments.size() == 4 && segments.at(2) == QLatin1String("resourcegroups"))
            return QStringLiteral("resourcegroups");
        return {};
    }
    const int afterProviders = int(segments.size()) - providers - 1; // namespace, then type/name pairs
    if (afterProviders < 3 || afterProviders % 2 == 0)
        return {};
    QString type = segments.at(providers + 1);
    for (int i = providers + 2; i < segments.size(); i += 2)
        type += QLatin1Char('/') + segments.at(i);
    return type;
}

bool ArmStore::loadFixture(const QByteArray &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("armsandbox", "The fixture is not a JSON object: %1")
                         .arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    const quint64 revision = m_revision;
    *this = ArmStore();
    m_revision = revision + 1; // a store that is loaded again never repeats a revision it had
    for (const auto &v : root.value(QLatin1String("subscriptions")).toArray()) {
        QJsonObject s = v.toObject();
        const QString id = s.value(QLatin1String("subscriptionId")).toString();
        if (id.isEmpty()) {
            if (error)
                *error = QCoreApplication::translate("armsandbox",
                                                     "A fixture subscription has no subscriptionId.");
            return false;
        }
        if (!s.contains(QLatin1String("id")))
            s.insert(QStringLiteral("id"), QStringLiteral("/subscriptions/%1").arg(id));
        if (!s.contains(QLatin1String("state")))
            s.insert(QStringLiteral("state"), QStringLiteral("Enabled"));
        m_subscriptions.append(s);
    }
    m_tenants = root.value(QLatin1String("tenants")).toArray();
    m_locations = root.value(QLatin1String("locations")).toArray();
    for (const auto &v : root.value(QLatin1String("features")).toArray()) {
        const QJsonObject f = v.toObject();
        FeatureState state;
        state.subscriptionId = f.value(QLatin1String("subscriptionId")).toString();
        state.name = f.value(QLatin1String("name")).toString();
        state.state = f.value(QLatin1String("state")).toString(QStringLiteral("NotRegistered"));
        state.required = f.value(QLatin1String("featureRequired")).toBool(true);
        m_features.append(state);
    }
    for (const auto &v : root.value(QLatin1String("providers")).toArray()) {
        const QJsonObject p = v.toObject();
        ProviderState state;
        state.subscriptionId = p.value(QLatin1String("subscriptionId")).toString();
        state.ns = p.value(QLatin1String("namespace")).toString();
        state.state = p.value(QLatin1String("registrationState")).toString(QStringLiteral("NotRegistered"));
        m_providers.append(state);
    }
    const QJsonArray resources = root.value(QLatin1String("resources")).toArray();
    for (int i = 0; i < resources.size(); ++i) {
        const QJsonObject r = resources.at(i).toObject();
        const QString id = r.value(QLatin1String("id")).toString();
        if (resourceTypeOfId(canonicalId(id)).isEmpty()) {
            if (error)
                *error = QCoreApplication::translate("armsandbox",
                                                     "Fixture resource %1 has no valid ARM id (“%2”).")
                             .arg(i)
                             .arg(id);
            return false;
        }
        put(r);
    }
    return true;
}

void ArmStore::registerAllFeatures() {
    for (FeatureState &feature : m_features) {
        feature.state = QStringLiteral("Registered");
        feature.pollsUntilRegistered = 0;
    }
}

void ArmStore::generateDiskEncryptionSets(int count, const QString &subscriptionId, int regionCount) {
    static const char *const regions[] = {"westeurope",     "northeurope",
                                          "francecentral",  "eastus",
                                          "eastus2",        "westus",
                                          "westus2",        "westus3",
                                          "centralus",      "southcentralus",
                                          "northcentralus", "uksouth",
                                          "ukwest",         "germanywestcentral",
                                          "swedencentral",  "switzerlandnorth",
                                          "norwayeast",     "japaneast",
                                          "australiaeast",  "canadacentral"};
    constexpr int knownRegions = int(sizeof(regions) / sizeof(regions[0]));
    regionCount = qBound(1, regionCount, knownRegions);
    QString sub = subscriptionId;
    if (sub.isEmpty() && !m_subscriptions.isEmpty())
        sub = m_subscriptions.first().value(QLatin1String("subscriptionId")).toString();
    if (sub.isEmpty())
        return;
    const QString group = QStringLiteral("rg-generated-des");
    const QString groupId = QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(sub, group);
    if (!contains(groupId)) {
        put(QJsonObject{{QStringLiteral("id"), groupId},
                        {QStringLiteral("name"), group},
                        {QStringLiteral("type"), QStringLiteral("Microsoft.Resources/resourceGroups")},
                        {QStringLiteral("location"), QStringLiteral("westeurope")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}});
    }
    const QString vault =
        QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.KeyVault/vaults/kv-generated")
            .arg(sub, group);
    for (int i = 0; i < count; ++i) {
        const QString region = QString::fromLatin1(regions[i % regionCount]);
        const QString name = QStringLiteral("des-gen-%1").arg(i, 5, 10, QLatin1Char('0'));
        const bool doubleEncryption = (i / regionCount) % 2 == 1;
        QJsonObject activeKey{
            {QStringLiteral("sourceVault"), QJsonObject{{QStringLiteral("id"), vault}}},
            {QStringLiteral("keyUrl"),
             QStringLiteral("https://kv-generated.vault.azure.net/keys/key-%1/%2")
                 .arg(i)
                 .arg(QStringLiteral("%1").arg(quint64(i) * 2654435761u, 32, 16, QLatin1Char('0')))}};
        QJsonObject properties{{QStringLiteral("activeKey"), activeKey},
                               {QStringLiteral("encryptionType"),
                                doubleEncryption
                                    ? QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys")
                                    : QStringLiteral("EncryptionAtRestWithCustomerKey")},
                               {QStringLiteral("previousKeys"), QJsonArray()},
                               {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}};
        put(QJsonObject{
            {QStringLiteral("id"),
             QStringLiteral("%1/providers/Microsoft.Compute/diskEncryptionSets/%2").arg(groupId, name)},
            {QStringLiteral("name"), name},
            {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/diskEncryptionSets")},
            {QStringLiteral("location"), region},
            {QStringLiteral("identity"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("SystemAssigned")}}},
            {QStringLiteral("properties"), properties}});
    }
}

QList<QJsonObject> ArmStore::subscriptions() const {
    QList<QJsonObject> out;
    out.reserve(m_subscriptions.size());
    for (const QJsonObject &s : m_subscriptions)
        out.append(subscription(s.value(QLatin1String("subscriptionId")).toString()));
    return out;
}

bool ArmStore::hasSubscription(const QString &subscriptionId) const {
    for (const QJsonObject &s : m_subscriptions) {
        if (s.value(QLatin1String("subscriptionId"))
                .toString()
                .compare(subscriptionId, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject ArmStore::subscription(const QString &subscriptionId) const {
    for (QJsonObject s : m_subscriptions) {
        if (s.value(QLatin1String("subscriptionId"))
                .toString()
                .compare(subscriptionId, Qt::CaseInsensitive) == 0) {
            s.remove(QStringLiteral("readOnly")); // sandbox-only
            s.remove(QStringLiteral("forbidden"));
            return s;
        }
    }
    return {};
}

bool ArmStore::isReadOnly(const QString &subscriptionId) const {
    return subscriptionFlag(subscriptionId, "readOnly");
}

bool ArmStore::isForbidden(const QString &subscriptionId) const {
    return subscriptionFlag(subscriptionId, "forbidden");
}

bool ArmStore::subscriptionFlag(const QString &subscriptionId, const char *flag) const {
    for (const QJsonObject &s : m_subscriptions) {
        if (s.value(QLatin1String("subscriptionId"))
                .toString()
                .compare(subscriptionId, Qt::CaseInsensitive) == 0)
            return s.value(QLatin1String(flag)).toBool(false);
    }
    return false;
}

QStringList ArmStore::tenantIds() const {
    QStringList ids;
    for (const auto &t : m_tenants)
        ids.append(t.toObject().value(QLatin1String("tenantId")).toString());
    return ids;
}

QJsonArray ArmStore::locations(const QString &subscriptionId) const {
    QJsonArray out;
    for (const auto &v : m_locations) {
        QJsonObject location = v.toObject();
        const QString name = location.value(QLatin1String("name")).toString();
        location.insert(QStringLiteral("id"),
                        QStringLiteral("/subscriptions/%1/locations/%2").arg(subscriptionId, name));
        QJsonObject metadata = location.value(QLatin1String("metadata")).toObject();
        if (metadata.contains(QLatin1String("pairedRegion"))) {
            QJsonArray paired = metadata.value(QLatin1String("pairedRegion")).toArray();
            for (int i = 0; i < paired.size(); ++i) {
                QJsonObject p = paired.at(i).toObject();
                p.insert(QStringLiteral("id"),
                         QStringLiteral("/subscriptions/%1/locations/%2")
                             .arg(subscriptionId, p.value(QLatin1String("name")).toString()));
                paired.replace(i, p);
            }
            metadata.insert(QStringLiteral("pairedRegion"), paired);
            location.insert(QStringLiteral("metadata"), metadata);
        }
        out.append(location);
    }
    return out;
}

bool ArmStore::isKnownRegion(const QString &region) const {
    const QString wanted = normalizeRegion(region);
    for (const auto &v : m_locations) {
        const QJsonObject location = v.toObject();
        if (normalizeRegion(location.value(QLatin1String("name")).toString()) == wanted ||
            normalizeRegion(location.value(QLatin1String("displayName")).toString()) == wanted)
            return true;
    }
    return false;
}

FeatureState *ArmStore::feature(const QString &subscriptionId, const QString &name) {
    for (FeatureState &f : m_features) {
        if (f.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0 &&
            f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

ProviderState *ArmStore::provider(const QString &subscriptionId, const QString &ns) {
    for (ProviderState &p : m_providers) {
        if (p.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0 &&
            p.ns.compare(ns, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

ProviderState &ArmStore::ensureProvider(const QString &subscriptionId, const QString &ns) {
    if (ProviderState *existing = provider(subscriptionId, ns))
        return *existing;
    m_providers.append(ProviderState{subscriptionId, ns, QStringLiteral("NotRegistered"), 0});
    return m_providers.last();
}

QList<ProviderState> ArmStore::providers(const QString &subscriptionId) const {
    QList<ProviderState> out;
    for (const ProviderState &p : m_providers) {
        if (p.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0)
            out.append(p);
    }
    return out;
}

QList<FeatureState> ArmStore::features(const QString &subscriptionId,
                                       const QString &providerNamespace) const {
    QList<FeatureState> out;
    const QString prefix = providerNamespace + QLatin1Char('/');
    for (const FeatureState &f : m_features) {
        if (f.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0 &&
            f.name.startsWith(prefix, Qt::CaseInsensitive))
            out.append(f);
    }
    return out;
}

QJsonObject ArmStore::resource(const QString &id) const {
    return m_resources.value(canonicalId(id));
}

bool ArmStore::contains(const QString &id) const {
    return m_resources.contains(canonicalId(id));
}

void ArmStore::put(const QJsonObject &resource) {
    const QString key = canonicalId(resource.value(QLatin1String("id")).toString());
    ++m_revision;
    auto it = m_resources.find(key);
    if (it == m_resources.end()) {
        m_resources.insert(key, resource);
        m_idsByType[resourceTypeOfId(key)].append(key);
    } else {
        *it = resource;
    }
}

bool ArmStore::remove(const QString &id) {
    const QString key = canonicalId(id);
    if (!m_resources.remove(key))
        return false;
    ++m_revision;
    m_idsByType[resourceTypeOfId(key)].removeOne(key);
    return true;
}

void ArmStore::forEachOfType(const QString &type,
                             const std::function<void(const QJsonObject &)> &visit) const {
    for (const QString &key : m_idsByType.value(type))
        visit(m_resources.value(key));
}

ArmStore::Page ArmStore::list(const QString &type, const QString &canonicalPrefix, int start,
                              int pageSize) const {
    Page page;
    const auto ids = m_idsByType.constFind(type);
    if (ids == m_idsByType.constEnd())
        return page;
    const QStringList &keys = *ids;
    int i = qMax(0, start);
    for (; i < keys.size() && page.items.size() < pageSize; ++i) {
        if (keys.at(i).startsWith(canonicalPrefix))
            page.items.append(m_resources.value(keys.at(i)));
    }
    for (; i < keys.size(); ++i) {
        if (keys.at(i).startsWith(canonicalPrefix)) {
            page.next = i;
            break;
        }
    }
    return page;
}

} // namespace armsandbox
