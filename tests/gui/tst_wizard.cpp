// The real CreateImageVersionWizard, offscreen, against an in-process armsandbox over HTTP: the happy paths
// (CMK at rest, double encryption, platform key, snapshots with LUNs) assert on the PUT the sandbox received
// and on what the user sees; the negative paths assert on what blocks Next and why.

#include "common/diskencryptionsetmodel.h"
#include "imageversion/imageversionvalidation.h"
#include "imagewizard/basicspage.h"
#include "support/wizardharness.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTextBrowser>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;

class TestWizard : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;

    // The feature is registered in initTestCase.
    CreateImageVersionWizard *open() { return m_session.open(); }

    template <typename T> T *w(const QString &name) { return find<T>(m_session.wizard.get(), name); }

    // Basics: production subscription, galContosoProd/ubuntu-22-04-gen2 in West Europe.
    bool fillTarget(const QString &version) {
        if (!fillDemoTarget(m_session.wizard.get(), version))
            return false;
        // The gallery's region becomes the location.
        return QTest::qWaitFor(
            [&] {
                return w<QComboBox>(QStringLiteral("locationCombo"))->currentText() ==
                       QLatin1String("West Europe");
            },
            5000);
    }

    bool chooseSourceKind(cmk::SourceKind kind) {
        auto *combo = w<QComboBox>(QStringLiteral("sourceKindCombo"));
        combo->setCurrentIndex(combo->findData(cmk::sourceKindKey(kind)));
        return combo->currentData().toString() == cmk::sourceKindKey(kind);
    }

    // OS snapshot + data disks snap-ubuntu-data0 (LUN 0) and snap-ubuntu-data1 (LUN 1).
    bool fillSnapshots() {
        if (!chooseSourceKind(cmk::SourceKind::Snapshots) ||
            !choose(w<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("snap-ubuntu-os")))
            return false;
        w<QPushButton>(QStringLiteral("addDataDiskButton"))->click();
        w<QPushButton>(QStringLiteral("addDataDiskButton"))->click();
        if (!choose(w<QComboBox>(QStringLiteral("dataDiskSnapshotCombo_0")),
                    QStringLiteral("snap-ubuntu-data0")) ||
            !choose(w<QComboBox>(QStringLiteral("dataDiskSnapshotCombo_1")),
                    QStringLiteral("snap-ubuntu-data1")))
            return false;
        return w<QSpinBox>(QStringLiteral("dataDiskLunSpin_0"))->value() == 0 &&
               w<QSpinBox>(QStringLiteral("dataDiskLunSpin_1"))->value() == 1;
    }

    bool addRegion(const QString &displayName) {
        if (!choose(w<QComboBox>(QStringLiteral("addRegionCombo")), displayName))
            return false;
        w<QPushButton>(QStringLiteral("addRegionButton"))->click();
        const auto *table = w<QTableWidget>(QStringLiteral("targetRegionsTable"));
        return table->item(table->rowCount() - 1, 0)->text() == displayName;
    }


    /// What the Basics page says under the version number (empty while hidden).
    QString versionError() {
        auto *label = w<QLabel>(QStringLiteral("versionErrorLabel"));
        return label && label->isVisible() ? label->text() : QString();
    }

    bool create() {
        if (m_session.wizard->currentId() != cmkui::ReviewPageId)
            return false;
        QAbstractButton *createButton = m_session.wizard->button(QWizard::FinishButton);
        if (createButton->text() != QLatin1String("&Create")) {
            qWarning("Finish button reads %s", qPrintable(createButton->text()));
            return false;
        }
        if (!QTest::qWaitFor([&] { return createButton->isEnabled(); }, 5000))
            return false;
        createButton->click();
        return true;
    }

    bool waitCreated() {
        auto *result = w<QLabel>(QStringLiteral("resultLabel"));
        auto *error = w<QLabel>(QStringLiteral("submitErrorLabel"));
        const bool done = QTest::qWaitFor(
            [&] { return result->text().startsWith(QLatin1String("Created:")) || !error->text().isEmpty(); },
            15000);
        if (!error->text().isEmpty())
            qWarning("submit failed: %s", qPrintable(error->text()));
        return done && error->text().isEmpty();
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        QVERIFY2(startRegisteredSandbox(m_sandbox, m_session.client, &why), qPrintable(why));
    }

    void init() {
        m_sandbox.setFaults(QString());
        m_sandbox.clearExchanges();
    }

    void cleanup() { m_session.wizard.reset(); }

    // Tab walks through the data-disk table's cells and out of it (it used to cycle inside it for ever).
    void tabLeavesTheDataDiskTable() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("1.9.1")));
        QVERIFY(fillSnapshots());
        wizard->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        auto *table = w<QTableWidget>(QStringLiteral("dataDisksTable"));
        table->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(table->hasFocus());
        const auto inTable = [table] {
            QWidget *focus = QApplication::focusWidget();
            return focus && (focus == table || table->isAncestorOf(focus));
        };
        // Two rows of a snapshot combo and a LUN spin box: at most one stop per cell, then out.
        int presses = 0;
        while (inTable() && presses < 8) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            ++presses;
        }
        QVERIFY2(!inTable(), qPrintable(QApplication::focusWidget()->objectName()));
    }

    // An empty source list says why instead of "Choose…" over nothing.
    void emptySourceListSaysWhy() {
        open();
        QVERIFY(fillTarget(QStringLiteral("1.9.0")));
        QVERIFY(chooseSourceKind(cmk::SourceKind::Snapshots));
        auto *source = w<QComboBox>(QStringLiteral("sourceCombo"));
        QTRY_VERIFY(source->count() > 0);
        QCOMPARE(source->placeholderText(), QStringLiteral("Choose the OS disk snapshot"));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("locationCombo")), QStringLiteral("France Central")));
        QTRY_COMPARE(source->placeholderText(), QStringLiteral("No snapshot in France Central in this subscription"));
        QCOMPARE(source->count(), 0);
        QVERIFY(chooseSourceKind(cmk::SourceKind::ManagedImage));
        QTRY_VERIFY(source->count() > 0); // the demo has managed images there
        QCOMPARE(source->placeholderText(), QStringLiteral("Choose a managed image"));
    }

    // CMK at rest, 2 regions x (OS disk + 2 data disks from snapshots with LUNs 0 and 1).
    void customerKeyTwoRegionsThreeDisks() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("1.2.0")));
        QTRY_COMPARE_WITH_TIMEOUT(w<QLabel>(QStringLiteral("existingVersionsLabel"))->text(),
                                  QStringLiteral("Existing versions: 1.0.0, 1.1.0"), 5000);
        QVERIFY(w<QLabel>(QStringLiteral("imageDefinitionDetails"))
                    ->text()
                    .contains(QLatin1String("Generation: V2")));
        QVERIFY(fillSnapshots());
        QVERIFY(next(wizard));

        QCOMPARE(wizard->currentId(), int(cmkui::ReplicationPageId));
        auto *regions = w<QTableWidget>(QStringLiteral("targetRegionsTable"));
        QCOMPARE(regions->rowCount(), 1);
        QCOMPARE(regions->item(0, 0)->text(), QStringLiteral("West Europe"));
        // The location cannot be removed.
        regions->setCurrentCell(0, 0);
        QVERIFY(!w<QPushButton>(QStringLiteral("removeRegionButton"))->isEnabled());
        QVERIFY(addRegion(QStringLiteral("France Central")));
        w<QSpinBox>(QStringLiteral("replicaSpin_westeurope"))->setValue(2);
        auto *storage = w<QComboBox>(QStringLiteral("storageCombo_francecentral"));
        QCOMPARE(storage->itemText(storage->findData(QStringLiteral("Standard_ZRS"))),
                 QStringLiteral("Standard HDD (ZRS)"));
        storage->setCurrentIndex(storage->findData(QStringLiteral("Standard_ZRS")));
        QVERIFY(next(wizard));

        QCOMPARE(wizard->currentId(), int(cmkui::EncryptionPageId));
        QVERIFY(w<QRadioButton>(QStringLiteral("platformKeyRadio"))->isChecked());
        QVERIFY(!w<QLabel>(QStringLiteral("limitationsLabel"))->isVisible());
        QVERIFY(chooseCustomerKey(m_session.wizard.get(), QStringLiteral("customerKeyRadio")));
        QVERIFY(w<QLabel>(QStringLiteral("limitationsLabel"))->isVisible());
        QVERIFY(w<QLabel>(QStringLiteral("limitationsLabel"))
                    ->text()
                    .contains(QLatin1String("cannot be shared or copied")));

        // Only the CMK set of the row's region, in this subscription: never des-weu-double (wrong type),
        // des-dev-weu-cmk (other subscription) or des-frc-cmk (other region).
        auto *weuOs = w<QComboBox>(QStringLiteral("desCombo_westeurope_os"));
        QVERIFY(QTest::qWaitFor([&] { return weuOs->count() > 0; }, 5000));
        QCOMPARE(weuOs->count(), 1);
        QVERIFY(weuOs->itemText(0).startsWith(QStringLiteral("des-weu-cmk (rg-keys-prod) — key ")));
        auto *frcOs = w<QComboBox>(QStringLiteral("desCombo_francecentral_os"));
        QTRY_COMPARE(items(frcOs).size(), 1); // listed when France Central was added
        QVERIFY(frcOs->itemText(0).startsWith(QLatin1String("des-frc-cmk")));
        // The only set of each region is chosen already.
        QTRY_VERIFY(weuOs->currentText().startsWith(QLatin1String("des-weu-cmk")));
        QVERIFY(frcOs->currentText().startsWith(QLatin1String("des-frc-cmk")));

        // West Europe: one set for all disks. France Central: disk by disk.
        QVERIFY(choose(weuOs, QStringLiteral("des-weu-cmk")));
        QVERIFY(!w<QComboBox>(QStringLiteral("desCombo_westeurope_lun0"))->isEnabled());
        QCOMPARE(w<QComboBox>(QStringLiteral("desCombo_westeurope_lun1"))->currentText(),
                 weuOs->currentText());
        w<QCheckBox>(QStringLiteral("sameDesCheck_francecentral"))->setChecked(false);
        QVERIFY(choose(frcOs, QStringLiteral("des-frc-cmk")));
        QVERIFY(w<QComboBox>(QStringLiteral("desCombo_francecentral_lun0"))->isEnabled());
        QVERIFY(choose(w<QComboBox>(QStringLiteral("desCombo_francecentral_lun0")),
                       QStringLiteral("des-frc-cmk")));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("desCombo_francecentral_lun1")),
                       QStringLiteral("des-frc-cmk")));
        QVERIFY(next(wizard));

        QCOMPARE(wizard->currentId(), int(cmkui::TagsPageId));
        w<QPushButton>(QStringLiteral("addTagButton"))->click();
        auto *tags = w<QTableWidget>(QStringLiteral("tagsTable"));
        tags->item(0, 0)->setText(QStringLiteral("owner"));
        tags->item(0, 1)->setText(QStringLiteral("platform-team"));
        QVERIFY(next(wizard));

        QCOMPARE(wizard->currentId(), int(cmkui::ReviewPageId));
        const QString summary = w<QTextBrowser>(QStringLiteral("summaryView"))->toPlainText();
        QVERIFY(summary.contains(QLatin1String("Encryption at rest with a customer-managed key")));
        QVERIFY(summary.contains(QLatin1String("Data disk (LUN 1)")));
        QVERIFY(summary.contains(QLatin1String("des-frc-cmk (rg-keys-prod)")));
        const QString url = w<QLineEdit>(QStringLiteral("putUrlEdit"))->text();
        QVERIFY2(url.endsWith(QLatin1String(
                     "/resourceGroups/rg-images-prod/providers/Microsoft.Compute/galleries/"
                     "galContosoProd/images/ubuntu-22-04-gen2/versions/1.2.0?api-version=2025-12-03")),
                 qPrintable(url));
        QVERIFY(w<QPlainTextEdit>(QStringLiteral("requestBodyEdit"))->isReadOnly());
        QVERIFY(!w<QWidget>(QStringLiteral("requestPanel"))->isVisible());
        w<QAbstractButton>(QStringLiteral("showRequestButton"))->click();
        QVERIFY(w<QWidget>(QStringLiteral("requestPanel"))->isVisible());
        const QJsonObject shown =
            QJsonDocument::fromJson(
                w<QPlainTextEdit>(QStringLiteral("requestBodyEdit"))->toPlainText().toUtf8())
                .object();

        QVERIFY(create());
        QVERIFY(waitCreated());
        QCOMPARE(w<QLabel>(QStringLiteral("resultLabel"))->text(),
                 QStringLiteral(
                     "Created: /subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                     "galleries/galContosoProd/images/ubuntu-22-04-gen2/versions/1.2.0")
                     .arg(Sub));
        QCOMPARE(w<QProgressBar>(QStringLiteral("replicationProgress_westeurope"))->value(), 100);
        QCOMPARE(w<QProgressBar>(QStringLiteral("replicationProgress_francecentral"))->value(), 100);
        QCOMPARE(wizard->button(QWizard::FinishButton)->text(), QStringLiteral("&Close"));
        // The page says it is done, no longer that nothing is sent, and offers the review of the new version.
        QVERIFY2(wizard->currentPage()->subTitle().startsWith(QLatin1String("Done: Azure created it.")),
                 qPrintable(wizard->currentPage()->subTitle()));
        QVERIFY(!wizard->button(QWizard::CancelButton)->isVisible());
        auto *reviewButton = w<QPushButton>(QStringLiteral("reviewNewVersionButton"));
        QVERIFY(reviewButton->isVisible());
        reviewButton->click();
        auto *review = wizard->findChild<QWidget *>(QStringLiteral("reviewWindow"));
        QVERIFY(review && review->isVisible());
        auto *reviewedId = review->findChild<QLineEdit *>(QStringLiteral("versionIdEdit"));
        QVERIFY(reviewedId);
        QTRY_VERIFY_WITH_TIMEOUT(reviewedId->text().endsWith(QLatin1String("/versions/1.2.0")), 5000);
        review->close();

        const QList<QJsonObject> puts = versionPuts(m_sandbox);
        QCOMPARE(puts.size(), 1);
        const QJsonObject &body = puts.first();
        QCOMPARE(body, shown); // what the user saw is what was sent
        QCOMPARE(at(body, QStringLiteral("location")).toString(), QStringLiteral("westeurope"));
        QCOMPARE(at(body, QStringLiteral("tags.owner")).toString(), QStringLiteral("platform-team"));
        const QString regionsPath = QStringLiteral("properties.publishingProfile.targetRegions");
        QCOMPARE(at(body, regionsPath).toArray().size(), 2);
        QCOMPARE(at(body, regionsPath + QStringLiteral(".0.name")).toString(), QStringLiteral("westeurope"));
        QCOMPARE(at(body, regionsPath + QStringLiteral(".0.regionalReplicaCount")).toInt(), 2);
        QCOMPARE(at(body, regionsPath + QStringLiteral(".1.name")).toString(),
                 QStringLiteral("francecentral"));
        QCOMPARE(at(body, regionsPath + QStringLiteral(".1.storageAccountType")).toString(),
                 QStringLiteral("Standard_ZRS"));
        for (const auto &[index, des] : {std::pair{0, desId(QStringLiteral("des-weu-cmk"))},
                                         std::pair{1, desId(QStringLiteral("des-frc-cmk"))}}) {
            const QString enc = regionsPath + QStringLiteral(".%1.encryption.").arg(index);
            QCOMPARE(at(body, enc + QStringLiteral("osDiskImage.diskEncryptionSetId")).toString(), des);
            QCOMPARE(at(body, enc + QStringLiteral("dataDiskImages")).toArray().size(), 2);
            for (int lun : {0, 1}) {
                QCOMPARE(at(body, enc + QStringLiteral("dataDiskImages.%1.lun").arg(lun)).toInt(), lun);
                QCOMPARE(at(body, enc + QStringLiteral("dataDiskImages.%1.diskEncryptionSetId").arg(lun))
                             .toString(),
                         des);
            }
        }
        QCOMPARE(at(body, QStringLiteral("properties.storageProfile.osDiskImage.source.id")).toString(),
                 buildId(QStringLiteral("snapshots/snap-ubuntu-os")));
        QCOMPARE(at(body, QStringLiteral("properties.storageProfile.dataDiskImages.1.lun")).toInt(), 1);
        QCOMPARE(at(body, QStringLiteral("properties.storageProfile.dataDiskImages.1.source.id")).toString(),
                 buildId(QStringLiteral("snapshots/snap-ubuntu-data1")));
        QVERIFY(!body.value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("storageProfile"))
                     .toObject()
                     .contains(QStringLiteral("source")));
    }

    void doubleEncryptionFromManagedImage() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("1.3.0")));
        QVERIFY(chooseSourceKind(cmk::SourceKind::ManagedImage));
        // Only the managed images of West Europe: img-ws2022-base (France Central) is not offered.
        QVERIFY(choose(w<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("img-ubuntu2204-web")));
        QVERIFY(!items(w<QComboBox>(QStringLiteral("sourceCombo")))
                     .join(QLatin1Char(' '))
                     .contains(QLatin1String("img-ws2022-base")));
        QVERIFY(w<QLabel>(QStringLiteral("sourceDetails"))->text().contains(QLatin1String("LUN 0, 1")));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QVERIFY(chooseCustomerKey(m_session.wizard.get(), QStringLiteral("doubleEncryptionRadio")));
        auto *os = w<QComboBox>(QStringLiteral("desCombo_westeurope_os"));
        QVERIFY(QTest::qWaitFor([&] { return os->count() > 0; }, 5000));
        QCOMPARE(items(os).size(), 1);
        QVERIFY(os->itemText(0).startsWith(QLatin1String("des-weu-double")));
        QVERIFY(choose(os, QStringLiteral("des-weu-double")));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QVERIFY(w<QTextBrowser>(QStringLiteral("summaryView"))
                    ->toPlainText()
                    .contains(
                        QLatin1String("Double encryption with platform-managed and customer-managed keys")));
        QVERIFY(create());
        QVERIFY(waitCreated());
        const QJsonObject body = versionPuts(m_sandbox).value(0);
        const QString enc = QStringLiteral("properties.publishingProfile.targetRegions.0.encryption.");
        QCOMPARE(at(body, enc + QStringLiteral("osDiskImage.diskEncryptionSetId")).toString(),
                 desId(QStringLiteral("des-weu-double")));
        QCOMPARE(at(body, enc + QStringLiteral("dataDiskImages.1.diskEncryptionSetId")).toString(),
                 desId(QStringLiteral("des-weu-double")));
        QCOMPARE(at(body, QStringLiteral("properties.storageProfile.source.id")).toString(),
                 buildId(QStringLiteral("images/img-ubuntu2204-web")));
    }

    void platformKeyWithLifecycle() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("2.0.0")));
        QVERIFY(fillSnapshots());
        QVERIFY(next(wizard));
        w<QCheckBox>(QStringLiteral("endOfLifeCheck"))->setChecked(true);
        const QDate eol = QDate::currentDate().addYears(1);
        w<QDateEdit>(QStringLiteral("endOfLifeEdit"))->setDate(eol);
        w<QCheckBox>(QStringLiteral("excludeFromLatestCheck"))->setChecked(true);
        QVERIFY(w<QDateEdit>(QStringLiteral("endOfLifeEdit"))->calendarPopup());
        QVERIFY(next(wizard));
        QVERIFY(w<QRadioButton>(QStringLiteral("platformKeyRadio"))->isChecked());
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QVERIFY(create());
        QVERIFY(waitCreated());
        const QJsonObject body = versionPuts(m_sandbox).value(0);
        QVERIFY(!at(body, QStringLiteral("properties.publishingProfile.targetRegions.0"))
                     .toObject()
                     .contains(QStringLiteral("encryption")));
        QCOMPARE(at(body, QStringLiteral("properties.publishingProfile.endOfLifeDate")).toString(),
                 eol.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z"));
        QCOMPARE(at(body, QStringLiteral("properties.publishingProfile.excludeFromLatest")).toBool(), true);
        QCOMPARE(at(body, QStringLiteral("properties.storageProfile.dataDiskImages.0.source.id")).toString(),
                 buildId(QStringLiteral("snapshots/snap-ubuntu-data0")));
    }

    // Negative paths
    // ------------------------------------------------------------------------------------------

    void badAndExistingVersionBlockNext() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("1.2")));
        QVERIFY(fillSnapshots());
        QTRY_VERIFY(versionError().contains(QLatin1String("must have the form MAJOR.MINOR.PATCH")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        auto *edit = w<QLineEdit>(QStringLiteral("versionEdit"));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("1.0.2147483648"));
        QTRY_VERIFY(versionError().contains(QLatin1String("must have the form MAJOR.MINOR.PATCH")));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("1.1.0"));
        QTRY_VERIFY(versionError().contains(QLatin1String("Version 1.1.0 already exists in this image definition")));
        QVERIFY(!errorText(wizard).contains(QLatin1String("already exists"))); // said once, under the number
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("1.1.1"));
        QVERIFY(next(wizard));
    }

    void duplicateLunBlocksNext() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("3.0.0")));
        QVERIFY(fillSnapshots());
        w<QSpinBox>(QStringLiteral("dataDiskLunSpin_1"))->setValue(0);
        QTRY_VERIFY(errorText(wizard).contains(QLatin1String(
            "The LUN 0 is used by more than one data disk; each data disk needs its own LUN.")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(w<QSpinBox>(QStringLiteral("dataDiskLunSpin_1"))->maximum(), 63);
        w<QSpinBox>(QStringLiteral("dataDiskLunSpin_1"))->setValue(7);
        QVERIFY(next(wizard));
        QCOMPARE(m_session.draft->draft().dataDiskLuns(), (QList<int>{0, 7}));
    }

    void pastEndOfLifeBlocksNext() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("3.0.1")));
        QVERIFY(fillSnapshots());
        QVERIFY(next(wizard));
        w<QCheckBox>(QStringLiteral("endOfLifeCheck"))->setChecked(true);
        w<QDateEdit>(QStringLiteral("endOfLifeEdit"))->setDate(QDate::currentDate().addDays(-1));
        QTRY_VERIFY(errorText(wizard).contains(QLatin1String("is not in the future")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        w<QDateEdit>(QStringLiteral("endOfLifeEdit"))->setDate(QDate::currentDate().addDays(30));
        QVERIFY(next(wizard));
    }

    void regionWithoutDesBlocksNextWithExplanation() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("3.0.2")));
        QVERIFY(fillSnapshots());
        QVERIFY(next(wizard));
        QVERIFY(addRegion(QStringLiteral("North Europe")));
        QVERIFY(next(wizard));
        QVERIFY(chooseCustomerKey(m_session.wizard.get(), QStringLiteral("customerKeyRadio")));
        QVERIFY(
            choose(w<QComboBox>(QStringLiteral("desCombo_westeurope_os")), QStringLiteral("des-weu-cmk")));
        auto *north = w<QComboBox>(QStringLiteral("desCombo_northeurope_os"));
        QCOMPARE(north->count(), 0);
        QVERIFY(!north->isEnabled());
        QCOMPARE(north->placeholderText(), QStringLiteral("None in this region"));
        QTRY_VERIFY(errorText(wizard).contains(QLatin1String(
            "The region northeurope has no disk encryption set of type EncryptionAtRestWithCustomerKey")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(w<QGroupBox>(QStringLiteral("createDesHelp"))->isVisible());
        const QString commands = w<QPlainTextEdit>(QStringLiteral("createDesCommands"))->toPlainText();
        QVERIFY(commands.contains(QLatin1String("az disk-encryption-set create")));
        QVERIFY(commands.contains(
            QLatin1String("--location northeurope --encryption-type EncryptionAtRestWithCustomerKey")));
        QVERIFY(commands.contains(QLatin1String("New-AzDiskEncryptionSetConfig -Location northeurope")));

        // Wrong type only: West US has a CMK set but no double-encryption set.
        QVERIFY(w<QRadioButton>(QStringLiteral("doubleEncryptionRadio"))->isEnabled());
        w<QRadioButton>(QStringLiteral("doubleEncryptionRadio"))->click(); // CMK -> CMK: no confirmation
        QVERIFY(w<QRadioButton>(QStringLiteral("doubleEncryptionRadio"))->isChecked());
        QVERIFY(!items(w<QComboBox>(QStringLiteral("desCombo_westeurope_os")))
                     .join(QLatin1Char(' '))
                     .contains(QLatin1String("des-weu-cmk")));
    }

    void wrongTypeAndOtherSubscriptionNeverOffered() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("3.0.3")));
        QVERIFY(fillSnapshots());
        QVERIFY(next(wizard));
        QVERIFY(addRegion(QStringLiteral("West US")));
        QVERIFY(addRegion(QStringLiteral("East US")));
        QVERIFY(next(wizard));
        QVERIFY(chooseCustomerKey(m_session.wizard.get(), QStringLiteral("doubleEncryptionRadio")));
        QVERIFY(QTest::qWaitFor([&] { return !m_session.wizard->diskEncryptionSets()->isLoading(); }, 5000));
        // The shared model holds every set of the target regions (West Europe's three — CMK, double and
        // confidential —, West US's and East US's), never those of other regions; each cell sees only its own.
        QTRY_COMPARE(m_session.wizard->diskEncryptionSets()->rowCount(), 5);
        QCOMPARE(w<QComboBox>(QStringLiteral("desCombo_westus_os"))->count(), 0);        // CMK only there
        QCOMPARE(items(w<QComboBox>(QStringLiteral("desCombo_eastus_lun1"))).size(), 1); // double there
        const QStringList weu = items(w<QComboBox>(QStringLiteral("desCombo_westeurope_os")));
        QCOMPARE(weu.size(), 1);
        QVERIFY(weu.first().startsWith(QLatin1String("des-weu-double")));
        QTRY_VERIFY(errorText(wizard).contains(QLatin1String("The region westus has no disk encryption set")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // The other subscription's set is never in the production subscription's lists.
        for (QComboBox *combo : m_session.wizard->findChildren<QComboBox *>()) {
            if (combo->objectName().startsWith(QLatin1String("desCombo_")))
                QVERIFY(!items(combo).join(QLatin1Char(' ')).contains(QLatin1String("des-dev")));
        }
    }

    void virtualMachineSourceCannotUseCustomerKeys() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("3.0.4")));
        QVERIFY(chooseSourceKind(cmk::SourceKind::VirtualMachine));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("vm-build-01")));
        QVERIFY(w<QLabel>(QStringLiteral("sourceDetails"))
                    ->text()
                    .contains(QLatin1String("cannot use customer-managed keys")));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QVERIFY(!w<QRadioButton>(QStringLiteral("customerKeyRadio"))->isEnabled());
        QVERIFY(!w<QRadioButton>(QStringLiteral("doubleEncryptionRadio"))->isEnabled());
        QVERIFY(w<QLabel>(QStringLiteral("cmkUnavailableLabel"))->isVisible());
        QVERIFY(w<QLabel>(QStringLiteral("cmkUnavailableLabel"))
                    ->text()
                    .contains(QLatin1String("virtual machine")));

        // A draft that says otherwise (e.g. edited by hand) is stopped with the reason.
        m_session.draft->modify(
            [](cmk::ImageVersionDraft &d) { d.encryption = cmk::EncryptionMode::CustomerKey; });
        wizard->back();
        QVERIFY(next(wizard));
        QTRY_VERIFY(errorText(wizard).contains(
            QLatin1String("created from a virtual machine cannot use customer-managed keys")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        w<QRadioButton>(QStringLiteral("platformKeyRadio"))->click();
        QVERIFY(next(wizard));
    }

    void armErrorIsShownAndInputsKeptForResubmit() {
        CreateImageVersionWizard *wizard = open();
        QVERIFY(fillTarget(QStringLiteral("4.0.0")));
        QVERIFY(fillSnapshots());
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QString why;
        QVERIFY2(m_sandbox.setFaults(QStringLiteral("status=409:method=PUT:path=/versions/"), &why),
                 qPrintable(why));
        QVERIFY(create());
        auto *error = w<QLabel>(QStringLiteral("submitErrorLabel"));
        QVERIFY(QTest::qWaitFor([&] { return !error->text().isEmpty(); }, 10000));
        QVERIFY2(error->text().contains(QLatin1String("InjectedFault")), qPrintable(error->text()));
        QVERIFY(error->isVisible());
        QCOMPARE(w<QLabel>(QStringLiteral("resultLabel"))->text(), QString());
        QCOMPARE(wizard->button(QWizard::FinishButton)->text(), QStringLiteral("&Create"));

        // Back to Basics: everything typed is still there.
        QVERIFY(wizard->button(QWizard::BackButton)->isEnabled());
        while (wizard->currentId() != cmkui::BasicsPageId)
            wizard->back();
        QCOMPARE(w<QLineEdit>(QStringLiteral("versionEdit"))->text(), QStringLiteral("4.0.0"));
        QVERIFY(w<QComboBox>(QStringLiteral("dataDiskSnapshotCombo_1"))
                    ->currentText()
                    .startsWith(QLatin1String("snap-ubuntu-data1")));
        auto *edit = w<QLineEdit>(QStringLiteral("versionEdit"));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("4.0.1"));
        while (wizard->currentId() != cmkui::ReviewPageId)
            QVERIFY(next(wizard));
        m_sandbox.setFaults(QString());
        QVERIFY(create());
        QVERIFY(waitCreated());
        QVERIFY(w<QLabel>(QStringLiteral("resultLabel"))->text().endsWith(QLatin1String("/versions/4.0.1")));
    }

    void switchingSubscriptionReloadsDes() {
        CreateImageVersionWizard *wizard = open();
        // The sets are listed once the draft has target regions, those of its subscription.
        const auto targetWestEurope = [this] {
            m_session.draft->modify([](cmk::ImageVersionDraft &d) {
                if (d.targetRegions.isEmpty()) {
                    cmk::RegionDraft region;
                    region.name = QStringLiteral("westeurope");
                    d.targetRegions << region;
                }
            });
        };
        QVERIFY(
            choose(w<QComboBox>(QStringLiteral("subscriptionCombo")), QStringLiteral("Contoso Production")));
        targetWestEurope();
        QVERIFY(QTest::qWaitFor([&] { return wizard->diskEncryptionSets()->isComplete(); }, 5000));
        QCOMPARE(wizard->diskEncryptionSets()->subscriptionId(), Sub);
        QVERIFY(
            choose(w<QComboBox>(QStringLiteral("subscriptionCombo")), QStringLiteral("Contoso Dev/Test")));
        targetWestEurope();
        QTRY_COMPARE(wizard->diskEncryptionSets()->subscriptionId(), DevSub);
        QVERIFY(QTest::qWaitFor([&] { return wizard->diskEncryptionSets()->isComplete(); }, 5000));
        QCOMPARE(wizard->diskEncryptionSets()->rowCount(), 1);
        QCOMPARE(wizard->diskEncryptionSets()->all().front().name, QStringLiteral("des-dev-weu-cmk"));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("resourceGroupCombo")), QStringLiteral("rg-dev")));
        QCOMPARE(items(w<QComboBox>(QStringLiteral("resourceGroupCombo"))),
                 QStringList{QStringLiteral("rg-dev")});
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
