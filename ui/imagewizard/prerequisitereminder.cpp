#include "imagewizard/prerequisitereminder.h"

#include "common/summaryhtml.h"
#include "prerequisites/prerequisites.h"

using cmk::PrerequisiteChecker;
using Item = cmk::PrerequisiteChecker::Item;
using State = cmk::PrerequisiteChecker::State;

namespace cmkui {

bool PrerequisiteReminder::follows(const QString &subscriptionId) const {
    return m_checker && !subscriptionId.isEmpty() &&
           m_checker->subscriptionId().compare(subscriptionId, Qt::CaseInsensitive) == 0;
}

void PrerequisiteReminder::addTo(SummaryHtml &html, const QString &subscriptionId) const {
    if (!follows(subscriptionId))
        return;
    html.heading(tr("Prerequisites"));
    for (Item item : {Item::Feature, Item::Provider}) {
        const QString name = m_checker->itemDisplayName(item);
        const QString label =
            item == Item::Feature ? tr("Preview feature %1").arg(name) : tr("Resource provider %1").arg(name);
        const bool turnedOff = item == Item::Feature && !m_checker->options().featureRequired;
        html.row(label, turnedOff ? tr("Not checked: you said customer-managed keys for galleries are generally "
                                       "available in this subscription (Prerequisites page)")
                                  : PrerequisiteChecker::stateDisplayName(m_checker->state(item)));
    }
}

QStringList PrerequisiteReminder::blockingErrors(const QString &subscriptionId, bool customerKey) const {
    QStringList errors;
    if (!follows(subscriptionId))
        return errors;
    for (Item item : {Item::Feature, Item::Provider}) {
        if (item == Item::Feature && !customerKey)
            continue;
        const QString name = m_checker->itemDisplayName(item);
        switch (m_checker->state(item)) {
        case State::Registering:
            errors << tr("Azure is still registering %1 in subscription %2: Create waits until it reads "
                         "Registered (the Prerequisites page follows it).")
                          .arg(name, subscriptionId);
            break;
        case State::NotRegistered:
        case State::Unregistering:
            errors << tr("%1 is not registered in subscription %2: register it on the Prerequisites page "
                         "first, or Azure refuses the image version.")
                          .arg(name, subscriptionId);
            break;
        default:
            break;
        }
    }
    return errors;
}

bool PrerequisiteReminder::worthRevisiting(const QString &subscriptionId) const {
    return follows(subscriptionId) && (!m_checker->options().featureRequired || !m_checker->isReady());
}

} // namespace cmkui
