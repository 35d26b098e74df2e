#pragma once

// The lists the VM wizard offers, typed: the resource groups of a subscription, the VM sizes of a region, the
// virtual networks of a region with their subnets. Views get these rows, never an ARM path or JSON; the live
// check of `create-vm` reads the same sizes.

#include "arm/armclient.h"
#include "vm/vmvalidation.h" // VmSize

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace cmk {

struct VmResourceGroup {
    QString id;
    QString name;
};

struct VmSubnet {
    QString id;
    QString name;
    QString addressPrefix;
};

struct VmVirtualNetwork {
    QString id;
    QString name;
    QString location;
    QStringList addressPrefixes;
    QList<VmSubnet> subnets;
    QString resourceGroup() const;
};

/// A collection listed page by page through ArmClient. load() aborts the listing in flight, so a stale
/// answer (of the previous region, say) never lands.
class VmListing : public QObject {
    Q_OBJECT
public:
    ~VmListing() override;

    bool isLoading() const { return !m_pager.isNull(); }
    /// Listed to the end (not aborted, no error) since the last load().
    bool isComplete() const { return m_complete; }
    const ArmError &error() const { return m_error; }
    /// Stops loading, keeping the items received so far; silent on purpose (whoever aborts knows).
    void abort();

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// The items changed: emptied by a new load(), or a page arrived.
    void itemsChanged();
    /// After the last page, or on error (not after abort()).
    void loadFinished();

protected:
    explicit VmListing(QObject *parent);
    /// Empties the items, then lists `path`, giving `add` each item of each page. False (nothing listed, no
    /// loadFinished()) without a client or when `path` could not be formed from the names given.
    bool start(ArmClient *client, const ArmPathBuilder &path,
               std::function<void(const nlohmann::json &)> add);
    virtual void clearItems() = 0;

private:
    void finish(const ArmError &error);

    QPointer<ArmPager> m_pager;
    ArmError m_error;
    bool m_complete = false;
};

class VmResourceGroupListing : public VmListing {
    Q_OBJECT
public:
    explicit VmResourceGroupListing(QObject *parent = nullptr);
    bool load(ArmClient *client, const QString &subscriptionId);
    const QList<VmResourceGroup> &groups() const { return m_groups; }
    int indexOf(const QString &name) const; ///< case-insensitive; -1 when absent

private:
    void clearItems() override { m_groups.clear(); }
    QList<VmResourceGroup> m_groups;
};

class VmSizeListing : public VmListing {
    Q_OBJECT
public:
    explicit VmSizeListing(QObject *parent = nullptr);
    /// The sizes a VM of `region` may have.
    bool load(ArmClient *client, const QString &subscriptionId, const QString &region);
    const std::vector<VmSize> &sizes() const { return m_sizes; }
    /// The sizes once listed to the end; nullopt before (a size cannot be checked yet).
    std::optional<std::vector<VmSize>> completeSizes() const;
    int indexOf(const QString &name) const; ///< case-insensitive; -1 when absent

private:
    void clearItems() override { m_sizes.clear(); }
    std::vector<VmSize> m_sizes;
};

class VmVirtualNetworkListing : public VmListing {
    Q_OBJECT
public:
    explicit VmVirtualNetworkListing(QObject *parent = nullptr);
    /// The virtual networks of the subscription that are in `region`.
    bool load(ArmClient *client, const QString &subscriptionId, const QString &region);
    const QList<VmVirtualNetwork> &networks() const { return m_networks; }
    int indexOfId(const QString &id) const; ///< -1 when absent

private:
    void clearItems() override { m_networks.clear(); }
    QList<VmVirtualNetwork> m_networks;
};

} // namespace cmk
