/**
 * Regenerates utils/match/hanziPairs.ts from the installed opencc-js (Apache-2.0):
 *
 *   npx tsx scripts/gen-hanzi.ts
 *
 * A unit test (tests/unit/match/hanzi.test.ts) fails when the file no longer matches the
 * installed dictionary, so an opencc-js upgrade says to run this.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import { hanziPairsModule } from './build/hanziPairs';

const out = resolve(import.meta.dirname, '../utils/match/hanziPairs.ts');
writeFileSync(out, hanziPairsModule(TS_CHARACTERS));
console.log(`wrote ${out}`);
