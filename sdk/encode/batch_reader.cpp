#include "encode/batch_reader.h"

#include <zstd.h>
#include <zstd_errors.h>  // ZSTD_getErrorCode: a window too large is a size problem

#include <cmath>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>

#include "anonymise/identifier_segment.h"
#include "anonymise/pii_scrub.h"
#include "anonymise/randomized_response.h"
#include "detect/friction_kind.h"
#include "encode/known_dictionaries.h"
#include "encode/signal_batch.h"
#include "signals/visit_tally.h"

namespace friction {
namespace {

// ---- The zstd frame ----

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

// ---- The JSON batch ----

using Json = nlohmann::json;

// A request body as JSON; a discarded value, with `error` set, if it is not JSON at all.
Json parseBody(std::string_view text, std::string& error) {
  Json body = Json::parse(text.begin(), text.end(), nullptr, false);
  if (body.is_discarded()) error = "body is not valid JSON";
  return body;
}

bool isSiteChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '_' || c == '-';
}
bool isRoleChar(char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '-'; }
bool isParameterNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool isLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool isControl(unsigned char c) { return c < 0x20 || c == 0x7f; }
bool isWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%40" hides an '@' and "%31%32" digits from looksLikeIdentifier: check the decoded form too.
std::string percentDecoded(std::string_view segment) {
  std::string decoded;
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '%' && i + 2 < segment.size() && hexValue(segment[i + 1]) >= 0 &&
        hexValue(segment[i + 2]) >= 0) {
      decoded += static_cast<char>(hexValue(segment[i + 1]) * 16 + hexValue(segment[i + 2]));
      i += 2;
    } else {
      decoded += segment[i];
    }
  }
  return decoded;
}

// ":id", ":productId": a route parameter's name, which must not itself smuggle an id.
bool isParameterSegment(std::string_view segment) {
  if (segment.size() < 2 || segment.size() > 33 || segment.front() != ':') return false;
  const auto name = segment.substr(1);
  for (char c : name)
    if (!isParameterNameChar(c)) return false;
  return !looksLikeIdentifier(name);
}

// Why a step is refused, or nullptr if it is a clean template.
const char* stepProblem(std::string_view step) {
  if (step.empty() || step.front() != '/') return "must start with '/'";
  if (step.size() > 256) return "must be at most 256 characters";
  for (char c : step) {
    if (c == '?' || c == '#') return "must not contain a query or fragment";
    if (isWhitespace(c) || isControl(static_cast<unsigned char>(c)))
      return "must not contain whitespace or control characters";
  }
  size_t start = 1;
  while (start <= step.size()) {
    size_t end = step.find('/', start);
    if (end == std::string_view::npos) end = step.size();
    const auto segment = step.substr(start, end - start);
    if (!segment.empty() && segment.front() == ':') {
      if (!isParameterSegment(segment))
        return "parameter segments must be ':' and a name, e.g. ':id'";
    } else if (looksLikeIdentifier(segment) || looksLikeIdentifier(percentDecoded(segment))) {
      return "must not contain an identifier-like segment (template it as ':id')";
    }
    start = end + 1;
  }
  return nullptr;
}

constexpr const char* kPersonalData =
    "must not contain personal data (an email, card, phone number or IBAN)";

// Keys are echoed in errors only when harmless: short and plain.
std::string quotedKeyOrNothing(const std::string& key) {
  if (key.empty() || key.size() > 32) return "";
  for (char c : key)
    if (!isSiteChar(c)) return "";
  return " \"" + key + "\"";
}

// Reads the fields of one JSON object, naming the object's path in every error.
class FieldReader {
 public:
  // `root`: what the top-level object is called in errors ("batch", "request").
  FieldReader(const Json& object, std::string path, std::string& error,
              std::string root = "batch")
      : object_(object), path_(std::move(path)), error_(error), root_(std::move(root)) {}

  bool isObjectWithKeys(std::initializer_list<std::string_view> keys,
                        std::initializer_list<std::string_view> optional_keys = {}) {
    const std::string name = path_.empty() ? root_ : path_;
    if (!object_.is_object()) return reject(name, "must be an object");
    for (const auto& item : object_.items()) {
      bool known = false;
      for (auto key : keys) known = known || item.key() == key;
      for (auto key : optional_keys) known = known || item.key() == key;
      if (!known) return reject(name, "unexpected key" + quotedKeyOrNothing(item.key()));
    }
    for (auto key : keys)
      if (!object_.contains(key)) return reject(fieldName(key), "is missing");
    return true;
  }

  bool readUint(std::string_view key, uint64_t min, uint64_t max, uint32_t& value) {
    const Json& field = valueOf(key);
    // nlohmann parses non-negative integers as unsigned; negatives and 1.0 are refused here.
    if (!field.is_number_unsigned() || field.get<uint64_t>() < min || field.get<uint64_t>() > max)
      return reject(fieldName(key), min == max ? "must be " + std::to_string(min)
                                               : "must be an integer from " + std::to_string(min) +
                                                     " to " + std::to_string(max));
    value = static_cast<uint32_t>(field.get<uint64_t>());
    return true;
  }

  bool readUnitScore(std::string_view key, double& value) {
    const Json& field = valueOf(key);
    if (!field.is_number() || !std::isfinite(field.get<double>()) || field.get<double>() < 0 ||
        field.get<double>() > 1)
      return reject(fieldName(key), "must be a number from 0 to 1");
    value = field.get<double>();
    return true;
  }

  bool readName(std::string_view key, size_t min, size_t max, bool (*allowed)(char),
                std::string_view allowed_text, std::string& value) {
    if (!readString(key, value)) return false;
    bool ok = value.size() >= min && value.size() <= max;
    for (char c : value) ok = ok && allowed(c);
    if (!ok)
      return reject(fieldName(key), "must be " + std::to_string(min) + ".." +
                                        std::to_string(max) + " characters of [" +
                                        std::string(allowed_text) + "]");
    return true;
  }

  bool readText(std::string_view key, size_t max, std::string& value) {
    if (!readString(key, value)) return false;
    if (value.size() > max)
      return reject(fieldName(key), "must be at most " + std::to_string(max) + " characters");
    for (char c : value)
      if (isControl(static_cast<unsigned char>(c)))
        return reject(fieldName(key), "must not contain control characters");
    return true;
  }

  bool readEpsilon(std::string_view key, double& value) {
    if (!object_.contains(std::string(key))) return true;  // optional: absent means exact tallies
    const Json& field = valueOf(key);
    if (!field.is_number() || !(field.get<double>() > 0) ||
        field.get<double>() > kMaxLdpEpsilon)
      return reject(fieldName(key), "must be a number above 0 and at most " +
                                        std::to_string(static_cast<int>(kMaxLdpEpsilon)));
    value = field.get<double>();
    return true;
  }

  // A list of distinct friction kinds, as in a visit's "met".
  bool readKindSet(std::string_view key, std::vector<std::string>& kinds) {
    const Json& field = valueOf(key);
    if (!field.is_array() || field.size() > kFrictionKindCount)
      return reject(fieldName(key), "must be an array of distinct friction kinds");
    uint32_t seen = 0;
    for (const Json& item : field) {
      const auto kind = item.is_string() ? parseFrictionKind(item.get<std::string>())
                                         : std::nullopt;
      if (!kind || (seen & (1u << static_cast<uint8_t>(*kind))))
        return reject(fieldName(key), "must be an array of distinct friction kinds");
      seen |= 1u << static_cast<uint8_t>(*kind);
      kinds.push_back(item.get<std::string>());
    }
    return true;
  }

  bool readKind(std::string_view key, std::string& value) {
    if (!readString(key, value)) return false;
    if (!parseFrictionKind(value)) return reject(fieldName(key), "is not a known friction kind");
    return true;
  }

  bool readStep(std::string_view key, std::string& value) {
    if (!readString(key, value)) return false;
    if (const char* problem = stepProblem(value)) return reject(fieldName(key), problem);
    if (containsPii(value)) return reject(fieldName(key), kPersonalData);
    return true;
  }

  bool readHex(std::string_view key, size_t digits, std::string& value) {
    if (!readString(key, value)) return false;
    bool ok = value.size() == digits;
    for (char c : value) ok = ok && isLowerHex(c);
    if (!ok)
      return reject(fieldName(key),
                    "must be exactly " + std::to_string(digits) + " lowercase hex digits");
    return true;
  }

 private:
  bool readString(std::string_view key, std::string& value) {
    const Json& field = valueOf(key);
    if (!field.is_string()) return reject(fieldName(key), "must be a string");
    value = field.get<std::string>();
    return true;
  }

  // Only called after isObjectWithKeys() has checked that the key is present.
  const Json& valueOf(std::string_view key) const { return *object_.find(std::string(key)); }

  std::string fieldName(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  bool reject(const std::string& name, const std::string& why) {
    error_ = name + ": " + why;
    return false;
  }

  const Json& object_;
  std::string path_;
  std::string& error_;
  std::string root_;
};

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

bool readBatchJson(std::string_view text, ReceivedBatch& out, std::string& error) {
  out = ReceivedBatch{};
  const Json batch = parseBody(text, error);
  if (batch.is_discarded()) return false;
  FieldReader top(batch, "", error);
  uint32_t version = 0;
  if (!top.isObjectWithKeys({"v", "id", "site", "sdk", "dropped", "signals", "visits"},
                            {"epsilon"}) ||
      !top.readUint("v", kWireVersion, kWireVersion, version) ||
      !top.readHex("id", 32, out.id) ||
      !top.readName("site", 1, 64, isSiteChar, "A-Za-z0-9._-", out.site) ||
      !top.readText("sdk", 32, out.sdk) ||
      !top.readUint("dropped", 0, kMaxDropped, out.dropped) ||
      !top.readEpsilon("epsilon", out.epsilon))
    return false;

  const Json& signals = *batch.find("signals");
  if (!signals.is_array() || signals.size() > kMaxSignalsPerBatch) {
    error = "signals: must be an array of at most " + std::to_string(kMaxSignalsPerBatch) +
            " signals";
    return false;
  }
  out.signals.reserve(signals.size());
  for (size_t i = 0; i < signals.size(); ++i) {
    FieldReader field(signals[i], "signals[" + std::to_string(i) + "]", error);
    ReceivedSignal s;
    if (!field.isObjectWithKeys(
            {"kind", "step", "role", "target", "count", "at_s", "span_ms", "score"}) ||
        !field.readKind("kind", s.kind) ||
        !field.readStep("step", s.step) ||
        !field.readName("role", 1, 32, isRoleChar, "a-z_-", s.role) ||
        !field.readHex("target", 16, s.target) ||
        !field.readUint("count", 1, 100000, s.count) ||
        !field.readUint("at_s", 0, 604800, s.at_s) ||
        !field.readUint("span_ms", 0, 3600000, s.span_ms) ||
        !field.readUnitScore("score", s.score))
      return false;
    out.signals.push_back(std::move(s));
  }

  const Json& visits = *batch.find("visits");
  if (!visits.is_array() || visits.size() > kMaxVisitsPerBatch) {
    error = "visits: must be an array of at most " + std::to_string(kMaxVisitsPerBatch) +
            " visits";
    return false;
  }
  out.visits.reserve(visits.size());
  for (size_t i = 0; i < visits.size(); ++i) {
    FieldReader field(visits[i], "visits[" + std::to_string(i) + "]", error);
    ReceivedVisit v;
    if (!field.isObjectWithKeys({"step", "met"}) || !field.readStep("step", v.step) ||
        !field.readKindSet("met", v.met))
      return false;
    out.visits.push_back(std::move(v));
  }
  return true;
}

namespace {

// {"steps":[{"step","seconds","met":{kind:count}}]}, its errors under "summary.".
bool readHandoffSummary(const Json& summary, std::vector<HandoffStep>& out, std::string& error) {
  FieldReader summary_reader(summary, "summary", error);
  if (!summary_reader.isObjectWithKeys({"steps"})) return false;
  const Json& steps = *summary.find("steps");
  if (!steps.is_array() || steps.size() > kMaxHandoffSteps) {
    error = "summary.steps: must be an array of at most " + std::to_string(kMaxHandoffSteps) +
            " steps";
    return false;
  }
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string path = "summary.steps[" + std::to_string(i) + "]";
    FieldReader field(steps[i], path, error);
    HandoffStep step;
    if (!field.isObjectWithKeys({"step", "seconds", "met"}) || !field.readStep("step", step.step) ||
        !field.readUint("seconds", 0, 86400, step.seconds))
      return false;
    const Json& met = *steps[i].find("met");
    if (!met.is_object() || met.size() > kFrictionKindCount) {
      error = path + ".met: must be an object of friction kinds and counts";
      return false;
    }
    for (const auto& item : met.items()) {
      if (!parseFrictionKind(item.key()) || !item.value().is_number_unsigned() ||
          item.value().get<uint64_t>() < 1 || item.value().get<uint64_t>() > 65535) {
        error = path + ".met: must be an object of friction kinds and counts from 1 to 65535";
        return false;
      }
      step.met.emplace_back(item.key(), static_cast<uint32_t>(item.value().get<uint64_t>()));
    }
    out.push_back(std::move(step));
  }
  return true;
}

}  // namespace

bool readHandoffJson(std::string_view text, ReceivedHandoff& out, std::string& error) {
  out = ReceivedHandoff{};
  const Json request = parseBody(text, error);
  if (request.is_discarded()) return false;
  FieldReader top(request, "", error, "request");
  uint32_t version = 0;
  if (!top.isObjectWithKeys({"v", "site", "summary"}) ||
      !top.readUint("v", kWireVersion, kWireVersion, version) ||
      !top.readName("site", 1, 64, isSiteChar, "A-Za-z0-9._-", out.site))
    return false;
  const Json& summary = *request.find("summary");
  if (summary.is_null()) return true;  // the visitor said no: the hand-off goes on without it
  out.has_summary = true;
  return readHandoffSummary(summary, out.steps, error);
}

bool readHandoffSummaryJson(std::string_view text, std::vector<HandoffStep>& steps,
                            std::string& error) {
  steps.clear();
  const Json summary = Json::parse(text.begin(), text.end(), nullptr, false);
  if (summary.is_discarded()) {
    error = "summary is not valid JSON";
    return false;
  }
  return readHandoffSummary(summary, steps, error);
}

}  // namespace friction
