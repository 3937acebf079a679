/**
 * Pack validation: limits (size, depth, forbidden keys), then shape (the valibot
 * schema), then meaning (unique ids, references that resolve) and cost. Every problem
 * is collected, each naming its JSON path, so ops can fix a broken pack in one pass.
 * The one entry point for every way a pack arrives: the steps live beside it.
 */
import * as v from 'valibot';
import { FORMAT_VERSION, KnowledgePack } from './schema';
import { checkIndexCost } from './cost';
import { packDerived } from './derived';
import { formatPath, type PathItem } from './jsonPath';
import { checkReferences } from './references';
import { claimSourceErrors } from './claims';
import { MAX_ERRORS, checkStructure } from './limits';
import { parsePackText } from './packText';
import { fastAccounts, parsePackShape } from './validateAccounts';
import { grouped } from './grouped';

// Intake and its tests import the limits and text checks from here, the pipeline's one entry point.
export { MAX_DEPTH, MAX_ERRORS, MAX_PACK_BYTES, checkStructure } from './limits';
export { decodePackBytes, jsonSyntaxErrorOffset } from './packText';

export interface PackError {
  /** JSON path such as `competitors[3].battlecard.objections[0].response`. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; pack: KnowledgePack; warnings: PackError[] }
  | { ok: false; errors: PackError[]; warnings: PackError[] };

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

function refused(errors: PackError[]): ValidationResult {
  return { ok: false, errors, warnings: [] };
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
  return [...errors.slice(0, MAX_ERRORS), { path: '(file)', message: `and ${grouped((errors.length - MAX_ERRORS))} more problems not listed` }];
}

/**
 * Validates parsed JSON. Never throws on bad input. `wholeValibot` runs valibot over
 * every account too (the fast path's reference, for its tests and the benchmark).
 */
export function validatePack(input: unknown, { wholeValibot = false }: { wholeValibot?: boolean } = {}): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refused([{ path: '(root)', message: `expected a pack: a JSON object with meta, competitors, playbooks, accounts and healthModel, got ${describeValue(input)}` }]);
  }
  // The accounts fast path first: the accounts it passes are ones the structure walk need not enter.
  const fast = wholeValibot ? null : fastAccounts(input);
  const structural = checkStructure(input, fast);
  if (structural.length) return refused(capped(structural));
  const version = checkFormatVersion(input);
  if (version) return refused([version]);
  const config = { abortEarly: false, abortPipeEarly: false } as const;
  const parsed = wholeValibot ? v.safeParse(KnowledgePack, input, config) : parsePackShape(input, config, fast);
  if (!parsed.success) {
    const errors = parsed.issues.flatMap((i) => issueToError(i as v.BaseIssue<unknown>));
    return refused(capped(dedupe(errors)));
  }
  const { errors, warnings } = checkReferences(parsed.output);
  // What the pack would cost later: the match index, and its Markdown converted once here.
  errors.push(...checkIndexCost(parsed.output), ...packDerived(parsed.output).errors);
  // The pack's own rule (meta.requireClaimSources): every claim names where it comes from.
  errors.push(...claimSourceErrors(parsed.output));
  return errors.length ? { ok: false, errors: capped(errors), warnings } : { ok: true, pack: parsed.output, warnings };
}

/** Parses and validates pack file text; JSON syntax errors are reported too. */
export function validatePackText(text: string): ValidationResult {
  const parsed = parsePackText(text);
  return parsed.ok ? validatePack(parsed.json) : refused(parsed.errors);
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
