#pragma once

#include "common/draftpage.h"
#include "imageversion/imageversionsubmitter.h"

#include <QMap>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QToolButton;
class QVBoxLayout;

namespace cmkui {

class OperationProgressPanel;

/// "Review + create": a readable summary, the exact PUT (URL and body), and the Create button (the wizard's
/// Finish button, renamed). Creating runs the long-running operation and then watches the replication; on an
/// ARM error the user may go Back, fix, and press Create again: the draft is untouched.
class SubmitPage : public DraftPage {
    Q_OBJECT
public:
    explicit SubmitPage(const WizardServices &services, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    /// Create: starts the submission and stays on the page; once created, Close (returns true).
    bool validatePage() override;

    cmk::ImageVersionSubmitter *submitter() const { return m_submitter; }
    /// Stops watching the operation (the wizard's Cancel while it runs).
    void stop();

Q_SIGNALS:
    void imageVersionCreated(const QString &resourceId);

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;

private:
    void refreshSummary();
    void updateProgress();
    void updateButtons();
    QString summaryHtml() const;

    cmk::ImageVersionSubmitter *m_submitter;
    cmk::ImageVersionRequest m_request;
    QTextBrowser *m_summary = nullptr;
    QToolButton *m_showRequestButton = nullptr;
    QWidget *m_requestPanel = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    QPushButton *m_copyButton = nullptr;
    OperationProgressPanel *m_progressBox = nullptr;
    QMap<QString, QPair<QLabel *, QProgressBar *>> m_regionBars; ///< by normalised region
};

} // namespace cmkui
