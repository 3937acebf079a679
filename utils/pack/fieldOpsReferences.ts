/**
 * Meaning checks for experts, rules, products and regional variants (issue 19): ids
 * unique, every product a scenario names exists (an expert's unknown competitor or
 * product is only a warning: it never matches), and a
 * regional variant names a region some account has (a warning: the account list may
 * arrive later, and ops should hear of a typo such as "APCA" before a rep misses it).
 */
import type { KnowledgePack } from './schema';
import type { PackError } from './validate';
import { formatPath } from './jsonPath';

function unique(ids: readonly string[], at: (i: number) => string, what: string, errors: PackError[]): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) errors.push({ path: at(i), message: `duplicate ${what} "${id}" (first used at ${at(first)})` });
    else seen.set(id, i);
  });
}

export function checkFieldOps(pack: KnowledgePack, errors: PackError[], warnings: PackError[]): void {
  unique(pack.experts.map((e) => e.id), (i) => `experts[${i}].id`, 'expert id', errors);
  unique(pack.rules.map((r) => r.id), (i) => `rules[${i}].id`, 'rule id', errors);
  unique(pack.products.map((p) => p.id), (i) => `products[${i}].id`, 'product id', errors);
  const competitors = new Set(pack.competitors.map((c) => c.id));
  const products = new Set(pack.products.map((p) => p.id));
  pack.experts.forEach((e, ei) => {
    e.covers.competitors.forEach((id, i) => {
      // A warning: removing a competitor from the pack must not make every expert who knew it an error; the entry just never matches.
      if (!competitors.has(id)) warnings.push({ path: `experts[${ei}].covers.competitors[${i}]`, message: `unknown competitor "${id}": never matches` });
    });
    e.covers.products.forEach((id, i) => {
      if (!products.has(id)) warnings.push({ path: `experts[${ei}].covers.products[${i}]`, message: `unknown product "${id}" (not in products): never matches` });
    });
  });
  pack.scenarios.forEach((s, si) => {
    s.products.forEach((f, i) => {
      if (!products.has(f.product)) errors.push({ path: `scenarios[${si}].products[${i}].product`, message: `unknown product "${f.product}" (not in products)` });
    });
    unique(s.products.map((f) => f.product), (i) => `scenarios[${si}].products[${i}].product`, 'product in this scenario', errors);
  });
  checkRegions(pack, warnings);
}

function checkRegions(pack: KnowledgePack, warnings: PackError[]): void {
  // An indexed loop, not flatMap: no list (or iterator step) per account in a 50,000-account pack.
  const regions = new Set<string>();
  for (let i = 0; i < pack.accounts.length; i++) {
    const region = pack.accounts[i].region;
    if (region) regions.add(region.trim().toLowerCase());
  }
  if (!regions.size) return;
  const check = (keys: string[], at: (region: string) => string) => {
    for (const r of keys) if (!regions.has(r.trim().toLowerCase())) warnings.push({ path: at(r), message: `no account has the region "${r}": this variant is never shown` });
  };
  pack.competitors.forEach((c, ci) => check(Object.keys(c.battlecard.regional ?? {}), (r) => formatPath(['competitors', ci, 'battlecard', 'regional', r])));
  pack.scenarios.forEach((s, si) => check(Object.keys(s.regional ?? {}), (r) => formatPath(['scenarios', si, 'regional', r])));
}
