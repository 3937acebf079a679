import { tr, type Lang } from '@/utils/i18n';
import type { ChecklistView } from '@/utils/view/types';
import type { SeenMarks } from '@/utils/view/lastSeen';
import { Mark, RemovedSince } from './SeenMarks';

export function ChecklistSection({
  checklist,
  lang,
  onToggle,
  marks,
}: {
  checklist: ChecklistView | null;
  lang: Lang;
  onToggle(itemId: string, done: boolean, label: string): void;
  /** The stage's "changed since you last looked" marks (issue 16.3). */
  marks?: SeenMarks;
}) {
  if (!checklist) return <p class="fl-muted">{tr(lang, 'noChecklist')}</p>;
  const total = checklist.items.length;
  return (
    <div>
      <p class="fl-progress-label" id="fl-progress-label">
        {tr(lang, 'progress', { done: checklist.doneCount, total })}
      </p>
      <progress class="fl-progress" max={total} value={checklist.doneCount} aria-labelledby="fl-progress-label" />
      <ul class="fl-checklist">
        {checklist.items.map((item) => (
          <li key={item.id}>
            <label>
              <input type="checkbox" checked={item.done} onChange={(e) => onToggle(item.id, (e.target as HTMLInputElement).checked, item.text)} />
              <span>{item.text}</span>
              {item.required && <span class="fl-badge">{tr(lang, 'required')}</span>}
              <Mark marks={marks} at={`checklist:${item.id}`} lang={lang} />
            </label>
          </li>
        ))}
      </ul>
      <RemovedSince marks={marks} part="checklist" lang={lang} except={checklist.removed.map((r) => r.label)} />
      {checklist.removed.length > 0 && (
        <div class="fl-removed" role="note">
          <p class="fl-muted">{tr(lang, 'removedItems')}</p>
          <ul>
            {checklist.removed.map((r) => (
              <li key={r.id}>
                <del>{r.label}</del>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
