#include "encode/field_rules.h"

#include "anonymise/identifier_segment.h"
#include "common/percent_decoding.h"

namespace friction::field_rules {
namespace {

// ":id", ":productId": a route parameter's name, which must not itself smuggle an id.
bool isParameterSegment(std::string_view segment) {
  if (segment.size() < 2 || segment.size() > 1 + kMaxParameterNameChars || segment.front() != ':')
    return false;
  const auto name = segment.substr(1);
  for (char c : name)
    if (!isParameterNameChar(c)) return false;
  return !looksLikeIdentifier(name);
}

// "%40" hides an '@' and "%31%32" digits: the decoded form is checked too.
bool isIdentifierSegment(std::string_view segment) {
  return looksLikeIdentifier(segment) || looksLikeIdentifier(percentDecoded(segment));
}

}  // namespace

const char* stepProblem(std::string_view step) {
  if (step.empty() || step.front() != '/') return "must start with '/'";
  if (step.size() > kMaxStepChars) return "must be at most 256 characters";
  static_assert(kMaxStepChars == 256, "the message above names it");
  for (char c : step) {
    if (c == '?' || c == '#') return "must not contain a query or fragment";
    if (!isStepChar(c)) return "must not contain whitespace or control characters";
  }
  size_t start = 1;
  while (start <= step.size()) {
    size_t end = step.find('/', start);
    if (end == std::string_view::npos) end = step.size();
    const auto segment = step.substr(start, end - start);
    if (!segment.empty() && segment.front() == ':') {
      if (!isParameterSegment(segment))
        return "parameter segments must be ':' and a name, e.g. ':id'";
    } else if (isIdentifierSegment(segment)) {
      return "must not contain an identifier-like segment (template it as ':id')";
    }
    start = end + 1;
  }
  return nullptr;
}

bool isCleanSegment(std::string_view segment) {
  if (segment.find('/') != std::string_view::npos) return false;
  for (char c : segment)
    if (!isStepChar(c)) return false;
  if (!segment.empty() && segment.front() == ':') return isParameterSegment(segment);
  return !isIdentifierSegment(segment);
}

std::string cleanRole(std::string_view role) {
  std::string out;
  for (char c : role) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (isRoleChar(c) && out.size() < kMaxRoleChars) out += c;
  }
  return out.empty() ? "unknown" : out;
}

}  // namespace friction::field_rules
