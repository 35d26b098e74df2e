#include "common/usertext.h"

#include <QLocale>
#include <QStringList>

namespace cmk {

namespace {

struct RegionEntry {
    const char *armName;
    const char *displayName; // translated in the catalogue (context RegionNames)
};

// Azure public cloud regions, as `az account list-locations` names them.
const RegionEntry regionTable[] = {
    {"eastus", QT_TRANSLATE_NOOP("RegionNames", "East US")},
    {"eastus2", QT_TRANSLATE_NOOP("RegionNames", "East US 2")},
    {"southcentralus", QT_TRANSLATE_NOOP("RegionNames", "South Central US")},
    {"westus2", QT_TRANSLATE_NOOP("RegionNames", "West US 2")},
    {"westus3", QT_TRANSLATE_NOOP("RegionNames", "West US 3")},
    {"australiaeast", QT_TRANSLATE_NOOP("RegionNames", "Australia East")},
    {"southeastasia", QT_TRANSLATE_NOOP("RegionNames", "Southeast Asia")},
    {"northeurope", QT_TRANSLATE_NOOP("RegionNames", "North Europe")},
    {"swedencentral", QT_TRANSLATE_NOOP("RegionNames", "Sweden Central")},
    {"uksouth", QT_TRANSLATE_NOOP("RegionNames", "UK South")},
    {"westeurope", QT_TRANSLATE_NOOP("RegionNames", "West Europe")},
    {"centralus", QT_TRANSLATE_NOOP("RegionNames", "Central US")},
    {"southafricanorth", QT_TRANSLATE_NOOP("RegionNames", "South Africa North")},
    {"centralindia", QT_TRANSLATE_NOOP("RegionNames", "Central India")},
    {"eastasia", QT_TRANSLATE_NOOP("RegionNames", "East Asia")},
    {"indonesiacentral", QT_TRANSLATE_NOOP("RegionNames", "Indonesia Central")},
    {"japaneast", QT_TRANSLATE_NOOP("RegionNames", "Japan East")},
    {"japanwest", QT_TRANSLATE_NOOP("RegionNames", "Japan West")},
    {"koreacentral", QT_TRANSLATE_NOOP("RegionNames", "Korea Central")},
    {"malaysiawest", QT_TRANSLATE_NOOP("RegionNames", "Malaysia West")},
    {"newzealandnorth", QT_TRANSLATE_NOOP("RegionNames", "New Zealand North")},
    {"canadacentral", QT_TRANSLATE_NOOP("RegionNames", "Canada Central")},
    {"austriaeast", QT_TRANSLATE_NOOP("RegionNames", "Austria East")},
    {"belgiumcentral", QT_TRANSLATE_NOOP("RegionNames", "Belgium Central")},
    {"denmarkeast", QT_TRANSLATE_NOOP("RegionNames", "Denmark East")},
    {"francecentral", QT_TRANSLATE_NOOP("RegionNames", "France Central")},
    {"germanywestcentral", QT_TRANSLATE_NOOP("RegionNames", "Germany West Central")},
    {"italynorth", QT_TRANSLATE_NOOP("RegionNames", "Italy North")},
    {"norwayeast", QT_TRANSLATE_NOOP("RegionNames", "Norway East")},
    {"polandcentral", QT_TRANSLATE_NOOP("RegionNames", "Poland Central")},
    {"spaincentral", QT_TRANSLATE_NOOP("RegionNames", "Spain Central")},
    {"switzerlandnorth", QT_TRANSLATE_NOOP("RegionNames", "Switzerland North")},
    {"mexicocentral", QT_TRANSLATE_NOOP("RegionNames", "Mexico Central")},
    {"uaenorth", QT_TRANSLATE_NOOP("RegionNames", "UAE North")},
    {"brazilsouth", QT_TRANSLATE_NOOP("RegionNames", "Brazil South")},
    {"chilecentral", QT_TRANSLATE_NOOP("RegionNames", "Chile Central")},
    {"israelcentral", QT_TRANSLATE_NOOP("RegionNames", "Israel Central")},
    {"qatarcentral", QT_TRANSLATE_NOOP("RegionNames", "Qatar Central")},
    {"northcentralus", QT_TRANSLATE_NOOP("RegionNames", "North Central US")},
    {"westus", QT_TRANSLATE_NOOP("RegionNames", "West US")},
    {"westcentralus", QT_TRANSLATE_NOOP("RegionNames", "West Central US")},
    {"southafricawest", QT_TRANSLATE_NOOP("RegionNames", "South Africa West")},
    {"australiacentral", QT_TRANSLATE_NOOP("RegionNames", "Australia Central")},
    {"australiacentral2", QT_TRANSLATE_NOOP("RegionNames", "Australia Central 2")},
    {"australiasoutheast", QT_TRANSLATE_NOOP("RegionNames", "Australia Southeast")},
    {"jioindiacentral", QT_TRANSLATE_NOOP("RegionNames", "Jio India Central")},
    {"jioindiawest", QT_TRANSLATE_NOOP("RegionNames", "Jio India West")},
    {"koreasouth", QT_TRANSLATE_NOOP("RegionNames", "Korea South")},
    {"southindia", QT_TRANSLATE_NOOP("RegionNames", "South India")},
    {"westindia", QT_TRANSLATE_NOOP("RegionNames", "West India")},
    {"canadaeast", QT_TRANSLATE_NOOP("RegionNames", "Canada East")},
    {"francesouth", QT_TRANSLATE_NOOP("RegionNames", "France South")},
    {"germanynorth", QT_TRANSLATE_NOOP("RegionNames", "Germany North")},
    {"norwaywest", QT_TRANSLATE_NOOP("RegionNames", "Norway West")},
    {"switzerlandwest", QT_TRANSLATE_NOOP("RegionNames", "Switzerland West")},
    {"ukwest", QT_TRANSLATE_NOOP("RegionNames", "UK West")},
    {"uaecentral", QT_TRANSLATE_NOOP("RegionNames", "UAE Central")},
    {"brazilsoutheast", QT_TRANSLATE_NOOP("RegionNames", "Brazil Southeast")},
};

// "West Europe", "westeurope" and "WestEurope" all name the same region.
QString regionKey(const QString &region) {
    QString key = region.toLower();
    key.remove(QLatin1Char(' '));
    return key;
}

const RegionEntry *findRegion(const QString &region) {
    const QString key = regionKey(region);
    for (const RegionEntry &entry : regionTable) {
        if (key == QLatin1String(entry.armName))
            return &entry;
    }
    return nullptr;
}

// The identifiers Azure sends as states: provisioning (resources), replication (gallery image versions),
// registration (features, resource providers), OS state (images), subscription state.
const char *const stateTable[][2] = {
    {"Succeeded", QT_TRANSLATE_NOOP("ServiceTerms", "Succeeded")},
    {"Failed", QT_TRANSLATE_NOOP("ServiceTerms", "Failed")},
    {"Canceled", QT_TRANSLATE_NOOP("ServiceTerms", "Canceled")},
    {"Creating", QT_TRANSLATE_NOOP("ServiceTerms", "Creating")},
    {"Updating", QT_TRANSLATE_NOOP("ServiceTerms", "Updating")},
    {"Deleting", QT_TRANSLATE_NOOP("ServiceTerms", "Deleting")},
    {"Migrating", QT_TRANSLATE_NOOP("ServiceTerms", "Migrating")},
    {"Accepted", QT_TRANSLATE_NOOP("ServiceTerms", "Accepted")},
    {"Running", QT_TRANSLATE_NOOP("ServiceTerms", "Running")},
    {"InProgress", QT_TRANSLATE_NOOP("ServiceTerms", "In progress")},
    {"Replicating", QT_TRANSLATE_NOOP("ServiceTerms", "Replicating")},
    {"Completed", QT_TRANSLATE_NOOP("ServiceTerms", "Completed")},
    {"Unknown", QT_TRANSLATE_NOOP("ServiceTerms", "Unknown")},
    {"Registered", QT_TRANSLATE_NOOP("ServiceTerms", "Registered")},
    {"Registering", QT_TRANSLATE_NOOP("ServiceTerms", "Registering")},
    {"NotRegistered", QT_TRANSLATE_NOOP("ServiceTerms", "Not registered")},
    {"Unregistered", QT_TRANSLATE_NOOP("ServiceTerms", "Unregistered")},
    {"Unregistering", QT_TRANSLATE_NOOP("ServiceTerms", "Unregistering")},
    {"Pending", QT_TRANSLATE_NOOP("ServiceTerms", "Pending")},
    {"Generalized", QT_TRANSLATE_NOOP("ServiceTerms", "Generalized")},
    {"Specialized", QT_TRANSLATE_NOOP("ServiceTerms", "Specialized")},
    {"Enabled", QT_TRANSLATE_NOOP("ServiceTerms", "Enabled")},
    {"Disabled", QT_TRANSLATE_NOOP("ServiceTerms", "Disabled")},
    {"Warned", QT_TRANSLATE_NOOP("ServiceTerms", "Warned")},
    {"PastDue", QT_TRANSLATE_NOOP("ServiceTerms", "Past due")},
};

// Storage account types (gallery replicas, managed disks) by the names the Azure portal shows.
const char *const storageTypeTable[][2] = {
    {"Standard_LRS", QT_TRANSLATE_NOOP("ServiceTerms", "Standard HDD (LRS)")},
    {"Standard_ZRS", QT_TRANSLATE_NOOP("ServiceTerms", "Standard HDD (ZRS)")},
    {"StandardSSD_LRS", QT_TRANSLATE_NOOP("ServiceTerms", "Standard SSD (LRS)")},
    {"StandardSSD_ZRS", QT_TRANSLATE_NOOP("ServiceTerms", "Standard SSD (ZRS)")},
    {"Premium_LRS", QT_TRANSLATE_NOOP("ServiceTerms", "Premium SSD (LRS)")},
    {"Premium_ZRS", QT_TRANSLATE_NOOP("ServiceTerms", "Premium SSD (ZRS)")},
    {"PremiumV2_LRS", QT_TRANSLATE_NOOP("ServiceTerms", "Premium SSD v2 (LRS)")},
    {"UltraSSD_LRS", QT_TRANSLATE_NOOP("ServiceTerms", "Ultra Disk (LRS)")},
};

/// `value` by its translated name in `table` ({identifier, text} rows), or as sent when the table lacks it.
template <std::size_t N> QString translatedTerm(const char *const (&table)[N][2], const QString &value) {
    for (const auto &entry : table) {
        if (value.compare(QLatin1String(entry[0]), Qt::CaseInsensitive) == 0)
            return ServiceTerms::tr(entry[1]);
    }
    return value;
}

/// The identifiers of `table`, in its order.
template <std::size_t N> QStringList termIdentifiers(const char *const (&table)[N][2]) {
    QStringList identifiers;
    for (const auto &entry : table)
        identifiers << QString::fromLatin1(entry[0]);
    return identifiers;
}

} // namespace

QString RegionNames::displayName(const QString &region, const QString &fallback) {
    if (const RegionEntry *entry = findRegion(region))
        return tr(entry->displayName);
    return fallback.isEmpty() ? region : fallback;
}

bool RegionNames::isKnown(const QString &region) {
    return findRegion(region) != nullptr;
}

QStringList RegionNames::armNames() {
    QStringList names;
    for (const RegionEntry &entry : regionTable)
        names << QString::fromLatin1(entry.armName);
    return names;
}

QString RegionNames::englishName(const QString &region) {
    const RegionEntry *entry = findRegion(region);
    return entry ? QString::fromLatin1(entry->displayName) : QString();
}

QString ServiceTerms::state(const QString &value) {
    return translatedTerm(stateTable, value);
}

QString ServiceTerms::storageType(const QString &value) {
    return translatedTerm(storageTypeTable, value);
}

QStringList ServiceTerms::knownStorageTypes() {
    return termIdentifiers(storageTypeTable);
}

bool ServiceTerms::isKnownState(const QString &value) {
    return knownStates().contains(value, Qt::CaseInsensitive);
}

QStringList ServiceTerms::knownStates() {
    return termIdentifiers(stateTable);
}

QString ServiceTerms::percent(int percent) {
    //: A percentage; French puts a narrow no-break space before the sign.
    return tr("%1%").arg(QLocale().toString(percent));
}

QString ServiceTerms::dateFormat(const QLocale &locale) {
    QString format = locale.dateFormat(QLocale::ShortFormat);
    // Some short formats write two-digit years ("12/31/30").
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

QString ServiceTerms::date(const QDate &date) {
    const QLocale locale;
    return locale.toString(date, dateFormat(locale));
}

QString ServiceTerms::dateTime(const QDateTime &dateTime) {
    const QLocale locale;
    return date(dateTime.toLocalTime().date()) + QLatin1Char(' ') +
           locale.toString(dateTime.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace cmk
