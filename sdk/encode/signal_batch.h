// The wire format of a batch of signals: JSON (nlohmann/json), then one zstd frame.
//
//   {"v":2,"id":"5f0c...(32 hex)","site":"demo","sdk":"0.1.0","dropped":0,
//    "signals":[{"kind":"rage_click","step":"/product/:id","role":"button",
//                "target":"9f2c0e4d1a7b3c58","count":4,"at_s":10,"span_ms":700,"score":0.6,
//                "first":true,"name":"apply-coupon"}],
//    "visits":[{"step":"/product/:id","met":["rage_click"]},{"step":"/","met":[]}],
//    "pointer":"mouse","width":"wide","epsilon":1.0986,
//    "help":[{"step":"/checkout","kind":"form_struggle","event":"offered"}]}
//
// "signals" is empty unless the user agreed to signals; "visits" are the per-visit tallies
// (signals/visit_tally.h). "epsilon" is present when the tallies went through randomized
// response (anonymise/randomized_response.h): each kind's membership in "met" was then flipped
// with probability 1 - p, and only the collector's estimator makes sense of them.
// A visits entry may also carry "help" (true or false: the visitor asked for help during the
// view; only in exact tallies, i.e. with signals consent) and "goal" (a name, e.g. "purchase",
// field_rules::isGoalName): the same tally told again because the tab went on to reach the
// site's goal (signals/told_tallies.h), with the same "met" as first told.
// "dropped" counts signals, visits and help events the bounded queues could not hold.
// The top-level "help" (only with signals consent, and only when there is some) tells what became of help
// offers, one entry per event (decide/help_outcomes.h): the offer's step, the kind that caused
// it, and one of offered, opened, dismissed, handoff, solved, unsolved, moved_on,
// moved_on_after_opening, goal, goal_after_opening. Absent from batches of older SDKs.
// Since v2: "first" (only ever true, else absent) marks the first signal of its (kind, step,
// target) in the page load, so the collector counts page views exactly (signals/first_marks.h);
// "name" is the name the site gave the element (data-friction-name), cleaned by
// field_rules::cleanElementName, absent if none; "pointer" and "width" are the device class
// (signals/device_class.h), present only when "signals" is not empty. A v1 batch has none of
// them: the collector then counts a problem once per batch.
// "cause" (optional within v2, absent from older SDKs' batches) says why, for the kinds that
// carry one (field_rules::kKindCauses; today form_struggle): one of validation_loop, re_entry,
// rejected_submit, abandonment (detect/friction_cause.h). Never what was typed; absent when the
// detector could not tell, so other kinds' signals are byte for byte as before.
// No timestamp of the client's clock is sent: the collector stamps what it receives.
// Every string goes through scrubPii() (anonymise/pii_scrub.h) on its way out.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "encode/batch_record.h"
#include "journey/journey_log.h"

namespace friction {

inline constexpr int kWireVersion = 1;
// Batches only (a hand-off stays v1): 2 says the signals carry first marks, so a batch without
// any first mark counts no page view, instead of one per problem.
inline constexpr int kBatchWireVersion = 2;


std::string encodeBatchJson(const BatchHeader& header, const std::vector<Signal>& signals,
                            const std::vector<VisitTally>& visits = {},
                            const std::vector<HelpEventRecord>& help = {});

// The summary a hand-off carries, when the visitor agreed to share it for that request:
//   {"steps":[{"step":"/product/:id","seconds":40,"met":{"rage_click":1}},...]}
// Every step goes through scrubPii(), as in batches.
std::string journeySummaryJson(const std::vector<JourneyStepSummary>& steps);

// Level 3 is zstd's default, for frames without a dictionary (and the dictionary's own tables).
inline constexpr int kCompressionLevel = 3;
// Batches with the dictionary: level 6 (lazy matching) is where bytes stop shrinking much for
// the time spent: level 15 saved 6% more at 20 signals for 20 times the main-thread time.
inline constexpr int kBatchCompressionLevel = 6;

// One zstd frame of `data`, with `dictionary` if given (its id goes in the frame header).
std::vector<uint8_t> compressFrame(std::string_view data, int level = kCompressionLevel,
                                   std::string_view dictionary = {});
// A batch as the SDK sends it: level kBatchCompressionLevel with the current dictionary.
std::vector<uint8_t> compressBatch(std::string_view json);
// Digests the current dictionary for batches now (zstd's tables for it), which the first batch
// would do otherwise. False where it cannot be digested (then no batch can be compressed).
bool digestBatchDictionary();

}  // namespace friction
