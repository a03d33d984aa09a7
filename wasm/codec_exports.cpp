// The codec module's whole interface (friction-codec.wasm): plain C functions over one input
// buffer and one output, no Embind and no JS glue, so that what loads after consent is the codec
// alone. js/src/codec_loader.js is the other side.
//
//   ptr = codec_input(n)        room for a record of n bytes, filled by JS
//   ok  = codec_batch(n)        the batch record in the input -> json + frame
//   ok  = codec_journey(n)      the journey record in the input -> json
//   codec_json(), codec_json_size(), codec_frame(), codec_frame_size(): the last result
//   codec_warm_up(step)         steps 0, 1 and 2, each at an idle moment after the module loads
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "encode/batch_record.h"
#include "encode/codec.h"
#include "encode/signal_batch.h"

namespace {

std::vector<uint8_t> input;
friction::EncodedBatch output;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE uint8_t* codec_input(uint32_t size) {
  input.resize(size);
  return input.data();
}

EMSCRIPTEN_KEEPALIVE int codec_batch(uint32_t size) {
  auto encoded = friction::encodeBatchRecord(input.data(), std::min<size_t>(size, input.size()));
  output = encoded ? std::move(*encoded) : friction::EncodedBatch{};
  return encoded ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int codec_journey(uint32_t size) {
  output = {friction::encodeJourneyRecord(input.data(), std::min<size_t>(size, input.size())), {}};
  return output.json.empty() ? 0 : 1;
}

// The first batch encoded digests the dictionary (zstd's tables for it) and has the browser
// compile the code it runs (wasm functions are compiled when first called): tens of ms that would
// otherwise fall in the page's pagehide, where the last batch goes. So a sample batch goes the
// whole way once the page is idle, in steps of a few ms each: step 0 digests the dictionary,
// step 1 compresses a small JSON text (zstd's compressor), step 2 encodes a sample record of
// every part a batch has (record reading, the JSON, the field rules). The results are dropped;
// 1 says the sample went the whole way (a test holds it to that as the record form changes).
EMSCRIPTEN_KEEPALIVE int codec_warm_up(uint32_t step) {
  if (step == 0) return friction::digestBatchDictionary() ? 1 : 0;
  if (step == 1) {
    const auto frame = friction::compressBatch(
        R"({"v":3,"site":"warm-up","device":{"pointer":"mouse","width":"wide"},)"
        R"("signals":[{"kind":"rage_click","step":"/product/:id","role":"button"}]})");
    return frame.empty() ? 0 : 1;
  }
  friction::BatchContent sample;
  sample.header = {"warm-up", "0", 0, 0, std::string(32, '0'), "mouse", "wide"};
  sample.signals.push_back({friction::FrictionKind::rage_click, "/product/:id", "button", 1, 4, 10,
                            900, 0.5, true, "add-to-cart"});
  sample.visits.push_back({"/product/:id", friction::VisitTally::bit(friction::FrictionKind::rage_click),
                           false, ""});
  sample.help.push_back({"/product/:id", friction::FrictionKind::rage_click, friction::HelpEvent::offered});
  const auto record = friction::writeBatchRecord(sample);
  return friction::encodeBatchRecord(record.data(), record.size()) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* codec_json() { return output.json.data(); }
EMSCRIPTEN_KEEPALIVE uint32_t codec_json_size() { return output.json.size(); }
EMSCRIPTEN_KEEPALIVE const uint8_t* codec_frame() { return output.frame.data(); }
EMSCRIPTEN_KEEPALIVE uint32_t codec_frame_size() { return output.frame.size(); }

}  // extern "C"
