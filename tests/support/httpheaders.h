#pragma once

// Header lookup for the tests' raw HTTP views (what a server received, what a client got back).

#include <QByteArray>
#include <QList>
#include <QPair>

namespace cmktest {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

/// The value of the header `name` (case-insensitive), empty when there is none.
inline QByteArray headerValue(const RawHeaders &headers, const QByteArray &name) {
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

} // namespace cmktest
