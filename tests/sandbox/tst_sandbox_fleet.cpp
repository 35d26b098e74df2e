// armsandbox's --generate-fleet with a plain HTTP client: the fleet's subscriptions are listed and visible to
// Resource Graph (but the last one, which answers 403), the same seed gives the same resources, and the mix
// of set-ups and planted problems is the one docs/sandbox.md documents.

#include "support/sandboxhttp.h"

#include <QtTest>

using namespace sandboxtest;

namespace {

const QString kFleet0 = QStringLiteral("f1ee0000-0000-4000-8000-000000000000");
const QString kFleet1 = QStringLiteral("f1ee0001-0000-4000-8000-000000000001");
const QString kFleet2 = QStringLiteral("f1ee0002-0000-4000-8000-000000000002");
const QString kVersionsQuery =
    QStringLiteral("resources | where type =~ 'microsoft.compute/galleries/images/versions'");

QJsonObject graphBody(const QString &query, const QStringList &subscriptions) {
    return QJsonObject{{QStringLiteral("query"), query},
                       {QStringLiteral("subscriptions"), QJsonArray::fromStringList(subscriptions)},
                       {QStringLiteral("options"), QJsonObject{{QStringLiteral("$top"), 1000}}}};
}

QJsonValue at(const QJsonValue &value, std::initializer_list<const char *> path) {
    QJsonValue current = value;
    for (const char *key : path)
        current = current.toObject().value(QLatin1String(key));
    return current;
}

bool usesAnySet(const QJsonObject &version) {
    for (const QJsonValue &region :
         at(version, {"properties", "publishingProfile", "targetRegions"}).toArray()) {
        if (region.toObject().contains(QLatin1String("encryption")))
            return true;
    }
    return false;
}

} // namespace

class TestSandboxFleet : public QObject {
    Q_OBJECT

private:
    bool start(armsandbox::Sandbox &sandbox, const QString &spec) {
        armsandbox::SandboxOptions options;
        options.generateFleet = spec;
        return sandbox.start(options);
    }
    HttpResult graph(armsandbox::Sandbox &sandbox, const QStringList &subscriptions,
                     const QString &query = kVersionsQuery) {
        return m_http.call("POST",
                           armUrl(sandbox.baseUrl(),
                                  QStringLiteral("/providers/Microsoft.ResourceGraph/resources"),
                                  QStringLiteral("2024-04-01")),
                           QJsonDocument(graphBody(query, subscriptions)).toJson(QJsonDocument::Compact));
    }
    HttpResult armGet(armsandbox::Sandbox &sandbox, const QString &path, const QString &apiVersion) {
        return m_http.get(armUrl(sandbox.baseUrl(), path, apiVersion));
    }

    Http m_http;

private Q_SLOTS:
    void listsTheFleetSubscriptions() {
        armsandbox::Sandbox sandbox;
        QVERIFY(start(sandbox, QStringLiteral("3:2:2:5")));
        const HttpResult list =
            armGet(sandbox, QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01"));
        QCOMPARE(list.status, 200);
        QStringList ids;
        for (const QJsonValue &s : list.json().value(QLatin1String("value")).toArray()) {
            ids << s.toObject().value(QLatin1String("subscriptionId")).toString();
            QVERIFY2(!s.toObject().contains(QLatin1String("forbidden")), "a sandbox-only field leaked");
        }
        QVERIFY(ids.contains(kFleet0) && ids.contains(kFleet1) && ids.contains(kFleet2));
        QVERIFY(ids.contains(kSub1)); // added to the fixture, not instead of it
    }

    void lastSubscriptionAnswers403AndIsInvisibleToResourceGraph() {
        armsandbox::Sandbox sandbox;
        QVERIFY(start(sandbox, QStringLiteral("3:2:2:5")));
        const HttpResult galleries = armGet(
            sandbox, QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/galleries").arg(kFleet2),
            api::gallery);
        QCOMPARE(galleries.status, 403);
        QCOMPARE(galleries.errorCode(), QStringLiteral("AuthorizationFailed"));
        const HttpResult readable = armGet(
            sandbox, QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/galleries").arg(kFleet1),
            api::gallery);
        QCOMPARE(readable.status, 200);
        QCOMPARE(readable.json().value(QLatin1String("value")).toArray().size(), 2);

        const HttpResult all = graph(sandbox, {kFleet0, kFleet1, kFleet2});
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(QLatin1String("totalRecords")).toInt(),
                 2 * 2 * 5 * 2); // two readable subscriptions of 2 galleries × 2 images × 5 versions
        for (const QJsonValue &row : all.json().value(QLatin1String("data")).toArray())
            QVERIFY(row.toObject().value(QLatin1String("subscriptionId")).toString() != kFleet2);
        QCOMPARE(graph(sandbox, {kFleet2}).status, 403);
    }

    void sameSeedSameFleet() {
        armsandbox::Sandbox a, b, c;
        QVERIFY(start(a, QStringLiteral("2:1:2:10:7")));
        QVERIFY(start(b, QStringLiteral("2:1:2:10:7")));
        QVERIFY(start(c, QStringLiteral("2:1:2:10:8")));
        const HttpResult fromA = graph(a, {kFleet0});
        const HttpResult fromB = graph(b, {kFleet0});
        const HttpResult fromC = graph(c, {kFleet0});
        QCOMPARE(fromA.json().value(QLatin1String("data")), fromB.json().value(QLatin1String("data")));
        QVERIFY(fromA.json().value(QLatin1String("data")) != fromC.json().value(QLatin1String("data")));
    }

    void mixFollowsTheDocumentedCycle() {
        // 40 readable versions: two whole cycles of 20 (docs/sandbox.md).
        armsandbox::Sandbox sandbox;
        QVERIFY(start(sandbox, QStringLiteral("2:2:2:10")));
        const QJsonArray rows = graph(sandbox, {kFleet0}).json().value(QLatin1String("data")).toArray();
        QCOMPARE(rows.size(), 40);
        int platform = 0, failed = 0, confidential = 0, endOfLife = 0, deletedSource = 0;
        for (const QJsonValue &row : rows) {
            const QJsonObject version = row.toObject();
            if (!usesAnySet(version))
                ++platform;
            failed += at(version, {"properties", "provisioningState"}).toString() == QLatin1String("Failed");
            const QJsonArray regions =
                at(version, {"properties", "publishingProfile", "targetRegions"}).toArray();
            confidential += at(regions.first(), {"encryption", "osDiskImage", "securityProfile"}).isObject();
            endOfLife += at(version, {"properties", "publishingProfile", "endOfLifeDate"})
                             .toString()
                             .startsWith(QLatin1String("2025"));
            deletedSource += at(version, {"properties", "storageProfile", "source", "id"})
                                 .toString()
                                 .endsWith(QLatin1String("/images/img-build-old"));
        }
        QCOMPARE(platform, 10);
        QCOMPARE(failed, 2);
        QCOMPARE(confidential, 2);
        QCOMPARE(endOfLife, 2);
        QCOMPARE(deletedSource, 2);
        // The other versions' source exists; the deleted one does not.
        const QString build =
            QStringLiteral(
                "/subscriptions/%1/resourceGroups/rg-fleet-build/providers/Microsoft.Compute/images/")
                .arg(kFleet0);
        QCOMPARE(armGet(sandbox, build + QStringLiteral("img-build"), api::compute).status, 200);
        QCOMPARE(armGet(sandbox, build + QStringLiteral("img-build-old"), api::compute).status, 404);
    }

    void plantsTheKeyProblemsAndTheSharedGallery() {
        armsandbox::Sandbox sandbox;
        QVERIFY(start(sandbox, QStringLiteral("2:2:1:2")));
        const QString keys = QStringLiteral("/subscriptions/%1/resourceGroups/rg-fleet-keys").arg(kFleet0);
        const HttpResult disabled = armGet(
            sandbox,
            keys + QStringLiteral("/providers/Microsoft.KeyVault/vaults/kvfleet000weu/keys/disks-disabled"),
            api::keyVault);
        QCOMPARE(disabled.status, 200);
        QCOMPARE(at(disabled.json(), {"properties", "attributes", "enabled"}).toBool(true), false);

        const HttpResult noWrap = armGet(
            sandbox, keys + QStringLiteral("/providers/Microsoft.Compute/diskEncryptionSets/des-nowrap-weu"),
            api::disk);
        QCOMPARE(noWrap.status, 200);
        const QString principal = at(noWrap.json(), {"identity", "principalId"}).toString();
        const HttpResult vault =
            armGet(sandbox, keys + QStringLiteral("/providers/Microsoft.KeyVault/vaults/kvfleet000weu"),
                   api::keyVault);
        QCOMPARE(vault.status, 200);
        bool found = false;
        for (const QJsonValue &policy : at(vault.json(), {"properties", "accessPolicies"}).toArray()) {
            if (policy.toObject().value(QLatin1String("objectId")).toString() != principal)
                continue;
            found = true;
            const QJsonArray permissions = at(policy, {"permissions", "keys"}).toArray();
            QVERIFY(permissions.contains(QStringLiteral("unwrapKey")));
            QVERIFY(!permissions.contains(QStringLiteral("wrapKey")));
        }
        QVERIFY(found);

        const HttpResult shared = armGet(
            sandbox,
            QStringLiteral(
                "/subscriptions/%1/resourceGroups/rg-fleet-images/providers/Microsoft.Compute/galleries/"
                "galFleet1")
                .arg(kFleet0),
            api::gallery);
        QCOMPARE(at(shared.json(), {"properties", "sharingProfile", "permissions"}).toString(),
                 QStringLiteral("Groups"));
    }

    void refusesABadSpec() {
        armsandbox::Sandbox sandbox;
        armsandbox::SandboxOptions options;
        options.generateFleet = QStringLiteral("2:0:1:1");
        QString why;
        QVERIFY(!sandbox.start(options, &why));
        QVERIFY2(why.contains(QLatin1String("--generate-fleet")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestSandboxFleet)
#include "tst_sandbox_fleet.moc"
