import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from '../../utils/pack/jsonSchema';

describe('docs/knowledge-pack.schema.json', () => {
  it('is the schema the code enforces (run `npm run schema` after changing utils/pack/schema.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/knowledge-pack.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(packJsonSchema());
  });

  it('describes every top-level section', () => {
    const props = Object.keys((packJsonSchema() as { properties: object }).properties);
    expect(props).toEqual(expect.arrayContaining(['meta', 'scenarios', 'competitors', 'playbooks', 'accounts', 'healthModel', 'sites']));
  });
});
