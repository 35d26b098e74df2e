#include "common/reviewcreatepage.h"

#include "common/operationprogresspanel.h"
#include "draft/draftsubmitter.h"

#include <QHBoxLayout>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using cmk::DraftSubmitter;

namespace cmkui {

ReviewCreatePage::ReviewCreatePage(const WizardServices &services, QWidget *parent)
    : DraftPage(services, parent) {
    setFinalPage(true);
    m_layout = new QVBoxLayout(this);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("summaryView"));
    m_summary->setOpenLinks(false);
    m_layout->addWidget(m_summary, 3);

    m_request.toggleRow = new QHBoxLayout;
    m_request.toggle = new QToolButton(this);
    m_request.toggle->setCheckable(true);
    m_request.toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_request.toggle->setArrowType(Qt::RightArrow);
    m_request.toggle->setAutoRaise(true);
    m_request.toggleRow->addWidget(m_request.toggle);
    m_request.toggleRow->addStretch(1);
    m_layout->addLayout(m_request.toggleRow);

    m_request.panel = new QWidget(this);
    m_request.panel->setObjectName(QStringLiteral("requestPanel"));
    m_request.panel->setVisible(false);
    m_layout->addWidget(m_request.panel, 2);

    m_progressBox = new OperationProgressPanel(this);
    m_layout->addWidget(m_progressBox);
    addStatusWidgets(m_layout);

    connect(m_request.toggle, &QToolButton::toggled, this, [this](bool shown) {
        m_request.panel->setVisible(shown);
        m_request.toggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
}

void ReviewCreatePage::setSubmitter(DraftSubmitter *submitter) {
    m_submitter = submitter;
    connect(m_submitter, &DraftSubmitter::stageChanged, this, [this] {
        updateProgress();
        updateButtons();
    });
    connect(m_submitter, &DraftSubmitter::operationStatusChanged, this, [this] { updateProgress(); });
    connect(m_submitter, &DraftSubmitter::finished, this, [this] {
        updateProgress();
        updateButtons();
        if (m_submitter->stage() == DraftSubmitter::Stage::Succeeded)
            Q_EMIT created(m_submitter->resourceId());
    });
}

void ReviewCreatePage::setRequestStretch(int stretch) {
    m_layout->setStretchFactor(m_request.panel, stretch);
}

void ReviewCreatePage::retranslateUi() {
    DraftPage::retranslateUi();
    setTitle(tr("Review + create"));
    updateSubTitle();
    m_summary->setAccessibleName(tr("Summary"));
    if (isVisible())
        refresh();
    updateProgress();
    updateButtons();
}

void ReviewCreatePage::initializePage() {
    if (!m_submitter->isRunning() && m_submitter->stage() != DraftSubmitter::Stage::Succeeded)
        m_progressBox->reset();
    refresh();
    updateButtons();
    revalidate();
}

void ReviewCreatePage::cleanupPage() {
    // Back: what was typed stays in the draft; only this page's view is reset.
    m_progressBox->setVisible(false);
}

void ReviewCreatePage::refresh() {
    showRequests();
    m_summary->setHtml(summaryHtml());
}

bool ReviewCreatePage::isComplete() const {
    return !m_submitter->isRunning() && DraftPage::isComplete();
}

bool ReviewCreatePage::validatePage() {
    if (m_submitter->stage() == DraftSubmitter::Stage::Succeeded)
        return true;
    if (m_submitter->isRunning())
        return false;
    refresh();
    startProgress();
    m_progressBox->start();
    submitDraft();
    updateProgress();
    updateButtons();
    return false;
}

QString ReviewCreatePage::doneText(const QString &resourceId) const {
    return tr("Created: %1").arg(resourceId);
}

void ReviewCreatePage::stop() {
    m_submitter->cancel();
}

void ReviewCreatePage::updateProgress() {
    m_progressBox->setStatus(m_submitter->stageText());
    showProgress(m_progressBox);
    switch (m_submitter->stage()) {
    case DraftSubmitter::Stage::Succeeded:
        m_progressBox->setResult(doneText(m_submitter->resourceId()));
        m_progressBox->setError(QString());
        break;
    case DraftSubmitter::Stage::Failed:
        m_progressBox->setError(failureText());
        break;
    case DraftSubmitter::Stage::Canceled:
        m_progressBox->setError(m_submitter->stageText());
        break;
    default:
        break;
    }
}

QString ReviewCreatePage::readySubTitle() const {
    return tr("Check everything, then press Create. Nothing is sent to Azure before that.");
}

QString ReviewCreatePage::doneSubTitle() const {
    return tr("Done: Azure created it. What it holds is summarised below; close the wizard when you are "
              "finished.");
}

void ReviewCreatePage::updateSubTitle() {
    if (m_submitter->stage() == DraftSubmitter::Stage::Succeeded)
        setSubTitle(doneSubTitle());
    else if (m_submitter->isRunning())
        setSubTitle(tr("Azure is working on it: the progress is below."));
    else
        setSubTitle(readySubTitle());
}

void ReviewCreatePage::updateButtons() {
    updateSubTitle();
    // No going back while Azure works, nor after the resource exists (there is nothing left to fix).
    OperationProgressPanel::applyWizardButtons(wizard(), m_submitter->isRunning(),
                                               m_submitter->stage() == DraftSubmitter::Stage::Succeeded,
                                               commitButtonText());
    Q_EMIT completeChanged();
}

} // namespace cmkui
