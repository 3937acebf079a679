/**
 * The ops loop's requests: a rep's flag on an item, the Feedback report, and team
 * analytics (settings, status, "Send now", a new rep id). Independent of `browser.*`:
 * the loop database, the telemetry deps and the settings store are injected.
 */
import type { Db } from '../store/db';
import type { StoredPack } from '../store/db';
import type { LoopDb } from '../store/loopDb';
import { addFlag, allFlags } from '../store/feedbackStore';
import type { KnowledgePack } from '../pack/schema';
import { localize } from '../pack/text';
import { buildFeedbackReport, type FeedbackReport } from '../feedback/report';
import type { FeedbackTarget, FlagMark, FlagRequest } from '../feedback/types';
import { createTelemetry, type TelemetryDeps, type TelemetryStatus } from '../telemetry/queue';
import { checkEndpoint, effectiveTelemetry, type EffectiveTelemetry, type TelemetryUserSettings } from '../telemetry/settings';
import type { TelemetryEvent } from '../telemetry/events';
import { memoryKeyValue, type KeyValue } from '../sync/opsCore';

export interface LoopDeps {
  getLoopDb: () => Promise<LoopDb>;
  /** Everything the outbox needs but the pack (the service knows the active one). */
  telemetry: Omit<TelemetryDeps, 'pack'>;
  userSettings: KeyValue<TelemetryUserSettings>;
  managed: () => Promise<unknown>;
  /** Replaces the pseudonymous rep id. */
  rotateRepId: () => Promise<string>;
}

export interface TelemetryView {
  settings: EffectiveTelemetry;
  status: TelemetryStatus;
  repId: string;
}

let testDbs = 0;

/** In-memory stand-ins (vitest): no endpoint, a fresh loop database per service. */
export function memoryLoopDeps(open: (name: string) => Promise<LoopDb>): LoopDeps {
  let db: Promise<LoopDb> | null = null;
  const getLoopDb = () => (db ??= open(`frontline-loop-test-${++testDbs}`));
  const userSettings = memoryKeyValue<TelemetryUserSettings>({});
  let repId = 'rep-test-1';
  let rotations = 1;
  return {
    getLoopDb,
    userSettings,
    managed: async () => ({}),
    rotateRepId: async () => (repId = `rep-test-${++rotations}`),
    telemetry: { getLoopDb, settings: async () => effectiveTelemetry((await userSettings.get()) ?? {}, {}), repId: async () => repId, state: memoryKeyValue(), schedule: async () => undefined },
  };
}

/** The flagged item must be in the active pack: a flag on nothing would sit in the report for ever. */
function requireTarget(pack: KnowledgePack, t: FeedbackTarget): void {
  const found =
    t.kind === 'section'
      ? pack.competitors.some((c) => c.id === t.competitorId)
      : t.kind === 'objection'
        ? pack.competitors.some((c) => c.id === t.competitorId && c.battlecard.objections.some((o) => o.id === t.objectionId))
        : t.kind === 'stage'
          ? pack.playbooks.some((p) => p.id === t.playbookId && p.stages.some((s) => s.id === t.stageId))
          : pack.healthModel.bands.some((b) => b.id === t.bandId);
  if (!found) throw new Error(`unknown ${t.kind} to flag`);
}

export function createLoopHandlers({ getDb, now, current, loop }: { getDb: () => Promise<Db>; now: () => Date; current: () => Promise<{ stored: StoredPack }>; loop: LoopDeps }) {
  const packMeta = async () => {
    const { meta } = (await current()).stored.pack;
    return { id: meta.id, version: meta.version };
  };
  const telemetry = createTelemetry({ ...loop.telemetry, pack: packMeta, now });
  const settings = async () => effectiveTelemetry((await loop.userSettings.get()) ?? {}, await loop.managed());
  const view = async (): Promise<TelemetryView> => ({ settings: await settings(), status: await telemetry.status(), repId: await loop.telemetry.repId() });
  /** Telemetry never fails the rep's action: the local record is what counts. */
  const enqueue = (e: TelemetryEvent) => telemetry.enqueue(e).catch(() => false);

  return {
    telemetry,
    enqueue,
    handlers: {
      async 'feedback:flag'(req: FlagRequest): Promise<{ ok: true; key: string; mark: FlagMark }> {
        const { pack } = (await current()).stored;
        requireTarget(pack, req.target);
        const rec = await addFlag(await loop.getLoopDb(), req, { id: pack.meta.id, version: pack.meta.version }, now());
        await enqueue({ kind: 'feedback', target: req.target, verdict: req.verdict, note: rec.note });
        return { ok: true, key: rec.key, mark: { verdict: rec.verdict, note: rec.note, at: rec.at } };
      },

      async 'feedback:report'({ lang }: { lang: string }): Promise<FeedbackReport> {
        const { pack } = (await current()).stored;
        const [flags, usage] = await Promise.all([allFlags(await loop.getLoopDb()), (await getDb()).getAll('usage')]);
        return buildFeedbackReport(flags, usage, pack, (t) => localize(t, lang, pack.meta.defaultLocale));
      },

      async 'telemetry:status'(): Promise<TelemetryView> {
        return view();
      },

      async 'telemetry:settings'({ endpoint, includeNotes }: { endpoint: string | null; includeNotes: boolean }): Promise<{ ok: true; view: TelemetryView } | { ok: false; error: string }> {
        const url = endpoint?.trim() || null;
        const err = url ? checkEndpoint(url) : null;
        if (err) return { ok: false, error: err };
        await loop.userSettings.set({ endpoint: url, includeNotes });
        // Off: the queue is dropped; on: anything queued goes now.
        await telemetry.flush();
        return { ok: true, view: await view() };
      },

      async 'telemetry:flush'(): Promise<TelemetryView> {
        await telemetry.flush();
        return view();
      },

      async 'telemetry:rotate'(): Promise<TelemetryView> {
        await loop.rotateRepId();
        return view();
      },
    },
  };
}
