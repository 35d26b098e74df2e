#pragma once

// Reads a pasted `az sig image-version create ...` command into a draft, the way the Azure CLI reads it:
// line continuations (\ for bash, ` for PowerShell, ^ for cmd), single and double quotes, --opt=value and
// --opt value, multi-value options, DES names completed into IDs with the image's resource group, `null`
// for "no DES on the OS disk". What the CLI would reject is rejected with the CLI's own reason; what the CLI
// would silently drop or change is reported as a warning.

#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace cmk {

struct AzImportOptions {
    /// Subscription used when the command has no --subscription (the CLI would use the signed-in default).
    QString defaultSubscriptionId;
};

struct AzImportResult {
    bool ok = false;
    ImageVersionDraft draft; ///< valid when ok
    /// When the Azure CLI itself would stop: its message, word for word as it prints it (not translated).
    QString cliMessage;
    /// Translated reason for rejecting the command (includes cliMessage when there is one).
    QString error;
    /// Translated: what the CLI would drop or change without saying so, and what looks wrong.
    QStringList warnings;
    /// Translated: assumptions the import made (default values the CLI or Azure would choose).
    QStringList notes;
};

class AzCommandImporter {
    Q_DECLARE_TR_FUNCTIONS(AzCommandImporter)
public:
    static AzImportResult importCommand(const QString &command, const AzImportOptions &options = {});

    /// Splits pasted shell text into words (bash rules, plus ` and ^ line continuations). Fails on shell
    /// syntax that needs a shell to run (variables, substitutions, pipes, several commands).
    static bool splitWords(const QString &text, QStringList *words, QString *error);

    /// Known Azure region names (lower case), longest first; used to spot DES names that name another
    /// region.
    static const QStringList &knownRegionNames();
    /// The region a resource name mentions (e.g. "EastUS2DiskEncryptionSet1" -> "eastus2"), empty if none.
    static QString regionMentionedIn(const QString &name);
};

} // namespace cmk
