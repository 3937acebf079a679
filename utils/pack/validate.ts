/**
 * Pack validation: shape (the valibot schema) then meaning (unique ids, references
 * that resolve). Every problem is collected, each naming its JSON path, so ops can
 * fix a broken pack in one pass.
 */
import * as v from 'valibot';
import { FORMAT_VERSION, KnowledgePack, MOTIONS } from './schema';
import { checkIndexCost } from './cost';
import { packDerived } from './derived';

export interface PackError {
  /** JSON path such as `competitors[3].battlecard.objections[0].response`. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; pack: KnowledgePack; warnings: PackError[] }
  | { ok: false; errors: PackError[]; warnings: PackError[] };

type PathItem = { key: unknown };

export function formatPath(items: readonly PathItem[] | readonly (string | number)[] | undefined): string {
  let out = '';
  for (const item of items ?? []) {
    const key = typeof item === 'object' && item !== null ? (item as PathItem).key : item;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function issueToError(issue: v.BaseIssue<unknown>): PackError[] {
  // A union ("text or per-locale map") reports its branches; surface the deepest
  // branch issues when the input was an object (the author meant the map form).
  if (issue.type === 'union' && issue.issues?.length && typeof issue.input === 'object' && issue.input !== null) {
    // Branch issues carry paths relative to the union.
    const inner = issue.issues.filter((i) => (i.path?.length ?? 0) > 0);
    if (inner.length) return inner.flatMap((i) => issueToError({ ...i, path: [...(issue.path ?? []), ...(i.path ?? [])] } as v.BaseIssue<unknown>));
  }
  const path = formatPath(issue.path as PathItem[] | undefined);
  let message = issue.message;
  if (issue.kind === 'schema' && issue.input === undefined && issue.message.startsWith('Invalid key')) {
    message = 'required field is missing';
  } else if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
    message = 'unknown field (check its spelling against docs/knowledge-pack.md)';
  } else if (issue.kind === 'schema' && !/\bgot\b/.test(message)) {
    message = `${message}, got ${describeValue(issue.input)}`;
  }
  return [{ path, message }];
}

function duplicates<T>(items: readonly T[], key: (t: T) => string, at: (i: number) => string, what: string, errors: PackError[]) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) errors.push({ path: at(i), message: `duplicate ${what} "${k}" (first used at ${at(first)})` });
    else seen.set(k, i);
  });
}

/** Meaning checks that a schema cannot express. Runs on a shape-valid pack. */
export function checkReferences(pack: KnowledgePack): { errors: PackError[]; warnings: PackError[] } {
  const errors: PackError[] = [];
  const warnings: PackError[] = [];

  duplicates(pack.scenarios, (s) => s.id, (i) => `scenarios[${i}].id`, 'scenario id', errors);
  duplicates(pack.competitors, (c) => c.id, (i) => `competitors[${i}].id`, 'competitor id', errors);
  duplicates(pack.playbooks, (p) => p.id, (i) => `playbooks[${i}].id`, 'playbook id', errors);
  duplicates(pack.accounts, (a) => a.id, (i) => `accounts[${i}].id`, 'account id', errors);
  duplicates(pack.healthModel.measures, (m) => m.id, (i) => `healthModel.measures[${i}].id`, 'measure id', errors);
  duplicates(pack.healthModel.bands, (b) => b.id, (i) => `healthModel.bands[${i}].id`, 'band id', errors);
  duplicates(pack.sites, (s) => s.id, (i) => `sites[${i}].id`, 'site rule id', errors);

  pack.competitors.forEach((c, ci) =>
    duplicates(c.battlecard.objections, (o) => o.id, (i) => `competitors[${ci}].battlecard.objections[${i}].id`, 'objection id', errors),
  );

  const stagesByPlaybook = new Map<string, Set<string>>();
  pack.playbooks.forEach((p, pi) => {
    duplicates(p.stages, (s) => s.id, (i) => `playbooks[${pi}].stages[${i}].id`, 'stage id', errors);
    // Checklist ids are the key of a rep's ticks: unique across the whole playbook.
    const items = p.stages.flatMap((s, si) => s.checklist.map((c, ci) => ({ id: c.id, at: `playbooks[${pi}].stages[${si}].checklist[${ci}].id` })));
    duplicates(items, (x) => x.id, (i) => items[i].at, 'checklist item id', errors);
    if (!stagesByPlaybook.has(p.id)) stagesByPlaybook.set(p.id, new Set(p.stages.map((s) => s.id)));
  });
  for (const motion of MOTIONS) {
    if (pack.playbooks.length && !pack.playbooks.some((p) => p.motion === motion)) {
      warnings.push({ path: 'playbooks', message: `no playbook for the "${motion}" motion` });
    }
  }

  const competitorIds = new Set(pack.competitors.map((c) => c.id));
  const measureIds = new Set(pack.healthModel.measures.map((m) => m.id));
  pack.accounts.forEach((a, ai) => {
    a.competitors.forEach((id, i) => {
      if (!competitorIds.has(id)) errors.push({ path: `accounts[${ai}].competitors[${i}]`, message: `unknown competitor id "${id}"` });
    });
    if (a.stage) {
      const stages = stagesByPlaybook.get(a.stage.playbookId);
      if (!stages) errors.push({ path: `accounts[${ai}].stage.playbookId`, message: `unknown playbook id "${a.stage.playbookId}"` });
      else if (!stages.has(a.stage.stageId))
        errors.push({ path: `accounts[${ai}].stage.stageId`, message: `unknown stage id "${a.stage.stageId}" in playbook "${a.stage.playbookId}"` });
    }
    duplicates(a.health, (h) => h.date, (i) => `accounts[${ai}].health[${i}].date`, 'snapshot date', errors);
    a.health.forEach((h, hi) => {
      for (const key of Object.keys(h.signals)) {
        if (!measureIds.has(key)) errors.push({ path: `accounts[${ai}].health[${hi}].signals.${key}`, message: `unknown measure id "${key}"` });
      }
    });
  });

  const weights = pack.healthModel.measures.reduce((s, m) => s + m.weight, 0);
  if (weights <= 0) errors.push({ path: 'healthModel.measures', message: 'expected at least one measure with a weight above 0' });
  if (!pack.healthModel.bands.some((b) => b.min === 0)) {
    errors.push({ path: 'healthModel.bands', message: 'expected a band starting at 0, so every score has a band' });
  }

  if (!pack.meta.locales.includes(pack.meta.defaultLocale)) {
    errors.push({ path: 'meta.defaultLocale', message: `"${pack.meta.defaultLocale}" is not listed in meta.locales` });
  }
  return { errors, warnings };
}

// ── Limits: what no real pack comes near, checked before anything else reads the input ──

/**
 * The largest pack file accepted. A synthetic pack of 50,000 accounts (the largest
 * customers we plan for) is about 22 MB; anything past this is a mistake or an attack,
 * and refusing it before `JSON.parse` keeps the worker responsive.
 */
export const MAX_PACK_BYTES = 40 * 1024 * 1024;
/** Objects and lists nest at most this deep (a real pack nests 7 levels). */
export const MAX_DEPTH = 32;
/** The longest single text (a battlecard section is a few KB). */
export const MAX_STRING = 100_000;
/** Errors listed; the rest are counted in one last line. */
export const MAX_ERRORS = 500;
/** Keys that would change an object's prototype, or that valibot drops without a word. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function refused(errors: PackError[]): ValidationResult {
  return { ok: false, errors, warnings: [] };
}

/**
 * One pass over the parsed input, without recursion (a 10,000-deep list must not
 * overflow the stack): nesting depth, forbidden keys, over-long strings and text that
 * was not UTF-8 when it was read (the decoder's U+FFFD). Each problem names its path.
 */
export function checkStructure(input: unknown): PackError[] {
  const errors: PackError[] = [];
  type Node = { value: unknown; depth: number; parent: Node | null; key: string | number | null };
  const pathOf = (n: Node) => {
    const keys: (string | number)[] = [];
    for (let at: Node | null = n; at && at.key !== null; at = at.parent) keys.push(at.key);
    return formatPath(keys.reverse());
  };
  const stack: Node[] = [{ value: input, depth: 0, parent: null, key: null }];
  while (stack.length && errors.length < MAX_ERRORS) {
    const node = stack.pop()!;
    const value = node.value;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) {
        errors.push({ path: pathOf(node), message: `text of ${value.length.toLocaleString('en')} characters is longer than the ${MAX_STRING.toLocaleString('en')} allowed` });
      } else if (value.includes('\uFFFD')) {
        errors.push({ path: pathOf(node), message: 'contains U+FFFD, a character that could not be decoded: save the file as UTF-8' });
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (node.depth >= MAX_DEPTH) {
      errors.push({ path: pathOf(node), message: `nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    const children: Node[] = [];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) children.push({ value: value[i], depth: node.depth + 1, parent: node, key: i });
    } else {
      for (const key of Object.keys(value)) {
        const child: Node = { value: (value as Record<string, unknown>)[key], depth: node.depth + 1, parent: node, key };
        if (FORBIDDEN_KEYS.has(key)) {
          errors.push({ path: pathOf(child), message: `"${key}" is not allowed as a field name` });
          continue;
        }
        children.push(child);
      }
    }
    // Reversed, so problems come out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return errors;
}

/** A pack written for a newer (or unknown) format: one clear error instead of hundreds of shape errors. */
function checkFormatVersion(input: unknown): PackError | null {
  const meta = typeof input === 'object' && input !== null ? (input as { meta?: unknown }).meta : undefined;
  const version = typeof meta === 'object' && meta !== null ? (meta as { formatVersion?: unknown }).formatVersion : undefined;
  if (version === undefined || version === FORMAT_VERSION) return null;
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    return { path: 'meta.formatVersion', message: `this pack is format version ${version}; this version of Frontline reads format version ${FORMAT_VERSION} — update the extension, or publish the pack in format ${FORMAT_VERSION}` };
  }
  return { path: 'meta.formatVersion', message: `unknown format version ${JSON.stringify(version)}; this version of Frontline reads format version ${FORMAT_VERSION}` };
}

function capped(errors: PackError[]): PackError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), { path: '(file)', message: `and ${(errors.length - MAX_ERRORS).toLocaleString('en')} more problems not listed` }];
}

/** Validates parsed JSON. Never throws on bad input. */
export function validatePack(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refused([{ path: '(root)', message: `expected a pack: a JSON object with meta, competitors, playbooks, accounts and healthModel, got ${describeValue(input)}` }]);
  }
  const structural = checkStructure(input);
  if (structural.length) return refused(capped(structural));
  const version = checkFormatVersion(input);
  if (version) return refused([version]);
  const parsed = v.safeParse(KnowledgePack, input, { abortEarly: false, abortPipeEarly: false });
  if (!parsed.success) {
    const errors = parsed.issues.flatMap((i) => issueToError(i as v.BaseIssue<unknown>));
    return refused(capped(dedupe(errors)));
  }
  const { errors, warnings } = checkReferences(parsed.output);
  // What the pack would cost later: the match index, and its Markdown converted once here.
  errors.push(...checkIndexCost(parsed.output), ...packDerived(parsed.output).errors);
  return errors.length ? { ok: false, errors: capped(errors), warnings } : { ok: true, pack: parsed.output, warnings };
}

/** V8's JSON.parse message, with the line and column of the fault. */
function jsonErrorAt(text: string, message: string): string {
  const pos = jsonSyntaxErrorOffset(text);
  if (pos < 0) return message;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${message} (line ${line}, column ${pos - lineStart + 1})`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Offset of the first character that makes `text` invalid JSON (-1 when it is valid).
 * V8 gives a position for some faults and not others; this finds it for all, without
 * recursion. Only runs once JSON.parse has failed.
 */
export function jsonSyntaxErrorOffset(text: string): number {
  const n = text.length;
  const stack: number[] = []; // 123 "{" or 91 "["
  // value | valueOrClose | keyOrClose | key | colon | after | done
  let state = 'value';
  let i = 0;
  const token = (re: RegExp) => {
    re.lastIndex = i;
    return re.test(text) ? re.lastIndex : -1;
  };
  const valueDone = () => (state = stack.length ? 'after' : 'done');
  while (true) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    if (i >= n) return state === 'done' ? -1 : n;
    const c = text[i];
    switch (state) {
      case 'done':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        state = 'value';
        continue;
      case 'after':
        if (c === ',') {
          i++;
          state = stack[stack.length - 1] === 123 ? 'key' : 'value';
        } else if ((c === '}' && stack[stack.length - 1] === 123) || (c === ']' && stack[stack.length - 1] === 91)) {
          i++;
          stack.pop();
          valueDone();
        } else return i;
        continue;
      case 'keyOrClose':
      case 'key': {
        if (c === '}' && state === 'keyOrClose') {
          i++;
          stack.pop();
          valueDone();
          continue;
        }
        if (c !== '"') return i;
        const end = token(STRING);
        if (end < 0) return i;
        i = end;
        state = 'colon';
        continue;
      }
      case 'valueOrClose':
        if (c === ']') {
          i++;
          stack.pop();
          valueDone();
          continue;
        }
      // falls through: a value
      default: {
        if (c === '{' || c === '[') {
          stack.push(c.charCodeAt(0));
          i++;
          state = c === '{' ? 'keyOrClose' : 'valueOrClose';
          continue;
        }
        let end = -1;
        if (c === '"') end = token(STRING);
        else if (c === '-' || (c >= '0' && c <= '9')) end = token(NUMBER);
        else for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) end = i + lit.length;
        if (end < 0) return i;
        i = end;
        valueDone();
      }
    }
  }
}

/** Refuses a pack file that is too large before anything parses it. */
export function checkPackSize(size: number): PackError | null {
  return size > MAX_PACK_BYTES ? { path: '(file)', message: `the file is ${mb(size)}; the largest pack accepted is ${mb(MAX_PACK_BYTES)}` } : null;
}

/**
 * Pack file text → JSON, refusing a file over the size cap before parsing it and naming
 * the line and column of a syntax error. Every way a pack arrives (file, URL, sync)
 * should come through here.
 */
export function parsePackText(text: string): { ok: true; json: unknown } | { ok: false; errors: PackError[] } {
  // Every UTF-16 unit is at least one byte of the file, so this never lets a larger file through.
  const tooBig = checkPackSize(text.length);
  if (tooBig) return { ok: false, errors: [tooBig] };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const detail = text.trim() === '' ? 'the file is empty' : jsonErrorAt(text, message);
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${detail}` }] };
  }
}

/** Parses and validates pack file text; JSON syntax errors are reported too. */
export function validatePackText(text: string): ValidationResult {
  const parsed = parsePackText(text);
  return parsed.ok ? validatePack(parsed.json) : refused(parsed.errors);
}

/**
 * Pack file bytes → text, refusing what is not UTF-8 (a pack saved as Latin-1 or
 * UTF-16 would otherwise turn into replacement characters without a word). Extension
 * pages read a picked file with this before sending the text to the background.
 */
export function decodePackBytes(bytes: ArrayBuffer | Uint8Array): { ok: true; text: string } | { ok: false; errors: PackError[] } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const tooBig = checkPackSize(view.byteLength);
  if (tooBig) return { ok: false, errors: [tooBig] };
  if ((view[0] === 0xff && view[1] === 0xfe) || (view[0] === 0xfe && view[1] === 0xff)) {
    return { ok: false, errors: [{ path: '(file)', message: 'not UTF-8: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' }] };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(view) };
  } catch {
    const at = firstInvalidUtf8(view);
    return { ok: false, errors: [{ path: '(file)', message: `not UTF-8: byte ${at} (0x${view[at].toString(16).padStart(2, '0')}) cannot start or continue a UTF-8 character; save the file as UTF-8` }] };
  }
}

/** Offset of the first byte that breaks UTF-8 (only called once the decoder has said one does). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong, surrogate and above-U+10FFFF forms.
    if ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] > 0x9f) || (c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] > 0x8f)) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

function dedupe(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
