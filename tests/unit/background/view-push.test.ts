/**
 * The background's end of pushed views: only our sidebar frames' ports are kept, a
 * tab's reading goes to that tab's frames only, built once per language, and a frame
 * that connects after the reading gets it when it says its language.
 */
import { describe, expect, it } from 'vitest';
import { createViewPush, EARLY_VIEW_MS } from '../../../utils/background/viewPush';
import { takesPush, VIEW_PORT, type PortLike, type Reading, type ViewPush } from '../../../utils/ui/viewPort';
import type { PageContext } from '../../../utils/sites/types';
import type { SidebarView } from '../../../utils/view/types';

const FRAME = 'chrome-extension://ext/sidebar.html';
const ctx = (recordId: string): PageContext => ({ site: 'salesforce', recordType: 'opportunity', recordId, accountName: 'Acme', domains: [], emails: [], stage: null, competitorsField: [], text: '' });
const TOKEN = 'tok-1';
const reading = (seq: number, c: PageContext | null, token = TOKEN): Reading => ({ seq, token, init: { seq, ctx: c, canInsert: false, exposure: { hidden: null, covered: [] } } });

function fakePort(tabId: number | undefined, over: Partial<PortLike> = {}) {
  const got: ViewPush[] = [];
  const listeners: ((m: unknown) => void)[] = [];
  const gone: (() => void)[] = [];
  const port: PortLike = {
    name: VIEW_PORT,
    sender: { id: 'ext', url: `${FRAME}?site=salesforce`, tab: tabId === undefined ? undefined : { id: tabId } },
    postMessage: (m) => void got.push(m as ViewPush),
    onMessage: { addListener: (fn) => void listeners.push(fn) },
    onDisconnect: { addListener: (fn) => void gone.push(fn) },
    ...over,
  };
  return { port, got, say: (m: unknown) => listeners.forEach((l) => l(m)), disconnect: () => gone.forEach((g) => g()) };
}

function setup(opts: { expectedLang?: 'en' | 'zh-CN' } = {}) {
  const builds: string[] = [];
  const shown: number[] = [];
  const clock = { t: 1_000 };
  const push = createViewPush({
    build: async (c, lang) => {
      builds.push(`${c.recordId}:${lang}`);
      return { recordKey: `sf:${c.recordId}`, lang, built: builds.length } as unknown as SidebarView;
    },
    shown: (tabId) => void shown.push(tabId),
    runtimeId: 'ext',
    framePage: FRAME,
    expectedLang: opts.expectedLang ? async () => opts.expectedLang! : undefined,
    now: () => clock.t,
  });
  return { push, builds, shown, clock };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('pushed views, the background', () => {
  it("pushes a tab's reading with its view to that tab's frames only", async () => {
    const { push, builds, shown } = setup();
    const mine = fakePort(1);
    const other = fakePort(2);
    push.accept(mine.port);
    push.accept(other.port);
    mine.say({ type: 'lang', lang: 'en', token: TOKEN });
    other.say({ type: 'lang', lang: 'en', token: TOKEN });
    expect(await push.prime(1, reading(1, ctx('006A')))).toBe(1);
    expect(mine.got).toMatchObject([{ type: 'pushed', seq: 1, lang: 'en', init: { ctx: { recordId: '006A' } }, view: { recordKey: 'sf:006A' } }]);
    expect(other.got).toEqual([]);
    expect(builds).toEqual(['006A:en']);
    expect(shown).toEqual([1]);
  });

  it('pushes nothing to a frame without the reading\'s token (a copy the page loaded itself)', async () => {
    const { push, builds } = setup();
    const rogue = fakePort(1);
    push.accept(rogue.port);
    rogue.say({ type: 'lang', lang: 'en', token: 'guessed' });
    expect(await push.prime(1, reading(1, ctx('006A')))).toBe(0);
    expect(rogue.got).toEqual([]);
    expect(builds).toEqual([]);
    // Nor when it connects after the reading.
    const late = fakePort(1);
    push.accept(late.port);
    late.say({ type: 'lang', lang: 'en', token: 'guessed' });
    await new Promise((r) => setTimeout(r, 0));
    expect(late.got).toEqual([]);
  });

  it('keeps no port that is not our sidebar frame in a tab', () => {
    const { push } = setup();
    expect(push.accept(fakePort(1, { name: 'other' }).port)).toBe(false);
    expect(push.accept(fakePort(undefined).port)).toBe(false);
    expect(push.accept(fakePort(1, { sender: { id: 'ext', url: 'chrome-extension://ext/options.html', tab: { id: 1 } } }).port)).toBe(false);
    expect(push.accept(fakePort(1, { sender: { id: 'evil', url: `${FRAME}`, tab: { id: 1 } } }).port)).toBe(false);
    expect(push.accept(fakePort(1, { sender: { id: 'ext', url: 'https://acme.my.salesforce.com/sidebar.html', tab: { id: 1 } } }).port)).toBe(false);
  });

  it('builds once per language, and pushes nothing to a frame that has not said its language', async () => {
    const { push, builds } = setup();
    const en = fakePort(1);
    const zh = fakePort(1);
    const silent = fakePort(1);
    [en, zh, silent].forEach((p) => push.accept(p.port));
    en.say({ type: 'lang', lang: 'en', token: TOKEN });
    zh.say({ type: 'lang', lang: 'zh-CN', token: TOKEN });
    zh.say({ type: 'lang', lang: 'fr', token: TOKEN });
    await push.prime(1, reading(1, ctx('006A')));
    expect(builds.sort()).toEqual(['006A:en', '006A:zh-CN']);
    expect(zh.got[0].lang).toBe('zh-CN');
    expect(silent.got).toEqual([]);
  });

  it('a frame that connects after the reading gets it when it says its language; a closed one gets nothing more', async () => {
    const { push } = setup();
    await push.prime(1, reading(3, ctx('006A')));
    const late = fakePort(1);
    push.accept(late.port);
    late.say({ type: 'lang', lang: 'en', token: TOKEN });
    await new Promise((r) => setTimeout(r, 0));
    expect(late.got.map((g) => g.seq)).toEqual([3]);
    late.disconnect();
    await push.prime(1, reading(4, ctx('006B')));
    expect(late.got).toHaveLength(1);
  });

  it('a reading no frame is connected for yet is built at once in the rep\'s language, and handed to the frame that connects', async () => {
    const { push, builds } = setup({ expectedLang: 'zh-CN' });
    expect(await push.prime(1, reading(3, ctx('006A')))).toBe(0);
    await settle();
    // Built while the frame loads, before any frame said anything.
    expect(builds).toEqual(['006A:zh-CN']);
    const late = fakePort(1);
    push.accept(late.port);
    late.say({ type: 'lang', lang: 'zh-CN', token: TOKEN });
    await settle();
    expect(late.got).toMatchObject([{ seq: 3, lang: 'zh-CN', view: { recordKey: 'sf:006A', built: 1 } }]);
    expect(builds).toEqual(['006A:zh-CN']);
    // A frame in another language gets a view built in its own.
    const other = fakePort(1);
    push.accept(other.port);
    other.say({ type: 'lang', lang: 'en', token: TOKEN });
    await settle();
    expect(other.got).toMatchObject([{ seq: 3, lang: 'en' }]);
    expect(builds).toEqual(['006A:zh-CN', '006A:en']);
  });

  it('a view built early is not handed over once it is old: the frame gets one built afresh', async () => {
    const { push, builds, clock } = setup({ expectedLang: 'en' });
    await push.prime(1, reading(3, ctx('006A')));
    await settle();
    clock.t += EARLY_VIEW_MS + 1;
    const late = fakePort(1);
    push.accept(late.port);
    late.say({ type: 'lang', lang: 'en', token: TOKEN });
    await settle();
    expect(builds).toEqual(['006A:en', '006A:en']);
    expect(late.got).toMatchObject([{ seq: 3, view: { built: 2 } }]);
  });

  it('hands the view built early to the first frame that connects only: a frame reloaded after it gets one built afresh', async () => {
    const { push, builds } = setup({ expectedLang: 'en' });
    await push.prime(1, reading(3, ctx('006A')));
    await settle();
    const first = fakePort(1);
    push.accept(first.port);
    first.say({ type: 'lang', lang: 'en', token: TOKEN });
    await settle();
    first.disconnect();
    const reloaded = fakePort(1);
    push.accept(reloaded.port);
    reloaded.say({ type: 'lang', lang: 'en', token: TOKEN });
    await settle();
    expect(first.got).toMatchObject([{ view: { built: 1 } }]);
    expect(reloaded.got).toMatchObject([{ view: { built: 2 } }]);
    expect(builds).toEqual(['006A:en', '006A:en']);
  });

  it('builds nothing early for no record, nor for a reading overtaken before its language is known', async () => {
    const { push, builds } = setup({ expectedLang: 'en' });
    await push.prime(1, reading(1, null));
    const first = push.prime(1, reading(2, ctx('006A')));
    await push.prime(1, reading(3, ctx('006B')));
    await first;
    await settle();
    expect(builds).toEqual(['006B:en']);
  });

  it('leaving the record pushes the empty reading without building; an older reading than the last is not pushed', async () => {
    const { push, builds } = setup();
    const f = fakePort(1);
    push.accept(f.port);
    f.say({ type: 'lang', lang: 'en', token: TOKEN });
    await push.prime(1, reading(5, null));
    expect(f.got).toMatchObject([{ seq: 5, view: null, init: { ctx: null } }]);
    expect(await push.prime(1, reading(4, ctx('006A')))).toBe(0);
    expect(builds).toEqual([]);
  });

  it("a page loaded in the tab since starts its readings at 1 again: its first is pushed, whatever the last page's number was", async () => {
    const { push, builds } = setup({ expectedLang: 'en' });
    // The last page's content script read its record twice (half-rendered, then settled).
    await push.prime(1, reading(1, ctx('006A')));
    await push.prime(1, reading(2, ctx('006A')));
    // A full page load in the same tab: a new content script, a new token, numbering from 1.
    await push.prime(1, reading(1, ctx('006B'), 'tok-2'));
    await settle();
    const f = fakePort(1);
    push.accept(f.port);
    f.say({ type: 'lang', lang: 'en', token: 'tok-2' });
    await settle();
    expect(f.got).toMatchObject([{ seq: 1, init: { ctx: { recordId: '006B' } }, view: { recordKey: 'sf:006B' } }]);
    expect(builds.at(-1)).toBe('006B:en');
  });
});

describe('view:prime, the handler', () => {
  it('only a content script in a top frame primes its own tab', async () => {
    const { createService } = await import('../../../utils/background/service');
    const { openFrontlineDb } = await import('../../../utils/store/db');
    const db = await openFrontlineDb('frontline-view-prime');
    const primed: number[] = [];
    const s = createService({ getDb: async () => db, views: { prime: async (tabId) => (primed.push(tabId), 1) } });
    const r = reading(1, ctx('006A'));
    expect(await s['view:prime'](r, { tabId: 7, frameId: 0, extensionPage: false })).toEqual({ pushed: 1 });
    expect(await s['view:prime'](r, { tabId: 7, frameId: 3, extensionPage: false })).toEqual({ pushed: 0 });
    expect(await s['view:prime'](r, { tabId: 7, frameId: 0, extensionPage: true })).toEqual({ pushed: 0 });
    expect(await s['view:prime'](r, { extensionPage: false })).toEqual({ pushed: 0 });
    expect(primed).toEqual([7]);
  });
});

describe('the frame takes a push', () => {
  const view = {} as SidebarView;
  it('of a newer reading, with or without its view', () => {
    expect(takesPush({ seq: 3, view }, 2, false)).toBe(true);
    expect(takesPush({ seq: 3, view: null }, 2, false)).toBe(true);
  });

  it('of the reading it pulled first, while that reading has no view yet: the push carries it built', () => {
    expect(takesPush({ seq: 2, view }, 2, true)).toBe(true);
  });

  it('not of a reading it already shows, nor of an older one, nor one pushed without a view', () => {
    expect(takesPush({ seq: 2, view }, 2, false)).toBe(false);
    expect(takesPush({ seq: 2, view: null }, 2, true)).toBe(false);
    expect(takesPush({ seq: 1, view }, 2, true)).toBe(false);
  });
});
