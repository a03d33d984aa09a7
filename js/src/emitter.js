// Tells the page about friction: a `friction:detected` CustomEvent on window, and the
// callbacks registered with friction.on('friction', cb). A callback that throws is reported
// and skipped; it does not stop the others or the SDK.
import { log } from './log.js';

export const DETECTED_EVENT = 'friction:detected';
export const HELP_EVENT = 'friction:help';
const TOPICS = new Set(['friction', 'consent', 'help', 'handoff']);

export class Emitter {
  constructor() {
    this.listeners = new Map([...TOPICS].map((topic) => [topic, new Set()]));
  }

  on(topic, callback) {
    if (!TOPICS.has(topic)) {
      log.warn(`friction.on('${topic}'): unknown topic; known: ${[...TOPICS].join(', ')}.`);
      return () => {};
    }
    if (typeof callback !== 'function') {
      log.warn(`friction.on('${topic}', cb): cb must be a function.`);
      return () => {};
    }
    this.listeners.get(topic).add(callback);
    return () => this.off(topic, callback);
  }

  off(topic, callback) {
    const set = this.listeners.get(topic);
    if (set) set.delete(callback);
  }

  emit(topic, detail) {
    for (const callback of [...this.listeners.get(topic)]) {
      try {
        callback(detail);
      } catch (error) {
        log.error(`a friction.on('${topic}') callback threw; the others still run.`, error);
      }
    }
  }

  emitFriction(detail) {
    this.emit('friction', detail);
    window.dispatchEvent(new CustomEvent(DETECTED_EVENT, { detail }));
  }

  emitHelp(detail) {
    this.emit('help', detail);
    window.dispatchEvent(new CustomEvent(HELP_EVENT, { detail }));
  }
}
