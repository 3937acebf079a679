/**
 * The real sidebar (components/Sidebar.tsx driven by a SidebarModel), rendered in the
 * options page for the pack the workbench built: same components, same model, same
 * view builder — only its "background" is previewAsk and its "page" a chosen account
 * and stage, or a saved page. It sits in a shadow root so the sidebar's stylesheet
 * (written for its own frame document: :root, html, body) applies to it alone.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Sidebar } from '@/components/Sidebar';
import sidebarCss from '@/components/sidebar.css?inline';
import type { Lang } from '@/utils/i18n';
import type { PageContext } from '@/utils/sites/types';
import { SidebarModel, type SidebarDeps } from '@/utils/state/sidebar';
import { previewAsk, type PreviewSource } from './previewAsk';

/** The frame's stylesheet, scoped to the shadow root: its document rules become host rules. */
const scopedCss = sidebarCss.replace(/:root/g, ':host').replace(/html,\s*body/g, ':host');

const nothingSaved = { setValue: async () => undefined };

function previewDeps(source: () => PreviewSource | null): SidebarDeps {
  return {
    ask: previewAsk(source),
    // No page to insert into or to lay out: the preview box has a fixed size.
    send: async () => false,
    openItem: nothingSaved,
    widthItem: nothingSaved,
    besideItem: nothingSaved,
    copyText: (text) => navigator.clipboard?.writeText(text) ?? Promise.resolve(),
    after(ms, fn) {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  };
}

export function SidebarPreview({ source, ctx, lang, label }: { source: PreviewSource; ctx: PageContext; lang: Lang; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(source);
  latest.current = source;
  const model = useRef<SidebarModel | null>(null);

  useEffect(() => {
    const el = host.current!;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = scopedCss;
    const mount = document.createElement('div');
    root.replaceChildren(style, mount);
    const m = new SidebarModel(previewDeps(() => latest.current), { lang, open: true, width: 360, beside: true });
    model.current = m;
    render(<Sidebar model={m} />, mount);
    return () => render(null, mount);
  }, [lang]);

  // A new build, pick or page: the model reads the "record" again, as the frame does on a nudge.
  useEffect(() => {
    model.current?.receive({ ctx: { ...ctx }, canInsert: false, exposure: { hidden: null, covered: [] } });
  }, [source, ctx, lang]);

  return <div ref={host} class="wb-sidebar" role="region" aria-label={label} data-testid="wb-sidebar" />;
}
