// What the SDK sides of the benchmarks share (bench/sdk-list-des.js, bench/sdk-walk-versions.js): Microsoft's
// unmodified @azure/arm-compute from tests/node/node_modules (pinned in tests/node/package-lock.json), a client
// on the sandbox, and the way a script ends.
//
// As in tests/node/arm-compute-roundtrip.js, the SDK refuses bearer tokens over plain HTTP and the sandbox
// (--auth none) needs none: the client's bearer-token policy is removed through its public pipeline API.
const path = require("path");
const modules = path.join(__dirname, "..", "tests", "node", "node_modules");
const { ComputeManagementClient } = require(path.join(modules, "@azure", "arm-compute"));

function computeClient(endpoint, subscriptionId) {
  const credential = {
    getToken: async () => ({ token: "unused", expiresOnTimestamp: Date.now() + 3600 * 1000 }),
  };
  const client = new ComputeManagementClient(credential, subscriptionId, { endpoint, allowInsecureConnection: true });
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  return client;
}

// Runs `measure` (an async function returning the fields to print), timing it: prints one JSON object with the
// SDK's version and the elapsed milliseconds, or the error on stderr with exit status 1.
function runMeasured(measure) {
  const started = process.hrtime.bigint();
  measure()
    .then((fields) => {
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      const sdkVersion = require(path.join(modules, "@azure", "arm-compute", "package.json")).version;
      process.stdout.write(JSON.stringify({ sdkVersion, elapsedMs, ...fields }) + "\n");
    })
    .catch((error) => {
      process.stderr.write(`${error.stack || error}\n`);
      process.exit(1);
    });
}

module.exports = { computeClient, runMeasured };
