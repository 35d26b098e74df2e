#include "imageversion/imageversionexport.h"

#include "arm/armpaths.h"
#include "draft/commandline.h"
#include "imageversion/imageversionsubmitter.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>

namespace cmk {

namespace {

struct ExportFormatInfo {
    ExportFormat format;
    const char *key;
    const char *displayName;
    const char *suffix;
};

const ExportFormatInfo kExportFormats[] = {
    {ExportFormat::AzureCli, "az", QT_TRANSLATE_NOOP("ImageVersionExporter", "Azure CLI"), ".sh"},
    {ExportFormat::PowerShell, "powershell", QT_TRANSLATE_NOOP("ImageVersionExporter", "PowerShell"), ".ps1"},
    {ExportFormat::ArmTemplate, "arm", QT_TRANSLATE_NOOP("ImageVersionExporter", "ARM template"), ".json"},
    {ExportFormat::Bicep, "bicep", QT_TRANSLATE_NOOP("ImageVersionExporter", "Bicep"), ".bicep"},
};

const ExportFormatInfo &exportInfoOf(ExportFormat format) {
    for (const ExportFormatInfo &info : kExportFormats) {
        if (info.format == format)
            return info;
    }
    return kExportFormats[0];
}

/// The end-of-life date exactly as the PUT body carries it (same formatting as the submitter).
QString exportEndOfLifeText(const ImageVersionDraft &draft) {
    return toGalleryImageVersion(draft).endOfLifeDate;
}

QString exportStorageType(const QString &type) {
    for (const QString &known : storageAccountTypes()) {
        if (known.compare(type, Qt::CaseInsensitive) == 0)
            return known;
    }
    return type;
}

QList<DataDiskSnapshot> exportSortedSnapshots(const ImageVersionDraft &draft) {
    QList<DataDiskSnapshot> disks = draft.dataDiskSnapshots;
    std::sort(disks.begin(), disks.end(),
              [](const DataDiskSnapshot &a, const DataDiskSnapshot &b) { return a.lun < b.lun; });
    return disks;
}

bool exportIsBicepIdentifier(const QString &key) {
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return identifier.match(key).hasMatch();
}

void exportAppendBicep(QString &out, const nlohmann::json &value, int indent) {
    const QString pad(qsizetype(indent) * 2, QLatin1Char(' '));
    const QString innerPad(qsizetype(indent + 1) * 2, QLatin1Char(' '));
    if (value.is_object()) {
        if (value.empty()) {
            out += QStringLiteral("{}");
            return;
        }
        out += QStringLiteral("{\n");
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            out += innerPad + (exportIsBicepIdentifier(key) ? key : ImageVersionExporter::bicepQuote(key)) +
                   QStringLiteral(": ");
            exportAppendBicep(out, it.value(), indent + 1);
            out += QLatin1Char('\n');
        }
        out += pad + QLatin1Char('}');
    } else if (value.is_array()) {
        if (value.empty()) {
            out += QStringLiteral("[]");
            return;
        }
        out += QStringLiteral("[\n");
        for (const nlohmann::json &item : value) {
            out += innerPad;
            exportAppendBicep(out, item, indent + 1);
            out += QLatin1Char('\n');
        }
        out += pad + QLatin1Char(']');
    } else if (value.is_string()) {
        out += ImageVersionExporter::bicepQuote(QString::fromStdString(value.get<std::string>()));
    } else if (value.is_null()) {
        out += QStringLiteral("null");
    } else {
        out += QString::fromStdString(value.dump());
    }
}

/// Doubles a leading '[' in every string, so ARM reads each as a literal.
nlohmann::ordered_json exportArmLiterals(const nlohmann::ordered_json &value) {
    if (value.is_string())
        return ImageVersionExporter::armLiteral(QString::fromStdString(value.get<std::string>()))
            .toStdString();
    if (value.is_object()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (auto it = value.begin(); it != value.end(); ++it)
            out[ImageVersionExporter::armLiteral(QString::fromStdString(it.key())).toStdString()] =
                exportArmLiterals(it.value());
        return out;
    }
    if (value.is_array()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto &item : value)
            out.push_back(exportArmLiterals(item));
        return out;
    }
    return value;
}

/// The PUT body's "properties" (and tags), in the order a reader expects them.
nlohmann::ordered_json exportOrderedProperties(const ImageVersionDraft &draft) {
    const nlohmann::json body = toGalleryImageVersion(draft);
    nlohmann::ordered_json properties = nlohmann::ordered_json::object();
    const nlohmann::json source = body.value("properties", nlohmann::json::object());
    for (const char *key : {"publishingProfile", "storageProfile", "safetyProfile"}) {
        if (source.contains(key))
            properties[key] = nlohmann::ordered_json::parse(source[key].dump());
    }
    return properties;
}

/// --target-region-cvm-encryption, one "<type>,<secure DES>" per target region as the CLI reads it.
void exportAzCvmEncryption(const ImageVersionDraft &draft, BashCommand &command, QStringList &notes) {
    if (!draft.hasConfidentialVmEncryption())
        return;
    QStringList values;
    for (const RegionDraft &region : draft.targetRegions) {
        if (region.confidentialVmEncryptionType.isEmpty()) {
            notes << ImageVersionExporter::tr("Region %1 has no confidential VM encryption type, but "
                                              "--target-region-cvm-encryption needs one for every target "
                                              "region; the command leaves the option out.")
                         .arg(region.name);
            return;
        }
        values << QStringLiteral("%1,%2").arg(region.confidentialVmEncryptionType, region.secureVmDesId);
    }
    command.option(QStringLiteral("--target-region-cvm-encryption"), values);
}

/// The Encryption hashtable of one target region, in the keys New-AzGalleryImageVersion reads: OSDiskImage
/// takes CVMEncryptionType and CVMDiskEncryptionSetID; REST-shaped keys (securityProfile,
/// confidentialVMEncryptionType) are silently ignored by the cmdlet (Azure/azure-powershell#28657).
QString exportPowerShellEncryption(const ImageVersionDraft &draft, const RegionDraft &region) {
    const auto q = &powerShellQuote;
    const bool customerKey = usesCustomerKey(draft.encryption);
    if (!customerKey && region.confidentialVmEncryptionType.isEmpty() && region.secureVmDesId.isEmpty())
        return {};
    QStringList osKeys;
    if (customerKey)
        osKeys << QStringLiteral("DiskEncryptionSetId = %1").arg(q(draft.desFor(region, -1)));
    if (!region.confidentialVmEncryptionType.isEmpty())
        osKeys << QStringLiteral("CVMEncryptionType = %1").arg(q(region.confidentialVmEncryptionType));
    if (!region.secureVmDesId.isEmpty())
        osKeys << QStringLiteral("CVMDiskEncryptionSetID = %1").arg(q(region.secureVmDesId));
    QString out = QStringLiteral("        Encryption = @{\n");
    out += QStringLiteral("            OSDiskImage = @{ %1 }\n").arg(osKeys.join(QStringLiteral("; ")));
    const QList<int> luns = draft.dataDiskLuns();
    if (customerKey && !luns.isEmpty()) {
        out += QStringLiteral("            DataDiskImages = @(\n");
        for (int lun : luns) {
            out += QStringLiteral("                @{ Lun = %1; DiskEncryptionSetId = %2 }\n")
                       .arg(lun)
                       .arg(q(draft.desFor(region, lun)));
        }
        out += QStringLiteral("            )\n");
    }
    out += QStringLiteral("        }\n");
    return out;
}

QString exportVersionResourceName(const ImageVersionDraft &draft) {
    return QStringLiteral("%1/%2/%3").arg(draft.galleryName, draft.imageDefinitionName, draft.versionName);
}

} // namespace

QString exportFormatKey(ExportFormat format) {
    return QString::fromLatin1(exportInfoOf(format).key);
}

bool exportFormatFromKey(const QString &key, ExportFormat *format) {
    for (const ExportFormatInfo &info : kExportFormats) {
        if (key.compare(QLatin1String(info.key), Qt::CaseInsensitive) == 0) {
            *format = info.format;
            return true;
        }
    }
    return false;
}

QList<ExportFormat> exportFormats() {
    return {ExportFormat::AzureCli, ExportFormat::PowerShell, ExportFormat::ArmTemplate, ExportFormat::Bicep};
}

QString exportFormatDisplayName(ExportFormat format) {
    return ImageVersionExporter::tr(exportInfoOf(format).displayName);
}

QString exportFormatSuffix(ExportFormat format) {
    return QString::fromLatin1(exportInfoOf(format).suffix);
}

QString ImageVersionExporter::apiVersion() {
    return QString::fromLatin1(ApiVersions::Galleries);
}

QString ImageVersionExporter::bicepQuote(const QString &value) {
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('\'');
    for (int i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        switch (c.unicode()) {
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\'':
            out += QStringLiteral("\\'");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '$':
            // "${" opens an interpolation; an escaped '$' keeps it text.
            if (i + 1 < value.size() && value.at(i + 1) == QLatin1Char('{'))
                out += QStringLiteral("\\$");
            else
                out += c;
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u{%1}").arg(c.unicode(), 0, 16);
            else
                out += c;
        }
    }
    out += QLatin1Char('\'');
    return out;
}

QString ImageVersionExporter::armLiteral(const QString &value) {
    if (value.startsWith(QLatin1Char('[')))
        return QLatin1Char('[') + value;
    return value;
}

ExportResult ImageVersionExporter::exportDraft(const ImageVersionDraft &draft, ExportFormat format) {
    switch (format) {
    case ExportFormat::AzureCli:
        return azureCli(draft);
    case ExportFormat::PowerShell:
        return powerShell(draft);
    case ExportFormat::ArmTemplate:
        return armTemplate(draft);
    case ExportFormat::Bicep:
        return bicep(draft);
    }
    return {};
}

ExportResult ImageVersionExporter::azureCli(const ImageVersionDraft &draft) {
    ExportResult result;
    BashCommand command(QStringLiteral("az sig image-version create"));
    if (!draft.subscriptionId.isEmpty())
        command.option(QStringLiteral("--subscription"), draft.subscriptionId);
    command.option(QStringLiteral("--resource-group"), draft.resourceGroup);
    command.option(QStringLiteral("--gallery-name"), draft.galleryName);
    command.option(QStringLiteral("--gallery-image-definition"), draft.imageDefinitionName);
    command.option(QStringLiteral("--gallery-image-version"), draft.versionName);
    if (!draft.location.isEmpty())
        command.option(QStringLiteral("--location"), draft.location);

    switch (draft.sourceKind) {
    case SourceKind::ManagedImage:
        command.option(QStringLiteral("--managed-image"), draft.sourceId);
        break;
    case SourceKind::VirtualMachine:
        command.option(QStringLiteral("--virtual-machine"), draft.sourceId);
        break;
    case SourceKind::ImageVersion:
        command.option(QStringLiteral("--image-version"), draft.sourceId);
        break;
    case SourceKind::Snapshots: {
        command.option(QStringLiteral("--os-snapshot"), draft.sourceId);
        const QList<DataDiskSnapshot> disks = exportSortedSnapshots(draft);
        if (!disks.isEmpty()) {
            QStringList snapshots, luns;
            for (const DataDiskSnapshot &disk : disks) {
                snapshots << disk.snapshotId;
                luns << QString::number(disk.lun);
            }
            command.option(QStringLiteral("--data-snapshots"), snapshots);
            command.option(QStringLiteral("--data-snapshot-luns"), luns);
        }
        break;
    }
    }

    const QList<int> luns = draft.dataDiskLuns();
    if (!draft.targetRegions.isEmpty()) {
        QStringList regions;
        QStringList encryption;
        for (const RegionDraft &region : draft.targetRegions) {
            if (region.name.contains(QLatin1Char('=')) || region.name.contains(QLatin1Char(' ')))
                result.notes
                    << tr("The region name “%1” cannot be written in --target-regions.").arg(region.name);
            // The CLI accepts the storage type of name=count=type only in lower case.
            regions << QStringLiteral("%1=%2=%3")
                           .arg(region.name)
                           .arg(region.replicaCount)
                           .arg(exportStorageType(region.storageAccountType).toLower());
            if (!usesCustomerKey(draft.encryption))
                continue;
            QStringList terms;
            const QString os = draft.desFor(region, -1);
            terms << (os.isEmpty() ? QStringLiteral("null") : os);
            for (int lun : luns) {
                const QString des = draft.desFor(region, lun);
                if (des.isEmpty()) {
                    result.notes << tr("The data disk at LUN %1 has no disk encryption set in region %2; the "
                                       "command leaves it out of --target-region-encryption.")
                                        .arg(lun)
                                        .arg(region.name);
                    continue;
                }
                terms << QString::number(lun) << des;
            }
            for (const QString &term : std::as_const(terms)) {
                if (term.contains(QLatin1Char(',')))
                    result.notes << tr("The disk encryption set “%1” contains a comma, which "
                                       "--target-region-encryption cannot carry.")
                                        .arg(term);
            }
            encryption << terms.join(QLatin1Char(','));
        }
        command.option(QStringLiteral("--target-regions"), regions);
        if (!encryption.isEmpty())
            command.option(QStringLiteral("--target-region-encryption"), encryption);
        exportAzCvmEncryption(draft, command, result.notes);
    }
    command.option(QStringLiteral("--replica-count"), QString::number(draft.defaultReplicaCount));
    command.option(QStringLiteral("--storage-account-type"),
                   exportStorageType(draft.defaultStorageAccountType));
    if (draft.endOfLifeDate.isValid())
        command.option(QStringLiteral("--end-of-life-date"), exportEndOfLifeText(draft));
    if (draft.excludeFromLatest)
        command.option(QStringLiteral("--exclude-from-latest"), QStringLiteral("true"));
    if (!draft.tags.isEmpty()) {
        QStringList tags;
        for (const TagDraft &tag : draft.tags) {
            if (tag.name.contains(QLatin1Char('=')) || tag.name.startsWith(QLatin1Char('-')))
                result.notes << tr("The tag name “%1” cannot be written in --tags.").arg(tag.name);
            tags << QStringLiteral("%1=%2").arg(tag.name, tag.value);
        }
        command.option(QStringLiteral("--tags"), tags);
    }
    result.text = command.text();
    return result;
}

ExportResult ImageVersionExporter::powerShell(const ImageVersionDraft &draft) {
    ExportResult result;
    const auto q = &powerShellQuote;
    QString out;
    if (!draft.subscriptionId.isEmpty())
        out += QStringLiteral("Set-AzContext -Subscription %1 | Out-Null\n\n").arg(q(draft.subscriptionId));

    out += QStringLiteral("$targetRegions = @(\n");
    for (const RegionDraft &region : draft.targetRegions) {
        out += QStringLiteral("    @{\n");
        out += QStringLiteral("        Name = %1\n").arg(q(region.name));
        out += QStringLiteral("        ReplicaCount = %1\n").arg(region.replicaCount);
        out += QStringLiteral("        StorageAccountType = %1\n")
                   .arg(q(exportStorageType(region.storageAccountType)));
        out += exportPowerShellEncryption(draft, region);
        out += QStringLiteral("    }\n");
    }
    out += QStringLiteral(")\n\n");

    QStringList lines;
    lines << QStringLiteral("New-AzGalleryImageVersion");
    const auto param = [&lines](const QString &name, const QString &value) {
        lines << QStringLiteral("    -%1 %2").arg(name, value);
    };
    param(QStringLiteral("ResourceGroupName"), q(draft.resourceGroup));
    param(QStringLiteral("GalleryName"), q(draft.galleryName));
    param(QStringLiteral("GalleryImageDefinitionName"), q(draft.imageDefinitionName));
    param(QStringLiteral("Name"), q(draft.versionName));
    param(QStringLiteral("Location"), q(draft.location));
    switch (draft.sourceKind) {
    case SourceKind::ManagedImage:
    case SourceKind::ImageVersion:
        param(QStringLiteral("SourceImageId"), q(draft.sourceId));
        break;
    case SourceKind::VirtualMachine:
        param(QStringLiteral("SourceImageVMId"), q(draft.sourceId));
        break;
    case SourceKind::Snapshots: {
        param(QStringLiteral("OSDiskImage"),
              QStringLiteral("@{ Source = @{ Id = %1 } }").arg(q(draft.sourceId)));
        const QList<DataDiskSnapshot> disks = exportSortedSnapshots(draft);
        if (!disks.isEmpty()) {
            QStringList items;
            for (const DataDiskSnapshot &disk : disks)
                items << QStringLiteral("@{ Source = @{ Id = %1 }; Lun = %2 }")
                             .arg(q(disk.snapshotId))
                             .arg(disk.lun);
            param(QStringLiteral("DataDiskImage"),
                  QStringLiteral("@(%1)").arg(items.join(QStringLiteral(", "))));
        }
        break;
    }
    }
    param(QStringLiteral("ReplicaCount"), QString::number(draft.defaultReplicaCount));
    param(QStringLiteral("StorageAccountType"), q(exportStorageType(draft.defaultStorageAccountType)));
    if (draft.endOfLifeDate.isValid())
        param(QStringLiteral("PublishingProfileEndOfLifeDate"), q(exportEndOfLifeText(draft)));
    if (draft.excludeFromLatest)
        lines << QStringLiteral("    -PublishingProfileExcludeFromLatest");
    if (!draft.tags.isEmpty()) {
        QStringList pairs;
        for (const TagDraft &tag : draft.tags)
            pairs << QStringLiteral("%1 = %2").arg(q(tag.name), q(tag.value));
        param(QStringLiteral("Tag"), QStringLiteral("@{ %1 }").arg(pairs.join(QStringLiteral("; "))));
    }
    param(QStringLiteral("TargetRegion"), QStringLiteral("$targetRegions"));
    out += lines.join(QStringLiteral(" `\n")) + QLatin1Char('\n');
    result.text = out;
    return result;
}

ExportResult ImageVersionExporter::armTemplate(const ImageVersionDraft &draft) {
    ExportResult result;
    using ojson = nlohmann::ordered_json;
    ojson resource = ojson::object();
    resource["type"] = "Microsoft.Compute/galleries/images/versions";
    resource["apiVersion"] = apiVersion().toStdString();
    resource["name"] = exportVersionResourceName(draft).toStdString();
    resource["location"] = draft.location.toStdString();
    if (!draft.tags.isEmpty()) {
        ojson tags = ojson::object();
        for (const TagDraft &tag : draft.tags)
            tags[tag.name.toStdString()] = tag.value.toStdString();
        resource["tags"] = tags;
    }
    resource["properties"] = exportOrderedProperties(draft);

    ojson document = ojson::object();
    document["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    document["contentVersion"] = "1.0.0.0";
    if (!draft.subscriptionId.isEmpty() || !draft.resourceGroup.isEmpty()) {
        document["metadata"] = {
            {"description", tr("Creates image version %1 of image definition %2 in gallery %3. Deploy it to "
                               "resource group %4 of subscription %5.")
                                .arg(draft.versionName, draft.imageDefinitionName, draft.galleryName,
                                     draft.resourceGroup, draft.subscriptionId)
                                .toStdString()}};
    }
    document["resources"] = ojson::array({exportArmLiterals(resource)});
    result.text = QString::fromStdString(document.dump(2)) + QLatin1Char('\n');
    return result;
}

ExportResult ImageVersionExporter::bicep(const ImageVersionDraft &draft) {
    ExportResult result;
    const QString api = apiVersion();
    QString out;
    out += QStringLiteral("resource gallery 'Microsoft.Compute/galleries@%1' existing = {\n").arg(api);
    out += QStringLiteral("  name: %1\n}\n\n").arg(bicepQuote(draft.galleryName));
    out += QStringLiteral("resource imageDefinition 'Microsoft.Compute/galleries/images@%1' existing = {\n")
               .arg(api);
    out += QStringLiteral("  parent: gallery\n");
    out += QStringLiteral("  name: %1\n}\n\n").arg(bicepQuote(draft.imageDefinitionName));
    out += QStringLiteral("resource imageVersion 'Microsoft.Compute/galleries/images/versions@%1' = {\n")
               .arg(api);
    out += QStringLiteral("  parent: imageDefinition\n");
    out += QStringLiteral("  name: %1\n").arg(bicepQuote(draft.versionName));
    out += QStringLiteral("  location: %1\n").arg(bicepQuote(draft.location));
    if (!draft.tags.isEmpty()) {
        nlohmann::ordered_json tags = nlohmann::ordered_json::object();
        for (const TagDraft &tag : draft.tags)
            tags[tag.name.toStdString()] = tag.value.toStdString();
        out += QStringLiteral("  tags: ");
        exportAppendBicep(out, nlohmann::json::parse(tags.dump()), 1);
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("  properties: ");
    exportAppendBicep(out, nlohmann::json::parse(exportOrderedProperties(draft).dump()), 1);
    out += QStringLiteral("\n}\n");
    result.text = out;
    return result;
}

ImageVersionDraft draftFromImageVersion(const GalleryImageVersion &version,
                                        const QMap<QString, QString> &desEncryptionTypes,
                                        QStringList *notes) {
    ImageVersionDraft d;
    if (!assignImageVersionNames(ResourceId::parse(version.id), d))
        d.versionName = version.name;
    d.location = normalizeRegion(version.location);

    const GalleryImageVersionStorageProfile &storage = version.storageProfile;
    QList<int> storageLuns;
    for (const GalleryDiskImage &disk : storage.dataDiskImages) {
        if (disk.lun)
            storageLuns << *disk.lun;
    }
    if (!storage.virtualMachineId.isEmpty()) {
        d.sourceKind = SourceKind::VirtualMachine;
        d.sourceId = storage.virtualMachineId;
        d.sourceDataDiskLuns = storageLuns;
    } else if (!storage.sourceId.isEmpty()) {
        const ResourceId source = ResourceId::parse(storage.sourceId);
        d.sourceKind = source.types.size() == 3 && source.types.last().compare(QLatin1String("versions"),
                                                                               Qt::CaseInsensitive) == 0
                           ? SourceKind::ImageVersion
                           : SourceKind::ManagedImage;
        d.sourceId = storage.sourceId;
        d.sourceDataDiskLuns = storageLuns;
    } else if (storage.osDiskImage) {
        d.sourceKind = SourceKind::Snapshots;
        d.sourceId = storage.osDiskImage->sourceId;
        if (d.sourceId.isEmpty() && notes)
            *notes << ImageVersionExporter::tr(
                "The OS disk of this image version comes from a VHD, which the wizard "
                "cannot use as a source.");
        for (const GalleryDiskImage &disk : storage.dataDiskImages)
            d.dataDiskSnapshots.append({disk.lun.value_or(0), disk.sourceId});
    }

    d.defaultReplicaCount = version.replicaCount.value_or(1);
    d.defaultStorageAccountType =
        version.storageAccountType.isEmpty() ? QStringLiteral("Standard_LRS") : version.storageAccountType;
    bool anyDes = false;
    bool anyDouble = false;
    const QList<int> luns = d.dataDiskLuns();
    for (const TargetRegion &target : version.targetRegions) {
        RegionDraft region;
        region.name = normalizeRegion(target.name);
        region.replicaCount = target.regionalReplicaCount.value_or(d.defaultReplicaCount);
        region.storageAccountType =
            target.storageAccountType.isEmpty() ? d.defaultStorageAccountType : target.storageAccountType;
        if (target.excludeFromLatest.value_or(false) && notes)
            *notes << ImageVersionExporter::tr(
                          "Region %1 is excluded from “latest” on its own; the draft cannot "
                          "keep that per-region setting.")
                          .arg(target.name);
        if (target.encryption) {
            if (const auto &os = target.encryption->osDiskImage) {
                region.osDiskDesId = os->diskEncryptionSetId;
                region.confidentialVmEncryptionType = os->confidentialVmEncryptionType;
                region.secureVmDesId = os->secureVmDiskEncryptionSetId;
            }
            for (const DataDiskImageEncryption &data : target.encryption->dataDiskImages)
                region.dataDiskDesIds.insert(data.lun, data.diskEncryptionSetId);
        }
        QStringList used;
        if (!region.osDiskDesId.isEmpty())
            used << region.osDiskDesId;
        used << region.dataDiskDesIds.values();
        for (const QString &des : std::as_const(used)) {
            if (des.isEmpty())
                continue;
            anyDes = true;
            if (desEncryptionTypes.value(des.toLower()) ==
                desEncryptionTypeFor(EncryptionMode::PlatformAndCustomerKeys))
                anyDouble = true;
        }
        bool same = true;
        for (int lun : luns) {
            if (region.dataDiskDesIds.value(lun) != region.osDiskDesId)
                same = false;
        }
        for (auto it = region.dataDiskDesIds.cbegin(); it != region.dataDiskDesIds.cend(); ++it) {
            if (!luns.contains(it.key()))
                same = false;
        }
        region.sameDesForAllDisks = same;
        d.targetRegions.append(region);
    }
    d.encryption = !anyDes
                       ? EncryptionMode::PlatformKey
                       : (anyDouble ? EncryptionMode::PlatformAndCustomerKeys : EncryptionMode::CustomerKey);
    d.placeLocationFirst();
    if (!version.endOfLifeDate.isEmpty())
        d.endOfLifeDate = QDate::fromString(version.endOfLifeDate.left(10), Qt::ISODate);
    d.excludeFromLatest = version.excludeFromLatest.value_or(false);
    for (auto it = version.tags.cbegin(); it != version.tags.cend(); ++it)
        d.tags.append({it.key(), it.value()});
    return d;
}

} // namespace cmk
