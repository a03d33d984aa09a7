// Settings (js/src/config.js): from data attributes or init() options to a full config, each
// bad value replaced by its default with a console message that says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configFromScript, resolveConfig } from '../../js/src/config.js';
import { FRICTION_KINDS } from '../../js/src/generated/core_tables.js';
import { DEFAULT_LDP_EPSILON, MAX_EPSILON_PER_KIND, MIN_EPSILON_PER_KIND, truthPercent } from '../../js/src/ldp_setting.js';
import { consoleMessages } from './fakes.mjs';

test('a site id alone gives the defaults, silently', (t) => {
  const messages = consoleMessages(t);
  const config = resolveConfig({ site: 'shop' });
  assert.equal(config.site, 'shop');
  assert.equal(config.collector, '/v1/signals');
  assert.equal(config.sendIntervalMs, 10000);
  assert.equal(config.consent, 'opt-in');
  assert.equal(config.consentUi, 'auto');
  assert.equal(config.helpUi, 'auto');
  assert.equal(config.helpKinds, null);
  assert.equal(config.ldpEpsilon, Math.log(3)); // noise on what is counted before an answer
  assert.deepEqual(config.routes, []);
  assert.deepEqual(config.thresholds, {});
  assert.deepEqual(messages, { warn: [], error: [] });
});

test('without a usable site id the SDK is off, and the console says how to fix it', (t) => {
  const messages = consoleMessages(t);
  assert.equal(resolveConfig({}), null);
  assert.equal(resolveConfig(undefined), null);
  assert.match(messages.error[0], /no site id: add data-site="your-site"/);
  assert.equal(resolveConfig({ site: 'my shop!' }), null);
  assert.match(messages.error[2], /site "my shop!" is not valid/);
  assert.equal(resolveConfig({ site: 'x'.repeat(65) }), null);
  assert.equal(messages.error.length, 4);
});

test('unknown settings are ignored with the list of known ones', (t) => {
  const messages = consoleMessages(t);
  const config = resolveConfig({ site: 'shop', colour: 'red' });
  assert.equal('colour' in config, false);
  assert.match(messages.warn[0], /unknown setting "colour" ignored\. Known settings: site, collector,/);
});

test('the send interval is a number within its range, else the default', (t) => {
  const messages = consoleMessages(t);
  assert.equal(resolveConfig({ site: 's', sendIntervalMs: '5000' }).sendIntervalMs, 5000);
  assert.equal(resolveConfig({ site: 's', sendIntervalMs: 999 }).sendIntervalMs, 10000);
  assert.equal(resolveConfig({ site: 's', sendIntervalMs: 'soon' }).sendIntervalMs, 10000);
  assert.equal(resolveConfig({ site: 's', sendIntervalMs: 600001 }).sendIntervalMs, 10000);
  assert.equal(messages.warn.length, 3);
  assert.match(messages.warn[0], /sendIntervalMs=999 must be a number from 1000 to 600000; using 10000/);
});

test('routes must start with "/"; others are dropped one by one', (t) => {
  const messages = consoleMessages(t);
  assert.deepEqual(resolveConfig({ site: 's', routes: ['/product/:id', 'cart', 7, '/a'] }).routes, ['/product/:id', '/a']);
  assert.equal(messages.warn.length, 2);
  assert.match(messages.warn[0], /route "cart" ignored/);
  assert.deepEqual(resolveConfig({ site: 's', routes: '/a' }).routes, []);
});

test('thresholds must be an object; the core checks names and ranges later', (t) => {
  const messages = consoleMessages(t);
  assert.deepEqual(resolveConfig({ site: 's', thresholds: { 'rage_click.min_clicks': 4 } }).thresholds, { 'rage_click.min_clicks': 4 });
  assert.deepEqual(resolveConfig({ site: 's', thresholds: [1] }).thresholds, {});
  assert.match(messages.warn[0], /thresholds must be an object/);
});

test('ldp: on by default; the epsilon is named per kind or per tally', (t) => {
  const messages = consoleMessages(t);
  const epsilon = (options) => resolveConfig({ site: 's', ...options }).ldpEpsilon;
  assert.equal(epsilon({}), DEFAULT_LDP_EPSILON);
  assert.equal(epsilon({ ldp: 'on' }), Math.log(3));
  assert.equal(epsilon({ ldp: true }), Math.log(3));
  assert.equal(epsilon({ ldp: 'off' }), 0);
  assert.equal(epsilon({ ldp: false }), 0);
  assert.equal(epsilon({ ldpEpsilonPerKind: '0.5' }), 0.5);
  assert.equal(epsilon({ ldpEpsilonPerKind: 5 }), 5);
  assert.equal(epsilon({ ldpEpsilonPerKind: 0.1 }), 0.1);
  // Per tally: spread over the kinds, rounded as the wire carries it.
  assert.equal(epsilon({ ldpEpsilonPerTally: 9 }), Math.round((9 / FRICTION_KINDS.length) * 1e4) / 1e4);
  assert.equal(messages.warn.length, 0);
});

test('an epsilon that rounds to nothing, or past what protects, is refused aloud: never exact tallies', (t) => {
  const messages = consoleMessages(t);
  const epsilon = (options) => resolveConfig({ site: 's', ...options }).ldpEpsilon;
  for (const options of [
    { ldpEpsilonPerKind: 0.00001 }, { ldpEpsilonPerKind: 0 }, { ldpEpsilonPerKind: 0.09994 },
    { ldpEpsilonPerKind: 5.01 }, { ldpEpsilonPerKind: 'banana' }, { ldpEpsilonPerKind: '' },
    { ldpEpsilonPerTally: 0.5 }, { ldpEpsilonPerTally: 46 }, { ldp: 'maybe' },
  ]) assert.equal(epsilon(options), DEFAULT_LDP_EPSILON, JSON.stringify(options));
  assert.equal(messages.warn.length, 9);
  assert.match(messages.warn[0], /ldpEpsilonPerKind=0\.00001 refused: it must be from 0\.1 to 5 \(answers would be nearly coin flips/);
  assert.match(messages.warn[3], /ldpEpsilonPerKind=5\.01 refused: .*true more than 99 % of the time/);
  assert.match(messages.warn[6], /ldpEpsilonPerTally=0\.5 refused: it must be from 0\.9 to 45/);
  assert.match(messages.warn[8], /using ldpEpsilonPerKind=1\.0986 \(ln 3, the default\)/);
});

test('a bare number in ldp is read per kind and said so; an epsilon beside ldp=off keeps the noise', (t) => {
  const messages = consoleMessages(t);
  assert.equal(resolveConfig({ site: 's', ldp: '0.5' }).ldpEpsilon, 0.5);
  assert.match(messages.warn[0], /ldp="0\.5" is read as ldpEpsilonPerKind="0\.5"; name it so/);
  assert.equal(resolveConfig({ site: 's', ldp: 'off', ldpEpsilonPerTally: 18 }).ldpEpsilon, 2);
  assert.match(messages.warn[1], /ldp=off beside an epsilon/);
  assert.equal(resolveConfig({ site: 's', ldpEpsilonPerKind: 1, ldpEpsilonPerTally: 18 }).ldpEpsilon, 1);
  assert.match(messages.warn[2], /both set/);
  // From the script tag, as data attributes.
  const script = { dataset: { site: 's', ldpEpsilonPerTally: '4.5' } };
  assert.equal(resolveConfig(configFromScript(script)).ldpEpsilon, 0.5);
});

test('choices out of their sets fall back to the safe one', (t) => {
  const messages = consoleMessages(t);
  const config = resolveConfig({ site: 's', consent: 'implied', consentUi: 'popup', helpUi: 'loud', hashKey: 'abc' });
  assert.equal(config.consent, 'opt-in');
  assert.equal(config.consentUi, 'auto');
  assert.equal(config.helpUi, 'auto');
  assert.equal(config.hashKey, '');
  assert.equal(messages.warn.length, 4);
  assert.match(messages.warn.join('\n'), /consent "implied" is not one of opt-in, notice; using opt-in/);
  const kept = resolveConfig({ site: 's', consent: 'notice', consentUi: 'off', helpUi: 'off', hashKey: '00112233445566778899AABBCCDDEEFF' });
  assert.deepEqual([kept.consent, kept.consentUi, kept.helpUi, kept.hashKey], ['notice', 'off', 'off', '00112233445566778899AABBCCDDEEFF']);
});

test('help kinds: a list or a string, kept as the core reads it', () => {
  assert.equal(resolveConfig({ site: 's', helpKinds: ['rage_click', 'error_click'] }).helpKinds, 'rage_click,error_click');
  assert.equal(resolveConfig({ site: 's', helpKinds: '' }).helpKinds, '');
});

test('data attributes: routes and thresholds are read from text, bad pairs reported', (t) => {
  const messages = consoleMessages(t);
  const options = configFromScript({ dataset: {
    site: 'shop',
    routes: '/product/:id, /cart ,',
    thresholds: 'rage_click.min_clicks=4; dead_click.window_ms = 3000, broken; hesitation.ms=soon;',
    sendIntervalMs: '20000',
  } });
  assert.deepEqual(options.routes, ['/product/:id', '/cart']);
  assert.deepEqual(options.thresholds, { 'rage_click.min_clicks': 4, 'dead_click.window_ms': 3000 });
  assert.deepEqual(messages.warn, ['[friction] threshold "broken" ignored: write name=number.', '[friction] threshold "hesitation.ms=soon" ignored: write name=number.']);
  assert.equal(resolveConfig(options).sendIntervalMs, 20000);
  assert.deepEqual(configFromScript(null), {});
});

test('an address that is not http(s): the SDK is off without the collector or the core, else the default', (t) => {
  const messages = consoleMessages(t);
  for (const collector of ['http://[oops', 'https://exa mple.com/v1', 'javascript:alert(1)']) {
    assert.equal(resolveConfig({ site: 's', collector }), null, collector);
  }
  assert.match(messages.error[0], /collector "http:\/\/\[oops" is not an http\(s\) address. The SDK is off./);
  assert.equal(resolveConfig({ site: 's', wasmUrl: 'http://' }), null);
  const config = resolveConfig({ site: 's', codecUrl: 'http://', handoffUrl: 'ftp://x/y', collector: 'https://c.example/v1/signals' });
  assert.deepEqual([config.codecUrl, config.handoffUrl, config.collector], ['', '', 'https://c.example/v1/signals']);
  assert.equal(messages.warn.length, 2);
  assert.equal(resolveConfig({ site: 's', collector: '/v1/signals', wasmUrl: '../friction.wasm' }).collector, '/v1/signals');
});

test('routes only: off by default; the attribute alone, true or on turns it on', (t) => {
  const messages = consoleMessages(t);
  const routes = ['/u/:name'];
  assert.equal(resolveConfig({ site: 's' }).routesOnly, false);
  assert.equal(resolveConfig({ site: 's', routes, ...configFromScript({ dataset: { routesOnly: '' } }) }).routesOnly, true);
  for (const value of [true, 'true', 'on']) assert.equal(resolveConfig({ site: 's', routes, routesOnly: value }).routesOnly, true);
  for (const value of [false, 'false', 'off']) assert.equal(resolveConfig({ site: 's', routes, routesOnly: value }).routesOnly, false);
  assert.deepEqual(messages.warn, []);
  assert.equal(resolveConfig({ site: 's', routes, routesOnly: 'yes please' }).routesOnly, true);
  assert.match(messages.warn[0], /routesOnly "yes please" must be true or false; using true/);
  resolveConfig({ site: 's', routesOnly: true });
  assert.match(messages.warn[1], /routesOnly without routes: every page is sent as \/other/);
});

test('the ε range keeps the receipt honest: never "true 100 %", never a coin flip', () => {
  assert.equal(truthPercent(MAX_EPSILON_PER_KIND), 99);
  assert.equal(truthPercent(MIN_EPSILON_PER_KIND), 52);
  assert.equal(truthPercent(DEFAULT_LDP_EPSILON), 75);
  assert.equal(truthPercent(Math.log(199)), 100, 'where the rounding would start to lie');
  assert.ok(MAX_EPSILON_PER_KIND < Math.log(199));
});

test('the goal: a route template and a name, each bad one said and left out', (t) => {
  const messages = consoleMessages(t);
  const fromTag = resolveConfig(configFromScript({ dataset: { site: 'shop', goal: '/order/:id/thanks', goalName: 'purchase' } }));
  assert.equal(fromTag.goal, '/order/:id/thanks');
  assert.equal(fromTag.goalName, 'purchase');
  assert.deepEqual(messages, { warn: [], error: [] });
  const none = resolveConfig({ site: 'shop' });
  assert.equal(none.goal, '');
  assert.equal(none.goalName, '', 'no goal declared: told tallies are not kept across pages');
  const bad = resolveConfig({ site: 'shop', goal: 'order/thanks', goalName: 'Big Purchase!' });
  assert.equal(bad.goal, '');
  assert.equal(bad.goalName, 'goal');
  assert.match(messages.warn[0], /goal "order\/thanks" ignored: a goal is a route template starting with "\/"/);
  assert.match(messages.warn[1], /goalName "Big Purchase!" ignored: use 1-32 of a-z, 0-9/);
});
