#pragma once

// Base of the wizard's pages: a visible label that says why Next is disabled (Kleopatra style), a busy
// indicator for lists that are loading, and live retranslation.

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

namespace cmkui {

/// Adds `field` to `form` as a new row behind a label of its own, the field's buddy (its mnemonic focuses the
/// field); the page's retranslateUi() sets the label's text. Returns the label.
QLabel *addLabelledRow(QFormLayout *form, QWidget *field);

/// Colours `label`'s text as the pages' error label does (dark red): a reason the user must act on.
void colorAsError(QLabel *label);

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

protected:
    /// Recomputes errors() and updates the label and the Next button.
    void revalidate();
    /// The page's current problems (empty: Next allowed).
    virtual QStringList computeErrors() const = 0;
    /// Problems the page shows next to their fields (showFieldErrors()): they block Next as computeErrors()
    /// does, and the error label at the bottom does not repeat them.
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
    void changeEvent(QEvent *event) override;

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

    QStringList m_errors;
    QLabel *m_errorLabel = nullptr;
    BusyRow m_busy;
};

/// Empties a table whose cells hold widgets. Qt deletes removed cell widgets later; until then they must not
/// be found by name (tests, accessibility), so they lose their names and hide at once.
void clearTableWidgets(QTableWidget *table);

} // namespace cmkui
