// SipHash-2-4 (Aumasson & Bernstein, 2012): a keyed pseudo-random function. Used to turn
// developer-authored strings that may carry ids (CSS selectors) into stable, opaque tokens
// that the dashboard can group by but nobody can read back without the key.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace friction {

struct SipKey {
  uint64_t k0;
  uint64_t k1;
};

uint64_t siphash24(SipKey key, std::string_view message);

// The per-site key: a site may set its own (32 hex digits); otherwise it is derived from the
// site id, which still keeps raw selectors out of the collector but is guessable by design.
SipKey siteKey(std::string_view site_id);
bool parseHexKey(std::string_view hex32, SipKey& key);

// 16 lowercase hex digits.
std::string toHex(uint64_t value);

}  // namespace friction
