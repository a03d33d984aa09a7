// The demo shop's little backend, with its planted friction: a slow endpoint, a failing one,
// and a checkout that validates on the server. Demo only; nothing here stores anything.
#pragma once
#include <httplib.h>

namespace friction::collector {

void addShopApi(httplib::Server& server);

}  // namespace friction::collector
