// The Prerequisites wizard page and the DES readiness widget, offscreen, against a real armsandbox.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "imageversion/imageversiondraft.h"
#include "imagewizard/desreadinesswidget.h"
#include "imagewizard/prerequisitespage.h"
#include "imagewizard/wizardpageids.h"
#include "support/prereqfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QWizard>

using cmkui::PrerequisitesPage;
using namespace prereqtest;

class TestPrereqPage : public PrereqTestCase {
    Q_OBJECT

private:
    std::unique_ptr<PrerequisitesPage> makePage(const QString &subscription) {
        auto page = std::make_unique<PrerequisitesPage>(client());
        PrerequisiteChecker::Options o;
        o.initialPollIntervalMs = 10;
        o.maxPollIntervalMs = 40;
        page->setCheckerOptions(o);
        page->setSubscriptionId(subscription);
        page->resize(760, 600);
        page->show();
        return page;
    }

    // A page of `subscription` shown, entered, and done reading the states; null when the reads did not end.
    std::unique_ptr<PrerequisitesPage> enteredPage(const QString &subscription) {
        auto page = makePage(subscription);
        page->initializePage();
        return waitIdle(*page) ? std::move(page) : nullptr;
    }

    static QString text(QWidget *root, const char *name) {
        if (auto *label = root->findChild<QLabel *>(QString::fromLatin1(name)))
            return label->text();
        return QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }

    static bool waitIdle(PrerequisitesPage &page) {
        return QTest::qWaitFor([&] { return !page.checker()->isBusy(); }, 10000);
    }

    // Answers the next modal dialog: clicks the button named `buttonName`, and records the dialog's texts.
    void answerNextDialog(const QString &buttonName, QString *seenText) {
        QTimer::singleShot(0, this, [=] {
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, 5000);
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            *seenText = box->text() + QLatin1Char('\n') + box->informativeText();
            QPushButton *button = buttonName.isEmpty()
                                      ? qobject_cast<QPushButton *>(box->button(QMessageBox::Cancel))
                                      : box->findChild<QPushButton *>(buttonName);
            QVERIFY(button);
            button->click();
        });
    }

    void saveScreenshot(QWidget *widget, const QString &name) {
        const QString dir = qEnvironmentVariable("CMK_SCREENSHOT_DIR", m_server.dir().path());
        QDir().mkpath(dir);
        // Word-wrapped labels settle their height on the next layout pass; run it before grabbing.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_prereqpage"));
        QVERIFY(m_server.prepare());
        const QString config = m_server.dir().filePath(QStringLiteral("config"));
        qputenv("XDG_CONFIG_HOME", config.toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    }

    void init() {
        QSettings().clear();
        QString why;
        QVERIFY2(m_server.start(&why), qPrintable(why));
    }

    void cleanup() { m_server.stop(); }

    void showsNotRegisteredAndRegistersAfterConfirmation() {
        const auto page = enteredPage(subNotRegistered);
        QVERIFY(page);
        QVERIFY(text(page.get(), "featureStateLabel").contains(QStringLiteral("Not registered")));
        QVERIFY(text(page.get(), "providerStateLabel").contains(QStringLiteral("Not registered")));
        QVERIFY(text(page.get(), "featureMeaningLabel").contains(QStringLiteral("refuses image versions")));
        QVERIFY(!page->isComplete());
        auto *registerButton = page->findChild<QPushButton *>(QStringLiteral("featureRegisterButton"));
        QVERIFY(registerButton);
        QVERIFY(registerButton->isVisible());
        QVERIFY(registerButton->isEnabled());
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());
        saveScreenshot(page.get(), QStringLiteral("prereq-notregistered.png"));

        // Cancel: nothing is sent.
        QString dialogText;
        answerNextDialog(QString(), &dialogText);
        registerButton->click();
        QVERIFY(dialogText.contains(QStringLiteral("whole subscription")));
        QVERIFY(dialogText.contains(QStringLiteral("Contributor")));
        QVERIFY(dialogText.contains(subNotRegistered));
        // Read again (a positive event that comes after anything the click could have sent): no POST.
        QSignalSpy read(page->checker(), &PrerequisiteChecker::checkFinished);
        page->recheck();
        QVERIFY(read.wait(10000));
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), 2);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("POST"), QStringLiteral("/register")), 0);
        QCOMPARE(page->checker()->state(Item::Feature), State::NotRegistered);

        // Confirm: POST, progress while Azure registers, then Registered.
        bool progressShown = false;
        bool screenshotTaken = false;
        QString progressText;
        connect(page->checker(), &PrerequisiteChecker::pollScheduled, this, [&] {
            auto *bar = page->findChild<QProgressBar *>(QStringLiteral("registrationProgress"));
            progressShown = progressShown || (bar && bar->isVisible());
            if (progressText.isEmpty())
                progressText = text(page.get(), "progressLabel");
            if (progressShown && !screenshotTaken) {
                screenshotTaken = true;
                saveScreenshot(page.get(), QStringLiteral("prereq-registering.png"));
            }
        });
        answerNextDialog(QStringLiteral("confirmRegisterButton"), &dialogText);
        registerButton->click();
        QTRY_COMPARE_WITH_TIMEOUT(page->checker()->state(Item::Feature), State::Registered, 10000);
        QVERIFY(waitIdle(*page));
        QVERIFY(progressShown);
        QVERIFY2(progressText.contains(QStringLiteral("Waiting for Azure")), qPrintable(progressText));
        QCOMPARE(
            countRequests(sandbox(), QStringLiteral("POST"), featurePath(subNotRegistered) + "/register"), 1);
        QVERIFY(text(page.get(), "featureStateLabel").contains(QStringLiteral("Registered")));
        QVERIFY(!registerButton->isVisible());
        QVERIFY(!page->findChild<QProgressBar *>(QStringLiteral("registrationProgress"))->isVisible());
        QVERIFY(!page->isComplete()); // the provider is still missing

        auto *providerButton = page->findChild<QPushButton *>(QStringLiteral("providerRegisterButton"));
        answerNextDialog(QStringLiteral("confirmRegisterButton"), &dialogText);
        providerButton->click();
        QVERIFY(dialogText.contains(QStringLiteral("*/register/action")));
        QTRY_VERIFY_WITH_TIMEOUT(page->checker()->isReady(), 10000);
        QVERIFY(page->isComplete());
        QVERIFY(text(page.get(), "nextStepLabel").contains(QStringLiteral("Everything is in place")));
        saveScreenshot(page.get(), QStringLiteral("prereq-ready.png"));
    }

    void reentryReadsTheServerAgain() {
        QWizard wizard;
        auto *first = new QWizardPage;
        first->setObjectName(QStringLiteral("firstPage"));
        wizard.addPage(first);
        auto *page = new PrerequisitesPage(client());
        PrerequisiteChecker::Options o;
        o.initialPollIntervalMs = 10;
        page->setCheckerOptions(o);
        wizard.setPage(cmkui::PrerequisitesPageId, page);
        wizard.addPage(new QWizardPage);
        cmk::ImageVersionDraftModel draft;
        draft.modify([](cmk::ImageVersionDraft &d) { d.subscriptionId = subNotRegistered; });
        page->setDraftModel(&draft);
        wizard.show();
        wizard.next();
        QCOMPARE(wizard.currentPage(), page);
        QVERIFY(waitIdle(*page));
        QCOMPARE(page->subscriptionId(), subNotRegistered);
        QCOMPARE(page->checker()->state(Item::Feature), State::NotRegistered);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), 1);

        // Somebody registers the feature elsewhere (here: another client) while the user is on the next page.
        wizard.next();
        PrerequisiteChecker other(client());
        PrerequisiteChecker::Options fast;
        fast.initialPollIntervalMs = 10;
        other.setOptions(fast);
        other.setSubscriptionId(subNotRegistered);
        other.registerItem(Item::Feature);
        QTRY_VERIFY_WITH_TIMEOUT(!other.isBusy(), 10000);
        QCOMPARE(other.state(Item::Feature), State::Registered);
        const int getsBefore = countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered));

        // Back: the page reads again instead of showing what it knew.
        wizard.back();
        QCOMPARE(wizard.currentPage(), page);
        QVERIFY(waitIdle(*page));
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)),
                 getsBefore + 1);
        QCOMPARE(page->checker()->state(Item::Feature), State::Registered);

        // Back to the first page, choose another subscription, Next: the new one is read.
        wizard.back();
        draft.modify([](cmk::ImageVersionDraft &d) { d.subscriptionId = subReady; });
        wizard.next();
        QVERIFY(waitIdle(*page));
        QCOMPARE(page->subscriptionId(), subReady);
        QVERIFY(page->checker()->isReady());
        QVERIFY(page->isComplete());
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subReady)), 1);
    }

    void forbiddenShowsTheMissingRole() {
        const auto page = enteredPage(subReadOnly);
        QVERIFY(page);
        QString dialogText;
        answerNextDialog(QStringLiteral("confirmRegisterButton"), &dialogText);
        page->findChild<QPushButton *>(QStringLiteral("featureRegisterButton"))->click();
        QVERIFY(waitIdle(*page));
        QCOMPARE(page->checker()->state(Item::Feature), State::NotRegistered);
        QVERIFY(page->checker()->hasError(Item::Feature));
        auto *error = page->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error->isVisible());
        QVERIFY2(
            error->text().contains(QStringLiteral("Microsoft.Features/providers/features/register/action")),
            qPrintable(error->text()));
        QVERIFY(error->text().contains(QStringLiteral("Contributor")));
        QVERIFY(text(page.get(), "featureStateLabel").contains(QStringLiteral("Not registered")));
        // The user may retry once given the role.
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("featureRegisterButton"))->isEnabled());
        QVERIFY(!page->isComplete());
        saveScreenshot(page.get(), QStringLiteral("prereq-forbidden.png"));
    }

    void unknownFeatureIsNotNeededAndDoesNotBlock() {
        const auto page = enteredPage(subFeatureUnknown);
        QVERIFY(page);
        QVERIFY(text(page.get(), "featureStateLabel").contains(QStringLiteral("Not needed")));
        QVERIFY(text(page.get(), "featureMeaningLabel").contains(QStringLiteral("generally available")));
        QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("featureRegisterButton"))->isVisible());
        QVERIFY(page->isComplete());
    }

    void settingTurnsTheFeatureCheckOff() {
        const auto page = enteredPage(subNotRegistered);
        QVERIFY(page);
        QCOMPARE(page->checker()->state(Item::Feature), State::NotRegistered);
        const int gets = countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered));
        page->findChild<QCheckBox *>(QStringLiteral("featureNotRequiredCheck"))->setChecked(true);
        QVERIFY(waitIdle(*page));
        QCOMPARE(page->checker()->state(Item::Feature), State::NotNeeded);
        QCOMPARE(countRequests(sandbox(), QStringLiteral("GET"), featurePath(subNotRegistered)), gets);
        QVERIFY(text(page.get(), "featureMeaningLabel").contains(QStringLiteral("settings")));
        QCOMPARE(
            QSettings().value(PrerequisitesPage::featureNotRequiredSettingsKey(subNotRegistered)).toBool(),
            true);

        // A new page (next run) of that subscription starts from the setting; another subscription's does not.
        auto next = makePage(subNotRegistered);
        QVERIFY(next->findChild<QCheckBox *>(QStringLiteral("featureNotRequiredCheck"))->isChecked());
        QCOMPARE(next->checker()->options().featureRequired, false);
        auto other = makePage(subFeatureUnknown);
        QVERIFY(!other->findChild<QCheckBox *>(QStringLiteral("featureNotRequiredCheck"))->isChecked());
        QCOMPARE(other->checker()->options().featureRequired, true);
        // The same page moved to the other subscription follows that one's setting.
        next->setSubscriptionId(subFeatureUnknown);
        QVERIFY(!next->findChild<QCheckBox *>(QStringLiteral("featureNotRequiredCheck"))->isChecked());
    }

    void registeringLetsTheUserGoOn() {
        QVERIFY(registerFeatureElsewhere(*client(), subNeedsFeature));
        auto page = makePage(subNeedsFeature);
        // Registering may last one short poll: record every state instead of sampling it.
        bool completeWhileRegistering = false;
        bool sawRegistering = false;
        connect(page->checker(), &cmk::PrerequisiteChecker::stateChanged, this, [&](Item item, State state) {
            if (item == Item::Feature && state == State::Registering) {
                sawRegistering = true;
                completeWhileRegistering = page->isComplete();
            }
        });
        page->initializePage();
        QTRY_VERIFY_WITH_TIMEOUT(sawRegistering, 5000);
        QVERIFY(completeWhileRegistering || page->isComplete());
        QTRY_COMPARE_WITH_TIMEOUT(page->checker()->state(Item::Feature), State::Registered, 10000);
        QVERIFY(waitIdle(*page));
        QVERIFY(page->isComplete());
    }

    void everyWidgetIsNamedAndAccessible() {
        const auto page = enteredPage(subNotRegistered);
        QVERIFY(page);
        for (QWidget *w : page->findChildren<QWidget *>()) {
            QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
        // Retranslation keeps the state shown.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(page.get(), &change);
        QVERIFY(text(page.get(), "featureStateLabel").contains(QStringLiteral("Not registered")));
        QCOMPARE(page->title(), QStringLiteral("Prerequisites"));
    }

    void desReadinessWidgetFlagsRegions() {
        cmkui::DesReadinessWidget widget(client());
        widget.resize(760, 560);
        widget.show();
        QSignalSpy readiness(&widget, &cmkui::DesReadinessWidget::readinessChanged);
        widget.check(subReady,
                     {QStringLiteral("westus"), QStringLiteral("eastus2"), QStringLiteral("northeurope")});
        QVERIFY(readiness.wait(10000));
        QCOMPARE(readiness.at(0).at(0).toBool(), false);
        auto *table = widget.findChild<QTableWidget *>(QStringLiteral("desReadinessTable"));
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("westus"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("1"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("0"));
        QVERIFY(table->item(1, 3)->text().contains(QStringLiteral("No usable")));
        QVERIFY(widget.findChild<QLabel *>(QStringLiteral("desSummaryLabel"))
                    ->text()
                    .contains(QStringLiteral("eastus2")));

        // The first flagged region's commands are shown; the region list offers only flagged ones.
        auto *regionCombo = widget.findChild<QComboBox *>(QStringLiteral("desRegionCombo"));
        QVERIFY(regionCombo->isVisible());
        QCOMPARE(regionCombo->count(), 2);
        QCOMPARE(regionCombo->itemText(0), QStringLiteral("eastus2"));
        QCOMPARE(regionCombo->itemText(1), QStringLiteral("northeurope"));
        auto *az = widget.findChild<QPlainTextEdit *>(QStringLiteral("azCommand"));
        QVERIFY(az);
        QCOMPARE(az->toPlainText(), widget.commandsFor(QStringLiteral("eastus2")).azureCli);
        QVERIFY(az->toPlainText().contains(QStringLiteral("--resource-group 'rg-keys'")));
        QVERIFY(az->toPlainText().contains(QStringLiteral("--location 'eastus2'")));
        QVERIFY(
            az->toPlainText().contains(QStringLiteral("--source-vault '/subscriptions/%1/").arg(subReady)));
        QVERIFY(widget.findChild<QLabel *>(QStringLiteral("desCommandsIntro"))
                    ->text()
                    .contains(QStringLiteral("eastus2")));
        QVERIFY(widget.commandsFor(QStringLiteral("westus")).azureCli.isEmpty());

        widget.showCommandsFor(QStringLiteral("North Europe"));
        auto *ps = widget.findChild<QPlainTextEdit *>(QStringLiteral("powerShellCommand"));
        QVERIFY(ps);
        QVERIFY(ps->toPlainText().contains(
            QStringLiteral("New-AzDiskEncryptionSetConfig -Location 'northeurope'")));
        QCOMPARE(ps->toPlainText(), widget.commandsFor(QStringLiteral("northeurope")).powerShell);
        widget.findChild<QPushButton *>(QStringLiteral("powerShellCopyButton"))->click();
        QCOMPARE(QApplication::clipboard()->text(), ps->toPlainText());

        // Double encryption selected: the commands follow.
        auto *combo = widget.findChild<QComboBox *>(QStringLiteral("desTypeCombo"));
        combo->setCurrentIndex(1);
        QVERIFY(az->toPlainText().contains(QStringLiteral("'EncryptionAtRestWithPlatformAndCustomerKeys'")));
        QVERIFY(az->toPlainText().contains(QStringLiteral("--location 'northeurope'")));
        saveScreenshot(&widget, QStringLiteral("des-readiness.png"));

        for (QWidget *w : widget.findChildren<QWidget *>()) {
            // Viewports, scroll bars and headers belong to Qt's own composite widgets.
            if (w->parentWidget() != &widget &&
                w->parentWidget()->objectName() != QLatin1String("desCommandsPanel"))
                continue;
            QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }

        widget.check(subReady, {QStringLiteral("westus")});
        QVERIFY(readiness.wait(10000));
        QCOMPARE(readiness.last().at(0).toBool(), true);
        QVERIFY(!widget.findChild<QWidget *>(QStringLiteral("desCommandsPanel"))->isVisible());
        QVERIFY(widget.findChild<QLabel *>(QStringLiteral("desSummaryLabel"))
                    ->text()
                    .contains(QStringLiteral("Every target region")));
    }
};

QTEST_MAIN(TestPrereqPage)
#include "tst_prereqpage.moc"
