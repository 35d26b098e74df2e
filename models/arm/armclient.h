#pragma once

#include "arm/armerror.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>
#include <memory>
#include <nlohmann/json.hpp>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace cmk {

class TokenProvider;

struct RetryPolicy {
    int maxTries = 4;       ///< including the first one
    int baseDelayMs = 500;  ///< exponential backoff base, full jitter
    int maxDelayMs = 30000; ///< cap for backoff and for Retry-After
};

/// Lowers the calling worker thread's CPU priority (niceness 10 on Linux; once per thread), so the GUI
/// thread wins the core when both want it. For threads that convert or parse in the background.
void lowerWorkerThreadPriority();

/// api-version for a request path, chosen by its resource provider and type
/// (galleries 2025-03-03, diskEncryptionSets 2025-01-02, features 2021-07-01, ...).
QString apiVersionForPath(const QString &path);

/// Builds ARM paths from fixed keywords and user-supplied names. Names are validated (no '/', '?', '#',
/// no "." or "..", no control characters, length) and percent-encoded, so user input can never change
/// which URL is requested.
class ArmPathBuilder {
public:
    ArmPathBuilder &literal(const QString &segment); ///< trusted keyword, e.g. "resourceGroups"
    ArmPathBuilder &name(const QString &userValue);  ///< untrusted name, validated and encoded
    /// Appends an already-validated ARM resource id (e.g. from a server response) after checking its shape.
    static ArmPathBuilder fromResourceId(const QString &resourceId);
    QString path() const { return m_path; }
    const ArmError &error() const { return m_error; }
    bool ok() const { return !m_error.isError(); }

private:
    QString m_path;
    ArmError m_error;
};

/// One request/response. Always emits finished() exactly once (also on error and abort).
/// The caller owns it (parented to the client); deleteLater() it after finished(), like QNetworkReply.
/// A large body (a list page) is parsed on a worker thread, so finished() comes one event later.
class ArmReply : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    bool isFinished() const { return m_finished; }
    int httpStatus() const { return m_status; }
    const ArmError &error() const { return m_error; }
    const nlohmann::json &json() const { return m_json; } ///< parsed body; null when empty
    QByteArray body() const { return m_body; }
    QString requestId() const { return m_requestId; }
    QByteArray rawHeader(const QByteArray &name) const;
public Q_SLOTS:
    void abort();
Q_SIGNALS:
    void finished();

private:
    friend class ArmClient;
    friend class ArmClientPrivate;
    bool m_finished = false;
    int m_status = 0;
    ArmError m_error;
    nlohmann::json m_json;
    QByteArray m_body;
    QString m_requestId;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QPointer<QNetworkReply> m_current;
    bool m_aborted = false;
    // Request state kept across attempts (retries, token refresh).
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_requestBody;
    int m_attempt = 0;
    bool m_tokenRefreshed = false;
    QPointer<QTimer> m_wait;
};

/// A list that follows nextLink until the last page. Items arrive page by page, so views fill as they come.
class ArmPager : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    bool isFinished() const { return m_finished; }
    const ArmError &error() const { return m_error; }
    int pageCount() const { return m_pages; }
    int itemCount() const { return m_items; }
    /// During pageReceived(): the same page, shared and read-only, so a receiver can keep it (e.g. to convert
    /// it on a worker thread) without copying it. Null outside pageReceived().
    std::shared_ptr<const nlohmann::json> sharedPage() const { return m_page; }
public Q_SLOTS:
    void abort();
Q_SIGNALS:
    /// The "value" array of one page (a JSON array; convert with items.get<std::vector<T>>()).
    void pageReceived(const nlohmann::json &items);
    /// After the last page, or on error/abort (error() tells).
    void finished();

private:
    friend class ArmClient;
    friend class ArmClientPrivate;
    bool m_finished = false;
    ArmError m_error;
    int m_pages = 0;
    int m_items = 0;
    QPointer<ArmReply> m_current;
    bool m_aborted = false;
    QSet<QString> m_seenUrls;                     ///< nextLink loop detection
    std::shared_ptr<const nlohmann::json> m_page; ///< the page being delivered
};

/// A long-running PUT/DELETE/POST: initial 200/201/202, then polling Azure-AsyncOperation (or Location)
/// honouring Retry-After, until Succeeded/Failed/Canceled. On success the final resource is fetched.
class ArmOperation : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    bool isFinished() const { return m_finished; }
    const ArmError &error() const { return m_error; }
    QString status() const { return m_status; } ///< last status seen ("InProgress", "Succeeded"...)
    const nlohmann::json &resource() const { return m_resource; } ///< latest body of the resource itself
    QString requestId() const { return m_requestId; }             ///< of the initial request
public Q_SLOTS:
    void abort(); ///< stops polling locally; the service operation itself goes on
Q_SIGNALS:
    void accepted(const nlohmann::json &initialBody); ///< the initial 200/201/202 was received
    void statusChanged(const QString &status);
    void finished();

private:
    friend class ArmClient;
    friend class ArmClientPrivate;
    bool m_finished = false;
    ArmError m_error;
    QString m_status;
    nlohmann::json m_resource;
    QString m_requestId;
    QPointer<QObject> m_current;
    bool m_aborted = false;
    enum class Mode { AsyncOperation, Location, ResourceState };
    Mode m_mode = Mode::AsyncOperation;
    bool m_isPut = false;
    QUrl m_resourceUrl;
    QUrl m_pollUrl;
};

class ArmClientPrivate;

/// The one HTTP client of the app: auth header, api-version, retries, paging, long-running operations,
/// typed errors. No widgets here; the GUI and the headless commands both use it.
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
    std::unique_ptr<ArmClientPrivate> d;
};

} // namespace cmk
