#include <doctest/doctest.h>

#include "detect/quick_back.h"

using namespace friction;

TEST_CASE("A -> B -> A within ten seconds is a quick back from B") {
  QuickBackDetector detector;
  CHECK_FALSE(detector.onEnterStep("/products", 0));
  CHECK_FALSE(detector.onEnterStep("/product/:id", 2000));
  auto uturn = detector.onEnterStep("/products", 6000);
  REQUIRE(uturn);
  CHECK(uturn->left_step == "/product/:id");
  CHECK(uturn->dwell_ms == 4000);
  CHECK(uturn->score == doctest::Approx(0.8));
}

TEST_CASE("staying long, going forward, or reloading is not a quick back") {
  QuickBackDetector detector;
  detector.onEnterStep("/a", 0);
  detector.onEnterStep("/b", 1000);
  CHECK_FALSE(detector.onEnterStep("/a", 12001));  // read B for 11 s
  CHECK_FALSE(detector.onEnterStep("/c", 13000));
  CHECK_FALSE(detector.onEnterStep("/c", 13500));  // same step again: not a move
  CHECK_FALSE(detector.onEnterStep("/d", 14000));
}

TEST_CASE("the journey survives a page load through its state text") {
  QuickBackDetector before;
  before.onEnterStep("/cart", 1000);
  before.onEnterStep("/checkout", 3000);
  QuickBackDetector after;
  after.restore(before.state());
  auto uturn = after.onEnterStep("/cart", 5000);
  REQUIRE(uturn);
  CHECK(uturn->left_step == "/checkout");
}

TEST_CASE("malformed journey state is ignored") {
  QuickBackDetector detector;
  detector.restore("garbage\n12|\n|/x\nabc|/y\n5|no-slash\n");
  CHECK(detector.state().empty());
  detector.restore("1000|/a\n2000|/b\n");
  CHECK(detector.state() == "1000|/a\n2000|/b\n");
}

TEST_CASE("the dwell limit is configurable") {
  QuickBackThresholds thresholds;
  CHECK(thresholds.set("max_dwell_ms", 3000));
  CHECK_FALSE(thresholds.set("max_dwell_ms", 10));
  QuickBackDetector detector(thresholds);
  detector.onEnterStep("/a", 0);
  detector.onEnterStep("/b", 0);
  CHECK_FALSE(detector.onEnterStep("/a", 4000));
}
