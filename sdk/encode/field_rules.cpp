#include "encode/field_rules.h"

#include "anonymise/identifier_segment.h"
#include "anonymise/pii_scrub.h"
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

namespace {

bool isNameSeparator(char c) { return c == ' ' || c == '-' || c == '_' || c == '.' || c == '/'; }

// Calls `word` with each run of the name between separators (':' stays in a word: ":id").
template <typename Word>
void forEachWord(std::string_view name, Word&& word) {
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || isNameSeparator(name[i])) {
      if (i > start) word(name.substr(start, i - start), start);
      start = i + 1;
    }
  }
}

// "plan-2", "step 3 of 4": a short number in a name is part of it; an id has more digits.
constexpr size_t kMinDigitsInIdentifierWord = 3;

// A leading ':' is the scrubber's (":email", ":id"); what follows it is judged like any word.
bool isIdentifierWord(std::string_view word) {
  if (word.front() == ':') word.remove_prefix(1);
  size_t digits = 0;
  for (char c : word) digits += (c >= '0' && c <= '9') ? 1 : 0;
  return digits >= kMinDigitsInIdentifierWord && looksLikeIdentifier(word);
}

}  // namespace

std::string cleanElementName(std::string_view name) {
  // Scrubbed first: an email loses its '@' to the charset below and would pass as words.
  std::string kept;
  for (char c : scrubPii(name))
    if (isElementNameChar(c)) kept += c;
  std::string out;
  size_t copied = 0;
  forEachWord(kept, [&](std::string_view word, size_t at) {
    out.append(kept, copied, at - copied);
    out += isIdentifierWord(word) ? std::string_view(":id") : word;
    copied = at + word.size();
  });
  out.append(kept, copied, std::string::npos);
  if (out.size() > kMaxElementNameChars) out.resize(kMaxElementNameChars);
  const size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  // The cut can leave a piece of a word: what the collector would refuse is not sent.
  return elementNameProblem(out) ? "" : out;
}

const char* elementNameProblem(std::string_view name) {
  if (name.empty() || name.size() > kMaxElementNameChars)
    return "must be 1..64 characters of [A-Za-z0-9 -_.:/]";
  static_assert(kMaxElementNameChars == 64, "the messages name it");
  for (char c : name)
    if (!isElementNameChar(c)) return "must be 1..64 characters of [A-Za-z0-9 -_.:/]";
  if (name.front() == ' ' || name.back() == ' ') return "must not start or end with a space";
  if (containsPii(name))
    return "must not contain personal data (an email, card, phone number or IBAN)";
  bool identifier = false;
  forEachWord(name, [&](std::string_view word, size_t) {
    identifier = identifier || isIdentifierWord(word);
  });
  if (identifier) return "must not contain an identifier-like word (an id, a token)";
  return nullptr;
}

}  // namespace friction::field_rules
