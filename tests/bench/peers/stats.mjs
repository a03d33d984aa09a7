// Small numeric helpers for the tables.
export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export const sum = (values) => values.reduce((s, x) => s + x, 0);
export const mean = (values) => (values.length ? sum(values) / values.length : NaN);

export const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
export const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1000).toFixed(1) : '-');
export const ratio = (x, y) => (Number.isFinite(x) && Number.isFinite(y) && y > 0 ? (x / y).toFixed(2) : '-');

// A plain text table: columns padded to their widest cell.
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
