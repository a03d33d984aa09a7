#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "detect/form_struggle.h"
#include "kit/detector_harness.h"
#include "kit/events.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr uint32_t kForm = 100;

// Drives one detector with one sink; each helper is one fact the JS layer would record.
struct Form : DetectorHarness<FormStruggleDetector> {
  explicit Form(FormStruggleThresholds thresholds = {}) : DetectorHarness(thresholds) {}

  void type(double t, uint32_t field, int32_t length, uint16_t flags = 0) {
    feed(input(t, field, length, kForm, flags));
  }
  void erase(double t, uint32_t field, int32_t length) { type(t, field, length, kInputDeletion); }
  void invalid(double t, uint32_t field) { feed(testing::invalid(t, field, kForm)); }
  void serverRejects(double t, uint32_t field) { feed(fieldInvalid(t, field, kForm)); }
  void submit(double t) { feed(testing::submit(t, kForm)); }
  void focus(double t, uint32_t target) { feed(testing::focus(t, target)); }
  void click(double t, uint32_t target) { feed(clickOn(t, target)); }
  // Types a value of `length` characters, one input event per 150 ms; returns the end time.
  double fill(double t, uint32_t field, int32_t length) {
    for (int32_t i = 1; i <= length; ++i) type(t += 150, field, i);
    return t;
  }
};
}  // namespace

TEST_CASE("three separate corrections on one field fire once, on the third") {
  Form form;
  double t = form.fill(0, 11, 8);
  form.erase(t += 200, 11, 7);  // correction 1: a burst of two deletions
  form.erase(t += 100, 11, 6);
  t = form.fill(t, 11, 8);
  form.erase(t += 200, 11, 7);  // correction 2
  t = form.fill(t, 11, 9);
  CHECK(form.sink.detections.empty());
  const double third = t += 200;
  form.erase(third, 11, 8);  // correction 3
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].kind == FrictionKind::form_struggle);
  CHECK(form.sink.detections[0].target == 11);
  CHECK(form.sink.detections[0].at_ms == third);
  CHECK(form.sink.detections[0].score == doctest::Approx(0.5));

  form.type(t += 150, 11, 9);
  form.erase(t += 150, 11, 8);  // correction 4: same episode, no second alarm
  CHECK(form.sink.detections.size() == 1);
  CHECK(form.detector.nextDeadline() == doctest::Approx(t + 60000));
  form.tick(t + 59999);
  CHECK(form.sink.episodes.empty());
  form.tick(t + 60000);
  REQUIRE(form.sink.episodes.size() == 1);
  CHECK(form.sink.episodes[0].target == 11);
  CHECK(form.sink.episodes[0].count == 4);
  CHECK(form.sink.episodes[0].ended_ms == t);
}

TEST_CASE("a long struggle on one field is told once, however long it lasts") {
  Form form;
  double t = 0;
  for (int i = 0; i < 8; ++i) {  // a correction every 20 s: past the cool-down, within a minute
    t = form.fill(t, 11, 4);
    form.erase(t += 100, 11, 3);
    t += 20000;
  }
  CHECK(form.sink.detections.size() == 1);
  form.tick(t + 60000);
  REQUIRE(form.sink.episodes.size() == 1);
  CHECK(form.sink.episodes[0].count == 8);
  CHECK(form.sink.episodes[0].score == doctest::Approx(1.0));
}

TEST_CASE("a typo fixed once, or a value cleared with one held backspace, is not struggle") {
  Form form;
  double t = form.fill(0, 11, 6);
  form.erase(t += 200, 11, 5);
  t = form.fill(t, 11, 6);
  for (int32_t length = 5; length >= 0; --length) form.erase(t += 50, 11, length);  // one burst
  t = form.fill(t, 11, 12);
  form.submit(t += 1000);
  form.detector.onStep(t + 2000, form.sink);
  CHECK(form.sink.detections.empty());
  CHECK(form.sink.episodes.empty());
}

TEST_CASE("revising free text longer than 50 characters is writing, not struggle") {
  Form form;
  double t = form.fill(0, 12, 60);
  for (int i = 0; i < 5; ++i) {
    form.erase(t += 300, 12, 59);
    form.type(t += 300, 12, 60);
  }
  CHECK(form.sink.detections.empty());
}

TEST_CASE("a field the site rejects again after an edit is struggle on that field") {
  Form form;
  double t = form.fill(0, 11, 5);
  form.submit(t += 500);
  form.serverRejects(t += 400, 11);  // first rejection: how the user learns the rule
  CHECK(form.sink.detections.empty());
  t = form.fill(t, 11, 7);
  form.submit(t += 500);
  form.serverRejects(t += 400, 11);  // rejected again after the fix
  // The form failed twice as well; the page is told once, about the field (more precise).
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == 11);
}

TEST_CASE("leaving a field invalid after editing it, twice, is struggle") {
  Form form;
  form.focus(0, 11);
  form.type(100, 11, 3, kInputInvalid);
  form.focus(1000, 12);  // left invalid: failure 1
  form.focus(2000, 11);
  form.focus(3000, 12);  // nothing edited in between: no new failure
  CHECK(form.sink.detections.empty());
  form.focus(4000, 11);
  form.type(4100, 11, 4, kInputInvalid);
  form.focus(5000, 12);  // failure 2
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == 11);
}

TEST_CASE("a form whose blocked submit fails twice is struggle on the form") {
  Form form;
  double t = form.fill(0, 11, 4);
  form.invalid(t += 1000, 12);  // one attempt: every invalid field at once
  form.invalid(t + 1, 13);
  CHECK(form.sink.detections.empty());
  // Resubmitted without changing fields 12 and 13: they do not count twice, the form does.
  form.invalid(t += 5000, 12);
  form.invalid(t + 1, 13);
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == kForm);
  form.detector.flush(t + 100, form.sink);
  // The open episode closes with the number of failed submits (one field edited: no abandon).
  REQUIRE(form.sink.episodes.size() == 1);
  CHECK(form.sink.episodes[0].target == kForm);
  CHECK(form.sink.episodes[0].count == 2);
}

TEST_CASE("aria-invalid long after a submit is a live check, not the submit failing") {
  Form form;
  double t = form.fill(0, 11, 4);
  form.submit(t += 500);
  form.serverRejects(t += 800, 11);  // the submit's answer: failed submit 1
  t = form.fill(t, 11, 6);
  form.submit(t += 500);
  form.feed(requestStart(t + 50, 1));  // answered (by a fetch): not a submit that did nothing
  form.serverRejects(t += 20000, 12);  // 20 s later: not this submit's answer
  CHECK(form.sink.detections.empty());
}

TEST_CASE("a form filled and submitted, or tabbed through, is not struggle") {
  Form form;
  double t = 0;
  for (uint32_t field = 11; field <= 15; ++field) {
    form.focus(t += 500, field);
    t = form.fill(t, field, 10);
  }
  form.submit(t += 1000);
  form.detector.onStep(t + 3000, form.sink);

  for (uint32_t field = 11; field <= 15; ++field) form.focus(t += 200, field);
  form.detector.flush(t + 1000, form.sink);
  CHECK(form.sink.detections.empty());
  CHECK(form.sink.episodes.empty());
}

TEST_CASE("a form left unfinished after real effort is reported when the step changes") {
  SUBCASE("three fields edited") {
    Form form;
    double t = form.fill(1000, 11, 5);
    t = form.fill(t, 12, 5);
    t = form.fill(t, 13, 5);
    form.detector.onStep(t + 5000, form.sink);
    REQUIRE(form.sink.detections.size() == 1);
    CHECK(form.sink.detections[0].target == kForm);
    CHECK(form.sink.detections[0].at_ms == t + 5000);
    REQUIRE(form.sink.episodes.size() == 1);
    CHECK(form.sink.episodes[0].count == 3);
    CHECK(form.sink.episodes[0].started_ms == 1150);
  }
  SUBCASE("half a minute typing one field, then the page leaves") {
    Form form;
    form.type(0, 11, 1);
    form.type(31000, 11, 200);
    form.detector.flush(40000, form.sink);
    CHECK(form.sink.detections.size() == 1);
  }
  SUBCASE("a rejected submit does not finish the form") {
    Form form;
    double t = form.fill(0, 11, 5);
    t = form.fill(t, 12, 5);
    t = form.fill(t, 13, 5);
    form.submit(t += 500);
    form.serverRejects(t += 500, 12);
    form.detector.onStep(t + 5000, form.sink);
    CHECK(form.sink.detections.size() == 1);
  }
  SUBCASE("two fields and a few seconds are not effort") {
    Form form;
    double t = form.fill(0, 11, 5);
    t = form.fill(t, 12, 5);
    form.detector.onStep(t + 5000, form.sink);
    CHECK(form.sink.detections.empty());
  }
}

TEST_CASE("a button of the form that moves on without a submit is not abandonment") {
  Form form;
  form.sink.mark(50, kActionable | kInForm);
  double t = form.fill(0, 11, 5);
  t = form.fill(t, 12, 5);
  t = form.fill(t, 13, 5);
  form.click(t += 500, 50);  // "Next" in a multi-step form handled by script
  form.detector.onStep(t + 300, form.sink);
  CHECK(form.sink.detections.empty());
}

TEST_CASE("after telling the page, other struggles stay quiet for the cool-down") {
  Form form;
  auto struggle = [&](double t, uint32_t field) {
    for (int i = 0; i < 3; ++i) {
      t = form.fill(t, field, 4);
      form.erase(t += 100, field, 3);
    }
  };
  struggle(0, 11);
  REQUIRE(form.sink.detections.size() == 1);
  struggle(5000, 12);  // within 30 s: folded into the help already offered
  CHECK(form.sink.detections.size() == 1);
  struggle(40000, 13);
  CHECK(form.sink.detections.size() == 2);
  form.tick(200000);
  CHECK(form.sink.episodes.size() == 2);  // 11 and 13; the muted one is not a signal
}

TEST_CASE("corrections more than a minute apart do not add up") {
  Form form;
  double t = 0;
  for (int i = 0; i < 4; ++i) {
    t = form.fill(t, 11, 4);
    form.erase(t += 100, 11, 3);
    t += 61000;
  }
  CHECK(form.sink.detections.empty());
}

TEST_CASE("memory is bounded: the least recent field is evicted and its episode reported") {
  Form form;
  double t = 0;
  for (int i = 0; i < 3; ++i) {
    t = form.fill(t, 11, 4);
    form.erase(t += 100, 11, 3);
  }
  REQUIRE(form.sink.detections.size() == 1);
  for (uint32_t field = 1000; field < 1000 + FormStruggleDetector::kMaxFields; ++field)
    form.type(t += 100, field, 1);
  REQUIRE(form.sink.episodes.size() == 1);
  CHECK(form.sink.episodes[0].target == 11);
}

TEST_CASE("form struggle thresholds are set by name within their ranges") {
  FormStruggleThresholds thresholds;
  CHECK(thresholds.set("min_corrections", 4));
  CHECK(thresholds.min_corrections == 4);
  CHECK(thresholds.set("min_abandon_ms", 60000));
  CHECK_FALSE(thresholds.set("min_corrections", 1));
  CHECK_FALSE(thresholds.set("no_such_threshold", 1));

  Form form(thresholds);
  double t = 0;
  for (int i = 0; i < 3; ++i) {
    t = form.fill(t, 11, 4);
    form.erase(t += 100, 11, 3);
  }
  CHECK(form.sink.detections.empty());
  t = form.fill(t, 11, 4);
  form.erase(t += 100, 11, 3);
  CHECK(form.sink.detections.size() == 1);
}

TEST_CASE("an impatient user pressing submit again within a second makes a second attempt") {
  Form form;
  double t = form.fill(0, 11, 4);
  form.invalid(t += 1000, 12);
  form.invalid(t + 1, 13);
  form.invalid(t += 500, 12);  // half a second later: a new attempt, not the same one
  form.invalid(t + 1, 13);
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == kForm);
}

// Issue 16: forms as they really fail.
namespace {
constexpr uint32_t kCode = 31;    // a 6-digit code field
constexpr uint32_t kVerify = 51;  // its form's only button (type=button, sent by a script)

void sendClick(Form& form, double t, uint32_t button = kVerify) {
  form.feed(event(EventType::submit_click, t, button, 0, kForm));
}
void nativeSubmit(Form& form, double t, uint32_t form_id = kForm) {
  form.feed(event(EventType::submit, t, form_id, 0, 0, kSubmitNative));
}
void message(Form& form, double t, uint32_t field, int32_t source, uint16_t flags = 0,
             uint32_t form_id = kForm) {
  form.feed(event(EventType::form_message, t, field, source, static_cast<int32_t>(form_id), flags));
}
void markTakenBack(Form& form, double t, uint32_t field) {
  form.feed(event(EventType::field_invalid, t, field, 0, kForm, kFieldValidAgain));
}
}  // namespace

TEST_CASE("each report says why: re-entry, validation loop, rejected submit, abandonment") {
  SUBCASE("corrections") {
    Form form;
    double t = 0;
    for (int i = 0; i < 3; ++i) {
      t = form.fill(t, 11, 4);
      form.erase(t += 100, 11, 3);
    }
    REQUIRE(form.sink.detections.size() == 1);
    CHECK(form.sink.detections[0].cause == FrictionCause::re_entry);
    form.tick(t + 60000);
    REQUIRE(form.sink.episodes.size() == 1);
    CHECK(form.sink.episodes[0].cause == FrictionCause::re_entry);
  }
  SUBCASE("a field rejected twice") {
    Form form;
    double t = form.fill(0, 11, 5);
    form.submit(t += 500);
    form.serverRejects(t += 400, 11);
    t = form.fill(t, 11, 7);
    form.submit(t += 500);
    form.serverRejects(t += 400, 11);
    REQUIRE(form.sink.detections.size() == 1);
    CHECK(form.sink.detections[0].cause == FrictionCause::validation_loop);
    form.detector.flush(t + 100, form.sink);
    REQUIRE_FALSE(form.sink.episodes.empty());
    CHECK(form.sink.episodes[0].cause == FrictionCause::validation_loop);
    CHECK(form.sink.episodes[0].target == 11);
  }
  SUBCASE("a blocked form, twice") {
    Form form;
    double t = form.fill(0, 11, 4);
    form.invalid(t += 1000, 12);
    form.invalid(t += 5000, 12);
    REQUIRE(form.sink.detections.size() == 1);
    CHECK(form.sink.detections[0].cause == FrictionCause::rejected_submit);
    // The same field alone stopped both attempts: it is the one named.
    CHECK(form.sink.detections[0].target == 12);
  }
  SUBCASE("left unfinished") {
    Form form;
    double t = form.fill(0, 11, 5);
    t = form.fill(t, 12, 5);
    t = form.fill(t, 13, 5);
    form.detector.onStep(t + 5000, form.sink);
    REQUIRE(form.sink.detections.size() == 1);
    CHECK(form.sink.detections[0].cause == FrictionCause::abandonment);
    CHECK(form.sink.episodes[0].cause == FrictionCause::abandonment);
  }
}

TEST_CASE("a form the server renders again with errors, twice across page loads, is rejected") {
  constexpr uint64_t kProfileHash = 0xfeed0001;
  constexpr double kOrigin = 1.7e12;  // wall-clock ms at page 1's time origin
  // Page 1: filled and posted; the browser leaves for the server's answer.
  Form page1;
  page1.sink.markHashed(kForm, kInForm, kProfileHash);
  double t = page1.fill(0, 11, 5);
  nativeSubmit(page1, t += 500);
  page1.detector.flush(t + 50, page1.sink);
  const std::string after1 = page1.detector.carriedState(kOrigin);
  CHECK_FALSE(after1.empty());
  CHECK(after1.find(' ') == 16);  // a hash, a time, a count: never a value

  // Page 2 (new ids), 700 ms later: the form is back with the field marked. The first refusal.
  const double origin2 = kOrigin + t + 700;
  Form page2;
  page2.sink.markHashed(200, kInForm, kProfileHash);
  page2.detector.restoreCarried(after1, origin2, 100);
  page2.feed(fieldInvalid(150, 21, 200));
  CHECK(page2.sink.detections.empty());
  double t2 = page2.fill(3000, 21, 6);
  nativeSubmit(page2, t2 += 500, 200);
  page2.detector.flush(t2 + 50, page2.sink);
  CHECK(page2.sink.detections.empty());

  // Page 3: refused again. The count survived the page load.
  Form page3;
  page3.sink.markHashed(300, kInForm, kProfileHash);
  page3.detector.restoreCarried(page2.detector.carriedState(origin2), origin2 + t2 + 900, 50);
  page3.feed(fieldInvalid(120, 41, 300));
  REQUIRE(page3.sink.detections.size() == 1);
  CHECK(page3.sink.detections[0].cause == FrictionCause::rejected_submit);
  CHECK(page3.sink.detections[0].target == 300);

  SUBCASE("not when the form comes back long after it was sent (an old tab, a later visit)") {
    Form later;
    later.sink.markHashed(300, kInForm, kProfileHash);
    later.detector.restoreCarried(page2.detector.carriedState(origin2), origin2 + t2 + 60000, 50);
    later.feed(fieldInvalid(120, 41, 300));
    CHECK(later.sink.detections.empty());
  }
  SUBCASE("not for another form on the next page") {
    Form other;
    other.sink.markHashed(300, kInForm, 0xbeef);
    other.detector.restoreCarried(page2.detector.carriedState(origin2), origin2 + t2 + 900, 50);
    other.feed(fieldInvalid(120, 41, 300));
    CHECK(other.sink.detections.empty());
  }
}

TEST_CASE("the carried forms text is bounded and what does not parse is skipped") {
  FormCarry carry;
  for (uint64_t hash = 1; hash <= 10; ++hash) carry.sent({hash, 100.0 * hash, 3, hash % 2 == 0});
  const std::string state = carry.state(1000);
  CHECK(std::count(state.begin(), state.end(), '\n') == FormCarry::kMaxForms);
  FormCarry restored;
  restored.restore("zz 12 1 0\n00000000000000aa 1500 99 0\n00000000000000ab nope 1 0\n"
                   "00000000000000ac 1500 1 7\n00000000000000ad 1500 1\n" + state,
                   1000, 1000, 10000);
  CHECK(restored.state(1000) == state);  // the garbage and the count out of range are gone
  const FormCarry::Sent* tenth = restored.arrived(10);
  REQUIRE(tenth != nullptr);
  CHECK(tenth->rejected == 3);
  CHECK(tenth->answered);
  CHECK(restored.arrived(10) == nullptr);  // one arrival per sending
  FormCarry stale;
  stale.restore(state, 1000, 100000, 60000);  // more than a minute later: struggles start again
  CHECK(stale.state(1000).empty());
}

TEST_CASE("a form refused before an SPA step change and after it counts on") {
  Form form;
  form.sink.markHashed(kForm, kInForm, 0xfeed0002);
  double t = form.fill(0, 11, 5);
  form.submit(t += 500);
  form.serverRejects(t += 300, 11);
  form.detector.onStep(t += 100, form.sink);  // the route changes with the form still there
  t = form.fill(t, 12, 5);
  form.submit(t += 500);
  form.serverRejects(t += 300, 12);
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].cause == FrictionCause::rejected_submit);
}

TEST_CASE("an error message near a field after a script's submit, twice after edits, is a loop") {
  Form form;
  form.sink.mark(kVerify, kActionable | kInForm);
  double t = form.fill(0, kCode, 6);
  sendClick(form, t += 800);
  message(form, t += 300, kCode, kMessageAlert);  // "That code is not right" (role=alert)
  CHECK(form.sink.detections.empty());
  // Typed afresh (selected and overtyped: no deletion), sent, refused again.
  t += 2000;
  for (int32_t i = 1; i <= 6; ++i) form.type(t += 150, kCode, i);
  sendClick(form, t += 800);
  message(form, t += 300, kCode, kMessageAlert);
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == kCode);
  CHECK(form.sink.detections[0].cause == FrictionCause::validation_loop);
}

TEST_CASE("a code checked as it is completed, refused, retyped and refused again, is a loop") {
  Form form;
  form.focus(0, kCode);
  double t = form.fill(0, kCode, 6);
  message(form, t += 200, kCode, kMessageDescribed);  // checked at the 6th digit, while focused
  CHECK(form.sink.detections.empty());
  // They read it, then retype from the first digit: the mark stayed, a refusal.
  t += 2500;
  for (int32_t i = 1; i <= 6; ++i) form.type(t += 150, kCode, i);
  message(form, t += 200, kCode, kMessageDescribed);
  CHECK(form.sink.detections.empty());
  form.type(t += 3000, kCode, 1);
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == kCode);
}

TEST_CASE("a live check that flags an email while it is typed, then accepts it, is silent") {
  Form form;
  form.focus(0, 11);
  double t = 0;
  for (int32_t i = 1; i <= 14; ++i) {  // flagged at each keystroke until the address is whole
    form.type(t += 180, 11, i);
    if (i < 14) form.serverRejects(t + 5, 11);
  }
  markTakenBack(form, t + 5, 11);
  form.focus(t += 800, 12);
  // A typo fixed once in it later: flagged while retyped, accepted again.
  form.focus(t += 2000, 11);
  form.erase(t += 300, 11, 13);
  form.serverRejects(t + 5, 11);
  form.type(t += 200, 11, 14);
  markTakenBack(form, t + 5, 11);
  form.focus(t += 500, 12);
  form.submit(t += 1000);
  form.detector.flush(t + 2000, form.sink);
  CHECK(form.sink.detections.empty());
  CHECK(form.sink.episodes.empty());
}

TEST_CASE("a live check's mark left on a field twice after edits is a loop") {
  Form form;
  form.focus(0, 11);
  double t = form.fill(0, 11, 5);
  form.serverRejects(t + 5, 11);
  form.focus(t += 1000, 12);  // left marked: failure 1
  form.focus(t += 500, 11);
  t = form.fill(t, 11, 7);
  form.serverRejects(t + 5, 11);
  form.focus(t += 1000, 12);  // failure 2
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == 11);
  CHECK(form.sink.detections[0].cause == FrictionCause::validation_loop);
}

TEST_CASE("a success message, or a status about nothing wrong, is not a refusal") {
  Form form;
  double t = form.fill(0, 11, 5);
  for (int i = 0; i < 3; ++i) {
    form.submit(t += 500);
    message(form, t += 300, 11, kMessageStatus);  // "Saved" in role=status near the field
    message(form, t + 1, 0, kMessageStatus);      // ... or for the whole form
    t = form.fill(t, 11, 5);
  }
  form.detector.flush(t + 100, form.sink);
  CHECK(form.sink.detections.empty());
  CHECK(form.sink.episodes.empty());
  SUBCASE("but a status whose field is invalid is") {
    Form other;
    double u = other.fill(0, 11, 5);
    other.submit(u += 500);
    message(other, u += 300, 11, kMessageStatus, kMessageFieldInvalid);
    u = other.fill(u, 11, 6);
    other.submit(u += 500);
    message(other, u += 300, 11, kMessageStatus, kMessageFieldInvalid);
    CHECK(other.sink.detections.size() == 1);
  }
}

TEST_CASE("an alert tied to no field answers the form sent last") {
  Form form;
  double t = form.fill(0, 11, 5);
  form.submit(t += 500);
  message(form, t += 300, 0, kMessageAlert, 0, 0);  // a toast at the top of the page
  t = form.fill(t, 11, 6);
  form.submit(t += 500);
  message(form, t += 300, 0, kMessageAlert, 0, 0);
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == kForm);
  CHECK(form.sink.detections[0].cause == FrictionCause::rejected_submit);
}

TEST_CASE("a submit answered by nothing, twice, is a rejected submit on the form") {
  Form form;
  double t = form.fill(0, 11, 5);
  sendClick(form, t += 500);
  form.tick(t + 2499);
  CHECK(form.sink.detections.empty());
  CHECK(form.detector.nextDeadline() == doctest::Approx(t + 2500));
  form.tick(t + 2500);  // one dead submit is a dead click's business
  CHECK(form.sink.detections.empty());
  sendClick(form, t += 4000);
  form.tick(t + 2600);
  REQUIRE(form.sink.detections.size() == 1);
  CHECK(form.sink.detections[0].target == kForm);
  CHECK(form.sink.detections[0].cause == FrictionCause::rejected_submit);
  CHECK(form.sink.detections[0].at_ms == doctest::Approx(t + 2500));
}

TEST_CASE("submits the page answers, or the browser sends, are not rejected") {
  Form form;
  double t = form.fill(0, 11, 5);
  for (int i = 0; i < 3; ++i) {
    sendClick(form, t += 500);
    form.submit(t + 2);                      // the same attempt
    form.feed(requestStart(t + 20, i + 1));  // a fetch answers it
    form.tick(t += 5000);
  }
  for (int i = 0; i < 3; ++i) {  // a native post to a slow server: loading is its answer
    sendClick(form, t += 500);
    form.submit(t + 2);
    nativeSubmit(form, t + 4);
    form.tick(t += 5000);
  }
  form.feed(event(EventType::submit_click, t += 500, kVerify, 0, kForm));
  form.feed(domChange(t + 300));  // a multi-step form shows its next step
  form.tick(t += 5000);
  form.detector.onStep(t, form.sink);
  CHECK(form.sink.detections.empty());
}

TEST_CASE("a password manager filling many fields at once is not effort left behind") {
  Form form;
  double t = 1000;
  for (uint32_t field = 11; field <= 16; ++field) form.type(t += 3, field, 12);
  form.detector.onStep(t + 20000, form.sink);
  CHECK(form.sink.detections.empty());
}

TEST_CASE("a search box edited again and again is refining, not struggle") {
  Form form;
  form.sink.mark(11, kTextField | kInForm | kSearchField);
  double t = 0;
  for (int i = 0; i < 6; ++i) {
    t = form.fill(t, 11, 8);
    for (int32_t length = 7; length >= 3; --length) form.erase(t += 60, 11, length);
    form.submit(t += 300);
    form.serverRejects(t + 200, 11);  // "no results" marks it
    t += 2000;
  }
  form.detector.flush(t, form.sink);
  CHECK(form.sink.detections.empty());
}

TEST_CASE("form struggle's new thresholds are set by name within their ranges") {
  FormStruggleThresholds thresholds;
  CHECK(thresholds.set("no_answer_ms", 4000));
  CHECK(thresholds.no_answer_ms == 4000);
  CHECK(thresholds.set("typing_ms", 1500));
  CHECK(thresholds.set("autofill_ms", 20));
  CHECK_FALSE(thresholds.set("no_answer_ms", 10));
  CHECK_FALSE(thresholds.set("autofill_ms", 5000));
}
