#include "imagewizard/submitpage.h"

#include "arm/resources.h"
#include "common/deshealthview.h"
#include "common/diskencryptionsetmodel.h"
#include "common/operationprogresspanel.h"
#include "common/resourcelistmodel.h"
#include "common/summaryhtml.h"
#include "common/usertext.h"
#include "imageversion/imageversionupdate.h"
#include "imageversion/imageversionvalidation.h"
#include "imagewizard/prerequisitereminder.h"
#include "imagewizard/prerequisitespage.h"
#include "imagewizard/wizardpageids.h"
#include "imagewizard/updatestate.h"
#include "keyvault/deshealthcache.h"
#include "keyvault/draftkeyhealth.h"
#include "prerequisites/prerequisites.h"
#include "review/reviewexport.h"
#include "review/reviewwindow.h"
#include "vmwizard/vmwizard.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWizard>

using namespace cmk;

namespace cmkui {

SubmitPage::SubmitPage(const WizardServices &services, QWidget *parent)
    : ReviewCreatePage(services, parent)
    , m_submitter(new ImageVersionSubmitter(services.client, this)) {
    setObjectName(QStringLiteral("reviewPage"));
    m_submitter->setReplicationPollIntervalMs(services.replicationPollIntervalMs);
    setSubmitter(m_submitter);
    summaryView()->setMinimumHeight(160);
    requestToggle()->setObjectName(QStringLiteral("showRequestButton"));
    buildRequestView();
    connect(m_submitter, &ImageVersionSubmitter::replicationChanged, this, [this] { updateProgress(); });
    // "Create VM from this version" (ui/vmwizard.h) once the version exists, in a window of its own.
    m_createVmButton = new QPushButton(progressPanel());
    m_createVmButton->setObjectName(QStringLiteral("createVmButton"));
    m_createVmButton->setVisible(false);
    progressPanel()->layout()->addWidget(m_createVmButton);
    // And "Review the new version": the review window on it, to see its encryption as Azure reports it.
    m_reviewVersionButton = new QPushButton(progressPanel());
    m_reviewVersionButton->setObjectName(QStringLiteral("reviewNewVersionButton"));
    m_reviewVersionButton->setVisible(false);
    progressPanel()->layout()->addWidget(m_reviewVersionButton);
    connect(m_submitter, &ImageVersionSubmitter::finished, m_createVmButton, [this] {
        const bool created = m_submitter->stage() == ImageVersionSubmitter::Stage::Succeeded;
        m_createVmButton->setVisible(created);
        m_reviewVersionButton->setVisible(created && !m_services.update); // update: the review window is there
    });
    connect(m_createVmButton, &QPushButton::clicked, this,
            [this] { openCreateVmWizard(nullptr, m_services.client, m_submitter->resourceId()); });
    connect(m_reviewVersionButton, &QPushButton::clicked, this, [this] {
        openReviewWindow(m_services.client, window(), m_submitter->resourceId());
    });
    // The Encryption page may be left before a check ends: the summary and Create follow the results.
    // Once per event-loop turn: a cleared cache forgets every set at once.
    auto *healthSync = new QTimer(this);
    healthSync->setSingleShot(true);
    healthSync->setInterval(0);
    connect(healthSync, &QTimer::timeout, this, [this] {
        if (!isVisible() || m_submitter->isRunning())
            return;
        summaryView()->setHtml(summaryHtml());
        updatePrerequisitesButton();
        revalidate();
    });
    connect(services.keyHealth, &DesHealthCache::healthChanged, healthSync, qOverload<>(&QTimer::start));
    // A registration the Prerequisites page let the user leave running ends (or fails) here.
    if (services.prerequisites)
        connect(services.prerequisites, &PrerequisiteChecker::stateChanged, healthSync,
                qOverload<>(&QTimer::start));
    buildPrerequisitesButton();
    retranslateUi();
}

void SubmitPage::buildPrerequisitesButton() {
    m_prerequisitesButton = new QPushButton(this);
    m_prerequisitesButton->setObjectName(QStringLiteral("backToPrerequisitesButton"));
    m_prerequisitesButton->setVisible(false);
    toggleRow()->addWidget(m_prerequisitesButton);
    connect(m_prerequisitesButton, &QPushButton::clicked, this, &SubmitPage::goBackToPrerequisites);
    connect(m_submitter, &ImageVersionSubmitter::finished, this, [this] {
        // Azure refused for a prerequisite: what the page showed is stale, read it again.
        if (m_services.prerequisites && PrerequisiteChecker::isPrerequisiteError(m_submitter->error()))
            m_services.prerequisites->refresh();
        updatePrerequisitesButton();
    });
}

void SubmitPage::updatePrerequisitesButton() {
    const QString subscription = draftModel()->draft().subscriptionId;
    const bool refused = PrerequisiteChecker::isPrerequisiteError(m_submitter->error());
    const bool reachable = wizard() && wizard()->visitedIds().contains(PrerequisitesPageId);
    m_prerequisitesButton->setVisible(
        reachable && !m_submitter->isRunning() &&
        (refused || PrerequisiteReminder(m_services.prerequisites).worthRevisiting(subscription)));
}

void SubmitPage::goBackToPrerequisites() {
    QWizard *w = wizard();
    if (!w || m_submitter->isRunning())
        return;
    while (w->currentId() != PrerequisitesPageId && w->visitedIds().contains(PrerequisitesPageId))
        w->back();
}

void SubmitPage::initializePage() {
    m_services.keyHealth->check(chosenSets()); // a draft opened at this page was never checked
    const QString subscription = draftModel()->draft().subscriptionId;
    if (m_services.prerequisites && !PrerequisiteReminder(m_services.prerequisites).follows(subscription)) {
        PrerequisitesPage::pointChecker(m_services.prerequisites, subscription); // opened past that page
        m_services.prerequisites->refresh();
    }
    updatePrerequisitesButton();
    ReviewCreatePage::initializePage();
}

QStringList SubmitPage::chosenSets() const {
    return chosenDiskEncryptionSets(draftModel()->draft());
}

void SubmitPage::addKeyHealth(SummaryHtml &html) const {
    const QStringList sets = chosenSets();
    if (sets.isEmpty())
        return;
    html.heading(tr("Key health"));
    html.grid({tr("Disk encryption set"), tr("Status"), tr("Findings")});
    const DesHealthCache *cache = m_services.keyHealth;
    for (const QString &id : sets) {
        const DesHealth *health = cache->health(id);
        QStringList findings;
        for (const DesFinding &finding : health ? health->findings : std::vector<DesFinding>{})
            findings << finding.line();
        html.gridRow({ResourceId::parse(id).name(), DesHealthView::statusText(health, cache->isChecking(id)),
                      findings.isEmpty() ? tr("none") : findings.join(QLatin1Char('\n'))});
    }
}

void SubmitPage::buildRequestView() {
    auto *requestLayout = new QVBoxLayout(requestPanel());
    requestLayout->setContentsMargins(0, 0, 0, 0);
    auto *urlRow = new QHBoxLayout;
    m_urlLabel = new QLabel(requestPanel());
    m_urlEdit = new QLineEdit(requestPanel());
    m_urlEdit->setObjectName(QStringLiteral("putUrlEdit"));
    m_urlEdit->setReadOnly(true);
    m_urlLabel->setBuddy(m_urlEdit);
    urlRow->addWidget(m_urlLabel);
    urlRow->addWidget(m_urlEdit, 1);
    requestLayout->addLayout(urlRow);
    m_bodyLabel = new QLabel(requestPanel());
    m_bodyEdit = new QPlainTextEdit(requestPanel());
    m_bodyEdit->setObjectName(QStringLiteral("requestBodyEdit"));
    m_bodyEdit->setReadOnly(true);
    m_bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bodyEdit->setMinimumHeight(140);
    m_bodyLabel->setBuddy(m_bodyEdit);
    requestLayout->addWidget(m_bodyLabel);
    requestLayout->addWidget(m_bodyEdit, 1);
    auto *copyRow = new QHBoxLayout;
    m_copyButton = new QPushButton(requestPanel());
    m_copyButton->setObjectName(QStringLiteral("copyRequestButton"));
    copyRow->addStretch(1);
    // Export (ui/reviewexport.h, review mode): the same settings as az / PowerShell / ARM / Bicep.
    copyRow->addWidget(createExportButton([this] { return draftModel()->draft(); }, requestPanel()));
    copyRow->addWidget(m_copyButton);
    requestLayout->addLayout(copyRow);

    setTabOrder(summaryView(), requestToggle());
    setTabOrder(requestToggle(), m_urlEdit);
    setTabOrder(m_urlEdit, m_bodyEdit);
    setTabOrder(m_bodyEdit, m_copyButton);
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(
            QStringLiteral("%1 %2\n\n%3").arg(method(), m_urlEdit->text(), m_bodyEdit->toPlainText()));
    });
}

void SubmitPage::retranslateUi() {
    ReviewCreatePage::retranslateUi();
    m_createVmButton->setText(tr("Create &VM from this version"));
    m_reviewVersionButton->setText(tr("Review the &new version"));
    m_reviewVersionButton->setToolTip(tr("Opens the review window on it: its encryption in every region, as "
                                         "Azure reports it."));
    m_prerequisitesButton->setText(tr("Back to &Prerequisites"));
    m_prerequisitesButton->setToolTip(
        tr("The preview feature and the resource provider of the subscription: their state, and Register."));
    requestToggle()->setText(tr("Show the &request that will be sent"));
    requestToggle()->setAccessibleName(tr("Show the request"));
    m_urlLabel->setText(m_services.update ? tr("PATCH &URL:") : tr("PUT &URL:"));
    if (m_services.update)
        setTitle(tr("Review + update"));
    m_urlEdit->setAccessibleName(tr("Request URL"));
    m_bodyLabel->setText(tr("Request &body (JSON):"));
    m_bodyEdit->setAccessibleName(tr("Request body"));
    m_copyButton->setText(tr("Cop&y the request"));
    m_copyButton->setAccessibleName(tr("Copy the request"));
}

QString SubmitPage::method() const {
    return m_services.update ? QStringLiteral("PATCH") : QStringLiteral("PUT");
}

ImageVersionRequest SubmitPage::currentRequest() const {
    if (m_services.update)
        return buildImageVersionUpdateRequest(draftModel()->draft(), m_services.client,
                                              m_services.update->allowRegionRemoval);
    return m_submitter->requestFor(draftModel()->draft());
}

void SubmitPage::submitDraft() {
    if (m_services.update)
        m_submitter->submitUpdate(draftModel()->draft(), m_services.update->allowRegionRemoval);
    else
        m_submitter->submit(draftModel()->draft());
}

void SubmitPage::showRequests() {
    m_request = currentRequest();
    m_urlEdit->setText(m_request.url.toString(QUrl::FullyEncoded));
    m_urlEdit->setCursorPosition(0);
    m_bodyEdit->setPlainText(m_request.bodyText());
}

QString SubmitPage::summaryHtml() const {
    const ImageVersionDraft &d = draftModel()->draft();
    auto regionName = [this](const QString &name) { return m_services.locations->regionDisplayName(name); };
    auto desName = [this](const QString &id) {
        if (id.isEmpty())
            return tr("not chosen");
        if (const DiskEncryptionSet *des = m_services.diskEncryptionSets->find(id))
            return tr("%1 (%2)").arg(des->name, des->resourceGroup());
        const ResourceId rid = ResourceId::parse(id);
        return tr("%1 (%2)").arg(rid.name(), rid.resourceGroup);
    };

    SummaryHtml html;
    if (m_services.update)
        addChanges(html);
    html.heading(tr("Image version"));
    html.row(tr("Subscription"), d.subscriptionId);
    html.row(tr("Resource group"), d.resourceGroup);
    html.row(tr("Gallery"), d.galleryName);
    html.row(tr("Image definition"), d.imageDefinitionName);
    html.row(tr("Version"), d.versionName);
    html.row(tr("Location"), regionName(d.location));
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
    html.row(sourceKind, ResourceId::parse(d.sourceId).name());
    if (d.sourceKind == SourceKind::Snapshots) {
        for (const DataDiskSnapshot &disk : d.dataDiskSnapshots)
            html.row(ImageVersionValidation::diskTitle(disk.lun), ResourceId::parse(disk.snapshotId).name());
    }

    html.heading(tr("Replication"));
    html.grid({tr("Region"), tr("Replica count"), tr("Storage account type")});
    for (const RegionDraft &region : d.targetRegions)
        html.gridRow(
            {regionName(region.name), QLocale().toString(region.replicaCount),
             ServiceTerms::storageType(region.storageAccountType)},
            {1});
    html.row(tr("Default replica count"), QLocale().toString(d.defaultReplicaCount));
    html.row(tr("End-of-life date"), d.endOfLifeDate.isValid()
                                         ? QLocale().toString(d.endOfLifeDate, QLocale::LongFormat)
                                         : tr("none"));
    html.row(tr("Exclude from latest"), d.excludeFromLatest ? tr("yes") : tr("no"));

    html.heading(tr("Encryption"));
    html.paragraph(ImageVersionValidation::encryptionModeLabel(d.encryption));
    if (usesCustomerKey(d.encryption)) {
        QList<int> disks{-1};
        disks += d.dataDiskLuns();
        QStringList headers{tr("Region")};
        for (int lun : disks)
            headers << ImageVersionValidation::diskTitle(lun);
        html.grid(headers);
        for (const RegionDraft &region : d.targetRegions) {
            QStringList cells{regionName(region.name)};
            for (int lun : disks)
                cells << desName(d.desFor(region, lun));
            html.gridRow(cells);
        }
        html.note(tr("This image version cannot be shared or copied, and cannot go back to "
                     "platform-managed keys."));
        addKeyHealth(html);
    }

    html.heading(tr("Tags"));
    if (d.tags.isEmpty())
        html.paragraph(tr("none"));
    for (const TagDraft &tag : d.tags)
        html.row(tag.name, tag.value);
    PrerequisiteReminder(m_services.prerequisites).addTo(html, d.subscriptionId);
    return html.html();
}

void SubmitPage::addChanges(SummaryHtml &html) const {
    const QList<ImageVersionChange> changes =
        ImageVersionUpdateDiff::changes(m_services.update->current, draftModel()->draft());
    html.heading(tr("Changes"));
    if (changes.isEmpty()) {
        html.paragraph(tr("Nothing changes yet."));
        return;
    }
    html.grid({tr("Region"), tr("Setting"), tr("Before"), tr("After")});
    for (const ImageVersionChange &change : changes) {
        const QString region = change.region.isEmpty()
                                   ? tr("(image version)")
                                   : m_services.locations->regionDisplayName(change.region);
        html.gridRow({region, change.what, change.before, change.after});
    }
    if (m_services.update->allowRegionRemoval &&
        !ImageVersionUpdateRules::removedReplicatedRegions(m_services.update->current, draftModel()->draft())
             .isEmpty())
        html.note(tr("The replicas in the removed regions are deleted "
                     "(safetyProfile.allowDeletionOfReplicatedLocations)."));
}

QString SubmitPage::commitButtonText() const {
    return m_services.update ? tr("&Update") : QString();
}

QString SubmitPage::doneText(const QString &resourceId) const {
    return m_services.update ? tr("Updated: %1").arg(resourceId) : ReviewCreatePage::doneText(resourceId);
}

QString SubmitPage::readySubTitle() const {
    return m_services.update
               ? tr("Check the changes, then press Update. Nothing is sent to Azure before that.")
               : ReviewCreatePage::readySubTitle();
}

QString SubmitPage::doneSubTitle() const {
    return m_services.update ? tr("Done: Azure updated it. The version as it is now is summarised below; close "
                                  "the wizard when you are finished.")
                             : ReviewCreatePage::doneSubTitle();
}

void SubmitPage::startProgress() {
    qDeleteAll(progressPanel()->findChildren<QWidget *>(QStringLiteral("replicationRow"),
                                                        Qt::FindDirectChildrenOnly));
    m_regionBars.clear();
}

void SubmitPage::showProgress(OperationProgressPanel *panel) {
    using Stage = ImageVersionSubmitter::Stage;
    switch (m_submitter->stage()) {
    case Stage::Idle:
    case Stage::Failed:
    case Stage::Canceled:
        panel->setProgress(0);
        break;
    case Stage::Running:
        panel->setBusy(); // ARM reports no percentage for the creation itself
        break;
    case Stage::Replicating:
    case Stage::Succeeded:
        panel->setProgress(100);
        break;
    }
    showReplication(panel);
}

void SubmitPage::showReplication(OperationProgressPanel *panel) {
    for (const RegionalReplicationStatus &status : m_submitter->replication()) {
        const QString key = normalizeRegion(status.region);
        if (!m_regionBars.contains(key)) {
            auto *rowWidget = new QWidget(panel);
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
            panel->detailsLayout()->addWidget(rowWidget);
            m_regionBars.insert(key, {label, bar});
        }
        auto [label, bar] = m_regionBars.value(key);
        const QString region = m_services.locations->regionDisplayName(status.region);
        //: Replication state of one region: %1 region, %2 state (Replicating, Completed...)
        label->setText(tr("%1: %2").arg(region, cmk::ServiceTerms::state(status.state)));
        label->setToolTip(status.region);
        bar->setValue(qBound(0, status.progress, 100));
        bar->setAccessibleName(tr("Replication to %1").arg(region));
    }
}

QString SubmitPage::failureText() const {
    if (m_services.update)
        return tr("Azure did not update the image version.\n%1\nYour changes are kept: go Back to change "
                  "them, or press Update to try again.")
            .arg(m_submitter->error().toDisplayString());
    QString text = tr("Azure did not create the image version.\n%1\nYour choices are kept: go Back "
                      "to change them, or press Create to try again.")
                       .arg(m_submitter->error().toDisplayString());
    if (PrerequisiteChecker::isPrerequisiteError(m_submitter->error()))
        text += QLatin1Char('\n') + tr("This is a prerequisite of the subscription: “Back to Prerequisites” "
                                       "shows its state and registers it.");
    return text;
}

QStringList SubmitPage::computeErrors() const {
    const ImageVersionRequest request = currentRequest();
    if (!request.ok())
        return {tr("The request cannot be built: %1").arg(request.error.toDisplayString())};
    // Azure would refuse the version while the subscription is not ready.
    const ImageVersionDraft &d = draftModel()->draft();
    QStringList errors = PrerequisiteReminder(m_services.prerequisites)
                             .blockingErrors(d.subscriptionId, usesCustomerKey(d.encryption));
    if (const ImageVersionUpdateState *update = m_services.update) {
        // The pages said these already; as `cmkwizard update` does, nothing goes out that breaks them.
        errors += ImageVersionUpdateRules::errors(update->current, d, update->allowRegionRemoval);
        if (ImageVersionUpdateDiff::changes(update->current, d).isEmpty())
            errors << tr("Nothing changes yet: go Back to change the target regions, encryption or tags.");
    }
    // As `cmkwizard create` does: Azure would accept the request, then fail the regions late.
    for (const QString &id : chosenSets()) {
        if (const DesHealth *health = m_services.keyHealth->health(id))
            errors += health->errorLines();
    }
    return errors;
}

} // namespace cmkui
