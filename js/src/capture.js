// DOM capture: passive listeners that only write records into the core's ring. No layout
// reads, no inference; the core is called once per batch, not once per event.
import { EventType } from './ring_writer.js';

// Long enough to batch a burst of clicks, short enough that help can appear while the user is
// still stuck (a rage click is told to the page within ~this delay of its 3rd click).
const DRAIN_DELAY_MS = 50;
// While an episode may be open, drain this often so that it closes on time without input.
const IDLE_TICK_MS = 1100;

export class Capture {
  constructor({ ring, targets, drain }) {
    this.ring = ring;
    this.targets = targets;
    this.drain = drain;
    this.drainTimer = 0;
    this.tickTimer = 0;
    this.onClick = this.onClick.bind(this);
  }

  start() {
    window.addEventListener('click', this.onClick, { capture: true, passive: true });
  }

  stop() {
    window.removeEventListener('click', this.onClick, { capture: true });
    clearTimeout(this.drainTimer);
    clearTimeout(this.tickTimer);
  }

  onClick(event) {
    if (event.button !== 0) return;
    const target = this.targets.idFor(event.target);
    if (!target) return;
    this.record(EventType.click, event.timeStamp, event.clientX, event.clientY, target);
  }

  record(type, time, x, y, target) {
    if (!this.ring.write(type, time, x, y, target)) {
      this.drain(); // full: hand the batch over now, then write
      this.ring.write(type, time, x, y, target);
    }
    if (!this.drainTimer) this.drainTimer = setTimeout(() => this.runDrain(), DRAIN_DELAY_MS);
    clearTimeout(this.tickTimer);
    this.tickTimer = setTimeout(() => this.runDrain(), IDLE_TICK_MS);
  }

  runDrain() {
    this.drainTimer = 0;
    this.drain();
  }
}
