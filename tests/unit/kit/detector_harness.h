// One detector and the sink it reports to, as the engine wires them: feed it events, move its
// clock on, then read `sink.detections` and `sink.episodes`.
#pragma once
#include <utility>

#include "capture/event_record.h"
#include "recording_sink.h"

namespace friction::testing {

template <typename Detector>
struct DetectorHarness {
  Detector detector;
  RecordingSink sink;

  DetectorHarness() = default;
  // Passes `thresholds` (or whatever the detector is built from) to its constructor.
  template <typename Settings>
  explicit DetectorHarness(Settings&& settings) : detector(std::forward<Settings>(settings)) {}

  void feed(const EventRecord& record) { detector.onEvent(record, sink); }
  void tick(double now_ms) { detector.onTick(now_ms, sink); }
};

}  // namespace friction::testing
