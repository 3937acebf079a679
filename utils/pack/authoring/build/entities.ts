/**
 * Entity folders: `competitors/<id>.yaml`, `playbooks/<id>.yaml`. The file name is the
 * id; pack.yaml's `order` lists may fix the order and must then name every file.
 */
import type { YamlFile } from '../yaml';
import { FILES } from '../layout';
import { isObj, type BuildContext } from './context';

export interface EntityFile {
  id: string;
  yaml: YamlFile;
}

/** id → file, for `<dir>/<id>.yaml` and `.yml`. */
function entityFiles(ctx: BuildContext, dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const re = new RegExp(`^${dir}/([^/]+)\\.ya?ml$`);
  for (const f of ctx.all) {
    const m = re.exec(f);
    if (!m) continue;
    if (found.has(m[1])) ctx.fail({ path: '(file)', file: f, message: `both ${found.get(m[1])} and ${f} exist` });
    else found.set(m[1], f);
  }
  return found;
}

/** The ids in build order: pack.yaml's list when it has one, else sorted. */
function orderedIds(ctx: BuildContext, dir: string, found: Map<string, string>, listed: string[] | undefined): string[] {
  const ids = [...found.keys()].sort();
  if (!listed) return ids;
  listed.forEach((id, i) => {
    if (!found.has(id)) ctx.fail({ path: '(file)', file: FILES.pack, line: ctx.configLine(['order', dir, i]), message: `order.${dir} lists "${id}" but there is no ${dir}/${id}.yaml` });
  });
  for (const id of ids) {
    if (!listed.includes(id)) ctx.fail({ path: '(file)', file: found.get(id)!, message: `not listed in ${FILES.pack} order.${dir}: add "${id}" there (or delete the file)` });
  }
  return listed.filter((id) => found.has(id));
}

/** One entity's YAML, with its id filled in from the file name; null when it cannot be used. */
async function readEntity(ctx: BuildContext, dir: string, id: string, file: string, what: string): Promise<YamlFile | null> {
  const y = await ctx.yamlAt(file);
  if (!y) return null;
  if (!isObj(y.value)) {
    ctx.fail({ path: '(file)', file: y.file, line: 1, message: `expected the ${what}'s fields (a YAML map)` });
    return null;
  }
  if (y.value.id === undefined) y.value = { id, ...y.value };
  else if (y.value.id !== id) {
    ctx.fail({ path: '(file)', file: y.file, line: y.lineOf(['id']), message: `id "${String(y.value.id)}" does not match the file name: name the file ${dir}/${String(y.value.id)}.yaml, or leave id out` });
    return null;
  }
  return y;
}

export async function entityFolder(ctx: BuildContext, dir: string, listed: string[] | undefined, what: string): Promise<EntityFile[]> {
  const found = entityFiles(ctx, dir);
  const out: EntityFile[] = [];
  for (const id of orderedIds(ctx, dir, found, listed)) {
    const yaml = await readEntity(ctx, dir, id, found.get(id)!, what);
    if (yaml) out.push({ id, yaml });
  }
  return out;
}
