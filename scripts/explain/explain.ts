/**
 * `npm run explain`: answers "why didn't the card show on this page?" without a developer.
 *
 * Runs the extension's own adapter (`extractPage` with the pack's `sites` rules) and its own
 * matcher (`buildIndex` + `matchPage`) on a saved page in Node, then says what the page gave
 * and why the matcher chose what it chose, with the reasons phrased exactly as the sidebar
 * phrases them (`formatReason`). When the adapter reads nothing it says why: which site the
 * URL belongs to and whether the URL or the page is the problem.
 *
 * Pure apart from parsing the HTML (linkedom, as the fixture tests do); scripts/explain.ts
 * does argv and files; why.ts says why nothing was read, format.ts prints the report. Node only, which is why it lives under scripts/: WXT auto-imports everything in utils/.
 */
import { copyableTexts } from '../../utils/pack/audience';
import { layoutFor, ROLES, type Role } from '../../utils/view/sections';
import { parseHTML } from 'linkedom';
import { formatReason, type Lang } from '../../utils/i18n';
import { buildIndex, textIn } from '../../utils/match/index';
import { matchPage } from '../../utils/match/match';
import type { CompetitorMatch, Reason } from '../../utils/match/types';
import type { KnowledgePack } from '../../utils/pack/schema';
import { extractPage } from '../../utils/sites/registry';
import { explainRep, type ExplainedRep } from './rep';
import type { PageContext } from '../../utils/sites/types';
import { whyNoContext } from './why';
import { explainFieldOps, type ExplainedFieldOps } from './fieldOps';
import { oldClaimsByOwner } from '../../utils/pack/claims';

export interface ExplainedReason {
  code: Reason['code'];
  /** The sentence the sidebar shows. */
  text: string;
  params: Reason['params'];
}

export interface ExplainedCompetitor {
  id: string;
  name: string;
  confidence: number;
  evidence: {
    /** Strongest first: the CRM's competitor field, the account's competitors in play, mentions in the text. */
    sources: CompetitorMatch['sources'];
    mentionCount: number;
    snippets: string[];
    reasons: ExplainedReason[];
  };
  /** The card's texts the pack keeps internal (never offered for Insert; issue 16.2), as `objection gx-migrate`, `pricing`, …. */
  internal: string[];
  /** Claims on its card older than the pack's claimMaxAgeDays (the sidebar marks them). */
  oldClaims: { path: string; text: string; source: string | null; asOf: string; ageDays: number }[];
}

export interface ExplainedMatch {
  account: { id: string; name: string } | null;
  accountReasons: ExplainedReason[];
  /** "Did you mean": other plausible accounts, strongest first. */
  candidates: { id: string; name: string; confidence: number; reasons: ExplainedReason[] }[];
  /** What the matcher looked the account up by (shown when nothing matched). */
  lookedFor: { ids: string[]; domains: string[]; names: string[]; emails: string[] };
  competitors: ExplainedCompetitor[];
  /** The sidebar's section order per role (issue 16.1): the pack's layouts, or every section. */
  roles: { defaultRole: string; layouts: Record<string, string[]> };
  playbook: { id: string; name: string } | null;
  playbookReasons: ExplainedReason[];
  stage: { playbookId: string; stageId: string; name: string; source: 'crm' | 'remembered' | 'pack'; reasons: ExplainedReason[] } | null;
  health: {
    score: number;
    band: string;
    bandLabel: string;
    color: 'red' | 'yellow' | 'green';
    date: string;
    delta: number | null;
    trend: 'up' | 'down' | 'flat' | null;
    missing: string[];
  } | null;
  /** Experts, rules, product fit and regional variants for the record (issue 19). */
  fieldOps?: ExplainedFieldOps;
  /** Scorecard suggestions, the close, the health profile (scripts/explain/rep.ts). */
  rep: ExplainedRep;
  /** Every reason above in one list, each saying what it is about. */
  reasons: (ExplainedReason & { about: 'account' | 'competitor' | 'playbook' | 'stage' })[];
}

/** What `--json` prints: exactly this object. `reason` is there only when `context` is null. */
export interface ExplainResult {
  /** The PageContext exactly as the adapter gave it, or null when it read nothing. */
  context: PageContext | null;
  match: ExplainedMatch | null;
  reason?: string;
}

export interface ExplainOptions {
  lang?: Lang;
  /** The date health and renewal are judged at (default: now). */
  now?: Date;
}

const reasonOut = (r: Reason, lang: Lang): ExplainedReason => ({ code: r.code, text: formatReason(r, lang), params: r.params });

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Runs adapter and matcher on one saved page. Never throws on page content. */
export function explainPage(html: string, url: URL | string, pack: KnowledgePack, opts: ExplainOptions = {}): ExplainResult {
  const u = typeof url === 'string' ? new URL(url) : url;
  const doc = parseDocument(html);
  const rules = pack.sites ?? [];
  const context = extractPage(doc, u, rules, pack.sitePatches ?? []);
  if (!context) return { context: null, match: null, reason: whyNoContext(doc, u, rules) };
  return { context, match: explainMatch(context, pack, opts) };
}

function explainMatch(ctx: PageContext, pack: KnowledgePack, opts: ExplainOptions): ExplainedMatch {
  const lang = opts.lang ?? 'en';
  const index = buildIndex(pack);
  const m = matchPage(index, ctx, { now: opts.now });
  const loc = pack.meta.defaultLocale;
  const account = m.accountId ? pack.accounts.find((a) => a.id === m.accountId) ?? null : null;
  const playbook = m.playbookId ? pack.playbooks.find((p) => p.id === m.playbookId) ?? null : null;
  const out = (rs: readonly Reason[]) => rs.map((r) => reasonOut(r, lang));

  const old = oldClaimsByOwner(pack, opts.now ?? new Date(), (t) => textIn(t, loc)).flatMap((g) => g.claims);
  const competitors: ExplainedCompetitor[] = m.competitors.map((c) => ({
    id: c.competitorId,
    name: c.name,
    confidence: c.confidence,
    evidence: { sources: [...c.sources], mentionCount: c.mentionCount, snippets: c.mentions.map((x) => x.snippet), reasons: out(c.reasons) },
    internal: internalOf(pack, c.competitorId),
    oldClaims: old.filter((x) => x.competitorId === c.competitorId).map(({ path, text, source, asOf, ageDays }) => ({ path, text, source, asOf, ageDays })),
  }));

  let stage: ExplainedMatch['stage'] = null;
  if (m.stage) {
    const s = pack.playbooks.find((p) => p.id === m.stage!.playbookId)?.stages.find((x) => x.id === m.stage!.stageId);
    stage = { playbookId: m.stage.playbookId, stageId: m.stage.stageId, name: s ? textIn(s.name, loc) : m.stage.stageId, source: m.stage.source, reasons: out(m.stage.reasons) };
  }

  let health: ExplainedMatch['health'] = null;
  if (m.health) {
    const band = pack.healthModel.bands.find((b) => b.id === m.health!.bandId);
    const h = m.health;
    health = { score: h.score, band: h.bandId, bandLabel: band ? textIn(band.label, loc) : h.bandId, color: h.color, date: h.date, delta: h.delta, trend: h.trend, missing: [...h.missing] };
  }

  const accountReasons = out(m.accountReasons);
  const playbookReasons = out(m.playbookReasons);
  return {
    account: account ? { id: account.id, name: account.name } : null,
    accountReasons,
    candidates: m.candidates.map((c) => ({ id: c.accountId, name: c.name, confidence: c.confidence, reasons: out(c.reasons) })),
    lookedFor: m.lookedFor,
    competitors,
    roles: rolesOf(pack),
    playbook: playbook ? { id: playbook.id, name: textIn(playbook.name, loc) } : null,
    playbookReasons,
    stage,
    health,
    fieldOps: explainFieldOps(pack, m, lang, opts.now ?? new Date()),
    rep: explainRep(ctx, pack, m),
    reasons: [
      ...accountReasons.map((r) => ({ about: 'account' as const, ...r })),
      ...competitors.flatMap((c) => c.evidence.reasons.map((r) => ({ about: 'competitor' as const, ...r }))),
      ...playbookReasons.map((r) => ({ about: 'playbook' as const, ...r })),
      ...(stage?.reasons ?? []).map((r) => ({ about: 'stage' as const, ...r })),
    ],
  };
}


/** A card's internal texts, named as ops write them. */
function internalOf(pack: KnowledgePack, competitorId: string): string[] {
  return copyableTexts(pack)
    .filter((t) => t.audience === 'internal' && 'competitorId' in t.ref && t.ref.competitorId === competitorId)
    .map(({ ref }) => (ref.kind === 'objection' ? `objection ${ref.id}` : ref.kind === 'proof' ? `proof point ${ref.index + 1}` : ref.kind));
}

/** Each role's sections in order, collapsed ones marked "(collapsed)". */
function rolesOf(pack: KnowledgePack): ExplainedMatch['roles'] {
  const show = (role: Role) => layoutFor(role, pack).sections.map((s) => (s.collapsed ? `${s.id} (collapsed)` : s.id));
  return { defaultRole: pack.meta.defaultRole ?? 'sales', layouts: Object.fromEntries(ROLES.map((r) => [r, show(r)])) };
}
