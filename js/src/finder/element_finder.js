// Finds the elements whose keyed selector hash is one of those asked for: the hash the core
// gives each element it hears of (TargetRegistry -> Engine::registerTarget), computed here for
// every element of the page in turn. Done in slices between tasks, so that a page of many
// thousands of elements never meets a long task.

import { selectorOf } from '../targets.js';

// One slice of work: well under the 50 ms of a long task, with room for the page's own.
const SLICE_MS = 8;
// A page with more elements than this is not searched past it: the finder is a convenience,
// not a crawler, and a huge DOM gets a partial answer sooner rather than a slow full one.
const MAX_ELEMENTS = 50000;
// Elements the SDK never registers (its own widgets, opted-out parts of the page).
const IGNORE = '[data-friction-ignore]';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// Resolves to the matching elements in document order. `hashOf(selector)` is the core's keyed
// hash, 16 hex digits; `isCancelled()` stops the search between slices.
export async function findElements(root, hashes, hashOf, isCancelled = () => false) {
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  let seen = 0;
  let sliceStart = performance.now();
  for (let node = walker.currentNode; node && seen < MAX_ELEMENTS; node = walker.nextNode(), seen++) {
    if (node.nodeType === 1 && !node.closest(IGNORE) && hashes.has(hashOf(selectorOf(node)))) found.push(node);
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      if (isCancelled()) return [];
      sliceStart = performance.now();
    }
  }
  return found;
}
