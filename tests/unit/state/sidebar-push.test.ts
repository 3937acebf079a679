/**
 * Views the background pushes with a reading, and answers that come back late: the
 * frame shows the record in view, never one it has left.
 */
import { describe, expect, it } from 'vitest';
import { SidebarModel, type SidebarDeps } from '@/utils/state/sidebar';
import type { PageContext } from '@/utils/sites/types';
import type { FrameInit } from '@/utils/ui/channel';
import type { SidebarView } from '@/utils/view/types';

const ctx = (recordId: string): PageContext => ({ site: 'salesforce', recordType: 'opportunity', recordId, accountName: 'Acme', domains: [], emails: [], stage: null, competitorsField: [], text: '' });
const view = (recordKey: string) => ({ recordKey, account: { id: recordKey }, cards: [], stage: null, checklist: null, health: null }) as unknown as SidebarView;
const init = (c: PageContext | null): FrameInit => ({ ctx: c, canInsert: false, exposure: { hidden: null, covered: [] } });
const settle = () => new Promise((r) => setTimeout(r, 0));

/** view:get answers wait until the test releases them, per record. */
function harness() {
  const asked: string[] = [];
  const waiting = new Map<string, (v: SidebarView) => void>();
  const ask = (async (type: string, payload: { ctx: PageContext }) => {
    if (type !== 'view:get') return { ok: true };
    asked.push(payload.ctx.recordId!);
    return new Promise<SidebarView>((resolve) => waiting.set(payload.ctx.recordId!, resolve));
  }) as unknown as SidebarDeps['ask'];
  const saved = { setValue: async () => undefined };
  const deps: SidebarDeps = { ask, send: async () => undefined, openItem: saved, widthItem: saved, besideItem: saved, copyText: async () => undefined, after: () => () => undefined };
  const model = new SidebarModel(deps, { lang: 'en', open: true, width: 360, beside: true });
  return { model, asked, answer: (id: string) => waiting.get(id)!(view(`sf:${id}`)) };
}

describe('pushed views', () => {
  it('shows a pushed view at once, without asking the background again', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')), { view: view('sf:006A'), lang: 'en' });
    expect(h.model.status.value).toBe('ready');
    expect(h.model.view.value?.recordKey).toBe('sf:006A');
    await settle();
    expect(h.asked).toEqual([]);
  });

  it('asks again when the pushed view is in another language than the frame', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')), { view: view('sf:006A'), lang: 'zh-CN' });
    expect(h.model.view.value).toBeNull();
    expect(h.asked).toEqual(['006A']);
  });

  it('asks when the push came without a view (the build failed)', () => {
    const h = harness();
    h.model.receive(init(ctx('006A')), undefined);
    expect(h.asked).toEqual(['006A']);
  });
});

describe('late answers', () => {
  it('an answer for the record the rep has left is dropped', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    h.model.receive(init(ctx('006B')));
    h.answer('006B');
    await settle();
    expect(h.model.view.value?.recordKey).toBe('sf:006B');
    h.answer('006A');
    await settle();
    expect(h.model.view.value?.recordKey).toBe('sf:006B');
  });

  it('a pushed view is not overwritten by the answer to an earlier request', async () => {
    const h = harness();
    h.model.receive(init(ctx('006A')));
    h.model.receive(init(ctx('006B')), { view: view('sf:006B'), lang: 'en' });
    h.answer('006A');
    await settle();
    expect(h.model.view.value?.recordKey).toBe('sf:006B');
  });
});
