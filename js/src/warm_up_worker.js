// Runs one of the SDK's warm-up workers (chunks/codec_warmer.js, chunks/core_warmer.js): posts it
// one message and resolves to its one reply, or to null where no worker could answer: no Worker
// in this browser, a CSP that forbids workers (which the browser tells in the console; README:
// Content Security Policy), an error in it, or no reply within waitMs. The worker is ended
// either way. A worker's script must come from the page's origin: from another (a CDN), none is
// tried, rather than have the browser refuse it.
export function replyOfWorker(url, message, { name, waitMs }) {
  if (!workerMayRun(url)) return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker = null;
    const done = (reply) => {
      clearTimeout(timer);
      if (worker) worker.terminate();
      resolve(reply);
    };
    const timer = setTimeout(() => done(null), waitMs);
    try {
      worker = new Worker(url, { type: 'module', name });
      worker.onmessage = (event) => done(event.data);
      worker.onerror = (event) => {
        event.preventDefault(); // handled here: not reported to the page as an uncaught error
        done(null);
      };
      worker.onmessageerror = () => done(null);
      worker.postMessage(message); // a copy: the page keeps what it sends
    } catch {
      done(null);
    }
  });
}

// Whether a worker from url is worth trying: '' is a build without that chunk.
export function workerMayRun(url) {
  return Boolean(url) && typeof Worker === 'function' && new URL(url, location.href).origin === location.origin;
}
