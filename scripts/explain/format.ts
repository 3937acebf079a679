/** The readable report `npm run explain` prints without `--json`. */
import { formatFieldOps } from './fieldOps';
import { SITE_LABEL } from '../../utils/sites/labels';
import type { PageContext } from '../../utils/sites/types';
import type { ExplainResult } from './explain';
import { formatRep } from './rep';

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
  if (ctx.nextStep) lines.push(row('Next step', ctx.nextStep));
  if (ctx.contactRoles?.length) lines.push(row('Contact roles', ctx.contactRoles.map((c) => `${c.name} (${c.role})`).join(', ')));
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
    if (c.internal.length) lines.push(more(`    internal (no Insert): ${c.internal.join(', ')}`));
    for (const o of c.oldClaims ?? []) lines.push(more(`    ! old claim (${o.asOf}, ${o.ageDays} days${o.source ? `, ${o.source}` : ''}): ${excerpt(o.text, 80)} [${o.path}]`));
  }
  lines.push(row('Roles', `default ${m.roles.defaultRole}; ${Object.entries(m.roles.layouts).map(([r, l]) => `${r}: ${l.join(' › ')}`).join('; ')}`));

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
  if (m.fieldOps) lines.push(...formatFieldOps(m.fieldOps, row, more));
  lines.push(...formatRep(m.rep, row, more));
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
