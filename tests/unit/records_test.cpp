// The records the detection core hands to the codec in the browser (encode/batch_record.h,
// encode/journey_record.h): what goes in comes out, and a short or damaged record is refused,
// never misread. The codec's output is the wire format, byte for byte.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "encode/batch_record.h"
#include "encode/codec.h"
#include "encode/journey_record.h"
#include "encode/signal_batch.h"

using namespace friction;

namespace {

BatchContent sampleBatch() {
  BatchContent batch;
  batch.header = {"shop", "0.1.0", 3, 1.0986, "00112233445566778899aabbccddeeff"};
  batch.signals.push_back(Signal{FrictionKind::rage_click, "/product/:id", "button",
                                 0xfedcba9876543210ull, 4, 10, 700, 0.62});
  batch.signals.push_back(Signal{FrictionKind::form_struggle, "/checkout", "textbox", 7, 300,
                                 3600, 123400, 1.0});
  batch.visits.push_back(VisitTally{"/product/:id", VisitTally::bit(FrictionKind::rage_click)});
  batch.visits.push_back(VisitTally{"/", 0});
  return batch;
}

}  // namespace

TEST_CASE("a batch record carries every field to the codec unchanged") {
  const BatchContent batch = sampleBatch();
  const auto record = writeBatchRecord(batch);
  const auto read = readBatchRecord(record.data(), record.size());
  REQUIRE(read);
  CHECK(encodeBatchJson(read->header, read->signals, read->visits) ==
        encodeBatchJson(batch.header, batch.signals, batch.visits));
  CHECK(read->signals[0].target_hash == 0xfedcba9876543210ull);
  CHECK(read->signals[1].span_ms == 123400);
  CHECK(read->header.dropped == 3);
}

TEST_CASE("the codec sends what encodeBatchJson writes, compressed with the current dictionary") {
  const BatchContent batch = sampleBatch();
  const auto record = writeBatchRecord(batch);
  const auto encoded = encodeBatchRecord(record.data(), record.size());
  REQUIRE(encoded);
  CHECK(encoded->json == encodeBatchJson(batch.header, batch.signals, batch.visits));
  CHECK(encoded->frame == compressBatch(encoded->json));
}

TEST_CASE("a batch record cut short anywhere, or with a byte too many, is refused") {
  const auto record = writeBatchRecord(sampleBatch());
  for (size_t size = 0; size < record.size(); ++size)
    CHECK_MESSAGE(!readBatchRecord(record.data(), size), "cut at ", size);
  auto longer = record;
  longer.push_back(0);
  CHECK(!readBatchRecord(longer.data(), longer.size()));
}

TEST_CASE("a batch record of another version, or naming an unknown kind, is refused") {
  auto record = writeBatchRecord(sampleBatch());
  auto other_version = record;
  other_version[1] = 99;
  CHECK(!readBatchRecord(other_version.data(), other_version.size()));

  BatchContent batch = sampleBatch();
  batch.signals.resize(1);
  batch.visits.clear();
  record = writeBatchRecord(batch);
  // The kind is the first byte after the header: tag, version, site, sdk, dropped, epsilon, id,
  // count of signals.
  const size_t kind_at = 2 + (1 + 4) + (1 + 5) + 1 + 8 + (1 + 32) + 1;
  REQUIRE(record[kind_at] == static_cast<uint8_t>(FrictionKind::rage_click));
  record[kind_at] = 200;
  CHECK(!readBatchRecord(record.data(), record.size()));
  CHECK(!encodeBatchRecord(record.data(), record.size()));
}

TEST_CASE("a count larger than the bytes left is damage, not an allocation") {
  // Tag, version, empty strings, dropped 0, epsilon 0, empty id, then 2^63 signals.
  std::vector<uint8_t> record = {'B', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 9; ++i) record.push_back(0xff);
  record.push_back(0x7f);
  CHECK(!readBatchRecord(record.data(), record.size()));
}

TEST_CASE("a journey record round-trips, and the codec writes the hand-off summary from it") {
  std::vector<JourneyStepSummary> steps(2);
  steps[0].step = "/";
  steps[0].seconds = 10;
  steps[1].step = "/product/:id";
  steps[1].seconds = 40;
  steps[1].met[static_cast<size_t>(FrictionKind::rage_click)] = 2;
  const auto record = writeJourneyRecord(steps);
  const std::string json = encodeJourneyRecord(record.data(), record.size());
  CHECK(nlohmann::json::parse(json) == nlohmann::json::parse(R"({"steps":[
    {"step":"/","seconds":10,"met":{}},
    {"step":"/product/:id","seconds":40,"met":{"rage_click":2}}]})"));
  for (size_t size = 0; size < record.size(); ++size)
    CHECK_MESSAGE(encodeJourneyRecord(record.data(), size).empty(), "cut at ", size);
}

TEST_CASE("a value out of its field's range is damage, not something to cut down") {
  BatchContent batch = sampleBatch();
  batch.visits.clear();
  batch.signals.resize(1);
  auto record = writeBatchRecord(batch);
  // The signal's count is the varint after kind, step and role: 4 (one byte). Make it 2^32.
  // (The header's device class, pointer and width, is two empty strings: a byte each.)
  const size_t count_at =
      2 + (1 + 4) + (1 + 5) + 1 + 8 + (1 + 32) + 1 + 1 + 1 + 1 + (1 + 12) + (1 + 6) + 10;
  REQUIRE(record[count_at] == 4);
  record.erase(record.begin() + count_at);
  const uint8_t two_to_32[] = {0x80, 0x80, 0x80, 0x80, 0x10};
  record.insert(record.begin() + count_at, std::begin(two_to_32), std::end(two_to_32));
  CHECK(!readBatchRecord(record.data(), record.size()));
  record[count_at + 4] = 0x0f;  // 15 x 2^28: within 32 bits, read
  CHECK(readBatchRecord(record.data(), record.size()));
}

TEST_CASE("a journey record's counts must fit their fields") {
  std::vector<JourneyStepSummary> steps(1);
  steps[0].step = "/";
  auto record = writeJourneyRecord(steps);
  // tag, version, count 1, step "/" (2 bytes), seconds 0, then ten counts of 0.
  const size_t first_count = 2 + 1 + 2 + 1;
  record.erase(record.begin() + first_count);
  const uint8_t too_many[] = {0x80, 0x80, 0x04};  // 65536
  record.insert(record.begin() + first_count, std::begin(too_many), std::end(too_many));
  CHECK(!readJourneyRecord(record.data(), record.size()));
}
