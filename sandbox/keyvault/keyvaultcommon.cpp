#include "keyvault/keyvaultcommon.h"

#include "arm/armapi.h"
#include "arm/armstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

namespace armsandbox::keyvault {

namespace {

const QString kSandboxDenyRead = QStringLiteral("sandboxDenyRead");

} // namespace

ApiResponse noContent(int status) {
    ApiResponse response;
    response.status = status;
    response.hasBody = false;
    return response;
}

std::optional<ApiResponse> missingSubscriptionOrGroup(const ArmStore &store, const QStringList &segments) {
    if (auto missing = checkSubscription(store, segments.value(1)))
        return missing;
    const bool inGroup = segments.size() >= 4 &&
                         segments.at(2).compare(QLatin1String("resourceGroups"), Qt::CaseInsensitive) == 0;
    if (inGroup &&
        !store.contains(
            QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(segments.at(1), segments.at(3))))
        return resourceGroupNotFound(segments.at(3));
    return std::nullopt;
}

ApiResponse resourceNotFoundAt(const QStringList &segments) {
    // subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}/...
    return resourceNotFound(segments.mid(5).join(QLatin1Char('/')), segments.value(3));
}

std::optional<ApiResponse> deniedRead(const QJsonObject &resource, const QString &action) {
    if (!resource.value(kSandboxDenyRead).toBool(false))
        return std::nullopt;
    return authorizationFailed(action, resource.value(QLatin1String("id")).toString());
}

QJsonObject withoutSandboxFields(QJsonObject resource) {
    resource.remove(kSandboxDenyRead);
    return resource;
}

qint64 nowSeconds() {
    return QDateTime::currentSecsSinceEpoch();
}

QString newHexId() {
    return QUuid::createUuid().toString(QUuid::Id128);
}

QString newGuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isGuid(const QString &text) {
    static const QRegularExpression guid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return guid.match(text).hasMatch();
}

const QStringList &keyUseRoleGuids() {
    static const QStringList roles = {
        QStringLiteral("e147488a-f6f5-4113-8e2d-b22465e65bf6"), // Key Vault Crypto Service Encryption User
        QStringLiteral("12338af0-0e69-4776-bea7-57ae8d297424"), // Key Vault Crypto User
        QStringLiteral("14b46e9e-c2b7-41b4-b07b-48a6ebf60603"), // Key Vault Crypto Officer
        QStringLiteral("00482a5a-887f-4fb3-b363-3b7fe8e74483"), // Key Vault Administrator
    };
    return roles;
}

bool isKnownRoleGuid(const QString &guid) {
    static const QStringList others = {
        QStringLiteral("8e3af657-a8ff-443c-a75c-2fe8c4bcb635"), // Owner
        QStringLiteral("b24988ac-6180-42a0-ab88-20f7382dd24c"), // Contributor
        QStringLiteral("acdd72a7-3385-48ef-bd42-f606fba81ae7"), // Reader
        QStringLiteral("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"), // User Access Administrator
        QStringLiteral("f25e0fa2-a7c8-4377-a976-54943a77a395"), // Key Vault Contributor
        QStringLiteral("21090545-7ca7-4776-b22c-e363652d74d2"), // Key Vault Reader
        QStringLiteral("4633458b-17de-408a-b874-0445c86b69e6"), // Key Vault Secrets User
    };
    const QString lower = guid.toLower();
    return keyUseRoleGuids().contains(lower) || others.contains(lower);
}

QString roleGuidOf(const QString &roleDefinitionId) {
    return roleDefinitionId.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty).toLower();
}

} // namespace armsandbox::keyvault
