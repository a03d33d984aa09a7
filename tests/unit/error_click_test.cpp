#include <doctest/doctest.h>

#include "detect/error_click.h"
#include "kit/detector_harness.h"
#include "kit/events.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr uint32_t kButton = 7;
constexpr uint32_t kOther = 8;

using Page = DetectorHarness<ErrorClickDetector>;
}  // namespace

TEST_CASE("a script error right after a click is an error click, told at once") {
  Page page;
  page.feed(clickOn(1000, kButton));
  page.feed(jsError(1300));
  REQUIRE(page.sink.detections.size() == 1);
  const Detection& error = page.sink.detections[0];
  CHECK(error.kind == FrictionKind::error_click);
  CHECK(error.target == kButton);
  CHECK(error.at_ms == 1300);
  CHECK(error.score == doctest::Approx(0.8));
  REQUIRE(page.sink.episodes.size() == 1);
  CHECK(page.sink.episodes[0].started_ms == 1000);
  CHECK(page.sink.episodes[0].count == 1);
}

TEST_CASE("an unhandled rejection counts, with less certainty") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(jsError(50, kErrorRejection));
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].score == doctest::Approx(0.6));
}

TEST_CASE("errors with no recent click are background errors") {
  Page page;
  SUBCASE("no click at all") { page.feed(jsError(500)); }
  SUBCASE("an error before the click") {
    page.feed(jsError(500));
    page.feed(clickOn(600, kButton));
  }
  SUBCASE("an error after the window") {
    page.feed(clickOn(0, kButton));
    page.feed(jsError(1001));
  }
  SUBCASE("a failed request no click set off") {
    page.feed(requestStart(100, 1));
    page.feed(clickOn(200, kButton));
    page.feed(requestEnd(400, 1, 5));
  }
  SUBCASE("a failed request started after the window") {
    page.feed(clickOn(0, kButton));
    page.feed(requestStart(1200, 1));
    page.feed(requestEnd(1400, 1, 5));
  }
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a request the click set off may fail later") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(150, 42));
  int32_t status_class = 0;
  double score = 0;
  SUBCASE("network error") { status_class = 0; score = 0.8; }
  SUBCASE("server error") { status_class = 5; score = 0.8; }
  page.feed(requestEnd(6000, 42, status_class));
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].at_ms == 6000);
  CHECK(page.sink.detections[0].score == doctest::Approx(score));
}

TEST_CASE("a 4xx is the page answering (a refused postcode), not an error click") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(150, 42));
  page.feed(requestEnd(600, 42, 4));
  CHECK(page.sink.detections.empty());
}

TEST_CASE("a successful request, or one that fails too late, is not an error click") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(150, 42));
  SUBCASE("success") { page.feed(requestEnd(800, 42, 2)); }
  SUBCASE("redirect") { page.feed(requestEnd(800, 42, 3)); }
  SUBCASE("failed after the limit") { page.feed(requestEnd(10001, 42, 5)); }
  CHECK(page.sink.detections.empty());
}

TEST_CASE("an error thrown while handling the click's response counts") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(100, 1));
  page.feed(requestEnd(3000, 1, 2));
  SUBCASE("right after the response") {
    page.feed(jsError(3050));
    REQUIRE(page.sink.detections.size() == 1);
    CHECK(page.sink.detections[0].target == kButton);
  }
  SUBCASE("long after it") {
    page.feed(jsError(4500));
    CHECK(page.sink.detections.empty());
  }
}

TEST_CASE("an error goes to the most recent click") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(clickOn(400, kOther));
  page.feed(jsError(600));
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].target == kOther);
}

TEST_CASE("a request's failure goes to the click that set it off") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(100, 1));
  page.feed(clickOn(3000, kOther));
  page.feed(requestEnd(3500, 1, 5));
  REQUIRE(page.sink.detections.size() == 1);
  CHECK(page.sink.detections[0].target == kButton);
}

TEST_CASE("each click is reported once, whatever follows it") {
  ErrorClickThresholds no_cooldown;
  no_cooldown.cooldown_ms = 0;
  Page page(no_cooldown);
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(10, 1));
  page.feed(jsError(100));
  page.feed(jsError(200));
  page.feed(requestEnd(900, 1, 5));
  CHECK(page.sink.detections.size() == 1);
}

TEST_CASE("a user retrying a failing button is one episode until the cool-down passes") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(jsError(100));
  page.feed(clickOn(3000, kButton));
  page.feed(jsError(3100));  // retry: same episode
  page.feed(clickOn(7000, kButton));
  page.feed(jsError(7100));  // 4 s after the last error: still the same episode
  CHECK(page.sink.detections.size() == 1);
  page.feed(clickOn(12500, kButton));
  page.feed(jsError(12600));  // 5.5 s of quiet
  CHECK(page.sink.detections.size() == 2);
  page.feed(clickOn(13000, kOther));
  page.feed(jsError(13100));  // another control is its own episode
  CHECK(page.sink.detections.size() == 3);
}

TEST_CASE("the page leaving forgets clicks and requests in flight") {
  Page page;
  page.feed(clickOn(0, kButton));
  page.feed(requestStart(100, 1));
  page.detector.flush(200, page.sink);
  page.feed(jsError(1600));
  page.feed(clickOn(2000, kButton));  // on the next page; request ids start again there
  page.feed(requestEnd(2500, 1, 5));  // the old page's request 1, not the new page's
  CHECK(page.sink.detections.empty());
  CHECK(page.detector.nextDeadline() == kNoDeadline);
}

TEST_CASE("error click thresholds are settable within range") {
  ErrorClickThresholds thresholds;
  CHECK(thresholds.set("window_ms", 2000));
  CHECK(thresholds.set("request_limit_ms", 30000));
  CHECK(thresholds.set("cooldown_ms", 0));
  CHECK_FALSE(thresholds.set("window_ms", 0));
  CHECK_FALSE(thresholds.set("request_limit_ms", 1e6));
  CHECK_FALSE(thresholds.set("nope", 1));
  Page page(thresholds);
  page.feed(clickOn(0, kButton));
  page.feed(jsError(1800));
  CHECK(page.sink.detections.size() == 1);
}
