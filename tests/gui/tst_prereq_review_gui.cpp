// Review + create repeats the prerequisites (issue 19): a registration left running blocks Create and the page
// links back to the Prerequisites step; the feature opt-out is per subscription, reminded on Review + create,
// and reversible; Azure's refusal for a prerequisite points at that step. Offscreen, against armsandbox.

#include "imagewizard/prerequisitespage.h"
#include "imagewizard/wizardpageids.h"
#include "prerequisites/prerequisites.h"
#include "support/wizardharness.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace wizardtest;
using cmk::PrerequisiteChecker;
using cmkui::CreateImageVersionWizard;
using cmkui::PrerequisitesPage;

class TestPrereqReviewGui : public QObject {
    Q_OBJECT

    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;
    QTemporaryDir m_config;

    QString featurePath() const {
        return QStringLiteral("/subscriptions/%1/providers/Microsoft.Features/providers/Microsoft.Compute/"
                              "features/SIGEncryption")
            .arg(Sub);
    }

    // Somebody started the registration of the preview feature; Azure takes its time.
    bool startFeatureRegistration() {
        cmk::ArmReply *reply = m_session.client->post(featurePath() + QStringLiteral("/register"));
        return QTest::qWaitFor([&] { return reply->isFinished(); }, 5000) && !reply->error();
    }

    PrerequisiteChecker *checker(CreateImageVersionWizard *wizard) {
        return find<PrerequisitesPage>(wizard, QStringLiteral("prerequisitesPage"))->checker();
    }

    // Basics (prefilled), then the Prerequisites step once it has read both states.
    bool toPrerequisites(CreateImageVersionWizard *wizard) {
        if (!next(wizard) || wizard->currentId() != cmkui::PrerequisitesPageId)
            return false;
        return QTest::qWaitFor([&] { return !checker(wizard)->isBusy() || checker(wizard)->isPolling(); },
                               8000);
    }

    bool toReview(CreateImageVersionWizard *wizard) {
        while (wizard->currentId() != cmkui::ReviewPageId)
            if (!next(wizard))
                return false;
        return true;
    }

    static QString summary(CreateImageVersionWizard *wizard) {
        return find<QTextBrowser>(wizard, QStringLiteral("summaryView"))->toPlainText();
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_prereq_review_gui"));
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    }

    void init() {
        QSettings().clear();
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 2;
        options.featurePollsUntilRegistered = 100000; // a registration started here stays Registering
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
        m_session.client = std::make_unique<cmk::ArmClient>();
        m_session.client->setEndpoint(m_sandbox.baseUrl());
        m_session.client->setDefaultPollIntervalMs(10);
    }

    void cleanup() {
        m_session.close();
        m_session.client.reset();
        m_sandbox.stop();
    }

    // The Prerequisites step lets the user go on while Azure registers; Review + create repeats the state,
    // keeps Create disabled with the reason, and its button goes back to that step.
    void registrationUnderWayBlocksCreate() {
        QVERIFY(startFeatureRegistration());
        CreateImageVersionWizard *wizard =
            m_session.open(demodata::cmkImageVersionDraft(QStringLiteral("7.20.0")), true);
        QVERIFY(toPrerequisites(wizard));
        QTRY_COMPARE(checker(wizard)->state(PrerequisiteChecker::Item::Feature),
                     PrerequisiteChecker::State::Registering);
        QVERIFY(toReview(wizard));

        QTRY_VERIFY2(errorText(wizard).contains(QLatin1String("still registering")), qPrintable(errorText(wizard)));
        QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY2(summary(wizard).contains(QLatin1String("Prerequisites")) &&
                     summary(wizard).contains(QLatin1String("Registering")),
                 qPrintable(summary(wizard)));
        auto *back = find<QPushButton>(wizard, QStringLiteral("backToPrerequisitesButton"));
        QTRY_VERIFY(back->isVisible());
        QVERIFY(back->text().contains(QLatin1Char('&')));
        back->click();
        QCOMPARE(wizard->currentId(), int(cmkui::PrerequisitesPageId));
        QVERIFY(versionPuts(m_sandbox).isEmpty());
    }

    // A draft with platform-managed keys never needed the preview feature: a registration under way does not
    // hold its Create.
    void platformKeysDoNotWaitForTheFeature() {
        QVERIFY(startFeatureRegistration());
        CreateImageVersionWizard *wizard =
            m_session.open(demodata::imageVersionDraft(QStringLiteral("7.21.0")), true);
        QVERIFY(toPrerequisites(wizard));
        QVERIFY(toReview(wizard));
        QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!errorText(wizard).contains(QLatin1String("registering")));
    }

    // Ticked for one subscription only; Review + create says the check is off; Azure's refusal of the feature
    // points back to the step, where the box can be unticked again.
    void optOutIsPerSubscriptionRemindedAndReversible() {
        CreateImageVersionWizard *wizard =
            m_session.open(demodata::cmkImageVersionDraft(QStringLiteral("7.22.0")), true);
        QVERIFY(toPrerequisites(wizard));
        auto *optOut = find<QCheckBox>(wizard, QStringLiteral("featureNotRequiredCheck"));
        QVERIFY(optOut->isVisible() && !optOut->isChecked());
        QVERIFY(optOut->toolTip().contains(Sub));
        optOut->click();
        QCOMPARE(QSettings().value(PrerequisitesPage::featureNotRequiredSettingsKey(Sub)).toBool(), true);
        QVERIFY(!QSettings().contains(PrerequisitesPage::featureNotRequiredSettingsKey(DevSub)));
        QVERIFY(toReview(wizard));
        QTRY_VERIFY2(summary(wizard).contains(QLatin1String("Not checked: you said")), qPrintable(summary(wizard)));

        // Azure (the sandbox's subscription needs the feature) refuses at Create.
        QAbstractButton *create = wizard->button(QWizard::FinishButton);
        QTRY_VERIFY(create->isEnabled());
        create->click();
        auto *error = find<QLabel>(wizard, QStringLiteral("submitErrorLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QLatin1String("FeatureNotRegistered")), 10000);
        QVERIFY2(error->text().contains(QLatin1String("prerequisite of the subscription")),
                 qPrintable(error->text()));
        auto *back = find<QPushButton>(wizard, QStringLiteral("backToPrerequisitesButton"));
        QTRY_VERIFY(back->isVisible());
        back->click();
        QCOMPARE(wizard->currentId(), int(cmkui::PrerequisitesPageId));
        QVERIFY(optOut->isChecked());
        optOut->click();
        QVERIFY(!QSettings().contains(PrerequisitesPage::featureNotRequiredSettingsKey(Sub)));
        QTRY_COMPARE(checker(wizard)->state(PrerequisiteChecker::Item::Feature),
                     PrerequisiteChecker::State::NotRegistered);
    }
};

QTEST_MAIN(TestPrereqReviewGui)
#include "tst_prereq_review_gui.moc"
