// The comparison side of bench_latency (issue 15): what a user of Microsoft's current JavaScript SDK does to
// fill the Encryption page's dropdowns of some regions: list every Disk Encryption Set of the subscription with
// the unmodified @azure/arm-compute (pinned in tests/node/package-lock.json; DiskRP's newest api-version, paged
// by nextLink one round trip after another) and keep those of the regions and encryption type asked for.
// Prints one JSON object: the time from the first request to the last set, the sets kept and listed.
//
// Usage: node sdk-list-des.js ENDPOINT SUBSCRIPTION ENCRYPTION_TYPE REGION [REGION...]
//
// As in tests/node/arm-compute-roundtrip.js, the SDK refuses bearer tokens over plain HTTP and the sandbox
// (--auth none) needs none: the client's bearer-token policy is removed through its public pipeline API.
const path = require("path");
const modules = path.join(__dirname, "..", "tests", "node", "node_modules");
const { ComputeManagementClient } = require(path.join(modules, "@azure", "arm-compute"));

function normalized(region) {
  return region.replace(/\s+/g, "").toLowerCase();
}

async function main() {
  const [endpoint, subscriptionId, encryptionType, ...regions] = process.argv.slice(2);
  const wanted = new Set(regions.map(normalized));
  const credential = {
    getToken: async () => ({ token: "unused", expiresOnTimestamp: Date.now() + 3600 * 1000 }),
  };
  const client = new ComputeManagementClient(credential, subscriptionId, {
    endpoint,
    allowInsecureConnection: true,
  });
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });

  const started = process.hrtime.bigint();
  let listed = 0;
  const kept = {};
  for await (const des of client.diskEncryptionSets.list()) {
    ++listed;
    const region = normalized(des.location || "");
    if (wanted.has(region) && des.encryptionType === encryptionType) kept[region] = (kept[region] || 0) + 1;
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    JSON.stringify({
      sdkVersion: require(path.join(modules, "@azure", "arm-compute", "package.json")).version,
      elapsedMs,
      listed,
      kept,
    }) + "\n",
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
