// cmkwizard check-des: the health of Disk Encryption Sets' keys (models/keyvault/), for scripts and support
// staff. Every set of a subscription (optionally of one region), or the ones given with --id.

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "cli/commands.h"
#include "common/usertext.h"
#include "keyvault/deshealthcheck.h"

#include <QCoreApplication>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace cmkapp {

namespace {

class CheckDesCommandText {
    Q_DECLARE_TR_FUNCTIONS(CheckDesCommandText)
};

nlohmann::json reportJson(const std::vector<cmk::DesHealth> &results) {
    nlohmann::json sets = nlohmann::json::array();
    for (const cmk::DesHealth &health : results)
        sets.push_back(cmk::desHealthJson(health));
    return {{"diskEncryptionSets", sets}};
}

void printReport(QTextStream &out, const std::vector<cmk::DesHealth> &results) {
    const QStringList headers = {CheckDesCommandText::tr("NAME"), CheckDesCommandText::tr("LOCATION"),
                                 CheckDesCommandText::tr("STATUS"), CheckDesCommandText::tr("FINDINGS")};
    QList<QStringList> rows;
    for (const cmk::DesHealth &health : results) {
        QStringList codes;
        for (const cmk::DesFinding &finding : health.findings)
            codes << finding.code;
        rows.append({health.name, cmk::RegionNames::displayName(health.location),
                     cmk::translatedStatus(health.status),
                     codes.isEmpty() ? QStringLiteral("-") : codes.join(QStringLiteral(", "))});
    }
    QList<int> widths;
    for (int i = 0; i < headers.size(); ++i) {
        int width = int(headers.at(i).size());
        for (const QStringList &row : std::as_const(rows))
            width = qMax(width, int(row.at(i).size()));
        widths << width;
    }
    for (const QStringList &row : QList<QStringList>{headers} + rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        out << line << '\n';
    }
    for (const cmk::DesHealth &health : results) {
        if (health.findings.empty())
            continue;
        out << '\n' << health.name << '\n';
        for (const cmk::DesFinding &finding : health.findings) {
            out << "  " << cmk::translatedSeverity(finding.severity) << " [" << finding.code << "] "
                << finding.message << '\n';
            if (!finding.azureCli.isEmpty())
                out << "    az: " << finding.azureCli << '\n';
            if (!finding.powerShell.isEmpty())
                out << "    PowerShell: " << finding.powerShell << '\n';
        }
    }
}

/// The sets of the subscription (in `location` when given), every page; false with *error on failure.
bool listSets(AppContext &context, const QString &subscription, const QString &location, QStringList *ids,
              cmk::ArmError *error) {
    cmk::ArmPager *pager = context.armClient()->list(cmk::diskEncryptionSetsPath(subscription).path());
    QObject::connect(pager, &cmk::ArmPager::pageReceived, pager, [&](const nlohmann::json &items) {
        std::vector<cmk::DiskEncryptionSet> page;
        if (const cmk::ArmError problem = cmk::parseResources(items, page)) {
            *error = problem;
            pager->abort();
            return;
        }
        for (const cmk::DiskEncryptionSet &set : page) {
            if (location.isEmpty() || cmk::sameRegion(set.location, location))
                ids->append(set.id);
        }
    });
    waitUntil([pager] { return pager->isFinished(); });
    if (!*error && pager->error())
        *error = pager->error();
    pager->deleteLater();
    return !*error;
}

/// A sign-in problem while reading a set: the whole command fails with it rather than reporting "unknown".
const cmk::ArmError *signInProblem(const std::vector<cmk::DesHealth> &results) {
    for (const cmk::DesHealth &health : results) {
        const cmk::ArmError &error = health.readings.desError;
        if (error && exitCodeForArmError(error) == ExitAuthError)
            return &error;
    }
    return nullptr;
}

} // namespace

int runCheckDes(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(CheckDesCommandText::tr(
        "Checks the keys behind Disk Encryption Sets: the set, its key vault, its key and the access of its "
        "identity, with the fix of each problem (docs/des-health.md). Exit code 0 when no set has an error, "
        "5 "
        "when one has, 2 for invalid input, 3 for an Azure error, 4 for a sign-in problem."));
    const DesSelectionOptions selection = desSelectionOptions();
    const QCommandLineOption idOption(
        QStringLiteral("id"),
        CheckDesCommandText::tr("Check this set only (resource ID); may be given several times."),
        QStringLiteral("DES_ID"));
    parser.addOptions({selection.subscription, selection.location, idOption, selection.format});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &options) {
        QTextStream err(stderr);
        const QString subscription = options.value(selection.subscription).trimmed();
        QStringList ids = options.values(idOption);
        if (subscription.isEmpty() && ids.isEmpty()) {
            err << CheckDesCommandText::tr("--subscription (or --id) is required.") << Qt::endl;
            return int(ExitInvalidInput);
        }
        bool json = false;
        if (!readTextOrJsonFormat(options, selection.format, &json, err))
            return int(ExitInvalidInput);
        for (const QString &id : std::as_const(ids)) {
            if (!cmk::ResourceId::parse(id).valid ||
                cmk::ResourceId::parse(id).fullType().compare(
                    QLatin1String("Microsoft.Compute/diskEncryptionSets"), Qt::CaseInsensitive) != 0) {
                err << CheckDesCommandText::tr("“%1” is not the resource ID of a disk encryption set.")
                           .arg(id)
                    << Qt::endl;
                return int(ExitInvalidInput);
            }
        }
        if (!subscription.isEmpty() && !cmk::diskEncryptionSetsPath(subscription).ok()) {
            err << CheckDesCommandText::tr("Invalid subscription ID “%1”.").arg(subscription) << Qt::endl;
            return int(ExitInvalidInput);
        }
        cmk::ArmError failure;
        if (ids.isEmpty() &&
            !listSets(context, subscription, options.value(selection.location), &ids, &failure)) {
            err << CheckDesCommandText::tr("Could not list the disk encryption sets: %1")
                       .arg(failure.toDisplayString())
                << Qt::endl;
            return exitCodeForArmError(failure);
        }
        cmk::DiskEncryptionSetHealthCheck check(context.armClient());
        check.start(ids);
        waitUntil([&check] { return check.isFinished(); });
        if (const cmk::ArmError *problem = signInProblem(check.results())) {
            err << CheckDesCommandText::tr("Could not read the disk encryption sets: %1")
                       .arg(problem->toDisplayString())
                << Qt::endl;
            return int(ExitAuthError);
        }
        QTextStream out(stdout);
        if (json)
            out << QString::fromStdString(reportJson(check.results()).dump(2)) << '\n';
        else if (check.results().empty())
            out << CheckDesCommandText::tr("No disk encryption set to check.") << '\n';
        else
            printReport(out, check.results());
        out.flush();
        return check.errorLines().isEmpty() ? int(ExitOk) : int(ExitDesFindings);
    });
}

} // namespace cmkapp
