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
 * products.yaml, experts.yaml,  optional lists: product lines, the experts reps can ask,
 * rules.yaml                    the rules (regulation) per industry / region / segment
 * ```
 *
 * Pure: files come through `PackFiles`. Every problem is reported, each with its file
 * and line; the pack's own checks (utils/pack/validate) run on the result and their
 * JSON paths are traced back to the line that produced them. Each entity has its
 * reader under build/; they share one BuildContext.
 */
import type { KnowledgePack } from '../schema';
import { validatePack } from '../validate';
import type { PackFiles } from './files';
import { parsePath, type Origin, type SourcedError } from './errors';
import { canonicalOrder } from './format';
import { FILES } from './layout';
import { BuildContext, type BuildOptions, type BuildProgress, type BuildStats, type Obj } from './build/context';
import { readPackConfig } from './build/meta';
import { readListFile, readObjectFile } from './build/lists';
import { readCompetitors } from './build/competitors';
import { readPlaybooks } from './build/playbooks';
import { readHealthModel } from './build/healthModel';
import { readAccounts } from './build/accounts';

export type { BuildOptions, BuildProgress, BuildStats, Origin };

export type BuildResult =
  | { ok: true; pack: Record<string, unknown>; validated: KnowledgePack; warnings: SourcedError[]; stats: BuildStats }
  | { ok: false; pack: Record<string, unknown> | null; errors: SourcedError[]; warnings: SourcedError[]; stats: BuildStats };

export async function buildPackFolder(files: PackFiles, opts: BuildOptions = {}): Promise<BuildResult> {
  const ctx = await BuildContext.open(files, opts);
  await readPackConfig(ctx);
  // Read in this order: errors are listed in the order they are found.
  const scenarios = await readListFile(ctx, FILES.scenarios, 'scenarios', 'scenarios (each starting with "- id: …")');
  const competitors = await readCompetitors(ctx);
  const playbooks = await readPlaybooks(ctx);
  const healthModel = await readHealthModel(ctx);
  const sites = await readListFile(ctx, FILES.sites, 'sites', 'site rules');
  const sitePatches = await readListFile(ctx, FILES.sitePatches, 'sitePatches', 'site patches');
  const accounts = await readAccounts(ctx);
  const fieldOps = await readFieldOpsLists(ctx);
  const qualification = await readObjectFile(ctx, FILES.qualification, 'qualification', 'a methodology (id, name, elements)');
  const winLoss = await readObjectFile(ctx, FILES.winLoss, 'winLoss', 'win/loss reasons (reasons: …)');
  Object.assign(ctx.stats, { competitors: competitors.length, playbooks: playbooks.length, accounts: accounts.length });
  warnUnreadFiles(ctx);

  const raw: Obj = { meta: ctx.config.meta };
  if (scenarios) raw.scenarios = scenarios;
  Object.assign(raw, { competitors, playbooks, accounts, healthModel });
  if (sites) raw.sites = sites;
  if (sitePatches) raw.sitePatches = sitePatches;
  Object.assign(raw, fieldOps);
  if (qualification) raw.qualification = qualification;
  if (winLoss) raw.winLoss = winLoss;
  return checkBuilt(ctx, canonicalOrder(raw));
}

/** experts.yaml, rules.yaml, products.yaml: the lists present (issue 19). */
async function readFieldOpsLists(ctx: BuildContext): Promise<Obj> {
  const out: Obj = {};
  for (const [key, what] of [['products', 'products'], ['experts', 'experts'], ['rules', 'rules']] as const) {
    const list = await readListFile(ctx, FILES[key], key, `${what} (each starting with "- id: …")`);
    if (list) out[key] = list;
  }
  return out;
}

/** YAML, Markdown and CSV files no step read are most likely a typo in a name. */
function warnUnreadFiles(ctx: BuildContext): void {
  for (const f of ctx.all) {
    if (ctx.used.has(f) || /(^|\/)readme(\.[a-z-]+)?\.md$/i.test(f)) continue;
    if (/\.(ya?ml|md|csv|tsv)$/i.test(f)) ctx.warn({ path: '(file)', file: f, message: 'not part of the pack (not a file the folder layout reads, or not mapped in pack.yaml)' });
  }
}

/** The pack's own checks on the result, their JSON paths traced to files and lines. */
function checkBuilt(ctx: BuildContext, pack: Obj): BuildResult {
  const result = validatePack(pack);
  const isBlamed = (path: string) => {
    const segs = parsePath(path);
    return ctx.blamed.some((b) => b.length <= segs.length && b.every((s, i) => segs[i] === s));
  };
  const checkErrors = result.ok ? [] : ctx.origins.attach(result.errors.filter((e) => !isBlamed(e.path)));
  const errors = [...ctx.errors, ...checkErrors];
  const warnings = [...ctx.warnings, ...ctx.origins.attach(result.warnings)];
  const stats = ctx.stats;
  if (errors.length || !result.ok) return { ok: false, pack, errors, warnings, stats };
  return { ok: true, pack, validated: result.pack, warnings, stats };
}
