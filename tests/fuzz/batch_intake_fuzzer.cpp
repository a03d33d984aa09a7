// libFuzzer target: what the collector does with a body from the network, before storage:
// decompress one zstd frame under the size caps (with the dictionary its header names), then
// parse and validate the batch; and a hand-off request's JSON. Any crash, hang, leak or undefined behaviour is a bug: the
// collector must answer every body with a status. Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "intake/batch_reader.h"
#include "intake/frame_decoder.h"
#include "intake/handoff_reader.h"

namespace {
// The collector's caps (demo/collector/signal_intake.h), smaller so that runs stay fast.
constexpr size_t kMaxDecompressedBytes = 256 * 1024;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  std::string json, error;
  friction::FrameProblem problem;
  if (friction::decompressFrame(body, kMaxDecompressedBytes, json, error, problem)) {
    friction::ReceivedBatch batch;
    friction::readBatchJson(json, batch, error);
  }
  // The JSON readers alone, on raw bytes: most mutations never get past the frame check. A
  // hand-off request (POST /v1/handoff) is plain JSON.
  friction::ReceivedBatch batch;
  friction::readBatchJson(body, batch, error);
  friction::ReceivedHandoff handoff;
  friction::readHandoffJson(body, handoff, error);
  return 0;
}
