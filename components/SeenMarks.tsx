/** "Updated since you last looked" (issue 16.3): the banner, the per-item marks, the removed items. */
import { tr, type Lang } from '@/utils/i18n';
import type { SeenMarks } from '@/utils/view/lastSeen';

export function Mark({ marks, at, lang }: { marks: SeenMarks | undefined; at: string; lang: Lang }) {
  const m = marks?.marks[at];
  if (!m) return null;
  return (
    <span class={`fl-badge fl-mark fl-mark-${m}`} data-mark={m}>
      {tr(lang, m === 'added' ? 'markAdded' : 'markChanged')}
    </span>
  );
}

/** How many items of a part are marked, shown in the part's summary so the rep knows to open it. */
export function PartMark({ marks, part, lang }: { marks: SeenMarks | undefined; part: string; lang: Lang }) {
  if (!marks?.parts.includes(part)) return null;
  return (
    <span class="fl-badge fl-mark fl-mark-changed" data-mark="part">
      {tr(lang, 'markChanged')}
    </span>
  );
}

export function UpdatedBanner({ marks, lang, titles, onSeen }: { marks: SeenMarks | undefined; lang: Lang; titles: Record<string, string>; onSeen(): void }) {
  if (!marks?.parts.length) return null;
  return (
    <div class="fl-updated" role="note" data-updated="true">
      <p>
        <strong>{tr(lang, 'updatedSince')}</strong> · {tr(lang, 'updatedParts', { list: marks.parts.map((p) => titles[p] ?? p).join(', ') })}
      </p>
      <button type="button" class="fl-link" onClick={onSeen}>
        {tr(lang, 'markAllSeen')}
      </button>
    </div>
  );
}

/** `except`: labels another note already lists as removed (a ticked checklist item), so none is listed twice. */
export function RemovedSince({ marks, part, lang, except = [] }: { marks: SeenMarks | undefined; part: string; lang: Lang; except?: string[] }) {
  const gone = marks?.removed.filter((r) => r.part === part && !except.includes(r.label)) ?? [];
  if (!gone.length) return null;
  return (
    <div class="fl-removed" data-mark="removed">
      <p class="fl-muted">{tr(lang, 'removedSince')}</p>
      <ul>
        {gone.map((r, i) => (
          <li key={i}>
            <del>{r.label}</del>
          </li>
        ))}
      </ul>
    </div>
  );
}
