// Nothing the user chose is lost without asking (issue 19): Esc, Cancel and closing the window ask first on
// any page, Review after an error included, and while Azure works the question says what happens to the
// operation; the draft the question promises to keep is in the autosave file afterwards. The real
// CreateImageVersionWizard, offscreen, against an in-process armsandbox over HTTP.

#include "common/diskencryptionsetmodel.h"
#include "draft/draftstore.h"
#include "draft/draftsubmitter.h"
#include "imagewizard/basicspage.h"
#include "imagewizard/encryptionpage.h"
#include "imagewizard/submitpage.h"
#include "shell/wizardwindow.h"
#include "support/wizardharness.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;

class TestWizardKeep : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<cmk::ArmClient> m_client; // the SIGEncryption feature is registered in initTestCase
    armsandbox::Sandbox m_sandbox;
    std::unique_ptr<cmk::ImageVersionDraftModel> m_draft; // outlives the wizard that edits it
    std::unique_ptr<CreateImageVersionWizard> m_wizard;

    CreateImageVersionWizard *open(const cmk::ImageVersionDraft &initial = {}) {
        return openWizard(m_client.get(), m_draft, m_wizard, 10, initial);
    }

    /// The close question, once it is shown.
    static QMessageBox *closeQuestion(QWidget *wizard) {
        QMessageBox *box = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                box = wizard->findChild<QMessageBox *>(QStringLiteral("closeWizardQuestion"));
                return box && box->isVisible();
            },
            3000);
        return box;
    }

    static void answer(QMessageBox *box, const char *buttonName) {
        box->findChild<QPushButton *>(QLatin1String(buttonName))->click();
    }

    bool toReview(CreateImageVersionWizard *wizard) {
        while (wizard->currentId() != cmkui::ReviewPageId)
            if (!next(wizard))
                return false;
        return true;
    }

    bool create(CreateImageVersionWizard *wizard) {
        QAbstractButton *button = wizard->button(QWizard::FinishButton);
        if (!QTest::qWaitFor([&] { return button->isEnabled(); }, 8000))
            return false;
        button->click();
        return true;
    }

    bool exists(const QString &id) {
        cmk::ArmReply *reply = m_client->get(id);
        return QTest::qWaitFor([&] { return reply->isFinished(); }, 10000) && !reply->error();
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        QVERIFY2(startRegisteredSandbox(m_sandbox, m_client, &why), qPrintable(why));
    }

    // Each test starts without a wizard, faults or recorded requests.
    void init() {
        m_wizard.reset();
        QVERIFY(m_sandbox.setFaults(QString()));
        m_sandbox.clearExchanges();
    }

    void nothingChosenClosesAtOnce() {
        CreateImageVersionWizard *wizard = open();
        QSignalSpy rejected(wizard, &QDialog::rejected);
        QTest::keyClick(wizard, Qt::Key_Escape);
        QTRY_COMPARE(rejected.count(), 1);
        QVERIFY(!wizard->findChild<QMessageBox *>(QStringLiteral("closeWizardQuestion")));
    }

    // Esc on Basics asks; "Keep editing" keeps the wizard; Cancel asks again and Discard closes it, and the
    // draft is in the autosave file that the next start offers to resume.
    void escapeAsksAndTheDraftIsKept() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("autosave-draft.json"));
        auto store = std::make_unique<cmk::DraftStore>();
        store->setPath(path);
        CreateImageVersionWizard *wizard = open();
        store->attach(m_draft.get(), 60000); // saved by the store's destruction, as when the app quits
        QVERIFY(fillDemoTarget(wizard, QStringLiteral("7.1.0")));

        QTest::keyClick(wizard, Qt::Key_Escape);
        QMessageBox *ask = closeQuestion(wizard);
        QVERIFY(ask);
        QVERIFY2(
            ask->text().contains(QLatin1String("Discard this image version? The draft is kept and offered "
                                               "next time.")),
            qPrintable(ask->text()));
        answer(ask, "keepWizardOpenButton");
        QTRY_VERIFY(!wizard->findChild<QMessageBox *>(QStringLiteral("closeWizardQuestion")));
        QVERIFY(wizard->isVisible());
        QCOMPARE(find<QLineEdit>(wizard, QStringLiteral("versionEdit"))->text(), QStringLiteral("7.1.0"));

        QSignalSpy rejected(wizard, &QDialog::rejected);
        wizard->button(QWizard::CancelButton)->click();
        ask = closeQuestion(wizard);
        QVERIFY(ask);
        answer(ask, "confirmCloseWizardButton");
        QTRY_COMPARE(rejected.count(), 1);
        QVERIFY(!wizard->isVisible());
        QVERIFY(!cmk::DraftStore::hasResumableDraft(path)); // not yet: the debounce holds it
        store.reset();
        QVERIFY(cmk::DraftStore::hasResumableDraft(path));
        cmk::ImageVersionDraft kept;
        QVERIFY(cmk::DraftStore::load(path, &kept, nullptr));
        QCOMPARE(kept.versionName, QStringLiteral("7.1.0"));
    }

    // Review after Azure refused: Esc asks too, and only the answer closes.
    void reviewAfterAnErrorAsks() {
        CreateImageVersionWizard *wizard = open(demodata::cmkImageVersionDraft(QStringLiteral("7.2.0")));
        QVERIFY(toReview(wizard));
        QVERIFY(m_sandbox.setFaults(QStringLiteral("status=409:method=PUT:path=/versions/")));
        QVERIFY(create(wizard));
        auto *error = find<QLabel>(wizard, QStringLiteral("submitErrorLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!error->text().isEmpty(), 10000);
        QTest::keyClick(wizard, Qt::Key_Escape);
        QMessageBox *ask = closeQuestion(wizard);
        QVERIFY(ask);
        QVERIFY(wizard->isVisible());
        QSignalSpy rejected(wizard, &QDialog::rejected);
        answer(ask, "confirmCloseWizardButton");
        QTRY_COMPARE(rejected.count(), 1);
    }

    // While the PUT runs, closing the window says the operation goes on in Azure; closing stops watching
    // only, and the image version is still created.
    void closingWhileAzureWorksSaysWhatHappens() {
        auto draft = std::make_unique<cmk::ImageVersionDraftModel>();
        draft->setDraft(demodata::cmkImageVersionDraft(QStringLiteral("7.3.0")));
        cmkui::CreateWizardOptions options;
        options.withPrerequisites = false;
        options.replicationPollIntervalMs = 10;
        cmkui::WizardWindow window(m_client.get(), draft.get(), nullptr, options);
        window.show();
        CreateImageVersionWizard *wizard = window.wizard();
        QVERIFY(toReview(wizard));
        // The PUT is answered at once; reading how the operation goes takes long.
        QVERIFY(m_sandbox.setFaults(QStringLiteral("latency=1500:method=GET")));
        QVERIFY(create(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(versionPuts(m_sandbox).size() == 1, 15000);
        QVERIFY(wizard->reviewPage()->draftSubmitter()->isRunning());

        window.close();
        QMessageBox *ask = closeQuestion(wizard);
        QVERIFY(ask);
        QVERIFY(window.isVisible());
        QVERIFY2(ask->text().contains(QLatin1String("Azure goes on creating the image version")),
                 qPrintable(ask->text()));
        QCOMPARE(ask->findChild<QPushButton *>(QStringLiteral("confirmCloseWizardButton"))->text(),
                 QStringLiteral("&Stop watching and close"));
        answer(ask, "confirmCloseWizardButton");
        QTRY_VERIFY(!window.isVisible());
        // Azure received the request and goes on with it: the version exists.
        const QString version = demodata::imageVersionId(QStringLiteral("7.3.0"));
        QVERIFY(exists(version));
    }

    // Back on Basics, another location: the other target regions keep their sets, the strip says what was
    // cleared and why, and Undo brings back the location, its region and the source.
    void locationChangeKeepsOtherRegionsAndOffersUndo() {
        const cmk::ImageVersionDraft initial =
            demodata::withTargetRegion(demodata::cmkImageVersionDraft(QStringLiteral("7.4.0")),
                                       QStringLiteral("francecentral"), desId(QStringLiteral("des-frc-cmk")));
        CreateImageVersionWizard *wizard = open(initial);
        auto *notice = find<QWidget>(wizard->basicsPage(), QStringLiteral("changeNotice"));
        QVERIFY(!notice->isVisible());
        QVERIFY(
            choose(find<QComboBox>(wizard, QStringLiteral("locationCombo")), QStringLiteral("North Europe")));

        const cmk::ImageVersionDraft &d = m_draft->draft();
        QCOMPARE(d.location, QStringLiteral("northeurope"));
        QCOMPARE(d.targetRegions.size(), 2);
        QCOMPARE(d.targetRegions.at(0).name, QStringLiteral("northeurope"));
        QCOMPARE(d.targetRegions.at(1).name, QStringLiteral("francecentral"));
        QCOMPARE(d.targetRegions.at(1).osDiskDesId, desId(QStringLiteral("des-frc-cmk")));
        QVERIFY(d.sourceId.isEmpty());
        QTRY_VERIFY(notice->isVisible());
        const QString text = find<QLabel>(wizard->basicsPage(), QStringLiteral("changeNoticeLabel"))->text();
        QVERIFY2(text.contains(QLatin1String("from West Europe to North Europe")) &&
                     text.contains(QLatin1String("source and the data-disk snapshots were cleared")) &&
                     text.contains(QLatin1String("target region West Europe was removed")) &&
                     text.contains(QLatin1String("are kept")),
                 qPrintable(text));

        find<QPushButton>(wizard->basicsPage(), QStringLiteral("undoChangeButton"))->click();
        QVERIFY(!notice->isVisible());
        QVERIFY(m_draft->draft() == initial);
        QTRY_COMPARE(find<QComboBox>(wizard, QStringLiteral("locationCombo"))->currentText(),
                     QStringLiteral("West Europe"));
        QTRY_VERIFY(find<QComboBox>(wizard, QStringLiteral("sourceCombo"))
                        ->currentText()
                        .startsWith(QLatin1String("snap-ubuntu-os")));
    }

    // Switching the encryption type puts the sets aside for their type and brings them back on the way
    // back; a region with exactly one set of the new type gets it chosen, one with two does not.
    void encryptionTypeKeepsChoicesPerType() {
        QJsonObject second = m_sandbox.resource(desId(QStringLiteral("des-weu-cmk")));
        QVERIFY(!second.isEmpty());
        second[QStringLiteral("id")] = desId(QStringLiteral("des-weu-cmk2"));
        second[QStringLiteral("name")] = QStringLiteral("des-weu-cmk2");
        m_sandbox.setResource(second);
        cmk::ImageVersionDraft initial =
            demodata::withTargetRegion(demodata::cmkImageVersionDraft(QStringLiteral("7.5.0")),
                                       QStringLiteral("francecentral"), desId(QStringLiteral("des-frc-cmk")));
        initial.targetRegions[0].osDiskDesId = desId(QStringLiteral("des-weu-cmk2"));
        initial.normalizeEncryption();
        CreateImageVersionWizard *wizard = open(initial);
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QCOMPARE(wizard->currentId(), int(cmkui::EncryptionPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->diskEncryptionSets()->isComplete(), 8000);
        auto *notice = find<QWidget>(wizard->encryptionPage(), QStringLiteral("changeNotice"));
        auto *label = find<QLabel>(wizard->encryptionPage(), QStringLiteral("changeNoticeLabel"));

        find<QAbstractButton>(wizard, QStringLiteral("doubleEncryptionRadio"))->click();
        QCOMPARE(m_draft->draft().encryption, cmk::EncryptionMode::PlatformAndCustomerKeys);
        QVERIFY(notice->isVisible());
        QVERIFY2(label->text().contains(QLatin1String("chosen in 2 region")) &&
                     label->text().contains(QLatin1String("were cleared")),
                 qPrintable(label->text()));
        // One double-encryption set in each region: chosen.
        QCOMPARE(m_draft->draft().targetRegions.at(0).osDiskDesId, desId(QStringLiteral("des-weu-double")));
        QCOMPARE(m_draft->draft().targetRegions.at(1).osDiskDesId, desId(QStringLiteral("des-frc-double")));
        QTRY_VERIFY(find<QComboBox>(wizard, QStringLiteral("desCombo_westeurope_os"))
                        ->currentText()
                        .startsWith(QLatin1String("des-weu-double")));

        find<QAbstractButton>(wizard, QStringLiteral("customerKeyRadio"))->click();
        QCOMPARE(m_draft->draft().encryption, cmk::EncryptionMode::CustomerKey);
        QCOMPARE(m_draft->draft().targetRegions.at(0).osDiskDesId, desId(QStringLiteral("des-weu-cmk2")));
        QCOMPARE(m_draft->draft().targetRegions.at(1).osDiskDesId, desId(QStringLiteral("des-frc-cmk")));
        QVERIFY2(label->text().contains(QLatin1String("in 2 region")) &&
                     label->text().contains(QLatin1String("were restored")),
                 qPrintable(label->text()));
        QTRY_VERIFY(find<QComboBox>(wizard, QStringLiteral("desCombo_westeurope_os"))
                        ->currentText()
                        .startsWith(QLatin1String("des-weu-cmk2")));

        // Platform keys and back: nothing chosen for West Europe's two sets, France Central's one is.
        m_draft->modify([](cmk::ImageVersionDraft &d) {
            for (cmk::RegionDraft &region : d.targetRegions)
                region.osDiskDesId.clear();
            d.normalizeEncryption();
        });
        find<QAbstractButton>(wizard, QStringLiteral("platformKeyRadio"))->click();
        QVERIFY(chooseCustomerKey(wizard, QStringLiteral("customerKeyRadio")));
        QCOMPARE(m_draft->draft().targetRegions.at(0).osDiskDesId, QString());
        QCOMPARE(m_draft->draft().targetRegions.at(1).osDiskDesId, desId(QStringLiteral("des-frc-cmk")));
    }
};

QTEST_MAIN(TestWizardKeep)
#include "tst_wizard_keep.moc"
