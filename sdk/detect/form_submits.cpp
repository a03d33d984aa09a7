// Form struggle, the whole form's side: submits (events and clicks on the submit button), what
// answers them (a rejection, a message, anything at all, or nothing), and the failed submits
// they add up to. The fields' side is form_struggle.cpp; thresholds in form_struggle.h.
#include "detect/form_struggle.h"

namespace friction {

// A submit event, or a click on the form's submit button (sites that send from a script fire
// no submit event): one attempt when both come together.
void FormStruggleDetector::onSubmit(const EventRecord& event, FrictionSink& sink) {
  const bool clicked = static_cast<EventType>(event.type) == EventType::submit_click;
  Form* sent = form(clicked ? static_cast<uint32_t>(event.b) : event.target, event.time_ms, sink);
  if (!sent) return;
  judgeUnanswered(event.time_ms, sink);  // the one before, if it has waited long enough
  const bool same_attempt = event.time_ms - sent->submit_ms < kSameAttemptMs;
  if (!same_attempt) {
    sent->submit_failed = false;
    sent->last_named = sent->named_field;
    sent->named_field = 0;
    sent->submit_pending = true;
  }
  sent->submit_ms = event.time_ms;
  // The browser sends it: loading the answer is the answer (it may take longer than a script's).
  if (!clicked && (event.flags & kSubmitNative)) sent->submit_pending = false;
  carry_.sent({sent->hash, event.time_ms, sent->failed_submits.count, false});
}

// A message about a field or a form appeared (its text never reaches the core).
void FormStruggleDetector::onMessage(const EventRecord& message, FrictionSink& sink) {
  // A polite status ("Saved", "3 results") says something is wrong only about an invalid field.
  if (message.a == kMessageStatus && !(message.flags & kMessageFieldInvalid)) return;
  if (message.target != 0) return onRejected(message, sink);
  // Not tied to a field: an answer to the form sent last, if it is one.
  Form* owner = findForm(static_cast<uint32_t>(message.b));
  if (!owner)
    for (Form& candidate : forms_)
      if (candidate.id != 0 && (!owner || candidate.submit_ms > owner->submit_ms)) owner = &candidate;
  if (owner && !owner->submit_failed &&
      message.time_ms - owner->submit_ms <= thresholds_.submit_answer_ms)
    formRejected(*owner, 0, false, message.time_ms, sink);
}

// Whether a mark on this field now is a live check of what the visitor is typing.
bool FormStruggleDetector::typingIn(const Field& field, double time_ms) {
  if (focused_ != field.id || time_ms - field.last_input_ms >= thresholds_.typing_ms) return false;
  const Form* owner = findForm(field.form);
  return !owner || owner->submit_ms < field.last_input_ms;  // sent since: it is the answer
}

// The page or step is left: what the next one needs to go on counting each form's refusals (a
// count already reported starts again: its episode ends here).
void FormStruggleDetector::carryForms() {
  for (const Form& left : forms_)
    if (left.id != 0 && left.hash != 0 && left.submit_ms > -1e299)
      carry_.sent({left.hash, left.submit_ms,
                   left.failed_submits.reported ? 0 : left.failed_submits.count, left.submit_failed});
}

void FormStruggleDetector::judgeUnanswered(double now_ms, FrictionSink& sink) {
  for (Form& waiting : forms_) {
    if (!waiting.submit_pending || now_ms - waiting.submit_ms < thresholds_.no_answer_ms) continue;
    waiting.submit_pending = false;
    formRejected(waiting, 0, false, waiting.submit_ms + thresholds_.no_answer_ms, sink);
  }
}

// The form's last submit was answered by a rejection (naming `field`, 0 = none), or the browser
// blocked a new attempt: one failed submit, once per attempt.
void FormStruggleDetector::formRejected(Form& owner, uint32_t field, bool blocked, double time_ms,
                                        FrictionSink& sink) {
  const bool answers_submit =
      !owner.submit_failed && time_ms - owner.submit_ms <= thresholds_.submit_answer_ms;
  if (answers_submit) {
    owner.named_field = field;  // the first the answer names
  } else if (blocked) {         // a new attempt without a submit before it
    owner.last_named = owner.named_field;
    owner.named_field = field;
  } else {
    if (field != owner.named_field) owner.named_field = 0;  // the same answer names several
    return;
  }
  owner.submit_failed = answers_submit || owner.submit_failed;
  owner.submit_pending = false;
  // Which field made the form fail: the one both of the last answers named alone, else the form.
  const uint32_t target = field != 0 && field == owner.last_named ? field : owner.id;
  addEvidence(owner.failed_submits, thresholds_.min_failed_submits, target,
              FrictionCause::rejected_submit, time_ms, sink);
}

}  // namespace friction
