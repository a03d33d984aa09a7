#include "anonymise/identifier_segment.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "common/hex_digit.h"
#include "common/percent_decoding.h"

namespace friction {
namespace {

// Segments this long are tokens or slugs with ids far more often than route names.
constexpr size_t kMaxNameLength = 40;
// A run of this many digits inside a segment ("order-20931") marks an id; fewer ("iphone-15",
// "2024") are names or years often enough to keep.
constexpr size_t kMinDigitRunForId = 5;
// Letters and digits run together this long, with no word separator, are a token (base64, JWT,
// session keys), not a route name: names are words joined by '-', '_' or '.'.
constexpr size_t kMinTokenLength = 16;

bool isHex(char c) { return hexDigitValue(c) >= 0; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool looksLikeIdentifier(std::string_view raw) {
  if (raw.empty()) return false;
  const std::string decoded = percentDecoded(raw);
  const std::string_view s = decoded;
  if (s.size() > kMaxNameLength) return true;
  if (s.find('@') != std::string_view::npos) return true;  // an email address
  if (std::all_of(s.begin(), s.end(), isDigit)) return true;
  size_t digits = std::count_if(s.begin(), s.end(), isDigit);
  // Hex ids, hashes and UUIDs: 8+ hex characters (dashes allowed) with at least one digit.
  size_t hex = std::count_if(s.begin(), s.end(), isHex);
  size_t dashes = std::count(s.begin(), s.end(), '-');
  if (hex + dashes == s.size() && hex >= 8 && digits > 0) return true;
  const bool has_separator = s.find_first_of("-_.") != std::string_view::npos;
  const bool has_letter = std::any_of(s.begin(), s.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
  });
  if (s.size() >= kMinTokenLength && digits > 0 && has_letter && !has_separator) return true;
  size_t run = 0;
  for (char c : s) {
    run = isDigit(c) ? run + 1 : 0;
    if (run >= kMinDigitRunForId) return true;
  }
  return false;
}

}  // namespace friction
