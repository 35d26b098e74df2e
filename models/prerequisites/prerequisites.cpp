#include "prerequisites/prerequisites.h"

#include "arm/armclient.h"
#include "arm/armpaths.h"
#include "arm/resources.h"

#include <QLoggingCategory>
#include <algorithm>

// Quiet by default: headless commands print their own outcome. QT_LOGGING_RULES="cmk.prereq.debug=true" shows
// it.
Q_LOGGING_CATEGORY(lcPrereq, "cmk.prereq", QtWarningMsg)

namespace cmk {

namespace {

bool isForbidden(const ArmError &error) {
    return error.httpStatus == 403 ||
           error.code.compare(QLatin1String("AuthorizationFailed"), Qt::CaseInsensitive) == 0 ||
           error.code.compare(QLatin1String("LinkedAuthorizationFailed"), Qt::CaseInsensitive) == 0;
}

// A feature the subscription does not know: Microsoft retires preview flags once a capability is generally
// available, and the lookup then answers 404.
bool isUnknownFeature(const ArmError &error) {
    if (error.httpStatus != 404)
        return false;
    static const QStringList codes = {QStringLiteral("FeatureNotFound"), QStringLiteral("NotFound"),
                                      QStringLiteral("ResourceNotFound"), QString()};
    return std::any_of(codes.begin(), codes.end(), [&](const QString &code) {
        return error.code.compare(code, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

PrerequisiteChecker::PrerequisiteChecker(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {
    for (Item item : {Item::Feature, Item::Provider}) {
        Track &t = track(item);
        t.timer = new QTimer(this);
        t.timer->setSingleShot(true);
        connect(t.timer, &QTimer::timeout, this, [this, item] {
            ++track(item).polls;
            read(item, /*isPoll=*/true);
        });
    }
}

PrerequisiteChecker::~PrerequisiteChecker() {
    for (Item item : {Item::Feature, Item::Provider}) {
        if (ArmReply *reply = track(item).reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void PrerequisiteChecker::setOptions(const Options &options) {
    m_options = options;
}

void PrerequisiteChecker::setSubscriptionId(const QString &subscriptionId) {
    if (subscriptionId == m_subscriptionId)
        return;
    abort();
    m_subscriptionId = subscriptionId;
    for (Item item : {Item::Feature, Item::Provider})
        setState(item, State::Unknown, QString(), ArmError());
}

bool PrerequisiteChecker::isPolling(Item item) const {
    return track(item).polling;
}

bool PrerequisiteChecker::isBusy() const {
    return m_feature.reply || m_provider.reply || m_feature.polling || m_provider.polling;
}

bool PrerequisiteChecker::isReady() const {
    const bool featureOk = m_feature.state == State::Registered || m_feature.state == State::NotNeeded;
    return featureOk && m_provider.state == State::Registered;
}

QList<PrerequisiteChecker::Item> PrerequisiteChecker::itemsNeedingRegistration() const {
    QList<Item> items;
    for (Item item : {Item::Feature, Item::Provider}) {
        if (track(item).state == State::NotRegistered)
            items.append(item);
    }
    return items;
}

bool PrerequisiteChecker::isPermissionDenied(Item item) const {
    const Track &t = track(item);
    return t.error.isError() && isForbidden(t.error);
}

QString PrerequisiteChecker::itemKey(Item item) {
    return item == Item::Feature ? QStringLiteral("feature") : QStringLiteral("provider");
}

QString PrerequisiteChecker::itemDisplayName(Item item) const {
    if (item == Item::Feature)
        return m_options.featureNamespace + QLatin1Char('/') + m_options.featureName;
    return m_options.providerNamespace;
}

QString PrerequisiteChecker::stateDisplayName(State state) {
    switch (state) {
    case State::Unknown:
        return tr("Not checked");
    case State::Checking:
        return tr("Checking…");
    case State::NotRegistered:
        return tr("Not registered");
    case State::Registering:
        return tr("Registering");
    case State::Registered:
        return tr("Registered");
    case State::Unregistering:
        return tr("Unregistering");
    case State::NotNeeded:
        return tr("Not needed");
    case State::Error:
        return tr("Error");
    }
    return {};
}

bool PrerequisiteChecker::isPrerequisiteError(const ArmError &error) {
    // The codes ARM and the Compute provider answer with; "SIGEncryption" covers errors that name the feature
    // under another code (e.g. a failed operation's message).
    static const QStringList codes{QStringLiteral("FeatureNotRegistered"),
                                   QStringLiteral("MissingSubscriptionRegistration"),
                                   QStringLiteral("SubscriptionNotRegistered")};
    if (!error.isError())
        return false;
    for (const QString &code : codes) {
        if (error.code.compare(code, Qt::CaseInsensitive) == 0)
            return true;
    }
    return error.message.contains(QLatin1String("SIGEncryption"), Qt::CaseInsensitive);
}

QString PrerequisiteChecker::stateMeaning(Item item, State state) {
    const bool feature = item == Item::Feature;
    switch (state) {
    case State::Unknown:
        return tr("The state has not been read from Azure yet.");
    case State::Checking:
        return tr("Reading the current state from Azure…");
    case State::NotRegistered:
        return feature
                   ? tr("The preview feature is not registered for this subscription: Azure refuses image "
                        "versions encrypted with your own keys until it is.")
                   : tr("The Microsoft.Compute resource provider is not registered for this subscription: it "
                        "cannot use galleries, images or disk encryption sets until it is.");
    case State::Registering:
        return feature ? tr("Azure is registering the feature for this subscription. This can take up to 30 "
                            "minutes; you can go on with the wizard and come back to this step.")
                       : tr("Azure is registering the resource provider for this subscription. This usually "
                            "takes a few minutes.");
    case State::Registered:
        return feature
                   ? tr("The feature is registered: this subscription can create image versions encrypted "
                        "with your own keys.")
                   : tr("The resource provider is registered: this subscription can use galleries, images "
                        "and disk encryption sets.");
    case State::Unregistering:
        return feature
                   ? tr("The feature is being unregistered from this subscription. Wait until it is "
                        "unregistered, then register it again.")
                   : tr("The resource provider is being unregistered from this subscription. Wait until it "
                        "is unregistered, then register it again.");
    case State::NotNeeded:
        return tr(
            "This subscription does not know the preview feature, which means customer-managed keys for "
            "galleries are generally available here: nothing to register.");
    case State::Error:
        return tr("The state could not be determined.");
    }
    return {};
}

QString PrerequisiteChecker::permissionExplanation(Item item) {
    if (item == Item::Feature)
        return tr("Your account is not allowed to register features in this subscription. Registering a "
                  "preview feature needs the Contributor or Owner role on the subscription, or a custom role "
                  "with the Microsoft.Features/providers/features/register/action permission. Ask an "
                  "administrator of the subscription to register it or to give you such a role.");
    return tr(
        "Your account is not allowed to register resource providers in this subscription. Registering a "
        "resource provider needs a role with the */register/action permission on the subscription, such "
        "as Contributor or Owner. Ask an administrator of the subscription to register it or to give "
        "you such a role.");
}

PrerequisiteChecker::State PrerequisiteChecker::stateFromServer(Item item, const QString &serverState) {
    const QString s = serverState.trimmed().toLower();
    if (s == QLatin1String("registered"))
        return State::Registered;
    if (s == QLatin1String("registering") || s == QLatin1String("pending"))
        return State::Registering;
    if (s == QLatin1String("notregistered") || s == QLatin1String("unregistered"))
        return State::NotRegistered;
    if (s == QLatin1String("unregistering"))
        return State::Unregistering;
    if (item == Item::Feature && (s == QLatin1String("unknown") || s == QLatin1String("notspecified")))
        return State::NotNeeded;
    return State::Unknown;
}

QString PrerequisiteChecker::explanation(Item item) const {
    const Track &t = track(item);
    if (t.error.isError()) {
        if (isForbidden(t.error)) {
            const QString why =
                t.errorFromRegister
                    ? permissionExplanation(item)
                    : tr("Your account is not allowed to read the registration state in this subscription: "
                         "it needs at least the Reader role on the subscription.");
            return tr("%1 Azure answered: %2").arg(why, t.error.toDisplayString());
        }
        if (t.errorFromRegister)
            return tr("%1 could not be registered: %2").arg(itemDisplayName(item), t.error.toDisplayString());
        return tr("The state of %1 could not be read: %2")
            .arg(itemDisplayName(item), t.error.toDisplayString());
    }
    switch (t.state) {
    case State::NotNeeded:
        if (item == Item::Feature && !m_options.featureRequired)
            return tr("The feature check is turned off in the settings (customer-managed keys for galleries "
                      "are generally available), so the feature does not block.");
        return stateMeaning(item, t.state);
    case State::Unknown:
        if (!t.serverState.isEmpty())
            return tr("Azure reported the state “%1”, which cmkwizard does not know. Check again later.")
                .arg(t.serverState);
        return stateMeaning(item, t.state);
    case State::Registering:
        if (t.timedOut)
            return tr("%1 Azure has not finished yet: check again later.").arg(stateMeaning(item, t.state));
        return stateMeaning(item, t.state);
    default:
        return stateMeaning(item, t.state);
    }
}

QString PrerequisiteChecker::itemPath(Item item, bool registerAction, ArmError *error) const {
    if (m_subscriptionId.trimmed().isEmpty()) {
        *error = ArmError::make(ArmError::Kind::InvalidInput, tr("No subscription is selected."));
        return {};
    }
    ArmPathBuilder builder;
    if (item == Item::Feature)
        builder =
            registerAction
                ? featureRegisterPath(m_subscriptionId, m_options.featureNamespace, m_options.featureName)
                : featurePath(m_subscriptionId, m_options.featureNamespace, m_options.featureName);
    else
        builder = registerAction ? providerRegisterPath(m_subscriptionId, m_options.providerNamespace)
                                 : providerPath(m_subscriptionId, m_options.providerNamespace);
    if (!builder.ok()) {
        *error = builder.error();
        return {};
    }
    return builder.path();
}

void PrerequisiteChecker::refresh() {
    abort();
    m_pendingReads = 0;
    for (Item item : {Item::Feature, Item::Provider}) {
        Track &t = track(item);
        t.polls = 0;
        t.timedOut = false;
        t.errorFromRegister = false;
    }
    // Count both reads before sending either: a read can fail synchronously (invalid subscription id).
    QList<Item> reads;
    if (m_options.featureRequired)
        reads.append(Item::Feature);
    else
        setState(Item::Feature, State::NotNeeded, QString(), ArmError());
    reads.append(Item::Provider);
    m_pendingReads = int(reads.size());
    for (Item item : reads)
        track(item).refreshRead = true;
    for (Item item : reads)
        read(item, false);
}

void PrerequisiteChecker::read(Item item, bool isPoll) {
    Track &t = track(item);
    ArmError invalid;
    const QString path = itemPath(item, false, &invalid);
    if (path.isEmpty()) {
        setState(item, State::Error, QString(), invalid);
        finishRead(item);
        stopPolling(item, false);
        updateBusy();
        return;
    }
    if (!isPoll)
        setState(item, State::Checking, t.serverState, ArmError());
    qCDebug(lcPrereq) << "reading" << itemDisplayName(item) << (isPoll ? "(poll)" : "");
    ArmReply *reply = m_client->get(path);
    t.reply = reply;
    connect(reply, &ArmReply::finished, this,
            [this, item, reply, isPoll] { handleReply(item, reply, isPoll, false); });
    updateBusy();
}

void PrerequisiteChecker::registerItem(Item item) {
    abortItem(item);
    Track &t = track(item);
    t.polls = 0;
    t.timedOut = false;
    t.errorFromRegister = true;
    ArmError invalid;
    const QString path = itemPath(item, true, &invalid);
    if (path.isEmpty()) {
        setState(item, knownState(item), t.serverState, invalid);
        updateBusy();
        return;
    }
    qCInfo(lcPrereq) << "registering" << itemDisplayName(item);
    setState(item, State::Checking, t.serverState, ArmError());
    ArmReply *reply = m_client->post(path);
    t.reply = reply;
    connect(reply, &ArmReply::finished, this, [this, item, reply] { handleReply(item, reply, false, true); });
    updateBusy();
}

PrerequisiteChecker::State PrerequisiteChecker::knownState(Item item) const {
    const Track &t = track(item);
    return t.serverState.isEmpty() ? State::Unknown : stateFromServer(item, t.serverState);
}

void PrerequisiteChecker::registerMissing() {
    const QList<Item> items = itemsNeedingRegistration();
    for (Item item : items)
        registerItem(item);
}

void PrerequisiteChecker::handleReply(Item item, ArmReply *reply, bool isPoll, bool isRegister) {
    Track &t = track(item);
    reply->deleteLater();
    if (t.reply == reply)
        t.reply = nullptr;
    if (!isPoll && !isRegister)
        t.errorFromRegister = false;

    ArmError error = reply->error();
    QString serverState;
    State state = State::Unknown;
    if (!error.isError()) {
        if (reply->json().is_null()) {
            // register may answer 200 without a body: the next read tells the state.
            if (!isRegister)
                error = ArmError::make(ArmError::Kind::MalformedResponse, tr("The answer has no body."));
            else
                state = State::Registering;
        } else if (item == Item::Feature) {
            FeatureRegistration feature;
            error = parseResource(reply->json(), feature);
            serverState = feature.state;
        } else {
            ProviderRegistration provider;
            error = parseResource(reply->json(), provider);
            serverState = provider.registrationState;
        }
        if (!error.isError() && !serverState.isEmpty())
            state = stateFromServer(item, serverState);
    }

    if (error.isError()) {
        if (item == Item::Feature && isUnknownFeature(error)) {
            qCInfo(lcPrereq) << "feature unknown to the subscription, not needed:" << error.code;
            setState(item, State::NotNeeded, QString(), ArmError());
            stopPolling(item, true);
        } else {
            qCInfo(lcPrereq) << itemDisplayName(item) << "failed:" << error.code << error.httpStatus
                             << error.requestId;
            // A refused registration leaves the state as it was read: only a failed read makes it unknown.
            if (isRegister)
                setState(item, knownState(item), t.serverState, error);
            else
                setState(item, State::Error, QString(), error);
            stopPolling(item, false);
        }
    } else {
        setState(item, state, serverState, ArmError());
        if (state == State::Registered || state == State::NotNeeded) {
            stopPolling(item, true);
        } else if (isPoll && !isRegister) {
            scheduleNextPoll(item);
        } else if (isRegister || (state == State::Registering && m_options.pollWhileRegistering)) {
            startPolling(item);
        }
    }
    if (!isPoll && !isRegister)
        finishRead(item);
    updateBusy();
}

void PrerequisiteChecker::finishRead(Item item) {
    Track &t = track(item);
    if (!t.refreshRead)
        return;
    t.refreshRead = false;
    if (m_pendingReads > 0 && --m_pendingReads == 0)
        emit checkFinished();
}

void PrerequisiteChecker::setState(Item item, State state, const QString &serverState,
                                   const ArmError &error) {
    Track &t = track(item);
    const bool changed = t.state != state || t.serverState != serverState || t.error.code != error.code ||
                         t.error.kind != error.kind;
    t.state = state;
    t.serverState = serverState;
    t.error = error;
    if (changed)
        emit stateChanged(item, state);
}

void PrerequisiteChecker::startPolling(Item item) {
    Track &t = track(item);
    t.polling = true;
    t.polls = 0;
    t.timedOut = false;
    t.nextDelayMs = qMax(1, m_options.initialPollIntervalMs);
    t.pollingSince.start();
    scheduleNextPoll(item);
}

void PrerequisiteChecker::scheduleNextPoll(Item item) {
    Track &t = track(item);
    if (!t.polling)
        return;
    if (t.pollingSince.elapsed() >= m_options.maxPollDurationMs) {
        qCInfo(lcPrereq) << "stopped polling" << itemDisplayName(item) << "after" << t.polls << "polls";
        t.timedOut = true;
        emit stateChanged(item, t.state);
        stopPolling(item, false);
        return;
    }
    const int delay = qMin(t.nextDelayMs, qMax(1, m_options.maxPollIntervalMs));
    t.nextDelayMs = int(qMin<double>(double(delay) * qMax(1.0, m_options.backoffFactor),
                                     double(qMax(1, m_options.maxPollIntervalMs))));
    emit pollScheduled(item, t.polls + 1, delay);
    t.timer->start(delay);
}

void PrerequisiteChecker::stopPolling(Item item, bool registered) {
    Track &t = track(item);
    t.timer->stop();
    if (!t.polling)
        return;
    t.polling = false;
    emit pollingFinished(item, registered);
}

void PrerequisiteChecker::abortItem(Item item) {
    Track &t = track(item);
    if (ArmReply *reply = t.reply) {
        t.reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    if (t.state == State::Checking)
        setState(item, knownState(item), t.serverState, ArmError());
    stopPolling(item, false);
    if (t.refreshRead) {
        t.refreshRead = false;
        if (m_pendingReads > 0)
            --m_pendingReads;
    }
}

void PrerequisiteChecker::abort() {
    abortItem(Item::Feature);
    abortItem(Item::Provider);
    m_pendingReads = 0;
    updateBusy();
}

void PrerequisiteChecker::updateBusy() {
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace cmk
