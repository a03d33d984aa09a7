#include "encode/signal_batch.h"

#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_createCDict_advanced: parameters pinned below
#include <zstd.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "anonymise/pii_scrub.h"
#include "anonymise/siphash.h"
#include "encode/dictionary.h"
#include "encode/field_rules.h"

namespace friction {

namespace {

nlohmann::json visitsJson(const std::vector<VisitTally>& visits) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& visit : visits) {
    nlohmann::json met = nlohmann::json::array();
    for (size_t i = 0; i < kFrictionKindCount; ++i)
      if (visit.has(static_cast<FrictionKind>(i))) met.push_back(kFrictionKindNames[i]);
    nlohmann::json entry = {{"step", scrubPii(visit.step)}, {"met", std::move(met)}};
    if (visit.help) entry["help"] = *visit.help;
    if (!visit.goal.empty()) entry["goal"] = scrubPii(visit.goal);
    list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace

std::string encodeBatchJson(const BatchHeader& header, const std::vector<Signal>& signals,
                            const std::vector<VisitTally>& visits,
                            const std::vector<HelpEventRecord>& help) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : signals) {
    list.push_back({{"kind", name(s.kind)},
                    {"step", scrubPii(s.step)},
                    // A role is a word from a fixed list; one that holds personal data is a bug.
                    {"role", containsPii(s.role) ? "unknown" : s.role},
                    {"target", toHex(s.target_hash)},
                    {"count", s.count},
                    {"at_s", s.at_s},
                    {"span_ms", s.span_ms},
                    {"score", std::round(s.score * 10) / 10}});
    if (s.first) list.back()["first"] = true;
    // Why, one word of a fixed list (field_rules.h): absent for "none" and for kinds that carry
    // none, so that their signals are byte for byte what they were.
    if (field_rules::carriesCause(s.kind, s.cause)) list.back()["cause"] = name(s.cause);
    // Cleaned by the core already; scrubbed again as every string, and dropped if still unclean.
    if (!s.name.empty()) {
      const std::string name = field_rules::cleanElementName(s.name);
      if (!name.empty()) list.back()["name"] = name;
    }
  }
  nlohmann::json batch = {{"v", kBatchWireVersion},
                          {"id", header.id},
                          {"site", scrubPii(header.site)},
                          {"sdk", header.sdk_version},
                          {"dropped", header.dropped},
                          {"signals", std::move(list)},
                          {"visits", visitsJson(visits)}};
  if (!header.pointer.empty()) batch["pointer"] = header.pointer;
  if (!header.width.empty()) batch["width"] = header.width;
  if (header.epsilon > 0) batch["epsilon"] = std::round(header.epsilon * 1e4) / 1e4;
  if (!help.empty()) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : help)
      events.push_back({{"step", scrubPii(e.step)}, {"kind", name(e.kind)}, {"event", name(e.event)}});
    batch["help"] = std::move(events);
  }
  // Strings we send are templates and names we built; replace rather than abort on bad UTF-8.
  return batch.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string journeySummaryJson(const std::vector<JourneyStepSummary>& steps) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : steps) {
    nlohmann::json met = nlohmann::json::object();
    for (size_t k = 0; k < kFrictionKindCount; ++k)
      if (s.met[k]) met[std::string(kFrictionKindNames[k])] = s.met[k];
    list.push_back({{"step", scrubPii(s.step)}, {"seconds", s.seconds}, {"met", std::move(met)}});
  }
  return nlohmann::json{{"steps", std::move(list)}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// A dictionary digested for one level: building its tables costs far more than compressing a
// small batch, so it is done once per thread and kept (one entry: the SDK uses one dictionary).
struct DigestedDictionary {
  const char* data = nullptr;
  int level = 0;
  ZSTD_CDict* digested = nullptr;
};

// The parameters are pinned to those zstd picks for `level` and a batch-sized input (16 KB),
// whatever the size of the batch: a rare large batch only gets a smaller window. One strategy
// for every batch is what lets the browser's codec carry just that one (wasm/CMakeLists.txt).
ZSTD_CDict* digestPinned(std::string_view dictionary, int level) {
  constexpr unsigned long long kTypicalBatchBytes = 16 * 1024;
  const ZSTD_compressionParameters params =
      ZSTD_getCParams(level, kTypicalBatchBytes, dictionary.size());
#ifdef FRICTION_ZSTD_LAZY_ONLY
  // The only compressor the codec carries is the hash-chain lazy one; without SIMD, zstd turns
  // to its row-based match finder past a 128 KB window (windowLog 17), which it does not carry.
  if (params.strategy != ZSTD_lazy || params.windowLog > 17) return nullptr;
#endif
  return ZSTD_createCDict_advanced(dictionary.data(), dictionary.size(), ZSTD_dlm_byCopy,
                                   ZSTD_dct_auto, params, ZSTD_defaultCMem);
}

ZSTD_CDict* digest(std::string_view dictionary, int level) {
  static thread_local DigestedDictionary cache;
  if (cache.data != dictionary.data() || cache.level != level) {
    ZSTD_freeCDict(cache.digested);
    cache = {dictionary.data(), level, digestPinned(dictionary, level)};
  }
  return cache.digested;
}

}  // namespace

std::vector<uint8_t> compressFrame(std::string_view data, int level,
                                   std::string_view dictionary) {
  // One context per thread, reused: its tables are allocated once, not for every batch.
  static thread_local ZSTD_CCtx* const context = ZSTD_createCCtx();
  if (!context) return {};
  std::vector<uint8_t> frame(ZSTD_compressBound(data.size()));
  size_t written;
  if (dictionary.empty()) {
#ifdef FRICTION_ZSTD_LAZY_ONLY
    return {};  // levels without pinned parameters pick strategies the codec does not carry
#endif
    written = ZSTD_compressCCtx(context, frame.data(), frame.size(), data.data(), data.size(),
                                level);
  } else {
    ZSTD_CDict* digested = digest(dictionary, level);
    if (!digested) return {};
    written = ZSTD_compress_usingCDict(context, frame.data(), frame.size(), data.data(),
                                       data.size(), digested);
  }
  if (ZSTD_isError(written)) return {};
  frame.resize(written);
  return frame;
}

std::vector<uint8_t> compressBatch(std::string_view json) {
  return compressFrame(json, kBatchCompressionLevel, currentDictionary());
}

bool digestBatchDictionary() {
  return digest(currentDictionary(), kBatchCompressionLevel) != nullptr;
}

}  // namespace friction
