#include "review/fleet/fleettab.h"

#include "audit/fleetaudit.h"
#include "audit/fleetauditreport.h"
#include "common/pagedreport.h"
#include "common/resourcelistmodel.h"
#include "inventory/resourceinventory.h"
#include "review/fleet/fleetauditfilterproxy.h"
#include "review/fleet/fleetaudittablemodel.h"
#include "review/reviewreport.h"
#include "review/reviewwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cmkui {

namespace {

constexpr int SubscriptionIdRole = Qt::UserRole;
constexpr int TenantIdRole = Qt::UserRole + 1;

QString fleetExportSuffix(FleetTab::ExportFormat format) {
    switch (format) {
    case FleetTab::ExportFormat::Csv:
        return QStringLiteral("csv");
    case FleetTab::ExportFormat::Json:
        return QStringLiteral("json");
    case FleetTab::ExportFormat::Html:
        return QStringLiteral("html");
    case FleetTab::ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

} // namespace

FleetTab::FleetTab(cmk::ArmClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_audit(new cmk::FleetAudit(client, this))
    , m_model(new FleetAuditTableModel(this))
    , m_proxy(new FleetAuditFilterProxy(this)) {
    setObjectName(QStringLiteral("fleetTab"));
    m_model->setAudit(m_audit);
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildScope());
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("fleetProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("fleetProgressLabel"));
    m_progressLabel->setWordWrap(true);
    m_progressLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never widens the window
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressLabel, 3);
    layout->addLayout(progressRow);
    m_notReviewed = new QListWidget(this);
    m_notReviewed->setObjectName(QStringLiteral("fleetNotReviewed"));
    m_notReviewed->setWordWrap(true);
    m_notReviewed->setMaximumHeight(fontMetrics().height() * 4);
    m_notReviewed->setVisible(false);
    layout->addWidget(m_notReviewed);
    layout->addLayout(buildFilters());
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("fleetTable"));
    m_table->setModel(m_proxy);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move between cells
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetAuditTableModel::Severity, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8); // one line a row
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    layout->addWidget(m_table, 1);
    layout->addLayout(buildActions());
    connectWidgets();
    retranslateUi();
    updateButtons();
}

FleetTab::~FleetTab() {
    disconnect(m_audit, nullptr, this, nullptr);
}

QLayout *FleetTab::buildScope() {
    auto *grid = new QGridLayout;
    m_tenantLabel = new QLabel(this);
    m_tenantCombo = new QComboBox(this);
    m_tenantCombo->setObjectName(QStringLiteral("fleetTenantCombo"));
    m_tenantCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tenantCombo->setMinimumContentsLength(16);
    m_tenantLabel->setBuddy(m_tenantCombo);
    m_selectAll = new QCheckBox(this);
    m_selectAll->setObjectName(QStringLiteral("fleetSelectAll"));
    m_startButton = new QPushButton(this);
    m_startButton->setObjectName(QStringLiteral("fleetStartButton"));
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("fleetCancelButton"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_tenantCombo, 1);
    top->addWidget(m_selectAll);
    top->addStretch(1);
    top->addWidget(m_startButton);
    top->addWidget(m_cancelButton);
    grid->addWidget(m_tenantLabel, 0, 0);
    grid->addLayout(top, 0, 1);
    m_subscriptionsLabel = new QLabel(this);
    m_subscriptionsLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_subscriptionList = new QListWidget(this);
    m_subscriptionList->setObjectName(QStringLiteral("fleetSubscriptionList"));
    m_subscriptionList->setMaximumHeight(fontMetrics().height() * 5);
    m_subscriptionsLabel->setBuddy(m_subscriptionList);
    grid->addWidget(m_subscriptionsLabel, 1, 0);
    grid->addWidget(m_subscriptionList, 1, 1);
    grid->setColumnStretch(1, 1);
    return grid;
}

QLayout *FleetTab::buildFilters() {
    auto *grid = new QGridLayout;
    m_filterLabel = new QLabel(this);
    m_filterText = new QLineEdit(this);
    m_filterText->setObjectName(QStringLiteral("fleetFilterText"));
    m_filterText->setClearButtonEnabled(true);
    m_filterLabel->setBuddy(m_filterText);
    grid->addWidget(m_filterLabel, 0, 0);
    grid->addWidget(m_filterText, 0, 1, 1, 3);
    const std::pair<int, const char *> filters[] = {
        {FleetAuditTableModel::Severity, "fleetSeverityFilter"},
        {FleetAuditTableModel::Code, "fleetCodeFilter"},
        {FleetAuditTableModel::Subscription, "fleetSubscriptionFilter"},
        {FleetAuditTableModel::Gallery, "fleetGalleryFilter"},
        {FleetAuditTableModel::Region, "fleetRegionFilter"},
        {FleetAuditTableModel::Encryption, "fleetEncryptionFilter"},
    };
    int i = 0;
    for (const auto &[column, name] : filters) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QString::fromLatin1(name));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
        combo->addItem(QString(), QString());
        m_filterCombos.append({column, combo});
        // Two rows of three under the text: at 800 pixels, six dropdowns in a row cut their labels.
        grid->addWidget(combo, 1 + i / 3, 1 + i % 3);
        ++i;
    }
    for (int c = 1; c <= 3; ++c)
        grid->setColumnStretch(c, 1);
    return grid;
}

QLayout *FleetTab::buildActions() {
    auto *row = new QHBoxLayout;
    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("fleetExportButton"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_exportButton);
    for (const auto &[format, name] :
         {std::pair{ExportFormat::Csv, "fleetExportCsv"}, std::pair{ExportFormat::Json, "fleetExportJson"},
          std::pair{ExportFormat::Html, "fleetExportHtml"}, std::pair{ExportFormat::Pdf, "fleetExportPdf"}}) {
        QAction *action = menu->addAction(QString());
        action->setObjectName(QString::fromLatin1(name));
        action->setData(int(format));
        connect(action, &QAction::triggered, this, [this, format = format] { exportAs(format); });
    }
    m_exportButton->setMenu(menu);
    row->addStretch(1);
    row->addWidget(m_exportButton);
    return row;
}

void FleetTab::connectWidgets() {
    connect(m_startButton, &QPushButton::clicked, this, &FleetTab::startScan);
    connect(m_cancelButton, &QPushButton::clicked, this, &FleetTab::cancelScan);
    connect(m_tenantCombo, &QComboBox::currentIndexChanged, this, &FleetTab::onTenantChanged);
    connect(m_selectAll, &QCheckBox::clicked, this, [this](bool checked) {
        for (int i = 0; i < m_subscriptionList->count(); ++i) {
            QListWidgetItem *item = m_subscriptionList->item(i);
            if (!item->isHidden())
                item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        }
    });
    connect(m_subscriptionList, &QListWidget::itemChanged, this, [this] {
        updateSelectAll();
        updateButtons();
    });
    connect(m_filterText, &QLineEdit::textChanged, m_proxy, &FleetAuditFilterProxy::setTextFilter);
    for (const auto &[column, combo] : std::as_const(m_filterCombos)) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this, column = column, combo = combo] {
            m_proxy->setColumnFilter(column, combo->currentData().toString());
        });
    }
    connect(m_model, &FleetAuditTableModel::filterValuesChanged, this, &FleetTab::fillFilterCombos);
    connect(m_table, &QTableView::activated, this, &FleetTab::openRow);
    connect(m_audit, &cmk::FleetAudit::progress, this, [this](int done, int total, int versions) {
        m_subscriptionsDone = done;
        m_subscriptionsTotal = total;
        m_versionsSeen = versions;
        updateProgress();
        updateNotReviewed();
    });
    connect(m_audit, &cmk::FleetAudit::versionsAnalysed, this, &FleetTab::updateProgress);
    connect(m_audit, &cmk::FleetAudit::finished, this, &FleetTab::onFinished);
}

void FleetTab::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FleetTab::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (!m_scopeRequested)
        refreshScope();
}

void FleetTab::retranslateUi() {
    m_tenantLabel->setText(tr("&Tenant:"));
    if (m_tenantCombo->count() > 0)
        m_tenantCombo->setItemText(0, tr("All tenants"));
    m_selectAll->setText(tr("Select &all"));
    m_subscriptionsLabel->setText(tr("S&ubscriptions:"));
    m_startButton->setText(tr("&Start"));
    m_cancelButton->setText(tr("&Cancel"));
    m_filterLabel->setText(tr("Fi&lter:"));
    m_filterText->setPlaceholderText(tr("Text in any column"));
    m_exportButton->setText(tr("&Export"));
    const QList<QAction *> actions = m_exportButton->menu()->actions();
    const QString labels[] = {tr("CSV…"), tr("JSON…"), tr("HTML…"), tr("PDF…")};
    for (int i = 0; i < actions.size() && i < 4; ++i)
        actions[i]->setText(labels[i]);
    fillFilterCombos();
    updateProgress();
    updateNotReviewed();
    Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, FleetAuditTableModel::ColumnCount - 1);
}

// ---- scope ----------------------------------------------------------------------------------------------

void FleetTab::refreshScope() {
    m_scopeRequested = true;
    loadTenants();
    loadSubscriptions();
}

void FleetTab::loadTenants() {
    if (m_tenantListing)
        m_tenantListing->deleteLater();
    auto *listing = cmk::ResourceInventory(m_client).tenants();
    listing->setParent(this);
    m_tenantListing = listing;
    m_tenants.clear();
    connect(listing, &cmk::ResourceListingBase::itemsReady, this, [this, listing] {
        for (cmk::Tenant &tenant : listing->takeItems())
            m_tenants.append(std::move(tenant));
    });
    connect(listing, &cmk::ResourceListingBase::finished, this, [this, listing] {
        listing->deleteLater();
        m_tenantListing = nullptr; // the other listing's end tells whether both are done
        const QSignalBlocker blocker(m_tenantCombo);
        m_tenantCombo->clear();
        m_tenantCombo->addItem(tr("All tenants"), QString());
        for (const cmk::Tenant &tenant : std::as_const(m_tenants)) {
            const QString name = tenant.displayName.isEmpty() ? tenant.tenantId : tenant.displayName;
            m_tenantCombo->addItem(tenant.defaultDomain.isEmpty()
                                       ? name
                                       : QStringLiteral("%1 (%2)").arg(name, tenant.defaultDomain),
                                   tenant.tenantId);
        }
        if (!m_subscriptionListing)
            Q_EMIT scopeLoaded();
    });
}

void FleetTab::loadSubscriptions() {
    if (m_subscriptionListing)
        m_subscriptionListing->deleteLater();
    auto *listing = cmk::ResourceInventory(m_client).subscriptions();
    listing->setParent(this);
    m_subscriptionListing = listing;
    m_subscriptionList->clear();
    connect(listing, &cmk::ResourceListingBase::itemsReady, this, [this, listing] {
        const QSignalBlocker blocker(m_subscriptionList);
        QHash<QString, QString> names;
        for (const cmk::Subscription &subscription : listing->takeItems()) {
            auto *item = new QListWidgetItem(ResourceListModel::subscriptionRow(subscription).display,
                                             m_subscriptionList);
            item->setData(SubscriptionIdRole, subscription.subscriptionId);
            item->setData(TenantIdRole, subscription.tenantId);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Checked);
        }
        for (int i = 0; i < m_subscriptionList->count(); ++i) {
            const QListWidgetItem *item = m_subscriptionList->item(i);
            names.insert(item->data(SubscriptionIdRole).toString().toLower(),
                         item->text().section(QStringLiteral(" ("), 0, 0));
        }
        m_model->setSubscriptionNames(names);
    });
    connect(listing, &cmk::ResourceListingBase::finished, this, [this, listing] {
        listing->deleteLater();
        m_subscriptionListing = nullptr;
        onTenantChanged();
        if (!m_tenantListing)
            Q_EMIT scopeLoaded();
    });
}

void FleetTab::onTenantChanged() {
    const QString tenant = m_tenantCombo->currentData().toString();
    for (int i = 0; i < m_subscriptionList->count(); ++i) {
        QListWidgetItem *item = m_subscriptionList->item(i);
        item->setHidden(!tenant.isEmpty() &&
                        item->data(TenantIdRole).toString().compare(tenant, Qt::CaseInsensitive) != 0);
    }
    updateSelectAll();
    updateButtons();
}

QStringList FleetTab::chosenSubscriptions() const {
    QStringList ids;
    for (int i = 0; i < m_subscriptionList->count(); ++i) {
        const QListWidgetItem *item = m_subscriptionList->item(i);
        if (!item->isHidden() && item->checkState() == Qt::Checked)
            ids << item->data(SubscriptionIdRole).toString();
    }
    return ids;
}

void FleetTab::updateSelectAll() {
    bool all = true;
    bool any = false;
    for (int i = 0; i < m_subscriptionList->count(); ++i) {
        const QListWidgetItem *item = m_subscriptionList->item(i);
        if (item->isHidden())
            continue;
        any = true;
        all = all && item->checkState() == Qt::Checked;
    }
    m_selectAll->setChecked(any && all);
}

// ---- the scan -------------------------------------------------------------------------------------------

void FleetTab::startScan() {
    const QStringList subscriptions = chosenSubscriptions();
    if (subscriptions.isEmpty() || m_audit->isRunning())
        return;
    m_model->clear();
    m_scanned = false;
    m_subscriptionsDone = m_versionsSeen = 0;
    m_subscriptionsTotal = int(subscriptions.size());
    if (m_today.isValid())
        m_audit->setToday(m_today);
    m_audit->start(subscriptions);
    updateButtons();
    updateProgress();
}

void FleetTab::cancelScan() {
    m_audit->cancel();
    updateButtons();
}

void FleetTab::onFinished() {
    m_scanned = true;
    // Once, at the end: the columns fit their texts (as far as the rows shown and 100 more tell: over
    // Qt's default 1,000, the sizing took 35 ms), the message takes the rest. During the scan the widths stay
    // as they are: rows keep arriving under the user's eyes.
    for (int column = 0; column < FleetAuditTableModel::Message; ++column)
        m_table->resizeColumnToContents(column);
    updateButtons();
    updateProgress();
    updateNotReviewed();
    Q_EMIT scanFinished();
}

void FleetTab::updateButtons() {
    const bool running = m_audit->isRunning();
    m_startButton->setEnabled(!running && !chosenSubscriptions().isEmpty());
    m_cancelButton->setEnabled(running);
    for (QWidget *scope : std::initializer_list<QWidget *>{m_tenantCombo, m_selectAll, m_subscriptionList})
        scope->setEnabled(!running);
    m_exportButton->setEnabled(!running && m_scanned && !m_audit->error().isError());
}

void FleetTab::updateProgress() {
    const bool running = m_audit->isRunning();
    const bool analysing = running && m_model->versionCount() > 0;
    // The reads first (subscriptions done), then the analysis (versions analysed, rows appended).
    m_progress->setRange(0, qMax(1, analysing ? m_versionsSeen : m_subscriptionsTotal));
    m_progress->setValue(!running && m_scanned ? m_progress->maximum()
                         : analysing           ? m_model->versionCount()
                                               : m_subscriptionsDone);
    if (!running && !m_scanned) {
        m_progressLabel->setText(tr("Choose the subscriptions, then Start."));
        return;
    }
    if (m_scanned && m_audit->error().isError()) {
        m_progressLabel->setText(tr("The scan could not run: %1").arg(m_audit->error().toDisplayString()));
        return;
    }
    QString counts = tr("Subscriptions %1 of %2").arg(m_subscriptionsDone).arg(m_subscriptionsTotal) +
                     QStringLiteral(" · ") + tr("%Ln version(s)", nullptr, m_versionsSeen) +
                     QStringLiteral(" · ") + tr("%Ln finding(s)", nullptr, m_model->findingCount());
    if (m_scanned && m_audit->result().cancelled)
        counts = tr("Cancelled: the table keeps what was found until then.") + QLatin1Char(' ') + counts;
    else if (m_scanned)
        counts = tr("Done.") + QLatin1Char(' ') + counts;
    m_progressLabel->setText(counts);
}

void FleetTab::updateNotReviewed() {
    m_notReviewed->clear();
    for (const cmk::AuditSubscription &s : m_audit->result().subscriptions) {
        if (s.reviewed || s.reason.isEmpty())
            continue;
        QString name = s.id;
        for (int i = 0; i < m_subscriptionList->count(); ++i) {
            if (m_subscriptionList->item(i)
                    ->data(SubscriptionIdRole)
                    .toString()
                    .compare(s.id, Qt::CaseInsensitive) == 0)
                name = m_subscriptionList->item(i)->text();
        }
        m_notReviewed->addItem(tr("Not reviewed: %1. %2").arg(name, s.reason));
    }
    m_notReviewed->setVisible(m_notReviewed->count() > 0);
}

void FleetTab::fillFilterCombos() {
    const QString any[] = {tr("All severities"), tr("All codes"),   tr("All subscriptions"),
                           tr("All galleries"),  tr("All regions"), tr("All encryption types")};
    int i = 0;
    for (const auto &[column, combo] : std::as_const(m_filterCombos)) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(any[i++], QString());
        combo->setToolTip(combo->itemText(0));
        const QMap<QString, QString> values = m_model->filterValues(column);
        QList<QPair<QString, QString>> byLabel; // (label, key), sorted by label
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            byLabel.append({it.value(), it.key()});
        std::sort(byLabel.begin(), byLabel.end());
        for (const auto &[label, key] : std::as_const(byLabel))
            combo->addItem(label, key);
        combo->setCurrentIndex(qMax(0, combo->findData(current)));
    }
}

void FleetTab::openRow(const QModelIndex &proxyIndex) {
    const QString versionId = proxyIndex.data(FleetAuditTableModel::VersionIdRole).toString();
    if (versionId.isEmpty() || !m_client)
        return;
    Q_EMIT reviewWindowOpened(openReviewWindow(m_client, window(), versionId));
}

// ---- export ---------------------------------------------------------------------------------------------

QString FleetTab::suggestedFileName(ExportFormat format) const {
    const QDateTime when =
        m_audit->result().auditedAt.isValid() ? m_audit->result().auditedAt : QDateTime::currentDateTimeUtc();
    return QStringLiteral("fleet-audit-%1.%2")
        .arg(when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")), fleetExportSuffix(format));
}

bool FleetTab::exportTo(ExportFormat format, const QString &path, QString *error) const {
    const cmk::FleetAuditResult &result = m_audit->result();
    switch (format) {
    case ExportFormat::Csv:
        return saveReportFile(cmk::FleetAuditReport::csv(result).toUtf8(), path, error);
    case ExportFormat::Json:
        return saveReportFile(QByteArray::fromStdString(cmk::FleetAuditReport::json(result).dump(2)) + '\n',
                              path, error);
    case ExportFormat::Html:
        return saveReportFile(cmk::FleetAuditReport::html(result).toUtf8(), path, error);
    case ExportFormat::Pdf:
        // The same paginated printing as the single-version review's PDF; landscape for the findings table.
        return printHtmlToPdf(cmk::FleetAuditReport::html(result), path,
                              cmk::FleetAuditReport::tr("Image version audit"), QPageLayout::Landscape, error);
    }
    return false;
}

void FleetTab::exportAs(ExportFormat format) {
    const QString suffix = fleetExportSuffix(format);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the fleet audit"), suggestedFileName(format),
                                     QStringLiteral("%1 (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    QString why;
    if (!exportTo(format, path, &why))
        QMessageBox::warning(this, tr("Export the fleet audit"), tr("Could not save %1: %2").arg(path, why));
}

} // namespace cmkui
