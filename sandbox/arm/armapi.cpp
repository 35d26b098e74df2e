#include "arm/armapi.h"

#include "arm/descheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>
#include <algorithm>

namespace armsandbox {

namespace {

const QString kVersionType = QStringLiteral("microsoft.compute/galleries/images/versions");
const QString kDesType = QStringLiteral("microsoft.compute/diskencryptionsets");

/// api-version families: the first entry of each is the one the sandbox documents as current.
const QHash<QString, QStringList> &apiVersions() {
    static const QHash<QString, QStringList> versions = {
        {QStringLiteral("subscriptions"),
         {QStringLiteral("2022-12-01"), QStringLiteral("2021-01-01"), QStringLiteral("2020-01-01"),
          QStringLiteral("2016-06-01")}},
        {QStringLiteral("resources"),
         {QStringLiteral("2025-04-01"), QStringLiteral("2024-11-01"), QStringLiteral("2024-03-01"),
          QStringLiteral("2021-04-01")}},
        {QStringLiteral("features"), {QStringLiteral("2021-07-01"), QStringLiteral("2025-03-01")}},
        {QStringLiteral("gallery"),
         {QStringLiteral("2025-03-03"), QStringLiteral("2024-03-03"), QStringLiteral("2023-07-03")}},
        {QStringLiteral("disk"),
         {QStringLiteral("2025-01-02"), QStringLiteral("2024-03-02"), QStringLiteral("2023-10-02")}},
        {QStringLiteral("compute"),
         {QStringLiteral("2024-11-01"), QStringLiteral("2024-07-01"), QStringLiteral("2024-03-01")}},
        {QStringLiteral("operations"),
         {QStringLiteral("2025-03-03"), QStringLiteral("2024-03-03"), QStringLiteral("2023-07-03"),
          QStringLiteral("2025-01-02"), QStringLiteral("2024-03-02"), QStringLiteral("2024-11-01"),
          QStringLiteral("2024-07-01")}},
    };
    return versions;
}

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

QString isoNow() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

ApiResponse ok(const QJsonObject &body, int status = 200) {
    ApiResponse response;
    response.status = status;
    response.body = body;
    return response;
}

ApiResponse invalid(const QString &message, const QString &target,
                    const QString &code = QStringLiteral("InvalidParameter")) {
    return armError(400, code, message, target);
}

/// LUNs of the data disks a source carries.
QList<int> sourceDataLuns(const QString &type, const QJsonObject &source) {
    QList<int> luns;
    const QJsonObject properties = source.value(QLatin1String("properties")).toObject();
    const QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    QJsonArray disks;
    if (type == QLatin1String("microsoft.compute/images") ||
        type == QLatin1String("microsoft.compute/virtualmachines"))
        disks = storage.value(QLatin1String("dataDisks")).toArray();
    else if (type == kVersionType)
        disks = storage.value(QLatin1String("dataDiskImages")).toArray();
    for (const auto &d : disks)
        luns.append(d.toObject().value(QLatin1String("lun")).toInt(-1));
    return luns;
}

/// OS disk size/caching and data disk images (lun, sizeInGB, hostCaching) as the version will report them.
void describeSourceDisks(const QString &type, const QJsonObject &source, QJsonObject &osDiskImage,
                         QJsonArray &dataDiskImages) {
    const QJsonObject properties = source.value(QLatin1String("properties")).toObject();
    const QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    const auto caching = [](const QString &value, const char *fallback) {
        return value.isEmpty() ? QString::fromLatin1(fallback) : value;
    };
    if (type == QLatin1String("microsoft.compute/images") ||
        type == QLatin1String("microsoft.compute/virtualmachines")) {
        const QJsonObject os = storage.value(QLatin1String("osDisk")).toObject();
        if (!osDiskImage.contains(QLatin1String("hostCaching")))
            osDiskImage.insert(QStringLiteral("hostCaching"),
                               caching(os.value(QLatin1String("caching")).toString(), "ReadWrite"));
        osDiskImage.insert(QStringLiteral("sizeInGB"), os.value(QLatin1String("diskSizeGB")).toInt(30));
        for (const auto &v : storage.value(QLatin1String("dataDisks")).toArray()) {
            const QJsonObject d = v.toObject();
            dataDiskImages.append(
                QJsonObject{{QStringLiteral("lun"), d.value(QLatin1String("lun")).toInt()},
                            {QStringLiteral("sizeInGB"), d.value(QLatin1String("diskSizeGB")).toInt(32)},
                            {QStringLiteral("hostCaching"),
                             caching(d.value(QLatin1String("caching")).toString(), "None")}});
        }
    } else if (type == kVersionType) {
        const QJsonObject os = storage.value(QLatin1String("osDiskImage")).toObject();
        for (auto it = os.begin(); it != os.end(); ++it) {
            if (it.key() != QLatin1String("source") && !osDiskImage.contains(it.key()))
                osDiskImage.insert(it.key(), it.value());
        }
        for (const auto &v : storage.value(QLatin1String("dataDiskImages")).toArray()) {
            QJsonObject d = v.toObject();
            d.remove(QStringLiteral("source"));
            dataDiskImages.append(d);
        }
    } else { // snapshot or managed disk: the OS disk only
        if (!osDiskImage.contains(QLatin1String("hostCaching")))
            osDiskImage.insert(QStringLiteral("hostCaching"), QStringLiteral("ReadWrite"));
        osDiskImage.insert(QStringLiteral("sizeInGB"),
                           properties.value(QLatin1String("diskSizeGB")).toInt(30));
    }
}

bool isStorageAccountType(const QJsonValue &value) {
    static const QStringList allowed = {QStringLiteral("Standard_LRS"), QStringLiteral("Standard_ZRS"),
                                        QStringLiteral("Premium_LRS"), QStringLiteral("PremiumV2_LRS")};
    return value.isString() && allowed.contains(value.toString(), Qt::CaseInsensitive);
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
    const QStringList supported = apiVersions().value(family);
    if (supported.contains(apiVersion))
        return std::nullopt;
    return armError(400, QStringLiteral("InvalidApiVersionParameter"),
                    QCoreApplication::translate(
                        "armsandbox", "The api-version '%1' is invalid. The supported versions are '%2'.")
                        .arg(apiVersion, supported.join(QLatin1Char(','))));
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

ApiResponse ArmApi::route(const ApiRequest &request, const QStringList &segments, const QString &apiVersion) {
    const QString first = segments.value(0).toLower();
    if (segments.size() == 1 && first == QLatin1String("tenants")) {
        if (auto bad = checkApiVersion(QStringLiteral("subscriptions"), apiVersion))
            return *bad;
        if (request.method != "GET")
            return armError(405, QStringLiteral("MethodNotAllowed"),
                            QCoreApplication::translate(
                                "armsandbox", "The requested resource does not support http method '%1'.")
                                .arg(QString::fromLatin1(request.method)));
        return listTenants(request);
    }
    if (segments.size() == 1 && first == QLatin1String("subscriptions")) {
        if (auto bad = checkApiVersion(QStringLiteral("subscriptions"), apiVersion))
            return *bad;
        if (request.method != "GET")
            return armError(405, QStringLiteral("MethodNotAllowed"),
                            QCoreApplication::translate(
                                "armsandbox", "The requested resource does not support http method '%1'.")
                                .arg(QString::fromLatin1(request.method)));
        return listSubscriptions(request, apiVersion);
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
    QStringList lower;
    for (const QString &s : segments)
        lower.append(s.toLower());
    const QString &subscriptionId = segments.at(1);
    const int size = int(segments.size());
    if (std::optional<ApiResponse> vm = m_vmApi.handle(request, segments, apiVersion))
        return *vm;

    // Which API family (and so which api-versions) the path belongs to.
    QString family;
    const int providers = int(lower.indexOf(QLatin1String("providers")));
    const bool inGroup = size >= 3 && lower.at(2) == QLatin1String("resourcegroups");
    if (size == 2 || (size == 3 && lower.at(2) == QLatin1String("locations"))) {
        family = QStringLiteral("subscriptions");
    } else if (inGroup && size <= 4) {
        family = QStringLiteral("resources");
    } else if (providers == 2 || (inGroup && providers == 4)) {
        const QString ns = lower.value(providers + 1);
        if (size == 3 ||
            (!inGroup && (size == 4 || (size == 5 && (lower.at(4) == QLatin1String("register") ||
                                                      lower.at(4) == QLatin1String("unregister")))))) {
            family = QStringLiteral("resources");
        } else if (!inGroup && ns == QLatin1String("microsoft.features")) {
            family = QStringLiteral("features");
        } else if (ns == QLatin1String("microsoft.compute") && size > providers + 2) {
            family = familyOfComputeType(lower.at(providers + 2));
            if (family == QLatin1String("operations") && inGroup)
                family.clear();
        }
    }
    if (family.isEmpty()) {
        const QString ns = providers >= 0 ? segments.value(providers + 1) : QString();
        return armError(
            404, QStringLiteral("InvalidResourceType"),
            QCoreApplication::translate(
                "armsandbox",
                "The resource type '%1' could not be found in the namespace '%2' for api version '%3'.")
                .arg(segments.mid(providers >= 0 ? providers + 2 : 2).join(QLatin1Char('/')), ns,
                     apiVersion));
    }
    if (auto bad = checkApiVersion(family, apiVersion))
        return *bad;
    if (!m_store.hasSubscription(subscriptionId)) {
        return armError(404, QStringLiteral("SubscriptionNotFound"),
                        QCoreApplication::translate("armsandbox", "The subscription '%1' could not be found.")
                            .arg(subscriptionId));
    }

    const auto methodNotAllowed = [&request]() {
        return armError(405, QStringLiteral("MethodNotAllowed"),
                        QCoreApplication::translate(
                            "armsandbox", "The requested resource does not support http method '%1'.")
                            .arg(QString::fromLatin1(request.method)));
    };

    if (family == QLatin1String("subscriptions")) {
        if (request.method != "GET")
            return methodNotAllowed();
        if (size == 2)
            return ok(m_store.subscription(subscriptionId));
        return pageOf(request, m_store.locations(subscriptionId));
    }
    if (family == QLatin1String("resources") && inGroup && size <= 4) {
        if (request.method != "GET")
            return methodNotAllowed();
        if (size == 3) {
            return page(request, QStringLiteral("resourcegroups"),
                        QStringLiteral("/subscriptions/%1/resourcegroups/").arg(subscriptionId.toLower()));
        }
        const QJsonObject group = m_store.resource(
            QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(subscriptionId, segments.at(3)));
        if (group.isEmpty())
            return armError(
                404, QStringLiteral("ResourceGroupNotFound"),
                QCoreApplication::translate("armsandbox", "Resource group '%1' could not be found.")
                    .arg(segments.at(3)));
        return ok(group);
    }
    if (family == QLatin1String("resources")) {
        if (size == 3) { // every provider of the subscription
            if (request.method != "GET")
                return methodNotAllowed();
            m_store.ensureProvider(subscriptionId, QStringLiteral("Microsoft.Compute"));
            QJsonArray all;
            for (const ProviderState &p : m_store.providers(subscriptionId))
                all.append(providerJson(p));
            return pageOf(request, all);
        }
        const bool action = size == 5;
        if (action && request.method != "POST")
            return methodNotAllowed();
        if (!action && request.method != "GET")
            return methodNotAllowed();
        if (action && lower.at(4) == QLatin1String("unregister")) {
            if (m_store.isReadOnly(subscriptionId))
                return authorizationFailed(segments.at(3) + QStringLiteral("/unregister/action"),
                                           QStringLiteral("/subscriptions/%1").arg(subscriptionId));
            ProviderState &p = m_store.ensureProvider(subscriptionId, segments.at(3));
            p.state = QStringLiteral("Unregistered");
            return ok(providerJson(p));
        }
        return providerRoute(request, subscriptionId, segments.at(3), action);
    }
    if (family == QLatin1String("features")) {
        // providers/Microsoft.Features/providers/{ns}/features[/{name}[/register|/unregister]]
        if (size < 7 || lower.at(4) != QLatin1String("providers") ||
            lower.at(6) != QLatin1String("features") || size > 9)
            return armError(
                404, QStringLiteral("InvalidResourceType"),
                QCoreApplication::translate(
                    "armsandbox",
                    "The resource type '%1' could not be found in the namespace '%2' for api version "
                    "'%3'.")
                    .arg(segments.mid(4).join(QLatin1Char('/')), segments.at(3), apiVersion));
        const QString &ns = segments.at(5);
        if (size == 7) {
            if (request.method != "GET")
                return methodNotAllowed();
            QJsonArray all;
            for (const FeatureState &f : m_store.features(subscriptionId, ns))
                all.append(featureJson(f));
            return pageOf(request, all);
        }
        const QString name = ns + QLatin1Char('/') + segments.at(7);
        if (size == 9) {
            if (request.method != "POST")
                return methodNotAllowed();
            if (lower.at(8) == QLatin1String("unregister")) {
                FeatureState *f = m_store.feature(subscriptionId, name);
                if (!f)
                    return featureRoute(request, subscriptionId, name, false);
                if (m_store.isReadOnly(subscriptionId))
                    return authorizationFailed(
                        QStringLiteral("Microsoft.Features/providers/features/unregister/action"),
                        QStringLiteral("/subscriptions/%1").arg(subscriptionId));
                f->state = QStringLiteral("Unregistered");
                return ok(featureJson(*f));
            }
            if (lower.at(8) != QLatin1String("register"))
                return methodNotAllowed();
            return featureRoute(request, subscriptionId, name, true);
        }
        if (request.method != "GET")
            return methodNotAllowed();
        return featureRoute(request, subscriptionId, name, false);
    }
    if (family == QLatin1String("operations")) {
        // providers/Microsoft.Compute/locations/{loc}/capsOperations/{id}
        if (size != 8 ||
            (lower.at(6) != QLatin1String("capsoperations") && lower.at(6) != QLatin1String("operations")))
            return armError(
                404, QStringLiteral("InvalidResourceType"),
                QCoreApplication::translate(
                    "armsandbox",
                    "The resource type '%1' could not be found in the namespace '%2' for api version "
                    "'%3'.")
                    .arg(segments.mid(4).join(QLatin1Char('/')), segments.at(3), apiVersion));
        if (request.method != "GET")
            return methodNotAllowed();
        return m_operations.status(segments.at(7));
    }
    return resourceRoute(request, segments, apiVersion);
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
    if (registerAction) {
        if (m_store.isReadOnly(subscriptionId))
            return authorizationFailed(
                QStringLiteral("Microsoft.Features/providers/features/register/action"),
                QStringLiteral("/subscriptions/%1").arg(subscriptionId));
        if (feature->state != QLatin1String("Registered") && feature->state != QLatin1String("Registering")) {
            feature->state = QStringLiteral("Registering");
            feature->pollsUntilRegistered = m_options.featurePollsUntilRegistered;
        }
        return ok(featureJson(*feature));
    }
    if (feature->state == QLatin1String("Registering") && --feature->pollsUntilRegistered <= 0)
        feature->state = QStringLiteral("Registered");
    return ok(featureJson(*feature));
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
    if (registerAction) {
        if (m_store.isReadOnly(subscriptionId))
            return authorizationFailed(QStringLiteral("%1/register/action").arg(provider.ns),
                                       QStringLiteral("/subscriptions/%1").arg(subscriptionId));
        if (provider.state != QLatin1String("Registered") && provider.state != QLatin1String("Registering")) {
            provider.state = QStringLiteral("Registering");
            provider.pollsUntilRegistered = m_options.featurePollsUntilRegistered;
        }
        return ok(providerJson(provider));
    }
    if (provider.state == QLatin1String("Registering") && --provider.pollsUntilRegistered <= 0)
        provider.state = QStringLiteral("Registered");
    return ok(providerJson(provider));
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
    return ok(body);
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
    return ok(body);
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
        return armError(404, QStringLiteral("ResourceGroupNotFound"),
                        QCoreApplication::translate("armsandbox", "Resource group '%1' could not be found.")
                            .arg(segments.at(3)));
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
    QStringList lower;
    for (const QString &s : segments)
        lower.append(s.toLower());
    const int size = int(segments.size());
    const bool inGroup = lower.at(2) == QLatin1String("resourcegroups");
    const int providers = inGroup ? 4 : 2;
    // Type from the segments after the namespace: type, name, type, name...
    QString type = lower.at(providers + 1);
    for (int i = providers + 2; i < size; i += 2)
        type += QLatin1Char('/') + lower.at(i);
    const bool isCollection = (size - providers - 2) % 2 == 1;
    if (!isSupportedComputeType(type) || (!inGroup && (type.count(QLatin1Char('/')) > 1 || !isCollection))) {
        return armError(
            404, QStringLiteral("InvalidResourceType"),
            QCoreApplication::translate(
                "armsandbox",
                "The resource type '%1' could not be found in the namespace '%2' for api version '%3'.")
                .arg(segments.mid(providers + 2).join(QLatin1Char('/')), segments.at(providers + 1),
                     apiVersion));
    }
    const auto methodNotAllowed = [&request]() {
        return armError(405, QStringLiteral("MethodNotAllowed"),
                        QCoreApplication::translate(
                            "armsandbox", "The requested resource does not support http method '%1'.")
                            .arg(QString::fromLatin1(request.method)));
    };
    const QString &subscriptionId = segments.at(1);
    if (isCollection) {
        if (request.method != "GET")
            return methodNotAllowed();
        if (!inGroup)
            return page(request, type, QStringLiteral("/subscriptions/%1/").arg(lower.at(1)));
        if (auto missing = notFoundParents(segments, size))
            return *missing;
        return page(request, type,
                    canonicalId(QLatin1Char('/') + segments.join(QLatin1Char('/'))) + QLatin1Char('/'));
    }

    const QString id = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    const QString key = canonicalId(id);
    if (request.method == "PUT") {
        if (type != kVersionType)
            return methodNotAllowed();
        return putImageVersion(request, segments, id, apiVersion);
    }
    if (request.method == "DELETE") {
        if (type != kVersionType)
            return methodNotAllowed();
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
        return methodNotAllowed();
    if (!m_store.contains(key)) {
        if (auto missing = notFoundParents(segments, size))
            return *missing;
        return armError(404, QStringLiteral("ResourceNotFound"),
                        QCoreApplication::translate(
                            "armsandbox", "The Resource '%1' under resource group '%2' was not found.")
                            .arg(segments.mid(providers + 1).join(QLatin1Char('/')), segments.at(3)));
    }
    if (type == kVersionType) {
        const QString expand = QUrlQuery(request.url).queryItemValue(QStringLiteral("$expand"));
        return renderImageVersion(
            key, expand.compare(QLatin1String("ReplicationStatus"), Qt::CaseInsensitive) == 0);
    }
    return ok(m_store.resource(key));
}

ApiResponse ArmApi::renderImageVersion(const QString &key, bool expandReplication) {
    QJsonObject version = m_store.resource(key);
    QJsonObject properties = version.value(QLatin1String("properties")).toObject();
    if (expandReplication)
        properties.insert(QStringLiteral("replicationStatus"), replicationStatus(key, version));
    else
        properties.remove(QStringLiteral("replicationStatus"));
    version.insert(QStringLiteral("properties"), properties);
    return ok(version);
}

QJsonObject ArmApi::replicationStatus(const QString &key, const QJsonObject &version) const {
    const QJsonObject properties = version.value(QLatin1String("properties")).toObject();
    const LongRunningOperation *operation = m_operations.latestFor(key);
    if (!operation && properties.contains(QLatin1String("replicationStatus")))
        return properties.value(QLatin1String("replicationStatus")).toObject(); // as the fixture recorded it
    QStringList regions;
    for (const auto &t : properties.value(QLatin1String("publishingProfile"))
                             .toObject()
                             .value(QLatin1String("targetRegions"))
                             .toArray())
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
            state = QStringLiteral("Replicating");
            regionProgress = progress;
        } else if (aggregated == QLatin1String("Failed") && i == regions.size() - 1) {
            state = QStringLiteral("Failed");
            details = operation->failMessage;
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
    const ProviderState *compute = m_store.provider(subscriptionId, QStringLiteral("Microsoft.Compute"));
    if (!compute || compute->state != QLatin1String("Registered")) {
        return armError(409, QStringLiteral("MissingSubscriptionRegistration"),
                        QCoreApplication::translate(
                            "armsandbox",
                            "The subscription is not registered to use namespace 'Microsoft.Compute'. See "
                            "https://aka.ms/rps-not-found for how to register subscriptions."));
    }
    if (auto missing = notFoundParents(segments, int(segments.size())))
        return *missing;
    const QString key = canonicalId(id);
    if (m_operations.isRunningOn(key)) {
        return armError(
            409, QStringLiteral("OperationNotAllowed"),
            QCoreApplication::translate(
                "armsandbox",
                "Another operation is in progress on the gallery image version '%1'. Wait for it to "
                "finish and try again.")
                .arg(segments.last()));
    }
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    if (auto invalidBody = validateImageVersion(segments, id, body))
        return *invalidBody;

    const bool existed = m_store.contains(key);
    const QString location = normalizeRegion(body.value(QLatin1String("location")).toString());
    const QString failCode =
        OperationRegistry::requestedFailure(body.value(QLatin1String("tags")).toObject());
    QString failMessage;
    const QJsonObject tags = body.value(QLatin1String("tags")).toObject();
    const QJsonArray targets = body.value(QLatin1String("properties"))
                                   .toObject()
                                   .value(QLatin1String("publishingProfile"))
                                   .toObject()
                                   .value(QLatin1String("targetRegions"))
                                   .toArray();
    if (!failCode.isEmpty()) {
        const QString lastRegion = targets.isEmpty()
                                       ? body.value(QLatin1String("location")).toString()
                                       : targets.last().toObject().value(QLatin1String("name")).toString();
        failMessage = QCoreApplication::translate(
                          "armsandbox", "Replication of the gallery image version to region '%1' failed "
                                        "(requested by the sandbox-fail-lro "
                                        "tag).")
                          .arg(lastRegion);
    }

    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    properties.insert(QStringLiteral("provisioningState"),
                      existed ? QStringLiteral("Updating") : QStringLiteral("Creating"));
    QJsonObject version{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), segments.last()},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/galleries/images/versions")},
        {QStringLiteral("location"), body.value(QLatin1String("location"))},
        {QStringLiteral("properties"), properties}};
    if (body.contains(QLatin1String("tags")))
        version.insert(QStringLiteral("tags"), tags);
    m_store.put(version);
    LongRunningOperation &operation = m_operations.start(key);
    operation.failCode = failCode;
    operation.failMessage = failMessage;
    ApiResponse response = ok(version, existed ? 200 : 201);
    m_operations.announce(response, operation, m_baseUrl, subscriptionId, QStringLiteral("Microsoft.Compute"),
                          location, QStringLiteral("capsOperations"), apiVersion);
    return response;
}

std::optional<ApiResponse> ArmApi::validateImageVersion(const QStringList &segments, const QString &id,
                                                        QJsonObject &body) {
    Q_UNUSED(id)
    const QString &subscriptionId = segments.at(1);
    const QString &versionName = segments.last();

    static const QRegularExpression versionPattern(
        QStringLiteral("^(\\d{1,10})\\.(\\d{1,10})\\.(\\d{1,10})$"));
    const QRegularExpressionMatch versionMatch = versionPattern.match(versionName);
    bool versionOk = versionMatch.hasMatch();
    for (int i = 1; versionOk && i <= 3; ++i)
        versionOk = versionMatch.captured(i).toLongLong() <= 2147483647LL;
    if (!versionOk) {
        return invalid(QCoreApplication::translate(
                           "armsandbox",
                           "The gallery image version name '%1' is invalid. It must follow the format "
                           "Major(int32).Minor(int32).Patch(int32), for example 1.0.0.")
                           .arg(versionName),
                       QStringLiteral("galleryImageVersionName"));
    }

    const QString location = body.value(QLatin1String("location")).toString();
    if (location.trimmed().isEmpty()) {
        return armError(400, QStringLiteral("LocationRequired"),
                        QCoreApplication::translate("armsandbox",
                                                    "The location property is required for this definition."),
                        QStringLiteral("location"));
    }
    if (!m_store.isKnownRegion(location)) {
        return armError(400, QStringLiteral("LocationNotAvailableForResourceType"),
                        QCoreApplication::translate(
                            "armsandbox", "The provided location '%1' is not available for resource type "
                                          "'Microsoft.Compute/galleries/images/versions'.")
                            .arg(location),
                        QStringLiteral("location"));
    }
    if (body.contains(QLatin1String("properties")) && !body.value(QLatin1String("properties")).isObject())
        return invalid(
            QCoreApplication::translate("armsandbox",
                                        "The properties of the gallery image version must be a JSON object."),
            QStringLiteral("properties"));
    QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    if (!properties.value(QLatin1String("storageProfile")).isObject()) {
        return invalid(QCoreApplication::translate("armsandbox",
                                                   "Required parameter 'storageProfile' is missing (null)."),
                       QStringLiteral("properties.storageProfile"));
    }
    QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();

    // The source: a managed image, VM or gallery image version in source.id / source.virtualMachineId, or a
    // snapshot / managed disk in osDiskImage.source.id.
    const QJsonObject source = storage.value(QLatin1String("source")).toObject();
    QString sourceId;
    QString sourceTarget;
    if (!source.value(QLatin1String("virtualMachineId")).toString().isEmpty()) {
        sourceId = source.value(QLatin1String("virtualMachineId")).toString();
        sourceTarget = QStringLiteral("properties.storageProfile.source.virtualMachineId");
    } else if (!source.value(QLatin1String("id")).toString().isEmpty()) {
        sourceId = source.value(QLatin1String("id")).toString();
        sourceTarget = QStringLiteral("properties.storageProfile.source.id");
    } else {
        const QJsonObject osSource =
            storage.value(QLatin1String("osDiskImage")).toObject().value(QLatin1String("source")).toObject();
        sourceId = osSource.value(QLatin1String("id")).toString();
        sourceTarget = QStringLiteral("properties.storageProfile.osDiskImage.source.id");
    }
    if (sourceId.isEmpty()) {
        return invalid(
            QCoreApplication::translate(
                "armsandbox",
                "The image version has no source. Set properties.storageProfile.source.id (managed image, "
                "virtual machine or gallery image version) or "
                "properties.storageProfile.osDiskImage.source.id (snapshot or managed disk)."),
            QStringLiteral("properties.storageProfile.source"));
    }
    const QString sourceType = resourceTypeOfId(canonicalId(sourceId));
    static const QStringList sourceTypes = {QStringLiteral("microsoft.compute/images"),
                                            QStringLiteral("microsoft.compute/virtualmachines"), kVersionType,
                                            QStringLiteral("microsoft.compute/snapshots"),
                                            QStringLiteral("microsoft.compute/disks")};
    if (!sourceTypes.contains(sourceType)) {
        return invalid(
            QCoreApplication::translate(
                "armsandbox",
                "The source '%1' is not the id of a managed image, virtual machine, gallery image version, "
                "snapshot or managed disk.")
                .arg(sourceId),
            sourceTarget);
    }
    const QJsonObject sourceResource = m_store.resource(sourceId);
    if (sourceResource.isEmpty())
        return invalid(
            QCoreApplication::translate("armsandbox", "The source '%1' was not found.").arg(sourceId),
            sourceTarget);
    const QString sourceLocation = sourceResource.value(QLatin1String("location")).toString();
    if (normalizeRegion(sourceLocation) != normalizeRegion(location)) {
        return invalid(
            QCoreApplication::translate(
                "armsandbox",
                "The source '%1' is in region '%2'; it must be in the region of the gallery image version "
                "('%3').")
                .arg(sourceId, sourceLocation, location),
            sourceTarget);
    }
    const bool sourceIsVm = sourceType == QLatin1String("microsoft.compute/virtualmachines");

    // Data disks the version will have: the source's own, plus those given one by one (snapshots).
    QList<int> luns = sourceDataLuns(sourceType, sourceResource);
    const QJsonArray requestedDataDisks = storage.value(QLatin1String("dataDiskImages")).toArray();
    for (int j = 0; j < requestedDataDisks.size(); ++j) {
        const QJsonObject disk = requestedDataDisks.at(j).toObject();
        const QString target = QStringLiteral("properties.storageProfile.dataDiskImages[%1]").arg(j);
        if (!disk.value(QLatin1String("lun")).isDouble())
            return invalid(
                QCoreApplication::translate("armsandbox", "Required parameter 'lun' is missing (null)."),
                target + QStringLiteral(".lun"));
        const QString diskSource =
            disk.value(QLatin1String("source")).toObject().value(QLatin1String("id")).toString();
        if (!diskSource.isEmpty()) {
            const QJsonObject diskResource = m_store.resource(diskSource);
            if (diskResource.isEmpty())
                return invalid(QCoreApplication::translate("armsandbox", "The source '%1' was not found.")
                                   .arg(diskSource),
                               target + QStringLiteral(".source.id"));
            if (normalizeRegion(diskResource.value(QLatin1String("location")).toString()) !=
                normalizeRegion(location)) {
                return invalid(
                    QCoreApplication::translate(
                        "armsandbox",
                        "The source '%1' is in region '%2'; it must be in the region of the gallery image "
                        "version ('%3').")
                        .arg(diskSource, diskResource.value(QLatin1String("location")).toString(), location),
                    target + QStringLiteral(".source.id"));
            }
        }
        const int lun = disk.value(QLatin1String("lun")).toInt();
        if (!luns.contains(lun))
            luns.append(lun);
    }

    // Publishing profile.
    QJsonObject publishing = properties.value(QLatin1String("publishingProfile")).toObject();
    if (publishing.contains(QLatin1String("storageAccountType")) &&
        !isStorageAccountType(publishing.value(QLatin1String("storageAccountType")))) {
        return invalid(QCoreApplication::translate(
                           "armsandbox",
                           "The value '%1' of parameter 'storageAccountType' is invalid. Allowed values are "
                           "Standard_LRS, Standard_ZRS, Premium_LRS and PremiumV2_LRS.")
                           .arg(publishing.value(QLatin1String("storageAccountType")).toVariant().toString()),
                       QStringLiteral("properties.publishingProfile.storageAccountType"));
    }
    if (publishing.contains(QLatin1String("replicaCount"))) {
        const QJsonValue count = publishing.value(QLatin1String("replicaCount"));
        if (!count.isDouble() || count.toDouble() != double(count.toInt()) || count.toInt() < 1 ||
            count.toInt() > 100) {
            return invalid(
                QCoreApplication::translate(
                    "armsandbox",
                    "The value %1 of parameter 'replicaCount' is out of range. It must be between 1 and 100.")
                    .arg(count.toVariant().toString()),
                QStringLiteral("properties.publishingProfile.replicaCount"));
        }
    }
    const FeatureState *feature =
        m_store.feature(subscriptionId, QStringLiteral("Microsoft.Compute/SIGEncryption"));
    const QJsonArray targets = publishing.value(QLatin1String("targetRegions")).toArray();
    QSet<QString> seenRegions;
    for (int i = 0; i < targets.size(); ++i) {
        const QJsonObject region = targets.at(i).toObject();
        const QString base = QStringLiteral("properties.publishingProfile.targetRegions[%1]").arg(i);
        const QString regionName = region.value(QLatin1String("name")).toString();
        if (regionName.trimmed().isEmpty())
            return invalid(
                QCoreApplication::translate("armsandbox", "Required parameter 'name' is missing (null)."),
                base + QStringLiteral(".name"));
        if (!m_store.isKnownRegion(regionName))
            return invalid(
                QCoreApplication::translate("armsandbox", "The region '%1' is not a valid Azure region.")
                    .arg(regionName),
                base + QStringLiteral(".name"));
        if (seenRegions.contains(normalizeRegion(regionName)))
            return invalid(QCoreApplication::translate(
                               "armsandbox", "The region '%1' appears more than once in targetRegions.")
                               .arg(regionName),
                           base + QStringLiteral(".name"));
        seenRegions.insert(normalizeRegion(regionName));
        if (region.contains(QLatin1String("regionalReplicaCount"))) {
            const QJsonValue count = region.value(QLatin1String("regionalReplicaCount"));
            if (!count.isDouble() || count.toDouble() != double(count.toInt()) || count.toInt() < 1 ||
                count.toInt() > 100) {
                return invalid(QCoreApplication::translate("armsandbox",
                                                           "The value %1 of parameter 'regionalReplicaCount' "
                                                           "is out of range. It must be between "
                                                           "1 and 100.")
                                   .arg(count.toVariant().toString()),
                               base + QStringLiteral(".regionalReplicaCount"));
            }
        }
        if (region.contains(QLatin1String("storageAccountType")) &&
            !isStorageAccountType(region.value(QLatin1String("storageAccountType")))) {
            return invalid(
                QCoreApplication::translate(
                    "armsandbox",
                    "The value '%1' of parameter 'storageAccountType' is invalid. Allowed values are "
                    "Standard_LRS, Standard_ZRS, Premium_LRS and PremiumV2_LRS.")
                    .arg(region.value(QLatin1String("storageAccountType")).toVariant().toString()),
                base + QStringLiteral(".storageAccountType"));
        }
        const QJsonObject encryption = region.value(QLatin1String("encryption")).toObject();
        if (encryption.isEmpty())
            continue;
        const QString encryptionTarget = base + QStringLiteral(".encryption");
        if (feature && feature->required && feature->state != QLatin1String("Registered")) {
            return armError(
                400, QStringLiteral("FeatureNotRegistered"),
                QCoreApplication::translate(
                    "armsandbox",
                    "The subscription '%1' is not registered for the feature "
                    "'Microsoft.Compute/SIGEncryption', which encrypting gallery image versions with "
                    "customer-managed keys requires. Register the feature and try again.")
                    .arg(subscriptionId),
                encryptionTarget);
        }
        if (sourceIsVm) {
            return armError(
                400, QStringLiteral("BadRequest"),
                QCoreApplication::translate(
                    "armsandbox",
                    "Encryption with customer-managed keys is not supported when the source of the image "
                    "version is a virtual machine. Capture a managed image or snapshots first."),
                encryptionTarget);
        }
        DesChecker desChecker(m_store, DesChecker::Encrypting::ImageVersionRegion, subscriptionId,
                              regionName);
        const QString osDes = encryption.value(QLatin1String("osDiskImage"))
                                  .toObject()
                                  .value(QLatin1String("diskEncryptionSetId"))
                                  .toString();
        if (!osDes.isEmpty()) {
            if (auto bad = desChecker.check(osDes, encryptionTarget +
                                                       QStringLiteral(".osDiskImage.diskEncryptionSetId")))
                return bad;
        }
        const QJsonArray dataEncryption = encryption.value(QLatin1String("dataDiskImages")).toArray();
        QSet<int> encryptedLuns;
        for (int j = 0; j < dataEncryption.size(); ++j) {
            const QJsonObject disk = dataEncryption.at(j).toObject();
            const QString target = encryptionTarget + QStringLiteral(".dataDiskImages[%1]").arg(j);
            if (!disk.value(QLatin1String("lun")).isDouble())
                return invalid(
                    QCoreApplication::translate("armsandbox", "Required parameter 'lun' is missing (null)."),
                    target + QStringLiteral(".lun"));
            const int lun = disk.value(QLatin1String("lun")).toInt();
            if (!luns.contains(lun)) {
                return invalid(
                    QCoreApplication::translate(
                        "armsandbox", "The data disk with LUN %1 does not exist in the source '%2'.")
                        .arg(lun)
                        .arg(sourceId),
                    target + QStringLiteral(".lun"));
            }
            if (encryptedLuns.contains(lun))
                return invalid(QCoreApplication::translate(
                                   "armsandbox",
                                   "LUN %1 appears more than once in the encryption of target region '%2'.")
                                   .arg(lun)
                                   .arg(regionName),
                               target + QStringLiteral(".lun"));
            encryptedLuns.insert(lun);
            const QString dataDes = disk.value(QLatin1String("diskEncryptionSetId")).toString();
            if (dataDes.isEmpty())
                continue;
            if (auto bad = desChecker.check(dataDes, target + QStringLiteral(".diskEncryptionSetId")))
                return bad;
        }
    }

    // Defaults the service fills in.
    const QString storageType =
        publishing.value(QLatin1String("storageAccountType")).toString(QStringLiteral("Standard_LRS"));
    const int replicaCount = publishing.value(QLatin1String("replicaCount")).toInt(1);
    QJsonArray filledTargets;
    for (const auto &t : targets) {
        QJsonObject region = t.toObject();
        if (!region.contains(QLatin1String("regionalReplicaCount")))
            region.insert(QStringLiteral("regionalReplicaCount"), replicaCount);
        if (!region.contains(QLatin1String("storageAccountType")))
            region.insert(QStringLiteral("storageAccountType"), storageType);
        if (!region.contains(QLatin1String("excludeFromLatest")))
            region.insert(QStringLiteral("excludeFromLatest"),
                          publishing.value(QLatin1String("excludeFromLatest")).toBool(false));
        filledTargets.append(region);
    }
    if (filledTargets.isEmpty()) {
        filledTargets.append(QJsonObject{{QStringLiteral("name"), location},
                                         {QStringLiteral("regionalReplicaCount"), replicaCount},
                                         {QStringLiteral("storageAccountType"), storageType},
                                         {QStringLiteral("excludeFromLatest"), false}});
    }
    publishing.insert(QStringLiteral("targetRegions"), filledTargets);
    publishing.insert(QStringLiteral("replicaCount"), replicaCount);
    publishing.insert(QStringLiteral("storageAccountType"), storageType);
    if (!publishing.contains(QLatin1String("excludeFromLatest")))
        publishing.insert(QStringLiteral("excludeFromLatest"), false);
    publishing.insert(QStringLiteral("publishedDate"), isoNow());
    properties.insert(QStringLiteral("publishingProfile"), publishing);

    QJsonObject osDiskImage = storage.value(QLatin1String("osDiskImage")).toObject();
    QJsonArray dataDiskImages;
    describeSourceDisks(sourceType, sourceResource, osDiskImage, dataDiskImages);
    for (const auto &v : requestedDataDisks) {
        const QJsonObject disk = v.toObject();
        const int lun = disk.value(QLatin1String("lun")).toInt();
        const bool known =
            std::any_of(dataDiskImages.begin(), dataDiskImages.end(), [lun](const auto &image) {
                return image.toObject().value(QLatin1String("lun")).toInt() == lun;
            });
        if (known)
            continue;
        QJsonObject filled = disk;
        const QJsonObject diskResource = m_store.resource(
            disk.value(QLatin1String("source")).toObject().value(QLatin1String("id")).toString());
        filled.insert(QStringLiteral("sizeInGB"), diskResource.value(QLatin1String("properties"))
                                                      .toObject()
                                                      .value(QLatin1String("diskSizeGB"))
                                                      .toInt(32));
        if (!filled.contains(QLatin1String("hostCaching")))
            filled.insert(QStringLiteral("hostCaching"), QStringLiteral("None"));
        dataDiskImages.append(filled);
    }
    storage.insert(QStringLiteral("osDiskImage"), osDiskImage);
    if (!dataDiskImages.isEmpty())
        storage.insert(QStringLiteral("dataDiskImages"), dataDiskImages);
    properties.insert(QStringLiteral("storageProfile"), storage);

    QJsonObject safety = properties.value(QLatin1String("safetyProfile")).toObject();
    if (!safety.contains(QLatin1String("allowDeletionOfReplicatedLocations")))
        safety.insert(QStringLiteral("allowDeletionOfReplicatedLocations"), true);
    safety.insert(QStringLiteral("reportedForPolicyViolation"), false);
    if (!safety.contains(QLatin1String("blockDeletionBeforeEndOfLife")))
        safety.insert(QStringLiteral("blockDeletionBeforeEndOfLife"), false);
    properties.insert(QStringLiteral("safetyProfile"), safety);
    properties.remove(QStringLiteral("replicationStatus"));
    properties.remove(QStringLiteral("provisioningState"));
    body.insert(QStringLiteral("properties"), properties);
    return std::nullopt;
}

} // namespace armsandbox
