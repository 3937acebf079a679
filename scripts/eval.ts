/**
 * `npm run eval`: runs the labelled matcher cases in tests/eval — the main set and the
 * traps (names inside other words, Traditional forms, addresses…) — and prints
 * precision and recall for accounts and competitors, for each set apart, plus every
 * failing case. `--json` prints one JSON object instead. Exits 1 when a case fails.
 */
import { cases } from '../tests/eval/cases';
import { runCase, score, type EvalCase } from '../tests/eval/run';
import { traps } from '../tests/eval/traps';

const json = process.argv.includes('--json');
const sets: [string, EvalCase[]][] = [
  ['main set', cases],
  ['traps', traps],
];
const t0 = performance.now();
const runs = sets.map(([name, list]) => {
  const outcomes = list.map((c) => runCase(c));
  return { name, outcomes, scores: score(outcomes), failed: outcomes.filter((o) => o.failures.length) };
});
const ms = performance.now() - t0;
const failed = runs.flatMap((r) => r.failed);

if (json) {
  const out = Object.fromEntries(runs.map((r) => [r.name === 'traps' ? 'traps' : 'main', r.scores]));
  console.log(JSON.stringify({ ...out, ms: Math.round(ms * 10) / 10, failed: failed.map((o) => ({ id: o.case.id, failures: o.failures })) }, null, 2));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const total = runs.reduce((n, r) => n + r.scores.cases, 0);
  const passed = runs.reduce((n, r) => n + r.scores.passed, 0);
  console.log(`Matcher evaluation: ${passed}/${total} cases pass (${ms.toFixed(0)} ms)`);
  for (const r of runs) {
    const s = r.scores;
    console.log('');
    console.log(`${r.name}: ${s.passed}/${s.cases} cases pass`);
    console.log('              precision   recall    tp   fp   fn');
    for (const [label, m] of [
      ['accounts', s.accounts],
      ['competitors', s.competitors],
    ] as const) {
      console.log(`${label.padEnd(13)} ${pct(m.precision).padStart(9)} ${pct(m.recall).padStart(8)} ${String(m.tp).padStart(5)} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)}`);
    }
    if (r.name === 'traps') console.log(`false cards: ${s.competitors.fp}`);
    else console.log(`ambiguous cases answered with candidates instead of a guess: ${s.ambiguousHandled}`);
  }
  for (const o of failed) {
    console.log(`\nFAIL ${o.case.id} — ${o.case.note}`);
    for (const f of o.failures) console.log(`  ${f}`);
  }
}
process.exitCode = failed.length ? 1 : 0;
