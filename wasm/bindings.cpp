// The control API the JS layer uses: configuration, consent, steps, queries.
// Per-event traffic does not come through here: JS writes events straight into the ring, whose
// address `engine_ringAddress()` gives, and calls `engine_drain()` once per batch.
//
// Free functions on an engine handle, not an Embind class: a class brings Embind's handle and
// pointer machinery (about a third of the glue) and its registration cost to every page, for
// one engine a page. js/src/core_engine.js turns the handle back into an object.
#include <emscripten/bind.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "capture/event_record.h"
#include "detect/target_traits.h"
#include "encode/record_bytes.h"
#include "engine.h"
#include "js_contract.h"

using friction::Engine;

namespace {

// Handle n is engines[n - 1]; 0 is never a handle. A handle used after engine_delete, or one
// never given, is a bug in the JS layer: abort() makes it loud instead of corrupting memory.
std::vector<std::unique_ptr<Engine>> engines;

Engine& at(uint32_t handle) {
  if (handle == 0 || handle > engines.size() || !engines[handle - 1]) std::abort();
  return *engines[handle - 1];
}

uint32_t create(const std::string& site, const std::string& hash_key_hex, uint32_t ring_capacity,
                const std::string& random_seed_hex, double time_origin_ms) {
  friction::EngineConfig config;
  config.site = site;
  config.hash_key_hex = hash_key_hex;
  config.ring_capacity = ring_capacity;
  config.random_seed_hex = random_seed_hex;
  config.time_origin_ms = time_origin_ms;
  engines.push_back(std::make_unique<Engine>(std::move(config)));
  return static_cast<uint32_t>(engines.size());
}

void destroy(uint32_t handle) {
  at(handle);  // checks it
  engines[handle - 1].reset();
}

void routesOnly(uint32_t engine, bool on) { at(engine).routesOnly(on); }
void setTimeOrigin(uint32_t engine, double time_origin_ms) { at(engine).setTimeOrigin(time_origin_ms); }
void helpDismissed(uint32_t engine, double now_ms) { at(engine).helpDismissed(now_ms); }
bool helpQuestion(uint32_t engine) { return at(engine).helpQuestion(); }
void helpAsked(uint32_t engine) { at(engine).helpAsked(); }
void flush(uint32_t engine, double now_ms) { at(engine).flush(now_ms); }
void pageHidden(uint32_t engine, double now_ms) { at(engine).pageHidden(now_ms); }
void pageShown(uint32_t engine) { at(engine).pageShown(); }
void grantJourneyOnce(uint32_t engine) { at(engine).grantJourneyOnce(); }

uint32_t ringAddress(uint32_t engine) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(at(engine).ring().header()));
}

std::string enterStep(uint32_t engine, const std::string& url, double now_ms) {
  return at(engine).enterStep(url, now_ms);
}

std::string journeyState(uint32_t engine, double now_ms) { return at(engine).journeyState(now_ms); }

void restoreJourney(uint32_t engine, const std::string& state) { at(engine).restoreJourney(state); }

bool setThreshold(uint32_t engine, const std::string& name, double value) {
  return at(engine).setThreshold(name, value);
}

// Infinity when nothing is pending: JS then sets no timer.
double nextDeadline(uint32_t engine) { return at(engine).nextDeadline(); }

bool addRoute(uint32_t engine, const std::string& pattern) { return at(engine).addRoute(pattern); }

// The site's goal (signals/told_tallies.h): a route that reaches it, or reached now.
bool setGoalRoute(uint32_t engine, const std::string& pattern, const std::string& name) {
  return at(engine).setGoalRoute(pattern, name);
}
bool goal(uint32_t engine, const std::string& name) { return at(engine).goal(name); }
std::string toldState(uint32_t engine) { return at(engine).toldState(); }
void restoreTold(uint32_t engine, const std::string& state) { at(engine).restoreTold(state); }

// name: the element's data-friction-name, "" if none (cleaned in the core).
void registerTarget(uint32_t engine, uint32_t id, const std::string& role,
                    const std::string& selector, uint32_t traits, const std::string& name) {
  at(engine).registerTarget(id, role, selector, traits, name);
}

void setDevice(uint32_t engine, bool coarse_pointer, double viewport_px) {
  at(engine).setDevice(coarse_pointer, viewport_px);
}

// As the wire writes it (16 hex digits), for the element finder (js/src/finder/).
std::string targetHash(uint32_t engine, const std::string& selector) {
  return friction::toHex(at(engine).targetHash(selector));
}

uint32_t drain(uint32_t engine, double now_ms) { return at(engine).drain(now_ms); }

// What a take* call hands JS: bytes it copies out of wasm memory at once (core_engine.js), in
// the core's record form (encode/record_bytes.h). Plain bytes instead of Embind's JS objects keep
// its value machinery out of the glue.
std::vector<uint8_t> out;

uint32_t handOut(std::vector<uint8_t> bytes) {
  out = std::move(bytes);
  return static_cast<uint32_t>(out.size());
}

// Each detection: kind, step, target, score, at, stepScore, cause ("" when the detector could
// not tell; otherwise "validation_loop"..., detect/friction_cause.h).
uint32_t takeDetections(uint32_t engine) {
  friction::ByteWriter writer;
  for (const auto& d : at(engine).takeDetections()) {
    writer.str(friction::name(d.kind));
    writer.str(d.step);
    writer.varint(d.target);
    writer.f64(d.score);
    writer.f64(d.at_ms);
    writer.f64(d.step_score);
    writer.str(d.cause == friction::FrictionCause::none ? "" : friction::name(d.cause));
  }
  return handOut(writer.take());
}

// Each offer: step, its kinds (a count, then names), cause, target, score, reason, at.
uint32_t takeHelpOffers(uint32_t engine) {
  friction::ByteWriter writer;
  for (const auto& offer : at(engine).takeHelpOffers()) {
    writer.str(offer.step);
    uint32_t count = 0;
    for (size_t k = 0; k < friction::kFrictionKindCount; ++k) count += (offer.kinds >> k) & 1u;
    writer.varint(count);
    for (size_t k = 0; k < friction::kFrictionKindCount; ++k)
      if (offer.kinds & (1u << k)) writer.str(friction::kFrictionKindNames[k]);
    writer.str(friction::name(offer.cause));
    writer.varint(offer.target);
    writer.f64(offer.score);
    writer.str(friction::name(offer.reason));
    writer.f64(offer.at_ms);
  }
  return handOut(writer.take());
}

uint32_t outAddress() { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(out.data())); }

std::string helpState(uint32_t engine, double now_ms) { return at(engine).helpState(now_ms); }

void restoreHelpState(uint32_t engine, const std::string& state, double now_ms) {
  at(engine).restoreHelpState(state, now_ms);
}

std::string formState(uint32_t engine) { return at(engine).formState(); }
void restoreFormState(uint32_t engine, const std::string& state, double now_ms) {
  at(engine).restoreFormState(state, now_ms);
}

// What the visitor did with the latest offer: "opened", "dismissed", "handoff", "solved",
// "unsolved" (decide/help_outcomes.h). False when the core kept nothing of it.
bool helpEvent(uint32_t engine, const std::string& event) { return at(engine).helpEvent(event); }

bool setHelpKinds(uint32_t engine, const std::string& kinds) { return at(engine).setHelpKinds(kinds); }

double stepScore(uint32_t engine, double now_ms) { return at(engine).stepScore(now_ms); }

bool setConsent(uint32_t engine, const std::string& level) { return at(engine).setConsent(level); }

std::string consent(uint32_t engine) { return std::string(friction::name(at(engine).consent())); }

uint32_t pendingSignals(uint32_t engine) { return at(engine).pendingSignals(); }

uint32_t pendingVisits(uint32_t engine) { return at(engine).pendingVisits(); }

// Null in JS (0 bytes) unless the visitor has just said yes (grantJourneyOnce) to sharing their
// journey. The codec (friction-codec.wasm) turns the record into the summary's JSON.
uint32_t takeJourneyRecord(uint32_t engine, double now_ms) {
  return handOut(at(engine).takeJourneyRecord(now_ms));
}

bool enableLdp(uint32_t engine, double epsilon) { return at(engine).enableLdp(epsilon); }

double droppedEvents(uint32_t engine) { return static_cast<double>(at(engine).droppedEvents()); }

// The next batch as a record for the codec (friction-codec.wasm); 0 bytes when there is none.
uint32_t takeBatchRecord(uint32_t engine) { return handOut(at(engine).takeBatchRecord()); }

// The warm-up a worker runs (js/src/chunks/core_warmer.js), never the page: one short made-up
// visit through the same functions the page calls, so that the browser compiles them there.
// A browser compiles a wasm function when it is first called, on the thread that calls it, and
// keeps the code with the module's bytes, which the page's module shares: otherwise the page's
// first events, its first step and its pagehide each pay for compiling what they call. Nothing
// it makes leaves the worker; the engine is deleted at the end. Returns the kinds it detected, a
// bit each (1 << FrictionKind), so that a test can tell it still reaches the detectors.
uint32_t warmUp() {
  using namespace friction;
  const std::string zeros(32, '0');
  const uint32_t engine = create("warm-up", zeros, 256, zeros, 1.7e12);
  setConsent(engine, "signals");
  setThreshold(engine, "rage_click.min_clicks", 3);
  setThreshold(engine, "help.threshold", 1);
  addRoute(engine, "/product/:id");
  setGoalRoute(engine, "/checkout/done", "order");
  setHelpKinds(engine, "rage_click,dead_click,form_struggle");
  setDevice(engine, false, 1280);
  routesOnly(engine, false);
  enterStep(engine, "https://shop.example/product/12?colour=red", 0);
  restoreJourney(engine, journeyState(engine, 1));
  restoreHelpState(engine, helpState(engine, 1), 1);
  restoreFormState(engine, formState(engine), 1);
  restoreTold(engine, toldState(engine));
  registerTarget(engine, 1, "button", "main > button.buy", kActionable, "buy");
  registerTarget(engine, 2, "textbox", "form > input#email", kTextField | kInForm, "");
  registerTarget(engine, 3, "", "main > div.card", kLooksClickable, "");

  // Each detector's events: moves, a burst of clicks on a button that a failing request and a
  // script error follow, scrolls, a field corrected, a form refused twice, a slow interaction,
  // a touch; then a click on something that never answers.
  EventRing& ring = at(engine).ring();
  double t = 10;
  auto event = [&](EventType type, uint32_t target, float x, float y, int32_t a = 0,
                   int32_t b = 0, uint16_t flags = 0) {
    ring.push(EventRecord{t, x, y, target, static_cast<uint16_t>(type), flags, a, b});
    t += 40;
  };
  for (int i = 0; i < 12; ++i) event(EventType::pointer_move, 0, (i % 2) ? 100.f : 400.f, 200.f);
  event(EventType::pointer_over, 1, 200, 300);
  for (int i = 0; i < 4; ++i) event(EventType::click, 1, 200, 300, 1);
  event(EventType::request_start, 0, 0, 0, 7);
  event(EventType::request_end, 0, 0, 0, 7, 5);
  event(EventType::js_error, 0, 0, 0);
  for (int i = 0; i < 6; ++i) event(EventType::scroll, 0, 0, 0, (i % 2) ? 0 : 900, 0);
  event(EventType::focus, 2, 0, 0);
  for (int i = 0; i < 3; ++i) event(EventType::input, 2, 0, 0, 3 - i, 1, kInputDeletion);
  for (int attempt = 0; attempt < 2; ++attempt) {
    event(EventType::submit_click, 1, 200, 300, 0, 1);
    event(EventType::invalid, 2, 0, 0, 0, 1);
    event(EventType::field_invalid, 2, 0, 0, 0, 1);
    event(EventType::form_message, 2, 0, 0, kMessageAlert, 1, kMessageFieldInvalid);
    t += 1000;
  }
  event(EventType::submit, 1, 0, 0, 0, 1);
  event(EventType::dom_change, 0, 0, 0, 3);
  event(EventType::event_timing, 1, 900, 0, 1200, kTimingPointer);
  event(EventType::pointer_down, 1, 200, 300, kPointerTouch, 1);
  event(EventType::gesture, 1, 200, 300, kGestureLift);
  event(EventType::selection, 0, 0, 0);
  event(EventType::window_blur, 0, 0, 0);
  drain(engine, t);
  t += 6000;
  event(EventType::click, 3, 500, 600, 1);
  drain(engine, t);
  t += 6000;  // past every detector's window
  nextDeadline(engine);
  drain(engine, t);
  uint32_t kinds = 0;
  const auto detected = [&] {
    for (const auto& found : at(engine).takeDetections()) kinds |= 1u << static_cast<uint32_t>(found.kind);
  };
  detected();
  takeHelpOffers(engine);
  helpEvent(engine, "opened");
  helpQuestion(engine);
  helpAsked(engine);
  helpDismissed(engine, t);
  stepScore(engine, t);
  targetHash(engine, "main > button.buy");
  goal(engine, "order");
  flush(engine, t);
  takeBatchRecord(engine);
  enterStep(engine, "https://shop.example/checkout", t);
  enterStep(engine, "https://shop.example/product/12", t + 1500);  // straight back
  detected();
  takeDetections(engine);
  pageHidden(engine, t + 2000);
  pageShown(engine);
  grantJourneyOnce(engine);
  takeJourneyRecord(engine, t + 2000);
  takeBatchRecord(engine);
  pendingSignals(engine);
  pendingVisits(engine);
  droppedEvents(engine);
  consent(engine);
  destroy(engine);
  return kinds;
}

}  // namespace

// friction.js compares it with its own (generated/core_tables.js) before it writes a record.
uint32_t coreTablesFingerprint() { return friction::js_contract::kFingerprint; }

// Every engine function is named engine_<method>; its first argument is the handle.
EMSCRIPTEN_BINDINGS(friction_core) {
  using emscripten::function;
  function("coreTablesFingerprint", &coreTablesFingerprint);
  function("engine_create", &create);
  function("engine_delete", &destroy);
  function("outAddress", &outAddress);
  function("engine_ringAddress", &ringAddress);
  function("engine_addRoute", &addRoute);
  function("engine_routesOnly", &routesOnly);
  function("engine_setTimeOrigin", &setTimeOrigin);
  function("engine_enterStep", &enterStep);
  function("engine_registerTarget", &registerTarget);
  function("engine_targetHash", &targetHash);
  function("engine_setDevice", &setDevice);
  function("engine_drain", &drain);
  function("engine_takeDetections", &takeDetections);
  function("engine_takeHelpOffers", &takeHelpOffers);
  function("engine_helpDismissed", &helpDismissed);
  function("engine_helpEvent", &helpEvent);
  function("engine_helpQuestion", &helpQuestion);
  function("engine_helpState", &helpState);
  function("engine_restoreHelpState", &restoreHelpState);
  function("engine_formState", &formState);
  function("engine_restoreFormState", &restoreFormState);
  function("engine_setHelpKinds", &setHelpKinds);
  function("engine_stepScore", &stepScore);
  function("engine_flush", &flush);
  function("engine_pageHidden", &pageHidden);
  function("engine_pageShown", &pageShown);
  function("engine_enableLdp", &enableLdp);
  function("engine_setConsent", &setConsent);
  function("engine_consent", &consent);
  function("engine_pendingSignals", &pendingSignals);
  function("engine_pendingVisits", &pendingVisits);
  function("engine_takeBatchRecord", &takeBatchRecord);
  function("engine_setThreshold", &setThreshold);
  function("engine_nextDeadline", &nextDeadline);
  function("engine_journeyState", &journeyState);
  function("engine_restoreJourney", &restoreJourney);
  function("engine_droppedEvents", &droppedEvents);
  function("engine_grantJourneyOnce", &grantJourneyOnce);
  function("engine_takeJourneyRecord", &takeJourneyRecord);
  function("engine_setGoalRoute", &setGoalRoute);
  function("engine_goal", &goal);
  function("engine_helpAsked", &helpAsked);
  function("engine_toldState", &toldState);
  function("engine_restoreTold", &restoreTold);
  function("warmUp", &warmUp);
}
