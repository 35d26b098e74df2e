// cmkwizard list-des: the Disk Encryption Sets of a subscription, every page, optionally filtered by region
// and encryption type. Support staff use it, and it is the benchmark's client.

#include "arm/armpaths.h"
#include "arm/resources.h"
#include "cli/commands.h"
#include "common/usertext.h"
#include "des/diskencryptionsetcatalog.h"

#include <QTextStream>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cmkapp {

namespace {

// lupdate files the tr() calls of namespace cmkapp under the context "cmkapp": use the same one here.
QString tr(const char *text) {
    return QCoreApplication::translate("cmkapp", text);
}

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

nlohmann::json toOutputJson(const cmk::DiskEncryptionSet &des, cmk::DesListSource source) {
    nlohmann::json j = nlohmann::json::object();
    j["id"] = des.id;
    j["name"] = des.name;
    j["resourceGroup"] = des.resourceGroup();
    j["location"] = des.location;
    j["encryptionType"] = des.encryptionType;
    j["type"] = shortType(des.encryptionType);
    j["keyUrl"] = des.keyUrl;
    j["sourceVaultId"] = des.sourceVaultId;
    j["provisioningState"] = des.provisioningState;
    j["source"] = sourceName(source); // where the list came from: ARG can lag ARM by a minute
    return j;
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

void printSets(const cmk::DiskEncryptionSetCatalog &catalog, const std::vector<int> &shown, bool json) {
    if (json) {
        // 10,000 sets never exist as one document or one string (docs/performance.md).
        writeJsonArray(
            shown.size(), [&](size_t i) { return toOutputJson(catalog.at(shown[i]), catalog.listedFrom()); },
            0, [](const std::string &chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
        std::fputs("\n", stdout);
        std::fflush(stdout);
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
