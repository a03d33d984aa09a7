#include <doctest/doctest.h>

#include "common/percent_decoding.h"

using namespace friction;

TEST_CASE("each %XX escape becomes its byte; anything else is kept as written") {
  CHECK(percentDecoded("alice%40example.com") == "alice@example.com");
  CHECK(percentDecoded("%2b%2B") == "++");
  CHECK(percentDecoded("plain") == "plain");
  CHECK(percentDecoded("%zz%4") == "%zz%4");
  CHECK(percentDecoded("100%") == "100%");
}
