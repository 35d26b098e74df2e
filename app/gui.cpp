#include "commands.h"

#include <QApplication>
#include <QLabel>

namespace cmkapp {

// Placeholder until the wizard lands (issue 3).
int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("cmkwizard"));
    label.show();
    return app.exec();
}

} // namespace cmkapp
