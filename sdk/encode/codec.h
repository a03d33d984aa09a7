// The codec: what turns the core's records into what leaves the browser. In the browser it is a
// module of its own (friction-codec.wasm, wasm/codec_exports.cpp), fetched only once the visitor's
// consent lets something be sent; the detection core (friction.wasm) holds neither JSON nor zstd.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace friction {

struct EncodedBatch {
  std::string json;            // for the visitor's data receipt
  std::vector<uint8_t> frame;  // what is sent: json, zstd with the current dictionary
};

// A batch record (encode/batch_record.h) as JSON and frame; nothing for a bad record.
std::optional<EncodedBatch> encodeBatchRecord(const uint8_t* record, size_t size);
// A journey record (encode/journey_record.h) as the hand-off's summary JSON; "" for a bad one.
std::string encodeJourneyRecord(const uint8_t* record, size_t size);

}  // namespace friction
