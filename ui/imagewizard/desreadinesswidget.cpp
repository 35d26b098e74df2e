#include "imagewizard/desreadinesswidget.h"

#include "imagewizard/dessetupdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cmkui {

namespace {

enum Column { RegionColumn, CustomerKeyColumn, DoubleEncryptionColumn, StatusColumn, ColumnCount };

} // namespace

DesReadinessWidget::DesReadinessWidget(cmk::ArmClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_checker(new cmk::DesReadinessChecker(client, this)) {
    setObjectName(QStringLiteral("desReadinessWidget"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *top = new QHBoxLayout;
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("desSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    top->addWidget(m_summaryLabel, 1);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("desRefreshButton"));
    top->addWidget(m_refreshButton);
    layout->addLayout(top);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("desErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(
        QStringLiteral("QLabel { background-color: #fbe3e4; color: #6b0a10; border: 1px "
                       "solid #d9534f; border-radius: 4px; padding: 6px; }"));
    m_errorLabel->setVisible(false);
    layout->addWidget(m_errorLabel);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move between cells
    m_table->setObjectName(QStringLiteral("desReadinessTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);

    m_createPanel = new QWidget(this);
    m_createPanel->setObjectName(QStringLiteral("desCreatePanel"));
    m_createLayout = new QVBoxLayout(m_createPanel);
    m_createLayout->setContentsMargins(0, 0, 0, 0);
    m_createPanel->setVisible(false);
    layout->addWidget(m_createPanel);

    buildCommandsPanel();
    layout->addWidget(m_commandsPanel);
    layout->addStretch(1);

    connect(m_refreshButton, &QPushButton::clicked, m_checker, &cmk::DesReadinessChecker::recheck);
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateCommands();
        updateCreateButtons();
    });
    connect(m_regionCombo, &QComboBox::currentIndexChanged, this, [this] { updateCommands(); });
    connect(m_checker, &cmk::DesReadinessChecker::started, this, &DesReadinessWidget::showChecking);
    connect(m_checker, &cmk::DesReadinessChecker::finished, this, [this] {
        showResults();
        emit readinessChanged(m_checker->allReady());
    });

    retranslateUi();
}

DesReadinessWidget::~DesReadinessWidget() = default;

void DesReadinessWidget::buildCommandsPanel() {
    // One region's commands at a time keeps the widget small enough for a wizard page.
    m_commandsPanel = new QWidget(this);
    m_commandsPanel->setObjectName(QStringLiteral("desCommandsPanel"));
    auto *grid = new QGridLayout(m_commandsPanel);
    grid->setContentsMargins(0, 0, 0, 0);
    m_commandsIntro = new QLabel(m_commandsPanel);
    m_commandsIntro->setObjectName(QStringLiteral("desCommandsIntro"));
    m_commandsIntro->setWordWrap(true);
    grid->addWidget(m_commandsIntro, 0, 0, 1, 3);
    m_regionLabel = new QLabel(m_commandsPanel);
    m_regionLabel->setObjectName(QStringLiteral("desRegionLabel"));
    grid->addWidget(m_regionLabel, 1, 0);
    m_regionCombo = new QComboBox(m_commandsPanel);
    m_regionCombo->setObjectName(QStringLiteral("desRegionCombo"));
    m_regionLabel->setBuddy(m_regionCombo);
    grid->addWidget(m_regionCombo, 1, 1, 1, 2);
    m_typeLabel = new QLabel(m_commandsPanel);
    m_typeLabel->setObjectName(QStringLiteral("desTypeLabel"));
    grid->addWidget(m_typeLabel, 2, 0);
    m_typeCombo = new QComboBox(m_commandsPanel);
    m_typeCombo->setObjectName(QStringLiteral("desTypeCombo"));
    m_typeCombo->addItem(QString(), QStringLiteral("EncryptionAtRestWithCustomerKey"));
    m_typeCombo->addItem(QString(), QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys"));
    m_typeLabel->setBuddy(m_typeCombo);
    grid->addWidget(m_typeCombo, 2, 1, 1, 2);
    addCommandRow(grid, 3, QStringLiteral("az"), m_azLabel, m_azEdit, m_azCopyButton);
    addCommandRow(grid, 4, QStringLiteral("powerShell"), m_powerShellLabel, m_powerShellEdit,
                  m_powerShellCopyButton);
    grid->setColumnStretch(1, 1);
    m_commandsPanel->setVisible(false);
}

void DesReadinessWidget::addCommandRow(QGridLayout *grid, int row, const QString &kind, QLabel *&label,
                                       QPlainTextEdit *&edit, QPushButton *&copy) {
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    label = new QLabel(m_commandsPanel);
    label->setObjectName(kind + QStringLiteral("Label"));
    grid->addWidget(label, row, 0, Qt::AlignTop);
    edit = new QPlainTextEdit(m_commandsPanel);
    edit->setObjectName(kind + QStringLiteral("Command"));
    edit->setReadOnly(true);
    edit->setFont(fixed);
    edit->setFixedHeight(QFontMetrics(fixed).lineSpacing() * 4 + 12);
    label->setBuddy(edit);
    grid->addWidget(edit, row, 1);
    copy = new QPushButton(m_commandsPanel);
    copy->setObjectName(kind + QStringLiteral("CopyButton"));
    grid->addWidget(copy, row, 2, Qt::AlignTop);
    QPlainTextEdit *shown = edit;
    connect(copy, &QPushButton::clicked, this,
            [shown] { QApplication::clipboard()->setText(shown->toPlainText()); });
}

void DesReadinessWidget::setRegionDisplayName(std::function<QString(const QString &)> displayName) {
    m_regionDisplayName = std::move(displayName);
}

QString DesReadinessWidget::shownName(const QString &region) const {
    return m_regionDisplayName ? m_regionDisplayName(region) : region;
}

void DesReadinessWidget::check(const QString &subscriptionId, const QStringList &regions) {
    m_checker->check(subscriptionId, regions);
    showChecking();
}

void DesReadinessWidget::setCatalog(cmk::DiskEncryptionSetCatalog *catalog) {
    m_checker->setCatalog(catalog);
}

void DesReadinessWidget::showChecking() {
    m_summaryLabel->setText(tr("Looking for disk encryption sets in the target regions…"));
    m_refreshButton->setEnabled(false);
}

void DesReadinessWidget::setResourceGroupHint(const QString &resourceGroup) {
    m_resourceGroupHint = resourceGroup;
    updateCommands();
}

QString DesReadinessWidget::selectedEncryptionType() const {
    return m_typeCombo->currentData().toString();
}

void DesReadinessWidget::showCommandsFor(const QString &region) {
    const int index = m_regionCombo->findData(cmk::normalizeRegion(region));
    if (index >= 0)
        m_regionCombo->setCurrentIndex(index);
}

cmk::DesCreationCommands DesReadinessWidget::commandsFor(const QString &region) const {
    if (!m_checker->flaggedRegions().contains(cmk::normalizeRegion(region)))
        return {};
    cmk::DesCreationParameters parameters;
    parameters.subscriptionId = m_checker->subscriptionId();
    parameters.region = region;
    parameters.resourceGroup =
        m_resourceGroupHint.isEmpty() ? m_checker->suggestedResourceGroup() : m_resourceGroupHint;
    parameters.encryptionType = selectedEncryptionType();
    return cmk::desCreationCommands(parameters);
}

void DesReadinessWidget::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DesReadinessWidget::retranslateUi() {
    setAccessibleName(tr("Disk encryption set readiness"));
    m_summaryLabel->setAccessibleName(tr("Disk encryption set readiness summary"));
    m_errorLabel->setAccessibleName(tr("Error"));
    m_refreshButton->setText(tr("Chec&k again"));
    m_refreshButton->setAccessibleName(tr("Check the disk encryption sets again"));
    m_table->setAccessibleName(tr("Disk encryption sets per target region"));
    m_table->setHorizontalHeaderLabels(
        {tr("Region"), tr("Customer-managed key"), tr("Double encryption"), tr("Status")});
    m_commandsPanel->setAccessibleName(tr("How to create the missing disk encryption sets"));
    m_createPanel->setAccessibleName(tr("Create the missing disk encryption sets"));
    m_commandsIntro->setAccessibleName(tr("How to create a disk encryption set"));
    m_regionLabel->setText(tr("Commands for region:"));
    m_regionLabel->setAccessibleName(tr("Region of the commands"));
    m_regionCombo->setAccessibleName(tr("Region of the commands"));
    m_typeLabel->setText(tr("Encryption type:"));
    m_typeLabel->setAccessibleName(tr("Encryption type for the commands"));
    m_typeCombo->setItemText(0, tr("Encryption at rest with a customer-managed key"));
    m_typeCombo->setItemText(1, tr("Double encryption with platform-managed and customer-managed keys"));
    m_typeCombo->setAccessibleName(tr("Encryption type for the commands"));
    m_azLabel->setText(tr("Azure CLI:"));
    m_azLabel->setAccessibleName(tr("Azure CLI"));
    m_azEdit->setAccessibleName(tr("Azure CLI command"));
    m_azCopyButton->setText(tr("Cop&y"));
    m_azCopyButton->setAccessibleName(tr("Copy the Azure CLI command"));
    m_powerShellLabel->setText(tr("PowerShell:"));
    m_powerShellLabel->setAccessibleName(tr("Azure PowerShell"));
    m_powerShellEdit->setAccessibleName(tr("Azure PowerShell commands"));
    m_powerShellCopyButton->setText(tr("Co&py"));
    m_powerShellCopyButton->setAccessibleName(tr("Copy the Azure PowerShell commands"));
    if (m_checker->isBusy())
        m_summaryLabel->setText(tr("Looking for disk encryption sets in the target regions…"));
    else
        showResults();
}

void DesReadinessWidget::showResults() {
    const QString subscriptionId = m_checker->subscriptionId();
    m_refreshButton->setEnabled(!subscriptionId.isEmpty() && !m_checker->isBusy());
    const cmk::ArmError &error = m_checker->error();
    m_errorLabel->setVisible(error.isError());
    m_errorLabel->setText(
        error.isError() ? tr("The disk encryption sets could not be listed: %1").arg(error.toDisplayString())
                        : QString());

    const QList<cmk::RegionDesReadiness> &results = m_checker->results();
    m_table->setRowCount(int(results.size()));
    for (int row = 0; row < results.size(); ++row) {
        const cmk::RegionDesReadiness &r = results.at(row);
        auto setCell = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            if (column != RegionColumn && column != StatusColumn)
                item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(row, column, item);
        };
        setCell(RegionColumn, shownName(r.region));
        m_table->item(row, RegionColumn)->setData(Qt::UserRole, r.region);
        setCell(CustomerKeyColumn, QString::number(r.customerKeyCount));
        setCell(DoubleEncryptionColumn, QString::number(r.doubleEncryptionCount));
        setCell(StatusColumn, statusText(r));
        if (lacksSetForDraft(r))
            m_table->item(row, StatusColumn)->setForeground(QColor(0xb3, 0x26, 0x1e));
    }

    const QStringList flagged = m_checker->flaggedRegions();
    QStringList shownFlagged;
    for (const QString &region : flagged)
        shownFlagged << shownName(region);
    if (error.isError())
        m_summaryLabel->setText(tr("Disk encryption set readiness is unknown."));
    else if (subscriptionId.isEmpty() || results.isEmpty())
        m_summaryLabel->setText(tr("Choose target regions to check their disk encryption sets."));
    else if (flagged.isEmpty())
        m_summaryLabel->setText(tr("Every target region has a disk encryption set in this subscription."));
    else
        m_summaryLabel->setText(
            tr("%n target region(s) have no disk encryption set in this subscription: %1.", nullptr,
               int(flagged.size()))
                .arg(shownFlagged.join(QStringLiteral(", "))));

    // The table is as tall as its rows: the page has other things to show.
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_table->rowCount(); ++row)
        height += m_table->rowHeight(row);
    m_table->setFixedHeight(height);

    const QString shownRegion = m_regionCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_regionCombo);
        m_regionCombo->clear();
        if (!error.isError()) {
            for (const QString &region : flagged)
                m_regionCombo->addItem(shownName(region), region);
        }
        const int keep = m_regionCombo->findData(shownRegion);
        m_regionCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    m_commandsPanel->setVisible(m_regionCombo->count() > 0);
    updateCommands();
    updateCreateButtons();
}

void DesReadinessWidget::updateCommands() {
    const QString region = m_regionCombo->currentData().toString();
    const cmk::DesCreationCommands commands = commandsFor(region);
    m_commandsIntro->setText(
        region.isEmpty()
            ? QString()
            : tr("Image versions replicated to %1 need a disk encryption set in that region, in this "
                 "subscription. Create one with either command below after replacing the placeholders in "
                 "angle "
                 "brackets with your key vault and key (in the same region), then give the set's identity "
                 "access "
                 "to the key, for example with the Key Vault Crypto Service Encryption User role.")
                  .arg(region));
    m_azEdit->setPlainText(commands.azureCli);
    m_powerShellEdit->setPlainText(commands.powerShell);
}

} // namespace cmkui

namespace cmkui {

void DesReadinessWidget::setEncryptionType(const QString &encryptionType) {
    if (encryptionType == m_encryptionType)
        return;
    m_encryptionType = encryptionType;
    const int index = m_typeCombo->findData(encryptionType);
    if (index >= 0)
        m_typeCombo->setCurrentIndex(index); // the commands follow the draft too
    if (!m_checker->isBusy())
        showResults(); // which regions lack a set of the draft's type changed; it updates the buttons too
    else
        updateCreateButtons();
}

QString DesReadinessWidget::statusText(const cmk::RegionDesReadiness &r) {
    if (r.customerKeyCount > 0 && r.doubleEncryptionCount > 0)
        return tr("Ready");
    if (r.customerKeyCount > 0)
        return tr("Ready for customer-managed keys only");
    if (r.doubleEncryptionCount > 0)
        return tr("Ready for double encryption only");
    return tr("No usable disk encryption set");
}

bool DesReadinessWidget::lacksSetForDraft(const cmk::RegionDesReadiness &r) const {
    if (m_encryptionType == QLatin1String("EncryptionAtRestWithCustomerKey"))
        return r.customerKeyCount == 0;
    if (m_encryptionType == QLatin1String("EncryptionAtRestWithPlatformAndCustomerKeys"))
        return r.doubleEncryptionCount == 0;
    return !r.isReady();
}

QString DesReadinessWidget::effectiveEncryptionType() const {
    return m_encryptionType.isEmpty() ? selectedEncryptionType() : m_encryptionType;
}

QString DesReadinessWidget::resourceGroupForNewSets() const {
    return m_resourceGroupHint.isEmpty() ? m_checker->suggestedResourceGroup() : m_resourceGroupHint;
}

QStringList DesReadinessWidget::regionsWithoutSetOfType() const {
    if (m_checker->isBusy() || m_checker->error().isError())
        return {};
    const bool doubleEncryption =
        effectiveEncryptionType() == QLatin1String("EncryptionAtRestWithPlatformAndCustomerKeys");
    QStringList regions;
    for (const cmk::RegionDesReadiness &r : m_checker->results()) {
        if ((doubleEncryption ? r.doubleEncryptionCount : r.customerKeyCount) == 0)
            regions << r.region;
    }
    return regions;
}

void DesReadinessWidget::updateCreateButtons() {
    while (QLayoutItem *item = m_createLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList regions = regionsWithoutSetOfType();
    for (const QString &region : regions) {
        auto *button =
            new QPushButton(tr("Create a disk encryption set in %1…").arg(shownName(region)), m_createPanel);
        button->setObjectName(QStringLiteral("desCreateButton_%1").arg(region));
        button->setAccessibleName(tr("Create a disk encryption set in %1").arg(shownName(region)));
        button->setToolTip(
            tr("Creates a key vault, a key and a disk encryption set of the chosen type in %1, "
               "and gives the set access to the key.")
                .arg(shownName(region)));
        connect(button, &QPushButton::clicked, this, [this, region] { openSetupDialog(region); });
        m_createLayout->addWidget(button, 0, Qt::AlignLeft);
    }
    m_createPanel->setVisible(!regions.isEmpty());
}

DesSetupDialog *DesReadinessWidget::openSetupDialog(const QString &region) {
    if (m_checker->subscriptionId().isEmpty())
        return nullptr;
    DesSetupRequest request;
    request.subscriptionId = m_checker->subscriptionId();
    request.region = cmk::normalizeRegion(region);
    request.regionDisplayName = shownName(request.region);
    request.resourceGroup = resourceGroupForNewSets();
    request.encryptionType = effectiveEncryptionType();
    auto *dialog = new DesSetupDialog(m_client, request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &DesSetupDialog::setCreated, this, [this](const QString &desId) {
        // The window's catalogue lists the new set: the dropdowns and this check follow it.
        m_checker->recheck();
        Q_EMIT diskEncryptionSetCreated(desId);
    });
    dialog->open();
    return dialog;
}

} // namespace cmkui
