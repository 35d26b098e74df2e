#include "keyvault/keys.h"

#include "arm/armapi.h"
#include "arm/armstore.h"
#include "keyvault/keyvaultcommon.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <climits>

namespace armsandbox {

namespace {

const QString kKeyType = QStringLiteral("microsoft.keyvault/vaults/keys");
const QString kKeyVersionType = QStringLiteral("microsoft.keyvault/vaults/keys/versions");

ApiResponse badKey(const QString &message) {
    return armError(400, QStringLiteral("BadRequest"), message);
}

QString versionOf(const QJsonObject &key) {
    return key.value(QLatin1String("properties"))
        .toObject()
        .value(QLatin1String("keyUriWithVersion"))
        .toString()
        .section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
}

/// The key as `Keys_GetVersion` returns one version.
QJsonObject keyAsVersion(QJsonObject key, const QString &version) {
    key.insert(QStringLiteral("id"),
               key.value(QLatin1String("id")).toString() + QStringLiteral("/versions/") + version);
    key.insert(QStringLiteral("name"), version);
    key.insert(QStringLiteral("type"), QStringLiteral("Microsoft.KeyVault/vaults/keys/versions"));
    return key;
}

std::optional<ApiResponse> checkKeyShape(const QJsonObject &properties, const QJsonObject &vault) {
    const QString kty = properties.value(QLatin1String("kty")).toString();
    static const QStringList types = {QStringLiteral("RSA"), QStringLiteral("RSA-HSM"), QStringLiteral("EC"),
                                      QStringLiteral("EC-HSM")};
    if (!types.contains(kty))
        return badKey(QCoreApplication::translate("armsandbox",
                                                  "The key type (kty) must be RSA, RSA-HSM, EC or "
                                                  "EC-HSM, not '%1'.")
                          .arg(kty));
    const QString sku = vault.value(QLatin1String("properties"))
                            .toObject()
                            .value(QLatin1String("sku"))
                            .toObject()
                            .value(QLatin1String("name"))
                            .toString();
    if (kty.endsWith(QLatin1String("-HSM")) && sku != QLatin1String("premium"))
        return badKey(QCoreApplication::translate(
                          "armsandbox", "HSM-protected keys (%1) can only be created in a premium vault.")
                          .arg(kty));
    if (kty.startsWith(QLatin1String("RSA")) && properties.contains(QLatin1String("keySize"))) {
        const int size = properties.value(QLatin1String("keySize")).toInt();
        if (size != 2048 && size != 3072 && size != 4096)
            return badKey(QCoreApplication::translate("armsandbox",
                                                      "The RSA key size must be 2048, 3072 or 4096, not %1.")
                              .arg(properties.value(QLatin1String("keySize")).toVariant().toString()));
    }
    return std::nullopt;
}

QJsonObject newKeyProperties(const QJsonObject &given, const QJsonObject &vault, const QString &keyName,
                             const QString &version) {
    QJsonObject properties = given;
    const QJsonObject vaultProperties = vault.value(QLatin1String("properties")).toObject();
    const QString kty = given.value(QLatin1String("kty")).toString();
    if (kty.startsWith(QLatin1String("RSA")) && !properties.contains(QLatin1String("keySize")))
        properties.insert(QStringLiteral("keySize"), 2048);
    if (kty.startsWith(QLatin1String("EC")) && !properties.contains(QLatin1String("curveName")))
        properties.insert(QStringLiteral("curveName"), QStringLiteral("P-256"));
    if (!properties.contains(QLatin1String("keyOps"))) {
        properties.insert(QStringLiteral("keyOps"),
                          QJsonArray{QStringLiteral("encrypt"), QStringLiteral("decrypt"),
                                     QStringLiteral("sign"), QStringLiteral("verify"),
                                     QStringLiteral("wrapKey"), QStringLiteral("unwrapKey")});
    }
    QJsonObject attributes = given.value(QLatin1String("attributes")).toObject();
    if (!attributes.contains(QLatin1String("enabled")))
        attributes.insert(QStringLiteral("enabled"), true);
    attributes.insert(QStringLiteral("created"), keyvault::nowSeconds());
    attributes.insert(QStringLiteral("updated"), keyvault::nowSeconds());
    attributes.insert(QStringLiteral("recoveryLevel"),
                      vaultProperties.value(QLatin1String("enablePurgeProtection")).toBool(false)
                          ? QStringLiteral("Recoverable")
                          : QStringLiteral("Recoverable+Purgeable"));
    if (!attributes.contains(QLatin1String("exportable")))
        attributes.insert(QStringLiteral("exportable"), false);
    properties.insert(QStringLiteral("attributes"), attributes);
    const QString vaultUri = vaultProperties.value(QLatin1String("vaultUri")).toString();
    const QUrl uri(vaultUri);
    const QString keyUri = QStringLiteral("https://%1:443/keys/%2").arg(uri.host(), keyName);
    properties.insert(QStringLiteral("keyUri"), keyUri);
    properties.insert(QStringLiteral("keyUriWithVersion"), keyUri + QLatin1Char('/') + version);
    return properties;
}

bool parseRelativeDate(const QJsonValue &value, qint64 *seconds) {
    static const QRegularExpression relative(QStringLiteral("^now([+-]\\d+)([dhm])$"));
    const QRegularExpressionMatch m = relative.match(value.toString());
    if (!m.hasMatch())
        return false;
    const qint64 unit = m.captured(2) == QLatin1String("d")   ? 86400
                        : m.captured(2) == QLatin1String("h") ? 3600
                                                              : 60;
    *seconds = keyvault::nowSeconds() + m.captured(1).toLongLong() * unit;
    return true;
}

} // namespace

KeyApi::KeyApi(ArmStore &store, const SandboxOptions &options, const QUrl &baseUrl)
    : m_store(store)
    , m_options(options)
    , m_baseUrl(baseUrl) {}

ApiResponse KeyApi::handle(const ApiRequest &request, const QStringList &segments) {
    const QStringList vaultSegments = segments.mid(0, 8);
    if (auto missing = keyvault::missingSubscriptionOrGroup(m_store, vaultSegments))
        return *missing;
    const QJsonObject vault = m_store.resource(QLatin1Char('/') + vaultSegments.join(QLatin1Char('/')));
    if (vault.isEmpty())
        return keyvault::resourceNotFoundAt(vaultSegments);
    const int size = int(segments.size());
    if (size == 10 && request.method == "PUT")
        return put(request, segments, vault);
    if (request.method != "GET")
        return methodNotAllowed(request);
    if (auto denied = keyvault::deniedRead(vault, QStringLiteral("Microsoft.KeyVault/vaults/keys/read")))
        return *denied;
    const QString vaultKey = canonicalId(vault.value(QLatin1String("id")).toString());
    if (size == 9) {
        const ArmStore::Page keys = m_store.list(kKeyType, vaultKey + QStringLiteral("/keys/"), 0, INT_MAX);
        return arrayPage(request, keys.items, m_options.pageSize, m_baseUrl);
    }
    const QString keyId = QLatin1Char('/') + segments.mid(0, 10).join(QLatin1Char('/'));
    const QJsonObject key = m_store.resource(keyId);
    if (key.isEmpty())
        return keyvault::resourceNotFoundAt(segments.mid(0, 10));
    if (size == 10)
        return okResponse(key);
    if (segments.at(10).compare(QLatin1String("versions"), Qt::CaseInsensitive) != 0)
        return keyvault::resourceNotFoundAt(segments);
    if (size == 11)
        return versions(request, keyId, key);
    return version(segments, key);
}

ApiResponse KeyApi::put(const ApiRequest &request, const QStringList &segments, const QJsonObject &vault) {
    const QString keyId = QLatin1Char('/') + segments.join(QLatin1Char('/'));
    if (m_store.isReadOnly(segments.at(1)))
        return authorizationFailed(QStringLiteral("Microsoft.KeyVault/vaults/keys/write"), keyId);
    static const QRegularExpression keyName(QStringLiteral("^[A-Za-z0-9-]{1,127}$"));
    if (!keyName.match(segments.at(9)).hasMatch())
        return badKey(QCoreApplication::translate("armsandbox",
                                                  "The key name '%1' is invalid: use 1-127 letters, "
                                                  "digits and hyphens.")
                          .arg(segments.at(9)));
    const QJsonObject existing = m_store.resource(keyId);
    if (!existing.isEmpty())
        return okResponse(existing); // create if not exist: the key stays as it is
    QJsonObject body;
    if (auto bad = parseJsonBody(request, &body))
        return *bad;
    const QJsonObject given = body.value(QLatin1String("properties")).toObject();
    if (auto bad = checkKeyShape(given, vault))
        return *bad;
    const QString version = keyvault::newHexId();
    QJsonObject key{{QStringLiteral("id"), keyId},
                    {QStringLiteral("name"), segments.at(9)},
                    {QStringLiteral("type"), QStringLiteral("Microsoft.KeyVault/vaults/keys")},
                    {QStringLiteral("location"), vault.value(QLatin1String("location"))},
                    {QStringLiteral("properties"), newKeyProperties(given, vault, segments.at(9), version)}};
    if (body.contains(QLatin1String("tags")))
        key.insert(QStringLiteral("tags"), body.value(QLatin1String("tags")));
    m_store.put(key);
    m_store.put(keyAsVersion(key, version));
    return okResponse(key);
}

ApiResponse KeyApi::versions(const ApiRequest &request, const QString &keyId, const QJsonObject &key) {
    QJsonArray all =
        m_store.list(kKeyVersionType, canonicalId(keyId) + QStringLiteral("/versions/"), 0, INT_MAX).items;
    const QString current = versionOf(key);
    bool listed = false;
    for (const auto &v : all)
        listed =
            listed ||
            v.toObject().value(QLatin1String("name")).toString().compare(current, Qt::CaseInsensitive) == 0;
    if (!listed && !current.isEmpty())
        all.append(keyAsVersion(key, current));
    return arrayPage(request, all, m_options.pageSize, m_baseUrl);
}

ApiResponse KeyApi::version(const QStringList &segments, const QJsonObject &key) {
    const QString vaultId = QLatin1Char('/') + segments.mid(0, 8).join(QLatin1Char('/'));
    const QJsonObject found = keyVersionFor(m_store, vaultId, segments.at(9), segments.at(11));
    if (found.isEmpty())
        return keyvault::resourceNotFoundAt(segments);
    if (found.value(QLatin1String("type"))
            .toString()
            .endsWith(QLatin1String("/versions"), Qt::CaseInsensitive))
        return okResponse(found);
    return okResponse(keyAsVersion(key, segments.at(11)));
}

QJsonObject keyVersionFor(const ArmStore &store, const QString &vaultId, const QString &keyName,
                          const QString &version) {
    const QString keyId = vaultId + QStringLiteral("/keys/") + keyName;
    const QJsonObject stored = store.resource(keyId + QStringLiteral("/versions/") + version);
    if (!stored.isEmpty())
        return stored;
    const QJsonObject key = store.resource(keyId);
    if (!key.isEmpty() && versionOf(key).compare(version, Qt::CaseInsensitive) == 0)
        return key;
    return {};
}

void resolveRelativeKeyDates(ArmStore &store) {
    for (const QString &type : {kKeyType, kKeyVersionType}) {
        for (const auto &value : store.list(type, QString(), 0, INT_MAX).items) {
            QJsonObject key = value.toObject();
            QJsonObject properties = key.value(QLatin1String("properties")).toObject();
            QJsonObject attributes = properties.value(QLatin1String("attributes")).toObject();
            bool changed = false;
            for (const char *field : {"exp", "nbf", "created", "updated"}) {
                qint64 seconds = 0;
                if (parseRelativeDate(attributes.value(QLatin1String(field)), &seconds)) {
                    attributes.insert(QLatin1String(field), seconds);
                    changed = true;
                }
            }
            if (!changed)
                continue;
            properties.insert(QStringLiteral("attributes"), attributes);
            key.insert(QStringLiteral("properties"), properties);
            store.put(key);
        }
    }
}

} // namespace armsandbox
