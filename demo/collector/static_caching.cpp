#include "static_caching.h"

#include <cstdint>

namespace friction::collector {
namespace {

// esbuild's [hash] in js/build.mjs's entryNames: eight of A-Z and 0-9.
constexpr size_t kChunkHashLength = 8;

bool isHashChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string entityTagOf(std::string_view content) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : content) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag = "\"";
  for (int shift = 60; shift >= 0; shift -= 4) tag += kHex[(hash >> shift) & 0xf];
  return tag + "\"";
}

bool ifNoneMatchNames(std::string_view if_none_match, std::string_view tag) {
  size_t start = 0;
  while (start <= if_none_match.size()) {
    size_t end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    auto candidate = trimmed(if_none_match.substr(start, end - start));
    if (candidate == "*") return true;
    if (candidate.substr(0, 2) == "W/") candidate.remove_prefix(2);  // If-None-Match compares weakly
    if (!candidate.empty() && candidate == tag) return true;
    start = end + 1;
  }
  return false;
}

// How long the wasm files may be used without asking again. friction.js, checked at each use,
// names the SHA-256 of the two it was built with and refetches one that differs past the
// browser's cache (js/src/wasm_digest.js): a copy an hour stale costs a returning visitor one
// download after a new build, and spares every later page of a visit a round trip for each.
// Private: a shared cache (a CDN) may not answer that refetch past it, and would then serve the
// old build's file for the hour.
constexpr const char* kWasmForAnHour = "private, max-age=3600";

const char* cacheControlFor(std::string_view file_name) {
  constexpr const char* kCheckEachUse = "no-cache";
  constexpr std::string_view kPrefix = "friction-";
  constexpr std::string_view kSuffix = ".mjs";
  const auto slash = file_name.rfind('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  if (file_name == "friction.wasm" || file_name == "friction-codec.wasm") return kWasmForAnHour;
  // friction-<chunk>-<HASH>.mjs: the stem ends in a dash and the hash, after a chunk name.
  if (file_name.substr(0, kPrefix.size()) != kPrefix || file_name.size() < kSuffix.size() ||
      file_name.substr(file_name.size() - kSuffix.size()) != kSuffix)
    return kCheckEachUse;
  const auto stem = file_name.substr(0, file_name.size() - kSuffix.size());
  if (stem.size() < kPrefix.size() + 2 + kChunkHashLength || stem[stem.size() - kChunkHashLength - 1] != '-')
    return kCheckEachUse;
  for (char c : stem.substr(stem.size() - kChunkHashLength))
    if (!isHashChar(c)) return kCheckEachUse;
  return "public, max-age=31536000, immutable";
}

void answerWithWholeBody(const httplib::Request& req) {
  // httplib hands handlers a const view of a request it owns as a non-const local, and reads
  // req.ranges only after routing, to cut the body: clearing them here is defined and is the one
  // way 0.11 offers to turn its range handling off.
  const_cast<httplib::Request&>(req).ranges.clear();
}

}  // namespace friction::collector
