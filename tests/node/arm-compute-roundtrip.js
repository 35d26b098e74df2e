// Drives armsandbox with Microsoft's own, unmodified @azure/arm-compute (pinned in package-lock.json), as a
// user of the current JavaScript SDK would: list the subscription's Disk Encryption Sets (DiskRP's newest
// api-version, paged by nextLink), create an image version encrypted with customer-managed keys (GalleryRP's
// newest api-version, a long-running PUT polled to the end) and read it back. Prints one JSON object.
//
// Usage: node arm-compute-roundtrip.js ENDPOINT SUBSCRIPTION VERSION_NAME SOURCE_ID DES_ID
//
// The SDK refuses bearer tokens over plain HTTP, and the sandbox (started with --auth none) needs none, so the
// client's own bearer-token policy is removed through its public pipeline API; nothing else is configured.
const { ComputeManagementClient } = require("@azure/arm-compute");

async function main() {
  const [endpoint, subscriptionId, versionName, sourceId, desId] = process.argv.slice(2);
  const credential = {
    getToken: async () => ({ token: "unused", expiresOnTimestamp: Date.now() + 3600 * 1000 }),
  };
  const client = new ComputeManagementClient(credential, subscriptionId, {
    endpoint,
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });

  const desNames = [];
  for await (const des of client.diskEncryptionSets.list()) desNames.push(des.name);

  const encryption = { osDiskImage: { diskEncryptionSetId: desId } };
  const poller = client.galleryImageVersions.createOrUpdate(
    "rg-images-prod",
    "galContosoProd",
    "ubuntu-22-04-gen2",
    versionName,
    {
      // The SDK's models are flat: it nests these under "properties" on the wire.
      location: "westeurope",
      publishingProfile: {
        targetRegions: [
          { name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Standard_LRS", encryption },
        ],
      },
      storageProfile: { source: { id: sourceId } },
    },
    { updateIntervalInMs: 10 },
  );
  const created = await poller;
  const readBack = await client.galleryImageVersions.get(
    "rg-images-prod",
    "galContosoProd",
    "ubuntu-22-04-gen2",
    versionName,
  );
  const region = readBack.publishingProfile?.targetRegions?.[0] ?? {};
  process.stdout.write(
    JSON.stringify({
      sdkVersion: require("@azure/arm-compute/package.json").version,
      desNames,
      createdState: created.provisioningState,
      readBackState: readBack.provisioningState,
      readBackDes: region.encryption?.osDiskImage?.diskEncryptionSetId,
    }),
  );
}

main().catch((error) => {
  process.stderr.write(`${error.code ?? ""} ${error.statusCode ?? ""} ${error.message}\n`);
  process.exit(1);
});
