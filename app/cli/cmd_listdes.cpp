// cmkwizard list-des: the Disk Encryption Sets of a subscription, every page, optionally filtered by region
// and encryption type. Support staff use it, and it is the benchmark's client.

#include "arm/armpaths.h"
#include "arm/resources.h"
#include "cli/commands.h"
#include "common/usertext.h"
#include "des/diskencryptionsetcatalog.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

// Debug only: the time the JSON output takes once the listing is in (bench_listdes --cli reads it).
Q_LOGGING_CATEGORY(lcListDes, "cmk.cli.listdes", QtWarningMsg)

namespace cmkapp {

namespace {

const QString CustomerKey = QStringLiteral("EncryptionAtRestWithCustomerKey");
const QString PlatformAndCustomerKeys = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");
const QString ConfidentialVm = QStringLiteral("ConfidentialVmEncryptedWithCustomerKey");

/// The short name shown and accepted by --type.
QString shortType(const QString &encryptionType) {
    if (encryptionType.compare(CustomerKey, Qt::CaseInsensitive) == 0)
        return QStringLiteral("CMK");
    if (encryptionType.compare(PlatformAndCustomerKeys, Qt::CaseInsensitive) == 0)
        return QStringLiteral("DOUBLE");
    if (encryptionType.compare(ConfidentialVm, Qt::CaseInsensitive) == 0)
        return QStringLiteral("CONFIDENTIAL");
    return encryptionType;
}

void printTable(QTextStream &out, const cmk::DiskEncryptionSetCatalog &catalog,
                const std::vector<int> &shown) {
    const QStringList headers = {tr("NAME"), tr("RESOURCE GROUP"), tr("LOCATION"), tr("TYPE"), tr("KEY URL")};
    QList<QStringList> rows;
    rows.reserve(int(shown.size()));
    for (int index : shown) {
        const cmk::DiskEncryptionSet &des = catalog.at(index);
        rows.append({des.name, des.resourceGroup(), cmk::RegionNames::displayName(des.location),
                     shortType(des.encryptionType), des.keyUrl});
    }
    QList<int> widths;
    for (const QString &header : headers)
        widths << header.size();
    for (const QStringList &row : std::as_const(rows)) {
        for (int i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], int(row.at(i).size()));
    }
    const auto printRow = [&](const QStringList &cells) {
        QString line;
        for (int i = 0; i < cells.size(); ++i) {
            // The last column is not padded: no trailing spaces.
            line += i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i) + 2) : cells.at(i);
        }
        out << line << '\n';
    };
    printRow(headers);
    for (const QStringList &row : std::as_const(rows))
        printRow(row);
}

/// "arg" or "arm", as --source spells them.
QString sourceName(cmk::DesListSource source) {
    return source == cmk::DesListSource::ResourceGraph ? QStringLiteral("arg") : QStringLiteral("arm");
}

/// One set's fields in the JSON output, in the order nlohmann's dump() of an object writes them (sorted keys,
/// as the output always had them).
std::array<std::pair<const char *, QString>, 10> outputFields(const cmk::DiskEncryptionSet &des,
                                                              cmk::DesListSource source) {
    return {{{"encryptionType", des.encryptionType},
             {"id", des.id},
             {"keyUrl", des.keyUrl},
             {"location", des.location},
             {"name", des.name},
             {"provisioningState", des.provisioningState},
             {"resourceGroup", des.resourceGroup()},
             {"source", sourceName(source)}, // where the list came from: ARG can lag ARM by a minute
             {"sourceVaultId", des.sourceVaultId},
             {"type", shortType(des.encryptionType)}}};
}

/// One byte of a JSON string's UTF-8, escaped as nlohmann's dump() escapes: `"`, `\` and control characters
/// (\u00xx in lower case when there is no short form); the rest, UTF-8 included, as it is.
void appendJsonByte(std::string &out, char c) {
    switch (c) {
    case '"':
        out += "\\\"";
        break;
    case '\\':
        out += "\\\\";
        break;
    case '\b':
        out += "\\b";
        break;
    case '\f':
        out += "\\f";
        break;
    case '\n':
        out += "\\n";
        break;
    case '\r':
        out += "\\r";
        break;
    case '\t':
        out += "\\t";
        break;
    default:
        if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[7];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
}

/// `text` as a JSON string, as nlohmann's dump() writes it.
void appendJsonString(std::string &out, const QString &text) {
    out += '"';
    // ASCII (ids, names, regions, URLs: nearly always all of it) goes straight in; from the first other
    // character on, the rest is converted to UTF-8 once.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        if (unit >= 0x80) {
            for (const char c : QStringView(text).mid(i).toUtf8())
                appendJsonByte(out, c);
            break;
        }
        appendJsonByte(out, char(unit));
    }
    out += '"';
}

/// What the user asked for, validated.
struct Request {
    QString subscription;
    QString location; ///< normalised; empty: every region
    QString type;     ///< full encryption type; empty: every type
    bool json = false;
    cmk::DesListSource source = cmk::DesListSource::Auto;
};

struct Options {
    DesSelectionOptions selection; ///< --subscription, --location, --format
    QCommandLineOption type;
    QCommandLineOption source;
};

// A function, not member initialisers: lupdate files tr() calls inside a struct under the struct's name.
Options listDesOptions() {
    return Options{
        desSelectionOptions(),
        QCommandLineOption(QStringLiteral("type"),
                           tr("Only this encryption type: CMK (customer-managed key) or DOUBLE (platform and "
                              "customer keys)."),
                           QStringLiteral("CMK|DOUBLE")),
        QCommandLineOption(
            QStringLiteral("source"),
            tr("Where to list from: arg (Azure Resource Graph, one query filtered by Azure), arm "
               "(Resource Manager's exact listing) or auto (default: Resource Graph, Resource "
               "Manager when Resource Graph is not available)."),
            QStringLiteral("arg|arm|auto"), QStringLiteral("auto")),
    };
}

/// --source into `request`; false (reason on `err`) for another value.
bool readSource(const QCommandLineParser &options, const QCommandLineOption &option, Request *request,
                QTextStream &err) {
    const QString source = options.value(option).toLower();
    if (source == QLatin1String("arg"))
        request->source = cmk::DesListSource::ResourceGraph;
    else if (source == QLatin1String("arm"))
        request->source = cmk::DesListSource::ResourceManager;
    else if (source == QLatin1String("auto"))
        request->source = cmk::DesListSource::Auto;
    else {
        err << tr("--source must be arg, arm or auto, not “%1”.").arg(options.value(option)) << Qt::endl;
        return false;
    }
    return true;
}

/// False (reason on `err`) when an option is missing or not understood.
bool readRequest(const QCommandLineParser &options, const Options &o, Request *request, QTextStream &err) {
    request->subscription = options.value(o.selection.subscription).trimmed();
    if (request->subscription.isEmpty()) {
        err << tr("--subscription is required.") << Qt::endl;
        return false;
    }
    if (!readTextOrJsonFormat(options, o.selection.format, &request->json, err) ||
        !readSource(options, o.source, request, err))
        return false;
    if (options.isSet(o.type)) {
        const QString type = options.value(o.type).toUpper();
        if (type == QLatin1String("CMK")) {
            request->type = CustomerKey;
        } else if (type == QLatin1String("DOUBLE")) {
            request->type = PlatformAndCustomerKeys;
        } else {
            err << tr("--type must be CMK or DOUBLE, not “%1”.").arg(options.value(o.type)) << Qt::endl;
            return false;
        }
    }
    request->location = cmk::normalizeRegion(options.value(o.selection.location));
    if (options.isSet(o.selection.location) && request->location.isEmpty()) {
        err << tr("--location must name a region.") << Qt::endl;
        return false;
    }
    const cmk::ArmPathBuilder path = cmk::diskEncryptionSetsPath(request->subscription);
    if (!path.ok()) {
        err << tr("Invalid subscription ID “%1”: %2").arg(request->subscription, path.error().message)
            << Qt::endl;
        return false;
    }
    return true;
}

/// The sets as one JSON array, laid out exactly as nlohmann's dump(2) of the whole array (tst_cli_listdes
/// compares the bytes), but written field by field straight into 64 KiB chunks: 10,000 sets never exist as
/// one document or one string, and no JSON object is built for any of them (docs/performance.md).
void writeSetsJson(std::FILE *file, const cmk::DiskEncryptionSetCatalog &catalog,
                    const std::vector<int> &shown) {
    if (shown.empty()) {
        std::fputs("[]\n", file);
        return;
    }
    std::string chunk = "[\n";
    chunk.reserve(80 * 1024);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        chunk += "  {\n";
        const auto fields = outputFields(catalog.at(shown[i]), catalog.listedFrom());
        for (std::size_t f = 0; f < fields.size(); ++f) {
            chunk += "    \"";
            chunk += fields[f].first;
            chunk += "\": ";
            appendJsonString(chunk, fields[f].second);
            chunk += f + 1 < fields.size() ? ",\n" : "\n";
        }
        chunk += i + 1 < shown.size() ? "  },\n" : "  }\n]\n";
        if (chunk.size() >= 64 * 1024 || i + 1 == shown.size()) {
            std::fwrite(chunk.data(), 1, chunk.size(), file);
            chunk.clear();
        }
    }
}

void printSets(const cmk::DiskEncryptionSetCatalog &catalog, const std::vector<int> &shown, bool json) {
    if (json) {
        QElapsedTimer writing;
        writing.start();
        writeSetsJson(stdout, catalog, shown);
        std::fflush(stdout);
        qCDebug(lcListDes, "output: %zu sets written in %.1f ms", shown.size(), writing.nsecsElapsed() / 1e6);
        return;
    }
    QTextStream out(stdout);
    if (shown.empty()) {
        out << tr("No disk encryption set matches.") << '\n';
    } else {
        printTable(out, catalog, shown);
    }
    out << (catalog.listedFrom() == cmk::DesListSource::ResourceGraph
                ? tr("Listed from Azure Resource Graph.")
                : tr("Listed from Azure Resource Manager."))
        << '\n';
    out.flush();
}

} // namespace

int runListDes(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the Disk Encryption Sets of a subscription, following every "
                                        "page. Exit code 0 when done, 2 for "
                                        "invalid input, 3 for an Azure error, 4 for a sign-in problem."));
    const Options options = listDesOptions();
    parser.addOptions({options.selection.subscription, options.selection.location, options.type,
                       options.selection.format, options.source});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &p) {
        QTextStream err(stderr);
        Request request;
        if (!readRequest(p, options, &request, err))
            return int(ExitInvalidInput);

        cmk::DiskEncryptionSetCatalog catalog;
        catalog.setWorkerPriorityLowered(false); // no window to keep responsive
        catalog.setSource(request.source);
        catalog.setFilter(request.location.isEmpty() ? QStringList() : QStringList{request.location},
                          request.type); // Resource Graph filters on the server
        bool ended = false;
        QObject::connect(&catalog, &cmk::DiskEncryptionSetCatalog::loadFinished, &catalog,
                         [&ended] { ended = true; });
        catalog.load(context.armClient(), request.subscription);
        waitUntil([&ended] { return ended; });
        if (catalog.error()) {
            err << tr("Could not list the disk encryption sets: %1").arg(catalog.error().toDisplayString())
                << Qt::endl;
            return exitCodeForArmError(catalog.error());
        }
        printSets(catalog, catalog.indexesOf(request.location, request.type), request.json);
        return int(ExitOk);
    });
}

} // namespace cmkapp
