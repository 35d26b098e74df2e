#include "keyvault/dessetup.h"

#include "arm/armpaths.h"
#include "keyvault/deshealthfixes.h"
#include "keyvault/vaultnamecheck.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace cmk {

namespace {

class SetupText {
    Q_DECLARE_TR_FUNCTIONS(DesSetupRunner)
};

const QString kCustomerKey = QStringLiteral("EncryptionAtRestWithCustomerKey");
const QString kDoubleEncryption = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");

ArmError setupError(const QString &message) {
    return ArmError::make(ArmError::Kind::InvalidInput, message);
}

bool matches(const char *pattern, const QString &text) {
    return QRegularExpression(QString::fromLatin1(pattern)).match(text).hasMatch();
}

} // namespace

DesSetupOptions DesSetupOptions::withDefaults() const {
    DesSetupOptions o = *this;
    o.location = normalizeRegion(location);
    const QByteArray seed = QStringLiteral("%1/%2/%3")
                                .arg(subscriptionId.toLower(), resourceGroup.toLower(), o.location)
                                .toUtf8();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex().left(6));
    if (o.vaultName.isEmpty())
        o.vaultName = QStringLiteral("kv-%1-%2").arg(o.location.left(12), hash);
    if (o.keyName.isEmpty())
        o.keyName = QStringLiteral("cmk-disks");
    if (o.desName.isEmpty())
        o.desName = QStringLiteral("des-%1-%2")
                        .arg(o.location, encryptionType == kDoubleEncryption ? QStringLiteral("double")
                                                                             : QStringLiteral("cmk"));
    return o;
}

QString DesSetupOptions::problem() const {
    if (subscriptionId.trimmed().isEmpty() || resourceGroup.trimmed().isEmpty() ||
        location.trimmed().isEmpty())
        return SetupText::tr("A subscription, a resource group and a region are needed.");
    if (encryptionType != kCustomerKey && encryptionType != kDoubleEncryption)
        return SetupText::tr("The encryption type must be %1 or %2.").arg(kCustomerKey, kDoubleEncryption);
    if (!matches("^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$", vaultName) ||
        vaultName.contains(QLatin1String("--")))
        return SetupText::tr(
                   "The key vault name “%1” is not valid: 3 to 24 letters, digits and hyphens, starting with "
                   "a letter, ending with a letter or digit, without “--”.")
            .arg(vaultName);
    if (!matches("^[A-Za-z0-9-]{1,127}$", keyName))
        return SetupText::tr("The key name “%1” is not valid: 1 to 127 letters, digits and hyphens.")
            .arg(keyName);
    if (!matches("^[A-Za-z0-9_-]{1,80}$", desName))
        return SetupText::tr(
                   "The disk encryption set name “%1” is not valid: 1 to 80 letters, digits, “_” and “-”.")
            .arg(desName);
    if (keySize != 2048 && keySize != 3072 && keySize != 4096)
        return SetupText::tr("The key size must be 2048, 3072 or 4096 bits.");
    const QString pathProblem = armNameProblem(subscriptionId).isEmpty() ? armNameProblem(resourceGroup)
                                                                         : armNameProblem(subscriptionId);
    return pathProblem;
}

QString DesSetupOptions::vaultId() const {
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.KeyVault/vaults/%3")
        .arg(subscriptionId, resourceGroup, vaultName);
}

QString DesSetupOptions::desId() const {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Compute/diskEncryptionSets/%3")
        .arg(subscriptionId, resourceGroup, desName);
}

DesSetupRunner::DesSetupRunner(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {
    qRegisterMetaType<cmk::DesSetupStep>();
    qRegisterMetaType<cmk::DesSetupStepState>();
}

DesSetupRunner::~DesSetupRunner() = default;

QList<DesSetupStep> DesSetupRunner::steps() {
    return {DesSetupStep::Vault, DesSetupStep::Key, DesSetupStep::DiskEncryptionSet, DesSetupStep::Grant,
            DesSetupStep::HealthCheck};
}

QString DesSetupRunner::stepTitle(DesSetupStep step, const DesSetupOptions &o) {
    switch (step) {
    case DesSetupStep::Vault:
        return o.rbac
                   ? SetupText::tr("Key vault %1 with purge protection (RBAC)").arg(o.vaultName)
                   : SetupText::tr("Key vault %1 with purge protection (access policies)").arg(o.vaultName);
    case DesSetupStep::Key:
        return SetupText::tr("RSA key %1 (%2 bits)").arg(o.keyName).arg(o.keySize);
    case DesSetupStep::DiskEncryptionSet:
        return SetupText::tr("Disk encryption set %1 with a system-assigned identity").arg(o.desName);
    case DesSetupStep::Grant:
        return SetupText::tr("Get, wrap and unwrap on the key for the identity of %1").arg(o.desName);
    case DesSetupStep::HealthCheck:
        return SetupText::tr("Health check of %1").arg(o.desName);
    }
    return {};
}

QString DesSetupRunner::stateText(DesSetupStepState state) {
    switch (state) {
    case DesSetupStepState::Pending:
        return SetupText::tr("waiting");
    case DesSetupStepState::Running:
        return SetupText::tr("in progress");
    case DesSetupStepState::Created:
        return SetupText::tr("created");
    case DesSetupStepState::Reused:
        return SetupText::tr("already there");
    case DesSetupStepState::Done:
        return SetupText::tr("done");
    case DesSetupStepState::Failed:
        return SetupText::tr("failed");
    }
    return {};
}

QStringList DesSetupRunner::azureCliCommands(const DesSetupOptions &options) {
    const DesSetupOptions o = options.withDefaults();
    FixContext grant;
    grant.vaultId = o.vaultId();
    grant.vaultName = o.vaultName;
    grant.vaultGroup = o.resourceGroup;
    grant.vaultSubscription = o.subscriptionId;
    grant.principalId = QStringLiteral("$principalId");
    const QString scope =
        QStringLiteral("--resource-group %1 --subscription %2").arg(o.resourceGroup, o.subscriptionId);
    return {
        QStringLiteral(
            "az keyvault create --name %1 %2 --location %3 --sku standard --enable-purge-protection true "
            "--retention-days 90 --enable-rbac-authorization %4")
            .arg(o.vaultName, scope, o.location, o.rbac ? QStringLiteral("true") : QStringLiteral("false")),
        QStringLiteral(
            "az keyvault key create --vault-name %1 --name %2 --kty RSA --size %3 --ops wrapKey unwrapKey")
            .arg(o.vaultName, o.keyName)
            .arg(o.keySize),
        QStringLiteral(
            "az disk-encryption-set create --name %1 %2 --location %3 --encryption-type %4 "
            "--source-vault %5 --key-url $(az keyvault key show --vault-name %6 --name %7 --query key.kid "
            "-o tsv) --mi-system-assigned true --enable-auto-key-rotation %8")
            .arg(o.desName, scope, o.location, o.encryptionType, o.vaultId(), o.vaultName, o.keyName,
                 o.autoRotation ? QStringLiteral("true") : QStringLiteral("false")),
        QStringLiteral(
            "principalId=$(az disk-encryption-set show --name %1 %2 --query identity.principalId -o tsv)")
            .arg(o.desName, scope),
        o.rbac ? grant.grantRole().azureCli : grant.grantAccessPolicy().azureCli,
    };
}

void DesSetupRunner::start(const DesSetupOptions &options) {
    m_options = options.withDefaults();
    for (DesSetupStepState &state : m_states)
        state = DesSetupStepState::Pending;
    m_finished = false;
    m_error = {};
    m_vault.reset();
    m_set.reset();
    m_health.reset();
    m_keyUrl.clear();
    const QString problem = m_options.problem();
    if (!problem.isEmpty() || !m_client) {
        fail(DesSetupStep::Vault, setupError(problem));
        return;
    }
    ensureVault();
}

void DesSetupRunner::setState(DesSetupStep step, DesSetupStepState state) {
    m_states[int(step)] = state;
    Q_EMIT stepChanged(step, state);
}

void DesSetupRunner::fail(DesSetupStep step, const ArmError &error) {
    m_error = error;
    m_finished = true;
    setState(step, DesSetupStepState::Failed);
    Q_EMIT finished();
}

void DesSetupRunner::get(const QString &path, const QUrlQuery &query,
                         std::function<void(const ArmReply &)> done) {
    ArmReply *reply = m_client->get(path, query);
    connect(reply, &ArmReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        done(*reply);
    });
}

template <typename T>
void DesSetupRunner::putResource(DesSetupStep step, const QString &id, const nlohmann::json &body,
                                 const QUrlQuery &query, std::function<void(const T &)> created) {
    ArmOperation *put = m_client->beginPut(ArmPathBuilder::fromResourceId(id).path(), body, query);
    connect(put, &ArmOperation::finished, this, [this, put, step, created = std::move(created)] {
        put->deleteLater();
        T parsed;
        const ArmError problem = put->error() ? put->error() : parseResource(put->resource(), parsed);
        if (problem)
            fail(step, problem);
        else
            created(parsed);
    });
}

void DesSetupRunner::ensureVault() {
    setState(DesSetupStep::Vault, DesSetupStepState::Running);
    const ArmPathBuilder group = resourceGroupPath(m_options.subscriptionId, m_options.resourceGroup);
    get(group.path(), {}, [this](const ArmReply &reply) {
        if (reply.error().httpStatus == 404) {
            fail(DesSetupStep::Vault,
                 setupError(SetupText::tr("The resource group %1 does not exist in subscription "
                                          "%2; create it first (az group create).")
                                .arg(m_options.resourceGroup, m_options.subscriptionId)));
            return;
        }
        if (reply.error()) {
            fail(DesSetupStep::Vault, reply.error());
            return;
        }
        get(ArmPathBuilder::fromResourceId(m_options.vaultId()).path(), keyVaultApiQuery(),
            [this](const ArmReply &vault) {
                KeyVault parsed;
                const ArmError problem = vault.error() ? vault.error() : parseResource(vault.json(), parsed);
                if (vault.error().httpStatus == 404) {
                    createVault();
                } else if (problem) {
                    fail(DesSetupStep::Vault, problem);
                } else {
                    m_vault = parsed;
                    setState(DesSetupStep::Vault, DesSetupStepState::Reused);
                    ensureKey();
                }
            });
    });
}

void DesSetupRunner::createVault() {
    ArmReply *reply = KeyVaultNameCheck::post(m_client, m_options.subscriptionId, m_options.vaultName);
    connect(reply, &ArmReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->error()) {
            fail(DesSetupStep::Vault, reply->error());
            return;
        }
        if (!KeyVaultNameCheck::nameAvailable(reply->json())) {
            fail(DesSetupStep::Vault, setupError(KeyVaultNameCheck::takenText(m_options.vaultName)));
            return;
        }
        get(subscriptionPath(m_options.subscriptionId).path(), {}, [this](const ArmReply &subscription) {
            Subscription parsed;
            const ArmError problem =
                subscription.error() ? subscription.error() : parseResource(subscription.json(), parsed);
            if (problem)
                fail(DesSetupStep::Vault, problem);
            else
                putVault(parsed.tenantId);
        });
    });
}

void DesSetupRunner::putVault(const QString &tenantId) {
    const nlohmann::json body = {{"location", m_options.location},
                                 {"properties",
                                  {{"tenantId", tenantId},
                                   {"sku", {{"family", "A"}, {"name", "standard"}}},
                                   {"enableSoftDelete", true},
                                   {"softDeleteRetentionInDays", 90},
                                   {"enablePurgeProtection", true},
                                   {"enableRbacAuthorization", m_options.rbac},
                                   {"accessPolicies", nlohmann::json::array()}}}};
    putResource<KeyVault>(DesSetupStep::Vault, m_options.vaultId(), body, keyVaultApiQuery(),
                          [this](const KeyVault &vault) {
                              m_vault = vault;
                              setState(DesSetupStep::Vault, DesSetupStepState::Created);
                              ensureKey();
                          });
}

void DesSetupRunner::ensureKey() {
    setState(DesSetupStep::Key, DesSetupStepState::Running);
    ArmPathBuilder path = ArmPathBuilder::fromResourceId(m_options.vaultId());
    path.literal(QStringLiteral("keys")).name(m_options.keyName);
    const auto accept = [this](const ArmReply &reply, DesSetupStepState state) {
        KeyVaultKey key;
        const ArmError problem = reply.error() ? reply.error() : parseResource(reply.json(), key);
        if (problem) {
            fail(DesSetupStep::Key, problem);
            return;
        }
        m_keyUrl = KeyVaultKeyUrl::parse(key.keyUriWithVersion).withoutPort();
        setState(DesSetupStep::Key, state);
        ensureSet();
    };
    get(path.path(), keyVaultApiQuery(), [this, path, accept](const ArmReply &existing) {
        if (existing.error().httpStatus != 404) {
            accept(existing, DesSetupStepState::Reused);
            return;
        }
        const nlohmann::json body = {
            {"properties",
             {{"kty", "RSA"}, {"keySize", m_options.keySize}, {"keyOps", {"wrapKey", "unwrapKey"}}}}};
        ArmReply *created = m_client->put(path.path(), body, keyVaultApiQuery());
        connect(created, &ArmReply::finished, this, [created, accept] {
            created->deleteLater();
            accept(*created, DesSetupStepState::Created);
        });
    });
}

void DesSetupRunner::ensureSet() {
    setState(DesSetupStep::DiskEncryptionSet, DesSetupStepState::Running);
    get(ArmPathBuilder::fromResourceId(m_options.desId()).path(), {}, [this](const ArmReply &reply) {
        if (reply.error().httpStatus == 404) {
            createSet();
            return;
        }
        DiskEncryptionSetKeySettings parsed;
        const ArmError problem = reply.error() ? reply.error() : parseResource(reply.json(), parsed);
        if (!problem &&
            parsed.set.encryptionType.compare(m_options.encryptionType, Qt::CaseInsensitive) != 0) {
            fail(
                DesSetupStep::DiskEncryptionSet,
                setupError(SetupText::tr("The disk encryption set %1 already exists with encryption type %2.")
                               .arg(m_options.desName, parsed.set.encryptionType)));
            return;
        }
        if (problem) {
            fail(DesSetupStep::DiskEncryptionSet, problem);
            return;
        }
        m_set = parsed;
        setState(DesSetupStep::DiskEncryptionSet, DesSetupStepState::Reused);
        grant();
    });
}

void DesSetupRunner::createSet() {
    const nlohmann::json body = {
        {"location", m_options.location},
        {"identity", {{"type", "SystemAssigned"}}},
        {"properties",
         {{"encryptionType", m_options.encryptionType},
          {"activeKey", {{"sourceVault", {{"id", m_options.vaultId()}}}, {"keyUrl", m_keyUrl}}},
          {"rotationToLatestKeyVersionEnabled", m_options.autoRotation}}}};
    putResource<DiskEncryptionSetKeySettings>(DesSetupStep::DiskEncryptionSet, m_options.desId(), body, {},
                                              [this](const DiskEncryptionSetKeySettings &set) {
                                                  m_set = set;
                                                  setState(DesSetupStep::DiskEncryptionSet,
                                                           DesSetupStepState::Created);
                                                  grant();
                                              });
}

void DesSetupRunner::grant() {
    setState(DesSetupStep::Grant, DesSetupStepState::Running);
    if (m_set->principalIds().isEmpty()) {
        fail(DesSetupStep::Grant,
             setupError(SetupText::tr("The disk encryption set %1 has no managed identity to grant.")
                            .arg(m_options.desName)));
        return;
    }
    auto *grant = new KeyAccessGrant(m_client, this);
    grant->setRetry(m_retry);
    connect(grant, &KeyAccessGrant::waitingForIdentity, this, [this](int, int delayMs) {
        Q_EMIT note(SetupText::tr(
                        "The identity of %1 is not visible in Microsoft Entra ID yet; trying again in %L2 s.")
                        .arg(m_options.desName)
                        .arg(double(delayMs) / 1000.0, 0, 'f', 1));
    });
    connect(grant, &KeyAccessGrant::finished, this, [this, grant] {
        grant->deleteLater();
        if (grant->error()) {
            fail(DesSetupStep::Grant, grant->error());
            return;
        }
        setState(DesSetupStep::Grant, DesSetupStepState::Done);
        checkHealth();
    });
    grant->start(*m_vault, m_set->principalIds().first());
}

void DesSetupRunner::checkHealth() {
    setState(DesSetupStep::HealthCheck, DesSetupStepState::Running);
    m_check = std::make_unique<DiskEncryptionSetHealthCheck>(m_client);
    connect(m_check.get(), &DiskEncryptionSetHealthCheck::finished, this, [this] {
        if (!m_check->results().empty())
            m_health = m_check->results().front();
        m_finished = true;
        setState(DesSetupStep::HealthCheck,
                 m_health && !m_health->hasErrors() ? DesSetupStepState::Done : DesSetupStepState::Failed);
        Q_EMIT finished();
    });
    m_check->start({m_options.desId()});
}

} // namespace cmk
