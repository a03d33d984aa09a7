// Settings come from the script tag's data attributes or from init() options. Each bad value
// gets a console message that says what was wrong and what is used instead.
import { ldpEpsilonOf } from './ldp_setting.js';
import { log } from './log.js';

const DEFAULTS = Object.freeze({
  site: '',
  collector: '/v1/signals',
  wasmUrl: '',          // default: friction.wasm next to friction.js
  codecUrl: '',         // default: friction-codec.wasm next to friction.wasm
  routes: [],           // e.g. ['/product/:id']; otherwise ids are found by heuristics
  // true: only the routes are sent as steps, any other path as '/other' (paths with names).
  routesOnly: false,
  hashKey: '',          // 32 hex digits; otherwise derived from the site id
  thresholds: {},       // e.g. { 'rage_click.min_clicks': 4 }; the core checks names and ranges
  sendIntervalMs: 10000,
  consentRevision: '1', // a new revision of the site's policy asks users again
  lang: '',             // consent panel language; default from <html lang>, then the browser
  // 'auto': the panel opens when it should ask; 'manual': only the Privacy button opens it;
  // 'off': no panel (the site's own consent tool calls friction.consent.set).
  consentUi: 'auto',
  // 'opt-in': nothing is sent until the user accepts. 'notice': for sites that rely on the
  // audience-measurement exemption; until the user answers, per-visit tallies (a page template
  // and the kinds of friction met, nothing else) are sent; a refusal stops them at once.
  consent: 'opt-in',
  // Local differential privacy on those tallies (ldp_setting.js): 'on' (the default, ε = ln 3
  // per kind) or 'off', and the ε, named per kind or per tally.
  ldp: 'on',
  ldpEpsilonPerKind: null,
  ldpEpsilonPerTally: null,
  // Kinds offered help at their first sign, e.g. 'rage_click,error_click' (unset: the core's
  // default, rage_click,dead_click,error_click,form_struggle); '' for none (help then comes only when the step's score crosses help.threshold).
  helpKinds: null,
  // 'auto': the SDK's own help widget shows offers; 'off': the site renders help itself
  // (friction.on('help')).
  helpUi: 'auto',
  // Where "talk to a person" posts; default: the collector's /v1/handoff.
  handoffUrl: '',
  // The site's goal as a route template, e.g. '/order/:id/thanks': entering it reaches the goal
  // (goal.js). friction.goal(name) reaches one from code instead, or as well.
  goal: '',
  // The goal's name on what is sent: [a-z0-9_-], 1-32 characters ('' : "goal"). Setting a goal
  // or a name declares one: only then are told tallies kept across the tab's pages.
  goalName: '',
});
const CONSENT_UI = new Set(['auto', 'manual', 'off']);
const HELP_UI = new Set(['auto', 'off']);
const CONSENT_MODES = new Set(['opt-in', 'notice']);

// data-routes-only (present, "true" or "on") or routesOnly: true. A value neither yes nor no
// still asks for it: the private reading.
function routesOnlyOf(value) {
  if (value === true || value === '' || value === 'true' || value === 'on') return true;
  if (value === false || value === 'false' || value === 'off') return false;
  log.warn(`routesOnly ${JSON.stringify(value)} must be true or false; using true (undeclared paths are sent as /other).`);
  return true;
}

// A goal name as the core and the collector take it (sdk/encode/field_rules.h isGoalName).
export const GOAL_NAME_PATTERN = /^[a-z0-9_-]{1,32}$/;

// data-goal="/order/:id/thanks" and data-goal-name="purchase": a bad one is said and left out.
function goalSettingOf(key, value) {
  const text = String(value);
  if (key === 'goal' && text !== '' && !text.startsWith('/')) {
    log.warn(`goal ${JSON.stringify(text)} ignored: a goal is a route template starting with "/", like "/order/:id/thanks".`);
    return '';
  }
  if (key === 'goalName' && !GOAL_NAME_PATTERN.test(text)) {
    log.warn(`goalName ${JSON.stringify(text)} ignored: use 1-32 of a-z, 0-9, "_" or "-"; using "goal".`);
    return 'goal';
  }
  return text;
}

const SITE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

// Relative addresses are read against the page's, as fetch would (a fixed one under Node).
const pageAddress = () => (typeof location === 'object' && location.href) || 'http://localhost/';

// The http(s) address a setting names, or null: new URL() would throw it into init() later.
export function urlOf(value) {
  try {
    const url = new URL(value, pageAddress());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
// Where a bad address leaves the SDK: without the collector or the core it cannot run;
// without the others it uses their defaults.
const ADDRESSES = ['collector', 'wasmUrl', 'codecUrl', 'handoffUrl'];
const ADDRESS_NEEDED = new Set(['collector', 'wasmUrl']);
const NUMBERS = {
  sendIntervalMs: [1000, 600000],
};

// data-thresholds="rage_click.min_clicks=4; dead_click.window_ms=3000"
function parseThresholds(text) {
  const thresholds = {};
  for (const pair of text.split(/[;,]/)) {
    const [name, value] = pair.split('=').map((part) => part && part.trim());
    if (!name) continue;
    if (value === undefined || value === '' || !Number.isFinite(Number(value))) log.warn(`threshold "${pair.trim()}" ignored: write name=number.`);
    else thresholds[name] = Number(value);
  }
  return thresholds;
}

// data-rage-gap-ms -> rageGapMs
const fromDataset = (dataset) => {
  const options = {};
  for (const [key, value] of Object.entries(dataset)) options[key] = value;
  if (typeof options.routes === 'string') options.routes = options.routes.split(',').map((r) => r.trim()).filter(Boolean);
  if (typeof options.thresholds === 'string') options.thresholds = parseThresholds(options.thresholds);
  return options;
};

export function configFromScript(script) {
  return fromDataset(script ? script.dataset : {});
}

// Returns a full config, or null (with an error logged) when the SDK cannot run with it.
export function resolveConfig(options) {
  const config = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options || {})) {
    if (!(key in DEFAULTS)) {
      log.warn(`unknown setting "${key}" ignored. Known settings: ${Object.keys(DEFAULTS).join(', ')}.`);
      continue;
    }
    if (key in NUMBERS) {
      const [min, max] = NUMBERS[key];
      const number = Number(value);
      if (!Number.isFinite(number) || number < min || number > max) {
        log.warn(`${key}=${JSON.stringify(value)} must be a number from ${min} to ${max}; using ${DEFAULTS[key]}.`);
        continue;
      }
      config[key] = number;
    } else if (key === 'thresholds') {
      const ok = value && typeof value === 'object' && !Array.isArray(value);
      if (!ok) log.warn('thresholds must be an object like { "rage_click.min_clicks": 4 }; using the defaults.');
      config.thresholds = ok ? { ...value } : {};
    } else if (key === 'routes') {
      const routes = Array.isArray(value) ? value : [];
      config.routes = routes.filter((route) => {
        const ok = typeof route === 'string' && route.startsWith('/');
        if (!ok) log.warn(`route ${JSON.stringify(route)} ignored: a route template starts with "/", like "/product/:id".`);
        return ok;
      });
    } else if (key === 'routesOnly') {
      config.routesOnly = routesOnlyOf(value);
    } else if (key.startsWith('ldp')) {
      config[key] = value; // ldp_setting.js reads the three together
    } else if (key === 'goal' || key === 'goalName') {
      config[key] = goalSettingOf(key, value);
    } else if (key === 'helpKinds') {
      config.helpKinds = Array.isArray(value) ? value.join(',') : String(value);
    } else {
      config[key] = String(value);
    }
  }
  if (!SITE_PATTERN.test(config.site)) {
    log.error(
      config.site
        ? `site "${config.site}" is not valid: use 1-64 letters, digits, ".", "_" or "-". The SDK is off.`
        : 'no site id: add data-site="your-site" to the script tag (or init({site})). The SDK is off.',
    );
    return null;
  }
  for (const key of ADDRESSES) {
    if (config[key] === '' || urlOf(config[key])) continue;
    if (ADDRESS_NEEDED.has(key)) {
      log.error(`${key} "${config[key]}" is not an http(s) address. The SDK is off.`);
      return null;
    }
    log.warn(`${key} "${config[key]}" is not an http(s) address; using the default.`);
    config[key] = '';
  }
  if (config.routesOnly && !config.routes.length) log.warn('routesOnly without routes: every page is sent as /other; declare them with routes.');
  if (!CONSENT_UI.has(config.consentUi)) {
    log.warn(`consentUi "${config.consentUi}" is not one of auto, manual, off; using auto.`);
    config.consentUi = 'auto';
  }
  if (!CONSENT_MODES.has(config.consent)) {
    log.warn(`consent "${config.consent}" is not one of opt-in, notice; using opt-in (nothing is sent before the user accepts).`);
    config.consent = 'opt-in';
  }
  if (!HELP_UI.has(config.helpUi)) {
    log.warn(`helpUi "${config.helpUi}" is not one of auto, off; using auto.`);
    config.helpUi = 'auto';
  }
  config.ldpEpsilon = ldpEpsilonOf(config);
  if (config.hashKey && !/^[0-9a-fA-F]{32}$/.test(config.hashKey)) {
    log.warn('hashKey must be 32 hex digits; using a key derived from the site id.');
    config.hashKey = '';
  }
  return config;
}
