#include "common/operationprogresspanel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QWizard>

namespace cmkui {

namespace {

// The panel's strings keep the image wizard's translation context, where they were first translated.
QString panelTr(const char *text) {
    return QCoreApplication::translate("cmkui::SubmitPage", text);
}

QLabel *selectableLabel(QWidget *parent, const QString &objectName) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

OperationProgressPanel::OperationProgressPanel(QWidget *parent)
    : QGroupBox(parent) {
    setObjectName(QStringLiteral("progressBox"));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("operationProgress"));
    m_details = new QVBoxLayout;
    m_result = selectableLabel(this, QStringLiteral("resultLabel"));
    m_error = selectableLabel(this, QStringLiteral("submitErrorLabel"));
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xa4, 0x00, 0x0f));
    m_error->setPalette(palette);
    layout->addWidget(m_status);
    layout->addWidget(m_bar);
    layout->addLayout(m_details);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    setVisible(false);
    retranslateUi();
}

void OperationProgressPanel::retranslateUi() {
    setTitle(panelTr(QT_TRANSLATE_NOOP("cmkui::SubmitPage", "Progress")));
    m_bar->setAccessibleName(panelTr(QT_TRANSLATE_NOOP("cmkui::SubmitPage", "Creation progress")));
    m_result->setAccessibleName(panelTr(QT_TRANSLATE_NOOP("cmkui::SubmitPage", "Result")));
    m_error->setAccessibleName(panelTr(QT_TRANSLATE_NOOP("cmkui::SubmitPage", "Error from Azure")));
}

void OperationProgressPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void OperationProgressPanel::start() {
    m_error->clear();
    m_result->clear();
    updateVisibility();
    setVisible(true);
}

void OperationProgressPanel::reset() {
    m_error->clear();
    updateVisibility();
    setVisible(false);
}

void OperationProgressPanel::setStatus(const QString &text) {
    m_status->setText(text);
}

void OperationProgressPanel::setBusy() {
    m_bar->setRange(0, 0);
}

void OperationProgressPanel::setProgress(int value, int maximum) {
    m_bar->setRange(0, qMax(1, maximum));
    m_bar->setValue(qBound(0, value, m_bar->maximum()));
}

void OperationProgressPanel::setResult(const QString &text) {
    m_result->setText(text);
    updateVisibility();
}

void OperationProgressPanel::setError(const QString &text) {
    m_error->setText(text);
    updateVisibility();
}

void OperationProgressPanel::updateVisibility() {
    m_error->setVisible(!m_error->text().isEmpty());
    m_result->setVisible(!m_result->text().isEmpty());
}

void OperationProgressPanel::applyWizardButtons(QWizard *wizard, bool running, bool succeeded,
                                                const QString &commitText) {
    if (!wizard)
        return;
    const QString commit =
        commitText.isEmpty() ? panelTr(QT_TRANSLATE_NOOP("cmkui::SubmitPage", "&Create")) : commitText;
    wizard->setButtonText(QWizard::FinishButton,
                          succeeded ? panelTr(QT_TRANSLATE_NOOP("cmkui::SubmitPage", "&Close")) : commit);
    wizard->setOption(QWizard::DisabledBackButtonOnLastPage, running || succeeded);
    wizard->setOption(QWizard::NoCancelButton, succeeded);
}

} // namespace cmkui
