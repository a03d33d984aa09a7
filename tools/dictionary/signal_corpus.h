// Batches as SDKs send them, made up deterministically from a seed: the training set of the
// zstd dictionary (encode/dictionary.h) and, from another seed, the held-out batches the
// benchmark measures it on. Native only: the browser never needs it.
//
// What varies is what varies on real sites: how many signals a batch holds, which kinds (rage
// and dead clicks far more often than cursor thrash), which page templates (the usual shop and
// app routes), roles, targets (keyed hashes: random to the compressor), counts and times; and
// since dictionary 3, first marks, element names, the device class, the help flag and goal of
// tallies, and help events.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace friction {

// One batch's JSON with `signals` signals and a few visit tallies.
std::string sampleBatchJson(uint64_t seed, int signals);

// `count` batches of mixed sizes (mostly small: batches leave every few seconds).
std::vector<std::string> sampleBatches(uint64_t seed, int count);

}  // namespace friction
