#pragma once

// The VM wizard's Review + create page: the summary, the requests that will be sent, their Azure CLI and
// PowerShell equivalents, and the creation's progress.

#include "vm/vmsubmitter.h"
#include "vmwizard/vmpage.h"
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QToolButton;

namespace cmkui {

class OperationProgressPanel;

class VmReviewPage : public VmPage {
    Q_OBJECT
public:
    explicit VmReviewPage(const VmWizardContext &context, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    /// Create: starts the submission and stays; once created, Close.
    bool validatePage() override;
    cmk::VmSubmitter *submitter() const { return m_submitter; }
    void stop();

Q_SIGNALS:
    void virtualMachineCreated(const QString &resourceId);

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;

private:
    void refresh();
    QString summaryHtml() const;
    void updateProgress();
    void updateButtons();

    cmk::VmSubmitter *m_submitter;
    QTextBrowser *m_summary = nullptr;
    QToolButton *m_showRequestsButton = nullptr;
    QPlainTextEdit *m_requestsEdit = nullptr;
    QPushButton *m_copyRequestsButton = nullptr;
    QPushButton *m_copyCliButton = nullptr;
    QPushButton *m_copyPowerShellButton = nullptr;
    OperationProgressPanel *m_progressBox = nullptr;
};

} // namespace cmkui
