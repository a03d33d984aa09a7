// What may leave the browser. Ordered: each level includes the ones below it.
#pragma once
#include <optional>
#include <string_view>

namespace friction {

enum class Consent {
  none,     // the default: detect and help locally, send nothing
  counts,   // "notice" sites before the user answers: one tally per step and page load of the
            // kinds of friction met, randomised if the site asked (signals/visit_tally.h)
  signals,  // the user said yes: anonymised friction signals, and the tallies, exact
};

std::string_view name(Consent consent);
std::optional<Consent> parseConsent(std::string_view text);

inline bool allowsCounts(Consent consent) { return consent >= Consent::counts; }
inline bool allowsSignals(Consent consent) { return consent >= Consent::signals; }

}  // namespace friction
