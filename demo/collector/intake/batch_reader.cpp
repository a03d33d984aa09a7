#include "intake/batch_reader.h"

#include "decide/help_outcomes.h"
#include "encode/field_rules.h"
#include "encode/signal_batch.h"
#include "intake/field_reader.h"

namespace friction {

using intake::FieldReader;
using intake::Json;
using namespace field_rules;

namespace {
// One signal or visit the collector cannot take: counted, and the first one named.
void refuse(ReceivedBatch& batch, const std::string& why) {
  if (batch.refused++ == 0) batch.first_refusal = why;
}
}  // namespace

bool readBatchJson(std::string_view text, ReceivedBatch& out, std::string& error) {
  out = ReceivedBatch{};
  const Json batch = intake::parseBody(text, error);
  if (batch.is_discarded()) return false;
  FieldReader top(batch, "", error);
  if (!top.isObjectWithKeys({"v", "id", "site", "sdk", "dropped", "signals", "visits"},
                            {"epsilon", "help", "pointer", "width"}) ||
      // Batches of older SDKs (v1) are taken as they are: the fields v2 added are optional.
      !top.readUint("v", kWireVersion, kBatchWireVersion, out.version) ||
      !top.readHex("id", 32, out.id) ||
      !top.readName("site", 1, 64, intake::isSiteChar, "A-Za-z0-9._-", out.site) ||
      !top.readText("sdk", 32, out.sdk) ||
      !top.readUint("dropped", 0, kMaxDropped, out.dropped) ||
      !top.readEpsilon("epsilon", out.epsilon) ||
      !top.readOptionalChoice("pointer", {"touch", "mouse"}, out.pointer) ||
      !top.readOptionalChoice("width", {"narrow", "medium", "wide"}, out.width))
    return false;

  const Json* signals_array = nullptr;
  if (!top.readArray("signals", kMaxSignalsPerBatch, "signals", signals_array)) return false;
  const Json& signals = *signals_array;
  // The device class is promised with signals only (signals consent): a batch of tallies alone
  // that carries one is not what the SDK sends.
  if (signals.empty() && (!out.pointer.empty() || !out.width.empty())) {
    error = (out.pointer.empty() ? "width" : "pointer") +
            std::string(": must be absent from a batch without signals");
    return false;
  }
  out.signals.reserve(signals.size());
  for (size_t i = 0; i < signals.size(); ++i) {
    std::string why;
    FieldReader field(signals[i], "signals[" + std::to_string(i) + "]", why);
    ReceivedSignal s;
    if (field.isObjectWithKeys(
            {"kind", "step", "role", "target", "count", "at_s", "span_ms", "score"},
            {"first", "name", "cause"}) &&
        field.readKind("kind", s.kind) && field.readStep("step", s.step) &&
        field.readName("role", 1, kMaxRoleChars, field_rules::isRoleChar, "a-z_-", s.role) &&
        field.readHex("target", 16, s.target) && field.readUint("count", 1, kMaxCount, s.count) &&
        field.readUint("at_s", 0, kMaxAtSeconds, s.at_s) &&
        field.readUint("span_ms", 0, kMaxSpanMs, s.span_ms) &&
        field.readUnitScore("score", s.score) && field.readOptionalTrue("first", s.first) &&
        field.readOptionalElementName("name", s.name) &&
        field.readOptionalCause("cause", s.kind, s.cause))
      out.signals.push_back(std::move(s));
    else
      refuse(out, why);
  }

  const Json* visits_array = nullptr;
  if (!top.readArray("visits", kMaxVisitsPerBatch, "visits", visits_array)) return false;
  const Json& visits = *visits_array;
  out.visits.reserve(visits.size());
  for (size_t i = 0; i < visits.size(); ++i) {
    std::string why;
    FieldReader field(visits[i], "visits[" + std::to_string(i) + "]", why);
    ReceivedVisit v;
    bool help = false;
    if (field.isObjectWithKeys({"step", "met"}, {"help", "goal"}) &&
        field.readStep("step", v.step) && field.readKindSet("met", v.met) &&
        (!field.has("help") || field.readBool("help", help)) &&
        (!field.has("goal") ||
         field.readName("goal", 1, kMaxGoalChars, field_rules::isGoalChar, "a-z0-9_-", v.goal))) {
      // Whether help was asked is told only in exact tallies (signals consent): in a randomized
      // batch it would be an exact answer the visitor never agreed to send.
      if (field.has("help") && out.epsilon > 0) {
        refuse(out, "visits[" + std::to_string(i) + "].help: only in exact tallies (no epsilon)");
        continue;
      }
      if (field.has("help")) v.help = help ? 1 : 0;
      out.visits.push_back(std::move(v));
    } else {
      refuse(out, why);
    }
  }
  if (batch.contains("help")) {
    const Json* help_array = nullptr;
    if (!top.readArray("help", kMaxHelpEventsPerBatch, "help events", help_array)) return false;
    const Json& help = *help_array;
    out.help.reserve(help.size());
    for (size_t i = 0; i < help.size(); ++i) {
      std::string why;
      const std::string path = "help[" + std::to_string(i) + "]";
      FieldReader field(help[i], path, why);
      ReceivedHelpEvent e;
      if (!(field.isObjectWithKeys({"step", "kind", "event"}) && field.readStep("step", e.step) &&
            field.readKind("kind", e.kind) &&
            field.readName("event", 1, 32, field_rules::isRoleChar, "a-z_-", e.event)))
        refuse(out, why);
      else if (!parseHelpEvent(e.event))
        refuse(out, path + ".event: is not a known help event");
      else
        out.help.push_back(std::move(e));
    }
  }
  // Nothing left worth a row: the batch is refused as a whole, naming the first field.
  if (out.refused > 0 && out.signals.empty() && out.visits.empty() && out.help.empty()) {
    error = out.first_refusal;
    return false;
  }
  return true;
}

}  // namespace friction
