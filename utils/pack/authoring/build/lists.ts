/** Files that hold one list each (scenarios.yaml, sites.yaml, site-patches.yaml) or one object (qualification.yaml, win-loss.yaml). */
import type { BuildContext } from './context';

/**
 * The list in `file`, filling the pack's `key`; undefined when the file is absent or
 * unusable (its problems are reported, and the pack's checks do not repeat them).
 */
export async function readListFile(ctx: BuildContext, file: string, key: string, what: string): Promise<unknown[] | undefined> {
  const doc = await ctx.yamlAt(file);
  if (!doc) {
    if (ctx.present.has(file)) ctx.blamed.push([key]);
    return undefined;
  }
  ctx.origins.set([key], doc.origin());
  if (doc.value !== null && !Array.isArray(doc.value)) {
    ctx.fail({ path: key, file, line: 1, message: `expected a list of ${what}` }, [key]);
    return undefined;
  }
  return (doc.value as unknown[] | null) ?? [];
}

/** The object in `file`, filling the pack's `key`; undefined when the file is absent or unusable (reported). */
export async function readObjectFile(ctx: BuildContext, file: string, key: string, what: string): Promise<unknown | undefined> {
  const doc = await ctx.yamlAt(file);
  if (!doc) {
    if (ctx.present.has(file)) ctx.blamed.push([key]);
    return undefined;
  }
  ctx.origins.set([key], doc.origin());
  if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
    ctx.fail({ path: key, file, line: 1, message: `expected ${what}` }, [key]);
    return undefined;
  }
  return doc.value;
}
