#include <doctest/doctest.h>

#include "anonymise/identifier_segment.h"

using namespace friction;

TEST_CASE("ids, hashes, tokens and emails are identifiers; words are names") {
  CHECK(looksLikeIdentifier("8812"));
  CHECK(looksLikeIdentifier("order-20931"));
  CHECK(looksLikeIdentifier("3f2a9c1e"));
  CHECK(looksLikeIdentifier("eyJhbGciOiJIUzI1NiJ9"));
  CHECK(looksLikeIdentifier("alice@example.com"));
  CHECK_FALSE(looksLikeIdentifier(""));
  CHECK_FALSE(looksLikeIdentifier("checkout"));
  CHECK_FALSE(looksLikeIdentifier("iphone-15"));
  CHECK_FALSE(looksLikeIdentifier("deadbeef"));  // hex letters only: a word
}

TEST_CASE("a percent-encoded segment is judged as the URL means it") {
  CHECK(looksLikeIdentifier("alice%40example.com"));
  CHECK(looksLikeIdentifier("%31%32%33"));
}
