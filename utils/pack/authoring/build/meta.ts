/** pack.yaml: the pack's meta, the order of entities and the CSV mappings every later step reads. */
import * as v from 'valibot';
import { formatPath } from '../../jsonPath';
import { PackConfig } from '../config';
import type { Seg } from '../errors';
import { FILES } from '../layout';
import { isObj, type BuildContext } from './context';

export async function readPackConfig(ctx: BuildContext): Promise<void> {
  const packYaml = await ctx.yamlAt(FILES.pack);
  ctx.packYaml = packYaml;
  if (!ctx.present.has(FILES.pack)) {
    ctx.fail({ path: '(file)', file: FILES.pack, message: `missing: a pack folder starts with ${FILES.pack} (meta, order, CSV mappings)` }, ['meta']);
  } else if (packYaml) {
    const parsed = v.safeParse(PackConfig, packYaml.value ?? {});
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const segs = (issue.path ?? []).map((p) => p.key as Seg);
        ctx.fail({ path: `${FILES.pack} ${formatPath(segs)}`, file: FILES.pack, line: packYaml.lineOf(segs), message: issue.message });
      }
    } else ctx.config = parsed.output;
    ctx.origins.set(['meta'], packYaml.origin(['meta']));
  } else ctx.blamed.push(['meta']);

  const meta = isObj(ctx.config.meta) ? ctx.config.meta : {};
  ctx.locales = Array.isArray(meta.locales) ? meta.locales.filter((l): l is string => typeof l === 'string') : [];
  ctx.defaultLocale = typeof meta.defaultLocale === 'string' ? meta.defaultLocale : (ctx.locales[0] ?? 'en');
}
