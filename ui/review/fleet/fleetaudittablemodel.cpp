#include "review/fleet/fleetaudittablemodel.h"

#include "common/usertext.h"

namespace cmkui {

namespace {

/// Errors first when sorted descending; a version without finding last.
int fleetSeverityRank(const cmk::ReviewFinding *finding) {
    return finding ? int(finding->severity) + 1 : 0;
}

} // namespace

FleetAuditTableModel::FleetAuditTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void FleetAuditTableModel::setAudit(const cmk::FleetAudit *audit) {
    if (m_audit)
        disconnect(m_audit, nullptr, this, nullptr);
    clear();
    m_audit = audit;
    if (audit)
        connect(audit, &cmk::FleetAudit::versionsAnalysed, this, &FleetAuditTableModel::appendVersions);
}

void FleetAuditTableModel::clear() {
    beginResetModel();
    m_rows.clear();
    for (QMap<QString, int> &values : m_values)
        values.clear();
    m_findings = m_versions = 0;
    endResetModel();
    Q_EMIT filterValuesChanged();
}

void FleetAuditTableModel::setSubscriptionNames(const QHash<QString, QString> &names) {
    m_subscriptionNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Subscription), index(rowCount() - 1, Subscription));
}

void FleetAuditTableModel::appendVersions(int first, int count) {
    if (!m_audit || count <= 0)
        return;
    const std::vector<cmk::AuditedVersion> &versions = m_audit->result().versions;
    QList<Row> rows;
    for (int v = first; v < first + count && v < int(versions.size()); ++v) {
        const int findings = int(versions[size_t(v)].review.findings.size());
        if (findings == 0)
            rows.append({v, -1});
        for (int f = 0; f < findings; ++f)
            rows.append({v, f});
        m_findings += findings;
        ++m_versions;
    }
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
    bool newValue = false;
    for (int r = int(m_rows.size() - rows.size()); r < m_rows.size(); ++r)
        newValue = noteFilterValues(r) || newValue;
    if (newValue)
        Q_EMIT filterValuesChanged();
}

bool FleetAuditTableModel::noteFilterValues(int index) {
    const Row &row = m_rows.at(index);
    bool added = false;
    for (int column : {Severity, Code, Subscription, Gallery, Region, Encryption}) {
        for (const QString &key : filterKeys(row, column)) {
            if (!key.isEmpty() && !m_values[column].contains(key)) {
                m_values[column].insert(key, index);
                added = true;
            }
        }
    }
    return added;
}

QMap<QString, QString> FleetAuditTableModel::filterValues(int column) const {
    QMap<QString, QString> out;
    if (column < 0 || column >= ColumnCount)
        return out;
    for (auto it = m_values[column].cbegin(); it != m_values[column].cend(); ++it)
        out.insert(it.key(), column == Region ? cmk::RegionNames::displayName(it.key())
                                              : text(m_rows.at(it.value()), column));
    return out;
}

const cmk::AuditedVersion &FleetAuditTableModel::versionOf(const Row &row) const {
    return m_audit->result().versions[size_t(row.version)];
}

QString FleetAuditTableModel::versionId(int row) const {
    if (!m_audit || row < 0 || row >= m_rows.size())
        return {};
    return versionOf(m_rows.at(row)).review.versionId;
}

QString FleetAuditTableModel::subscriptionLabel(const QString &subscriptionId) const {
    const QString name = m_subscriptionNames.value(subscriptionId.toLower());
    return name.isEmpty() ? subscriptionId : name;
}

QString FleetAuditTableModel::text(const Row &row, int column) const {
    const cmk::AuditedVersion &audited = versionOf(row);
    const cmk::VersionReview &review = audited.review;
    const cmk::ReviewFinding *finding = row.finding >= 0 ? &review.findings.at(row.finding) : nullptr;
    switch (column) {
    case Severity:
        return finding ? cmk::ReviewAnalysis::severityLabel(finding->severity) : tr("None");
    case Code:
        return finding ? finding->code : QString();
    case Subscription:
        return subscriptionLabel(review.subscriptionId);
    case Gallery:
        return review.galleryName;
    case Version:
        return QStringLiteral("%1 %2").arg(review.imageDefinitionName, review.versionName);
    case Region: {
        if (finding && !finding->region.isEmpty())
            return cmk::RegionNames::displayName(finding->region);
        QStringList names;
        for (const cmk::ReviewRegion &region : review.regions)
            names << cmk::RegionNames::displayName(region.name);
        return names.join(QStringLiteral(", "));
    }
    case Encryption:
        return cmk::auditEncryptionLabel(audited.encryption);
    case Message:
        return finding ? finding->message : tr("No finding.");
    default:
        return {};
    }
}

QStringList FleetAuditTableModel::filterKeys(const Row &row, int column) const {
    const cmk::AuditedVersion &audited = versionOf(row);
    const cmk::VersionReview &review = audited.review;
    const cmk::ReviewFinding *finding = row.finding >= 0 ? &review.findings.at(row.finding) : nullptr;
    switch (column) {
    case Severity:
        return {finding ? cmk::ReviewAnalysis::severityKey(finding->severity) : QStringLiteral("none")};
    case Code:
        return {finding ? finding->code : QString()};
    case Subscription:
        return {review.subscriptionId.toLower()};
    case Gallery:
        return {review.versionId.section(QLatin1Char('/'), 0, -5).toLower()};
    case Region: {
        if (finding && !finding->region.isEmpty())
            return {cmk::normalizeRegion(finding->region)};
        QStringList keys;
        for (const cmk::ReviewRegion &region : review.regions)
            keys << cmk::normalizeRegion(region.name);
        return keys;
    }
    case Encryption:
        return {cmk::auditEncryptionKey(audited.encryption)};
    default:
        return {};
    }
}

int FleetAuditTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetAuditTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetAuditTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !m_audit || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::ToolTipRole:
        // The IDs stay in tooltips (docs/translations.md): the text shown is in the interface's language.
        return index.column() == Subscription ? versionOf(row).review.subscriptionId
               : index.column() == Message    ? text(row, Message)
                                              : versionOf(row).review.versionId;
    case SortRole:
        if (index.column() == Severity) {
            const cmk::VersionReview &review = versionOf(row).review;
            return fleetSeverityRank(row.finding >= 0 ? &review.findings.at(row.finding) : nullptr);
        }
        return text(row, index.column());
    case FilterKeyRole:
        return filterKeys(row, index.column());
    case VersionIdRole:
        return versionOf(row).review.versionId;
    default:
        return {};
    }
}

QVariant FleetAuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity:
        return tr("Severity");
    case Code:
        return tr("Code");
    case Subscription:
        return tr("Subscription");
    case Gallery:
        return tr("Gallery");
    case Version:
        return tr("Image version");
    case Region:
        return tr("Region");
    case Encryption:
        return tr("Encryption");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace cmkui
