// Reads the fields of one JSON object of a request strictly: only the exact keys of the format,
// with the values the SDK can produce, so nothing unexpected (ids, free text) can be smuggled
// into storage. Every error names the field, e.g. "signals[3].step: must not contain a query".
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>

namespace friction::intake {

using Json = nlohmann::json;

// A request body as JSON; a discarded value, with `error` set, if it is not JSON at all.
Json parseBody(std::string_view text, std::string& error);

bool isSiteChar(char c);  // [A-Za-z0-9._-]
bool isRoleChar(char c);  // [a-z_-]

class FieldReader {
 public:
  // `path`: where the object is ("signals[3]", "" for the top); `root`: what the top-level
  // object is called in errors ("batch", "request").
  FieldReader(const Json& object, std::string path, std::string& error,
              std::string root = "batch");

  bool isObjectWithKeys(std::initializer_list<std::string_view> keys,
                        std::initializer_list<std::string_view> optional_keys = {});

  // The read* calls below expect isObjectWithKeys() to have checked that the key is present.
  bool readUint(std::string_view key, uint64_t min, uint64_t max, uint32_t& value);
  bool readUnitScore(std::string_view key, double& value);  // 0..1
  bool readName(std::string_view key, size_t min, size_t max, bool (*allowed)(char),
                std::string_view allowed_text, std::string& value);
  bool readText(std::string_view key, size_t max, std::string& value);  // no control characters
  bool readEpsilon(std::string_view key, double& value);  // optional: absent leaves `value`
  bool readKindSet(std::string_view key, std::vector<std::string>& kinds);  // distinct kinds
  bool readKind(std::string_view key, std::string& value);
  bool readStep(std::string_view key, std::string& value);  // a clean step template
  bool readHex(std::string_view key, size_t digits, std::string& value);  // lowercase
  // Whether an optional key is present; readBool expects it to be.
  bool has(std::string_view key) const { return object_.contains(std::string(key)); }
  bool readBool(std::string_view key, bool& value);
  // Optional keys: absent leaves `value` as it is.
  bool readOptionalTrue(std::string_view key, bool& value);  // only `true`: false is not sent
  bool readOptionalChoice(std::string_view key, std::initializer_list<std::string_view> choices,
                          std::string& value);
  bool readOptionalElementName(std::string_view key, std::string& value);  // field_rules.h
  // A cause that signals of `kind` (read before) may carry (field_rules::kKindCauses).
  bool readOptionalCause(std::string_view key, const std::string& kind, std::string& value);
  // An array of at most `max` entries (called `entries` in the error), read one by one after.
  bool readArray(std::string_view key, size_t max, std::string_view entries, const Json*& array);

 private:
  bool readString(std::string_view key, std::string& value);
  const Json& valueOf(std::string_view key) const;
  std::string fieldName(std::string_view key) const;
  bool reject(const std::string& name, const std::string& why);

  const Json& object_;
  std::string path_;
  std::string& error_;
  std::string root_;
};

}  // namespace friction::intake
