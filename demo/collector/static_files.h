// The files the collector serves for the demo (shop pages, the built SDK, the dashboard's
// stylesheet): path checks, content types and reading.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace friction::collector {

// The file `relative` names inside `dir`, or nothing if it is not a plain relative path of
// simple names ("js/app.mjs"): no "..", no hidden files, no encoded tricks, and it must exist.
std::optional<std::filesystem::path> fileUnder(const std::filesystem::path& dir,
                                               std::string_view relative);

// By extension; browsers refuse modules and streaming wasm compilation with the wrong type.
std::string contentTypeFor(const std::filesystem::path& file);

bool isHtml(const std::filesystem::path& file);

bool readWholeFile(const std::filesystem::path& file, std::string& out);

}  // namespace friction::collector
