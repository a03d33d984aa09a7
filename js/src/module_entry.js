// ESM entry: import { init } from './friction.mjs'; const friction = await init({ site: 'shop' });
// Resolves to the same API as window.friction; the SDK is a no-op if it cannot run.
import { setChunkBase } from './chunks.js';
import { resolveConfig } from './config.js';
import { Friction } from './friction.js';
import { yieldToPage } from './idle.js';
import { log } from './log.js';
import { mountHelpWidget } from './help/mount.js';
import { mountConsentUi } from './panel/mount.js';
import { createPublicApi } from './public_api.js';

export { VERSION } from './public_api.js';

export async function init(options) {
  const sdk = new Friction();
  const api = createPublicApi(sdk);
  // Whatever goes wrong here is a console message; init() resolves to a working no-op.
  try {
    const config = resolveConfig(options);
    if (!config) {
      sdk.disable();
      return api;
    }
    sdk.configure(config);
    setChunkBase(import.meta.url);
    await yieldToPage(); // as friction.js does: the download starts in a task of its own
    await sdk.start(config, new URL('friction.wasm', import.meta.url).href);
    if (config.helpUi === 'auto') mountHelpWidget(sdk, { lang: config.lang });
    if (config.consentUi !== 'off') mountConsentUi(api, { lang: config.lang, autoOpen: config.consentUi === 'auto' });
  } catch (error) {
    log.error('could not start; the SDK is off.', error);
    sdk.disable();
  }
  return api;
}
