#pragma once

// The Disk Encryption Sets an image version draft uses, for the health check before it is submitted
// (`cmkwizard create` refuses a draft whose sets have error findings; the wizard will do the same).

#include "imageversion/imageversiondraft.h"

#include <QStringList>

namespace cmk {

/// Every set the draft chooses (OS and data disks of every target region), each once, in region order; empty
/// with platform-managed keys.
QStringList chosenDiskEncryptionSets(const ImageVersionDraft &draft);

} // namespace cmk
