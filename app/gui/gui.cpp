#include "gui/gui.h"

#include "appcontext.h"
#include "arm/armclient.h"
#include "cli/commands.h"
#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "draft/draftstore.h"
#include "gui/languagemenu.h"
#include "gui/screenshots.h"
#include "imageversion/imageversiondraft.h"
#include "imagewizard/basicspage.h"
#include "imagewizard/createimageversionwizard.h"
#include "review/reviewwindow.h"
#include "shell/focusframestyle.h"
#include "shell/wizardwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace cmkapp {

namespace {

class GuiText {
    Q_DECLARE_TR_FUNCTIONS(Gui)
};

} // namespace

cmk::AuthSession *accountSession(const AppContext &context) {
    return context.options().sandbox ? nullptr : context.authSession();
}

QWidget *openReviewMode(AppContext &context, const QString &versionId) {
    return cmkui::openReviewWindow(context.armClient(), nullptr, versionId.trimmed());
}

namespace {

/// What the GUI's command line asks for, beyond the global options.
struct GuiRequest {
    GlobalOptions options;
    bool reviewMode = false;
    QString reviewVersionId;
    bool screenshots = false;
    QString screenshotsDir;
};

/// Reads the command line (--help and --version end the process here); false with the exit code when it
/// is not acceptable, the reason on stderr.
bool readGuiCommandLine(const QCoreApplication &app, GuiRequest *request, int *exitCode) {
    QCommandLineParser parser;
    QString description =
        GuiText::tr("Creates Azure Compute Gallery image versions encrypted with your own keys.") +
        QLatin1String("\n\n") + GuiText::tr("Commands (cmkwizard COMMAND --help for their options):");
    for (const Subcommand &command : subcommands())
        description += QStringLiteral("\n  %1  %2")
                           .arg(QString::fromLatin1(command.name).leftJustified(14),
                                QCoreApplication::translate("main", command.summary));
    parser.setApplicationDescription(description);
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
    const QCommandLineOption reviewOption(
        QStringLiteral("review"),
        GuiText::tr("Open review mode instead of the wizard: browse to an existing image version, or review "
                    "the one whose resource ID follows."));
    parser.addOption(draftOption);
    parser.addOption(screenshotsOption);
    parser.addOption(reviewOption);
    parser.addPositionalArgument(
        QStringLiteral("ID"), GuiText::tr("With --review: the resource ID of the image version to review."),
        QStringLiteral("[ID]"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    QString why;
    *exitCode = ExitInvalidInput;
    if (!readGlobalOptions(parser, request->options, &why)) {
        QTextStream(stderr) << why << Qt::endl;
        return false;
    }
    request->options.draftPath = parser.value(draftOption);
    request->reviewMode = parser.isSet(reviewOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > (request->reviewMode ? 1 : 0)) {
        QTextStream(stderr) << (request->reviewMode
                                    ? GuiText::tr("--review takes one resource ID: “%1” is one "
                                                  "argument too many.")
                                          .arg(positional.at(1))
                                    : GuiText::tr("Unexpected argument: %1").arg(positional.first()))
                            << Qt::endl;
        return false;
    }
    request->reviewVersionId = positional.value(0);
    request->screenshots = parser.isSet(screenshotsOption);
    request->screenshotsDir = parser.value(screenshotsOption);
    return true;
}

/// Offers to resume the autosaved draft, if there is one worth resuming; starting over discards it.
void offerToResume(cmk::ImageVersionDraftModel &draft, cmk::DraftStore &store) {
    const QString autosave = store.path();
    if (!cmk::DraftStore::hasResumableDraft(autosave))
        return;
    QMessageBox ask(QMessageBox::Question, GuiText::tr("Resume your draft?"),
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
    QString why;
    if (ask.clickedButton() == resume && cmk::DraftStore::load(autosave, &loaded, &why))
        draft.setDraft(loaded);
    else
        store.discard();
}

/// Fills `draft` for this run and points `store` at the file that keeps it (none for screenshots, which
/// must not depend on or overwrite the user's work); false with the exit code when the draft is unreadable.
bool prepareDraft(const GuiRequest &request, cmk::ImageVersionDraftModel &draft, cmk::DraftStore &store,
                  int *exitCode) {
    const QString &path = request.options.draftPath;
    cmk::ImageVersionDraft loaded;
    QString why;
    *exitCode = ExitInvalidInput;
    if (request.screenshots) {
        if (!path.isEmpty()) {
            if (!cmk::DraftStore::load(path, &loaded, &why)) {
                QTextStream(stderr) << why << Qt::endl;
                return false;
            }
            draft.setDraft(loaded);
        } else if (request.options.sandbox) {
            draft.setDraft(demoDraft());
        }
        return true;
    }
    if (path.isEmpty()) {
        store.setPath(cmk::DraftStore::defaultAutosavePath());
        offerToResume(draft, store);
    } else {
        store.setPath(path);
        if (QFileInfo::exists(path)) {
            if (!cmk::DraftStore::load(path, &loaded, &why)) {
                QMessageBox::critical(nullptr, GuiText::tr("cmkwizard"), why);
                return false;
            }
            draft.setDraft(loaded);
        }
    }
    store.attach(&draft);
    return true;
}

/// --screenshots DIR: a picture of every page, their paths on stdout.
int saveScreenshots(const GuiRequest &request, AppContext &context, cmk::ImageVersionDraftModel &draft) {
    cmkui::CreateImageVersionWizard wizard(context.armClient(), &draft);
    addLanguageButton(&wizard);
    // CMKWIZARD_SCREENSHOT_SIZE=800x600: the pictures at another window size than the default.
    const QStringList size = qEnvironmentVariable("CMKWIZARD_SCREENSHOT_SIZE").split(QLatin1Char('x'));
    if (size.size() == 2 && size.at(0).toInt() > 0 && size.at(1).toInt() > 0)
        wizard.resize(size.at(0).toInt(), size.at(1).toInt());
    QString why;
    const QStringList files = takeScreenshots(wizard, context.armClient(),
                                              request.options.sandbox ? demoReviewVersionId() : QString(),
                                              request.screenshotsDir, &why);
    if (files.isEmpty()) {
        QTextStream(stderr) << why << Qt::endl;
        return ExitFailure;
    }
    QTextStream out(stdout);
    for (const QString &file : files)
        out << QDir::toNativeSeparators(file) << Qt::endl;
    return ExitOk;
}

/// The wizard's window, until it is closed.
int runWizardWindow(QApplication &app, const GuiRequest &request, AppContext &context,
                    cmk::ImageVersionDraftModel &draft, cmk::DraftStore &store) {
    const bool explicitDraft = !request.options.draftPath.isEmpty();
    cmkui::WizardWindow window(context.armClient(), &draft, accountSession(context));
    cmkui::CreateImageVersionWizard &wizard = *window.wizard();
    addLanguageButton(&wizard);
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
    window.show();
    // bench/bench_responsiveness: the first page counts as interactive once the event loop has turned
    // after show() (the show, layout and paint events are handled by then).
    if (qEnvironmentVariableIsSet("CMKWIZARD_EXIT_WHEN_SHOWN"))
        QTimer::singleShot(0, &app, [] {
            QTextStream(stdout) << "first page shown" << Qt::endl;
            QCoreApplication::exit(ExitOk);
        });
    return app.exec();
}

} // namespace

namespace {

/// --help, -h, --version or -v before any "--": answered without a display (an installed package is checked
/// on a machine without one).
bool asksHelpOrVersion(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

/// Prints the help or the version (QCommandLineParser exits), or the reason a command line is wrong.
int answerHelpOrVersion(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    installTranslations(languageFromArguments(app.arguments()));
    GuiRequest request;
    int exitCode = ExitOk;
    readGuiCommandLine(app, &request, &exitCode);
    return exitCode;
}

} // namespace

int runGui(int argc, char **argv) {
    if (asksHelpOrVersion(argc, argv))
        return answerHelpOrVersion(argc, argv);
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral(CMK_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cmkwizard.svg")));
    cmkui::installFocusFrameStyle(); // keyboard users see where they are
    // Before the parser is built: the option descriptions are translated as they are created.
    const QString languageArgument = languageFromArguments(app.arguments());
    installTranslations(languageArgument.isEmpty() ? savedLanguage() : languageArgument);
    GuiRequest request;
    int exitCode = ExitOk;
    if (!readGuiCommandLine(app, &request, &exitCode))
        return exitCode;
    // Pictures must not depend on (or change) the user's settings: they get settings of their own.
    QTemporaryDir screenshotSettings;
    if (request.screenshots)
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, screenshotSettings.path());
    if (request.options.language.isEmpty())
        request.options.language = savedLanguage();
    installTranslations(request.options.language);

    AppContext context(request.options);
    QString why;
    if (!context.initialize(&why)) {
        QMessageBox::critical(nullptr, GuiText::tr("cmkwizard"), why);
        return ExitFailure;
    }
    if (request.reviewMode && !request.screenshots) {
        openReviewMode(context, request.reviewVersionId);
        return app.exec();
    }
    cmk::ImageVersionDraftModel draft;
    cmk::DraftStore store;
    if (!prepareDraft(request, draft, store, &exitCode))
        return exitCode;
    if (request.screenshots)
        return saveScreenshots(request, context, draft);
    return runWizardWindow(app, request, context, draft, store);
}

} // namespace cmkapp
