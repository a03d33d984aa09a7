// What both peer benches run on: the real collector, the counting proxy in front of it, and
// one Chromium pinned to one core, closed whatever happens; and the lanes asked for.
import { startCollector } from '../../e2e/harness.mjs';
import { startCountingProxy } from './counting_proxy.mjs';
import { LANES } from './lanes.mjs';
import { launchOneCoreChromium } from './one_core_chromium.mjs';

// "--lanes a,b" -> ['a', 'b'] (all lanes without it); an unknown name stops the bench.
export function laneNamesOf(option) {
  const names = option ? option.split(',').map((s) => s.trim()) : Object.keys(LANES);
  for (const name of names) if (!LANES[name]) throw new Error(`unknown lane "${name}" (lanes: ${Object.keys(LANES).join(', ')})`);
  return names;
}

// Runs bench({ browser, proxy }) and resolves to what it returns.
export async function withBenchRig(bench) {
  const collector = await startCollector();
  const proxy = await startCountingProxy(collector.base);
  const browser = await launchOneCoreChromium();
  try {
    return await bench({ browser, proxy });
  } finally {
    await browser.close().catch(() => {});
    await proxy.close().catch(() => {});
    await collector.stop().catch(() => {});
  }
}
