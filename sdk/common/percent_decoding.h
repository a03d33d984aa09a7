// URL percent-decoding: "%40" is '@' and "%2B" is '+'. Both the SDK's step templater and the
// collector's step check must see a path segment however the URL spells it.
#pragma once
#include <string>
#include <string_view>

namespace friction {

// Each "%" followed by two hex digits becomes that byte; anything else is kept as it is.
std::string percentDecoded(std::string_view text);

}  // namespace friction
