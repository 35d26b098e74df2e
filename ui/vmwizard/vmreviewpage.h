#pragma once

// The VM wizard's Review + create page: the summary, the requests that will be sent, their Azure CLI and
// PowerShell equivalents, and the creation's progress.

#include "common/reviewcreatepage.h"
#include "vm/vmsubmitter.h"
#include "vmwizard/vmwizard.h"

class QPlainTextEdit;
class QPushButton;

namespace cmkui {

class VmReviewPage : public ReviewCreatePage {
    Q_OBJECT
public:
    explicit VmReviewPage(const VmWizardContext &context, QWidget *parent = nullptr);
    cmk::VmSubmitter *submitter() const { return m_submitter; }

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;
    void submitDraft() override;
    QString summaryHtml() const override;
    void showRequests() override;
    void showProgress(OperationProgressPanel *panel) override;
    QString failureText() const override;

private:
    const cmk::VmDraft &draft() const;
    QString diskEncryptionSetName(const QString &id) const;

    VmWizardContext m_context;
    cmk::VmSubmitter *m_submitter;
    QPlainTextEdit *m_requestsEdit = nullptr;
    QPushButton *m_copyRequestsButton = nullptr;
    QPushButton *m_copyCliButton = nullptr;
    QPushButton *m_copyPowerShellButton = nullptr;
};

} // namespace cmkui
