// Scroll thrash: scrolling up and down over the same stretch again and again, quickly. The user
// is searching for something the page does not show where they expect it, not reading.
//
// Published definitions give no numbers: Microsoft Clarity flags "excessive scrolling" when a
// session scrolls up and down more than the page's usual (server side, over all sessions; its
// "semantic metrics" docs); Contentsquare counts "repeated scrolling" in its Friction Score
// (its 2019 blog post) and pushes it live from "Live Signals". We decide in the browser, from one
// session alone, so we use an absolute rule instead of "more than usual".
//
// Thresholds (per site: "scroll_thrash.<name>") and why:
//  - min_leg_px = 200: a reversal counts only when both the scroll before it and the one after
//    it cover 200 px, about a fifth of a laptop viewport: more than re-reading a line or two
//    (a wheel notch is ~100 px) and more than trackpad jitter or momentum bounce.
//  - min_reversals = 4 within window_ms = 8000: two full down-up-down round trips in 8 s. Reading
//    with a look back to re-read a paragraph makes 2 reversals, and a reader spends seconds on
//    what they scrolled back to; 4 in 8 s leaves no time to read anything.
//  - quiet_ms = 4000: the episode ends after 4 s without a reversal (a thrasher at the minimum
//    rate reverses every 2 s); then the user is reading again or gone.
//  - cooldown_ms = 30000: after an episode, reversals do not start a new one for 30 s, so the
//    page is not told twice about the same search (help offered again at once is nagging).
// Which scroller: the window (target 0) and any element that scrolls (a terms box, a product
// list, a drawer, a modal's body; JS names it by its target id). Each has its own legs,
// reversals, episode and cool-down, and its signal names it, so the dashboard says which box.
//  - The legs stay absolute (min_leg_px for every scroller), not a share of the scroller's
//    height: 200 px is about the input (a wheel notch is ~100 px, jitter and momentum less),
//    not the viewport. A fifth of a 300 px terms box would be 60 px, under one notch, so every
//    re-read line would reverse. 200 px in that box is two thirds of what it shows: scrolling
//    back that far brings mostly other text into view, which is searching, not re-reading. A
//    box with less than 200 px hidden never thrashes: it shows nearly all it holds.
//  - Only the vertical axis (a) counts, in the window as in boxes: a carousel or a wide table
//    swiped back and forth (scrollLeft) is browsing, and people search a list up and down.
//  - kScrollers = 4: the window and three boxes scrolled in turn; the least recently scrolled
//    is forgotten (its open episode reported first). Four fixed slots: no allocation.
//  - The cool-down is per scroller: it stops telling the page twice about one search; thrash
//    in another box afterwards is another search, somewhere else.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "capture/event_record.h"
#include "detect/friction_sink.h"

namespace friction {

struct ScrollThrashThresholds {
  double min_leg_px = 200;
  uint32_t min_reversals = 4;
  double window_ms = 8000;
  double quiet_ms = 4000;
  double cooldown_ms = 30000;

  // Returns false if the name is unknown or the value out of range.
  bool set(std::string_view name, double value);
};

class ScrollThrashDetector {
 public:
  static constexpr FrictionKind kKind = FrictionKind::scroll_thrash;

  static constexpr uint32_t kMaxReversals = 16;  // the most min_reversals may ask for
  static constexpr uint32_t kScrollers = 4;      // followed at once (see above)

  explicit ScrollThrashDetector(ScrollThrashThresholds thresholds = {}) : thresholds_(thresholds) {}

  void onEvent(const EventRecord& event, FrictionSink& sink);
  void onTick(double now_ms, FrictionSink& sink);
  void onStep(double now_ms, FrictionSink& sink);
  void flush(double now_ms, FrictionSink& sink);
  double nextDeadline() const;

  ScrollThrashThresholds& thresholds() { return thresholds_; }

 private:
  // One scroller's legs and reversals.
  struct Scroller {
    bool used = false;
    uint32_t target = 0;  // 0 = the window
    double last_event_ms = 0;
    // The leg being scrolled: +1 down, -1 up, 0 until the first 200 px tell which way.
    int direction = 0;
    bool seen = false;
    double origin_y = 0;   // where scrolling started, while the direction is unknown
    double extreme_y = 0;  // furthest point of the current leg
    // Times of the latest reversals, a ring: bounded memory however long it is scrolled.
    std::array<double, kMaxReversals> reversals{};
    uint32_t reversal_count = 0;  // since the last reset; the ring holds the latest ones
    bool in_episode = false;
    uint32_t episode_reversals = 0;
    double episode_start_ms = 0;
    double last_reversal_ms = 0;
    double cooldown_until_ms = -1;

    double reversalTime(uint32_t back) const;  // 0 = newest
  };

  Scroller& scrollerFor(uint32_t target, FrictionSink& sink);
  void onScroll(Scroller& scroller, double time_ms, double y, FrictionSink& sink);
  void onReversal(Scroller& scroller, double time_ms, FrictionSink& sink);
  void closeEpisode(Scroller& scroller, FrictionSink& sink);
  double score(const Scroller& scroller) const;

  ScrollThrashThresholds thresholds_;
  std::array<Scroller, kScrollers> scrollers_{};
};

}  // namespace friction
