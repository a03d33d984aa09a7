// The header every table starts with: when, on what, against which exact versions.
import { cpus, release, totalmem } from 'node:os';
import { chromiumVersion, CORE } from './one_core_chromium.mjs';
import { PEER_VERSIONS } from './lanes.mjs';

export function benchHeader(title, extra = '') {
  const cpu = cpus();
  return [
    `${title} · ${new Date().toISOString()}`,
    `machine: ${cpu[0]?.model ?? '?'} (${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB), Linux ${release()}; Chromium pinned to core ${CORE}`,
    `browser: ${chromiumVersion()} (headless, flags as tests/e2e/harness.mjs)`,
    `peers: ${Object.entries(PEER_VERSIONS).map(([n, v]) => `${n}@${v}`).join(', ')} (from node_modules, collectors answered locally)`,
    extra,
  ].filter(Boolean).join('\n');
}
