// Whether an earlier page of this site most likely compiled a wasm module already: a page reached
// from one (a same-origin referrer) runs in the renderer process that ran it, and V8 keeps a
// module's compiled code for the process, keyed by its bytes, so the page's own module finds its
// functions done and a warm-up worker would compile nothing (the side-by-side bench: 0.9
// functions compiled on a later page's main thread, and each worker costs the page some 40
// tasks of its own). Where the guess is wrong (a link opened in a new tab, another process), the
// page compiles what it calls at its first call.
export function reachedFromThisSite() {
  try {
    return Boolean(document.referrer) && new URL(document.referrer).origin === location.origin;
  } catch {
    return false;
  }
}
