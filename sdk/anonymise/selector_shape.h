// The shape of a selector: its structure without the id-like names in it. "#order-88123 > button"
// and "#order-90210 > button" are the same control on two orders; their shape is one, so the
// hash is stable across pages and users, and no order number is hashed into it either.
#pragma once
#include <string>
#include <string_view>

namespace friction {

std::string selectorShape(std::string_view selector);

}  // namespace friction
