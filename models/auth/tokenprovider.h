#pragma once

#include <QString>
#include <functional>

namespace cmk {

/// Source of bearer tokens for the ARM audience. The REST layer never stores or logs them.
class TokenProvider {
public:
    virtual ~TokenProvider() = default;
    /// Current token; empty means "send no Authorization header" (sandbox with --auth none).
    virtual QString accessToken() const = 0;
    /// Called once after a 401. The provider refreshes (silently if it can) and calls done(true) when a new
    /// token is available, done(false) when the user has to sign in again.
    virtual void refreshAfterUnauthorized(const std::function<void(bool ok)> &done) { done(false); }
};

/// A fixed token, e.g. from CMKWIZARD_ACCESS_TOKEN, or none at all.
class StaticTokenProvider : public TokenProvider {
public:
    explicit StaticTokenProvider(QString token = {})
        : m_token(std::move(token)) {}
    QString accessToken() const override { return m_token; }

private:
    QString m_token;
};

} // namespace cmk
