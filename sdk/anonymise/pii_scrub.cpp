#include "anonymise/pii_scrub.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "common/insertion_sort.h"

namespace friction {
namespace {

struct Match {
  size_t begin, end;  // [begin, end)
  const char* placeholder;
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAlnum(char c) { return isDigit(c) || isLetter(c); }
bool isEmailLocalChar(char c) {
  return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool isDomainChar(char c) { return isAlnum(c) || c == '.' || c == '-'; }
bool startsWord(std::string_view text, size_t i) { return i == 0 || !isAlnum(text[i - 1]); }

// The '@' at i, as itself or as "%40": its length, or 0.
size_t atSignLength(std::string_view text, size_t i) {
  if (text[i] == '@') return 1;
  if (text.substr(i, 3) == "%40") return 3;
  return 0;
}

void findEmails(std::string_view text, std::vector<Match>& found) {
  for (size_t i = 0; i < text.size(); ++i) {
    const size_t at = atSignLength(text, i);
    if (!at) continue;
    size_t begin = i;
    while (begin > 0 && isEmailLocalChar(text[begin - 1])) --begin;
    size_t end = i + at;
    while (end < text.size() && isDomainChar(text[end])) ++end;
    while (end > i + at && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    const std::string_view domain = text.substr(i + at, end - i - at);
    const size_t dot = domain.rfind('.');
    if (begin < i && dot != std::string_view::npos && dot > 0 && dot + 2 <= domain.size())
      found.push_back({begin, end, ":email"});
  }
}

bool passesLuhn(const std::string& digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 == 0;
}

// A run of digits in groups, from i: its end and its digits. Separators are single and sit
// between digits, except brackets around a group, as in "(555) 123-4567".
size_t digitRunEnd(std::string_view text, size_t i, std::string& digits, bool& plus) {
  plus = text[i] == '+';
  size_t j = plus ? i + 1 : i, end = i;
  bool in_bracket = false;
  while (j < text.size()) {
    const char c = text[j];
    if (isDigit(c)) {
      digits += c;
      end = ++j;
    } else if (c == '(' && !in_bracket && j + 1 < text.size() && isDigit(text[j + 1])) {
      in_bracket = true;
      ++j;
    } else if (c == ')' && in_bracket) {
      in_bracket = false;
      end = ++j;
    } else if ((c == ' ' || c == '-' || c == '.') && !digits.empty() && j + 1 < text.size() &&
               (isDigit(text[j + 1]) || text[j + 1] == '(')) {
      ++j;
    } else {
      break;
    }
  }
  return end;
}

void findCardsAndPhones(std::string_view text, std::vector<Match>& found) {
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (!(isDigit(c) || c == '+' || c == '(') || !startsWord(text, i)) {
      ++i;
      continue;
    }
    std::string digits;
    bool plus = false;
    const size_t end = digitRunEnd(text, i, digits, plus);
    const bool glued = end < text.size() && isLetter(text[end]);  // "v123456789abc": a token
    const size_t n = digits.size();
    if (!glued && !plus && n >= 13 && n <= 19 && passesLuhn(digits)) {
      found.push_back({i, end, ":card"});
    } else if (!glued && n <= 15 && (n >= 9 || (plus && n >= 8))) {
      found.push_back({i, end, ":phone"});
    }
    i = std::max(end, i + 1);
  }
}

// ISO 13616: move the first four characters to the end, letters become 10..35, mod 97 is 1.
bool passesIbanCheck(const std::string& iban) {
  const std::string moved = iban.substr(4) + iban.substr(0, 4);
  int remainder = 0;
  for (char c : moved) {
    const int value = isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    remainder = (value >= 10 ? remainder * 100 : remainder * 10) + value;
    remainder %= 97;
  }
  return remainder == 1;
}

void findIbans(std::string_view text, std::vector<Match>& found) {
  for (size_t i = 0; i + 15 <= text.size(); ++i) {
    if (!startsWord(text, i) || !isLetter(text[i]) || !isLetter(text[i + 1]) ||
        !isDigit(text[i + 2]) || !isDigit(text[i + 3]))
      continue;
    // Gather letters and digits, allowing single spaces between groups; remember where each
    // length ends so that a shorter prefix can be tried when the longest fails.
    std::string compact;
    std::vector<size_t> ends;
    for (size_t j = i; j < text.size() && compact.size() < 34; ++j) {
      if (isAlnum(text[j])) {
        compact += text[j];
        ends.push_back(j + 1);
      } else if (!(text[j] == ' ' && j + 1 < text.size() && isAlnum(text[j + 1]))) {
        break;
      }
    }
    for (size_t length = compact.size(); length >= 15; --length) {
      const size_t end = ends[length - 1];
      if ((end == text.size() || !isAlnum(text[end])) &&
          passesIbanCheck(compact.substr(0, length))) {
        found.push_back({i, end, ":iban"});
        i = end - 1;
        break;
      }
    }
  }
}

std::vector<Match> findAll(std::string_view text) {
  std::vector<Match> found;
  findIbans(text, found);
  findEmails(text, found);
  findCardsAndPhones(text, found);
  // Earlier and longer first; a match that overlaps one already kept is dropped.
  auto before = [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  };
  insertionSort(found, before);
  std::vector<Match> kept;
  for (const auto& m : found)
    if (kept.empty() || m.begin >= kept.back().end) kept.push_back(m);
  return kept;
}

}  // namespace

std::string scrubPii(std::string_view text) {
  std::string out;
  size_t from = 0;
  for (const auto& m : findAll(text)) {
    out.append(text.substr(from, m.begin - from));
    out += m.placeholder;
    from = m.end;
  }
  out.append(text.substr(from));
  return out;
}

bool containsPii(std::string_view text) { return !findAll(text).empty(); }

}  // namespace friction
