/**
 * Errors that name where the author has to look: the file and line for YAML, Markdown
 * and CSV sources, the pack's JSON path always (it is what the extension reports).
 */
import type { PackError } from '../validate';

export interface SourcedError extends PackError {
  /** Path inside the pack folder, e.g. "competitors/globex.yaml". */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
}

/** `competitors/globex.yaml:12: competitors[0].reviewEvery: expected a number of days from 1 to 3,650` */
export function formatError(e: SourcedError): string {
  const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}: ` : '';
  const path = e.path && e.path !== '(root)' && e.path !== '(file)' ? `${e.path}: ` : '';
  return `${where}${path}${e.message}`;
}

export type Seg = string | number;

/** Splits a path produced by validate.formatPath back into its keys. */
export function parsePath(path: string): Seg[] {
  if (!path || path === '(root)' || path === '(file)') return [];
  const out: Seg[] = [];
  const re = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(path)) && m.index === at) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]) as string);
    at = re.lastIndex;
  }
  return out;
}

export interface Origin {
  file: string;
  line?: number;
  /** Further segments resolved inside the source (a YAML document, a CSV row). */
  resolve?: (rest: Seg[]) => { line?: number; note?: string };
}

interface Node {
  origin?: Origin;
  keys?: Map<Seg, Node>;
  /** Resolves an index or key below this node without one trie node per item. */
  lazy?: (seg: Seg, rest: Seg[]) => Origin | null;
}

/**
 * Where each part of the built pack came from. A JSON path is located by its longest
 * registered prefix; what remains of the path is resolved inside that source.
 */
export class OriginMap {
  private root: Node = {};

  set(path: Seg[], origin: Origin): void {
    this.node(path).origin = origin;
  }

  /** For big lists: `accounts[i]` → the CSV row, computed when asked. */
  setLazy(path: Seg[], lazy: (seg: Seg, rest: Seg[]) => Origin | null): void {
    this.node(path).lazy = lazy;
  }

  private node(path: Seg[]): Node {
    let n = this.root;
    for (const seg of path) {
      n.keys ??= new Map();
      let next = n.keys.get(seg);
      if (!next) n.keys.set(seg, (next = {}));
      n = next;
    }
    return n;
  }

  locate(path: Seg[]): { file: string; line?: number; note?: string } | null {
    let n: Node | undefined = this.root;
    let best: { origin: Origin; depth: number } | null = null;
    for (let i = 0; n; i++) {
      if (n.origin) best = { origin: n.origin, depth: i };
      if (i === path.length) break;
      if (n.lazy) {
        const o = n.lazy(path[i], path.slice(i + 1));
        if (o) {
          best = { origin: o, depth: i + 1 };
          // A lazy origin resolves the rest itself.
          break;
        }
      }
      n = n.keys?.get(path[i]);
    }
    if (!best) return null;
    const { origin, depth } = best;
    const rest = path.slice(depth);
    const inner = origin.resolve?.(rest);
    return { file: origin.file, line: inner?.line ?? origin.line, note: inner?.note };
  }

  /** Adds file and line to validation errors. */
  attach<E extends { path: string; message: string }>(errors: E[]): SourcedError[] {
    return errors.map((e) => {
      const at = this.locate(parsePath(e.path));
      if (!at) return { ...e };
      return { ...e, file: at.file, line: at.line, message: at.note ? `${e.message} (${at.note})` : e.message };
    });
  }
}
