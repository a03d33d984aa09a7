#include "detect/form_struggle.h"

#include <algorithm>

namespace friction {

namespace {
// 0.5 at the threshold, +0.1 for each step beyond it.
double scoreFor(double count, double threshold) {
  return std::min(1.0, 0.5 + 0.1 * std::max(0.0, count - threshold));
}

// Free slots first, then the least recently seen: the one to give to a new field or form.
template <typename Slots>
auto& slotToReuse(Slots& slots) {
  return *std::min_element(slots.begin(), slots.end(), [](const auto& a, const auto& b) {
    return (a.id == 0 ? -1e300 : a.seen_ms) < (b.id == 0 ? -1e300 : b.seen_ms);
  });
}
}  // namespace

bool FormStruggleThresholds::set(std::string_view name, double value) {
  const auto count = static_cast<uint32_t>(value);
  if (name == "min_corrections" && value >= 2 && value <= 50) min_corrections = count;
  else if (name == "long_text_chars" && value >= 10 && value <= 10000) long_text_chars = count;
  else if (name == "min_field_failures" && value >= 2 && value <= 20) min_field_failures = count;
  else if (name == "min_failed_submits" && value >= 2 && value <= 20) min_failed_submits = count;
  else if (name == "submit_answer_ms" && value >= 500 && value <= 60000) submit_answer_ms = value;
  else if (name == "min_abandon_fields" && value >= 1 && value <= 50) min_abandon_fields = count;
  else if (name == "min_abandon_ms" && value >= 1000 && value <= 600000) min_abandon_ms = value;
  else if (name == "episode_idle_ms" && value >= 5000 && value <= 600000) episode_idle_ms = value;
  else if (name == "cooldown_ms" && value >= 0 && value <= 600000) cooldown_ms = value;
  else if (name == "no_answer_ms" && value >= 500 && value <= 60000) no_answer_ms = value;
  else if (name == "typing_ms" && value >= 200 && value <= 10000) typing_ms = value;
  else if (name == "autofill_ms" && value >= 0 && value <= 500) autofill_ms = value;
  else return false;
  return true;
}

void FormStruggleDetector::onEvent(const EventRecord& event, FrictionSink& sink) {
  switch (static_cast<EventType>(event.type)) {
    case EventType::input:
      onInput(event, sink);
      break;
    case EventType::invalid:
    case EventType::field_invalid:
      onRejected(event, sink);
      break;
    case EventType::submit:
    case EventType::submit_click:
      onSubmit(event, sink);
      break;
    case EventType::form_message:
      onMessage(event, sink);
      break;
    case EventType::focus:
      onFocus(event.target, event.time_ms, sink);
      break;
    case EventType::click:
      onClick(event, sink);
      break;
    default:
      break;
  }
  // Anything the page did answers the submits waiting for an answer (what, the rules decide).
  const auto type = static_cast<EventType>(event.type);
  if (type == EventType::dom_change || type == EventType::request_start ||
      type == EventType::invalid || type == EventType::field_invalid ||
      type == EventType::form_message) {
    judgeUnanswered(event.time_ms, sink);  // those that waited too long first
    for (Form& waiting : forms_) waiting.submit_pending = false;
  }
}

void FormStruggleDetector::onInput(const EventRecord& input, FrictionSink& sink) {
  if (input.target == 0) return;
  Field& edited = field(input.target, input.time_ms, sink);
  edited.search = (sink.targets().traits(input.target) & kSearchField) != 0;
  if (edited.live_mark_ms >= 0) {
    // A mark shown while typing stayed, the visitor stopped to read it and now retypes.
    const bool retyped = input.a < edited.length;
    if (retyped && input.time_ms - edited.live_mark_ms >= thresholds_.typing_ms)
      fieldFailed(edited, input.time_ms, sink);
    edited.live_mark_ms = -1;
  }
  if (edited.search) {  // refining a query: neither corrections nor effort on a form
    edited.length = input.a;
    edited.last_input_ms = input.time_ms;
    return;
  }
  if (input.flags & kInputDeletion) {
    // The first deletion after typing starts a correction; the rest of the burst is the same one.
    const bool short_value = edited.length <= static_cast<int32_t>(thresholds_.long_text_chars);
    if (edited.typed && short_value)
      addEvidence(edited.corrections, thresholds_.min_corrections, edited.id,
                  FrictionCause::re_entry, input.time_ms, sink);
    edited.typed = false;
  } else {
    edited.typed = true;
  }
  edited.length = input.a;
  edited.form = static_cast<uint32_t>(input.b);
  edited.edited_since_failure = true;
  edited.left_invalid = (input.flags & kInputInvalid) != 0;
  edited.last_input_ms = input.time_ms;

  Form* owner = form(edited.form, input.time_ms, sink);
  if (!owner) return;
  // Another field filled in the same instant: a machine's fill, one field of effort.
  const bool filled_with_last = owner->last_input_ms >= 0 && !edited.counted_in_form &&
                                input.time_ms - owner->last_input_ms < thresholds_.autofill_ms;
  if (filled_with_last) edited.counted_in_form = true;
  const bool accepted_before = owner->submit_ms > owner->last_input_ms && !owner->submit_failed;
  if (accepted_before || owner->last_input_ms < 0) {  // a new fill of the form starts
    owner->fields_edited = 0;
    owner->first_input_ms = input.time_ms;
    for (Field& other : fields_)
      if (other.form == owner->id) other.counted_in_form = false;
  }
  if (!edited.counted_in_form) {
    edited.counted_in_form = true;
    ++owner->fields_edited;
  }
  owner->last_input_ms = input.time_ms;
  last_form_ = owner->id;
}

// `invalid` (the browser's check, on a submit attempt) or `field_invalid` (the site's).
void FormStruggleDetector::onRejected(const EventRecord& event, FrictionSink& sink) {
  const double now = event.time_ms;
  if (event.target == 0) return;
  const auto type = static_cast<EventType>(event.type);
  Field& rejected = field(event.target, now, sink);
  if (event.b) rejected.form = static_cast<uint32_t>(event.b);
  if (type == EventType::field_invalid && (event.flags & kFieldValidAgain)) {
    rejected.live_marked = false;  // the site took its mark back: accepted
    rejected.live_mark_ms = -1;
    return;
  }
  if (rejected.search) return;
  // The browser's own check runs on a submit attempt: never a live check.
  if (type != EventType::invalid && typingIn(rejected, now)) {
    rejected.live_marked = true;
    if (rejected.live_mark_ms < 0) rejected.live_mark_ms = now;
    return;
  }
  // A field counts again only after the user changed it: the same value rejected twice is one.
  if (rejected.failures.count == 0 || rejected.edited_since_failure)
    fieldFailed(rejected, now, sink);

  Form* owner = form(rejected.form, now, sink);
  if (!owner) return;
  const bool blocked_attempt =
      type == EventType::invalid && now - owner->last_invalid_ms > kSameAttemptMs;
  if (type == EventType::invalid) owner->last_invalid_ms = now;
  formRejected(*owner, rejected.id, blocked_attempt, now, sink);
}

// Leaving a field that the last input left invalid is a failure too (no message may show).
void FormStruggleDetector::onFocus(uint32_t target, double time_ms, FrictionSink& sink) {
  if (target == focused_) return;
  Field* left = findField(focused_);
  // Left invalid, or with a live check's mark still on it: the mark stayed.
  if (left && (left->left_invalid || left->live_marked) && left->edited_since_failure)
    fieldFailed(*left, time_ms, sink);
  focused_ = target;
}

// A button of a form ("Next", "Continue") that moves on without a submit event: not abandoned.
void FormStruggleDetector::onClick(const EventRecord& click, FrictionSink& sink) {
  const uint32_t traits = sink.targets().traits(click.target);
  const uint32_t leaves = kTextField | kFormControl | kLink | kNewTab | kDownload;
  if (!(traits & kActionable) || !(traits & kInForm) || (traits & leaves)) return;
  if (Form* owner = findForm(last_form_)) owner->handed_on_ms = click.time_ms;
}

void FormStruggleDetector::fieldFailed(Field& failed, double time_ms, FrictionSink& sink) {
  failed.edited_since_failure = false;
  failed.left_invalid = false;
  failed.live_marked = false;
  failed.live_mark_ms = -1;
  addEvidence(failed.failures, thresholds_.min_field_failures, failed.id,
              FrictionCause::validation_loop, time_ms, sink);
}

void FormStruggleDetector::addEvidence(Struggle& struggle, uint32_t threshold, uint32_t target,
                                       FrictionCause cause, double time_ms, FrictionSink& sink) {
  if (struggle.count > 0 && time_ms - struggle.last_ms > thresholds_.episode_idle_ms)
    close(struggle, sink);  // too long ago to be the same struggle
  if (struggle.count++ == 0) struggle.first_ms = time_ms;
  struggle.last_ms = time_ms;
  struggle.score = scoreFor(struggle.count, threshold);
  if (struggle.reported || struggle.muted || struggle.count < threshold) return;
  if (time_ms < cooldown_until_ms_) {
    struggle.muted = true;
    return;
  }
  struggle.reported = true;
  struggle.target = target;
  struggle.cause = cause;
  cooldown_until_ms_ = time_ms + thresholds_.cooldown_ms;
  sink.detected(Detection{kKind, target, time_ms, struggle.score, cause});
}

void FormStruggleDetector::close(Struggle& struggle, FrictionSink& sink) {
  if (struggle.reported)
    sink.episode(Episode{kKind, struggle.target, struggle.first_ms, struggle.last_ms,
                         struggle.count, struggle.score, struggle.cause});
  struggle = Struggle{};
}

void FormStruggleDetector::reportIfAbandoned(Form& left, double now_ms, FrictionSink& sink) {
  if (left.last_input_ms < 0) return;
  const bool submitted = left.submit_ms >= left.last_input_ms && !left.submit_failed;
  const bool handed_on = left.handed_on_ms >= left.last_input_ms;
  const bool effort = left.fields_edited >= thresholds_.min_abandon_fields ||
                      left.last_input_ms - left.first_input_ms >= thresholds_.min_abandon_ms;
  if (submitted || handed_on || !effort) return;
  // Surer with more fields filled in and with rejected submits before leaving.
  const double evidence = left.fields_edited + left.failed_submits.count;
  cooldown_until_ms_ = now_ms + thresholds_.cooldown_ms;
  sink.detectedAndOver(Detection{kKind, left.id, now_ms,
                                 scoreFor(evidence, thresholds_.min_abandon_fields),
                                 FrictionCause::abandonment},
                       left.fields_edited, left.first_input_ms);
}

void FormStruggleDetector::closeAll(FrictionSink& sink) {
  for (Field& open : fields_) {
    close(open.corrections, sink);
    close(open.failures, sink);
  }
  for (Form& open : forms_) close(open.failed_submits, sink);
}

void FormStruggleDetector::onTick(double now_ms, FrictionSink& sink) {
  const double idle = thresholds_.episode_idle_ms;
  judgeUnanswered(now_ms, sink);
  auto closeIfIdle = [&](Struggle& struggle) {
    if (struggle.count > 0 && now_ms - struggle.last_ms >= idle) close(struggle, sink);
  };
  for (Field& open : fields_) {
    closeIfIdle(open.corrections);
    closeIfIdle(open.failures);
  }
  for (Form& open : forms_) closeIfIdle(open.failed_submits);
}

void FormStruggleDetector::onStep(double now_ms, FrictionSink& sink) { flush(now_ms, sink); }

// The page or route is left: unfinished forms are reported, open episodes end, and the next
// page starts with nothing followed.
void FormStruggleDetector::flush(double now_ms, FrictionSink& sink) {
  for (Form& left : forms_)
    if (left.id != 0) reportIfAbandoned(left, now_ms, sink);
  carryForms();
  closeAll(sink);
  fields_.fill(Field{});
  forms_.fill(Form{});
  focused_ = last_form_ = 0;
}

double FormStruggleDetector::nextDeadline() const {
  double deadline = kNoDeadline;
  auto consider = [&](const Struggle& struggle) {
    if (struggle.reported)
      deadline = std::min(deadline, struggle.last_ms + thresholds_.episode_idle_ms);
  };
  for (const Field& open : fields_) {
    consider(open.corrections);
    consider(open.failures);
  }
  for (const Form& open : forms_) {
    consider(open.failed_submits);
    if (open.submit_pending)
      deadline = std::min(deadline, open.submit_ms + thresholds_.no_answer_ms);
  }
  return deadline;
}

FormStruggleDetector::Field* FormStruggleDetector::findField(uint32_t id) {
  if (id == 0) return nullptr;
  for (Field& candidate : fields_)
    if (candidate.id == id) return &candidate;
  return nullptr;
}

FormStruggleDetector::Form* FormStruggleDetector::findForm(uint32_t id) {
  if (id == 0) return nullptr;
  for (Form& candidate : forms_)
    if (candidate.id == id) return &candidate;
  return nullptr;
}

FormStruggleDetector::Field& FormStruggleDetector::field(uint32_t id, double time_ms,
                                                         FrictionSink& sink) {
  Field* slot = findField(id);
  if (!slot) {
    slot = &slotToReuse(fields_);
    close(slot->corrections, sink);
    close(slot->failures, sink);
    *slot = Field{};
    slot->id = id;
  }
  slot->seen_ms = time_ms;
  return *slot;
}

// Form 0 (a field outside any form) has no form-level state.
FormStruggleDetector::Form* FormStruggleDetector::form(uint32_t id, double time_ms,
                                                       FrictionSink& sink) {
  if (id == 0) return nullptr;
  Form* slot = findForm(id);
  if (!slot) {
    slot = &slotToReuse(forms_);
    close(slot->failed_submits, sink);
    *slot = Form{};
    slot->id = id;
    if (const TargetInfo* info = sink.targets().find(id)) slot->hash = info->selector_hash;
    // Sent on the page or step before this one: this one may be its answer, and counts on.
    if (const FormCarry::Sent* sent = carry_.arrived(slot->hash)) {
      slot->failed_submits.count = sent->rejected;
      slot->failed_submits.first_ms = slot->failed_submits.last_ms = sent->at_ms;
      if (time_ms - sent->at_ms <= thresholds_.submit_answer_ms) {
        slot->submit_ms = sent->at_ms;
        slot->submit_failed = sent->answered;
      }
    }
  }
  slot->seen_ms = time_ms;
  return slot;
}

}  // namespace friction
