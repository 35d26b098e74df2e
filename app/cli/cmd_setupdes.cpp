// cmkwizard setup-des: a Disk Encryption Set from nothing (key vault with purge protection, key, set with a
// system-assigned identity, the grant of its key, the health check), as the GUI's set-up dialog does it.
// Running it again after a failure goes on where it stopped.

#include "arm/armclient.h"
#include "cli/commands.h"
#include "keyvault/dessetup.h"

#include <QCoreApplication>
#include <QTextStream>

namespace cmkapp {

namespace {

class SetupDesCommandText {
    Q_DECLARE_TR_FUNCTIONS(SetupDesCommandText)
};

struct SetupDesOptions {
    QCommandLineOption subscription{QStringLiteral("subscription"),
                                    SetupDesCommandText::tr("Subscription ID."), QStringLiteral("ID")};
    QCommandLineOption group{
        QStringLiteral("resource-group"),
        SetupDesCommandText::tr("Resource group of the new key vault and set (it must exist)."),
        QStringLiteral("GROUP")};
    QCommandLineOption location{QStringLiteral("location"),
                                SetupDesCommandText::tr("Region of the set and its vault."),
                                QStringLiteral("REGION")};
    QCommandLineOption type{
        QStringLiteral("type"),
        SetupDesCommandText::tr("CMK (customer-managed key) or DOUBLE (platform and customer keys)."),
        QStringLiteral("CMK|DOUBLE")};
    QCommandLineOption vault{
        QStringLiteral("vault"),
        SetupDesCommandText::tr("Key vault name (default: derived, the same every run)."),
        QStringLiteral("NAME")};
    QCommandLineOption key{QStringLiteral("key"), SetupDesCommandText::tr("Key name (default: cmk-disks)."),
                           QStringLiteral("NAME")};
    QCommandLineOption des{QStringLiteral("des"),
                           SetupDesCommandText::tr("Disk encryption set name (default: des-REGION-TYPE)."),
                           QStringLiteral("NAME")};
    QCommandLineOption permissionModel{
        QStringLiteral("permission-model"),
        SetupDesCommandText::tr("How a new vault authorizes key use: rbac (default) or access-policy."),
        QStringLiteral("rbac|access-policy"), QStringLiteral("rbac")};
    QCommandLineOption autoRotation{
        QStringLiteral("auto-rotation"),
        SetupDesCommandText::tr("Let the set follow new key versions automatically.")};
    QCommandLineOption dryRun{
        QStringLiteral("dry-run"),
        SetupDesCommandText::tr("Print the steps and the equivalent az commands; send nothing.")};
    QList<QCommandLineOption> all() const {
        return {subscription, group, location, type, vault, key, des, permissionModel, autoRotation, dryRun};
    }
};

/// The set-up options from the command line; empty *problem when they can be used.
cmk::DesSetupOptions readOptions(const QCommandLineParser &parser, const SetupDesOptions &o,
                                 QString *problem) {
    cmk::DesSetupOptions options;
    options.subscriptionId = parser.value(o.subscription).trimmed();
    options.resourceGroup = parser.value(o.group).trimmed();
    options.location = parser.value(o.location).trimmed();
    options.vaultName = parser.value(o.vault).trimmed();
    options.keyName = parser.value(o.key).trimmed();
    options.desName = parser.value(o.des).trimmed();
    options.autoRotation = parser.isSet(o.autoRotation);
    const QString type = parser.value(o.type).toUpper();
    const QString model = parser.value(o.permissionModel).toLower();
    if (type == QLatin1String("DOUBLE"))
        options.encryptionType = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");
    else if (type != QLatin1String("CMK"))
        *problem =
            SetupDesCommandText::tr("--type must be CMK or DOUBLE, not “%1”.").arg(parser.value(o.type));
    if (model != QLatin1String("rbac") && model != QLatin1String("access-policy"))
        *problem = SetupDesCommandText::tr("--permission-model must be rbac or access-policy, not “%1”.")
                       .arg(parser.value(o.permissionModel));
    options.rbac = model == QLatin1String("rbac");
    options = options.withDefaults();
    if (problem->isEmpty())
        *problem = options.problem();
    return options;
}

void printCommands(QTextStream &stream, const cmk::DesSetupOptions &options) {
    stream << SetupDesCommandText::tr("Equivalent az commands:") << '\n';
    for (const QString &command : cmk::DesSetupRunner::azureCliCommands(options))
        stream << "  " << command << '\n';
}

} // namespace

int runSetupDes(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        SetupDesCommandText::tr("Creates a disk encryption set from nothing: a key vault with "
                                "purge protection, an RSA key, the set with a "
                                "system-assigned identity, the grant of get, wrap and unwrap "
                                "on the key, then its health check. What exists "
                                "already is reused, so running it again after a failure goes "
                                "on where it stopped. Exit code 0 when the set "
                                "is ready, 5 when its health check finds an error, 2 for "
                                "invalid input, 3 for an Azure error, 4 for a "
                                "sign-in problem."));
    const SetupDesOptions o;
    parser.addOptions(o.all());

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &parsed) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        QString problem;
        const cmk::DesSetupOptions options = readOptions(parsed, o, &problem);
        if (!problem.isEmpty()) {
            err << problem << Qt::endl;
            return int(ExitInvalidInput);
        }
        const QList<cmk::DesSetupStep> steps = cmk::DesSetupRunner::steps();
        if (parsed.isSet(o.dryRun)) {
            for (int i = 0; i < steps.size(); ++i)
                out << QStringLiteral("%1/%2 ").arg(i + 1).arg(steps.size())
                    << cmk::DesSetupRunner::stepTitle(steps.at(i), options) << '\n';
            printCommands(out, options);
            return int(ExitOk);
        }
        cmk::DesSetupRunner runner(context.armClient());
        const cmk::RetryPolicy policy = context.armClient()->retryPolicy();
        runner.setGrantRetry(
            cmk::GrantRetry{8, qMin(policy.baseDelayMs, policy.maxDelayMs), policy.maxDelayMs});
        QObject::connect(&runner, &cmk::DesSetupRunner::stepChanged, &runner,
                         [&](cmk::DesSetupStep step, cmk::DesSetupStepState state) {
                             err << QStringLiteral("%1/%2 ").arg(steps.indexOf(step) + 1).arg(steps.size())
                                 << cmk::DesSetupRunner::stepTitle(step, options) << ": "
                                 << cmk::DesSetupRunner::stateText(state) << Qt::endl;
                         });
        QObject::connect(&runner, &cmk::DesSetupRunner::note, &runner,
                         [&err](const QString &text) { err << "    " << text << Qt::endl; });
        runner.start(options);
        waitUntil([&runner] { return runner.isFinished(); });
        printCommands(err, options);
        if (runner.error()) {
            err << SetupDesCommandText::tr("The disk encryption set was not set up: %1")
                       .arg(runner.error().toDisplayString())
                << Qt::endl;
            return exitCodeForArmError(runner.error());
        }
        if (const cmk::DesHealth *health = runner.health(); !health || health->hasErrors()) {
            printReasons(err,
                         SetupDesCommandText::tr("The disk encryption set exists but cannot be used yet:"),
                         health ? health->errorLines() : QStringList());
            return int(ExitDesFindings);
        }
        out << options.desId() << Qt::endl;
        return int(ExitOk);
    });
}

} // namespace cmkapp
