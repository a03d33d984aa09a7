// The first step of the collector's intake: one zstd frame in, its bytes out. Everything a
// client sends is untrusted, so sizes are capped while decompressing, never taken from the frame.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace friction {

// True if `body` starts with the zstd frame magic number (28 B5 2F FD).
bool hasZstdMagic(std::string_view body);

// Why a frame was refused; the collector maps these to different HTTP statuses.
enum class FrameProblem { none, not_zstd, too_large, corrupt, unknown_dictionary };

// Decompresses exactly one zstd frame into `out`, failing as soon as the output would exceed
// `max_output` bytes (the frame's declared size is never trusted), and on truncated or corrupt
// frames and trailing bytes. A frame made with a dictionary is decoded with the one its header
// names (intake/known_dictionaries.h). On failure `out` is empty and `error` says why.
bool decompressFrame(std::string_view body, size_t max_output, std::string& out,
                     std::string& error);
bool decompressFrame(std::string_view body, size_t max_output, std::string& out,
                     std::string& error, FrameProblem& problem);

}  // namespace friction
