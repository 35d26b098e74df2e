// cmkwizard list-des: the Disk Encryption Sets of a subscription, every page, optionally filtered by region
// and encryption type. Support staff use it, and it is the benchmark's client.

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "arm/resources.h"
#include "cli/commands.h"

#include <QTextStream>
#include <nlohmann/json.hpp>
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

void printTable(QTextStream &out, const std::vector<cmk::DiskEncryptionSet> &sets) {
    const QStringList headers = {tr("NAME"), tr("RESOURCE GROUP"), tr("LOCATION"), tr("TYPE"), tr("KEY URL")};
    QList<QStringList> rows;
    rows.reserve(int(sets.size()));
    for (const cmk::DiskEncryptionSet &des : sets)
        rows.append({des.name, des.resourceGroup(), des.location, shortType(des.encryptionType), des.keyUrl});
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

nlohmann::json toOutputJson(const cmk::DiskEncryptionSet &des) {
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
    return j;
}

} // namespace

int runListDes(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the Disk Encryption Sets of a subscription, following every "
                                        "page. Exit code 0 when done, 2 for "
                                        "invalid input, 3 for an Azure error, 4 for a sign-in problem."));
    const QCommandLineOption subscriptionOption(QStringLiteral("subscription"), tr("Subscription ID."),
                                                QStringLiteral("ID"));
    const QCommandLineOption locationOption(
        QStringLiteral("location"), tr("Only the sets in this region (\"West Europe\" or westeurope)."),
        QStringLiteral("REGION"));
    const QCommandLineOption typeOption(
        QStringLiteral("type"),
        tr("Only this encryption type: CMK (customer-managed key) or DOUBLE (platform and customer keys)."),
        QStringLiteral("CMK|DOUBLE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("Output format: text (default) or json."),
                                          QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOptions({subscriptionOption, locationOption, typeOption, formatOption});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &options) {
        QTextStream err(stderr);
        const QString subscription = options.value(subscriptionOption).trimmed();
        if (subscription.isEmpty()) {
            err << tr("--subscription is required.") << Qt::endl;
            return int(ExitInvalidInput);
        }
        const QString format = options.value(formatOption).toLower();
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err << tr("--format must be text or json, not “%1”.").arg(options.value(formatOption))
                << Qt::endl;
            return int(ExitInvalidInput);
        }
        QString wantedType;
        if (options.isSet(typeOption)) {
            const QString type = options.value(typeOption).toUpper();
            if (type == QLatin1String("CMK"))
                wantedType = CustomerKey;
            else if (type == QLatin1String("DOUBLE"))
                wantedType = PlatformAndCustomerKeys;
            else {
                err << tr("--type must be CMK or DOUBLE, not “%1”.").arg(options.value(typeOption))
                    << Qt::endl;
                return int(ExitInvalidInput);
            }
        }
        const QString wantedLocation = cmk::normalizeRegion(options.value(locationOption));
        if (options.isSet(locationOption) && wantedLocation.isEmpty()) {
            err << tr("--location must name a region.") << Qt::endl;
            return int(ExitInvalidInput);
        }
        const cmk::ArmPathBuilder path = cmk::diskEncryptionSetsPath(subscription);
        if (!path.ok()) {
            err << tr("Invalid subscription ID “%1”: %2").arg(subscription, path.error().message) << Qt::endl;
            return int(ExitInvalidInput);
        }

        std::vector<cmk::DiskEncryptionSet> matching;
        cmk::ArmError failure;
        cmk::ArmPager *pager = context.armClient()->list(path.path());
        QObject::connect(pager, &cmk::ArmPager::pageReceived, pager, [&](const nlohmann::json &items) {
            std::vector<cmk::DiskEncryptionSet> page;
            const cmk::ArmError error = cmk::parseResources(items, page);
            if (error) {
                failure = error;
                pager->abort();
                return;
            }
            for (cmk::DiskEncryptionSet &des : page) {
                if (!wantedLocation.isEmpty() && cmk::normalizeRegion(des.location) != wantedLocation)
                    continue;
                if (!wantedType.isEmpty() && des.encryptionType.compare(wantedType, Qt::CaseInsensitive) != 0)
                    continue;
                matching.push_back(std::move(des));
            }
        });
        waitUntil([pager] { return pager->isFinished(); });
        if (!failure && pager->error())
            failure = pager->error();
        pager->deleteLater();
        if (failure) {
            err << tr("Could not list the disk encryption sets: %1").arg(failure.toDisplayString())
                << Qt::endl;
            return exitCodeForArmError(failure);
        }

        QTextStream out(stdout);
        if (format == QLatin1String("json")) {
            nlohmann::json array = nlohmann::json::array();
            for (const cmk::DiskEncryptionSet &des : matching)
                array.push_back(toOutputJson(des));
            out << QString::fromStdString(array.dump(2)) << '\n';
        } else if (matching.empty()) {
            out << tr("No disk encryption set matches.") << '\n';
        } else {
            printTable(out, matching);
        }
        out.flush();
        return int(ExitOk);
    });
}

} // namespace cmkapp
