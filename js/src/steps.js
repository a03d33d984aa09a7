// Journey steps: the page load and every SPA route change (pushState, replaceState, popstate).
// Calls onPath(url) when the path changes; query and fragment changes are not new steps.
export function watchSteps(onPath) {
  let path = location.pathname;
  const check = () => {
    if (location.pathname === path) return;
    path = location.pathname;
    onPath(location.href);
  };
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function patchedHistoryMethod(...args) {
      const result = original.apply(this, args);
      try {
        check();
      } catch {
        /* never break navigation */
      }
      return result;
    };
  }
  window.addEventListener('popstate', check);
  onPath(location.href);
}
