// The collector's first step: exactly one zstd frame, within the size caps, with a dictionary
// it knows; anything else (not zstd, corrupt, oversized, an unknown dictionary) is refused.
#include <doctest/doctest.h>
#include <zstd.h>

#include <string>
#include <vector>

#include "encode/signal_batch.h"
#include "intake/frame_decoder.h"
#include "kit/sample_batches.h"

using namespace friction;
using namespace friction::testing;

namespace {

// A frame that does not declare its size, as a streaming compressor writes it: the input is
// fed before the end is announced, so zstd cannot size the frame (or shrink the window) to it.
std::string frameWithoutDeclaredSize(const std::string& data, int window_log) {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, window_log);
  std::string frame(ZSTD_compressBound(data.size()) + 1024, '\0');
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  ZSTD_outBuffer out{frame.data(), frame.size(), 0};
  while (in.pos < in.size)
    REQUIRE_FALSE(ZSTD_isError(ZSTD_compressStream2(context, &out, &in, ZSTD_e_continue)));
  ZSTD_inBuffer none{nullptr, 0, 0};
  const size_t left = ZSTD_compressStream2(context, &out, &none, ZSTD_e_end);
  ZSTD_freeCCtx(context);
  REQUIRE(left == 0);
  frame.resize(out.pos);
  REQUIRE(ZSTD_getFrameContentSize(frame.data(), frame.size()) == ZSTD_CONTENTSIZE_UNKNOWN);
  return frame;
}

}  // namespace

TEST_CASE("decompressFrame accepts exactly one zstd frame") {
  const std::string frame = asText(compressFrame(validBatch().dump()));
  std::string out = "stale", error;
  FrameProblem problem = FrameProblem::none;

  SUBCASE("a body without the zstd magic number is not a frame") {
    CHECK_FALSE(decompressFrame(R"({"v":1})", 1024, out, error, problem));
    CHECK(problem == FrameProblem::not_zstd);
    CHECK(error.find("magic") != std::string::npos);
    CHECK_FALSE(decompressFrame("", 1024, out, error, problem));
    CHECK(problem == FrameProblem::not_zstd);
  }
  SUBCASE("a truncated frame is corrupt") {
    CHECK_FALSE(decompressFrame(frame.substr(0, frame.size() - 3), 1024 * 1024, out, error,
                                problem));
    CHECK(problem == FrameProblem::corrupt);
    CHECK(error.find("truncated") != std::string::npos);
    CHECK(out.empty());
  }
  SUBCASE("bytes after the frame are refused") {
    CHECK_FALSE(decompressFrame(frame + "x", 1024 * 1024, out, error, problem));
    CHECK(problem == FrameProblem::corrupt);
    CHECK_FALSE(decompressFrame(frame + frame, 1024 * 1024, out, error, problem));
  }
  SUBCASE("damaged content is refused") {
    std::string damaged = frame;
    for (size_t i = 6; i < damaged.size(); ++i) damaged[i] = static_cast<char>(~damaged[i]);
    CHECK_FALSE(decompressFrame(damaged, 1024 * 1024, out, error, problem));
    CHECK(problem == FrameProblem::corrupt);
  }
}

TEST_CASE("decompressFrame stops at the output cap") {
  constexpr size_t kCap = 1024 * 1024;
  std::string out, error;
  FrameProblem problem = FrameProblem::none;

  SUBCASE("a highly compressible 2 MB frame against a 1 MB cap") {
    const std::string frame = asText(compressFrame(std::string(2 * 1024 * 1024, 'a')));
    REQUIRE(frame.size() < 1024);  // small on the wire: exactly the case the cap is for
    CHECK_FALSE(decompressFrame(frame, kCap, out, error, problem));
    CHECK(problem == FrameProblem::too_large);
    CHECK(error == "decompressed body exceeds 1048576 bytes");
    CHECK(out.empty());
  }
  SUBCASE("a frame that hides its size is cut off while decompressing") {
    const std::string frame = frameWithoutDeclaredSize(std::string(2 * 1024 * 1024, 'a'), 17);
    CHECK_FALSE(decompressFrame(frame, kCap, out, error, problem));
    CHECK(problem == FrameProblem::too_large);
    CHECK(out.empty());
  }
  SUBCASE("a frame asking for a window beyond the cap is refused before allocating it") {
    const std::string frame = frameWithoutDeclaredSize(std::string(1000, 'a'), 24);
    CHECK_FALSE(decompressFrame(frame, 64 * 1024, out, error, problem));
    CHECK(problem == FrameProblem::too_large);
    CHECK(error == "zstd frame window exceeds 131072 bytes");
  }
  SUBCASE("a small frame with the zstd CLI's default 2 MiB window is accepted") {
    const std::string json = validBatch().dump();
    CHECK(decompressFrame(frameWithoutDeclaredSize(json, 21), kCap, out, error, problem));
    CHECK(out == json);
  }
  SUBCASE("output of exactly the cap is accepted") {
    const std::string data(kCap, 'b');
    CHECK(decompressFrame(asText(compressFrame(data)), kCap, out, error, problem));
    CHECK(out == data);
    CHECK(decompressFrame(frameWithoutDeclaredSize(data, 17), kCap, out, error, problem));
    CHECK(out == data);
  }
}

#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>

#include "encode/dictionary.h"
#include "intake/known_dictionaries.h"

TEST_CASE("batches are compressed with the current dictionary, which the collector knows") {
  CHECK(ZDICT_getDictID(currentDictionary().data(), currentDictionary().size()) ==
        kCurrentDictionaryTraining.id);
  REQUIRE(knownDictionary(kCurrentDictionaryTraining.id));
  CHECK(*knownDictionary(kCurrentDictionaryTraining.id) == currentDictionary());
  CHECK_FALSE(knownDictionary(kCurrentDictionaryTraining.id + 1));

  const std::string json = validBatch(3).dump();
  const std::string frame = asText(compressBatch(json));
  CHECK(ZSTD_getDictID_fromFrame(frame.data(), frame.size()) == kCurrentDictionaryTraining.id);
  CHECK(frame.size() < asText(compressFrame(json)).size());
  std::string out, error;
  FrameProblem problem;
  REQUIRE(decompressFrame(frame, 1 << 20, out, error, problem));
  CHECK(out == json);
}

TEST_CASE("a frame made with a dictionary the collector never shipped is refused by name") {
  // A dictionary of our own, id 4242: the frame's header names it.
  std::string samples;
  std::vector<size_t> sizes;
  for (int i = 0; i < 200; ++i) {
    const std::string json = validBatch(1 + i % 5).dump();
    samples += json;
    sizes.push_back(json.size());
  }
  ZDICT_params_t params{};
  params.dictID = 4242;
  std::string dictionary(2048, '\0');
  const size_t size = ZDICT_finalizeDictionary(dictionary.data(), dictionary.size(),
                                               samples.data(), 1024, samples.data(), sizes.data(),
                                               static_cast<unsigned>(sizes.size()), params);
  REQUIRE_FALSE(ZDICT_isError(size));
  dictionary.resize(size);
  const std::string frame = asText(compressFrame(validBatch().dump(), 3, dictionary));
  std::string out, error;
  FrameProblem problem;
  CHECK_FALSE(decompressFrame(frame, 1 << 20, out, error, problem));
  CHECK(problem == FrameProblem::unknown_dictionary);
  CHECK(error == "zstd frame needs dictionary 4242, which this collector does not have");
}

TEST_CASE("frames from older SDKs, made with an earlier dictionary, still decode") {
  for (uint32_t id = 1; id < kCurrentDictionaryTraining.id; ++id) {
    CAPTURE(id);
    const auto older = knownDictionary(id);
    REQUIRE(older);
    CHECK(ZDICT_getDictID(older->data(), older->size()) == id);
    const std::string json = validBatch(4).dump();
    const std::string frame = asText(compressFrame(json, 15, *older));
    CHECK(ZSTD_getDictID_fromFrame(frame.data(), frame.size()) == id);
    std::string out, error;
    FrameProblem problem;
    REQUIRE(decompressFrame(frame, 1 << 20, out, error, problem));
    CHECK(out == json);
  }
}
