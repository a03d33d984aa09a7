// A FrictionSink for detector tests: keeps what detectors report, and lets a test say what an
// element is (as JS would through registerTarget).
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "detect/friction_sink.h"

class RecordingSink : public friction::FrictionSink {
 public:
  std::vector<friction::Detection> detections;
  std::vector<friction::Episode> episodes;

  void detected(const friction::Detection& detection) override {
    detections.push_back(detection);
  }
  void episode(const friction::Episode& episode) override {
    episodes.push_back(episode);
  }
  const friction::TargetTable& targets() const override { return *targets_; }

  // Gives element `id` these TargetTrait bits.
  void mark(uint32_t id, uint32_t traits) { targets_->put(friction::TargetInfo{id, traits, 0, {}}); }
  // Gives element `id` a selector hash too (what identifies a form from one page to the next).
  void markHashed(uint32_t id, uint32_t traits, uint64_t selector_hash) {
    targets_->put(friction::TargetInfo{id, traits, selector_hash, {}});
  }

  void clear() {
    detections.clear();
    episodes.clear();
  }

 private:
  // On the heap: the table is a few hundred KB, too much for a small (WASM) test stack.
  std::unique_ptr<friction::TargetTable> targets_ = std::make_unique<friction::TargetTable>();
};
