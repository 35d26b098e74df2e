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
    static nlohmann::json json(const FleetAuditResult &result);
    static QString csv(const FleetAuditResult &result);
    static QString html(const FleetAuditResult &result);
    /// "arg" or "arm".
    static QString sourceKey(AuditSource source);
};

} // namespace cmk
