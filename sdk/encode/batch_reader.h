// The collector's side of the wire format (see signal_batch.h): one zstd frame, then a strictly
// validated JSON batch. Everything a client sends is untrusted: sizes are capped while
// decompressing, and only the exact fields of the format, with the values the SDK can produce,
// are accepted, so nothing unexpected (ids, free text) can be smuggled into storage.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace friction {

// True if `body` starts with the zstd frame magic number (28 B5 2F FD).
bool hasZstdMagic(std::string_view body);

// Why a frame was refused; the collector maps these to different HTTP statuses.
enum class FrameProblem { none, not_zstd, too_large, corrupt, unknown_dictionary };

// Decompresses exactly one zstd frame into `out`, failing as soon as the output would exceed
// `max_output` bytes (the frame's declared size is never trusted), and on truncated or corrupt
// frames and trailing bytes. A frame made with a dictionary is decoded with the one its header
// names (encode/known_dictionaries.h). On failure `out` is empty and `error` says why.
bool decompressFrame(std::string_view body, size_t max_output, std::string& out,
                     std::string& error);
bool decompressFrame(std::string_view body, size_t max_output, std::string& out,
                     std::string& error, FrameProblem& problem);

struct ReceivedSignal {
  std::string kind, step, role, target;
  uint32_t count = 0, at_s = 0, span_ms = 0;
  double score = 0;
};

struct ReceivedVisit {
  std::string step;
  std::vector<std::string> met;  // distinct kind names
};

struct ReceivedBatch {
  std::string id, site, sdk;
  uint32_t dropped = 0;
  std::vector<ReceivedSignal> signals;
  std::vector<ReceivedVisit> visits;
  double epsilon = 0;  // > 0: the visits went through randomized response with this ε
};

// Limits of a batch: a well-behaved SDK stays far below them.
inline constexpr size_t kMaxSignalsPerBatch = 500;
inline constexpr size_t kMaxVisitsPerBatch = 500;
inline constexpr uint32_t kMaxDropped = 1000000;

// Parses and validates a batch. On failure `error` names the field, e.g.
// "signals[3].step: must not contain a query or fragment".
bool readBatchJson(std::string_view json, ReceivedBatch& out, std::string& error);

// A request to talk to a person (POST /v1/handoff), with the journey summary the visitor agreed
// to share for it (journey/journey_log.h), or null when they did not:
//   {"v":1,"site":"demo","summary":{"steps":[{"step":"/cart","seconds":40,"met":{"dead_click":2}}]}}
struct HandoffStep {
  std::string step;
  uint32_t seconds = 0;
  std::vector<std::pair<std::string, uint32_t>> met;  // kind, times
};

struct ReceivedHandoff {
  std::string site;
  bool has_summary = false;
  std::vector<HandoffStep> steps;
};

inline constexpr size_t kMaxHandoffSteps = 20;  // JourneyLog::kMaxSteps
bool readHandoffJson(std::string_view json, ReceivedHandoff& out, std::string& error);
// The summary alone, {"steps":[...]}, as the collector stores it.
bool readHandoffSummaryJson(std::string_view json, std::vector<HandoffStep>& steps,
                            std::string& error);

}  // namespace friction
