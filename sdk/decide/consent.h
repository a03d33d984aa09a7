// What the end user agreed to send. Ordered: each level includes the ones below it.
#pragma once
#include <optional>
#include <string_view>

namespace friction {

enum class Consent {
  none,     // the default: detect and help locally, send nothing
  signals,  // anonymised friction signals may be sent
};

std::string_view name(Consent consent);
std::optional<Consent> parseConsent(std::string_view text);

inline bool allowsSignals(Consent consent) { return consent >= Consent::signals; }

}  // namespace friction
