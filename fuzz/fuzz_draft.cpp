// libFuzzer entry point; the logic is in fuzzentries.h so tst_fuzz_regressions can replay the corpus.
#include "fuzzentries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return cmkfuzz::fuzzDraft(data, size);
}
