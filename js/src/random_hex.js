// 128 bits from the browser's CSPRNG as 32 hex digits: consent receipt ids, and the seed of the
// core's batch ids and randomized response (which the collector must not be able to predict).
export function randomHex128() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
