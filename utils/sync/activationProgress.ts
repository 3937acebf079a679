/**
 * Activation in stages the options page can show: a 50k-account pack takes one to two
 * seconds to check, index and store, and "Activating…" alone for that long reads as a
 * hang. The background reports each stage as it starts, with the time since the
 * activation began; the page that asked (and only it: the report carries the random id
 * it chose) ticks the stages off. Reports carry no pack content.
 */
import * as v from 'valibot';

/** In order. A pack checked at preview skips the first four (`checked` says so). */
export const ACTIVATION_STAGES = ['parse', 'signature', 'validate', 'index', 'checked', 'store', 'done'] as const;
export type ActivationStage = (typeof ACTIVATION_STAGES)[number];

/** What the background broadcasts to extension pages; a random id per activation. */
export const ProgressReport = v.strictObject({
  frontline: v.literal('activation-progress'),
  id: v.pipe(v.string(), v.regex(/^[0-9a-z]{8,40}$/)),
  stage: v.picklist(ACTIVATION_STAGES),
  ms: v.pipe(v.number(), v.minValue(0)),
});
export type ProgressReport = v.InferOutput<typeof ProgressReport>;

export type OnStage = (stage: ActivationStage) => Promise<void>;

/**
 * A stage reporter for one activation: reports, then yields a task so the report
 * leaves before the next synchronous step (validation and the index build each hold
 * the worker for hundreds of milliseconds at 50k accounts).
 */
export function stageReporter(id: string | undefined, send: ((r: ProgressReport) => void) | undefined, now = () => performance.now()): OnStage | undefined {
  if (!id || !send) return undefined;
  const start = now();
  return async (stage) => {
    send({ frontline: 'activation-progress', id, stage, ms: Math.round(now() - start) });
    await new Promise((r) => setTimeout(r, 0));
  };
}

/** The page's side: a report for this activation, from the background (no tab: not a page or a content script). */
export function progressFor(raw: unknown, sender: { id?: string; tab?: unknown }, ownId: string, activationId: string): ProgressReport | null {
  if (sender.id !== ownId || sender.tab !== undefined) return null;
  const r = v.safeParse(ProgressReport, raw);
  return r.success && r.output.id === activationId ? r.output : null;
}

export function newActivationId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '');
}
