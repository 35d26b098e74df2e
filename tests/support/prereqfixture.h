#pragma once

// Shared by the tst_prereq* tests and tst_descatalog: a sandbox fixture with one subscription per
// prerequisite situation, the in-process sandbox that serves it, and helpers that count what the sandbox
// received.

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "armsandbox.h"
#include "prerequisites/prerequisites.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <memory>

namespace prereqtest {

using cmk::PrerequisiteChecker;
using Item = PrerequisiteChecker::Item;
using State = PrerequisiteChecker::State;

inline const QString subNotRegistered = QStringLiteral("11111111-1111-1111-1111-111111111111");
inline const QString subReady = QStringLiteral("22222222-2222-2222-2222-222222222222");
inline const QString subReadOnly = QStringLiteral("33333333-3333-3333-3333-333333333333");
inline const QString subFeatureUnknown = QStringLiteral("44444444-4444-4444-4444-444444444444");
inline const QString subNeedsFeature = QStringLiteral("55555555-5555-5555-5555-555555555555");

inline QJsonObject des(const QString &sub, const QString &group, const QString &name, const QString &location,
                       const QString &encryptionType,
                       const QString &provisioningState = QStringLiteral("Succeeded")) {
    const QString vault =
        QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.KeyVault/vaults/kv-%3")
            .arg(sub, group, location);
    return QJsonObject{
        {QStringLiteral("id"),
         QStringLiteral(
             "/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/diskEncryptionSets/%3")
             .arg(sub, group, name)},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/diskEncryptionSets")},
        {QStringLiteral("location"), location},
        {QStringLiteral("identity"), QJsonObject{{QStringLiteral("type"), QStringLiteral("SystemAssigned")}}},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("encryptionType"), encryptionType},
             {QStringLiteral("provisioningState"), provisioningState},
             {QStringLiteral("activeKey"),
              QJsonObject{
                  {QStringLiteral("keyUrl"),
                   QStringLiteral("https://kv-%1.vault.azure.net/keys/k/0123456789abcdef").arg(location)},
                  {QStringLiteral("sourceVault"), QJsonObject{{QStringLiteral("id"), vault}}}}}}}};
}

/// The fixture as an object, for tests that add resources of their own.
inline QJsonObject fixture() {
    QJsonArray subscriptions;
    const auto addSub = [&](const QString &id, const QString &name, bool readOnly = false) {
        QJsonObject s{{QStringLiteral("subscriptionId"), id},
                      {QStringLiteral("displayName"), name},
                      {QStringLiteral("tenantId"), QStringLiteral("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa")},
                      {QStringLiteral("state"), QStringLiteral("Enabled")}};
        if (readOnly)
            s.insert(QStringLiteral("readOnly"), true);
        subscriptions.append(s);
    };
    addSub(subNotRegistered, QStringLiteral("Not registered"));
    addSub(subReady, QStringLiteral("Ready"));
    addSub(subReadOnly, QStringLiteral("Read only"), true);
    addSub(subFeatureUnknown, QStringLiteral("Feature unknown"));
    addSub(subNeedsFeature, QStringLiteral("Needs the feature"));

    QJsonArray features;
    const auto addFeature = [&](const QString &sub, const QString &state) {
        features.append(
            QJsonObject{{QStringLiteral("subscriptionId"), sub},
                        {QStringLiteral("name"), QStringLiteral("Microsoft.Compute/SIGEncryption")},
                        {QStringLiteral("state"), state}});
    };
    addFeature(subNotRegistered, QStringLiteral("NotRegistered"));
    addFeature(subReady, QStringLiteral("Registered"));
    addFeature(subReadOnly, QStringLiteral("NotRegistered"));
    addFeature(subNeedsFeature, QStringLiteral("NotRegistered"));
    // subFeatureUnknown has no entry: the subscription does not know the feature.

    QJsonArray providers;
    const auto addProvider = [&](const QString &sub, const QString &state) {
        providers.append(QJsonObject{{QStringLiteral("subscriptionId"), sub},
                                     {QStringLiteral("namespace"), QStringLiteral("Microsoft.Compute")},
                                     {QStringLiteral("registrationState"), state}});
    };
    addProvider(subNotRegistered, QStringLiteral("NotRegistered"));
    addProvider(subReady, QStringLiteral("Registered"));
    addProvider(subReadOnly, QStringLiteral("NotRegistered"));
    addProvider(subFeatureUnknown, QStringLiteral("Registered"));
    addProvider(subNeedsFeature, QStringLiteral("Registered"));

    QJsonArray resources;
    const QString group = QStringLiteral("rg-keys");
    resources.append(QJsonObject{
        {QStringLiteral("id"), QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(subReady, group)},
        {QStringLiteral("name"), group},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Resources/resourceGroups")},
        {QStringLiteral("location"), QStringLiteral("westus")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}});
    resources.append(des(subReady, group, QStringLiteral("des-westus-cmk"), QStringLiteral("westus"),
                         QStringLiteral("EncryptionAtRestWithCustomerKey")));
    resources.append(des(subReady, group, QStringLiteral("des-westus-cmk2"), QStringLiteral("westus"),
                         QStringLiteral("EncryptionAtRestWithCustomerKey")));
    resources.append(des(subReady, group, QStringLiteral("des-westus-double"), QStringLiteral("westus"),
                         QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys")));
    resources.append(des(subReady, group, QStringLiteral("des-eastus2-cvm"), QStringLiteral("eastus2"),
                         QStringLiteral("ConfidentialVmEncryptedWithCustomerKey")));
    resources.append(des(subReady, group, QStringLiteral("des-ne-failed"), QStringLiteral("northeurope"),
                         QStringLiteral("EncryptionAtRestWithCustomerKey"), QStringLiteral("Failed")));
    resources.append(des(subReady, group, QStringLiteral("des-we-double"), QStringLiteral("westeurope"),
                         QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys")));
    // Another subscription's set in a target region must not count.
    resources.append(des(subNotRegistered, group, QStringLiteral("des-eastus2-other"),
                         QStringLiteral("eastus2"), QStringLiteral("EncryptionAtRestWithCustomerKey")));

    QJsonArray locations;
    for (const char *name : {"westus", "eastus2", "northeurope", "westeurope"})
        locations.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                                     {QStringLiteral("displayName"), QString::fromLatin1(name)}});

    return QJsonObject{
        {QStringLiteral("subscriptions"), subscriptions}, {QStringLiteral("tenants"), QJsonArray{}},
        {QStringLiteral("locations"), locations},         {QStringLiteral("features"), features},
        {QStringLiteral("providers"), providers},         {QStringLiteral("resources"), resources}};
}

/// Writes `root` (by default the fixture) into `dir` and returns its path.
inline QString writeFixture(const QTemporaryDir &dir, const QJsonObject &root = fixture()) {
    QString path = dir.filePath(QStringLiteral("prereq-fixture.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(root).toJson());
    return path;
}

/// The fixture written once per test case, a fresh in-process sandbox serving it per test (registrations
/// change its state), and a client on it with short retries.
class PrereqServer {
public:
    /// Writes the fixture (initTestCase).
    bool prepare(const QJsonObject &root = fixture()) {
        m_fixture = m_dir.isValid() ? writeFixture(m_dir, root) : QString();
        return !m_fixture.isEmpty();
    }
    /// The sandbox's options for this fixture: three polls until a registration is done.
    armsandbox::SandboxOptions options() const {
        armsandbox::SandboxOptions options;
        options.fixturePath = m_fixture;
        options.featurePollsUntilRegistered = 3;
        return options;
    }
    /// A new sandbox with `options`, and the client pointed at it.
    bool start(const armsandbox::SandboxOptions &options, QString *why = nullptr) {
        m_client.reset();
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        if (!m_sandbox->start(options, why))
            return false;
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        cmk::RetryPolicy retry;
        retry.baseDelayMs = 5;
        m_client->setRetryPolicy(retry);
        return true;
    }
    bool start(QString *why = nullptr) { return start(options(), why); }
    void stop() {
        m_client.reset();
        m_sandbox.reset();
    }
    armsandbox::Sandbox &sandbox() const { return *m_sandbox; }
    cmk::ArmClient *client() const { return m_client.get(); }
    const QTemporaryDir &dir() const { return m_dir; }

private:
    QTemporaryDir m_dir;
    QString m_fixture;
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;
};

inline QUrl exchangeUrl(const armsandbox::Exchange &e) {
    return QUrl(e.liveRequest.value(QStringLiteral("url")).toString());
}

inline QString exchangeMethod(const armsandbox::Exchange &e) {
    return e.liveRequest.value(QStringLiteral("method")).toString().toUpper();
}

/// Requests whose path ends with `pathSuffix` (case-insensitive) and whose method is `method`.
inline int countRequests(const armsandbox::Sandbox &sandbox, const QString &method,
                         const QString &pathSuffix) {
    int n = 0;
    for (const armsandbox::Exchange &e : sandbox.exchanges()) {
        if (exchangeMethod(e) == method && exchangeUrl(e).path().endsWith(pathSuffix, Qt::CaseInsensitive))
            ++n;
    }
    return n;
}

/// Starts a feature registration the way another tool would (one POST, no polling), so that the server
/// reports Registering for the next reads. Returns false when the POST failed.
inline bool registerFeatureElsewhere(cmk::ArmClient &client, const QString &sub) {
    cmk::ArmReply *reply = client.post(
        cmk::featureRegisterPath(sub, QStringLiteral("Microsoft.Compute"), QStringLiteral("SIGEncryption"))
            .path());
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
        return false;
    const bool ok = !reply->error().isError();
    reply->deleteLater();
    return ok;
}

inline QString featurePath(const QString &sub) {
    return QStringLiteral(
               "/subscriptions/%1/providers/Microsoft.Features/providers/Microsoft.Compute/features/"
               "SIGEncryption")
        .arg(sub);
}

inline QString providerPath(const QString &sub) {
    return QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute").arg(sub);
}

inline QString desListPath(const QString &sub) {
    return QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets").arg(sub);
}

/// Base of the test cases on this fixture: the server, and short names for what they use most.
class PrereqTestCase : public QObject {
protected:
    armsandbox::Sandbox &sandbox() const { return m_server.sandbox(); }
    cmk::ArmClient *client() const { return m_server.client(); }

    PrereqServer m_server;
};

/// Whether `e` is an Azure Resource Graph query scoped to `sub`; `firstPage`: without a $skipToken.
inline bool isResourceGraphQueryAbout(const armsandbox::Exchange &e, const QString &sub,
                                      bool firstPage = false) {
    if (exchangeMethod(e) != QLatin1String("POST") ||
        exchangeUrl(e).path().compare(QLatin1String("/providers/Microsoft.ResourceGraph/resources"),
                                      Qt::CaseInsensitive) != 0)
        return false;
    const QJsonObject body = e.liveRequest.value(QStringLiteral("body")).toObject();
    if (firstPage && body.value(QStringLiteral("options")).toObject().contains(QStringLiteral("$skipToken")))
        return false;
    for (const QJsonValue &scope : body.value(QStringLiteral("subscriptions")).toArray()) {
        if (scope.toString().compare(sub, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

/// Listings of `sub`'s Disk Encryption Sets the sandbox received: the first pages of ARM's listing (the next
/// ones carry a $skiptoken) and the first pages of Resource Graph queries about the subscription.
inline int desListings(const armsandbox::Sandbox &sandbox, const QString &sub) {
    int n = 0;
    for (const armsandbox::Exchange &e : sandbox.exchanges()) {
        const QUrl url = exchangeUrl(e);
        if ((exchangeMethod(e) == QLatin1String("GET") &&
             url.path().compare(desListPath(sub), Qt::CaseInsensitive) == 0 &&
             !QUrlQuery(url).hasQueryItem(QStringLiteral("$skiptoken"))) ||
            isResourceGraphQueryAbout(e, sub, /*firstPage=*/true))
            ++n;
    }
    return n;
}

/// Requests the sandbox received about `sub` (any method, any path below the subscription, and Resource Graph
/// queries scoped to it).
inline int requestsAbout(const armsandbox::Sandbox &sandbox, const QString &sub) {
    int n = 0;
    const QString prefix = QStringLiteral("/subscriptions/") + sub + QLatin1Char('/');
    for (const armsandbox::Exchange &e : sandbox.exchanges()) {
        if (exchangeUrl(e).path().startsWith(prefix, Qt::CaseInsensitive) ||
            isResourceGraphQueryAbout(e, sub))
            ++n;
    }
    return n;
}

/// A check that nothing more reaches the server needs something positive to wait for first, or it could not
/// fail. This registers the feature of `controlSub` with a checker whose first poll comes `delayMs` after the
/// registration, and waits until the sandbox received that poll: whatever the client under test still had
/// scheduled within `delayMs` would have arrived before it.
inline bool waitForControlPoll(const armsandbox::Sandbox &sandbox, cmk::ArmClient &client,
                               const QString &controlSub, int delayMs) {
    cmk::PrerequisiteChecker control(&client);
    cmk::PrerequisiteChecker::Options options;
    options.initialPollIntervalMs = delayMs;
    control.setOptions(options);
    control.setSubscriptionId(controlSub);
    const int reads = countRequests(sandbox, QStringLiteral("GET"), featurePath(controlSub));
    control.registerItem(cmk::PrerequisiteChecker::Item::Feature);
    return QTest::qWaitFor(
        [&] { return countRequests(sandbox, QStringLiteral("GET"), featurePath(controlSub)) > reads; },
        10000);
}

/// The states a checker's feature goes through, in order (sampling the state could miss a Registering that
/// lasts one 10 ms poll).
class FeatureStates : public QObject {
public:
    explicit FeatureStates(cmk::PrerequisiteChecker *checker) {
        QObject::connect(checker, &cmk::PrerequisiteChecker::stateChanged, this,
                         [this](cmk::PrerequisiteChecker::Item item, cmk::PrerequisiteChecker::State state) {
                             if (item == cmk::PrerequisiteChecker::Item::Feature)
                                 m_seen.append(state);
                         });
    }
    /// Registering was seen, then Registered last.
    bool wentThroughRegistering() const {
        using State = cmk::PrerequisiteChecker::State;
        return m_seen.contains(State::Registering) && !m_seen.isEmpty() &&
               m_seen.last() == State::Registered &&
               m_seen.indexOf(State::Registering) < m_seen.indexOf(State::Registered);
    }

private:
    QList<cmk::PrerequisiteChecker::State> m_seen;
};

} // namespace prereqtest
