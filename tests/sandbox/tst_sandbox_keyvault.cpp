// armsandbox's Key Vault, role-assignment and Disk Encryption Set write routes over real HTTP, and the image
// version PUT that fails in the regions whose set cannot use its key (KeyVaultAccessForbidden).

#include "support/sandboxhttp.h"

#include <QDateTime>
#include <QtTest>

using namespace sandboxtest;

namespace {

const QString kKeysGroup = QStringLiteral("/subscriptions/%1/resourceGroups/rg-keys-prod").arg(kSub1);
const QString kCryptoServiceEncryptionUser = QStringLiteral("e147488a-f6f5-4113-8e2d-b22465e65bf6");
const QString kReader = QStringLiteral("acdd72a7-3385-48ef-bd42-f606fba81ae7");

QString vaultId(const QString &name, const QString &group = kKeysGroup) {
    return group + QStringLiteral("/providers/Microsoft.KeyVault/vaults/") + name;
}
QString desId(const QString &name) {
    return kKeysGroup + QStringLiteral("/providers/Microsoft.Compute/diskEncryptionSets/") + name;
}
QString roleDefinition(const QString &guid) {
    return QStringLiteral("/subscriptions/%1/providers/Microsoft.Authorization/roleDefinitions/%2")
        .arg(kSub1, guid);
}

QJsonObject vaultBody(bool rbac, const QJsonObject &extra = {}) {
    QJsonObject properties{
        {QStringLiteral("tenantId"), kTenant},
        {QStringLiteral("sku"), QJsonObject{{QStringLiteral("family"), QStringLiteral("A")},
                                            {QStringLiteral("name"), QStringLiteral("standard")}}},
        {QStringLiteral("enableRbacAuthorization"), rbac},
        {QStringLiteral("accessPolicies"), QJsonArray()}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        properties.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")},
                       {QStringLiteral("properties"), properties}};
}

QJsonObject assignmentBody(const QString &role, const QString &principal) {
    return QJsonObject{{QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("roleDefinitionId"), roleDefinition(role)},
                                    {QStringLiteral("principalId"), principal},
                                    {QStringLiteral("principalType"), QStringLiteral("ServicePrincipal")}}}};
}

QStringList names(const HttpResult &list) {
    QStringList out;
    for (const QJsonValue v : list.json().value(QLatin1String("value")).toArray())
        out.append(v.toObject().value(QLatin1String("name")).toString());
    return out;
}

QJsonObject propertiesOf(const QJsonObject &resource) {
    return resource.value(QLatin1String("properties")).toObject();
}

} // namespace

class TestSandboxKeyVault : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    Http m_http;
    QTemporaryDir m_dir;

    QUrl url(const QString &path, const QString &apiVersion, const QString &query = {}) const {
        return armUrl(m_sandbox.baseUrl(), path, apiVersion, query);
    }
    HttpResult send(const QByteArray &method, const QString &path, const QString &apiVersion,
                    const QJsonObject &body = {}) {
        return m_http.call(method, url(path, apiVersion),
                           body.isEmpty() ? QByteArray()
                                          : QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    /// Polls an Azure-AsyncOperation URL until the operation ends; its last status document.
    QJsonObject finish(const HttpResult &accepted) {
        const QUrl operation(QString::fromLatin1(accepted.header("Azure-AsyncOperation")));
        QJsonObject status;
        for (int i = 0; i < 20; ++i) {
            status = m_http.get(operation).json();
            if (status.value(QLatin1String("status")).toString() != QLatin1String("InProgress"))
                break;
        }
        return status;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        armsandbox::SandboxOptions options;
        options.fixturePath = writeRegisteredDemoFixture(m_dir);
        options.lroPollsUntilDone = 2;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
    }

    void demoKeysCarryResolvedDates() {
        const HttpResult key = m_http.get(
            url(vaultId(QStringLiteral("kv-contoso-eus2")) + QStringLiteral("/keys/cmk-disks-legacy"),
                api::keyVault));
        QCOMPARE(key.status, 200);
        const QJsonObject attributes = propertiesOf(key.json()).value(QLatin1String("attributes")).toObject();
        const qint64 exp = qint64(attributes.value(QLatin1String("exp")).toDouble());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(exp > now + 9 * 86400 && exp <= now + 10 * 86400 + 60,
                 qPrintable(QString::number(exp - now)));
        QVERIFY(propertiesOf(key.json())
                    .value(QLatin1String("keyUri"))
                    .toString()
                    .contains(QLatin1String(".vault.azure.net:443/keys/cmk-disks-legacy")));
    }

    void vaultCreateIsLongRunningAndNamesAreGlobal() {
        const QString check =
            QStringLiteral("/subscriptions/%1/providers/Microsoft.KeyVault/checkNameAvailability").arg(kSub1);
        const auto availability = [&](const QString &name) {
            return send("POST", check, api::keyVault,
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("type"), QStringLiteral("Microsoft.KeyVault/vaults")}})
                .json();
        };
        QCOMPARE(availability(QStringLiteral("kv-contoso-weu")).value(QLatin1String("reason")).toString(),
                 QStringLiteral("AlreadyExists"));
        QCOMPARE(availability(QStringLiteral("1bad--name")).value(QLatin1String("reason")).toString(),
                 QStringLiteral("AccountNameInvalid"));
        QVERIFY(
            availability(QStringLiteral("kv-sandbox-new")).value(QLatin1String("nameAvailable")).toBool());

        const HttpResult created =
            send("PUT", vaultId(QStringLiteral("kv-sandbox-new")), api::keyVault, vaultBody(true));
        QCOMPARE(created.status, 201);
        QCOMPARE(propertiesOf(created.json()).value(QLatin1String("provisioningState")).toString(),
                 QStringLiteral("RegisteringDns"));
        QCOMPARE(propertiesOf(created.json()).value(QLatin1String("enableSoftDelete")).toBool(), true);
        QString state;
        for (int i = 0; i < 5 && state != QLatin1String("Succeeded"); ++i)
            state =
                propertiesOf(m_http.get(url(vaultId(QStringLiteral("kv-sandbox-new")), api::keyVault)).json())
                    .value(QLatin1String("provisioningState"))
                    .toString();
        QCOMPARE(state, QStringLiteral("Succeeded"));
        QVERIFY(
            !availability(QStringLiteral("kv-sandbox-new")).value(QLatin1String("nameAvailable")).toBool());
        // The same name in another group (or subscription) is taken.
        const HttpResult taken =
            send("PUT",
                 vaultId(QStringLiteral("KV-SANDBOX-NEW"),
                         QStringLiteral("/subscriptions/%1/resourceGroups/rg-dev").arg(kSub2)),
                 api::keyVault, vaultBody(true));
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), QStringLiteral("VaultAlreadyExists"));
        const HttpResult list = m_http.get(
            url(kKeysGroup + QStringLiteral("/providers/Microsoft.KeyVault/vaults"), api::keyVault));
        QVERIFY(names(list).contains(QStringLiteral("kv-sandbox-new")));
    }

    void purgeProtectionAndSoftDeleteAreIrreversible() {
        const QString id = vaultId(QStringLiteral("kv-contoso-eus"));
        QVERIFY(!propertiesOf(m_http.get(url(id, api::keyVault)).json())
                     .contains(QLatin1String("enablePurgeProtection")));
        const auto patch = [&](const QJsonObject &properties) {
            return send("PATCH", id, api::keyVault, QJsonObject{{QStringLiteral("properties"), properties}});
        };
        const HttpResult on = patch(QJsonObject{{QStringLiteral("enablePurgeProtection"), true}});
        QCOMPARE(on.status, 200);
        QVERIFY(propertiesOf(on.json()).value(QLatin1String("enablePurgeProtection")).toBool());
        QCOMPARE(patch(QJsonObject{{QStringLiteral("enablePurgeProtection"), false}}).status, 400);
        QCOMPARE(patch(QJsonObject{{QStringLiteral("enableSoftDelete"), false}}).status, 400);
        // The access policies are kept by a PATCH that does not name them.
        QVERIFY(!propertiesOf(m_http.get(url(id, api::keyVault)).json())
                     .value(QLatin1String("accessPolicies"))
                     .toArray()
                     .isEmpty());
    }

    void accessPoliciesAddReplaceRemove() {
        const QString id = vaultId(QStringLiteral("kv-contoso-frc"));
        const QString principal = QStringLiteral("11111111-2222-4333-8444-555555555555");
        const auto change = [&](const QString &kind, const QJsonArray &keys) {
            const QJsonObject entry{
                {QStringLiteral("tenantId"), kTenant},
                {QStringLiteral("objectId"), principal},
                {QStringLiteral("permissions"), QJsonObject{{QStringLiteral("keys"), keys}}}};
            return send("PUT", id + QStringLiteral("/accessPolicies/") + kind, api::keyVault,
                        QJsonObject{{QStringLiteral("properties"),
                                     QJsonObject{{QStringLiteral("accessPolicies"), QJsonArray{entry}}}}});
        };
        const auto keysOf = [&]() {
            for (const QJsonValue v : propertiesOf(m_http.get(url(id, api::keyVault)).json())
                                          .value(QLatin1String("accessPolicies"))
                                          .toArray()) {
                if (v.toObject().value(QLatin1String("objectId")).toString() == principal)
                    return v.toObject()
                        .value(QLatin1String("permissions"))
                        .toObject()
                        .value(QLatin1String("keys"))
                        .toVariant()
                        .toStringList();
            }
            return QStringList{QStringLiteral("<none>")};
        };
        QCOMPARE(change(QStringLiteral("add"), {QStringLiteral("get")}).status, 200);
        QCOMPARE(change(QStringLiteral("add"), {QStringLiteral("GET"), QStringLiteral("wrapKey")}).status,
                 200);
        QCOMPARE(keysOf(), (QStringList{QStringLiteral("get"), QStringLiteral("wrapKey")}));
        QCOMPARE(change(QStringLiteral("replace"), {QStringLiteral("unwrapKey")}).status, 200);
        QCOMPARE(keysOf(), QStringList{QStringLiteral("unwrapKey")});
        QCOMPARE(change(QStringLiteral("remove"), {QStringLiteral("unwrapkey")}).status, 200);
        QCOMPARE(keysOf(), QStringList{QStringLiteral("<none>")});
        QCOMPARE(change(QStringLiteral("merge"), {}).status, 400);
    }

    void keysAreCreatedIfTheyDoNotExist() {
        const QString keyPath = vaultId(QStringLiteral("kv-contoso-wus")) + QStringLiteral("/keys/cmk-new");
        const QJsonObject body{
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")}, {QStringLiteral("keySize"), 3072}}}};
        const HttpResult created = send("PUT", keyPath, api::keyVault, body);
        QCOMPARE(created.status, 200);
        const QString versioned =
            propertiesOf(created.json()).value(QLatin1String("keyUriWithVersion")).toString();
        QVERIFY2(
            versioned.startsWith(QLatin1String("https://kv-contoso-wus.vault.azure.net:443/keys/cmk-new/")),
            qPrintable(versioned));
        const HttpResult again = send("PUT", keyPath, api::keyVault, body);
        QCOMPARE(propertiesOf(again.json()).value(QLatin1String("keyUriWithVersion")).toString(), versioned);
        const QString version = versioned.section(QLatin1Char('/'), -1);
        QCOMPARE(names(m_http.get(url(keyPath + QStringLiteral("/versions"), api::keyVault))),
                 QStringList{version});
        QCOMPARE(m_http.get(url(keyPath + QStringLiteral("/versions/") + version, api::keyVault)).status,
                 200);
        QCOMPARE(m_http.get(url(keyPath + QStringLiteral("/versions/0000"), api::keyVault)).status, 404);
        const auto refused = [&](const QJsonObject &properties) {
            return send("PUT", vaultId(QStringLiteral("kv-contoso-wus")) + QStringLiteral("/keys/cmk-other"),
                        api::keyVault, QJsonObject{{QStringLiteral("properties"), properties}})
                .status;
        };
        QCOMPARE(refused(QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA-HSM")}}),
                 400); // standard vault
        QCOMPARE(refused(QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                     {QStringLiteral("keySize"), 1024}}),
                 400);
        // A fixture vault the caller may not read.
        QJsonObject hidden =
            m_sandbox.resource(vaultId(QStringLiteral("kv-contoso-dev"),
                                       QStringLiteral("/subscriptions/%1/resourceGroups/rg-dev").arg(kSub2)));
        hidden.insert(QStringLiteral("sandboxDenyRead"), true);
        m_sandbox.setResource(hidden);
        const HttpResult denied =
            m_http.get(url(hidden.value(QLatin1String("id")).toString(), api::keyVault));
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.errorCode(), QStringLiteral("AuthorizationFailed"));
        hidden.remove(QStringLiteral("sandboxDenyRead"));
        m_sandbox.setResource(hidden);
    }

    void roleAssignmentsByScopeWithInheritance() {
        const QString vault = vaultId(QStringLiteral("kv-contoso-weu"));
        const QString doublePrincipal =
            QStringLiteral("9c7e5a3b-5b1e-4c2d-9f3a-1d2f4e6a8b0c"); // at the group
        const auto listAt = [&](const QString &scope, const QString &filter) {
            return m_http.get(
                url(scope + QStringLiteral("/providers/Microsoft.Authorization/roleAssignments"),
                    api::authorization,
                    QStringLiteral("$filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter))));
        };
        const HttpResult inherited =
            listAt(vault, QStringLiteral("principalId eq '%1'").arg(doublePrincipal));
        QCOMPARE(inherited.status, 200);
        QCOMPARE(inherited.json().value(QLatin1String("value")).toArray().size(), 1);
        // Below the scope: the eus2 legacy key's assignment is seen from the vault, not with atScope().
        const QString eus2 = vaultId(QStringLiteral("kv-contoso-eus2"));
        const QString legacy = QStringLiteral("5e7a9c1b-5b1e-4c2d-9f3a-3d5f7a9c1e3b");
        QCOMPARE(listAt(eus2, QStringLiteral("principalId eq '%1'").arg(legacy))
                     .json()
                     .value(QLatin1String("value"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(listAt(eus2, QStringLiteral("atScope() and principalId eq '%1'").arg(legacy))
                     .json()
                     .value(QLatin1String("value"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(listAt(eus2, QStringLiteral("displayName eq 'x'")).status, 400);

        const QString principal = QStringLiteral("21111111-2222-4333-8444-555555555555");
        const QString name = QStringLiteral("6f0d3c1e-7a5b-4c2d-9e8f-102030405060");
        const QString path = vault + QStringLiteral("/providers/Microsoft.Authorization/roleAssignments/");
        const HttpResult created = send("PUT", path + name, api::authorization,
                                        assignmentBody(kCryptoServiceEncryptionUser, principal));
        QCOMPARE(created.status, 201);
        QCOMPARE(propertiesOf(created.json()).value(QLatin1String("scope")).toString(), vault);
        QCOMPARE(send("PUT", path + name, api::authorization,
                      assignmentBody(kCryptoServiceEncryptionUser, principal))
                     .status,
                 200);
        const HttpResult duplicate =
            send("PUT", path + QStringLiteral("7f0d3c1e-7a5b-4c2d-9e8f-102030405060"), api::authorization,
                 assignmentBody(kCryptoServiceEncryptionUser, principal));
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(duplicate.errorCode(), QStringLiteral("RoleAssignmentExists"));
        QCOMPARE(send("PUT", path + QStringLiteral("not-a-guid"), api::authorization,
                      assignmentBody(kReader, principal))
                     .errorCode(),
                 QStringLiteral("InvalidRoleAssignmentId"));
        QCOMPARE(send("PUT", path + QStringLiteral("8f0d3c1e-7a5b-4c2d-9e8f-102030405060"),
                      api::authorization,
                      assignmentBody(QStringLiteral("00000000-0000-0000-0000-000000000001"), principal))
                     .errorCode(),
                 QStringLiteral("RoleDefinitionDoesNotExist"));
        QCOMPARE(send("DELETE", path + name, api::authorization).status, 200);
        QCOMPARE(send("DELETE", path + name, api::authorization).status, 204);
    }

    void desWritesAreLongRunningAndGetAnIdentity() {
        const QString id = desId(QStringLiteral("des-sandbox-new"));
        const QString vault = vaultId(QStringLiteral("kv-contoso-weu"));
        const QString keyUrl = QStringLiteral(
            "https://kv-contoso-weu.vault.azure.net/keys/cmk-disks/4f1d2c8b9a6e47d3b05c1e2f7a8d9b36");
        const auto body = [&](const QString &url) {
            return QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")},
                               {QStringLiteral("identity"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("SystemAssigned")}}},
                               {QStringLiteral("properties"),
                                QJsonObject{{QStringLiteral("encryptionType"),
                                             QStringLiteral("EncryptionAtRestWithCustomerKey")},
                                            {QStringLiteral("activeKey"),
                                             QJsonObject{{QStringLiteral("keyUrl"), url},
                                                         {QStringLiteral("sourceVault"),
                                                          QJsonObject{{QStringLiteral("id"), vault}}}}}}}};
        };
        QCOMPARE(send("PUT", id, api::disk, body(keyUrl.section(QLatin1Char('/'), 0, -2))).errorCode(),
                 QStringLiteral("InvalidParameter")); // no version
        QCOMPARE(send("PUT", id, api::disk, body(keyUrl + QStringLiteral("0"))).status,
                 400); // no such version
        const HttpResult accepted = send("PUT", id, api::disk, body(keyUrl));
        QCOMPARE(accepted.status, 202);
        QVERIFY(QString::fromLatin1(accepted.header("Azure-AsyncOperation"))
                    .contains(QLatin1String("/DiskOperations/")));
        const QString principal = accepted.json()
                                      .value(QLatin1String("identity"))
                                      .toObject()
                                      .value(QLatin1String("principalId"))
                                      .toString();
        QVERIFY(!QUuid::fromString(principal).isNull());
        QCOMPARE(finish(accepted).value(QLatin1String("status")).toString(), QStringLiteral("Succeeded"));
        const QJsonObject des = m_http.get(url(id, api::disk)).json();
        QCOMPARE(propertiesOf(des).value(QLatin1String("provisioningState")).toString(),
                 QStringLiteral("Succeeded"));
        QCOMPARE(des.value(QLatin1String("identity")).toObject().value(QLatin1String("tenantId")).toString(),
                 kTenant);

        // The new identity is not yet in the directory for its first role assignment.
        const QString path = vault + QStringLiteral("/providers/Microsoft.Authorization/roleAssignments/");
        const HttpResult early =
            send("PUT", path + QStringLiteral("9f0d3c1e-7a5b-4c2d-9e8f-102030405060"), api::authorization,
                 assignmentBody(kCryptoServiceEncryptionUser, principal));
        QCOMPARE(early.errorCode(), QStringLiteral("PrincipalNotFound"));
        QCOMPARE(send("PUT", path + QStringLiteral("9f0d3c1e-7a5b-4c2d-9e8f-102030405060"),
                      api::authorization, assignmentBody(kCryptoServiceEncryptionUser, principal))
                     .status,
                 201);

        // PATCH keeps the identity.
        const HttpResult patched =
            send("PATCH", id, api::disk,
                 QJsonObject{{QStringLiteral("properties"),
                              QJsonObject{{QStringLiteral("rotationToLatestKeyVersionEnabled"), true}}}});
        QCOMPARE(patched.status, 202);
        QCOMPARE(finish(patched).value(QLatin1String("status")).toString(), QStringLiteral("Succeeded"));
        const QJsonObject after = m_http.get(url(id, api::disk)).json();
        QCOMPARE(
            after.value(QLatin1String("identity")).toObject().value(QLatin1String("principalId")).toString(),
            principal);
        QVERIFY(propertiesOf(after).value(QLatin1String("rotationToLatestKeyVersionEnabled")).toBool());
        QCOMPARE(send("PATCH", desId(QStringLiteral("des-missing")), api::disk,
                      QJsonObject{{QStringLiteral("tags"), QJsonObject()}})
                     .status,
                 404);
    }

    void imageVersionFailsWhereTheSetCannotUseItsKey() {
        // des-wus-cmk's identity has no access policy on kv-contoso-wus: accepted, replicates, fails in
        // westus.
        const QString definition =
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                           "galleries/galContosoProd/images/ubuntu-22-04-gen2")
                .arg(kSub1);
        const QString image =
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/images/"
                           "img-ubuntu2204-web")
                .arg(kSub1);
        const auto target = [](const QString &region, const QString &des) {
            return QJsonObject{
                {QStringLiteral("name"), region},
                {QStringLiteral("encryption"),
                 QJsonObject{{QStringLiteral("osDiskImage"),
                              QJsonObject{{QStringLiteral("diskEncryptionSetId"), desId(des)}}}}}};
        };
        const QJsonObject body{
            {QStringLiteral("location"), QStringLiteral("westeurope")},
            {QStringLiteral("properties"),
             QJsonObject{
                 {QStringLiteral("storageProfile"),
                  QJsonObject{{QStringLiteral("source"), QJsonObject{{QStringLiteral("id"), image}}}}},
                 {QStringLiteral("publishingProfile"),
                  QJsonObject{
                      {QStringLiteral("targetRegions"),
                       QJsonArray{target(QStringLiteral("westeurope"), QStringLiteral("des-weu-cmk")),
                                  target(QStringLiteral("westus"), QStringLiteral("des-wus-cmk"))}}}}}}};
        const QString version = definition + QStringLiteral("/versions/5.0.0");
        const HttpResult accepted = send("PUT", version, api::gallery, body);
        QCOMPARE(accepted.status, 201);
        const QJsonObject status = finish(accepted);
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("Failed"));
        const QJsonObject error = status.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("KeyVaultAccessForbidden"));
        QVERIFY2(error.value(QLatin1String("message"))
                     .toString()
                     .startsWith(QLatin1String(
                         "Unable to access key vault resource 'https://kv-contoso-wus.vault.azure.net/keys/"
                         "cmk-disks/1c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1d' to enable encryption at rest. Please "
                         "grant get, wrap and unwrap key permissions to disk encryption set 'des-wus-cmk'.")),
                 qPrintable(error.value(QLatin1String("message")).toString()));
        const QJsonObject replication =
            propertiesOf(
                m_http.get(url(version, api::gallery, QStringLiteral("$expand=ReplicationStatus"))).json())
                .value(QLatin1String("replicationStatus"))
                .toObject();
        QHash<QString, QString> states;
        for (const QJsonValue v : replication.value(QLatin1String("summary")).toArray())
            states.insert(v.toObject().value(QLatin1String("region")).toString(),
                          v.toObject().value(QLatin1String("state")).toString());
        QCOMPARE(states.value(QStringLiteral("westeurope")), QStringLiteral("Completed"));
        QCOMPARE(states.value(QStringLiteral("westus")), QStringLiteral("Failed"));

        // Granting get/wrapKey/unwrapKey fixes it; a disabled key breaks it again.
        const QString principal = m_sandbox.resource(desId(QStringLiteral("des-wus-cmk")))
                                      .value(QLatin1String("identity"))
                                      .toObject()
                                      .value(QLatin1String("principalId"))
                                      .toString();
        const QJsonObject grant{
            {QStringLiteral("tenantId"), kTenant},
            {QStringLiteral("objectId"), principal},
            {QStringLiteral("permissions"),
             QJsonObject{{QStringLiteral("keys"), QJsonArray{QStringLiteral("Get"), QStringLiteral("WrapKey"),
                                                             QStringLiteral("UnwrapKey")}}}}};
        QCOMPARE(send("PUT",
                      vaultId(QStringLiteral("kv-contoso-wus")) + QStringLiteral("/accessPolicies/add"),
                      api::keyVault,
                      QJsonObject{{QStringLiteral("properties"),
                                   QJsonObject{{QStringLiteral("accessPolicies"), QJsonArray{grant}}}}})
                     .status,
                 200);
        const HttpResult fixed =
            send("PUT", definition + QStringLiteral("/versions/5.0.1"), api::gallery, body);
        QCOMPARE(finish(fixed).value(QLatin1String("status")).toString(), QStringLiteral("Succeeded"));
        const QString keyId = vaultId(QStringLiteral("kv-contoso-wus")) + QStringLiteral("/keys/cmk-disks");
        QJsonObject key = m_sandbox.resource(keyId);
        QJsonObject properties = propertiesOf(key);
        QJsonObject attributes = properties.value(QLatin1String("attributes")).toObject();
        attributes.insert(QStringLiteral("enabled"), false);
        properties.insert(QStringLiteral("attributes"), attributes);
        key.insert(QStringLiteral("properties"), properties);
        m_sandbox.setResource(key);
        const HttpResult disabled =
            send("PUT", definition + QStringLiteral("/versions/5.0.2"), api::gallery, body);
        QCOMPARE(
            finish(disabled).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
            QStringLiteral("KeyVaultAccessForbidden"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxKeyVault)
#include "tst_sandbox_keyvault.moc"
