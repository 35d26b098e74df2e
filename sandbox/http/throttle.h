#pragma once

// ARM's request throttling (--throttle reads=N,writes=M[,refill=R]), grammar and rationale in
// docs/sandbox.md.
//
// ARM counts requests per subscription (tenant-level requests per tenant) and per kind: reads are GET and
// HEAD, writes are PUT, PATCH, DELETE and POST. Since 2024 it does so with a token bucket per subscription
// and kind (aka.ms/arm-throttling: a bucket of 250 reads refilled at 25 per second), not with the fixed
// hourly windows of before, so the sandbox does the same: a bucket of N (or M) tokens, refilled continuously
// at R tokens per second. Every ARM answer carries
// x-ms-ratelimit-remaining-{subscription|tenant}-{reads|writes}; a request that finds its bucket empty gets
// ARM's 429 with Retry-After (whole seconds until one token is back) and is not counted.

#include "arm/armapi.h"

#include <QHash>
#include <QString>
#include <functional>
#include <optional>

namespace armsandbox {

struct ThrottleSpec {
    int reads = 0;               ///< bucket size for reads; 0 with writes 0: throttling off
    int writes = 0;              ///< bucket size for writes
    double refillPerSecond = -1; ///< tokens per second into each bucket; < 0: a tenth of its size

    bool isOn() const { return reads > 0 || writes > 0; }
};

/// SPEC := "reads=" N "," "writes=" M ["," "refill=" R]; empty: off. The reason in `error` when invalid.
std::optional<ThrottleSpec> parseThrottleSpec(const QString &spec, QString *error);

class ArmThrottle {
public:
    /// `nowMs` is the sandbox's clock (the identity service's, which tests move on instead of waiting).
    explicit ArmThrottle(std::function<qint64()> nowMs)
        : m_nowMs(std::move(nowMs)) {}
    void setSpec(const ThrottleSpec &spec);
    bool isOn() const { return m_spec.isOn(); }

    /// Takes one token for `method` on ARM `path`: nothing when allowed (the quota headers are then in
    /// `headers`), ARM's 429 when the bucket is empty.
    std::optional<ApiResponse> admit(const QByteArray &method, const QString &path, HeaderList *headers);

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    double refillPerSecond(int size) const;

    ThrottleSpec m_spec;
    std::function<qint64()> m_nowMs;
    QHash<QString, Bucket> m_buckets; ///< by scope ("subscription/{id}" or "tenant") and kind
};

} // namespace armsandbox
