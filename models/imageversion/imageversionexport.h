#pragma once

// Exports an image-version draft as the exact equivalent of the PUT the wizard sends (see
// buildImageVersionRequest()): an `az sig image-version create` command, a PowerShell
// `New-AzGalleryImageVersion` script, an ARM deployment template or a Bicep file. Every value is quoted for
// its language (draft/commandline.h for az and PowerShell), so names and tags with quotes, spaces or expressions come out as data, never as code.

#include "arm/resources.h"
#include "imageversion/imageversiondraft.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cmk {

enum class ExportFormat { AzureCli, PowerShell, ArmTemplate, Bicep };

/// "az", "powershell", "arm", "bicep".
QString exportFormatKey(ExportFormat format);
bool exportFormatFromKey(const QString &key, ExportFormat *format);
QList<ExportFormat> exportFormats();
/// Translated name for buttons and menus ("Azure CLI", "PowerShell", "ARM template", "Bicep").
QString exportFormatDisplayName(ExportFormat format);
/// Usual file name suffix (".sh", ".ps1", ".json", ".bicep").
QString exportFormatSuffix(ExportFormat format);

struct ExportResult {
    QString text;
    /// Translated notes on what the format cannot say exactly (empty when the export is exact).
    QStringList notes;
};

class ImageVersionExporter {
    Q_DECLARE_TR_FUNCTIONS(ImageVersionExporter)
public:
    /// The ARM api-version written into templates (GalleryRP).
    static QString apiVersion();

    static ExportResult exportDraft(const ImageVersionDraft &draft, ExportFormat format);
    static ExportResult azureCli(const ImageVersionDraft &draft);
    static ExportResult powerShell(const ImageVersionDraft &draft);
    static ExportResult armTemplate(const ImageVersionDraft &draft);
    static ExportResult bicep(const ImageVersionDraft &draft);

    /// A Bicep single-quoted string (\\, \', \${, control characters escaped).
    static QString bicepQuote(const QString &value);
    /// An ARM template string value: a leading '[' is doubled so it is not read as an expression.
    static QString armLiteral(const QString &value);
};

/// Turns an existing image version (as GET returns it) into a draft, so review mode can export it.
/// `desEncryptionTypes` maps DES ids (lower case) to their encryptionType, to choose the draft's mode;
/// `notes` receives what the draft cannot hold.
ImageVersionDraft draftFromImageVersion(const GalleryImageVersion &version,
                                        const QMap<QString, QString> &desEncryptionTypes = {},
                                        QStringList *notes = nullptr);

} // namespace cmk
