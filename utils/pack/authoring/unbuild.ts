/**
 * The reverse of build: a JSON pack as an authoring folder (YAML, per-locale Markdown,
 * accounts.csv and health.csv with their mapping). For moving an existing pack.json
 * to the folder form; building the folder gives the same pack back (the CLI checks).
 *
 * Prose moves to Markdown only where it reads back exactly; anything else (a text
 * that would parse as a heading, list items with different locales) stays in YAML.
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import { bodyText, labelled, listItems, mdLines, sections } from './markdown';
import { csvCell } from './csv';
import { ACCOUNT_FIELDS, DEFAULT_LIST_SEPARATOR, LIST_TARGETS, NUMBER_TARGETS, innerKeys, readTarget, type AccountTarget } from './config';
import { canonicalOrder } from './format';
import { BATTLECARD_SECTIONS, FILES, HEALTH_MODEL_STEM, OBJECTION_PARTS, PLAIN_OBJECTION_PARTS, isBattlecardSection, mdName, objectionPart } from './layout';
import { claimSourcesOf, SOURCES_KEY } from './build/claimSources';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const COLUMN_NAMES: Record<AccountTarget, string> = {
  id: 'Account ID',
  name: 'Account Name',
  aliases: 'Aliases',
  domains: 'Domains',
  'crmIds.salesforce': 'Salesforce ID',
  'crmIds.hubspot': 'HubSpot ID',
  'crmIds.dynamics': 'Dynamics ID',
  'crmIds.pipedrive': 'Pipedrive ID',
  'crmIds.zoho': 'Zoho ID',
  'crmIds.generic': 'CRM ID',
  segment: 'Segment',
  industry: 'Industry',
  region: 'Region',
  owner: 'Owner',
  competitors: 'Competitors',
  'stage.playbookId': 'Playbook',
  'stage.stageId': 'Stage',
  renewalDate: 'Renewal Date',
  arr: 'ARR',
  currency: 'Currency',
  stack: 'Stack',
  lifecycle: 'Lifecycle',
};
const HEALTH_COLUMNS = { account: COLUMN_NAMES.id, date: 'Date', note: 'Note' };
const LIST_SEPARATOR = DEFAULT_LIST_SEPARATOR;

function yaml(value: unknown, comment?: string): string {
  const doc = new Document(value);
  if (comment) doc.commentBefore = comment;
  // Short lists of plain values on one line: `aliases: [Globex, GlobexIQ]`.
  visit(doc, {
    Seq(_, node) {
      if (!isSeq(node) || !node.items.every((i) => isScalar(i) && typeof i.value !== 'object')) return;
      const len = node.items.reduce<number>((n, i) => n + String((i as { value: unknown }).value).length + 2, 0);
      if (len <= 70 && node.items.every((i) => !/[\n,[\]{}#:]/.test(String((i as { value: unknown }).value)))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 110, minContentWidth: 40, flowCollectionPadding: false });
}

/** Locale keys of a Text, or null for a plain string; undefined when it is not a Text. */
function textLocales(t: unknown): string[] | null | undefined {
  if (typeof t === 'string') return null;
  if (isObj(t) && Object.values(t).every((x) => typeof x === 'string')) return Object.keys(t);
  return undefined;
}

/**
 * The locale layout all these Texts share: null = plain strings (one `.md` file),
 * string[] = the same locales in each. undefined when they differ.
 */
function sharedLayout(texts: unknown[], locales: string[]): string[] | null | undefined {
  let layout: string[] | null | undefined;
  for (const t of texts) {
    const l = textLocales(t);
    if (l === undefined) return undefined;
    if (l && !l.every((x) => locales.includes(x))) return undefined;
    const key = l === null ? null : [...l].sort((a, b) => locales.indexOf(a) - locales.indexOf(b));
    if (layout === undefined) layout = key;
    else if (JSON.stringify(layout) !== JSON.stringify(key)) return undefined;
  }
  return layout === undefined ? null : layout;
}

const pick = (t: unknown, locale: string | null) => (locale === null ? (t as string) : (t as Obj)[locale] as string);

const readsBackAsMarkdown = (t: string) => {
  const s = sections(mdLines(`## x\n\n${t}\n`), 2);
  return s.sections.length === 1 && !s.higher.length && bodyText(s.sections[0].body).text === t;
};
const readsBackAsItem = (t: string) => {
  const { items, stray } = listItems(mdLines(`- ${t}`));
  return !stray.length && items.length === 1 && items[0].text === t;
};
const readsBackAsPart = (t: string, label: string) => {
  const { parts } = labelled(mdLines(`**${label}:** ${t}`), objectionPart);
  return parts.length === 1 && parts[0].text === t && !mdLines(t).some((l) => l.heading);
};

const PART_KEYS = OBJECTION_PARTS.map((p) => p.key);

/** Every Text of a battlecard; null when an objection has fields Markdown cannot hold. */
function battlecardTexts(card: Obj): unknown[] | null {
  const texts: unknown[] = [];
  for (const { field, kind } of BATTLECARD_SECTIONS) {
    const value = card[field];
    if (kind === 'markdown' && value !== undefined) texts.push(value);
    else if (kind === 'list' && Array.isArray(value)) texts.push(...(value as unknown[]));
    else if (kind === 'objections' && Array.isArray(value)) {
      for (const o of value as unknown[]) {
        if (!isObj(o) || typeof o.id !== 'string' || Object.keys(o).some((k) => k !== 'id' && !PART_KEYS.includes(k))) return null;
        texts.push(o.objection, o.response);
        if (o.proof !== undefined) texts.push(o.proof);
        if (o.audience !== undefined && typeof o.audience !== 'string') return null;
      }
    }
  }
  return texts;
}

/** One locale's battlecard Markdown; null when some text would not read back the same. */
function battlecardDoc(card: Obj, locale: string | null, title: string): string | null {
  const out: string[] = [`# ${title}`, ''];
  for (const { field, title: heading, kind } of BATTLECARD_SECTIONS) {
    const value = card[field];
    if (value === undefined) continue;
    out.push(`## ${heading}`, '');
    if (kind === 'markdown') {
      const t = pick(value, locale);
      if (!readsBackAsMarkdown(t)) return null;
      out.push(t, '');
    } else if (kind === 'list') {
      for (const item of value as unknown[]) {
        const t = pick(item, locale);
        if (!readsBackAsItem(t)) return null;
        out.push(`- ${t}`);
      }
      out.push('');
    } else {
      for (const o of value as Obj[]) {
        out.push(`### ${o.id as string}`, '');
        for (const { key, label } of OBJECTION_PARTS) {
          if (o[key] === undefined) continue;
          const t = PLAIN_OBJECTION_PARTS.has(key) ? String(o[key]) : pick(o[key], locale);
          if (!readsBackAsPart(t, label)) return null;
          out.push(`**${label}:** ${t}`, '');
        }
      }
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Battlecard → one Markdown text per locale, or null when it must stay in YAML. */
function battlecardDocs(card: Obj, locales: string[], title: string): Map<string | null, string> | null {
  const texts = battlecardTexts(card);
  if (!texts) return null;
  const layout = sharedLayout(texts, locales);
  if (layout === undefined) return null;
  const docs = new Map<string | null, string>();
  for (const locale of layout ?? [null]) {
    const doc = battlecardDoc(card, locale, title);
    if (doc === null) return null;
    docs.set(locale, doc);
  }
  return docs;
}

/** `## <id>` sections of Markdown (stage guidance, band plays); null when they must stay in YAML. */
function idDocs(entries: { id: string; text: unknown }[], locales: string[], title: string): Map<string | null, string> | null {
  const layout = sharedLayout(
    entries.map((e) => e.text),
    locales,
  );
  if (layout === undefined) return null;
  const docs = new Map<string | null, string>();
  for (const locale of layout ?? [null]) {
    const out = [`# ${title}`, ''];
    for (const e of entries) {
      const t = pick(e.text, locale);
      if (!readsBackAsMarkdown(t)) return null;
      out.push(`## ${e.id}`, '', t, '');
    }
    docs.set(locale, `${out.join('\n').replace(/\n+$/, '')}\n`);
  }
  return docs;
}

const plain = (t: unknown, defaultLocale: string) => (typeof t === 'string' ? t : isObj(t) ? ((t[defaultLocale] ?? Object.values(t)[0]) as string) : String(t));
const omit = (o: Obj, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

export interface UnbuildResult {
  files: Record<string, string>;
  notes: string[];
}

type Files = Record<string, string>;

function unbuildCompetitor(files: Files, notes: string[], c: Obj, locales: string[]): void {
  const id = c.id as string;
  const { battlecard, ...rest } = c;
  // Claim sources go to the YAML's `sources` map and the claims' text to the Markdown;
  // fields that are not Markdown sections (pricingAudience, regional variants, …) stay in the YAML's battlecard block.
  const split = isObj(battlecard) ? claimSourcesOf(battlecard) : null;
  const sectionsOnly = split ? Object.fromEntries(Object.entries(split.card).filter(([k]) => isBattlecardSection(k))) : null;
  const yamlCard = split ? Object.fromEntries(Object.entries(split.card).filter(([k]) => !isBattlecardSection(k))) : {};
  const docs = sectionsOnly ? battlecardDocs(sectionsOnly, locales, String(c.name ?? id)) : null;
  if (docs) {
    const withCard = Object.keys(yamlCard).length ? { ...rest, battlecard: yamlCard } : rest;
    files[`competitors/${id}.yaml`] = yaml(split!.sources ? { ...withCard, [SOURCES_KEY]: split!.sources } : withCard);
    for (const [locale, text] of docs) files[mdName(`competitors/${id}`, locale)] = text;
  } else {
    files[`competitors/${id}.yaml`] = yaml(c);
    notes.push(`competitors/${id}.yaml: battlecard kept in YAML (its texts do not share one locale layout, or would not read back from Markdown)`);
  }
}

/**
 * `<stem>.yaml` for an entity whose list items' `field` (stage guidance, band play)
 * moves to `## <id>` sections of `<stem>.<locale>.md`, or stays in YAML when it would
 * not read back the same.
 */
function unbuildWithIdDocs(files: Files, stem: string, obj: Obj, list: string, field: string, title: string, locales: string[]): void {
  const items = Array.isArray(obj[list]) ? (obj[list] as Obj[]) : [];
  const withText = items.filter((x) => isObj(x) && x[field] !== undefined && typeof x.id === 'string');
  const docs = withText.length ? idDocs(withText.map((x) => ({ id: x.id as string, text: x[field] })), locales, title) : null;
  if (!docs) {
    files[`${stem}.yaml`] = yaml(obj);
    return;
  }
  files[`${stem}.yaml`] = yaml({ ...obj, [list]: items.map((x) => (isObj(x) ? omit(x, field) : x)) });
  for (const [locale, text] of docs) files[mdName(stem, locale)] = text;
}

/** pack.yaml, and the accounts as CSV exports where each fits one row (else accounts.yaml). */
function unbuildAccounts(files: Files, notes: string[], pack: Obj, config: Obj, locales: string[]): void {
  const hm = pack.healthModel;
  const accounts = (pack.accounts as Obj[] | undefined) ?? [];
  const measures = isObj(hm) && Array.isArray(hm.measures) ? (hm.measures as Obj[]).map((m) => m.id as string) : [];
  const csv = accountsCsv(accounts, measures, locales);
  if (csv) {
    files['accounts.csv'] = csv.accounts;
    config.accounts = { file: 'accounts.csv', listSeparator: LIST_SEPARATOR, columns: csv.columns };
    if (csv.health) {
      files['health.csv'] = csv.health;
      config.health = csv.healthConfig;
    }
  } else {
    files[FILES.accounts] = yaml(accounts);
    notes.push(`${FILES.accounts}: accounts kept in YAML (some do not fit one CSV row each)`);
  }
  files[FILES.pack] = yaml(
    config,
    ' The pack\'s identity, the order of competitors and playbooks, and how the CSV\n exports map onto accounts and health snapshots. See docs/ops-guide.md.',
  );
}

/** A JSON pack (parsed, not necessarily valid) → authoring folder files. */
export function unbuildPack(input: unknown): UnbuildResult {
  if (!isObj(input) || !isObj(input.meta)) throw new Error('not a pack: expected an object with meta');
  const pack = canonicalOrder(input);
  const meta = pack.meta as Obj;
  const locales = Array.isArray(meta.locales) ? (meta.locales as string[]) : [];
  const defaultLocale = (meta.defaultLocale as string) ?? 'en';
  const files: Files = {};
  const notes: string[] = [];

  const competitors = (pack.competitors as Obj[] | undefined) ?? [];
  for (const c of competitors) unbuildCompetitor(files, notes, c, locales);
  const playbooks = (pack.playbooks as Obj[] | undefined) ?? [];
  for (const p of playbooks) unbuildWithIdDocs(files, `playbooks/${p.id as string}`, p, 'stages', 'guidance', `${plain(p.name, defaultLocale)}: stage guidance`, locales);
  if (isObj(pack.healthModel)) unbuildWithIdDocs(files, HEALTH_MODEL_STEM, pack.healthModel, 'bands', 'play', 'Health bands: what to do', locales);

  if (pack.scenarios !== undefined) files[FILES.scenarios] = yaml(pack.scenarios);
  if (pack.sites !== undefined) files[FILES.sites] = yaml(pack.sites);
  if (pack.sitePatches !== undefined) files[FILES.sitePatches] = yaml(pack.sitePatches);
  for (const key of ['products', 'experts', 'rules'] as const) if (pack[key] !== undefined) files[FILES[key]] = yaml(pack[key]);
  if (pack.qualification !== undefined) files[FILES.qualification] = yaml(pack.qualification);
  if (pack.winLoss !== undefined) files[FILES.winLoss] = yaml(pack.winLoss);

  const config: Obj = { meta, order: { competitors: competitors.map((c) => c.id), playbooks: playbooks.map((p) => p.id) } };
  unbuildAccounts(files, notes, pack, config, locales);
  return { files, notes };
}

/** Whether every account fits one CSV row (and its snapshots health rows); the targets used and the note layout. */
function csvFit(accounts: Obj[], measures: string[], locales: string[]): { targets: Set<AccountTarget>; noteLayout: string[] | null; hasNotes: boolean } | null {
  const targets = new Set<AccountTarget>();
  const notes: unknown[] = [];
  for (const a of accounts) {
    if (!isObj(a) || Object.keys(a).some((k) => !ACCOUNT_FIELDS.has(k) && k !== 'health')) return null;
    for (const [k, v] of Object.entries(a)) {
      const inner = innerKeys(k);
      if (inner.length && v !== undefined && (!isObj(v) || Object.keys(v).some((x) => !inner.includes(x)))) return null;
    }
    for (const t of Object.keys(COLUMN_NAMES) as AccountTarget[]) {
      const v = readTarget(a, t);
      if (v === undefined) continue;
      if (!cellFits(t, v)) return null;
      if (!LIST_TARGETS.has(t) || (v as unknown[]).length) targets.add(t);
    }
    for (const h of (a.health as Obj[] | undefined) ?? []) {
      if (!isObj(h) || typeof h.date !== 'string' || !isObj(h.signals) || Object.keys(h).some((k) => !['date', 'signals', 'note'].includes(k))) return null;
      if (Object.entries(h.signals).some(([k, x]) => !measures.includes(k) || typeof x !== 'number')) return null;
      if (h.note !== undefined) notes.push(h.note);
    }
  }
  if (!notes.length) return { targets, noteLayout: null, hasNotes: false };
  const noteLayout = sharedLayout(notes, locales);
  if (noteLayout === undefined) return null;
  if (notes.some((n) => (typeof n === 'string' ? !oneLine(n) : Object.values(n as Obj).some((x) => !oneLine(x as string))))) return null;
  return { targets, noteLayout, hasNotes: true };
}

const oneLine = (s: string) => !/[\r\n]/.test(s) && s.trim() === s;

/** A value the build reads back the same from one cell. */
function cellFits(t: AccountTarget, v: unknown): boolean {
  if (LIST_TARGETS.has(t)) return Array.isArray(v) && v.every((x) => typeof x === 'string' && !x.includes(LIST_SEPARATOR) && oneLine(x) && !!x);
  if (NUMBER_TARGETS.has(t)) return typeof v === 'number';
  return typeof v === 'string' && oneLine(v) && !!v;
}

function accountsCsv(accounts: Obj[], measures: string[], locales: string[]) {
  const fit = csvFit(accounts, measures, locales);
  if (!fit) return null;
  const cols = (Object.keys(COLUMN_NAMES) as AccountTarget[]).filter((t) => fit.targets.has(t) || t === 'id' || t === 'name');
  const rows = [cols.map((t) => csvCell(COLUMN_NAMES[t])).join(',')];
  for (const a of accounts) {
    rows.push(
      cols
        .map((t) => {
          const v = readTarget(a, t);
          return csvCell(v === undefined ? '' : Array.isArray(v) ? v.join(LIST_SEPARATOR) : (v as string | number));
        })
        .join(','),
    );
  }
  const columns = Object.fromEntries(cols.map((t) => [t, COLUMN_NAMES[t]]));
  const health = healthCsv(accounts, measures, fit.hasNotes ? fit.noteLayout : undefined);
  return { accounts: `${rows.join('\n')}\n`, columns, health: health?.text ?? null, healthConfig: health?.config ?? null };
}

/** noteLayout: undefined when no snapshot has a note. */
function healthCsv(accounts: Obj[], measures: string[], noteLayout: string[] | null | undefined): { text: string; config: Obj } | null {
  const snapshots = accounts.flatMap((a) => ((a.health as Obj[] | undefined) ?? []).map((h) => ({ id: a.id as string, h })));
  if (!snapshots.length) return null;
  const used = measures.filter((m) => snapshots.some((s) => m in (s.h.signals as Obj)));
  const noteCols =
    noteLayout === undefined ? [] : noteLayout === null ? [{ locale: null as string | null, name: HEALTH_COLUMNS.note }] : noteLayout.map((l) => ({ locale: l as string | null, name: `${HEALTH_COLUMNS.note} (${l})` }));
  const hrows = [[HEALTH_COLUMNS.account, HEALTH_COLUMNS.date, ...used, ...noteCols.map((n) => n.name)].map((h) => csvCell(h)).join(',')];
  for (const { id, h } of snapshots) {
    const sig = h.signals as Record<string, number>;
    const note = h.note;
    hrows.push(
      [
        csvCell(id),
        csvCell(h.date as string),
        ...used.map((m) => csvCell(sig[m] === undefined ? '' : sig[m])),
        ...noteCols.map((n) => csvCell(note === undefined ? '' : n.locale === null ? (note as string) : (((note as Obj)[n.locale] as string | undefined) ?? ''))),
      ].join(','),
    );
  }
  const config: Obj = { file: 'health.csv', account: HEALTH_COLUMNS.account, date: HEALTH_COLUMNS.date, signals: Object.fromEntries(used.map((m) => [m, m])) };
  if (noteCols.length) config.note = noteLayout === null ? HEALTH_COLUMNS.note : Object.fromEntries(noteCols.map((n) => [n.locale, n.name]));
  return { text: `${hrows.join('\n')}\n`, config };
}
