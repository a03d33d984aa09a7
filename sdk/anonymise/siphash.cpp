#include "anonymise/siphash.h"

#include "common/hex_digit.h"

namespace friction {
namespace {

constexpr uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
  uint64_t v0, v1, v2, v3;

  void round() {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  }
  void absorb(uint64_t m) {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
};

uint64_t loadLittleEndian(const unsigned char* p, size_t n) {
  uint64_t word = 0;
  for (size_t i = 0; i < n; ++i) word |= uint64_t{p[i]} << (8 * i);
  return word;
}

}  // namespace

uint64_t siphash24(SipKey key, std::string_view message) {
  SipState s{key.k0 ^ 0x736f6d6570736575ULL, key.k1 ^ 0x646f72616e646f6dULL,
             key.k0 ^ 0x6c7967656e657261ULL, key.k1 ^ 0x7465646279746573ULL};
  const auto* bytes = reinterpret_cast<const unsigned char*>(message.data());
  const size_t full = message.size() / 8 * 8;
  for (size_t i = 0; i < full; i += 8) s.absorb(loadLittleEndian(bytes + i, 8));
  s.absorb(loadLittleEndian(bytes + full, message.size() - full) |
           (uint64_t{message.size() & 0xff} << 56));
  s.v2 ^= 0xff;
  for (int i = 0; i < 4; ++i) s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

SipKey siteKey(std::string_view site_id) {
  // A fixed public key only spreads the site id over 128 bits; secrecy comes from a
  // site-provided key.
  constexpr SipKey kDerivation{0x6672696374696f6eULL, 0x736974652d6b6579ULL};
  std::string input = "k0:";
  input += site_id;
  const uint64_t k0 = siphash24(kDerivation, input);
  input[1] = '1';
  return SipKey{k0, siphash24(kDerivation, input)};
}

bool parseHexKey(std::string_view hex, SipKey& key) {
  if (hex.size() != 32) return false;
  uint64_t words[2] = {0, 0};
  for (size_t i = 0; i < 32; ++i) {
    const int d = hexDigitValue(hex[i]);
    if (d < 0) return false;
    words[i / 16] = (words[i / 16] << 4) | static_cast<uint64_t>(d);
  }
  key = SipKey{words[0], words[1]};
  return true;
}

std::string toHex(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[i] = kDigits[value & 0xf];
  return out;
}

}  // namespace friction
