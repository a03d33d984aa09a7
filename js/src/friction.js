// One SDK instance on the page: wires capture -> core -> page events and transport.
// Every entry point is guarded: whatever goes wrong inside, the host page carries on.
import { startCapture } from './capture/index.js';
import { Recorder } from './capture/recorder.js';
import { consentStore } from './consent_store.js';
import { ledger } from './ledger.js';
import { loadCore } from './core_loader.js';
import { Emitter } from './emitter.js';
import { guarded, log } from './log.js';
import { RECORD_BYTES, RingWriter } from './ring_writer.js';
import { journeyStore } from './journey_store.js';
import { watchSteps } from './steps.js';
import { TargetRegistry } from './targets.js';
import { Transport } from './transport.js';

// Send as soon as this many signals wait, rather than on the next interval.
const SEND_AT_PENDING = 20;

export class Friction {
  constructor() {
    this.emitter = new Emitter();
    this.consentLevel = 'none';
    this.consentRevision = '1';
    this.lang = '';
    this.engine = null;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.drain = guarded(this.drain.bind(this), 'drain');
    this.leave = guarded(this.leave.bind(this), 'pagehide');
  }

  // Before anything else (queued calls included): which policy revision the site asks about,
  // and so which stored choice is in force.
  configure(config) {
    this.consentRevision = config.consentRevision;
    this.lang = config.lang;
    this.consentLevel = consentStore.levelInForce(this.consentRevision);
  }

  // Settings were unusable (already reported): stay a no-op, and say so through `ready`.
  disable() {
    this.resolveReady(false);
  }

  async start(config, defaultWasmUrl) {
    try {
      const core = await loadCore(config.wasmUrl || defaultWasmUrl);
      if (core) this.wire(core, config);
    } catch (error) {
      log.error('could not start; the SDK is off.', error);
      this.engine = null;
    }
    this.resolveReady(Boolean(this.engine));
    return Boolean(this.engine);
  }

  wire(core, config) {
    const engine = new core.Engine({ site: config.site, hashKey: config.hashKey, ringCapacity: 4096 });
    const ring = new RingWriter(core, engine.ringAddress());
    if (ring.recordSize !== RECORD_BYTES) {
      log.error(`friction.js and friction.wasm do not match (record size ${ring.recordSize}); copy both from the same dist/. The SDK is off.`);
      return;
    }
    for (const route of config.routes) engine.addRoute(route);
    for (const [name, value] of Object.entries(config.thresholds)) {
      if (!engine.setThreshold(name, value))
        log.warn(`threshold ${name}=${value} refused: unknown name or value out of range (see the README's threshold table); the default stays.`);
    }
    this.engine = engine;
    this.applyConsent(this.consentLevel);

    this.targets = new TargetRegistry((id, role, selector, traits) => engine.registerTarget(id, role, selector, traits));
    this.recorder = new Recorder({ ring, drain: this.drain, nextDeadline: () => engine.nextDeadline() });
    const capture = startCapture(this.recorder, this.targets);
    this.transport = new Transport(config.collector, {
      fetch: capture.pageFetch,
      onSent: ({ frame, json }) => ledger.record(frame.byteLength, json),
    });
    if (this.consentLevel !== 'none') engine.restoreJourney(journeyStore.load());
    watchSteps(guarded((url) => this.enterStep(url), 'route change'));
    // Back from the back-forward cache: the same document, but the journey moved on elsewhere.
    window.addEventListener('pageshow', guarded((event) => {
      if (!event.persisted) return;
      if (this.consentLevel !== 'none') engine.restoreJourney(journeyStore.load());
      this.enterStep(location.href);
    }, 'pageshow'));
    setInterval(guarded(() => this.send(), 'send'), config.sendIntervalMs);
    // A choice made in another tab of this site holds here at once (withdrawal above all).
    window.addEventListener('storage', guarded((event) => {
      if (event.key === consentStore.key) this.followStoredConsent();
    }, 'consent from another tab'));
    window.addEventListener('pagehide', this.leave);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && this.leave());
  }

  enterStep(url) {
    this.engine.enterStep(url, performance.now(), Date.now());
    // The journey survives page loads only for users who agreed to signals (issue: consent).
    if (this.consentLevel !== 'none') journeyStore.save(this.engine.journeyState());
    this.emitDetections();
    this.recorder.scheduleDeadline();
  }

  drain() {
    if (!this.engine) return;
    this.engine.drain(performance.now());
    this.emitDetections();
    if (this.engine.pendingSignals() >= SEND_AT_PENDING) this.send();
  }

  emitDetections() {
    for (const found of this.engine.takeDetections()) {
      this.emitter.emitFriction({
        kind: found.kind,
        step: found.step,
        target: this.targets.describe(found.target),
        score: Math.round(found.score * 100) / 100,
        at: Math.round(found.at),
      });
    }
  }

  send(options) {
    if (!this.engine) return;
    this.drain();
    this.transport.send(this.engine.takeBatch(), options);
  }

  leave() {
    this.flush({ leaving: true });
  }

  // Public: settle open episodes and send what the user agreed to send, now.
  flush(options) {
    if (!this.engine) return;
    this.engine.flush(performance.now());
    this.emitDetections();
    this.send(options);
  }

  setConsent(level) {
    level = String(level);
    if (this.engine && !this.applyConsent(level)) return false;
    if (!this.engine && level !== 'none' && level !== 'signals') {
      log.warn(`consent level "${level}" is unknown; use "none" or "signals".`);
      return false;
    }
    this.consentLevel = level;
    consentStore.save(level, { revision: this.consentRevision, lang: this.lang || document.documentElement.lang || '' });
    if (level === 'none') this.wipe();
    else if (this.engine) journeyStore.save(this.engine.journeyState());
    this.emitter.emit('consent', { level });
    return true;
  }

  followStoredConsent() {
    const level = consentStore.levelInForce(this.consentRevision);
    if (level === this.consentLevel || !this.applyConsent(level)) return;
    this.consentLevel = level;
    if (level === 'none') this.transport.forget(); // the other tab wiped the shared storage
    this.emitter.emit('consent', { level });
  }

  // Withdrawal is immediate: nothing queued or unsent goes out, and what the SDK stored on the
  // device goes, except the receipt of the refusal itself.
  wipe() {
    journeyStore.clear();
    ledger.clear();
    if (this.transport) this.transport.forget();
  }

  applyConsent(level) {
    if (this.engine.setConsent(level)) return true;
    log.warn(`consent level "${level}" is unknown; use "none" or "signals". Consent stays "${this.engine.consent()}".`);
    return false;
  }
}
