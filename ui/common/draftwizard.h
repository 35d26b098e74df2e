#pragma once

// What both wizards (image version, virtual machine) do alike around their pages: Cancel (or Esc, or closing
// the window) asks before anything chosen is dropped and, while Azure works, says that the operation goes on
// there; the texts follow a change of language (Back/Next/Cancel included), and the draft may be autosaved
// until the resource exists.

#include <QWizard>

namespace cmk {
class DraftModelBase;
class DraftStore;
} // namespace cmk

namespace cmkui {

class ReviewCreatePage;

class DraftWizard : public QWizard {
    Q_OBJECT
public:
    /// Saves what the autosave's debounce still holds (unless the resource was created).
    ~DraftWizard() override;

public Q_SLOTS:
    /// Cancel, Esc or closing the window: asks first (closeQuestion, a window-modal QMessageBox) unless there
    /// is nothing to lose (no choice made yet, or the resource exists). While Azure works the question says
    /// that the operation continues there; closing then only stops watching it.
    void reject() override;

protected:
    explicit DraftWizard(QWidget *parent);
    /// The Review + create page: its submission is what Cancel stops, its creation ends the autosave.
    void setReviewPage(ReviewCreatePage *page) { m_review = page; }
    /// Autosaves `model` to `path` with a cmk::DraftStore (debounced, on close too); the file is removed once
    /// the Review page created the resource. Called again, only the path changes.
    void autosave(cmk::DraftModelBase *model, const QString &path);
    bool isAutosaving() const { return m_store != nullptr; }
    /// Every page shows its errors from now on: the draft was opened from a file, so the choices are made.
    void revealErrorsOfAllPages();
    /// Sets the wizard's own texts (the window title).
    virtual void retranslateUi() = 0;
    /// What the wizard makes, in the close question ("Discard this image version? …").
    virtual QString discardText() const = 0;
    /// What happens to the operation Azure runs when the wizard closes.
    virtual QString runningText() const = 0;
    /// Whether closing would drop a choice the user made (the image wizard: a draft not empty).
    virtual bool hasChoices() const { return true; }
    void changeEvent(QEvent *event) override;

private:
    void askToClose(bool running);

    ReviewCreatePage *m_review = nullptr;
    cmk::DraftStore *m_store = nullptr;
    bool m_created = false;
};

} // namespace cmkui
