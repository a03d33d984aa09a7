// <script async src=".../friction.js" data-site="..."> : reads its settings from its own tag,
// replaces the queue stub with the real API and starts. Never throws into the page.
import { setChunkBase } from './chunks.js';
import { configFromScript, resolveConfig } from './config.js';
import { Friction } from './friction.js';
import { yieldToPage } from './idle.js';
import { log } from './log.js';
import { mountHelpWidget } from './help/mount.js';
import { mountConsentUi } from './panel/mount.js';
import { createPublicApi, replayQueue } from './public_api.js';

(async function startFromScriptTag() {
  try {
    if (window.friction && window.friction.version) return; // loaded twice: keep the first
    const script = document.currentScript || document.querySelector('script[src*="friction"][data-site]');
    const sdk = new Friction();
    const api = createPublicApi(sdk);
    const stub = window.friction;
    window.friction = api;
    const config = resolveConfig(configFromScript(script));
    if (config) sdk.configure(config);
    replayQueue(stub, api);
    if (!config) return sdk.disable();
    const base = (script && script.src) || location.href;
    setChunkBase(base);
    const wasmUrl = new URL('friction.wasm', base).href;
    // The rest in a task of its own: the settings and the stored consent (the page's first
    // localStorage access is a blocking load) are read in this one, and starting the core's
    // download (its fetch, the glue's import) costs several ms more.
    await yieldToPage();
    sdk.start(config, wasmUrl);
    if (config.helpUi === 'auto') mountHelpWidget(sdk, { lang: config.lang });
    if (config.consentUi !== 'off') mountConsentUi(api, { lang: config.lang, autoOpen: config.consentUi === 'auto' });
  } catch (error) {
    log.error('could not start; the SDK is off.', error);
  }
})();
