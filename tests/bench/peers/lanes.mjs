// The four lanes of the bench: what each does to the shop's HTML (our script tag kept, removed,
// or replaced by a peer's documented loader) and which requests are that SDK's own (its
// scripts, for bytes per page) or its uploads (for bytes uploaded). Peers' files come from
// node_modules, served by the bench under /peers/ on the shop's own origin; their init is a
// small script file rather than an inline snippet, because the shop's CSP allows only 'self'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answeredVisitor } from '../../e2e/harness.mjs';

export const root = new URL('../../..', import.meta.url).pathname;
const modules = join(root, 'node_modules');

// The installed versions (null when missing: that peer's lane fails and says so).
function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

export const PEER_VERSIONS = {
  '@datadog/browser-rum': installedVersion('@datadog/browser-rum'),
  'posthog-js': installedVersion('posthog-js'),
};

// Throws, for the lane's report, when the lane's peer is not installed.
export function assertInstalled(lane) {
  if (lane.requires && !PEER_VERSIONS[lane.requires]) throw new Error(`${lane.requires} is not installed (npm ci installs the dev dependencies)`);
}

// Our tag as the shop's pages carry it (it spans two lines).
const OUR_TAG = /<script\b[^>]*\bsrc="\/dist\/friction\.js"[^>]*>\s*<\/script>/s;

function replaceOurTag(html, replacement) {
  if (!OUR_TAG.test(html)) throw new Error('the page has no <script src="/dist/friction.js"> tag to replace');
  return html.replace(OUR_TAG, replacement);
}

// Datadog RUM: the async CDN set-up (a queue with onReady, the bundle loaded async) with the
// options the brief names; the intake goes through `proxy`, which the bench answers.
const DATADOG_INIT = `
(function () {
  var queue = [];
  window.DD_RUM = window.DD_RUM || { q: queue, onReady: function (c) { queue.push(c); } };
  var script = document.createElement('script');
  script.async = true;
  script.src = '/peers/datadog/datadog-rum.js';
  document.head.appendChild(script);
  window.DD_RUM.onReady(function () {
    window.DD_RUM.init({
      clientToken: 'pub00000000000000000000000000000000',
      applicationId: '00000000-0000-0000-0000-000000000000',
      site: 'datadoghq.com',
      service: 'northwind-shop',
      env: 'bench',
      proxy: location.origin + '/peers/datadog-intake',
      sessionSampleRate: 100,
      sessionReplaySampleRate: 0,
      trackUserInteractions: true,
      trackResources: true,
      trackLongTasks: true,
      defaultPrivacyLevel: 'mask-user-input'
    });
  });
})();
`;

// posthog-js: the snippet's job (a queue holding the init call, array.js loaded async from the
// api host's /static/), autocapture on (its default), session recording off.
const POSTHOG_INIT = `
(function () {
  var posthog = window.posthog = window.posthog || [];
  posthog._i = posthog._i || [];
  posthog._i.push(['phc_bench0000000000000000000000000000000000000', {
    api_host: location.origin + '/peers/posthog',
    defaults: '2025-05-24',
    person_profiles: 'identified_only',
    autocapture: true,
    disable_session_recording: true,
    // Chromium under automation says navigator.webdriver; PostHog's documented switch for
    // end-to-end tests keeps it from dropping every event as a bot's.
    opt_out_useragent_filter: true
  }, undefined]);
  posthog.__SV = 1;
  var script = document.createElement('script');
  script.async = true;
  script.crossOrigin = 'anonymous';
  script.src = location.origin + '/peers/posthog/static/array.js';
  document.head.appendChild(script);
})();
`;

const DATADOG_BUNDLE = join(modules, '@datadog/browser-rum/bundle');
const POSTHOG_DIST = join(modules, 'posthog-js/dist');

const js = (body) => ({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
const json = (value) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(value) });
const notFound = () => ({ status: 404, contentType: 'text/plain', body: 'not found' });

function fileOr404(dir, name) {
  if (!/^[\w.-]+\.js$/.test(name)) return notFound();
  try {
    return js(readFileSync(join(dir, name)));
  } catch {
    return notFound();
  }
}

// A new project's answers, as PostHog's servers give them: no flags, no recording.
const POSTHOG_REMOTE_CONFIG = {
  supportedCompression: ['gzip', 'gzip-js'], autocapture_opt_out: false, sessionRecording: false,
  heatmaps: false, surveys: false, siteApps: [], capturePerformance: false, autocaptureExceptions: false,
};

// Answers a request to /peers/... (null: not a peer path). `upload` is true for what the
// peer sends to its collector.
function answerPeer(pathname) {
  let m;
  if ((m = pathname.match(/^\/peers\/datadog\/(chunks\/)?([^/]+)$/))) {
    return { response: fileOr404(m[1] ? join(DATADOG_BUNDLE, 'chunks') : DATADOG_BUNDLE, m[2]), own: true };
  }
  if (pathname === '/peers/datadog-init.js') return { response: js(DATADOG_INIT), own: true };
  if (pathname.startsWith('/peers/datadog-intake')) return { response: { status: 202, contentType: 'application/json', body: '{}' }, upload: true };
  if (pathname === '/peers/posthog-init.js') return { response: js(POSTHOG_INIT), own: true };
  // Extensions load from /static/<version>/name.js; array.js from /static/.
  if ((m = pathname.match(/^\/peers\/posthog\/static\/(?:[\d.]+\/)?([^/]+)$/))) return { response: fileOr404(POSTHOG_DIST, m[1]), own: true };
  if ((m = pathname.match(/^\/peers\/posthog\/array\/[^/]+\/config\.js$/))) {
    return { response: js(`(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})[${JSON.stringify(pathname.split('/')[4])}]={config:${JSON.stringify(POSTHOG_REMOTE_CONFIG)},siteApps:[]};`), own: true };
  }
  if (/^\/peers\/posthog\/array\/[^/]+\/config$/.test(pathname)) return { response: json(POSTHOG_REMOTE_CONFIG), upload: false };
  if (/^\/peers\/posthog\/(flags|decide)\/?$/.test(pathname)) {
    return { response: json({ ...POSTHOG_REMOTE_CONFIG, featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false, flags: {} }), upload: true };
  }
  if (pathname.startsWith('/peers/posthog/')) return { response: json({ status: 1 }), upload: true, anyOther: true };
  return null;
}

const withoutTag = (html) => replaceOurTag(html, '');

// Where the panel's Accept button is, or null while the panel is not open. One small query, run
// from Node between pauses: Playwright's locators would poll inside the page and walk its shadow
// roots by role, work that no visitor's browser does and that the trace would count as the
// panel's.
function acceptButtonCentre() {
  const dialog = document.querySelector('friction-consent-panel')?.shadowRoot?.querySelector('dialog[open]');
  const button = dialog && [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Accept');
  if (!button) return null;
  const box = button.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const storedLevel = () => JSON.parse(localStorage.getItem('friction:consent') || 'null')?.level ?? null;

// Until probe() answers something other than null, checked every 100 ms; throws after timeoutMs.
async function pollPage(page, probe, what, timeoutMs) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await page.waitForTimeout(100)) {
    const answer = await page.evaluate(probe);
    if (answer !== null) return answer;
  }
  throw new Error(`the first visit: ${what} within ${timeoutMs} ms`);
}

// The person reads the panel for a moment, then clicks Accept with the mouse.
async function acceptWithTheMouse(page) {
  await pollPage(page, acceptButtonCentre, 'no consent panel with an Accept button', 10000);
  await page.waitForTimeout(800);
  const centre = await pollPage(page, acceptButtonCentre, 'the Accept button went away', 1000);
  await page.mouse.click(centre.x, centre.y);
  const level = await pollPage(page, storedLevel, 'no answer stored after the click', 5000);
  if (level !== 'signals') throw new Error(`the first visit: the click on Accept stored "${level}"`);
}

// What each of this SDK's lanes shares: the shop's page as it is, this SDK's files and its
// collector.
const OUR_LANE = { html: (html) => html, ownUrl: (p) => p.startsWith('/dist/'), uploadUrl: (p) => p.startsWith('/v1/') };

// Keyed by the lane's label. html(text): the document as this lane serves it; initScript: run
// in every page before its scripts; afterFirstLoad(page): what the person does first;
// ownUrl(pathname) / uploadUrl(pathname): this SDK's files (bytes per page) and its collector
// (bytes uploaded), for peers answerPeer says both; requires: the npm package the lane needs;
// peer: set for the peers, whom ratios are taken against.
export const LANES = {
  'no SDK': { html: withoutTag, peer: false },
  friction: {
    initScript: [answeredVisitor, 'signals'],
    ...OUR_LANE,
  },
  // A first visit: the consent panel shows on the first page (its cost is measured there) and
  // the person accepts it before going on, as tests/e2e/consent_panel.test.mjs does.
  'friction (first visit)': {
    afterFirstLoad: acceptWithTheMouse,
    ...OUR_LANE,
  },
  // A visitor who refused: what the SDK costs where nothing may be sent (help still works).
  'friction (refused)': {
    initScript: [answeredVisitor, 'none'],
    ...OUR_LANE,
  },
  'Datadog RUM': {
    requires: '@datadog/browser-rum',
    html: (html) => replaceOurTag(html, '<script src="/peers/datadog-init.js"></script>'),
    peer: `@datadog/browser-rum ${PEER_VERSIONS['@datadog/browser-rum']}`,
  },
  'posthog-js': {
    requires: 'posthog-js',
    html: (html) => replaceOurTag(html, '<script src="/peers/posthog-init.js"></script>'),
    peer: `posthog-js ${PEER_VERSIONS['posthog-js']}`,
  },
};

export { answerPeer };
