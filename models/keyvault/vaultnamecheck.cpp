#include "keyvault/vaultnamecheck.h"

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "keyvault/dessetup.h"
#include "keyvault/keyvaultresources.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUrlQuery>

namespace cmk {

namespace {

class VaultNameText {
    Q_DECLARE_TR_FUNCTIONS(KeyVaultNameCheck)
};

} // namespace

QUrlQuery keyVaultApiQuery() {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), QString::fromLatin1(KeyVaultApiVersions::KeyVault));
    return query;
}

KeyVaultNameCheck::KeyVaultNameCheck(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

KeyVaultNameCheck::~KeyVaultNameCheck() {
    if (m_reply)
        m_reply->disconnect(this);
}

ArmReply *KeyVaultNameCheck::post(ArmClient *client, const QString &subscriptionId, const QString &name) {
    ArmPathBuilder check = subscriptionPath(subscriptionId);
    check.literal(QStringLiteral("providers"))
        .literal(QStringLiteral("Microsoft.KeyVault"))
        .literal(QStringLiteral("checkNameAvailability"));
    const nlohmann::json body = {{"name", name}, {"type", "Microsoft.KeyVault/vaults"}};
    return client->post(check.path(), body, keyVaultApiQuery());
}

bool KeyVaultNameCheck::nameAvailable(const nlohmann::json &answer) {
    return !(answer.is_object() && answer.value("nameAvailable", true) == false);
}

QString KeyVaultNameCheck::takenText(const QString &name) {
    return VaultNameText::tr(
               "The key vault name %1 is taken (key vault names are global): choose another one.")
        .arg(name);
}

void KeyVaultNameCheck::check(const QString &subscriptionId, const QString &resourceGroup,
                              const QString &name) {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply = nullptr;
    }
    m_subscriptionId = subscriptionId;
    m_resourceGroup = resourceGroup;
    m_name = name;
    m_result = Result::Checking;
    m_explanation.clear();
    m_error = {};
    if (!m_client || name.isEmpty()) {
        QTimer::singleShot(0, this, [this, name] {
            if (m_name == name && m_result == Result::Checking)
                finish(Result::Invalid, VaultNameText::tr("Enter a key vault name."));
        });
        return;
    }
    m_reply = post(m_client, subscriptionId, name);
    ArmReply *reply = m_reply;
    connect(reply, &ArmReply::finished, this, [this, reply] { onAnswer(reply); });
}

void KeyVaultNameCheck::onAnswer(ArmReply *reply) {
    reply->deleteLater();
    m_reply = nullptr;
    if (reply->error()) {
        m_error = reply->error();
        finish(Result::Failed, VaultNameText::tr("The key vault name could not be checked: %1")
                                   .arg(reply->error().toDisplayString()));
        return;
    }
    const nlohmann::json &answer = reply->json();
    if (nameAvailable(answer)) {
        finish(Result::Available, VaultNameText::tr("The name %1 is available.").arg(m_name));
        return;
    }
    const QString reason =
        answer.is_object() ? QString::fromStdString(answer.value("reason", std::string())) : QString();
    if (reason.compare(QLatin1String("AccountNameInvalid"), Qt::CaseInsensitive) == 0) {
        const QString message = QString::fromStdString(answer.value("message", std::string()));
        finish(Result::Invalid, VaultNameText::tr("The name %1 is not a valid key vault name. %2")
                                    .arg(m_name, message)
                                    .trimmed());
        return;
    }
    checkOwnVault();
}

// A name in use may be the vault an earlier, interrupted set-up created in this very group.
void KeyVaultNameCheck::checkOwnVault() {
    DesSetupOptions own;
    own.subscriptionId = m_subscriptionId;
    own.resourceGroup = m_resourceGroup;
    own.vaultName = m_name;
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(own.vaultId());
    if (!path.ok()) {
        finish(Result::Taken, takenText(m_name));
        return;
    }
    m_reply = m_client->get(path.path(), keyVaultApiQuery());
    ArmReply *reply = m_reply;
    connect(reply, &ArmReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_reply = nullptr;
        if (!reply->error())
            finish(Result::Reusable,
                   VaultNameText::tr("The key vault %1 already exists in %2: the set-up uses it.")
                       .arg(m_name, m_resourceGroup));
        else
            finish(Result::Taken, takenText(m_name));
    });
}

void KeyVaultNameCheck::finish(Result result, const QString &explanation) {
    m_result = result;
    m_explanation = explanation;
    Q_EMIT finished();
}

} // namespace cmk
