/**
 * Builds a knowledge pack from its authoring folder:
 *
 * ```
 * pack.yaml                     meta, order, CSV column mappings
 * scenarios.yaml                optional list of scenarios
 * competitors/<id>.yaml         a competitor; battlecard prose in <id>.<locale>.md
 * playbooks/<id>.yaml           a playbook; stage guidance in <id>.<locale>.md (## <stage id>)
 * health-model.yaml             measures and bands; band plays in health-model.<locale>.md (## <band id>)
 * sites.yaml                    optional site rules
 * site-patches.yaml             optional selectors patching built-in sites
 * accounts.yaml                 optional hand-written accounts
 * accounts.csv, health.csv      CRM / CS-platform exports, mapped in pack.yaml
 * ```
 *
 * Pure: files come through `PackFiles`. Every problem is reported, each with its file
 * and line; the pack's own checks (utils/pack/validate) run on the result and their
 * JSON paths are traced back to the line that produced them.
 */
import * as v from 'valibot';
import type { KnowledgePack } from '../schema';
import { validatePack, formatPath } from '../validate';
import type { PackFiles } from './files';
import { streamOf } from './files';
import { OriginMap, parsePath, type Origin, type Seg, type SourcedError } from './errors';
import { loadYaml, type YamlFile } from './yaml';
import { CsvReader, type CsvRecord } from './csv';
import { bodyText, labelled, listItems, mdLines, normKey, sections, type MdLine } from './markdown';
import {
  ACCOUNT_TARGETS,
  DATE_TARGETS,
  LIST_TARGETS,
  NUMBER_TARGETS,
  PackConfig,
  domainCell,
  parseDateCell,
  parseNumberCell,
  type AccountsSource,
  type DateFormat,
  type HealthSource,
} from './config';
import { canonicalOrder } from './format';

export interface BuildProgress {
  file: string;
  /** Bytes read so far (UTF-8). */
  bytes: number;
  totalBytes?: number;
  rows: number;
  done: boolean;
}

export interface BuildOptions {
  onProgress?: (p: BuildProgress) => void;
}

export interface BuildStats {
  files: number;
  competitors: number;
  playbooks: number;
  accounts: number;
  snapshots: number;
  csvRows: number;
}

export type BuildResult =
  | { ok: true; pack: Record<string, unknown>; validated: KnowledgePack; warnings: SourcedError[]; stats: BuildStats }
  | { ok: false; pack: Record<string, unknown> | null; errors: SourcedError[]; warnings: SourcedError[]; stats: BuildStats };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const BATTLECARD_SECTIONS: Record<string, { field: string; kind: 'markdown' | 'list' | 'objections' }> = {
  summary: { field: 'summary', kind: 'markdown' },
  whywewin: { field: 'whyWeWin', kind: 'list' },
  whywelose: { field: 'whyWeLose', kind: 'list' },
  objections: { field: 'objections', kind: 'objections' },
  landmines: { field: 'landmines', kind: 'list' },
  pricing: { field: 'pricing', kind: 'markdown' },
  proofpoints: { field: 'proofPoints', kind: 'list' },
};
const SECTION_TITLES: Record<string, string> = {
  summary: 'Summary',
  whyWeWin: 'Why we win',
  whyWeLose: 'Why we lose',
  objections: 'Objections',
  landmines: 'Landmines',
  pricing: 'Pricing',
  proofPoints: 'Proof points',
};
const SECTION_NAMES = Object.values(SECTION_TITLES).join(', ');

const OBJECTION_LABELS: Record<string, string> = {
  objection: 'objection',
  response: 'response',
  proof: 'proof',
  异议: 'objection',
  回应: 'response',
  应对: 'response',
  证据: 'proof',
  佐证: 'proof',
};

/** One locale's Markdown file for an entity: `globex.zh-CN.md`, or `globex.md` in the default locale. */
interface LocaleDoc {
  file: string;
  /** null: a file without a locale suffix, whose text is plain (default-locale) strings. */
  locale: string | null;
  lines: MdLine[];
}

/** A value read from Markdown, per locale, with where it was written. */
interface Localised<T> {
  doc: LocaleDoc;
  value: T;
  line: number;
}

export async function buildPackFolder(files: PackFiles, opts: BuildOptions = {}): Promise<BuildResult> {
  const errors: SourcedError[] = [];
  const warnings: SourcedError[] = [];
  /** JSON paths an authoring error already explains: validation errors under them are noise. */
  const blamed: Seg[][] = [];
  const origins = new OriginMap();
  const stats: BuildStats = { files: 0, competitors: 0, playbooks: 0, accounts: 0, snapshots: 0, csvRows: 0 };

  const all = (await files.list()).filter((f) => !f.split('/').some((p) => p.startsWith('.')));
  stats.files = all.length;
  const present = new Set(all);
  const used = new Set<string>();
  const fail = (e: SourcedError, blame?: Seg[]) => {
    errors.push(e);
    if (blame) blamed.push(blame);
  };

  async function yamlAt(file: string): Promise<YamlFile | null> {
    if (!present.has(file)) return null;
    used.add(file);
    const y = loadYaml(file, await files.readText(file));
    errors.push(...y.errors);
    return y.errors.length ? null : y;
  }

  // ---- pack.yaml -------------------------------------------------------------
  const packYaml = await yamlAt('pack.yaml');
  let config: PackConfig = { meta: undefined };
  if (!present.has('pack.yaml')) fail({ path: '(file)', file: 'pack.yaml', message: 'missing: a pack folder starts with pack.yaml (meta, order, CSV mappings)' }, ['meta']);
  else if (packYaml) {
    const parsed = v.safeParse(PackConfig, packYaml.value ?? {});
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const segs = (issue.path ?? []).map((p) => p.key as Seg);
        fail({ path: `pack.yaml ${formatPath(segs)}`, file: 'pack.yaml', line: packYaml.lineOf(segs), message: issue.message });
      }
    } else config = parsed.output;
    origins.set(['meta'], packYaml.origin(['meta']));
  } else blamed.push(['meta']);
  const meta = config.meta;
  const metaObj = isObj(meta) ? meta : {};
  const locales = Array.isArray(metaObj.locales) ? metaObj.locales.filter((l): l is string => typeof l === 'string') : [];
  const defaultLocale = typeof metaObj.defaultLocale === 'string' ? metaObj.defaultLocale : locales[0] ?? 'en';

  // ---- Markdown companions ---------------------------------------------------
  function localeDocs(stem: string): LocaleDoc[] {
    const re = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.([A-Za-z0-9-]+))?\\.md$`);
    const docs: { file: string; locale: string | null }[] = [];
    for (const f of all) {
      const m = re.exec(f);
      if (m) docs.push({ file: f, locale: m[1] ?? null });
    }
    const plain = docs.find((d) => d.locale === null);
    if (plain && docs.length > 1) {
      fail({ path: '(file)', file: plain.file, message: `both ${plain.file} and per-locale files (${docs.filter((d) => d.locale).map((d) => d.file).join(', ')}) exist: use one or the other` });
      return [];
    }
    const out: LocaleDoc[] = [];
    for (const d of docs) {
      if (d.locale && locales.length && !locales.includes(d.locale)) {
        used.add(d.file);
        fail({ path: '(file)', file: d.file, message: `locale "${d.locale}" is not listed in meta.locales (${locales.join(', ')})` });
        continue;
      }
      out.push({ ...d, lines: [] });
    }
    out.sort((a, b) => locales.indexOf(a.locale ?? defaultLocale) - locales.indexOf(b.locale ?? defaultLocale));
    return out;
  }

  async function loadDocs(stem: string): Promise<LocaleDoc[]> {
    const docs = localeDocs(stem);
    for (const d of docs) {
      used.add(d.file);
      d.lines = mdLines(await files.readText(d.file));
      const { before } = sections(d.lines, 2);
      const text = before.filter((l) => l.text.trim() && !l.heading);
      if (text.length) warnings.push({ path: '(file)', file: d.file, line: text[0].line, message: 'text before the first "##" heading is not part of the pack' });
    }
    return docs;
  }

  /** Text from per-locale values: a plain string for a locale-less file, else a map in meta.locales order. */
  function textOf(values: Localised<string>[]): unknown {
    if (values.length === 1 && values[0].doc.locale === null) return values[0].value;
    return Object.fromEntries(values.map((x) => [x.doc.locale, x.value]));
  }

  function recordTextOrigins(path: Seg[], values: Localised<unknown>[]) {
    origins.set(path, { file: values[0].doc.file, line: values[0].line });
    for (const x of values) if (x.doc.locale) origins.set([...path, x.doc.locale], { file: x.doc.file, line: x.line });
  }

  /**
   * `## <id>` sections, each one Markdown text, for entities keyed by id (stages →
   * guidance, bands → play). Returns id → Text.
   */
  function idSections(docs: LocaleDoc[], ids: string[], what: string, basePath: (id: string) => Seg[]): Map<string, unknown> {
    const per = new Map<string, Localised<string>[]>();
    for (const d of docs) {
      const seen = new Map<string, number>();
      for (const s of sections(d.lines, 2).sections) {
        if (!ids.includes(s.title)) {
          fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}": no ${what} with that id (expected one of: ${ids.join(', ')})` });
          continue;
        }
        if (seen.has(s.title)) {
          fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}" appears twice (first at line ${seen.get(s.title)})` });
          continue;
        }
        seen.set(s.title, s.line);
        const body = bodyText(s.body);
        if (!body.text) {
          fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}" is empty` });
          continue;
        }
        const list = per.get(s.title) ?? [];
        list.push({ doc: d, value: body.text, line: body.line ?? s.line });
        per.set(s.title, list);
      }
    }
    const out = new Map<string, unknown>();
    for (const [id, values] of per) {
      out.set(id, textOf(values));
      recordTextOrigins(basePath(id), values);
      if (docs.length > 1 && values.length < docs.length) {
        for (const d of docs) if (!values.some((x) => x.doc === d)) warnings.push({ path: '(file)', file: d.file, message: `no "## ${id}" section: ${d.locale} readers see the ${values[0].doc.locale} text` });
      }
    }
    return out;
  }

  /** Battlecard fields from a competitor's Markdown files. */
  function battlecardFromDocs(docs: LocaleDoc[], path: Seg[], yamlCard: Obj, yamlFile: YamlFile): Obj {
    type Parsed = { markdown: Localised<string>[]; list: Localised<{ text: string; line: number }[]>[]; objections: Localised<Map<string, { line: number; parts: Record<string, { text: string; line: number }> }>>[] };
    const fields = new Map<string, { kind: 'markdown' | 'list' | 'objections'; sectionLine: Map<LocaleDoc, number>; parsed: Parsed }>();
    for (const d of docs) {
      const seen = new Map<string, number>();
      for (const s of sections(d.lines, 2).sections) {
        const spec = BATTLECARD_SECTIONS[normKey(s.title)];
        if (!spec) {
          fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}" is not a battlecard section (expected one of: ${SECTION_NAMES})` });
          continue;
        }
        if (seen.has(spec.field)) {
          fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}" appears twice (first at line ${seen.get(spec.field)})` });
          continue;
        }
        seen.set(spec.field, s.line);
        if (spec.field in yamlCard) {
          fail({ path: '(file)', file: d.file, line: s.line, message: `battlecard.${spec.field} is set both here and in ${yamlFile.file}:${yamlFile.lineOf(['battlecard', spec.field])}` });
          continue;
        }
        let f = fields.get(spec.field);
        if (!f) fields.set(spec.field, (f = { kind: spec.kind, sectionLine: new Map(), parsed: { markdown: [], list: [], objections: [] } }));
        f.sectionLine.set(d, s.line);
        if (spec.kind === 'markdown') {
          const body = bodyText(s.body);
          if (!body.text) fail({ path: '(file)', file: d.file, line: s.line, message: `"## ${s.title}" is empty` });
          else f.parsed.markdown.push({ doc: d, value: body.text, line: body.line ?? s.line });
        } else if (spec.kind === 'list') {
          const { items, stray } = listItems(s.body);
          for (const l of stray) fail({ path: '(file)', file: d.file, line: l.line, message: `"## ${s.title}" is a list: start each entry with "- "` });
          f.parsed.list.push({ doc: d, value: items, line: s.line });
        } else {
          const map = new Map<string, { line: number; parts: Record<string, { text: string; line: number }> }>();
          const sub = sections(s.body, 3);
          for (const l of sub.before) if (l.text.trim()) fail({ path: '(file)', file: d.file, line: l.line, message: 'objections start with "### <objection id>"' });
          for (const o of sub.sections) {
            if (map.has(o.title)) {
              fail({ path: '(file)', file: d.file, line: o.line, message: `objection "${o.title}" appears twice (first at line ${map.get(o.title)!.line})` });
              continue;
            }
            const { parts, stray, unknown } = labelled(o.body, (label) => OBJECTION_LABELS[normKey(label)] ?? OBJECTION_LABELS[label.trim()] ?? null);
            for (const u of unknown) fail({ path: '(file)', file: d.file, line: u.line, message: `"**${u.label}:**" is not an objection part (expected **Objection:**, **Response:** or **Proof:**)` });
            for (const l of stray) fail({ path: '(file)', file: d.file, line: l.line, message: 'text before "**Objection:**" is not part of the pack' });
            const byKey: Record<string, { text: string; line: number }> = {};
            for (const p of parts) {
              if (byKey[p.key]) fail({ path: '(file)', file: d.file, line: p.line, message: `**${p.label}:** appears twice in objection "${o.title}"` });
              else if (!p.text) fail({ path: '(file)', file: d.file, line: p.line, message: `**${p.label}:** is empty` });
              else byKey[p.key] = { text: p.text, line: p.line };
            }
            for (const need of ['objection', 'response']) {
              if (!byKey[need] && !parts.some((p) => p.key === need)) fail({ path: '(file)', file: d.file, line: o.line, message: `objection "${o.title}" has no **${need[0].toUpperCase()}${need.slice(1)}:**` });
            }
            map.set(o.title, { line: o.line, parts: byKey });
          }
          f.parsed.objections.push({ doc: d, value: map, line: s.line });
        }
      }
    }

    const card: Obj = {};
    for (const [field, f] of fields) {
      const at = [...path, 'battlecard', field];
      if (f.kind === 'markdown') {
        if (!f.parsed.markdown.length) continue;
        card[field] = textOf(f.parsed.markdown);
        recordTextOrigins(at, f.parsed.markdown);
        warnMissingSection(docs, f.parsed.markdown, field);
      } else if (f.kind === 'list') {
        const lists = f.parsed.list;
        const ref = lists[0];
        origins.set(at, { file: ref.doc.file, line: ref.line });
        let consistent = true;
        for (const other of lists.slice(1)) {
          if (other.value.length !== ref.value.length) {
            consistent = false;
            fail(
              { path: formatPath(at), file: other.doc.file, line: other.line, message: `${other.value.length} entries here but ${ref.value.length} in ${ref.doc.file}:${ref.line} (entries are paired by position)` },
              at,
            );
          }
        }
        if (!consistent) continue;
        card[field] = ref.value.map((_, i) => {
          const values = lists.map((l) => ({ doc: l.doc, value: l.value[i].text, line: l.value[i].line }));
          recordTextOrigins([...at, i], values);
          return textOf(values);
        });
        warnMissingSection(docs, lists, field);
      } else {
        const lists = f.parsed.objections;
        const ref = lists[0];
        origins.set(at, { file: ref.doc.file, line: ref.line });
        const ids = [...ref.value.keys()];
        let consistent = true;
        for (const other of lists.slice(1)) {
          const missing = ids.filter((id) => !other.value.has(id));
          const extra = [...other.value.keys()].filter((id) => !ref.value.has(id));
          for (const id of missing) {
            consistent = false;
            fail({ path: formatPath(at), file: other.doc.file, line: other.line, message: `objection "${id}" (${ref.doc.file}:${ref.value.get(id)!.line}) is missing here` }, at);
          }
          for (const id of extra) {
            consistent = false;
            fail({ path: formatPath(at), file: other.doc.file, line: other.value.get(id)!.line, message: `objection "${id}" is not in ${ref.doc.file}: every locale lists the same objection ids` }, at);
          }
        }
        if (!consistent) continue;
        card[field] = ids.map((id, j) => {
          origins.set([...at, j], { file: ref.doc.file, line: ref.value.get(id)!.line });
          const o: Obj = { id };
          for (const part of ['objection', 'response', 'proof']) {
            const values = lists.flatMap((l) => {
              const p = l.value.get(id)!.parts[part];
              return p ? [{ doc: l.doc, value: p.text, line: p.line }] : [];
            });
            if (!values.length) continue;
            o[part] = textOf(values);
            recordTextOrigins([...at, j, part], values);
          }
          return o;
        });
      }
    }
    return card;
  }

  function warnMissingSection(docs: LocaleDoc[], have: Localised<unknown>[], field: string) {
    if (docs.length < 2 || have.length === docs.length) return;
    for (const d of docs) {
      if (!have.some((x) => x.doc === d)) warnings.push({ path: '(file)', file: d.file, message: `no "## ${SECTION_TITLES[field]}" section: ${d.locale} readers see the ${have[0].doc.locale} text` });
    }
  }

  // ---- entity folders --------------------------------------------------------
  async function entityFolder(dir: string, listed: string[] | undefined, what: string): Promise<{ id: string; yaml: YamlFile }[]> {
    const found = new Map<string, string>();
    for (const f of all) {
      const m = new RegExp(`^${dir}/([^/]+)\\.ya?ml$`).exec(f);
      if (m) {
        if (found.has(m[1])) fail({ path: '(file)', file: f, message: `both ${found.get(m[1])} and ${f} exist` });
        else found.set(m[1], f);
      }
    }
    let ids = [...found.keys()].sort();
    if (listed) {
      const orderLine = (i: number) => packYaml?.lineOf(['order', dir, i]);
      listed.forEach((id, i) => {
        if (!found.has(id)) fail({ path: '(file)', file: 'pack.yaml', line: orderLine(i), message: `order.${dir} lists "${id}" but there is no ${dir}/${id}.yaml` });
      });
      for (const id of ids) {
        if (!listed.includes(id)) fail({ path: '(file)', file: found.get(id)!, message: `not listed in pack.yaml order.${dir}: add "${id}" there (or delete the file)` });
      }
      ids = listed.filter((id) => found.has(id));
    }
    const out: { id: string; yaml: YamlFile }[] = [];
    for (const id of ids) {
      const y = await yamlAt(found.get(id)!);
      if (!y) continue;
      if (!isObj(y.value)) {
        fail({ path: '(file)', file: y.file, line: 1, message: `expected the ${what}'s fields (a YAML map)` });
        continue;
      }
      if (y.value.id === undefined) y.value = { id, ...y.value };
      else if (y.value.id !== id) {
        fail({ path: '(file)', file: y.file, line: y.lineOf(['id']), message: `id "${String(y.value.id)}" does not match the file name: name the file ${dir}/${String(y.value.id)}.yaml, or leave id out` });
        continue;
      }
      out.push({ id, yaml: y });
    }
    return out;
  }

  // ---- scenarios -------------------------------------------------------------
  let scenarios: unknown[] | undefined;
  const scenariosYaml = await yamlAt('scenarios.yaml');
  if (scenariosYaml) {
    if (scenariosYaml.value !== null && !Array.isArray(scenariosYaml.value)) fail({ path: 'scenarios', file: 'scenarios.yaml', line: 1, message: 'expected a list of scenarios (each starting with "- id: …")' }, ['scenarios']);
    else scenarios = (scenariosYaml.value as unknown[] | null) ?? [];
    origins.set(['scenarios'], scenariosYaml.origin());
  } else if (present.has('scenarios.yaml')) blamed.push(['scenarios']);

  // ---- competitors -----------------------------------------------------------
  const competitors: unknown[] = [];
  for (const { id, yaml } of await entityFolder('competitors', config.order?.competitors, 'competitor')) {
    const i = competitors.length;
    const path: Seg[] = ['competitors', i];
    origins.set(path, yaml.origin());
    const obj = { ...(yaml.value as Obj) };
    const docs = await loadDocs(`competitors/${id}`);
    if (docs.length) {
      const yamlCard = isObj(obj.battlecard) ? obj.battlecard : {};
      obj.battlecard = { ...yamlCard, ...battlecardFromDocs(docs, path, yamlCard, yaml) };
    }
    competitors.push(obj);
  }
  stats.competitors = competitors.length;

  // ---- playbooks -------------------------------------------------------------
  const playbooks: unknown[] = [];
  for (const { id, yaml } of await entityFolder('playbooks', config.order?.playbooks, 'playbook')) {
    const i = playbooks.length;
    origins.set(['playbooks', i], yaml.origin());
    const obj = { ...(yaml.value as Obj) };
    const docs = await loadDocs(`playbooks/${id}`);
    if (docs.length) {
      const stages = Array.isArray(obj.stages) ? obj.stages.map((s) => (isObj(s) ? { ...s } : s)) : [];
      const ids = stages.flatMap((s) => (isObj(s) && typeof s.id === 'string' ? [s.id] : []));
      const guidance = idSections(docs, ids, 'stage', (sid) => ['playbooks', i, 'stages', ids.indexOf(sid), 'guidance']);
      stages.forEach((s, si) => {
        if (!isObj(s) || typeof s.id !== 'string' || !guidance.has(s.id)) return;
        if (s.guidance !== undefined) fail({ path: `playbooks[${i}].stages[${si}].guidance`, file: yaml.file, line: yaml.lineOf(['stages', si, 'guidance']), message: `guidance is set both here and in a "## ${s.id}" section of ${docs.map((d) => d.file).join(', ')}` });
        else s.guidance = guidance.get(s.id);
      });
      obj.stages = stages;
    }
    playbooks.push(obj);
  }
  stats.playbooks = playbooks.length;

  // ---- health model ----------------------------------------------------------
  let healthModel: unknown;
  const hmYaml = await yamlAt('health-model.yaml');
  if (hmYaml) {
    origins.set(['healthModel'], hmYaml.origin());
    healthModel = hmYaml.value;
    const docs = await loadDocs('health-model');
    if (docs.length && isObj(healthModel)) {
      const bands = Array.isArray(healthModel.bands) ? healthModel.bands.map((b) => (isObj(b) ? { ...b } : b)) : [];
      const ids = bands.flatMap((b) => (isObj(b) && typeof b.id === 'string' ? [b.id] : []));
      const plays = idSections(docs, ids, 'band', (bid) => ['healthModel', 'bands', ids.indexOf(bid), 'play']);
      bands.forEach((b, bi) => {
        if (!isObj(b) || typeof b.id !== 'string' || !plays.has(b.id)) return;
        if (b.play !== undefined) fail({ path: `healthModel.bands[${bi}].play`, file: hmYaml.file, line: hmYaml.lineOf(['bands', bi, 'play']), message: `play is set both here and in a "## ${b.id}" section of ${docs.map((d) => d.file).join(', ')}` });
        else b.play = plays.get(b.id);
      });
      healthModel = { ...healthModel, bands };
    }
  } else if (!present.has('health-model.yaml')) fail({ path: 'healthModel', file: 'health-model.yaml', message: 'missing: the pack needs a health model (measures and bands)' }, ['healthModel']);
  else blamed.push(['healthModel']);

  // ---- sites and site patches ---------------------------------------------------
  const listFile = async (file: string, key: 'sites' | 'sitePatches', what: string): Promise<unknown[] | undefined> => {
    const doc = await yamlAt(file);
    if (!doc) return undefined;
    origins.set([key], doc.origin());
    if (doc.value !== null && !Array.isArray(doc.value)) {
      fail({ path: key, file, line: 1, message: `expected a list of ${what}` }, [key]);
      return undefined;
    }
    return (doc.value as unknown[] | null) ?? [];
  };
  const sites = await listFile('sites.yaml', 'sites', 'site rules');
  const sitePatches = await listFile('site-patches.yaml', 'sitePatches', 'site patches');

  // ---- accounts --------------------------------------------------------------
  const accounts: Obj[] = [];
  const accountsYaml = await yamlAt('accounts.yaml');
  const yamlAccountCount = { n: 0 };
  if (accountsYaml) {
    if (accountsYaml.value !== null && !Array.isArray(accountsYaml.value)) fail({ path: 'accounts', file: 'accounts.yaml', line: 1, message: 'expected a list of accounts' }, ['accounts']);
    else for (const a of (accountsYaml.value as unknown[] | null) ?? []) accounts.push(isObj(a) ? { ...a } : (a as Obj));
    yamlAccountCount.n = accounts.length;
  }
  const csvAccountLines: number[] = [];
  const healthLines = new Map<number, { offset: number; lines: number[] }>();
  const accountColumns: Record<string, string> = {};
  const healthColumns: Record<string, string> = {};
  let accountsFile = '';
  let healthFile = '';

  origins.setLazy(['accounts'], (seg, rest) => {
    if (typeof seg !== 'number') return null;
    const h = healthLines.get(seg);
    if (h && rest[0] === 'health' && typeof rest[1] === 'number' && rest[1] >= h.offset) {
      const line = h.lines[rest[1] - h.offset];
      const r = rest.slice(2);
      const key = r[0] === 'signals' ? `signals.${String(r[1])}` : String(r[0] ?? '');
      return { file: healthFile, line, resolve: () => ({ note: healthColumns[key] ? `column "${healthColumns[key]}"` : undefined }) };
    }
    if (seg < yamlAccountCount.n && accountsYaml) return { file: accountsYaml.file, resolve: (r) => ({ line: accountsYaml.lineOf([seg, ...r]) }) };
    const line = csvAccountLines[seg - yamlAccountCount.n];
    if (line === undefined) return null;
    return {
      file: accountsFile,
      line,
      resolve: (r) => {
        const key = r[0] === 'crmIds' || r[0] === 'stage' ? `${String(r[0])}.${String(r[1] ?? '')}` : String(r[0] ?? '');
        return { note: accountColumns[key] ? `column "${accountColumns[key]}"` : undefined };
      },
    };
  });

  if (config.accounts) {
    accountsFile = config.accounts.file;
    await readAccountsCsv(config.accounts);
  }
  if (config.health) {
    healthFile = config.health.file;
    await readHealthCsv(config.health);
  }
  stats.accounts = accounts.length;

  async function readCsv(
    file: string,
    delimiter: string | undefined,
    cfgPath: Seg[],
    onHeader: (header: string[], line: number) => boolean,
    onRow: (r: CsvRecord) => void,
  ) {
    if (!present.has(file)) {
      fail({ path: '(file)', file: 'pack.yaml', line: packYaml?.lineOf([...cfgPath, 'file']), message: `${file}: no such file in the pack folder` }, [cfgPath[0]]);
      return;
    }
    used.add(file);
    const reader = new CsvReader(delimiter ?? (/\.tsv$/i.test(file) ? '\t' : ','));
    const total = await files.size?.(file);
    const enc = new TextEncoder();
    let bytes = 0;
    let rows = 0;
    let header: string[] | null = null;
    let headerOk = true;
    const handle = (recs: CsvRecord[]) => {
      for (const r of recs) {
        if (!header) {
          header = r.fields.map((h) => h.trim());
          headerOk = onHeader(header, r.line);
          continue;
        }
        if (!headerOk) continue;
        if (r.fields.every((f) => f.trim() === '')) continue;
        if (r.fields.length !== header.length) {
          fail({ path: '(file)', file, line: r.line, message: `${r.fields.length} fields, but the header has ${header.length} (a missing quote or an extra "${delimiter ?? ','}"?)` });
          continue;
        }
        rows++;
        onRow(r);
      }
    };
    for await (const chunk of streamOf(files, file)) {
      bytes += enc.encode(chunk).length;
      handle(reader.push(chunk));
      opts.onProgress?.({ file, bytes, totalBytes: total, rows, done: false });
    }
    handle(reader.end());
    for (const p of reader.problems) fail({ path: '(file)', file, line: p.line, message: p.message });
    if (!header) fail({ path: '(file)', file, line: 1, message: 'empty file: expected a header row with column names' });
    stats.csvRows += rows;
    opts.onProgress?.({ file, bytes, totalBytes: total ?? bytes, rows, done: true });
  }

  function columnIndex(header: string[], name: string, file: string, cfgPath: Seg[]): number {
    let i = header.indexOf(name);
    if (i < 0) i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (i < 0) {
      const shown = header.length > 12 ? `${header.slice(0, 12).join(', ')}, …` : header.join(', ');
      fail({ path: '(file)', file: 'pack.yaml', line: packYaml?.lineOf(cfgPath), message: `column "${name}" is not in ${file} (its columns: ${shown})` });
    }
    return i;
  }

  async function readAccountsCsv(src: AccountsSource) {
    const sep = src.listSeparator ?? ';';
    const cols: { target: string; index: number }[] = [];
    await readCsv(
      src.file,
      src.delimiter,
      ['accounts'],
      (header) => {
        let ok = true;
        for (const target of ACCOUNT_TARGETS) {
          const name = src.columns[target];
          if (name === undefined) continue;
          const index = columnIndex(header, name, src.file, ['accounts', 'columns', target]);
          if (index < 0) ok = false;
          cols.push({ target, index });
          accountColumns[target] = name;
        }
        if (!ok) blamed.push(['accounts']);
        return ok;
      },
      (r) => {
        const a: Obj = {};
        for (const { target, index } of cols) {
          const raw = r.fields[index].trim();
          if (raw === '') continue;
          let value: unknown = raw;
          if (LIST_TARGETS.has(target)) {
            let list = raw.split(sep).map((s) => s.trim()).filter(Boolean);
            if (target === 'domains') list = list.map(domainCell);
            value = list;
          } else if (NUMBER_TARGETS.has(target)) {
            const n = parseNumberCell(raw);
            if (n === null) {
              fail({ path: `accounts[${accounts.length}].${target}`, file: src.file, line: r.line, message: `column "${src.columns[target as keyof typeof src.columns]}": expected a number, got "${raw}"` }, ['accounts', accounts.length, target]);
              continue;
            }
            value = n;
          } else if (DATE_TARGETS.has(target)) {
            const d = parseDateCell(raw, src.dateFormat as DateFormat | undefined);
            if (d === null) {
              fail({ path: `accounts[${accounts.length}].${target}`, file: src.file, line: r.line, message: `column "${src.columns[target as keyof typeof src.columns]}": expected a date as ${src.dateFormat ?? 'YYYY-MM-DD'}, got "${raw}"` }, ['accounts', accounts.length, target]);
              continue;
            }
            value = d;
          }
          const dot = target.indexOf('.');
          if (dot > 0) {
            const outer = target.slice(0, dot);
            const inner = target.slice(dot + 1);
            const o = (a[outer] as Obj | undefined) ?? {};
            o[inner] = value;
            a[outer] = o;
          } else a[target] = value;
        }
        csvAccountLines.push(r.line);
        accounts.push(a);
      },
    );
  }

  async function readHealthCsv(src: HealthSource) {
    const byKey = typeof src.account === 'string' ? 'id' : src.account.by;
    const accountCol = typeof src.account === 'string' ? src.account : src.account.column;
    const index = new Map<string, number>();
    accounts.forEach((a, i) => {
      const keys: unknown[] =
        byKey === 'id' ? [a.id] : byKey === 'domain' ? (Array.isArray(a.domains) ? a.domains : []) : ((a.crmIds as Obj | undefined)?.[byKey.slice(7)] as unknown[] | undefined) ?? [];
      for (const k of keys) if (typeof k === 'string' && !index.has(k.toLowerCase())) index.set(k.toLowerCase(), i);
    });
    const noteCols = src.note === undefined ? [] : typeof src.note === 'string' ? [{ locale: null as string | null, column: src.note }] : Object.entries(src.note).map(([locale, column]) => ({ locale, column }));
    let ai = -1;
    let di = -1;
    const sig: { id: string; index: number; column: string }[] = [];
    const notes: { locale: string | null; index: number }[] = [];
    await readCsv(
      src.file,
      src.delimiter,
      ['health'],
      (header) => {
        ai = columnIndex(header, accountCol, src.file, ['health', 'account']);
        di = columnIndex(header, src.date, src.file, ['health', 'date']);
        healthColumns.date = src.date;
        for (const [id, column] of Object.entries(src.signals)) {
          sig.push({ id, column, index: columnIndex(header, column, src.file, ['health', 'signals', id]) });
          healthColumns[`signals.${id}`] = column;
        }
        for (const n of noteCols) notes.push({ locale: n.locale, index: columnIndex(header, n.column, src.file, ['health', 'note', ...(n.locale ? [n.locale] : [])]) });
        if (noteCols.length) healthColumns.note = noteCols.map((n) => n.column).join('", "');
        const ok = ai >= 0 && di >= 0 && sig.every((s) => s.index >= 0) && notes.every((n) => n.index >= 0);
        if (!ok) blamed.push(['accounts']);
        return ok;
      },
      (r) => {
        const key = r.fields[ai].trim();
        const at = index.get(key.toLowerCase());
        if (at === undefined) {
          fail({ path: '(file)', file: src.file, line: r.line, message: `column "${accountCol}": no account with ${byKey === 'id' ? 'id' : byKey} "${key}" in the pack` });
          return;
        }
        const date = parseDateCell(r.fields[di], src.dateFormat as DateFormat | undefined);
        if (date === null) {
          fail({ path: '(file)', file: src.file, line: r.line, message: `column "${src.date}": expected a date as ${src.dateFormat ?? 'YYYY-MM-DD'}, got "${r.fields[di].trim()}"` }, ['accounts', at]);
          return;
        }
        const signals: Record<string, number> = {};
        let bad = false;
        for (const s of sig) {
          const raw = r.fields[s.index].trim();
          if (raw === '') continue; // missing, not zero
          const n = parseNumberCell(raw);
          if (n === null) {
            bad = true;
            fail({ path: '(file)', file: src.file, line: r.line, message: `column "${s.column}": expected a number (or an empty cell when unknown), got "${raw}"` }, ['accounts', at]);
          } else signals[s.id] = n;
        }
        if (bad) return;
        const snap: Obj = { date, signals };
        const noteValues = notes.flatMap((n) => {
          const t = r.fields[n.index].trim();
          return t ? [[n.locale, t] as const] : [];
        });
        if (noteValues.length) snap.note = noteValues.length === 1 && noteValues[0][0] === null ? noteValues[0][1] : Object.fromEntries(noteValues);
        const acc = accounts[at];
        const list = Array.isArray(acc.health) ? acc.health : (acc.health = []);
        let h = healthLines.get(at);
        if (!h) healthLines.set(at, (h = { offset: list.length, lines: [] }));
        (list as unknown[]).push(snap);
        h.lines.push(r.line);
        stats.snapshots++;
      },
    );
  }

  // ---- files nobody reads -----------------------------------------------------
  for (const f of all) {
    if (used.has(f) || /(^|\/)readme(\.[a-z-]+)?\.md$/i.test(f)) continue;
    if (/\.(ya?ml|md|csv|tsv)$/i.test(f)) warnings.push({ path: '(file)', file: f, message: 'not part of the pack (not a file the folder layout reads, or not mapped in pack.yaml)' });
  }

  // ---- assemble and check ----------------------------------------------------
  const raw: Obj = { meta };
  if (scenarios) raw.scenarios = scenarios;
  raw.competitors = competitors;
  raw.playbooks = playbooks;
  raw.accounts = accounts;
  raw.healthModel = healthModel;
  if (sites) raw.sites = sites;
  if (sitePatches) raw.sitePatches = sitePatches;
  const pack = canonicalOrder(raw);

  const result = validatePack(pack);
  const isBlamed = (path: string) => {
    const segs = parsePath(path);
    return blamed.some((b) => b.length <= segs.length && b.every((s, i) => segs[i] === s));
  };
  const checkErrors = result.ok ? [] : origins.attach(result.errors.filter((e) => !isBlamed(e.path)));
  const allErrors = [...errors, ...checkErrors];
  const allWarnings = [...warnings, ...origins.attach(result.warnings)];
  if (allErrors.length || !result.ok) return { ok: false, pack, errors: allErrors, warnings: allWarnings, stats };
  return { ok: true, pack, validated: result.pack, warnings: allWarnings, stats };
}

export type { Origin };
