#include "keyvault/deshealthcache.h"

#include "keyvault/deshealthcheck.h"
#include "keyvault/keyvaultfixes.h"

#include <QDateTime>

namespace cmk {

DesHealthCache::DesHealthCache(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

DesHealthCache::~DesHealthCache() = default;

void DesHealthCache::check(const QStringList &desIds) {
    QStringList wanted;
    for (const QString &id : desIds) {
        const QString key = keyOf(id);
        if (key.isEmpty() || m_results.contains(key) || m_checking.contains(key))
            continue;
        m_checking.insert(key);
        wanted << id.trimmed();
    }
    if (wanted.isEmpty() || !m_client)
        return;
    // One run per request: a set chosen while others are being read does not wait for them.
    auto *check = new DiskEncryptionSetHealthCheck(m_client, this);
    m_checks << check;
    connect(check, &DiskEncryptionSetHealthCheck::setChecked, this, [this, check](const QString &desId) {
        const DesHealth *result = check->result(desId);
        const QString key = keyOf(desId);
        if (!result || !m_checking.remove(key))
            return; // forgotten by clear() or recheck() meanwhile
        m_results.insert(key, *result);
        Q_EMIT healthChanged(desId);
    });
    connect(check, &DiskEncryptionSetHealthCheck::finished, this, [this, check] {
        m_checks.removeAll(check);
        check->deleteLater();
    });
    check->start(wanted);
}

void DesHealthCache::recheck(const QString &desId) {
    const QString key = keyOf(desId);
    m_results.remove(key);
    // A run already reading it delivers a result read before the fix: ignore it, and read again.
    m_checking.remove(key);
    Q_EMIT healthChanged(desId);
    check({desId});
}

void DesHealthCache::clear() {
    for (const QPointer<DiskEncryptionSetHealthCheck> &check : std::as_const(m_checks)) {
        if (check) {
            check->abort();
            check->deleteLater();
        }
    }
    m_checks.clear();
    const QStringList forgotten = m_results.keys();
    m_results.clear();
    m_checking.clear();
    m_fixErrors.clear();
    for (const QString &key : forgotten)
        Q_EMIT healthChanged(key);
}

void DesHealthCache::retranslate() {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (auto it = m_results.begin(); it != m_results.end(); ++it)
        it.value() = evaluateDesHealth(it.value().readings, now);
    for (const QString &key : m_results.keys())
        Q_EMIT healthChanged(key);
}

const DesHealth *DesHealthCache::health(const QString &desId) const {
    const auto it = m_results.constFind(keyOf(desId));
    return it == m_results.constEnd() ? nullptr : &it.value();
}

bool DesHealthCache::isChecking(const QString &desId) const {
    return m_checking.contains(keyOf(desId));
}

bool DesHealthCache::isFixing(const QString &desId) const {
    return m_fixing.contains(keyOf(desId));
}

QString DesHealthCache::fixError(const QString &desId) const {
    return m_fixErrors.value(keyOf(desId));
}

void DesHealthCache::fix(const QString &desId, DesFixAction action) {
    const QString key = keyOf(desId);
    const DesHealth *current = health(desId);
    if (!current || m_fixing.contains(key) || !m_client)
        return;
    m_fixing.insert(key);
    m_fixErrors.remove(key);
    auto *runner = new DesFixRunner(m_client, this);
    connect(runner, &KeyVaultFix::finished, this, [this, runner, desId, key, action] {
        runner->deleteLater();
        m_fixing.remove(key);
        if (runner->error())
            m_fixErrors.insert(key, runner->error().toDisplayString());
        Q_EMIT fixFinished(desId, action);
        if (!runner->error())
            recheck(desId);
    });
    runner->start(*current, action);
}

} // namespace cmk
