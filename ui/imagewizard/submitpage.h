#pragma once

#include "common/reviewcreatepage.h"
#include "imageversion/imageversionsubmitter.h"

#include <QMap>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace cmkui {

class SummaryHtml;

/// The image wizard's "Review + create": the summary, the exact PUT (URL and body) with its export, and the
/// creation followed by the replication to every target region.
class SubmitPage : public ReviewCreatePage {
    Q_OBJECT
public:
    explicit SubmitPage(const WizardServices &services, QWidget *parent = nullptr);
    void initializePage() override;

    cmk::ImageVersionSubmitter *submitter() const { return m_submitter; }

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;
    void submitDraft() override;
    QString summaryHtml() const override;
    void showRequests() override;
    void showProgress(OperationProgressPanel *panel) override;
    QString failureText() const override;
    void startProgress() override;
    QString commitButtonText() const override;
    QString doneText(const QString &resourceId) const override;
    QString readySubTitle() const override;
    QString doneSubTitle() const override;

private:
    /// Update mode: what the update changes (cmk::ImageVersionUpdateDiff), before → after.
    void addChanges(SummaryHtml &html) const;
    /// The request the commit button sends: the PUT of a new version, or the PATCH of an update.
    cmk::ImageVersionRequest currentRequest() const;
    QString method() const;
    void buildRequestView();
    /// The key health of each chosen set, under the encryption grid.
    void addKeyHealth(SummaryHtml &html) const;
    /// The chosen sets, each once (empty with platform-managed keys).
    QStringList chosenSets() const;
    void showReplication(OperationProgressPanel *panel);
    /// The way back to the Prerequisites page, shown when the summary repeats something to act on there.
    void buildPrerequisitesButton();
    void updatePrerequisitesButton();
    void goBackToPrerequisites();

    cmk::ImageVersionSubmitter *m_submitter;
    cmk::ImageVersionRequest m_request;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_createVmButton = nullptr;
    QPushButton *m_prerequisitesButton = nullptr;
    QPushButton *m_reviewVersionButton = nullptr;
    QMap<QString, QPair<QLabel *, QProgressBar *>> m_regionBars; ///< by normalised region
};

} // namespace cmkui
