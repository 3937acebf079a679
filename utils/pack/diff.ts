/**
 * What a new pack version changes, per entity: added, removed, changed (with the
 * fields that changed). Shared by `npm run pack -- diff` and the options page's
 * preview before activation. Pure; lists can be capped for big packs (the counts
 * always cover everything).
 */
import type { KnowledgePack } from './schema';
import { localize } from './text';
import { grouped } from './grouped';

// experts, rules, products: issue 19. Regional variants are fields of their card or scenario: they show as `battlecard.regional.APAC.pricing`.
export const SECTIONS = ['scenarios', 'competitors', 'playbooks', 'accounts', 'measures', 'bands', 'sites', 'products', 'experts', 'rules'] as const;
export type SectionKey = (typeof SECTIONS)[number];

export interface FieldChange {
  /** Path inside the entity; arrays of things with ids are keyed by id: `stages[discovery].goal.en`. */
  path: string;
  /** Short previews; absent means the field was not there. */
  before?: string;
  after?: string;
}

export interface EntityRef {
  id: string;
  name: string;
}

export interface ChangedEntity extends EntityRef {
  fields: FieldChange[];
  /** Changed fields left out of `fields` (over the per-entity cap). */
  moreFields: number;
}

export interface SectionDiff {
  added: EntityRef[];
  removed: EntityRef[];
  changed: ChangedEntity[];
  counts: { added: number; removed: number; changed: number; unchanged: number };
}

export interface PackDiff {
  from: { id: string; version: string; name: string };
  to: { id: string; version: string; name: string };
  /** upgrade / downgrade / same version / a different pack id. */
  direction: 'upgrade' | 'downgrade' | 'same' | 'other-pack';
  meta: FieldChange[];
  sections: Record<SectionKey, SectionDiff>;
  /** Checklist item ids that disappear: reps' ticks on them are dropped. */
  checklistItemsRemoved: string[];
  identical: boolean;
}

export interface DiffOptions {
  /** At most this many added/removed/changed entries per section (counts stay exact). */
  limit?: number;
  /** At most this many field changes per changed entity. */
  fieldLimit?: number;
  lang?: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Semver order (pre-releases before their release). Negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parse = (s: string) => {
    const [core, pre] = s.split('+')[0].split(/-(.*)/s);
    return { nums: core.split('.').map((n) => Number(n)), pre: pre ? pre.split('.') : [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn) return -1;
    if (qn) return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObj(a) && isObj(b)) {
    // Key by key, stopping at the first difference, and an undefined value is an absent
    // key. Nothing is read before it is compared: a stored large pack decodes all its
    // accounts the first time `accounts` is read (utils/store/packStore.ts), which a
    // differing `meta` spares.
    for (const k of Object.keys(a)) if (!sameValue(a[k], b[k])) return false;
    for (const k of Object.keys(b)) if (!(k in a) && b[k] !== undefined) return false;
    return true;
  }
  return false;
}

function preview(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 72 ? `${s.slice(0, 70)}…` : s;
}

const idOf = (x: unknown) => (isObj(x) && typeof x.id === 'string' ? x.id : null);
const keyed = (list: unknown[]) => list.length > 0 && list.every((x) => idOf(x) !== null);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function fieldChanges(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (sameValue(a, b)) return;
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) fieldChanges(a[k], b[k], join(path, /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && keyed(a) && keyed(b)) {
    const before = new Map(a.map((x) => [idOf(x)!, x]));
    const after = new Set(b.map((x) => idOf(x)!));
    for (const x of b) {
      const id = idOf(x)!;
      if (before.has(id)) fieldChanges(before.get(id), x, `${path}[${id}]`, out);
      else out.push({ path: `${path}[${id}]`, after: preview(x) });
    }
    for (const x of a) if (!after.has(idOf(x)!)) out.push({ path: `${path}[${idOf(x)}]`, before: preview(x) });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => fieldChanges(x, b[i], `${path}[${i}]`, out));
    return;
  }
  out.push({ path: path || '(value)', before: preview(a), after: preview(b) });
}

function entities(pack: KnowledgePack, key: SectionKey): Obj[] {
  switch (key) {
    case 'measures':
      return pack.healthModel.measures as unknown as Obj[];
    case 'bands':
      return pack.healthModel.bands as unknown as Obj[];
    default:
      return ((pack as unknown as Obj)[key] as Obj[] | undefined) ?? [];
  }
}

function nameOf(key: SectionKey, e: Obj, pack: KnowledgePack, lang: string): string {
  const loc = (t: unknown) => localize(t as Parameters<typeof localize>[0], lang, pack.meta.defaultLocale);
  switch (key) {
    case 'scenarios':
      return `${String(e.industry)}: ${loc(e.useCase)}`;
    case 'competitors':
    case 'accounts':
      return String(e.name);
    case 'playbooks':
      return loc(e.name);
    case 'measures':
    case 'bands':
      return loc(e.label);
    case 'sites':
      return String(e.host);
    case 'experts':
      return String(e.name);
    case 'products':
      return loc(e.name);
    case 'rules':
      return loc(e.title);
  }
}

export function diffPacks(a: KnowledgePack, b: KnowledgePack, opts: DiffOptions = {}): PackDiff {
  const limit = opts.limit ?? Infinity;
  const fieldLimit = opts.fieldLimit ?? Infinity;
  const lang = opts.lang ?? b.meta.defaultLocale;
  const sections = {} as Record<SectionKey, SectionDiff>;
  let identical = true;
  for (const key of SECTIONS) {
    const before = entities(a, key);
    const after = entities(b, key);
    const old = new Map(before.map((e) => [e.id as string, e]));
    const now = new Set(after.map((e) => e.id as string));
    const s: SectionDiff = { added: [], removed: [], changed: [], counts: { added: 0, removed: 0, changed: 0, unchanged: 0 } };
    for (const e of after) {
      const id = e.id as string;
      const prev = old.get(id);
      if (!prev) {
        s.counts.added++;
        if (s.added.length < limit) s.added.push({ id, name: nameOf(key, e, b, lang) });
      } else if (sameValue(prev, e)) s.counts.unchanged++;
      else {
        s.counts.changed++;
        if (s.changed.length < limit) {
          const fields: FieldChange[] = [];
          fieldChanges(prev, e, '', fields);
          s.changed.push({ id, name: nameOf(key, e, b, lang), fields: fields.slice(0, fieldLimit), moreFields: Math.max(0, fields.length - fieldLimit) });
        }
      }
    }
    for (const e of before) {
      if (now.has(e.id as string)) continue;
      s.counts.removed++;
      if (s.removed.length < limit) s.removed.push({ id: e.id as string, name: nameOf(key, e, a, lang) });
    }
    if (s.counts.added || s.counts.removed || s.counts.changed) identical = false;
    sections[key] = s;
  }
  const meta: FieldChange[] = [];
  fieldChanges(a.meta, b.meta, '', meta);
  if (meta.length) identical = false;

  const itemIds = (p: KnowledgePack) => new Set(p.playbooks.flatMap((pb) => pb.stages.flatMap((st) => st.checklist.map((c) => `${pb.id}/${c.id}`))));
  const newItems = itemIds(b);
  const checklistItemsRemoved = [...itemIds(a)].filter((id) => !newItems.has(id));

  const cmp = compareVersions(b.meta.version, a.meta.version);
  const direction = a.meta.id !== b.meta.id ? 'other-pack' : cmp > 0 ? 'upgrade' : cmp < 0 ? 'downgrade' : 'same';
  const summary = (p: KnowledgePack) => ({ id: p.meta.id, version: p.meta.version, name: localize(p.meta.name, lang, p.meta.defaultLocale) });
  return { from: summary(a), to: summary(b), direction, meta, sections, checklistItemsRemoved, identical };
}

const plural = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

/** The diff as text for a terminal. `limit` caps the entries printed per list. */
export function formatDiff(d: PackDiff, opts: { limit?: number; color?: boolean } = {}): string {
  const limit = opts.limit ?? 50;
  const c = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const head =
    d.direction === 'other-pack'
      ? `${d.from.id} ${d.from.version} → ${d.to.id} ${d.to.version} (a different pack)`
      : `${d.to.id}: ${d.from.version} → ${d.to.version}${d.direction === 'downgrade' ? ' (a DOWNGRADE: the extension refuses it unless it is an explicit rollback)' : d.direction === 'same' ? ' (same version)' : ''}`;
  lines.push(head);
  if (d.identical) {
    lines.push('No changes.');
    return `${lines.join('\n')}\n`;
  }
  if (d.meta.length) {
    lines.push('', 'meta');
    for (const f of d.meta) lines.push(c('33', `  ~ ${f.path}: ${f.before ?? '(none)'} → ${f.after ?? '(none)'}`));
  }
  for (const key of SECTIONS) {
    const s = d.sections[key];
    const { added, removed, changed, unchanged } = s.counts;
    if (!added && !removed && !changed) continue;
    lines.push('', `${key}: ${[added && `${grouped(added)} added`, changed && `${grouped(changed)} changed`, removed && `${grouped(removed)} removed`].filter(Boolean).join(', ')}, ${grouped(unchanged)} unchanged`);
    const shown = { n: 0 };
    const room = () => shown.n++ < limit;
    for (const e of s.added) if (room()) lines.push(c('32', `  + ${e.id}  ${e.name}`));
    for (const e of s.changed) {
      if (!room()) break;
      lines.push(c('33', `  ~ ${e.id}  ${e.name}`));
      for (const f of e.fields) {
        if (f.before === undefined) lines.push(`      + ${f.path}: ${f.after}`);
        else if (f.after === undefined) lines.push(`      - ${f.path}: ${f.before}`);
        else lines.push(`      ~ ${f.path}: ${f.before} → ${f.after}`);
      }
      if (e.moreFields) lines.push(`      … ${plural(e.moreFields, 'more field')}`);
    }
    for (const e of s.removed) if (room()) lines.push(c('31', `  - ${e.id}  ${e.name}`));
    const total = added + changed + removed;
    if (total > limit) lines.push(`  … ${grouped((total - limit))} more (--all lists every one)`);
  }
  if (d.checklistItemsRemoved.length) {
    lines.push('', `checklist items removed (reps' ticks on them are dropped): ${d.checklistItemsRemoved.slice(0, limit).join(', ')}${d.checklistItemsRemoved.length > limit ? ', …' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
