// Trains the batch dictionary (encode/dictionary.h) from the project's own sample batches.
// Usage: train_dictionary OUT_FILE
// Deterministic: COVER with fixed k and d, one thread, the corpus from a fixed seed.
#define ZDICT_STATIC_LINKING_ONLY  // the COVER trainer with explicit parameters
#include <zdict.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "dictionary/signal_corpus.h"
#include "encode/dictionary.h"
#include "encode/signal_batch.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: train_dictionary OUT_FILE\n");
    return 2;
  }
  const auto& training = friction::kCurrentDictionaryTraining;
  std::string samples;
  std::vector<size_t> sizes;
  for (const auto& batch : friction::sampleBatches(training.corpus_seed, training.corpus_batches)) {
    samples += batch;
    sizes.push_back(batch.size());
  }
  ZDICT_cover_params_t params{};
  params.k = training.k;
  params.d = training.d;
  params.nbThreads = 1;
  params.splitPoint = 1.0;  // train on every sample: no held-out split inside the trainer
  params.zParams.compressionLevel = friction::kBatchCompressionLevel;  // tables for that level
  params.zParams.dictID = training.id;
  std::vector<char> dictionary(training.capacity);
  const size_t size = ZDICT_trainFromBuffer_cover(dictionary.data(), dictionary.size(),
                                                  samples.data(), sizes.data(),
                                                  static_cast<unsigned>(sizes.size()), params);
  if (ZDICT_isError(size)) {
    std::fprintf(stderr, "train_dictionary: %s\n", ZDICT_getErrorName(size));
    return 1;
  }
  std::ofstream(argv[1], std::ios::binary).write(dictionary.data(), static_cast<std::streamsize>(size));
  std::printf("train_dictionary: %zu bytes, id %u, from %zu sample batches (%zu bytes)\n", size,
              training.id, sizes.size(), samples.size());
  return 0;
}
