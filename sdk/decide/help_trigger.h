// When to offer help, in the browser, at once: when the current step's score (step_score.h)
// crosses the site's threshold, or on a kind the site wants answered at the first sign. Never
// nagging: one offer per step until a pause has passed, a longer pause after a dismissal, and a
// cap per page.
//
// Settings (per site: "help.<name>") and why:
//  - threshold = 1.0: more than one sign. A rage click is recognised with evidence 0.5 at its
//    third click (0.5 x weight 1.0), so one alone stays under it (the kinds where visitors are
//    stuck are offered help through `kinds` instead); the weak signs (weights 0.2 to 0.5,
//    detect/friction_kind.h) cross it only when several come within a minute or so.
//  - kinds: those marked "help" in the kinds list (detect/friction_kind.h, with why: today
//    rage_click, dead_click, error_click and form_struggle); setHelpKinds() changes them, ""
//    for none. A compound friction (a rage burst on a dead button: two kinds) is offered help
//    once, by the repeat rule below.
//  - repeat_after_ms = 120000: an offer on a step is not repeated within two minutes.
//  - quiet_after_dismiss_ms = 600000: "no thanks" holds for ten minutes on that step.
//  - max_offers = 3 per page: beyond that, the visitor has the Help button.
//  - max_session_offers = 6 per tab session: a visitor who moves through many pages is not
//    met by an offer on each. The session's count and the steps still quiet (after an offer or
//    a "no thanks") survive page loads through state()/restore() (sessionStorage,
//    js/src/friction.js), so that a dismissal holds on the next page of the same step too.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/friction_kind.h"

namespace friction {

struct HelpSettings {
  double threshold = 1.0;
  FrictionKindSet kinds = kindsHelpedAtFirstSign();
  double repeat_after_ms = 120000;
  double quiet_after_dismiss_ms = 600000;
  uint32_t max_offers = 3;
  uint32_t max_session_offers = 6;

  // "threshold" in (0, 20], "repeat_after_ms" and "quiet_after_dismiss_ms" in [0, 86400000],
  // "max_offers" and "max_session_offers" in [0, 100]. False if unknown or out of range.
  bool set(std::string_view name, double value);
  // "rage_click,error_click" or "" (none). False, and no change, if a name is unknown.
  bool setKinds(std::string_view names);

  static constexpr FrictionKindSet kindsHelpedAtFirstSign() {
    FrictionKindSet kinds = 0;
    for (size_t k = 0; k < kFrictionKindCount; ++k)
      if (kFrictionKinds[k].help_at_first_sign) kinds |= bitOf(static_cast<FrictionKind>(k));
    return kinds;
  }
};

enum class HelpReason { kind, score };

struct HelpOffer {
  std::string step;
  FrictionKindSet kinds;  // every kind met on this step visit, the triggering one included
  FrictionKind cause; // the detection that tipped it
  uint32_t target;    // its element (0 = the page)
  double score;       // the step's score then
  HelpReason reason;
  double at_ms;       // page time of the triggering event
};

class HelpTrigger {
 public:
  explicit HelpTrigger(const HelpSettings& settings) : settings_(settings) {}

  // A detection of `cause` on `step`, the step's score now `score`: an offer, or nothing.
  std::optional<HelpOffer> consider(const std::string& step, uint16_t kinds_met,
                                    FrictionKind cause, uint32_t target, double score,
                                    double now_ms);
  // The visitor closed the offer on `step`.
  void dismissed(const std::string& step, double now_ms);

  // What the next page of this tab needs to go on not nagging: the session's offers and the
  // quiet steps, in wall-clock time (epoch_offset_ms = epoch ms - page ms). Only steps still
  // quiet at now_ms are kept. Lines: "offers", then "until_epoch_ms|step" for each.
  std::string state(double epoch_offset_ms, double now_ms) const;
  // Anything malformed is skipped, and what is read is bounded: the state comes from storage
  // the page could have touched. At most kMaxQuietSteps steps, none quiet for longer than the
  // settings allow from now_ms.
  void restore(std::string_view state, double epoch_offset_ms, double now_ms);
  static constexpr size_t kMaxQuietSteps = 64;

 private:
  const HelpSettings& settings_;
  // Page time until which each step stays quiet. A few steps at most: a list, searched in turn.
  struct Quiet {
    std::string step;
    double until_ms;
  };
  std::vector<Quiet> quiet_;
  Quiet* findQuiet(const std::string& step);
  double& quietUntil(const std::string& step);
  uint32_t offers_ = 0;          // on this page
  uint32_t session_offers_ = 0;  // in this tab session, this page's included
};

std::string_view name(HelpReason reason);

}  // namespace friction
