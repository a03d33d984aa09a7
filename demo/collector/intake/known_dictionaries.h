// The collector's side of sdk/encode/dictionary.h: every dictionary the SDK ever shipped, by id.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace friction {

// The dictionary a frame's header names, or nothing if this collector never had it.
std::optional<std::string_view> knownDictionary(uint32_t id);

}  // namespace friction
