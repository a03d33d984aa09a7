// Debian's Chromium pinned to one core, as the figures were taken: every process the
// browser starts (renderers, GPU, network) inherits the affinity of a wrapper that runs
// `taskset -c 0 /usr/bin/chromium`. The wrapper is written to a temporary directory per run.
// It reaches loopback only.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
// The tests' own flags, so the bench sees the browser the tests see.
import { CHROMIUM_FLAGS } from '../../e2e/harness.mjs';


export const CORE = '0';

// No host but loopback resolves: what an SDK tries to reach elsewhere fails at once, and is
// counted (network.mjs's blockOutside).
const ONLY_LOOPBACK = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export async function launchOneCoreChromium() {
  const dir = mkdtempSync(join(tmpdir(), 'friction-peers-'));
  const wrapper = join(dir, 'chromium-one-core');
  writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c ${CORE} /usr/bin/chromium "$@"\n`);
  chmodSync(wrapper, 0o755);
  const browser = await chromium.launch({ executablePath: wrapper, args: [...CHROMIUM_FLAGS, ONLY_LOOPBACK] });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return browser;
}

// The Chromium version string as the binary reports it (for the table's header).
export function chromiumVersion() {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).split('\n').find((l) => /\d+\.\d+/.test(l)).trim();
  } catch {
    return 'unknown';
  }
}

// The user agent a visitor's Chrome sends: headless Chromium says "HeadlessChrome", which
// posthog-js drops as a bot. Every lane gets this one, so every SDK sees a person's browser.
export function visitorUserAgent(browser) {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version().split('.')[0]}.0.0.0 Safari/537.36`;
}
