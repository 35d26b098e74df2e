// cmkwizard audit: every image version of some subscriptions (or of every subscription the account sees), its
// encryption and its problems, as text, JSON (docs/audit.md), CSV or HTML.

#include "arm/armpaths.h"
#include "arm/resources.h"
#include "audit/fleetaudit.h"
#include "audit/fleetauditreport.h"
#include "cli/commands.h"

#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>
#include <QUuid>
#include <cstdio>
#include <unistd.h>

namespace cmkapp {

namespace {

enum class AuditFormat { Text, Json, Csv, Html };

struct AuditRequest {
    QStringList subscriptions;
    bool allSubscriptions = false;
    QString tenant; ///< --all-subscriptions: only this tenant's subscriptions (a tenant ID)
    QStringList galleries;
    cmk::AuditSource source = cmk::AuditSource::Auto;
    AuditFormat format = AuditFormat::Text;
    QString out;
};

struct AuditOptions {
    QCommandLineOption subscription, all, gallery, source, format, out;
};

// A function, not member initialisers: lupdate files tr() calls inside a struct under the struct's name.
AuditOptions auditOptions() {
    return AuditOptions{
        QCommandLineOption(QStringLiteral("subscription"),
                           tr("Subscription ID to audit (repeat for several)."), QStringLiteral("ID")),
        QCommandLineOption(QStringLiteral("all-subscriptions"),
                           tr("Audit every subscription the account can see (with --tenant ID: that tenant's "
                              "only).")),
        QCommandLineOption(
            QStringLiteral("gallery"),
            tr("Only the image versions of this gallery (its resource ID; repeat for several)."),
            QStringLiteral("GALLERY_ID")),
        QCommandLineOption(QStringLiteral("source"),
                           tr("Where to read from: arg (Azure Resource Graph), arm (a walk through Resource "
                              "Manager) or auto (default: Resource Graph, Resource Manager when it is not "
                              "available)."),
                           QStringLiteral("arg|arm|auto"), QStringLiteral("auto")),
        QCommandLineOption(QStringLiteral("format"), tr("Output format: text (default), json, csv or html."),
                           QStringLiteral("text|json|csv|html"), QStringLiteral("text")),
        QCommandLineOption(QStringLiteral("out"),
                           tr("Write the report to FILE instead of the standard output."),
                           QStringLiteral("FILE")),
    };
}

bool readSourceAndFormat(const QCommandLineParser &p, const AuditOptions &o, AuditRequest *request,
                         QTextStream &err) {
    const QString source = p.value(o.source).toLower();
    if (source == QLatin1String("arg"))
        request->source = cmk::AuditSource::ResourceGraph;
    else if (source == QLatin1String("arm"))
        request->source = cmk::AuditSource::ResourceManager;
    else if (source != QLatin1String("auto")) {
        err << tr("--source must be arg, arm or auto, not “%1”.").arg(p.value(o.source)) << Qt::endl;
        return false;
    }
    const QString format = p.value(o.format).toLower();
    const QStringList formats = {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv"),
                                 QStringLiteral("html")};
    if (!formats.contains(format)) {
        err << tr("--format must be text, json, csv or html, not “%1”.").arg(p.value(o.format)) << Qt::endl;
        return false;
    }
    request->format = AuditFormat(formats.indexOf(format));
    return true;
}

/// False (reason on `err`) when the scope is missing, given twice, or holds something that is not an ID.
bool readScope(const QCommandLineParser &p, const AuditOptions &o, AuditRequest *request, QTextStream &err) {
    request->subscriptions = p.values(o.subscription);
    request->allSubscriptions = p.isSet(o.all);
    if (request->subscriptions.isEmpty() == !request->allSubscriptions) {
        err << tr("Give either --subscription (once or more) or --all-subscriptions.") << Qt::endl;
        return false;
    }
    for (const QString &subscription : std::as_const(request->subscriptions)) {
        const cmk::ArmPathBuilder path = cmk::subscriptionPath(subscription.trimmed());
        if (!path.ok()) {
            err << tr("Invalid subscription ID “%1”: %2").arg(subscription, path.error().message) << Qt::endl;
            return false;
        }
    }
    // The global --tenant signs in to a tenant (an ID or a domain); an ID also narrows --all-subscriptions.
    const QString tenant = p.value(QStringLiteral("tenant"));
    if (request->allSubscriptions && !QUuid::fromString(tenant).isNull())
        request->tenant = tenant;
    for (const QString &gallery : p.values(o.gallery)) {
        const cmk::ResourceId id = cmk::ResourceId::parse(gallery.trimmed());
        if (!id.valid ||
            id.fullType().compare(QLatin1String("Microsoft.Compute/galleries"), Qt::CaseInsensitive) != 0) {
            err << tr("“%1” is not the resource ID of a gallery "
                      "(/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…).")
                       .arg(gallery)
                << Qt::endl;
            return false;
        }
        if (!request->allSubscriptions &&
            !request->subscriptions.contains(id.subscriptionId, Qt::CaseInsensitive)) {
            err << tr("The gallery %1 is not in any subscription given with --subscription.").arg(gallery)
                << Qt::endl;
            return false;
        }
        request->galleries << gallery.trimmed();
    }
    return true;
}

using Sink = std::function<void(const std::string &)>;

/// The JSON report version by version: 10,000 versions never exist as one document or one string.
void writeJson(const cmk::FleetAuditResult &result, const Sink &write) {
    nlohmann::json head = cmk::FleetAuditReport::json(result, false);
    head["versions"] = nlohmann::json::array();
    std::string text = head.dump(2);
    // "versions" sorts last of the keys: the text ends with its empty array and the closing brace.
    text.resize(text.size() - std::string("[]\n}").size());
    write(text);
    writeJsonArray(
        result.versions.size(),
        [&result](size_t i) { return cmk::FleetAuditReport::versionJson(result.versions[i]); }, 1, write);
    write("\n}\n");
}

void writeReport(const cmk::FleetAuditResult &result, AuditFormat format, const Sink &write) {
    switch (format) {
    case AuditFormat::Json:
        writeJson(result, write);
        return;
    case AuditFormat::Csv:
        write(cmk::FleetAuditReport::csv(result).toStdString());
        return;
    case AuditFormat::Html:
        write(cmk::FleetAuditReport::html(result).toStdString());
        return;
    case AuditFormat::Text:
        break;
    }
    // list-des's words for where the list came from.
    write((cmk::FleetAuditReport::text(result) + QLatin1Char('\n') +
           (result.source == cmk::AuditSource::ResourceGraph ? tr("Listed from Azure Resource Graph.")
                                                             : tr("Listed from Azure Resource Manager.")) +
           QLatin1Char('\n'))
              .toStdString());
}

/// The report on stdout, or in `path` (replaced only once it is complete).
bool output(const cmk::FleetAuditResult &result, AuditFormat format, const QString &path, QTextStream &err) {
    if (path.isEmpty()) {
        writeReport(result, format,
                    [](const std::string &chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
        std::fflush(stdout);
        return true;
    }
    QSaveFile file(path);
    bool written = file.open(QIODevice::WriteOnly);
    if (written)
        writeReport(result, format, [&file, &written](const std::string &chunk) {
            written = written && file.write(chunk.data(), qint64(chunk.size())) == qint64(chunk.size());
        });
    if (!written || !file.commit()) {
        err << tr("Cannot write %1: %2").arg(path, file.errorString()) << Qt::endl;
        return false;
    }
    return true;
}

/// Runs the audit to its end; on a terminal, its progress on one line of stderr.
void runAudit(cmk::FleetAudit &audit, const AuditRequest &request, QTextStream &err) {
    const bool terminal = ::isatty(::fileno(stderr)) == 1;
    bool done = false;
    QObject::connect(&audit, &cmk::FleetAudit::finished, &audit, [&done] { done = true; });
    if (terminal) {
        QObject::connect(&audit, &cmk::FleetAudit::progress, &audit,
                         [&err](int subscriptions, int total, int versions) {
                             err << '\r'
                                 << tr("Subscriptions %1/%2, %3 image versions seen…")
                                        .arg(subscriptions)
                                        .arg(total)
                                        .arg(QLocale().toString(versions))
                                 << Qt::flush;
                         });
    }
    audit.setSource(request.source);
    if (request.allSubscriptions)
        audit.startAllSubscriptions(request.tenant, request.galleries);
    else
        audit.start(request.subscriptions, request.galleries);
    waitUntil([&done] { return done; });
    if (terminal)
        err << '\n' << Qt::flush;
}

} // namespace

int runAudit(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Audits every image version of the subscriptions given: how each one is encrypted (platform, "
        "customer "
        "or double keys, confidential, mixed) in each region and on each disk, and what is wrong with it "
        "(the "
        "findings of review, and the key health of its disk encryption sets). Exit code 0 when no error "
        "finding, 5 when there is one, 2 for invalid input, 3 for an Azure error, 4 for a sign-in problem. "
        "The JSON format is described in docs/audit.md."));
    const AuditOptions options = auditOptions();
    parser.addOptions(
        {options.subscription, options.all, options.gallery, options.source, options.format, options.out});

    return runHeadless(arguments, parser, [&](AppContext &context, const QCommandLineParser &p) {
        QTextStream err(stderr);
        AuditRequest request;
        if (!readScope(p, options, &request, err) || !readSourceAndFormat(p, options, &request, err))
            return int(ExitInvalidInput);
        request.out = p.value(options.out);
        cmk::FleetAudit audit(context.armClient());
        runAudit(audit, request, err);
        if (audit.error().isError()) {
            err << tr("The audit could not run: %1").arg(audit.error().toDisplayString()) << Qt::endl;
            return exitCodeForArmError(audit.error());
        }
        const cmk::FleetAuditResult &result = audit.result();
        for (const cmk::AuditSubscription &s : result.subscriptions) {
            if (!s.reviewed)
                err << cmk::FleetAuditReport::tr("Subscription %1 was not reviewed: %2").arg(s.id, s.reason)
                    << Qt::endl;
        }
        if (!output(result, request.format, request.out, err))
            return int(ExitFailure);
        if (!result.subscriptions.isEmpty() && result.reviewedSubscriptions() == 0)
            return int(ExitArmError); // nothing could be read: an Azure error, whatever the report says
        return result.hasErrorFinding() ? int(ExitDesFindings) : int(ExitOk);
    });
}

} // namespace cmkapp
