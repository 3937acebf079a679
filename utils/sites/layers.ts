/**
 * Reading a record page in layers, strongest first, each saying it was the one:
 * 1. `selectors` — the site's own adapter (utils/sites/<site>/extract.ts), written
 *    against the CRM's current markup;
 * 2. `semantic` — what survives a release: ARIA, field labels beside values, link
 *    targets, addresses in text (utils/sites/semantic.ts), filling in only what the
 *    adapter could not find;
 * 3. `page-text` — nothing above names the account: the record's visible text and the
 *    URL's record id go to the matcher, which looks the pack's account names, aliases
 *    and domains up in it (utils/match/pageText.ts).
 * A URL that names no record is never read; a record page with almost no text yet is
 * "not rendered yet" (null), never a guess.
 */
import { makeContext } from './context';
import { first } from './dom';
import { readSemantic, type SemanticReading } from './semantic';
import type { SitePatch } from '../pack/schema';
import { patchFor, readPatch } from './patches';
import type { Site } from './site';
import type { PageContext, ReadInfo } from './types';

const ACCOUNT_RECORDS = new Set(['account', 'company', 'organization']);
const DEAL_RECORDS = new Set(['opportunity', 'deal']);

/** Does the context say which account this is (before any pack is asked)? */
export function identifies(ctx: PageContext): boolean {
  return !!(ctx.accountName || ctx.accountId || ctx.domains.length || ctx.emails.length || ctx.participants?.length || (ctx.recordId && ACCOUNT_RECORDS.has(ctx.recordType)));
}

/** The first landmark the adapter needs that the page does not have: what to say when the selectors read nothing. */
export function missingLandmark(site: Site, doc: Document): string | null {
  for (const l of site.landmarks) if (!first(doc, l.selector)) return l.name;
  return null;
}

/** The adapter's reading, with the semantic layer's findings where the adapter found nothing. */
function fillIn(ctx: PageContext, sem: SemanticReading): { ctx: PageContext; filled: string[] } {
  const out = { ...ctx };
  const filled: string[] = [];
  if (!out.accountName && sem.accountName) (out.accountName = sem.accountName), filled.push('account');
  if (!out.accountId && sem.accountId) (out.accountId = sem.accountId), filled.push('account id');
  if (!out.domains.length && sem.websites.length) (out.domains = sem.websites), filled.push('website');
  if (!out.emails.length && !out.participants?.length && sem.emails.length) (out.emails = sem.emails), filled.push('e-mail addresses');
  if (DEAL_RECORDS.has(out.recordType) && !out.stage && sem.stage) (out.stage = sem.stage), filled.push('stage');
  if (!out.competitorsField.length && sem.competitors.length) (out.competitorsField = sem.competitors), filled.push('competitor field');
  if (!out.text && sem.text) out.text = sem.text;
  return { ctx: out, filled };
}

/** A context from the semantic layer alone, for a record page the adapter could not read at all. */
function fromSemantic(site: Site, ref: { recordType: PageContext['recordType']; recordId: string }, sem: SemanticReading): PageContext {
  const isAccount = ACCOUNT_RECORDS.has(ref.recordType);
  const mail = ref.recordType === 'thread';
  return makeContext({
    site: site.id,
    recordType: ref.recordType,
    recordId: ref.recordId,
    accountName: isAccount ? null : sem.accountName,
    accountId: isAccount ? ref.recordId : sem.accountId,
    websites: sem.websites,
    emails: sem.emails,
    stage: DEAL_RECORDS.has(ref.recordType) ? sem.stage : null,
    competitorsField: sem.competitors,
    ...(mail ? { subject: sem.heading } : {}),
    text: [sem.text],
  });
}

/** The adapter's reading with the pack's patch applied: the fields the patch reads replace the adapter's. */
function patched(site: Site, ref: { recordType: PageContext['recordType']; recordId: string }, precise: PageContext | null, doc: Document, url: URL, patch: SitePatch): { ctx: PageContext | null; names: string[] } {
  const { fields, names } = readPatch(doc, url, patch);
  if (!names.length) return { ctx: precise, names };
  const { text, ...rest } = fields;
  const base =
    precise ??
    makeContext({ site: site.id, recordType: ref.recordType, recordId: ref.recordId, accountName: null, accountId: ACCOUNT_RECORDS.has(ref.recordType) ? ref.recordId : null });
  const ctx = makeContext({
    site: base.site,
    recordType: base.recordType,
    recordId: base.recordId,
    accountName: rest.accountName ?? base.accountName,
    ...('accountId' in base || rest.accountId ? { accountId: rest.accountId ?? base.accountId ?? null } : {}),
    websites: rest.domains ?? base.domains,
    emails: rest.emails ?? base.emails,
    stage: rest.stage ?? base.stage,
    competitorsField: rest.competitorsField ?? base.competitorsField,
    text: text ?? [base.text],
  });
  // Mail and deal fields the patch has no reader for stay as the adapter read them.
  return { ctx: { ...base, ...ctx, domains: ctx.domains, emails: ctx.emails }, names };
}

/**
 * The record on the page, read in layers; null when the URL is not a record or the
 * record has not rendered yet. `read` on the result says which layer produced it.
 * `patches`: the pack's `sitePatches` (the content script asks the background for them).
 */
export function readRecord(site: Site, doc: Document, url: URL, patches: readonly SitePatch[] = []): PageContext | null {
  const ref = site.record(url);
  if (!ref) return null;
  let precise = site.extract(doc, url);
  if (site.fallback === false) return precise;
  const patch = patches.length ? patchFor(site.id, url, patches) : null;
  if (patch) {
    const p = patched(site, ref, precise, doc, url, patch);
    if (p.names.length && p.ctx) {
      precise = p.ctx;
      if (identifies(precise)) return { ...precise, read: { layer: 'selectors', patch: patch.id, filled: p.names } };
    }
  }
  if (precise && identifies(precise)) return { ...precise, read: { layer: 'selectors' } };

  const sem = readSemantic(doc, url, { accountIdFromHref: site.accountIdFromHref });
  if (!sem) return precise ? { ...precise, read: { layer: 'selectors' } } : null;

  let ctx: PageContext;
  let read: ReadInfo;
  if (precise) {
    const { ctx: filled, filled: what } = fillIn(precise, sem);
    ctx = filled;
    read = { layer: identifies(filled) ? 'semantic' : 'page-text', filled: what };
  } else {
    ctx = fromSemantic(site, ref, sem);
    read = { layer: identifies(ctx) && (ctx.accountName || ctx.domains.length || ctx.emails.length || ctx.accountId) ? 'semantic' : 'page-text', missing: missingLandmark(site, doc) };
    // An account page's own id identifies it only when the pack maps ids; its name is the heading, looked up as page text.
    if (ACCOUNT_RECORDS.has(ref.recordType) && !ctx.accountName && !ctx.domains.length && !ctx.emails.length) read.layer = 'page-text';
  }
  if (sem.heading) read.heading = sem.heading.slice(0, 300);
  return { ...ctx, read };
}
