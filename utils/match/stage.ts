/**
 * The playbook and the stage for a page: the opportunity type, the CRM's stage name,
 * the stage last seen in the CRM for the account, the account's stage in the pack,
 * then the default playbook for the account's segment. Pure.
 */
import type { Account, Motion, Playbook } from '../pack/schema';
import type { PageContext } from '../sites/types';
import { isCrm } from './account/evidence';
import { textIn, type PackIndex, type PlaybookStages } from './index';
import { normalizeLoose } from './normalize';
import type { Reason, StageMatch } from './types';

/** The stage last seen on a CRM page for an account, kept by the caller. */
export interface RememberedStage {
  playbookId: string;
  stageId: string;
  seenAt: string;
}

export interface PlaybookChoice {
  playbook: Playbook | null;
  playbookReasons: Reason[];
  /** The stage the CRM's stage name maps to in the chosen playbook, when that decided it. */
  crmStageId: string | null;
}

/** The stage id a CRM stage name maps to in `ps`: the site's own names when the playbook maps that site, else any CRM's. */
export function lookupStage(ps: PlaybookStages, site: string, stageName: string): string | null {
  const key = normalizeLoose(stageName);
  if (!key) return null;
  const own = isCrm(site) ? ps.bySite.get(site) : undefined;
  if (own) return own.get(key) ?? null;
  return ps.any.get(key) ?? null;
}

/** Keywords that imply a motion in an opportunity type nobody listed ("Renewal FY27", "Paid pilot"). */
const MOTION_WORDS: [Motion, RegExp][] = [
  ['renewal_expansion', /renew|expan|upsell|up-sell|cross-sell|existing|续约|续费|扩展|增购/i],
  ['poc', /\bpoc\b|pilot|trial|proof of concept|evaluation|试点|概念验证|试用/i],
  ['new_business', /\bnew\b|newbusiness|new logo|新业务|新客户/i],
];

function bySegment(list: readonly Playbook[], segment: string | undefined): Playbook | undefined {
  if (segment) {
    const s = segment.toLowerCase();
    const exact = list.find((p) => p.segments.some((x) => x.toLowerCase() === s));
    if (exact) return exact;
  }
  return list.find((p) => !p.segments.length) ?? list[0];
}

/** The reason params that name a playbook. */
function named(index: PackIndex, p: Playbook) {
  return { playbook: textIn(p.name, index.defaultLocale), playbookId: p.id };
}

export function choosePlaybook(index: PackIndex, ctx: PageContext, account: Account | null, remembered: RememberedStage | null | undefined): PlaybookChoice {
  return (
    byOpportunityType(index, ctx, account) ??
    byCrmStageName(index, ctx, account, remembered) ??
    byKnownStage(index, remembered, 'remembered') ??
    byKnownStage(index, account?.stage, 'pack') ??
    byDefault(index, account)
  );
}

/** Opportunity type: listed by a playbook, else a motion word in it. */
function byOpportunityType(index: PackIndex, ctx: PageContext, account: Account | null): PlaybookChoice | null {
  const type = ctx.opportunityType?.trim();
  if (!type) return null;
  const segment = account?.segment;
  const listed = index.playbooksByType.get(normalizeLoose(type));
  let p = listed?.length ? bySegment(listed, segment) : undefined;
  if (!p) {
    const motion = MOTION_WORDS.find(([, re]) => re.test(type))?.[0];
    if (motion) p = bySegment(index.pack.playbooks.filter((x) => x.motion === motion), segment);
  }
  if (!p) return null;
  const crmStageId = ctx.stage ? lookupStage(index.playbookById.get(p.id)!, ctx.site, ctx.stage) : null;
  return { playbook: p, playbookReasons: [{ code: 'playbook_motion', params: { ...named(index, p), motion: p.motion, type } }], crmStageId };
}

/**
 * The CRM stage name, when exactly one playbook knows it; when several share the name,
 * the account's known playbook or segment decides among them.
 */
function byCrmStageName(index: PackIndex, ctx: PageContext, account: Account | null, remembered: RememberedStage | null | undefined): PlaybookChoice | null {
  const stage = ctx.stage;
  if (!stage) return null;
  const hits: { p: Playbook; stageId: string }[] = [];
  for (const ps of index.playbookById.values()) {
    const stageId = lookupStage(ps, ctx.site, stage);
    if (stageId) hits.push({ p: ps.playbook, stageId });
  }
  if (!hits.length) return null;
  const segment = account?.segment;
  const known = hits.length === 1 ? null : [remembered?.playbookId, account?.stage?.playbookId].find((id) => id && hits.some((h) => h.p.id === id));
  const pick = hits.length === 1 ? hits[0] : known ? hits.find((h) => h.p.id === known)! : null;
  const h = pick ?? hits.find((x) => x.p === bySegment(hits.map((y) => y.p).filter((y) => y.motion === 'new_business'), segment));
  if (!h) return null;
  const reasons: Reason[] = [{ code: 'playbook_stage', params: { ...named(index, h.p), motion: h.p.motion, stage, source: 'crm' } }];
  if (!pick && segment) reasons.push({ code: 'playbook_segment', params: { ...named(index, h.p), segment } });
  return { playbook: h.p, playbookReasons: reasons, crmStageId: h.stageId };
}

/** The stage last seen in the CRM, or the account's stage in the pack, when the pack still has it. */
function byKnownStage(index: PackIndex, known: { playbookId: string; stageId: string } | null | undefined, source: 'remembered' | 'pack'): PlaybookChoice | null {
  if (!known || !stageExists(index, known.playbookId, known.stageId)) return null;
  const p = index.playbookById.get(known.playbookId)!.playbook;
  return {
    playbook: p,
    playbookReasons: [{ code: 'playbook_stage', params: { ...named(index, p), motion: p.motion, stage: stageName(index, p, known.stageId), source } }],
    crmStageId: null,
  };
}

/** New business for the account's segment, else the first playbook. */
function byDefault(index: PackIndex, account: Account | null): PlaybookChoice {
  const segment = account?.segment;
  const nb = index.pack.playbooks.filter((p) => p.motion === 'new_business');
  if (nb.length) {
    const seg = segment?.toLowerCase();
    const exact = seg ? nb.find((p) => p.segments.some((x) => x.toLowerCase() === seg)) : undefined;
    const p = exact ?? nb.find((x) => !x.segments.length);
    if (p) {
      const reason: Reason = segment ? { code: 'playbook_segment', params: { ...named(index, p), segment } } : { code: 'playbook_default', params: named(index, p) };
      return { playbook: p, playbookReasons: [reason], crmStageId: null };
    }
  }
  const first = index.pack.playbooks[0] ?? null;
  return { playbook: first, playbookReasons: first ? [{ code: 'playbook_default', params: named(index, first) }] : [], crmStageId: null };
}

function stageExists(index: PackIndex, playbookId: string, stageId: string): boolean {
  return !!index.playbookById.get(playbookId)?.playbook.stages.some((s) => s.id === stageId);
}

function stageName(index: PackIndex, p: Playbook, stageId: string): string {
  const s = p.stages.find((x) => x.id === stageId);
  return s ? textIn(s.name, index.defaultLocale) : stageId;
}

/** The stage in the chosen playbook: the CRM's, then the one last seen there, then the pack's. */
export function chooseStage(
  index: PackIndex,
  ctx: PageContext,
  account: Account | null,
  { playbook, crmStageId }: PlaybookChoice,
  remembered: RememberedStage | null | undefined,
): StageMatch | null {
  if (!playbook) return null;
  const ps = index.playbookById.get(playbook.id)!;
  const stageId = crmStageId ?? (ctx.stage ? lookupStage(ps, ctx.site, ctx.stage) : null);
  if (stageId && ctx.stage) {
    const params = { stage: ctx.stage, stageId, stageName: stageName(index, playbook, stageId), playbook: textIn(playbook.name, index.defaultLocale), playbookId: playbook.id, site: ctx.site };
    return { playbookId: playbook.id, stageId, source: 'crm', reasons: [{ code: 'stage_crm', params }] };
  }
  const r = remembered;
  if (r && r.playbookId === playbook.id && stageExists(index, r.playbookId, r.stageId)) {
    return {
      playbookId: playbook.id,
      stageId: r.stageId,
      source: 'remembered',
      reasons: [{ code: 'stage_remembered', params: { stage: stageName(index, playbook, r.stageId), stageId: r.stageId, date: r.seenAt } }],
    };
  }
  const s = account?.stage;
  if (s && s.playbookId === playbook.id && stageExists(index, s.playbookId, s.stageId)) {
    return { playbookId: playbook.id, stageId: s.stageId, source: 'pack', reasons: [{ code: 'stage_pack', params: { stage: stageName(index, playbook, s.stageId), stageId: s.stageId } }] };
  }
  return null;
}
