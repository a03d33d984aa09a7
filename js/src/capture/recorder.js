// Writes records into the core's ring and decides when the core reads them: shortly after new
// events (one call per batch), and at the time the core says it next has something to decide.
// During continuous input (moving, scrolling, typing) the core wakes at most once every
// DRAIN_DELAY_MS: each wake-up is a task of the page's (a timer, a call into the core, its
// answers read), and a visitor still sees an offer of help follow what caused it at once. A
// click asks for the next task instead (soon()), so that help for a rage click comes within a
// few ms of its third click.
export const DRAIN_DELAY_MS = 200;

export class Recorder {
  // guard(fn, what): core_guard.js's; the timers call into the core, and a trap must not reach
  // the page.
  constructor({ ring, drain, nextDeadline, guard }) {
    this.ring = ring;
    this.drain = drain; // () => void: the core reads the ring
    this.nextDeadline = nextDeadline; // () => page time of the core's next decision, or Infinity
    this.drainTimer = 0;
    this.deadlineTimer = 0;
    this.stopped = false;
    this.runDrain = guard(this.runDrain.bind(this), 'drain');
  }

  // The SDK is off: no timer, and what capture still hears (the page's requests) is dropped.
  stop() {
    this.stopped = true;
    clearTimeout(this.drainTimer);
    clearTimeout(this.deadlineTimer);
  }

  record(type, time, x = 0, y = 0, target = 0, flags = 0, a = 0, b = 0) {
    if (this.stopped) return;
    if (!this.ring.write(type, time, x, y, target, flags, a, b)) {
      this.runDrain(); // full: hand the batch over now, then write
      this.ring.write(type, time, x, y, target, flags, a, b);
    }
    if (!this.drainTimer) this.drainTimer = setTimeout(this.runDrain, DRAIN_DELAY_MS);
  }

  // The events written so far are read in the next task, after the page's own handlers ran.
  soon() {
    clearTimeout(this.drainTimer);
    this.drainTimer = setTimeout(this.runDrain, 0);
  }

  // Records an event that has no position.
  note(type, target = 0, flags = 0, a = 0, b = 0) {
    this.record(type, performance.now(), 0, 0, target, flags, a, b);
  }

  runDrain() {
    if (this.stopped) return;
    clearTimeout(this.drainTimer);
    this.drainTimer = 0;
    this.drain();
    this.scheduleDeadline();
  }

  scheduleDeadline() {
    clearTimeout(this.deadlineTimer);
    const deadline = this.nextDeadline();
    if (Number.isFinite(deadline)) {
      this.deadlineTimer = setTimeout(this.runDrain, Math.max(10, deadline - performance.now() + 5));
    }
  }
}
