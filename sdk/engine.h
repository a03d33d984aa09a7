// The core, as the browser sees it: events in (through the ring), friction out (to the page at
// once, and as anonymised signals once the user consents). The JS layer only captures and
// delivers; every decision is made here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "anonymise/siphash.h"
#include "capture/event_ring.h"
#include "decide/consent.h"
#include "detect/rage_click.h"
#include "journey/step_template.h"
#include "signals/signal_queue.h"

namespace friction {

struct EngineConfig {
  std::string site = "default";
  std::string hash_key_hex;       // optional 32 hex digits; else derived from site
  uint32_t ring_capacity = 1024;  // records; JS drains long before it fills (see js/src/capture.js)
  RageClickThresholds rage;
};

// Told to the page right away (the `friction:detected` event). Stays in the browser.
struct LocalFriction {
  FrictionKind kind;
  std::string step;
  uint32_t target;
  double score;
  double at_ms;
};

class Engine {
 public:
  explicit Engine(EngineConfig config);

  EventRing& ring() { return ring_; }

  bool addRoute(std::string_view pattern) { return templater_.addRoute(pattern); }
  // A new page or SPA route: open episodes end on the step they belong to.
  const std::string& enterStep(std::string_view url, double now_ms);
  const std::string& step() const { return step_; }

  // What the core may know about an element: its role and a keyed hash of its selector.
  // The selector itself is not kept.
  void registerTarget(uint32_t id, std::string_view role, std::string_view selector);

  // Consumes everything JS wrote to the ring, runs the detectors, closes idle episodes.
  // Returns how many detections are waiting in takeDetections().
  size_t drain(double now_ms);
  std::vector<LocalFriction> takeDetections() { return std::exchange(detections_, {}); }
  // Page is going away: drain and close every open episode now.
  void flush(double now_ms);

  bool setConsent(std::string_view level);
  Consent consent() const { return consent_; }

  size_t pendingSignals() const { return queue_.size(); }
  // The next batch to send, JSON then zstd; empty when there is nothing to send or no consent.
  std::vector<uint8_t> takeBatch();
  std::string takeBatchJson();

  const EngineConfig& config() const { return config_; }
  void setRageThresholds(RageClickThresholds thresholds) { rage_.setThresholds(thresholds); }

 private:
  struct TargetInfo {
    std::string role;
    uint64_t selector_hash;
  };

  void onRecord(const EventRecord& record);
  void report(const Detection& detection);
  void record(const Episode& episode);

  EngineConfig config_;
  SipKey key_;
  EventRing ring_;
  StepTemplater templater_;
  std::string step_ = "/";
  std::unordered_map<uint32_t, TargetInfo> targets_;
  RageClickDetector rage_;
  std::vector<LocalFriction> detections_;
  Consent consent_ = Consent::none;
  SignalQueue queue_;
};

}  // namespace friction
