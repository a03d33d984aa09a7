// The demo shop's little backend, with its planted friction: a slow endpoint, a failing one,
// and a checkout that validates on the server. Demo only; nothing here stores anything.
#pragma once
#include <httplib.h>

#include <cstddef>

namespace friction::collector {

// The one shop route with a body, and its cap (a postcode in JSON needs a few bytes).
inline constexpr const char* kCheckoutPath = "/shop/api/checkout";
inline constexpr size_t kMaxCheckoutBytes = 4096;

void addShopApi(httplib::Server& server);

}  // namespace friction::collector
