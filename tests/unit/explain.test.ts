/**
 * `npm run explain`: every page fixture through the CLI (in-process, and spawned for a
 * few) gives the fixture's expected context; null pages say why; a missing file or a bad
 * pack exits non-zero with a clear message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK, runExplain, savedFromUrl } from '../../scripts/explain';
import { explainPage } from '../../scripts/explain/explain';
import { formatExplain } from '../../scripts/explain/format';
import type { KnowledgePack } from '../../utils/pack/schema';
import { validatePackText } from '../../utils/pack/validate';
import { fixtures, REPO, type Fixture } from './sites/helpers';

const KEYS = ['site', 'recordType', 'recordId', 'accountName', 'domains', 'emails', 'stage', 'competitorsField'] as const;

const tmp = mkdtempSync(join(tmpdir(), 'frontline-explain-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const samplePack = (): KnowledgePack => {
  const r = validatePackText(readFileSync(DEFAULT_PACK, 'utf8'));
  if (!r.ok) throw new Error(`sample pack invalid: ${JSON.stringify(r.errors)}`);
  return r.pack;
};

/** The pack file a fixture is explained with: the sample pack, plus the fixture's `sites` rules when it has some. */
function packFor(f: Fixture): string | null {
  if (!f.rules?.length) return null;
  const path = join(tmp, `${f.site}-${f.name}.pack.json`);
  const raw = JSON.parse(readFileSync(DEFAULT_PACK, 'utf8'));
  writeFileSync(path, JSON.stringify({ ...raw, sites: f.rules }));
  return path;
}

function cli(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runExplain(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

function spawnCli(argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/explain.ts', ...argv], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const argsFor = (f: Fixture, extra: string[] = []) => {
  const pack = packFor(f);
  return [f.html, '--url', f.url, ...(pack ? ['--pack', pack] : []), ...extra];
};

const all = fixtures();

describe('explain --json on every page fixture', () => {
  it('covers fixtures of every site, null cases included', () => {
    expect(new Set(all.map((f) => f.site)).size).toBeGreaterThanOrEqual(8);
    expect(all.some((f) => f.context === null)).toBe(true);
  });

  for (const f of all) {
    it(`${f.site}/${f.name}`, () => {
      const { code, out, err } = cli(argsFor(f, ['--json']));
      expect(err).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(out);
      if (f.context === null) {
        expect(Object.keys(json).sort()).toEqual(['context', 'match', 'reason']);
        expect(json.context).toBeNull();
        expect(json.match).toBeNull();
        expect(typeof json.reason).toBe('string');
        expect(json.reason.length).toBeGreaterThan(20);
        return;
      }
      expect(Object.keys(json).sort()).toEqual(['context', 'match']);
      for (const k of KEYS) expect(json.context[k], k).toEqual(f.context[k]);
      // …and everything else the adapter read, text included
      expect(json.context).toEqual(f.context);
      const m = json.match;
      expect(m.account === null || (typeof m.account.id === 'string' && typeof m.account.name === 'string')).toBe(true);
      expect(Array.isArray(m.candidates)).toBe(true);
      expect(Array.isArray(m.reasons)).toBe(true);
      for (const c of m.competitors) {
        expect(c).toMatchObject({ id: expect.any(String), name: expect.any(String) });
        expect(c.evidence).toMatchObject({ sources: expect.any(Array), mentionCount: expect.any(Number), snippets: expect.any(Array), reasons: expect.any(Array) });
      }
      expect(m.stage === null || (typeof m.stage.playbookId === 'string' && typeof m.stage.stageId === 'string')).toBe(true);
      expect(m.health === null || (typeof m.health.score === 'number' && typeof m.health.band === 'string')).toBe(true);
    });
  }
});

describe('explain as a separate process', { timeout: 30_000 }, () => {
  const byName = (site: string, name: string) => all.find((f) => f.site === site && f.name === name)!;

  it('prints exactly one JSON object for a Salesforce opportunity', () => {
    const f = byName('salesforce', 'opportunity');
    const r = spawnCli(argsFor(f, ['--json']));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out); // throws on anything but one JSON document
    for (const k of KEYS) expect(json.context[k], k).toEqual(f.context![k]);
  });

  it('reads a self-hosted CRM with the pack given by --pack', () => {
    const f = byName('generic', 'suitecrm-opportunity');
    const r = spawnCli(argsFor(f, ['--json']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).context).toEqual(f.context);
  });

  it('a page it cannot read exits 0, says why, in both modes', () => {
    const f = byName('gmail', 'inbox');
    const json = spawnCli(argsFor(f, ['--json']));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ context: null, match: null, reason: expect.stringMatching(/mail\.google\.com is Gmail, but this page shows no open thread/) });
    const text = spawnCli(argsFor(f));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/No record read: mail\.google\.com is Gmail, but this page shows no open thread/);
  });

  it('a missing page file exits non-zero', () => {
    const r = spawnCli([join(tmp, 'nope.html'), '--url', 'https://app.hubspot.com/contacts/1/record/0-2/2']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/page file not found: .*nope\.html/);
    expect(r.out).toBe('');
  });
});

describe('explain: readable report', () => {
  it('shows the context, the account with its reasons, competitors with evidence, playbook, stage and health', () => {
    const { code, out } = cli([join(REPO, 'scripts/demo/pages/salesforce-opportunity.html'), '--url', 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view']);
    expect(code).toBe(0);
    for (const line of [
      /Site\s+Salesforce — opportunity 0065g00000NwOpp1AAB/,
      /Account name\s+Northwind Traders \(CRM account id 0015g00000NwTrdAAB\)/,
      /Domains\s+northwindtraders\.com/,
      /E-mails\s+nancy\.davolio@northwindtraders\.com/,
      /Stage\s+Proposal\/Price Quote/,
      /Competitor field\s+Globex Analytics/,
      /Text\s+\d+ characters: “Northwind Traders/,
      /Account\s+Northwind Traders \[northwind\]/,
      /- salesforce record id 0015g00000NwTrdAAB is Northwind Traders/,
      /- website northwindtraders\.com matched Northwind Traders/,
      /Globex Analytics \[globex\] — CRM field, in play at the account, mentioned 2×/,
      /- competitor field says “Globex Analytics”/,
      /…the team also looked at Beacon CDP for identity resolution/,
      /Playbook\s+\S.* \[[\w-]+\]/,
      /- type “New Business” → /,
      /- CRM stage “Proposal\/Price Quote”/,
      /Health\s+\d+\/100 /,
    ])
      expect(out).toMatch(line);
  });

  it('says what was looked for when no account matched', () => {
    const f = all.find((x) => x.site === 'salesforce' && x.name === 'opportunity')!;
    const res = explainPage(readFileSync(f.html, 'utf8'), f.url, samplePack());
    const text = formatExplain(res, f.url);
    expect(res.match!.account).toBeNull();
    expect(text).toMatch(/Account\s+no account/);
    expect(text).toMatch(/looked for: CRM ids 0018c00000CtsPhAAB; domains contoso-pharma\.com; names “Contoso Pharmaceuticals”/);
    expect(text).toMatch(/Health\s+none \(no account\)/);
  });

  it('phrases reasons in zh-CN with --lang zh-CN', () => {
    const f = all.find((x) => x.site === 'gmail' && x.name === 'thread-zh')!;
    const { code, out } = cli(argsFor(f, ['--lang', 'zh-CN']));
    expect(code).toBe(0);
    expect(out).toMatch(/邮箱域名 yunshan-tech\.cn 匹配 上海云杉科技有限公司/);
  });
});

describe('explain: why a page gives no context', () => {
  const pack = samplePack();
  const why = (html: string, url: string, p = pack) => explainPage(html, url, p).reason;

  it('names the site and the URL shapes it reads', () => {
    expect(why('<html><body></body></html>', 'https://acme.lightning.force.com/lightning/o/Account/list')).toMatch(
      /^acme\.lightning\.force\.com is Salesforce, but \/lightning\/o\/Account\/list is not one record's page \(a record is \/lightning\/r\//,
    );
    expect(why('<html></html>', 'https://acme.lightning.force.com/lightning/r/Task/00T5g00000NwCl1AAB/view')).toMatch(/is a Task record, which Frontline does not read/);
    expect(why('<html></html>', 'https://outlook.office.com/mail/inbox')).toMatch(/^outlook\.office\.com is Outlook on the web, but no message is open/);
  });

  it('says when the URL is a record but the page holds none', () => {
    expect(why('<html><body><div class="oneContent"></div></body></html>', 'https://acme.lightning.force.com/lightning/r/Account/0015g00000NwTrdAAB/view')).toMatch(
      /is Salesforce and the URL is a record, but the page holds no Lightning page host/,
    );
    expect(why('<html><body><div role="main"></div></body></html>', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadAcme01')).toMatch(
      /is Gmail and the URL is a record, but the page shows none: the main region holds no conversation/,
    );
  });

  it('unknown hosts, pack rules whose path does not match, and rule selectors that find nothing', () => {
    expect(why('<html></html>', 'https://crm.example.org/x')).toMatch(/^crm\.example\.org is not a site Frontline reads: .* the pack has no sites rules/);
    const withRule: KnowledgePack = {
      ...pack,
      sites: [{ id: 'suite', host: 'crm.example.org', pathPrefix: '/index.php', recordType: 'opportunity', selectors: { accountName: '.acct', emails: 'a[href^="mailto:"]' } }],
    };
    expect(why('<html></html>', 'https://crm.example.org/other', withRule)).toMatch(/has pack rules, but none covers the path \/other: "suite" needs a path starting with \/index\.php/);
    expect(why('<html><body><span class="acct"> </span></body></html>', 'https://crm.example.org/index.php?record=1', withRule)).toMatch(
      /read by the pack rule "suite", but it found no account name, account id, website or e-mail on this page \(accountName "\.acct": matched 1 element, none with a value; accountId: no reader; website: no reader; emails "a\[href\^="mailto:"\]": matched nothing\)/,
    );
  });
});

describe('explain: bad input', () => {
  const page = join(REPO, 'tests/fixtures/pages/hubspot/company.html');
  const url = 'https://app.hubspot.com/contacts/4411223/record/0-2/7788990011';

  it('a pack that fails validation exits non-zero and lists each error with its path', () => {
    const raw = JSON.parse(readFileSync(DEFAULT_PACK, 'utf8'));
    raw.accounts[0].domains = ['https://not a domain'];
    delete raw.meta.id;
    const bad = join(tmp, 'bad.pack.json');
    writeFileSync(bad, JSON.stringify(raw));
    const r = cli([page, '--url', url, '--pack', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/bad\.pack\.json is not a valid knowledge pack \(\d+ errors?\)/);
    expect(r.err).toMatch(/^ {2}accounts\[0\]\.domains\[0\]: /m);
    expect(r.err).toMatch(/^ {2}meta\.id: required field is missing/m);
  });

  it('a pack that is not JSON, or missing, exits non-zero', () => {
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{ "meta": ');
    expect(cli([page, '--url', url, '--pack', notJson])).toMatchObject({ code: 1, err: expect.stringMatching(/\(file\): not valid JSON/) });
    expect(cli([page, '--url', url, '--pack', join(tmp, 'absent.json')])).toMatchObject({ code: 1, err: expect.stringMatching(/pack file not found: .*absent\.json/) });
  });

  it('usage errors exit 2', () => {
    expect(cli([]).code).toBe(2);
    expect(cli([page]).err).toMatch(/--url is required/);
    expect(cli([page, '--url', 'not a url']).code).toBe(2);
    expect(cli([page, '--url', url, '--lang', 'fr']).code).toBe(2);
    expect(cli([page, '--url', url, '--bogus']).code).toBe(2);
  });

  it('takes the URL from a "saved from url" comment when --url is left out', () => {
    expect(savedFromUrl('<!DOCTYPE html>\n<!-- saved from url=(0061)https://app.hubspot.com/contacts/4411223/record/0-2/7788990011 -->\n<html>')).toBe(url);
    const saved = join(tmp, 'saved.html');
    writeFileSync(saved, `<!-- saved from url=(0061)${url} -->\n${readFileSync(page, 'utf8')}`);
    const r = cli([saved, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).context.recordId).toBe('7788990011');
  });
});
