#include "intake/field_reader.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "anonymise/pii_scrub.h"
#include "anonymise/randomized_response.h"
#include "detect/friction_kind.h"
#include "encode/field_rules.h"


namespace friction::intake {
namespace {

bool isLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool isControl(unsigned char c) { return c < 0x20 || c == 0x7f; }

// 0.1 -> "0.1", 5 -> "5": a bound as people write it.
std::string shortNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
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

}  // namespace

Json parseBody(std::string_view text, std::string& error) {
  Json body = Json::parse(text.begin(), text.end(), nullptr, false);
  if (body.is_discarded()) error = "body is not valid JSON";
  return body;
}

bool isSiteChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '_' || c == '-';
}
bool isRoleChar(char c) { return field_rules::isRoleChar(c); }

FieldReader::FieldReader(const Json& object, std::string path, std::string& error,
                         std::string root)
    : object_(object), path_(std::move(path)), error_(error), root_(std::move(root)) {}

bool FieldReader::isObjectWithKeys(std::initializer_list<std::string_view> keys,
                                   std::initializer_list<std::string_view> optional_keys) {
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

bool FieldReader::readUint(std::string_view key, uint64_t min, uint64_t max, uint32_t& value) {
  const Json& field = valueOf(key);
  // nlohmann parses non-negative integers as unsigned; negatives and 1.0 are refused here.
  if (!field.is_number_unsigned() || field.get<uint64_t>() < min || field.get<uint64_t>() > max)
    return reject(fieldName(key), min == max ? "must be " + std::to_string(min)
                                             : "must be an integer from " + std::to_string(min) +
                                                   " to " + std::to_string(max));
  value = static_cast<uint32_t>(field.get<uint64_t>());
  return true;
}

bool FieldReader::readUnitScore(std::string_view key, double& value) {
  const Json& field = valueOf(key);
  if (!field.is_number() || !std::isfinite(field.get<double>()) || field.get<double>() < 0 ||
      field.get<double>() > 1)
    return reject(fieldName(key), "must be a number from 0 to 1");
  value = field.get<double>();
  return true;
}

bool FieldReader::readName(std::string_view key, size_t min, size_t max, bool (*allowed)(char),
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

bool FieldReader::readText(std::string_view key, size_t max, std::string& value) {
  if (!readString(key, value)) return false;
  if (value.size() > max)
    return reject(fieldName(key), "must be at most " + std::to_string(max) + " characters");
  for (char c : value)
    if (isControl(static_cast<unsigned char>(c)))
      return reject(fieldName(key), "must not contain control characters");
  return true;
}

bool FieldReader::readEpsilon(std::string_view key, double& value) {
  if (!object_.contains(std::string(key))) return true;  // optional: absent means exact tallies
  const Json& field = valueOf(key);
  if (!field.is_number() || !isUsableLdpEpsilon(field.get<double>()))
    return reject(fieldName(key), "must be a number from " + shortNumber(kMinLdpEpsilon) +
                                      " to " + shortNumber(kMaxLdpEpsilon));
  value = field.get<double>();
  return true;
}

bool FieldReader::readBool(std::string_view key, bool& value) {
  const Json& field = valueOf(key);
  if (!field.is_boolean()) return reject(fieldName(key), "must be true or false");
  value = field.get<bool>();
  return true;
}

// A list of distinct friction kinds, as in a visit's "met".
bool FieldReader::readKindSet(std::string_view key, std::vector<std::string>& kinds) {
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

bool FieldReader::readKind(std::string_view key, std::string& value) {
  if (!readString(key, value)) return false;
  if (!parseFrictionKind(value)) return reject(fieldName(key), "is not a known friction kind");
  return true;
}

bool FieldReader::readStep(std::string_view key, std::string& value) {
  if (!readString(key, value)) return false;
  if (const char* problem = field_rules::stepProblem(value)) return reject(fieldName(key), problem);
  if (containsPii(value)) return reject(fieldName(key), kPersonalData);
  return true;
}

bool FieldReader::readHex(std::string_view key, size_t digits, std::string& value) {
  if (!readString(key, value)) return false;
  bool ok = value.size() == digits;
  for (char c : value) ok = ok && isLowerHex(c);
  if (!ok)
    return reject(fieldName(key),
                  "must be exactly " + std::to_string(digits) + " lowercase hex digits");
  return true;
}

bool FieldReader::readOptionalTrue(std::string_view key, bool& value) {
  if (!object_.contains(std::string(key))) return true;
  if (!valueOf(key).is_boolean() || !valueOf(key).get<bool>())
    return reject(fieldName(key), "must be true when present");
  value = true;
  return true;
}

bool FieldReader::readOptionalChoice(std::string_view key,
                                     std::initializer_list<std::string_view> choices,
                                     std::string& value) {
  if (!object_.contains(std::string(key))) return true;
  std::string read;
  if (!readString(key, read)) return false;
  std::string listed;
  for (auto choice : choices) {
    if (read == choice) {
      value = std::move(read);
      return true;
    }
    listed += (listed.empty() ? "\"" : ", \"") + std::string(choice) + "\"";
  }
  return reject(fieldName(key), "must be one of " + listed);
}

bool FieldReader::readOptionalElementName(std::string_view key, std::string& value) {
  if (!object_.contains(std::string(key))) return true;
  std::string read;
  if (!readString(key, read)) return false;
  if (const char* problem = field_rules::elementNameProblem(read))
    return reject(fieldName(key), problem);
  value = std::move(read);
  return true;
}

bool FieldReader::readOptionalCause(std::string_view key, const std::string& kind,
                                    std::string& value) {
  if (!object_.contains(std::string(key))) return true;
  std::string read;
  if (!readString(key, read)) return false;
  const auto parsed_kind = parseFrictionKind(kind);
  const uint32_t allowed = parsed_kind ? field_rules::causesOf(*parsed_kind) : 0;
  if (allowed == 0) return reject(fieldName(key), "must be absent: " + kind + " carries no cause");
  const auto cause = parseFrictionCause(read);
  if (cause && field_rules::carriesCause(*parsed_kind, *cause)) {
    value = std::move(read);
    return true;
  }
  std::string listed;
  for (size_t i = 0; i < kFrictionCauseCount; ++i)
    if (allowed & (1u << i))
      listed += (listed.empty() ? "\"" : ", \"") + std::string(kFrictionCauseNames[i]) + "\"";
  return reject(fieldName(key), "must be one of " + listed + " for " + kind +
                                    " (absent when the cause is unknown)");
}

bool FieldReader::readArray(std::string_view key, size_t max, std::string_view entries,
                            const Json*& array) {
  array = &valueOf(key);
  if (!array->is_array() || array->size() > max)
    return reject(fieldName(key), "must be an array of at most " + std::to_string(max) + " " +
                                      std::string(entries));
  return true;
}

bool FieldReader::readString(std::string_view key, std::string& value) {
  const Json& field = valueOf(key);
  if (!field.is_string()) return reject(fieldName(key), "must be a string");
  value = field.get<std::string>();
  return true;
}

// Only called after isObjectWithKeys() has checked that the key is present.
const Json& FieldReader::valueOf(std::string_view key) const {
  return *object_.find(std::string(key));
}

std::string FieldReader::fieldName(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool FieldReader::reject(const std::string& name, const std::string& why) {
  error_ = name + ": " + why;
  return false;
}

}  // namespace friction::intake
