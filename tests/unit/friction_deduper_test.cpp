#include <doctest/doctest.h>

#include "decide/friction_deduper.h"

using namespace friction;

TEST_CASE("the first friction told for an element silences other kinds there for a while") {
  FrictionDeduper deduper;
  CHECK(deduper.admitDetection({FrictionKind::rage_click, 4, 500, 0.5}));
  CHECK_FALSE(deduper.admitDetection({FrictionKind::dead_click, 4, 2500, 0.5}));
  CHECK_FALSE(deduper.admitEpisode({FrictionKind::dead_click, 4, 0, 2500, 1, 0.5}));
  CHECK(deduper.admitEpisode({FrictionKind::rage_click, 4, 0, 800, 4, 0.6}));
  // The silenced episode is refused once only.
  CHECK(deduper.admitEpisode({FrictionKind::dead_click, 4, 9000, 9000, 1, 0.5}));
}

TEST_CASE("other elements, the same kind again, later times and page-level frictions pass") {
  FrictionDeduper deduper;
  CHECK(deduper.admitDetection({FrictionKind::rage_click, 4, 500, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::dead_click, 5, 600, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::rage_click, 4, 1500, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::dead_click, 4, 1500 + FrictionDeduper::kWindowMs + 1, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::scroll_thrash, 0, 700, 0.5}));
  CHECK(deduper.admitDetection({FrictionKind::cursor_thrash, 0, 800, 0.5}));
}
