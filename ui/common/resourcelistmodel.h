#pragma once

// A list of ARM resources for a dropdown, filled as a typed listing of cmk::ResourceInventory delivers its
// pages. Each row keeps the resource it shows. Reloading or clearing aborts the listing in flight, so a stale
// answer (e.g. of the previous subscription) never lands.

#include "inventory/resourcelisting.h"

#include <QAbstractListModel>
#include <QPointer>
#include <any>
#include <functional>
#include <optional>

namespace cmkui {

class ResourceListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, NameRole, LocationRole };

    struct Row {
        QString id;
        QString name;
        QString display; ///< shown text; the name when empty
        QString location;
        QString toolTip;
        std::any resource; ///< the typed resource shown (cmk::GalleryImage, cmk::Snapshot...)

        /// The resource when it is a T, else null.
        template <typename T> const T *resourceAs() const { return std::any_cast<T>(&resource); }
    };
    /// Turns one resource into a row; nullopt skips it (filtering, e.g. by location).
    template <typename T> using RowMaker = std::function<std::optional<Row>(const T &resource)>;
    /// RowMaker<T> with T taken from the listing only, so a lambda converts to it.
    template <typename T> using RowMakerFor = typename std::enable_if<true, RowMaker<T>>::type;

    explicit ResourceListModel(QObject *parent = nullptr);
    ~ResourceListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Clears the rows and shows the resources `listing` delivers, each made a row by `maker`. Takes the
    /// listing over.
    template <typename T> void load(cmk::ResourceListing<T> *listing, RowMakerFor<T> maker) {
        show(listing, [listing, maker = std::move(maker)] {
            QList<Row> rows;
            for (const T &resource : listing->takeItems()) {
                if (std::optional<Row> row = maker(resource))
                    rows.append(std::move(*row));
            }
            return rows;
        });
    }
    /// The same, each resource shown by rowOf().
    template <typename T> void load(cmk::ResourceListing<T> *listing) {
        load(listing, [](const T &resource) { return std::optional<Row>(rowOf(resource)); });
    }
    /// The row of a resource with an id, a name and a location, keeping the resource.
    template <typename T> static Row rowOf(const T &resource) {
        Row row;
        row.id = resource.id;
        row.name = resource.name;
        row.location = resource.location;
        row.resource = resource;
        return row;
    }

    /// A subscription's row: its GUID as the name, "Display name (GUID)" shown.
    static Row subscriptionRow(const cmk::Subscription &subscription);

    /// Aborts and empties.
    void clear();
    /// Stops loading, keeping the rows received so far.
    void abort();

    bool isLoading() const { return !m_listing.isNull(); }
    /// Loaded to the end (not aborted, no error) at least once since the last load()/clear().
    bool isComplete() const { return m_complete; }
    const cmk::ArmError &error() const { return m_error; }
    const Row &row(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }
    int rowOfId(const QString &id) const;
    int rowOfName(const QString &name) const; ///< case-insensitive
    /// For a list of regions: rows show the region's name in the interface's language (cmk::RegionNames),
    /// read anew at each paint so a language switch needs no reload.
    void setShowsRegions(bool regions) { m_showsRegions = regions; }
    /// How the region `name` is shown: its translated name, else the display name ARM sent, else `name`.
    QString regionDisplayName(const QString &name) const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// After the listing's last page, or on error (not after abort()).
    void loadFinished();

private:
    /// Clears, then appends what `takeRows` makes of each page `listing` hands over.
    void show(cmk::ResourceListingBase *listing, std::function<QList<Row>()> takeRows);
    void appendRows(QList<Row> rows);

    QList<Row> m_rows;
    QPointer<cmk::ResourceListingBase> m_listing;
    cmk::ArmError m_error;
    bool m_complete = false;
    bool m_showsRegions = false;
};

} // namespace cmkui
