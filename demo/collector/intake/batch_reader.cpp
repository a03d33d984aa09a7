#include "intake/batch_reader.h"

#include "encode/signal_batch.h"
#include "intake/field_reader.h"

namespace friction {

using intake::FieldReader;
using intake::Json;

bool readBatchJson(std::string_view text, ReceivedBatch& out, std::string& error) {
  out = ReceivedBatch{};
  const Json batch = intake::parseBody(text, error);
  if (batch.is_discarded()) return false;
  FieldReader top(batch, "", error);
  uint32_t version = 0;
  if (!top.isObjectWithKeys({"v", "id", "site", "sdk", "dropped", "signals", "visits"},
                            {"epsilon"}) ||
      !top.readUint("v", kWireVersion, kWireVersion, version) ||
      !top.readHex("id", 32, out.id) ||
      !top.readName("site", 1, 64, intake::isSiteChar, "A-Za-z0-9._-", out.site) ||
      !top.readText("sdk", 32, out.sdk) ||
      !top.readUint("dropped", 0, kMaxDropped, out.dropped) ||
      !top.readEpsilon("epsilon", out.epsilon))
    return false;

  const Json* signals_array = nullptr;
  if (!top.readArray("signals", kMaxSignalsPerBatch, "signals", signals_array)) return false;
  const Json& signals = *signals_array;
  out.signals.reserve(signals.size());
  for (size_t i = 0; i < signals.size(); ++i) {
    FieldReader field(signals[i], "signals[" + std::to_string(i) + "]", error);
    ReceivedSignal s;
    if (!field.isObjectWithKeys(
            {"kind", "step", "role", "target", "count", "at_s", "span_ms", "score"}) ||
        !field.readKind("kind", s.kind) ||
        !field.readStep("step", s.step) ||
        !field.readName("role", 1, 32, intake::isRoleChar, "a-z_-", s.role) ||
        !field.readHex("target", 16, s.target) ||
        !field.readUint("count", 1, 100000, s.count) ||
        !field.readUint("at_s", 0, 604800, s.at_s) ||
        !field.readUint("span_ms", 0, 3600000, s.span_ms) ||
        !field.readUnitScore("score", s.score))
      return false;
    out.signals.push_back(std::move(s));
  }

  const Json* visits_array = nullptr;
  if (!top.readArray("visits", kMaxVisitsPerBatch, "visits", visits_array)) return false;
  const Json& visits = *visits_array;
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

}  // namespace friction
