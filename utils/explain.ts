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
 * does argv and files. Node only: nothing in the extension imports this module.
 */
import { parseHTML } from 'linkedom';
import { formatReason, type Lang } from './i18n';
import { buildIndex, textIn } from './match/index';
import { matchPage } from './match/match';
import type { CompetitorMatch, Reason } from './match/types';
import type { KnowledgePack, SiteRule } from './pack/schema';
import { extractPage, siteFor } from './sites/registry';
import { all } from './sites/dom';
import { hostMatches, ruleFor } from './sites/generic/rules';
import { readField, routeFor } from './sites/generic/fields';
import { focusedHost } from './sites/salesforce/extract';
import { parseRecordUrl as salesforceRecord } from './sites/salesforce/urls';
import type { PageContext, SiteId } from './sites/types';
import { SITE_LABEL } from './sites/labels';

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
}

export interface ExplainedMatch {
  account: { id: string; name: string } | null;
  accountReasons: ExplainedReason[];
  /** "Did you mean": other plausible accounts, strongest first. */
  candidates: { id: string; name: string; confidence: number; reasons: ExplainedReason[] }[];
  /** What the matcher looked the account up by (shown when nothing matched). */
  lookedFor: { ids: string[]; domains: string[]; names: string[]; emails: string[] };
  competitors: ExplainedCompetitor[];
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

export { SITE_LABEL };

/** For "this URL is not a record page": what the URL is, and the shapes each site's adapter does read. */
const NOT_A_RECORD: Readonly<Record<Exclude<SiteId, 'generic'>, (url: URL) => string>> = {
  salesforce: (u) =>
    `${u.pathname} is not one record's page (a record is /lightning/r/<Account|Opportunity|Contact|Lead|Case>/<id>/view, Classic /<id>; list views, home, setup and related lists are not read)`,
  hubspot: (u) =>
    `${u.pathname} is not a record page (a record is /contacts/<portal>/record/<0-1 contact|0-2 company|0-3 deal|0-5 ticket>/<id>; index views, boards, settings and custom objects are not read)`,
  dynamics: (u) =>
    `${u.pathname}${u.search} is not a record form (a record is /main.aspx?pagetype=entityrecord&etn=<account|opportunity|contact|lead|incident>&id=<guid>; views, dashboards and new-record forms are not read)`,
  pipedrive: (u) => `${u.pathname} is not a record page (a record is /deal/<id>, /organization/<id> or /person/<id>; the pipeline board and lists are not read)`,
  zoho: (u) => `${u.pathname} is not a record page (a record is /crm/<org>/tab/<Accounts|Potentials|Deals|Contacts|Leads>/<id>; list views, kanban and edit forms are not read)`,
  gmail: (u) =>
    `this page shows no open thread (the URL says ${u.hash || 'no view'}, a list; a thread is #inbox/<thread id>, #label/<name>/<thread id>, #search/<query>/<thread id>…)`,
  outlook: (u) => `no message is open (${u.pathname} is a folder or another view; an item is /mail/inbox/id/<item id> or /mail/deeplink/read/<item id>)`,
};

const NOT_RENDERED: Readonly<Record<Exclude<SiteId, 'generic'>, string>> = {
  salesforce: 'the page host on screen has neither a record name nor any field (still loading?)',
  hubspot: 'the left sidebar has no record title (still a loading skeleton?)',
  dynamics: 'the form has no record header',
  pipedrive: 'the detail view has no record title',
  zoho: 'the detail view has no record name',
  gmail: 'the main region holds no conversation (a thread list, or still loading)',
  outlook: 'the reading pane holds no conversation (still loading?)',
};

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

  const competitors: ExplainedCompetitor[] = m.competitors.map((c) => ({
    id: c.competitorId,
    name: c.name,
    confidence: c.confidence,
    evidence: { sources: [...c.sources], mentionCount: c.mentionCount, snippets: c.mentions.map((x) => x.snippet), reasons: out(c.reasons) },
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
    playbook: playbook ? { id: playbook.id, name: textIn(playbook.name, loc) } : null,
    playbookReasons,
    stage,
    health,
    reasons: [
      ...accountReasons.map((r) => ({ about: 'account' as const, ...r })),
      ...competitors.flatMap((c) => c.evidence.reasons.map((r) => ({ about: 'competitor' as const, ...r }))),
      ...playbookReasons.map((r) => ({ about: 'playbook' as const, ...r })),
      ...(stage?.reasons ?? []).map((r) => ({ about: 'stage' as const, ...r })),
    ],
  };
}

/** Why the adapter gave null for this page: which site the URL is, and whether the URL or the page is the problem. */
export function whyNoContext(doc: Document, url: URL, rules: readonly SiteRule[]): string {
  const host = url.hostname;
  const site = siteFor(url);
  if (!site) {
    const rule = ruleFor(url, rules);
    if (rule) return whyGenericNull(doc, url, rule);
    const sameHost = rules.filter((r) => hostMatches(r.host, host));
    if (sameHost.length && (url.protocol === 'https:' || url.protocol === 'http:')) {
      const prefixes = sameHost.map((r) => `"${r.id}" needs a path starting with ${r.pathPrefix}`).join('; ');
      return `${host} has pack rules, but none covers the path ${url.pathname}: ${prefixes}`;
    }
    const hint = rules.length ? `the pack's sites rules cover ${rules.map((r) => r.host).join(', ')}` : 'the pack has no sites rules';
    return `${host} is not a site Frontline reads: no built-in adapter (Salesforce, HubSpot, Dynamics 365, Pipedrive, Zoho CRM, Gmail, Outlook on the web) matches this URL and ${hint}`;
  }
  const label = SITE_LABEL[site.id];
  const id = site.id as Exclude<SiteId, 'generic'>;
  const sfRef = id === 'salesforce' ? salesforceRecord(url) : null;
  if (sfRef && !sfRef.recordType) return `${host} is Salesforce and the URL is a ${sfRef.object} record, which Frontline does not read (it reads Account, Opportunity, Contact, Lead and Case)`;
  if (!site.isRecord(url)) return `${host} is ${label}, but ${NOT_A_RECORD[id](url)}`;

  if (id === 'salesforce') {
    const ref = sfRef;
    if (ref?.ui === 'lightning' && !focusedHost(doc)) {
      const hosts = all(doc, '.windowViewMode-normal, .windowViewMode-maximized').length;
      return hosts
        ? `${host} is Salesforce and the URL is a record, but no single page host is on screen (${hosts} in the page, none or several active, e.g. console tabs): it reads none rather than guess`
        : `${host} is Salesforce and the URL is a record, but the page holds no Lightning page host (.windowViewMode-normal): saved before the record rendered, or not the page of this URL`;
    }
  }
  return `${host} is ${label} and the URL is a record, but the page shows none: ${NOT_RENDERED[id]}. Save the page again once the record is on screen (the rendered DOM, not the server's HTML); if it was, the site's markup may have changed (utils/sites/${id}/selectors.ts)`;
}

function whyGenericNull(doc: Document, url: URL, rule: SiteRule): string {
  const host = url.hostname;
  const at = routeFor(rule, url);
  if (!at) {
    const routes = (rule.routes ?? []).map((r) => `"${r.match}"`).join(', ');
    return `${host} is read by the pack rule "${rule.id}", but no route of it matches ${url.pathname}${url.hash} (routes: ${routes}): a list or another screen, not a record`;
  }
  const specs = { ...(rule.selectors ?? {}), ...(at.route?.selectors ?? {}) };
  const parts: string[] = [];
  for (const key of ['accountName', 'accountId', 'website', 'emails'] as const) {
    const spec = specs[key];
    if (!spec) {
      parts.push(`${key}: no reader`);
      continue;
    }
    const { values, matched } = readField(doc, url, spec);
    const what = typeof spec === 'string' ? `"${spec}"` : JSON.stringify(spec);
    if (values.length) parts.push(`${key} ${what}: read "${values[0]}"`);
    else if (typeof spec !== 'string' && spec.from === 'url') parts.push(`${key} ${what}: the URL does not match the pattern`);
    else parts.push(`${key} ${what}: ${matched === 0 ? 'matched nothing' : `matched ${matched} element${matched === 1 ? '' : 's'}, none with a value${typeof spec !== 'string' && spec.pattern ? ' the pattern takes' : ''}`}`);
  }
  return `${host} is read by the pack rule "${rule.id}", but it found no account name, account id, website or e-mail on this page (${parts.join('; ')})`;
}

// ── Readable output ─────────────────────────────────────────────────────────

const DASH = '—';
const LABEL_WIDTH = 18;
const row = (label: string, value: string) => `  ${label.padEnd(LABEL_WIDTH)}${value}`;
const more = (value: string) => `  ${''.padEnd(LABEL_WIDTH)}${value}`;
const list = (xs: readonly string[] | undefined) => (xs && xs.length ? xs.join(', ') : DASH);
const orDash = (s: string | null | undefined) => (s ? s : DASH);

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const SOURCE_WORDS: Record<string, string> = { crm_field: 'CRM field', in_play: 'in play at the account', domain: 'its own domain', mentions: 'mentioned' };
const STAGE_SOURCE: Record<string, string> = { crm: 'from the CRM stage', remembered: 'last seen in the CRM', pack: 'from the knowledge pack' };

/** The readable report printed without `--json`. */
export function formatExplain(result: ExplainResult, url: URL | string): string {
  const lines: string[] = [`Page ${String(url)}`];
  const ctx = result.context;
  if (!ctx) {
    lines.push('', `No record read: ${result.reason ?? 'the adapter returned nothing'}.`, 'The sidebar shows no card on such a page.');
    return lines.join('\n');
  }

  lines.push(row('Site', `${SITE_LABEL[ctx.site]} — ${ctx.recordType}${ctx.recordId ? ` ${ctx.recordId}` : ''}`));
  if (ctx.read) lines.push(row('Read by', readingLine(ctx)));
  if (ctx.subject !== undefined) lines.push(row('Subject', orDash(ctx.subject)));
  lines.push(row('Account name', `${orDash(ctx.accountName)}${ctx.accountId ? ` (CRM account id ${ctx.accountId})` : ''}`));
  lines.push(row('Domains', list(ctx.domains)));
  lines.push(row('E-mails', list(ctx.emails)));
  if (ctx.participants?.length) {
    lines.push(row('Participants', ''));
    for (const p of ctx.participants) lines.push(more(`${p.role.padEnd(5)}${p.name ? `${p.name} <${p.email}>` : p.email}`));
  }
  if (ctx.ownEmail !== undefined) lines.push(row('Signed in as', `${orDash(ctx.ownEmail)} (left out of the lookup)`));
  lines.push(row('Stage', `${orDash(ctx.stage)}${ctx.pipeline ? ` (pipeline ${ctx.pipeline})` : ''}`));
  const deal = ctx.recordType === 'opportunity' || ctx.recordType === 'deal';
  if (deal || ctx.opportunityType) lines.push(row('Type', orDash(ctx.opportunityType)));
  if (deal || ctx.amount || ctx.closeDate) lines.push(row('Amount / close', `${orDash(ctx.amount)} · ${orDash(ctx.closeDate)}`));
  lines.push(row('Competitor field', list(ctx.competitorsField)));
  lines.push(row('Text', ctx.text ? `${ctx.text.length} characters: “${excerpt(ctx.text)}”` : DASH));

  const m = result.match;
  if (!m) return lines.join('\n');
  lines.push('', 'Match');

  if (m.account) {
    lines.push(row('Account', `${m.account.name} [${m.account.id}]`));
    for (const r of m.accountReasons) lines.push(more(`- ${r.text}`));
  } else {
    lines.push(row('Account', m.candidates.length ? 'none chosen — did you mean:' : 'no account'));
    for (const r of m.accountReasons) lines.push(more(`- ${r.text}`));
    const lf = m.lookedFor;
    const looked = [
      lf.ids.length ? `CRM ids ${lf.ids.join(', ')}` : '',
      lf.domains.length ? `domains ${lf.domains.join(', ')}` : '',
      lf.names.length ? `names ${lf.names.map((n) => `“${n}”`).join(', ')}` : '',
      lf.emails.length ? `e-mails ${lf.emails.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(more(`looked for: ${looked.length ? looked.join('; ') : 'nothing (the page gave no id, domain, e-mail or name)'}`));
  }
  for (const c of m.candidates) {
    lines.push(more(`? ${c.name} [${c.id}] confidence ${c.confidence}`));
    for (const r of c.reasons) lines.push(more(`    - ${r.text}`));
  }

  lines.push(row('Competitors', m.competitors.length ? String(m.competitors.length) : 'none'));
  for (const c of m.competitors) {
    const src = c.evidence.sources.map((s) => (s === 'mentions' ? `mentioned ${c.evidence.mentionCount}×` : SOURCE_WORDS[s] ?? s)).join(', ');
    lines.push(more(`${c.name} [${c.id}] — ${src}; confidence ${c.confidence}`));
    for (const r of c.evidence.reasons) lines.push(more(`    - ${r.text}`));
    for (const s of c.evidence.snippets) lines.push(more(`      ${s}`));
  }

  lines.push(row('Playbook', m.playbook ? `${m.playbook.name} [${m.playbook.id}]` : 'none'));
  for (const r of m.playbookReasons) lines.push(more(`- ${r.text}`));
  lines.push(row('Stage', m.stage ? `${m.stage.name} [${m.stage.playbookId}/${m.stage.stageId}] ${STAGE_SOURCE[m.stage.source]}` : ctx.stage ? `none: no playbook maps “${ctx.stage}”` : 'none'));
  for (const r of m.stage?.reasons ?? []) lines.push(more(`- ${r.text}`));

  if (m.health) {
    const h = m.health;
    const trend = h.delta === null ? 'no earlier snapshot' : `${h.delta > 0 ? '↑ +' : h.delta < 0 ? '↓ ' : '→ '}${h.delta} since the previous snapshot`;
    lines.push(row('Health', `${h.score}/100 ${h.bandLabel} (${h.color}), ${trend}; snapshot ${h.date}${h.missing.length ? `; missing: ${h.missing.join(', ')}` : ''}`));
  } else {
    lines.push(row('Health', m.account ? 'no snapshot in the pack' : 'none (no account)'));
  }
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** Which reading layer produced the context, and what the site's own selectors missed (utils/sites/layers.ts). */
function readingLine(ctx: PageContext): string {
  const r = ctx.read!;
  if (r.layer === 'selectors') return `the ${SITE_LABEL[ctx.site]} adapter's selectors`;
  const how = r.layer === 'semantic' ? 'labels, ARIA and links (semantic layer)' : 'the page text only (page-text layer: names in the heading pick, the rest are candidates)';
  const why = r.missing
    ? `; the adapter's "${r.missing}" was not found (utils/sites/${ctx.site}/selectors.ts may need the new markup)`
    : r.filled?.length
      ? `; the adapter read the page but not: ${r.filled.join(', ')}`
      : '';
  return `${how}${why}`;
}
