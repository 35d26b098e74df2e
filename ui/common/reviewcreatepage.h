#pragma once

// The "Review + create" page of both wizards: a readable summary, the exact requests behind a toggle, and
// Create (the wizard's Finish button, renamed), which runs the submission and shows its progress on the page.
// Nothing is sent before Create; on an ARM error the user may go Back, fix, and press Create again: the draft
// is untouched. What differs between the wizards (the summary, how the requests are shown, the progress
// details) is the small submission interface below, which each wizard's page implements.

#include "common/draftpage.h"

class QHBoxLayout;
class QTextBrowser;
class QToolButton;
class QVBoxLayout;

namespace cmk {
class DraftSubmitter;
}

namespace cmkui {

class OperationProgressPanel;

class ReviewCreatePage : public DraftPage {
    Q_OBJECT
public:
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    /// Create: starts the submission and stays on the page; once created, Close (returns true).
    bool validatePage() override;
    /// Stops watching the operation (the wizard's Cancel while it runs).
    void stop();
    cmk::DraftSubmitter *draftSubmitter() const { return m_submitter; }

Q_SIGNALS:
    /// The submission succeeded: the resource exists.
    void created(const QString &resourceId);

protected:
    ReviewCreatePage(const WizardServices &services, QWidget *parent);
    /// The submitter (a child of the page) that runs what submitDraft() starts; set once, in the constructor.
    void setSubmitter(cmk::DraftSubmitter *submitter);

    // ---- The submission interface.
    /// Sends the draft as it is now.
    virtual void submitDraft() = 0;
    /// The readable summary of the draft (see SummaryHtml).
    virtual QString summaryHtml() const = 0;
    /// Fills the request view with what submitDraft() would send.
    virtual void showRequests() = 0;
    /// The progress bar and any detail rows, for the submitter's current stage.
    virtual void showProgress(OperationProgressPanel *panel) = 0;
    /// What the panel says when the submission failed.
    virtual QString failureText() const = 0;
    /// A new submission starts: forget the previous one's detail rows.
    virtual void startProgress() {}
    /// The text of the commit button (the wizard's Finish) before it succeeded; empty: "&Create".
    virtual QString commitButtonText() const { return {}; }
    /// What the panel says once the submission succeeded.
    virtual QString doneText(const QString &resourceId) const;
    /// The page's subtitle before the commit, and once it succeeded.
    virtual QString readySubTitle() const;
    virtual QString doneSubTitle() const;

    void retranslateUi() override;
    /// Shows the progress of the submission; also to be called when the submitter reports more.
    void updateProgress();
    QTextBrowser *summaryView() const { return m_summary; }
    /// The checkable button that shows the request view (its name and text are the wizard's).
    QToolButton *requestToggle() const { return m_request.toggle; }
    /// The row of the toggle: a wizard may add buttons after it (they stay visible).
    QHBoxLayout *toggleRow() const { return m_request.toggleRow; }
    /// The request view, hidden until the toggle is pressed; a wizard fills it (it has no layout yet).
    QWidget *requestPanel() const { return m_request.panel; }
    /// Sets how much of the page's height the request view takes, against the summary's 3.
    void setRequestStretch(int stretch);
    OperationProgressPanel *progressPanel() const { return m_progressBox; }

private:
    void refresh();
    void updateButtons();
    /// The subtitle follows the submission: before, while Azure works, and once the resource exists.
    void updateSubTitle();

    cmk::DraftSubmitter *m_submitter = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QTextBrowser *m_summary = nullptr;
    /// The request view: a toggle in a row of its own, and the panel it shows.
    struct RequestView {
        QHBoxLayout *toggleRow = nullptr;
        QToolButton *toggle = nullptr;
        QWidget *panel = nullptr;
    };
    RequestView m_request;
    OperationProgressPanel *m_progressBox = nullptr;
};

} // namespace cmkui
