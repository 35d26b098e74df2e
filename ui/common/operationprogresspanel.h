#pragma once

// The progress / result / error panel of a wizard's "Review + create" page, shared by the image wizard
// (SubmitPage) and the VM wizard (VmReviewPage): a status line, a progress bar, optional detail rows (the
// image wizard's per-region replication), the created resource and Azure's error. Also how the wizard's
// last-page buttons follow the operation (Create → Close, no Back while Azure works or once created).

#include <QGroupBox>

class QLabel;
class QProgressBar;
class QVBoxLayout;
class QWizard;

namespace cmkui {

class OperationProgressPanel : public QGroupBox {
    Q_OBJECT
public:
    /// Object names (tests find them): progressBox, statusLabel, operationProgress, resultLabel,
    /// submitErrorLabel.
    explicit OperationProgressPanel(QWidget *parent = nullptr);

    /// A new submission: forgets the previous result and error and shows the panel.
    void start();
    /// Hides the panel and its error (the page is entered again, or left with Back).
    void reset();

    void setStatus(const QString &text);
    /// Progress with no percentage (a busy bar).
    void setBusy();
    void setProgress(int value, int maximum = 100);
    /// The created resource, as the user may select and copy it.
    void setResult(const QString &text);
    /// Azure's refusal or the cancellation; empty hides it.
    void setError(const QString &text);

    /// Rows shown between the bar and the result (parent them to this panel).
    QVBoxLayout *detailsLayout() const { return m_details; }
    QProgressBar *progressBar() const { return m_bar; }

    /// The last page's buttons: "Create" until the resource exists, then "Close"; no Back while the
    /// operation runs or once it succeeded, no Cancel once it succeeded.
    static void applyWizardButtons(QWizard *wizard, bool running, bool succeeded,
                                   const QString &commitText = QString());

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateVisibility();

    QLabel *m_status = nullptr;
    QProgressBar *m_bar = nullptr;
    QVBoxLayout *m_details = nullptr;
    QLabel *m_result = nullptr, *m_error = nullptr; ///< each shown only when it has text
};

} // namespace cmkui
