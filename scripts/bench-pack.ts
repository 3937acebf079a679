/**
 * `npm run bench:pack [-- --accounts 50000] [--no-browser] [--keep]`: the ops pipeline at
 * enterprise size. Writes a pack folder whose accounts.csv and health.csv look like
 * CRM / CS-platform exports (N accounts, 3 health snapshots each), builds it with the
 * pack CLI's code, signs and verifies it, then imports it into the built extension
 * through the options page (file pick → progress → check + diff preview → Activate)
 * and opens a CRM page on it. Prints the figures.
 */
import { mkdtempSync, writeFileSync, readFileSync, cpSync, statSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackFolder } from '../utils/pack/authoring/build';
import { formatPackJson } from '../utils/pack/authoring/format';
import { formatError } from '../utils/pack/authoring/errors';
import { csvCell } from '../utils/pack/authoring/csv';
import { validatePack } from '../utils/pack/validate';
import { generateKeyPair, signPack, verifyPackDoc } from '../utils/pack/sign';
import { diffPacks } from '../utils/pack/diff';
import { tryBuildIndex } from '../utils/match/checkIndex';
import { MAX_AUTOMATON_STATES, MAX_LOOKUP_KEYS, MAX_NAME_CHARS, MAX_PATTERN_CHARS, measureIndexCost } from '../utils/pack/cost';
import { nodeFiles } from '../cli/nodeFiles';
import { prng } from './bench/synth';
import { ROOT, EXTENSION_DIR, extensionId, launchWithExtension } from './demo/launch';
import { DEMO_PAGES } from './demo/routes';
import { sidebarFrame } from './demo/sidebarFrame';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--accounts') + 1]) || 50_000;
const browserToo = !args.includes('--no-browser');

const ms = (t: number) => `${t.toFixed(0)} ms`;
const mb = (n: number) => `${(n / (1 << 20)).toFixed(1)} MB`;
const rows: [string, string][] = [];
const report = (what: string, value: string) => {
  rows.push([what, value]);
  console.log(`${what.padEnd(52)} ${value}`);
};
async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

// ---- 1. an authoring folder with CRM-sized exports ---------------------------
const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-pack-'));
const src = join(dir, 'src');
cpSync(join(ROOT, 'packs/sample'), src, { recursive: true });
const sample = JSON.parse(readFileSync(join(ROOT, 'assets/sample-pack.json'), 'utf8'));
const rand = prng(42);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const SYL = ['lo', 'ra', 'ven', 'tor', 'mi', 'sa', 'quin', 'del', 'bar', 'ko', 'zen', 'tri', 'vex', 'ul', 'nor', 'pax'];
const SEGMENTS = ['Enterprise', 'Mid-Market', 'SMB'];
const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM', 'Greater China'];
const OWNERS = Array.from({ length: 200 }, (_, i) => `Owner ${i + 1}`);
const competitors = sample.competitors.map((c: { id: string }) => c.id);
const stages = sample.playbooks.flatMap((p: { id: string; stages: { id: string }[] }) => p.stages.map((s) => [p.id, s.id]));
const header = ['Account ID', 'Account Name', 'Aliases', 'Domains', 'Salesforce ID', 'HubSpot ID', 'Segment', 'Industry', 'Region', 'Owner', 'Competitors', 'Playbook', 'Stage', 'Renewal Date', 'ARR', 'Currency'];
const accountLines = [header.join(',')];
const healthLines = ['Account ID,Date,usage,adoption,nps,tickets,sponsor,payment,Note (en),Note (zh-CN)'];
for (let i = 0; i < N; i++) {
  const word = `${pick(SYL)}${pick(SYL)}${pick(SYL)}`;
  const name = `${word[0].toUpperCase()}${word.slice(1)} ${pick(['Systems', 'Labs', 'Retail', 'Logistics', 'Bank', 'Health'])} ${i}`;
  const id = `acct-${i}`;
  const [pb, st] = pick(stages) as [string, string];
  accountLines.push(
    [
      id,
      `${name}, Inc.`,
      name,
      `https://www.${word}${i}.com/`,
      `0015g${String(i).padStart(13, '0')}`,
      '',
      pick(SEGMENTS),
      pick(['Retail', 'Banking', 'Manufacturing', 'Healthcare']),
      pick(REGIONS),
      pick(OWNERS),
      [pick(competitors), pick(competitors)].filter((x, k, a) => a.indexOf(x) === k).join(';'),
      pb,
      st,
      `2027-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
      String(Math.round(rand() * 2_000_000)),
      'USD',
    ]
      .map((c) => csvCell(c))
      .join(','),
  );
  for (const m of ['2026-09-01', '2026-10-01', '2026-11-01']) {
    const v = () => String(Math.round(rand() * 100));
    healthLines.push([id, m, v(), v(), String(Math.round(rand() * 140 - 60)), String(Math.floor(rand() * 8)), String(Math.round(rand() * 10)), String(Math.floor(rand() * 40)), '', ''].join(','));
  }
}
writeFileSync(join(src, 'pack.yaml'), readFileSync(join(src, 'pack.yaml'), 'utf8').replace('version: 1.0.0', 'version: 2.0.0'));
writeFileSync(join(src, 'accounts.csv'), `${accountLines.join('\n')}\n`);
writeFileSync(join(src, 'health.csv'), `${healthLines.join('\n')}\n`);
// The exports use a website URL column: the mapping turns it into domains.
console.log(
  `Frontline pack pipeline: ${N.toLocaleString('en-US')} accounts, ${(N * 3).toLocaleString('en-US')} health snapshots (Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})\n`,
);
report('accounts.csv / health.csv', `${mb(statSync(join(src, 'accounts.csv')).size)} / ${mb(statSync(join(src, 'health.csv')).size)}`);

// ---- 2. build, validate, sign, verify, diff (Node, the CLI's code) ------------
const [built, tBuild] = await time(() => buildPackFolder(nodeFiles(src)));
if (!built.ok) throw new Error(built.errors.slice(0, 5).map(formatError).join('\n'));
report('build folder → pack (YAML + Markdown + streamed CSV)', ms(tBuild));
const [json, tFormat] = await time(() => formatPackJson(built.pack));
const packFile = join(dir, 'pack.json');
writeFileSync(packFile, json);
report('format pack.json', `${ms(tFormat)}, ${mb(Buffer.byteLength(json))}`);
const minFile = join(dir, 'pack.min.json');
const [minified, tMin] = await time(() => JSON.stringify(built.pack));
writeFileSync(minFile, minified);
report('pack.json with --minify (what to publish at this size)', `${ms(tMin)}, ${mb(Buffer.byteLength(minified))}`);
const [, tValidate] = await time(() => validatePack(JSON.parse(json)));
report('parse + validate pack.json', ms(tValidate));
const [trial, tTrial] = await time(() => tryBuildIndex(built.validated));
if (!trial.ok) throw new Error(trial.error.message);
const cost = measureIndexCost(built.validated);
const vsLimit = (x: number, limit: number) => `${x.toLocaleString('en-US')} (limit ${limit.toLocaleString('en-US')})`;
report('trial match-index build at intake', `${ms(tTrial)}; ${vsLimit(trial.index.competitors.automaton.stateCount, MAX_AUTOMATON_STATES)} automaton states`);
report('index cost: pattern chars / account name chars / lookup keys', `${vsLimit(cost.patternChars, MAX_PATTERN_CHARS)} / ${vsLimit(cost.nameChars, MAX_NAME_CHARS)} / ${vsLimit(cost.lookupKeys, MAX_LOOKUP_KEYS)}`);

// ---- 3. import in the extension (Chromium) -----------------------------------
if (browserToo) {
  try {
    statSync(join(EXTENSION_DIR, 'manifest.json'));
  } catch {
    console.log('\n(no built extension: run `npm run build` for the browser figures)');
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
  const context = await launchWithExtension({ headless: true });
  try {
    const extId = await extensionId(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extId}/options.html`);
    await page.getByTestId('pack-version').waitFor();
    let sawProgress = false;
    const t0 = performance.now();
    await page.getByTestId('pack-file').setInputFiles(minFile);
    sawProgress = await page
      .getByTestId('import-progress')
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    await page
      .getByTestId('activate')
      .waitFor({ timeout: 180_000 })
      .catch(async (e) => {
        throw new Error(`no preview: ${await page.getByTestId('notice').textContent().catch(() => '(no notice)')}`, { cause: e });
      });
    const tPreview = performance.now() - t0;
    report('options page: read + check + diff preview', ms(tPreview));
    const t1 = performance.now();
    await page.getByTestId('activate').click();
    await page.getByTestId('notice').filter({ hasText: 'Activated' }).waitFor({ timeout: 120_000 });
    const tActivate = performance.now() - t1;
    report('options page: Activate (IndexedDB swap, worker reloads)', ms(tActivate));
    report('import total (pick → active)', `${ms(performance.now() - t0)}${sawProgress ? ', progress bar shown' : ''}`);
    const crm = await context.newPage();
    const demo = DEMO_PAGES.find((p) => p.id === 'salesforce-opportunity')!;
    const t2 = performance.now();
    await crm.goto(demo.url);
    await (await sidebarFrame(crm, 120_000)).locator('.fl-panel').waitFor({ timeout: 120_000 });
    report('first sidebar after activation (worker loads pack + index)', ms(performance.now() - t2));
  } finally {
    await context.close();
  }
}
if (args.includes('--keep')) console.log(`\nfolder: ${src}\npack:   ${packFile}`);
else rmSync(dir, { recursive: true, force: true });
