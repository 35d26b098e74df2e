#pragma once

// The review window's "Fleet" tab (issue 18): pick a tenant and subscriptions, Start / Cancel the fleet audit
// (models/audit/fleetaudit.h), follow its progress, and work with its findings while it runs: a sortable,
// filterable table whose rows are appended as versions are analysed, double-click (or Enter) opens the
// single-version review of the row's version, export as CSV, JSON, HTML or PDF once it ended. The scope
// comes from ResourceInventory's subscription and tenant listings; nothing here speaks HTTP.

#include "arm/resources.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace cmk {
class ArmClient;
class FleetAudit;
class ResourceListingBase;
} // namespace cmk

namespace cmkui {

class FleetAuditFilterProxy;
class FleetAuditTableModel;

class FleetTab : public QWidget {
    Q_OBJECT
public:
    enum class ExportFormat { Csv, Json, Html, Pdf };

    explicit FleetTab(cmk::ArmClient *client, QWidget *parent = nullptr);
    ~FleetTab() override;

    /// Lists the tenants and subscriptions again (done once when the tab is first shown).
    void refreshScope();
    /// Audits the subscriptions checked (of the tenant chosen); what Start does.
    void startScan();
    void cancelScan();
    /// "Today" for the end-of-life check (tests pin it).
    void setToday(const QDate &today) { m_today = today; }

    /// Writes the whole audit (every version, not only the rows the filters show) in `format`.
    bool exportTo(ExportFormat format, const QString &path, QString *error) const;
    /// What Export proposes: fleet-audit-YYYY-MM-DD-HHMM.SUFFIX (when the audit ended, local time).
    QString suggestedFileName(ExportFormat format) const;

    cmk::FleetAudit *audit() const { return m_audit; }
    FleetAuditTableModel *model() const { return m_model; }
    FleetAuditFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    /// The tenant and subscription lists finished loading.
    void scopeLoaded();
    /// The audit ended (done, cancelled or failed).
    void scanFinished();
    /// A row was opened: the single-version review window of its version.
    void reviewWindowOpened(QWidget *window);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QLayout *buildScope();
    QLayout *buildFilters();
    QLayout *buildActions();
    void connectWidgets();
    void retranslateUi();
    void loadTenants();
    void loadSubscriptions();
    void onTenantChanged();
    /// The subscriptions checked and shown (of the tenant chosen).
    QStringList chosenSubscriptions() const;
    void updateSelectAll();
    void updateButtons();
    void updateProgress();
    void updateNotReviewed();
    void fillFilterCombos();
    void onFinished();
    void openRow(const QModelIndex &proxyIndex);
    void exportAs(ExportFormat format);

    QPointer<cmk::ArmClient> m_client;
    cmk::FleetAudit *m_audit = nullptr;
    FleetAuditTableModel *m_model = nullptr;
    FleetAuditFilterProxy *m_proxy = nullptr;
    QDate m_today;
    bool m_scopeRequested = false;
    bool m_scanned = false; ///< an audit ended since the tab opened (export offered)
    int m_subscriptionsDone = 0;
    int m_subscriptionsTotal = 0;
    int m_versionsSeen = 0;
    QList<cmk::Tenant> m_tenants;
    QPointer<cmk::ResourceListingBase> m_tenantListing;
    QPointer<cmk::ResourceListingBase> m_subscriptionListing;

    QLabel *m_tenantLabel = nullptr;
    QComboBox *m_tenantCombo = nullptr;
    QCheckBox *m_selectAll = nullptr;
    QLabel *m_subscriptionsLabel = nullptr;
    QListWidget *m_subscriptionList = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QListWidget *m_notReviewed = nullptr;
    QLabel *m_filterLabel = nullptr;
    QLineEdit *m_filterText = nullptr;
    QList<QPair<int, QComboBox *>> m_filterCombos; ///< (column, combo)
    QTableView *m_table = nullptr;
    QToolButton *m_exportButton = nullptr;
};

} // namespace cmkui
