// Reads a token cache file written by cmkwizard with @azure/msal-node, as an MSAL-based tool would, and
// prints what MSAL found: the accounts and, per account, whether a refresh token for it is cached.
// Usage: node read-msal-cache.js <cachefile>
'use strict';

const fs = require('fs');
const { PublicClientApplication, LogLevel } = require('@azure/msal-node');

async function main() {
    const file = process.argv[2];
    if (!file) {
        console.error('usage: node read-msal-cache.js <cachefile>');
        process.exit(2);
    }
    const blob = fs.readFileSync(file, 'utf8');
    const appMetadata = Object.values(JSON.parse(blob).AppMetadata || {});
    if (appMetadata.length === 0) {
        console.error('the cache has no AppMetadata entry');
        process.exit(1);
    }
    const { client_id: clientId, environment } = appMetadata[0];
    // MSAL matches cache entries against the aliases of its authority: the cache's own environment.
    const pca = new PublicClientApplication({
        auth: { clientId, authority: `https://${environment}/organizations`, knownAuthorities: [environment] },
        system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback() {} } },
    });
    const tokenCache = pca.getTokenCache();
    tokenCache.deserialize(blob);

    const accounts = await tokenCache.getAllAccounts();
    // Serialize back through MSAL: what MSAL keeps is what it understood.
    const reserialized = JSON.parse(tokenCache.serialize());
    const refreshTokens = Object.values(reserialized.RefreshToken || {});
    const accessTokens = Object.values(reserialized.AccessToken || {});
    const result = {
        msalNodeVersion: require('@azure/msal-node/package.json').version,
        accounts: accounts.map((a) => ({
            homeAccountId: a.homeAccountId,
            environment: a.environment,
            tenantId: a.tenantId,
            username: a.username,
            name: a.name,
            localAccountId: a.localAccountId,
            hasRefreshToken: refreshTokens.some(
                (rt) => rt.home_account_id === a.homeAccountId && rt.environment === a.environment &&
                    rt.client_id === clientId && typeof rt.secret === 'string' && rt.secret.length > 0),
            accessTokenTargets: accessTokens
                .filter((at) => at.home_account_id === a.homeAccountId && at.client_id === clientId)
                .map((at) => at.target),
        })),
    };
    // Only identifiers go out: never a secret.
    console.log(JSON.stringify(result));
}

main().catch((e) => {
    console.error(`msal-node could not read the cache: ${e && e.message}`);
    process.exit(1);
});
