// The comparison side of bench_audit (issue 18): what a user of Microsoft's current JavaScript SDK does to see
// every image version of some subscriptions: with the unmodified @azure/arm-compute (pinned in
// tests/node/package-lock.json), one subscription after another, galleries.list(), then for each gallery
// galleryImages.listByGallery(), then for each image definition galleryImageVersions.listByGalleryImage(),
// each call awaited before the next. A subscription that refuses (403) is skipped, as a script would.
// Prints one JSON object: the time from the first request to the last version, the versions seen, the
// subscriptions skipped.
//
// Usage: node sdk-walk-versions.js ENDPOINT SUBSCRIPTION [SUBSCRIPTION...]
//
// As in bench/sdk-list-des.js, the sandbox (--auth none) needs no token and the SDK refuses one over plain
// HTTP: the client's bearer-token policy is removed through its public pipeline API.
const path = require("path");
const modules = path.join(__dirname, "..", "tests", "node", "node_modules");
const { ComputeManagementClient } = require(path.join(modules, "@azure", "arm-compute"));

function resourceGroupOf(id) {
  return id.split("/")[4];
}

async function walk(client) {
  let versions = 0;
  for await (const gallery of client.galleries.list()) {
    const group = resourceGroupOf(gallery.id);
    for await (const image of client.galleryImages.listByGallery(group, gallery.name)) {
      for await (const version of client.galleryImageVersions.listByGalleryImage(group, gallery.name, image.name)) {
        if (version.id) ++versions;
      }
    }
  }
  return versions;
}

async function main() {
  const [endpoint, ...subscriptions] = process.argv.slice(2);
  const credential = {
    getToken: async () => ({ token: "unused", expiresOnTimestamp: Date.now() + 3600 * 1000 }),
  };
  const started = process.hrtime.bigint();
  let versions = 0;
  let skipped = 0;
  for (const subscriptionId of subscriptions) {
    const client = new ComputeManagementClient(credential, subscriptionId, { endpoint, allowInsecureConnection: true });
    client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
    try {
      versions += await walk(client);
    } catch (error) {
      if (error.statusCode !== 403) throw error;
      ++skipped;
    }
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    JSON.stringify({
      sdkVersion: require(path.join(modules, "@azure", "arm-compute", "package.json")).version,
      elapsedMs,
      versions,
      skipped,
    }) + "\n",
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
