/**
 * The demo pages navigate in place like the SPAs they imitate (pushState for Salesforce and
 * HubSpot, the hash for Gmail). Each page's own inline script is run here on linkedom with a
 * small stand-in for `location` and `history`, and the registry reads every record it
 * renders, so the e2e navigation test can rely on what the sidebar will be given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PAGES } from '../../../scripts/demo/routes';
import { explainPage } from '../../../scripts/explain/explain';
import { validatePackText } from '../../../utils/pack/validate';
import { extractPage } from '../../../utils/sites/registry';
import type { PageContext } from '../../../utils/sites/types';
import { DEMO_PAGES_DIR, REPO, load } from './helpers';

const SF_FIRST = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000NwOpp1AAB/view';
const SF_ACME = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000AcmOpAAB/view';
const HS_FIRST = 'https://app.hubspot.com/contacts/4411223/record/0-2/9876543210';
const HS_ACME = 'https://app.hubspot.com/contacts/4411223/record/0-2/1234567890';
const GM_ACME = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadAcme01';
const GM_NW = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadNwnd02';
const GM_INBOX = 'https://mail.google.com/mail/u/0/#inbox';

interface Booted {
  document: Document;
  url: () => URL;
  /** Clicks the element; false when a link was followed as a full page load (not intercepted). */
  click: (selector: string) => boolean;
  back: () => void;
  setHash: (hash: string) => void;
  context: () => PageContext | null;
  /** How many history entries the page pushed. */
  pushes: () => number;
}

/** Loads a demo page at `at` and runs its inline scripts against a stand-in window, location and history. */
function boot(file: string, at: string, edit: (html: string) => string = (h) => h): Booted {
  const { window: lw, document } = parseHTML(edit(readFileSync(join(DEMO_PAGES_DIR, file), 'utf8')));
  const win = new EventTarget();
  const entries = [new URL(at)];
  let index = 0;
  let pushes = 0;
  const cur = () => entries[index];
  const go = (next: URL) => {
    entries.splice(index + 1, Infinity, next);
    index++;
    pushes++;
  };
  const location = {
    get href() { return cur().href; },
    get origin() { return cur().origin; },
    get pathname() { return cur().pathname; },
    get search() { return cur().search; },
    get hash() { return cur().hash; },
    set hash(value: string) {
      const next = new URL(cur().href);
      next.hash = value;
      if (next.href === cur().href) return;
      go(next);
      win.dispatchEvent(new Event('hashchange'));
    },
  };
  const history = {
    pushState: (_s: unknown, _t: string, u: string) => go(new URL(u, cur().href)),
    replaceState: (_s: unknown, _t: string, u: string) => void (entries[index] = new URL(u, cur().href)),
    back: () => {
      if (index === 0) return;
      const from = cur();
      index--;
      win.dispatchEvent(new Event('popstate'));
      if (from.hash !== cur().hash) win.dispatchEvent(new Event('hashchange'));
    },
  };
  const scripts = Array.from(document.querySelectorAll('script:not([src])'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) new Function('window', 'document', 'location', 'history', s.textContent ?? '')(win, document, location, history);

  const doc = document as unknown as Document;
  return {
    document: doc,
    url: () => new URL(cur().href),
    click: (selector) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`nothing matches ${selector}`);
      const ev = new lw.Event('click', { bubbles: true, cancelable: true });
      el.dispatchEvent(ev);
      return !(el.closest('a[href]') && !ev.defaultPrevented);
    },
    back: history.back,
    setHash: (h) => (location.hash = h),
    context: () => extractPage(doc, new URL(cur().href)),
    pushes: () => pushes,
  };
}

/** What the registry reads from the page as served, with no script run. */
const staticContext = (file: string, url: string) => extractPage(load(join(DEMO_PAGES_DIR, file)), new URL(url));

const pack = (() => {
  const r = validatePackText(readFileSync(join(REPO, 'assets/sample-pack.json'), 'utf8'));
  if (!r.ok) throw new Error('sample pack invalid');
  return r.pack;
})();

/** The sidebar's answer for the page as it is now (the matcher on the sample pack). */
const matchNow = (b: Booted) => explainPage(b.document.documentElement.outerHTML, b.url(), pack).match!;

describe('routes', () => {
  it('every alias is on its page host and is not another page URL', () => {
    const all = DEMO_PAGES.flatMap((p) => [p.url, ...(p.aliases ?? [])]);
    expect(new Set(all).size).toBe(all.length);
    for (const p of DEMO_PAGES) {
      expect(p.aliases?.length, p.id).toBeGreaterThan(0);
      for (const a of p.aliases ?? []) expect(new URL(a).host).toBe(new URL(p.url).host);
    }
  });
});

describe('Salesforce demo: in-place navigation', () => {
  const FILE = 'salesforce-opportunity.html';
  const ACME_LINK = `a[data-recent-record][href="${new URL(SF_ACME).pathname}"]`;
  const FIRST_LINK = `a[data-recent-record][href="${new URL(SF_FIRST).pathname}"]`;
  const acme: Partial<PageContext> = {
    site: 'salesforce',
    recordType: 'opportunity',
    recordId: '0065g00000AcmOpAAB',
    accountName: 'Acme Corporation',
    accountId: '0015g00000AcmeCAAB',
    domains: ['acme.com'],
    emails: ['j.smith@acme.com'],
    stage: 'Qualification',
    opportunityType: 'New Business',
    amount: '$220,000.00',
    closeDate: '9/30/2026',
    competitorsField: ['Globex'],
  };

  it('loaded at its URL, the script leaves the first record exactly as served', () => {
    const served = load(join(DEMO_PAGES_DIR, FILE)).querySelector('.windowViewMode-normal.oneContent.active')!.innerHTML;
    const b = boot(FILE, SF_FIRST);
    expect(b.document.querySelector('.windowViewMode-normal.oneContent.active')!.innerHTML).toBe(served);
    expect(b.context()).toEqual(staticContext(FILE, SF_FIRST));
    expect(b.pushes()).toBe(0);
  });

  it('the Recent link pushes the second record’s Lightning URL and swaps the record in the page host, header kept', () => {
    const b = boot(FILE, SF_FIRST);
    const header = b.document.querySelector('#oneHeader');
    expect(b.click(ACME_LINK)).toBe(true);
    expect(b.url().href).toBe(SF_ACME);
    expect(b.pushes()).toBe(1);
    expect(b.document.querySelector('#oneHeader')).toBe(header);
    expect(b.document.title).toBe('Acme Corporation — Analytics Rollout | Opportunity | Salesforce');
    expect(b.document.querySelector(ACME_LINK)!.getAttribute('aria-current')).toBe('page');
    expect(b.document.querySelector(FIRST_LINK)!.hasAttribute('aria-current')).toBe(false);
    const ctx = b.context()!;
    expect(ctx).toMatchObject(acme);
    expect(ctx.text).toContain('Globex demoed its dashboards');
    expect(ctx.text).not.toContain('Northwind');
    // still one active page host; the cached hidden one is untouched
    expect(b.document.querySelectorAll('.windowViewMode-normal.oneContent.active')).toHaveLength(1);
    expect(b.document.querySelectorAll('.oneContent.lafPageHost')).toHaveLength(2);
  });

  it('back returns to the first record; clicking the record on screen pushes nothing', () => {
    const b = boot(FILE, SF_FIRST);
    b.click(ACME_LINK);
    b.back();
    expect(b.url().href).toBe(SF_FIRST);
    expect(b.context()).toEqual(staticContext(FILE, SF_FIRST));
    b.click(FIRST_LINK);
    expect(b.pushes()).toBe(1);
  });

  it('a reload on the second record’s URL shows the second record', () => {
    const b = boot(FILE, SF_ACME);
    expect(b.context()).toMatchObject(acme);
    expect(b.document.title).toMatch(/^Acme Corporation/);
    b.click(FIRST_LINK);
    expect(b.url().href).toBe(SF_FIRST);
    expect(b.context()).toEqual(staticContext(FILE, SF_FIRST));
  });

  it('ten navigations alternate the two records', () => {
    const b = boot(FILE, SF_FIRST);
    for (let i = 0; i < 10; i++) {
      b.click(i % 2 === 0 ? ACME_LINK : FIRST_LINK);
      expect(b.context()!.recordId).toBe(i % 2 === 0 ? '0065g00000AcmOpAAB' : '0065g00000NwOpp1AAB');
    }
    expect(b.pushes()).toBe(10);
  });

  it('the sidebar would show Acme Corporation with Globex at Qualification', () => {
    const b = boot(FILE, SF_ACME);
    const m = matchNow(b);
    expect(m.account).toEqual({ id: 'acme', name: 'Acme Corporation' });
    expect(m.competitors.map((c) => c.id)).toContain('globex');
    expect(m.stage).toMatchObject({ stageId: expect.any(String) });
    expect(m.reasons.some((r) => r.code === 'stage_crm' && r.params.stage === 'Qualification')).toBe(true);
  });
});

describe('HubSpot demo: in-place navigation', () => {
  const FILE = 'hubspot-company.html';
  const ACME_LINK = `a[data-recent-record][href="${new URL(HS_ACME).pathname}"]`;
  const FIRST_LINK = `a[data-recent-record][href="${new URL(HS_FIRST).pathname}"]`;
  const acme: Partial<PageContext> = {
    site: 'hubspot',
    recordType: 'company',
    recordId: '1234567890',
    accountName: 'Acme Corporation',
    accountId: '1234567890',
    domains: ['acme.com'],
    emails: ['j.smith@acme.com', 'procurement@acme.co.uk'],
    stage: null,
    competitorsField: [],
  };

  it('loaded at its URL, the script leaves the first record exactly as served', () => {
    const served = load(join(DEMO_PAGES_DIR, FILE)).querySelector('[data-test-id="record-page"]')!.innerHTML;
    const b = boot(FILE, HS_FIRST);
    expect(b.document.querySelector('[data-test-id="record-page"]')!.innerHTML).toBe(served);
    expect(b.context()).toEqual(staticContext(FILE, HS_FIRST));
  });

  it('the Recently viewed link pushes the company URL and swaps the record page in place, nav kept', () => {
    const b = boot(FILE, HS_FIRST);
    const nav = b.document.querySelector('#hs-nav-v4');
    expect(b.click(ACME_LINK)).toBe(true);
    expect(b.url().href).toBe(HS_ACME);
    expect(b.document.querySelector('#hs-nav-v4')).toBe(nav);
    expect(b.document.title).toBe('Acme Corporation | HubSpot');
    const ctx = b.context()!;
    expect(ctx).toMatchObject(acme);
    expect(ctx.text).toContain('Globex offered the same scope');
    expect(ctx.text).not.toContain('数策');
    b.back();
    expect(b.context()).toEqual(staticContext(FILE, HS_FIRST));
  });

  it('a reload on the second record’s URL shows the second record', () => {
    const b = boot(FILE, HS_ACME);
    expect(b.context()).toMatchObject(acme);
  });

  it('the sidebar would show Acme Corporation with Globex', () => {
    const m = matchNow(boot(FILE, HS_ACME));
    expect(m.account).toEqual({ id: 'acme', name: 'Acme Corporation' });
    expect(m.competitors.map((c) => c.id)).toContain('globex');
  });
});

describe('Gmail demo: hash navigation', () => {
  const FILE = 'gmail-thread.html';
  const NW_ROW = 'tr.zA[data-demo-thread="FMfcgzQbdXyzThreadNwnd02"]';
  const ACME_ROW = 'tr.zA[data-demo-thread="FMfcgzQbdXyzThreadAcme01"]';
  const northwind: Partial<PageContext> = {
    site: 'gmail',
    recordType: 'thread',
    recordId: 'FMfcgzQbdXyzThreadNwnd02',
    subject: 'Northwind — Beacon CDP trial results',
    ownEmail: 'alex.morgan@lumora.io',
    emails: ['nancy.davolio@northwindtraders.com', 'andrew.fuller@northwindtraders.com'],
    domains: [],
    accountName: null,
    stage: null,
  };

  it('loaded at its URL, the script leaves the first thread exactly as served', () => {
    const served = load(join(DEMO_PAGES_DIR, FILE)).querySelector('.aeF > .nH')!.innerHTML;
    const b = boot(FILE, GM_ACME);
    expect(b.document.querySelector('.aeF > .nH')!.innerHTML).toBe(served);
    expect(b.context()).toEqual(staticContext(FILE, GM_ACME));
  });

  it('Back to Inbox shows the list (no record); a row opens its thread by hash', () => {
    const b = boot(FILE, GM_ACME);
    b.click('[role="button"][aria-label="Back to Inbox"]');
    expect(b.url().href).toBe(GM_INBOX);
    expect(b.context()).toBeNull();
    expect(b.document.querySelectorAll('[role="main"] tr.zA').length).toBeGreaterThanOrEqual(3);
    expect(b.document.title).toMatch(/^Inbox/);

    b.click(NW_ROW);
    expect(b.url().href).toBe(GM_NW);
    const ctx = b.context()!;
    expect(ctx).toMatchObject(northwind);
    expect(ctx.participants).toEqual(
      expect.arrayContaining([
        { name: 'Nancy Davolio', email: 'nancy.davolio@northwindtraders.com', role: 'from' },
        { name: 'Alex Morgan', email: 'alex.morgan@lumora.io', role: 'to' },
        { name: 'Andrew Fuller', email: 'andrew.fuller@northwindtraders.com', role: 'cc' },
      ]),
    );
    expect(ctx.text).toContain('Beacon CDP trial');
    expect(ctx.text).not.toContain('Globex');
    // the reply box the sidebar inserts into is there too
    const box = b.document.querySelector('div[contenteditable="true"][role="textbox"][aria-label="Message Body"]');
    expect(box?.closest('.M9')?.closest('.ip')).toBeTruthy();
  });

  it('Older / Newer move between the two threads; setting the hash switches too', () => {
    const b = boot(FILE, GM_NW);
    expect(b.context()).toMatchObject(northwind);
    b.click('[role="button"][aria-label="Older"]');
    expect(b.url().href).toBe(GM_ACME);
    expect(b.context()).toEqual(staticContext(FILE, GM_ACME));
    b.click('[role="button"][aria-label="Older"]'); // the oldest: disabled
    expect(b.url().href).toBe(GM_ACME);
    b.click('[role="button"][aria-label="Newer"]');
    expect(b.url().href).toBe(GM_NW);
    b.setHash('#inbox/FMfcgzQbdXyzThreadAcme01');
    expect(b.context()!.recordId).toBe('FMfcgzQbdXyzThreadAcme01');
    b.back();
    expect(b.context()!.recordId).toBe('FMfcgzQbdXyzThreadNwnd02');
  });

  it('loads at the list or at the second thread; no hash means the inbox', () => {
    const list = boot(FILE, GM_INBOX);
    expect(list.context()).toBeNull();
    list.click(ACME_ROW);
    expect(list.context()).toEqual(staticContext(FILE, GM_ACME));
    expect(boot(FILE, GM_NW).context()).toMatchObject(northwind);
    const bare = boot(FILE, 'https://mail.google.com/mail/u/0/');
    expect(bare.url().hash).toBe('#inbox');
    expect(bare.context()).toBeNull();
    // a thread opened from a label keeps its list for Back
    const label = boot(FILE, 'https://mail.google.com/mail/u/0/#label/Customers/FMfcgzQbdXyzThreadNwnd02');
    expect(label.context()!.recordId).toBe('FMfcgzQbdXyzThreadNwnd02');
    label.click('[role="button"][aria-label="Back to Inbox"]');
    expect(label.url().hash).toBe('#label/Customers');
  });

  it('any other thread id shows the served thread, as edited copies of the page opened under other ids expect', () => {
    const other = boot(FILE, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdXyzThreadEmpty01', (h) => h.replaceAll('acme.com', 'initech.com').replaceAll('Acme', 'Contoso'));
    const ctx = other.context()!;
    expect(ctx.recordId).toBe('FMfcgzQbdXyzThreadEmpty01');
    expect(ctx.subject).toBe('Re: Contoso rollout — pricing vs Globex');
    expect(ctx.emails).toContain('j.smith@initech.com');
    // the list and the second thread still work from there
    other.click('[role="button"][aria-label="Back to Inbox"]');
    expect(other.context()).toBeNull();
    other.click(NW_ROW);
    expect(other.context()).toMatchObject(northwind);
    expect(boot(FILE, 'https://mail.google.com/mail/u/0/#inbox/p2').context()).toBeNull();
  });

  it('the sidebar would show Northwind Traders with Beacon', () => {
    const m = matchNow(boot(FILE, GM_NW));
    expect(m.account).toEqual({ id: 'northwind', name: 'Northwind Traders' });
    const beacon = m.competitors.find((c) => c.id === 'beacon');
    expect(beacon?.evidence.sources).toContain('mentions');
    expect(beacon!.evidence.mentionCount).toBeGreaterThanOrEqual(2);
  });
});

describe('Salesforce pipeline SPA: async records, a board with a record dialog', () => {
  const FILE = 'salesforce-pipeline.html';
  const HELIOS = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000HlsOpAAE/view';
  const BLUEFIN = 'https://lumora-demo.lightning.force.com/lightning/r/Opportunity/0065g00000BfnOpAA3/view';
  const BOARD = 'https://lumora-demo.lightning.force.com/lightning/o/Opportunity/list';
  const helios: Partial<PageContext> = {
    site: 'salesforce',
    recordType: 'opportunity',
    recordId: '0065g00000HlsOpAAE',
    accountName: 'Helios Renewables AG',
    accountId: '0015g00000HlsRnAAE',
    domains: ['helios-renewables.de'],
    stage: 'Negotiation/Review',
    competitorsField: ['Globex Analytics'],
  };
  const marks = () => performance.getEntriesByName('record-rendered').map((m) => (m as PerformanceMark).detail?.recordId);
  // The page's timers (fetch, chunked rendering, tickers) run on fake time.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    performance.clearMarks('record-rendered');
  });
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  it('shows the app shell first; the record and its mark come after the async fetch', () => {
    const b = boot(FILE, HELIOS);
    expect(b.context()?.accountName ?? null).toBeNull();
    expect(marks()).toEqual([]);
    vi.advanceTimersByTime(700);
    expect(b.context()).toMatchObject(helios);
    expect(marks()).toEqual(['0065g00000HlsOpAAE']);
    expect(b.document.title).toBe('Helios Renewables AG — Grid Analytics Expansion | Opportunity | Salesforce');
    // then seconds of its own rendering: related lists and hundreds of timeline rows
    const rows = () => b.document.querySelectorAll('[data-demo-timeline] li').length;
    expect(rows()).toBe(0);
    vi.advanceTimersByTime(3_000);
    expect(rows()).toBe(300);
    expect(b.context()).toMatchObject(helios);
  });

  it('a Recent link switches in place with the same pattern, and Back returns; each render marks again', () => {
    const b = boot(FILE, HELIOS);
    vi.advanceTimersByTime(3_000);
    expect(b.click('a[data-recent-record][href$="0065g00000BfnOpAA3/view"]')).toBe(true);
    expect(b.url().href).toBe(BLUEFIN);
    expect(b.context()?.accountName ?? null).toBeNull(); // loading
    vi.advanceTimersByTime(700);
    expect(b.context()).toMatchObject({ recordId: '0065g00000BfnOpAA3', accountName: 'Bluefin Capital Bank plc', domains: ['bluefinbank.co.uk'], stage: 'Value Proposition' });
    b.back();
    vi.advanceTimersByTime(700);
    expect(b.context()).toMatchObject(helios);
    expect(marks()).toEqual(['0065g00000HlsOpAAE', '0065g00000BfnOpAA3', '0065g00000HlsOpAAE']);
  });

  it('the board shows no record; a card opens its record in a dialog over the board, Close returns to it', () => {
    const b = boot(FILE, BOARD);
    vi.advanceTimersByTime(1_000);
    expect(b.context()).toBeNull();
    expect(b.document.querySelectorAll('.demo-card').length).toBeGreaterThan(40);
    b.click('a[data-board-card][href$="0065g00000StrOpAAZ/view"]');
    expect(b.url().pathname).toBe('/lightning/r/Opportunity/0065g00000StrOpAAZ/view');
    vi.advanceTimersByTime(700);
    expect(b.context()).toMatchObject({ recordId: '0065g00000StrOpAAZ', accountName: 'Stratus Health Partners B.V.', domains: ['stratushealth.nl'] });
    // the board is still there, under the dialog, and not what is read
    expect(b.document.querySelector('#demo-board-host .demo-card')).not.toBeNull();
    expect(b.document.querySelector('#demo-modal-host records-highlights2')).not.toBeNull();
    expect(b.context()!.text).not.toContain('Deal ');
    b.click('[data-modal-close]');
    expect(b.url().href).toBe(BOARD);
    expect(b.context()).toBeNull();
  });

  it('the sidebar would show Helios Renewables AG with Globex', () => {
    const b = boot(FILE, HELIOS);
    vi.advanceTimersByTime(3_000);
    const m = matchNow(b);
    expect(m.account).toEqual({ id: 'helios', name: 'Helios Renewables AG' });
    expect(m.competitors.map((c) => c.id)).toContain('globex');
  });
});
