#include "common/draftpage.h"

#include "draft/draftmodel.h"
#include "imageversion/imageversiondraft.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizard>

namespace cmkui {

namespace {

/// A radio button Tab skips: unchecked while another of its exclusive group is checked.
bool isSkippedRadio(const QWidget *widget) {
    const auto *button = qobject_cast<const QAbstractButton *>(widget);
    if (!button || !button->autoExclusive() || !button->isCheckable() || button->isChecked())
        return false;
    for (const QAbstractButton *sibling :
         button->parentWidget()->findChildren<QAbstractButton *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (sibling != button && sibling->autoExclusive() && sibling->isChecked())
            return true;
    }
    return false;
}

/// The property that marks the page's own status controls (Why, Show all, Stop loading): not fields.
constexpr char statusControlProperty[] = "cmkStatusControl";

} // namespace

QWidget *firstControl(QWidget *page, ControlState state) {
    for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
        if (!page->isAncestorOf(w) || !(w->focusPolicy() & Qt::TabFocus) || !w->isVisible() ||
            qobject_cast<QLabel *>(w) || qobject_cast<QScrollArea *>(w) || isSkippedRadio(w))
            continue;
        if (state == ControlState::Enabled ? w->isEnabled() : !w->property(statusControlProperty).toBool())
            return w;
    }
    return nullptr;
}

namespace {

/// focusFirstControlWhenShown()'s watcher. QWizard sets the focus after showing the page, so the page's
/// choice comes once the event loop runs again. A first field still disabled (its list loads) gets the focus
/// when it is enabled, unless the user moved it meanwhile.
class FirstControlFocusWatcher : public QObject {
public:
    explicit FirstControlFocusWatcher(QWidget *page)
        : QObject(page)
        , m_page(page) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == m_page && event->type() == QEvent::Show && !event->spontaneous())
            QMetaObject::invokeMethod(
                this, [this] { focusFirst(); }, Qt::QueuedConnection);
        if (watched == m_waitingFor && event->type() == QEvent::EnabledChange && m_waitingFor->isEnabled()) {
            m_waitingFor->removeEventFilter(this);
            if (m_page->isVisible() && QApplication::focusWidget() == m_interim)
                m_waitingFor->setFocus(Qt::TabFocusReason);
            m_waitingFor = nullptr;
        }
        return false;
    }

private:
    void focusFirst() {
        if (m_waitingFor)
            m_waitingFor->removeEventFilter(this);
        m_waitingFor = nullptr;
        if (!m_page->isVisible())
            return;
        QWidget *first = firstControl(m_page, ControlState::Any);
        if (first && first->isEnabled()) {
            first->setFocus(Qt::TabFocusReason);
            return;
        }
        m_interim = firstControl(m_page, ControlState::Enabled);
        if (!m_interim) { // nothing to press on the page yet: the wizard's buttons still take Tab
            if (auto *wizard = qobject_cast<QWizard *>(m_page->window()))
                m_interim = wizard->button(QWizard::CancelButton);
        }
        if (m_interim)
            m_interim->setFocus(Qt::TabFocusReason);
        if (first) {
            m_waitingFor = first;
            first->installEventFilter(this);
        }
    }

    QWidget *m_page;
    QPointer<QWidget> m_waitingFor;
    QPointer<QWidget> m_interim;
};

/// Any key but moving through the page (Tab), a modifier alone, or Esc: those choose nothing.
bool isTouchingKey(const QKeyEvent *key) {
    static const QList<int> choosingNothing{Qt::Key_Tab, Qt::Key_Backtab, Qt::Key_Shift, Qt::Key_Control,
                                            Qt::Key_Alt, Qt::Key_AltGr,   Qt::Key_Meta,  Qt::Key_Escape};
    return !choosingNothing.contains(key->key());
}

} // namespace

void focusFirstControlWhenShown(QWidget *page) {
    page->installEventFilter(new FirstControlFocusWatcher(page));
}

void markAsStatusControl(QWidget *control) {
    control->setProperty(statusControlProperty, true);
}

QLabel *addLabelledRow(QFormLayout *form, QWidget *field) {
    auto *label = new QLabel(field->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
    return label;
}

void colorAsError(QLabel *label) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xa4, 0x00, 0x0f));
    label->setPalette(palette);
}

QLabel *makeFieldErrorLabel(QWidget *parent, const char *name) {
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    colorAsError(label);
    label->setVisible(false);
    return label;
}

void showErrorLines(QLabel *label, const QStringList &errors) {
    QStringList lines;
    for (const QString &error : errors)
        lines << QStringLiteral("• ") + error;
    label->setText(lines.join(QLatin1Char('\n')));
    label->setVisible(!errors.isEmpty());
}

DraftPage::DraftPage(const WizardServices &services, QWidget *parent)
    : QWizardPage(parent)
    , m_services(services) {
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    colorAsError(m_errorLabel);
    m_errorLabel->setVisible(false);

    m_busy.row = new QWidget(this);
    m_busy.row->setObjectName(QStringLiteral("busyRow"));
    auto *busyLayout = new QHBoxLayout(m_busy.row);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_busy.bar = new QProgressBar(m_busy.row);
    m_busy.bar->setObjectName(QStringLiteral("busyIndicator"));
    m_busy.bar->setRange(0, 0);
    m_busy.bar->setMaximumWidth(120);
    m_busy.bar->setTextVisible(false);
    m_busy.text = new QLabel(m_busy.row);
    m_busy.text->setObjectName(QStringLiteral("busyLabel"));
    m_busy.text->setWordWrap(true);
    m_busy.cancel = new QPushButton(m_busy.row);
    m_busy.cancel->setObjectName(QStringLiteral("cancelLoadingButton"));
    markAsStatusControl(m_busy.cancel);
    connect(m_busy.cancel, &QPushButton::clicked, this, [this] { cancelLoading(); });
    busyLayout->addWidget(m_busy.bar);
    busyLayout->addWidget(m_busy.text, 1);
    busyLayout->addWidget(m_busy.cancel);
    m_busy.row->setVisible(false);

    m_whyButton = new QPushButton(this);
    m_whyButton->setObjectName(QStringLiteral("whyDisabledButton"));
    m_whyButton->setVisible(false);
    markAsStatusControl(m_whyButton);
    connect(m_whyButton, &QPushButton::clicked, this, [this] {
        revealErrors();
        if (QWidget *control = firstControl(this, ControlState::Enabled))
            control->setFocus(Qt::OtherFocusReason); // the button is gone: keep the keyboard in the page
    });
    m_showAllButton = new QPushButton(this);
    m_showAllButton->setObjectName(QStringLiteral("showAllErrorsButton"));
    m_showAllButton->setVisible(false);
    markAsStatusControl(m_showAllButton);
    connect(m_showAllButton, &QPushButton::clicked, this, [this] {
        m_showAll = true;
        showErrors(m_fieldErrors, m_labelErrors);
        m_errorLabel->setFocus(Qt::OtherFocusReason);
    });
    if (services.draft)
        revealOnChangesOf(services.draft);
    focusFirstControlWhenShown(this);
}

void DraftPage::revealOnChangesOf(cmk::DraftModelBase *model) {
    // While hidden (initializePage() included) the page changes the draft itself, not the user.
    connect(model, &cmk::DraftModelBase::changed, this, [this] {
        if (isVisible() && !AutomaticDraftChange::active())
            revealErrors();
    });
}

void DraftPage::addStatusWidgets(QVBoxLayout *layout) {
    layout->addWidget(m_busy.row);
    layout->addWidget(m_errorLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_whyButton);
    buttons->addWidget(m_showAllButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
}

void DraftPage::revealErrors() {
    if (m_revealed)
        return;
    m_revealed = true;
    showErrors(m_fieldErrors, m_labelErrors);
}

void DraftPage::showEvent(QShowEvent *event) {
    qApp->installEventFilter(this);
    QWizardPage::showEvent(event);
}

void DraftPage::hideEvent(QHideEvent *event) {
    qApp->removeEventFilter(this);
    QWizardPage::hideEvent(event);
}

bool DraftPage::eventFilter(QObject *watched, QEvent *event) {
    if (m_revealed || !watched->isWidgetType() || !isAncestorOf(static_cast<QWidget *>(watched)))
        return false;
    const bool touch = event->type() == QEvent::MouseButtonPress ||
                       (event->type() == QEvent::KeyPress && isTouchingKey(static_cast<QKeyEvent *>(event)));
    if (touch && watched != m_whyButton)
        revealErrors();
    return false;
}

bool DraftPage::isComplete() const {
    return m_errors.isEmpty();
}

void DraftPage::revalidate() {
    const QStringList fieldErrors = computeFieldErrors();
    QStringList errors = computeErrors();
    errors.removeIf([&](const QString &error) { return fieldErrors.contains(error); });
    const bool changed = fieldErrors + errors != m_errors;
    m_errors = fieldErrors + errors;
    showErrors(fieldErrors, errors);
    if (changed)
        Q_EMIT completeChanged();
}

void DraftPage::showErrors(const QStringList &fieldErrors, const QStringList &errors) {
    m_fieldErrors = fieldErrors;
    m_labelErrors = errors;
    showFieldErrors(m_revealed ? fieldErrors : QStringList());
    const QStringList shownErrors = m_revealed ? errors : QStringList();
    QStringList lines;
    // Only the first few unless asked: the list is there to say why Next is disabled, not to overwhelm.
    constexpr int firstFew = 4;
    const bool shortened = !m_showAll && shownErrors.size() > firstFew;
    for (int i = 0; i < shownErrors.size() && (!shortened || i < firstFew); ++i)
        lines << QStringLiteral("• ") + shownErrors.at(i);
    if (shortened)
        lines << tr("…and %n more problem(s).", nullptr, int(shownErrors.size() - firstFew));
    m_errorLabel->setText(lines.join(QLatin1Char('\n')));
    m_errorLabel->setVisible(!shownErrors.isEmpty());
    m_showAllButton->setText(tr("S&how all (%1)").arg(shownErrors.size()));
    m_showAllButton->setVisible(shortened);
    m_whyButton->setVisible(!m_revealed && !m_errors.isEmpty());
}

void DraftPage::setBusy(const QString &text) {
    m_busy.text->setText(text);
    m_busy.row->setVisible(!text.isEmpty());
}

void DraftPage::retranslateUi() {
    m_errorLabel->setAccessibleName(tr("Why you cannot continue"));
    m_busy.bar->setAccessibleName(tr("Loading"));
    m_busy.cancel->setText(tr("Stop &loading"));
    m_busy.cancel->setAccessibleName(tr("Stop loading"));
    m_whyButton->setText(tr("Wh&y can't I continue?"));
    m_whyButton->setToolTip(tr("Shows what keeps the Next button disabled."));
}

void DraftPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_errors.clear();
        revalidate();
    }
    QWizardPage::changeEvent(event);
}

void clearTableWidgets(QTableWidget *table) {
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            if (QWidget *widget = table->cellWidget(row, column)) {
                widget->setObjectName(QString());
                for (QWidget *child : widget->findChildren<QWidget *>()) // a cell may hold several
                    child->setObjectName(QString());
                widget->hide();
            }
        }
    }
    table->setRowCount(0);
}

} // namespace cmkui
