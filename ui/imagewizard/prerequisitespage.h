#pragma once

#include "prerequisites/prerequisites.h"

#include <QPointer>
#include <QWizardPage>

class QCheckBox;
class QGroupBox;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;

namespace cmk {
class ArmClient;
class ImageVersionDraftModel;
} // namespace cmk

namespace cmkui {

/// The wizard step right after the subscription is chosen: state of the SIGEncryption feature and of the
/// Microsoft.Compute provider, each with its meaning and a Register button (after a confirmation), and a
/// progress indicator while Azure registers. The state is read again every time the page is entered.
class PrerequisitesPage : public QWizardPage {
    Q_OBJECT
public:
    /// Name of the QSettings key that turns the feature check off for one subscription (CMK for galleries
    /// generally available there). Per subscription: a tenant where it is GA may sit next to one where the
    /// preview feature is still needed, and the opt-out must not silently follow the user there.
    static QString featureNotRequiredSettingsKey(const QString &subscriptionId);
    /// Points `checker` at `subscriptionId` with the feature opt-out the settings hold for it (this page does
    /// the same; Review + create uses it when the wizard was opened past this page).
    static void pointChecker(cmk::PrerequisiteChecker *checker, const QString &subscriptionId);

    explicit PrerequisitesPage(cmk::ArmClient *client, QWidget *parent = nullptr);
    ~PrerequisitesPage() override;

    /// The subscription to check. initializePage() takes it from the draft (see setDraftModel()) or, without
    /// one, from the wizard's "subscriptionId" property, when they name one.
    void setSubscriptionId(const QString &subscriptionId);
    /// The wizard's draft, whose subscriptionId this page checks (not owned).
    void setDraftModel(cmk::ImageVersionDraftModel *draft);
    QString subscriptionId() const;

    /// Polling intervals and feature names (tests use short intervals). featureRequired comes from the
    /// settings.
    void setCheckerOptions(const cmk::PrerequisiteChecker::Options &options);
    cmk::PrerequisiteChecker *checker() const { return m_checker; }

    void initializePage() override;
    void cleanupPage() override;
    /// Ready, or registration under way (the user may go on and come back): NotRegistered and errors block.
    bool isComplete() const override;

public Q_SLOTS:
    /// Reads both states from Azure again.
    void recheck();
    /// Asks for confirmation, then registers the item.
    void requestRegistration(cmk::PrerequisiteChecker::Item item);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct ItemWidgets {
        QGroupBox *box = nullptr;
        QLabel *stateLabel = nullptr;
        QLabel *meaningLabel = nullptr;
        QPushButton *registerButton = nullptr;
    };
    ItemWidgets &widgets(cmk::PrerequisiteChecker::Item item) {
        return item == cmk::PrerequisiteChecker::Item::Feature ? m_feature : m_provider;
    }
    void buildItem(cmk::PrerequisiteChecker::Item item, ItemWidgets &w);
    void retranslateUi();
    void updateItem(cmk::PrerequisiteChecker::Item item);
    void updateProgress();
    void updateErrorLabel();
    QString subscriptionFromWizard() const;
    /// The opt-out of the subscription now checked, as the settings hold it, on the box and in the checker.
    void applyFeatureOptOut();

    cmk::PrerequisiteChecker *m_checker;
    QString m_subscriptionId;
    QPointer<cmk::ImageVersionDraftModel> m_draft;
    QLabel *m_introLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    ItemWidgets m_feature;
    ItemWidgets m_provider;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QPushButton *m_recheckButton = nullptr;
    QCheckBox *m_featureNotRequiredCheck = nullptr;
    QLabel *m_nextStepLabel = nullptr;
    bool m_watchingWizard = false;
    bool m_initializedForEntry = false; ///< initializePage() already read the state for this entry
    int m_nextPollSeconds = 0;
    int m_nextPollAttempt = 0;
};

} // namespace cmkui
