/**
 * Copy and Insert for one text, with its audience (issue 16.2): Insert is offered only
 * for customer-safe text (and only where the page has a reply box); internal text shows
 * an "Internal" mark, and copying it says so.
 */
import { useSignal } from '@preact/signals';
import { tr, type Lang } from '@/utils/i18n';
import type { CopyItem } from '@/utils/state/roleActions';

export interface TextActionsProps {
  copy(item: CopyItem): void;
  /** Absent: no reply box on this page. */
  insert?(item: CopyItem): Promise<boolean>;
}

export function InternalMark({ lang }: { lang: Lang }) {
  return (
    <span class="fl-badge fl-badge-internal" title={tr(lang, 'internalTitle')} data-audience="internal">
      {tr(lang, 'internal')}
    </span>
  );
}

export function TextActions({ item, lang, actions }: { item: CopyItem; lang: Lang; actions: TextActionsProps }) {
  const copied = useSignal(false);
  const inserted = useSignal(false);
  const internal = item.audience === 'internal';
  return (
    <div class="fl-row" data-audience={item.audience}>
      {internal && <InternalMark lang={lang} />}
      <button
        type="button"
        class="fl-btn"
        onClick={() => {
          actions.copy(item);
          copied.value = true;
          setTimeout(() => (copied.value = false), 1500);
        }}
      >
        {copied.value ? tr(lang, 'copied') : tr(lang, 'copy')}
      </button>
      {actions.insert && !internal && (
        <button
          type="button"
          class="fl-btn"
          onClick={() => {
            void actions.insert!(item).then((ok) => {
              if (!ok) return;
              inserted.value = true;
              setTimeout(() => (inserted.value = false), 1500);
            });
          }}
        >
          {inserted.value ? tr(lang, 'inserted') : tr(lang, 'insert')}
        </button>
      )}
    </div>
  );
}
