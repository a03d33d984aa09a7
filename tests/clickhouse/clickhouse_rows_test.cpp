// Rows in and out of one real server, exactly: strings with anything a step name or element name
// may hold, and 64-bit integers past what a double holds.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "shared_servers.h"

using friction::clickhouse::Json;
using friction::testing::clientIn;
using friction::testing::oneServer;

TEST_CASE("rows inserted in one JSONEachRow body read back exactly") {
  auto client = clientIn(oneServer(), "rows_test");
  auto made = client->execute(
      "CREATE TABLE exact (id UInt32, text String, signed_big Int64, unsigned_big UInt64) "
      "ENGINE = MergeTree ORDER BY id");
  REQUIRE_MESSAGE(made.ok(), made.error);

  const std::vector<Json> rows = {
      {{"id", 1}, {"text", "say \"hi\" and 'bye'"}, {"signed_big", 9007199254740993LL},
       {"unsigned_big", 18446744073709551615ULL}},
      {{"id", 2}, {"text", "back\\slash \\n not a newline, \\\\ two"},
       {"signed_big", std::numeric_limits<int64_t>::min()}, {"unsigned_big", 9007199254740993ULL}},
      {{"id", 3}, {"text", "line one\nline two\r\n\ttabbed\x01" "bell"},
       {"signed_big", std::numeric_limits<int64_t>::max()}, {"unsigned_big", 0}},
      {{"id", 4}, {"text", "Crème brûlée → 購物車 🛒"}, {"signed_big", -9007199254740993LL},
       {"unsigned_big", 1}},
      {{"id", 5}, {"text", ""}, {"signed_big", 0}, {"unsigned_big", 0}},
  };
  auto inserted = client->insert("exact", rows);
  REQUIRE_MESSAGE(inserted.ok(), inserted.error);

  auto read = client->query("SELECT id, text, signed_big, unsigned_big FROM exact ORDER BY id");
  REQUIRE_MESSAGE(read.ok(), read.error);
  REQUIRE(read.rows.size() == rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(read.rows[i]["id"].get<uint32_t>() == rows[i]["id"].get<uint32_t>());
    CHECK(read.rows[i]["text"].get<std::string>() == rows[i]["text"].get<std::string>());
    // Numbers, not strings: the 64-bit quoting of 18.16 is turned off.
    REQUIRE(read.rows[i]["signed_big"].is_number_integer());
    REQUIRE(read.rows[i]["unsigned_big"].is_number_integer());
    CHECK(read.rows[i]["signed_big"].get<int64_t>() == rows[i]["signed_big"].get<int64_t>());
    CHECK(read.rows[i]["unsigned_big"].get<uint64_t>() == rows[i]["unsigned_big"].get<uint64_t>());
  }

  // ClickHouse's own view of the strings: the bytes, not an escaped form of them.
  auto lengths = client->query("SELECT id, length(text) AS bytes FROM exact ORDER BY id");
  REQUIRE_MESSAGE(lengths.ok(), lengths.error);
  REQUIRE(lengths.rows.size() == rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    CHECK(lengths.rows[i]["bytes"].get<uint64_t>() == rows[i]["text"].get<std::string>().size());
  }
}

TEST_CASE("columns left out of a row are the zero of their type; an empty insert sends nothing") {
  // 18.16 has no input_format_defaults_for_omitted_fields: a DEFAULT expression is NOT applied
  // to a column a JSONEachRow row leaves out (current servers apply it). Only the type's zero is
  // the same on both, so rows carry every column whose default is not zero.
  auto client = clientIn(oneServer(), "rows_test");
  REQUIRE(client->execute("CREATE TABLE omitted (id UInt32, site String, count UInt64) "
                          "ENGINE = MergeTree ORDER BY id").ok());
  REQUIRE(client->insert("omitted", {{{"id", 1}}, {{"id", 2}, {"site", "shop"}, {"count", 3}}}).ok());
  CHECK(client->insert("omitted", {}).ok());
  auto read = client->query("SELECT id, site, count FROM omitted ORDER BY id");
  REQUIRE_MESSAGE(read.ok(), read.error);
  REQUIRE(read.rows.size() == 2);
  CHECK(read.rows[0]["site"] == "");
  CHECK(read.rows[0]["count"] == 0);
  CHECK(read.rows[1]["site"] == "shop");
  CHECK(read.rows[1]["count"] == 3);
  // A key the table does not have is refused (input_format_skip_unknown_fields is off).
  CHECK(client->insert("omitted", {{{"id", 3}, {"visitor", "x"}}}).outcome ==
        friction::clickhouse::Outcome::rejected);
}

TEST_CASE("a batch stored twice in a ReplacingMergeTree keyed by its id counts once with FINAL") {
  auto client = clientIn(oneServer(), "rows_test");
  auto made = client->execute(
      "CREATE TABLE signals (batch_id String, signal_index UInt16, kind String, "
      "received_ms Int64) ENGINE = ReplacingMergeTree ORDER BY (batch_id, signal_index)");
  REQUIRE_MESSAGE(made.ok(), made.error);

  auto batch = [](const std::string& id, int signals, int64_t received_ms) {
    std::vector<Json> rows;
    for (int i = 0; i < signals; ++i) {
      rows.push_back({{"batch_id", id}, {"signal_index", i}, {"kind", "rage_click"},
                      {"received_ms", received_ms}});
    }
    return rows;
  };
  REQUIRE(client->insert("signals", batch("b-1", 3, 1000)).ok());
  REQUIRE(client->insert("signals", batch("b-2", 2, 1001)).ok());
  // The SDK retries b-1 (its acknowledgement was lost): a second insert, later.
  REQUIRE(client->insert("signals", batch("b-1", 3, 2000)).ok());

  auto raw = client->query("SELECT count() AS n FROM signals");
  REQUIRE_MESSAGE(raw.ok(), raw.error);
  // Before a background merge both copies are there; after one, one is. Either way FINAL says 5.
  CHECK(raw.rows[0]["n"].get<uint64_t>() >= 5);
  auto once = client->query("SELECT count() AS n, uniqExact(batch_id) AS batches FROM signals FINAL");
  REQUIRE_MESSAGE(once.ok(), once.error);
  CHECK(once.rows[0]["n"] == 5);
  CHECK(once.rows[0]["batches"] == 2);
}
