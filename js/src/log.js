// Console messages a web developer can act on. One prefix, so they are easy to filter.
const PREFIX = '[friction]';

export const log = {
  warn: (...args) => console.warn(PREFIX, ...args),
  error: (...args) => console.error(PREFIX, ...args),
  info: (...args) => console.info(PREFIX, ...args),
};

// Runs fn and swallows what it throws: the SDK must never break its host page.
export function guarded(fn, what) {
  return function guardedCall(...args) {
    try {
      return fn.apply(this, args);
    } catch (error) {
      log.error(`internal error in ${what}; the SDK carries on without it.`, error);
      return undefined;
    }
  };
}
