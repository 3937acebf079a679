/** `health-model.yaml`, with band plays from `## <band id>` sections of `health-model.<locale>.md`. */
import { FILES, HEALTH_MODEL_STEM } from '../layout';
import { isObj, type BuildContext } from './context';
import { loadDocs } from './docs';
import { fillFromSections } from './idSections';

export async function readHealthModel(ctx: BuildContext): Promise<unknown> {
  const yaml = await ctx.yamlAt(FILES.healthModel);
  if (!yaml) {
    if (!ctx.present.has(FILES.healthModel)) ctx.fail({ path: 'healthModel', file: FILES.healthModel, message: 'missing: the pack needs a health model (measures and bands)' }, ['healthModel']);
    else ctx.blamed.push(['healthModel']);
    return undefined;
  }
  ctx.origins.set(['healthModel'], yaml.origin());
  const model = yaml.value;
  const docs = await loadDocs(ctx, HEALTH_MODEL_STEM);
  if (!docs.length || !isObj(model)) return model;
  return { ...model, bands: fillFromSections(ctx, docs, model.bands, { at: ['healthModel', 'bands'], key: 'bands', what: 'band', field: 'play', yaml }) };
}
