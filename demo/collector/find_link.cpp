#include "find_link.h"

#include <cstdio>

#include "detect/friction_kind.h"
#include "html_escape.h"

namespace friction::collector {

namespace {

bool isHex16(std::string_view text) {
  if (text.size() != 16) return false;
  for (const char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// Characters a path (and its query) may hold as they are; the rest are percent-encoded.
bool keptInPath(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  for (const char kept : std::string_view("-._~/:@!$&'()*+,;=%?"))
    if (c == static_cast<unsigned char>(kept)) return true;
  return false;
}

std::string encodedPath(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (keptInPath(byte)) {
      out += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    }
  }
  return out;
}

// A step with a parameter (":id") stands for many addresses.
bool hasParameter(std::string_view step) { return step.find("/:") != std::string_view::npos; }

std::string esc(std::string_view text) { return escapeHtml(text); }

}  // namespace

std::string findFragment(std::string_view target, std::string_view kind) {
  std::string fragment = "#friction-find=" + std::string(target);
  if (!kind.empty()) fragment += "&friction-kind=" + std::string(kind);
  return fragment;
}

std::optional<std::string> findPageUrl(std::string_view origin, std::string_view path,
                                       std::string_view target, std::string_view kind,
                                       std::string& error) {
  if (!isHex16(target)) {
    error = "target must be an element's hash: 16 hex digits";
    return std::nullopt;
  }
  if (!kind.empty() && !parseFrictionKind(kind)) {
    error = "kind must be one of the friction kinds";
    return std::nullopt;
  }
  // "//host" and "/\host" would leave the site: browsers read both as another host.
  if (path.empty() || path[0] != '/' || (path.size() > 1 && (path[1] == '/' || path[1] == '\\'))) {
    error = "path must be an address on the site, starting with a single /";
    return std::nullopt;
  }
  if (path.size() > kMaxFindPathChars) {
    error = "path is longer than " + std::to_string(kMaxFindPathChars) + " characters";
    return std::nullopt;
  }
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '#' || c == '\\') {
      error = "path may not hold spaces, control characters, \\ or #";
      return std::nullopt;
    }
  }
  return std::string(origin) + encodedPath(path) + findFragment(target, kind);
}

std::string renderFindControl(const Problem& problem, const std::string& origin,
                              const DashboardText& text) {
  if (isWholePage(problem) || origin.empty()) return "";
  if (!hasParameter(problem.step)) {
    std::string error;
    const auto url = findPageUrl(origin, problem.step, problem.target, problem.kind, error);
    if (!url) return "";
    return " <a class=\"find\" href=\"" + esc(*url) + "\">" + esc(text.find_on_page) + "</a>";
  }
  // A plain GET form: it works without JavaScript, and the view's access cookie goes with it.
  return " <details class=\"find\"><summary>" + esc(text.find_on_page) +
         "</summary><form method=\"get\" action=\"" + kFindRoute +
         "\"><input type=\"hidden\" name=\"site\" value=\"" + esc(problem.site) +
         "\"><input type=\"hidden\" name=\"target\" value=\"" + esc(problem.target) +
         "\"><input type=\"hidden\" name=\"kind\" value=\"" + esc(problem.kind) +
         "\"><label>" + esc(text.find_address) +
         " <input name=\"path\" required spellcheck=\"false\" autocomplete=\"off\" value=\"" +
         esc(problem.step) + "\"></label> <button type=\"submit\">" + esc(text.find_open) +
         "</button></form></details>";
}

}  // namespace friction::collector
