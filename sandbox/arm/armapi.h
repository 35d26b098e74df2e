#pragma once

// The ARM side of the sandbox: routing, listing with nextLink, feature/provider registration, the image
// version PUT with its validations and its long-running operation. Transport-free: takes a parsed request,
// returns a response; SandboxServer does the HTTP framing, faults, auth and traffic recording.

#include "arm/armapi_vm.h"
#include "arm/armstore.h"
#include "arm/operations.h"
#include "armsandbox.h"
#include "keyvault/keyvaultapi.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>
#include <initializer_list>
#include <optional>

namespace armsandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ApiRequest {
    QByteArray method; ///< upper case
    QUrl url;          ///< path + query as received
    HeaderList headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
};

struct ApiResponse {
    int status = 200;
    HeaderList headers; ///< besides the ones every response gets
    QJsonObject body;   ///< empty with hasBody false: no body (204, 202)
    bool hasBody = true;
    QByteArray rawBody; ///< used instead of body when isRaw (identity pages, forms); headers carry its type
    bool isRaw = false;
};

/// The ARM error envelope {"error":{"code","message","target"}}.
ApiResponse armError(int status, const QString &code, const QString &message, const QString &target = {});
/// ARM's 403 AuthorizationFailed for `action` ("Microsoft.Compute/galleries/images/versions/write") on
/// `scope` (a resource id), as a read-only subscription of the fixture answers writes.
ApiResponse authorizationFailed(const QString &action, const QString &scope);
/// A 200 (or `status`) answer carrying `body`.
ApiResponse okResponse(const QJsonObject &body, int status = 200);
/// ARM's 400 for a value it rejects at the request's JSON path `target`.
ApiResponse invalidParameter(const QString &message, const QString &target,
                             const QString &code = QStringLiteral("InvalidParameter"));
/// ARM's 400 "Required parameter 'name' is missing (null)." at `target`.
ApiResponse missingParameter(const QString &name, const QString &target);
/// ARM's 405 for a method the addressed resource does not answer.
ApiResponse methodNotAllowed(const ApiRequest &request);
/// ARM's 404 InvalidResourceType for the resource type path `type` in the namespace `ns`.
ApiResponse unknownResourceType(const QString &type, const QString &ns, const QString &apiVersion);
/// ARM's 404 ResourceGroupNotFound.
ApiResponse resourceGroupNotFound(const QString &groupName);
/// ARM's 404 ResourceNotFound for `resource` ("Microsoft.Compute/galleries/g") of a resource group.
ApiResponse resourceNotFound(const QString &resource, const QString &groupName);
/// ARM's 409 OperationNotAllowed while a long-running operation runs on the `kind` ("virtual machine")
/// named `name`.
ApiResponse operationInProgress(const QString &kind, const QString &name);
/// ARM's 400 LocationNotAvailableForResourceType (`target`: the JSON path, if any).
ApiResponse locationNotAvailable(const QString &location, const QString &resourceType,
                                 const QString &target = {});
/// Every stable api-version the specs publish for a family of types the sandbox serves: "gallery" (GalleryRP),
/// "disk" (DiskRP), "compute" (images, virtual machines), "subscriptions", "resources", "features",
/// "operations"; empty for another name.
const QStringList &publishedApiVersions(const QString &family);
/// ARM's 400 InvalidApiVersionParameter unless `apiVersion` is one of `supported`.
std::optional<ApiResponse> checkApiVersionIn(const QStringList &supported, const QString &apiVersion);
/// ARM's 404 SubscriptionNotFound unless the store knows the subscription.
std::optional<ApiResponse> checkSubscription(const ArmStore &store, const QString &subscriptionId);
/// ARM's 409 MissingSubscriptionRegistration unless Microsoft.Compute is Registered in the subscription.
std::optional<ApiResponse> checkComputeRegistered(ArmStore &store, const QString &subscriptionId);
/// ARM's 400 LocationRequired or LocationNotAvailableForResourceType for the body's "location".
std::optional<ApiResponse> checkLocation(const ArmStore &store, const QJsonObject &body,
                                         const QString &resourceType);
/// The path segments in lower case: routes compare them so, and keep the originals for ids and messages.
QStringList lowerCased(const QStringList &segments);
/// A resource as ARM answers it; `tags` (as the request gave them) only when defined.
QJsonObject resourceJson(const QString &id, const QString &name, const QString &type,
                         const QJsonValue &location, const QJsonObject &properties,
                         const QJsonValue &tags = QJsonValue::Undefined);
/// The value at `path` inside `object` ({"properties", "storageProfile"}); undefined where a step is missing.
QJsonValue valueAt(const QJsonObject &object, std::initializer_list<const char *> path);
/// Now, as ARM writes timestamps.
QString isoNow();
/// The request's body as a JSON object in *body, or ARM's 400 InvalidRequestContent.
std::optional<ApiResponse> parseJsonBody(const ApiRequest &request, QJsonObject *body);
/// The page of `all` the request's $skiptoken asks for, at most `pageSize` items, with a nextLink (on
/// `baseUrl`) when more follow; 400 InvalidSkipToken for a bad token.
ApiResponse arrayPage(const ApiRequest &request, const QJsonArray &all, int pageSize, const QUrl &baseUrl);
/// The same over the store's resources of `type` whose canonical id starts with `prefix`.
ApiResponse storePage(const ApiRequest &request, const ArmStore &store, const QString &type,
                      const QString &prefix, int pageSize, const QUrl &baseUrl);

class ArmApi {
public:
    ArmApi(ArmStore &store, const SandboxOptions &options);
    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }

    /// True for the paths this class answers (everything under /subscriptions, /tenants, /providers).
    static bool isArmPath(const QString &path);
    ApiResponse handle(const ApiRequest &request);

private:
    ApiResponse route(const ApiRequest &request, const QStringList &segments, const QString &apiVersion);
    std::optional<ApiResponse> checkApiVersion(const QString &family, const QString &apiVersion) const;

    ApiResponse listSubscriptions(const ApiRequest &request, const QString &apiVersion);
    ApiResponse listTenants(const ApiRequest &request);
    ApiResponse subscriptionRoute(const ApiRequest &request, const QStringList &segments,
                                  const QString &apiVersion);
    ApiResponse resourceGroupRoute(const ApiRequest &request, const QStringList &segments);

    // providers[/{ns}[/register|/unregister]]
    ApiResponse resourceProvidersRoute(const ApiRequest &request, const QStringList &segments);
    ApiResponse providerRoute(const ApiRequest &request, const QString &subscriptionId, const QString &ns,
                              bool registerAction);
    QJsonObject providerJson(const ProviderState &provider) const;

    // providers/Microsoft.Features/providers/{ns}/features[/{name}[/register|/unregister]]
    ApiResponse previewFeaturesRoute(const ApiRequest &request, const QStringList &segments,
                                     const QString &apiVersion);
    ApiResponse featureRoute(const ApiRequest &request, const QString &subscriptionId,
                             const QString &featureName, bool registerAction);
    QJsonObject featureJson(const FeatureState &feature) const;

    // providers/Microsoft.Compute/locations/{location}/capsOperations/{id}
    ApiResponse operationRoute(const ApiRequest &request, const QStringList &segments,
                               const QString &apiVersion);

    // Microsoft.Compute resources, the image version PUT, DELETE and GET
    ApiResponse resourceRoute(const ApiRequest &request, const QStringList &segments,
                              const QString &apiVersion);
    ApiResponse putImageVersion(const ApiRequest &request, const QStringList &segments, const QString &id,
                                const QString &apiVersion);
    /// Stores a validated version (`existing`: as it was, empty for a new one) and starts its operation.
    ApiResponse storeImageVersion(const QStringList &segments, const QString &id, const QString &apiVersion,
                                  const QJsonObject &body, const QJsonObject &existing);
    ApiResponse deleteImageVersion(const QString &id, const QString &apiVersion,
                                   const QString &subscriptionId, const QString &location);
    ApiResponse renderImageVersion(const QString &key, bool expandReplication);
    QJsonObject replicationStatus(const QString &key, const QJsonObject &version) const;
    std::optional<ApiResponse> notFoundParents(const QStringList &segments, int resourceEnd);

    ApiResponse page(const ApiRequest &request, const QString &type, const QString &prefix);
    ApiResponse pageOf(const ApiRequest &request, const QJsonArray &all);

    ArmStore &m_store;
    SandboxOptions m_options;
    QUrl m_baseUrl;
    OperationRegistry m_operations{m_store, m_options};         ///< every provider's long-running operations
    VmApi m_vmApi{m_store, m_options, m_baseUrl, m_operations}; ///< VM, NIC, VNet and VM size routes
    KeyVaultApi m_keyVaultApi{m_store, m_options, m_baseUrl, m_operations}; ///< vaults, keys, DES writes...
};

} // namespace armsandbox
