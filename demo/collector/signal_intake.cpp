#include "signal_intake.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "intake/batch_reader.h"
#include "intake/frame_decoder.h"

namespace friction::collector {

std::string jsonError(std::string_view message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace);
}

size_t decompressedCap(size_t body_bytes) {
  return std::min(kMaxDecompressedBytes, std::max(kRatioFloorBytes, body_bytes * kMaxCompressionRatio));
}

IntakeResponse takeInSignals(std::string_view body, Storage& store, int64_t now_ms,
                             const SiteRegistry& sites, const Sender& sender) {
  if (body.size() > kMaxBodyBytes)
    return {413, jsonError("body exceeds " + std::to_string(kMaxBodyBytes) + " bytes")};

  std::string json, error;
  FrameProblem problem = FrameProblem::none;
  if (!decompressFrame(body, decompressedCap(body.size()), json, error, problem)) {
    if (problem == FrameProblem::not_zstd)
      return {415, jsonError("body must be a zstd frame of a JSON batch")};
    return {problem == FrameProblem::too_large ? 413 : 400, jsonError(error)};
  }

  ReceivedBatch batch;
  if (!readBatchJson(json, batch, error)) return {400, jsonError(error)};
  if (const auto refusal = sites.refusal(batch.site, sender.origin))
    return {403, jsonError(*refusal)};
  switch (store.storeBatch(batch, now_ms, error)) {
    case Stored::stored: break;
    case Stored::duplicate:
      // A retry of a batch already stored: success, so that the SDK stops retrying it.
      return {200, nlohmann::json{{"stored", 0}, {"visits", 0}, {"duplicate", true}}.dump()};
    case Stored::failed:
      std::cerr << "friction collector: cannot store a batch: " << error << "\n";
      return {500, jsonError("the batch could not be stored")};
    case Stored::unavailable:
      // Nothing was acknowledged: the SDK keeps the batch and sends it again after the wait.
      std::cerr << "friction collector: the store cannot be reached: " << error << "\n";
      return {503, jsonError("the store cannot be reached; send the batch again later"),
              kStoreRetryAfterS};
  }
  nlohmann::json answer{{"stored", batch.signals.size()}, {"visits", batch.visits.size()}};
  if (batch.refused > 0) {
    // The SDK does not resend a 2xx batch: the refused records are gone, so say which.
    answer["refused"] = batch.refused;
    answer["refusal"] = batch.first_refusal;
  }
  return {202, answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace friction::collector
