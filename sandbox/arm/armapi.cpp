#include "arm/armapi.h"

#include "arm/confidentialvmcheck.h"
#include "arm/imageversioncheck.h"
#include "arm/imageversionupdatecheck.h"
#include "keyvault/keyaccess.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace armsandbox {

namespace {

const QString kVersionType = QStringLiteral("microsoft.compute/galleries/images/versions");
const QString kDesType = QStringLiteral("microsoft.compute/diskencryptionsets");

/// api-version families: the first entry of each is the one the sandbox documents as current.
// Every stable api-version the public specs publish for the types the sandbox serves (newest first), as ARM
// accepts them all: a client on an older or newer SDK must work. GalleryRP's galleries since 2018-06-01 (the
// per-region encryption since 2019-07-01); DiskRP's Disk Encryption Sets since 2019-07-01; ComputeRP's images
// and virtual machines from 2020-12-01.
const QHash<QString, QStringList> &apiVersions() {
    static const QStringList gallery = {
        QStringLiteral("2025-12-03"), QStringLiteral("2025-03-03"), QStringLiteral("2024-03-03"),
        QStringLiteral("2023-07-03"), QStringLiteral("2022-08-03"), QStringLiteral("2022-03-03"),
        QStringLiteral("2022-01-03"), QStringLiteral("2021-10-01"), QStringLiteral("2021-07-01"),
        QStringLiteral("2020-09-30"), QStringLiteral("2019-12-01"), QStringLiteral("2019-07-01"),
        QStringLiteral("2019-03-01"), QStringLiteral("2018-06-01")};
    static const QStringList disk = {
        QStringLiteral("2026-03-02"), QStringLiteral("2025-01-02"), QStringLiteral("2024-03-02"),
        QStringLiteral("2023-10-02"), QStringLiteral("2023-04-02"), QStringLiteral("2023-01-02"),
        QStringLiteral("2022-07-02"), QStringLiteral("2022-03-02"), QStringLiteral("2021-12-01"),
        QStringLiteral("2021-08-01"), QStringLiteral("2021-04-01"), QStringLiteral("2020-12-01"),
        QStringLiteral("2020-09-30"), QStringLiteral("2020-06-30"), QStringLiteral("2020-05-01"),
        QStringLiteral("2019-11-01"), QStringLiteral("2019-07-01")};
    static const QStringList compute = {
        QStringLiteral("2024-11-01"), QStringLiteral("2024-07-01"), QStringLiteral("2024-03-01"),
        QStringLiteral("2023-09-01"), QStringLiteral("2023-07-01"), QStringLiteral("2023-03-01"),
        QStringLiteral("2022-11-01"), QStringLiteral("2022-08-01"), QStringLiteral("2022-03-01"),
        QStringLiteral("2021-11-01"), QStringLiteral("2021-07-01"), QStringLiteral("2021-04-01"),
        QStringLiteral("2021-03-01"), QStringLiteral("2020-12-01")};
    static const QHash<QString, QStringList> versions = {
        {QStringLiteral("subscriptions"),
         {QStringLiteral("2022-12-01"), QStringLiteral("2021-01-01"), QStringLiteral("2020-01-01"),
          QStringLiteral("2016-06-01")}},
        {QStringLiteral("resources"),
         {QStringLiteral("2025-04-01"), QStringLiteral("2024-11-01"), QStringLiteral("2024-03-01"),
          QStringLiteral("2021-04-01")}},
        {QStringLiteral("features"), {QStringLiteral("2021-07-01"), QStringLiteral("2025-03-01")}},
        {QStringLiteral("gallery"), gallery},
        {QStringLiteral("disk"), disk},
        {QStringLiteral("compute"), compute},
        // Operation status URLs carry the api-version of the operation's own request.
        {QStringLiteral("operations"), gallery + disk + compute},
    };
    return versions;
}

} // namespace

const QStringList &publishedApiVersions(const QString &family) {
    static const QStringList none;
    const auto found = apiVersions().constFind(family);
    return found == apiVersions().constEnd() ? none : *found;
}

namespace {

QString familyOfComputeType(const QString &firstType) {
    if (firstType == QLatin1String("galleries"))
        return QStringLiteral("gallery");
    if (firstType == QLatin1String("diskencryptionsets") || firstType == QLatin1String("snapshots") ||
        firstType == QLatin1String("disks"))
        return QStringLiteral("disk");
    if (firstType == QLatin1String("images") || firstType == QLatin1String("virtualmachines"))
        return QStringLiteral("compute");
    if (firstType == QLatin1String("locations"))
        return QStringLiteral("operations");
    return {};
}

bool isSupportedComputeType(const QString &type) {
    static const QSet<QString> types = {QStringLiteral("microsoft.compute/galleries"),
                                        QStringLiteral("microsoft.compute/galleries/images"),
                                        kVersionType,
                                        kDesType,
                                        QStringLiteral("microsoft.compute/images"),
                                        QStringLiteral("microsoft.compute/snapshots"),
                                        QStringLiteral("microsoft.compute/virtualmachines"),
                                        QStringLiteral("microsoft.compute/disks")};
    return types.contains(type);
}

/// A register action starts the registration of a feature or provider (unless it is under way or done);
/// each GET of one that is Registering brings it closer to Registered.
template <typename Registration>
void stepRegistration(Registration &registration, bool registerAction, int pollsUntilRegistered) {
    if (registerAction) {
        if (registration.state != QLatin1String("Registered") &&
            registration.state != QLatin1String("Registering")) {
            registration.state = QStringLiteral("Registering");
            registration.pollsUntilRegistered = pollsUntilRegistered;
        }
    } else if (registration.state == QLatin1String("Registering") &&
               --registration.pollsUntilRegistered <= 0) {
        registration.state = QStringLiteral("Registered");
    }
}

/// Which API family (and so which api-versions) a path under /subscriptions/{id} belongs to; empty for a
/// path no family serves.
QString apiFamilyOf(const QStringList &lower) {
    const int size = int(lower.size());
    const int providers = int(lower.indexOf(QLatin1String("providers")));
    const bool inGroup = lower.value(2) == QLatin1String("resourcegroups");
    if (size == 2 || (size == 3 && lower.at(2) == QLatin1String("locations")))
        return QStringLiteral("subscriptions");
    if (inGroup && size <= 4)
        return QStringLiteral("resources");
    if (providers != 2 && !(inGroup && providers == 4))
        return {};
    const QString ns = lower.value(providers + 1);
    const bool registration =
        size == 5 && (lower.at(4) == QLatin1String("register") || lower.at(4) == QLatin1String("unregister"));
    if (size == 3 || (!inGroup && (size == 4 || registration)))
        return QStringLiteral("resources");
    if (!inGroup && ns == QLatin1String("microsoft.features"))
        return QStringLiteral("features");
    if (ns == QLatin1String("microsoft.compute") && size > providers + 2) {
        const QString family = familyOfComputeType(lower.at(providers + 2));
        return family == QLatin1String("operations") && inGroup ? QString() : family;
    }
    return {};
}

/// What a replication failure requested with the sandbox-fail-lro tag reports: the last target region fails.
QString replicationFailure(const QJsonObject &body) {
    const QJsonArray targets = valueAt(body, {"properties", "publishingProfile", "targetRegions"}).toArray();
    const QString lastRegion = targets.isEmpty()
                                   ? body.value(QLatin1String("location")).toString()
                                   : targets.last().toObject().value(QLatin1String("name")).toString();
    return QCoreApplication::translate("armsandbox",
                                       "Replication of the gallery image version to region '%1' failed "
                                       "(requested by the sandbox-fail-lro tag).")
        .arg(lastRegion);
}

} // namespace

QByteArray ApiRequest::header(const QByteArray &name) const {
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ApiResponse armError(int status, const QString &code, const QString &message, const QString &target) {
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!target.isEmpty())
        error.insert(QStringLiteral("target"), target);
    ApiResponse response;
    response.status = status;
    response.body = QJsonObject{{QStringLiteral("error"), error}};
    return response;
}

ApiResponse okResponse(const QJsonObject &body, int status) {
    ApiResponse response;
    response.status = status;
    response.body = body;
    return response;
}

ApiResponse invalidParameter(const QString &message, const QString &target, const QString &code) {
    return armError(400, code, message, target);
}

ApiResponse missingParameter(const QString &name, const QString &target) {
    return invalidParameter(
        QCoreApplication::translate("armsandbox", "Required parameter '%1' is missing (null).").arg(name),
        target);
}

ApiResponse methodNotAllowed(const ApiRequest &request) {
    return armError(
        405, QStringLiteral("MethodNotAllowed"),
        QCoreApplication::translate("armsandbox", "The requested resource does not support http method '%1'.")
            .arg(QString::fromLatin1(request.method)));
}

ApiResponse unknownResourceType(const QString &type, const QString &ns, const QString &apiVersion) {
    return armError(
        404, QStringLiteral("InvalidResourceType"),
        QCoreApplication::translate(
            "armsandbox",
            "The resource type '%1' could not be found in the namespace '%2' for api version '%3'.")
            .arg(type, ns, apiVersion));
}

ApiResponse resourceGroupNotFound(const QString &groupName) {
    return armError(
        404, QStringLiteral("ResourceGroupNotFound"),
        QCoreApplication::translate("armsandbox", "Resource group '%1' could not be found.").arg(groupName));
}

ApiResponse resourceNotFound(const QString &resource, const QString &groupName) {
    return armError(404, QStringLiteral("ResourceNotFound"),
                    QCoreApplication::translate("armsandbox",
                                                "The Resource '%1' under resource group '%2' was not found.")
                        .arg(resource, groupName));
}

ApiResponse operationInProgress(const QString &kind, const QString &name) {
    return armError(
        409, QStringLiteral("OperationNotAllowed"),
        QCoreApplication::translate(
            "armsandbox",
            "Another operation is in progress on the %1 '%2'. Wait for it to finish and try again.")
            .arg(kind, name));
}

ApiResponse locationNotAvailable(const QString &location, const QString &resourceType,
                                 const QString &target) {
    return armError(400, QStringLiteral("LocationNotAvailableForResourceType"),
                    QCoreApplication::translate(
                        "armsandbox", "The provided location '%1' is not available for resource type '%2'.")
                        .arg(location, resourceType),
                    target);
}

std::optional<ApiResponse> checkApiVersionIn(const QStringList &supported, const QString &apiVersion) {
    if (supported.contains(apiVersion))
        return std::nullopt;
    return armError(400, QStringLiteral("InvalidApiVersionParameter"),
                    QCoreApplication::translate(
                        "armsandbox", "The api-version '%1' is invalid. The supported versions are '%2'.")
                        .arg(apiVersion, supported.join(QLatin1Char(','))));
}

std::optional<ApiResponse> checkSubscription(const ArmStore &store, const QString &subscriptionId) {
    if (store.hasSubscription(subscriptionId))
        return std::nullopt;
    return armError(404, QStringLiteral("SubscriptionNotFound"),
                    QCoreApplication::translate("armsandbox", "The subscription '%1' could not be found.")
                        .arg(subscriptionId));
}

std::optional<ApiResponse> checkComputeRegistered(ArmStore &store, const QString &subscriptionId) {
    const ProviderState *compute = store.provider(subscriptionId, QStringLiteral("Microsoft.Compute"));
    if (compute && compute->state == QLatin1String("Registered"))
        return std::nullopt;
    return armError(409, QStringLiteral("MissingSubscriptionRegistration"),
                    QCoreApplication::translate(
                        "armsandbox",
                        "The subscription is not registered to use namespace 'Microsoft.Compute'. "
                        "See https://aka.ms/rps-not-found for how to register subscriptions."));
}

std::optional<ApiResponse> checkLocation(const ArmStore &store, const QJsonObject &body,
                                         const QString &resourceType) {
    const QString location = body.value(QLatin1String("location")).toString();
    if (location.trimmed().isEmpty()) {
        return armError(400, QStringLiteral("LocationRequired"),
                        QCoreApplication::translate("armsandbox",
                                                    "The location property is required for this definition."),
                        QStringLiteral("location"));
    }
    if (!store.isKnownRegion(location))
        return locationNotAvailable(location, resourceType, QStringLiteral("location"));
    return std::nullopt;
}

QStringList lowerCased(const QStringList &segments) {
    QStringList lower;
    for (const QString &s : segments)
        lower.append(s.toLower());
    return lower;
}

QJsonObject resourceJson(const QString &id, const QString &name, const QString &type,
                         const QJsonValue &location, const QJsonObject &properties, const QJsonValue &tags) {
    QJsonObject resource{{QStringLiteral("id"), id},
                         {QStringLiteral("name"), name},
                         {QStringLiteral("type"), type},
                         {QStringLiteral("location"), location},
                         {QStringLiteral("properties"), properties}};
    if (!tags.isUndefined())
        resource.insert(QStringLiteral("tags"), tags);
    return resource;
}

QJsonValue valueAt(const QJsonObject &object, std::initializer_list<const char *> path) {
    QJsonValue value = object;
    for (const char *key : path)
        value = value.toObject().value(QLatin1String(key));
    return value;
}

QString isoNow() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

ApiResponse authorizationFailed(const QString &action, const QString &scope) {
    return armError(
        403, QStringLiteral("AuthorizationFailed"),
        QCoreApplication::translate(
            "armsandbox",
            "The client does not have authorization to perform action '%1' over scope '%2' or the "
            "scope is invalid. If access was recently granted, please refresh your credentials.")
            .arg(action, scope));
}

ArmApi::ArmApi(ArmStore &store, const SandboxOptions &options)
    : m_store(store)
    , m_options(options) {}

bool ArmApi::isArmPath(const QString &path) {
    static const QRegularExpression arm(QStringLiteral("^/(subscriptions|tenants|providers)(/|$)"),
                                        QRegularExpression::CaseInsensitiveOption);
    return arm.match(path).hasMatch();
}

ApiResponse ArmApi::handle(const ApiRequest &request) {
    QStringList segments;
    for (const QString &raw :
         request.url.path(QUrl::FullyEncoded).split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments.append(QUrl::fromPercentEncoding(raw.toUtf8()));
    const QUrlQuery query(request.url);
    if (!query.hasQueryItem(QStringLiteral("api-version"))) {
        return armError(400, QStringLiteral("MissingApiVersionParameter"),
                        QCoreApplication::translate(
                            "armsandbox",
                            "The api-version query parameter (?api-version=) is required for all requests."));
    }
    return route(request, segments, query.queryItemValue(QStringLiteral("api-version"), QUrl::FullyDecoded));
}

std::optional<ApiResponse> ArmApi::checkApiVersion(const QString &family, const QString &apiVersion) const {
    return checkApiVersionIn(apiVersions().value(family), apiVersion);
}

ApiResponse ArmApi::route(const ApiRequest &request, const QStringList &segments, const QString &apiVersion) {
    const QString first = segments.value(0).toLower();
    const bool tenants = first == QLatin1String("tenants");
    if (segments.size() == 1 && (tenants || first == QLatin1String("subscriptions"))) {
        if (auto bad = checkApiVersion(QStringLiteral("subscriptions"), apiVersion))
            return *bad;
        if (request.method != "GET")
            return methodNotAllowed(request);
        return tenants ? listTenants(request) : listSubscriptions(request, apiVersion);
    }
    if (first == QLatin1String("subscriptions") && segments.size() >= 2)
        return subscriptionRoute(request, segments, apiVersion);
    return armError(404, QStringLiteral("InvalidResourceType"),
                    QCoreApplication::translate("armsandbox", "The resource type '%1' could not be found.")
                        .arg(segments.join(QLatin1Char('/'))));
}

ApiResponse ArmApi::listSubscriptions(const ApiRequest &request, const QString &) {
    QJsonArray all;
    for (const QJsonObject &s : m_store.subscriptions())
        all.append(s);
    return pageOf(request, all);
}

ApiResponse ArmApi::listTenants(const ApiRequest &request) {
    return pageOf(request, m_store.tenants());
}

ApiResponse ArmApi::subscriptionRoute(const ApiRequest &request, const QStringList &segments,
                                      const QString &apiVersion) {
    if (m_store.isForbidden(segments.at(1))) // listed, but nothing in it may be read (docs/sandbox.md)
        return authorizationFailed(QStringLiteral("Microsoft.Resources/subscriptions/read"),
                                   QStringLiteral("/subscriptions/%1").arg(segments.at(1)));
    if (std::optional<ApiResponse> vm = m_vmApi.handle(request, segments, apiVersion))
        return *vm;
    if (std::optional<ApiResponse> keyVault = m_keyVaultApi.handle(request, segments, apiVersion))
        return *keyVault;
    const QStringList lower = lowerCased(segments);
    const QString family = apiFamilyOf(lower);
    if (family.isEmpty()) {
        const int providers = int(lower.indexOf(QLatin1String("providers")));
        const QString ns = providers >= 0 ? segments.value(providers + 1) : QString();
        return unknownResourceType(segments.mid(providers >= 0 ? providers + 2 : 2).join(QLatin1Char('/')),
                                   ns, apiVersion);
    }
    if (auto bad = checkApiVersion(family, apiVersion))
        return *bad;
    const QString &subscriptionId = segments.at(1);
    if (auto missing = checkSubscription(m_store, subscriptionId))
        return *missing;
    const int size = int(segments.size());
    if (family == QLatin1String("subscriptions")) {
        if (request.method != "GET")
            return methodNotAllowed(request);
        if (size == 2)
            return okResponse(m_store.subscription(subscriptionId));
        return pageOf(request, m_store.locations(subscriptionId));
    }
    if (family == QLatin1String("resources")) {
        const bool inGroup = lower.at(2) == QLatin1String("resourcegroups");
        return inGroup && size <= 4 ? resourceGroupRoute(request, segments)
                                    : resourceProvidersRoute(request, segments);
    }
    if (family == QLatin1String("features"))
        return previewFeaturesRoute(request, segments, apiVersion);
    if (family == QLatin1String("operations"))
        return operationRoute(request, segments, apiVersion);
    return resourceRoute(request, segments, apiVersion);
}

ApiResponse ArmApi::resourceGroupRoute(const ApiRequest &request, const QStringList &segments) {
    if (request.method != "GET")
        return methodNotAllowed(request);
    const QString &subscriptionId = segments.at(1);
    if (segments.size() == 3) {
        return page(request, QStringLiteral("resourcegroups"),
                    QStringLiteral("/subscriptions/%1/resourcegroups/").arg(subscriptionId.toLower()));
    }
    const QJsonObject group = m_store.resource(
        QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(subscriptionId, segments.at(3)));
    if (group.isEmpty())
        return resourceGroupNotFound(segments.at(3));
    return okResponse(group);
}

ApiResponse ArmApi::resourceProvidersRoute(const ApiRequest &request, const QStringList &segments) {
    const QString &subscriptionId = segments.at(1);
    const int size = int(segments.size());
    if (size == 3) { // every provider of the subscription
        if (request.method != "GET")
            return methodNotAllowed(request);
        m_store.ensureProvider(subscriptionId, QStringLiteral("Microsoft.Compute"));
        QJsonArray all;
        for (const ProviderState &p : m_store.providers(subscriptionId))
            all.append(providerJson(p));
        return pageOf(request, all);
    }
    const bool action = size == 5;
    if (request.method != (action ? "POST" : "GET"))
        return methodNotAllowed(request);
    if (action && segments.at(4).toLower() == QLatin1String("unregister")) {
        if (m_store.isReadOnly(subscriptionId))
            return authorizationFailed(segments.at(3) + QStringLiteral("/unregister/action"),
                                       QStringLiteral("/subscriptions/%1").arg(subscriptionId));
        ProviderState &p = m_store.ensureProvider(subscriptionId, segments.at(3));
        p.state = QStringLiteral("Unregistered");
        return okResponse(providerJson(p));
    }
    return providerRoute(request, subscriptionId, segments.at(3), action);
}

ApiResponse ArmApi::previewFeaturesRoute(const ApiRequest &request, const QStringList &segments,
                                         const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    const int size = int(segments.size());
    if (size < 7 || lower.at(4) != QLatin1String("providers") || lower.at(6) != QLatin1String("features") ||
        size > 9)
        return unknownResourceType(segments.mid(4).join(QLatin1Char('/')), segments.at(3), apiVersion);
    const QString &subscriptionId = segments.at(1);
    const QString &ns = segments.at(5);
    if (size == 7) {
        if (request.method != "GET")
            return methodNotAllowed(request);
        QJsonArray all;
        for (const FeatureState &f : m_store.features(subscriptionId, ns))
            all.append(featureJson(f));
        return pageOf(request, all);
    }
    const QString name = ns + QLatin1Char('/') + segments.at(7);
    if (size == 8) {
        if (request.method != "GET")
            return methodNotAllowed(request);
        return featureRoute(request, subscriptionId, name, false);
    }
    if (request.method != "POST")
        return methodNotAllowed(request);
    if (lower.at(8) == QLatin1String("unregister")) {
        FeatureState *f = m_store.feature(subscriptionId, name);
        if (!f)
            return featureRoute(request, subscriptionId, name, false);
        if (m_store.isReadOnly(subscriptionId))
            return authorizationFailed(
                QStringLiteral("Microsoft.Features/providers/features/unregister/action"),
                QStringLiteral("/subscriptions/%1").arg(subscriptionId));
        f->state = QStringLiteral("Unregistered");
        return okResponse(featureJson(*f));
    }
    if (lower.at(8) != QLatin1String("register"))
        return methodNotAllowed(request);
    return featureRoute(request, subscriptionId, name, true);
}

ApiResponse ArmApi::operationRoute(const ApiRequest &request, const QStringList &segments,
                                   const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    if (segments.size() != 8 ||
        (lower.at(6) != QLatin1String("capsoperations") && lower.at(6) != QLatin1String("operations")))
        return unknownResourceType(segments.mid(4).join(QLatin1Char('/')), segments.at(3), apiVersion);
    if (request.method != "GET")
        return methodNotAllowed(request);
    return m_operations.status(segments.at(7));
}

QJsonObject ArmApi::featureJson(const FeatureState &feature) const {
    const QString ns = feature.name.section(QLatin1Char('/'), 0, 0);
    const QString shortName = feature.name.section(QLatin1Char('/'), 1);
    return QJsonObject{
        {QStringLiteral("id"),
         QStringLiteral("/subscriptions/%1/providers/Microsoft.Features/providers/%2/features/%3")
             .arg(feature.subscriptionId, ns, shortName)},
        {QStringLiteral("name"), feature.name},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Features/providers/features")},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("state"), feature.state}}}};
}

ApiResponse ArmApi::featureRoute(const ApiRequest &, const QString &subscriptionId,
                                 const QString &featureName, bool registerAction) {
    FeatureState *feature = m_store.feature(subscriptionId, featureName);
    if (!feature) {
        return armError(404, QStringLiteral("FeatureNotFound"),
                        QCoreApplication::translate("armsandbox", "The feature '%1' could not be found.")
                            .arg(featureName.section(QLatin1Char('/'), 1)));
    }
    if (registerAction && m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Features/providers/features/register/action"),
                                   QStringLiteral("/subscriptions/%1").arg(subscriptionId));
    stepRegistration(*feature, registerAction, m_options.featurePollsUntilRegistered);
    return okResponse(featureJson(*feature));
}

QJsonObject ArmApi::providerJson(const ProviderState &provider) const {
    QJsonArray locations;
    for (const auto &l : m_store.locations(provider.subscriptionId))
        locations.append(l.toObject().value(QLatin1String("displayName")));
    QJsonArray resourceTypes;
    if (provider.ns.compare(QLatin1String("Microsoft.Compute"), Qt::CaseInsensitive) == 0) {
        const auto type = [&locations](const char *name, const QString &family) {
            QJsonArray versions;
            for (const QString &v : apiVersions().value(family))
                versions.append(v);
            return QJsonObject{{QStringLiteral("resourceType"), QString::fromLatin1(name)},
                               {QStringLiteral("locations"), locations},
                               {QStringLiteral("apiVersions"), versions}};
        };
        resourceTypes = QJsonArray{type("galleries", QStringLiteral("gallery")),
                                   type("galleries/images", QStringLiteral("gallery")),
                                   type("galleries/images/versions", QStringLiteral("gallery")),
                                   type("diskEncryptionSets", QStringLiteral("disk")),
                                   type("snapshots", QStringLiteral("disk")),
                                   type("disks", QStringLiteral("disk")),
                                   type("images", QStringLiteral("compute")),
                                   type("virtualMachines", QStringLiteral("compute")),
                                   type("locations/capsOperations", QStringLiteral("gallery"))};
    }
    return QJsonObject{
        {QStringLiteral("id"),
         QStringLiteral("/subscriptions/%1/providers/%2").arg(provider.subscriptionId, provider.ns)},
        {QStringLiteral("namespace"), provider.ns},
        {QStringLiteral("registrationState"), provider.state},
        {QStringLiteral("registrationPolicy"), QStringLiteral("RegistrationRequired")},
        {QStringLiteral("resourceTypes"), resourceTypes}};
}

ApiResponse ArmApi::providerRoute(const ApiRequest &, const QString &subscriptionId, const QString &ns,
                                  bool registerAction) {
    ProviderState &provider = m_store.ensureProvider(subscriptionId, ns);
    if (registerAction && m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("%1/register/action").arg(provider.ns),
                                   QStringLiteral("/subscriptions/%1").arg(subscriptionId));
    stepRegistration(provider, registerAction, m_options.featurePollsUntilRegistered);
    return okResponse(providerJson(provider));
}

namespace {

QString nextLink(const ApiRequest &request, int position, const QUrl &baseUrl) {
    QUrl url = baseUrl;
    url.setPath(request.url.path(QUrl::FullyEncoded), QUrl::StrictMode);
    QUrlQuery query(request.url);
    query.removeAllQueryItems(QStringLiteral("$skiptoken"));
    query.addQueryItem(QStringLiteral("$skiptoken"), QString::number(position));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

std::optional<int> skipToken(const ApiRequest &request, std::optional<ApiResponse> *error) {
    const QUrlQuery query(request.url);
    if (!query.hasQueryItem(QStringLiteral("$skiptoken")))
        return 0;
    bool okNumber = false;
    const int position = query.queryItemValue(QStringLiteral("$skiptoken")).toInt(&okNumber);
    if (!okNumber || position < 0) {
        *error = armError(400, QStringLiteral("InvalidSkipToken"),
                          QCoreApplication::translate("armsandbox", "The $skiptoken '%1' is invalid.")
                              .arg(query.queryItemValue(QStringLiteral("$skiptoken"))));
        return std::nullopt;
    }
    return position;
}

} // namespace

std::optional<ApiResponse> parseJsonBody(const ApiRequest &request, QJsonObject *body) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject()) {
        return armError(
            400, QStringLiteral("InvalidRequestContent"),
            QCoreApplication::translate("armsandbox",
                                        "The request content was invalid and could not be deserialized: %1.")
                .arg(parseError.error == QJsonParseError::NoError
                         ? QCoreApplication::translate("armsandbox", "a JSON object is expected")
                         : parseError.errorString()));
    }
    *body = doc.object();
    return std::nullopt;
}

ApiResponse storePage(const ApiRequest &request, const ArmStore &store, const QString &type,
                      const QString &prefix, int pageSize, const QUrl &baseUrl) {
    std::optional<ApiResponse> error;
    const std::optional<int> start = skipToken(request, &error);
    if (!start)
        return *error;
    const ArmStore::Page p = store.list(type, prefix, *start, pageSize);
    QJsonObject body{{QStringLiteral("value"), p.items}};
    if (p.next >= 0)
        body.insert(QStringLiteral("nextLink"), nextLink(request, p.next, baseUrl));
    return okResponse(body);
}

ApiResponse arrayPage(const ApiRequest &request, const QJsonArray &all, int pageSize, const QUrl &baseUrl) {
    std::optional<ApiResponse> error;
    const std::optional<int> start = skipToken(request, &error);
    if (!start)
        return *error;
    QJsonArray items;
    int i = *start;
    for (; i < all.size() && items.size() < pageSize; ++i)
        items.append(all.at(i));
    QJsonObject body{{QStringLiteral("value"), items}};
    if (i < all.size())
        body.insert(QStringLiteral("nextLink"), nextLink(request, i, baseUrl));
    return okResponse(body);
}

ApiResponse ArmApi::page(const ApiRequest &request, const QString &type, const QString &prefix) {
    return storePage(request, m_store, type, prefix, m_options.pageSize, m_baseUrl);
}

ApiResponse ArmApi::pageOf(const ApiRequest &request, const QJsonArray &all) {
    return arrayPage(request, all, m_options.pageSize, m_baseUrl);
}

std::optional<ApiResponse> ArmApi::notFoundParents(const QStringList &segments, int resourceEnd) {
    // segments: subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}/...; resourceEnd is the
    // number of segments of the resource (or collection) addressed. Checks the group, then each ancestor
    // resource.
    const QString groupId =
        QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(segments.at(1), segments.at(3));
    if (!m_store.contains(groupId))
        return resourceGroupNotFound(segments.at(3));
    // Ancestor resources end after each of their names: 8, 10, ... segments, strictly before the addressed
    // one.
    for (int end = 8; end < resourceEnd; end += 2) {
        const QString id = QLatin1Char('/') + segments.mid(0, end).join(QLatin1Char('/'));
        if (!m_store.contains(id)) {
            QStringList names;
            for (int i = 7; i < end; i += 2)
                names.append(segments.at(i));
            return armError(
                404, QStringLiteral("ParentResourceNotFound"),
                QCoreApplication::translate(
                    "armsandbox",
                    "Can not perform requested operation on nested resource. Parent resource '%1' not "
                    "found.")
                    .arg(names.join(QLatin1Char('/'))));
        }
    }
    return std::nullopt;
}

ApiResponse ArmApi::resourceRoute(const ApiRequest &request, const QStringList &segments,
                                  const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    const int size = int(segments.size());
    const bool inGroup = lower.at(2) == QLatin1String("resourcegroups");
    const int providers = inGroup ? 4 : 2;
    // Type from the segments after the namespace: type, name, type, name...
    QString type = lower.at(providers + 1);
    for (int i = providers + 2; i < size; i += 2)
        type += QLatin1Char('/') + lower.at(i);
    const bool isCollection = (size - providers - 2) % 2 == 1;
    if (!isSupportedComputeType(type) || (!inGroup && (type.count(QLatin1Char('/')) > 1 || !isCollection))) {
        return unknownResourceType(segments.mid(providers + 2).join(QLatin1Char('/')),
                                   segments.at(providers + 1), apiVersion);
    }
    const QString &subscriptionId = segments.at(1);
    if (isCollection) {
        if (request.method != "GET")
            return methodNotAllowed(request);
        if (!inGroup)
            return page(request, type, QStringLiteral("/subscriptions/%1/").arg(lower.at(1)));
        if (auto missing = notFoundParents(segments, size))
            return *missing;
        return page(request, type,
                    canonicalId(QLatin1Char('/') + segments.join(QLatin1Char('/'))) + QLatin1Char('/'));
    }

    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QString key = canonicalId(id);
    if (request.method == "PUT" || request.method == "PATCH") {
        if (type != kVersionType)
            return methodNotAllowed(request);
        return putImageVersion(request, segments, id, apiVersion);
    }
    if (request.method == "DELETE") {
        if (type != kVersionType)
            return methodNotAllowed(request);
        if (m_store.isReadOnly(subscriptionId))
            return authorizationFailed(QStringLiteral("Microsoft.Compute/galleries/images/versions/delete"),
                                       id);
        if (auto missing = notFoundParents(segments, size))
            return *missing;
        const QJsonObject existing = m_store.resource(key);
        if (existing.isEmpty()) {
            ApiResponse gone;
            gone.status = 204;
            gone.hasBody = false;
            return gone;
        }
        return deleteImageVersion(key, apiVersion, subscriptionId,
                                  normalizeRegion(existing.value(QLatin1String("location")).toString()));
    }
    if (request.method != "GET")
        return methodNotAllowed(request);
    if (!m_store.contains(key)) {
        if (auto missing = notFoundParents(segments, size))
            return *missing;
        return resourceNotFound(segments.mid(providers + 1).join(QLatin1Char('/')), segments.at(3));
    }
    if (type == kVersionType) {
        const QString expand = QUrlQuery(request.url).queryItemValue(QStringLiteral("$expand"));
        return renderImageVersion(
            key, expand.compare(QLatin1String("ReplicationStatus"), Qt::CaseInsensitive) == 0);
    }
    return okResponse(m_store.resource(key));
}

ApiResponse ArmApi::renderImageVersion(const QString &key, bool expandReplication) {
    QJsonObject version = m_store.resource(key);
    QJsonObject properties = version.value(QLatin1String("properties")).toObject();
    if (expandReplication)
        properties.insert(QStringLiteral("replicationStatus"), replicationStatus(key, version));
    else
        properties.remove(QStringLiteral("replicationStatus"));
    version.insert(QStringLiteral("properties"), properties);
    return okResponse(version);
}

QJsonObject ArmApi::replicationStatus(const QString &key, const QJsonObject &version) const {
    const QJsonObject properties = version.value(QLatin1String("properties")).toObject();
    const LongRunningOperation *operation = m_operations.latestFor(key);
    if (!operation && properties.contains(QLatin1String("replicationStatus")))
        return properties.value(QLatin1String("replicationStatus")).toObject(); // as the fixture recorded it
    QStringList regions;
    for (const auto &t : valueAt(properties, {"publishingProfile", "targetRegions"}).toArray())
        regions.append(t.toObject().value(QLatin1String("name")).toString());
    if (regions.isEmpty())
        regions.append(version.value(QLatin1String("location")).toString());

    QString aggregated = QStringLiteral("Completed");
    int progress = 100;
    if (operation && operation->status == QLatin1String("InProgress")) {
        aggregated = QStringLiteral("InProgress");
        progress = qMin(99, operation->polls * 100 / qMax(1, operation->pollsNeeded));
    } else if (operation && operation->status == QLatin1String("Failed")) {
        aggregated = QStringLiteral("Failed");
    }
    QJsonArray summary;
    for (int i = 0; i < regions.size(); ++i) {
        QString state = QStringLiteral("Completed");
        QString details;
        int regionProgress = 100;
        if (aggregated == QLatin1String("InProgress")) {
            const bool replicated = operation->alreadyReplicated.contains(normalizeRegion(regions.at(i)));
            state = replicated ? QStringLiteral("Completed") : QStringLiteral("Replicating");
            regionProgress = replicated ? 100 : progress;
        } else if (aggregated == QLatin1String("Failed") &&
                   operation->failsIn(regions.at(i), i == regions.size() - 1)) {
            state = QStringLiteral("Failed");
            details = operation->failedRegions.value(normalizeRegion(regions.at(i)), operation->failMessage);
            regionProgress = 50;
        }
        summary.append(QJsonObject{{QStringLiteral("region"), regions.at(i)},
                                   {QStringLiteral("state"), state},
                                   {QStringLiteral("details"), details},
                                   {QStringLiteral("progress"), regionProgress}});
    }
    return QJsonObject{{QStringLiteral("aggregatedState"), aggregated}, {QStringLiteral("summary"), summary}};
}

ApiResponse ArmApi::deleteImageVersion(const QString &key, const QString &apiVersion,
                                       const QString &subscriptionId, const QString &location) {
    QJsonObject version = m_store.resource(key);
    QJsonObject properties = version.value(QLatin1String("properties")).toObject();
    properties.insert(QStringLiteral("provisioningState"), QStringLiteral("Deleting"));
    version.insert(QStringLiteral("properties"), properties);
    m_store.put(version);
    LongRunningOperation &operation = m_operations.start(key, 1);
    operation.deletes = true;
    ApiResponse response;
    response.status = 202;
    response.hasBody = false;
    m_operations.announce(response, operation, m_baseUrl, subscriptionId, QStringLiteral("Microsoft.Compute"),
                          location, QStringLiteral("capsOperations"), apiVersion);
    return response;
}

ApiResponse ArmApi::putImageVersion(const ApiRequest &request, const QStringList &segments, const QString &id,
                                    const QString &apiVersion) {
    const QString &subscriptionId = segments.at(1);
    if (m_store.isReadOnly(subscriptionId))
        return authorizationFailed(QStringLiteral("Microsoft.Compute/galleries/images/versions/write"), id);
    if (auto unregistered = checkComputeRegistered(m_store, subscriptionId))
        return *unregistered;
    if (auto missing = notFoundParents(segments, int(segments.size())))
        return *missing;
    const QString key = canonicalId(id);
    const bool isPatch = request.method == "PATCH";
    if (isPatch && !m_store.contains(key)) // PATCH updates; only PUT creates
        return resourceNotFound(segments.mid(6).join(QLatin1Char('/')), segments.at(3));
    if (m_operations.isRunningOn(key))
        return operationInProgress(QStringLiteral("gallery image version"), segments.last());
    QJsonObject given;
    if (auto bad = parseJsonBody(request, &given))
        return *bad;
    const QJsonObject existing = m_store.resource(key);
    QJsonObject body = isPatch ? mergeImageVersionPatch(existing, given) : given;
    const QJsonObject requested = body; // before the service's defaults
    // subscriptions/S/resourceGroups/G/providers/Microsoft.Compute/galleries/GAL/images/DEF/versions/V
    const QString galleryId = QLatin1Char('/') + segments.mid(0, 8).join(QLatin1Char('/'));
    if (auto invalidBody =
            ImageVersionCheck(m_store, subscriptionId, galleryId).validate(segments.last(), body))
        return *invalidBody;
    if (auto confidential = checkConfidentialVmImageVersion(m_store, subscriptionId, id, body))
        return *confidential;
    const QJsonObject requestSafety = valueAt(given, {"properties", "safetyProfile"}).toObject();
    if (!existing.isEmpty()) {
        if (auto refused = ImageVersionUpdateCheck(m_store, existing, requested, requestSafety).validate())
            return *refused;
    }
    return storeImageVersion(segments, id, apiVersion, body, existing);
}

ApiResponse ArmApi::storeImageVersion(const QStringList &segments, const QString &id,
                                      const QString &apiVersion, const QJsonObject &body,
                                      const QJsonObject &existing) {
    const QString &subscriptionId = segments.at(1);
    const QString key = canonicalId(id);
    const bool existed = !existing.isEmpty();
    const QJsonObject tags = body.value(QLatin1String("tags")).toObject();
    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    properties.insert(QStringLiteral("provisioningState"),
                      existed ? QStringLiteral("Updating") : QStringLiteral("Creating"));
    const QJsonObject version = resourceJson(
        id, segments.last(), QStringLiteral("Microsoft.Compute/galleries/images/versions"),
        body.value(QLatin1String("location")), properties,
        body.contains(QLatin1String("tags")) ? QJsonValue(tags) : QJsonValue(QJsonValue::Undefined));
    m_store.put(version);
    LongRunningOperation &operation = m_operations.start(key);
    // An update replicates to the regions it adds; those the version had stay replicated meanwhile.
    for (const auto &region :
         valueAt(existing, {"properties", "publishingProfile", "targetRegions"}).toArray())
        operation.alreadyReplicated.insert(
            normalizeRegion(region.toObject().value(QLatin1String("name")).toString()));
    operation.failCode = OperationRegistry::requestedFailure(tags);
    if (!operation.failCode.isEmpty())
        operation.failMessage = replicationFailure(body);
    else // sets that cannot use their key fail in their regions once replication starts
        failOnKeyAccessDenials(operation, imageVersionKeyDenials(m_store, body));
    ApiResponse response = okResponse(version, existed ? 200 : 201);
    m_operations.announce(response, operation, m_baseUrl, subscriptionId, QStringLiteral("Microsoft.Compute"),
                          normalizeRegion(body.value(QLatin1String("location")).toString()),
                          QStringLiteral("capsOperations"), apiVersion);
    return response;
}

} // namespace armsandbox
