#pragma once

// The health of the Disk Encryption Sets a window shows, kept per set id so that a set is checked once
// however often it is chosen again, and the app's fixes for them (DesFixRunner) followed by a new check of
// the set. The wizard's Encryption and Review + create pages share one.

#include "arm/armclient.h"
#include "keyvault/deshealth.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace cmk {

class DiskEncryptionSetHealthCheck;

class DesHealthCache : public QObject {
    Q_OBJECT
public:
    explicit DesHealthCache(ArmClient *client, QObject *parent = nullptr);
    ~DesHealthCache() override;

    /// Checks the sets neither known nor being checked; healthChanged() for each as its result arrives.
    void check(const QStringList &desIds);
    /// Forgets the result of `desId` and checks it again.
    void recheck(const QString &desId);
    /// Forgets every result (the user refreshed the lists, signed in again).
    void clear();
    /// Writes the findings again from what was read, in the current language (no request is sent).
    void retranslate();

    /// The result for `desId` (case-insensitive), nullptr while unknown or being checked.
    const DesHealth *health(const QString &desId) const;
    bool isChecking(const QString &desId) const;

    /// Runs the app's fix for a finding of a checked set; fixFinished() follows (also when it cannot start),
    /// and after a success the set is checked again.
    void fix(const QString &desId, DesFixAction action);
    bool isFixing(const QString &desId) const;
    /// How the last fix of `desId` failed (empty after a success or when none ran).
    QString fixError(const QString &desId) const;

Q_SIGNALS:
    void healthChanged(const QString &desId);
    void fixFinished(const QString &desId, cmk::DesFixAction action);

private:
    static QString keyOf(const QString &desId) { return desId.trimmed().toLower(); }

    QPointer<ArmClient> m_client;
    QHash<QString, DesHealth> m_results; ///< by lower-case id
    QSet<QString> m_checking;
    QSet<QString> m_fixing;
    QHash<QString, QString> m_fixErrors;
    QList<QPointer<DiskEncryptionSetHealthCheck>> m_checks;
};

} // namespace cmk
