resource gallery 'Microsoft.Compute/galleries@2025-12-03' existing = {
  name: 'galContosoProd'
}

resource imageDefinition 'Microsoft.Compute/galleries/images@2025-12-03' existing = {
  parent: gallery
  name: 'ubuntu-22-04-gen2'
}

resource imageVersion 'Microsoft.Compute/galleries/images/versions@2025-12-03' = {
  parent: imageDefinition
  name: '2.1.0'
  location: 'westeurope'
  properties: {
    publishingProfile: {
      excludeFromLatest: false
      replicaCount: 1
      storageAccountType: 'Standard_LRS'
      targetRegions: [
        {
          encryption: {
            dataDiskImages: [
              {
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-double'
                lun: 0
              }
              {
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-double'
                lun: 1
              }
            ]
            osDiskImage: {
              diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-double'
            }
          }
          name: 'westeurope'
          regionalReplicaCount: 1
          storageAccountType: 'Standard_LRS'
        }
        {
          encryption: {
            dataDiskImages: [
              {
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-eus2-double'
                lun: 0
              }
              {
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-eus2-double'
                lun: 1
              }
            ]
            osDiskImage: {
              diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-eus2-double'
            }
          }
          name: 'eastus2'
          regionalReplicaCount: 3
          storageAccountType: 'Premium_LRS'
        }
      ]
    }
    storageProfile: {
      dataDiskImages: [
        {
          lun: 0
          source: {
            id: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/snapshots/snap-ubuntu-data0'
          }
        }
        {
          lun: 1
          source: {
            id: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/snapshots/snap-ubuntu-data1'
          }
        }
      ]
      osDiskImage: {
        source: {
          id: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/snapshots/snap-ubuntu-os'
        }
      }
    }
  }
}
