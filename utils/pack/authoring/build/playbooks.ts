/** `playbooks/<id>.yaml`, with stage guidance from `## <stage id>` sections of `playbooks/<id>.<locale>.md`. */
import type { BuildContext, Obj } from './context';
import { loadDocs } from './docs';
import { entityFolder } from './entities';
import { fillFromSections } from './idSections';

export async function readPlaybooks(ctx: BuildContext): Promise<unknown[]> {
  const playbooks: unknown[] = [];
  for (const { id, yaml } of await entityFolder(ctx, 'playbooks', ctx.config.order?.playbooks, 'playbook')) {
    const i = playbooks.length;
    ctx.origins.set(['playbooks', i], yaml.origin());
    const obj = { ...(yaml.value as Obj) };
    const docs = await loadDocs(ctx, `playbooks/${id}`);
    if (docs.length) obj.stages = fillFromSections(ctx, docs, obj.stages, { at: ['playbooks', i, 'stages'], key: 'stages', what: 'stage', field: 'guidance', yaml });
    playbooks.push(obj);
  }
  return playbooks;
}
