// cmkwizard import-az: a pasted `az sig image-version create ...` command into a draft file.

#include "cli/commands.h"
#include "draft/draftstore.h"
#include "imageversion/azimport.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <optional>

namespace cmkapp {

namespace {

class ImportAzCommandText {
    Q_DECLARE_TR_FUNCTIONS(ImportAzCommandText)
};

/// The --command value: the command itself, or the standard input for "-"; nullopt when that cannot be read.
std::optional<QString> commandText(const QString &value, QTextStream &err) {
    if (value != QLatin1String("-"))
        return value;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        err << in.errorString() << Qt::endl;
        return std::nullopt;
    }
    return QString::fromUtf8(in.readAll());
}

/// What the CLI would drop or change, then the assumptions the import made, on the standard error.
void printRemarks(const cmk::AzImportResult &result, QTextStream &err) {
    for (const QString &warning : result.warnings)
        err << ImportAzCommandText::tr("Warning: %1").arg(warning) << Qt::endl;
    for (const QString &note : result.notes)
        err << ImportAzCommandText::tr("Note: %1").arg(note) << Qt::endl;
}

} // namespace

int runImportAz(const QStringList &arguments) {
    const QCommandLineOption commandOption(
        QStringLiteral("command"),
        ImportAzCommandText::tr("The command, as pasted (line continuations allowed); - reads it "
                                "from the standard input."),
        QStringLiteral("TEXT"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), ImportAzCommandText::tr("Draft file to write (default: the standard output)."),
        QStringLiteral("DRAFT"));
    const QCommandLineOption subscriptionOption(
        QStringLiteral("subscription"),
        ImportAzCommandText::tr("Subscription to assume when the command has no "
                                "--subscription (the Azure CLI would use your default "
                                "one)."),
        QStringLiteral("ID"));
    QCommandLineParser parser;
    parser.setApplicationDescription(ImportAzCommandText::tr(
        "Reads an “az sig image-version create” command the way the Azure CLI does and writes the equivalent "
        "draft. What the CLI would reject is rejected with the CLI's reason (exit code 2); what the CLI "
        "would "
        "silently drop or change is reported as a warning on the standard error."));
    parser.addOptions({commandOption, outOption, subscriptionOption});
    int exitCode = ExitOk;
    if (!parseOfflineCommand(arguments, parser, &exitCode))
        return exitCode;

    QTextStream err(stderr);
    if (!parser.isSet(commandOption)) {
        err << ImportAzCommandText::tr("--command is required.") << Qt::endl;
        return ExitInvalidInput;
    }
    const std::optional<QString> command = commandText(parser.value(commandOption), err);
    if (!command)
        return ExitFailure;
    cmk::AzImportOptions options;
    options.defaultSubscriptionId = parser.value(subscriptionOption);
    const cmk::AzImportResult result = cmk::AzCommandImporter::importCommand(*command, options);
    if (!result.ok) {
        err << result.error << Qt::endl;
        return ExitInvalidInput;
    }
    printRemarks(result, err);
    const QString outPath = parser.value(outOption);
    QString why;
    if (outPath.isEmpty() || outPath == QLatin1String("-")) {
        QTextStream(stdout) << QString::fromStdString(result.draft.toJson().dump(2)) << Qt::endl;
    } else if (!cmk::DraftStore::save(outPath, result.draft, &why)) {
        err << ImportAzCommandText::tr("Could not write %1: %2").arg(outPath, why) << Qt::endl;
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace cmkapp
