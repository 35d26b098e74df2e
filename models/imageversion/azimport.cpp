#include "imageversion/azimport.h"

#include "arm/resources.h"
#include "imageversion/confidentialvm.h"

#include <QDateTime>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <optional>

namespace cmk {

namespace {

enum class AzArity { One, ZeroOrOne, ZeroOrMore, OneOrMore, Flag };

/// What the importer does with an option the CLI knows.
enum class AzUse {
    Keep,        ///< read into the draft
    Ignore,      ///< changes nothing in the resource (output, logging, waiting)
    NotKept,     ///< the CLI would send it; the draft cannot hold it: warning
    Unsupported, ///< a source the wizard cannot use: error
};

struct AzOptionSpec {
    const char *name;  ///< long form, with dashes
    const char *alias; ///< short form or nullptr
    AzArity arity;
    AzUse use;
    bool required;
};

// The options of `az sig image-version create` (plus the CLI's global ones), in the CLI's order.
const AzOptionSpec kAzOptions[] = {
    {"--resource-group", "-g", AzArity::One, AzUse::Keep, true},
    {"--gallery-name", "-r", AzArity::One, AzUse::Keep, true},
    {"--gallery-image-definition", "-i", AzArity::One, AzUse::Keep, true},
    {"--gallery-image-version", "-e", AzArity::One, AzUse::Keep, true},
    {"--location", "-l", AzArity::One, AzUse::Keep, false},
    {"--target-regions", nullptr, AzArity::ZeroOrMore, AzUse::Keep, false},
    {"--target-region-encryption", nullptr, AzArity::OneOrMore, AzUse::Keep, false},
    {"--replica-count", nullptr, AzArity::One, AzUse::Keep, false},
    {"--storage-account-type", nullptr, AzArity::One, AzUse::Keep, false},
    {"--end-of-life-date", nullptr, AzArity::One, AzUse::Keep, false},
    {"--exclude-from-latest", nullptr, AzArity::ZeroOrOne, AzUse::Keep, false},
    {"--tags", nullptr, AzArity::ZeroOrMore, AzUse::Keep, false},
    {"--managed-image", nullptr, AzArity::One, AzUse::Keep, false},
    {"--os-snapshot", nullptr, AzArity::One, AzUse::Keep, false},
    {"--data-snapshots", nullptr, AzArity::OneOrMore, AzUse::Keep, false},
    {"--data-snapshot-luns", nullptr, AzArity::OneOrMore, AzUse::Keep, false},
    {"--virtual-machine", nullptr, AzArity::One, AzUse::Keep, false},
    {"--image-version", nullptr, AzArity::One, AzUse::Keep, false},
    {"--os-vhd-uri", nullptr, AzArity::One, AzUse::Unsupported, false},
    {"--os-vhd-storage-account", nullptr, AzArity::One, AzUse::Unsupported, false},
    {"--data-vhds-uris", nullptr, AzArity::OneOrMore, AzUse::Unsupported, false},
    {"--data-vhds-luns", nullptr, AzArity::OneOrMore, AzUse::Unsupported, false},
    {"--data-vhds-storage-accounts", "--data-vhds-sa", AzArity::OneOrMore, AzUse::Unsupported, false},
    {"--target-region-cvm-encryption", nullptr, AzArity::OneOrMore, AzUse::Keep, false},
    {"--target-edge-zones", nullptr, AzArity::ZeroOrMore, AzUse::NotKept, false},
    {"--target-edge-zone-encryption", nullptr, AzArity::OneOrMore, AzUse::NotKept, false},
    {"--replication-mode", nullptr, AzArity::One, AzUse::NotKept, false},
    {"--allow-replicated-location-deletion", nullptr, AzArity::ZeroOrOne, AzUse::NotKept, false},
    {"--block-deletion-before-end-of-life", nullptr, AzArity::ZeroOrOne, AzUse::NotKept, false},
    {"--subscription", nullptr, AzArity::One, AzUse::Keep, false},
    {"--no-wait", nullptr, AzArity::Flag, AzUse::Ignore, false},
    {"--output", "-o", AzArity::One, AzUse::Ignore, false},
    {"--query", nullptr, AzArity::One, AzUse::Ignore, false},
    {"--only-show-errors", nullptr, AzArity::Flag, AzUse::Ignore, false},
    {"--debug", nullptr, AzArity::Flag, AzUse::Ignore, false},
    {"--verbose", nullptr, AzArity::Flag, AzUse::Ignore, false},
};

const AzOptionSpec *azFindOption(const QString &word) {
    for (const AzOptionSpec &spec : kAzOptions) {
        if (word == QLatin1String(spec.name) || (spec.alias && word == QLatin1String(spec.alias)))
            return &spec;
    }
    return nullptr;
}

/// "--resource-group/-g", as argparse names an argument in its messages.
QString azArgName(const AzOptionSpec &spec) {
    QString name = QString::fromLatin1(spec.name);
    if (spec.alias)
        name += QLatin1Char('/') + QString::fromLatin1(spec.alias);
    return name;
}

/// argparse reads a word starting with '-' as an option unless it is a negative number.
bool azLooksLikeOption(const QString &word) {
    static const QRegularExpression negativeNumber(QStringLiteral("^-\\d+$|^-\\d*\\.\\d+$"));
    return word.startsWith(QLatin1Char('-')) && word.size() > 1 && !negativeNumber.match(word).hasMatch();
}

bool azIsNameStart(QChar c) {
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('{') || c == QLatin1Char('(') ||
           c.isDigit() || c == QLatin1Char('@') || c == QLatin1Char('*') || c == QLatin1Char('#') ||
           c == QLatin1Char('?') || c == QLatin1Char('$') || c == QLatin1Char('!');
}

/// Python's int(): optional sign, digits, surrounding blanks.
std::optional<long long> azPythonInt(const QString &text) {
    static const QRegularExpression integer(QStringLiteral("^\\s*[+-]?\\d+\\s*$"));
    if (!integer.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const long long value = text.trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString azStorageType(const QString &type) {
    for (const QString &known : storageAccountTypes()) {
        if (known.compare(type, Qt::CaseInsensitive) == 0)
            return known;
    }
    return {};
}

bool azIsResourceId(const QString &value) {
    return ResourceId::parse(value).valid;
}

bool azLooksLikePlaceholder(const QString &value) {
    return value.contains(QLatin1Char('<')) && value.contains(QLatin1Char('>'));
}

struct AzParsed {
    QMap<QString, QStringList> values; ///< by long option name
    QStringList order;                 ///< long names in the order first seen
    bool has(const char *name) const { return values.contains(QLatin1String(name)); }
    QStringList list(const char *name) const { return values.value(QLatin1String(name)); }
    QString one(const char *name) const {
        const QStringList v = list(name);
        return v.isEmpty() ? QString() : v.first();
    }
};

/// Python's str.split(separator, 2): at most three parts, the last keeps any further separator.
QStringList azSplitInThree(const QString &text, QChar separator) {
    const int first = text.indexOf(separator);
    const int second = first < 0 ? -1 : text.indexOf(separator, first + 1);
    if (first < 0)
        return {text};
    if (second < 0)
        return {text.left(first), text.mid(first + 1)};
    return {text.left(first), text.mid(first + 1, second - first - 1), text.mid(second + 1)};
}

class AzImporter {
public:
    AzImporter(const AzImportOptions &options, AzImportResult &result)
        : m_options(options)
        , r(result) {}

    bool run(const QStringList &words);

private:
    bool cliReject(const QString &cliMessage) {
        r.cliMessage = cliMessage;
        r.error = AzCommandImporter::tr("The Azure CLI rejects this command: %1").arg(cliMessage);
        return false;
    }
    bool reject(const QString &reason) {
        r.error = reason;
        return false;
    }
    void warn(const QString &text) {
        if (!r.warnings.contains(text))
            r.warnings << text;
    }
    void note(const QString &text) {
        if (!r.notes.contains(text))
            r.notes << text;
    }
    bool parseOptions(const QStringList &words, AzParsed *parsed);
    /// A DES name or ID as the CLI completes it.
    QString desId(const QString &value) const;
    QString computeId(const QString &type, const QString &value) const;

    // The steps of run(), each one group of options, in the order the Azure CLI checks them.
    bool checkOptionUses();
    bool readNames();
    bool readTypedValues();
    bool readReplicaCount(const QStringList &values);
    bool readSnapshotLuns(const QStringList &values);
    bool readStorageAccountType(const QStringList &values);
    bool readExcludeFromLatest(const QStringList &values);
    bool readSubscription();
    bool readTargetRegions();
    bool readRegionSpec(const QString &spec, RegionDraft *region);
    bool readRegionEncryption(const QString &spec, RegionDraft &region);
    bool readCvmEncryptionCount(int regionCount);
    bool readRegionCvmEncryption(const QString &spec, RegionDraft &region);
    bool readSource();
    void readSnapshotSource(const QList<int> &encryptedLuns);
    bool readLocation();
    bool reviewEncryption();
    void reviewRegionDes(const RegionDraft &region);
    bool readEndOfLife();
    bool readTags();
    bool warnPlaceholders();

    const AzImportOptions &m_options;
    AzImportResult &r;
    AzParsed m_parsed;
    QString m_subscription;
    QString m_resourceGroup;
    QList<int> m_snapshotLuns;     ///< --data-snapshot-luns, as given
    QSet<int> m_encryptionLuns;    ///< the LUNs --target-region-encryption names
    bool m_withEncryption = false; ///< --target-region-encryption has values
    bool m_anyDes = false;         ///< some disk of some region has a disk encryption set
};

bool AzImporter::parseOptions(const QStringList &words, AzParsed *parsed) {
    QStringList unrecognized;
    for (int i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (!azLooksLikeOption(word)) {
            unrecognized << word;
            continue;
        }
        QString optionWord = word;
        std::optional<QString> inlineValue;
        const int equals = word.indexOf(QLatin1Char('='));
        if (word.startsWith(QLatin1String("--")) && equals > 0) {
            optionWord = word.left(equals);
            inlineValue = word.mid(equals + 1);
        }
        const AzOptionSpec *spec = azFindOption(optionWord);
        if (!spec) {
            unrecognized << word;
            continue;
        }
        QStringList values;
        if (inlineValue) {
            if (spec->arity == AzArity::Flag)
                return cliReject(QStringLiteral("argument %1: ignored explicit argument '%2'")
                                     .arg(azArgName(*spec), *inlineValue));
            values << *inlineValue;
        } else {
            while (i + 1 < words.size() && !azLooksLikeOption(words.at(i + 1))) {
                if (spec->arity == AzArity::Flag)
                    break;
                values << words.at(++i);
                if (spec->arity == AzArity::One || spec->arity == AzArity::ZeroOrOne)
                    break;
            }
            if (spec->arity == AzArity::One && values.isEmpty())
                return cliReject(QStringLiteral("argument %1: expected one argument").arg(azArgName(*spec)));
            if (spec->arity == AzArity::OneOrMore && values.isEmpty())
                return cliReject(
                    QStringLiteral("argument %1: expected at least one argument").arg(azArgName(*spec)));
        }
        const QString key = QString::fromLatin1(spec->name);
        if (parsed->values.contains(key)) {
            warn(AzCommandImporter::tr(
                     "%1 is given more than once; the Azure CLI keeps only the last one and silently "
                     "ignores the others.")
                     .arg(key));
        } else {
            parsed->order << key;
        }
        parsed->values.insert(key, values);
    }
    if (!unrecognized.isEmpty())
        return cliReject(
            QStringLiteral("unrecognized arguments: %1").arg(unrecognized.join(QLatin1Char(' '))));

    QStringList missing;
    for (const AzOptionSpec &spec : kAzOptions) {
        if (spec.required && !parsed->values.contains(QLatin1String(spec.name)))
            missing << azArgName(spec);
    }
    if (!missing.isEmpty())
        return cliReject(QStringLiteral("the following arguments are required: %1")
                             .arg(missing.join(QStringLiteral(", "))));
    return true;
}

QString AzImporter::computeId(const QString &type, const QString &value) const {
    if (azIsResourceId(value))
        return value;
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/%3/%4")
        .arg(m_subscription, m_resourceGroup, type, value);
}

QString AzImporter::desId(const QString &value) const {
    return computeId(QStringLiteral("diskEncryptionSets"), value);
}

bool AzImporter::run(const QStringList &words) {
    const QStringList head = {QStringLiteral("az"), QStringLiteral("sig"), QStringLiteral("image-version"),
                              QStringLiteral("create")};
    if (words.size() < head.size() || words.mid(0, head.size()) != head)
        return reject(AzCommandImporter::tr("This is not an “az sig image-version create” command."));
    if (!parseOptions(words.mid(head.size()), &m_parsed))
        return false;
    using Step = bool (AzImporter::*)();
    static const Step steps[] = {
        &AzImporter::checkOptionUses,  &AzImporter::readNames,         &AzImporter::readTypedValues,
        &AzImporter::readSubscription, &AzImporter::readTargetRegions, &AzImporter::readSource,
        &AzImporter::readLocation,     &AzImporter::reviewEncryption,  &AzImporter::readEndOfLife,
        &AzImporter::readTags,         &AzImporter::warnPlaceholders,
    };
    for (const Step step : steps) {
        if (!(this->*step)())
            return false;
    }
    r.ok = true;
    return true;
}

bool AzImporter::checkOptionUses() {
    for (const QString &key : std::as_const(m_parsed.order)) {
        const AzOptionSpec *spec = azFindOption(key);
        if (spec->use == AzUse::Unsupported)
            return reject(AzCommandImporter::tr(
                              "%1 makes the image version from a VHD in a storage account; the wizard "
                              "creates image versions from managed images, snapshots, virtual machines "
                              "and other image versions only.")
                              .arg(key));
        if (spec->use == AzUse::NotKept)
            warn(AzCommandImporter::tr(
                     "%1 is not kept: the wizard does not set it, so the draft creates the image version "
                     "without it.")
                     .arg(key));
    }
    return true;
}

bool AzImporter::readNames() {
    ImageVersionDraft &d = r.draft;
    d = ImageVersionDraft();
    m_resourceGroup = m_parsed.one("--resource-group");
    d.resourceGroup = m_resourceGroup;
    d.galleryName = m_parsed.one("--gallery-name");
    d.imageDefinitionName = m_parsed.one("--gallery-image-definition");
    d.versionName = m_parsed.one("--gallery-image-version");
    return true;
}

bool AzImporter::readTypedValues() {
    // argparse converts typed arguments before any validator runs.
    using Reader = bool (AzImporter::*)(const QStringList &values);
    static const struct {
        const char *option;
        Reader read;
    } typedOptions[] = {
        {"--replica-count", &AzImporter::readReplicaCount},
        {"--data-snapshot-luns", &AzImporter::readSnapshotLuns},
        {"--storage-account-type", &AzImporter::readStorageAccountType},
        {"--exclude-from-latest", &AzImporter::readExcludeFromLatest},
    };
    for (const auto &typed : typedOptions) {
        if (m_parsed.has(typed.option) && !(this->*typed.read)(m_parsed.list(typed.option)))
            return false;
    }
    return true;
}

bool AzImporter::readReplicaCount(const QStringList &values) {
    const QString text = values.value(0);
    const auto count = azPythonInt(text);
    if (!count)
        return cliReject(QStringLiteral("argument --replica-count: invalid int value: '%1'").arg(text));
    r.draft.defaultReplicaCount = int(*count);
    return true;
}

bool AzImporter::readSnapshotLuns(const QStringList &values) {
    for (const QString &text : values) {
        const auto lun = azPythonInt(text);
        if (!lun)
            return cliReject(
                QStringLiteral("argument --data-snapshot-luns: invalid int value: '%1'").arg(text));
        m_snapshotLuns << int(*lun);
    }
    return true;
}

bool AzImporter::readStorageAccountType(const QStringList &values) {
    const QString text = values.value(0);
    const QString type = azStorageType(text);
    if (type.isEmpty())
        return cliReject(QStringLiteral("'%1' is not a valid value for '--storage-account-type'. Allowed "
                                        "values: Premium_LRS, Standard_LRS, Standard_ZRS.")
                             .arg(text));
    r.draft.defaultStorageAccountType = type;
    return true;
}

bool AzImporter::readExcludeFromLatest(const QStringList &values) {
    const QString text = values.isEmpty() ? QStringLiteral("true") : values.first().toLower();
    if (text != QLatin1String("true") && text != QLatin1String("false"))
        return cliReject(QStringLiteral("'%1' is not a valid value for '--exclude-from-latest'. Allowed "
                                        "values: false, true.")
                             .arg(values.first()));
    r.draft.excludeFromLatest = text == QLatin1String("true");
    return true;
}

bool AzImporter::readSubscription() {
    // The command's own, else the caller's default, else the one the source ID names.
    if (m_parsed.has("--subscription")) {
        m_subscription = m_parsed.one("--subscription");
    } else if (!m_options.defaultSubscriptionId.isEmpty()) {
        m_subscription = m_options.defaultSubscriptionId;
        note(AzCommandImporter::tr(
                 "The command has no --subscription: the Azure CLI would use your default subscription; the "
                 "draft uses %1.")
                 .arg(m_subscription));
    } else {
        static const QRegularExpression guid(
            QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
        for (const char *option :
             {"--managed-image", "--os-snapshot", "--virtual-machine", "--image-version"}) {
            const ResourceId source = ResourceId::parse(m_parsed.one(option));
            if (source.valid && guid.match(source.subscriptionId).hasMatch()) {
                m_subscription = source.subscriptionId;
                break;
            }
        }
        if (m_subscription.isEmpty())
            warn(AzCommandImporter::tr(
                "The command does not say which subscription to use (the Azure CLI would use your "
                "default one); choose it in the wizard."));
        else
            warn(AzCommandImporter::tr(
                     "The command has no --subscription: the Azure CLI would use your default subscription; "
                     "the draft assumes %1, the subscription of the source.")
                     .arg(m_subscription));
    }
    r.draft.subscriptionId = m_subscription;
    return true;
}

bool AzImporter::readTargetRegions() {
    // The CLI's validator, step by step.
    const QStringList regionSpecs = m_parsed.list("--target-regions");
    const QStringList encryptionSpecs = m_parsed.list("--target-region-encryption");
    m_withEncryption = m_parsed.has("--target-region-encryption") && !encryptionSpecs.isEmpty();
    if (m_withEncryption && regionSpecs.isEmpty()) {
        warn(AzCommandImporter::tr(
            "--target-region-encryption is silently ignored by the Azure CLI without --target-regions: "
            "the image version would be encrypted with platform-managed keys only. The draft does "
            "the same; add --target-regions to keep your disk encryption sets."));
    }
    if (!regionSpecs.isEmpty() && m_withEncryption && regionSpecs.size() != encryptionSpecs.size())
        return cliReject(QStringLiteral("usage error: Length of --target-region-encryption should be as same "
                                        "as length of target regions"));
    QSet<QString> seenRegions;
    for (int i = 0; i < regionSpecs.size(); ++i) {
        RegionDraft region;
        if (!readRegionSpec(regionSpecs.at(i), &region))
            return false;
        if (seenRegions.contains(region.name))
            warn(AzCommandImporter::tr(
                     "Region %1 is listed twice in --target-regions; Azure refuses duplicate target regions.")
                     .arg(region.name));
        seenRegions.insert(region.name);
        if (m_withEncryption && !readRegionEncryption(encryptionSpecs.at(i), region))
            return false;
        if (m_parsed.has("--target-region-cvm-encryption") &&
            !readRegionCvmEncryption(m_parsed.list("--target-region-cvm-encryption").at(i), region))
            return false;
        r.draft.targetRegions.append(region);
    }
    return readCvmEncryptionCount(int(regionSpecs.size()));
}

bool AzImporter::readCvmEncryptionCount(int regionCount) {
    if (!m_parsed.has("--target-region-cvm-encryption"))
        return true;
    if (regionCount == 0)
        return reject(AzCommandImporter::tr("--target-region-cvm-encryption gives the confidential VM "
                                            "encryption of each target region: add --target-regions, with "
                                            "one value per region in the same order."));
    if (m_parsed.list("--target-region-cvm-encryption").size() != regionCount)
        return cliReject(
            QStringLiteral("usage error: Length of --target-region-cvm-encryption should be as same "
                           "as length of target regions"));
    return true;
}

bool AzImporter::readRegionCvmEncryption(const QString &spec, RegionDraft &region) {
    // As the CLI's validator reads it: "<type>,<des>", the set empty for the types without one.
    const QStringList terms = spec.split(QLatin1Char(','));
    const auto pythonList = [&terms] {
        QStringList quoted;
        for (const QString &term : terms)
            quoted << QStringLiteral("'%1'").arg(term);
        return QStringLiteral("[%1]").arg(quoted.join(QStringLiteral(", ")));
    };
    if (terms.size() != 2)
        return cliReject(QStringLiteral("usage error: %1 is an invalid target region cvm encryption. Both "
                                        "os_cvm_encryption_type and os_cvm_des parameters are required.")
                             .arg(pythonList()));
    if (!confidentialVmEncryptionTypes().contains(terms.at(0)))
        return cliReject(
            QStringLiteral("usage error: %1 is an invalid os_cvm_encryption_type. The valid values "
                           "for os_cvm_encryption_type are %2")
                .arg(pythonList(), confidentialVmEncryptionTypes().join(QStringLiteral(", "))));
    region.confidentialVmEncryptionType = terms.at(0);
    if (!terms.at(1).isEmpty())
        region.secureVmDesId = desId(terms.at(1));
    return true;
}

bool AzImporter::readRegionSpec(const QString &spec, RegionDraft *region) {
    static const QStringList lowerTypes = {QStringLiteral("standard_lrs"), QStringLiteral("standard_zrs"),
                                           QStringLiteral("premium_lrs")};
    const QString lowerTypesText = lowerTypes.join(QStringLiteral(", "));
    const QStringList parts = azSplitInThree(spec, QLatin1Char('='));
    region->name = normalizeRegion(parts.at(0));
    region->replicaCount = r.draft.defaultReplicaCount;
    region->storageAccountType = r.draft.defaultStorageAccountType;
    if (parts.size() == 2) {
        if (const auto count = azPythonInt(parts.at(1))) {
            region->replicaCount = int(*count);
        } else {
            if (!lowerTypes.contains(parts.at(1).toLower()))
                return cliReject(
                    QStringLiteral("usage error: %1 is an invalid target region argument. The second part is "
                                   "neither an integer replica count or a valid storage account type. "
                                   "Storage account types must be one of %2.")
                        .arg(spec, lowerTypesText));
            region->storageAccountType = azStorageType(parts.at(1));
        }
    } else if (parts.size() == 3) {
        const auto count = azPythonInt(parts.at(1));
        if (!count)
            return cliReject(
                QStringLiteral("usage error: %1 is an invalid target region argument. The second "
                               "part must be a valid integer replica count.")
                    .arg(spec));
        // The CLI compares the third part case-sensitively with lower-case names.
        if (!lowerTypes.contains(parts.at(2)))
            return cliReject(QStringLiteral("usage error: %1 is an invalid target region argument. The third "
                                            "part is not a valid storage account type. Storage account "
                                            "types must be one of %2.")
                                 .arg(spec, lowerTypesText));
        region->replicaCount = int(*count);
        region->storageAccountType = azStorageType(parts.at(2));
    }
    return true;
}

bool AzImporter::readRegionEncryption(const QString &spec, RegionDraft &region) {
    const QStringList terms = spec.split(QLatin1Char(','));
    const QString &os = terms.at(0);
    if (os != QLatin1String("null")) {
        if (os.isEmpty())
            return reject(
                AzCommandImporter::tr("The encryption of region %1 (“%2”) starts with an empty disk "
                                      "encryption set; write null for an OS disk without one.")
                    .arg(region.name, spec));
        region.osDiskDesId = desId(os);
        m_anyDes = true;
    }
    const QStringList data = terms.mid(1);
    if (data.size() % 2 != 0)
        return cliReject(
            QStringLiteral("usage error: LUN and disk encryption set for data disk should appear in pair in "
                           "--target-region-encryption. Example: osdes,0,datades0,1,datades1"));
    for (int j = 0; j + 1 < data.size(); j += 2) {
        const auto lun = azPythonInt(data.at(j));
        if (!lun)
            return reject(
                AzCommandImporter::tr("“%1” in the encryption of region %2 is not a LUN (a whole "
                                      "number); the Azure CLI would fail when it sends the request.")
                    .arg(data.at(j), region.name));
        const QString &des = data.at(j + 1);
        if (des.isEmpty())
            return reject(AzCommandImporter::tr(
                              "The data disk at LUN %1 of region %2 has an empty disk encryption set.")
                              .arg(*lun)
                              .arg(region.name));
        if (des == QLatin1String("null"))
            warn(AzCommandImporter::tr(
                     "null is accepted only for the OS disk: for the data disk at LUN %1 of region "
                     "%2 the Azure CLI would look for a disk encryption set named “null”.")
                     .arg(*lun)
                     .arg(region.name));
        if (region.dataDiskDesIds.contains(int(*lun)))
            warn(AzCommandImporter::tr("LUN %1 appears twice in the encryption of region %2; the draft keeps "
                                       "the last disk encryption set.")
                     .arg(*lun)
                     .arg(region.name));
        region.dataDiskDesIds.insert(int(*lun), desId(des));
        m_encryptionLuns.insert(int(*lun));
        m_anyDes = true;
    }
    return true;
}

bool AzImporter::readSource() {
    // As the CLI's create function checks it.
    const bool managedImage = m_parsed.has("--managed-image");
    const bool osSnapshot = m_parsed.has("--os-snapshot");
    const bool virtualMachine = m_parsed.has("--virtual-machine");
    const bool imageVersion = m_parsed.has("--image-version");
    if (!managedImage && !osSnapshot && !virtualMachine && !imageVersion)
        return cliReject(QStringLiteral(
            "usage error: Please provide --managed-image or --os-snapshot or --vhd or --virtual-machine or "
            "--image-version"));
    if (m_parsed.has("--data-snapshot-luns") && !m_parsed.has("--data-snapshots"))
        return cliReject(
            QStringLiteral("usage error: --data-snapshot-luns must be used together with --data-snapshots"));
    const QStringList dataSnapshots = m_parsed.list("--data-snapshots");
    if (!dataSnapshots.isEmpty() && !m_snapshotLuns.isEmpty() &&
        dataSnapshots.size() != m_snapshotLuns.size())
        return cliReject(QStringLiteral(
            "usage error: Length of --data-snapshots and --data-snapshot-luns should be equal."));
    if (int(managedImage) + int(osSnapshot) + int(virtualMachine) + int(imageVersion) > 1)
        return reject(
            AzCommandImporter::tr("The command names more than one source (--managed-image, --os-snapshot, "
                                  "--virtual-machine, --image-version); an image version has exactly one."));
    if (!dataSnapshots.isEmpty() && !osSnapshot)
        return reject(AzCommandImporter::tr(
            "--data-snapshots needs --os-snapshot: the wizard adds data-disk snapshots only to "
            "an OS-disk snapshot."));

    ImageVersionDraft &d = r.draft;
    QList<int> sourceLuns = m_encryptionLuns.values();
    std::sort(sourceLuns.begin(), sourceLuns.end());
    if (osSnapshot) {
        readSnapshotSource(sourceLuns);
        return true;
    }
    if (managedImage) {
        d.sourceKind = SourceKind::ManagedImage;
        d.sourceId = computeId(QStringLiteral("images"), m_parsed.one("--managed-image"));
    } else {
        d.sourceKind = virtualMachine ? SourceKind::VirtualMachine : SourceKind::ImageVersion;
        d.sourceId = m_parsed.one(virtualMachine ? "--virtual-machine" : "--image-version");
        if (!azIsResourceId(d.sourceId))
            warn(AzCommandImporter::tr("The source “%1” is not a resource ID; the wizard needs the full ID.")
                     .arg(d.sourceId));
    }
    d.sourceDataDiskLuns = sourceLuns;
    return true;
}

void AzImporter::readSnapshotSource(const QList<int> &encryptedLuns) {
    ImageVersionDraft &d = r.draft;
    const QStringList dataSnapshots = m_parsed.list("--data-snapshots");
    d.sourceKind = SourceKind::Snapshots;
    d.sourceId = computeId(QStringLiteral("snapshots"), m_parsed.one("--os-snapshot"));
    if (!dataSnapshots.isEmpty() && m_snapshotLuns.isEmpty()) {
        for (int i = 0; i < dataSnapshots.size(); ++i)
            m_snapshotLuns << i;
        note(AzCommandImporter::tr(
            "--data-snapshot-luns is not given: like the Azure CLI, the draft numbers the data disks "
            "0, 1, 2… in the order of --data-snapshots."));
    }
    for (int i = 0; i < dataSnapshots.size(); ++i)
        d.dataDiskSnapshots.append(
            {m_snapshotLuns.at(i), computeId(QStringLiteral("snapshots"), dataSnapshots.at(i))});
    for (int lun : encryptedLuns) {
        if (!m_snapshotLuns.contains(lun))
            warn(AzCommandImporter::tr(
                     "--target-region-encryption sets a disk encryption set for LUN %1, but no data-disk "
                     "snapshot has that LUN; Azure would reject the request.")
                     .arg(lun));
    }
}

bool AzImporter::readLocation() {
    // The CLI falls back on the resource group's; the draft needs it among the target regions.
    ImageVersionDraft &d = r.draft;
    if (m_parsed.has("--location")) {
        d.location = normalizeRegion(m_parsed.one("--location"));
        if (!d.targetRegions.isEmpty() && d.regionIndex(d.location) < 0)
            warn(AzCommandImporter::tr(
                     "The location %1 is not among the target regions; an image version is always "
                     "replicated to its own location, so the draft adds it as the first target region.")
                     .arg(d.location));
    } else if (!d.targetRegions.isEmpty()) {
        d.location = d.targetRegions.first().name;
        warn(AzCommandImporter::tr(
                 "The command has no --location: the Azure CLI would use the location of resource group "
                 "%1. The draft uses the first target region, %2.")
                 .arg(d.resourceGroup, d.location));
    } else {
        warn(AzCommandImporter::tr(
                 "The command has neither --location nor --target-regions: the Azure CLI would use the "
                 "location of resource group %1. Choose the location in the wizard.")
                 .arg(d.resourceGroup));
    }
    d.placeLocationFirst();
    return true;
}

bool AzImporter::reviewEncryption() {
    // The command names sets, not their type.
    ImageVersionDraft &d = r.draft;
    if (m_anyDes) {
        d.encryption = EncryptionMode::CustomerKey;
        note(AzCommandImporter::tr(
            "The command names disk encryption sets without saying their type; the draft assumes "
            "encryption at rest with a customer-managed key. When the wizard reads the sets, it takes their "
            "own encryption type (and reports sets whose types differ)."));
    }
    const QList<int> luns = d.dataDiskLuns();
    for (RegionDraft &region : d.targetRegions) {
        bool same = !region.osDiskDesId.isEmpty();
        for (int lun : luns) {
            if (region.dataDiskDesIds.value(lun) != region.osDiskDesId)
                same = false;
        }
        region.sameDesForAllDisks = same;
        if (m_anyDes && region.osDiskDesId.isEmpty() && region.dataDiskDesIds.isEmpty())
            warn(AzCommandImporter::tr(
                     "Region %1 has no disk encryption set while other regions have one: its copy of the "
                     "image would be encrypted with platform-managed keys only.")
                     .arg(region.name));
        reviewRegionDes(region);
    }
    d.normalizeEncryption();

    bool desNamesCompleted = false;
    for (const QString &spec : m_parsed.list("--target-region-encryption")) {
        for (const QString &term : spec.split(QLatin1Char(','))) {
            if (!term.isEmpty() && term != QLatin1String("null") && !term.startsWith(QLatin1Char('/')) &&
                azPythonInt(term) == std::nullopt)
                desNamesCompleted = true;
        }
    }
    if (desNamesCompleted && m_withEncryption && !m_parsed.list("--target-regions").isEmpty())
        note(AzCommandImporter::tr(
                 "Disk encryption sets given by name are looked up, as the Azure CLI does, in resource group "
                 "%1 of subscription %2.")
                 .arg(m_resourceGroup,
                      m_subscription.isEmpty() ? AzCommandImporter::tr("(unknown)") : m_subscription));
    return true;
}

void AzImporter::reviewRegionDes(const RegionDraft &region) {
    // A DES named after another region is most likely a copy-paste slip (Microsoft's own example has one).
    QStringList desIds;
    if (!region.osDiskDesId.isEmpty())
        desIds << region.osDiskDesId;
    for (const QString &des : std::as_const(region.dataDiskDesIds))
        desIds << des;
    if (!region.secureVmDesId.isEmpty())
        desIds << region.secureVmDesId;
    for (const QString &des : std::as_const(desIds)) {
        const ResourceId parsed = ResourceId::parse(des);
        const QString named = AzCommandImporter::regionMentionedIn(parsed.name());
        if (!named.isEmpty() && named != region.name)
            warn(AzCommandImporter::tr(
                     "The disk encryption set “%1” is used in region %2, but its name suggests region %3. "
                     "A disk encryption set must be in the region it encrypts.")
                     .arg(parsed.name(), region.name, named));
        if (parsed.valid && !m_subscription.isEmpty() &&
            parsed.subscriptionId.compare(m_subscription, Qt::CaseInsensitive) != 0)
            warn(AzCommandImporter::tr(
                     "The disk encryption set “%1” is in subscription %2; it must be in the image's "
                     "subscription, %3.")
                     .arg(parsed.name(), parsed.subscriptionId, m_subscription));
    }
}

bool AzImporter::readEndOfLife() {
    if (!m_parsed.has("--end-of-life-date"))
        return true;
    const QString text = m_parsed.one("--end-of-life-date");
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (!date.isValid())
        return reject(
            AzCommandImporter::tr("The end-of-life date “%1” is not a date (YYYY-MM-DD).").arg(text));
    r.draft.endOfLifeDate = date;
    if (!text.contains(QLatin1Char('T'), Qt::CaseInsensitive))
        note(
            AzCommandImporter::tr("The Azure CLI sends the end-of-life date %1 as 12:59:59 UTC that day; the "
                                  "draft keeps the date, which the wizard sends as midnight UTC.")
                .arg(text));
    else if (const QDateTime moment = QDateTime::fromString(text, Qt::ISODate);
             !moment.isValid() || moment.toUTC().time() != QTime(0, 0) || moment.toUTC().date() != date)
        note(AzCommandImporter::tr(
                 "The draft keeps only the date of the end of life “%1”; the wizard sends it "
                 "as midnight UTC.")
                 .arg(text));
    return true;
}

bool AzImporter::readTags() {
    for (const QString &tag : m_parsed.list("--tags")) {
        if (tag.isEmpty())
            continue;
        const int equals = tag.indexOf(QLatin1Char('='));
        if (equals < 0)
            r.draft.tags.append({tag, QString()});
        else
            r.draft.tags.append({tag.left(equals), tag.mid(equals + 1)});
    }
    return true;
}

bool AzImporter::warnPlaceholders() {
    // Values that were never filled in.
    for (const QStringList &values : std::as_const(m_parsed.values)) {
        for (const QString &value : values) {
            if (azLooksLikePlaceholder(value))
                warn(AzCommandImporter::tr("“%1” looks like a placeholder; replace it with the real value.")
                         .arg(value));
        }
    }
    return true;
}

/// Splits pasted shell text into words as bash would, plus the ` and ^ line continuations of PowerShell and
/// cmd; refuses what only a shell could run or expand. One character at a time, by quoting state.
class AzShellWords {
public:
    AzShellWords(const QString &text, QStringList *words, QString *error)
        : m_text(text)
        , m_words(words)
        , m_error(error) {}

    bool split() {
        m_words->clear();
        for (int i = 0; i < m_text.size(); ++i) {
            bool ok = true;
            switch (m_state) {
            case State::Single:
                readSingleQuoted(i);
                break;
            case State::Double:
                ok = readDoubleQuoted(i);
                break;
            case State::Outside:
                ok = readUnquoted(i);
                break;
            }
            if (!ok)
                return false;
        }
        if (m_state != State::Outside)
            return fail(AzCommandImporter::tr("A quote (%1) is opened but never closed.")
                            .arg(m_state == State::Single ? QStringLiteral("'") : QStringLiteral("\"")));
        endWord();
        if (m_words->isEmpty())
            return fail(AzCommandImporter::tr("The command is empty."));
        return true;
    }

private:
    enum class State { Outside, Single, Double };

    bool fail(const QString &why) {
        if (m_error)
            *m_error = why;
        return false;
    }
    void endWord() {
        if (m_inWord)
            *m_words << m_word;
        m_word.clear();
        m_inWord = false;
    }
    void append(QChar c) {
        m_word += c;
        m_inWord = true;
    }
    /// Length of the line break at i ("\n" or "\r\n"), 0 when none.
    int lineBreakAt(int i) const {
        if (i < m_text.size() && m_text.at(i) == QLatin1Char('\n'))
            return 1;
        if (i + 1 < m_text.size() && m_text.at(i) == QLatin1Char('\r') &&
            m_text.at(i + 1) == QLatin1Char('\n'))
            return 2;
        return 0;
    }
    bool startsVariable(int i) const {
        return m_text.at(i) == QLatin1Char('$') && i + 1 < m_text.size() && azIsNameStart(m_text.at(i + 1));
    }
    bool variableError(int i) {
        int end = i + 1;
        while (end < m_text.size() &&
               (m_text.at(end).isLetterOrNumber() || m_text.at(end) == QLatin1Char('_') ||
                m_text.at(end) == QLatin1Char('{') || m_text.at(end) == QLatin1Char('(')))
            ++end;
        return fail(
            AzCommandImporter::tr("The command uses the shell expression “%1”, which only a shell can "
                                  "expand; replace it with its value.")
                .arg(m_text.mid(i, std::max(2, end - i))));
    }
    /// Moves i to the end of a # comment.
    void skipComment(int &i) const {
        while (i + 1 < m_text.size() && m_text.at(i + 1) != QLatin1Char('\n'))
            ++i;
    }

    void readSingleQuoted(int i) {
        if (m_text.at(i) == QLatin1Char('\''))
            m_state = State::Outside;
        else
            m_word += m_text.at(i);
    }

    bool readDoubleQuoted(int &i) {
        const QChar c = m_text.at(i);
        if (c == QLatin1Char('"')) {
            m_state = State::Outside;
        } else if (c == QLatin1Char('\\') && i + 1 < m_text.size()) {
            const QChar next = m_text.at(i + 1);
            if (const int lb = lineBreakAt(i + 1)) {
                i += lb;
            } else if (next == QLatin1Char('$') || next == QLatin1Char('`') || next == QLatin1Char('"') ||
                       next == QLatin1Char('\\')) {
                m_word += next;
                ++i;
            } else {
                m_word += c;
            }
        } else if (startsVariable(i)) {
            return variableError(i);
        } else if (c == QLatin1Char('`')) {
            return fail(
                AzCommandImporter::tr("The command uses a backquote inside double quotes, which a shell "
                                      "would run as a command; remove it."));
        } else {
            m_word += c;
        }
        return true;
    }

    bool readUnquoted(int &i) {
        const QChar c = m_text.at(i);
        if (const int lb = lineBreakAt(i)) {
            endWord();
            i += lb - 1;
            if (!m_words->isEmpty())
                m_commandEnded = true;
            return true;
        }
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
            endWord();
            return true;
        }
        if (m_commandEnded) {
            if (c == QLatin1Char('#') && !m_inWord) {
                skipComment(i);
                return true;
            }
            return fail(AzCommandImporter::tr(
                "The text holds more than one command, or a line break without a continuation character (\\, "
                "` or ^); paste a single az sig image-version create command."));
        }
        if (c == QLatin1Char('\\') || c == QLatin1Char('`') || c == QLatin1Char('^'))
            return readEscapeOrContinuation(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            m_state = c == QLatin1Char('\'') ? State::Single : State::Double;
            m_inWord = true;
            return true;
        }
        if (c == QLatin1Char('#') && !m_inWord) {
            skipComment(i);
            return true;
        }
        if (startsVariable(i))
            return variableError(i);
        if (c == QLatin1Char('|') || c == QLatin1Char(';') || c == QLatin1Char('&') ||
            c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('(') || c == QLatin1Char(')'))
            return fail(
                AzCommandImporter::tr("The command contains the shell operator “%1”; paste only the az "
                                      "command, without pipes, redirections or other commands.")
                    .arg(c));
        append(c);
        return true;
    }

    /// \ ` or ^ outside quotes: a line continuation, else an escape (\), an error (`) or a plain character
    /// (^).
    bool readEscapeOrContinuation(int &i) {
        const QChar c = m_text.at(i);
        // Trailing blanks after a continuation character are a classic copy-paste slip; accept them.
        int j = i + 1;
        while (j < m_text.size() && (m_text.at(j) == QLatin1Char(' ') || m_text.at(j) == QLatin1Char('\t')))
            ++j;
        if (const int lb = lineBreakAt(j)) {
            i = j + lb - 1;
            return true;
        }
        if (j >= m_text.size() && c != QLatin1Char('^')) {
            i = j;
            return true;
        }
        if (c == QLatin1Char('\\')) {
            if (i + 1 < m_text.size())
                append(m_text.at(++i));
            return true;
        }
        if (c == QLatin1Char('`'))
            return fail(
                AzCommandImporter::tr("The command uses a backquote (`) that does not end a line; only "
                                      "line continuations are understood."));
        append(c); // '^' inside a word is an ordinary character for bash
        return true;
    }

    const QString &m_text;
    QStringList *m_words;
    QString *m_error;
    State m_state = State::Outside;
    QString m_word;
    bool m_inWord = false;
    bool m_commandEnded = false; ///< a line ended after some words: only comments may follow
};

} // namespace

const QStringList &AzCommandImporter::knownRegionNames() {
    static const QStringList names = [] {
        QStringList list = {
            QStringLiteral("eastus"),
            QStringLiteral("eastus2"),
            QStringLiteral("westus"),
            QStringLiteral("westus2"),
            QStringLiteral("westus3"),
            QStringLiteral("centralus"),
            QStringLiteral("northcentralus"),
            QStringLiteral("southcentralus"),
            QStringLiteral("westcentralus"),
            QStringLiteral("canadacentral"),
            QStringLiteral("canadaeast"),
            QStringLiteral("brazilsouth"),
            QStringLiteral("brazilsoutheast"),
            QStringLiteral("mexicocentral"),
            QStringLiteral("northeurope"),
            QStringLiteral("westeurope"),
            QStringLiteral("uksouth"),
            QStringLiteral("ukwest"),
            QStringLiteral("francecentral"),
            QStringLiteral("francesouth"),
            QStringLiteral("germanywestcentral"),
            QStringLiteral("germanynorth"),
            QStringLiteral("switzerlandnorth"),
            QStringLiteral("switzerlandwest"),
            QStringLiteral("norwayeast"),
            QStringLiteral("norwaywest"),
            QStringLiteral("swedencentral"),
            QStringLiteral("swedensouth"),
            QStringLiteral("polandcentral"),
            QStringLiteral("italynorth"),
            QStringLiteral("spaincentral"),
            QStringLiteral("eastasia"),
            QStringLiteral("southeastasia"),
            QStringLiteral("japaneast"),
            QStringLiteral("japanwest"),
            QStringLiteral("koreacentral"),
            QStringLiteral("koreasouth"),
            QStringLiteral("australiaeast"),
            QStringLiteral("australiasoutheast"),
            QStringLiteral("australiacentral"),
            QStringLiteral("australiacentral2"),
            QStringLiteral("centralindia"),
            QStringLiteral("southindia"),
            QStringLiteral("westindia"),
            QStringLiteral("uaenorth"),
            QStringLiteral("uaecentral"),
            QStringLiteral("southafricanorth"),
            QStringLiteral("southafricawest"),
            QStringLiteral("qatarcentral"),
            QStringLiteral("israelcentral"),
            QStringLiteral("newzealandnorth"),
        };
        std::sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
            return a.size() > b.size() || (a.size() == b.size() && a < b);
        });
        return list;
    }();
    return names;
}

QString AzCommandImporter::regionMentionedIn(const QString &name) {
    QString folded;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            folded += c.toLower();
    }
    for (const QString &region : knownRegionNames()) {
        if (folded.contains(region))
            return region;
    }
    return {};
}

bool AzCommandImporter::splitWords(const QString &text, QStringList *words, QString *error) {
    return AzShellWords(text, words, error).split();
}

AzImportResult AzCommandImporter::importCommand(const QString &command, const AzImportOptions &options) {
    AzImportResult result;
    QStringList words;
    QString why;
    if (!splitWords(command, &words, &why)) {
        result.error = why;
        return result;
    }
    AzImporter importer(options, result);
    importer.run(words);
    if (!result.ok)
        result.draft = ImageVersionDraft();
    return result;
}

} // namespace cmk
