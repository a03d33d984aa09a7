// The zstd dictionary every batch is compressed with. Small batches are where a dictionary wins:
// the JSON keys, kind and role names and common page templates are in it, so a batch of a few
// signals costs little more than its own ids and numbers (`bench` prints the table).
//
// It is trained from batches the project makes itself (encode/signal_corpus.h) by
// encode/train_dictionary.cpp, with the settings below; the build trains it again and checks
// that it matches the committed file, byte for byte. Every dictionary ever shipped stays in
// sdk/encode/dictionaries/ and in the collector (encode/known_dictionaries.h), so batches from
// old SDKs still decode. Changing the corpus or the settings means a new id and a new file.
#pragma once
#include <cstdint>
#include <string_view>

namespace friction {

struct DictionaryTraining {
  uint32_t id;            // written into every frame's header
  uint64_t corpus_seed;
  int corpus_batches;
  size_t capacity;        // bytes: 4 KB beat 2 KB and 8 KB on held-out batches
  unsigned k, d;          // COVER segment and d-mer sizes (zstd's dictBuilder)
};

inline constexpr DictionaryTraining kCurrentDictionaryTraining{1, 1, 3000, 4096, 512, 8};

// The committed dictionary with id kCurrentDictionaryTraining.id, built into the SDK.
std::string_view currentDictionary();

}  // namespace friction
