#pragma once

// Subscription prerequisites of customer-managed-key image versions: the Microsoft.Compute/SIGEncryption
// feature and the Microsoft.Compute resource provider (a Disk Encryption Set in every target region is
// prerequisites/desreadiness.h). Shared by the wizard's Prerequisites step and `cmkwizard check-prereqs`.

#include "arm/armerror.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace cmk {

class ArmClient;
class ArmReply;

/// Reads, registers and watches the feature and the provider registration of one subscription.
/// Registration is asynchronous in Azure (it can take ~30 minutes): after a register request, or when a read
/// finds an item already Registering, the checker polls with exponential backoff until Registered, the
/// deadline, or abort(). Nothing is assumed between two calls of refresh(): every check reads the server
/// again.
class PrerequisiteChecker : public QObject {
    Q_OBJECT
public:
    enum class Item { Feature, Provider };
    Q_ENUM(Item)

    enum class State {
        Unknown,       ///< not read yet (or the subscription changed)
        Checking,      ///< a read is on its way
        NotRegistered, ///< NotRegistered or Unregistered
        Registering,   ///< Registering or Pending: Azure is working on it
        Registered,
        Unregistering,
        NotNeeded, ///< feature only: unknown to the subscription (GA) or not required by the settings
        Error,     ///< the state could not be read; error() tells why
    };
    Q_ENUM(State)

    struct Options {
        QString featureNamespace = QStringLiteral("Microsoft.Compute");
        QString featureName = QStringLiteral("SIGEncryption");
        QString providerNamespace = QStringLiteral("Microsoft.Compute");
        /// false: customer-managed keys for galleries are generally available where the user works, so the
        /// preview feature is not read at all and reported as NotNeeded.
        bool featureRequired = true;
        /// Keep polling an item that a read finds Registering (a registration somebody else started).
        bool pollWhileRegistering = true;
        int initialPollIntervalMs = 5000;
        int maxPollIntervalMs = 60000;
        double backoffFactor = 2.0;
        int maxPollDurationMs = 60 * 60 * 1000; ///< give up polling (state stays Registering) after this
    };

    explicit PrerequisiteChecker(ArmClient *client, QObject *parent = nullptr);
    ~PrerequisiteChecker() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    /// Changing the subscription aborts everything and forgets the states read so far.
    void setSubscriptionId(const QString &subscriptionId);
    QString subscriptionId() const { return m_subscriptionId; }

    State state(Item item) const { return track(item).state; }
    /// The state string exactly as the server sent it ("Registered", "registering"...), empty when none.
    QString serverState(Item item) const { return track(item).serverState; }
    /// Why the last read or register request of the item failed. A refused registration keeps the state
    /// that was read (e.g. NotRegistered) and sets this; a failed read sets State::Error too.
    const ArmError &error(Item item) const { return track(item).error; }
    bool hasError(Item item) const { return track(item).error.isError(); }
    /// How many GETs of this item were sent while polling since the last register/refresh.
    int pollCount(Item item) const { return track(item).polls; }
    bool isPolling(Item item) const;
    bool isPolling() const { return isPolling(Item::Feature) || isPolling(Item::Provider); }
    /// A read, register or poll is in flight or scheduled.
    bool isBusy() const;
    /// The polling deadline passed while the item was still Registering.
    bool pollTimedOut(Item item) const { return track(item).timedOut; }

    /// Feature Registered or NotNeeded, and provider Registered.
    bool isReady() const;
    /// Items that registerMissing() acts on: those read as NotRegistered.
    QList<Item> itemsNeedingRegistration() const;
    /// Some item failed with 403: the signed-in identity lacks a role; explanation() tells which.
    bool isPermissionDenied(Item item) const;

    /// Plain-language, translated text for the item's current situation (meaning of the state, or the error
    /// with, for a 403, the role that is missing).
    QString explanation(Item item) const;
    /// "Microsoft.Compute/SIGEncryption" or "Microsoft.Compute".
    QString itemDisplayName(Item item) const;

    static QString stateDisplayName(State state);
    /// Whether Azure refused a request because of a prerequisite of the subscription (the preview feature or
    /// the resource provider not registered), so the user can be sent to where it is registered.
    static bool isPrerequisiteError(const ArmError &error);
    /// What the state means for the user, e.g. "Azure is registering it; this can take up to 30 minutes."
    static QString stateMeaning(Item item, State state);
    /// Which role the caller needs to register the item.
    static QString permissionExplanation(Item item);
    /// Maps a server state string (case-insensitive) to State; unknown strings give Unknown.
    static State stateFromServer(Item item, const QString &serverState);
    static QString itemKey(Item item); ///< "feature" / "provider" (JSON output, object names)

public Q_SLOTS:
    /// Re-reads both items (aborting any poll); checkFinished() follows.
    void refresh();
    /// POSTs .../register for the item and polls until Registered.
    void registerItem(cmk::PrerequisiteChecker::Item item);
    /// Registers every item in itemsNeedingRegistration().
    void registerMissing();
    /// Stops reads and polls locally; a registration already accepted by Azure goes on there.
    void abort();

Q_SIGNALS:
    void stateChanged(cmk::PrerequisiteChecker::Item item, cmk::PrerequisiteChecker::State state);
    /// Both reads of refresh() answered (successfully or not).
    void checkFinished();
    /// A poll GET is scheduled: `attempt` is its number (1-based), `delayMs` the wait before it.
    void pollScheduled(cmk::PrerequisiteChecker::Item item, int attempt, int delayMs);
    /// Polling of the item ended: Registered (registered = true), an error, the deadline or abort().
    void pollingFinished(cmk::PrerequisiteChecker::Item item, bool registered);
    void busyChanged(bool busy);

private:
    struct Track {
        State state = State::Unknown;
        QString serverState;
        ArmError error;
        QPointer<ArmReply> reply;
        QTimer *timer = nullptr;
        QElapsedTimer pollingSince;
        int polls = 0;
        int nextDelayMs = 0;
        bool polling = false;
        bool timedOut = false;
        bool errorFromRegister = false; ///< the current error answered a register request
        bool refreshRead = false;       ///< a read of refresh() is outstanding
    };

    Track &track(Item item) { return item == Item::Feature ? m_feature : m_provider; }
    const Track &track(Item item) const { return item == Item::Feature ? m_feature : m_provider; }
    QString itemPath(Item item, bool registerAction, ArmError *error) const;
    void read(Item item, bool isPoll);
    void handleReply(Item item, ArmReply *reply, bool isPoll, bool isRegister);
    void finishRead(Item item);
    State knownState(Item item) const; ///< from the last state string the server sent
    void setState(Item item, State state, const QString &serverState, const ArmError &error);
    void startPolling(Item item);
    void scheduleNextPoll(Item item);
    void stopPolling(Item item, bool registered);
    void abortItem(Item item);
    void updateBusy();

    ArmClient *m_client;
    Options m_options;
    QString m_subscriptionId;
    Track m_feature;
    Track m_provider;
    int m_pendingReads = 0;
    bool m_busy = false;
};

} // namespace cmk
