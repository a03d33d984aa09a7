// Console messages a web developer can act on. One prefix, so they are easy to filter.
const PREFIX = '[friction]';

export const log = {
  warn: (...args) => console.warn(PREFIX, ...args),
  error: (...args) => console.error(PREFIX, ...args),
  info: (...args) => console.info(PREFIX, ...args),
};

// A trap (unreachable, out-of-bounds memory, Emscripten's abort) is a WebAssembly.RuntimeError:
// the module's memory is then in no known state, and calling it again is no use.
export const isTrap = (error) => typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;

// Runs fn and swallows what it throws: the SDK must never break its host page. A trap goes to
// onTrap(error, what) where one is given (the SDK turns itself off), else it is logged.
export function guarded(fn, what, onTrap = null) {
  return function guardedCall(...args) {
    try {
      return fn.apply(this, args);
    } catch (error) {
      if (onTrap && isTrap(error)) onTrap(error, what);
      else log.error(`internal error in ${what}; the SDK carries on without it.`, error);
      return undefined;
    }
  };
}
