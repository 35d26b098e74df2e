#pragma once

// The fleet audit's result as text, JSON (schema "cmkwizard.audit", docs/audit.md), CSV (one row per finding)
// and a self-contained HTML report with the counts first. No widgets here.

#include "audit/fleetaudit.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <nlohmann/json.hpp>

namespace cmk {

class FleetAuditReport {
    Q_DECLARE_TR_FUNCTIONS(FleetAuditReport)
public:
    static constexpr int schemaVersion = 1;
    /// Findings per code, over every version.
    static QMap<QString, int> countByCode(const FleetAuditResult &result);
    /// Versions per encryption key ("platform", "customer", ...).
    static QMap<QString, int> countByEncryption(const FleetAuditResult &result);
    static QString text(const FleetAuditResult &result);
    /// The whole report; without its "versions" when `withVersions` is false (a caller writes them one by one
    /// with versionJson()).
    static nlohmann::json json(const FleetAuditResult &result, bool withVersions = true);
    /// One entry of json()'s "versions".
    static nlohmann::json versionJson(const AuditedVersion &version);
    static QString csv(const FleetAuditResult &result);
    static QString html(const FleetAuditResult &result);
    /// "arg" or "arm".
    static QString sourceKey(AuditSource source);
};

} // namespace cmk
