#include "anonymise/selector_shape.h"

#include <algorithm>

#include "anonymise/identifier_segment.h"

namespace friction {
namespace {

// Names with 3+ digits are generated ids far more often than design names ("h2", "col-12").
constexpr long kMinDigitsForGeneratedName = 3;

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool looksGenerated(std::string_view name) {
  const long digits = std::count_if(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits >= kMinDigitsForGeneratedName || looksLikeIdentifier(name);
}

}  // namespace

std::string selectorShape(std::string_view selector) {
  std::string shape;
  shape.reserve(selector.size());
  size_t i = 0;
  while (i < selector.size()) {
    const char c = selector[i];
    if (!isNameChar(c)) {
      shape += c;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < selector.size() && isNameChar(selector[end])) ++end;
    const std::string_view name = selector.substr(i, end - i);
    const bool named = i > 0 && (selector[i - 1] == '#' || selector[i - 1] == '.');
    shape += named && looksGenerated(name) ? std::string_view("~") : name;
    i = end;
  }
  return shape;
}

}  // namespace friction
