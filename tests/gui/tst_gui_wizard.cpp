// The wizard's pages where this session placed new things, offscreen against an in-process armsandbox (demo
// data): disk encryption set readiness on the Replication page, the encryption type taken from the chosen
// sets of an imported command, and a mismatch between them shown on the Encryption page.
// With CMK_GUI_SCREENSHOTS=DIR, pictures of those pages (English and French) are saved there.

#include "appcontext.h"
#include "common/diskencryptionsetmodel.h"
#include "imageversion/azimport.h"
#include "imagewizard/desreadinesswidget.h"
#include "imagewizard/replicationpage.h"
#include "support/prereqfixture.h"
#include "support/wizardharness.h"

#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableWidget>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;

namespace {

const QString ImageId = QStringLiteral(
    "/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/images/img-ubuntu2204-web");

// As operators paste it: OS and both data disks on the given sets, West Europe then France Central.
QString importCommand(const QString &weuDes, const QString &frcDes) {
    const auto spec = [](const QString &des) { return QStringLiteral("%1,0,%1,1,%1").arg(des); };
    return QStringLiteral(
               "az sig image-version create -g rg-images-prod -r galContosoProd -i ubuntu-22-04-gen2 "
               "-e 4.2.0 -l westeurope --target-regions westeurope francecentral "
               "--target-region-encryption %1 %2 --managed-image %3")
        .arg(spec(desId(weuDes)), spec(desId(frcDes)), ImageId.arg(Sub));
}

} // namespace

class TestGuiWizard : public QObject {
    Q_OBJECT

    armsandbox::Sandbox m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;
    std::unique_ptr<cmk::ImageVersionDraftModel> m_draft;
    std::unique_ptr<CreateImageVersionWizard> m_wizard;

    CreateImageVersionWizard *open(const cmk::ImageVersionDraft &draft = {}) {
        return openWizard(m_client.get(), m_draft, m_wizard,
                          cmkui::CreateWizardOptions().replicationPollIntervalMs, draft);
    }

    template <typename T> T *w(const QString &name) { return find<T>(m_wizard.get(), name); }

    bool addRegion(const QString &displayName) {
        if (!choose(w<QComboBox>(QStringLiteral("addRegionCombo")), displayName))
            return false;
        w<QPushButton>(QStringLiteral("addRegionButton"))->click();
        return true;
    }

    // Row of the readiness table for a region: {region, customer key, double encryption, status}.
    QStringList readinessRow(const QString &region) {
        auto *table = w<QTableWidget>(QStringLiteral("desReadinessTable"));
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0) && table->item(row, 0)->data(Qt::UserRole).toString() == region) {
                QStringList cells;
                for (int column = 0; column < table->columnCount(); ++column)
                    cells << (table->item(row, column) ? table->item(row, column)->text() : QString());
                return cells;
            }
        }
        return {};
    }

    bool readinessSettled() {
        auto *readiness = w<cmkui::DesReadinessWidget>(QStringLiteral("desReadinessWidget"));
        return QTest::qWaitFor([&] { return !readiness->checker()->isBusy(); }, 8000);
    }

    void screenshot(QWidget *widget, const QString &name) {
        const QString dir = qEnvironmentVariable("CMK_GUI_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(QTest::qWaitForWindowExposed(widget->window()));
        widget->grab().save(
            QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, cmkapp::installedLanguage())));
    }

    bool toReplication() {
        return fillDemoTarget(m_wizard.get(), QStringLiteral("4.3.0")) &&
               QTest::qWaitFor([&] { return m_draft->draft().location == QLatin1String("westeurope"); },
                               8000) &&
               choose(w<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("img-ubuntu2204-web")) &&
               next(m_wizard.get());
    }

private Q_SLOTS:
    void initTestCase() {
        cmkapp::installTranslations(qEnvironmentVariable("CMK_GUI_LANG", QStringLiteral("en")));
        armsandbox::SandboxOptions options;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setEndpoint(m_sandbox.baseUrl());
        cmk::RetryPolicy retry;
        retry.maxTries = 1;
        m_client->setRetryPolicy(retry);
    }

    void cleanup() { m_wizard.reset(); }

    // The Replication page counts the sets of each type in every target region and flags regions without one,
    // with the commands that create one; it follows the regions as they are added and removed.
    void replicationPageShowsDesReadiness() {
        const bool english = cmkapp::installedLanguage() == QLatin1String("en");
        const int listings = prereqtest::desListings(m_sandbox, Sub);
        CreateImageVersionWizard *wizard = open();
        QVERIFY(toReplication());
        QCOMPARE(wizard->currentId(), int(cmkui::ReplicationPageId));
        auto *readiness = w<cmkui::DesReadinessWidget>(QStringLiteral("desReadinessWidget"));
        QVERIFY(readiness->isVisible());
        QVERIFY(readinessSettled());
        // The check counted the wizard's own list of sets (the Encryption page's): listed once.
        QVERIFY(readiness->checker()->countsSharedCatalog());
        QCOMPARE(prereqtest::desListings(m_sandbox, Sub), listings + 1);
        QTRY_COMPARE(readinessRow(QStringLiteral("westeurope")).mid(1, 2), (QStringList{"1", "1"}));
        auto *summary = w<QLabel>(QStringLiteral("desSummaryLabel"));
        if (english)
            QCOMPARE(summary->text(),
                     QStringLiteral("Every target region has a disk encryption set in this subscription."));
        QVERIFY(!w<QWidget>(QStringLiteral("desCommandsPanel"))->isVisible());

        QVERIFY(addRegion(QStringLiteral("North Europe")));
        QVERIFY(addRegion(QStringLiteral("East US")));
        QVERIFY(addRegion(QStringLiteral("West US")));
        QTRY_COMPARE_WITH_TIMEOUT(w<QTableWidget>(QStringLiteral("desReadinessTable"))->rowCount(), 4, 8000);
        QVERIFY(readinessSettled());
        // The wizard lists the sets of its target regions only: the regions added in one go list once more.
        QVERIFY(readiness->checker()->countsSharedCatalog());
        QCOMPARE(prereqtest::desListings(m_sandbox, Sub), listings + 2);
        QCOMPARE(readinessRow(QStringLiteral("northeurope")).mid(1, 2), (QStringList{"0", "0"}));
        QCOMPARE(readinessRow(QStringLiteral("eastus")).mid(1, 2), (QStringList{"0", "1"}));
        QCOMPARE(readinessRow(QStringLiteral("westus")).mid(1, 2), (QStringList{"1", "0"}));
        if (english) {
            QCOMPARE(readinessRow(QStringLiteral("northeurope")).at(3),
                     QStringLiteral("No usable disk encryption set"));
            // A region with sets of one type says which: "Ready" alone would promise the other type too.
            QCOMPARE(readinessRow(QStringLiteral("eastus")).at(3),
                     QStringLiteral("Ready for double encryption only"));
            QCOMPARE(readinessRow(QStringLiteral("westus")).at(3),
                     QStringLiteral("Ready for customer-managed keys only"));
            QCOMPARE(readinessRow(QStringLiteral("westeurope")).at(3), QStringLiteral("Ready"));
            QVERIFY2(summary->text().contains(QStringLiteral("no disk encryption set in this subscription: "
                                                             "North Europe.")),
                     qPrintable(summary->text()));
        }
        // The flagged region's commands, ready to copy.
        auto *commandsPanel = w<QWidget>(QStringLiteral("desCommandsPanel"));
        QVERIFY(commandsPanel->isVisible());
        // Shown as the region list names it; the commands use the ARM name.
        QCOMPARE(w<QComboBox>(QStringLiteral("desRegionCombo"))->currentText(),
                 QStringLiteral("North Europe"));
        QCOMPARE(readinessRow(QStringLiteral("northeurope")).at(0), QStringLiteral("North Europe"));
        const QString az = w<QPlainTextEdit>(QStringLiteral("azCommand"))->toPlainText();
        QVERIFY2(az.contains(QStringLiteral("az disk-encryption-set create")) &&
                     az.contains(QStringLiteral("northeurope")) && az.contains(Sub),
                 qPrintable(az));
        QVERIFY(w<QPlainTextEdit>(QStringLiteral("powerShellCommand"))
                    ->toPlainText()
                    .contains(QStringLiteral("New-AzDiskEncryptionSet")));
        // The page scrolls to it rather than squeezing it.
        auto *scroll = w<QScrollArea>(QStringLiteral("replicationScrollArea"));
        QTRY_VERIFY(commandsPanel->height() >= commandsPanel->minimumSizeHint().height());
        scroll->ensureWidgetVisible(commandsPanel);
        QTRY_VERIFY(commandsPanel->visibleRegion().boundingRect().height() > 0);
        screenshot(wizard, QStringLiteral("replication-readiness"));

        // Removing the flagged region clears the flag.
        auto *regions = w<QTableWidget>(QStringLiteral("targetRegionsTable"));
        regions->setCurrentCell(1, 0); // North Europe, after the location
        QCOMPARE(regions->item(1, 0)->data(Qt::UserRole).toString(), QStringLiteral("northeurope"));
        w<QPushButton>(QStringLiteral("removeRegionButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(w<QTableWidget>(QStringLiteral("desReadinessTable"))->rowCount(), 3, 8000);
        QVERIFY(readinessSettled());
        QVERIFY(readinessRow(QStringLiteral("northeurope")).isEmpty());
        QTRY_VERIFY(!commandsPanel->isVisible());
        QVERIFY(readiness->allRegionsReady());

        // A region removed is covered by the sets listed: nothing is listed again.
        QCOMPARE(prereqtest::desListings(m_sandbox, Sub), listings + 2);
        // Check again: one more listing, for this check and for the Encryption page's dropdowns.
        QSignalSpy reloaded(wizard->diskEncryptionSets(), &cmkui::DiskEncryptionSetModel::loadFinished);
        w<QPushButton>(QStringLiteral("desRefreshButton"))->click();
        QVERIFY(readiness->checker()->isBusy());
        QVERIFY(reloaded.wait(8000));
        QVERIFY(wizard->diskEncryptionSets()->isComplete());
        QVERIFY(readinessSettled());
        QVERIFY(readiness->checker()->countsSharedCatalog());
        QVERIFY(readiness->allRegionsReady());
        QCOMPARE(prereqtest::desListings(m_sandbox, Sub), listings + 3);
    }

    // An imported az command names its sets without their type and the import guessed a customer-managed
    // key; the sets are double-encryption sets, so the wizard takes that type and keeps the sets.
    void importedDraftTakesTheSetsEncryptionType() {
        const cmk::AzImportResult imported = cmk::AzCommandImporter::importCommand(
            importCommand(QStringLiteral("des-weu-double"), QStringLiteral("des-frc-double")));
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QCOMPARE(imported.draft.encryption, cmk::EncryptionMode::CustomerKey); // the import's guess
        CreateImageVersionWizard *wizard = open(imported.draft);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->diskEncryptionSets()->isComplete(), 8000);
        QTRY_COMPARE(m_draft->draft().encryption, cmk::EncryptionMode::PlatformAndCustomerKeys);
        for (const cmk::RegionDraft &region : m_draft->draft().targetRegions) // the sets are kept
            QVERIFY2(region.osDiskDesId.endsWith(QStringLiteral("-double")), qPrintable(region.osDiskDesId));

        QVERIFY(next(wizard)); // Basics -> Replication
        QVERIFY(next(wizard)); // -> Encryption
        QCOMPARE(wizard->currentId(), int(cmkui::EncryptionPageId));
        QVERIFY(w<QRadioButton>(QStringLiteral("doubleEncryptionRadio"))->isChecked());
        QCOMPARE(w<QComboBox>(QStringLiteral("desCombo_westeurope_os"))
                     ->currentText()
                     .section(QLatin1Char(' '), 0, 0),
                 QStringLiteral("des-weu-double"));
        QCOMPARE(w<QComboBox>(QStringLiteral("desCombo_francecentral_os"))
                     ->currentText()
                     .section(QLatin1Char(' '), 0, 0),
                 QStringLiteral("des-frc-double"));
        QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(errorText(wizard), QString());
        screenshot(wizard, QStringLiteral("encryption-from-import"));
    }

    // Sets of different types: no silent choice; the Encryption page says which set has which type.
    void mixedSetTypesAreAnError() {
        const cmk::AzImportResult imported = cmk::AzCommandImporter::importCommand(
            importCommand(QStringLiteral("des-weu-cmk"), QStringLiteral("des-frc-double")));
        QVERIFY2(imported.ok, qPrintable(imported.error));
        CreateImageVersionWizard *wizard = open(imported.draft);
        // The Encryption page takes the sets' type when the list is complete, in the same turn: had it
        // changed the type, it would show now.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->diskEncryptionSets()->isComplete(), 8000);
        QCOMPARE(m_draft->draft().encryption, cmk::EncryptionMode::CustomerKey); // untouched
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QCOMPARE(wizard->currentId(), int(cmkui::EncryptionPageId));
        QVERIFY(w<QRadioButton>(QStringLiteral("customerKeyRadio"))->isChecked());
        QTRY_VERIFY(!errorText(wizard).isEmpty());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const QString error = errorText(wizard);
        if (cmkapp::installedLanguage() == QLatin1String("en"))
            QVERIFY2(error.contains(QStringLiteral(
                         "The chosen disk encryption sets do not have the same encryption type (des-weu-cmk: "
                         "EncryptionAtRestWithCustomerKey; des-frc-double: "
                         "EncryptionAtRestWithPlatformAndCustomerKeys)")),
                     qPrintable(error));
        else
            QVERIFY2(error.contains(QStringLiteral("des-weu-cmk")) &&
                         error.contains(QStringLiteral("des-frc-double")),
                     qPrintable(error));
        // The sets stay in the draft until the user chooses.
        QCOMPARE(m_draft->draft().targetRegions.at(1).osDiskDesId, desId(QStringLiteral("des-frc-double")));
        screenshot(wizard, QStringLiteral("encryption-mismatch"));
    }
};

QTEST_MAIN(TestGuiWizard)
#include "tst_gui_wizard.moc"
