#pragma once

// Plain HTTP helpers for the sandbox suites: a QNetworkAccessManager and a blocking call with a timeout, so
// the tests see exactly what a client sees on the wire (no models/ code involved).

#include "armsandbox.h"
#include "support/httpheaders.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>
#include <memory>

namespace sandboxtest {

inline const QString kSub1 = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");
inline const QString kSub2 = QStringLiteral("b8e4c7d2-1f5a-4e9b-a6c3-2d7f8e1b0c59");
/// The tenant of the demo subscriptions.
inline const QString kTenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");

/// The api-versions the tests call the sandbox's providers with.
namespace api {
inline const QString keyVault = QStringLiteral("2025-05-01");
inline const QString authorization = QStringLiteral("2022-04-01");
inline const QString disk = QStringLiteral("2025-01-02");
inline const QString gallery = QStringLiteral("2025-03-03");
inline const QString compute = QStringLiteral("2024-11-01");
} // namespace api

struct HttpResult {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool timedOut = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return cmktest::headerValue(headers, name); }
    QString errorCode() const {
        return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
    }
    QString errorTarget() const {
        return json().value(QLatin1String("error")).toObject().value(QLatin1String("target")).toString();
    }
};

class Http {
public:
    HttpResult call(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty()) {
            const bool form = method == "POST" && !body.startsWith('{');
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              form ? QByteArrayLiteral("application/x-www-form-urlencoded")
                                   : QByteArrayLiteral("application/json"));
        }
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
        HttpResult result;
        if (!reply->isFinished()) {
            result.timedOut = true;
            reply->abort();
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        if (!result.timedOut)
            result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }
    HttpResult get(const QUrl &url) { return call("GET", url); }
    HttpResult put(const QUrl &url, const QJsonObject &body) {
        return call("PUT", url, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QNetworkAccessManager &manager() { return m_manager; }

private:
    QNetworkAccessManager m_manager;
};

/// A list read to its end by following each nextLink.
struct ListPages {
    int items = 0;
    int pages = 0;
    int failedStatus = 0; ///< the status of a page that was not 200; reading stopped there
};

inline ListPages readListPages(Http &http, QUrl url, int maxPages) {
    ListPages list;
    while (url.isValid() && list.pages < maxPages) {
        const HttpResult page = http.get(url);
        if (page.status != 200) {
            list.failedStatus = page.status;
            break;
        }
        list.items += int(page.json().value(QLatin1String("value")).toArray().size());
        ++list.pages;
        const QString link = page.json().value(QLatin1String("nextLink")).toString();
        url = link.isEmpty() ? QUrl() : QUrl(link);
    }
    return list;
}

/// base + path + ?api-version=...
inline QUrl armUrl(const QUrl &base, const QString &path, const QString &apiVersion,
                   const QString &extraQuery = {}) {
    QUrl url = base;
    url.setPath(path);
    QString query = QStringLiteral("api-version=") + apiVersion;
    if (!extraQuery.isEmpty())
        query += QLatin1Char('&') + extraQuery;
    url.setQuery(query);
    return url;
}

/// The embedded demo fixture, for tests that tweak it and save a copy.
inline QJsonObject demoFixture() {
    QFile file(QStringLiteral(":/armsandbox/demo-fixture.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline QString writeFixture(const QTemporaryDir &dir, const QString &name, const QJsonObject &fixture) {
    QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(QJsonDocument(fixture).toJson(QJsonDocument::Compact));
    return path;
}

/// Sets a field on the fixture's "features" / "providers" / "subscriptions" entries of one subscription.
inline void setEntry(QJsonObject &fixture, const QString &section, const QString &subscriptionId,
                     const QString &key, const QJsonValue &value) {
    QJsonArray entries = fixture.value(section).toArray();
    for (int i = 0; i < entries.size(); ++i) {
        QJsonObject entry = entries.at(i).toObject();
        if (entry.value(QLatin1String("subscriptionId")).toString() == subscriptionId) {
            entry.insert(key, value);
            entries.replace(i, entry);
        }
    }
    fixture.insert(section, entries);
}

/// The demo fixture with the SIGEncryption preview feature registered in the production subscription, written
/// into `dir`; its path (empty on failure).
inline QString writeRegisteredDemoFixture(const QTemporaryDir &dir) {
    QJsonObject fixture = demoFixture();
    setEntry(fixture, QStringLiteral("features"), kSub1, QStringLiteral("state"),
             QStringLiteral("Registered"));
    return writeFixture(dir, QStringLiteral("registered-demo.json"), fixture);
}

/// Starts `sandbox` on the demo data with SIGEncryption registered (a copy of the fixture in `dir`), each
/// long-running operation done after `lroPolls` polls; false with the reason in `why` when it cannot.
inline bool startRegisteredDemo(armsandbox::Sandbox &sandbox, const QTemporaryDir &dir, int lroPolls,
                                QString *why, bool authRequired = false) {
    armsandbox::SandboxOptions options;
    options.fixturePath = writeRegisteredDemoFixture(dir);
    options.lroPollsUntilDone = lroPolls;
    options.authRequired = authRequired;
    return sandbox.start(options, why);
}

/// The set-up of a test of the cmkwizard executable against the registered demo (startRegisteredDemo, one
/// poll per operation): `dir` usable, the sandbox started, and the resource `keptId` read into *kept so each
/// test can put it back as the fixture had it. False with the reason in `why`.
inline bool startDemoKeeping(armsandbox::Sandbox &sandbox, const QTemporaryDir &dir, const QString &keptId,
                             QJsonObject *kept, QString *why) {
    if (!dir.isValid()) {
        *why = QStringLiteral("no temporary directory");
        return false;
    }
    if (!startRegisteredDemo(sandbox, dir, 1, why))
        return false;
    *kept = sandbox.resource(keptId);
    if (kept->isEmpty())
        *why = QStringLiteral("%1 is not in the demo fixture").arg(keptId);
    return !kept->isEmpty();
}

/// An in-process sandbox with ARM's request quotas (--throttle SPEC, docs/sandbox.md); fatal when it does
/// not start.
inline std::unique_ptr<armsandbox::Sandbox> startThrottledSandbox(const QString &throttle) {
    auto sandbox = std::make_unique<armsandbox::Sandbox>();
    armsandbox::SandboxOptions options;
    options.throttle = throttle;
    QString why;
    if (!sandbox->start(options, &why))
        qFatal("sandbox did not start: %s", qPrintable(why));
    return sandbox;
}

} // namespace sandboxtest
