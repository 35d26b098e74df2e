#pragma once

// The logic of each fuzz target, as plain functions: the libFuzzer executables in this folder call them with
// the fuzzer's bytes, and tests/tst_fuzz_regressions.cpp calls them with every corpus and regression file, so
// a crash the fuzzer found stays covered by the regular (gcc, ctest) suite.
//
// Each function feeds untrusted bytes to the real parser, then uses what it produced the way the app does
// (display strings, ids, round trips, validation). It returns normally whatever the input; anything else
// (crash, sanitizer report, hang, exception escaping) is a bug in models/. Header-only so the test can
// include it without the fuzz build.

#include "arm/armclient.h"
#include "arm/armerror.h"
#include "arm/resources.h"
#include "imageversion/azimport.h"
#include "imageversion/imageversiondraft.h"
#include "imageversion/imageversionvalidation.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <tuple>

namespace cmkfuzz {

/// A failed invariant: abort so libFuzzer keeps the input and the Qt test sees a crash.
inline void check(bool condition) {
    if (!condition)
        std::abort();
}

inline void touchResourceId(const QString &id) {
    const cmk::ResourceId parsed = cmk::ResourceId::parse(id);
    if (parsed.valid) {
        check(parsed.types.size() == parsed.names.size());
        std::ignore = parsed.fullType();
        std::ignore = parsed.name();
    }
    std::ignore = cmk::sameResourceId(id, id);
    // An id from a response must either be refused or give a path that stays on ARM's API.
    const cmk::ArmPathBuilder built = cmk::ArmPathBuilder::fromResourceId(id);
    if (built.ok()) {
        const QString path = built.path();
        check(path.startsWith(QLatin1Char('/')));
        check(!path.contains(QLatin1Char('?')) && !path.contains(QLatin1Char('#')));
    }
}

namespace detail {

template <typename T> void useResource(const T &) {}
inline void useResource(const cmk::GalleryImage &v) {
    std::ignore = v.securityType();
}
inline void useResource(const cmk::DiskEncryptionSet &v) {
    std::ignore = v.resourceGroup();
    std::ignore = v.subscriptionId();
}
inline void useResource(const cmk::TargetRegion &v) {
    std::ignore = cmk::normalizeRegion(v.name);
}

template <typename T> void idOf(const T &v) {
    if constexpr (std::is_same_v<decltype(v.id), QString>)
        touchResourceId(v.id);
}

/// What the app does with a response: parse, use, and (for PUT bodies and exports) write it back. Writing
/// what was read and reading it again must give the same JSON.
template <typename T> void parseAs(const nlohmann::json &json) {
    T value;
    if (cmk::parseResource(json, value))
        return; // refused with a MalformedResponse error: fine
    useResource(value);
    if constexpr (!std::is_same_v<T, cmk::GalleryImageFeature> &&
                  !std::is_same_v<T, cmk::DiskImageEncryption> &&
                  !std::is_same_v<T, cmk::DataDiskImageEncryption> &&
                  !std::is_same_v<T, cmk::EncryptionImages> && !std::is_same_v<T, cmk::TargetRegion> &&
                  !std::is_same_v<T, cmk::GalleryDiskImage> &&
                  !std::is_same_v<T, cmk::GalleryImageVersionStorageProfile> &&
                  !std::is_same_v<T, cmk::RegionalReplicationStatus>)
        idOf(value);
    const nlohmann::json written = value;
    T again;
    check(!cmk::parseResource(written, again));
    const nlohmann::json rewritten = again;
    check(written == rewritten);
    std::ignore = written.dump();
}

template <typename T> void parseListOf(const nlohmann::json &page) {
    // A list page: {"value":[...], "nextLink":...}; the pager hands "value" to parseResources().
    if (!page.is_object())
        return;
    const auto value = page.find("value");
    if (value == page.end() || !value->is_array())
        return;
    std::vector<T> items;
    if (cmk::parseResources(*value, items))
        return;
    for (const T &item : items)
        useResource(item);
}

template <typename T> void parseBoth(const nlohmann::json &json, bool asList) {
    if (asList)
        parseListOf<T>(json);
    else
        parseAs<T>(json);
}

} // namespace detail

/// Number of resource types the first byte of fuzzResource() input chooses from.
inline constexpr int resourceTypeCount = 21;

/// (a) An ARM response body parsed into one of the typed resources of models/resources.h. Byte 0 picks the
/// type (modulo resourceTypeCount) and whether the body is a list page; the rest is the body.
inline int fuzzResource(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    const int selector = data[0];
    const bool asList = (selector / resourceTypeCount) % 2 == 1;
    const nlohmann::json json = nlohmann::json::parse(data + 1, data + size, nullptr, false);
    if (json.is_discarded())
        return 0;
    using namespace cmk;
    using detail::parseBoth;
    switch (selector % resourceTypeCount) {
    case 0:
        parseBoth<Subscription>(json, asList);
        break;
    case 1:
        parseBoth<Tenant>(json, asList);
        break;
    case 2:
        parseBoth<Location>(json, asList);
        break;
    case 3:
        parseBoth<ResourceGroup>(json, asList);
        break;
    case 4:
        parseBoth<Gallery>(json, asList);
        break;
    case 5:
        parseBoth<GalleryImageFeature>(json, asList);
        break;
    case 6:
        parseBoth<GalleryImage>(json, asList);
        break;
    case 7:
        parseBoth<DiskImageEncryption>(json, asList);
        break;
    case 8:
        parseBoth<DataDiskImageEncryption>(json, asList);
        break;
    case 9:
        parseBoth<EncryptionImages>(json, asList);
        break;
    case 10:
        parseBoth<TargetRegion>(json, asList);
        break;
    case 11:
        parseBoth<GalleryDiskImage>(json, asList);
        break;
    case 12:
        parseBoth<GalleryImageVersionStorageProfile>(json, asList);
        break;
    case 13:
        parseBoth<RegionalReplicationStatus>(json, asList);
        break;
    case 14:
        parseBoth<GalleryImageVersion>(json, asList);
        break;
    case 15:
        parseBoth<DiskEncryptionSet>(json, asList);
        break;
    case 16:
        parseBoth<ManagedImage>(json, asList);
        break;
    case 17:
        parseBoth<Snapshot>(json, asList);
        break;
    case 18:
        parseBoth<VirtualMachine>(json, asList);
        break;
    case 19:
        parseBoth<FeatureRegistration>(json, asList);
        break;
    case 20:
        parseBoth<ProviderRegistration>(json, asList);
        break;
    }
    return 0;
}

/// (b) ARM's error parser. Bytes 0-1 are the HTTP status (big endian), the rest the body.
inline int fuzzArmError(const uint8_t *data, size_t size) {
    if (size < 2)
        return 0;
    const int status = (int(data[0]) << 8) | data[1];
    const QByteArray body(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const cmk::ArmError error =
        cmk::ArmError::fromHttpResponse(status, body, QStringLiteral("req"), QStringLiteral("corr"));
    check(error.kind == cmk::ArmError::Kind::Http);
    check(error.httpStatus == status);
    const QString shown = error.toDisplayString();
    check(!shown.isEmpty());
    // A hostile body must not make the one-line message unbounded (it goes into dialogs and logs).
    std::ignore = cmk::ArmError::explanationForCode(error.code);
    return 0;
}

inline void useDraft(const cmk::ImageVersionDraft &draft) {
    cmk::ImageVersionDraft copy = draft;
    copy.placeLocationFirst();
    copy.normalizeEncryption();
    std::ignore = copy.dataDiskLuns();
    for (const cmk::RegionDraft &region : copy.targetRegions) {
        std::ignore = copy.desFor(region, -1);
        for (int lun : copy.dataDiskLuns())
            std::ignore = copy.desFor(region, lun);
    }
    std::ignore = cmk::ImageVersionValidation::offlineErrors(copy, QDate(2026, 1, 1));
    touchResourceId(copy.sourceId);
    // What is saved must load back as the same draft (autosave/resume, create --draft).
    const nlohmann::json saved = copy.toJson();
    cmk::ImageVersionDraft loaded;
    QString why;
    check(cmk::ImageVersionDraft::fromJson(nlohmann::json::parse(saved.dump()), &loaded, &why));
    check(loaded == copy);
}

/// (c) A pasted `az sig image-version create` command (UTF-8 text).
inline int fuzzAzImport(const uint8_t *data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList words;
    QString why;
    std::ignore = cmk::AzCommandImporter::splitWords(text, &words, &why);
    cmk::AzImportOptions options;
    options.defaultSubscriptionId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    const cmk::AzImportResult result = cmk::AzCommandImporter::importCommand(text, options);
    if (result.ok)
        useDraft(result.draft);
    else
        check(!result.error.isEmpty());
    return 0;
}

/// (d) A draft file's bytes, as DraftStore::load() reads them (JSON, then ImageVersionDraft::fromJson()).
inline int fuzzDraft(const uint8_t *data, size_t size) {
    const nlohmann::json json = nlohmann::json::parse(data, data + size, nullptr, false);
    if (json.is_discarded())
        return 0;
    cmk::ImageVersionDraft draft;
    QString why;
    if (!cmk::ImageVersionDraft::fromJson(json, &draft, &why)) {
        check(!why.isEmpty());
        return 0;
    }
    useDraft(draft);
    return 0;
}

} // namespace cmkfuzz
