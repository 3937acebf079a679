/**
 * The pages the markup-change evaluation reads: every committed record fixture and every
 * demo page, each with the account a person would say it shows. The pack is the sample
 * pack plus one account per page whose company the sample pack does not know (built from
 * what the unchanged page shows: name, website or mail domains, CRM id), so "the right
 * account" is always a concrete pack account and a wrong pick is countable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { DEMO_PAGES } from '../demo/routes';
import { fixtures, DEMO_PAGES_DIR } from '../../tests/unit/sites/helpers';
import { extractPage } from '../../utils/sites/registry';
import { buildIndex, type PackIndex } from '../../utils/match/index';
import { matchPage } from '../../utils/match/match';
import { normalizeName } from '../../utils/match/normalize';
import { CRM_SITES, type Account, type KnowledgePack, type SiteRule } from '../../utils/pack/schema';
import type { PageContext } from '../../utils/sites/types';

export interface EvalPage {
  id: string;
  url: string;
  html: string;
  rules: SiteRule[];
}

export const parse = (html: string): Document => parseHTML(html).document as unknown as Document;

/** Record pages only: fixtures whose expected context is null are lists and inboxes, not records. */
export function evalPages(): EvalPage[] {
  const out: EvalPage[] = [];
  for (const f of fixtures()) {
    if (!f.context) continue;
    out.push({ id: `${f.site}/${f.name}`, url: f.url, html: readFileSync(f.html, 'utf8'), rules: f.rules ?? [] });
  }
  // A scripted page's served HTML is its app shell: no record to read without running it.
  for (const d of DEMO_PAGES.filter((p) => !p.scripted)) out.push({ id: `demo/${d.id}`, url: d.url, html: readFileSync(join(DEMO_PAGES_DIR, d.file), 'utf8'), rules: [] });
  return out;
}

export function read(page: EvalPage, mutate?: (doc: Document) => void): PageContext | null {
  const doc = parse(page.html);
  mutate?.(doc);
  return extractPage(doc, new URL(page.url), page.rules);
}

const ownOrFree = /(^|\.)(lumora\.com|gmail\.com|outlook\.com|hotmail\.com|qq\.com|163\.com)$/;

/** The account a person reads on the unchanged page, for a pack that does not know it yet. */
function accountFor(page: EvalPage, ctx: PageContext, n: number): Account | null {
  const domains = [...new Set([...ctx.domains, ...ctx.emails.map((e) => e.split('@')[1] ?? '')])].filter((d) => d && !ownOrFree.test(d));
  const name = ctx.accountName ?? null;
  if (!name && !domains.length) return null;
  const crm = (CRM_SITES as readonly string[]).includes(ctx.site) ? ctx.site : null;
  return {
    id: `eval-${n}`,
    name: name ?? domains[0]!,
    aliases: [],
    domains: domains.slice(0, 3),
    crmIds: crm && ctx.accountId ? { [crm]: [ctx.accountId] } : {},
    competitors: [],
    health: [],
  } as Account;
}

export interface Corpus {
  pack: KnowledgePack;
  index: PackIndex;
  /** Pages with the account each shows; pages that name no company (a lead with no company) are listed apart. */
  pages: { page: EvalPage; accountId: string }[];
  noAccount: string[];
}

export function buildCorpus(sample: KnowledgePack, now: Date): Corpus {
  const pages = evalPages();
  const added: Account[] = [];
  const known = (pack: KnowledgePack) => buildIndex(pack);
  let pack: KnowledgePack = sample;
  let index = known(pack);
  const byName = new Map<string, string>();
  for (const page of pages) {
    const ctx = read(page);
    if (!ctx) continue;
    const m = matchPage(index, ctx, { now });
    if (m.accountId) continue;
    const acc = accountFor(page, ctx, added.length + 1);
    if (!acc) continue;
    const key = normalizeName(acc.name);
    if (byName.has(key)) continue;
    byName.set(key, acc.id);
    added.push(acc);
    pack = { ...sample, accounts: [...sample.accounts, ...added] };
    index = known(pack);
  }
  const out: Corpus['pages'] = [];
  const noAccount: string[] = [];
  for (const page of pages) {
    const ctx = read(page);
    const m = ctx ? matchPage(index, ctx, { now }) : null;
    if (m?.accountId) out.push({ page, accountId: m.accountId });
    else noAccount.push(page.id);
  }
  return { pack, index, pages: out, noAccount };
}
