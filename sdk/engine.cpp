#include "engine.h"

#include <cmath>

#include "encode/signal_batch.h"

#ifndef FRICTION_VERSION
#define FRICTION_VERSION "dev"
#endif

namespace friction {

Engine::Engine(EngineConfig config)
    : config_(std::move(config)), ring_(config_.ring_capacity), rage_(config_.rage) {
  if (!parseHexKey(config_.hash_key_hex, key_)) key_ = siteKey(config_.site);
}

const std::string& Engine::enterStep(std::string_view url, double now_ms) {
  flush(now_ms);
  step_ = templater_.templateOf(url);
  return step_;
}

void Engine::registerTarget(uint32_t id, std::string_view role, std::string_view selector) {
  targets_[id] = TargetInfo{std::string(role), siphash24(key_, selector)};
}

size_t Engine::drain(double now_ms) {
  ring_.drain([this](const EventRecord& record) { onRecord(record); });
  if (auto episode = rage_.closeIfIdle(now_ms)) record(*episode);
  return detections_.size();
}

void Engine::flush(double now_ms) {
  drain(now_ms);
  if (auto episode = rage_.closeIfIdle(now_ms, /*force=*/true)) record(*episode);
}

void Engine::onRecord(const EventRecord& event) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::click: {
      std::optional<Episode> closed;
      auto detection = rage_.onClick(event, closed);
      if (closed) record(*closed);
      if (detection) report(*detection);
      break;
    }
    case EventType::none:
      break;
  }
}

void Engine::report(const Detection& detection) {
  detections_.push_back(
      LocalFriction{detection.kind, step_, detection.target, detection.score, detection.at_ms});
}

void Engine::record(const Episode& episode) {
  if (!allowsSignals(consent_)) return;  // nothing is even queued without consent
  auto target = targets_.find(episode.target);
  const double span = std::max(0.0, episode.ended_ms - episode.started_ms);
  Signal signal{};
  signal.kind = episode.kind;
  signal.step = step_;
  signal.role = target == targets_.end() ? "unknown" : target->second.role;
  signal.target_hash = target == targets_.end() ? 0 : target->second.selector_hash;
  signal.count = episode.count;
  signal.at_s = static_cast<uint32_t>(std::max(0.0, episode.started_ms) / 1000 /
                                      kTimeBucketSeconds) * kTimeBucketSeconds;
  signal.span_ms = static_cast<uint32_t>(std::lround(span / kSpanBucketMs)) * kSpanBucketMs;
  signal.score = episode.score;
  queue_.push(std::move(signal));
}

bool Engine::setConsent(std::string_view level) {
  auto parsed = parseConsent(level);
  if (!parsed) return false;
  consent_ = *parsed;
  if (!allowsSignals(consent_)) queue_.clear();  // withdrawing consent drops what is unsent
  return true;
}

std::string Engine::takeBatchJson() {
  if (!allowsSignals(consent_) || (queue_.size() == 0 && queue_.dropped() == 0)) return {};
  BatchHeader header{config_.site, FRICTION_VERSION, 0};
  auto signals = queue_.take(header.dropped);
  return encodeBatchJson(header, signals);
}

std::vector<uint8_t> Engine::takeBatch() {
  const std::string json = takeBatchJson();
  if (json.empty()) return {};
  return compressFrame(json);
}

}  // namespace friction
