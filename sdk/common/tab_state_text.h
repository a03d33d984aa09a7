// The text form of what the core keeps across the page loads of one tab (sessionStorage, through
// js/src/session_store.js): the quick-back state (detect/quick_back.h), the journey log
// (journey/journey_log.h) and the help trigger's memory (decide/help_trigger.h). Whole numbers
// go through to_chars/from_chars, not printf/strtod, so that the browser core carries neither.
// The text comes from storage the page could have touched: readers skip what does not parse.
#pragma once
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace friction::tab_state {

// Calls part(text) for each piece of `text` between separators (a trailing one ends the last).
template <typename Part>
void splitEach(std::string_view text, char separator, Part&& part) {
  while (!text.empty()) {
    const size_t end = std::min(text.find(separator), text.size());
    part(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
}

// Every whole number goes through long long, whatever its type: one conversion each way in the
// browser's wasm rather than one per type.
inline void appendWhole(std::string& out, long long value) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

// True only when all of `text` is one whole number that fits `value`.
template <typename Number>
bool parseWhole(std::string_view text, Number& value) {
  // Every value of Number fits a long long (not so for a 64-bit unsigned, which none uses).
  static_assert(std::is_integral_v<Number> &&
                (std::is_signed_v<Number> ? sizeof(Number) <= sizeof(long long)
                                          : sizeof(Number) < sizeof(long long)));
  long long whole = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), whole);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) return false;
  if (whole < static_cast<long long>(std::numeric_limits<Number>::min()) ||
      whole > static_cast<long long>(std::numeric_limits<Number>::max()))
    return false;
  value = static_cast<Number>(whole);
  return true;
}

// A step template as the core writes it: starts with '/', and of a sane length.
inline bool isStoredStep(std::string_view step) {
  return !step.empty() && step.front() == '/' && step.size() <= 256;
}

}  // namespace friction::tab_state
