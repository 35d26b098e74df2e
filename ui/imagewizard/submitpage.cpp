#include "imagewizard/submitpage.h"

#include "common/diskencryptionsetmodel.h"
#include "imageversion/imageversionvalidation.h"
#include "common/operationprogresspanel.h"
#include "common/resourcelistmodel.h"
#include "arm/resources.h"
#include "review/reviewexport.h"
#include "vmwizard/vmwizard.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWizard>

using namespace cmk;

namespace cmkui {

namespace {

QString summaryEscaped(const QString &text) {
    return text.toHtmlEscaped();
}

QString summaryRow(const QString &label, const QString &value) {
    return QStringLiteral(
               "<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">%1</th><td>%2</td></tr>")
        .arg(summaryEscaped(label), summaryEscaped(value));
}

} // namespace

SubmitPage::SubmitPage(const WizardServices &services, QWidget *parent)
    : DraftPage(services, parent)
    , m_submitter(new ImageVersionSubmitter(services.client, this)) {
    setObjectName(QStringLiteral("reviewPage"));
    m_submitter->setReplicationPollIntervalMs(services.replicationPollIntervalMs);
    setFinalPage(true);

    auto *layout = new QVBoxLayout(this);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("summaryView"));
    m_summary->setOpenLinks(false);
    m_summary->setMinimumHeight(160);
    layout->addWidget(m_summary, 3);

    m_showRequestButton = new QToolButton(this);
    m_showRequestButton->setObjectName(QStringLiteral("showRequestButton"));
    m_showRequestButton->setCheckable(true);
    m_showRequestButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_showRequestButton->setArrowType(Qt::RightArrow);
    m_showRequestButton->setAutoRaise(true);
    layout->addWidget(m_showRequestButton);

    m_requestPanel = new QWidget(this);
    m_requestPanel->setObjectName(QStringLiteral("requestPanel"));
    auto *requestLayout = new QVBoxLayout(m_requestPanel);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    auto *urlRow = new QHBoxLayout;
    m_urlLabel = new QLabel(m_requestPanel);
    m_urlEdit = new QLineEdit(m_requestPanel);
    m_urlEdit->setObjectName(QStringLiteral("putUrlEdit"));
    m_urlEdit->setReadOnly(true);
    m_urlLabel->setBuddy(m_urlEdit);
    urlRow->addWidget(m_urlLabel);
    urlRow->addWidget(m_urlEdit, 1);
    requestLayout->addLayout(urlRow);
    m_bodyLabel = new QLabel(m_requestPanel);
    m_bodyEdit = new QPlainTextEdit(m_requestPanel);
    m_bodyEdit->setObjectName(QStringLiteral("requestBodyEdit"));
    m_bodyEdit->setReadOnly(true);
    m_bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bodyEdit->setMinimumHeight(140);
    m_bodyLabel->setBuddy(m_bodyEdit);
    requestLayout->addWidget(m_bodyLabel);
    requestLayout->addWidget(m_bodyEdit, 1);
    auto *copyRow = new QHBoxLayout;
    m_copyButton = new QPushButton(m_requestPanel);
    m_copyButton->setObjectName(QStringLiteral("copyRequestButton"));
    copyRow->addStretch(1);
    copyRow->addWidget(m_copyButton);
    requestLayout->addLayout(copyRow);
    m_requestPanel->setVisible(false);
    layout->addWidget(m_requestPanel, 2);

    m_progressBox = new OperationProgressPanel(this);
    layout->addWidget(m_progressBox);
    addStatusWidgets(layout);

    setTabOrder(m_summary, m_showRequestButton);
    setTabOrder(m_showRequestButton, m_urlEdit);
    setTabOrder(m_urlEdit, m_bodyEdit);
    setTabOrder(m_bodyEdit, m_copyButton);

    connect(m_showRequestButton, &QToolButton::toggled, this, [this](bool shown) {
        m_requestPanel->setVisible(shown);
        m_showRequestButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(
            QStringLiteral("PUT %1\n\n%2").arg(m_urlEdit->text(), m_bodyEdit->toPlainText()));
    });
    connect(m_submitter, &ImageVersionSubmitter::stageChanged, this, [this] {
        updateProgress();
        updateButtons();
    });
    connect(m_submitter, &ImageVersionSubmitter::operationStatusChanged, this, [this] { updateProgress(); });
    connect(m_submitter, &ImageVersionSubmitter::replicationChanged, this, [this] { updateProgress(); });
    connect(m_submitter, &ImageVersionSubmitter::finished, this, [this] {
        updateProgress();
        updateButtons();
        if (m_submitter->stage() == ImageVersionSubmitter::Stage::Succeeded)
            Q_EMIT imageVersionCreated(m_submitter->resourceId());
    });
    // Export (ui/reviewexport.h, review mode): the same settings as az / PowerShell / ARM / Bicep.
    copyRow->insertWidget(1, createExportButton([this] { return draftModel()->draft(); }, m_requestPanel));
    // "Create VM from this version" (ui/vmwizard.h) once the version exists, in a window of its own.
    auto *createVm = new QPushButton(tr("Create &VM from this version"), m_progressBox);
    createVm->setObjectName(QStringLiteral("createVmButton"));
    createVm->setVisible(false);
    m_progressBox->layout()->addWidget(createVm);
    connect(m_submitter, &ImageVersionSubmitter::finished, createVm, [this, createVm] {
        createVm->setVisible(m_submitter->stage() == ImageVersionSubmitter::Stage::Succeeded);
    });
    connect(createVm, &QPushButton::clicked, this,
            [this] { openCreateVmWizard(nullptr, m_services.client, m_submitter->resourceId()); });
    retranslateUi();
}

void SubmitPage::retranslateUi() {
    DraftPage::retranslateUi();
    if (auto *createVm = findChild<QPushButton *>(QStringLiteral("createVmButton")))
        createVm->setText(tr("Create &VM from this version"));
    setTitle(tr("Review + create"));
    setSubTitle(tr("Check everything, then press Create. Nothing is sent to Azure before that."));
    m_summary->setAccessibleName(tr("Summary"));
    m_showRequestButton->setText(tr("Show the &request that will be sent"));
    m_showRequestButton->setAccessibleName(tr("Show the request"));
    m_urlLabel->setText(tr("PUT &URL:"));
    m_urlEdit->setAccessibleName(tr("Request URL"));
    m_bodyLabel->setText(tr("Request &body (JSON):"));
    m_bodyEdit->setAccessibleName(tr("Request body"));
    m_copyButton->setText(tr("Cop&y the request"));
    m_copyButton->setAccessibleName(tr("Copy the request"));
    if (isVisible())
        refreshSummary();
    updateProgress();
    updateButtons();
}

void SubmitPage::initializePage() {
    if (!m_submitter->isRunning() && m_submitter->stage() != ImageVersionSubmitter::Stage::Succeeded)
        m_progressBox->reset();
    refreshSummary();
    updateButtons();
    revalidate();
}

void SubmitPage::cleanupPage() {
    // Back: what was typed stays in the draft; only this page's view is reset.
    m_progressBox->setVisible(false);
}

void SubmitPage::refreshSummary() {
    m_request = buildImageVersionRequest(draftModel()->draft(),
                                         m_services.client ? m_services.client->endpoint() : QUrl());
    m_urlEdit->setText(m_request.url.toString(QUrl::FullyEncoded));
    m_urlEdit->setCursorPosition(0);
    m_bodyEdit->setPlainText(m_request.bodyText());
    m_summary->setHtml(summaryHtml());
}

QString SubmitPage::summaryHtml() const {
    const ImageVersionDraft &d = draftModel()->draft();
    auto regionName = [this](const QString &name) {
        const int r = m_services.locations->rowOfName(name);
        return r >= 0 && !m_services.locations->row(r).display.isEmpty()
                   ? m_services.locations->row(r).display
                   : name;
    };
    auto desName = [this](const QString &id) {
        if (id.isEmpty())
            return tr("not chosen");
        if (const DiskEncryptionSet *des = m_services.diskEncryptionSets->find(id))
            return tr("%1 (%2)").arg(des->name, des->resourceGroup());
        const ResourceId rid = ResourceId::parse(id);
        return tr("%1 (%2)").arg(rid.name(), rid.resourceGroup);
    };

    QString html;
    html += QStringLiteral("<h3>%1</h3><table>").arg(summaryEscaped(tr("Image version")));
    html += summaryRow(tr("Subscription"), d.subscriptionId);
    html += summaryRow(tr("Resource group"), d.resourceGroup);
    html += summaryRow(tr("Gallery"), d.galleryName);
    html += summaryRow(tr("Image definition"), d.imageDefinitionName);
    html += summaryRow(tr("Version"), d.versionName);
    html += summaryRow(tr("Location"), regionName(d.location));
    QString sourceKind;
    switch (d.sourceKind) {
    case SourceKind::ManagedImage:
        sourceKind = tr("Managed image");
        break;
    case SourceKind::Snapshots:
        sourceKind = tr("OS disk snapshot");
        break;
    case SourceKind::VirtualMachine:
        sourceKind = tr("Virtual machine");
        break;
    case SourceKind::ImageVersion:
        sourceKind = tr("Image version");
        break;
    }
    html += summaryRow(sourceKind, ResourceId::parse(d.sourceId).name());
    if (d.sourceKind == SourceKind::Snapshots) {
        for (const DataDiskSnapshot &disk : d.dataDiskSnapshots)
            html +=
                summaryRow(ImageVersionValidation::diskTitle(disk.lun), ResourceId::parse(disk.snapshotId).name());
    }
    html += QStringLiteral("</table>");

    html +=
        QStringLiteral("<h3>%1</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%2</th>"
                       "<th>%3</th><th>%4</th></tr>")
            .arg(summaryEscaped(tr("Replication")), summaryEscaped(tr("Region")),
                 summaryEscaped(tr("Replica count")), summaryEscaped(tr("Storage account type")));
    for (const RegionDraft &region : d.targetRegions) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td>%3</td></tr>")
                    .arg(summaryEscaped(regionName(region.name)), QLocale().toString(region.replicaCount),
                         summaryEscaped(region.storageAccountType));
    }
    html += QStringLiteral("</table><table>");
    html += summaryRow(tr("Default replica count"), QLocale().toString(d.defaultReplicaCount));
    html += summaryRow(tr("End-of-life date"), d.endOfLifeDate.isValid()
                                                   ? QLocale().toString(d.endOfLifeDate, QLocale::LongFormat)
                                                   : tr("none"));
    html += summaryRow(tr("Exclude from latest"), d.excludeFromLatest ? tr("yes") : tr("no"));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(summaryEscaped(tr("Encryption")),
                     summaryEscaped(ImageVersionValidation::encryptionModeLabel(d.encryption)));
    if (usesCustomerKey(d.encryption)) {
        QList<int> disks{-1};
        disks += d.dataDiskLuns();
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th>")
                    .arg(summaryEscaped(tr("Region")));
        for (int lun : disks)
            html += QStringLiteral("<th>%1</th>").arg(summaryEscaped(ImageVersionValidation::diskTitle(lun)));
        html += QStringLiteral("</tr>");
        for (const RegionDraft &region : d.targetRegions) {
            html += QStringLiteral("<tr><td>%1</td>").arg(summaryEscaped(regionName(region.name)));
            for (int lun : disks)
                html += QStringLiteral("<td>%1</td>").arg(summaryEscaped(desName(d.desFor(region, lun))));
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
        html +=
            QStringLiteral("<p><i>%1</i></p>")
                .arg(summaryEscaped(tr("This image version cannot be shared or copied, and cannot go back to "
                                       "platform-managed keys.")));
    }

    html += QStringLiteral("<h3>%1</h3>").arg(summaryEscaped(tr("Tags")));
    if (d.tags.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(summaryEscaped(tr("none")));
    } else {
        html += QStringLiteral("<table>");
        for (const TagDraft &tag : d.tags)
            html += summaryRow(tag.name, tag.value);
        html += QStringLiteral("</table>");
    }
    return html;
}

bool SubmitPage::isComplete() const {
    return !m_submitter->isRunning() && DraftPage::isComplete();
}

bool SubmitPage::validatePage() {
    if (m_submitter->stage() == ImageVersionSubmitter::Stage::Succeeded)
        return true;
    if (m_submitter->isRunning())
        return false;
    refreshSummary();
    qDeleteAll(
        m_progressBox->findChildren<QWidget *>(QStringLiteral("replicationRow"), Qt::FindDirectChildrenOnly));
    m_regionBars.clear();
    m_progressBox->start();
    m_submitter->submit(draftModel()->draft());
    updateProgress();
    updateButtons();
    return false;
}

void SubmitPage::stop() {
    m_submitter->cancel();
}

void SubmitPage::updateProgress() {
    using Stage = ImageVersionSubmitter::Stage;
    const Stage stage = m_submitter->stage();
    m_progressBox->setStatus(m_submitter->stageText());
    switch (stage) {
    case Stage::Idle:
    case Stage::Failed:
    case Stage::Canceled:
        m_progressBox->setProgress(0);
        break;
    case Stage::Provisioning:
        m_progressBox->setBusy(); // ARM reports no percentage for the creation itself
        break;
    case Stage::Replicating:
    case Stage::Succeeded:
        m_progressBox->setProgress(100);
        break;
    }

    for (const RegionalReplicationStatus &status : m_submitter->replication()) {
        const QString key = normalizeRegion(status.region);
        if (!m_regionBars.contains(key)) {
            auto *rowWidget = new QWidget(m_progressBox);
            rowWidget->setObjectName(QStringLiteral("replicationRow"));
            auto *rowLayout = new QHBoxLayout(rowWidget);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            auto *label = new QLabel(rowWidget);
            label->setMinimumWidth(140);
            auto *bar = new QProgressBar(rowWidget);
            bar->setObjectName(QStringLiteral("replicationProgress_%1").arg(key));
            bar->setRange(0, 100);
            rowLayout->addWidget(label);
            rowLayout->addWidget(bar, 1);
            m_progressBox->detailsLayout()->addWidget(rowWidget);
            m_regionBars.insert(key, {label, bar});
        }
        auto [label, bar] = m_regionBars.value(key);
        //: Replication state of one region: %1 region, %2 state as Azure reports it (Replicating,
        //: Completed...)
        label->setText(tr("%1: %2").arg(status.region, status.state));
        bar->setValue(qBound(0, status.progress, 100));
        bar->setAccessibleName(tr("Replication to %1").arg(status.region));
    }

    if (stage == Stage::Succeeded) {
        m_progressBox->setResult(tr("Created: %1").arg(m_submitter->resourceId()));
    } else if (stage == Stage::Failed) {
        m_progressBox->setError(
            tr("Azure did not create the image version.\n%1\nYour choices are kept: go Back "
               "to change them, or press Create to try again.")
                .arg(m_submitter->error().toDisplayString()));
    } else if (stage == Stage::Canceled) {
        m_progressBox->setError(m_submitter->stageText());
    }
}

void SubmitPage::updateButtons() {
    // No going back while Azure works, nor after the version exists (there is nothing left to fix).
    OperationProgressPanel::applyWizardButtons(
        wizard(), m_submitter->isRunning(), m_submitter->stage() == ImageVersionSubmitter::Stage::Succeeded);
    Q_EMIT completeChanged();
}

QStringList SubmitPage::computeErrors() const {
    const ImageVersionRequest request = buildImageVersionRequest(
        draftModel()->draft(), m_services.client ? m_services.client->endpoint() : QUrl());
    if (!request.ok())
        return {tr("The request cannot be built: %1").arg(request.error.toDisplayString())};
    return {};
}

} // namespace cmkui
