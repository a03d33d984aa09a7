#include <doctest/doctest.h>

#include <vector>

#include "capture/event_ring.h"
#include "kit/events.h"

using namespace friction;
using namespace friction::testing;

TEST_CASE("the ring hands over records in order, once") {
  EventRing ring(4);
  CHECK(ring.header()->record_size == 32);
  for (int i = 0; i < 3; ++i) CHECK(ring.push(clickOn(i, 0)));
  std::vector<double> seen;
  CHECK(ring.drain([&](const EventRecord& r) { seen.push_back(r.time_ms); }) == 3);
  CHECK(seen == std::vector<double>{0, 1, 2});
  CHECK(ring.drain([&](const EventRecord&) { FAIL("nothing left"); }) == 0);
}

TEST_CASE("the ring wraps around and refuses to overwrite unread records") {
  EventRing ring(4);
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4; ++i) CHECK(ring.push(clickOn(i, 0)));
    CHECK_FALSE(ring.push(EventRecord{}));
    CHECK(ring.drain([](const EventRecord&) {}) == 4);
  }
}

TEST_CASE("an overrun by the producer skips the overwritten records and counts them") {
  EventRing ring(4);
  // JS writes without asking; simulate it running 2 records past the reader.
  for (uint32_t i = 0; i < 6; ++i) {
    ring.records()[ring.header()->write & 3] = clickOn(i, 0);
    ++ring.header()->write;
  }
  std::vector<double> seen;
  ring.drain([&](const EventRecord& r) { seen.push_back(r.time_ms); });
  CHECK(seen == std::vector<double>{2, 3, 4, 5});
  CHECK(ring.overruns() == 2);
}

TEST_CASE("a capacity that is not a power of two falls back to the default") {
  EventRing ring(1000);
  CHECK(ring.capacity() == 1024);
}
