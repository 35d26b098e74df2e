#include "gui/screenshots.h"

#include "armsandbox.h"
#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "imagewizard/createimageversionwizard.h"
#include "imagewizard/desreadinesswidget.h"
#include "imagewizard/dessetupdialog.h"
#include "imagewizard/wizardpageids.h"
#include "keyvault/deshealthcache.h"
#include "keyvault/draftkeyhealth.h"
#include "review/fleet/fleettab.h"
#include "review/reviewwindow.h"
#include "vm/vmdraft.h"
#include "vm/vmsource.h"
#include "vmwizard/vmwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QWizardPage>
#include <algorithm>
#include <memory>

namespace cmkapp {

namespace {

const QString demoSubscription = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");

class ScreenshotText {
    Q_DECLARE_TR_FUNCTIONS(Screenshots)
};

void runEventsFor(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

PictureObserver &pictureObserver() {
    static PictureObserver observer;
    return observer;
}

bool save(QWidget *widget, const QString &dir, const QString &name, QStringList *written, QString *error) {
    if (pictureObserver())
        pictureObserver()(widget, name);
    const QString file = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(file)) {
        *error = ScreenshotText::tr("Cannot write %1.").arg(QDir::toNativeSeparators(file));
        return false;
    }
    written->append(file);
    return true;
}

// The Prerequisites page of the demo subscription shows the preview feature as not registered: picture the
// confirmation, then confirm, so that the page shows the registration under way and lets the wizard go on.
void registerMissingFeature(QWizardPage *page, const QString &dir, QStringList *written, QString *error) {
    auto *registerButton = page->findChild<QPushButton *>(QStringLiteral("featureRegisterButton"));
    if (!registerButton || !registerButton->isVisible() || !registerButton->isEnabled())
        return;
    bool answered = false;
    auto *poll = new QTimer(page);
    QObject::connect(poll, &QTimer::timeout, page, [&, poll] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || answered)
            return;
        answered = true;
        poll->stop();
        runEventsFor(150);
        save(dialog, dir, QStringLiteral("register-confirmation"), written, error);
        if (auto *confirm = dialog->findChild<QAbstractButton *>(QStringLiteral("confirmRegisterButton")))
            confirm->click();
        else
            dialog->close();
    });
    poll->start(50);
    // The confirmation is modal (exec()): the timer answers it from inside the click.
    QTimer::singleShot(10000, poll, [poll] { poll->stop(); });
    registerButton->click();
    poll->deleteLater();
}

} // namespace

void setPictureObserver(PictureObserver observer) {
    pictureObserver() = std::move(observer);
}

cmk::ImageVersionDraft demoDraft() {
    const QString sub = demoSubscription;
    const QString build =
        QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/").arg(sub);
    const QString keys =
        QStringLiteral(
            "/subscriptions/%1/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/")
            .arg(sub);
    cmk::ImageVersionDraft d;
    d.subscriptionId = sub;
    d.resourceGroup = QStringLiteral("rg-images-prod");
    d.galleryName = QStringLiteral("galContosoProd");
    d.imageDefinitionName = QStringLiteral("ubuntu-22-04-gen2");
    d.versionName = QStringLiteral("1.2.0");
    d.location = QStringLiteral("westeurope");
    d.sourceKind = cmk::SourceKind::Snapshots;
    d.sourceId = build + QStringLiteral("snapshots/snap-ubuntu-os");
    d.dataDiskSnapshots = {{0, build + QStringLiteral("snapshots/snap-ubuntu-data0")},
                           {1, build + QStringLiteral("snapshots/snap-ubuntu-data1")}};
    cmk::RegionDraft weu;
    weu.name = QStringLiteral("westeurope");
    weu.replicaCount = 2;
    weu.osDiskDesId = keys + QStringLiteral("des-weu-cmk");
    cmk::RegionDraft frc;
    frc.name = QStringLiteral("francecentral");
    frc.storageAccountType = QStringLiteral("Standard_ZRS");
    frc.osDiskDesId = keys + QStringLiteral("des-frc-cmk");
    d.targetRegions = {weu, frc};
    // A fixed date keeps the pictures stable from one run to the next.
    d.endOfLifeDate = QDate(2030, 12, 31);
    d.encryption = cmk::EncryptionMode::CustomerKey;
    d.tags = {{QStringLiteral("owner"), QStringLiteral("platform-team")},
              {QStringLiteral("cost-center"), QStringLiteral("4711")}};
    d.normalizeEncryption();
    return d;
}

QString demoReviewVersionId() {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/galleries/"
               "galContosoProd/images/ubuntu-22-04-gen2/versions/1.1.0")
        .arg(demoSubscription);
}

QString screenshotName(int pageId) {
    switch (pageId) {
    case cmkui::BasicsPageId:
        return QStringLiteral("basics");
    case cmkui::PrerequisitesPageId:
        return QStringLiteral("prerequisites");
    case cmkui::ReplicationPageId:
        return QStringLiteral("replication");
    case cmkui::EncryptionPageId:
        return QStringLiteral("encryption");
    case cmkui::TagsPageId:
        return QStringLiteral("tags");
    case cmkui::ReviewPageId:
        return QStringLiteral("review");
    default:
        return QStringLiteral("page-%1").arg(pageId);
    }
}

bool settleWizardPage(cmkui::CreateImageVersionWizard &wizard, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    // Lists load in steps (subscriptions, then groups, galleries...): the page must stay quiet a little
    // while.
    qint64 quietSince = -1;
    while (timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QWizardPage *page = wizard.currentPage();
        const bool loading = wizard.diskEncryptionSets()->isLoading() || wizard.locations()->isLoading();
        const bool ready = page && page->isComplete() && !loading;
        if (!ready) {
            quietSince = -1;
            continue;
        }
        if (quietSince < 0)
            quietSince = timer.elapsed();
        if (timer.elapsed() - quietSince > 500)
            return true;
    }
    return wizard.currentPage() && wizard.currentPage()->isComplete();
}

// Waits (events running) until `done` or `ms` have passed; says whether `done` came true.
template <typename Predicate> bool waitFor(Predicate done, int ms) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

// The set-up dialog of the Replication page for North Europe (the demo has no set there): the filled form,
// then the finished steps with the az commands and the new set's health.
bool takeDesSetupScreenshots(QWizardPage *page, const QString &dir, QStringList *written, QString *error) {
    auto *readiness = page->findChild<cmkui::DesReadinessWidget *>();
    cmkui::DesSetupDialog *dialog =
        readiness ? readiness->openSetupDialog(QStringLiteral("northeurope")) : nullptr;
    if (!dialog)
        return true;
    QPointer<cmkui::DesSetupDialog> guard(dialog);
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createDesButton"));
    waitFor([&] { return create->isEnabled(); }, 10000);
    runEventsFor(200);
    if (!save(dialog, dir, QStringLiteral("des-setup-form"), written, error))
        return false;
    create->click();
    waitFor([&] { return !guard || !dialog->isRunning(); }, 30000);
    if (!guard)
        return true;
    runEventsFor(300);
    const bool saved = save(dialog, dir, QStringLiteral("des-setup-done"), written, error);
    dialog->close();
    return saved;
}

// The Create VM wizard on the demo version, every page, filled with demo values. Constructed directly, it
// does not autosave: the pictures leave no draft behind.
bool takeVmScreenshots(cmk::ArmClient *client, const QString &versionId, const QSize &size,
                       const QString &dir, QStringList *written, QString *error) {
    cmkui::CreateVmWizard vm(client, versionId);
    vm.resize(size);
    vm.show();
    waitFor([&] { return vm.imageSource()->isLoaded() || vm.imageSource()->error().isError(); }, 15000);
    waitFor([&] { return vm.diskEncryptionSets()->isComplete() && vm.sizes()->isComplete(); }, 15000);
    cmk::VmDraft demo = vm.draftModel()->draft();
    demo.name = QStringLiteral("vm-demo-01");
    if (demo.resourceGroup.isEmpty())
        demo.resourceGroup = QStringLiteral("rg-build");
    if (demo.hasAdminAccount()) {
        demo.adminUsername = QStringLiteral("azureops");
        demo.authType = cmk::VmAuthType::SshPublicKey;
        // A well-formed ed25519 public key (algorithm name, then 32 key bytes), not anybody's real key.
        QByteArray blob("\0\0\0\x0bssh-ed25519\0\0\0\x20", 19);
        blob.append(QByteArray(32, 'k'));
        demo.sshPublicKey =
            QStringLiteral("ssh-ed25519 %1 ops@contoso").arg(QString::fromLatin1(blob.toBase64()));
    }
    vm.draftModel()->setDraft(demo);
    const QList<QPair<int, QString>> pages = {
        {cmkui::CreateVmWizard::BasicsPageId, QStringLiteral("vm-basics")},
        {cmkui::CreateVmWizard::NetworkingPageId, QStringLiteral("vm-networking")},
        {cmkui::CreateVmWizard::DisksPageId, QStringLiteral("vm-disks")},
        {cmkui::CreateVmWizard::ReviewPageId, QStringLiteral("vm-review")}};
    for (const auto &[id, name] : pages) {
        if (vm.currentId() != id) {
            *error =
                ScreenshotText::tr("The wizard did not leave the page “%1”.").arg(vm.currentPage()->title());
            return false;
        }
        runEventsFor(500);
        if (!save(&vm, dir, name, written, error))
            return false;
        if (vm.nextId() < 0)
            break;
        if (!waitFor([&] { return vm.currentPage()->isComplete(); }, 10000)) {
            *error = ScreenshotText::tr("The page “%1” cannot be completed with this draft.")
                         .arg(vm.currentPage()->title());
            return false;
        }
        vm.next();
    }
    return true;
}

// Next until the Encryption page; false (with `error`) when a page cannot be completed.
bool advanceToEncryption(cmkui::CreateImageVersionWizard &wizard, QString *error) {
    while (wizard.currentId() != cmkui::EncryptionPageId) {
        const int before = wizard.currentId();
        if (!settleWizardPage(wizard) || (wizard.next(), wizard.currentId() == before)) {
            *error = ScreenshotText::tr("The page “%1” cannot be completed with this draft.")
                         .arg(wizard.currentPage()->title());
            return false;
        }
    }
    return true;
}

// The Encryption page of a version of the Confidential VM definition ubuntu-22-04-cvm: West Europe
// EncryptedWithCmk with the secure-VM set des-weu-cvm, France Central NonPersistedTPM, next to the disks'
// sets.
bool takeConfidentialScreenshot(cmk::ArmClient *client, const QSize &size, const QString &dir,
                                QStringList *written, QString *error) {
    cmk::ImageVersionDraft d = demoDraft();
    const QString keys =
        d.targetRegions.first().osDiskDesId.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/');
    d.imageDefinitionName = QStringLiteral("ubuntu-22-04-cvm");
    d.imageSecurityType = QStringLiteral("ConfidentialVM");
    d.versionName = QStringLiteral("1.1.0");
    d.targetRegions[0].confidentialVmEncryptionType = QStringLiteral("EncryptedWithCmk");
    d.targetRegions[0].secureVmDesId = keys + QStringLiteral("des-weu-cvm");
    d.targetRegions[1].confidentialVmEncryptionType = QStringLiteral("NonPersistedTPM");
    cmk::ImageVersionDraftModel draft;
    draft.setDraft(d);
    cmkui::CreateWizardOptions options;
    options.withPrerequisites = false;
    cmkui::CreateImageVersionWizard wizard(client, &draft, options);
    wizard.resize(size.width(), size.height() + 160);
    wizard.show();
    if (!advanceToEncryption(wizard, error))
        return false;
    settleWizardPage(wizard);
    runEventsFor(500);
    return save(&wizard, dir, QStringLiteral("encryption-confidential"), written, error);
}

// The Encryption page with the health of each chosen set's key: the demo data's trouble in West US (no key
// access: error, with its fix button) and East US 2 (a key expiring in 10 days: warning) next to West Europe.
bool takeKeyHealthScreenshot(cmk::ArmClient *client, const QSize &size, const QString &dir,
                             QStringList *written, QString *error) {
    cmk::ImageVersionDraft d = demoDraft();
    const QString keys =
        d.targetRegions.first().osDiskDesId.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/');
    cmk::RegionDraft eus2;
    eus2.name = QStringLiteral("eastus2");
    eus2.osDiskDesId = keys + QStringLiteral("des-eus2-cmk");
    cmk::RegionDraft wus;
    wus.name = QStringLiteral("westus");
    wus.osDiskDesId = keys + QStringLiteral("des-wus-cmk");
    d.targetRegions = {d.targetRegions.first(), eus2, wus};
    d.normalizeEncryption();
    cmk::ImageVersionDraftModel draft;
    draft.setDraft(d);
    cmkui::CreateWizardOptions options;
    options.withPrerequisites = false;
    cmkui::CreateImageVersionWizard wizard(client, &draft, options);
    wizard.resize(size);
    wizard.show();
    if (!advanceToEncryption(wizard, error))
        return false;
    const QStringList sets = cmk::chosenDiskEncryptionSets(d);
    waitFor(
        [&] {
            return std::all_of(sets.begin(), sets.end(),
                               [&](const QString &id) { return wizard.keyHealth()->health(id) != nullptr; });
        },
        15000);
    runEventsFor(500);
    return save(&wizard, dir, QStringLiteral("encryption-key-health"), written, error);
}

// Update mode from the review window's "Edit replication…" on the demo version: East US 2 added with its
// set for every disk and France Central at two replicas, on the Replication page, then Review + update's
// diff.
bool takeUpdateScreenshots(cmkui::ReviewWindow &review, const QString &dir, QStringList *written,
                           QString *error) {
    review.editReplicationButton()->click();
    auto *wizard =
        review.findChild<cmkui::CreateImageVersionWizard *>(QStringLiteral("updateImageVersionWizard"));
    if (!wizard) {
        *error = ScreenshotText::tr("The review window did not open the update wizard.");
        return false;
    }
    std::unique_ptr<cmkui::CreateImageVersionWizard> owner(wizard); // closing would ask: delete it instead
    wizard->resize(review.size());
    cmk::ImageVersionDraft d = wizard->draftModel()->draft();
    const QString keys =
        d.targetRegions.first().osDiskDesId.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/');
    cmk::RegionDraft eus2;
    eus2.name = QStringLiteral("eastus2");
    eus2.osDiskDesId = keys + QStringLiteral("des-eus2-cmk");
    d.targetRegions.append(eus2);
    if (const int frc = d.regionIndex(QStringLiteral("francecentral")); frc >= 0)
        d.targetRegions[frc].replicaCount = 2;
    d.normalizeEncryption();
    wizard->draftModel()->setDraft(d);
    for (const auto &[id, name] :
         {std::pair{int(cmkui::ReplicationPageId), QStringLiteral("update-replication")},
          std::pair{int(cmkui::ReviewPageId), QStringLiteral("update-review")}}) {
        while (wizard->currentId() != id) {
            const int before = wizard->currentId();
            if (!settleWizardPage(*wizard) || (wizard->next(), wizard->currentId() == before)) {
                *error = ScreenshotText::tr("The page “%1” cannot be completed with this draft.")
                             .arg(wizard->currentPage()->title());
                return false;
            }
        }
        settleWizardPage(*wizard);
        runEventsFor(300);
        if (!save(wizard, dir, name, written, error))
            return false;
    }
    return true;
}

// The review window's Fleet tab (issue 18) after a scan of a small generated fleet (its own in-process
// sandbox: the demo's subscriptions stay as the other pictures show them), then filtered to the errors.
bool takeFleetScreenshots(const QSize &size, const QString &dir, QStringList *written, QString *error) {
    armsandbox::Sandbox sandbox;
    armsandbox::SandboxOptions options;
    options.generateFleet = QStringLiteral("4:2:2:5:3");
    QString why;
    if (!sandbox.start(options, &why)) {
        *error = ScreenshotText::tr("The fleet sandbox did not start: %1").arg(why);
        return false;
    }
    cmk::ArmClient client;
    client.setEndpoint(sandbox.baseUrl());
    cmkui::ReviewWindow review(&client);
    review.resize(size);
    cmkui::FleetTab *tab = review.fleetTab();
    tab->setToday(QDate(2026, 1, 15));
    bool loaded = false, finished = false;
    QObject::connect(tab, &cmkui::FleetTab::scopeLoaded, &review, [&loaded] { loaded = true; });
    QObject::connect(tab, &cmkui::FleetTab::scanFinished, &review, [&finished] { finished = true; });
    review.show();
    review.tabs()->setCurrentWidget(tab);
    QElapsedTimer timer;
    timer.start();
    while (!loaded && timer.elapsed() < 15000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    auto *list = tab->findChild<QListWidget *>(QStringLiteral("fleetSubscriptionList"));
    for (int i = 0; list && i < list->count(); ++i) // the fleet's subscriptions only
        list->item(i)->setCheckState(
            list->item(i)->data(Qt::UserRole).toString().startsWith(QLatin1String("f1ee")) ? Qt::Checked
                                                                                           : Qt::Unchecked);
    tab->startScan();
    while (!finished && timer.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    runEventsFor(300);
    if (!finished) {
        *error = ScreenshotText::tr("The fleet scan did not finish.");
        return false;
    }
    if (!save(&review, dir, QStringLiteral("fleet-tab"), written, error))
        return false;
    if (auto *severity = tab->findChild<QComboBox *>(QStringLiteral("fleetSeverityFilter")))
        severity->setCurrentIndex(qMax(0, severity->findData(QStringLiteral("warning"))));
    runEventsFor(200);
    return save(&review, dir, QStringLiteral("fleet-tab-filtered"), written, error);
}

QStringList takeScreenshots(cmkui::CreateImageVersionWizard &wizard, cmk::ArmClient *client,
                            const QString &reviewVersionId, const QString &dir, QString *error) {
    QStringList written;
    if (!QDir().mkpath(dir)) {
        *error = ScreenshotText::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir));
        return {};
    }
    wizard.show();
    wizard.restart();
    for (;;) {
        const int id = wizard.currentId();
        QWizardPage *page = wizard.currentPage();
        bool complete = settleWizardPage(wizard);
        if (!save(&wizard, dir, screenshotName(id), &written, error))
            return {};
        if (id == cmkui::ReplicationPageId) {
            if (!takeDesSetupScreenshots(page, dir, &written, error))
                return {};
            complete = settleWizardPage(wizard);
        }
        if (id == cmkui::PrerequisitesPageId && !complete) {
            registerMissingFeature(page, dir, &written, error);
            if (!error->isEmpty())
                return {};
            complete = settleWizardPage(wizard);
            if (!save(&wizard, dir, QStringLiteral("prerequisites-registering"), &written, error))
                return {};
        }
        if (wizard.nextId() < 0)
            break;
        if (!complete) {
            *error =
                ScreenshotText::tr("The page “%1” cannot be completed with this draft.").arg(page->title());
            return {};
        }
        wizard.next();
        if (wizard.currentId() == id) {
            *error = ScreenshotText::tr("The wizard did not leave the page “%1”.").arg(page->title());
            return {};
        }
    }

    if (client && !takeKeyHealthScreenshot(client, wizard.size(), dir, &written, error))
        return {};
    if (client && !takeConfidentialScreenshot(client, wizard.size(), dir, &written, error))
        return {};
    if (client && !reviewVersionId.isEmpty()) {
        cmkui::ReviewWindow review(client);
        review.setToday(QDate(2026, 1, 15));
        // The size the app opens it at; in the small pictures (CMKWIZARD_SCREENSHOT_SIZE), the wizard's.
        review.resize(cmkui::reviewWindowSize(wizard.width() < 940 ? wizard.size() : QSize()));
        review.show();
        bool finished = false;
        QObject::connect(&review, &cmkui::ReviewWindow::reviewFinished, &review,
                         [&finished] { finished = true; });
        review.openVersion(reviewVersionId);
        QElapsedTimer timer;
        timer.start();
        while (!finished && timer.elapsed() < 15000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        runEventsFor(300);
        if (!save(&review, dir, QStringLiteral("review-window"), &written, error))
            return {};
        if (!takeUpdateScreenshots(review, dir, &written, error))
            return {};
        if (!takeVmScreenshots(client, reviewVersionId, wizard.size(), dir, &written, error))
            return {};
        if (!takeFleetScreenshots(review.size(), dir, &written, error))
            return {};
    }
    return written;
}

} // namespace cmkapp
