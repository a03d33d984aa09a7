#include <doctest/doctest.h>

#include <string>

#include "anonymise/siphash.h"

using namespace friction;

// Reference vectors from the SipHash paper (key 00..0f, message 00..len-1).
TEST_CASE("SipHash-2-4 matches the published test vectors") {
  SipKey key{0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
  std::string message;
  CHECK(siphash24(key, message) == 0x726fdb47dd0e0e31ULL);
  for (int i = 0; i < 15; ++i) message.push_back(static_cast<char>(i));
  CHECK(siphash24(key, message) == 0xa129ca6149be45e5ULL);
}

TEST_CASE("keys: parsed from hex, or derived per site") {
  SipKey key{};
  CHECK(parseHexKey("000102030405060708090a0b0c0d0e0f", key));
  CHECK(key.k0 == 0x0001020304050607ULL);
  CHECK(key.k1 == 0x08090a0b0c0d0e0fULL);
  CHECK_FALSE(parseHexKey("xyz", key));
  CHECK_FALSE(parseHexKey("000102030405060708090a0b0c0d0e0g", key));
  const std::string selector = "#buy";
  CHECK(siphash24(siteKey("shop-a"), selector) != siphash24(siteKey("shop-b"), selector));
  CHECK(siphash24(siteKey("shop-a"), selector) == siphash24(siteKey("shop-a"), selector));
  CHECK(toHex(0xa129ca6149be45e5ULL) == "a129ca6149be45e5");
  CHECK(toHex(1) == "0000000000000001");
}
