/**
 * What the builder reads: a pack folder as relative paths ("competitors/globex.yaml",
 * always "/"), so the same build runs on disk (the CLI), in memory (tests) or on a
 * folder the options page was handed. CSV files can be streamed in chunks.
 */
export interface PackFiles {
  /** Every file under the folder, relative, with "/" separators. */
  list(): Promise<string[]>;
  readText(path: string): Promise<string>;
  /** Size in bytes, when known, for progress. */
  size?(path: string): Promise<number>;
  /** The file in text chunks (UTF-8 decoded); default: one chunk from readText. */
  stream?(path: string): AsyncIterable<string>;
}

/** A folder held in memory: `{ "pack.yaml": "…", "accounts.csv": "…" }`. */
export function memoryFiles(files: Record<string, string>, chunkSize = 0): PackFiles {
  return {
    list: async () => Object.keys(files).sort(),
    readText: async (path) => {
      if (!(path in files)) throw new Error(`${path}: no such file`);
      return files[path];
    },
    size: async (path) => new TextEncoder().encode(files[path] ?? '').length,
    stream: chunkSize > 0 ? (path) => chunks(files[path] ?? '', chunkSize) : undefined,
  };
}

async function* chunks(text: string, size: number): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export async function* streamOf(files: PackFiles, path: string): AsyncIterable<string> {
  if (files.stream) yield* files.stream(path);
  else yield await files.readText(path);
}
