/**
 * The sidebar model driven as the frame drives it — content-script answers in, rep
 * actions, background requests out — with the background, the content script, the
 * stored settings, the clipboard and the clock faked.
 */
import { describe, expect, it } from 'vitest';
import { effect } from '@preact/signals';
import { NOTICE_MS, SidebarModel, type SidebarDeps, type ToContentBody } from '@/utils/state/sidebar';
import type { PageContext } from '@/utils/sites/types';
import type { FrameInit } from '@/utils/ui/channel';
import { PUSH_WAIT_MS } from '@/utils/ui/viewPort';
import type { SidebarView } from '@/utils/view/types';
import type { PaletteHit } from '@/utils/search/palette';
import { PANEL_MAX, PANEL_MIN } from '@/utils/settings';

type Call = { type: string; payload: Record<string, unknown> };

function ctx(recordId: string, over: Partial<PageContext> = {}): PageContext {
  return { site: 'salesforce', recordType: 'opportunity', recordId, accountName: 'Acme', domains: [], emails: [], stage: null, competitorsField: [], text: '', ...over };
}

function viewFor(recordKey: string, accountId = 'acme'): SidebarView {
  return {
    pack: { id: 'p', name: 'Pack', version: '1' },
    recordKey,
    account: { id: accountId, name: accountId, segment: null, industry: null, region: null, owner: null },
    accountReasons: [],
    candidates: [],
    lookedFor: { ids: [], domains: [], names: [], emails: [] },
    reading: null,
    cards: [],
    stage: null,
    checklist: {
      accountId,
      playbookId: 'pb',
      stageId: 'st',
      items: [
        { id: 'a', text: 'A', required: true, done: false },
        { id: 'b', text: 'B', required: false, done: true },
      ],
      removed: [],
      doneCount: 1,
    },
    health: null,
    scenario: null,
  } as unknown as SidebarView;
}

const init = (c: PageContext | null, canInsert = false): FrameInit => ({ ctx: c, canInsert, exposure: { hidden: null, covered: [] } });

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function harness(opts: { open?: boolean; width?: number; beside?: boolean; insertAnswer?: unknown; fail?: Set<string>; stage?: { playbookId: string; stageId: string; source: string } } = {}) {
  const calls: Call[] = [];
  const sent: ToContentBody[] = [];
  const saved: { open: boolean[]; width: number[]; beside: boolean[] } = { open: [], width: [], beside: [] };
  const copied: string[] = [];
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  let now = 0;
  const ask = (async (type: string, payload: Record<string, unknown>) => {
    calls.push({ type, payload });
    if (opts.fail?.has(type)) throw new Error(`${type} failed`);
    if (type === 'view:get') {
      const v = viewFor(`sf:${(payload.ctx as PageContext).recordId}`, (payload.focus as { accountId?: string } | undefined)?.accountId ?? 'acme');
      return opts.stage ? ({ ...v, stage: { current: opts.stage } } as unknown as SidebarView) : v;
    }
    if (type === 'account:search') return [{ id: 'globex', name: 'Globex' }];
    if (type === 'search:palette') return [];
    return { ok: true };
  }) as unknown as SidebarDeps['ask'];
  const deps: SidebarDeps = {
    ask,
    send: async (msg) => {
      sent.push(msg);
      return msg.type === 'insert' ? opts.insertAnswer : undefined;
    },
    openItem: { setValue: async (v) => void saved.open.push(v) },
    widthItem: { setValue: async (v) => void saved.width.push(v) },
    besideItem: { setValue: async (v) => void saved.beside.push(v) },
    copyText: async (t) => void copied.push(t),
    after(ms, fn) {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
  };
  const model = new SidebarModel(deps, { lang: 'en', open: opts.open ?? true, width: opts.width ?? 360, beside: opts.beside ?? true });
  const clock = (ms: number) => {
    now += ms;
    for (const t of timers) if (t.live && t.at <= now) (t.live = false), t.fn();
  };
  const of = (type: string) => calls.filter((c) => c.type === type);
  return { model, calls, sent, saved, copied, clock, of };
}

describe('sidebar model: the record in view', () => {
  it('a reading pulled while its push is on its way waits for the push instead of asking for the view itself', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')), undefined, true);
    expect(h.model.status.value).toBe('loading');
    h.clock(PUSH_WAIT_MS - 1);
    await settle();
    expect(h.of('view:get')).toHaveLength(0);
    h.model.receive(init(ctx('006A')), { view: viewFor('sf:006A', 'acme'), lang: 'en' });
    expect(h.model.view.value?.recordKey).toBe('sf:006A');
    h.clock(10);
    await settle();
    expect(h.of('view:get')).toHaveLength(0);
  });

  it('asks for the view itself when the expected push has not come within PUSH_WAIT_MS', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')), undefined, true);
    h.clock(PUSH_WAIT_MS);
    await settle();
    expect(h.of('view:get')).toHaveLength(1);
    expect(h.model.view.value?.recordKey).toBe('sf:006A');
  });

  it('loads the view for the page the content script read, and shows loading until it arrives', async () => {
    const h = harness();
    expect(h.model.waiting.value).toBe(true);
    h.model.receive(init(ctx('006A')));
    expect(h.model.status.value).toBe('loading');
    await settle();
    expect(h.model.status.value).toBe('ready');
    expect(h.model.view.value?.recordKey).toBe('sf:006A');
    expect(h.model.waiting.value).toBe(false);
    expect(h.of('view:get')[0].payload).toMatchObject({ ctx: { recordId: '006A' }, lang: 'en', focus: undefined });
  });

  it('after a view with a CRM stage, reports it as seen (a write apart from the read); none for a view without one', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    await settle();
    expect(h.of('stage:seen')).toHaveLength(0);
    const withStage = harness({ stage: { playbookId: 'pb', stageId: 'st', source: 'crm' } });
    withStage.model.receive(init(ctx('006B')));
    await settle();
    expect(withStage.of('stage:seen').map((c) => c.payload)).toEqual([{ accountId: 'acme', playbookId: 'pb', stageId: 'st' }]);
  });

  it('another record: the last card is gone at once, not shown while the new view loads; the same record re-read keeps it', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    await settle();
    h.model.receive(init(ctx('006A')));
    expect(h.model.view.value?.recordKey).toBe('sf:006A');
    h.model.receive(init(ctx('006B')));
    expect(h.model.view.value).toBeNull();
    expect(h.model.waiting.value).toBe(true);
    await settle();
    expect(h.model.view.value?.recordKey).toBe('sf:006B');
    // Leaving the record (an SPA's list): nothing of it stays in the frame.
    h.model.receive(init(null));
    expect(h.model.view.value).toBeNull();
  });

  it('asks nothing when the content script has no reading', async () => {
    const h = harness();
    h.model.receive(undefined);
    await settle();
    expect(h.of('view:get')).toHaveLength(0);
    expect(h.model.canInsert.value).toBe(false);
  });

  it('a pull the content script did not answer leaves the card shown', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    await settle();
    h.model.receive(undefined);
    await settle();
    expect(h.model.view.value?.recordKey).toBe('sf:006A');
    expect(h.of('view:get')).toHaveLength(1);
  });

  it('shows the error and loads again on retry', async () => {
    const fail = new Set(['view:get']);
    const h = harness({ fail });
    h.model.receive(init(ctx('006A')));
    await settle();
    expect(h.model.status.value).toBe('error');
    expect(h.model.error.value).toBe('view:get failed');
    expect(h.model.waiting.value).toBe(false);
    fail.clear();
    h.model.retry();
    await settle();
    expect(h.model.status.value).toBe('ready');
    expect(h.model.error.value).toBeNull();
  });

  it('ticks at once, saves the tick and logs it', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    await settle();
    void h.model.tick('a', true, 'A');
    expect(h.model.view.value?.checklist?.items.find((i) => i.id === 'a')?.done).toBe(true);
    expect(h.model.view.value?.checklist?.doneCount).toBe(2);
    await settle();
    expect(h.of('checklist:set')[0].payload).toEqual({ accountId: 'acme', playbookId: 'pb', stageId: 'st', itemId: 'a', done: true, label: 'A' });
    expect(h.of('usage:log').map((c) => c.payload)).toEqual([{ kind: 'tick', playbookId: 'pb', stageId: 'st', itemId: 'a', accountId: 'acme' }]);
  });

  it('a tick the background refuses is shown as an error and the view is read again', async () => {
    const h = harness({ fail: new Set(['checklist:set']) });
    h.model.receive(init(ctx('006A')));
    await settle();
    await h.model.tick('b', false, 'B');
    expect(h.of('view:get')).toHaveLength(2);
    expect(h.model.view.value?.checklist?.items.find((i) => i.id === 'b')?.done).toBe(true);
    expect(h.of('usage:log')).toHaveLength(0);
  });

  it('a pick is saved for the record key, drops the palette focus and reloads', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    await settle();
    h.model.openHit({ kind: 'account', id: 'globex', title: 'Globex', detail: '' });
    await settle();
    await h.model.pick('initech');
    expect(h.of('account:pick')[0].payload).toEqual({ recordKey: 'sf:006A', accountId: 'initech' });
    expect(h.model.focus.value).toBeNull();
    expect(h.of('view:get').at(-1)?.payload.focus).toBeUndefined();
  });

  it('searches accounts in the sidebar language', async () => {
    const h = harness();
    expect(await h.model.search('glo')).toEqual([{ id: 'globex', name: 'Globex' }]);
    expect(h.of('account:search')[0].payload).toEqual({ query: 'glo', lang: 'en' });
  });

  it('logs read_fallback once per record, not on every re-read of it', async () => {
    const h = harness();
    const fallback = ctx('006A', { read: { layer: 'semantic', missing: 'highlights panel' } });
    h.model.receive(init(fallback));
    h.model.receive(init({ ...fallback, stage: 'Proposal' }));
    h.model.receive(init(ctx('006B', { read: { layer: 'selectors' } })));
    h.model.receive(init(ctx('006C', { read: { layer: 'page-text' } })));
    await settle();
    expect(h.of('usage:log').map(({ payload: { accountId, ...event } }) => event)).toEqual([
      { kind: 'read_fallback', site: 'salesforce', layer: 'semantic', missing: 'highlights panel' },
      { kind: 'read_fallback', site: 'salesforce', layer: 'page-text', missing: null },
    ]);
  });
});

describe('sidebar model: palette focus', () => {
  const objection: PaletteHit = { kind: 'objection', id: 'price', competitorId: 'rival', title: 'Too expensive', detail: '' };

  it('opening a hit closes the palette, shows its card, logs the view and loads with the focus', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    await settle();
    h.model.openPalette();
    expect(h.model.paletteOpen.value).toBe(true);
    h.model.openHit(objection);
    expect(h.model.paletteOpen.value).toBe(false);
    expect(h.model.browsing.value).toBe(true);
    expect(h.model.selectedCard.value).toBe('rival');
    expect(h.model.focus.value).toEqual({ accountId: undefined, competitorId: 'rival', objectionId: 'price' });
    await settle();
    expect(h.of('usage:log').map((c) => c.payload)).toEqual([{ kind: 'card_view', competitorId: 'rival', accountId: 'acme' }]);
    expect(h.of('view:get').at(-1)?.payload.focus).toEqual({ accountId: undefined, competitorId: 'rival', scenarioId: undefined });
  });

  it('keeps the browsed account when opening a scenario and logs no card view for an account', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    h.model.openHit({ kind: 'account', id: 'globex', title: 'Globex', detail: '' });
    h.model.openHit({ kind: 'scenario', id: 'renewal', title: 'Renewal', detail: '' });
    expect(h.model.focus.value).toEqual({ accountId: 'globex', scenarioId: 'renewal' });
    await settle();
    expect(h.of('usage:log')).toHaveLength(0);
  });

  it('back to the record drops the focus and the card choice and loads the record itself', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    h.model.openHit(objection);
    h.model.backToRecord();
    expect(h.model.browsing.value).toBe(false);
    expect(h.model.selectedCard.value).toBeNull();
    await settle();
    expect(h.of('view:get').at(-1)?.payload.focus).toBeUndefined();
  });

  it('another record drops what was browsed; a re-read of the same record keeps it', () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    h.model.openPalette();
    h.model.openHit(objection);
    h.model.openPalette();
    h.model.receive(init(ctx('006A')));
    expect(h.model.browsing.value).toBe(true);
    expect(h.model.paletteOpen.value).toBe(true);
    h.model.receive(init(ctx('006B')));
    expect(h.model.browsing.value).toBe(false);
    expect(h.model.selectedCard.value).toBeNull();
    expect(h.model.paletteOpen.value).toBe(false);
  });

  it('a palette opened before the first record arrived stays open when it does (nothing was browsed from a last record)', () => {
    const h = harness();
    h.model.receive(init(null));
    h.model.openPalette();
    h.model.receive(init(ctx('006A')));
    expect(h.model.paletteOpen.value).toBe(true);
    // Leaving that record closes it as before.
    h.model.receive(init(null));
    expect(h.model.paletteOpen.value).toBe(false);
  });

  it('each action is one update: an effect on focus and card sees the pair once', () => {
    const h = harness();
    const seen: string[] = [];
    const stop = effect(() => void seen.push(`${h.model.focus.value?.objectionId ?? '-'}/${h.model.selectedCard.value ?? '-'}`));
    h.model.openHit(objection);
    stop();
    expect(seen).toEqual(['-/-', 'price/rival']);
  });
});

describe('sidebar model: the panel', () => {
  it('open and close are saved and told to the content script', () => {
    const h = harness({ open: true, width: 400 });
    h.model.toggle();
    expect(h.model.open.value).toBe(false);
    h.model.toggle();
    expect(h.saved.open).toEqual([false, true]);
    expect(h.sent).toEqual([
      { type: 'layout', layout: { open: false, width: 400, beside: true } },
      { type: 'layout', layout: { open: true, width: 400, beside: true } },
    ]);
  });

  it('beside the page or over it: the choice is saved per site and told to the content script', () => {
    const h = harness({ beside: false, width: 380 });
    h.model.toggleBeside();
    expect(h.model.beside.value).toBe(true);
    h.model.toggleBeside();
    expect(h.saved.beside).toEqual([true, false]);
    expect(h.sent).toEqual([
      { type: 'layout', layout: { open: true, width: 380, beside: true } },
      { type: 'layout', layout: { open: true, width: 380, beside: false } },
    ]);
  });

  it('resizing is clamped and told while dragging, saved when it ends', () => {
    const h = harness();
    h.model.resize(PANEL_MAX + 100.4, false);
    expect(h.model.width.value).toBe(PANEL_MAX);
    h.model.resize(PANEL_MIN - 50, false);
    h.model.resize(420.6, true);
    expect(h.model.width.value).toBe(421);
    expect(h.saved.width).toEqual([421]);
    expect(h.sent.map((m) => m.type === 'layout' && m.layout.width)).toEqual([PANEL_MAX, PANEL_MIN, 421]);
  });
});

describe('sidebar model: cards', () => {
  const ids = { competitorId: 'rival', objectionId: 'price' };
  const item = { ref: { kind: 'objection' as const, competitorId: 'rival', id: 'price' }, text: 'We match it.', audience: 'customer' as const };

  it('knows whether the page has a reply box', () => {
    const h = harness();
    h.model.receive(init(ctx('t1', { site: 'gmail' }), true));
    expect(h.model.canInsert.value).toBe(true);
    h.model.receive(init(ctx('t1', { site: 'gmail' }), false));
    expect(h.model.canInsert.value).toBe(false);
  });

  it('insert into the reply box sends the text\'s ref, never the text, and is logged', async () => {
    const h = harness({ insertAnswer: true });
    expect(await h.model.insert(item)).toBe(true);
    expect(h.sent).toEqual([{ type: 'insert', ref: item.ref, lang: 'en' }]);
    expect(h.model.notice.value).toBeNull();
    await settle();
    expect(h.of('usage:log').map((c) => c.payload)).toEqual([{ kind: 'insert', ...ids, accountId: null }]);
  });

  it('insert with no reply box says so for a while and logs nothing', async () => {
    const h = harness({ insertAnswer: false });
    expect(await h.model.insert(item)).toBe(false);
    expect(h.model.notice.value).toBe('insertNoBox');
    h.clock(NOTICE_MS - 1);
    expect(h.model.notice.value).toBe('insertNoBox');
    h.clock(1);
    expect(h.model.notice.value).toBeNull();
    expect(h.of('usage:log')).toHaveLength(0);
  });

  it('copy puts the text on the clipboard and logs it', async () => {
    const h = harness();
    h.model.copy(item);
    await settle();
    expect(h.copied).toEqual(['We match it.']);
    expect(h.of('usage:log').map((c) => c.payload)).toEqual([{ kind: 'copy', ...ids, accountId: null }]);
    expect(h.model.notice.value).toBeNull();
  });

  it('internal text: copying it says it is internal, and it is never sent for insert', async () => {
    const h = harness({ insertAnswer: true });
    const internal = { ...item, audience: 'internal' as const };
    h.model.copy(internal);
    expect(h.model.notice.value).toBe('copiedInternal');
    expect(await h.model.insert(internal)).toBe(false);
    expect(h.model.notice.value).toBe('insertRefused');
    expect(h.sent.filter((m) => m.type === 'insert')).toEqual([]);
  });

  it('card and section views are logged; the card tab is kept', async () => {
    const h = harness();
    h.model.selectCard('rival');
    h.model.viewed('rival');
    h.model.sectionOpened('rival', 'objections');
    expect(h.model.selectedCard.value).toBe('rival');
    await settle();
    expect(h.of('usage:log').map((c) => c.payload)).toEqual([
      { kind: 'card_view', competitorId: 'rival', accountId: null },
      { kind: 'section_view', competitorId: 'rival', section: 'objections', accountId: null },
    ]);
  });
});

describe('sidebar model: notices', () => {
  it('a refused click is shown for NOTICE_MS after the last one', () => {
    const h = harness();
    h.model.notify('clickRefused');
    h.clock(NOTICE_MS - 1000);
    h.model.notify('clickRefused');
    h.clock(1000);
    expect(h.model.notice.value).toBe('clickRefused');
    h.clock(NOTICE_MS - 1000);
    expect(h.model.notice.value).toBeNull();
  });
});
