// Whether one piece of a path or selector is an identifier (an id, a hash, a token, an email)
// rather than a name. The step templater replaces such segments with ":id", the selector shape
// drops such class names, and the collector refuses steps that still hold one.
#pragma once
#include <string_view>

namespace friction {

// True if `segment` looks like an identifier rather than a name (see the .cpp for the rules).
// It is judged percent-decoded: "%40" is the '@' of an email.
bool looksLikeIdentifier(std::string_view segment);

}  // namespace friction
