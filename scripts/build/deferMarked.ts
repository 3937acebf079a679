/**
 * Vite plugin: marked builds its grammar — dozens of regular expressions — when its
 * module is evaluated, and in the service worker that happened on every wake (7 ms of
 * the script's ~13 ms of module evaluation, measured with a mark per module), though
 * the worker only lexes Markdown when it takes a pack in (utils/pack/derived.ts): views
 * read the trees stored with the pack. A service worker cannot `import()` lazily, so the
 * module's body is wrapped in a function run on the first `new Lexer()`, and `Lexer`
 * (the one export we use: utils/pack/rich.ts) is exported as a stand-in that builds the
 * real one. Any other import of 'marked' fails the build, which is what we want to hear.
 */
import type { Plugin } from 'vite';

const MARKED = /[\\/]node_modules[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/;
/** The bundle's one export statement, last (marked ships minified ESM). */
const EXPORTS = /export\s*\{([^}]*)\};?\s*(?:\/\/#\s*sourceMappingURL=\S*\s*)?$/;

/** marked's ESM source with its top-level work deferred to the first Lexer built; throws when the file no longer looks as expected. */
export function deferLexer(code: string): string {
  const m = EXPORTS.exec(code);
  if (!m) throw new Error('marked: no trailing export list (scripts/build/deferMarked.ts needs updating)');
  const locals = new Map(
    m[1].split(',').map((s) => {
      const [local, exported = local] = s.trim().split(/\s+as\s+/);
      return [exported, local] as const;
    }),
  );
  const lexer = locals.get('Lexer');
  if (!lexer) throw new Error('marked: no Lexer export (scripts/build/deferMarked.ts needs updating)');
  return [
    'let loaded;',
    `function load() {\n${code.slice(0, m.index)}\nreturn ${lexer};\n}`,
    'const real = () => (loaded ??= load());',
    // `new Lexer(options)` returns the real lexer; the static helpers pass through.
    'export class Lexer {',
    '  constructor(options) { return new (real())(options); }',
    '  static get rules() { return real().rules; }',
    '  static lex(src, options) { return real().lex(src, options); }',
    '  static lexInline(src, options) { return real().lexInline(src, options); }',
    '}',
  ].join('\n');
}

export function deferMarked(): Plugin {
  return {
    name: 'frontline:defer-marked',
    enforce: 'pre',
    transform(code, id) {
      if (!MARKED.test(id.split('?')[0])) return null;
      try {
        return { code: deferLexer(code), map: null };
      } catch (e) {
        this.error(`${id}: ${(e as Error).message}`);
      }
    },
  };
}
