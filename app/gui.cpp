#include "appcontext.h"
#include "armclient.h"
#include "basicspage.h"
#include "commands.h"
#include "createimageversionwizard.h"
#include "diskencryptionsetmodel.h"
#include "draftstore.h"
#include "imageversiondraft.h"
#include "resourcelistmodel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextStream>
#include <QTimer>

namespace cmkapp {

namespace {

class GuiText {
    Q_DECLARE_TR_FUNCTIONS(Gui)
};

// The demo data of the embedded sandbox, as a filled-in draft (screenshots show every page with content).
cmk::ImageVersionDraft demoDraft() {
    const QString sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");
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
    d.endOfLifeDate = QDate::currentDate().addYears(2);
    d.encryption = cmk::EncryptionMode::CustomerKey;
    d.tags = {{QStringLiteral("owner"), QStringLiteral("platform-team")},
              {QStringLiteral("cost-center"), QStringLiteral("4711")}};
    d.normalizeEncryption();
    return d;
}

// Waits (without blocking the event loop) until the current page is ready or `timeoutMs` passed.
void settle(cmkui::CreateImageVersionWizard &wizard, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QWizardPage *page = wizard.currentPage();
        const bool loading = wizard.diskEncryptionSets()->isLoading() || wizard.locations()->isLoading();
        if (page && page->isComplete() && !loading && timer.elapsed() > 400)
            return;
    }
}

// One PNG per page into `dir`, named by position and page: the README links them.
int takeScreenshots(cmkui::CreateImageVersionWizard &wizard, const QString &dir) {
    QDir().mkpath(dir);
    const QString lang = QLocale().name().left(2);
    wizard.show();
    const QList<QPair<int, QString>> pages = {{cmkui::BasicsPageId, QStringLiteral("basics")},
                                              {cmkui::PrerequisitesPageId, QStringLiteral("prerequisites")},
                                              {cmkui::ReplicationPageId, QStringLiteral("replication")},
                                              {cmkui::EncryptionPageId, QStringLiteral("encryption")},
                                              {cmkui::TagsPageId, QStringLiteral("tags")},
                                              {cmkui::ReviewPageId, QStringLiteral("review")}};
    int index = 0;
    QTextStream out(stdout);
    for (const auto &[id, name] : pages) {
        if (!wizard.page(id))
            continue;
        while (wizard.currentId() != id && wizard.currentId() < id) {
            settle(wizard, 8000);
            wizard.next();
        }
        if (wizard.currentId() != id)
            continue;
        settle(wizard, 8000);
        const QString file = QDir(dir).filePath(
            QStringLiteral("%1-%2-%3.png").arg(++index, 2, 10, QLatin1Char('0')).arg(name, lang));
        if (!wizard.grab().save(file)) {
            QTextStream(stderr) << GuiText::tr("Cannot write %1.").arg(QDir::toNativeSeparators(file))
                                << Qt::endl;
            return ExitFailure;
        }
        out << file << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runGui(int argc, char **argv) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        GuiText::tr("Creates Azure Compute Gallery image versions encrypted with your own keys."));
    addGlobalOptions(parser);
    const QCommandLineOption draftOption(
        QStringLiteral("draft"),
        GuiText::tr("Open this draft file, and keep saving the wizard's state to it."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        GuiText::tr(
            "Save a picture of every page into DIR and quit (with --sandbox: filled with the demo data)."),
        QStringLiteral("DIR"));
    parser.addOption(draftOption);
    parser.addOption(screenshotsOption);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    GlobalOptions options;
    QString why;
    if (!readGlobalOptions(parser, options, &why)) {
        QTextStream(stderr) << why << Qt::endl;
        return ExitInvalidInput;
    }
    options.draftPath = parser.value(draftOption);
    installTranslations(options.language);

    AppContext context(options);
    if (!context.initialize(&why)) {
        QMessageBox::critical(nullptr, GuiText::tr("cmkwizard"), why);
        return ExitFailure;
    }

    cmk::DraftModel draft;
    cmk::DraftStore store;
    const bool explicitDraft = !options.draftPath.isEmpty();
    const bool screenshots = parser.isSet(screenshotsOption);
    if (screenshots) {
        // Pictures must not depend on (or overwrite) whatever the user was working on.
        if (explicitDraft) {
            cmk::ImageVersionDraft loaded;
            if (!cmk::DraftStore::load(options.draftPath, &loaded, &why)) {
                QTextStream(stderr) << why << Qt::endl;
                return ExitInvalidInput;
            }
            draft.setDraft(loaded);
        } else if (options.sandbox) {
            draft.setDraft(demoDraft());
        }
    } else if (explicitDraft) {
        store.setPath(options.draftPath);
        if (QFileInfo::exists(options.draftPath)) {
            cmk::ImageVersionDraft loaded;
            if (!cmk::DraftStore::load(options.draftPath, &loaded, &why)) {
                QMessageBox::critical(nullptr, GuiText::tr("cmkwizard"), why);
                return ExitInvalidInput;
            }
            draft.setDraft(loaded);
        }
    } else {
        const QString autosave = cmk::DraftStore::defaultAutosavePath();
        store.setPath(autosave);
        if (cmk::DraftStore::hasResumableDraft(autosave)) {
            QMessageBox ask(
                QMessageBox::Question, GuiText::tr("Resume your draft?"),
                GuiText::tr("You did not finish the image version you were preparing (last saved %1). "
                            "Resume where you left off?")
                    .arg(QLocale().toString(QFileInfo(autosave).lastModified(), QLocale::ShortFormat)),
                QMessageBox::NoButton);
            ask.setObjectName(QStringLiteral("resumeDraftQuestion"));
            QPushButton *resume = ask.addButton(GuiText::tr("&Resume"), QMessageBox::AcceptRole);
            ask.addButton(GuiText::tr("&Start over"), QMessageBox::DestructiveRole);
            ask.setDefaultButton(resume);
            ask.exec();
            cmk::ImageVersionDraft loaded;
            if (ask.clickedButton() == resume && cmk::DraftStore::load(autosave, &loaded, &why))
                draft.setDraft(loaded);
            else
                store.discard();
        }
    }
    if (!screenshots)
        store.attach(&draft);

    cmkui::CreateImageVersionWizard wizard(context.armClient(), &draft);
    if (screenshots)
        return takeScreenshots(wizard, parser.value(screenshotsOption));

    QObject::connect(&store, &cmk::DraftStore::saveFailed, &wizard, [&wizard](const QString &reason) {
        QMessageBox::warning(&wizard, GuiText::tr("Draft not saved"), reason);
    });
    QObject::connect(&wizard, &cmkui::CreateImageVersionWizard::imageVersionCreated, &store, [&] {
        // The autosave was only there to survive until creation; an explicit --draft file is the user's.
        if (!explicitDraft)
            store.discard();
        else
            store.saveNow();
    });
    wizard.show();
    return app.exec();
}

} // namespace cmkapp
