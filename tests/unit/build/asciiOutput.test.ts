import { describe, expect, it } from 'vitest';
import { escapeNonAscii } from '../../../scripts/build/asciiOutput';

/** Runs a script's body and returns what it returns. */
const run = (code: string): unknown => new Function(code)();

describe('shipped scripts are ASCII (scripts/build/asciiOutput.ts)', () => {
  // What esbuild leaves unescaped: regular-expression literals, with and without the u flag.
  const source = [
    'const suffix = /[(（[［]\\s*(?:中国|香港)\\s*[)）\\]］]/giu;',
    'const list = /\\s*[;,、；，]\\s*/;',
    'const face = /^😀+$/u;',
    'const pair = /^😀$/;',
    'return [',
    '  "示例（中国）有限公司".replace(suffix, ""),',
    '  "a、b；c".split(list),',
    '  face.test("😀😀"), face.test("\\uD83D"),',
    '  pair.test("😀"),',
    '  `当前阶段 ${"é".length}`, "ß".toUpperCase(), [..."中😀"].length,',
    '];',
  ].join('\n');

  it('escapes every non-ASCII character and the script behaves the same', () => {
    const escaped = escapeNonAscii(source);
    expect(/[^\x00-\x7f]/.test(escaped)).toBe(false);
    expect(escaped).toContain('\\u4e2d\\u56fd');
    expect(run(escaped)).toEqual(run(source));
    expect(run(escaped)).toEqual(['示例有限公司', ['a', 'b', 'c'], true, false, true, '当前阶段 1', 'SS', 2]);
  });

  it('refuses a non-ASCII character a backslash escapes, whose escape would mean another pattern', () => {
    expect(() => escapeNonAscii('const r = /a\\、b/;')).toThrow(/backslash-escaped/);
    // An escaped backslash before it is not an escape of it.
    expect(run(escapeNonAscii('return /a\\\\、/.test("a\\\\、");'))).toBe(true);
  });
});
