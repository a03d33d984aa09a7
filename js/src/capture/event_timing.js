// Slow interactions, from the browser's Event Timing API (Chromium): how long from the input to
// the next paint. Only clicks and key presses, only the slow ones (the API's own floor).
import { EventType, Timing } from '../ring_writer.js';

const DURATION_FLOOR_MS = 104; // the API's default threshold; the core decides what is slow

export function captureEventTiming(recorder, targets, guard) {
  if (typeof PerformanceObserver !== 'function' || !(PerformanceObserver.supportedEntryTypes || []).includes('event')) return () => {};
  const observer = new PerformanceObserver(guard((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'click' && entry.name !== 'keydown') continue;
      const target = entry.target ? targets.idFor(entry.target) : 0;
      const kind = entry.name === 'click' ? Timing.pointer : Timing.key;
      // x: the main thread's share of the wait (input delay + handlers); the rest is rendering.
      const busy = Math.max(0, entry.processingEnd - entry.startTime);
      recorder.record(EventType.eventTiming, entry.startTime, busy, 0, target, 0, Math.round(entry.duration), kind);
    }
  }, 'event timing'));
  observer.observe({ type: 'event', durationThreshold: DURATION_FLOOR_MS, buffered: false });
  return () => observer.disconnect();
}
