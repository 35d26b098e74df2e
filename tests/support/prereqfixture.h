#pragma once

// Shared by the tst_prereq* tests: a sandbox fixture with one subscription per prerequisite situation, and
// helpers that count what the sandbox received.

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "armsandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

namespace prereqtest {

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

inline QByteArray fixtureJson() {
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

    const QJsonObject root{
        {QStringLiteral("subscriptions"), subscriptions}, {QStringLiteral("tenants"), QJsonArray{}},
        {QStringLiteral("locations"), locations},         {QStringLiteral("features"), features},
        {QStringLiteral("providers"), providers},         {QStringLiteral("resources"), resources}};
    return QJsonDocument(root).toJson();
}

/// Writes the fixture into `dir` and returns its path.
inline QString writeFixture(const QTemporaryDir &dir) {
    QString path = dir.filePath(QStringLiteral("prereq-fixture.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(fixtureJson());
    return path;
}

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

} // namespace prereqtest
