/**
 * The worker's Markdown lexer built on first use (scripts/build/deferMarked.ts): the
 * deferred module lexes exactly as marked does, and importing it builds no grammar.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Lexer as RealLexer } from 'marked';
import { deferLexer } from '../../../scripts/build/deferMarked';

const source = readFileSync(join(createRequire(import.meta.url).resolve('marked'), '../marked.esm.js'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'defer-marked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Counts `new RegExp(…)` while `fn` runs (marked builds its grammar with them). */
async function regexpsBuiltDuring(fn: () => Promise<unknown>): Promise<number> {
  const Original = globalThis.RegExp;
  let built = 0;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args) {
      built++;
      return Reflect.construct(target, args);
    },
  });
  try {
    await fn();
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}

describe('marked, deferred for the worker', () => {
  const file = join(dir, 'marked-deferred.mjs');
  writeFileSync(file, deferLexer(source));

  it('builds no grammar when imported, only on the first lexer', async () => {
    let mod: { Lexer: typeof RealLexer } | null = null;
    expect(await regexpsBuiltDuring(async () => (mod = await import(pathToFileURL(file).href)))).toBe(0);
    expect(await regexpsBuiltDuring(async () => new mod!.Lexer({ gfm: true }).lex('x'))).toBeGreaterThan(10);
  });

  it('lexes as marked does', async () => {
    const { Lexer } = (await import(pathToFileURL(file).href)) as { Lexer: typeof RealLexer };
    const md = '# Why we win\n\n**Fast** _setup_, `no code`, ~~old~~ [docs](https://example.com)\n\n- one\n- two\n\n> quote\n\n```\ncode\n```\n\n<b>raw</b>';
    expect(new Lexer({ gfm: true }).lex(md)).toEqual(new RealLexer({ gfm: true }).lex(md));
    expect(Lexer.lex(md)).toEqual(RealLexer.lex(md));
  });

  it('refuses a marked whose shape it does not know, instead of shipping a broken bundle', () => {
    expect(() => deferLexer('export const Lexer = 1;')).toThrow(/export list/);
    expect(() => deferLexer('const a = 1; export{a as Parser};')).toThrow(/no Lexer/);
  });
});
