/**
 * The built pack as text: keys in the order the format defines them (so a pack built
 * from YAML reads like the reference), and JSON laid out for people — a container on
 * one line when it fits, expanded otherwise. Same input, same bytes.
 */
import type { GenericSchema } from 'valibot';
import { KnowledgePack } from '../schema';

type AnySchema = GenericSchema & {
  type: string;
  entries?: Record<string, AnySchema>;
  wrapped?: AnySchema;
  item?: AnySchema;
  options?: AnySchema[];
  value?: AnySchema;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unwrap(s: AnySchema): AnySchema {
  while (s.wrapped && ['optional', 'nullable', 'nullish', 'exact_optional', 'undefinedable'].includes(s.type)) s = s.wrapped;
  return s;
}

function orderBy(value: unknown, schema: AnySchema | undefined): unknown {
  if (!schema) return value;
  const s = unwrap(schema);
  if (Array.isArray(value)) return s.type === 'array' ? value.map((x) => orderBy(x, s.item)) : value;
  if (!isObject(value)) return value;
  if (s.type === 'union' && s.options) {
    const objectLike = s.options.map(unwrap).find((o) => o.entries || o.type === 'record');
    return orderBy(value, objectLike);
  }
  if (s.entries) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(s.entries)) if (k in value) out[k] = orderBy(value[k], s.entries[k]);
    // Unknown keys stay, at the end, so validation can still name them.
    for (const k of Object.keys(value)) if (!(k in out)) out[k] = value[k];
    return out;
  }
  if (s.type === 'record' && s.value) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = orderBy(v, s.value);
    return out;
  }
  return value;
}

/** Reorders every object's keys to the format's order (record keys keep theirs). */
export function canonicalOrder<T>(pack: T): T {
  return orderBy(pack, KnowledgePack as unknown as AnySchema) as T;
}

/**
 * JSON for people: two-space indent; an array or object stays on one line when that
 * line fits in `width` columns. Ends with a newline.
 */
export function formatPackJson(value: unknown, width = 100): string {
  const out: string[] = [];
  write(value, '', 0);
  return `${out.join('')}\n`;

  function write(v: unknown, indent: string, used: number) {
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
      return;
    }
    const flat = inline(v, width - used);
    if (flat !== null) {
      out.push(flat);
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      out.push('[\n');
      v.forEach((x, i) => {
        out.push(inner);
        write(x, inner, inner.length);
        out.push(i < v.length - 1 ? ',\n' : '\n');
      });
      out.push(`${indent}]`);
    } else {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      out.push('{\n');
      entries.forEach(([k, x], i) => {
        const key = `${JSON.stringify(k)}: `;
        out.push(inner, key);
        write(x, inner, inner.length + key.length);
        out.push(i < entries.length - 1 ? ',\n' : '\n');
      });
      out.push(`${indent}}`);
    }
  }
}

/** One-line form, or null as soon as it would exceed `budget` characters (or the trailing comma would). */
function inline(v: unknown, budget: number): string | null {
  let len = 0;
  const parts: string[] = [];
  const push = (s: string) => {
    len += s.length;
    parts.push(s);
    return len < budget;
  };
  const go = (x: unknown): boolean => {
    if (x === null || typeof x !== 'object') return push(JSON.stringify(x) ?? 'null');
    if (Array.isArray(x)) {
      if (!x.length) return push('[]');
      if (!push('[')) return false;
      for (let i = 0; i < x.length; i++) {
        if (i && !push(', ')) return false;
        if (!go(x[i])) return false;
      }
      return push(']');
    }
    const entries = Object.entries(x).filter(([, y]) => y !== undefined);
    if (!entries.length) return push('{}');
    if (!push('{ ')) return false;
    for (let i = 0; i < entries.length; i++) {
      if (i && !push(', ')) return false;
      if (!push(`${JSON.stringify(entries[i][0])}: `) || !go(entries[i][1])) return false;
    }
    return push(' }');
  };
  return go(v) ? parts.join('') : null;
}
