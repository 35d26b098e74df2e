Set-AzContext -Subscription '3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14' | Out-Null

$targetRegions = @(
    @{
        Name = 'westeurope'
        ReplicaCount = 1
        StorageAccountType = 'Standard_LRS'
        Encryption = @{
            OSDiskImage = @{ DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cmk'; CVMEncryptionType = 'EncryptedWithCmk'; CVMDiskEncryptionSetID = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cvm' }
            DataDiskImages = @(
                @{ Lun = 0; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cmk' }
                @{ Lun = 1; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-cmk' }
            )
        }
    }
    @{
        Name = 'francecentral'
        ReplicaCount = 1
        StorageAccountType = 'Standard_LRS'
        Encryption = @{
            OSDiskImage = @{ DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-frc-cmk'; CVMEncryptionType = 'NonPersistedTPM' }
            DataDiskImages = @(
                @{ Lun = 0; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-frc-cmk' }
                @{ Lun = 1; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-frc-cmk' }
            )
        }
    }
)

New-AzGalleryImageVersion `
    -ResourceGroupName 'rg-images-prod' `
    -GalleryName 'galContosoProd' `
    -GalleryImageDefinitionName 'ubuntu-22-04-cvm' `
    -Name '2.2.0' `
    -Location 'westeurope' `
    -SourceImageId '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/images/img-ubuntu2204-web' `
    -ReplicaCount 1 `
    -StorageAccountType 'Standard_LRS' `
    -TargetRegion $targetRegions
