#pragma once

// Headless subcommands. Each parses its own options (plus the global ones), calls the same models/ code the
// GUI uses, prints results on stdout, reasons on stderr, and returns an ExitCode.

#include "appcontext.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

class QTextStream;

namespace cmk {
class ArmError;
class VersionReviewer;
} // namespace cmk

namespace cmkapp {

/// lupdate files the tr() calls of namespace cmkapp under the context "cmkapp": the commands' free functions
/// translate through this one copy (one per file broke the unity build, which joins several files).
inline QString tr(const char *text) {
    return QCoreApplication::translate("cmkapp", text);
}

using SubcommandFn = int (*)(const QStringList &arguments);

struct Subcommand {
    const char *name;
    const char *summary; ///< QT_TRANSLATE_NOOP("main", ...)
    SubcommandFn run;
};

/// All subcommands, in help order.
const QList<Subcommand> &subcommands();

/// Parses `arguments` (argv[0] = "cmkwizard <name>") with the global options plus `parser`'s own, builds the
/// context and runs `body`. Handles --help, bad options (exit 2) and context failures.
int runHeadless(const QStringList &arguments, QCommandLineParser &parser,
                const std::function<int(AppContext &, const QCommandLineParser &)> &body);

/// Runs a local event loop until `done` returns true (the work is asynchronous), or `timeoutMs` have passed
/// (negative: no limit). `done` is asked whenever the loop has handled the events that came in, so it must
/// turn true in an event handler (a reply, a signal, a timer), which is how the models finish. Returns
/// done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs = -1);

/// The exit code every command returns for `error` (README's exit codes): ExitAuthError for a sign-in
/// problem (or a 401), ExitInvalidInput for input the client refused before sending, ExitArmError for
/// anything else.
int exitCodeForArmError(const cmk::ArmError &error);
/// --subscription, --location and --format (text, the default, or json) as list-des and check-des spell them.
struct DesSelectionOptions {
    QCommandLineOption subscription;
    QCommandLineOption location;
    QCommandLineOption format;
};
DesSelectionOptions desSelectionOptions();
/// Reads a --format option that takes text or json: false, the reason on `err`, for any other value; else
/// *json says which.
bool readTextOrJsonFormat(const QCommandLineParser &parser, const QCommandLineOption &format, bool *json,
                          QTextStream &err);

/// Writes `count` JSON values (`value(i)` makes the i-th) as one array laid out exactly as nlohmann's dump(2)
/// lays it out `depth` levels down in a document ("[" first, "]" last, no line break after it), value by
/// value through `write` in chunks of about 64 KiB: thousands of values never exist as one document or one
/// string.
void writeJsonArray(size_t count, const std::function<nlohmann::json(size_t)> &value, int depth,
                    const std::function<void(const std::string &)> &write);

/// Prints `heading` ("The draft cannot be submitted:") and then each reason on a line of its own.
void printReasons(QTextStream &err, const QString &heading, const QStringList &reasons);

int runListDes(const QStringList &arguments);
/// check-des and setup-des: a disk encryption set has an error finding (docs/des-health.md).
inline constexpr int ExitDesFindings = 5;
/// cmkwizard check-des --subscription ID [--location L] [--id DES_ID]... [--format text|json]
int runCheckDes(const QStringList &arguments);
/// cmkwizard setup-des --subscription ID --resource-group G --location L --type CMK|DOUBLE [...]
int runSetupDes(const QStringList &arguments);
/// cmkwizard create --draft FILE [--dry-run]
int runCreate(const QStringList &arguments);
/// cmkwizard edit --id VERSION_ID --out DRAFT
int runEdit(const QStringList &arguments);
/// cmkwizard update --draft DRAFT [--dry-run] [--allow-region-removal]
int runUpdate(const QStringList &arguments);
/// cmkwizard create-vm --draft FILE [--dry-run] [--export az|powershell]
int runCreateVm(const QStringList &arguments);
int runCheckPrereqs(const QStringList &arguments);
int runLogin(const QStringList &arguments);
int runLogout(const QStringList &arguments);
/// cmkwizard review --id VERSION_ID [--format text|json]
int runReview(const QStringList &arguments);
/// cmkwizard audit (--subscription S ... | --all-subscriptions) [--gallery ID ...] [--source arg|arm|auto]
/// [--format text|json|csv|html] [--out FILE]; exit 5 when a version has an error finding.
int runAudit(const QStringList &arguments);
/// --id VERSION_ID (review, edit): the resource ID of an image version.
QCommandLineOption versionIdOption();
/// Runs `reviewer` on the version `id` to its end (review, edit, update); nullopt when the version was read,
/// else the exit code, the reason printed on `err`.
std::optional<int> reviewVersion(cmk::VersionReviewer &reviewer, const QString &id, QTextStream &err);
/// cmkwizard export --draft FILE --format az|powershell|arm|bicep [--out FILE]
int runExport(const QStringList &arguments);
/// cmkwizard import-az --command "az sig image-version create ..." [--out DRAFT] [--subscription ID]
int runImportAz(const QStringList &arguments);
/// Parses the options of a command that needs no Azure connection (export, import-az); false when the command
/// must stop now with *exitCode (help shown, bad option).
bool parseOfflineCommand(const QStringList &arguments, QCommandLineParser &parser, int *exitCode);

/// The GUI entry point (ui/), given the parsed global options.
int runGui(int argc, char **argv);

} // namespace cmkapp
