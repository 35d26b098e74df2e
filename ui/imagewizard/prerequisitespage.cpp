#include "imagewizard/prerequisitespage.h"

#include "common/draftpage.h"
#include "imageversion/imageversiondraft.h"

#include <QCheckBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <QWizard>

using cmk::PrerequisiteChecker;
using Item = cmk::PrerequisiteChecker::Item;
using State = cmk::PrerequisiteChecker::State;

namespace cmkui {

namespace {

// Kleopatra-style message box in the page: tinted background, frame, always-visible text.
void styleAsError(QLabel *label) {
    label->setStyleSheet(
        QStringLiteral("QLabel { background-color: #fbe3e4; color: #6b0a10; border: 1px solid "
                       "#d9534f; border-radius: 4px; padding: 6px; }"));
}

QString stateColor(State state) {
    switch (state) {
    case State::Registered:
    case State::NotNeeded:
        return QStringLiteral("#1e7b34");
    case State::Registering:
    case State::Checking:
        return QStringLiteral("#8a6d00");
    case State::NotRegistered:
    case State::Unregistering:
    case State::Error:
        return QStringLiteral("#b3261e");
    case State::Unknown:
        break;
    }
    return QString();
}

} // namespace

QString PrerequisitesPage::featureNotRequiredSettingsKey(const QString &subscriptionId) {
    return QStringLiteral("prerequisites/featureNotRequired/") + subscriptionId.toLower();
}

PrerequisitesPage::PrerequisitesPage(cmk::ArmClient *client, QWidget *parent)
    : QWizardPage(parent)
    , m_checker(new PrerequisiteChecker(client, this)) {
    setObjectName(QStringLiteral("prerequisitesPage"));

    auto *layout = new QVBoxLayout(this);

    m_introLabel = new QLabel(this);
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_introLabel->setWordWrap(true);
    layout->addWidget(m_introLabel);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    styleAsError(m_errorLabel);
    m_errorLabel->setVisible(false);
    layout->addWidget(m_errorLabel);

    buildItem(Item::Feature, m_feature);
    layout->addWidget(m_feature.box);
    buildItem(Item::Provider, m_provider);
    layout->addWidget(m_provider.box);

    m_featureNotRequiredCheck = new QCheckBox(this);
    m_featureNotRequiredCheck->setObjectName(QStringLiteral("featureNotRequiredCheck"));
    layout->addWidget(m_featureNotRequiredCheck);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("registrationProgress"));
    m_progress->setRange(0, 0); // busy indicator: Azure gives no percentage
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    progressRow->addWidget(m_progress);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setWordWrap(true);
    m_progressLabel->setVisible(false);
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addStretch();
    m_recheckButton = new QPushButton(this);
    m_recheckButton->setObjectName(QStringLiteral("recheckButton"));
    progressRow->addWidget(m_recheckButton);
    layout->addLayout(progressRow);

    m_nextStepLabel = new QLabel(this);
    m_nextStepLabel->setObjectName(QStringLiteral("nextStepLabel"));
    m_nextStepLabel->setWordWrap(true);
    layout->addWidget(m_nextStepLabel);
    layout->addStretch(1);

    connect(m_feature.registerButton, &QPushButton::clicked, this,
            [this] { requestRegistration(Item::Feature); });
    connect(m_provider.registerButton, &QPushButton::clicked, this,
            [this] { requestRegistration(Item::Provider); });
    connect(m_recheckButton, &QPushButton::clicked, this, &PrerequisitesPage::recheck);
    connect(m_featureNotRequiredCheck, &QCheckBox::toggled, this, [this](bool notRequired) {
        // Only a "not required" is stored: unticking removes it, so the default (check it) comes back.
        const QString key = featureNotRequiredSettingsKey(m_subscriptionId);
        if (notRequired)
            QSettings().setValue(key, true);
        else
            QSettings().remove(key);
        PrerequisiteChecker::Options o = m_checker->options();
        o.featureRequired = !notRequired;
        m_checker->setOptions(o);
        recheck();
    });
    connect(m_checker, &PrerequisiteChecker::stateChanged, this, [this](Item item) {
        updateItem(item);
        updateErrorLabel();
        updateProgress();
        emit completeChanged();
    });
    connect(m_checker, &PrerequisiteChecker::busyChanged, this, [this] {
        updateItem(Item::Feature);
        updateItem(Item::Provider);
        updateProgress();
    });
    connect(m_checker, &PrerequisiteChecker::pollScheduled, this, [this](Item, int attempt, int delayMs) {
        m_nextPollAttempt = attempt;
        m_nextPollSeconds = qMax(1, (delayMs + 999) / 1000);
        updateProgress();
    });
    connect(m_checker, &PrerequisiteChecker::pollingFinished, this, [this] { updateProgress(); });

    focusFirstControlWhenShown(this);
    retranslateUi();
}

PrerequisitesPage::~PrerequisitesPage() = default;

void PrerequisitesPage::buildItem(Item item, ItemWidgets &w) {
    const QString key = PrerequisiteChecker::itemKey(item);
    w.box = new QGroupBox(this);
    w.box->setObjectName(key + QStringLiteral("Box"));
    auto *grid = new QVBoxLayout(w.box);
    auto *top = new QHBoxLayout;
    w.stateLabel = new QLabel(w.box);
    w.stateLabel->setObjectName(key + QStringLiteral("StateLabel"));
    w.stateLabel->setTextFormat(Qt::RichText);
    top->addWidget(w.stateLabel, 1);
    w.registerButton = new QPushButton(w.box);
    w.registerButton->setObjectName(key + QStringLiteral("RegisterButton"));
    top->addWidget(w.registerButton);
    grid->addLayout(top);
    w.meaningLabel = new QLabel(w.box);
    w.meaningLabel->setObjectName(key + QStringLiteral("MeaningLabel"));
    w.meaningLabel->setWordWrap(true);
    w.meaningLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(w.meaningLabel);
}

void PrerequisitesPage::setSubscriptionId(const QString &subscriptionId) {
    m_subscriptionId = subscriptionId;
    applyFeatureOptOut();
    retranslateUi();
}

void PrerequisitesPage::pointChecker(PrerequisiteChecker *checker, const QString &subscriptionId) {
    PrerequisiteChecker::Options o = checker->options();
    o.featureRequired = subscriptionId.isEmpty() ||
                        !QSettings().value(featureNotRequiredSettingsKey(subscriptionId), false).toBool();
    checker->setOptions(o);
    checker->setSubscriptionId(subscriptionId);
}

void PrerequisitesPage::applyFeatureOptOut() {
    pointChecker(m_checker, m_subscriptionId);
    const QSignalBlocker blocker(m_featureNotRequiredCheck); // reading the setting is not the user's choice
    m_featureNotRequiredCheck->setChecked(!m_checker->options().featureRequired);
    m_featureNotRequiredCheck->setEnabled(!m_subscriptionId.isEmpty());
}

QString PrerequisitesPage::subscriptionId() const {
    return m_subscriptionId;
}

void PrerequisitesPage::setCheckerOptions(const PrerequisiteChecker::Options &options) {
    PrerequisiteChecker::Options o = options;
    o.featureRequired = !m_featureNotRequiredCheck->isChecked();
    m_checker->setOptions(o);
}

void PrerequisitesPage::setDraftModel(cmk::ImageVersionDraftModel *draft) {
    m_draft = draft;
}

QString PrerequisitesPage::subscriptionFromWizard() const {
    if (m_draft)
        return m_draft->draft().subscriptionId;
    if (wizard())
        return wizard()->property("subscriptionId").toString();
    return {};
}

void PrerequisitesPage::initializePage() {
    // QWizard calls initializePage() only when the user moves forward into the page; coming back with Back
    // must read the state again too, so watch the current page as well.
    if (wizard() && !m_watchingWizard) {
        m_watchingWizard = true;
        connect(wizard(), &QWizard::currentIdChanged, this, [this] {
            if (wizard()->currentPage() != this)
                return;
            if (m_initializedForEntry)
                m_initializedForEntry = false;
            else
                recheck();
        });
    }
    // When QWizard itself calls us, it has made this page current and emits currentIdChanged() next.
    m_initializedForEntry = wizard() && wizard()->currentPage() == this;
    const QString fromWizard = subscriptionFromWizard();
    if (!fromWizard.isEmpty())
        setSubscriptionId(fromWizard);
    recheck();
}

void PrerequisitesPage::cleanupPage() {
    // Going back to choose another subscription: stop watching this one.
    m_checker->abort();
}

bool PrerequisitesPage::isComplete() const {
    for (Item item : {Item::Feature, Item::Provider}) {
        const State s = m_checker->state(item);
        if (s != State::Registered && s != State::NotNeeded && s != State::Registering)
            return false;
    }
    return true;
}

void PrerequisitesPage::recheck() {
    m_checker->refresh();
    updateItem(Item::Feature);
    updateItem(Item::Provider);
    updateErrorLabel();
    updateProgress();
    emit completeChanged();
}

void PrerequisitesPage::requestRegistration(Item item) {
    QMessageBox box(QMessageBox::Warning, tr("Register for the whole subscription?"), QString(),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("registerConfirmation"));
    const QString subscription = m_subscriptionId;
    if (item == Item::Feature)
        box.setText(tr("Register the preview feature %1 for subscription %2?")
                        .arg(m_checker->itemDisplayName(item), subscription));
    else
        box.setText(tr("Register the resource provider %1 for subscription %2?")
                        .arg(m_checker->itemDisplayName(item), subscription));
    box.setInformativeText(
        item == Item::Feature
            ? tr("This changes the whole subscription, not only this image version: every user and "
                 "deployment "
                 "of the subscription is affected. It needs the Contributor or Owner role, or a role with "
                 "the "
                 "Microsoft.Features/providers/features/register/action permission. Azure can take up to 30 "
                 "minutes to finish.")
            : tr("This changes the whole subscription, not only this image version: every user and "
                 "deployment "
                 "of the subscription is affected. It needs a role with the */register/action permission, "
                 "such "
                 "as Contributor or Owner. Azure usually takes a few minutes to finish."));
    QPushButton *registerButton = box.addButton(tr("Register"), QMessageBox::AcceptRole);
    registerButton->setObjectName(QStringLiteral("confirmRegisterButton"));
    QPushButton *cancelButton = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancelButton);
    box.exec();
    if (box.clickedButton() != registerButton)
        return;
    m_checker->registerItem(item);
    updateItem(item);
    updateProgress();
}

void PrerequisitesPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void PrerequisitesPage::retranslateUi() {
    setTitle(tr("Prerequisites"));
    setSubTitle(
        tr("Your subscription must have the preview feature and the Compute resource provider registered "
           "before it can create image versions encrypted with your own keys."));
    m_introLabel->setText(
        m_subscriptionId.isEmpty()
            ? tr("No subscription is selected yet: go back and choose one.")
            : tr("State in subscription %1, as Azure reports it now:").arg(m_subscriptionId));
    m_introLabel->setAccessibleName(tr("Subscription checked"));
    m_errorLabel->setAccessibleName(tr("Error"));
    m_feature.box->setTitle(tr("Preview feature %1").arg(m_checker->itemDisplayName(Item::Feature)));
    m_feature.box->setAccessibleName(tr("Preview feature"));
    m_provider.box->setTitle(tr("Resource provider %1").arg(m_checker->itemDisplayName(Item::Provider)));
    m_provider.box->setAccessibleName(tr("Resource provider"));
    m_feature.registerButton->setText(tr("&Register…"));
    m_feature.registerButton->setAccessibleName(tr("Register the preview feature"));
    m_feature.registerButton->setToolTip(
        tr("Registers the feature for the whole subscription, after a confirmation."));
    m_provider.registerButton->setText(tr("Re&gister…"));
    m_provider.registerButton->setAccessibleName(tr("Register the resource provider"));
    m_provider.registerButton->setToolTip(
        tr("Registers the resource provider for the whole subscription, after a confirmation."));
    m_feature.stateLabel->setAccessibleName(tr("Feature state"));
    m_feature.meaningLabel->setAccessibleName(tr("What the feature state means"));
    m_provider.stateLabel->setAccessibleName(tr("Provider state"));
    m_provider.meaningLabel->setAccessibleName(tr("What the provider state means"));
    // The subscription is named in the tooltip, not in the text: a check box does not wrap, and the intro
    // above already names the subscription.
    m_featureNotRequiredCheck->setText(
        tr("Customer-managed keys for galleries are generally &available in this subscription: do not "
           "require the preview feature"));
    m_featureNotRequiredCheck->setToolTip(
        m_subscriptionId.isEmpty()
            ? QString()
            : tr("Remembered for subscription %1 only; untick it to check the preview feature again. Review + "
                 "create reminds you that the check is off.")
                  .arg(m_subscriptionId));
    m_featureNotRequiredCheck->setAccessibleName(tr("Do not require the preview feature"));
    m_progress->setAccessibleName(tr("Registration in progress"));
    m_progressLabel->setAccessibleName(tr("Registration progress"));
    m_recheckButton->setText(tr("C&heck again"));
    m_recheckButton->setAccessibleName(tr("Check the registration state again"));
    m_nextStepLabel->setAccessibleName(tr("What to do next"));
    updateItem(Item::Feature);
    updateItem(Item::Provider);
    updateProgress();
    updateErrorLabel();
}

void PrerequisitesPage::updateItem(Item item) {
    ItemWidgets &w = widgets(item);
    const State state = m_checker->state(item);
    QString stateText = PrerequisiteChecker::stateDisplayName(state);
    const QString raw = m_checker->serverState(item);
    if (!raw.isEmpty() && state == State::Unknown)
        stateText = raw;
    const QString color = stateColor(state);
    const QString shown =
        color.isEmpty()
            ? stateText.toHtmlEscaped()
            : QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color, stateText.toHtmlEscaped());
    w.stateLabel->setText(tr("State: <b>%1</b>").arg(shown));
    // An error is spelled out in the error label above; here only what the state means.
    w.meaningLabel->setText(m_checker->hasError(item) ? PrerequisiteChecker::stateMeaning(item, state)
                                                      : m_checker->explanation(item));
    w.registerButton->setEnabled(state == State::NotRegistered && !m_checker->isPolling(item) &&
                                 !m_subscriptionId.isEmpty());
    w.registerButton->setVisible(state != State::Registered && state != State::NotNeeded);
    // With the feature check turned off in the settings, the feature box only says so.
    w.box->setEnabled(item != Item::Feature || m_checker->options().featureRequired);
}

void PrerequisitesPage::updateProgress() {
    const bool polling = m_checker->isPolling();
    const bool busy = m_checker->isBusy();
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    if (polling) {
        m_progressLabel->setText(
            tr("Waiting for Azure to finish the registration: next check in %n second(s) (check %1).",
               nullptr, m_nextPollSeconds)
                .arg(m_nextPollAttempt));
    } else if (busy) {
        m_progressLabel->setText(tr("Asking Azure…"));
    }
    m_recheckButton->setEnabled(!m_subscriptionId.isEmpty());

    QString next;
    if (m_checker->isReady())
        next = tr("Everything is in place: continue with the next step.");
    else if (isComplete())
        next = tr("You can go on with the wizard while Azure registers; this step checks again when you come "
                  "back to it.");
    else if (!m_checker->itemsNeedingRegistration().isEmpty())
        next = tr("Register what is missing, or ask an administrator of the subscription to do it.");
    m_nextStepLabel->setText(next);
    m_nextStepLabel->setVisible(!next.isEmpty());
}

void PrerequisitesPage::updateErrorLabel() {
    QStringList errors;
    for (Item item : {Item::Feature, Item::Provider}) {
        if (m_checker->hasError(item))
            errors.append(m_checker->explanation(item));
    }
    errors.removeDuplicates();
    m_errorLabel->setText(errors.join(QStringLiteral("\n\n")));
    m_errorLabel->setVisible(!errors.isEmpty());
}

} // namespace cmkui
