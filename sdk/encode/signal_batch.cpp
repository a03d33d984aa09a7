#include "encode/signal_batch.h"

#include <zstd.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "anonymise/pii_scrub.h"
#include "anonymise/siphash.h"

namespace friction {

namespace {

nlohmann::json visitsJson(const std::vector<VisitTally>& visits) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& visit : visits) {
    nlohmann::json met = nlohmann::json::array();
    for (size_t i = 0; i < kFrictionKindCount; ++i)
      if (visit.has(static_cast<FrictionKind>(i))) met.push_back(kFrictionKindNames[i]);
    list.push_back({{"step", scrubPii(visit.step)}, {"met", std::move(met)}});
  }
  return list;
}

}  // namespace

std::string encodeBatchJson(const BatchHeader& header, const std::vector<Signal>& signals,
                            const std::vector<VisitTally>& visits) {
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
  }
  nlohmann::json batch = {{"v", kWireVersion},
                          {"id", header.id},
                          {"site", scrubPii(header.site)},
                          {"sdk", header.sdk_version},
                          {"dropped", header.dropped},
                          {"signals", std::move(list)},
                          {"visits", visitsJson(visits)}};
  if (header.epsilon > 0) batch["epsilon"] = std::round(header.epsilon * 1e4) / 1e4;
  // Strings we send are templates and names we built; replace rather than abort on bad UTF-8.
  return batch.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<uint8_t> compressFrame(std::string_view data, int level) {
  std::vector<uint8_t> frame(ZSTD_compressBound(data.size()));
  const size_t written = ZSTD_compress(frame.data(), frame.size(), data.data(), data.size(), level);
  if (ZSTD_isError(written)) return {};
  frame.resize(written);
  return frame;
}

}  // namespace friction
