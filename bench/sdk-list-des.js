// The comparison side of bench_latency (issue 15): what a user of Microsoft's current JavaScript SDK does to
// fill the Encryption page's dropdowns of some regions: list every Disk Encryption Set of the subscription with
// the unmodified @azure/arm-compute (pinned in tests/node/package-lock.json; DiskRP's newest api-version, paged
// by nextLink one round trip after another) and keep those of the regions and encryption type asked for.
// Prints one JSON object: the time from the first request to the last set, the sets kept and listed.
//
// Usage: node sdk-list-des.js ENDPOINT SUBSCRIPTION ENCRYPTION_TYPE REGION [REGION...]
// (The client on the sandbox, the timing and the output: bench/sdk-common.js.)
const { computeClient, runMeasured } = require("./sdk-common");

function normalized(region) {
  return region.replace(/\s+/g, "").toLowerCase();
}

const [endpoint, subscriptionId, encryptionType, ...regions] = process.argv.slice(2);
const wanted = new Set(regions.map(normalized));
const client = computeClient(endpoint, subscriptionId);
runMeasured(async () => {
  let listed = 0;
  const kept = {};
  for await (const des of client.diskEncryptionSets.list()) {
    ++listed;
    const region = normalized(des.location || "");
    if (wanted.has(region) && des.encryptionType === encryptionType) kept[region] = (kept[region] || 0) + 1;
  }
  return { listed, kept };
});
