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
//  - no_answer_ms = 2500: a submit (or a click on the submit button) followed by no answer of
//    any kind (no DOM change, request, message, validation or navigation) for this long did
//    nothing; the dead-click detector's window (detect/dead_click.h), for the same reasons. One
//    such submit is a dead click; min_failed_submits of them on one form is a rejected submit.
//  - typing_ms = 1000: a mark (aria-invalid, a message) arriving while the visitor types in that
//    field, within a second of a keystroke and with no submit since, is a live check. People
//    type a key every 150-300 ms, so a second without one means they stopped. A live mark counts
//    only if it stays: the field left still marked, or retyped (shortened) after they stopped
//    to read it. An email flagged at its first letter and accepted at ".com" is one lesson.
//  - autofill_ms = 50: input events on different fields closer than this were not typed (a
//    password manager or the browser's autofill): they count as one field of effort. Moving to
//    another field and typing takes people hundreds of ms.
// What each report says (Detection/Episode cause): re_entry (corrections), validation_loop (a
// field's failures), rejected_submit (a form's failed submits: rejected, blocked or answered by
// nothing), abandonment. The target is the field that struggled; for a rejected submit, the one
// field its answers named, else the form.
// Search fields (kSearchField) are not struggle: rewriting a query is refining a search.
// Rejections across a page load (a form posted and rendered again with errors) are counted
// through FormCarry (detect/form_carry.h), which the engine keeps in the tab's session storage.
// Memory is bounded: the latest 32 fields and 8 forms are followed, the least recent evicted.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/form_carry.h"
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
  double no_answer_ms = 2500;
  double typing_ms = 1000;
  double autofill_ms = 50;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class FormStruggleDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::form_struggle;

  static constexpr size_t kMaxFields = 32;
  static constexpr size_t kMaxForms = 8;
  // A blocked submit fires `invalid` on every invalid field in the same task, microseconds
  // apart, and a click on a submit button is followed by its submit event: events this close
  // together are one attempt. Kept well under the half second in which an impatient user can
  // press submit again.
  static constexpr double kSameAttemptMs = 250;

  explicit FormStruggleDetector(FormStruggleThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink);
  void onStep(double now_ms, FrictionSink& sink);
  void flush(double now_ms, FrictionSink& sink);
  double nextDeadline() const;

  FormStruggleThresholds& thresholds() { return thresholds_; }

  // The forms sent on this page, for the next page load of the tab (detect/form_carry.h).
  std::string carriedState(double time_origin_ms) const { return carry_.state(time_origin_ms); }
  void restoreCarried(std::string_view text, double time_origin_ms, double now_ms) {
    carry_.restore(text, time_origin_ms, now_ms, thresholds_.episode_idle_ms);
  }

 private:
  // Repeated evidence against one field or form: reported once it reaches its threshold.
  struct Struggle {
    uint32_t count = 0;
    double first_ms = 0;
    double last_ms = 0;
    double score = 0;
    bool reported = false;  // the page was told: the episode is open
    bool muted = false;     // reached the threshold during the cool-down
    uint32_t target = 0;       // what the page is told struggled
    FrictionCause cause = FrictionCause::none;
  };
  struct Field {
    uint32_t id = 0;  // 0 = free slot
    uint32_t form = 0;
    double seen_ms = 0;
    double last_input_ms = -1e300;
    double live_mark_ms = -1;  // a mark while typing, not yet known to stay (typing_ms)
    int32_t length = 0;
    bool typed = false;  // typed since the last deletion burst
    bool edited_since_failure = false;
    bool left_invalid = false;     // the last input left it invalid
    bool live_marked = false;      // a live check marked it while typing, not taken back
    bool search = false;           // kSearchField
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
    double submit_ms = -1e300;   // the last submit (event, or click on its submit button);
                                 // < 0 when it was sent from the page before this one
    bool submit_failed = false;  // ... was rejected
    bool submit_pending = false; // ... waits for any answer (no_answer_ms)
    uint32_t named_field = 0;    // the field the last answer named alone (0 = several, none)
    uint32_t last_named = 0;     // ... the answer before
    uint64_t hash = 0;           // its selector's, for FormCarry
    double last_invalid_ms = -1e300;
    double handed_on_ms = -1;  // a button of the form was clicked (a "Next" without submit)
    Struggle failed_submits;
  };

  void onInput(const EventRecord& input, FrictionSink& sink);
  void onRejected(const EventRecord& event, FrictionSink& sink);
  void onFocus(uint32_t target, double time_ms, FrictionSink& sink);
  void onClick(const EventRecord& click, FrictionSink& sink);
  void onMessage(const EventRecord& message, FrictionSink& sink);
  void onSubmit(const EventRecord& event, FrictionSink& sink);
  void formRejected(Form& owner, uint32_t field, bool blocked, double time_ms, FrictionSink& sink);
  void judgeUnanswered(double now_ms, FrictionSink& sink);
  bool typingIn(const Field& field, double time_ms);
  void fieldFailed(Field& field, double time_ms, FrictionSink& sink);
  void addEvidence(Struggle& struggle, uint32_t threshold, uint32_t target, FrictionCause cause,
                   double time_ms, FrictionSink& sink);
  void close(Struggle& struggle, FrictionSink& sink);
  void reportIfAbandoned(Form& form, double now_ms, FrictionSink& sink);
  void closeAll(FrictionSink& sink);
  void carryForms();
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
  FormCarry carry_;
};

}  // namespace friction
