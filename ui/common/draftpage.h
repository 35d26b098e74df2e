#pragma once

// Base of the wizard's pages: a visible label that says why Next is disabled (Kleopatra style), a busy
// indicator for lists that are loading, and live retranslation. A page keeps its reasons to itself until the
// user touched one of its fields (or asked why Next is disabled): errors before any choice only alarm.

#include "imagewizard/wizardservices.h"

#include <QStringList>
#include <QWizardPage>

class QFormLayout;
class QLabel;
class QTableWidget;
class QProgressBar;
class QPushButton;
class QHBoxLayout;
class QVBoxLayout;

namespace cmk {
class DraftModelBase;
}

namespace cmkui {

/// While one lives, changes of a draft are the program's (defaults, a list's only entry), not the user's:
/// they do not count as touching a page (DraftPage::revealOnChangesOf()).
class AutomaticDraftChange {
public:
    AutomaticDraftChange() { ++s_depth; }
    ~AutomaticDraftChange() { --s_depth; }
    AutomaticDraftChange(const AutomaticDraftChange &) = delete;
    AutomaticDraftChange &operator=(const AutomaticDraftChange &) = delete;
    static bool active() { return s_depth > 0; }

private:
    static inline int s_depth = 0;
};

enum class ControlState {
    Enabled, ///< only a control that takes the focus now
    Any,     ///< a field even while disabled (its list loads); not the page's status controls
};
/// The first control of `page` the keyboard reaches with Tab: visible, not a label, in `state`; or nullptr.
QWidget *firstControl(QWidget *page, ControlState state);
/// Puts the keyboard focus on the first control each time `page` is shown (after QWizard moved it, which
/// may choose a hidden or disabled child: then Tab did nothing). While the first field is disabled, the first
/// enabled control (else the wizard's Cancel) holds the focus until it is enabled.
void focusFirstControlWhenShown(QWidget *page);
/// Marks a control of the page's status area (not a field): the focus starts on it only when nothing else
/// takes it.
void markAsStatusControl(QWidget *control);

/// Adds `field` to `form` as a new row behind a label of its own, the field's buddy (its mnemonic focuses the
/// field); the page's retranslateUi() sets the label's text. Returns the label.
QLabel *addLabelledRow(QFormLayout *form, QWidget *field);

/// Colours `label`'s text as the pages' error label does (dark red): a reason the user must act on.
void colorAsError(QLabel *label);

/// A label for the errors of one field, placed under it: dark red, hidden while the field has none.
QLabel *makeFieldErrorLabel(QWidget *parent, const char *name);
/// Shows `errors` in `label` as a bulleted list, or hides the label when there are none.
void showErrorLines(QLabel *label, const QStringList &errors);

/// A row of a form: the field and the label that names it (its buddy).
template <class Field> struct FormRow {
    QLabel *label = nullptr;
    Field *field = nullptr;
};

/// addLabelledRow() for a page that keeps both widgets of the row.
template <class Field> FormRow<Field> addFormRow(QFormLayout *form, Field *field) {
    return {addLabelledRow(form, field), field};
}

class DraftPage : public QWizardPage {
    Q_OBJECT
public:
    DraftPage(const WizardServices &services, QWidget *parent = nullptr);

    bool isComplete() const override;
    /// Reasons Next is disabled: those shown next to their fields, then those of the error label.
    QStringList errors() const { return m_errors; }
    /// Shows the errors from now on (a field was touched, the user asked why, or a saved draft was opened).
    void revealErrors();
    bool errorsRevealed() const { return m_revealed; }

protected:
    /// Recomputes errors() and updates the label and the Next button.
    void revalidate();
    /// The page's current problems (empty: Next allowed).
    virtual QStringList computeErrors() const = 0;
    /// Problems the page shows next to their fields (showFieldErrors()): they block Next as computeErrors()
    /// does, and the error label at the bottom does not repeat them (even when computeErrors() has them).
    virtual QStringList computeFieldErrors() const { return {}; }
    virtual void showFieldErrors(const QStringList &errors) { Q_UNUSED(errors) }
    /// Sets every visible text; called at construction and on QEvent::LanguageChange.
    virtual void retranslateUi();
    /// Adds the busy row (indicator, text, Cancel) and the error label at the bottom of `layout`.
    void addStatusWidgets(QVBoxLayout *layout);
    /// Shows the busy row with `text`, or hides it when empty.
    void setBusy(const QString &text);
    /// Called when the user presses the busy row's Cancel.
    virtual void cancelLoading() {}
    /// Changes of `model` while the page is shown are the user's edits (a field set, a row added): they
    /// reveal the errors, unless an AutomaticDraftChange made them.
    void revealOnChangesOf(cmk::DraftModelBase *model);
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    /// While shown: a key pressed or a click in the page is a touch.
    bool eventFilter(QObject *watched, QEvent *event) override;

    cmk::ImageVersionDraftModel *draftModel() const { return m_services.draft; }
    WizardServices m_services;

private:
    /// The row shown while a list loads: an endless bar, what loads, and Cancel.
    struct BusyRow {
        QWidget *row = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *text = nullptr;
        QPushButton *cancel = nullptr;
    };

    /// Shows the errors (next to the fields, the rest in the label) or, until revealed, the Why button.
    void showErrors(const QStringList &fieldErrors, const QStringList &errors);

    QStringList m_errors;
    QStringList m_fieldErrors;
    QStringList m_labelErrors; ///< the error label's share of m_errors
    bool m_revealed = false;
    bool m_showAll = false; ///< the error label lists every error, not the first few
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_whyButton = nullptr;     ///< "Why can't I continue?" while the errors are not shown
    QPushButton *m_showAllButton = nullptr; ///< "Show all (N)" under a shortened error list
    BusyRow m_busy;
};

/// Empties a table whose cells hold widgets. Qt deletes removed cell widgets later; until then they must not
/// be found by name (tests, accessibility), so they lose their names and hide at once.
void clearTableWidgets(QTableWidget *table);

} // namespace cmkui
