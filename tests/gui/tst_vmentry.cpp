// The two ways into the "Create VM from this version" wizard, offscreen against a real armsandbox over
// HTTP: review mode's button (enabled only for a read, replicated version) and the image wizard's result
// page button after a real create. Both must open the VM wizard on the right version.

#include "review/reviewwindow.h"
#include "support/wizardharness.h"
#include "vm/vmdraft.h"
#include "vm/vmsource.h"
#include "vmwizard/vmwizard.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace wizardtest;

namespace {

const QString kDefinition =
    QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                   "galleries/galContosoProd/images/ubuntu-22-04-gen2")
        .arg(Sub);

/// Every VM wizard window currently open (the entry points open them as windows of their own).
QList<cmkui::CreateVmWizard *> vmWizards() {
    QList<cmkui::CreateVmWizard *> out;
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *wizard = qobject_cast<cmkui::CreateVmWizard *>(w))
            out << wizard;
    }
    return out;
}

} // namespace

class TestVmEntry : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;
    QTemporaryDir m_autosave;

    /// A version of the demo definition whose only replica failed.
    QString addFailedVersion() {
        QString id = kDefinition + QStringLiteral("/versions/1.9.0");
        m_sandbox.setResource(QJsonObject{
            {"id", id},
            {"name", "1.9.0"},
            {"type", "Microsoft.Compute/galleries/images/versions"},
            {"location", "westeurope"},
            {"properties",
             QJsonObject{{"provisioningState", "Failed"},
                         {"publishingProfile",
                          QJsonObject{{"targetRegions", QJsonArray{QJsonObject{{"name", "West Europe"}}}}}},
                         {"storageProfile", QJsonObject{{"osDiskImage", QJsonObject{{"sizeInGB", 30}}}}},
                         {"replicationStatus",
                          QJsonObject{{"aggregatedState", "Failed"},
                                      {"summary", QJsonArray{QJsonObject{{"region", "West Europe"},
                                                                         {"state", "Failed"},
                                                                         {"details", "Disk copy failed."},
                                                                         {"progress", 0}}}}}}}}});
        return id;
    }

private Q_SLOTS:
    void initTestCase() {
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 2;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
        cmk::RetryPolicy once; // a refusal shows at once
        once.maxTries = 1;
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setRetryPolicy(once);
        m_client->setEndpoint(m_sandbox.baseUrl());
        m_client->setDefaultPollIntervalMs(10);
        // The VM wizards these buttons open autosave their drafts: keep them out of the user's folder.
        QVERIFY(m_autosave.isValid());
        qputenv("CMKWIZARD_AUTOSAVE_PATH",
                m_autosave.filePath(QStringLiteral("autosave-draft.json")).toUtf8());
    }

    void cleanup() { qDeleteAll(vmWizards()); }

    void reviewModeOpensTheVmWizardOnTheReviewedVersion() {
        const QString version = kDefinition + QStringLiteral("/versions/1.1.0");
        cmkui::ReviewWindow window(m_client.get());
        window.show();
        QPushButton *button = window.createVmButton();
        QVERIFY(button && button->isVisible());
        QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Create VM from this version"));
        QVERIFY(!button->isEnabled()); // nothing read yet

        QSignalSpy finished(&window, &cmkui::ReviewWindow::reviewFinished);
        window.openVersion(version);
        QVERIFY(!button->isEnabled()); // still reading
        QVERIFY(finished.wait(10000));
        QVERIFY(window.hasReview());
        QTRY_VERIFY(button->isEnabled());

        button->click();
        QCOMPARE(vmWizards().size(), 1);
        cmkui::CreateVmWizard *wizard = vmWizards().first();
        QVERIFY(wizard->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(wizard->imageSource()->isLoaded(), 10000);
        QCOMPARE(wizard->draftModel()->draft().imageVersionId, version);
        QCOMPARE(wizard->draftModel()->draft().location, QStringLiteral("westeurope"));
        QCOMPARE(find<QComboBox>(wizard, QStringLiteral("regionCombo"))->currentData().toString(),
                 QStringLiteral("westeurope"));
    }

    void reviewModeButtonStaysOffWithoutAReplica() {
        cmkui::ReviewWindow window(m_client.get());
        window.show();
        QSignalSpy finished(&window, &cmkui::ReviewWindow::reviewFinished);
        window.openVersion(addFailedVersion());
        QVERIFY(finished.wait(10000));
        QVERIFY(window.hasReview()); // read, with findings
        QVERIFY(!window.createVmButton()->isEnabled());

        // A version that cannot be read leaves it off too.
        window.openVersion(kDefinition + QStringLiteral("/versions/7.7.7"));
        QVERIFY(finished.wait(10000));
        QVERIFY(!window.hasReview());
        QVERIFY(!window.createVmButton()->isEnabled());
        QVERIFY(vmWizards().isEmpty());
    }

    void resultPageOpensTheVmWizardOnTheNewVersion() {
        cmk::ImageVersionDraftModel draft;
        cmkui::CreateWizardOptions options;
        options.withPrerequisites = false;
        options.replicationPollIntervalMs = 10;
        cmkui::CreateImageVersionWizard wizard(m_client.get(), &draft, options);
        wizard.show();
        QVERIFY(choose(find<QComboBox>(&wizard, QStringLiteral("subscriptionCombo")),
                       QStringLiteral("Contoso Production")));
        QVERIFY(choose(find<QComboBox>(&wizard, QStringLiteral("resourceGroupCombo")),
                       QStringLiteral("rg-images-prod")));
        QVERIFY(choose(find<QComboBox>(&wizard, QStringLiteral("galleryCombo")),
                       QStringLiteral("galContosoProd")));
        QVERIFY(choose(find<QComboBox>(&wizard, QStringLiteral("imageDefinitionCombo")),
                       QStringLiteral("ubuntu-22-04-gen2")));
        QTest::keyClicks(find<QLineEdit>(&wizard, QStringLiteral("versionEdit")), QStringLiteral("3.0.0"));
        auto *kind = find<QComboBox>(&wizard, QStringLiteral("sourceKindCombo"));
        kind->setCurrentIndex(kind->findData(cmk::sourceKindKey(cmk::SourceKind::Snapshots)));
        QVERIFY(choose(find<QComboBox>(&wizard, QStringLiteral("sourceCombo")),
                       QStringLiteral("snap-ubuntu-os")));
        QVERIFY(next(&wizard)); // → replication
        QVERIFY(next(&wizard)); // → encryption (platform key)
        QVERIFY(next(&wizard)); // → tags
        QVERIFY(next(&wizard)); // → review + create

        auto *createVm = find<QPushButton>(&wizard, QStringLiteral("createVmButton"));
        QVERIFY(createVm && !createVm->isVisible()); // nothing created yet
        QAbstractButton *create = wizard.button(QWizard::FinishButton);
        QTRY_VERIFY(create->isEnabled());
        create->click();
        auto *result = find<QLabel>(&wizard, QStringLiteral("resultLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Created:")), 15000);
        const QString version = kDefinition + QStringLiteral("/versions/3.0.0");
        QVERIFY(result->text().endsWith(version));
        QTRY_VERIFY(createVm->isVisible());
        QVERIFY(createVm->isEnabled());
        QVERIFY(vmWizards().isEmpty());

        createVm->click();
        QCOMPARE(vmWizards().size(), 1);
        cmkui::CreateVmWizard *vm = vmWizards().first();
        QVERIFY(vm->isVisible());
        QCOMPARE(vm->draftModel()->draft().imageVersionId, version);
        QTRY_VERIFY_WITH_TIMEOUT(vm->imageSource()->isLoaded(), 10000);
        QCOMPARE(vm->imageSource()->info().versionId, version);
        QCOMPARE(find<QComboBox>(vm, QStringLiteral("regionCombo"))->currentData().toString(),
                 QStringLiteral("westeurope"));
    }
};

QTEST_MAIN(TestVmEntry)
#include "tst_vmentry.moc"
