// The sending side: the codec pipe (core records -> compressed batches) and the transport
// (batches -> the collector). It is a chunk of its own ('send', chunks.js), fetched only once
// something may be sent (sending_gate.js), so a visitor who refused never downloads it.
import { CodecPipe } from './codec_pipe.js';
import { Transport } from './transport.js';

// fetch: the page's own fetch as it is at each call. warmerUrl and codecCompiledEarlier: how
// the codec's functions get compiled (codec_pipe.js). onSent and keepOnDevice are friction.js's:
// the receipt (ledger.js) and the consent stay there, one copy for the page.
export function createSending({ codecUrl, collector, fetch, warmerUrl, codecCompiledEarlier, onSent, keepOnDevice }) {
  const transport = new Transport(collector, { fetch, onSent, keepOnDevice });
  const pipe = new CodecPipe(codecUrl, {
    fetch: () => fetch, deliver: (batch) => transport.send(batch), warmerUrl, compiledEarlier: codecCompiledEarlier,
  });
  return { pipe, transport };
}
