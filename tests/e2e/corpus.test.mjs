// The labelled journey corpus as a test: every kind at precision and recall >= 0.95, and calm
// journeys silent. `node tests/corpus/eval.mjs` prints the same figures as a table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KINDS, formatTable, runCorpus, score } from '../corpus/run_corpus.mjs';
import { useCollectorAndBrowser } from './harness.mjs';

const TARGET = 0.95;
const suite = useCollectorAndBrowser();

test('the corpus: precision and recall per kind, and silence on calm journeys', { timeout: 600_000 }, async () => {
  const results = await runCorpus(suite.browser, suite.collector.base);
  const perKind = score(results);
  const table = formatTable(perKind);
  for (const result of results.filter((r) => r.name.startsWith('calm'))) {
    assert.deepEqual(result.detected.map((d) => d.kind), [], `${result.name} should be silent\n${table}`);
  }
  for (const kind of KINDS) {
    assert.ok(perKind[kind].tp > 0, `${kind} never fired in the corpus\n${table}`);
    assert.ok(perKind[kind].precision >= TARGET, `${kind} precision\n${table}`);
    assert.ok(perKind[kind].recall >= TARGET, `${kind} recall\n${table}`);
  }
  for (const { detected } of results) {
    for (const detail of detected) {
      assert.deepEqual(Object.keys(detail).sort(), ['at', 'kind', 'score', 'step', 'stepScore', 'target']);
      assert.ok(detail.score > 0 && detail.score <= 1);
      assert.ok(detail.stepScore >= 0);
    }
  }
});
