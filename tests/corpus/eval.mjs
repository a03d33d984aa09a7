// Prints precision and recall per friction kind over the labelled journey corpus, and every
// journey whose detections differ from its labels. Usage (after scripts/build.sh):
//   node tests/corpus/eval.mjs [--only "part of a journey name"]
import { launchBrowser, startCollector } from '../e2e/harness.mjs';
import { formatTable, runCorpus, score } from './run_corpus.mjs';

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const collector = await startCollector();
const browser = await launchBrowser();
try {
  const results = await runCorpus(browser, collector.base, { only });
  for (const { name, expected, detected, pageErrors } of results) {
    const got = detected.map((d) => d.kind).sort().join(', ') || 'nothing';
    const want = Object.entries(expected).flatMap(([k, n]) => Array(n).fill(k)).sort().join(', ') || 'nothing';
    console.log(`${got === want ? 'ok  ' : 'MISS'} ${name}: expected ${want}; detected ${got}`);
    if (pageErrors.length) console.log(`     page errors: ${pageErrors.join('; ')}`);
  }
  console.log(`\n${results.length} journeys\n${formatTable(score(results))}`);
} finally {
  await browser.close();
  await collector.stop();
}
