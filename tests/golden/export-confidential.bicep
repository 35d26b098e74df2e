resource gallery 'Microsoft.Compute/galleries@2025-12-03' existing = {
  name: 'galContosoProd'
}

resource imageDefinition 'Microsoft.Compute/galleries/images@2025-12-03' existing = {
  parent: gallery
  name: 'ubuntu-22-04-cvm'
}

resource imageVersion 'Microsoft.Compute/galleries/images/versions@2025-12-03' = {
  parent: imageDefinition
  name: '2.2.0'
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
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cmk'
                lun: 0
              }
              {
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cmk'
                lun: 1
              }
            ]
            osDiskImage: {
              diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cmk'
              securityProfile: {
                confidentialVMEncryptionType: 'EncryptedWithCmk'
                secureVMDiskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cvm'
              }
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
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-frc-cmk'
                lun: 0
              }
              {
                diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-frc-cmk'
                lun: 1
              }
            ]
            osDiskImage: {
              diskEncryptionSetId: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-frc-cmk'
              securityProfile: {
                confidentialVMEncryptionType: 'NonPersistedTPM'
              }
            }
          }
          name: 'francecentral'
          regionalReplicaCount: 1
          storageAccountType: 'Standard_LRS'
        }
      ]
    }
    storageProfile: {
      source: {
        id: '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/images/img-ubuntu2204-web'
      }
    }
  }
}
