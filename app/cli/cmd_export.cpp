// cmkwizard export: a draft as an az command, a PowerShell script, an ARM template or a Bicep file.

#include "cli/commands.h"
#include "draft/draftstore.h"
#include "imageversion/imageversionexport.h"
#include "imageversion/imageversionvalidation.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace cmkapp {

namespace {

class ExportCommandText {
    Q_DECLARE_TR_FUNCTIONS(ExportCommandText)
};

} // namespace

bool parseOfflineCommand(const QStringList &arguments, QCommandLineParser &parser, int *exitCode) {
    addGlobalOptions(parser);
    const QCommandLineOption help = parser.addHelpOption();
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        *exitCode = ExitInvalidInput;
        return false;
    }
    GlobalOptions options;
    QString why;
    if (!readGlobalOptions(parser, options, &why)) {
        err << why << Qt::endl;
        *exitCode = ExitInvalidInput;
        return false;
    }
    installTranslations(options.language);
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        *exitCode = ExitOk;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("main", "Unexpected argument: %1")
                   .arg(parser.positionalArguments().first())
            << Qt::endl;
        *exitCode = ExitInvalidInput;
        return false;
    }
    return true;
}

bool writeExportOutput(const QString &path, const QByteArray &data, QString *error) {
    if (path.isEmpty() || path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            *error = out.errorString();
            return false;
        }
        out.write(data);
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

int runExport(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ExportCommandText::tr("Writes the exact equivalent of a draft's image-version request as "
                              "an Azure CLI command, a PowerShell "
                              "script, an ARM deployment template or a Bicep file. Exit code 0 on "
                              "success, 2 for an unreadable draft "
                              "or a bad option."));
    const QCommandLineOption draftOption(
        QStringLiteral("draft"), ExportCommandText::tr("Draft file (JSON, see docs/draft-format.md)."),
        QStringLiteral("FILE"));
    const QCommandLineOption formatOption(
        QStringLiteral("format"), ExportCommandText::tr("Output format: az, powershell, arm or bicep."),
        QStringLiteral("az|powershell|arm|bicep"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), ExportCommandText::tr("Write to this file instead of the standard output."),
        QStringLiteral("FILE"));
    parser.addOptions({draftOption, formatOption, outOption});
    int exitCode = ExitOk;
    if (!parseOfflineCommand(arguments, parser, &exitCode))
        return exitCode;

    QTextStream err(stderr);
    const QString draftPath = parser.value(draftOption);
    if (draftPath.isEmpty()) {
        err << ExportCommandText::tr("--draft is required.") << Qt::endl;
        return ExitInvalidInput;
    }
    cmk::ExportFormat format;
    if (!cmk::exportFormatFromKey(parser.value(formatOption), &format)) {
        err << ExportCommandText::tr("--format must be az, powershell, arm or bicep, not “%1”.")
                   .arg(parser.value(formatOption))
            << Qt::endl;
        return ExitInvalidInput;
    }
    cmk::ImageVersionDraft draft;
    QString why;
    if (!cmk::DraftStore::load(draftPath, &draft, &why)) {
        err << ExportCommandText::tr("The draft %1 could not be read: %2").arg(draftPath, why) << Qt::endl;
        return ExitInvalidInput;
    }
    const cmk::ExportResult result = cmk::ImageVersionExporter::exportDraft(draft, format);
    for (const QString &problem : cmk::ImageVersionValidation::offlineErrors(draft, QDate::currentDate()))
        err << ExportCommandText::tr("Warning: the draft is not ready to create: %1").arg(problem)
            << Qt::endl;
    for (const QString &note : result.notes)
        err << ExportCommandText::tr("Warning: %1").arg(note) << Qt::endl;
    if (!writeExportOutput(parser.value(outOption), result.text.toUtf8(), &why)) {
        err << ExportCommandText::tr("Could not write %1: %2").arg(parser.value(outOption), why) << Qt::endl;
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace cmkapp
