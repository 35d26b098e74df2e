#include "arm/armpaths.h"

#include "arm/resources.h"

#include <QCoreApplication>
#include <map>

namespace cmk {

namespace {

bool isHostileChar(char32_t c) {
    switch (QChar::category(c)) {
    case QChar::Other_Control:   // C0/C1 controls, DEL
    case QChar::Other_Format:    // bidi overrides, zero-width characters: names that do not read as they are
    case QChar::Other_Surrogate: // a lone half of a surrogate pair is not text
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

} // namespace

QString armNameProblem(const QString &value) {
    if (value.isEmpty())
        return QCoreApplication::translate("ArmPathBuilder", "The name is empty.");
    if (value.size() > MaxArmNameLength)
        return QCoreApplication::translate("ArmPathBuilder", "The name is longer than %1 characters.")
            .arg(MaxArmNameLength);
    if (value == QLatin1String(".") || value == QLatin1String(".."))
        return QCoreApplication::translate("ArmPathBuilder", "“%1” is not a valid name.").arg(value);
    // By code point: a surrogate pair (an emoji, a rare CJK character) is one character, a lone half is not.
    for (qsizetype i = 0; i < value.size(); ++i) {
        char32_t c = value.at(i).unicode();
        if (value.at(i).isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate())
            c = QChar::surrogateToUcs4(value.at(i), value.at(++i));
        if (c == U'/' || c == U'\\' || c == U'?' || c == U'#')
            return QCoreApplication::translate(
                       "ArmPathBuilder", "The name “%1” contains the character “%2”, which is not allowed.")
                .arg(value, QChar(char16_t(c)));
        if (isHostileChar(c))
            return QCoreApplication::translate("ArmPathBuilder",
                                               "The name contains a control or invisible character (U+%1).")
                .arg(uint(c), 4, 16, QLatin1Char('0'));
    }
    return {};
}

ArmPathBuilder &ArmPathBuilder::literal(const QString &segment) {
    if (!ok())
        return *this;
    // Keywords come from our own code; still refuse anything that could escape the path.
    if (segment.isEmpty() || segment.contains(QLatin1Char('?')) || segment.contains(QLatin1Char('#')) ||
        segment.contains(QLatin1String("..")) || segment.startsWith(QLatin1Char('/'))) {
        m_error = ArmError::make(
            ArmError::Kind::InvalidInput,
            QCoreApplication::translate("ArmPathBuilder", "“%1” is not a valid path keyword.").arg(segment));
        return *this;
    }
    m_path += QLatin1Char('/');
    m_path += segment;
    return *this;
}

ArmPathBuilder &ArmPathBuilder::name(const QString &userValue) {
    if (!ok())
        return *this;
    const QString problem = armNameProblem(userValue);
    if (!problem.isEmpty()) {
        m_error = ArmError::make(ArmError::Kind::InvalidInput, problem);
        return *this;
    }
    m_path += QLatin1Char('/');
    // Everything but RFC 3986 unreserved characters is encoded: spaces, '%', Unicode, ';', '=', '&'...
    m_path += QString::fromLatin1(QUrl::toPercentEncoding(userValue));
    return *this;
}

ArmPathBuilder ArmPathBuilder::fromResourceId(const QString &resourceId) {
    ArmPathBuilder builder;
    QString id = resourceId;
    while (id.endsWith(QLatin1Char('/')))
        id.chop(1);
    const QStringList segments = id.split(QLatin1Char('/'));
    const bool rooted = segments.size() >= 3 && segments.first().isEmpty();
    const QString first = rooted ? segments.at(1).toLower() : QString();
    if (!rooted || (first != QLatin1String("subscriptions") && first != QLatin1String("providers")) ||
        (first == QLatin1String("subscriptions") && !ResourceId::parse(id).valid)) {
        builder.m_error =
            ArmError::make(ArmError::Kind::InvalidInput,
                           QCoreApplication::translate("ArmPathBuilder", "“%1” is not an Azure resource ID.")
                               .arg(resourceId));
        return builder;
    }
    for (int i = 1; i < segments.size() && builder.ok(); ++i)
        builder.name(segments.at(i));
    if (!builder.ok())
        builder.m_error.message =
            QCoreApplication::translate("ArmPathBuilder", "“%1” is not an Azure resource ID: %2")
                .arg(resourceId, builder.m_error.message);
    return builder;
}

ApiFamily apiFamilyForPath(const QString &path) {
    QString clean = path;
    const int query = clean.indexOf(QLatin1Char('?'));
    if (query >= 0)
        clean.truncate(query);
    const QStringList segments = clean.toLower().split(QLatin1Char('/'), Qt::SkipEmptyParts);

    int lastProvider = -1;
    for (int i = 0; i + 1 < segments.size(); ++i) {
        if (segments.at(i) == QLatin1String("providers")) {
            // A feature path names a second provider after Microsoft.Features; the feature API owns it.
            if (segments.at(i + 1) == QLatin1String("microsoft.features"))
                return ApiFamily::Features;
            lastProvider = i;
        }
    }

    if (lastProvider < 0) {
        if (segments.isEmpty())
            return ApiFamily::Resources;
        if (segments.first() == QLatin1String("tenants"))
            return ApiFamily::Subscriptions;
        if (segments.first() == QLatin1String("subscriptions")) {
            if (segments.size() <= 2 || segments.at(2) == QLatin1String("locations"))
                return ApiFamily::Subscriptions;
        }
        return ApiFamily::Resources; // resourceGroups, resources, providers lists
    }

    const QString &ns = segments.at(lastProvider + 1);
    const QStringList rest = segments.mid(lastProvider + 2);
    if (rest.isEmpty() || rest.first() == QLatin1String("register") ||
        rest.first() == QLatin1String("unregister"))
        return ApiFamily::Resources; // provider registration
    if (ns == QLatin1String("microsoft.network"))
        return ApiFamily::Network;
    if (ns != QLatin1String("microsoft.compute"))
        return ApiFamily::Resources;

    const QString &type = rest.first();
    if (type == QLatin1String("galleries"))
        return ApiFamily::Galleries;
    if (type == QLatin1String("diskencryptionsets") || type == QLatin1String("disks") ||
        type == QLatin1String("snapshots") || type == QLatin1String("diskaccesses"))
        return ApiFamily::Disks;
    if (type == QLatin1String("locations") && rest.size() >= 3) {
        const QString &sub = rest.at(2);
        if (sub == QLatin1String("capsoperations") || sub == QLatin1String("communitygalleries") ||
            sub == QLatin1String("sharedgalleries"))
            return ApiFamily::Galleries;
        if (sub == QLatin1String("diskoperations"))
            return ApiFamily::Disks;
    }
    return ApiFamily::ComputeRP; // virtualMachines, images, locations/operations...
}

QString defaultApiVersion(ApiFamily family) {
    static const std::map<ApiFamily, const char *> versions = {
        {ApiFamily::Galleries, ApiVersions::Galleries},
        {ApiFamily::Disks, ApiVersions::Disks},
        {ApiFamily::ComputeRP, ApiVersions::ComputeRP},
        {ApiFamily::Features, ApiVersions::Features},
        {ApiFamily::Resources, ApiVersions::Resources},
        {ApiFamily::Subscriptions, ApiVersions::Subscriptions},
        {ApiFamily::Network, ApiVersions::Network}};
    return QString::fromLatin1(versions.at(family));
}

QString apiVersionForPath(const QString &path) {
    return defaultApiVersion(apiFamilyForPath(path));
}

// ---- typed paths -----------------------------------------------------------------------------------------

ArmPathBuilder subscriptionsPath() {
    return ArmPathBuilder().literal(QStringLiteral("subscriptions"));
}

ArmPathBuilder tenantsPath() {
    return ArmPathBuilder().literal(QStringLiteral("tenants"));
}

ArmPathBuilder subscriptionPath(const QString &subscriptionId) {
    return subscriptionsPath().name(subscriptionId);
}

ArmPathBuilder locationsPath(const QString &subscriptionId) {
    return subscriptionPath(subscriptionId).literal(QStringLiteral("locations"));
}

ArmPathBuilder resourceGroupsPath(const QString &subscriptionId) {
    return subscriptionPath(subscriptionId).literal(QStringLiteral("resourcegroups"));
}

ArmPathBuilder resourceGroupPath(const QString &subscriptionId, const QString &resourceGroup) {
    return resourceGroupsPath(subscriptionId).name(resourceGroup);
}

ArmPathBuilder providerPath(const QString &subscriptionId, const QString &providerNamespace) {
    return subscriptionPath(subscriptionId).literal(QStringLiteral("providers")).name(providerNamespace);
}

ArmPathBuilder providerRegisterPath(const QString &subscriptionId, const QString &providerNamespace) {
    return providerPath(subscriptionId, providerNamespace).literal(QStringLiteral("register"));
}

ArmPathBuilder featurePath(const QString &subscriptionId, const QString &providerNamespace,
                           const QString &feature) {
    return subscriptionPath(subscriptionId)
        .literal(QStringLiteral("providers/Microsoft.Features/providers"))
        .name(providerNamespace)
        .literal(QStringLiteral("features"))
        .name(feature);
}

ArmPathBuilder featureRegisterPath(const QString &subscriptionId, const QString &providerNamespace,
                                   const QString &feature) {
    return featurePath(subscriptionId, providerNamespace, feature).literal(QStringLiteral("register"));
}

ArmPathBuilder computeCollectionPath(const QString &subscriptionId, const QString &resourceType) {
    return subscriptionPath(subscriptionId)
        .literal(QStringLiteral("providers/Microsoft.Compute"))
        .name(resourceType);
}

ArmPathBuilder computeCollectionPath(const QString &subscriptionId, const QString &resourceGroup,
                                     const QString &resourceType) {
    return resourceGroupPath(subscriptionId, resourceGroup)
        .literal(QStringLiteral("providers/Microsoft.Compute"))
        .name(resourceType);
}

ArmPathBuilder galleriesPath(const QString &subscriptionId) {
    return computeCollectionPath(subscriptionId, QStringLiteral("galleries"));
}

ArmPathBuilder galleriesPath(const QString &subscriptionId, const QString &resourceGroup) {
    return computeCollectionPath(subscriptionId, resourceGroup, QStringLiteral("galleries"));
}

ArmPathBuilder galleryPath(const QString &subscriptionId, const QString &resourceGroup,
                           const QString &gallery) {
    return galleriesPath(subscriptionId, resourceGroup).name(gallery);
}

ArmPathBuilder galleryImagesPath(const QString &subscriptionId, const QString &resourceGroup,
                                 const QString &gallery) {
    return galleryPath(subscriptionId, resourceGroup, gallery).literal(QStringLiteral("images"));
}

ArmPathBuilder galleryImagePath(const QString &subscriptionId, const QString &resourceGroup,
                                const QString &gallery, const QString &image) {
    return galleryImagesPath(subscriptionId, resourceGroup, gallery).name(image);
}

ArmPathBuilder galleryImageVersionsPath(const QString &subscriptionId, const QString &resourceGroup,
                                        const QString &gallery, const QString &image) {
    return galleryImagePath(subscriptionId, resourceGroup, gallery, image)
        .literal(QStringLiteral("versions"));
}

ArmPathBuilder galleryImageVersionPath(const QString &subscriptionId, const QString &resourceGroup,
                                       const QString &gallery, const QString &image, const QString &version) {
    return galleryImageVersionsPath(subscriptionId, resourceGroup, gallery, image).name(version);
}

ArmPathBuilder diskEncryptionSetsPath(const QString &subscriptionId) {
    return computeCollectionPath(subscriptionId, QStringLiteral("diskEncryptionSets"));
}

ArmPathBuilder diskEncryptionSetsPath(const QString &subscriptionId, const QString &resourceGroup) {
    return computeCollectionPath(subscriptionId, resourceGroup, QStringLiteral("diskEncryptionSets"));
}

ArmPathBuilder diskEncryptionSetPath(const QString &subscriptionId, const QString &resourceGroup,
                                     const QString &name) {
    return diskEncryptionSetsPath(subscriptionId, resourceGroup).name(name);
}

ArmPathBuilder imagesPath(const QString &subscriptionId) {
    return computeCollectionPath(subscriptionId, QStringLiteral("images"));
}

ArmPathBuilder snapshotsPath(const QString &subscriptionId) {
    return computeCollectionPath(subscriptionId, QStringLiteral("snapshots"));
}

ArmPathBuilder virtualMachinesPath(const QString &subscriptionId) {
    return computeCollectionPath(subscriptionId, QStringLiteral("virtualMachines"));
}

} // namespace cmk
