/**
 * The reverse of build: a JSON pack as an authoring folder (YAML, per-locale Markdown,
 * accounts.csv and health.csv with their mapping). For moving an existing pack.json
 * to the folder form; building the folder gives the same pack back (the CLI checks).
 *
 * Prose moves to Markdown only where it reads back exactly; anything else (a text
 * that would parse as a heading, list items with different locales) stays in YAML.
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import { CRM_SITES } from '../schema';
import { bodyText, labelled, listItems, mdLines, sections } from './markdown';
import { csvCell } from './csv';
import { LIST_TARGETS, type AccountTarget } from './config';
import { canonicalOrder } from './format';

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
};

const LIST_SEPARATOR = ';';

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
const readsBackAsPart = (t: string) => {
  const { parts } = labelled(mdLines(`**Response:** ${t}`), (l) => (/^(objection|response|proof)$/i.test(l.trim()) ? l.toLowerCase() : null));
  return parts.length === 1 && parts[0].text === t && !mdLines(t).some((l) => l.heading);
};

const MD_FIELDS = ['summary', 'pricing'];
const LIST_FIELDS = ['whyWeWin', 'whyWeLose', 'landmines', 'proofPoints'];
const SECTION_TITLE: Record<string, string> = {
  summary: 'Summary',
  whyWeWin: 'Why we win',
  whyWeLose: 'Why we lose',
  objections: 'Objections',
  landmines: 'Landmines',
  pricing: 'Pricing',
  proofPoints: 'Proof points',
};

/** Battlecard → one Markdown text per locale, or null when it must stay in YAML. */
function battlecardDocs(card: Obj, locales: string[], title: string): Map<string | null, string> | null {
  const texts: unknown[] = [];
  for (const f of MD_FIELDS) if (card[f] !== undefined) texts.push(card[f]);
  for (const f of LIST_FIELDS) if (Array.isArray(card[f])) texts.push(...(card[f] as unknown[]));
  const objections = Array.isArray(card.objections) ? (card.objections as Obj[]) : [];
  for (const o of objections) {
    if (!isObj(o) || typeof o.id !== 'string' || Object.keys(o).some((k) => !['id', 'objection', 'response', 'proof'].includes(k))) return null;
    texts.push(o.objection, o.response);
    if (o.proof !== undefined) texts.push(o.proof);
  }
  if (Object.keys(card).some((k) => !(k in SECTION_TITLE))) return null;
  const layout = sharedLayout(texts, locales);
  if (layout === undefined) return null;
  const docs = new Map<string | null, string>();
  for (const locale of layout ?? [null]) {
    const out: string[] = [`# ${title}`, ''];
    for (const field of Object.keys(SECTION_TITLE)) {
      const value = card[field];
      if (value === undefined) continue;
      out.push(`## ${SECTION_TITLE[field]}`, '');
      if (MD_FIELDS.includes(field)) {
        const t = pick(value, locale);
        if (!readsBackAsMarkdown(t)) return null;
        out.push(t, '');
      } else if (LIST_FIELDS.includes(field)) {
        for (const item of value as unknown[]) {
          const t = pick(item, locale);
          if (!readsBackAsItem(t)) return null;
          out.push(`- ${t}`);
        }
        out.push('');
      } else {
        for (const o of value as Obj[]) {
          out.push(`### ${o.id as string}`, '');
          for (const [part, label] of [['objection', 'Objection'], ['response', 'Response'], ['proof', 'Proof']] as const) {
            if (o[part] === undefined) continue;
            const t = pick(o[part], locale);
            if (!readsBackAsPart(t)) return null;
            out.push(`**${label}:** ${t}`, '');
          }
        }
      }
    }
    docs.set(locale, `${out.join('\n').replace(/\n+$/, '')}\n`);
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

const mdName = (stem: string, locale: string | null) => (locale ? `${stem}.${locale}.md` : `${stem}.md`);
const plain = (t: unknown, defaultLocale: string) => (typeof t === 'string' ? t : isObj(t) ? ((t[defaultLocale] ?? Object.values(t)[0]) as string) : String(t));

export interface UnbuildResult {
  files: Record<string, string>;
  notes: string[];
}

/** A JSON pack (parsed, not necessarily valid) → authoring folder files. */
export function unbuildPack(input: unknown): UnbuildResult {
  if (!isObj(input) || !isObj(input.meta)) throw new Error('not a pack: expected an object with meta');
  const pack = canonicalOrder(input);
  const meta = pack.meta as Obj;
  const locales = Array.isArray(meta.locales) ? (meta.locales as string[]) : [];
  const defaultLocale = (meta.defaultLocale as string) ?? 'en';
  const files: Record<string, string> = {};
  const notes: string[] = [];

  // competitors
  const competitors = (pack.competitors as Obj[] | undefined) ?? [];
  for (const c of competitors) {
    const id = c.id as string;
    const { battlecard, ...rest } = c;
    const docs = isObj(battlecard) ? battlecardDocs(battlecard, locales, String(c.name ?? id)) : null;
    if (docs) {
      files[`competitors/${id}.yaml`] = yaml(rest);
      for (const [locale, text] of docs) files[mdName(`competitors/${id}`, locale)] = text;
    } else {
      files[`competitors/${id}.yaml`] = yaml(c);
      notes.push(`competitors/${id}.yaml: battlecard kept in YAML (its texts do not share one locale layout, or would not read back from Markdown)`);
    }
  }

  // playbooks
  const playbooks = (pack.playbooks as Obj[] | undefined) ?? [];
  for (const p of playbooks) {
    const id = p.id as string;
    const stages = Array.isArray(p.stages) ? (p.stages as Obj[]) : [];
    const withGuidance = stages.filter((s) => isObj(s) && s.guidance !== undefined && typeof s.id === 'string');
    const docs = withGuidance.length ? idDocs(withGuidance.map((s) => ({ id: s.id as string, text: s.guidance })), locales, `${plain(p.name, defaultLocale)}: stage guidance`) : null;
    if (docs) {
      files[`playbooks/${id}.yaml`] = yaml({ ...p, stages: stages.map((s) => (isObj(s) ? Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'guidance')) : s)) });
      for (const [locale, text] of docs) files[mdName(`playbooks/${id}`, locale)] = text;
    } else files[`playbooks/${id}.yaml`] = yaml(p);
  }

  // health model
  const hm = pack.healthModel;
  if (isObj(hm)) {
    const bands = Array.isArray(hm.bands) ? (hm.bands as Obj[]) : [];
    const withPlay = bands.filter((b) => isObj(b) && b.play !== undefined && typeof b.id === 'string');
    const docs = withPlay.length ? idDocs(withPlay.map((b) => ({ id: b.id as string, text: b.play })), locales, 'Health bands: what to do') : null;
    if (docs) {
      files['health-model.yaml'] = yaml({ ...hm, bands: bands.map((b) => (isObj(b) ? Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'play')) : b)) });
      for (const [locale, text] of docs) files[mdName('health-model', locale)] = text;
    } else files['health-model.yaml'] = yaml(hm);
  }

  if (pack.scenarios !== undefined) files['scenarios.yaml'] = yaml(pack.scenarios);
  if (pack.sites !== undefined) files['sites.yaml'] = yaml(pack.sites);
  if (pack.sitePatches !== undefined) files['site-patches.yaml'] = yaml(pack.sitePatches);

  // accounts
  const config: Obj = { meta, order: { competitors: competitors.map((c) => c.id), playbooks: playbooks.map((p) => p.id) } };
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
    files['accounts.yaml'] = yaml(accounts);
    notes.push('accounts.yaml: accounts kept in YAML (some do not fit one CSV row each)');
  }
  files['pack.yaml'] = yaml(
    config,
    ' The pack\'s identity, the order of competitors and playbooks, and how the CSV\n exports map onto accounts and health snapshots. See docs/ops-guide.md.',
  );
  return { files, notes };
}

function accountsCsv(accounts: Obj[], measures: string[], locales: string[]) {
  const targets = new Set<AccountTarget>();
  const known = new Set(['id', 'name', 'aliases', 'domains', 'crmIds', 'segment', 'industry', 'region', 'owner', 'competitors', 'stage', 'renewalDate', 'arr', 'currency', 'health']);
  const cell = (a: Obj, t: AccountTarget): unknown => {
    const dot = t.indexOf('.');
    return dot > 0 ? (a[t.slice(0, dot)] as Obj | undefined)?.[t.slice(dot + 1)] : a[t];
  };
  let noteLayout: string[] | null | undefined = null;
  const notes: unknown[] = [];
  for (const a of accounts) {
    if (!isObj(a) || Object.keys(a).some((k) => !known.has(k))) return null;
    if (a.crmIds !== undefined && (!isObj(a.crmIds) || Object.keys(a.crmIds).some((k) => !(CRM_SITES as readonly string[]).includes(k)))) return null;
    if (a.stage !== undefined && (!isObj(a.stage) || Object.keys(a.stage).some((k) => k !== 'playbookId' && k !== 'stageId'))) return null;
    for (const t of Object.keys(COLUMN_NAMES) as AccountTarget[]) {
      const v = cell(a, t);
      if (v === undefined) continue;
      if (LIST_TARGETS.has(t)) {
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.includes(LIST_SEPARATOR) || /[\r\n]/.test(x) || x.trim() !== x || !x)) return null;
        if (v.length) targets.add(t);
      } else if (t === 'arr') {
        if (typeof v !== 'number') return null;
        targets.add(t);
      } else {
        if (typeof v !== 'string' || /[\r\n]/.test(v) || v.trim() !== v || !v) return null;
        targets.add(t);
      }
    }
    for (const h of (a.health as Obj[] | undefined) ?? []) {
      if (!isObj(h) || typeof h.date !== 'string' || !isObj(h.signals) || Object.keys(h).some((k) => !['date', 'signals', 'note'].includes(k))) return null;
      if (Object.entries(h.signals).some(([k, x]) => !measures.includes(k) || typeof x !== 'number')) return null;
      if (h.note !== undefined) notes.push(h.note);
    }
  }
  if (notes.length) {
    noteLayout = sharedLayout(notes, locales);
    if (noteLayout === undefined) return null;
    if (notes.some((n) => (typeof n === 'string' ? /[\r\n]/.test(n) || n.trim() !== n : Object.values(n as Obj).some((x) => /[\r\n]/.test(x as string) || (x as string).trim() !== x)))) return null;
  }
  const cols = (Object.keys(COLUMN_NAMES) as AccountTarget[]).filter((t) => targets.has(t) || t === 'id' || t === 'name');
  const rows = [cols.map((t) => csvCell(COLUMN_NAMES[t])).join(',')];
  for (const a of accounts) {
    rows.push(
      cols
        .map((t) => {
          const v = cell(a, t);
          return csvCell(v === undefined ? '' : Array.isArray(v) ? v.join(LIST_SEPARATOR) : (v as string | number));
        })
        .join(','),
    );
  }
  const columns = Object.fromEntries(cols.map((t) => [t, COLUMN_NAMES[t]]));

  const snapshots = accounts.flatMap((a) => ((a.health as Obj[] | undefined) ?? []).map((h) => ({ id: a.id as string, h })));
  if (!snapshots.length) return { accounts: `${rows.join('\n')}\n`, columns, health: null, healthConfig: null };
  const used = measures.filter((m) => snapshots.some((s) => m in (s.h.signals as Obj)));
  const noteCols = !notes.length ? [] : noteLayout === null ? [{ locale: null as string | null, name: 'Note' }] : noteLayout.map((l) => ({ locale: l as string | null, name: `Note (${l})` }));
  const hrows = [['Account ID', 'Date', ...used, ...noteCols.map((n) => n.name)].map((h) => csvCell(h)).join(',')];
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
  const healthConfig: Obj = {
    file: 'health.csv',
    account: 'Account ID',
    date: 'Date',
    signals: Object.fromEntries(used.map((m) => [m, m])),
  };
  if (noteCols.length) healthConfig.note = noteLayout === null ? 'Note' : Object.fromEntries(noteCols.map((n) => [n.locale, n.name]));
  return { accounts: `${rows.join('\n')}\n`, columns, health: `${hrows.join('\n')}\n`, healthConfig };
}
