#include "identity.h"

// Minimal placeholder until the sign-in work (issue 4) lands: no identity endpoints, no valid tokens.

namespace armsandbox {

struct IdentityService::Private {
    QUrl baseUrl;
    int lifetime = 3600;
    QStringList tenants;
};

IdentityService::IdentityService() : d(new Private) {}
IdentityService::~IdentityService() { delete d; }
void IdentityService::setBaseUrl(const QUrl &baseUrl) { d->baseUrl = baseUrl; }
void IdentityService::setTokenLifetimeSeconds(int seconds) { d->lifetime = seconds; }
void IdentityService::setTenants(const QStringList &tenantIds) { d->tenants = tenantIds; }
std::optional<IdentityResponse> IdentityService::handle(const IdentityRequest &) { return std::nullopt; }
bool IdentityService::validateBearer(const QByteArray &, QString *why) const
{
    if (why)
        *why = QStringLiteral("no identity service in this build");
    return false;
}

} // namespace armsandbox
