#pragma once

// The fleet armsandbox generates with --generate-fleet (docs/sandbox.md, "Generated fleet"), as the fleet
// audit's tests and benchmark address it.

#include "armsandbox.h"

#include <QRegularExpression>
#include <QString>
#include <QUrl>

namespace fleettest {

/// The id of the fleet's subscription `index` (0-based); with two or more, the last one answers 403.
inline QString fleetSubscription(int index) {
    return QStringLiteral("f1ee%1-0000-4000-8000-%2")
        .arg(index, 4, 10, QLatin1Char('0'))
        .arg(index, 12, 10, QLatin1Char('0'));
}

/// Requests `sandbox` received with `method` whose path matches `pattern` (case-insensitive).
inline int requestsMatching(const armsandbox::Sandbox &sandbox, const QString &method, const QString &pattern) {
    const QRegularExpression path(pattern, QRegularExpression::CaseInsensitiveOption);
    int n = 0;
    for (const armsandbox::Exchange &e : sandbox.exchanges()) {
        const QUrl url(e.liveRequest.value(QLatin1String("url")).toString());
        n += e.liveRequest.value(QLatin1String("method")).toString() == method && path.match(url.path()).hasMatch();
    }
    return n;
}

} // namespace fleettest
