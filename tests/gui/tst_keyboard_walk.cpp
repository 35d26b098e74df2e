// Both wizards walked to Create with the keyboard only, as a user without a mouse does: every key goes to the
// widget that has the focus (QTest::keyClick on QApplication::focusWidget()), nothing is set or clicked
// directly. Widgets are found by objectName only to check where the focus is and what the page shows. At the
// end the sandbox holds the image version and the virtual machine.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "shell/focusframestyle.h"
#include "support/wizardharness.h"
#include "vm/vmsource.h"
#include "vmwizard/vmwizard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QTableWidget>

using namespace wizardtest;

namespace {

/// The name of the widget that has the focus (a spin box's, when its inner line edit has it).
QString focusName() {
    QWidget *focus = QApplication::focusWidget();
    if (focus && qobject_cast<QAbstractSpinBox *>(focus->parentWidget()))
        focus = focus->parentWidget();
    return focus ? focus->objectName() : QStringLiteral("<no focus>");
}

/// With CMK_KEYS_SCREENSHOTS set, saves `widget` there as `name`.png (to look at the focus frame).
void keysScreenshot(QWidget *widget, const QString &name) {
    const QString dir = qEnvironmentVariable("CMK_KEYS_SCREENSHOTS");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestKeyboardWalk : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;

    /// One key to the widget that has the focus.
    static bool press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus) {
            qWarning("no widget has the focus");
            return false;
        }
        QTest::keyClick(focus, Qt::Key(key), modifiers);
        return true;
    }

    /// Text typed into the widget that has the focus (a combo box jumps to the entry starting with it).
    static bool type(const QString &text) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return false;
        QTest::keyClicks(focus, text);
        return true;
    }

    /// Tab (Shift+Tab backwards) until the widget named `name` has the focus.
    static bool tabTo(const QString &name, bool backwards = false) {
        for (int i = 0; i < 40 && focusName() != name; ++i) {
            if (!press(backwards ? Qt::Key_Backtab : Qt::Key_Tab))
                return false;
        }
        if (focusName() != name)
            qWarning("Tab never reached %s", qPrintable(name));
        return focusName() == name;
    }

    /// The page just shown puts the focus on its first control, `name`.
    static bool focusStartsOn(const QString &name) {
        if (!QTest::qWaitFor([&] { return focusName() == name; }, 3000))
            qWarning("the focus is on %s, not %s", qPrintable(focusName()), qPrintable(name));
        return focusName() == name;
    }

    /// Waits for the list of the combo `comboName` (the combo is only read), tabs to it, then types the start
    /// of `text` (a space would open the list) and goes down with the arrow keys to the entry starting with
    /// it.
    static bool chooseByTyping(QWidget *wizard, const QString &comboName, const QString &text) {
        auto *combo = find<QComboBox>(wizard, comboName);
        // The list first: a combo is disabled while it loads (and the focus moves on from it).
        if (!combo ||
            !QTest::qWaitFor([&] { return combo->findText(text, Qt::MatchStartsWith) >= 0; }, 8000) ||
            !tabTo(comboName))
            return false;
        type(text.section(QLatin1Char(' '), 0, 0));
        for (int i = 0; i < 20 && !combo->currentText().startsWith(text); ++i)
            press(Qt::Key_Down);
        if (!combo->currentText().startsWith(text))
            qWarning("%s shows %s", qPrintable(comboName), qPrintable(combo->currentText()));
        return combo->currentText().startsWith(text);
    }

    /// Alt+N once Next is enabled; true when the wizard moved to `expectedId`.
    static bool nextByKeyboard(QWizard *wizard, int expectedId) {
        if (!QTest::qWaitFor([&] { return wizard->button(QWizard::NextButton)->isEnabled(); }, 10000)) {
            qWarning("Next stays disabled on %s: %s", qPrintable(wizard->currentPage()->objectName()),
                     qPrintable(errorText(wizard)));
            return false;
        }
        press(Qt::Key_N, Qt::AltModifier);
        return QTest::qWaitFor([&] { return wizard->currentId() == expectedId; }, 3000);
    }

    static bool inTable(QTableWidget *table) {
        QWidget *focus = QApplication::focusWidget();
        return focus && (focus == table || table->isAncestorOf(focus));
    }

    /// Alt+<key> on the confirmation `boxName` once it is up.
    static bool answerBox(QWidget *root, const QString &boxName, int key) {
        if (!QTest::qWaitFor([&] { return root->findChild<QWidget *>(boxName) != nullptr; }, 3000))
            return false;
        QWidget *box = root->findChild<QWidget *>(boxName);
        if (!QTest::qWaitFor(
                [&] { return box->isActiveWindow() || box->isAncestorOf(QApplication::focusWidget()); },
                3000))
            return false;
        return press(key, Qt::AltModifier);
    }

    /// GET `path` through the sandbox's HTTP endpoint: the HTTP status.
    int statusOf(const QString &path) {
        cmk::ArmReply *reply = m_session.client->get(path);
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 5000))
            return 0;
        return reply->error() ? reply->error().httpStatus : 200;
    }

    bool walkImageBasics(QWizard *wizard);
    bool walkImageToReview(QWizard *wizard);

private Q_SLOTS:
    void initTestCase() {
        cmkui::installFocusFrameStyle(); // as the app does
        QString why;
        QVERIFY2(startRegisteredSandbox(m_sandbox, m_session.client, &why), qPrintable(why));
    }

    void cleanup() { m_session.close(); }

    void errorsOnDemandThenInFull();
    void imageVersionWithCustomerKeyByKeyboard();
    void virtualMachineByKeyboard();
};

bool TestKeyboardWalk::walkImageBasics(QWizard *wizard) {
    // Nothing touched yet: no error shown, but Next disabled says why on demand.
    auto *why = find<QPushButton>(wizard->currentPage(), QStringLiteral("whyDisabledButton"));
    if (!focusStartsOn(QStringLiteral("subscriptionCombo")) || !why || !why->isVisible() ||
        !errorText(wizard).isEmpty())
        return false;
    if (!chooseByTyping(wizard, QStringLiteral("subscriptionCombo"), QStringLiteral("Contoso Production")) ||
        !chooseByTyping(wizard, QStringLiteral("resourceGroupCombo"), QStringLiteral("rg-images-prod")) ||
        !chooseByTyping(wizard, QStringLiteral("galleryCombo"), QStringLiteral("galContosoProd")) ||
        !chooseByTyping(wizard, QStringLiteral("imageDefinitionCombo"), QStringLiteral("ubuntu-22-04-gen2")))
        return false;
    if (!tabTo(QStringLiteral("versionEdit")) || !type(QStringLiteral("7.1.0")))
        return false;
    keysScreenshot(wizard, QStringLiteral("focus-version"));
    if (!chooseByTyping(wizard, QStringLiteral("sourceKindCombo"), QStringLiteral("Snapshots")) ||
        !chooseByTyping(wizard, QStringLiteral("sourceCombo"), QStringLiteral("snap-ubuntu-os")))
        return false;
    // Add data disk (Alt+A, then Shift+Tab back to it and Space) puts the focus on the new row's snapshot.
    press(Qt::Key_A, Qt::AltModifier);
    for (int row = 0; row < 2; ++row) {
        const QString combo = QStringLiteral("dataDiskSnapshotCombo_%1").arg(row);
        if (!QTest::qWaitFor([&] { return focusName() == combo; }, 3000))
            return false;
        type(QStringLiteral("snap-ubuntu-data%1").arg(row));
        if (row == 0 &&
            (!tabTo(QStringLiteral("addDataDiskButton"), /*backwards=*/true) || !press(Qt::Key_Space)))
            return false;
    }
    // From the last cell (the second row's LUN), Tab leaves the table.
    auto *table = find<QTableWidget>(wizard, QStringLiteral("dataDisksTable"));
    if (!tabTo(QStringLiteral("dataDiskLunSpin_1")) || !press(Qt::Key_Tab) || inTable(table)) {
        qWarning("Tab from the last cell left the focus on %s", qPrintable(focusName()));
        return false;
    }
    return true;
}

bool TestKeyboardWalk::walkImageToReview(QWizard *wizard) {
    using namespace cmkui;
// In a helper that returns false: says which step failed.
#define WALK_STEP(condition)                                                                                 \
    if (!(condition)) {                                                                                      \
        qWarning("step failed: %s (focus on %s)", #condition, qPrintable(focusName()));                      \
        return false;                                                                                        \
    }
    WALK_STEP(nextByKeyboard(wizard, PrerequisitesPageId));
    WALK_STEP(focusStartsOn(QStringLiteral("featureNotRequiredCheck")));
    // Tab moves on from there (it used to do nothing on this page).
    const QString before = focusName();
    WALK_STEP(press(Qt::Key_Tab) && focusName() != before);
    WALK_STEP(nextByKeyboard(wizard, ReplicationPageId));
    WALK_STEP(focusStartsOn(QStringLiteral("targetRegionsTable")));
    WALK_STEP(nextByKeyboard(wizard, EncryptionPageId));
    WALK_STEP(focusStartsOn(QStringLiteral("platformKeyRadio")));
    // Down moves to customer-managed keys, which asks first: Alt+U answers "Use my keys".
    WALK_STEP(press(Qt::Key_Down));
    WALK_STEP(answerBox(wizard, QStringLiteral("cmkConfirmation"), Qt::Key_U));
    auto *customer = find<QAbstractButton>(wizard, QStringLiteral("customerKeyRadio"));
    WALK_STEP(QTest::qWaitFor([&] { return customer->isChecked(); }, 3000));
    // The window manager gives the wizard back the activation when the question closes; offscreen has none.
    wizard->activateWindow();
    WALK_STEP(QTest::qWaitForWindowActive(wizard) && QApplication::focusWidget());
    WALK_STEP(nextByKeyboard(wizard, TagsPageId));
    WALK_STEP(focusStartsOn(QStringLiteral("tagsTable")));
    WALK_STEP(nextByKeyboard(wizard, ReviewPageId));
    WALK_STEP(focusStartsOn(QStringLiteral("summaryView")));
#undef WALK_STEP
    return true;
}

// A new wizard says nothing until asked (Alt+Y, "Why can't I continue?"); then each empty choice says so
// under its field, and the list at the bottom does not repeat it. A page with more than four other reasons
// shows four and "Show all (N)" (Alt+H), which lists all N.
void TestKeyboardWalk::errorsOnDemandThenInFull() {
    cmkui::CreateImageVersionWizard *wizard = m_session.open();
    wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(wizard));
    auto *why = find<QPushButton>(wizard->currentPage(), QStringLiteral("whyDisabledButton"));
    QTRY_VERIFY(why->isVisible() && QApplication::focusWidget());
    QVERIFY(errorText(wizard).isEmpty());
    auto *subscriptionError = find<QLabel>(wizard->currentPage(), QStringLiteral("subscriptionErrorLabel"));
    QVERIFY(!subscriptionError->isVisible());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    QVERIFY(press(Qt::Key_Y, Qt::AltModifier));
    QTRY_VERIFY(subscriptionError->isVisible());
    QVERIFY(!why->isVisible());
    for (const auto &[name, sentence] :
         {std::pair{"subscriptionErrorLabel", "Choose a subscription."},
          std::pair{"resourceGroupErrorLabel", "Choose a resource group."},
          std::pair{"galleryErrorLabel", "Choose a gallery."},
          std::pair{"imageDefinitionErrorLabel", "Choose an image definition."},
          std::pair{"locationErrorLabel", "Choose a location."}}) {
        auto *label = find<QLabel>(wizard->currentPage(), QString::fromLatin1(name));
        QVERIFY2(label->isVisible() && label->text().contains(QLatin1String(sentence)), name);
        QVERIFY2(!errorText(wizard).contains(QLatin1String(sentence)), qPrintable(errorText(wizard)));
    }
    m_session.close();

    // Names that cannot be path segments: five reasons for the list at the bottom (a draft from a file
    // counts as touched: they show at once).
    cmk::ImageVersionDraft bad;
    bad.subscriptionId = QStringLiteral("bad/subscription");
    bad.resourceGroup = QStringLiteral("bad/group");
    bad.galleryName = QStringLiteral("bad/gallery");
    bad.imageDefinitionName = QStringLiteral("bad/definition");
    bad.location = QStringLiteral("westeurope");
    bad.versionName = QStringLiteral("1.0.0");
    wizard = m_session.open(bad);
    wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(wizard));
    if (auto *whyAgain = find<QPushButton>(wizard->currentPage(), QStringLiteral("whyDisabledButton"));
        whyAgain->isVisible())
        QVERIFY(press(Qt::Key_Y, Qt::AltModifier));
    auto *showAll = find<QPushButton>(wizard->currentPage(), QStringLiteral("showAllErrorsButton"));
    QTRY_VERIFY(showAll->isVisible());
    const QString shortened = errorText(wizard);
    QCOMPARE(shortened.count(QStringLiteral("• ")), 4);
    QVERIFY2(shortened.contains(QLatin1String("more problem")), qPrintable(shortened));

    QVERIFY(press(Qt::Key_H, Qt::AltModifier));
    QTRY_VERIFY(!showAll->isVisible());
    const QString all = errorText(wizard);
    QVERIFY(!all.contains(QLatin1String("more problem")));
    QVERIFY(all.count(QStringLiteral("• ")) > 4);
    QVERIFY2(showAll->text().contains(QStringLiteral("(%1)").arg(all.count(QStringLiteral("• ")))),
             qPrintable(showAll->text()));
}

void TestKeyboardWalk::imageVersionWithCustomerKeyByKeyboard() {
    cmkui::CreateImageVersionWizard *wizard = m_session.open({}, /*withPrerequisites=*/true);
    if (!qEnvironmentVariableIsEmpty("CMK_KEYS_SCREENSHOTS"))
        wizard->resize(800, 600); // the smallest window the focus frame must not disturb
    wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(wizard));
    QVERIFY(walkImageBasics(wizard));
    QVERIFY(walkImageToReview(wizard));

    QCOMPARE(wizard->button(QWizard::FinishButton)->text(), QStringLiteral("&Create"));
    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(press(Qt::Key_C, Qt::AltModifier));
    auto *result = find<QLabel>(wizard, QStringLiteral("resultLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Created:")), 15000);

    const QString path =
        QStringLiteral(
            "/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/galleries/"
            "galContosoProd/images/ubuntu-22-04-gen2/versions/7.1.0")
            .arg(Sub);
    QCOMPARE(statusOf(path), 200);
    const QJsonObject version = m_sandbox.resource(path);
    QCOMPARE(at(version, QStringLiteral("properties.publishingProfile.targetRegions.0.encryption.osDiskImage."
                                        "diskEncryptionSetId"))
                 .toString()
                 .section(QLatin1Char('/'), -1),
             QStringLiteral("des-weu-cmk"));
    m_session.close();
}

void TestKeyboardWalk::virtualMachineByKeyboard() {
    const QString versionId = demodata::imageVersionId(QStringLiteral("1.1.0"));
    auto wizard = std::make_unique<cmkui::CreateVmWizard>(m_session.client.get(), versionId);
    wizard->show();
    wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(wizard.get()));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->imageSource()->isLoaded(), 10000);

    QVERIFY(focusStartsOn(QStringLiteral("resourceGroupCombo")));
    QVERIFY(find<QPushButton>(wizard->currentPage(), QStringLiteral("whyDisabledButton"))->isVisible());
    QVERIFY(chooseByTyping(wizard.get(), QStringLiteral("resourceGroupCombo"), QStringLiteral("rg-build")));
    QVERIFY(tabTo(QStringLiteral("vmNameEdit")));
    QVERIFY(type(QStringLiteral("vm-keys-01")));
    QVERIFY(tabTo(QStringLiteral("adminUsernameEdit")));
    QVERIFY(type(QStringLiteral("azureops")));
    QVERIFY(tabTo(QStringLiteral("sshKeyEdit")));
    QVERIFY(type(demodata::sshPublicKey('w', QStringLiteral("keys@contoso"))));
    // Tab leaves the key box (it does not insert a tab).
    QVERIFY(press(Qt::Key_Tab));
    QVERIFY(focusName() != QLatin1String("sshKeyEdit"));

    QVERIFY(nextByKeyboard(wizard.get(), cmkui::CreateVmWizard::NetworkingPageId));
    QVERIFY(focusStartsOn(QStringLiteral("existingNetworkRadio")));
    QVERIFY(nextByKeyboard(wizard.get(), cmkui::CreateVmWizard::DisksPageId));
    QVERIFY(focusStartsOn(QStringLiteral("encryptionCombo")));
    QVERIFY(nextByKeyboard(wizard.get(), cmkui::CreateVmWizard::ReviewPageId));
    QVERIFY(focusStartsOn(QStringLiteral("summaryView")));

    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(press(Qt::Key_C, Qt::AltModifier));
    auto *result = find<QLabel>(wizard.get(), QStringLiteral("resultLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QLatin1String("virtualMachines/vm-keys-01")), 15000);
    QCOMPARE(statusOf(QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/"
                                     "virtualMachines/vm-keys-01")
                          .arg(Sub)),
             200);
}

QTEST_MAIN(TestKeyboardWalk)
#include "tst_keyboard_walk.moc"
