import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { useSampleSource } from '../../utils/store/samplePack';

// In the extension the sample pack is a file of the package (entrypoints/background.ts); here, the repository's.
useSampleSource(async () => JSON.parse(await readFile(new URL('../../assets/sample-pack.json', import.meta.url), 'utf8')));
