#include "audit/fleetauditreport.h"

#include "common/usertext.h"

namespace cmk {

namespace {

nlohmann::json optionalString(const QString &value) {
    return value.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

/// A CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180).
QString csvField(const QString &value) {
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString diskKey(int lun) {
    return lun == -2 ? QString() : lun < 0 ? QStringLiteral("os") : QStringLiteral("data");
}

nlohmann::json subscriptionJson(const AuditSubscription &s) {
    return {{"id", s.id},
            {"displayName", optionalString(s.displayName)},
            {"status", s.reviewed ? "reviewed" : "notReviewed"},
            {"reason", optionalString(s.reason)},
            {"versions", s.versions}};
}

} // namespace

nlohmann::json FleetAuditReport::versionJson(const AuditedVersion &audited) {
    using nlohmann::json;
    const VersionReview &review = audited.review;
    json entry = {{"id", review.versionId},
                  {"name", review.versionName},
                  {"subscriptionId", review.subscriptionId},
                  {"resourceGroup", review.resourceGroup},
                  {"galleryName", review.galleryName},
                  {"imageDefinitionName", review.imageDefinitionName},
                  {"location", review.version.location},
                  {"provisioningState", optionalString(review.version.provisioningState)},
                  {"encryption", auditEncryptionKey(audited.encryption)}};
    json regions = json::array();
    for (int r = 0; r < review.regions.size(); ++r) {
        const ReviewRegion &region = review.regions.at(r);
        json disks = json::array();
        for (int d = 0; d < region.disks.size(); ++d) {
            const ReviewDisk &disk = region.disks.at(d);
            disks.push_back({{"disk", disk.lun < 0 ? "os" : "data"},
                             {"lun", disk.lun < 0 ? json(nullptr) : json(disk.lun)},
                             {"encryption", auditEncryptionKey(audited.cells.value(r).value(d))},
                             {"diskEncryptionSetId", optionalString(disk.desId)}});
        }
        regions.push_back({{"name", region.name}, {"disks", disks}});
    }
    entry["regions"] = regions;
    json findings = json::array();
    for (const ReviewFinding &finding : review.findings)
        findings.push_back(ReviewReport::findingJson(finding));
    entry["findings"] = findings;
    return entry;
}

namespace {

QString severityColor(ReviewFinding::Severity severity) {
    return severity == ReviewFinding::Severity::Error     ? QStringLiteral("#b00020")
           : severity == ReviewFinding::Severity::Warning ? QStringLiteral("#8a5a00")
                                                          : QStringLiteral("#1a5fb4");
}

} // namespace

QString FleetAuditReport::sourceKey(AuditSource source) {
    return source == AuditSource::ResourceManager ? QStringLiteral("arm") : QStringLiteral("arg");
}

QMap<QString, int> FleetAuditReport::countByCode(const FleetAuditResult &result) {
    QMap<QString, int> counts;
    for (const AuditedVersion &v : result.versions) {
        for (const ReviewFinding &f : v.review.findings)
            ++counts[f.code];
    }
    return counts;
}

QMap<QString, int> FleetAuditReport::countByEncryption(const FleetAuditResult &result) {
    QMap<QString, int> counts;
    for (const AuditedVersion &v : result.versions)
        ++counts[auditEncryptionKey(v.encryption)];
    return counts;
}

nlohmann::json FleetAuditReport::json(const FleetAuditResult &result, bool withVersions) {
    using nlohmann::json;
    json doc = {{"schema", "cmkwizard.audit"},
                {"schemaVersion", schemaVersion},
                {"auditedAt", result.auditedAt.toString(Qt::ISODate)},
                {"source", sourceKey(result.source)},
                {"cancelled", result.cancelled}};
    json subscriptions = json::array();
    for (const AuditSubscription &s : result.subscriptions)
        subscriptions.push_back(subscriptionJson(s));
    json galleries = json::array();
    for (const QString &g : result.galleries)
        galleries.push_back(g);
    doc["scope"] = {{"subscriptions", subscriptions}, {"galleries", galleries}};
    json byCode = json::object();
    const QMap<QString, int> codes = countByCode(result);
    for (auto it = codes.cbegin(); it != codes.cend(); ++it)
        byCode[it.key().toStdString()] = it.value();
    json byEncryption = json::object();
    const QMap<QString, int> kinds = countByEncryption(result);
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        byEncryption[it.key().toStdString()] = it.value();
    doc["summary"] = {
        {"versions", int(result.versions.size())},
        {"withFindings", result.versionsWithFindings()},
        {"subscriptionsReviewed", result.reviewedSubscriptions()},
        {"subscriptionsNotReviewed", int(result.subscriptions.size()) - result.reviewedSubscriptions()},
        {"bySeverity",
         {{"error", result.count(ReviewFinding::Severity::Error)},
          {"warning", result.count(ReviewFinding::Severity::Warning)},
          {"info", result.count(ReviewFinding::Severity::Info)}}},
        {"byCode", byCode},
        {"byEncryption", byEncryption}};
    if (!withVersions)
        return doc;
    json versions = json::array();
    for (const AuditedVersion &v : result.versions)
        versions.push_back(versionJson(v));
    doc["versions"] = versions;
    return doc;
}

QString FleetAuditReport::csv(const FleetAuditResult &result) {
    // Stable column names (not translated): a spreadsheet or a script reads them.
    QString out =
        QStringLiteral("subscriptionId,resourceGroup,galleryName,imageDefinitionName,versionName,versionId,"
                       "encryption,severity,code,region,disk,lun,diskEncryptionSetId,message\r\n");
    for (const AuditedVersion &v : result.versions) {
        const VersionReview &r = v.review;
        for (const ReviewFinding &f : r.findings) {
            const QStringList fields = {r.subscriptionId,
                                        r.resourceGroup,
                                        r.galleryName,
                                        r.imageDefinitionName,
                                        r.versionName,
                                        r.versionId,
                                        auditEncryptionKey(v.encryption),
                                        ReviewAnalysis::severityKey(f.severity),
                                        f.code,
                                        f.region,
                                        diskKey(f.lun),
                                        f.lun >= 0 ? QString::number(f.lun) : QString(),
                                        f.desId,
                                        f.message};
            QStringList quoted;
            for (const QString &field : fields)
                quoted << csvField(field);
            out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        }
    }
    return out;
}

QString FleetAuditReport::text(const FleetAuditResult &result) {
    QStringList lines;
    lines << tr("Audited %n image version(s)", nullptr, int(result.versions.size())) + QStringLiteral(", ") +
                 tr("%n with findings", nullptr, result.versionsWithFindings()) + QLatin1Char('.');
    // The review's words for the same counts.
    lines << ReviewReport::tr("Findings: %1, %2, %3.")
                 .arg(
                     ReviewReport::tr("%n problem(s)", nullptr, result.count(ReviewFinding::Severity::Error)),
                     ReviewReport::tr("%n warning(s)", nullptr,
                                      result.count(ReviewFinding::Severity::Warning)),
                     ReviewReport::tr("%n note(s)", nullptr, result.count(ReviewFinding::Severity::Info)));
    const QMap<QString, int> codes = countByCode(result);
    for (auto it = codes.cbegin(); it != codes.cend(); ++it)
        lines << QStringLiteral("  %1: %2").arg(it.key()).arg(it.value());
    QStringList kinds;
    const QMap<QString, int> byKind = countByEncryption(result);
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    lines << tr("Encryption: %1.").arg(kinds.join(QStringLiteral(", ")));
    for (const AuditSubscription &s : result.subscriptions) {
        if (!s.reviewed)
            lines << tr("Subscription %1 was not reviewed: %2").arg(s.id, s.reason);
    }
    if (result.cancelled)
        lines << tr("The audit was cancelled: these are the versions found until then.");
    for (const AuditedVersion &v : result.versions) {
        if (v.review.findings.isEmpty())
            continue;
        lines << QString()
              << QStringLiteral("%1 (%2)").arg(v.review.versionId, auditEncryptionLabel(v.encryption));
        for (const ReviewFinding &f : v.review.findings)
            lines << QStringLiteral("  [%1] %2: %3")
                         .arg(ReviewAnalysis::severityLabel(f.severity), f.code, f.message);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString FleetAuditReport::html(const FleetAuditResult &result) {
    const auto e = [](const QString &s) { return s.toHtmlEscaped(); };
    const QString table = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
    QString h =
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body>")
            .arg(e(tr("Image version audit")));
    h += QStringLiteral("<h1>%1</h1>").arg(e(tr("Image version audit")));
    h += table;
    const auto row = [&](const QString &label, const QString &value) {
        h += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>").arg(e(label), e(value));
    };
    row(tr("Image versions"), QString::number(result.versions.size()));
    row(tr("With findings"), QString::number(result.versionsWithFindings()));
    row(ReviewAnalysis::severityLabel(ReviewFinding::Severity::Error),
        QString::number(result.count(ReviewFinding::Severity::Error)));
    row(ReviewAnalysis::severityLabel(ReviewFinding::Severity::Warning),
        QString::number(result.count(ReviewFinding::Severity::Warning)));
    row(ReviewAnalysis::severityLabel(ReviewFinding::Severity::Info),
        QString::number(result.count(ReviewFinding::Severity::Info)));
    row(tr("Subscriptions reviewed"),
        QStringLiteral("%1 / %2").arg(result.reviewedSubscriptions()).arg(result.subscriptions.size()));
    h += QStringLiteral("</table><h2>%1</h2>").arg(e(tr("Findings by code")));
    h += table;
    const QMap<QString, int> codes = countByCode(result);
    for (auto it = codes.cbegin(); it != codes.cend(); ++it)
        row(it.key(), QString::number(it.value()));
    h += QStringLiteral("</table><h2>%1</h2>").arg(e(tr("Encryption")));
    h += table;
    const QMap<QString, int> kinds = countByEncryption(result);
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        row(it.key(), QString::number(it.value()));
    h += QStringLiteral("</table>");
    for (const AuditSubscription &s : result.subscriptions) {
        if (!s.reviewed)
            h += QStringLiteral("<p><font color=\"#b00020\">%1</font></p>")
                     .arg(e(tr("Subscription %1 was not reviewed: %2").arg(s.id, s.reason)));
    }
    h += QStringLiteral("<h2>%1</h2>").arg(e(ReviewReport::tr("Findings")));
    h += table +
         QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
             .arg(e(ReviewAnalysis::tr("Image version")), e(tr("Severity")), e(tr("Code")), e(tr("Message")));
    for (const AuditedVersion &v : result.versions) {
        for (const ReviewFinding &f : v.review.findings)
            h += QStringLiteral(
                     "<tr><td>%1</td><td><font color=\"%2\">%3</font></td><td>%4</td><td>%5</td></tr>")
                     .arg(e(v.review.versionId), severityColor(f.severity),
                          e(ReviewAnalysis::severityLabel(f.severity)), e(f.code), e(f.message));
    }
    h += QStringLiteral("</table><p><small>%1</small></p></body></html>")
             .arg(e(tr("Audited at %1").arg(ServiceTerms::dateTime(result.auditedAt))));
    return h;
}

} // namespace cmk
