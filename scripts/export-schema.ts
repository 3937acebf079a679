/** Writes docs/knowledge-pack.schema.json from the valibot schema (npm run schema). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packJsonSchema } from '../utils/pack/jsonSchema';

const out = resolve(import.meta.dirname, '../docs/knowledge-pack.schema.json');
writeFileSync(out, `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
