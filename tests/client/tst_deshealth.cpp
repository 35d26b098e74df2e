// The Disk Encryption Set health check, its fixes and the set-up runner (models/keyvault/) against a real
// armsandbox over HTTP: every finding driven from the sandbox's data, every fix applied and checked again, a
// set created from nothing and used for an image version, and a set-up resumed after a failure.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "imageversion/imageversionsubmitter.h"
#include "keyvault/deshealthcheck.h"
#include "keyvault/dessetup.h"
#include "keyvault/draftkeyhealth.h"
#include "keyvault/keyvaultfixes.h"
#include "support/demodraft.h"
#include "support/sandboxhttp.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QtTest>
#include <functional>
#include <memory>

using namespace cmk;

namespace {

const QString kSub = sandboxtest::kSub1;
const QString kKeysGroup = QStringLiteral("/subscriptions/%1/resourceGroups/rg-keys-prod").arg(kSub);

QString desId(const QString &name) {
    return kKeysGroup + QStringLiteral("/providers/Microsoft.Compute/diskEncryptionSets/") + name;
}
QString vaultId(const QString &name) {
    return kKeysGroup + QStringLiteral("/providers/Microsoft.KeyVault/vaults/") + name;
}

/// Sets (or with an undefined value removes) the field at a dotted path of a JSON object.
QJsonObject withField(QJsonObject object, const QStringList &path, const QJsonValue &value) {
    if (path.size() == 1) {
        if (value.isUndefined())
            object.remove(path.first());
        else
            object.insert(path.first(), value);
        return object;
    }
    object.insert(path.first(), withField(object.value(path.first()).toObject(), path.mid(1), value));
    return object;
}

void setField(armsandbox::Sandbox &sandbox, const QString &id, const QString &path, const QJsonValue &value) {
    sandbox.setResource(withField(sandbox.resource(id), path.split(QLatin1Char('.')), value));
}

/// Sets the key permissions of des-frc-cmk's access policy on kv-contoso-frc.
void setFrcPolicyKeys(armsandbox::Sandbox &sandbox, const QJsonArray &keys) {
    const QString vault =
        QStringLiteral("/subscriptions/%1/resourceGroups/rg-keys-prod/providers/Microsoft.KeyVault/"
                       "vaults/kv-contoso-frc")
            .arg(sandboxtest::kSub1);
    QJsonArray policies = sandbox.resource(vault)
                              .value(QLatin1String("properties"))
                              .toObject()
                              .value(QLatin1String("accessPolicies"))
                              .toArray();
    for (int i = 0; i < policies.size(); ++i) {
        const QJsonObject policy = policies.at(i).toObject();
        if (policy.value(QLatin1String("objectId")).toString().startsWith(QLatin1String("2b4d6f8a")))
            policies.replace(
                i, withField(policy, {QStringLiteral("permissions"), QStringLiteral("keys")}, keys));
    }
    setField(sandbox, vault, QStringLiteral("properties.accessPolicies"), policies);
}

struct Case {
    const char *code;
    DesHealthSeverity severity;
    DesHealthStatus status;
    QString des;
    std::function<void(armsandbox::Sandbox &)> arrange;
};

DesSetupOptions setupIn(const QString &location, const QString &group = QStringLiteral("rg-keys-prod")) {
    DesSetupOptions options;
    options.subscriptionId = kSub;
    options.resourceGroup = group;
    options.location = location;
    return options;
}

qint64 daysFromNow(int days) {
    return QDateTime::currentSecsSinceEpoch() + qint64(days) * 86400;
}

} // namespace

class TestDesHealth : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_fixture; ///< the demo with SIGEncryption registered
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<ArmClient> m_client;

    void restart() {
        m_client.reset();
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.fixturePath = m_fixture;
        options.lroPollsUntilDone = 2;
        QVERIFY(m_sandbox->start(options));
        m_client = std::make_unique<ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        m_client->setDefaultPollIntervalMs(10);
        RetryPolicy retry;
        retry.baseDelayMs = 10;
        retry.maxDelayMs = 50;
        m_client->setRetryPolicy(retry);
    }

    std::vector<DesHealth> check(const QStringList &ids) {
        DiskEncryptionSetHealthCheck health(m_client.get());
        QSignalSpy finished(&health, &DiskEncryptionSetHealthCheck::finished);
        health.start(ids);
        if (!finished.wait(10000))
            qWarning("the health check did not finish");
        return health.results();
    }
    DesHealth checkOne(const QString &id) {
        const std::vector<DesHealth> results = check({id});
        return results.empty() ? DesHealth{} : results.front();
    }

    static QString codes(const DesHealth &health) {
        QStringList out;
        for (const DesFinding &f : health.findings)
            out << QStringLiteral("%1(%2)").arg(f.code, severityName(f.severity));
        return out.join(QLatin1Char(' '));
    }

    bool runFix(const DesHealth &health, DesFixAction action, ArmError *error = nullptr) {
        DesFixRunner runner(m_client.get());
        runner.setGrantRetry(GrantRetry{8, 10, 100});
        QSignalSpy finished(&runner, &DesFixRunner::finished);
        if (!runner.start(health, action) || (!runner.isFinished() && !finished.wait(10000)))
            return false;
        if (error)
            *error = runner.error();
        return !runner.error();
    }

    int requests(const QByteArray &method, const QString &pathPart) const {
        int count = 0;
        for (const armsandbox::Exchange &e : m_sandbox->exchanges()) {
            if (e.liveRequest.value(QLatin1String("method")).toString().toLatin1() == method &&
                e.liveRequest.value(QLatin1String("url")).toString().contains(pathPart, Qt::CaseInsensitive))
                ++count;
        }
        return count;
    }

    bool runSetup(DesSetupRunner &runner, const DesSetupOptions &options) {
        runner.setGrantRetry(GrantRetry{8, 10, 100});
        QSignalSpy finished(&runner, &DesSetupRunner::finished);
        runner.start(options);
        return runner.isFinished() || finished.wait(20000);
    }

    static QList<Case> findingCases();

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_fixture = sandboxtest::writeRegisteredDemoFixture(m_dir);
        QVERIFY(!m_fixture.isEmpty());
    }

    void init() { restart(); }

    void keyUrlsCompareWithoutPort() {
        const KeyVaultKeyUrl url =
            KeyVaultKeyUrl::parse(QStringLiteral("https://KV-One.vault.azure.net:443/keys/k1/ABC"));
        QVERIFY(url.valid);
        QCOMPARE(url.vaultName, QStringLiteral("kv-one"));
        QCOMPARE(url.withoutPort(), QStringLiteral("https://kv-one.vault.azure.net/keys/k1/ABC"));
        QVERIFY(sameKeyUrl(QStringLiteral("https://kv-one.vault.azure.net/keys/k1/abc"), url.withoutPort()));
        QVERIFY(!sameKeyUrl(QStringLiteral("https://kv-one.vault.azure.net/keys/k1/abd"), url.withoutPort()));
        QVERIFY(!KeyVaultKeyUrl::parse(QStringLiteral("http://kv.vault.azure.net/keys/k")).valid);
        QVERIFY(KeyVaultKeyUrl::parse(QStringLiteral("https://hsm.managedhsm.azure.net/keys/k/1"))
                    .isManagedHsm());
        QVERIFY(KeyVaultRoles::grantsKeyUse(
            QStringLiteral("/providers/x/roleDefinitions/E147488A-F6F5-4113-8E2D-B22465E65BF6")));
        QVERIFY(!KeyVaultRoles::grantsKeyUse(
            QStringLiteral("/providers/x/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635")));
    }

    void demoFixtureHasRealisticTrouble() {
        const QStringList names = {QStringLiteral("des-weu-cmk"),  QStringLiteral("des-weu-double"),
                                   QStringLiteral("des-frc-cmk"),  QStringLiteral("des-frc-double"),
                                   QStringLiteral("des-eus2-cmk"), QStringLiteral("des-eus2-double"),
                                   QStringLiteral("des-wus-cmk"),  QStringLiteral("des-eus-double")};
        QStringList ids;
        for (const QString &name : names)
            ids << desId(name);
        m_sandbox->clearExchanges();
        const std::vector<DesHealth> results = check(ids);
        QCOMPARE(int(results.size()), names.size());
        QHash<QString, DesHealth> byName;
        for (const DesHealth &h : results)
            byName.insert(h.name, h);
        for (const char *healthy :
             {"des-weu-cmk", "des-weu-double", "des-frc-cmk", "des-frc-double", "des-eus2-double"})
            QVERIFY2(byName.value(QLatin1String(healthy)).status == DesHealthStatus::Ok,
                     qPrintable(QLatin1String(healthy) + QLatin1Char(' ') +
                                codes(byName.value(QLatin1String(healthy)))));
        // The double sets use an older key version without auto-rotation: worth knowing, nothing more.
        QVERIFY(byName.value(QStringLiteral("des-weu-double")).finding(QStringLiteral("KEY_NEWER_VERSION")));

        const DesHealth expiring = byName.value(QStringLiteral("des-eus2-cmk"));
        QCOMPARE(expiring.status, DesHealthStatus::Warning);
        const DesFinding *soon = expiring.finding(QStringLiteral("KEY_EXPIRES_SOON"));
        QVERIFY2(soon, qPrintable(codes(expiring)));
        QVERIFY2(soon->message.contains(QLatin1String("cmk-disks-legacy")) &&
                     soon->message.contains(QLatin1String("des-eus2-cmk")) &&
                     (soon->message.contains(QLatin1String("in 10 day")) ||
                      soon->message.contains(QLatin1String("in 9 day"))),
                 qPrintable(soon->message));
        QVERIFY(soon->azureCli.contains(
            QLatin1String("az keyvault key rotate --vault-name kv-contoso-eus2 --name cmk-disks-legacy")));

        const DesHealth noAccess = byName.value(QStringLiteral("des-wus-cmk"));
        QCOMPARE(noAccess.status, DesHealthStatus::Error);
        const DesFinding *missing = noAccess.finding(QStringLiteral("KEY_ACCESS_MISSING"));
        QVERIFY2(missing, qPrintable(codes(noAccess)));
        QCOMPARE(missing->action, DesFixAction::GrantKeyAccess);
        QVERIFY(missing->message.contains(QLatin1String("des-wus-cmk")) &&
                missing->message.contains(QLatin1String("kv-contoso-wus")));
        QVERIFY(missing->azureCli.contains(QLatin1String("az keyvault set-policy --name kv-contoso-wus")));
        QVERIFY(missing->powerShell.startsWith(
            QLatin1String("Set-AzKeyVaultAccessPolicy -VaultName kv-contoso-wus")));

        const DesHealth noPurge = byName.value(QStringLiteral("des-eus-double"));
        QCOMPARE(noPurge.status, DesHealthStatus::Warning);
        QVERIFY2(noPurge.finding(QStringLiteral("VAULT_PURGE_PROTECTION_DISABLED")),
                 qPrintable(codes(noPurge)));

        // kv-contoso-weu serves two sets and is read once; the role assignments are asked with the 2022 API.
        QCOMPARE(requests("GET", QStringLiteral("/vaults/kv-contoso-weu?")), 1);
        QVERIFY(requests("GET",
                         QStringLiteral("roleAssignments?api-version=2022-04-01&$filter=principalId")) >= 3);
    }

    void everyFinding() {
        for (const Case &c : findingCases()) {
            restart();
            c.arrange(*m_sandbox);
            const DesHealth health = checkOne(desId(c.des));
            const DesFinding *finding = health.finding(QLatin1String(c.code));
            QVERIFY2(finding,
                     qPrintable(QStringLiteral("%1: got %2").arg(QLatin1String(c.code), codes(health))));
            QVERIFY2(finding->severity == c.severity, c.code);
            QVERIFY2(health.status == c.status,
                     qPrintable(QStringLiteral("%1: status %2 (%3)")
                                    .arg(QLatin1String(c.code), statusName(health.status), codes(health))));
            QVERIFY2(!finding->message.isEmpty(), c.code);
            if (c.severity == DesHealthSeverity::Unknown) // cannot verify is never bad
                QVERIFY2(health.errorLines().isEmpty(), c.code);
            m_sandbox->setFaults(QString());
        }
    }

    void accessPolicyPermissionsCompareCaseInsensitively() {
        // A policy written by another tool in other case (the vault's GET may carry it as stored).
        setFrcPolicyKeys(*m_sandbox, QJsonArray{QStringLiteral("GET"), QStringLiteral("WrapKey"),
                                                QStringLiteral("UNWRAPKEY")});
        const DesHealth health = checkOne(desId(QStringLiteral("des-frc-cmk")));
        QVERIFY2(health.status == DesHealthStatus::Ok, qPrintable(codes(health)));
    }

    void grantFixesAnAccessPolicyVault() {
        const DesHealth before = checkOne(desId(QStringLiteral("des-wus-cmk")));
        QVERIFY(before.finding(QStringLiteral("KEY_ACCESS_MISSING")));
        QVERIFY(runFix(before, DesFixAction::GrantKeyAccess));
        QCOMPARE(requests("PUT",
                          QStringLiteral("/vaults/kv-contoso-wus/accessPolicies/add?api-version=2025-05-01")),
                 1);
        const DesHealth after = checkOne(desId(QStringLiteral("des-wus-cmk")));
        QVERIFY2(after.status == DesHealthStatus::Ok, qPrintable(codes(after)));
    }

    void grantFixesAnRbacVaultAndExistingRoleCountsAsDone() {
        // Remove des-weu-cmk's role at the vault: only its Owner-style noise is left.
        const QString principal = m_sandbox->resource(desId(QStringLiteral("des-weu-cmk")))
                                      .value(QLatin1String("identity"))
                                      .toObject()
                                      .value(QLatin1String("principalId"))
                                      .toString();
        sandboxtest::Http http;
        const QUrl list = sandboxtest::armUrl(
            m_sandbox->baseUrl(),
            vaultId(QStringLiteral("kv-contoso-weu")) +
                QStringLiteral("/providers/Microsoft.Authorization/roleAssignments"),
            QStringLiteral("2022-04-01"), QStringLiteral("$filter=principalId%20eq%20'%1'").arg(principal));
        for (const QJsonValue a : http.get(list).json().value(QLatin1String("value")).toArray())
            QCOMPARE(
                http.call("DELETE", sandboxtest::armUrl(m_sandbox->baseUrl(),
                                                        a.toObject().value(QLatin1String("id")).toString(),
                                                        QStringLiteral("2022-04-01")))
                    .status,
                200);
        const DesHealth before = checkOne(desId(QStringLiteral("des-weu-cmk")));
        const DesFinding *missing = before.finding(QStringLiteral("KEY_ROLE_MISSING"));
        QVERIFY2(missing, qPrintable(codes(before)));
        QVERIFY(missing->azureCli.contains(QLatin1String("--assignee-principal-type ServicePrincipal --role "
                                                         "\"Key Vault Crypto Service Encryption User\"")));
        m_sandbox->clearExchanges();
        QVERIFY(runFix(before, DesFixAction::GrantKeyAccess));
        QList<QJsonObject> puts;
        for (const armsandbox::Exchange &e : m_sandbox->exchanges()) {
            if (e.liveRequest.value(QLatin1String("method")).toString() == QLatin1String("PUT"))
                puts << e.liveRequest.value(QLatin1String("body")).toObject();
        }
        QCOMPARE(puts.size(), 1);
        const QJsonObject properties = puts.first().value(QLatin1String("properties")).toObject();
        QCOMPARE(properties.value(QLatin1String("principalType")).toString(),
                 QStringLiteral("ServicePrincipal"));
        QCOMPARE(properties.value(QLatin1String("principalId")).toString(), principal);
        QVERIFY(properties.value(QLatin1String("roleDefinitionId"))
                    .toString()
                    .endsWith(QLatin1String("/e147488a-f6f5-4113-8e2d-b22465e65bf6")));
        QCOMPARE(checkOne(desId(QStringLiteral("des-weu-cmk"))).status, DesHealthStatus::Ok);
        // Granting again: the second assignment (new GUID) meets RoleAssignmentExists, which is success.
        KeyAccessGrant again(m_client.get());
        QSignalSpy done(&again, &KeyAccessGrant::finished);
        again.start(*before.readings.vault, principal);
        QVERIFY(done.wait(5000));
        QVERIFY2(!again.error(), qPrintable(again.error().toDisplayString()));
        QVERIFY(again.alreadyGranted());
    }

    void grantWaitsForANewIdentity() {
        // A set created now: its identity is not in the directory for the first role assignment.
        DesSetupOptions options = setupIn(QStringLiteral("westeurope"));
        options.vaultName = QStringLiteral("kv-contoso-weu");
        options.keyName = QStringLiteral("cmk-disks");
        options.desName = QStringLiteral("des-weu-new");
        DesSetupRunner runner(m_client.get());
        QSignalSpy notes(&runner, &DesSetupRunner::note);
        QVERIFY(runSetup(runner, options));
        QVERIFY2(runner.succeeded(), qPrintable(runner.error().toDisplayString()));
        QCOMPARE(notes.size(), 1);
        QVERIFY(notes.first().first().toString().contains(
            QLatin1String("not visible in Microsoft Entra ID yet")));
        QCOMPARE(requests("PUT", QStringLiteral("/providers/Microsoft.Authorization/roleAssignments/")), 2);
        QCOMPARE(runner.state(DesSetupStep::Vault), DesSetupStepState::Reused);
        QCOMPARE(runner.state(DesSetupStep::Key), DesSetupStepState::Reused);
        QCOMPARE(runner.state(DesSetupStep::DiskEncryptionSet), DesSetupStepState::Created);
    }

    void purgeProtectionFixKeepsTheVaultsPolicies() {
        const DesHealth before = checkOne(desId(QStringLiteral("des-eus-double")));
        const DesFinding *off = before.finding(QStringLiteral("VAULT_PURGE_PROTECTION_DISABLED"));
        QVERIFY(off);
        QCOMPARE(off->action, DesFixAction::EnablePurgeProtection);
        m_sandbox->clearExchanges();
        QVERIFY(runFix(before, DesFixAction::EnablePurgeProtection));
        const DesHealth after = checkOne(desId(QStringLiteral("des-eus-double")));
        QVERIFY2(after.status == DesHealthStatus::Ok, qPrintable(codes(after)));
        const QJsonObject vault = m_sandbox->resource(vaultId(QStringLiteral("kv-contoso-eus")))
                                      .value(QLatin1String("properties"))
                                      .toObject();
        QVERIFY(vault.value(QLatin1String("enablePurgeProtection")).toBool());
        QCOMPARE(vault.value(QLatin1String("accessPolicies")).toArray().size(), 2);
        // A fix the readings do not allow is refused before anything is sent.
        DesHealth unreadable = before;
        unreadable.readings.vault.reset();
        ArmError why;
        QVERIFY(!runFix(unreadable, DesFixAction::EnablePurgeProtection, &why));
    }

    void setUpFromNothingAndUseItForAnImageVersion() {
        DesSetupOptions options = setupIn(QStringLiteral("North Europe"));
        DesSetupRunner runner(m_client.get());
        QList<QPair<DesSetupStep, DesSetupStepState>> seen;
        connect(&runner, &DesSetupRunner::stepChanged, this,
                [&seen](DesSetupStep step, DesSetupStepState state) {
                    seen.append({step, state});
                });
        QVERIFY(runSetup(runner, options));
        QVERIFY2(runner.succeeded(), qPrintable(runner.error().toDisplayString()));
        const DesSetupOptions used = runner.options();
        QVERIFY(used.vaultName.startsWith(QLatin1String("kv-northeurope-")));
        QCOMPARE(used.desName, QStringLiteral("des-northeurope-cmk"));
        for (DesSetupStep step : {DesSetupStep::Vault, DesSetupStep::Key, DesSetupStep::DiskEncryptionSet})
            QCOMPARE(runner.state(step), DesSetupStepState::Created);
        QCOMPARE(runner.state(DesSetupStep::HealthCheck), DesSetupStepState::Done);
        QVERIFY(seen.contains({DesSetupStep::Vault, DesSetupStepState::Running}));
        const QJsonObject vault =
            m_sandbox->resource(used.vaultId()).value(QLatin1String("properties")).toObject();
        QVERIFY(vault.value(QLatin1String("enablePurgeProtection")).toBool());
        QVERIFY(vault.value(QLatin1String("enableRbacAuthorization")).toBool());
        QVERIFY2(runner.health()->status == DesHealthStatus::Ok, qPrintable(codes(*runner.health())));

        ImageVersionDraft draft = demodata::cmkImageVersionDraft(QStringLiteral("8.0.0"));
        RegionDraft north;
        north.name = QStringLiteral("northeurope");
        north.osDiskDesId = used.desId();
        draft.targetRegions.append(north);
        draft.normalizeEncryption();
        QCOMPARE(chosenDiskEncryptionSets(draft),
                 (QStringList{desId(QStringLiteral("des-weu-cmk")), used.desId()}));
        ImageVersionSubmitter submitter(m_client.get());
        submitter.setReplicationPollIntervalMs(10);
        QSignalSpy finished(&submitter, &ImageVersionSubmitter::finished);
        QVERIFY(submitter.submit(draft));
        QVERIFY(finished.wait(10000));
        QVERIFY2(submitter.stage() == ImageVersionSubmitter::Stage::Succeeded,
                 qPrintable(submitter.error().toDisplayString()));
    }

    void setUpResumesAfterAFailureWithoutDuplicates() {
        DesSetupOptions options = setupIn(QStringLiteral("northeurope"));
        options.encryptionType = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");
        options.rbac = false;
        QVERIFY(m_sandbox->setFaults(
            QStringLiteral("status=400:path=diskEncryptionSets/des-northeurope-double:method=PUT")));
        DesSetupRunner first(m_client.get());
        QVERIFY(runSetup(first, options));
        QVERIFY(!first.succeeded());
        QCOMPARE(first.state(DesSetupStep::Vault), DesSetupStepState::Created);
        QCOMPARE(first.state(DesSetupStep::Key), DesSetupStepState::Created);
        QCOMPARE(first.state(DesSetupStep::DiskEncryptionSet), DesSetupStepState::Failed);
        QCOMPARE(first.state(DesSetupStep::Grant), DesSetupStepState::Pending);

        QVERIFY(m_sandbox->setFaults(QString()));
        DesSetupRunner second(m_client.get());
        QVERIFY(runSetup(second, options));
        QVERIFY2(second.succeeded(), qPrintable(second.error().toDisplayString()));
        QCOMPARE(second.state(DesSetupStep::Vault), DesSetupStepState::Reused);
        QCOMPARE(second.state(DesSetupStep::Key), DesSetupStepState::Reused);
        QCOMPARE(second.state(DesSetupStep::DiskEncryptionSet), DesSetupStepState::Created);
        const QString vault = QStringLiteral("/vaults/") + second.options().vaultName;
        QCOMPARE(requests("PUT", vault + QStringLiteral("?")), 1);
        QCOMPARE(requests("PUT", vault + QStringLiteral("/keys/cmk-disks?")), 1);
        QCOMPARE(requests("PUT", vault + QStringLiteral("/accessPolicies/add?")), 1);
        // Once more: everything is there, nothing is written but the (idempotent) grant.
        DesSetupRunner third(m_client.get());
        QVERIFY(runSetup(third, options));
        QVERIFY(third.succeeded());
        QCOMPARE(third.state(DesSetupStep::DiskEncryptionSet), DesSetupStepState::Reused);
        QCOMPARE(requests("PUT", QStringLiteral("/diskEncryptionSets/des-northeurope-double?")),
                 2); // the faulted one and one
    }

    void setUpRefusesATakenVaultNameAndExplainsItself() {
        DesSetupOptions options = setupIn(QStringLiteral("francecentral"), QStringLiteral("rg-build"));
        options.vaultName = QStringLiteral("kv-contoso-frc"); // in rg-keys-prod: names are global
        DesSetupRunner runner(m_client.get());
        QVERIFY(runSetup(runner, options));
        QVERIFY(!runner.succeeded());
        QVERIFY(runner.error().message.contains(QLatin1String("is taken")));
        QCOMPARE(requests("PUT", QStringLiteral("/vaults/")), 0);
        options.vaultName = QStringLiteral("kv--bad");
        QVERIFY(!options.withDefaults().problem().isEmpty());
        const QStringList az = DesSetupRunner::azureCliCommands(options.withDefaults());
        QVERIFY(az.join(QLatin1Char('\n'))
                    .contains(QLatin1String("az disk-encryption-set create --name des-francecentral-cmk")));
        QVERIFY(az.last().startsWith(
            QLatin1String("az role assignment create --assignee-object-id $principalId")));
    }
};

QList<Case> TestDesHealth::findingCases() {
    using S = DesHealthSeverity;
    using St = DesHealthStatus;
    const QString weu = desId(QStringLiteral("des-weu-cmk"));
    const QString frc = desId(QStringLiteral("des-frc-cmk"));
    const QString weuVault = vaultId(QStringLiteral("kv-contoso-weu"));
    const QString weuKey = weuVault + QStringLiteral("/keys/cmk-disks");
    const QString frcVault = vaultId(QStringLiteral("kv-contoso-frc"));
    const auto des = [](const QString &id, const QString &path, const QJsonValue &value) {
        return [id, path, value](armsandbox::Sandbox &s) { setField(s, id, path, value); };
    };
    const QString keyUrl = QStringLiteral("https://kv-contoso-weu.vault.azure.net/keys/cmk-disks");
    const QJsonValue removed(QJsonValue::Undefined);
    return {
        {"DES_NOT_FOUND", S::Error, St::Error, QStringLiteral("des-missing"), [](armsandbox::Sandbox &) {}},
        {"DES_NOT_READABLE", S::Unknown, St::Unknown, QStringLiteral("des-weu-cmk"),
         [](armsandbox::Sandbox &s) {
             s.setFaults(QStringLiteral("status=403:path=diskEncryptionSets/des-weu-cmk"));
         }},
        {"DES_PROVISIONING_FAILED", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.provisioningState"), QStringLiteral("Failed"))},
        {"DES_PROVISIONING_IN_PROGRESS", S::Warning, St::Warning, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.provisioningState"), QStringLiteral("Updating"))},
        {"DES_NO_IDENTITY", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("identity"), QJsonObject{{QStringLiteral("type"), QStringLiteral("None")}})},
        {"DES_KEY_URL_NOT_VERSIONED", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.activeKey.keyUrl"), keyUrl)},
        {"DES_KEY_URL_INVALID", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.activeKey.keyUrl"), QStringLiteral("kv-contoso-weu/cmk-disks"))},
        {"DES_KEY_NOT_IN_SOURCE_VAULT", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.activeKey.keyUrl"),
             QStringLiteral(
                 "https://kv-contoso-frc.vault.azure.net/keys/cmk-disks/2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e0b"))},
        {"DES_ENCRYPTION_TYPE_UNKNOWN", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.encryptionType"), QStringLiteral("Bogus"))},
        {"DES_ENCRYPTION_TYPE_CONFIDENTIAL", S::Info, St::Ok, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.encryptionType"),
             QStringLiteral("ConfidentialVmEncryptedWithCustomerKey"))},
        {"DES_AUTO_ROTATION_ERROR", S::Warning, St::Warning, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.autoKeyRotationError"),
             QJsonObject{{QStringLiteral("code"), QStringLiteral("KeyVaultKeyNotFound")},
                         {QStringLiteral("message"), QStringLiteral("The key was not found.")}})},
        {"DES_CROSS_TENANT_KEY", S::Unknown, St::Unknown, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.federatedClientId"),
             QStringLiteral("8b2e1f3a-4c5d-4e6f-9a0b-1c2d3e4f5a6b"))},
        {"DES_NO_SOURCE_VAULT", S::Unknown, St::Unknown, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.activeKey.sourceVault"), removed)},
        {"KEY_IN_MANAGED_HSM", S::Unknown, St::Unknown, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.activeKey.keyUrl"),
             QStringLiteral("https://hsm-contoso.managedhsm.azure.net/keys/cmk/0123"))},
        {"VAULT_NOT_FOUND", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         [weu](armsandbox::Sandbox &s) {
             setField(s, weu, QStringLiteral("properties.activeKey.sourceVault.id"),
                      vaultId(QStringLiteral("kv-gone")));
             setField(s, weu, QStringLiteral("properties.activeKey.keyUrl"),
                      QStringLiteral("https://kv-gone.vault.azure.net/keys/k/0123"));
         }},
        {"VAULT_NOT_READABLE", S::Unknown, St::Unknown, QStringLiteral("des-weu-cmk"),
         des(weuVault, QStringLiteral("sandboxDenyRead"), true)},
        {"VAULT_TENANT_MISMATCH", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuVault, QStringLiteral("properties.tenantId"),
             QStringLiteral("c5a1e3d9-4b27-4f86-8e0a-9d3b6f2c7e18"))},
        {"VAULT_SOFT_DELETE_DISABLED", S::Warning, St::Warning, QStringLiteral("des-weu-cmk"),
         des(weuVault, QStringLiteral("properties.enableSoftDelete"), false)},
        {"VAULT_PURGE_PROTECTION_DISABLED", S::Warning, St::Warning, QStringLiteral("des-weu-cmk"),
         des(weuVault, QStringLiteral("properties.enablePurgeProtection"), removed)},
        {"VAULT_FIREWALL_BLOCKS_AZURE", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuVault, QStringLiteral("properties.networkAcls"),
             QJsonObject{{QStringLiteral("defaultAction"), QStringLiteral("Deny")},
                         {QStringLiteral("bypass"), QStringLiteral("None")}})},
        {"VAULT_PUBLIC_ACCESS_DISABLED", S::Info, St::Ok, QStringLiteral("des-weu-cmk"),
         des(weuVault, QStringLiteral("properties.publicNetworkAccess"), QStringLiteral("Disabled"))},
        {"VAULT_IN_OTHER_REGION", S::Info, St::Ok, QStringLiteral("des-weu-cmk"),
         des(weuVault, QStringLiteral("location"), QStringLiteral("northeurope"))},
        {"KEY_ACCESS_MISSING", S::Error, St::Error, QStringLiteral("des-frc-cmk"),
         [](armsandbox::Sandbox &s) { // only "get" left: wrapKey and unwrapKey are missing
             setFrcPolicyKeys(s, QJsonArray{QStringLiteral("get")});
         }},
        {"KEY_ROLE_MISSING", S::Error, St::Error, QStringLiteral("des-frc-cmk"),
         [frcVault](armsandbox::Sandbox &s) { // an RBAC vault where the set is only Contributor: no key use
             setField(s, frcVault, QStringLiteral("properties.enableRbacAuthorization"), true);
             const QString name = QStringLiteral("3e0d3c1e-7a5b-4c2d-9e8f-102030405060");
             s.setResource(QJsonObject{
                 {QStringLiteral("id"),
                  frcVault + QStringLiteral("/providers/Microsoft.Authorization/roleAssignments/") + name},
                 {QStringLiteral("name"), name},
                 {QStringLiteral("type"), QStringLiteral("Microsoft.Authorization/roleAssignments")},
                 {QStringLiteral("properties"),
                  QJsonObject{
                      {QStringLiteral("roleDefinitionId"),
                       QStringLiteral("/subscriptions/%1/providers/Microsoft.Authorization/roleDefinitions/"
                                      "b24988ac-6180-42a0-ab88-20f7382dd24c")
                           .arg(kSub)},
                      {QStringLiteral("principalId"), QStringLiteral("2b4d6f8a-5b1e-4c2d-9f3a-0c1e3a5c7e9b")},
                      {QStringLiteral("principalType"), QStringLiteral("ServicePrincipal")},
                      {QStringLiteral("scope"), frcVault}}}});
         }},
        {"ROLE_ASSIGNMENTS_NOT_READABLE", S::Unknown, St::Unknown, QStringLiteral("des-weu-cmk"),
         [](armsandbox::Sandbox &s) { s.setFaults(QStringLiteral("status=403:path=roleAssignments")); }},
        {"KEY_NOT_FOUND", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weu, QStringLiteral("properties.activeKey.keyUrl"),
             keyUrl + QStringLiteral("/00000000000000000000000000000000"))},
        {"KEY_NOT_READABLE", S::Unknown, St::Unknown, QStringLiteral("des-weu-cmk"),
         [](armsandbox::Sandbox &s) {
             s.setFaults(QStringLiteral("status=403:path=/keys/cmk-disks/versions"));
         }},
        {"KEY_DISABLED", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuKey, QStringLiteral("properties.attributes.enabled"), false)},
        {"KEY_EXPIRED", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuKey, QStringLiteral("properties.attributes.exp"), double(daysFromNow(-1)))},
        {"KEY_NOT_YET_VALID", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuKey, QStringLiteral("properties.attributes.nbf"), double(daysFromNow(2)))},
        {"KEY_EXPIRES_SOON", S::Warning, St::Warning, QStringLiteral("des-weu-cmk"),
         des(weuKey, QStringLiteral("properties.attributes.exp"), double(daysFromNow(20)))},
        {"KEY_TYPE_UNSUPPORTED", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuKey, QStringLiteral("properties.kty"), QStringLiteral("EC"))},
        {"KEY_SIZE_UNSUPPORTED", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuKey, QStringLiteral("properties.keySize"), 1024)},
        {"KEY_OPERATIONS_MISSING", S::Error, St::Error, QStringLiteral("des-weu-cmk"),
         des(weuKey, QStringLiteral("properties.keyOps"),
             QJsonArray{QStringLiteral("encrypt"), QStringLiteral("decrypt")})},
        {"KEY_NEWER_VERSION", S::Info, St::Ok, QStringLiteral("des-frc-double"),
         [](armsandbox::Sandbox &) {}},
    };
}

QTEST_GUILESS_MAIN(TestDesHealth)
#include "tst_deshealth.moc"
