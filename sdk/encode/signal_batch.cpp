#include "encode/signal_batch.h"

#include <zstd.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "anonymise/siphash.h"

namespace friction {

std::string encodeBatchJson(const BatchHeader& header, const std::vector<Signal>& signals) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : signals) {
    list.push_back({{"kind", name(s.kind)},
                    {"step", s.step},
                    {"role", s.role},
                    {"target", toHex(s.target_hash)},
                    {"count", s.count},
                    {"at_s", s.at_s},
                    {"span_ms", s.span_ms},
                    {"score", std::round(s.score * 10) / 10}});
  }
  nlohmann::json batch = {{"v", kWireVersion},
                          {"site", header.site},
                          {"sdk", header.sdk_version},
                          {"dropped", header.dropped},
                          {"signals", std::move(list)}};
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
