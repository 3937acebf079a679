/**
 * Pack validation: shape (the valibot schema) then meaning (unique ids, references
 * that resolve). Every problem is collected, each naming its JSON path, so ops can
 * fix a broken pack in one pass.
 */
import * as v from 'valibot';
import { KnowledgePack, MOTIONS } from './schema';

export interface PackError {
  /** JSON path such as `competitors[3].battlecard.objections[0].response`. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; pack: KnowledgePack; warnings: PackError[] }
  | { ok: false; errors: PackError[]; warnings: PackError[] };

type PathItem = { key: unknown };

export function formatPath(items: readonly PathItem[] | readonly (string | number)[] | undefined): string {
  let out = '';
  for (const item of items ?? []) {
    const key = typeof item === 'object' && item !== null ? (item as PathItem).key : item;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function issueToError(issue: v.BaseIssue<unknown>): PackError[] {
  // A union ("text or per-locale map") reports its branches; surface the deepest
  // branch issues when the input was an object (the author meant the map form).
  if (issue.type === 'union' && issue.issues?.length && typeof issue.input === 'object' && issue.input !== null) {
    // Branch issues carry paths relative to the union.
    const inner = issue.issues.filter((i) => (i.path?.length ?? 0) > 0);
    if (inner.length) return inner.flatMap((i) => issueToError({ ...i, path: [...(issue.path ?? []), ...(i.path ?? [])] } as v.BaseIssue<unknown>));
  }
  const path = formatPath(issue.path as PathItem[] | undefined);
  let message = issue.message;
  if (issue.kind === 'schema' && issue.input === undefined && issue.message.startsWith('Invalid key')) {
    message = 'required field is missing';
  } else if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
    message = 'unknown field (check its spelling against docs/knowledge-pack.md)';
  } else if (issue.kind === 'schema' && !/\bgot\b/.test(message)) {
    message = `${message}, got ${describeValue(issue.input)}`;
  }
  return [{ path, message }];
}

function duplicates<T>(items: readonly T[], key: (t: T) => string, at: (i: number) => string, what: string, errors: PackError[]) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) errors.push({ path: at(i), message: `duplicate ${what} "${k}" (first used at ${at(first)})` });
    else seen.set(k, i);
  });
}

/** Meaning checks that a schema cannot express. Runs on a shape-valid pack. */
export function checkReferences(pack: KnowledgePack): { errors: PackError[]; warnings: PackError[] } {
  const errors: PackError[] = [];
  const warnings: PackError[] = [];

  duplicates(pack.scenarios, (s) => s.id, (i) => `scenarios[${i}].id`, 'scenario id', errors);
  duplicates(pack.competitors, (c) => c.id, (i) => `competitors[${i}].id`, 'competitor id', errors);
  duplicates(pack.playbooks, (p) => p.id, (i) => `playbooks[${i}].id`, 'playbook id', errors);
  duplicates(pack.accounts, (a) => a.id, (i) => `accounts[${i}].id`, 'account id', errors);
  duplicates(pack.healthModel.measures, (m) => m.id, (i) => `healthModel.measures[${i}].id`, 'measure id', errors);
  duplicates(pack.healthModel.bands, (b) => b.id, (i) => `healthModel.bands[${i}].id`, 'band id', errors);
  duplicates(pack.sites, (s) => s.id, (i) => `sites[${i}].id`, 'site rule id', errors);

  pack.competitors.forEach((c, ci) =>
    duplicates(c.battlecard.objections, (o) => o.id, (i) => `competitors[${ci}].battlecard.objections[${i}].id`, 'objection id', errors),
  );

  const stagesByPlaybook = new Map<string, Set<string>>();
  pack.playbooks.forEach((p, pi) => {
    duplicates(p.stages, (s) => s.id, (i) => `playbooks[${pi}].stages[${i}].id`, 'stage id', errors);
    // Checklist ids are the key of a rep's ticks: unique across the whole playbook.
    const items = p.stages.flatMap((s, si) => s.checklist.map((c, ci) => ({ id: c.id, at: `playbooks[${pi}].stages[${si}].checklist[${ci}].id` })));
    duplicates(items, (x) => x.id, (i) => items[i].at, 'checklist item id', errors);
    if (!stagesByPlaybook.has(p.id)) stagesByPlaybook.set(p.id, new Set(p.stages.map((s) => s.id)));
  });
  for (const motion of MOTIONS) {
    if (pack.playbooks.length && !pack.playbooks.some((p) => p.motion === motion)) {
      warnings.push({ path: 'playbooks', message: `no playbook for the "${motion}" motion` });
    }
  }

  const competitorIds = new Set(pack.competitors.map((c) => c.id));
  const measureIds = new Set(pack.healthModel.measures.map((m) => m.id));
  pack.accounts.forEach((a, ai) => {
    a.competitors.forEach((id, i) => {
      if (!competitorIds.has(id)) errors.push({ path: `accounts[${ai}].competitors[${i}]`, message: `unknown competitor id "${id}"` });
    });
    if (a.stage) {
      const stages = stagesByPlaybook.get(a.stage.playbookId);
      if (!stages) errors.push({ path: `accounts[${ai}].stage.playbookId`, message: `unknown playbook id "${a.stage.playbookId}"` });
      else if (!stages.has(a.stage.stageId))
        errors.push({ path: `accounts[${ai}].stage.stageId`, message: `unknown stage id "${a.stage.stageId}" in playbook "${a.stage.playbookId}"` });
    }
    duplicates(a.health, (h) => h.date, (i) => `accounts[${ai}].health[${i}].date`, 'snapshot date', errors);
    a.health.forEach((h, hi) => {
      for (const key of Object.keys(h.signals)) {
        if (!measureIds.has(key)) errors.push({ path: `accounts[${ai}].health[${hi}].signals.${key}`, message: `unknown measure id "${key}"` });
      }
    });
  });

  const weights = pack.healthModel.measures.reduce((s, m) => s + m.weight, 0);
  if (weights <= 0) errors.push({ path: 'healthModel.measures', message: 'expected at least one measure with a weight above 0' });
  if (!pack.healthModel.bands.some((b) => b.min === 0)) {
    errors.push({ path: 'healthModel.bands', message: 'expected a band starting at 0, so every score has a band' });
  }

  if (!pack.meta.locales.includes(pack.meta.defaultLocale)) {
    errors.push({ path: 'meta.defaultLocale', message: `"${pack.meta.defaultLocale}" is not listed in meta.locales` });
  }
  return { errors, warnings };
}

/** Validates parsed JSON. Never throws on bad input. */
export function validatePack(input: unknown): ValidationResult {
  const parsed = v.safeParse(KnowledgePack, input, { abortEarly: false, abortPipeEarly: false });
  if (!parsed.success) {
    const errors = parsed.issues.flatMap((i) => issueToError(i as v.BaseIssue<unknown>));
    return { ok: false, errors: dedupe(errors), warnings: [] };
  }
  const { errors, warnings } = checkReferences(parsed.output);
  return errors.length ? { ok: false, errors, warnings } : { ok: true, pack: parsed.output, warnings };
}

/** Parses and validates pack file text; JSON syntax errors are reported too. */
export function validatePackText(text: string): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }], warnings: [] };
  }
  return validatePack(json);
}

function dedupe(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
