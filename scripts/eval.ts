/**
 * `npm run eval`: runs the labelled matcher cases in tests/eval and prints precision
 * and recall for accounts and competitors, plus every failing case. `--json` prints
 * one JSON object instead. Exits 1 when a case fails.
 */
import { cases } from '../tests/eval/cases';
import { runCase, score } from '../tests/eval/run';

const json = process.argv.includes('--json');
const t0 = performance.now();
const outcomes = cases.map((c) => runCase(c));
const ms = performance.now() - t0;
const s = score(outcomes);
const failed = outcomes.filter((o) => o.failures.length);

if (json) {
  console.log(JSON.stringify({ ...s, ms: Math.round(ms * 10) / 10, failed: failed.map((o) => ({ id: o.case.id, failures: o.failures })) }, null, 2));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`Matcher evaluation: ${s.passed}/${s.cases} cases pass (${ms.toFixed(0)} ms)`);
  console.log('');
  console.log('              precision   recall    tp   fp   fn');
  for (const [label, m] of [
    ['accounts', s.accounts],
    ['competitors', s.competitors],
  ] as const) {
    console.log(`${label.padEnd(13)} ${pct(m.precision).padStart(9)} ${pct(m.recall).padStart(8)} ${String(m.tp).padStart(5)} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)}`);
  }
  console.log('');
  console.log(`ambiguous cases answered with candidates instead of a guess: ${s.ambiguousHandled}`);
  for (const o of failed) {
    console.log(`\nFAIL ${o.case.id} — ${o.case.note}`);
    for (const f of o.failures) console.log(`  ${f}`);
  }
}
process.exitCode = failed.length ? 1 : 0;
