// One SDK instance on the page: wires capture -> core -> page events, help and sending.
// Every entry point is guarded: whatever goes wrong inside, the host page carries on.
import { startCapture } from './capture/index.js';
import { Recorder } from './capture/recorder.js';
import { chunkUrl } from './chunks.js';
import { consentStore } from './consent_store.js';
import { ledger } from './ledger.js';
import { randomHex128 } from './random_hex.js';
import { forgetOutbox } from './outbox.js';
import { loadCore } from './core_loader.js';
import { createEngine } from './core_engine.js';
import { Emitter } from './emitter.js';
import { handoffUrlOf, journeySummary, requestHandoff } from './handoff.js';
import { HelpContent } from './help/help_content.js';
import { coreGuard } from './core_guard.js';
import { isTrap, log } from './log.js';
import { GOAL_NAME_PATTERN } from './config.js';
import { CORE_TABLES_FINGERPRINT, Sizes } from './generated/core_tables.js';
import { RingWriter } from './ring_writer.js';
import { watchSteps } from './steps.js';
import { reachedFromThisSite } from './earlier_page.js';
import { forgetTabMemory, TabMemory } from './tab_memory.js';
import { startFinder } from './finder/index.js';
import { TargetRegistry } from './targets.js';
import { SendingGate } from './sending_gate.js';
import { measureDevice } from './device_class.js';
import { yieldToPage } from './idle.js';

// Send as soon as this many signals and visit tallies wait, rather than on the next interval.
const SEND_AT_PENDING = 20;
// Batches one send may make: tallies told before and after a consent change go apart.
const MAX_BATCHES_A_SEND = 3;
// friction.goal() calls kept until the core runs: a page that calls it in a loop stays bounded.
const MAX_GOALS_BEFORE_CORE = 10;

const round2 = (value) => Math.round(value * 100) / 100;

// The wall-clock time of page time 0. Taken from both clocks rather than performance.timeOrigin:
// the page clock can stop while the machine sleeps, so it is taken again when the page returns.
const clockOrigin = () => Date.now() - performance.now();

export class Friction {
  constructor() {
    this.emitter = new Emitter();
    this.helpContent = new HelpContent();
    // The consent in force while there is no core (see consentLevel()); handed to the core
    // when it starts, and null from then on.
    this.consentWithoutCore = 'none';
    this.consentRevision = '1';
    this.consentMode = 'opt-in';
    this.ldpEpsilon = 0;
    this.lang = '';
    this.engine = null;
    this.sending = null;        // core records -> the collector (sending_gate.js), from start()
    this.listening = false;     // capture runs: sends may go (listen())
    this.tabMemory = null;      // what the next page of this tab gets (tab_memory.js)
    this.helpView = null;       // the default help widget, if mounted (help/mount.js)
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.settled = false;       // start() or disable() has run: ready is resolved
    this.goalsBeforeCore = [];  // friction.goal() called before the core ran (the queue stub)
    this.stopCapture = () => {};
    this.sendTimer = 0;
    // Every way in from the page into the core: a trap turns the SDK off, once (turnOff).
    this.guard = coreGuard(() => this.turnOff());
    for (const [method, what] of [['drain', 'drain'], ['leave', 'pagehide'], ['enterStep', 'route change'], ['send', 'send'],
      ['flush', 'friction.flush'], ['score', 'friction.score'], ['helpDismissed', 'help dismissed'], ['helpEvent', 'help event'], ['helpQuestion', 'help question'], ['setConsent', 'consent'],
      ['followStoredConsent', 'consent from another tab'], ['pageReturned', 'pageshow'], ['visibilityChanged', 'visibilitychange'],
      ['goal', 'friction.goal'], ['helpAsked', 'help asked']])
      this[method] = this.guard(this[method].bind(this), what);
  }

  // Before anything else (queued calls included): which policy revision the site asks about,
  // and so which stored choice is in force.
  configure(config) {
    this.site = config.site;
    this.handoffUrl = config.handoffUrl || handoffUrlOf(config.collector);
    this.consentRevision = config.consentRevision;
    this.consentMode = config.consent;
    this.ldpEpsilon = config.ldpEpsilon;
    this.lang = config.lang;
    this.consentWithoutCore = this.storedLevel();
  }

  storedLevel() {
    return consentStore.levelInForce(this.consentRevision, this.consentMode);
  }

  // The consent in force. The core decides what may be sent, so once it runs its level is
  // the only one, and this layer asks it. Before that, and on pages where it never runs (no
  // WebAssembly, a CSP that forbids it), this layer holds the level: the stored receipt's in
  // force, then the visitor's answers on this page.
  consentLevel() {
    return this.engine ? this.engine.consent() : this.consentWithoutCore;
  }

  // The journey (recent steps) survives page loads only for users who agreed to signals: it
  // links one page to the next, which tallies under 'counts' must never do.
  keepsJourney() {
    return this.consentLevel() === 'signals';
  }

  // Settings were unusable (already reported): stay a no-op, and say so through `ready`.
  disable() {
    this.settled = true;
    this.resolveReady(false);
  }

  async start(config, defaultWasmUrl) {
    try {
      const wasmUrl = config.wasmUrl || defaultWasmUrl;
      // Most likely the page before loaded the codec in this renderer process, which keeps its
      // code: this page reached from another of the site, with a consent at its start that let
      // the codec load there too (earlier_page.js).
      const codecCompiledEarlier = reachedFromThisSite() && this.consentWithoutCore !== 'none';
      this.sending = new SendingGate({
        codecUrl: config.codecUrl || new URL('friction-codec.wasm', wasmUrl).href,
        collector: config.collector,
        // The page's own fetch, kept aside by capture once it runs, so sending is not a page fact.
        fetch: (...args) => (this.pageFetch || window.fetch)(...args),
        // The codec compiled on a worker's thread, and its functions by a warm-up, unless an
        // earlier page compiled them (codec_pipe.js).
        warmerUrl: chunkUrl('codec-warmer'),
        codecCompiledEarlier,
        // Both ask the core's consent, from the answers to fetches too.
        onSent: this.guard(({ frame, json }) => ledger.record(frame.byteLength, json, { keep: this.consentLevel() === 'signals' }), 'ledger'),
        keepOnDevice: this.guard(() => this.consentLevel() === 'signals', 'consent'),
      });
      const core = await loadCore(wasmUrl);
      // The core's start-up ran in this task: the rest goes in tasks of their own (yieldToPage).
      if (core) await this.wire(core, config);
    } catch (error) {
      log.error('could not start; the SDK is off.', error);
      this.dropEngine();
    }
    this.settled = true;
    this.goalsBeforeCore = [];
    this.resolveReady(Boolean(this.engine));
    return Boolean(this.engine);
  }

  // In three short tasks, with the page free to run between them: the core set up, the journey
  // restored and the step entered, then the page listened to. A trap in one stops the others.
  async wire(core, config) {
    await yieldToPage();
    if (!this.setUpEngine(core, config)) return;
    await yieldToPage();
    if (!this.engine) return;
    this.enterFirstStep();
    await yieldToPage();
    if (this.engine) this.listen(config);
  }

  setUpEngine(core, config) {
    // Event types, traits and the ring's layout are numbers both sides must read alike.
    const fingerprint = typeof core.coreTablesFingerprint === 'function' ? core.coreTablesFingerprint() : null;
    if (fingerprint !== CORE_TABLES_FINGERPRINT) {
      log.error('friction.js and friction.wasm come from different builds; copy both from the same dist/. The SDK is off.');
      return false;
    }
    const engine = createEngine(core, {
      site: config.site, hashKey: config.hashKey, ringCapacity: Sizes.ringCapacity, randomSeed: randomHex128(), timeOrigin: clockOrigin(),
    });
    const ring = new RingWriter(core, engine.ringAddress());
    engine.routesOnly(config.routesOnly);
    for (const route of config.routes) engine.addRoute(route);
    const goalName = config.goalName || 'goal';
    if (config.goal && !engine.setGoalRoute(config.goal, goalName))
      log.warn(`goal "${config.goal}" (name "${goalName}") refused by the core; use a route template like "/order/:id/thanks" and a name of a-z, 0-9, "_" or "-".`);
    if (config.helpKinds !== null && !engine.setHelpKinds(config.helpKinds))
      log.warn(`helpKinds "${config.helpKinds}" has an unknown kind; help comes on the default kinds.`);
    for (const [name, value] of Object.entries(config.thresholds)) {
      if (!engine.setThreshold(name, value))
        log.warn(`threshold ${name}=${value} refused: unknown name or value out of range (see the README's threshold table); the default stays.`);
    }
    if (config.ldpEpsilon > 0 && !engine.enableLdp(config.ldpEpsilon)) {
      // config.js checked the range already: a core that still says no is another build.
      log.error(`the core refused ldpEpsilonPerKind=${config.ldpEpsilon}; nothing is counted before the visitor answers.`);
      this.consentMode = 'opt-in';
      if (this.consentWithoutCore === 'counts') this.consentWithoutCore = 'none';
    }
    this.engine = engine;
    this.applyConsent(this.consentWithoutCore);
    this.consentWithoutCore = null; // the core holds it now
    // Told tallies wait for the goal across the tab's pages only where the site declared one.
    this.tabMemory = new TabMemory(engine, () => this.keepsJourney(), Boolean(config.goal || config.goalName));
    this.targets = new TargetRegistry((id, role, selector, traits, name) => engine.registerTarget(id, role, selector, traits, name));
    this.recorder = new Recorder({
      ring, drain: this.drain, guard: this.guard, nextDeadline: () => (this.engine ? this.engine.nextDeadline() : Infinity),
    });
    return true;
  }

  // Before any event is captured, so that the first ones already belong to this page's step.
  enterFirstStep() {
    this.tabMemory.restore();
    watchSteps(this.enterStep);
    // Reached before the core ran (a thanks page calling friction('goal') at once): this page's
    // view is open now, so it is marked as if the call came now.
    for (const name of this.goalsBeforeCore) this.goal(name);
    window.addEventListener('pageshow', this.pageReturned);
    // A choice made in another tab of this site holds here at once (withdrawal above all).
    window.addEventListener('storage', (event) => {
      if (event.key === consentStore.key) this.followStoredConsent();
    });
    window.addEventListener('pagehide', this.leave);
    document.addEventListener('visibilitychange', this.visibilityChanged);
  }

  listen(config) {
    const engine = this.engine;
    // The dashboard's "open on the page" link (finder/index.js): local, whatever the consent.
    startFinder({ hashOf: this.guard((selector) => engine.targetHash(selector), 'element finder'), lang: config.lang });
    const capture = startCapture(this.recorder, this.targets, this.guard);
    this.pageFetch = capture.pageFetch;
    this.stopCapture = capture.stop;
    this.listening = true;
    this.sendIntervalMs = config.sendIntervalMs;
    this.followSendTimer();
  }

  // The regular send runs only while the consent lets something leave: for a visitor who
  // refused there is nothing to send, and a timer waking the page for nothing costs its CPU and
  // the phone's battery. Detection has its own timers (capture/recorder.js).
  followSendTimer() {
    const sends = Boolean(this.engine && this.listening) && this.consentLevel() !== 'none';
    if (sends && !this.sendTimer) this.sendTimer = setInterval(() => this.send(), this.sendIntervalMs);
    if (!sends && this.sendTimer) {
      clearInterval(this.sendTimer);
      this.sendTimer = 0;
    }
  }

  // Back from the back-forward cache: the same document, but the journey moved on elsewhere.
  pageReturned(event) {
    if (!event.persisted || !this.engine) return;
    this.engine.setTimeOrigin(clockOrigin());
    this.tabMemory.restore();
    this.enterStep(location.href);
  }

  visibilityChanged() {
    if (!this.engine) return;
    if (document.visibilityState === 'hidden') this.leave();
    // In view again: a new visit. A task later, so that a return from the back-forward cache
    // (visibilitychange, then pageshow) opens its visit through enterStep, not twice.
    else {
      this.engine.setTimeOrigin(clockOrigin());
      setTimeout(this.guard(() => this.engine && this.engine.pageShown(), 'visible'), 0);
    }
  }

  // The core trapped (core_guard.js): no more calls into it from this page. Batches already
  // made still go; the page never hears of it but for the one console message.
  turnOff() {
    if (this.recorder) this.recorder.stop();
    this.stopCapture();
    this.engine = null;
    this.followSendTimer(); // stopped: no engine
    this.consentWithoutCore = this.storedLevel(); // the core's cannot be asked any more
  }

  // The core failed to start after it took over consent: its last word holds on this page.
  dropEngine() {
    if (this.engine && this.consentWithoutCore === null) {
      try {
        this.consentWithoutCore = this.engine.consent();
      } catch {
        this.consentWithoutCore = 'none';
      }
    }
    this.engine = null;
  }

  enterStep(url) {
    if (!this.engine) return;
    this.engine.enterStep(url, performance.now());
    this.tabMemory.rememberAll(); // offers that saw the visitor move on are told once
    this.emitDetections();
    this.recorder.scheduleDeadline();
  }

  drain() {
    if (!this.engine) return;
    this.engine.drain(performance.now());
    this.emitDetections();
    if (this.engine.pendingSignals() + this.engine.pendingVisits() >= SEND_AT_PENDING) this.send();
  }

  emitDetections() {
    // The causes told with this drain's detections, for the offers they tipped (same drain).
    const causes = new Map();
    for (const found of this.engine.takeDetections()) {
      if (found.cause) causes.set(`${found.kind}:${found.target}`, found.cause);
      const detail = {
        kind: found.kind,
        step: found.step,
        target: this.targets.describe(found.target),
        score: round2(found.score),
        stepScore: round2(found.stepScore),
        at: Math.round(found.at),
      };
      // Why, only when the core could tell (form struggle): absent otherwise.
      if (found.cause) detail.cause = found.cause;
      this.emitter.emitFriction(detail);
    }
    // After the detections, so that a page listening to both hears the cause first.
    let offered = false;
    for (const offer of this.engine.takeHelpOffers()) {
      const element = this.targets.elementOf(offer.target);
      const detail = {
        step: offer.step,
        kinds: offer.kinds,
        cause: offer.cause,
        target: this.targets.describe(offer.target),
        score: round2(offer.score),
        reason: offer.reason,
        at: Math.round(offer.at),
        // What the site registered for this step, kind or element (friction.help.register).
        content: this.helpContent.find(offer, element),
      };
      this.emitter.emitHelp(detail);
      if (this.helpView) this.helpView.offer(detail, element, causes.get(`${offer.cause}:${offer.target}`));
      offered = true;
    }
    if (offered) this.tabMemory.rememberHelp();
  }

  // Public: how much the current step hurts now (0 on a calm step).
  score() {
    return this.engine ? round2(this.engine.stepScore(performance.now())) : 0;
  }

  // Public: the visitor closed the offer; no new one on this step for a while.
  helpDismissed() {
    if (!this.engine) return;
    this.engine.helpDismissed(performance.now());
    this.tabMemory.rememberHelp();
    if (this.helpView) this.helpView.hide(); // when the site's own UI said no thanks
  }

  // Public: the site's goal was reached (a purchase, a sign-up). The tallies this tab told
  // before, and the open one, go again marked with the name (sdk/signals/told_tallies.h).
  goal(name = 'goal') {
    name = String(name);
    if (!GOAL_NAME_PATTERN.test(name)) {
      log.warn(`friction.goal(${JSON.stringify(name)}) ignored: a goal name is 1-32 of a-z, 0-9, "_" or "-".`);
      return false;
    }
    if (!this.engine) {
      if (this.settled) return false; // the SDK is off
      if (this.goalsBeforeCore.length < MAX_GOALS_BEFORE_CORE) this.goalsBeforeCore.push(name);
      return true;
    }
    this.engine.goal(name);
    this.tabMemory.rememberTold(); // nothing kept now: each tally is followed by one goal at most
    return true;
  }

  // The visitor asked for help on this view (a person, or a help action): told only in exact
  // tallies, under signals consent (the core decides).
  helpAsked() {
    if (this.engine) this.engine.helpAsked();
  }

  // What the visitor did with the latest offer: 'opened', 'handoff', 'solved', 'unsolved'. The
  // core keeps it only with signals consent (decide/help_outcomes.h).
  helpEvent(event) {
    if (!this.engine || !this.engine.helpEvent(String(event))) return false;
    this.tabMemory.rememberHelp();
    return true;
  }

  // Whether to ask "Did this solve it?" now: once per tab session, after help was opened, and
  // only where the answer would be kept.
  helpQuestion() {
    if (!this.engine || !this.engine.helpQuestion()) return false;
    this.tabMemory.rememberHelp();
    return true;
  }

  // Public: the visitor asked for a person. share: they said yes, for this request alone, to a
  // summary of their journey going with it (steps as templates, frictions met, time; never
  // anything typed). Without it, the hand-off still happens, with no summary. Resolves to
  // { reference, shared }, or null if the collector could not be reached.
  async handoff(share) {
    this.helpAsked();
    const summary = share ? await journeySummary(this.engine, this.sending).catch((error) => {
      if (!isTrap(error)) throw error;
      this.guard(() => { throw error; }, 'hand-off')(); // the SDK goes off; the request still goes
      return null;
    }) : null;
    this.helpEvent('handoff');
    const handoff = await requestHandoff(this.handoffUrl, { site: this.site, summary, fetch: this.pageFetch || window.fetch });
    if (handoff) this.emitter.emit('handoff', handoff);
    return handoff;
  }

  // Usually one batch; two when the consent changed between tallies (a batch names one ε).
  send(options) {
    if (!this.engine || !this.listening) return; // sends start last (listen())
    this.drain();
    // The device class as it is now (a window resized or a tablet turned): the core writes it
    // only in batches that hold signals.
    const device = measureDevice();
    this.engine.setDevice(device.coarse, device.width);
    // A record, or null when the core has nothing to send.
    let record = this.engine.takeBatchRecord();
    this.sending.send(record, options); // also retries what waits
    for (let batches = 1; batches < MAX_BATCHES_A_SEND && record; batches++) {
      record = this.engine.takeBatchRecord();
      if (record) this.sending.send(record, options);
    }
  }

  // Hidden or going away: settle, close the visit, and send while the page still can.
  leave() {
    if (!this.engine) return;
    this.engine.pageHidden(performance.now());
    this.tabMemory.rememberAll(); // the journey with the time on this step so far
    this.emitDetections();
    this.send({ leaving: true });
  }

  // Public: settle open episodes and send what the user agreed to send, now.
  flush(options) {
    if (!this.engine) return;
    this.engine.flush(performance.now());
    this.emitDetections();
    this.send(options);
  }

  // The user's answer: 'none' or 'signals'. ('counts' is not an answer: it is what a notice
  // site does while there is none.)
  setConsent(level) {
    level = String(level);
    if (level !== 'none' && level !== 'signals') {
      log.warn(`consent level "${level}" is not a choice a user makes; use "none" or "signals".`);
      return false;
    }
    if (this.engine && !this.applyConsent(level)) return false;
    if (!this.engine) this.consentWithoutCore = level;
    consentStore.save(level, { revision: this.consentRevision, lang: this.lang || document.documentElement.lang || '' });
    if (level === 'none') this.wipe();
    else if (this.engine) this.tabMemory.rememberJourney();
    this.emitter.emit('consent', { level });
    return true;
  }

  followStoredConsent() {
    const level = this.storedLevel();
    if (level === this.consentLevel() || !this.applyConsent(level)) return;
    // The other tab wiped what the tabs share; this tab's own storage goes here.
    if (level === 'none') this.wipe();
    this.emitter.emit('consent', { level });
  }

  // Withdrawal is immediate: nothing queued or unsent goes out, and what the SDK stored on the
  // device goes, except the receipt of the refusal itself.
  wipe() {
    forgetTabMemory();
    ledger.clear();
    forgetOutbox();
    if (this.sending) this.sending.forget();
  }

  // Here or from another tab: the core drops what it had not handed over, and so does this
  // layer, records still waiting for the codec included.
  applyConsent(level) {
    if (this.engine.setConsent(level)) {
      if (level === 'none') this.sending.dropWaiting();
      else this.sending.prepare();
      this.followSendTimer();
      return true;
    }
    log.warn(`consent level "${level}" is unknown to the core; consent stays "${this.engine.consent()}".`);
    return false;
  }
}
