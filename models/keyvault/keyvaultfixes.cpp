#include "keyvault/keyvaultfixes.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcKeyVaultFix, "cmk.keyvault.fix", QtInfoMsg)

namespace cmk {

namespace {

class FixText {
    Q_DECLARE_TR_FUNCTIONS(DesFixRunner)
};

QUrlQuery keyVaultQuery(const char *version) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), QString::fromLatin1(version));
    return query;
}

ArmError invalidFix(const QString &message) {
    return ArmError::make(ArmError::Kind::InvalidInput, message);
}

} // namespace

int GrantRetry::delayBefore(int attempt) const {
    qint64 delay = baseDelayMs;
    for (int i = 1; i < attempt && delay < maxDelayMs; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, maxDelayMs));
}

KeyVaultFix::KeyVaultFix(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

void KeyVaultFix::restart() {
    m_finished = false;
    m_error = {};
}

void KeyVaultFix::finish(const ArmError &error) {
    m_error = error;
    m_finished = true;
    Q_EMIT finished();
}

KeyAccessGrant::KeyAccessGrant(ArmClient *client, QObject *parent)
    : KeyVaultFix(client, parent) {}

void KeyAccessGrant::start(const KeyVault &vault, const QString &principalId) {
    m_vault = vault;
    m_principalId = principalId;
    m_assignmentName = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_attempts = 0;
    m_alreadyGranted = false;
    restart();
    attempt();
}

void KeyAccessGrant::attempt() {
    ++m_attempts;
    ArmPathBuilder path = ArmPathBuilder::fromResourceId(m_vault.id);
    nlohmann::json body;
    QUrlQuery query;
    if (m_vault.usesRbac()) {
        path.literal(QStringLiteral("providers"))
            .literal(QStringLiteral("Microsoft.Authorization"))
            .literal(QStringLiteral("roleAssignments"))
            .name(m_assignmentName);
        const QString role =
            QStringLiteral("/subscriptions/%1/providers/Microsoft.Authorization/roleDefinitions/%2")
                .arg(m_vault.subscriptionId(), QLatin1String(KeyVaultRoles::CryptoServiceEncryptionUser));
        body = {{"properties",
                 {{"roleDefinitionId", role},
                  {"principalId", m_principalId},
                  {"principalType", "ServicePrincipal"}}}};
        query = keyVaultQuery(KeyVaultApiVersions::Authorization);
    } else {
        path.literal(QStringLiteral("accessPolicies")).literal(QStringLiteral("add"));
        KeyVaultAccessPolicy policy{
            m_vault.tenantId,
            m_principalId,
            QString(),
            {QStringLiteral("get"), QStringLiteral("wrapKey"), QStringLiteral("unwrapKey")}};
        body = {{"properties", {{"accessPolicies", nlohmann::json::array({policy})}}}};
        query = keyVaultQuery(KeyVaultApiVersions::KeyVault);
    }
    if (!path.ok() || !m_client) {
        finish(path.ok() ? ArmError::make(ArmError::Kind::Aborted, QString()) : path.error());
        return;
    }
    ArmReply *reply = m_client->put(path.path(), body, query);
    connect(reply, &ArmReply::finished, this, [this, reply] {
        reply->deleteLater();
        const ArmError &error = reply->error();
        if (error.code == QLatin1String("RoleAssignmentExists")) {
            m_alreadyGranted = true;
            finish({});
        } else if (error.code == QLatin1String("PrincipalNotFound") && m_attempts < m_retry.maxAttempts) {
            const int delay = m_retry.delayBefore(m_attempts);
            qCDebug(lcKeyVaultFix) << "identity" << m_principalId << "not visible yet; retry in" << delay
                                  << "ms";
            Q_EMIT waitingForIdentity(m_attempts, delay);
            QTimer::singleShot(delay, this, &KeyAccessGrant::attempt);
        } else {
            finish(error);
        }
    });
}

PurgeProtectionEnabler::PurgeProtectionEnabler(ArmClient *client, QObject *parent)
    : KeyVaultFix(client, parent) {}

void PurgeProtectionEnabler::start(const QString &vaultId) {
    restart();
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(vaultId);
    if (!path.ok() || !m_client) {
        finish(path.ok() ? ArmError::make(ArmError::Kind::Aborted, QString()) : path.error());
        return;
    }
    const QUrlQuery query = keyVaultQuery(KeyVaultApiVersions::KeyVault);
    ArmReply *read = m_client->get(path.path(), query);
    connect(read, &ArmReply::finished, this, [this, read, path, query] {
        read->deleteLater();
        if (read->error() || !read->json().is_object()) {
            finish(read->error() ? read->error()
                                 : ArmError::make(ArmError::Kind::MalformedResponse, QString()));
            return;
        }
        // PUT back what was read (access policies, network rules...) minus what only the service writes.
        nlohmann::json body = read->json();
        for (const char *readOnly : {"id", "name", "type", "systemData"})
            body.erase(readOnly);
        nlohmann::json &properties = body["properties"];
        for (const char *readOnly : {"provisioningState", "privateEndpointConnections", "hsmPoolResourceId"})
            properties.erase(readOnly);
        properties["enableSoftDelete"] = true;
        properties["enablePurgeProtection"] = true;
        ArmOperation *update = m_client->beginPut(path.path(), body, query);
        connect(update, &ArmOperation::finished, this, [this, update] {
            update->deleteLater();
            finish(update->error());
        });
    });
}

DesFixRunner::DesFixRunner(ArmClient *client, QObject *parent)
    : KeyVaultFix(client, parent) {}

void DesFixRunner::follow(KeyVaultFix *fix) {
    connect(fix, &KeyVaultFix::finished, this, [this, fix] {
        fix->deleteLater();
        finish(fix->error());
    });
}

bool DesFixRunner::start(const DesHealth &health, DesFixAction action) {
    restart();
    const DesHealthReadings &r = health.readings;
    if (!r.vault || !r.set) {
        finish(
            invalidFix(FixText::tr("The key vault of %1 could not be read, so it cannot be fixed from here.")
                           .arg(health.name)));
        return false;
    }
    if (action == DesFixAction::EnablePurgeProtection) {
        auto *enabler = new PurgeProtectionEnabler(m_client, this);
        follow(enabler);
        enabler->start(r.vault->id);
        return true;
    }
    if (action != DesFixAction::GrantKeyAccess || r.set->principalIds().isEmpty()) {
        finish(invalidFix(
            FixText::tr("There is nothing the app can fix by itself here; use the commands shown.")));
        return false;
    }
    auto *grant = new KeyAccessGrant(m_client, this);
    grant->setRetry(m_retry);
    follow(grant);
    grant->start(*r.vault, r.set->principalIds().first());
    return true;
}

} // namespace cmk
