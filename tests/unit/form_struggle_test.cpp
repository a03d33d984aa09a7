#include <doctest/doctest.h>

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
