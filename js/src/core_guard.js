// Every call from a browser callback (listener, timer, observer, promise) into the core goes
// through a guard from here. A trap turns the SDK off once, with one console message: the core's
// memory is then in no known state. Other errors are logged and the SDK carries on, as before.
import { guarded, log } from './log.js';

// onTrap(): turns the SDK off (friction.js). Returns guard(fn, what), like guarded's.
export function coreGuard(onTrap) {
  let trapped = false;
  const stop = (error, what) => {
    if (trapped) return;
    trapped = true;
    log.error(`friction.wasm failed (in ${what}); the SDK is off on this page.`, error);
    onTrap();
  };
  return (fn, what) => guarded(fn, what, stop);
}
