// Replays what the fuzzer once found (tests/fuzz/regressions/) through the collector's intake:
// every input must be answered (stored or refused with a reason), never crash.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "intake/batch_reader.h"
#include "intake/frame_decoder.h"

namespace fs = std::filesystem;

TEST_CASE("inputs the fuzzer found are answered, not crashed on") {
  const fs::path dir = fs::path(FRICTION_SOURCE_DIR) / "tests/fuzz/regressions";
  REQUIRE(fs::is_directory(dir));
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".md") continue;
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string body((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().filename().string());
    std::string json, error;
    friction::FrameProblem problem;
    friction::ReceivedBatch batch;
    const bool decoded = friction::decompressFrame(body, 256 * 1024, json, error, problem);
    CHECK((decoded ? readBatchJson(json, batch, error) || !error.empty() : !error.empty()));
  }
}
