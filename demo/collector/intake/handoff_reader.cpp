#include "intake/handoff_reader.h"

#include "detect/friction_kind.h"
#include "encode/field_rules.h"
#include "encode/signal_batch.h"
#include "intake/field_reader.h"

namespace friction {

using intake::FieldReader;
using intake::Json;

namespace {

// {"steps":[{"step","seconds","met":{kind:count}}]}, its errors under "summary.".
bool readHandoffSummary(const Json& summary, std::vector<HandoffStep>& out, std::string& error) {
  FieldReader summary_reader(summary, "summary", error);
  if (!summary_reader.isObjectWithKeys({"steps"})) return false;
  const Json* steps_array = nullptr;
  if (!summary_reader.readArray("steps", kMaxHandoffSteps, "steps", steps_array)) return false;
  const Json& steps = *steps_array;
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string path = "summary.steps[" + std::to_string(i) + "]";
    FieldReader field(steps[i], path, error);
    HandoffStep step;
    if (!field.isObjectWithKeys({"step", "seconds", "met"}) || !field.readStep("step", step.step) ||
        !field.readUint("seconds", 0, field_rules::kMaxStepSeconds, step.seconds))
      return false;
    const Json& met = *steps[i].find("met");
    if (!met.is_object() || met.size() > kFrictionKindCount) {
      error = path + ".met: must be an object of friction kinds and counts";
      return false;
    }
    for (const auto& item : met.items()) {
      if (!parseFrictionKind(item.key()) || !item.value().is_number_unsigned() ||
          item.value().get<uint64_t>() < 1 ||
          item.value().get<uint64_t>() > field_rules::kMaxMetCount) {
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
  const Json request = intake::parseBody(text, error);
  if (request.is_discarded()) return false;
  FieldReader top(request, "", error, "request");
  uint32_t version = 0;
  if (!top.isObjectWithKeys({"v", "site", "summary"}) ||
      !top.readUint("v", kWireVersion, kWireVersion, version) ||
      !top.readName("site", 1, 64, intake::isSiteChar, "A-Za-z0-9._-", out.site))
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
