// The "Create a disk encryption set in REGION" dialog, offscreen, opened from the readiness of the target
// regions on the wizard's Replication page, against an in-process armsandbox over HTTP: the set it creates
// (vault, key, set, grant) is what the sandbox holds, it appears in the Encryption page's dropdown and an
// image version uses it; a taken vault name blocks Create with the reason; a failure mid-way keeps the dialog
// open and Try again resumes without creating anything twice; Cancel while it runs asks first.

#include "imagewizard/desreadinesswidget.h"
#include "imagewizard/dessetupdialog.h"
#include "support/wizardharness.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;
using cmkui::DesSetupDialog;

namespace {

const QString kDouble = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");

QString keysGroupId(const QString &provider) {
    return QStringLiteral("/subscriptions/%1/resourceGroups/rg-keys-prod/providers/%2").arg(Sub, provider);
}

} // namespace

class TestDesSetupDialog : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;
    int m_versions = 0; ///< each test's version number is new

    template <typename T> T *w(const QString &name) { return find<T>(m_session.wizard.get(), name); }

    /// Basics (production subscription, ubuntu-22-04-gen2 from snap-ubuntu-os), then the Replication page
    /// with `region` added after West Europe.
    bool openReplicationWith(const QString &regionDisplayName, const cmk::ImageVersionDraft &initial = {}) {
        CreateImageVersionWizard *wizard = m_session.open(initial);
        if (!fillDemoTarget(wizard, QStringLiteral("7.0.%1").arg(m_versions++)))
            return false;
        auto *kind = w<QComboBox>(QStringLiteral("sourceKindCombo"));
        kind->setCurrentIndex(kind->findData(cmk::sourceKindKey(cmk::SourceKind::Snapshots)));
        if (!choose(w<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("snap-ubuntu-os")) ||
            !next(wizard) || wizard->currentId() != cmkui::ReplicationPageId)
            return false;
        if (!choose(w<QComboBox>(QStringLiteral("addRegionCombo")), regionDisplayName))
            return false;
        w<QPushButton>(QStringLiteral("addRegionButton"))->click();
        return true;
    }

    /// Clicks the readiness widget's create button of `region` once the check shows it; the dialog it opens.
    DesSetupDialog *openDialogFor(const QString &region) {
        const QString name = QStringLiteral("desCreateButton_") + region;
        QPushButton *button = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    return (button = m_session.wizard->findChild<QPushButton *>(name)) && button->isVisible();
                },
                8000)) {
            qWarning("no visible %s", qPrintable(name));
            return nullptr;
        }
        if (!button->text().contains(QLatin1String("Create a disk encryption set in ")))
            return nullptr;
        button->click();
        DesSetupDialog *dialog =
            m_session.wizard->findChild<DesSetupDialog *>(QStringLiteral("desSetupDialog"));
        if (dialog)
            dialog->setGrantRetry(cmk::GrantRetry{8, 10, 100});
        return dialog;
    }

    static QPushButton *button(DesSetupDialog *dialog, const char *name) {
        return dialog->findChild<QPushButton *>(QLatin1String(name));
    }

    /// Clicks Create (or Try again) once enabled and waits for the run to end.
    static bool run(DesSetupDialog *dialog, const char *buttonName) {
        QPushButton *start = button(dialog, buttonName);
        if (!QTest::qWaitFor([&] { return start->isVisible() && start->isEnabled(); }, 8000)) {
            qWarning("%s stays disabled: %s", buttonName,
                     qPrintable(dialog->findChild<QLabel *>(QStringLiteral("createBlockedLabel"))->text()));
            return false;
        }
        QSignalSpy finished(dialog->runner(), &cmk::DesSetupRunner::finished);
        start->click();
        return dialog->isRunning() && finished.wait(20000) && !dialog->isRunning();
    }

    static QString stepState(DesSetupDialog *dialog, int row) {
        return dialog->findChild<QTableWidget *>(QStringLiteral("setupStepsTable"))->item(row, 1)->text();
    }

    int requests(const QByteArray &method, const QString &urlPart) const {
        int count = 0;
        for (const armsandbox::Exchange &e : m_sandbox.exchanges()) {
            if (e.liveRequest.value(QLatin1String("method")).toString().toLatin1() == method &&
                e.liveRequest.value(QLatin1String("url")).toString().contains(urlPart, Qt::CaseInsensitive))
                ++count;
        }
        return count;
    }

    /// Role assignments the sandbox made for `principalId` (PUTs it answered with success).
    int roleAssignmentsFor(const QString &principalId) const {
        int count = 0;
        for (const armsandbox::Exchange &e : m_sandbox.exchanges()) {
            const QString url = e.liveRequest.value(QLatin1String("url")).toString();
            if (e.liveRequest.value(QLatin1String("method")).toString() == QLatin1String("PUT") &&
                url.contains(QLatin1String("roleAssignments")) &&
                at(e.liveRequest.value(QLatin1String("body")), QStringLiteral("properties.principalId"))
                        .toString() == principalId &&
                e.liveResponse.value(QLatin1String("statusCode")).toVariant().toInt() / 100 == 2)
                ++count;
        }
        return count;
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        QVERIFY2(startRegisteredSandbox(m_sandbox, m_session.client, &why), qPrintable(why));
    }

    void init() {
        QVERIFY(m_sandbox.setFaults(QString()));
        m_sandbox.clearExchanges();
    }

    void cleanup() { m_session.wizard.reset(); }

    // East US has a double-encryption set only: for the (default) customer-key type it gets a button.
    void aTakenVaultNameBlocksCreateWithTheReason() {
        QVERIFY(openReplicationWith(QStringLiteral("East US")));
        DesSetupDialog *dialog = openDialogFor(QStringLiteral("eastus"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Create a disk encryption set in East US"));
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("desNameEdit"))->text(),
                 QStringLiteral("des-eastus-cmk"));
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("resourceGroupEdit"))->text(),
                 QStringLiteral("rg-keys-prod"));
        auto *vault = dialog->findChild<QLineEdit *>(QStringLiteral("vaultNameEdit"));
        QVERIFY(vault->text().startsWith(QLatin1String("kv-eastus-")));
        QPushButton *create = button(dialog, "createDesButton");
        QCOMPARE(create->text(), QStringLiteral("Create disk encr&yption set"));
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 5000);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("vaultNameStatusLabel"))
                    ->text()
                    .contains(QLatin1String("is available")));

        // kv-contoso-frc lives in rg-keys-prod: from rg-build its name is taken (vault names are global).
        auto *group = dialog->findChild<QLineEdit *>(QStringLiteral("resourceGroupEdit"));
        group->setText(QStringLiteral("rg-build"));
        vault->clear();
        QTest::keyClicks(vault, QStringLiteral("kv-contoso-frc"));
        auto *blocked = dialog->findChild<QLabel *>(QStringLiteral("createBlockedLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(blocked->text().contains(QLatin1String("kv-contoso-frc is taken")), 5000);
        QVERIFY(blocked->isVisible());
        QVERIFY(!create->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("vaultNameStatusLabel"))
                    ->text()
                    .contains(QLatin1String("key vault names are global")));
        // The same name in its own group is the set-up's to reuse.
        group->setText(QStringLiteral("rg-keys-prod"));
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 5000);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("vaultNameStatusLabel"))
                    ->text()
                    .contains(QLatin1String("already exists in rg-keys-prod")));
        // An invalid name is explained before anything is sent.
        vault->clear();
        QTest::keyClicks(vault, QStringLiteral("kv--x"));
        QTRY_VERIFY_WITH_TIMEOUT(blocked->text().contains(QLatin1String("is not valid")), 5000);
        QVERIFY(!create->isEnabled());
        QCOMPARE(requests("PUT", QStringLiteral("/vaults/")), 0);
        button(dialog, "cancelSetupButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_session.wizard->findChild<DesSetupDialog *>(), 5000);
    }

    void aFailureMidWayResumesWithTryAgainWithoutDuplicates() {
        QVERIFY(openReplicationWith(QStringLiteral("East US")));
        DesSetupDialog *dialog = openDialogFor(QStringLiteral("eastus"));
        QVERIFY(dialog);
        dialog->findChild<QRadioButton *>(QStringLiteral("accessPolicyRadio"))->setChecked(true);
        QVERIFY(m_sandbox.setFaults(
            QStringLiteral("status=400:path=diskEncryptionSets/des-eastus-cmk:method=PUT")));
        QVERIFY(run(dialog, "createDesButton"));
        QVERIFY(!dialog->succeeded());
        QCOMPARE(stepState(dialog, 0), QStringLiteral("created"));
        QCOMPARE(stepState(dialog, 1), QStringLiteral("created"));
        QCOMPARE(stepState(dialog, 2), QStringLiteral("failed"));
        QCOMPARE(stepState(dialog, 3), QStringLiteral("waiting"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("setupErrorLabel"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("Disk encryption set des-eastus-cmk")),
                 qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        QVERIFY(!button(dialog, "createDesButton")->isVisible());
        QCOMPARE(button(dialog, "tryAgainButton")->text(), QStringLiteral("&Try again"));

        QVERIFY(m_sandbox.setFaults(QString()));
        QVERIFY(run(dialog, "tryAgainButton"));
        QVERIFY(dialog->succeeded());
        QCOMPARE(stepState(dialog, 0), QStringLiteral("already there"));
        QCOMPARE(stepState(dialog, 1), QStringLiteral("already there"));
        QCOMPARE(stepState(dialog, 2), QStringLiteral("created"));
        QCOMPARE(stepState(dialog, 4), QStringLiteral("done"));
        QVERIFY(!error->isVisible());
        const QString vault = QStringLiteral("/vaults/") +
                              dialog->findChild<QLineEdit *>(QStringLiteral("vaultNameEdit"))->text();
        QCOMPARE(requests("PUT", vault + QStringLiteral("?")), 1);
        QCOMPARE(requests("PUT", vault + QStringLiteral("/keys/cmk-disks?")), 1);
        QCOMPARE(requests("PUT", vault + QStringLiteral("/accessPolicies/add?")), 1);
        QCOMPARE(requests("PUT", QStringLiteral("/diskEncryptionSets/des-eastus-cmk?")), 2); // faulted + 1
        QVERIFY(!m_sandbox
                     .resource(keysGroupId(QStringLiteral("Microsoft.Compute/diskEncryptionSets/"
                                                          "des-eastus-cmk")))
                     .isEmpty());
        button(dialog, "closeSetupButton")->click();
    }

    // North Europe has no set at all: create one, see it in the dropdown, create an image version with it.
    void createdSetIsInTheDropdownAndServesAnImageVersion() {
        QVERIFY(openReplicationWith(QStringLiteral("North Europe")));
        DesSetupDialog *dialog = openDialogFor(QStringLiteral("northeurope"));
        QVERIFY(dialog);
        const QString vaultName = dialog->findChild<QLineEdit *>(QStringLiteral("vaultNameEdit"))->text();
        QVERIFY(run(dialog, "createDesButton"));
        QVERIFY2(dialog->succeeded(),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("setupErrorLabel"))->text()));
        for (int row = 0; row < 3; ++row)
            QCOMPARE(stepState(dialog, row), QStringLiteral("created"));
        QCOMPARE(stepState(dialog, 3), QStringLiteral("done"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("setupHealthLabel"))
                    ->text()
                    .startsWith(QLatin1String("Health of des-northeurope-cmk: OK")));
        const QString commands =
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("setupCommandsEdit"))->toPlainText();
        QVERIFY(commands.contains(QStringLiteral("az keyvault create --name %1 ").arg(vaultName)));
        QVERIFY(commands.contains(QLatin1String("az disk-encryption-set create --name des-northeurope-cmk")));
        QVERIFY(button(dialog, "copySetupCommandsButton")->isVisible());

        // What the sandbox holds: the vault with purge protection and RBAC, the key, the set, the grant.
        const QJsonObject vault =
            m_sandbox.resource(keysGroupId(QStringLiteral("Microsoft.KeyVault/vaults/") + vaultName));
        QVERIFY(at(vault, QStringLiteral("properties.enablePurgeProtection")).toBool());
        QVERIFY(at(vault, QStringLiteral("properties.enableRbacAuthorization")).toBool());
        QCOMPARE(requests("PUT", QStringLiteral("/vaults/%1/keys/cmk-disks?").arg(vaultName)), 1);
        const QString setId = desId(QStringLiteral("des-northeurope-cmk"));
        const QJsonObject set = m_sandbox.resource(setId);
        QCOMPARE(at(set, QStringLiteral("location")).toString(), QStringLiteral("northeurope"));
        const QString principal = at(set, QStringLiteral("identity.principalId")).toString();
        QVERIFY(!principal.isEmpty());
        QCOMPARE(roleAssignmentsFor(principal), 1);

        button(dialog, "closeSetupButton")->click();
        // The readiness follows the reloaded catalogue: North Europe needs no button any more.
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_session.wizard->findChild<QPushButton *>(QStringLiteral("desCreateButton_northeurope")), 8000);
        QVERIFY(next(m_session.wizard.get()));
        QCOMPARE(m_session.wizard->currentId(), int(cmkui::EncryptionPageId));
        w<QRadioButton>(QStringLiteral("customerKeyRadio"))->click();
        QMessageBox *box = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] {
                return (box = m_session.wizard->findChild<QMessageBox *>(QStringLiteral("cmkConfirmation")));
            },
            3000));
        box->button(QMessageBox::Yes)->click();
        QVERIFY(
            choose(w<QComboBox>(QStringLiteral("desCombo_westeurope_os")), QStringLiteral("des-weu-cmk")));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("desCombo_northeurope_os")),
                       QStringLiteral("des-northeurope-cmk")));
        QVERIFY(next(m_session.wizard.get()));
        QVERIFY(next(m_session.wizard.get()));
        QCOMPARE(m_session.wizard->currentId(), int(cmkui::ReviewPageId));
        QAbstractButton *createVersion = m_session.wizard->button(QWizard::FinishButton);
        QTRY_VERIFY_WITH_TIMEOUT(createVersion->isEnabled(), 5000);
        createVersion->click();
        auto *result = w<QLabel>(QStringLiteral("resultLabel"));
        auto *error = w<QLabel>(QStringLiteral("submitErrorLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(
            result->text().startsWith(QLatin1String("Created:")) || !error->text().isEmpty(), 15000);
        QVERIFY2(error->text().isEmpty(), qPrintable(error->text()));
        const QJsonObject body = versionPuts(m_sandbox).value(0);
        QCOMPARE(at(body, QStringLiteral("properties.publishingProfile.targetRegions.1.name")).toString(),
                 QStringLiteral("northeurope"));
        QCOMPARE(
            at(body, QStringLiteral("properties.publishingProfile.targetRegions.1.encryption.osDiskImage."
                                    "diskEncryptionSetId"))
                .toString(),
            setId);
    }

    // A draft with double encryption: West US has a customer-key set only, so it gets a button for a
    // double-encryption set. Cancel while it runs asks first; "Keep going" lets it finish.
    void doubleEncryptionSetAndCancelAsksFirst() {
        cmk::ImageVersionDraft initial;
        initial.encryption = cmk::EncryptionMode::PlatformAndCustomerKeys;
        QVERIFY(openReplicationWith(QStringLiteral("West US"), initial));
        DesSetupDialog *dialog = openDialogFor(QStringLiteral("westus"));
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("desNameEdit"))->text(),
                 QStringLiteral("des-westus-double"));
        QVERIFY(m_sandbox.setFaults(
            QStringLiteral("latency=1500:path=diskEncryptionSets/des-westus-double:method=PUT")));
        QPushButton *create = button(dialog, "createDesButton");
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 5000);
        QSignalSpy finished(dialog->runner(), &cmk::DesSetupRunner::finished);
        create->click();
        QTRY_COMPARE_WITH_TIMEOUT(stepState(dialog, 2), QStringLiteral("in progress"), 8000);
        button(dialog, "cancelSetupButton")->click();
        QMessageBox *ask = dialog->findChild<QMessageBox *>(QStringLiteral("cancelSetupConfirmation"));
        QVERIFY(ask);
        QVERIFY(ask->isVisible());
        QVERIFY(dialog->isRunning());
        ask->findChild<QPushButton *>(QStringLiteral("keepSetupButton"))->click();
        QVERIFY(finished.wait(20000));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->succeeded());
        QCOMPARE(at(m_sandbox.resource(desId(QStringLiteral("des-westus-double"))),
                    QStringLiteral("properties.encryptionType"))
                     .toString(),
                 kDouble);
        button(dialog, "closeSetupButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_session.wizard->findChild<QPushButton *>(QStringLiteral("desCreateButton_westus")), 8000);
    }

    // Last: the stopped set-up's long-running PUT may still be answered after the dialog is gone.
    void cancelWhileRunningStopsAfterConfirmation() {
        cmk::ImageVersionDraft initial;
        initial.encryption = cmk::EncryptionMode::PlatformAndCustomerKeys;
        QVERIFY(openReplicationWith(QStringLiteral("North Europe"), initial));
        QPointer<DesSetupDialog> dialog = openDialogFor(QStringLiteral("northeurope"));
        QVERIFY(dialog);
        QVERIFY(m_sandbox.setFaults(
            QStringLiteral("latency=1500:path=diskEncryptionSets/des-northeurope-double:method=PUT")));
        QPushButton *create = button(dialog, "createDesButton");
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 5000);
        create->click();
        QTRY_COMPARE_WITH_TIMEOUT(stepState(dialog, 2), QStringLiteral("in progress"), 8000);
        // Escape asks too, like Cancel.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QMessageBox *ask = dialog->findChild<QMessageBox *>(QStringLiteral("cancelSetupConfirmation"));
        QVERIFY(ask);
        QVERIFY(dialog->isVisible());
        ask->findChild<QPushButton *>(QStringLiteral("confirmCancelSetupButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 5000);
    }
};

QTEST_MAIN(TestDesSetupDialog)
#include "tst_dessetupdialog.moc"
