#pragma once

// What both wizards (image version, virtual machine) do alike around their pages: Cancel while Azure works
// only stops watching, the texts follow a change of language (Back/Next/Cancel included), and the draft may
// be autosaved until the resource exists.

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
    /// Cancel while Azure works only stops watching: the Review page says so rather than the wizard
    /// vanishing.
    void reject() override;

protected:
    explicit DraftWizard(QWidget *parent);
    /// The Review + create page: its submission is what Cancel stops, its creation ends the autosave.
    void setReviewPage(ReviewCreatePage *page) { m_review = page; }
    /// Autosaves `model` to `path` with a cmk::DraftStore (debounced, on close too); the file is removed once
    /// the Review page created the resource. Called again, only the path changes.
    void autosave(cmk::DraftModelBase *model, const QString &path);
    bool isAutosaving() const { return m_store != nullptr; }
    /// Sets the wizard's own texts (the window title).
    virtual void retranslateUi() = 0;
    void changeEvent(QEvent *event) override;

private:
    ReviewCreatePage *m_review = nullptr;
    cmk::DraftStore *m_store = nullptr;
    bool m_created = false;
};

} // namespace cmkui
