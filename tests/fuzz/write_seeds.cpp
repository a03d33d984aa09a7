// Writes the fuzzer's starting corpus: real batches as the SDK frames them (with and without
// the dictionary, with signals, visits and ε), and their JSON. Usage: write_seeds DIR
#include <fstream>
#include <string>
#include <vector>

#include "encode/signal_batch.h"
#include "dictionary/signal_corpus.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::string dir = argv[1];
  int n = 0;
  auto write = [&](const std::string& bytes) {
    std::ofstream(dir + "/seed-" + std::to_string(n++), std::ios::binary) << bytes;
  };
  for (int signals : {0, 1, 3, 20}) {
    const std::string json = friction::sampleBatchJson(4200 + signals, signals);
    const auto with_dictionary = friction::compressBatch(json);
    const auto plain = friction::compressFrame(json);
    write(std::string(with_dictionary.begin(), with_dictionary.end()));
    write(std::string(plain.begin(), plain.end()));
    write(json);
  }
  return 0;
}
