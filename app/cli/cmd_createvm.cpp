// cmkwizard create-vm --draft FILE [--dry-run] [--export az|powershell]: the VM wizard without windows.
// Same draft, same validation rules, same PUTs (virtual network → network interface → virtual machine) and
// long-running operations as the VM wizard's Review page.

#include "arm/armclient.h"
#include "cli/commands.h"
#include "cli/submitflow.h"
#include "vm/vmexport.h"
#include "vm/vmlivecheck.h"
#include "vm/vmsubmitter.h"
#include "vm/vmvalidation.h"

#include <QTextStream>

namespace cmkapp {

namespace {

class CreateVmText {
    Q_DECLARE_TR_FUNCTIONS(createvm)
};

/// Where the admin password comes from when the draft file does not hold it.
const char kPasswordVariable[] = "CMKWIZARD_VM_ADMIN_PASSWORD";

void printVmReasons(QTextStream &err, const QStringList &reasons) {
    printReasons(err, CreateVmText::tr("The VM draft cannot be submitted:"), reasons);
}

} // namespace

int runCreateVm(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CreateVmText::tr("Creates the virtual machine a VM draft describes (format in docs/create-vm.md): a "
                         "new virtual network when "
                         "asked, a network interface, then the VM from a gallery image version, with a disk "
                         "encryption set on each "
                         "disk. The draft is checked against Azure first. The admin password may come from "
                         "the environment "
                         "variable %1 instead of the file.")
            .arg(QLatin1String(kPasswordVariable)));
    const QCommandLineOption draftOption(
        QStringLiteral("draft"), CreateVmText::tr("The VM draft file to submit."), QStringLiteral("FILE"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"),
        CreateVmText::tr(
            "Check the draft on its own and print the PUT URLs and bodies; send nothing at all."));
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        CreateVmText::tr("Print the equivalent commands instead: az or powershell."),
        QStringLiteral("FORMAT"));
    parser.addOption(draftOption);
    parser.addOption(dryRunOption);
    parser.addOption(exportOption);

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &parsed) -> int {
        QTextStream out(stdout);
        QTextStream err(stderr);
        if (!parsed.isSet(draftOption)) {
            err << CreateVmText::tr("Missing --draft FILE.") << Qt::endl;
            return ExitInvalidInput;
        }
        cmk::ExportFormat format = cmk::ExportFormat::AzureCli;
        if (parsed.isSet(exportOption) &&
            (!cmk::exportFormatFromKey(parsed.value(exportOption), &format) ||
             (format != cmk::ExportFormat::AzureCli && format != cmk::ExportFormat::PowerShell))) {
            err << CreateVmText::tr("--export takes az or powershell, not “%1”.")
                       .arg(parsed.value(exportOption))
                << Qt::endl;
            return ExitInvalidInput;
        }
        cmk::VmDraft draft;
        QString why;
        if (!cmk::VmDraft::load(parsed.value(draftOption), &draft, &why)) {
            err << why << Qt::endl;
            return ExitInvalidInput;
        }
        if (draft.adminPassword.isEmpty())
            draft.adminPassword = qEnvironmentVariable(kPasswordVariable);
        draft.normalizeDisks();

        const QStringList offline = cmk::VmValidation::offlineErrors(draft);
        if (!offline.isEmpty()) {
            printVmReasons(err, offline);
            return ExitInvalidInput;
        }
        if (parsed.isSet(exportOption)) {
            const cmk::ExportResult result = cmk::VmExporter::exportDraft(draft, format);
            out << result.text;
            for (const QString &note : result.notes)
                err << note << Qt::endl;
            return ExitOk;
        }
        const cmk::VmRequestPlan plan = cmk::VmRequests::build(draft, context.armClient());
        if (!plan.ok()) {
            printVmReasons(err, {plan.error.message});
            return ExitInvalidInput;
        }
        if (parsed.isSet(dryRunOption)) {
            bool first = true;
            for (const cmk::VmPutRequest &request : plan.requests) {
                if (!first)
                    out << Qt::endl;
                first = false;
                out << "PUT " << request.url.toString(QUrl::FullyEncoded) << Qt::endl
                    << Qt::endl
                    << request.bodyText() << Qt::endl;
            }
            return ExitOk;
        }

        cmk::VmLiveCheck check(context.armClient());
        if (const std::optional<int> failure = liveCheckFailure(
                check, draft, err, CreateVmText::tr("Could not check the VM draft against Azure: %1"),
                CreateVmText::tr("The VM draft cannot be submitted:")))
            return *failure;

        cmk::VmSubmitter submitter(context.armClient());
        ProgressLines progress(err, [&] {
            const QString line = submitter.stageText();
            if (submitter.operationStatus().isEmpty() || !submitter.isRunning())
                return line;
            //: Progress line: %1 the step, %2 the status Azure reports (InProgress, Succeeded...)
            return CreateVmText::tr("%1 [%2]").arg(line, submitter.operationStatus());
        });
        const auto report = [&progress] { progress.update(); };
        QObject::connect(&submitter, &cmk::VmSubmitter::stepStarted, report);
        QObject::connect(&submitter, &cmk::VmSubmitter::operationStatusChanged, report);
        if (!runSubmission(submitter, [&] { submitter.submit(check.draft()); })) {
            err << submitter.stageText() << Qt::endl;
            return exitCodeForArmError(submitter.error());
        }
        out << submitter.resourceId() << Qt::endl;
        return ExitOk;
    });
}

} // namespace cmkapp
