/** A pack folder on disk as PackFiles: CSVs are streamed, never read whole. */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PackFiles } from '../utils/pack/authoring/files';

export function nodeFiles(dir: string): PackFiles {
  return {
    async list() {
      const out: string[] = [];
      const walk = async (d: string) => {
        for (const e of await readdir(d, { withFileTypes: true })) {
          if (e.name.startsWith('.') || e.name === 'node_modules') continue;
          const p = join(d, e.name);
          if (e.isDirectory()) await walk(p);
          else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
        }
      };
      await walk(dir);
      return out.sort();
    },
    readText: (path) => readFile(join(dir, path), 'utf8'),
    size: async (path) => (await stat(join(dir, path))).size,
    async *stream(path) {
      const s = createReadStream(join(dir, path), { encoding: 'utf8', highWaterMark: 1 << 20 });
      for await (const chunk of s) yield chunk as string;
    },
  };
}
