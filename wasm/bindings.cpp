// The control API the JS layer uses: configuration, consent, steps, queries.
// Per-event traffic does not come through here: JS writes events straight into the ring, whose
// address `ringAddress()` gives, and calls `drain()` once per batch.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "engine.h"
#include "js_contract.h"

using emscripten::val;
using friction::Engine;

namespace {

uint32_t ringAddress(Engine& engine) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(engine.ring().header()));
}

std::string enterStep(Engine& engine, const std::string& url, double now_ms) {
  return engine.enterStep(url, now_ms);
}

std::string journeyState(Engine& engine, double now_ms) { return engine.journeyState(now_ms); }

void restoreJourney(Engine& engine, const std::string& state) { engine.restoreJourney(state); }

bool setThreshold(Engine& engine, const std::string& name, double value) {
  return engine.setThreshold(name, value);
}

// Infinity when nothing is pending: JS then sets no timer.
double nextDeadline(Engine& engine) { return engine.nextDeadline(); }

bool addRoute(Engine& engine, const std::string& pattern) { return engine.addRoute(pattern); }

// The site's goal (signals/told_tallies.h): a route that reaches it, or reached now.
bool setGoalRoute(Engine& engine, const std::string& pattern, const std::string& name) {
  return engine.setGoalRoute(pattern, name);
}
bool goal(Engine& engine, const std::string& name) { return engine.goal(name); }
std::string toldState(Engine& engine) { return engine.toldState(); }
void restoreTold(Engine& engine, const std::string& state) { engine.restoreTold(state); }

// name: the element's data-friction-name, "" if none (cleaned in the core).
void registerTarget(Engine& engine, uint32_t id, const std::string& role,
                    const std::string& selector, uint32_t traits, const std::string& name) {
  engine.registerTarget(id, role, selector, traits, name);
}

void setDevice(Engine& engine, bool coarse_pointer, double viewport_px) {
  engine.setDevice(coarse_pointer, viewport_px);
}

// As the wire writes it (16 hex digits), for the element finder (js/src/finder/).
std::string targetHash(Engine& engine, const std::string& selector) {
  return friction::toHex(engine.targetHash(selector));
}

uint32_t drain(Engine& engine, double now_ms) { return engine.drain(now_ms); }

val takeDetections(Engine& engine) {
  val list = val::array();
  for (const auto& d : engine.takeDetections()) {
    val item = val::object();
    item.set("kind", std::string(friction::name(d.kind)));
    item.set("step", d.step);
    item.set("target", d.target);
    item.set("score", d.score);
    item.set("at", d.at_ms);
    item.set("stepScore", d.step_score);
    // Why, only when the detector could tell: "validation_loop"... (detect/friction_cause.h).
    if (d.cause != friction::FrictionCause::none)
      item.set("cause", std::string(friction::name(d.cause)));
    list.call<void>("push", item);
  }
  return list;
}

val takeHelpOffers(Engine& engine) {
  val list = val::array();
  for (const auto& offer : engine.takeHelpOffers()) {
    val kinds = val::array();
    for (size_t k = 0; k < friction::kFrictionKindCount; ++k)
      if (offer.kinds & (1u << k)) kinds.call<void>("push", std::string(friction::kFrictionKindNames[k]));
    val item = val::object();
    item.set("step", offer.step);
    item.set("kinds", kinds);
    item.set("cause", std::string(friction::name(offer.cause)));
    item.set("target", offer.target);
    item.set("score", offer.score);
    item.set("reason", std::string(friction::name(offer.reason)));
    item.set("at", offer.at_ms);
    list.call<void>("push", item);
  }
  return list;
}

std::string helpState(Engine& engine, double now_ms) { return engine.helpState(now_ms); }

void restoreHelpState(Engine& engine, const std::string& state, double now_ms) {
  engine.restoreHelpState(state, now_ms);
}

std::string formState(Engine& engine) { return engine.formState(); }
void restoreFormState(Engine& engine, const std::string& state, double now_ms) {
  engine.restoreFormState(state, now_ms);
}

// What the visitor did with the latest offer: "opened", "dismissed", "handoff", "solved",
// "unsolved" (decide/help_outcomes.h). False when the core kept nothing of it.
bool helpEvent(Engine& engine, const std::string& event) { return engine.helpEvent(event); }

bool setHelpKinds(Engine& engine, const std::string& kinds) { return engine.setHelpKinds(kinds); }

double stepScore(Engine& engine, double now_ms) { return engine.stepScore(now_ms); }

bool setConsent(Engine& engine, const std::string& level) { return engine.setConsent(level); }

std::string consent(Engine& engine) { return std::string(friction::name(engine.consent())); }

uint32_t pendingSignals(Engine& engine) { return engine.pendingSignals(); }

uint32_t pendingVisits(Engine& engine) { return engine.pendingVisits(); }

// A record (bytes) as a Uint8Array owned by JS, or null when empty: the view into WASM memory
// dies with the vector.
val ownedBytes(const std::vector<uint8_t>& bytes) {
  if (bytes.empty()) return val::null();
  return val(emscripten::typed_memory_view(bytes.size(), bytes.data())).call<val>("slice");
}

// null unless the visitor has just said yes (grantJourneyOnce) to sharing their journey. The
// codec (friction-codec.wasm) turns the record into the summary's JSON.
val takeJourneyRecord(Engine& engine, double now_ms) {
  return ownedBytes(engine.takeJourneyRecord(now_ms));
}

bool enableLdp(Engine& engine, double epsilon) { return engine.enableLdp(epsilon); }

double droppedEvents(Engine& engine) { return static_cast<double>(engine.droppedEvents()); }

// The next batch as a record for the codec (friction-codec.wasm), or null.
val takeBatchRecord(Engine& engine) { return ownedBytes(engine.takeBatchRecord()); }

}  // namespace

// friction.js compares it with its own (generated/core_tables.js) before it writes a record.
uint32_t coreTablesFingerprint() { return friction::js_contract::kFingerprint; }

EMSCRIPTEN_BINDINGS(friction_core) {
  emscripten::function("coreTablesFingerprint", &coreTablesFingerprint);
  emscripten::value_object<friction::EngineConfig>("EngineConfig")
      .field("site", &friction::EngineConfig::site)
      .field("hashKey", &friction::EngineConfig::hash_key_hex)
      .field("ringCapacity", &friction::EngineConfig::ring_capacity)
      .field("randomSeed", &friction::EngineConfig::random_seed_hex)
      .field("timeOrigin", &friction::EngineConfig::time_origin_ms);

  emscripten::class_<Engine>("Engine")
      .constructor<friction::EngineConfig>()
      .function("ringAddress", &ringAddress)
      .function("addRoute", &addRoute)
      .function("routesOnly", &Engine::routesOnly)
      .function("setTimeOrigin", &Engine::setTimeOrigin)
      .function("enterStep", &enterStep)
      .function("registerTarget", &registerTarget)
      .function("targetHash", &targetHash)
      .function("setDevice", &setDevice)
      .function("drain", &drain)
      .function("takeDetections", &takeDetections)
      .function("takeHelpOffers", &takeHelpOffers)
      .function("helpDismissed", &Engine::helpDismissed)
      .function("helpEvent", &helpEvent)
      .function("helpQuestion", &Engine::helpQuestion)
      .function("helpState", &helpState)
      .function("restoreHelpState", &restoreHelpState)
      .function("formState", &formState)
      .function("restoreFormState", &restoreFormState)
      .function("setHelpKinds", &setHelpKinds)
      .function("stepScore", &stepScore)
      .function("flush", &Engine::flush)
      .function("pageHidden", &Engine::pageHidden)
      .function("pageShown", &Engine::pageShown)
      .function("enableLdp", &enableLdp)
      .function("setConsent", &setConsent)
      .function("consent", &consent)
      .function("pendingSignals", &pendingSignals)
      .function("pendingVisits", &pendingVisits)
      .function("takeBatchRecord", &takeBatchRecord)
      .function("setThreshold", &setThreshold)
      .function("nextDeadline", &nextDeadline)
      .function("journeyState", &journeyState)
      .function("restoreJourney", &restoreJourney)
      .function("droppedEvents", &droppedEvents)
      .function("grantJourneyOnce", &Engine::grantJourneyOnce)
      .function("takeJourneyRecord", &takeJourneyRecord)
      .function("setGoalRoute", &setGoalRoute)
      .function("goal", &goal)
      .function("helpAsked", &Engine::helpAsked)
      .function("toldState", &toldState)
      .function("restoreTold", &restoreTold);
}
