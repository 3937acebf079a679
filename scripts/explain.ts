/**
 * `npm run explain -- <page.html> --url <url> [--pack <pack.json>] [--json] [--lang en|zh-CN]`
 *
 * Runs the extension's adapter and matcher on a saved page and says what it read and why
 * it matched what it matched (see scripts/explain/; docs/sites.md "Why didn't the card
 * show?"). Argv and files only.
 *
 * Exit codes: 0 when the page was explained, including a page the adapter cannot read
 * (`context: null` with a `reason`); 1 for a missing or unreadable page file or a pack
 * that is missing or invalid (its validation errors listed with their paths); 2 for bad
 * usage.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { explainPage } from './explain/explain';
import { formatExplain } from './explain/format';
import type { Lang } from '../utils/i18n';
import type { KnowledgePack } from '../utils/pack/schema';
import { validatePackText } from '../utils/pack/validate';

export const DEFAULT_PACK = fileURLToPath(new URL('../assets/sample-pack.json', import.meta.url));

const USAGE = `Usage: npm run explain -- <page.html> --url <url> [--pack <pack.json>] [--json] [--lang en|zh-CN]

  <page.html>   the page as the browser rendered it (DevTools: copy the <html> element's
                outerHTML, or "Save page as… Webpage, complete")
  --url         the address the page was at (read from a "saved from url" comment when left out)
  --pack        the knowledge pack to match with (default: assets/sample-pack.json)
  --json        print one JSON object { "context": …, "match": … } instead of the report
  --lang        language of the reasons (default en)`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function readText(path: string, what: string): string {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new CliError(`${what} not found: ${path}`, 1);
  }
  if (!st.isFile()) throw new CliError(`${what} is not a file: ${path}`, 1);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${path}: ${(e as Error).message}`, 1);
  }
}

export function loadPack(path: string): KnowledgePack {
  const text = readText(path, 'pack file');
  const result = validatePackText(text);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`);
    throw new CliError(`${path} is not a valid knowledge pack (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, 1);
  }
  return result.pack;
}

/** Chrome and Edge mark saved pages with `<!-- saved from url=(0042)https://… -->`. */
export function savedFromUrl(html: string): string | null {
  return html.slice(0, 4096).match(/<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i)?.[1] ?? null;
}

export function runExplain(argv: readonly string[], io: Io): number {
  try {
    let args;
    try {
      args = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: {
          url: { type: 'string' },
          pack: { type: 'string' },
          json: { type: 'boolean', default: false },
          lang: { type: 'string', default: 'en' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (e) {
      throw new CliError(`${(e as Error).message}\n\n${USAGE}`, 2);
    }
    const { values, positionals } = args;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(`expected one page file, got ${positionals.length}\n\n${USAGE}`, 2);
    const lang = values.lang as Lang;
    if (lang !== 'en' && lang !== 'zh-CN') throw new CliError(`--lang must be en or zh-CN, got "${values.lang}"`, 2);

    const pagePath = resolve(positionals[0]);
    const html = readText(pagePath, 'page file');
    const rawUrl = values.url ?? savedFromUrl(html);
    if (!rawUrl) throw new CliError(`--url is required: the address the page was at (the page has no "saved from url" comment)\n\n${USAGE}`, 2);
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new CliError(`--url is not a URL: ${rawUrl}`, 2);
    }
    const pack = loadPack(resolve(values.pack ?? DEFAULT_PACK));

    const result = explainPage(html, url, pack, { lang });
    if (values.json) {
      const { context, match, reason } = result;
      io.out(JSON.stringify(context ? { context, match } : { context: null, match: null, reason }, null, 2));
    } else {
      io.out(formatExplain(result, url));
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`explain: ${e.message}`);
      return e.code;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runExplain(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  });
}
