/**
 * `npm run eval:pages [-- --json] [-- --verbose]`: every record fixture and demo page,
 * changed the way a CRM release changes markup (classes renamed, data-* dropped, extra
 * wrappers, fields reordered, labels in another language, …), read by the adapters and
 * matched against the sample pack plus the fixtures' own accounts. Prints, per change,
 * the share of records still read with the right account and how many went wrong, beside
 * the goal. Exits 0: a measurement, not a test (tests/unit/eval-pages.test.ts guards it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluatePages } from './eval-pages/run';
import type { KnowledgePack } from '../utils/pack/schema';

const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../assets/sample-pack.json', import.meta.url)), 'utf8')) as KnowledgePack;
const json = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');
const t0 = performance.now();
const r = evaluatePages(sample);
const ms = performance.now() - t0;

if (json) {
  console.log(JSON.stringify({ ...r, ms: Math.round(ms) }, null, 2));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`Markup-change evaluation: ${r.records} record pages (${ms.toFixed(0)} ms)`);
  if (r.noAccount.length) console.log(`  not counted (the page names no company): ${r.noAccount.join(', ')}`);
  console.log('');
  console.log('change                                                     right   cands  wrong  missed  unread   share');
  for (const s of [r.baseline, ...r.mutations]) {
    const c = s.counts;
    console.log(
      `${s.title.padEnd(58)} ${String(c.right).padStart(5)} ${String(c.candidates).padStart(7)} ${String(c.wrong).padStart(6)} ${String(c.missed).padStart(7)} ${String(c.unread).padStart(7)} ${pct(s.share).padStart(7)}`,
    );
    if (verbose) for (const f of s.failures) console.log(`    ${f.outcome.padEnd(10)} ${f.page}${f.got ? ` → ${f.got}` : ''}`);
  }
  console.log('');
  console.log("pages of a company the pack does not know (its account taken out): accounts picked anyway — goal 0");
  for (const s of r.strangers) {
    console.log(`  ${s.id.padEnd(10)} ${s.wrong.length} of ${s.pages}${s.wrong.length ? `  (${s.wrong.map((w) => `${w.page} → ${w.got}`).join(', ')})` : ''}`);
  }
  console.log('');
  const strangersWrong = r.strangers.reduce((n, s) => n + s.wrong.length, 0);
  const ok = r.overall.share >= r.goal && r.overall.wrong === 0 && strangersWrong === 0;
  console.log(`overall: ${pct(r.overall.share)} of ${r.overall.pages} changed pages read with the right account, ${r.overall.wrong} wrong  (goal ≥ ${pct(r.goal)}, 0 wrong); ${strangersWrong} picked for strangers ${ok ? '✓' : '✗'}`);
}
