#include "intake/frame_decoder.h"

#include <zstd.h>
#include <zstd_errors.h>  // ZSTD_getErrorCode: a window too large is a size problem

#include <map>
#include <memory>
#include <optional>

#include "intake/known_dictionaries.h"

namespace friction {
namespace {

constexpr unsigned char kZstdMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};

// A frame may ask for a window of up to 2^27 bytes, which the decoder allocates up front: a
// 20-byte request could cost 128 MiB. A frame needs no window larger than its output; one
// doubling more accepts what streaming compressors write by default (the zstd CLI at level 3
// declares a 2 MiB window whatever the input size).
constexpr int kMinWindowLog = 10;
constexpr int kMaxWindowLog = 27;

int windowLogFor(size_t max_output) {
  int log = kMinWindowLog;
  while (log < kMaxWindowLog && (size_t{1} << log) < max_output) ++log;
  return log < kMaxWindowLog ? log + 1 : log;
}

struct DStreamDeleter {
  void operator()(ZSTD_DStream* stream) const { ZSTD_freeDStream(stream); }
};
struct DDictDeleter {
  void operator()(ZSTD_DDict* dictionary) const { ZSTD_freeDDict(dictionary); }
};

// What each request thread keeps from one frame to the next. Making these afresh for every
// request (a decoder with its window, the dictionary's tables, a zeroed output chunk) cost
// more than the rest of storing a batch: allocations large enough to be mapped and unmapped
// each time. The decoder is reset, parameters and dictionary included, before each frame.
struct Decoder {
  std::unique_ptr<ZSTD_DStream, DStreamDeleter> stream{ZSTD_createDStream()};
  std::map<unsigned, std::unique_ptr<ZSTD_DDict, DDictDeleter>> dictionaries;  // by id, digested
  std::unique_ptr<char[]> chunk{new char[ZSTD_DStreamOutSize()]};

  // Ready for one frame: no window above 2^window_log, and the dictionary if there is one.
  bool prepare(int window_log, unsigned dictionary_id, std::optional<std::string_view> dictionary) {
    if (!stream || ZSTD_isError(ZSTD_DCtx_reset(stream.get(), ZSTD_reset_session_and_parameters)) ||
        ZSTD_isError(ZSTD_DCtx_setParameter(stream.get(), ZSTD_d_windowLogMax, window_log)))
      return false;
    if (!dictionary) return true;
    auto& digested = dictionaries[dictionary_id];
    if (!digested) digested.reset(ZSTD_createDDict(dictionary->data(), dictionary->size()));
    return digested && !ZSTD_isError(ZSTD_DCtx_refDDict(stream.get(), digested.get()));
  }
};

bool refuseFrame(FrameProblem kind, std::string message, std::string& out, std::string& error,
                 FrameProblem& problem) {
  out.clear();
  error = std::move(message);
  problem = kind;
  return false;
}

std::string tooLargeMessage(size_t max_output) {
  return "decompressed body exceeds " + std::to_string(max_output) + " bytes";
}

}  // namespace

bool hasZstdMagic(std::string_view body) {
  if (body.size() < sizeof kZstdMagic) return false;
  for (size_t i = 0; i < sizeof kZstdMagic; ++i)
    if (static_cast<unsigned char>(body[i]) != kZstdMagic[i]) return false;
  return true;
}

bool decompressFrame(std::string_view body, size_t max_output, std::string& out,
                     std::string& error) {
  FrameProblem ignored;
  return decompressFrame(body, max_output, out, error, ignored);
}

bool decompressFrame(std::string_view body, size_t max_output, std::string& out,
                     std::string& error, FrameProblem& problem) {
  out.clear();
  problem = FrameProblem::none;
  if (!hasZstdMagic(body))
    return refuseFrame(FrameProblem::not_zstd, "body is not a zstd frame (bad magic number)",
                       out, error, problem);
  // A declared size over the cap is reason enough to stop early; a smaller one proves nothing.
  const unsigned long long declared = ZSTD_getFrameContentSize(body.data(), body.size());
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR &&
      declared > max_output)
    return refuseFrame(FrameProblem::too_large, tooLargeMessage(max_output), out, error, problem);

  std::optional<std::string_view> dictionary;
  const unsigned id = ZSTD_getDictID_fromFrame(body.data(), body.size());
  if (id != 0) {
    dictionary = knownDictionary(id);
    if (!dictionary)
      return refuseFrame(FrameProblem::unknown_dictionary,
                         "zstd frame needs dictionary " + std::to_string(id) +
                             ", which this collector does not have",
                         out, error, problem);
  }

  static thread_local Decoder decoder;
  if (!decoder.prepare(windowLogFor(max_output), id, dictionary))
    return refuseFrame(FrameProblem::corrupt, "cannot create a zstd decoder", out, error,
                       problem);

  char* const chunk = decoder.chunk.get();
  ZSTD_inBuffer in{body.data(), body.size(), 0};
  for (;;) {
    ZSTD_outBuffer buffer{chunk, ZSTD_DStreamOutSize(), 0};
    const size_t result = ZSTD_decompressStream(decoder.stream.get(), &buffer, &in);
    if (ZSTD_isError(result)) {
      if (ZSTD_getErrorCode(result) == ZSTD_error_frameParameter_windowTooLarge)
        return refuseFrame(FrameProblem::too_large,
                           "zstd frame window exceeds " +
                               std::to_string(size_t{1} << windowLogFor(max_output)) + " bytes",
                           out, error, problem);
      return refuseFrame(FrameProblem::corrupt,
                         std::string("corrupt zstd frame: ") + ZSTD_getErrorName(result), out,
                         error, problem);
    }
    if (out.size() + buffer.pos > max_output)
      return refuseFrame(FrameProblem::too_large, tooLargeMessage(max_output), out, error,
                         problem);
    out.append(chunk, buffer.pos);
    if (result == 0) break;  // the frame is complete and fully flushed
    // No input left and the buffer not filled: the decoder is waiting for bytes that never come.
    if (in.pos == in.size && buffer.pos < buffer.size)
      return refuseFrame(FrameProblem::corrupt, "truncated zstd frame", out, error, problem);
  }
  if (in.pos != in.size)
    return refuseFrame(FrameProblem::corrupt, "unexpected bytes after the zstd frame", out,
                       error, problem);
  return true;
}

}  // namespace friction
