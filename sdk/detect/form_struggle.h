// Form struggle: a field the user keeps correcting, a field the site keeps rejecting, a form
// whose submit keeps failing, or a form left unfinished after real effort.
//
// No open-source definition exists: Microsoft Clarity and Contentsquare describe form struggle
// only in words (Contentsquare's Friction Score counts "validation errors" and "slow typing
// speed" among its inputs, per its 2019 blog post, without thresholds).
// The values below come from how forms are filled, and each can be tuned per site
// ("form_struggle.<name>"):
//  - min_corrections = 3: separate deletion bursts after typing, on one field. One typo fixed
//    is normal typing, two is a long or awkward value; a third means the field fights back
//    (a format the user cannot guess, a mask that rewrites what they type).
//  - long_text_chars = 50: deletions in a value longer than this do not count: it is free
//    text (a message, a comment) where revising is writing. Names, emails, phone and card
//    numbers, dates and postcodes are shorter.
//  - min_field_failures = 2: the field rejected (invalid, aria-invalid, or left invalid) again
//    after the user edited it. The first rejection is how people learn a rule; the second
//    means the message did not tell them how to meet it.
//  - min_failed_submits = 2: the same reasoning for a whole form: submitted, rejected, fixed,
//    rejected again.
//  - submit_answer_ms = 10000: aria-invalid marks appearing within 10 s of a submit are its
//    answer (a server check; slow mobile round trips included); later ones are live checks.
//  - min_abandon_fields = 3 or min_abandon_ms = 30000: the effort that makes leaving a form
//    unfinished worth reporting. A search box, a newsletter field or a login (2 fields) left
//    behind is not effort; three fields, or half a minute typing, is.
//  - episode_idle_ms = 60000: a struggle episode ends after a minute without a new correction
//    or failure on it (long enough to fix other fields between two submits). Counts left
//    below the threshold for that long start again.
//  - cooldown_ms = 30000: after telling the page, no other struggle is told for 30 s (it is
//    folded into the help already offered). Abandonment is told regardless (the user is
//    leaving) and starts the cool-down.
// Memory is bounded: the latest 32 fields and 8 forms are followed, the least recent evicted.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/friction_sink.h"

namespace friction {

struct FormStruggleThresholds {
  uint32_t min_corrections = 3;
  uint32_t long_text_chars = 50;
  uint32_t min_field_failures = 2;
  uint32_t min_failed_submits = 2;
  double submit_answer_ms = 10000;
  uint32_t min_abandon_fields = 3;
  double min_abandon_ms = 30000;
  double episode_idle_ms = 60000;
  double cooldown_ms = 30000;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class FormStruggleDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::form_struggle;

  static constexpr size_t kMaxFields = 32;
  static constexpr size_t kMaxForms = 8;

  explicit FormStruggleDetector(FormStruggleThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink);
  void onStep(double now_ms, FrictionSink& sink);
  void flush(double now_ms, FrictionSink& sink);
  double nextDeadline() const;

  FormStruggleThresholds& thresholds() { return thresholds_; }

 private:
  // Repeated evidence against one field or form: reported once it reaches its threshold.
  struct Struggle {
    uint32_t count = 0;
    double first_ms = 0;
    double last_ms = 0;
    double score = 0;
    bool reported = false;  // the page was told: the episode is open
    bool muted = false;     // reached the threshold during the cool-down
  };
  struct Field {
    uint32_t id = 0;  // 0 = free slot
    uint32_t form = 0;
    double seen_ms = 0;
    int32_t length = 0;
    bool typed = false;  // typed since the last deletion burst
    bool edited_since_failure = false;
    bool left_invalid = false;     // the last input left it invalid
    bool counted_in_form = false;  // counted in its form's fields_edited
    Struggle corrections;
    Struggle failures;
  };
  struct Form {
    uint32_t id = 0;  // 0 = free slot
    double seen_ms = 0;
    double first_input_ms = 0;
    double last_input_ms = -1;
    uint32_t fields_edited = 0;
    double submit_ms = -1;       // the last submit event
    bool submit_failed = false;  // ... was rejected
    double last_invalid_ms = -1e300;
    double handed_on_ms = -1;  // a button of the form was clicked (a "Next" without submit)
    Struggle failed_submits;
  };

  void onInput(const EventRecord& input, FrictionSink& sink);
  void onRejected(const EventRecord& event, FrictionSink& sink);
  void onFocus(uint32_t target, double time_ms, FrictionSink& sink);
  void onClick(const EventRecord& click, FrictionSink& sink);
  void fieldFailed(Field& field, double time_ms, FrictionSink& sink);
  void addEvidence(Struggle& struggle, uint32_t threshold, uint32_t target, double time_ms,
                   FrictionSink& sink);
  void close(Struggle& struggle, uint32_t target, FrictionSink& sink);
  void reportIfAbandoned(Form& form, double now_ms, FrictionSink& sink);
  void closeAll(FrictionSink& sink);
  Field* findField(uint32_t id);
  Form* findForm(uint32_t id);
  Field& field(uint32_t id, double time_ms, FrictionSink& sink);
  Form* form(uint32_t id, double time_ms, FrictionSink& sink);

  FormStruggleThresholds thresholds_;
  std::array<Field, kMaxFields> fields_{};
  std::array<Form, kMaxForms> forms_{};
  uint32_t focused_ = 0;
  uint32_t last_form_ = 0;  // the form edited last
  double cooldown_until_ms_ = -1;
};

}  // namespace friction
