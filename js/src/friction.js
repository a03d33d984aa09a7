// One SDK instance on the page: wires capture -> core -> page events and transport.
// Every entry point is guarded: whatever goes wrong inside, the host page carries on.
import { startCapture } from './capture/index.js';
import { Recorder } from './capture/recorder.js';
import { consentStore } from './consent_store.js';
import { ledger } from './ledger.js';
import { randomHex128 } from './random_hex.js';
import { outbox } from './outbox.js';
import { loadCodec } from './codec_loader.js';
import { loadCore } from './core_loader.js';
import { Emitter } from './emitter.js';
import { HelpContent } from './help/help_content.js';
import { guarded, log } from './log.js';
import { RECORD_BYTES, RingWriter } from './ring_writer.js';
import { helpStore, journeyStore } from './session_store.js';
import { watchSteps } from './steps.js';
import { TargetRegistry } from './targets.js';
import { Transport } from './transport.js';

// Send as soon as this many signals and visit tallies wait, rather than on the next interval.
const SEND_AT_PENDING = 20;
// Batch records kept while the codec loads; a page cannot make more than this in that time.
const MAX_RECORDS_BEFORE_CODEC = 20;

const round2 = (value) => Math.round(value * 100) / 100;

// The collector's hand-off route next to its signals route: .../v1/signals -> .../v1/handoff.
const handoffUrlOf = (collector) => {
  const url = new URL(collector, location.href);
  url.pathname = url.pathname.replace(/[^/]*$/, 'handoff');
  return url.href;
};

export class Friction {
  constructor() {
    this.emitter = new Emitter();
    this.helpContent = new HelpContent();
    this.consentLevel = 'none';
    this.consentRevision = '1';
    this.consentMode = 'opt-in';
    this.lang = '';
    this.engine = null;
    this.codec = null;          // loaded once something may be sent (codec_loader.js)
    this.codecLoad = null;
    this.codecFailed = false;   // said once in the console
    this.recordsBeforeCodec = []; // batch records made while the codec was on its way
    this.helpView = null;       // the default help widget, if mounted (help/mount.js)
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.drain = guarded(this.drain.bind(this), 'drain');
    this.leave = guarded(this.leave.bind(this), 'pagehide');
  }

  // Before anything else (queued calls included): which policy revision the site asks about,
  // and so which stored choice is in force.
  configure(config) {
    this.site = config.site;
    this.handoffUrl = config.handoffUrl || handoffUrlOf(config.collector);
    this.consentRevision = config.consentRevision;
    this.consentMode = config.consent;
    this.lang = config.lang;
    this.consentLevel = this.storedLevel();
  }

  storedLevel() {
    return consentStore.levelInForce(this.consentRevision, this.consentMode);
  }

  // The journey (recent steps) survives page loads only for users who agreed to signals: it
  // links one page to the next, which tallies under 'counts' must never do.
  keepsJourney() {
    return this.consentLevel === 'signals';
  }

  // Settings were unusable (already reported): stay a no-op, and say so through `ready`.
  disable() {
    this.resolveReady(false);
  }

  async start(config, defaultWasmUrl) {
    try {
      const wasmUrl = config.wasmUrl || defaultWasmUrl;
      this.codecUrl = config.codecUrl || new URL('friction-codec.wasm', wasmUrl).href;
      const core = await loadCore(wasmUrl);
      if (core) this.wire(core, config);
    } catch (error) {
      log.error('could not start; the SDK is off.', error);
      this.engine = null;
    }
    this.resolveReady(Boolean(this.engine));
    return Boolean(this.engine);
  }

  wire(core, config) {
    const engine = new core.Engine({
      site: config.site, hashKey: config.hashKey, ringCapacity: 4096, randomSeed: randomHex128(), timeOrigin: performance.timeOrigin,
    });
    const ring = new RingWriter(core, engine.ringAddress());
    if (ring.recordSize !== RECORD_BYTES) {
      log.error(`friction.js and friction.wasm do not match (record size ${ring.recordSize}); copy both from the same dist/. The SDK is off.`);
      return;
    }
    for (const route of config.routes) engine.addRoute(route);
    if (config.helpKinds !== null && !engine.setHelpKinds(config.helpKinds))
      log.warn(`helpKinds "${config.helpKinds}" has an unknown kind; help comes on rage_click and error_click.`);
    for (const [name, value] of Object.entries(config.thresholds)) {
      if (!engine.setThreshold(name, value))
        log.warn(`threshold ${name}=${value} refused: unknown name or value out of range (see the README's threshold table); the default stays.`);
    }
    if (config.ldpEpsilon > 0 && !engine.enableLdp(config.ldpEpsilon))
      log.warn(`ldp epsilon ${config.ldpEpsilon} refused by the core; tallies are sent exact.`);
    this.engine = engine;
    this.applyConsent(this.consentLevel);

    this.targets = new TargetRegistry((id, role, selector, traits) => engine.registerTarget(id, role, selector, traits));
    this.recorder = new Recorder({ ring, drain: this.drain, nextDeadline: () => engine.nextDeadline() });
    const capture = startCapture(this.recorder, this.targets);
    this.pageFetch = capture.pageFetch;
    this.transport = new Transport(config.collector, {
      fetch: capture.pageFetch,
      onSent: ({ frame, json }) => ledger.record(frame.byteLength, json, { keep: this.consentLevel === 'signals' }),
      keepOnDevice: () => this.consentLevel === 'signals',
    });
    this.transport.resume(); // what an earlier page of the site could not send
    this.restoreTabMemory();
    watchSteps(guarded((url) => this.enterStep(url), 'route change'));
    // Back from the back-forward cache: the same document, but the journey moved on elsewhere.
    window.addEventListener('pageshow', guarded((event) => {
      if (!event.persisted) return;
      this.restoreTabMemory();
      this.enterStep(location.href);
    }, 'pageshow'));
    setInterval(guarded(() => this.send(), 'send'), config.sendIntervalMs);
    // A choice made in another tab of this site holds here at once (withdrawal above all).
    window.addEventListener('storage', guarded((event) => {
      if (event.key === consentStore.key) this.followStoredConsent();
    }, 'consent from another tab'));
    window.addEventListener('pagehide', this.leave);
    document.addEventListener('visibilitychange', guarded(() => {
      if (document.visibilityState === 'hidden') this.leave();
      // In view again: a new visit. A task later, so that a return from the back-forward cache
      // (visibilitychange, then pageshow) opens its visit through enterStep, not twice.
      else setTimeout(guarded(() => engine.pageShown(), 'visible'), 0);
    }, 'visibilitychange'));
  }

  // What earlier pages of this tab left (session_store.js): the journey, where the visitor
  // agreed to signals, and the help memory.
  restoreTabMemory() {
    if (this.keepsJourney()) this.engine.restoreJourney(journeyStore.load());
    this.engine.restoreHelpState(helpStore.load(), performance.now());
  }

  // For the next page of this tab: the journey so far, where the visitor agreed to signals.
  rememberJourney() {
    if (this.keepsJourney()) journeyStore.save(this.engine.journeyState(performance.now()));
  }

  enterStep(url) {
    this.engine.enterStep(url, performance.now());
    this.rememberJourney();
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
    for (const found of this.engine.takeDetections()) {
      this.emitter.emitFriction({
        kind: found.kind,
        step: found.step,
        target: this.targets.describe(found.target),
        score: round2(found.score),
        stepScore: round2(found.stepScore),
        at: Math.round(found.at),
      });
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
      if (this.helpView) this.helpView.offer(detail, element);
      offered = true;
    }
    if (offered) this.rememberHelp();
  }

  // Public: how much the current step hurts now (0 on a calm step).
  score() {
    return this.engine ? round2(this.engine.stepScore(performance.now())) : 0;
  }

  // Public: the visitor closed the offer; no new one on this step for a while.
  helpDismissed() {
    if (!this.engine) return;
    this.engine.helpDismissed(performance.now());
    this.rememberHelp();
    if (this.helpView) this.helpView.hide(); // when the site's own UI said no thanks
  }

  // For the next page of this tab: offers made and steps declined (session_store.js helpStore).
  rememberHelp() {
    helpStore.save(this.engine.helpState(performance.now()));
  }

  // Public: the visitor asked for a person. share: they said yes, for this request alone, to a
  // summary of their journey going with it (steps as templates, frictions met, time; never
  // anything typed). Without it, the hand-off still happens, with no summary. Resolves to
  // { reference, shared }, or null if the collector could not be reached.
  async handoff(share) {
    const summary = share ? await this.journeySummary() : null;
    const body = `{"v":1,"site":${JSON.stringify(this.site || '')},"summary":${summary || 'null'}}`;
    try {
      const response = await (this.pageFetch || window.fetch).call(window, this.handoffUrl, {
        method: 'POST', body, credentials: 'omit', referrerPolicy: 'no-referrer', headers: { 'Content-Type': 'application/json' },
      });
      const answer = response.status === 201 ? await response.json() : null;
      if (!answer || typeof answer.reference !== 'string') {
        log.warn(`the hand-off to ${this.handoffUrl} was refused (HTTP ${response.status}).`);
        return null;
      }
      const handoff = { reference: answer.reference, shared: summary !== null };
      this.emitter.emit('handoff', handoff);
      return handoff;
    } catch (error) {
      log.warn(`could not reach ${this.handoffUrl} for the hand-off.`, error);
      return null;
    }
  }

  // The journey summary's JSON, under the visitor's yes of this moment (grantJourneyOnce), or
  // null. The yes is a reason to fetch the codec even where consent is 'none'.
  async journeySummary() {
    if (!this.engine) return null;
    this.engine.grantJourneyOnce();
    const record = this.engine.takeJourneyRecord(performance.now());
    const codec = record && (this.codec || (await this.loadCodecOnce()));
    return (codec && codec.encodeJourney(record)) || null;
  }

  send(options) {
    if (!this.engine) return;
    this.drain();
    const record = this.engine.takeBatchRecord();
    if (this.codec) return this.transport.send(record && this.encode(record), options);
    if (record) this.keepUntilCodec(record);
    if (this.recordsBeforeCodec.length) this.loadCodecOnce();
    return this.transport.send(null, options); // what is queued already still goes
  }

  encode(record) {
    try {
      const batch = this.codec.encodeBatch(record);
      if (!batch) log.error('friction-codec.wasm could not read a batch from friction.wasm; copy both from the same dist/. The batch is dropped.');
      return batch;
    } catch (error) {
      // A trap leaves the module's memory in no known state: the next send loads it afresh.
      log.error('the codec failed; the batch is dropped and the codec is loaded again.', error);
      this.codec = null;
      this.codecLoad = null;
      return null;
    }
  }

  // A record made before the codec arrived waits for it (in memory only: a page hidden in
  // that short time loses it).
  keepUntilCodec(record) {
    this.recordsBeforeCodec.push(record);
    if (this.recordsBeforeCodec.length > MAX_RECORDS_BEFORE_CODEC) this.recordsBeforeCodec.shift();
  }

  // The codec is fetched once something may be sent: a consent that allows it, or a record.
  // Resolves to the codec, or null while it cannot be had; a failed fetch is tried again when
  // something next needs it (a send, every send interval), and said once in the console. The
  // SDK meanwhile detects and helps as before, and keeps the records it could not encode.
  loadCodecOnce() {
    if (this.codecLoad || !this.codecUrl) return this.codecLoad;
    this.codecLoad = loadCodec(this.codecUrl, this.pageFetch || window.fetch).then(guarded((codec) => {
      this.codec = codec;
      const waiting = this.recordsBeforeCodec.splice(0);
      for (const record of waiting) this.transport.send(this.encode(record));
      return codec;
    }, 'codec'), (error) => {
      if (!this.codecFailed) log.warn(`could not load ${this.codecUrl}; nothing is sent until it loads (tried again at each send).`, error);
      this.codecFailed = true;
      this.codecLoad = null;
      return null;
    });
    return this.codecLoad;
  }

  // Hidden or going away: settle, close the visit, and send while the page still can.
  leave() {
    if (!this.engine) return;
    this.engine.pageHidden(performance.now());
    this.rememberJourney(); // with the time on this step so far
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
    this.consentLevel = level;
    consentStore.save(level, { revision: this.consentRevision, lang: this.lang || document.documentElement.lang || '' });
    if (level === 'none') this.wipe();
    else if (this.engine) this.rememberJourney();
    this.emitter.emit('consent', { level });
    return true;
  }

  followStoredConsent() {
    const level = this.storedLevel();
    if (level === this.consentLevel || !this.applyConsent(level)) return;
    this.consentLevel = level;
    // The other tab wiped what the tabs share; this tab's own storage goes here.
    if (level === 'none') this.wipe();
    this.emitter.emit('consent', { level });
  }

  // Withdrawal is immediate: nothing queued or unsent goes out, and what the SDK stored on the
  // device goes, except the receipt of the refusal itself.
  wipe() {
    journeyStore.clear();
    helpStore.clear();
    ledger.clear();
    outbox.clear();
    if (this.transport) this.transport.forget();
  }

  // Here or from another tab: the core drops what it had not handed over, and so does this
  // layer, records still waiting for the codec included.
  applyConsent(level) {
    if (this.engine.setConsent(level)) {
      if (level === 'none') this.recordsBeforeCodec.length = 0;
      else this.loadCodecOnce();
      return true;
    }
    log.warn(`consent level "${level}" is unknown to the core; consent stays "${this.engine.consent()}".`);
    return false;
  }
}
