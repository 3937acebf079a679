/**
 * The bad-input corpus: packs broken in every way we could think of, each with the
 * error it must be refused with. Generated from the sample pack (deterministic), so
 * each case differs from a valid pack in exactly the way its name says.
 */
import sample from '../../../assets/sample-pack.json';

export type Json = any;

export const validPack = (): Json => structuredClone(sample);
export const validText = (): string => JSON.stringify(sample, null, 2);

export interface BadCase {
  name: string;
  /** What the file holds, as text (what `pack:import` receives)… */
  text?: string;
  /** …or as bytes (what the options page reads from a picked file). */
  bytes?: Uint8Array;
  /** At least one error must have this path and a message matching `message`. */
  expect: { path: string | RegExp; message: RegExp };
}

const withPack = (edit: (p: Json) => void): string => {
  const p = validPack();
  edit(p);
  return JSON.stringify(p);
};

/** Inserts `insert` right after the first occurrence of `after` in the sample's JSON. */
const spliceText = (after: string, insert: string): string => {
  const t = JSON.stringify(sample);
  const at = t.indexOf(after);
  if (at < 0) throw new Error(`corpus: "${after}" not in the sample pack`);
  return t.slice(0, at + after.length) + insert + t.slice(at + after.length);
};

/** Nested lists, `depth` deep, without recursion. */
export const deepList = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** A pack that would be valid, padded with whitespace to `bytes` (size is the only fault). */
export function hugeValidText(bytes: number): string {
  const t = validText();
  const pad = bytes - t.length;
  return t.replace('"accounts": [', `"accounts": [${' '.repeat(Math.max(0, pad))}`);
}

/**
 * Every leaf of the sample pack replaced by a value of the wrong type: text by
 * numbers, numbers and booleans by text, lists by objects and objects by lists at
 * every third level. Returns the text and how many leaves were changed.
 */
export function wrongTypesEverywhere(): { text: string; changed: number } {
  let changed = 0;
  const flip = (value: Json, depth: number): Json => {
    if (typeof value === 'string') return changed++, 42;
    if (typeof value === 'number' || typeof value === 'boolean') return changed++, 'forty-two';
    if (Array.isArray(value)) {
      if (depth === 3) return changed++, { list: 'no' };
      return value.map((x) => flip(x, depth + 1));
    }
    if (value && typeof value === 'object') {
      if (depth === 6) return changed++, ['an', 'object', 'was', 'expected'];
      return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, flip(x, depth + 1)]));
    }
    return value;
  };
  return { text: JSON.stringify(flip(validPack(), 0)), changed };
}

/** Latin-1 bytes: what Excel's "Save as JSON" or an old editor writes for "Société Générale". */
function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f));
}

function utf16leBytes(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const latinPack = () => withPack((p) => (p.accounts[0].name = 'Société Générale'));

export function corpus(): BadCase[] {
  const full = JSON.stringify(sample);
  return [
    // ── Not a pack file at all ──
    { name: 'truncated halfway', text: full.slice(0, Math.floor(full.length / 2)), expect: { path: '(file)', message: /^not valid JSON: .*\(line 1, column \d+\)$/ } },
    { name: 'truncated by one character', text: full.slice(0, -1), expect: { path: '(file)', message: /^not valid JSON/ } },
    { name: 'empty file', text: '', expect: { path: '(file)', message: /^not valid JSON: the file is empty$/ } },
    { name: 'an HTML login page instead of JSON', text: '<!DOCTYPE html><html><body>Sign in</body></html>', expect: { path: '(file)', message: /^not valid JSON: .*line 1, column 1/ } },
    { name: 'YAML instead of JSON', text: 'meta:\n  formatVersion: 1\n  id: x\n', expect: { path: '(file)', message: /^not valid JSON/ } },
    { name: 'a JSON list at the root', text: '[]', expect: { path: '(root)', message: /^expected a pack: a JSON object .*, got a list$/ } },
    { name: 'JSON null', text: 'null', expect: { path: '(root)', message: /got null$/ } },
    { name: 'a syntax error on line 3', text: '{\n  "meta": {},\n  "competitors": [,]\n}', expect: { path: '(file)', message: /line 3, column 19\)$/ } },

    // ── Encoding ──
    { name: 'Latin-1 bytes, not UTF-8', bytes: latin1Bytes(latinPack()), expect: { path: '(file)', message: /^not UTF-8: byte \d+ \(0x[89a-f][0-9a-f]\) cannot start or continue a UTF-8 character/ } },
    { name: 'UTF-16 with a byte-order mark', bytes: utf16leBytes(full), expect: { path: '(file)', message: /^not UTF-8: the file is UTF-16/ } },
    { name: 'text already decoded with replacement characters', text: withPack((p) => (p.accounts[0].name = 'Soci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale')), expect: { path: 'accounts[0].name', message: /U\+FFFD.*UTF-8/ } },

    // ── Size and shape limits ──
    { name: '50 MB', text: hugeValidText(50 * 1024 * 1024), expect: { path: '(file)', message: /^the file is 50\.0 MB; the largest pack accepted is 40\.0 MB$/ } },
    { name: 'nested 10,000 deep under an unknown field', text: spliceText('"meta":{', `"deep":${deepList(10_000)},`), expect: { path: /^meta\.deep(\[0\])+$/, message: /^nested more than 32 levels deep$/ } },
    { name: 'a list 10,000 deep as the whole file', text: deepList(10_000), expect: { path: '(root)', message: /got a list$/ } },
    { name: 'objects 10,000 deep from the root', text: '{"x":'.repeat(10_000) + '1' + '}'.repeat(10_000), expect: { path: /^x(\.x)+$/, message: /^nested more than 32 levels deep$/ } },
    { name: 'nested 10,000 deep in an objection response', text: withPack((p) => (p.competitors[0].battlecard.objections[0].response = '@DEEP@')).replace('"@DEEP@"', deepList(10_000)), expect: { path: /^competitors\[0\]\.battlecard\.objections\[0\]\.response(\[0\])+$/, message: /nested more than 32/ } },
    { name: 'a 1 MB battlecard summary', text: withPack((p) => (p.competitors[1].battlecard.summary = { en: 'x'.repeat(1_000_000) })), expect: { path: 'competitors[1].battlecard.summary.en', message: /^text of 1,000,000 characters is longer than the 100,000 allowed$/ } },
    { name: 'a 1 MB account name', text: withPack((p) => (p.accounts[2].name = '名'.repeat(1_000_000))), expect: { path: 'accounts[2].name', message: /longer than the 100,000 allowed/ } },

    // ── Prototype keys ──
    { name: '__proto__ in meta', text: spliceText('"meta":{', '"__proto__":{"isAdmin":true},'), expect: { path: 'meta.__proto__', message: /^"__proto__" is not allowed as a field name$/ } },
    { name: '__proto__ at the root', text: spliceText('{', '"__proto__":{"polluted":1},'), expect: { path: '__proto__', message: /not allowed/ } },
    { name: '__proto__ among health signals (valibot would drop it silently)', text: spliceText('"signals":{', '"__proto__":{"x":1},'), expect: { path: /^accounts\[\d+\]\.health\[\d+\]\.signals\.__proto__$/, message: /not allowed/ } },
    { name: 'constructor as a per-locale text key', text: withPack((p) => (p.competitors[0].battlecard.summary = { en: 'ok', constructor: 'x' })), expect: { path: 'competitors[0].battlecard.summary.constructor', message: /^"constructor" is not allowed as a field name$/ } },
    { name: 'constructor among health signals', text: spliceText('"signals":{', '"constructor":5,'), expect: { path: /signals\.constructor$/, message: /not allowed/ } },
    { name: 'prototype in meta', text: withPack((p) => (p.meta.prototype = {})), expect: { path: 'meta.prototype', message: /not allowed/ } },

    // ── Meaning ──
    { name: 'duplicate competitor ids', text: withPack((p) => (p.competitors[2].id = p.competitors[0].id)), expect: { path: 'competitors[2].id', message: /^duplicate competitor id ".*" \(first used at competitors\[0\]\.id\)$/ } },
    { name: 'duplicate account ids', text: withPack((p) => (p.accounts[3].id = p.accounts[1].id)), expect: { path: 'accounts[3].id', message: /^duplicate account id/ } },
    { name: 'duplicate checklist item ids across stages', text: withPack((p) => (p.playbooks[0].stages[1].checklist[0].id = p.playbooks[0].stages[0].checklist[0].id)), expect: { path: 'playbooks[0].stages[1].checklist[0].id', message: /^duplicate checklist item id/ } },
    { name: 'an account naming a competitor that does not exist', text: withPack((p) => p.accounts[0].competitors.push('ghost-corp')), expect: { path: /^accounts\[0\]\.competitors\[\d+\]$/, message: /^unknown competitor id "ghost-corp"$/ } },
    { name: 'an account in a playbook that does not exist', text: withPack((p) => (p.accounts[0].stage = { playbookId: 'nope', stageId: 'x' })), expect: { path: 'accounts[0].stage.playbookId', message: /^unknown playbook id "nope"$/ } },
    { name: 'a health signal for a measure that does not exist', text: withPack((p) => (p.accounts[0].health[0].signals.vibes = 3)), expect: { path: 'accounts[0].health[0].signals.vibes', message: /^unknown measure id "vibes"$/ } },
    { name: 'published on 30 February', text: withPack((p) => (p.meta.publishedAt = '2026-02-30')), expect: { path: 'meta.publishedAt', message: /^expected a real date as YYYY-MM-DD/ } },
    { name: 'renewal date in words', text: withPack((p) => (p.accounts[1].renewalDate = 'next spring')), expect: { path: 'accounts[1].renewalDate', message: /expected a real date/ } },
    { name: 'health snapshot in month 13', text: withPack((p) => (p.accounts[0].health[0].date = '2026-13-01')), expect: { path: 'accounts[0].health[0].date', message: /expected a real date/ } },
    { name: 'format version 2 (a newer extension wrote it)', text: withPack((p) => ((p.meta.formatVersion = 2), (p.accounts = 'moved to accounts.v2'))), expect: { path: 'meta.formatVersion', message: /^this pack is format version 2; this version of Frontline reads format version 1/ } },
    { name: 'format version as text', text: withPack((p) => (p.meta.formatVersion = '1')), expect: { path: 'meta.formatVersion', message: /^unknown format version "1"/ } },
    { name: 'no format version', text: withPack((p) => delete p.meta.formatVersion), expect: { path: 'meta.formatVersion', message: /^required field is missing$/ } },

    // ── Wrong types ──
    { name: 'wrong types everywhere', text: wrongTypesEverywhere().text, expect: { path: 'meta.formatVersion', message: /^unknown format version "forty-two"/ } },
    { name: 'wrong types everywhere, format version kept', text: (() => { const p = JSON.parse(wrongTypesEverywhere().text); p.meta.formatVersion = 1; return JSON.stringify(p); })(), expect: { path: 'meta.id', message: /^expected an id \(text\), got number$/ } },
    { name: 'accounts as an object', text: withPack((p) => (p.accounts = { northwind: p.accounts[0] })), expect: { path: 'accounts', message: /got an object$/ } },
    { name: 'a number where a domain list goes', text: withPack((p) => (p.accounts[0].domains = 7)), expect: { path: 'accounts[0].domains', message: /got number$/ } },
  ];
}
