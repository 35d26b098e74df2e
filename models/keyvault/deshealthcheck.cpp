#include "keyvault/deshealthcheck.h"

#include <QDateTime>
#include <algorithm>
#include <memory>

namespace cmk {

struct DiskEncryptionSetHealthCheck::Read {
    bool done = false;
    ArmError error;
    nlohmann::json body;
    std::vector<Done> waiting;
};

namespace {

QUrlQuery apiVersion(const char *version) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), QString::fromLatin1(version));
    return query;
}

ArmPathBuilder keyPath(const QString &vaultId, const QString &keyName) {
    ArmPathBuilder path = ArmPathBuilder::fromResourceId(vaultId);
    if (path.ok())
        path.literal(QStringLiteral("keys")).name(keyName);
    return path;
}

} // namespace

DiskEncryptionSetHealthCheck::DiskEncryptionSetHealthCheck(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

DiskEncryptionSetHealthCheck::~DiskEncryptionSetHealthCheck() {
    abort();
}

void DiskEncryptionSetHealthCheck::setMaxConcurrentSets(int count) {
    m_maxConcurrent = qMax(1, count);
}

void DiskEncryptionSetHealthCheck::addKnownSet(const nlohmann::json &set) {
    const auto id = set.is_object() ? set.find("id") : set.end();
    if (id != set.end() && id->is_string())
        m_knownSets.insert(QString::fromStdString(id->get<std::string>()).toLower(), set);
}

void DiskEncryptionSetHealthCheck::abort() {
    for (const QPointer<QObject> &object : std::as_const(m_inFlight)) {
        if (!object)
            continue;
        disconnect(object, nullptr, this, nullptr);
        if (auto *reply = qobject_cast<ArmReply *>(object.data()))
            reply->abort();
        else if (auto *pager = qobject_cast<ArmPager *>(object.data()))
            pager->abort();
        object->deleteLater();
    }
    m_inFlight.clear();
    m_reads.clear();
    ++m_generation; // answers queued for the previous run are dropped
}

void DiskEncryptionSetHealthCheck::start(const QStringList &desIds) {
    abort();
    m_ids.clear();
    for (const QString &id : desIds) {
        const bool seen = std::any_of(m_ids.begin(), m_ids.end(),
                                      [&id](const QString &s) { return sameResourceId(s, id); });
        if (!id.trimmed().isEmpty() && !seen)
            m_ids.append(id.trimmed());
    }
    const int count = int(m_ids.size());
    m_readings.assign(size_t(count), DesHealthReadings{});
    for (int i = 0; i < count; ++i)
        m_readings[size_t(i)].desId = m_ids.at(i);
    m_pending.assign(size_t(count), 0);
    m_results.assign(size_t(count), DesHealth{});
    m_next = m_active = 0;
    m_remaining = count;
    m_started = true;
    // Later, so that finished() never comes before start() returns.
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation != m_generation)
                return;
            if (m_remaining == 0)
                Q_EMIT finished();
            else
                startNext();
        },
        Qt::QueuedConnection);
}

const DesHealth *DiskEncryptionSetHealthCheck::result(const QString &desId) const {
    for (const DesHealth &health : m_results) {
        if (!health.id.isEmpty() && sameResourceId(health.id, desId))
            return &health;
    }
    return nullptr;
}

QStringList DiskEncryptionSetHealthCheck::errorLines() const {
    QStringList lines;
    for (const DesHealth &health : m_results)
        lines += health.errorLines();
    return lines;
}

void DiskEncryptionSetHealthCheck::startNext() {
    while (m_active < m_maxConcurrent && m_next < int(m_ids.size())) {
        const int index = m_next++;
        ++m_active;
        m_pending[size_t(index)] = 1; // held until readSet() has started its reads
        readSet(index);
        settle(index);
    }
}

void DiskEncryptionSetHealthCheck::readSet(int index) {
    DesHealthReadings &readings = m_readings[size_t(index)];
    const ArmPathBuilder path = ArmPathBuilder::fromResourceId(readings.desId);
    if (!path.ok() || !m_client) {
        readings.desError = path.ok() ? ArmError::make(ArmError::Kind::Aborted, QString()) : path.error();
        return;
    }
    ++m_pending[size_t(index)];
    const auto read = [this, index](const ArmError &error, const nlohmann::json &body) {
        DesHealthReadings &r = m_readings[size_t(index)];
        DiskEncryptionSetKeySettings settings;
        r.desError = error ? error : parseResource(body, settings);
        if (!r.desError)
            r.set = settings;
        if (r.set && keyVaultIsReadable(*r.set))
            readVaultAndKey(index);
        settle(index);
    };
    // startNext() holds the set's count until this returns, so answering at once settles nothing early.
    if (const auto known = m_knownSets.constFind(readings.desId.toLower()); known != m_knownSets.constEnd())
        read({}, *known);
    else
        fetch(path.path(), {}, false, read);
}

void DiskEncryptionSetHealthCheck::readVaultAndKey(int index) {
    DesHealthReadings &readings = m_readings[size_t(index)];
    const QString vaultId = readings.set->set.sourceVaultId;
    const KeyVaultKeyUrl url = KeyVaultKeyUrl::parse(readings.set->set.keyUrl);
    const ArmPathBuilder vault = ArmPathBuilder::fromResourceId(vaultId);
    const ArmPathBuilder key = keyPath(vaultId, url.keyName);
    if (!vault.ok() || !key.ok()) {
        readings.vaultError = vault.ok() ? key.error() : vault.error();
        return;
    }
    const QUrlQuery query = apiVersion(KeyVaultApiVersions::KeyVault);
    m_pending[size_t(index)] += url.version.isEmpty() ? 2 : 3;
    fetch(vault.path(), query, false, [this, index](const ArmError &error, const nlohmann::json &body) {
        DesHealthReadings &r = m_readings[size_t(index)];
        KeyVault parsed;
        r.vaultError = error ? error : parseResource(body, parsed);
        if (!r.vaultError)
            r.vault = parsed;
        if (r.vault && r.vault->usesRbac() && !r.set->principalIds().isEmpty())
            readRoles(index);
        settle(index);
    });
    const bool versionless = url.version.isEmpty();
    fetch(key.path(), query, false,
          [this, index, versionless](const ArmError &error, const nlohmann::json &body) {
              DesHealthReadings &r = m_readings[size_t(index)];
              KeyVaultKey parsed;
              const ArmError problem = error ? error : parseResource(body, parsed);
              if (!problem)
                  r.currentKey = parsed;
              if (versionless) {
                  r.keyError = problem;
                  r.keyVersion = r.currentKey;
              }
              settle(index);
          });
    if (versionless)
        return;
    ArmPathBuilder version = key;
    version.literal(QStringLiteral("versions")).name(url.version);
    fetch(version.path(), query, false, [this, index](const ArmError &error, const nlohmann::json &body) {
        DesHealthReadings &r = m_readings[size_t(index)];
        KeyVaultKey parsed;
        r.keyError = error ? error : parseResource(body, parsed);
        if (!r.keyError)
            r.keyVersion = parsed;
        settle(index);
    });
}

void DiskEncryptionSetHealthCheck::readRoles(int index) {
    DesHealthReadings &readings = m_readings[size_t(index)];
    readings.roleAssignments = std::vector<RoleAssignment>();
    for (const QString &principal : readings.set->principalIds()) {
        ArmPathBuilder path = ArmPathBuilder::fromResourceId(readings.vault->id);
        path.literal(QStringLiteral("providers"))
            .literal(QStringLiteral("Microsoft.Authorization"))
            .literal(QStringLiteral("roleAssignments"));
        QUrlQuery query = apiVersion(KeyVaultApiVersions::Authorization);
        query.addQueryItem(QStringLiteral("$filter"), QStringLiteral("principalId eq '%1'").arg(principal));
        ++m_pending[size_t(index)];
        fetch(path.path(), query, true, [this, index](const ArmError &error, const nlohmann::json &items) {
            DesHealthReadings &r = m_readings[size_t(index)];
            std::vector<RoleAssignment> assignments;
            const ArmError problem = error ? error : parseResources(items, assignments);
            if (problem && !r.roleError)
                r.roleError = problem;
            if (!problem && r.roleAssignments)
                r.roleAssignments->insert(r.roleAssignments->end(), assignments.begin(), assignments.end());
            settle(index);
        });
    }
}

void DiskEncryptionSetHealthCheck::settle(int index) {
    if (--m_pending[size_t(index)] > 0)
        return;
    m_results[size_t(index)] =
        evaluateDesHealth(m_readings[size_t(index)], QDateTime::currentSecsSinceEpoch());
    --m_active;
    --m_remaining;
    Q_EMIT setChecked(m_ids.at(index));
    if (m_remaining == 0) {
        m_inFlight.clear();
        m_reads.clear();
        Q_EMIT finished();
        return;
    }
    startNext();
}

void DiskEncryptionSetHealthCheck::fetch(const QString &path, const QUrlQuery &query, bool list, Done done) {
    const QString key = path + QLatin1Char('?') + query.toString(QUrl::FullyEncoded) +
                        (list ? QStringLiteral("#list") : QString());
    auto found = m_reads.constFind(key);
    if (found != m_reads.constEnd()) {
        const std::shared_ptr<Read> read = *found;
        if (!read->done)
            read->waiting.push_back(std::move(done));
        else // already read for another set: answer later, like a reply would
            QMetaObject::invokeMethod(
                this,
                [this, read, done, generation = m_generation] {
                    if (generation == m_generation)
                        done(read->error, read->body);
                },
                Qt::QueuedConnection);
        return;
    }
    auto read = std::make_shared<Read>();
    read->waiting.push_back(std::move(done));
    m_reads.insert(key, read);
    if (list) {
        ArmPager *pager = m_client->list(path, query);
        m_inFlight << pager;
        auto items = std::make_shared<nlohmann::json>(nlohmann::json::array());
        connect(pager, &ArmPager::pageReceived, this, [items](const nlohmann::json &page) {
            if (page.is_array())
                items->insert(items->end(), page.begin(), page.end());
        });
        connect(pager, &ArmPager::finished, this, [this, pager, key, items] {
            pager->deleteLater();
            deliver(key, pager->error(), *items);
        });
        return;
    }
    ArmReply *reply = m_client->get(path, query);
    m_inFlight << reply;
    connect(reply, &ArmReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        deliver(key, reply->error(), reply->json());
    });
}

void DiskEncryptionSetHealthCheck::deliver(const QString &key, const ArmError &error,
                                           const nlohmann::json &body) {
    const std::shared_ptr<Read> read = m_reads.value(key);
    if (!read)
        return;
    read->done = true;
    read->error = error;
    read->body = body;
    const std::vector<Done> waiting = std::move(read->waiting);
    read->waiting.clear();
    for (const Done &done : waiting)
        done(error, body);
}

} // namespace cmk
