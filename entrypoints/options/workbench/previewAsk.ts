/**
 * The background, as the preview sidebar sees it: the real SidebarModel asks for its view
 * with `view:get` like in a CRM tab, and gets utils/view/preview.ts's answer for the pack
 * the workbench built. What a rep's actions would store (ticks, picks, usage, the stage
 * seen) goes nowhere: a preview must not change anyone's state.
 */
import type { ask } from '@/utils/ask';
import type { KnowledgePack } from '@/utils/pack/schema';
import { buildPaletteIndex, type PaletteIndex } from '@/utils/search/palette';
import type { PageContext } from '@/utils/sites/types';
import { previewView, type PreviewFocus, type PreviewPick } from '@/utils/view/preview';

export interface PreviewSource {
  pack: KnowledgePack;
  pick: PreviewPick;
}

export function previewAsk(current: () => PreviewSource | null, now: () => Date = () => new Date()): typeof ask {
  const palettes = new WeakMap<KnowledgePack, PaletteIndex>();
  const palette = (pack: KnowledgePack) => {
    let p = palettes.get(pack);
    if (!p) palettes.set(pack, (p = buildPaletteIndex(pack)));
    return p;
  };
  const answer = async (type: string, payload: Record<string, unknown>): Promise<unknown> => {
    const src = current();
    if (!src) throw new Error('no pack built yet');
    switch (type) {
      case 'view:get': {
        const { ctx, lang, focus } = payload as { ctx: PageContext; lang: string; focus?: PreviewFocus };
        return previewView(src.pack, ctx, src.pick, { lang, now: now(), focus });
      }
      case 'search:palette':
        return palette(src.pack).search(String(payload.query), String(payload.lang));
      case 'account:search':
        return palette(src.pack)
          .search(String(payload.query), String(payload.lang), 60)
          .filter((h) => h.kind === 'account')
          .slice(0, 20)
          .map((h) => {
            const a = src.pack.accounts.find((x) => x.id === h.id)!;
            return { id: a.id, name: a.name, segment: a.segment ?? null, region: a.region ?? null, domains: a.domains };
          });
      case 'checklist:set':
        return { done: payload.done };
      default:
        return { ok: true };
    }
  };
  return answer as unknown as typeof ask;
}
