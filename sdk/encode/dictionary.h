// The zstd dictionary every batch is compressed with. Small batches are where a dictionary wins:
// the JSON keys, kind and role names and common page templates are in it, so a batch of a few
// signals costs little more than its own ids and numbers (`bench` prints the table).
//
// It is trained from batches the project makes itself (tools/dictionary/signal_corpus.h) by
// tools/dictionary/train_dictionary.cpp, with the settings below; the build trains it again and
// checks that it matches the committed file, byte for byte. Every dictionary ever shipped stays
// in sdk/encode/dictionaries/ and in the collector (intake/known_dictionaries.h), so batches from
// old SDKs still decode. Changing the corpus or the settings means a new id and a new file.
#pragma once
#include <cstdint>
#include <string_view>

namespace friction {

struct DictionaryTraining {
  uint32_t id;            // written into every frame's header
  uint64_t corpus_seed;
  int corpus_batches;
  size_t capacity;        // bytes
  unsigned k, d;          // COVER segment and d-mer sizes (zstd's dictBuilder)
};

// History: 1 was 4 KB trained for level 3, sent at level 15 (0.50 of gzip at 20 signals, but
// 0.95 ms a batch natively). 2 is 16 KB trained for level 6 and sent at level 6: 0.48 of gzip
// at 20 signals in 0.04 ms. The size of a bigger dictionary beat every level on held-out
// batches, and costs nothing per batch. 3 is 2's settings on a corpus with the fields of wire
// v2 (first marks, element names, device class, tallies' help flag and goal, help events).
inline constexpr DictionaryTraining kCurrentDictionaryTraining{3, 1, 3000, 16384, 1024, 8};

// The committed dictionary with id kCurrentDictionaryTraining.id, built into the SDK.
// (Defined in a file the build generates from sdk/encode/dictionaries/.)
std::string_view currentDictionary();

}  // namespace friction
