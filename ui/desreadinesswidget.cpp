#include "desreadinesswidget.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cmkui {

namespace {

enum Column { RegionColumn, CustomerKeyColumn, DoubleEncryptionColumn, StatusColumn, ColumnCount };

QString objectSuffix(const QString &region) {
    QString suffix;
    for (const QChar c : region) {
        if (c.isLetterOrNumber())
            suffix += c;
    }
    return suffix;
}

} // namespace

DesReadinessWidget::DesReadinessWidget(cmk::ArmClient *client, QWidget *parent)
    : QWidget(parent)
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
    m_table->setObjectName(QStringLiteral("desReadinessTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);

    auto *typeRow = new QHBoxLayout;
    m_typeLabel = new QLabel(this);
    m_typeLabel->setObjectName(QStringLiteral("desTypeLabel"));
    typeRow->addWidget(m_typeLabel);
    m_typeCombo = new QComboBox(this);
    m_typeCombo->setObjectName(QStringLiteral("desTypeCombo"));
    m_typeCombo->addItem(QString(), QStringLiteral("EncryptionAtRestWithCustomerKey"));
    m_typeCombo->addItem(QString(), QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys"));
    m_typeLabel->setBuddy(m_typeCombo);
    typeRow->addWidget(m_typeCombo, 1);
    layout->addLayout(typeRow);

    m_flaggedArea = new QWidget(this);
    m_flaggedArea->setObjectName(QStringLiteral("desFlaggedArea"));
    m_flaggedLayout = new QVBoxLayout(m_flaggedArea);
    m_flaggedLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_flaggedArea);

    connect(m_refreshButton, &QPushButton::clicked, this, [this] { check(m_subscriptionId, m_regions); });
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, [this] { rebuildFlaggedRegions(); });
    connect(m_checker, &cmk::DesReadinessChecker::finished, this, [this] {
        showResults();
        emit readinessChanged(m_checker->allReady());
    });

    retranslateUi();
}

DesReadinessWidget::~DesReadinessWidget() = default;

void DesReadinessWidget::check(const QString &subscriptionId, const QStringList &regions) {
    m_subscriptionId = subscriptionId;
    m_regions = regions;
    m_checker->check(subscriptionId, regions);
    m_summaryLabel->setText(tr("Looking for disk encryption sets in the target regions…"));
    m_refreshButton->setEnabled(false);
}

void DesReadinessWidget::setResourceGroupHint(const QString &resourceGroup) {
    m_resourceGroupHint = resourceGroup;
    rebuildFlaggedRegions();
}

QString DesReadinessWidget::selectedEncryptionType() const {
    return m_typeCombo->currentData().toString();
}

cmk::DesCreationCommands DesReadinessWidget::commandsFor(const QString &region) const {
    if (!m_checker->flaggedRegions().contains(cmk::normalizeRegion(region)))
        return {};
    cmk::DesCreationParameters parameters;
    parameters.subscriptionId = m_subscriptionId;
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
    m_refreshButton->setText(tr("Check again"));
    m_refreshButton->setAccessibleName(tr("Check the disk encryption sets again"));
    m_table->setAccessibleName(tr("Disk encryption sets per target region"));
    m_table->setHorizontalHeaderLabels(
        {tr("Region"), tr("Customer-managed key"), tr("Double encryption"), tr("Status")});
    m_typeLabel->setText(tr("Encryption type for the commands:"));
    m_typeLabel->setAccessibleName(tr("Encryption type for the commands"));
    m_typeCombo->setItemText(0, tr("Encryption at rest with a customer-managed key"));
    m_typeCombo->setItemText(1, tr("Double encryption with platform-managed and customer-managed keys"));
    m_typeCombo->setAccessibleName(tr("Encryption type for the commands"));
    m_flaggedArea->setAccessibleName(tr("How to create the missing disk encryption sets"));
    if (m_checker->isBusy())
        m_summaryLabel->setText(tr("Looking for disk encryption sets in the target regions…"));
    else
        showResults();
}

void DesReadinessWidget::showResults() {
    m_refreshButton->setEnabled(!m_subscriptionId.isEmpty() && !m_checker->isBusy());
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
        setCell(RegionColumn, r.region);
        setCell(CustomerKeyColumn, QString::number(r.customerKeyCount));
        setCell(DoubleEncryptionColumn, QString::number(r.doubleEncryptionCount));
        setCell(StatusColumn, r.isReady() ? tr("Ready") : tr("No usable disk encryption set"));
        if (!r.isReady())
            m_table->item(row, StatusColumn)->setForeground(QColor(0xb3, 0x26, 0x1e));
    }

    const QStringList flagged = m_checker->flaggedRegions();
    if (error.isError())
        m_summaryLabel->setText(tr("Disk encryption set readiness is unknown."));
    else if (m_subscriptionId.isEmpty() || results.isEmpty())
        m_summaryLabel->setText(tr("Choose target regions to check their disk encryption sets."));
    else if (flagged.isEmpty())
        m_summaryLabel->setText(tr("Every target region has a disk encryption set in this subscription."));
    else
        m_summaryLabel->setText(
            tr("%n target region(s) have no disk encryption set in this subscription: %1.", nullptr,
               int(flagged.size()))
                .arg(flagged.join(QStringLiteral(", "))));
    rebuildFlaggedRegions();
}

void DesReadinessWidget::rebuildFlaggedRegions() {
    while (QLayoutItem *item = m_flaggedLayout->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    const QStringList flagged = m_checker->error().isError() ? QStringList() : m_checker->flaggedRegions();
    m_typeLabel->setVisible(!flagged.isEmpty());
    m_typeCombo->setVisible(!flagged.isEmpty());
    m_flaggedArea->setVisible(!flagged.isEmpty());
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const QString &region : flagged) {
        const QString suffix = objectSuffix(region);
        const cmk::DesCreationCommands commands = commandsFor(region);
        auto *box = new QGroupBox(tr("No disk encryption set in %1").arg(region), m_flaggedArea);
        box->setObjectName(QStringLiteral("desFlaggedBox_") + suffix);
        box->setAccessibleName(tr("No disk encryption set in %1").arg(region));
        auto *grid = new QGridLayout(box);
        auto *explanation = new QLabel(
            tr("Image versions replicated to %1 need a disk encryption set in that region, in this "
               "subscription. "
               "Create one with either command below, after replacing the placeholders in angle brackets "
               "with "
               "your key vault and key (in the same region), then give the set's identity access to the key, "
               "for example with the Key Vault Crypto Service Encryption User role.")
                .arg(region),
            box);
        explanation->setObjectName(QStringLiteral("desExplanation_") + suffix);
        explanation->setAccessibleName(tr("How to create a disk encryption set in %1").arg(region));
        explanation->setWordWrap(true);
        grid->addWidget(explanation, 0, 0, 1, 2);

        auto addCommand = [&](int row, const QString &kind, const QString &title, const QString &text) {
            auto *label = new QLabel(title, box);
            label->setObjectName(kind + QStringLiteral("Label_") + suffix);
            label->setAccessibleName(title);
            grid->addWidget(label, row, 0, 1, 2);
            auto *edit = new QPlainTextEdit(text, box);
            edit->setObjectName(kind + QStringLiteral("Command_") + suffix);
            edit->setAccessibleName(tr("%1 command for %2").arg(title, region));
            edit->setReadOnly(true);
            edit->setFont(fixed);
            edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
            edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 5 + 12);
            grid->addWidget(edit, row + 1, 0);
            auto *copy = new QPushButton(tr("Copy"), box);
            copy->setObjectName(kind + QStringLiteral("CopyButton_") + suffix);
            copy->setAccessibleName(tr("Copy the %1 command for %2").arg(title, region));
            grid->addWidget(copy, row + 1, 1, Qt::AlignTop);
            connect(copy, &QPushButton::clicked, this, [text] { QApplication::clipboard()->setText(text); });
            label->setBuddy(edit);
        };
        addCommand(1, QStringLiteral("az"), tr("Azure CLI"), commands.azureCli);
        addCommand(3, QStringLiteral("powerShell"), tr("Azure PowerShell"), commands.powerShell);
        m_flaggedLayout->addWidget(box);
    }
}

} // namespace cmkui
