/**
 * Activation's stages as the background reports them: each reached stage ticked with
 * the time since Activate, the one running marked, a bar over all of them. Stays after
 * the swap (with the times) until the next import.
 */
import { browser } from 'wxt/browser';
import type { Lang } from '@/utils/i18n';
import { ACTIVATION_STAGES, progressFor, type ProgressReport } from '@/utils/sync/activationProgress';
import type { ImportModel } from './importModel';
import { ot } from './strings';

/** Listens for one activation's reports from the background (a page or content script cannot pass for it). */
export function watchProgress(id: string, onReport: (r: ProgressReport) => void): () => void {
  const listener = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    const r = progressFor(raw, sender, browser.runtime.id, id);
    if (r) onReport(r);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export function ActivationStages({ lang: l, m }: { lang: Lang; m: ImportModel }) {
  const reached = m.stages.value;
  const running = m.phase.value === 'activating';
  // A pack checked at preview never passes parse…index: the bar counts what this run can reach.
  const skipped = reached.some((r) => r.stage === 'checked');
  const all = ACTIVATION_STAGES.filter((s) => (skipped ? !['parse', 'signature', 'validate', 'index'].includes(s) : s !== 'checked'));
  const last = reached.at(-1)!;
  // Stages after the last one reached are still to come (the signature only when a key is set).
  const total = reached.length + Math.max(0, all.length - 1 - all.indexOf(last.stage));
  const finished = reached.filter((r) => r.stage === 'done' || !running || r !== last).length;
  return (
    <div class="stages" data-testid="activation-stages">
      <progress value={finished} max={total} aria-label={ot(l, 'activationProgress')} />
      <ol>
        {reached.map((r, i) => {
          const current = running && r === last && r.stage !== 'done';
          const next = reached[i + 1];
          // A finished stage shows how long it took; "active" shows the whole activation.
          const time = r.stage === 'done' ? ot(l, 'stageTotal', { ms: r.ms }) : next ? ot(l, 'stageAt', { ms: next.ms - r.ms }) : '';
          return (
            <li key={r.stage} data-stage={r.stage} aria-current={current ? 'step' : undefined}>
              <span aria-hidden="true">{current ? '…' : '✓'}</span> {ot(l, `stage_${r.stage}`)} {time && <span class="muted">{time}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
