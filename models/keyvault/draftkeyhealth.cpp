#include "keyvault/draftkeyhealth.h"

#include "arm/resources.h"

#include <algorithm>

namespace cmk {

QStringList chosenDiskEncryptionSets(const ImageVersionDraft &draft) {
    QStringList sets;
    if (!usesCustomerKey(draft.encryption))
        return sets;
    const auto add = [&sets](const QString &id) {
        const bool known =
            std::any_of(sets.begin(), sets.end(), [&id](const QString &s) { return sameResourceId(s, id); });
        if (!id.trimmed().isEmpty() && !known)
            sets.append(id);
    };
    for (const RegionDraft &region : draft.targetRegions) {
        add(draft.desFor(region, -1));
        for (int lun : draft.dataDiskLuns())
            add(draft.desFor(region, lun));
    }
    return sets;
}

} // namespace cmk
