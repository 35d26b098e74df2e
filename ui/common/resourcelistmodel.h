#pragma once

// A list of ARM resources for a dropdown, filled page by page as ArmPager delivers them. Reloading or
// clearing aborts the request in flight, so a stale answer (e.g. of the previous subscription) never lands.

#include "arm/armclient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace cmkui {

class ResourceListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, NameRole, LocationRole };

    // nlohmann::json() is noexcept; bugprone-exception-escape follows it into a throw that null can't reach.
    // NOLINTNEXTLINE(bugprone-exception-escape)
    struct Row {
        QString id;
        QString name;
        QString display; ///< shown text; the name when empty
        QString location;
        QString toolTip;
        nlohmann::json json; ///< the resource as the server sent it
    };
    /// Turns one item of a page into a row; nullopt skips it (filtering, e.g. by location).
    using RowMaker = std::function<std::optional<Row>(const nlohmann::json &item)>;

    explicit ResourceListModel(QObject *parent = nullptr);
    ~ResourceListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Clears the rows and lists every path in turn (rows of all of them, in order).
    void load(cmk::ArmClient *client, const QStringList &paths, RowMaker maker = {});
    void load(cmk::ArmClient *client, const QString &path, RowMaker maker = {}) {
        load(client, QStringList{path}, std::move(maker));
    }
    /// Aborts and empties.
    void clear();
    /// Stops loading, keeping the rows received so far.
    void abort();

    bool isLoading() const { return !m_pager.isNull(); }
    /// Loaded to the end (not aborted, no error) at least once since the last load()/clear().
    bool isComplete() const { return m_complete; }
    const cmk::ArmError &error() const { return m_error; }
    const Row &row(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }
    int rowOfId(const QString &id) const;
    int rowOfName(const QString &name) const; ///< case-insensitive

    static Row defaultRow(const nlohmann::json &item);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// After the last path's last page, or on error (not after abort()).
    void loadFinished();

private:
    void startNext();

    QList<Row> m_rows;
    QPointer<cmk::ArmClient> m_client;
    QPointer<cmk::ArmPager> m_pager;
    QStringList m_pendingPaths;
    RowMaker m_maker;
    cmk::ArmError m_error;
    bool m_complete = false;
};

} // namespace cmkui
