// Decodes batches as the collector does, for tests under Node: one zstd frame, made with the
// dictionary its header names. Node 20 has no zstd, and the npm decoders we know of read no
// dictionary, so this asks Debian's zstd command, with the shipped dictionary whose id the
// frame names.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);

export const isZstdFrame = (bytes) => bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;

// The dictionary id in a frame header (RFC 8878, 3.1.1.1): 0 when there is none.
export function dictionaryIdOf(bytes) {
  const descriptor = bytes[4];
  const idBytes = [0, 1, 2, 4][descriptor & 3];
  const singleSegment = (descriptor >> 5) & 1;
  const at = 5 + (singleSegment ? 0 : 1); // a window descriptor byte unless single-segment
  let id = 0;
  for (let i = idBytes - 1; i >= 0; i--) id = id * 256 + bytes[at + i];
  return id;
}

// bytes: Uint8Array or Buffer of one zstd frame. Returns the decoded text.
export function decodeFrame(bytes) {
  const id = dictionaryIdOf(bytes);
  const args = ['-q', '-d', '-c'];
  if (id) {
    const dictionary = resolve(root, `sdk/encode/dictionaries/friction-${id}.zdict`);
    if (!existsSync(dictionary)) throw new Error(`frame needs dictionary ${id}, which is not in sdk/encode/dictionaries/`);
    args.push('-D', dictionary);
  }
  return execFileSync('zstd', args, { input: Buffer.from(bytes) }).toString('utf8');
}
