#include "decide/consent.h"

namespace friction {

std::string_view name(Consent consent) {
  switch (consent) {
    case Consent::signals: return "signals";
    case Consent::counts: return "counts";
    case Consent::none: break;
  }
  return "none";
}

std::optional<Consent> parseConsent(std::string_view text) {
  if (text == "none") return Consent::none;
  if (text == "counts") return Consent::counts;
  if (text == "signals") return Consent::signals;
  return std::nullopt;
}

}  // namespace friction
