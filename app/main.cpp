#include "cli/commands.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace cmkapp;

namespace {

// Global options that take a value: their value is not the subcommand name.
bool takesValue(const QString &arg) {
    static const QStringList withValue = {QStringLiteral("--arm-endpoint"), QStringLiteral("--authority"),
                                          QStringLiteral("--tenant"),       QStringLiteral("--client-id"),
                                          QStringLiteral("--lang"),         QStringLiteral("--draft"),
                                          QStringLiteral("--screenshots"),  QStringLiteral("--cloud")};
    return withValue.contains(arg);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard"));
    QCoreApplication::setApplicationName(QStringLiteral("cmkwizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CMK_VERSION));

    // The first bare word names the subcommand; no subcommand opens the GUI.
    int commandIndex = -1;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--"))
            break;
        // `--review [ID]` is review mode, a GUI: no word after it names a subcommand (the GUI refuses the
        // words beyond the ID).
        if (arg == QLatin1String("--review"))
            break;
        if (arg.startsWith(QLatin1Char('-'))) {
            if (!arg.contains(QLatin1Char('=')) && takesValue(arg))
                ++i;
            continue;
        }
        commandIndex = i;
        break;
    }
    if (commandIndex < 0)
        return runGui(argc, argv);

    QCoreApplication app(argc, argv);
    // Before any parser is built: option descriptions and errors are translated as they are created.
    installTranslations(languageFromArguments(app.arguments()));
    QStringList arguments = app.arguments();
    const QString name = arguments.takeAt(commandIndex);
    arguments[0] = arguments[0] + QLatin1Char(' ') + name;
    for (const Subcommand &command : subcommands()) {
        if (name == QLatin1String(command.name))
            return command.run(arguments);
    }
    QTextStream err(stderr);
    err << QCoreApplication::translate("main", "Unknown command: %1").arg(name) << Qt::endl;
    err << QCoreApplication::translate("main", "Commands:") << Qt::endl;
    for (const Subcommand &command : subcommands())
        err << "  " << command.name << "  " << QCoreApplication::translate("main", command.summary)
            << Qt::endl;
    return ExitInvalidInput;
}
