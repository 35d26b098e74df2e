#include "cli/commands.h"

#include "arm/armerror.h"

#include <QAbstractEventDispatcher>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

namespace cmkapp {

const QList<Subcommand> &subcommands() {
    static const QList<Subcommand> all = {
        {"list-des", QT_TRANSLATE_NOOP("main", "List Disk Encryption Sets of a subscription."), &runListDes},
        {"check-des",
         QT_TRANSLATE_NOOP("main", "Check the keys behind Disk Encryption Sets, with the fixes."),
         &runCheckDes},
        {"setup-des",
         QT_TRANSLATE_NOOP("main", "Create a Disk Encryption Set from nothing (vault, key, set, access)."),
         &runSetupDes},
        {"create",
         QT_TRANSLATE_NOOP("main",
                           "Create the image version a draft file describes (--dry-run: print the request)."),
         &runCreate},
        {"edit",
         QT_TRANSLATE_NOOP("main", "Write an existing image version as an update draft (--id, --out)."),
         &runEdit},
        {"update",
         QT_TRANSLATE_NOOP("main", "Update an existing image version from an update draft (--dry-run: print "
                                   "the request)."),
         &runUpdate},
        {"create-vm",
         QT_TRANSLATE_NOOP("main",
                           "Create the virtual machine a VM draft file describes, from an encrypted image "
                           "version (--dry-run: print the requests)."),
         &runCreateVm},
        {"check-prereqs",
         QT_TRANSLATE_NOOP("main", "Check (and with --register, register) the subscription's prerequisites."),
         &runCheckPrereqs},
        {"login",
         QT_TRANSLATE_NOOP("main", "Sign in to Microsoft Entra ID (--device-code without a browser)."),
         &runLogin},
        {"logout", QT_TRANSLATE_NOOP("main", "Sign out and forget the cached tokens."), &runLogout},
        {"review",
         QT_TRANSLATE_NOOP("main",
                           "Review how an existing image version is encrypted and what is wrong with it."),
         &runReview},
        {"audit",
         QT_TRANSLATE_NOOP("main", "Audit every image version of subscriptions: their encryption and their "
                                   "problems, as text, JSON, CSV or HTML."),
         &runAudit},
        {"export",
         QT_TRANSLATE_NOOP("main", "Export a draft as an az command, PowerShell, an ARM template or Bicep."),
         &runExport},
        {"import-az", QT_TRANSLATE_NOOP("main", "Read an az sig image-version create command into a draft."),
         &runImportAz},
    };
    return all;
}

int runHeadless(const QStringList &arguments, QCommandLineParser &parser,
                const std::function<int(AppContext &, const QCommandLineParser &)> &body) {
    addGlobalOptions(parser);
    const QCommandLineOption help = parser.addHelpOption();
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitInvalidInput;
    }
    GlobalOptions options;
    QString why;
    if (!readGlobalOptions(parser, options, &why)) {
        err << why << Qt::endl;
        return ExitInvalidInput;
    }
    installTranslations(options.language);
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("main", "Unexpected argument: %1")
                   .arg(parser.positionalArguments().first())
            << Qt::endl;
        return ExitInvalidInput;
    }
    AppContext context(options);
    if (!context.initialize(&why)) {
        err << why << Qt::endl;
        return ExitFailure;
    }
    return body(context, parser);
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs) {
    if (done())
        return true;
    // The work ends in handlers this loop runs (replies, timers, queued signals), so asking `done` each time
    // the loop has handled what came in and is about to wait for more sees the end at once, without polling.
    QEventLoop loop;
    QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, &loop,
                     [&] {
                         if (done())
                             loop.quit();
                     });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (timeoutMs >= 0)
        timeout.start(timeoutMs);
    loop.exec();
    return done();
}

int exitCodeForArmError(const cmk::ArmError &error) {
    if (error.kind == cmk::ArmError::Kind::InvalidInput)
        return ExitInvalidInput;
    const bool signInProblem = error.kind == cmk::ArmError::Kind::Authentication || error.httpStatus == 401;
    return signInProblem ? ExitAuthError : ExitArmError;
}

void writeJsonArray(size_t count, const std::function<nlohmann::json(size_t)> &value, int depth,
                    const std::function<void(const std::string &)> &write) {
    if (count == 0) {
        write("[]");
        return;
    }
    // Each value is one level deeper than the array: every line of it moves right by the array's indent.
    const std::string indent(size_t(depth + 1) * 2, ' ');
    std::string chunk = "[\n";
    for (size_t i = 0; i < count; ++i) {
        const std::string text = value(i).dump(2);
        chunk += indent;
        for (const char c : text) {
            chunk += c;
            if (c == '\n')
                chunk += indent;
        }
        chunk += i + 1 < count ? ",\n" : "\n" + std::string(size_t(depth) * 2, ' ') + "]";
        if (chunk.size() >= 64 * 1024 || i + 1 == count) {
            write(chunk);
            chunk.clear();
        }
    }
}

void printReasons(QTextStream &err, const QString &heading, const QStringList &reasons) {
    err << heading << Qt::endl;
    for (const QString &reason : reasons)
        err << "  - " << reason << Qt::endl;
}

// The strings are list-des's (context "cmkapp", see cmd_listdes.cpp): check-des shows the same help.
DesSelectionOptions desSelectionOptions() {
    return DesSelectionOptions{
        QCommandLineOption(QStringLiteral("subscription"),
                           QCoreApplication::translate("cmkapp", "Subscription ID."), QStringLiteral("ID")),
        QCommandLineOption(QStringLiteral("location"),
                           QCoreApplication::translate(
                               "cmkapp", "Only the sets in this region (\"West Europe\" or westeurope)."),
                           QStringLiteral("REGION")),
        QCommandLineOption(QStringLiteral("format"),
                           QCoreApplication::translate("cmkapp", "Output format: text (default) or json."),
                           QStringLiteral("text|json"), QStringLiteral("text")),
    };
}

bool readTextOrJsonFormat(const QCommandLineParser &parser, const QCommandLineOption &format, bool *json,
                          QTextStream &err) {
    const QString value = parser.value(format).toLower();
    if (value != QLatin1String("text") && value != QLatin1String("json")) {
        err << QCoreApplication::translate("cmkapp", "--format must be text or json, not “%1”.")
                   .arg(parser.value(format))
            << Qt::endl;
        return false;
    }
    *json = value == QLatin1String("json");
    return true;
}

} // namespace cmkapp
