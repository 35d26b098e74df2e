#include "common/resourcelistmodel.h"

#include "arm/resources.h"

namespace cmkui {

ResourceListModel::ResourceListModel(QObject *parent)
    : QAbstractListModel(parent) {}

ResourceListModel::~ResourceListModel() {
    if (m_pager) {
        disconnect(m_pager, nullptr, this, nullptr);
        m_pager->abort();
        m_pager->deleteLater();
    }
}

int ResourceListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ResourceListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return r.display.isEmpty() ? r.name : r.display;
    case Qt::ToolTipRole:
        return r.toolTip.isEmpty() ? r.id : r.toolTip;
    case IdRole:
        return r.id;
    case NameRole:
        return r.name;
    case LocationRole:
        return r.location;
    }
    return {};
}

ResourceListModel::Row ResourceListModel::defaultRow(const nlohmann::json &item) {
    Row row;
    auto text = [&](const char *key) {
        const auto it = item.find(key);
        return it != item.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                   : QString();
    };
    row.id = text("id");
    row.name = text("name");
    row.location = text("location");
    row.json = item;
    return row;
}

void ResourceListModel::load(cmk::ArmClient *client, const QStringList &paths, RowMaker maker) {
    clear();
    m_client = client;
    m_maker = std::move(maker);
    m_pendingPaths = paths;
    m_pendingPaths.removeAll(QString());
    if (!client || m_pendingPaths.isEmpty()) {
        m_complete = client != nullptr;
        Q_EMIT loadFinished();
        return;
    }
    startNext();
    Q_EMIT loadingChanged(true);
}

void ResourceListModel::startNext() {
    const QString path = m_pendingPaths.takeFirst();
    m_pager = m_client->list(path);
    connect(m_pager, &cmk::ArmPager::pageReceived, this, [this](const nlohmann::json &items) {
        QList<Row> fresh;
        if (!items.is_array())
            return;
        for (const nlohmann::json &item : items) {
            if (!item.is_object())
                continue;
            if (m_maker) {
                if (std::optional<Row> row = m_maker(item))
                    fresh.append(*row);
            } else {
                fresh.append(defaultRow(item));
            }
        }
        if (fresh.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
        m_rows += fresh;
        endInsertRows();
    });
    connect(m_pager, &cmk::ArmPager::finished, this, [this] {
        cmk::ArmPager *pager = m_pager;
        m_pager = nullptr;
        pager->deleteLater();
        if (pager->error()) {
            m_error = pager->error();
            m_pendingPaths.clear();
        } else if (!m_pendingPaths.isEmpty()) {
            startNext();
            return;
        } else {
            m_complete = true;
        }
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFinished();
    });
}

void ResourceListModel::clear() {
    abort();
    beginResetModel();
    m_rows.clear();
    m_error = {};
    m_complete = false;
    endResetModel();
}

void ResourceListModel::abort() {
    m_pendingPaths.clear();
    if (!m_pager)
        return;
    cmk::ArmPager *pager = m_pager;
    m_pager = nullptr;
    disconnect(pager, nullptr, this, nullptr);
    pager->abort();
    pager->deleteLater();
    // Silent on purpose: whoever aborts knows, and a stale loadFinished() would confuse views.
    Q_EMIT loadingChanged(false);
}

int ResourceListModel::rowOfId(const QString &id) const {
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (cmk::sameResourceId(m_rows.at(i).id, id))
            return i;
    }
    return -1;
}

int ResourceListModel::rowOfName(const QString &name) const {
    if (name.isEmpty())
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace cmkui
