import { toJsonSchema } from '@valibot/to-json-schema';
import { KnowledgePack } from './schema';

/** The pack format as JSON Schema (draft-07) for editors; generated, never hand-edited. */
export function packJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(KnowledgePack, { errorMode: 'ignore', typeMode: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://frontline.example/knowledge-pack.schema.json',
    title: 'Frontline knowledge pack (format v1)',
    description: 'See docs/knowledge-pack.md. Generated from utils/pack/schema.ts by `npm run schema`.',
  };
}
