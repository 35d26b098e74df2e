// The comparison side of bench_audit (issue 18): what a user of Microsoft's current JavaScript SDK does to see
// every image version of some subscriptions: with the unmodified @azure/arm-compute (pinned in
// tests/node/package-lock.json), one subscription after another, galleries.list(), then for each gallery
// galleryImages.listByGallery(), then for each image definition galleryImageVersions.listByGalleryImage(),
// each call awaited before the next. A subscription that refuses (403) is skipped, as a script would.
// Prints one JSON object: the time from the first request to the last version, the versions seen, the
// subscriptions skipped.
//
// Usage: node sdk-walk-versions.js ENDPOINT SUBSCRIPTION [SUBSCRIPTION...]
// (The client on the sandbox, the timing and the output: bench/sdk-common.js.)
const { computeClient, runMeasured } = require("./sdk-common");

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

const [endpoint, ...subscriptions] = process.argv.slice(2);
runMeasured(async () => {
  let versions = 0;
  let skipped = 0;
  for (const subscriptionId of subscriptions) {
    try {
      versions += await walk(computeClient(endpoint, subscriptionId));
    } catch (error) {
      if (error.statusCode !== 403) throw error;
      ++skipped;
    }
  }
  return { versions, skipped };
});
