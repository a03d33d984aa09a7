// One SDK instance on the page: wires capture -> core -> page events and transport.
// Every entry point is guarded: whatever goes wrong inside, the host page carries on.
import { startCapture } from './capture/index.js';
import { Recorder } from './capture/recorder.js';
import { consentStore } from './consent_store.js';
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
    this.consentLevel = consentStore.load() || 'none';
    this.engine = null;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.drain = guarded(this.drain.bind(this), 'drain');
    this.leave = guarded(this.leave.bind(this), 'pagehide');
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
    this.transport = new Transport(config.collector, capture.pageFetch);
    if (this.consentLevel !== 'none') engine.restoreJourney(journeyStore.load());
    watchSteps(guarded((url) => this.enterStep(url), 'route change'));
    // Back from the back-forward cache: the same document, but the journey moved on elsewhere.
    window.addEventListener('pageshow', guarded((event) => {
      if (!event.persisted) return;
      if (this.consentLevel !== 'none') engine.restoreJourney(journeyStore.load());
      this.enterStep(location.href);
    }, 'pageshow'));
    setInterval(guarded(() => this.send(), 'send'), config.sendIntervalMs);
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
    const previous = this.consentLevel;
    this.consentLevel = String(level);
    if (this.engine && !this.applyConsent(this.consentLevel)) {
      this.consentLevel = previous;
      return false;
    }
    consentStore.save(this.consentLevel);
    // The journey is kept across page loads only while the user agrees to signals.
    if (this.engine) journeyStore.save(this.consentLevel === 'none' ? '' : this.engine.journeyState());
    return true;
  }

  applyConsent(level) {
    if (this.engine.setConsent(level)) return true;
    log.warn(`consent level "${level}" is unknown; use "none" or "signals". Consent stays "${this.engine.consent()}".`);
    this.consentLevel = this.engine.consent();
    return false;
  }
}
