// Percent-encoding of a URL's query values (RFC 3986: all but the unreserved characters), for
// the links and redirects the collector writes.
#pragma once
#include <string>
#include <string_view>

namespace friction::collector {

// "/cart?x" -> "%2Fcart%3Fx"
std::string percentEncoded(std::string_view text);

}  // namespace friction::collector
