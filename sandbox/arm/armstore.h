#pragma once

// The sandbox's data: what the fixture describes (subscriptions, tenants, locations, feature and provider
// states) and every ARM resource, indexed by id (case-insensitive, like ARM) and by resource type for paged
// listing.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace armsandbox {

/// "West Europe", "westeurope" and "WestEurope" all become "westeurope".
QString normalizeRegion(const QString &region);
/// Canonical lookup key of a resource id: lower case, no trailing slash, the singular `diskEncryptionSet`
/// spelling of some official examples folded into `diskencryptionsets`.
QString canonicalId(const QString &id);
/// Lower-case resource type of an id: "microsoft.compute/galleries/images", "resourcegroups",
/// "subscriptions".
QString resourceTypeOfId(const QString &canonical);

struct FeatureState {
    QString subscriptionId;
    QString name;         ///< "Microsoft.Compute/SIGEncryption"
    QString state;        ///< NotRegistered, Registering, Registered, Unregistering, Unregistered
    bool required = true; ///< false: image versions may use encryption whatever the state
    int pollsUntilRegistered = 0;
};

struct ProviderState {
    QString subscriptionId;
    QString ns; ///< "Microsoft.Compute"
    QString state;
    int pollsUntilRegistered = 0;
};

class ArmStore {
public:
    bool loadFixture(const QByteArray &json, QString *error);
    /// Adds `count` Disk Encryption Sets spread over `regionCount` real Azure regions, in resource group
    /// "rg-generated-des" of the given subscription (the first one when empty). For paging tests and
    /// benchmarks.
    void generateDiskEncryptionSets(int count, const QString &subscriptionId = {}, int regionCount = 20);
    /// Every feature of the fixture reads Registered (a subscription where the registration is done).
    void registerAllFeatures();

    // Subscriptions and tenants (fixture entries minus the sandbox-only fields).
    QList<QJsonObject> subscriptions() const;
    bool hasSubscription(const QString &subscriptionId) const;
    QJsonObject subscription(const QString &subscriptionId) const;
    bool isReadOnly(const QString &subscriptionId) const;
    /// A subscription GET /subscriptions lists but whose resources answer 403 and Resource Graph does not show
    /// (the fixture's sandbox-only "forbidden": true; the generated fleet's last subscription).
    bool isForbidden(const QString &subscriptionId) const;
    /// Adds a subscription as a fixture entry describes it (generated fleets).
    void addSubscription(const QJsonObject &subscription) { m_subscriptions.append(subscription); }
    QJsonArray tenants() const { return m_tenants; }
    QStringList tenantIds() const;
    QJsonArray locations(const QString &subscriptionId) const;
    bool isKnownRegion(const QString &region) const;

    FeatureState *feature(const QString &subscriptionId, const QString &name);
    ProviderState *provider(const QString &subscriptionId, const QString &ns);
    /// Known or not, every namespace has a state (NotRegistered unless the fixture says otherwise).
    ProviderState &ensureProvider(const QString &subscriptionId, const QString &ns);
    QList<ProviderState> providers(const QString &subscriptionId) const;
    QList<FeatureState> features(const QString &subscriptionId, const QString &providerNamespace) const;

    // Resources.
    QJsonObject resource(const QString &id) const;
    bool contains(const QString &id) const;
    void put(const QJsonObject &resource); ///< insert or replace, keyed by its "id"
    bool remove(const QString &id);
    int resourceCount() const { return int(m_resources.size()); }
    /// Every resource type the store holds (see resourceTypeOfId), for Resource Graph's table.
    QStringList resourceTypes() const { return m_idsByType.keys(); }
    /// Grows with every change of a resource (put, remove, a fixture loaded or generated): a reader that
    /// keeps something derived from the resources (Resource Graph's table) rebuilds it when this moved.
    quint64 revision() const { return m_revision; }
    /// Calls `visit` with each resource of `type` (see resourceTypeOfId), in insertion order.
    void forEachOfType(const QString &type, const std::function<void(const QJsonObject &)> &visit) const;

    struct Page {
        QJsonArray items;
        int next = -1; ///< position to resume from, -1 when this is the last page
    };
    /// Resources of `type` (see resourceTypeOfId) whose canonical id starts with `canonicalPrefix`, from
    /// position `start` of that type's index, at most `pageSize` of them.
    Page list(const QString &type, const QString &canonicalPrefix, int start, int pageSize) const;

private:
    bool subscriptionFlag(const QString &subscriptionId, const char *flag) const;

    QHash<QString, QJsonObject> m_resources; ///< canonical id -> resource as GET returns it
    QHash<QString, QStringList> m_idsByType; ///< type -> canonical ids, insertion order
    QList<QJsonObject> m_subscriptions;
    QJsonArray m_tenants;
    QJsonArray m_locations;
    QList<FeatureState> m_features;
    QList<ProviderState> m_providers;
    quint64 m_revision = 0;
};

} // namespace armsandbox
