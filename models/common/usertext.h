#pragma once

// What a user reads for a value that comes from Azure or from the clock: region display names, service states
// and types in the interface's language (the French names are the ones the French Azure portal uses), dates
// and percentages in the user's locale. Pages, the review window, reports and the CLI's text output all go
// through here; IDs and raw values stay in tooltips and in exports (JSON keeps what Azure sent).

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace cmk {

/// Azure public regions by their ARM name ("westeurope"), shown by their display name in the interface's
/// language ("West Europe", "Europe Ouest").
class RegionNames {
    Q_DECLARE_TR_FUNCTIONS(RegionNames)

public:
    /// The translated display name of `region`, given as ARM name ("westeurope") or display name
    /// ("West Europe"). A region this table does not know: `fallback` (e.g. the display name ARM sent), or
    /// `region` itself.
    static QString displayName(const QString &region, const QString &fallback = QString());
    /// Whether the table knows `region` (ARM name or display name).
    static bool isKnown(const QString &region);
    /// Every ARM name of the table (public cloud), in the table's order.
    static QStringList armNames();
    /// The English display name of `region` ("West Europe"), or an empty string when unknown.
    static QString englishName(const QString &region);
};

/// States and types that Azure sends as identifiers (Succeeded, InProgress, Generalized...), as a user reads
/// them; an identifier this table does not know is shown as sent.
class ServiceTerms {
    Q_DECLARE_TR_FUNCTIONS(ServiceTerms)

public:
    /// A provisioning, replication, registration or OS state ("Succeeded" → "Réussi").
    static QString state(const QString &value);
    /// A storage account type as the Azure portal names it ("Standard_LRS" → "Standard HDD (LRS)", "HDD
    /// Standard (LRS)"); an unknown type is shown as sent.
    static QString storageType(const QString &value);
    /// Every identifier storageType() knows.
    static QStringList knownStorageTypes();
    /// Whether `value` is one of the identifiers state() translates.
    static bool isKnownState(const QString &value);
    /// Every identifier state() knows.
    static QStringList knownStates();
    /// `percent` with the spacing of the interface's language ("100%", "100 %").
    static QString percent(int percent);
    /// A date in the user's locale with a four-digit year ("12/31/2030", "31/12/2030").
    static QString date(const QDate &date);
    /// The locale's short date format, but always with a four-digit year: an end of life is years away.
    static QString dateFormat(const QLocale &locale);
    /// A date and time in the user's locale, local time ("31/12/2030 14:05").
    static QString dateTime(const QDateTime &dateTime);
};

} // namespace cmk
