#include <doctest/doctest.h>

#include "decide/friction_deduper.h"

using namespace friction;

TEST_CASE("a compound friction is told in every kind: how the visitor felt and what the site did") {
  FrictionDeduper deduper;
  CHECK(deduper.admitDetection({FrictionKind::rage_click, 4, 500, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::dead_click, 4, 2500, 0.6}));
  CHECK(deduper.admitEpisode({FrictionKind::dead_click, 4, 0, 2500, 4, 0.6}));
  CHECK(deduper.admitEpisode({FrictionKind::rage_click, 4, 0, 800, 4, 0.6}));
  // Hesitating over a button, then finding it broken: two frictions.
  CHECK(deduper.admitDetection({FrictionKind::hesitation, 7, 3000, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::error_click, 7, 3400, 0.8}));
}

TEST_CASE("one click has one answer from the site: the first of dead, error and slow wins") {
  FrictionDeduper deduper;
  CHECK(deduper.admitDetection({FrictionKind::error_click, 4, 600, 0.8}));
  CHECK_FALSE(deduper.admitDetection({FrictionKind::dead_click, 4, 2500, 0.6}));
  CHECK_FALSE(deduper.admitEpisode({FrictionKind::dead_click, 4, 0, 2500, 1, 0.6}));
  CHECK(deduper.admitEpisode({FrictionKind::error_click, 4, 0, 600, 1, 0.8}));
  // The refused episode is refused once only: a later dead click of its own is told.
  CHECK(deduper.admitEpisode({FrictionKind::dead_click, 4, 9000, 9000, 1, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::dead_click, 4, 600 + FrictionDeduper::kWindowMs + 1, 0.6}));
}

TEST_CASE("repeats within a kind are the detector's own business: two bursts, two episodes") {
  FrictionDeduper deduper;
  CHECK(deduper.admitDetection({FrictionKind::rage_click, 4, 500, 0.5}));
  CHECK(deduper.admitEpisode({FrictionKind::rage_click, 4, 0, 900, 3, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::rage_click, 4, 2500, 0.5}));
  CHECK(deduper.admitEpisode({FrictionKind::rage_click, 4, 2000, 2900, 3, 0.5}));
}

TEST_CASE("other elements and page-level frictions pass") {
  FrictionDeduper deduper;
  CHECK(deduper.admitDetection({FrictionKind::error_click, 4, 500, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::dead_click, 5, 600, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::scroll_thrash, 0, 700, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::scroll_thrash, 0, 800, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::cursor_thrash, 0, 800, 0.5}));
}

TEST_CASE("a new step starts afresh: another answer on the same element there is told") {
  FrictionDeduper deduper;
  CHECK(deduper.admitDetection({FrictionKind::error_click, 4, 500, 0.8}));
  CHECK_FALSE(deduper.admitDetection({FrictionKind::dead_click, 4, 1000, 0.6}));
  deduper.newStep();
  CHECK(deduper.admitDetection({FrictionKind::dead_click, 4, 1500, 0.6}));
}
