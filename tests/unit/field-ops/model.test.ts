/** Issue 19: "Ask for help" in the sidebar model puts the message on the clipboard and counts the click in the local usage log. */
import { describe, expect, it } from 'vitest';
import { SidebarModel, type SidebarDeps } from '../../../utils/state/sidebar';

describe('ask for help', () => {
  it('copies the prefilled message and logs expert_ask with the expert and the channel', async () => {
    const logged: unknown[] = [];
    const copied: string[] = [];
    const deps: SidebarDeps = {
      ask: (async (type: string, payload: unknown) => {
        if (type === 'usage:log') logged.push(payload);
        return { ok: true };
      }) as unknown as SidebarDeps['ask'],
      send: async () => undefined,
      openItem: { setValue: async () => undefined },
      widthItem: { setValue: async () => undefined },
      besideItem: { setValue: async () => undefined },
      copyText: async (t) => void copied.push(t),
      after: () => () => undefined,
    };
    const model = new SidebarModel(deps, { lang: 'en', open: true, width: 360, beside: true });
    model.askExpert('tan-wei-lin', 'Hi Tan Wei Lin, could you help on Pinnacle?', 'slack');
    await new Promise((r) => setTimeout(r, 0));
    expect(copied).toEqual(['Hi Tan Wei Lin, could you help on Pinnacle?']);
    expect(logged).toEqual([{ kind: 'expert_ask', expertId: 'tan-wei-lin', section: 'slack', accountId: null }]);
  });
});
