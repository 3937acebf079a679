import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../utils/background/dispatch';
import { PAGE_ALLOWED, type MessageType } from '../../../utils/messages';

function run(type: MessageType, fail = false) {
  let resyncs = 0;
  const answered: MessageType[] = [];
  const reply = dispatch(
    {
      handler: () => async () => {
        if (fail) throw new Error('storage is failing');
        return { ok: true };
      },
      resyncSites: () => void resyncs++,
      answered: (t) => void answered.push(t),
    },
    type,
    {},
  );
  return reply.then((r) => ({ reply: r, resyncs, answered }));
}

describe('after a request, the site-rule script is re-registered only when the pack may have changed', () => {
  it('does not re-register after reading the pack or previewing one', async () => {
    for (const t of ['pack:info', 'pack:preview', 'sync:status', 'ops:report', 'sites:rules', 'view:get'] as const) {
      expect((await run(t)).resyncs, t).toBe(0);
    }
  });

  it('re-registers after activating, importing, rolling back, syncing or changing the sync settings', async () => {
    for (const t of ['pack:activate', 'pack:rollback', 'pack:import', 'sync:now', 'sync:settings'] as const) {
      expect((await run(t)).resyncs, t).toBe(1);
    }
  });

  it('answers a failed handler with its error and changes nothing', async () => {
    const { reply, resyncs, answered } = await run('pack:activate', true);
    expect(reply).toEqual({ ok: false, error: 'storage is failing' });
    expect(resyncs).toBe(0);
    expect(answered).toEqual([]);
  });
});

describe('who may send what is declared beside each schema', () => {
  it('lets the page send only the sidebar and reading requests', () => {
    expect([...PAGE_ALLOWED].sort()).toEqual(['account:pick', 'account:search', 'checklist:set', 'feedback:flag', 'index:warm', 'outcome:set', 'play:shown', 'play:snooze', 'record:none', 'role:set', 'scorecard:set', 'search:palette', 'seen:mark', 'sentiment:set', 'sites:patches', 'sites:rules', 'stage:seen', 'stale:snooze', 'text:insertable', 'usage:log', 'view:get', 'view:prime']);
  });
});
