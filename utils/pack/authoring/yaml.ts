/**
 * YAML with line numbers: the parsed value plus a way back from a path inside it to
 * the line it was written on. YAML 1.2 core schema, so `2026-11-02` and `1.0.0` stay
 * text and `yes` is not a boolean; duplicate keys are an error.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YNode } from 'yaml';
import type { Origin, Seg, SourcedError } from './errors';

export interface YamlFile {
  file: string;
  value: unknown;
  errors: SourcedError[];
  /** The line of the deepest node on `path` that exists (a missing key: its parent's line). */
  lineOf(path: Seg[]): number | undefined;
  /** An origin for OriginMap: JSON paths under `base` are looked up inside this file. */
  origin(base?: Seg[]): Origin;
}

export function loadYaml(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', strict: true });
  const errors: SourcedError[] = doc.errors.map((e) => ({
    path: '(file)',
    file,
    line: e.linePos?.[0]?.line ?? (e.pos ? lineCounter.linePos(e.pos[0]).line : undefined),
    message: `not valid YAML: ${e.message.split('\n')[0]}`,
  }));
  let value: unknown = null;
  if (!errors.length) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      errors.push({ path: '(file)', file, message: `not valid YAML: ${(e as Error).message}` });
    }
  }
  const lineAt = (n: { range?: [number, number, number] | null } | null | undefined) => (n?.range ? lineCounter.linePos(n.range[0]).line : undefined);

  function lineOf(path: Seg[]): number | undefined {
    let node = doc.contents as YNode | null;
    let line = lineAt(node) ?? 1;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        line = lineAt(pair.key as YNode) ?? line;
        node = pair.value as YNode | null;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as YNode | undefined;
        if (!item) break;
        line = lineAt(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  }

  return {
    file,
    value,
    errors,
    lineOf,
    origin: (base = []) => ({ file, resolve: (rest) => ({ line: lineOf([...base, ...rest]) }) }),
  };
}
