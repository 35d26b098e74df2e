#include "vmwizard/vmreviewpage.h"

#include "common/diskencryptionsetmodel.h"
#include "common/operationprogresspanel.h"
#include "common/summaryhtml.h"
#include "common/usertext.h"
#include "imageversion/imageversionvalidation.h"
#include "vm/vmexport.h"
#include "vm/vmvalidation.h"
#include "vmwizard/vmpage.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using namespace cmk;

namespace cmkui {

VmReviewPage::VmReviewPage(const VmWizardContext &context, QWidget *parent)
    : ReviewCreatePage(vmWizardServices(context), parent)
    , m_context(context)
    , m_submitter(new VmSubmitter(context.client, this)) {
    setObjectName(QStringLiteral("vmReviewPage"));
    setSubmitter(m_submitter);
    summaryView()->setMinimumHeight(150);
    requestToggle()->setObjectName(QStringLiteral("showRequestsButton"));
    m_copyCliButton = new QPushButton(this);
    m_copyCliButton->setObjectName(QStringLiteral("copyCliButton"));
    m_copyPowerShellButton = new QPushButton(this);
    m_copyPowerShellButton->setObjectName(QStringLiteral("copyPowerShellButton"));
    toggleRow()->addWidget(m_copyCliButton);
    toggleRow()->addWidget(m_copyPowerShellButton);

    auto *requestLayout = new QVBoxLayout(requestPanel());
    requestLayout->setContentsMargins(0, 0, 0, 0);
    m_requestsEdit = new QPlainTextEdit(requestPanel());
    m_requestsEdit->setObjectName(QStringLiteral("requestsEdit"));
    m_requestsEdit->setReadOnly(true);
    m_requestsEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    requestLayout->addWidget(m_requestsEdit, 1);
    m_copyRequestsButton = new QPushButton(requestPanel());
    m_copyRequestsButton->setObjectName(QStringLiteral("copyRequestsButton"));
    requestLayout->addWidget(m_copyRequestsButton, 0, Qt::AlignRight);
    setRequestStretch(3);
    // The keyboard follows the eye: the buttons of the toggle row, then the requests.
    setTabOrder(requestToggle(), m_copyCliButton);
    setTabOrder(m_copyCliButton, m_copyPowerShellButton);
    setTabOrder(m_copyPowerShellButton, m_requestsEdit);
    setTabOrder(m_requestsEdit, m_copyRequestsButton);

    connect(m_copyRequestsButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_requestsEdit->toPlainText()); });
    connect(m_copyCliButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(VmExporter::azureCli(draft()).text); });
    connect(m_copyPowerShellButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(VmExporter::powerShell(draft()).text); });
    connect(m_submitter, &VmSubmitter::stepStarted, this, [this] { updateProgress(); });
    retranslateUi();
}

const VmDraft &VmReviewPage::draft() const {
    return m_context.draft->draft();
}

void VmReviewPage::retranslateUi() {
    ReviewCreatePage::retranslateUi();
    requestToggle()->setText(tr("Show the &requests that will be sent"));
    m_requestsEdit->setAccessibleName(tr("Requests"));
    m_copyRequestsButton->setText(tr("Cop&y the requests"));
    m_copyCliButton->setText(tr("Copy as Azure CL&I"));
    m_copyPowerShellButton->setText(tr("Copy as &PowerShell"));
}

void VmReviewPage::submitDraft() {
    m_submitter->submit(draft());
}

void VmReviewPage::showRequests() {
    const VmRequestPlan plan = m_submitter->planFor(draft());
    QStringList text;
    for (const VmPutRequest &request : plan.requests)
        text << QStringLiteral("PUT %1\n\n%2\n")
                    .arg(request.url.toString(QUrl::FullyEncoded), request.bodyText());
    m_requestsEdit->setPlainText(text.join(QLatin1Char('\n')));
}

QString VmReviewPage::diskEncryptionSetName(const QString &id) const {
    if (const DiskEncryptionSet *des = m_context.diskEncryptionSets->find(id))
        return tr("%1 (%2)").arg(des->name, des->resourceGroup());
    return id.isEmpty() ? tr("not chosen") : ResourceId::parse(id).name();
}

QString VmReviewPage::summaryHtml() const {
    const VmDraft &d = draft();
    const ResourceId image = ResourceId::parse(d.imageVersionId);
    SummaryHtml html;
    html.heading(tr("Virtual machine"));
    html.row(
        tr("Image version"),
        tr("%1 of %2 (gallery %3)").arg(image.names.value(2), image.names.value(1), image.names.value(0)));
    html.row(tr("Operating system"),
             d.isSpecialized() ? tr("%1, specialized").arg(d.osType) : tr("%1, generalized").arg(d.osType));
    html.row(tr("Subscription"), d.subscriptionId);
    html.row(tr("Resource group"), d.resourceGroup);
    html.row(tr("Name"), d.name);
    html.row(tr("Region"), vmRegionDisplay(m_context, d.location));
    html.row(tr("Size"), d.size);
    if (d.hasAdminAccount()) {
        html.row(tr("Administrator"), d.adminUsername);
        html.row(tr("Authentication"), d.usesSshKey() ? tr("SSH public key") : tr("Password (not shown)"));
    } else {
        html.row(tr("Administrator"), tr("kept from the specialized image"));
    }
    html.heading(tr("Networking"));
    if (d.networkMode == VmNetworkMode::NewVirtualNetwork) {
        html.row(tr("New virtual network"), tr("%1 (%2)").arg(d.newVnetName, d.newVnetAddressPrefix));
        html.row(tr("New subnet"), tr("%1 (%2)").arg(d.newSubnetName, d.newSubnetAddressPrefix));
    } else {
        const ResourceId subnet = ResourceId::parse(d.subnetId);
        html.row(tr("Virtual network"), subnet.names.value(0));
        html.row(tr("Subnet"), subnet.names.value(1));
    }
    html.row(tr("Network interface"), d.effectiveNicName());
    html.heading(tr("Disks"));
    html.paragraph(ImageVersionValidation::encryptionModeLabel(d.encryption));
    html.row(tr("OS disk size"), d.osDiskSizeGb > 0 ? tr("%1 GiB").arg(d.osDiskSizeGb) : tr("as the image"));
    if (d.isConfidentialVm()) {
        html.row(tr("Confidential VM"), d.securityEncryptionType);
        if (!d.secureVmDesId.isEmpty())
            html.row(tr("Secure-VM disk encryption set"), diskEncryptionSetName(d.secureVmDesId));
    }
    QList<int> disks{-1};
    disks << d.imageDataDiskLuns;
    for (int lun : disks) {
        //: Summary row title: %1 the disk (OS disk, Data disk (LUN 1))
        html.row(tr("%1 storage").arg(ImageVersionValidation::diskTitle(lun)),
                 d.storageTypeFor(lun).isEmpty() ? tr("default")
                                                 : cmk::ServiceTerms::storageType(d.storageTypeFor(lun)));
    }
    if (usesCustomerKey(d.encryption)) {
        html.grid({tr("Disk"), tr("Disk encryption set")});
        for (int lun : disks)
            html.gridRow({ImageVersionValidation::diskTitle(lun), diskEncryptionSetName(d.desFor(lun))});
    }
    return html.html();
}

void VmReviewPage::showProgress(OperationProgressPanel *panel) {
    using Stage = VmSubmitter::Stage;
    const Stage stage = m_submitter->stage();
    const int steps = qMax(1, m_submitter->stepCount());
    const int done = stage == Stage::Succeeded ? steps
                     : stage == Stage::Idle    ? 0
                                               : qMax(0, m_submitter->currentStep());
    panel->setProgress(done, steps);
}

QString VmReviewPage::failureText() const {
    return tr("%1\nYour choices are kept: go Back to change them, or press Create to try "
              "again.")
        .arg(m_submitter->stageText());
}

QStringList VmReviewPage::computeErrors() const {
    const VmRequestPlan plan = m_submitter->planFor(draft());
    if (!plan.ok())
        return {tr("The requests cannot be built: %1").arg(plan.error.toDisplayString())};
    return VmValidation::offlineErrors(draft());
}

} // namespace cmkui
