/** Ctrl+K / ⌘K: search accounts, competitors, objections and talk tracks; Enter opens. */
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { tr, type Lang } from '@/utils/i18n';
import type { PaletteHit } from '@/utils/search/palette';
import { newestOnly, superseded } from '@/utils/ui/newestOnly';

const KIND_KEY = { account: 'kindAccount', competitor: 'kindCompetitor', objection: 'kindObjection', scenario: 'kindScenario' } as const;

export function Palette({
  lang,
  search,
  onOpen,
  onClose,
}: {
  lang: Lang;
  search(query: string): Promise<PaletteHit[]>;
  onOpen(hit: PaletteHit): void;
  onClose(): void;
}) {
  const query = useSignal('');
  const hits = useSignal<PaletteHit[]>([]);
  const active = useSignal(0);
  const input = useRef<HTMLInputElement>(null);
  // One per palette, kept across renders (each keystroke re-renders): only the newest query's hits are shown.
  const newest = useMemo(() => newestOnly((q: string) => (q.trim() ? search(q) : Promise.resolve([]))), [search]);
  useEffect(() => input.current?.focus(), []);

  const run = async (q: string) => {
    query.value = q;
    const found = await newest(q);
    if (found === superseded) return;
    hits.value = found;
    active.value = 0;
  };

  const onKey = (e: KeyboardEvent) => {
    const n = hits.value.length;
    if (e.key === 'ArrowDown' && n) active.value = (active.value + 1) % n;
    else if (e.key === 'ArrowUp' && n) active.value = (active.value + n - 1) % n;
    else if (e.key === 'Enter' && n) onOpen(hits.value[active.value]);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const optionId = (i: number) => `fl-palette-opt-${i}`;
  return (
    <div class="fl-palette" role="dialog" aria-modal="false" aria-label={tr(lang, 'paletteTitle')}>
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-expanded={hits.value.length > 0}
        aria-controls="fl-palette-list"
        aria-autocomplete="list"
        aria-activedescendant={hits.value.length ? optionId(active.value) : undefined}
        aria-label={tr(lang, 'paletteTitle')}
        placeholder={tr(lang, 'palettePlaceholder')}
        value={query.value}
        onInput={(e) => run((e.target as HTMLInputElement).value)}
        onKeyDown={onKey}
      />
      <ul id="fl-palette-list" data-fl-scroll role="listbox" aria-label={tr(lang, 'paletteResults')}>
        {hits.value.map((h, i) => (
          <li
            key={`${h.kind}:${h.competitorId ?? ''}:${h.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active.value}
            class={i === active.value ? 'fl-palette-active' : ''}
            onClick={() => onOpen(h)}
            onMouseEnter={() => (active.value = i)}
          >
            <span class="fl-palette-kind">{tr(lang, KIND_KEY[h.kind])}</span>
            <span class="fl-palette-title">{h.title}</span>
            {h.detail && <span class="fl-palette-detail">{h.detail}</span>}
          </li>
        ))}
      </ul>
      {query.value.trim() && hits.value.length === 0 && <p class="fl-muted" role="status">{tr(lang, 'paletteNone')}</p>}
      <p class="fl-muted fl-palette-help">{tr(lang, 'paletteHelp')}</p>
    </div>
  );
}
