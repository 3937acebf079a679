/** `competitors/<id>.yaml`, with battlecard prose from `competitors/<id>.<locale>.md`. */
import type { Seg } from '../errors';
import { isObj, type BuildContext, type Obj } from './context';
import { loadDocs } from './docs';
import { entityFolder } from './entities';
import { battlecardFromDocs } from './battlecard';
import { applyClaimSources } from './claimSources';

export async function readCompetitors(ctx: BuildContext): Promise<unknown[]> {
  const competitors: unknown[] = [];
  for (const { id, yaml } of await entityFolder(ctx, 'competitors', ctx.config.order?.competitors, 'competitor')) {
    const path: Seg[] = ['competitors', competitors.length];
    ctx.origins.set(path, yaml.origin());
    const obj = { ...(yaml.value as Obj) };
    const docs = await loadDocs(ctx, `competitors/${id}`);
    if (docs.length) {
      const yamlCard = isObj(obj.battlecard) ? obj.battlecard : {};
      obj.battlecard = { ...yamlCard, ...battlecardFromDocs(ctx, docs, path, yamlCard, yaml) };
    }
    applyClaimSources(ctx, obj, path, yaml);
    competitors.push(obj);
  }
  return competitors;
}
