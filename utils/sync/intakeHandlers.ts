/**
 * An incoming pack from the options page: preview it (checked, signed, compared, its
 * diff), then activate it — by the previewed hash, or by the text when the worker was
 * restarted in between. A downgrade, same version or pack switch needs an explicit
 * rollback confirmation.
 */
import type { StoredPack } from '../store/db';
import type { PackError } from '../pack/validate';
import type { KnowledgePack } from '../pack/schema';
import { localize } from '../pack/text';
import { diffPacks, type PackDiff } from '../pack/diff';
import type { PackInfo } from '../view/types';
import type { Request } from '../messages';
import { downgradeFloor, intakePack, sha256Hex, type Comparison, type Intake, type IntakeRules, type SignatureStatus } from './intake';
import type { HighWater } from './highWater';
import type { OpsCore } from './opsCore';
import { stageReporter, type OnStage } from './activationProgress';

export interface IncomingInfo {
  id: string;
  name: string;
  version: string;
  publishedAt: string;
  counts: PackInfo['counts'];
}

export type Preview =
  | {
      ok: true;
      /** SHA-256 of the text: Activate can name it instead of sending the text again. */
      hash: string;
      incoming: IncomingInfo;
      warnings: PackError[];
      signature: SignatureStatus;
      keyId: string | null;
      comparison: Comparison;
      diff: PackDiff;
    }
  | { ok: false; reason: 'invalid' | 'signature'; errors: PackError[]; warnings: PackError[] };

export type ActivateResult =
  | { ok: true; info: PackInfo; warnings: PackError[]; comparison: Comparison }
  /** expired: activation named a previewed pack the background no longer holds (it was restarted): send the text. */
  | { ok: false; reason: 'invalid' | 'signature' | 'downgrade' | 'same-version' | 'pack-switch' | 'expired'; errors: PackError[] };

const DIFF_LIMIT = 200;

function incomingInfo(pack: KnowledgePack, lang: string): IncomingInfo {
  return {
    id: pack.meta.id,
    name: localize(pack.meta.name, lang, pack.meta.defaultLocale),
    version: pack.meta.version,
    publishedAt: pack.meta.publishedAt,
    counts: { competitors: pack.competitors.length, playbooks: pack.playbooks.length, accounts: pack.accounts.length, scenarios: pack.scenarios.length },
  };
}

type NeedsConfirm = 'downgrade' | 'same-version' | 'pack-switch';
const needsConfirm = (c: Comparison): c is NeedsConfirm => c === 'downgrade' || c === 'same-version' || c === 'pack-switch';

/** Why an incoming pack needs "activate as a rollback", naming the field to look at. */
function confirmationNeeded(c: NeedsConfirm, active: KnowledgePack, incoming: KnowledgePack, highWater: HighWater | undefined): PackError {
  const v = incoming.meta.version;
  if (c === 'pack-switch') return { path: 'meta.id', message: `this is the pack "${incoming.meta.id}" and "${active.meta.id}" is active: confirm the switch to activate it` };
  if (c === 'same-version') return { path: 'meta.version', message: `version ${v} is the active version with different content: activate it as a rollback, or bump meta.version` };
  const floor = downgradeFloor(active, incoming, highWater);
  return {
    path: 'meta.version',
    message: floor.active
      ? `version ${v} is older than the active ${floor.version}: activate it as a rollback`
      : `version ${v} is older than ${floor.version}, the highest version of ${incoming.meta.id} taken before: activate it as a rollback`,
  };
}

export function createIntakeHandlers(core: OpsCore) {
  const { ctx, rulesFor } = core;
  /**
   * The pack last previewed, so Activate need not parse and check 30 MB again. Only
   * a cache: if the worker was stopped in between, activation checks the text anew.
   */
  let previewed: { hash: string; length: number; rules: string; against: StoredPack; intake: Intake } | null = null;
  const rulesKey = (r: IntakeRules) => JSON.stringify([r.publicKey, r.allowPackSwitch]);

  /** The previewed verdict for `hash`, if it still holds (same rules, same active pack). */
  async function cached(hash: string, against: StoredPack): Promise<Intake | null> {
    const key = rulesKey(await rulesFor(against));
    return previewed && previewed.hash === hash && previewed.rules === key && previewed.against === against ? previewed.intake : null;
  }

  /**
   * Checks incoming text against the active pack, reusing the preview's verdict when
   * nothing changed since. The text is hashed only when that hash can be of use (a
   * preview keeps it; text of the previewed length may be that text): hashing a
   * 50,000-account pack's 21 MB took ~130 ms of a one-step import's worker time here.
   */
  async function intakeFor(text: string, against: StoredPack, remember: boolean, onStage?: OnStage): Promise<{ intake: Intake; hash: string | null }> {
    const reusable = previewed !== null && previewed.length === text.length;
    const hash = remember || reusable ? await sha256Hex(text) : null;
    const hit = hash !== null && reusable ? await cached(hash, against) : null;
    if (hit) return { intake: hit, hash };
    const rules = await rulesFor(against);
    const intake = await intakePack(text, rules, onStage);
    previewed = remember && hash !== null && intake.ok ? { hash, length: text.length, rules: rulesKey(rules), against, intake } : null;
    return { intake, hash };
  }

  return {
    async 'pack:preview'({ text, lang }: Request<'pack:preview'>): Promise<Preview> {
      const { stored } = await ctx.current();
      const { intake, hash } = await intakeFor(text, stored, true);
      if (!intake.ok) return intake;
      return {
        ok: true,
        hash: hash!, // kept for the preview: always made
        incoming: incomingInfo(intake.pack, lang),
        warnings: intake.warnings,
        signature: intake.signature,
        keyId: intake.keyId,
        comparison: intake.comparison,
        diff: diffPacks(stored.pack, intake.pack, { limit: DIFF_LIMIT, fieldLimit: 20, lang }),
      };
    },

    async 'pack:activate'({ text, hash, source, allowDowngrade, progressId }: Request<'pack:activate'>): Promise<ActivateResult> {
      const onStage = stageReporter(progressId, core.deps.progress);
      const { stored } = await ctx.current();
      const intake = text !== undefined ? (await intakeFor(text, stored, false, onStage)).intake : hash ? await cached(hash, stored) : null;
      if (!intake) return { ok: false, reason: 'expired', errors: [] };
      if (!intake.ok) return { ok: false, reason: intake.reason, errors: intake.errors };
      const c = intake.comparison;
      if (needsConfirm(c) && !allowDowngrade) return { ok: false, reason: c, errors: [confirmationNeeded(c, stored.pack, intake.pack, (await rulesFor(stored)).highWater)] };
      if (text === undefined) await onStage?.('checked');
      await core.activate(intake.pack, source, onStage);
      previewed = null;
      return { ok: true, info: await ctx.info(), warnings: intake.warnings, comparison: intake.comparison };
    },
  };
}
