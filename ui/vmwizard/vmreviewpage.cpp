#include "vmwizard/vmreviewpage.h"

#include "common/diskencryptionsetmodel.h"
#include "common/operationprogresspanel.h"
#include "imageversion/imageversionvalidation.h"
#include "vm/vmexport.h"
#include "vm/vmvalidation.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWizard>

using namespace cmk;

namespace cmkui {

namespace {

QString vmEsc(const QString &text) {
    return text.toHtmlEscaped();
}

QString vmRow(const QString &label, const QString &value) {
    return QStringLiteral(
               "<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">%1</th><td>%2</td></tr>")
        .arg(vmEsc(label), vmEsc(value));
}

} // namespace

VmReviewPage::VmReviewPage(const VmWizardContext &context, QWidget *parent)
    : VmPage(context, parent)
    , m_submitter(new VmSubmitter(context.client, this)) {
    setObjectName(QStringLiteral("vmReviewPage"));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("summaryView"));
    m_summary->setOpenLinks(false);
    m_summary->setMinimumHeight(150);
    layout->addWidget(m_summary, 3);
    auto *requestRow = new QHBoxLayout;
    m_showRequestsButton = new QToolButton(this);
    m_showRequestsButton->setObjectName(QStringLiteral("showRequestsButton"));
    m_showRequestsButton->setCheckable(true);
    m_showRequestsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_showRequestsButton->setArrowType(Qt::RightArrow);
    m_showRequestsButton->setAutoRaise(true);
    requestRow->addWidget(m_showRequestsButton);
    requestRow->addStretch(1);
    m_copyCliButton = new QPushButton(this);
    m_copyCliButton->setObjectName(QStringLiteral("copyCliButton"));
    m_copyPowerShellButton = new QPushButton(this);
    m_copyPowerShellButton->setObjectName(QStringLiteral("copyPowerShellButton"));
    requestRow->addWidget(m_copyCliButton);
    requestRow->addWidget(m_copyPowerShellButton);
    layout->addLayout(requestRow);
    m_requestsEdit = new QPlainTextEdit(this);
    m_requestsEdit->setObjectName(QStringLiteral("requestsEdit"));
    m_requestsEdit->setReadOnly(true);
    m_requestsEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_requestsEdit->setVisible(false);
    layout->addWidget(m_requestsEdit, 3);
    m_copyRequestsButton = new QPushButton(this);
    m_copyRequestsButton->setObjectName(QStringLiteral("copyRequestsButton"));
    m_copyRequestsButton->setVisible(false);
    layout->addWidget(m_copyRequestsButton, 0, Qt::AlignRight);

    m_progressBox = new OperationProgressPanel(this);
    layout->addWidget(m_progressBox);
    addStatusWidgets(layout);

    connect(m_showRequestsButton, &QToolButton::toggled, this, [this](bool shown) {
        m_requestsEdit->setVisible(shown);
        m_copyRequestsButton->setVisible(shown);
        m_showRequestsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_copyRequestsButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_requestsEdit->toPlainText()); });
    connect(m_copyCliButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(VmExporter::azureCli(draft()).text); });
    connect(m_copyPowerShellButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(VmExporter::powerShell(draft()).text); });
    connect(m_submitter, &VmSubmitter::stepStarted, this, [this] { updateProgress(); });
    connect(m_submitter, &VmSubmitter::operationStatusChanged, this, [this] { updateProgress(); });
    connect(m_submitter, &VmSubmitter::finished, this, [this] {
        updateProgress();
        updateButtons();
        if (m_submitter->stage() == VmSubmitter::Stage::Succeeded)
            Q_EMIT virtualMachineCreated(m_submitter->virtualMachineId());
    });
    retranslateUi();
}

void VmReviewPage::retranslateUi() {
    VmPage::retranslateUi();
    setTitle(tr("Review + create"));
    setSubTitle(tr("Check everything, then press Create. Nothing is sent to Azure before that."));
    m_summary->setAccessibleName(tr("Summary"));
    m_showRequestsButton->setText(tr("Show the &requests that will be sent"));
    m_requestsEdit->setAccessibleName(tr("Requests"));
    m_copyRequestsButton->setText(tr("Cop&y the requests"));
    m_copyCliButton->setText(tr("Copy as Azure &CLI"));
    m_copyPowerShellButton->setText(tr("Copy as &PowerShell"));
    if (isVisible())
        refresh();
    updateProgress();
    updateButtons();
}

void VmReviewPage::initializePage() {
    if (!m_submitter->isRunning() && m_submitter->stage() != VmSubmitter::Stage::Succeeded)
        m_progressBox->reset();
    refresh();
    updateButtons();
    revalidate();
}

void VmReviewPage::cleanupPage() {
    m_progressBox->setVisible(false);
}

void VmReviewPage::refresh() {
    const VmRequestPlan plan =
        VmRequests::build(draft(), m_context.client ? m_context.client->endpoint() : QUrl());
    QStringList text;
    for (const VmPutRequest &request : plan.requests)
        text << QStringLiteral("PUT %1\n\n%2\n")
                    .arg(request.url.toString(QUrl::FullyEncoded), request.bodyText());
    m_requestsEdit->setPlainText(text.join(QLatin1Char('\n')));
    m_summary->setHtml(summaryHtml());
}

QString VmReviewPage::summaryHtml() const {
    const VmDraft &d = draft();
    const ResourceId image = ResourceId::parse(d.imageVersionId);
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(vmEsc(tr("Virtual machine")));
    html += vmRow(
        tr("Image version"),
        tr("%1 of %2 (gallery %3)").arg(image.names.value(2), image.names.value(1), image.names.value(0)));
    html += vmRow(tr("Operating system"), d.isSpecialized() ? tr("%1, specialized").arg(d.osType)
                                                            : tr("%1, generalized").arg(d.osType));
    html += vmRow(tr("Subscription"), d.subscriptionId);
    html += vmRow(tr("Resource group"), d.resourceGroup);
    html += vmRow(tr("Name"), d.name);
    html += vmRow(tr("Region"), vmRegionDisplay(m_context, d.location));
    html += vmRow(tr("Size"), d.size);
    if (d.hasAdminAccount()) {
        html += vmRow(tr("Administrator"), d.adminUsername);
        html +=
            vmRow(tr("Authentication"), d.usesSshKey() ? tr("SSH public key") : tr("Password (not shown)"));
    } else {
        html += vmRow(tr("Administrator"), tr("kept from the specialized image"));
    }
    html += QStringLiteral("</table><h3>%1</h3><table>").arg(vmEsc(tr("Networking")));
    if (d.networkMode == VmNetworkMode::NewVirtualNetwork) {
        html += vmRow(tr("New virtual network"), tr("%1 (%2)").arg(d.newVnetName, d.newVnetAddressPrefix));
        html += vmRow(tr("New subnet"), tr("%1 (%2)").arg(d.newSubnetName, d.newSubnetAddressPrefix));
    } else {
        const ResourceId subnet = ResourceId::parse(d.subnetId);
        html += vmRow(tr("Virtual network"), subnet.names.value(0));
        html += vmRow(tr("Subnet"), subnet.names.value(1));
    }
    html += vmRow(tr("Network interface"), d.effectiveNicName());
    html += QStringLiteral("</table><h3>%1</h3><p>%2</p>")
                .arg(vmEsc(tr("Disks")), vmEsc(ImageVersionValidation::encryptionModeLabel(d.encryption)));
    html += QStringLiteral("<table>");
    html +=
        vmRow(tr("OS disk size"), d.osDiskSizeGb > 0 ? tr("%1 GiB").arg(d.osDiskSizeGb) : tr("as the image"));
    QList<int> allDisks{-1};
    allDisks << d.imageDataDiskLuns;
    for (int lun : allDisks) {
        //: Summary row title: %1 the disk (OS disk, Data disk (LUN 1))
        html += vmRow(tr("%1 storage").arg(ImageVersionValidation::diskTitle(lun)),
                      d.storageTypeFor(lun).isEmpty() ? tr("default") : d.storageTypeFor(lun));
    }
    html += QStringLiteral("</table>");
    if (usesCustomerKey(d.encryption)) {
        html += QStringLiteral(
                    "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th><th>%2</th></tr>")
                    .arg(vmEsc(tr("Disk")), vmEsc(tr("Disk encryption set")));
        QList<int> disks{-1};
        disks << d.imageDataDiskLuns;
        for (int lun : disks) {
            const QString id = d.desFor(lun);
            QString name = tr("not chosen");
            if (const DiskEncryptionSet *des = m_context.diskEncryptionSets->find(id))
                name = tr("%1 (%2)").arg(des->name, des->resourceGroup());
            else if (!id.isEmpty())
                name = ResourceId::parse(id).name();
            html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                        .arg(vmEsc(ImageVersionValidation::diskTitle(lun)), vmEsc(name));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

bool VmReviewPage::isComplete() const {
    return !m_submitter->isRunning() && DraftPage::isComplete();
}

bool VmReviewPage::validatePage() {
    if (m_submitter->stage() == VmSubmitter::Stage::Succeeded)
        return true;
    if (m_submitter->isRunning())
        return false;
    refresh();
    m_progressBox->start();
    m_submitter->submit(draft());
    updateProgress();
    updateButtons();
    return false;
}

void VmReviewPage::stop() {
    m_submitter->cancel();
}

void VmReviewPage::updateProgress() {
    using Stage = VmSubmitter::Stage;
    const Stage stage = m_submitter->stage();
    m_progressBox->setStatus(m_submitter->stageText());
    const int steps = qMax(1, m_submitter->stepCount());
    const int done = stage == Stage::Succeeded ? steps
                     : stage == Stage::Idle    ? 0
                                               : qMax(0, m_submitter->currentStep());
    m_progressBox->setProgress(done, steps);
    if (stage == Stage::Succeeded) {
        m_progressBox->setResult(tr("Created: %1").arg(m_submitter->virtualMachineId()));
        m_progressBox->setError(QString());
    } else if (stage == Stage::Failed) {
        m_progressBox->setError(
            tr("%1\nYour choices are kept: go Back to change them, or press Create to try "
               "again.")
                .arg(m_submitter->stageText()));
    } else if (stage == Stage::Canceled) {
        m_progressBox->setError(m_submitter->stageText());
    }
}

void VmReviewPage::updateButtons() {
    OperationProgressPanel::applyWizardButtons(wizard(), m_submitter->isRunning(),
                                               m_submitter->stage() == VmSubmitter::Stage::Succeeded);
    Q_EMIT completeChanged();
}

QStringList VmReviewPage::computeErrors() const {
    const VmRequestPlan plan =
        VmRequests::build(draft(), m_context.client ? m_context.client->endpoint() : QUrl());
    if (!plan.ok())
        return {tr("The requests cannot be built: %1").arg(plan.error.toDisplayString())};
    return VmValidation::offlineErrors(draft());
}

} // namespace cmkui
