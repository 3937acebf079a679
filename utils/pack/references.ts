/**
 * Meaning checks that a schema cannot express: unique ids, references that resolve,
 * a health model that gives every score a band.
 */
import { MOTIONS, type KnowledgePack } from './schema';
import type { PackError } from './validate';
import { checkAudienceQuotes, checkLayouts } from './audience';
import { checkFieldOps } from './fieldOpsReferences';
import { checkScoreReferences } from './referencesScore';

function duplicates<T>(items: readonly T[], key: (t: T) => string, at: (i: number) => string, what: string, errors: PackError[]) {
  // Nearly every list has none: a Set says so with one lookup per item (50,000 account
  // ids); only a list with a duplicate is walked again, for where each was first used.
  const keys = new Set<string>();
  for (let i = 0; i < items.length; i++) keys.add(key(items[i]));
  if (keys.size === items.length) return;
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) errors.push({ path: at(i), message: `duplicate ${what} "${k}" (first used at ${at(first)})` });
    else seen.set(k, i);
  });
}

function checkUniqueIds(pack: KnowledgePack, errors: PackError[]): void {
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
}

/** Unique stage and checklist ids per playbook; returns playbook id → its stage ids (the first playbook of an id). */
function checkPlaybooks(pack: KnowledgePack, errors: PackError[], warnings: PackError[]): Map<string, Set<string>> {
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
  return stagesByPlaybook;
}

type Snapshots = KnowledgePack['accounts'][number]['health'];

/**
 * Repeated snapshot dates of one account, as `duplicates` reports them. The few
 * snapshots an account has are compared pairwise: no Set or Map per account (a
 * 50,000-account pack would make 50,000), and no closure either (the long-list case is
 * a function of its own, so this one needs no context object per call).
 */
function duplicateDates(health: Snapshots, ai: number, errors: PackError[]): void {
  if (health.length > 16) return duplicateDatesOfLongList(health, ai, errors);
  for (let i = 1; i < health.length; i++) {
    const k = health[i].date;
    for (let first = 0; first < i; first++) {
      if (health[first].date !== k) continue;
      errors.push({ path: `accounts[${ai}].health[${i}].date`, message: `duplicate snapshot date "${k}" (first used at accounts[${ai}].health[${first}].date)` });
      break;
    }
  }
}

function duplicateDatesOfLongList(health: Snapshots, ai: number, errors: PackError[]): void {
  duplicates(health, (h) => h.date, (i) => `accounts[${ai}].health[${i}].date`, 'snapshot date', errors);
}

/**
 * Each account's competitors, stage and health signals name things the pack has.
 * Plain loops with no closure or list per account: this runs over every account, and
 * paths are written only for an error.
 */
function checkAccounts(pack: KnowledgePack, stagesByPlaybook: Map<string, Set<string>>, errors: PackError[]): void {
  const competitorIds = new Set(pack.competitors.map((c) => c.id));
  const measureIds = new Set(pack.healthModel.measures.map((m) => m.id));
  const accounts = pack.accounts;
  for (let ai = 0; ai < accounts.length; ai++) {
    const a = accounts[ai];
    for (let i = 0; i < a.competitors.length; i++) {
      const id = a.competitors[i];
      if (!competitorIds.has(id)) errors.push({ path: `accounts[${ai}].competitors[${i}]`, message: `unknown competitor id "${id}"` });
    }
    if (a.stage) {
      const stages = stagesByPlaybook.get(a.stage.playbookId);
      if (!stages) errors.push({ path: `accounts[${ai}].stage.playbookId`, message: `unknown playbook id "${a.stage.playbookId}"` });
      else if (!stages.has(a.stage.stageId))
        errors.push({ path: `accounts[${ai}].stage.stageId`, message: `unknown stage id "${a.stage.stageId}" in playbook "${a.stage.playbookId}"` });
    }
    duplicateDates(a.health, ai, errors);
    for (let hi = 0; hi < a.health.length; hi++) {
      const signals = a.health[hi].signals;
      // Own keys, as Object.keys gives them (a validated record has no others).
      for (const key in signals) {
        if (!measureIds.has(key) && Object.prototype.hasOwnProperty.call(signals, key)) errors.push({ path: `accounts[${ai}].health[${hi}].signals.${key}`, message: `unknown measure id "${key}"` });
      }
    }
  }
}

/** A score needs some weight to come from, and a band to fall in. */
function checkHealthModel(pack: KnowledgePack, errors: PackError[]): void {
  const weights = pack.healthModel.measures.reduce((s, m) => s + m.weight, 0);
  if (weights <= 0) errors.push({ path: 'healthModel.measures', message: 'expected at least one measure with a weight above 0' });
  if (!pack.healthModel.bands.some((b) => b.min === 0)) {
    errors.push({ path: 'healthModel.bands', message: 'expected a band starting at 0, so every score has a band' });
  }
}

/** Meaning checks that a schema cannot express. Runs on a shape-valid pack. */
export function checkReferences(pack: KnowledgePack): { errors: PackError[]; warnings: PackError[] } {
  const errors: PackError[] = [];
  const warnings: PackError[] = [];
  checkUniqueIds(pack, errors);
  const stagesByPlaybook = checkPlaybooks(pack, errors, warnings);
  checkAccounts(pack, stagesByPlaybook, errors);
  checkHealthModel(pack, errors);
  // Role layouts and text audiences (issue 16).
  errors.push(...checkLayouts(pack));
  warnings.push(...checkAudienceQuotes(pack));
  checkFieldOps(pack, errors, warnings);
  checkScoreReferences(pack, errors);
  if (!pack.meta.locales.includes(pack.meta.defaultLocale)) {
    errors.push({ path: 'meta.defaultLocale', message: `"${pack.meta.defaultLocale}" is not listed in meta.locales` });
  }
  return { errors, warnings };
}
