#pragma once

#include "arm/armbodyparser.h"
#include "arm/armclientconfig.h"
#include "arm/armerror.h"
#include "arm/armoperation.h"
#include "arm/armpager.h"
#include "arm/armpaths.h"
#include "arm/armreply.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>
#include <memory>
#include <nlohmann/json.hpp>

class QNetworkAccessManager;

namespace cmk {

class TokenProvider;
class ArmClientPrivate;

/// The one HTTP client of the app: auth header, api-version, retries, paging, long-running operations,
/// typed errors. No widgets here; the GUI and the headless commands both use it. Each request goes through
/// the policies of armpipeline.h.
class ArmClient : public QObject {
    Q_OBJECT
public:
    explicit ArmClient(QObject *parent = nullptr);
    ~ArmClient() override;

    void setEndpoint(const QUrl &endpoint); ///< default https://management.azure.com
    QUrl endpoint() const;
    void setTokenProvider(TokenProvider *provider); ///< not owned; nullptr = no Authorization header
    void setRetryPolicy(const RetryPolicy &policy);
    RetryPolicy retryPolicy() const;
    void
    setDefaultPollIntervalMs(int ms); ///< LRO polling when the server sends no Retry-After (default 2000)
    void setRequestTimeoutMs(int ms); ///< per attempt (default 60000)
    void setMaxResponseBytes(qint64 bytes); ///< larger bodies fail with MalformedResponse (default 64 MiB)
    void setMaxPages(int pages); ///< a list stops with an error after this many pages (default 10000)
    /// Sends `apiVersion` instead of the default for the paths of `family` (empty: the default again).
    void setApiVersion(ApiFamily family, const QString &apiVersion);
    /// How long a request ARM's quota header says would be refused is held before one goes (default 1000).
    void setThrottleRefillWaitMs(int ms);
    QNetworkAccessManager *networkAccessManager() const;

    /// Paths are relative to the endpoint ("/subscriptions/..."); api-version is added from the path.
    /// An explicit "api-version" in extraQuery wins.
    ArmReply *get(const QString &path, const QUrlQuery &extraQuery = {});
    ArmReply *post(const QString &path, const nlohmann::json &body = nullptr,
                   const QUrlQuery &extraQuery = {});
    ArmReply *put(const QString &path, const nlohmann::json &body, const QUrlQuery &extraQuery = {});
    ArmReply *deleteResource(const QString &path, const QUrlQuery &extraQuery = {});
    ArmPager *list(const QString &path, const QUrlQuery &extraQuery = {});
    ArmOperation *beginPut(const QString &path, const nlohmann::json &body, const QUrlQuery &extraQuery = {});
    /// A long-running PATCH (an update): followed like a PUT, ending with the updated resource.
    ArmOperation *beginPatch(const QString &path, const nlohmann::json &body, const QUrlQuery &extraQuery = {});
    ArmOperation *beginDelete(const QString &path, const QUrlQuery &extraQuery = {});

    /// The full URL a path maps to (endpoint + path + api-version), invalid with `error` set when the path is
    /// not acceptable.
    QUrl urlForPath(const QString &path, const QUrlQuery &extraQuery = {}, ArmError *error = nullptr) const;
    /// Whether `url` is on the configured endpoint (same scheme, host and port): the only place the token
    /// goes.
    bool isOnEndpoint(const QUrl &url) const;

Q_SIGNALS:
    /// Emitted for each HTTP attempt (method, URL without query secrets, status or 0); for logs and tests.
    void requestSent(const QByteArray &method, const QUrl &url);
    void responseReceived(const QByteArray &method, const QUrl &url, int status, const QString &requestId);

private:
    friend class ArmClientPrivate;
    ArmReply *send(const QByteArray &method, const QString &path, const QUrlQuery &extraQuery,
                   const QByteArray &body = {});
    ArmOperation *beginOperation(const QByteArray &method, const QString &path, const QUrlQuery &extraQuery,
                                 const QByteArray &body);
    std::unique_ptr<ArmClientPrivate> d;
};

} // namespace cmk
