// Prints precision and recall per friction kind over the labelled journey corpus, for mouse
// and touch journeys apart and overall, then the misses: every journey whose detections differ
// from its labels (after a second run: run_corpus.mjs), with what its page saw, and the first runs
// of the journeys that matched only when run again. Usage (after scripts/build.sh):
//   node tests/corpus/eval.mjs [--only "part of a journey name"]
import { launchBrowser, startCollector } from '../e2e/harness.mjs';
import { countsOf, describeRetried, detectedKinds, expectedKinds, formatTable, matchesLabels, repeatedOffers, runCorpus, score } from './run_corpus.mjs';

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const collector = await startCollector();
const browser = await launchBrowser();
const started = Date.now();
try {
  const results = await runCorpus(browser, collector.base, { only });
  const misses = [];
  for (const result of results) {
    const { name, input, expected, detected, offers, pageErrors, sdkMessages, failed, trace } = result;
    const got = detectedKinds(detected);
    const want = expectedKinds(expected);
    const repeats = repeatedOffers(offers);
    const ok = matchesLabels(result);
    console.log(`${ok ? 'ok  ' : 'MISS'} [${input}] ${name}: expected ${want}; detected ${got}; offers ${offers.length}`);
    if (failed) console.log(`     could not run: ${failed}`);
    if (repeats.length) console.log(`     help offered ${repeats.length + 1} times for one episode`);
    if (pageErrors.length) console.log(`     page errors: ${pageErrors.join('; ')}`);
    if (sdkMessages.length) console.log(`     the SDK said: ${sdkMessages.join(' | ')}`);
    if (!ok) console.log(`     its last page saw: ${trace || '(nothing)'}`);
    if (!ok) misses.push(`[${input}] ${name}: expected ${want}; detected ${got}${failed ? ' (could not run)' : ''}${repeats.length ? ' (help repeated)' : ''}`);
  }
  const touch = results.filter((r) => r.input === 'touch');
  const calm = results.filter((r) => r.name.startsWith('calm'));
  console.log(`\n${results.length} journeys (${touch.length} touch, ${calm.length} calm) in ${Math.round((Date.now() - started) / 1000)} s`);
  const sum = (key) => Math.round(results.reduce((t, r) => t + (r.ms ? r.ms[key] : 0), 0) / 1000);
  console.log(`of which ${sum('run')} s in the journeys' own steps, ${sum('open')} s opening their first page`);
  console.log(`journeys per kind: ${Object.entries(countsOf(results)).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  console.log(formatTable(score(results.filter((r) => r.input === 'mouse')), '### mouse') + '\n');
  console.log(formatTable(score(touch), '### touch') + '\n');
  console.log(formatTable(score(results), '### overall') + '\n');
  console.log(`### misses (${misses.length})\n${misses.map((m) => `- ${m}`).join('\n') || '- none'}`);
  console.log(`\n### matched only when run again: their first runs\n${describeRetried(results) || '- none'}`);
} finally {
  await browser.close();
  await collector.stop();
}
