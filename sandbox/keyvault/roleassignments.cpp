#include "keyvault/roleassignments.h"

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "keyvault/keyvaultcommon.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>
#include <climits>

namespace armsandbox {

namespace {

const QString kAssignmentsInfix = QStringLiteral("/providers/microsoft.authorization/roleassignments/");

/// Resource types of the assignments the sandbox may hold: at a subscription or group, and at the resources a
/// Disk Encryption Set's key access involves.
QStringList assignmentTypesFor(const QString &canonicalScope) {
    QStringList types = {QStringLiteral("microsoft.authorization/roleassignments"),
                         QStringLiteral("microsoft.keyvault/vaults/providers/roleassignments"),
                         QStringLiteral("microsoft.keyvault/vaults/keys/providers/roleassignments"),
                         QStringLiteral("microsoft.compute/diskencryptionsets/providers/roleassignments")};
    const QString scopeType = resourceTypeOfId(canonicalScope);
    if (scopeType.contains(QLatin1Char('/'))) {
        const QString own = scopeType + QStringLiteral("/providers/roleassignments");
        if (!types.contains(own))
            types.append(own);
    }
    return types;
}

QString scopeOfAssignment(const QJsonObject &assignment) {
    const QString scope =
        assignment.value(QLatin1String("properties")).toObject().value(QLatin1String("scope")).toString();
    if (!scope.isEmpty())
        return canonicalId(scope);
    const QString id = canonicalId(assignment.value(QLatin1String("id")).toString());
    return id.left(id.indexOf(kAssignmentsInfix));
}

QString assignmentId(const QString &scope, const QString &name) {
    return scope + QStringLiteral("/providers/Microsoft.Authorization/roleAssignments/") + name;
}

struct AssignmentFilter {
    QString principalId;
    bool atScope = false;
    bool valid = true;
};

AssignmentFilter parseFilter(const QString &filter) {
    AssignmentFilter parsed;
    QString rest = filter.trimmed();
    static const QRegularExpression atScope(QStringLiteral("atScope\\(\\)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression principal(QStringLiteral("principalId\\s+eq\\s+'?([0-9A-Fa-f-]{36})'?"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (atScope.match(rest).hasMatch()) {
        parsed.atScope = true;
        rest.remove(atScope);
    }
    const QRegularExpressionMatch m = principal.match(rest);
    if (m.hasMatch()) {
        parsed.principalId = m.captured(1);
        rest.remove(m.capturedStart(0), m.capturedLength(0));
    }
    rest.remove(QRegularExpression(QStringLiteral("\\band\\b"), QRegularExpression::CaseInsensitiveOption));
    parsed.valid = rest.trimmed().isEmpty();
    return parsed;
}

bool isPrincipalType(const QString &type) {
    static const QStringList types = {QStringLiteral("User"), QStringLiteral("Group"),
                                      QStringLiteral("ServicePrincipal"), QStringLiteral("ForeignGroup"),
                                      QStringLiteral("Device")};
    return types.contains(type);
}

} // namespace

void PrincipalDirectory::addNew(const QString &principalId, int invisibleAttempts) {
    if (invisibleAttempts > 0)
        m_pending.insert(principalId.toLower(), invisibleAttempts);
}

bool PrincipalDirectory::isVisibleNow(const QString &principalId) {
    const auto it = m_pending.find(principalId.toLower());
    if (it == m_pending.end())
        return true;
    if (--*it <= 0)
        m_pending.erase(it);
    return false;
}

QJsonArray roleAssignmentsFor(const ArmStore &store, const QString &scope, const QString &principalId,
                              bool atOrAboveOnly) {
    const QString target = canonicalId(scope);
    const QString subscriptionPrefix = target.section(QLatin1Char('/'), 0, 2) + QLatin1Char('/');
    QJsonArray out;
    for (const QString &type : assignmentTypesFor(target)) {
        const ArmStore::Page all = store.list(type, subscriptionPrefix, 0, INT_MAX);
        for (const auto &value : all.items) {
            const QJsonObject assignment = value.toObject();
            const QString assigned = assignment.value(QLatin1String("properties"))
                                         .toObject()
                                         .value(QLatin1String("principalId"))
                                         .toString();
            if (!principalId.isEmpty() && assigned.compare(principalId, Qt::CaseInsensitive) != 0)
                continue;
            const QString at = scopeOfAssignment(assignment);
            const bool atOrAbove = target == at || target.startsWith(at + QLatin1Char('/'));
            const bool below = at.startsWith(target + QLatin1Char('/'));
            if (atOrAbove || (below && !atOrAboveOnly))
                out.append(assignment);
        }
    }
    return out;
}

RoleAssignmentApi::RoleAssignmentApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl,
                                     PrincipalDirectory &directory)
    : m_store(store)
    , m_options(options)
    , m_baseUrl(baseUrl)
    , m_directory(directory) {}

QStringList RoleAssignmentApi::apiVersions() {
    return {QStringLiteral("2022-04-01"), QStringLiteral("2015-07-01")};
}

std::optional<ApiResponse> RoleAssignmentApi::handle(const ApiRequest &request, const QStringList &segments,
                                                     const QString &apiVersion) {
    const QStringList lower = lowerCased(segments);
    int at = -1;
    for (int i = 2; i + 2 < lower.size(); ++i) {
        if (lower.at(i) == QLatin1String("providers") &&
            lower.at(i + 1) == QLatin1String("microsoft.authorization") &&
            lower.at(i + 2) == QLatin1String("roleassignments")) {
            at = i;
            break;
        }
    }
    const int rest = int(segments.size()) - (at + 3);
    if (at < 2 || rest > 1)
        return std::nullopt;
    if (auto bad = checkApiVersionIn(apiVersions(), apiVersion))
        return bad;
    const QStringList scopeSegments = segments.mid(0, at);
    const QString scope = QLatin1Char('/') + scopeSegments.join(QLatin1Char('/'));
    if (auto missing = checkScope(scope, scopeSegments))
        return missing;
    if (rest == 0)
        return request.method == "GET" ? list(request, scope) : methodNotAllowed(request);
    const QString name = segments.last();
    if (request.method == "PUT")
        return put(request, scope, name);
    if (request.method == "DELETE")
        return remove(scope, name);
    if (request.method != "GET")
        return methodNotAllowed(request);
    const QJsonObject assignment = m_store.resource(assignmentId(scope, name));
    if (assignment.isEmpty())
        return armError(
            404, QStringLiteral("RoleAssignmentNotFound"),
            QCoreApplication::translate("armsandbox", "The role assignment '%1' is not found.").arg(name));
    return okResponse(assignment);
}

std::optional<ApiResponse> RoleAssignmentApi::checkScope(const QString &scope,
                                                         const QStringList &scopeSegments) const {
    if (auto missing = keyvault::missingSubscriptionOrGroup(m_store, scopeSegments))
        return missing;
    if (scopeSegments.size() <= 4 || m_store.contains(scope))
        return std::nullopt;
    return keyvault::resourceNotFoundAt(scopeSegments);
}

ApiResponse RoleAssignmentApi::list(const ApiRequest &request, const QString &scope) {
    const QString filter =
        QUrlQuery(request.url).queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    const AssignmentFilter parsed = parseFilter(filter);
    if (!parsed.valid)
        return armError(
            400, QStringLiteral("UnsupportedQuery"),
            QCoreApplication::translate("armsandbox", "The filter '%1' is not supported.").arg(filter));
    return arrayPage(request, roleAssignmentsFor(m_store, scope, parsed.principalId, parsed.atScope),
                     m_options.pageSize, m_baseUrl);
}

std::optional<ApiResponse> RoleAssignmentApi::validateNew(const QString &scope, const QString &name,
                                                          const QJsonObject &properties) {
    const QString roleDefinitionId = properties.value(QLatin1String("roleDefinitionId")).toString();
    const QString principalId = properties.value(QLatin1String("principalId")).toString();
    const QString principalType = properties.value(QLatin1String("principalType")).toString();
    if (!keyvault::isGuid(name))
        return armError(
            400, QStringLiteral("InvalidRoleAssignmentId"),
            QCoreApplication::translate(
                "armsandbox",
                "The role assignment ID '%1' is not valid. The role assignment ID must be a GUID.")
                .arg(name));
    if (roleDefinitionId.isEmpty() || !keyvault::isKnownRoleGuid(keyvault::roleGuidOf(roleDefinitionId)))
        return armError(400, QStringLiteral("RoleDefinitionDoesNotExist"),
                        QCoreApplication::translate(
                            "armsandbox", "The specified role definition with ID '%1' does not exist.")
                            .arg(keyvault::roleGuidOf(roleDefinitionId)));
    if (!keyvault::isGuid(principalId))
        return armError(400, QStringLiteral("InvalidPrincipalId"),
                        QCoreApplication::translate(
                            "armsandbox", "A valid principal ID must be provided for role assignment."));
    if (!principalType.isEmpty() && !isPrincipalType(principalType))
        return armError(400, QStringLiteral("InvalidPrincipalType"),
                        QCoreApplication::translate("armsandbox", "The principal type '%1' is not valid.")
                            .arg(principalType));
    if (!m_directory.isVisibleNow(principalId)) {
        const QString tenant = m_store.subscription(scope.section(QLatin1Char('/'), 2, 2))
                                   .value(QLatin1String("tenantId"))
                                   .toString();
        return armError(
            400, QStringLiteral("PrincipalNotFound"),
            QCoreApplication::translate(
                "armsandbox",
                "Principal %1 does not exist in the directory %2. Check that you have the correct principal "
                "ID. "
                "If you are creating this principal and then immediately assigning a role, this error might "
                "be "
                "related to a replication delay. In this case, set the role assignment principalType "
                "property to "
                "a value, such as ServicePrincipal, User, or Group. See https://aka.ms/docs-principaltype")
                .arg(QString(principalId).remove(QLatin1Char('-')), tenant));
    }
    return std::nullopt;
}

ApiResponse RoleAssignmentApi::put(const ApiRequest &request, const QString &scope, const QString &name) {
    if (m_store.isReadOnly(scope.section(QLatin1Char('/'), 2, 2)))
        return authorizationFailed(QStringLiteral("Microsoft.Authorization/roleAssignments/write"), scope);
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    const QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    if (auto bad = validateNew(scope, name, properties))
        return *bad;
    const QString principalId = properties.value(QLatin1String("principalId")).toString();
    const QString role = keyvault::roleGuidOf(properties.value(QLatin1String("roleDefinitionId")).toString());
    const QString canonicalScope = canonicalId(scope);
    for (const auto &value : roleAssignmentsFor(m_store, scope, principalId, true)) {
        const QJsonObject existing = value.toObject();
        const QJsonObject existingProperties = existing.value(QLatin1String("properties")).toObject();
        const bool sameName =
            existing.value(QLatin1String("name")).toString().compare(name, Qt::CaseInsensitive) == 0;
        const bool sameGrant =
            scopeOfAssignment(existing) == canonicalScope &&
            keyvault::roleGuidOf(existingProperties.value(QLatin1String("roleDefinitionId")).toString()) ==
                role;
        if (sameName && sameGrant)
            return okResponse(existing); // the same PUT again
        if (sameGrant)
            return armError(409, QStringLiteral("RoleAssignmentExists"),
                            QCoreApplication::translate("armsandbox", "The role assignment already exists."));
    }
    if (m_store.contains(assignmentId(scope, name)))
        return armError(400, QStringLiteral("RoleAssignmentUpdateNotPermitted"),
                        QCoreApplication::translate("armsandbox",
                                                    "Tenant ID, application ID, principal ID, and scope "
                                                    "are not allowed to be updated."));
    QJsonObject stored = properties;
    if (!stored.contains(QLatin1String("principalType")))
        stored.insert(QStringLiteral("principalType"), QStringLiteral("User"));
    stored.insert(QStringLiteral("scope"), scope);
    stored.insert(QStringLiteral("createdOn"), isoNow());
    stored.insert(QStringLiteral("updatedOn"), isoNow());
    const QJsonObject assignment{
        {QStringLiteral("id"), assignmentId(scope, name)},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Authorization/roleAssignments")},
        {QStringLiteral("properties"), stored}};
    m_store.put(assignment);
    return okResponse(assignment, 201);
}

ApiResponse RoleAssignmentApi::remove(const QString &scope, const QString &name) {
    if (m_store.isReadOnly(scope.section(QLatin1Char('/'), 2, 2)))
        return authorizationFailed(QStringLiteral("Microsoft.Authorization/roleAssignments/delete"), scope);
    const QString id = assignmentId(scope, name);
    const QJsonObject existing = m_store.resource(id);
    if (existing.isEmpty())
        return keyvault::noContent();
    m_store.remove(id);
    return okResponse(existing);
}

} // namespace armsandbox
