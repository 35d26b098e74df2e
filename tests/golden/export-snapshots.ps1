Set-AzContext -Subscription '3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14' | Out-Null

$targetRegions = @(
    @{
        Name = 'westeurope'
        ReplicaCount = 1
        StorageAccountType = 'Standard_LRS'
        Encryption = @{
            OSDiskImage = @{ DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-double' }
            DataDiskImages = @(
                @{ Lun = 0; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-double' }
                @{ Lun = 1; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-weu-double' }
            )
        }
    }
    @{
        Name = 'eastus2'
        ReplicaCount = 3
        StorageAccountType = 'Premium_LRS'
        Encryption = @{
            OSDiskImage = @{ DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-eus2-double' }
            DataDiskImages = @(
                @{ Lun = 0; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-eus2-double' }
                @{ Lun = 1; DiskEncryptionSetId = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-keys-prod/providers/Microsoft.Compute/diskEncryptionSets/des-eus2-double' }
            )
        }
    }
)

New-AzGalleryImageVersion `
    -ResourceGroupName 'rg-images-prod' `
    -GalleryName 'galContosoProd' `
    -GalleryImageDefinitionName 'ubuntu-22-04-gen2' `
    -Name '2.1.0' `
    -Location 'westeurope' `
    -OSDiskImage @{ Source = @{ Id = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/snapshots/snap-ubuntu-os' } } `
    -DataDiskImage @(@{ Source = @{ Id = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/snapshots/snap-ubuntu-data0' }; Lun = 0 }, @{ Source = @{ Id = '/subscriptions/3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14/resourceGroups/rg-build/providers/Microsoft.Compute/snapshots/snap-ubuntu-data1' }; Lun = 1 }) `
    -ReplicaCount 1 `
    -StorageAccountType 'Standard_LRS' `
    -TargetRegion $targetRegions
