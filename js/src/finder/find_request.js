// What an "open on the page" link from the dashboard asks for, read from the address's fragment:
//   #friction-find=8bf6fc011213a86b,0c1d2e3f4a5b6c7d&friction-kind=rage_click
// The fragment never reaches any server (browsers do not send it), and the SDK never reads it
// into anything it sends: the request stays on this page.

const PARAM = 'friction-find';
const KIND_PARAM = 'friction-kind';
const HASH = /^[0-9a-f]{16}$/;
const KIND = /^[a-z_]{1,32}$/;
// A link names one problem's element; a few more are tolerated, not a list to scan for.
const MAX_HASHES = 8;

// { hashes: Set<string>, kind: string | '' }, or null when the fragment asks for nothing
// (or for something malformed: a hand-edited link finds nothing rather than something wrong).
export function findRequestOf(fragment) {
  const text = String(fragment || '').replace(/^#/, '');
  if (!text.includes(PARAM)) return null;
  let params;
  try {
    params = new URLSearchParams(text);
  } catch {
    return null;
  }
  const hashes = (params.get(PARAM) || '').toLowerCase().split(',').filter((hash) => HASH.test(hash));
  if (hashes.length === 0 || hashes.length > MAX_HASHES) return null;
  const kind = params.get(KIND_PARAM) || '';
  return { hashes: new Set(hashes), kind: KIND.test(kind) ? kind : '' };
}

// The fragment a link carries for `hashes` (and the kind shown in the label, if given).
export function findFragmentOf(hashes, kind = '') {
  return `#${PARAM}=${[...hashes].join(',')}${kind ? `&${KIND_PARAM}=${kind}` : ''}`;
}
