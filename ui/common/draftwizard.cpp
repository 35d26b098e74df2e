#include "common/draftwizard.h"

#include "common/draftpage.h"
#include "common/reviewcreatepage.h"
#include "draft/draftstore.h"
#include "draft/draftsubmitter.h"

#include <QEvent>
#include <QMessageBox>
#include <QPushButton>

namespace cmkui {

DraftWizard::DraftWizard(QWidget *parent)
    : QWizard(parent) {
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::HaveHelpButton, false);
}

DraftWizard::~DraftWizard() {
    // The draft model may go before the store among the children: save what the debounce still holds now.
    if (m_store && !m_created)
        m_store->saveNow();
}

void DraftWizard::autosave(cmk::DraftModelBase *model, const QString &path) {
    if (!m_store) {
        m_store = new cmk::DraftStore(this);
        m_store->attach(model);
        if (m_review) {
            connect(m_review, &ReviewCreatePage::created, m_store, [this] {
                m_created = true;
                m_store->discard();
            });
        }
    }
    m_store->setPath(path);
}

void DraftWizard::revealErrorsOfAllPages() {
    for (const int id : pageIds()) {
        if (auto *draftPage = qobject_cast<DraftPage *>(page(id)))
            draftPage->revealErrors();
    }
}

void DraftWizard::reject() {
    const bool running = m_review && m_review->draftSubmitter()->isRunning();
    const bool created =
        m_review && m_review->draftSubmitter()->stage() == cmk::DraftSubmitter::Stage::Succeeded;
    if (created || (!running && !hasChoices())) {
        QWizard::reject();
        return;
    }
    askToClose(running);
}

void DraftWizard::askToClose(bool running) {
    if (findChild<QMessageBox *>(QStringLiteral("closeWizardQuestion")))
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, running ? tr("Stop watching and close?") : tr("Discard?"),
                        running ? runningText() : discardText(), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeWizardQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *close = box->addButton(running ? tr("&Stop watching and close") : tr("&Discard"),
                                        QMessageBox::DestructiveRole);
    close->setObjectName(QStringLiteral("confirmCloseWizardButton"));
    QPushButton *keep =
        box->addButton(running ? tr("&Keep watching") : tr("&Keep editing"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepWizardOpenButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, close] {
        if (box->clickedButton() != close)
            return;
        if (m_review && m_review->draftSubmitter()->isRunning())
            m_review->stop();
        QWizard::reject();
    });
    box->open();
}

void DraftWizard::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // QWizard does not retranslate its own Back/Next/Cancel; a change of style re-reads them.
        const WizardStyle style = wizardStyle();
        setWizardStyle(style == ClassicStyle ? ModernStyle : ClassicStyle);
        setWizardStyle(style);
    }
    QWizard::changeEvent(event);
}

} // namespace cmkui
