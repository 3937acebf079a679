/**
 * `npm run pack -- <command>` (or `node frontline-pack.mjs <command>`, the one-file build of this file: npm run build:cli): build, validate, diff, sign and verify knowledge packs.
 * The work is done by the same pure modules the extension uses (utils/pack/*); this
 * file reads and writes files and prints.
 */
import { createReadStream, realpathSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { version as VERSION } from '../package.json';
import { buildPackFolder, type BuildProgress } from '../utils/pack/authoring/build';
import { formatError, type SourcedError } from '../utils/pack/authoring/errors';
import { formatPackJson } from '../utils/pack/authoring/format';
import { unbuildPack } from '../utils/pack/authoring/unbuild';
import { memoryFiles } from '../utils/pack/authoring/files';
import { diffPacks, formatDiff, sameValue } from '../utils/pack/diff';
import { generateKeyPair, parsePublicKey, publicKeyBytes, signPack, splitSigned, verifyPackDoc } from '../utils/pack/sign';
import { MAX_PACK_BYTES, validatePack, validatePackText } from '../utils/pack/validate';
import type { KnowledgePack } from '../utils/pack/schema';
import { nodeFiles } from './nodeFiles';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Progress is redrawn in place on a terminal, summarised once otherwise. */
  tty: boolean;
  cwd: string;
  /** How the user runs it, for the usage text (default `npm run pack --`). */
  prog?: string;
}

const usage = (prog = 'npm run pack --') => `Usage: ${prog} <command> [options]

  build <dir> -o <pack.json> [--minify]      build a pack from its authoring folder (YAML, Markdown, CSV)
  validate <dir|pack.json>                   list every problem (file:line, or the JSON path); exit 1 if any
  diff <old> <new> [--json] [--all]          what changes from one pack to the next (folders or JSON files)
  keygen [-o <name>] [--force]               new Ed25519 key pair: <name>.key (secret) and <name>.pub
  sign <pack.json|dir> --key <name.key> [-o <out.json>]
                                             write a signed pack (default: <pack>.signed.json)
  verify <pack.json> --pub <name.pub|base64> check a signed pack's signature; exit 1 if it does not hold
  unbuild <pack.json> -o <dir> [--force]     turn a JSON pack into an authoring folder

Options: --quiet (no progress), --help, --version`;

class UsageError extends Error {}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        key: { type: 'string' },
        pub: { type: 'string' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        minify: { type: 'boolean' },
        force: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${usage(io.prog)}\n`);
    return 2;
  }
  const { values: o, positionals: [command, ...args] } = parsed;
  if (o.version) {
    io.out(`frontline-pack ${VERSION}\n`);
    return 0;
  }
  if (o.help || !command) {
    (o.help ? io.out : io.err)(`${usage(io.prog)}\n`);
    return o.help ? 0 : 2;
  }
  const ctx = new Cli(io, !!o.quiet);
  try {
    switch (command) {
      case 'build':
        return await ctx.build(need(args, 1, 'build <dir> -o <pack.json>')[0], need1(o.out, '-o <pack.json>'), !!o.minify);
      case 'validate':
        return await ctx.validate(need(args, 1, 'validate <dir|pack.json>')[0]);
      case 'diff': {
        const [a, b] = need(args, 2, 'diff <old> <new>');
        return await ctx.diff(a, b, !!o.json, !!o.all);
      }
      case 'keygen':
        return await ctx.keygen(o.out ?? 'frontline-pack', !!o.force);
      case 'sign':
        return await ctx.sign(need(args, 1, 'sign <pack.json> --key <name.key>')[0], need1(o.key, '--key <name.key>'), o.out);
      case 'verify':
        return await ctx.verify(need(args, 1, 'verify <pack.json> --pub <name.pub>')[0], need1(o.pub, '--pub <name.pub|base64>'));
      case 'unbuild':
        return await ctx.unbuild(need(args, 1, 'unbuild <pack.json> -o <dir>')[0], need1(o.out, '-o <dir>'), !!o.force);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${usage(io.prog)}\n`);
      return 2;
    }
    io.err(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

function need(args: string[], n: number, usage: string): string[] {
  if (args.length !== n) throw new UsageError(`expected: ${usage}`);
  return args;
}
function need1(v: string | undefined, what: string): string {
  if (!v) throw new UsageError(`missing ${what}`);
  return v;
}

const mb = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Loaded = { ok: true; pack: KnowledgePack; raw: unknown; signed: string | null; warnings: SourcedError[] } | { ok: false; errors: SourcedError[] };

class Cli {
  private lastDraw = 0;
  constructor(
    private io: Io,
    private quiet: boolean,
  ) {}

  private path(p: string) {
    return resolve(this.io.cwd, p);
  }

  private progress = (p: BuildProgress) => {
    if (this.quiet) return;
    const pct = p.totalBytes ? ` ${Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100))}%` : '';
    const text = `${p.file}: ${p.rows.toLocaleString('en-US')} rows, ${mb(p.bytes)}${pct}`;
    if (this.io.tty) {
      const now = Date.now();
      if (p.done || now - this.lastDraw > 100) {
        this.lastDraw = now;
        this.io.err(`\r\x1b[2K${text}${p.done ? '\n' : ''}`);
      }
    } else if (p.done) this.io.err(`${text}\n`);
  };

  /** Reads a file in chunks, showing progress for big ones. */
  private async readText(file: string): Promise<string> {
    const total = (await stat(file)).size;
    const parts: string[] = [];
    let bytes = 0;
    const show = !this.quiet && total > 4 << 20;
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      parts.push(chunk as string);
      bytes += Buffer.byteLength(chunk as string);
      if (show && this.io.tty) this.io.err(`\r\x1b[2Kreading ${file}: ${Math.floor((bytes / total) * 100)}%`);
    }
    if (show && this.io.tty) this.io.err('\r\x1b[2K');
    return parts.join('');
  }

  private async isDir(p: string) {
    return (await stat(p)).isDirectory();
  }

  /** A pack from a folder (built) or a JSON file (plain or signed), validated. */
  private async load(p: string): Promise<Loaded> {
    const full = this.path(p);
    if (await this.isDir(full)) {
      const r = await buildPackFolder(nodeFiles(full), { onProgress: this.progress });
      return r.ok ? { ok: true, pack: r.validated, raw: r.pack, signed: null, warnings: r.warnings } : { ok: false, errors: r.errors };
    }
    const text = await this.readText(full);
    let doc: unknown;
    try {
      if (text.length > MAX_PACK_BYTES) throw new RangeError('too big');
      doc = JSON.parse(text);
    } catch (e) {
      // The extension's own messages: the size limit, or the line and column of a syntax error.
      const r = validatePackText(text);
      const errors = r.ok ? [] : r.errors;
      return { ok: false, errors: errors.map((x) => ({ ...x, file: p, line: x.path === '(file)' ? jsonErrorLine(text, e as Error) : undefined })) };
    }
    const { pack, signature, error } = splitSigned(doc);
    if (error) return { ok: false, errors: [{ path: '(file)', file: p, message: error }] };
    const v = validatePack(pack);
    if (!v.ok) return { ok: false, errors: v.errors };
    return { ok: true, pack: v.pack, raw: pack, signed: signature?.keyId ?? null, warnings: v.warnings };
  }

  private report(errors: SourcedError[], warnings: SourcedError[] = []) {
    for (const e of errors) this.io.out(`${formatError(e)}\n`);
    for (const w of warnings) this.io.out(`warning: ${formatError(w)}\n`);
  }

  async build(dir: string, out: string, minify: boolean): Promise<number> {
    const t0 = performance.now();
    const r = await buildPackFolder(nodeFiles(this.path(dir)), { onProgress: this.progress });
    if (!r.ok) {
      this.report(r.errors, r.warnings);
      this.io.err(`\n${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}: nothing written.\n`);
      return 1;
    }
    const text = minify ? `${JSON.stringify(r.pack)}\n` : formatPackJson(r.pack);
    if (text.length > MAX_PACK_BYTES) {
      const size = mb(Buffer.byteLength(text));
      this.io.err(
        minify || Buffer.byteLength(JSON.stringify(r.pack)) > MAX_PACK_BYTES
          ? `The pack is ${size}; the extension accepts packs up to ${mb(MAX_PACK_BYTES)}. Fewer accounts or health snapshots per pack: nothing written.\n`
          : `The pack is ${size} laid out for reading; the extension accepts packs up to ${mb(MAX_PACK_BYTES)}. Build it with --minify: nothing written.\n`,
      );
      return 1;
    }
    await mkdir(dirname(this.path(out)), { recursive: true });
    await writeFile(this.path(out), text);
    this.report([], r.warnings);
    if (!minify && text.length > 8 << 20) this.io.err('tip: --minify writes about 40% less for a pack this size (the readable layout helps only people reading it).\n');
    const p = r.validated;
    this.io.err(
      `Built ${p.meta.id} ${p.meta.version}: ${p.competitors.length} competitors, ${p.playbooks.length} playbooks, ${p.accounts.length.toLocaleString('en-US')} accounts, ${r.stats.snapshots.toLocaleString('en-US')} health snapshots → ${out} (${mb(Buffer.byteLength(text))}) in ${secs(performance.now() - t0)}\n`,
    );
    return 0;
  }

  async validate(p: string): Promise<number> {
    const r = await this.load(p);
    if (!r.ok) {
      this.report(r.errors);
      this.io.err(`\n${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}.\n`);
      return 1;
    }
    this.report([], r.warnings);
    const m = r.pack.meta;
    this.io.out(
      `OK: ${m.id} ${m.version} — ${r.pack.competitors.length} competitors, ${r.pack.playbooks.length} playbooks, ${r.pack.accounts.length.toLocaleString('en-US')} accounts${r.warnings.length ? `, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}` : ''}${r.signed ? `; signed with key ${r.signed} (check it with verify --pub)` : ''}\n`,
    );
    return 0;
  }

  async diff(a: string, b: string, json: boolean, all: boolean): Promise<number> {
    const [x, y] = [await this.load(a), await this.load(b)];
    for (const [name, r] of [[a, x], [b, y]] as const) {
      if (!r.ok) {
        this.io.err(`${name} is not a valid pack:\n`);
        this.report(r.errors);
        return 1;
      }
    }
    if (!x.ok || !y.ok) return 1;
    const d = diffPacks(x.pack, y.pack);
    this.io.out(json ? `${JSON.stringify(d, null, 2)}\n` : formatDiff(d, { limit: all ? Infinity : 50, color: this.io.tty }));
    return 0;
  }

  async keygen(name: string, force: boolean): Promise<number> {
    const keyFile = this.path(`${name}.key`);
    const pubFile = this.path(`${name}.pub`);
    if (!force) {
      for (const f of [keyFile, pubFile]) {
        if (await stat(f).then(() => true, () => false)) throw new Error(`${f} exists: pass --force to replace it (packs signed with the old key will no longer verify)`);
      }
    }
    const k = await generateKeyPair();
    await mkdir(dirname(keyFile), { recursive: true });
    await writeFile(keyFile, k.privateKeyPem, { mode: 0o600 });
    await writeFile(pubFile, `${k.publicKey}\n`);
    this.io.out(
      `Private key: ${name}.key (keep it secret, out of the repository)\nPublic key:  ${name}.pub\n\n  ${k.publicKey}\n\nkey id ${k.keyId}. Put the public key in the options page (Sync → Public key) or the publicKey policy.\n`,
    );
    return 0;
  }

  async sign(p: string, keyFile: string, out?: string): Promise<number> {
    const r = await this.load(p);
    if (!r.ok) {
      this.report(r.errors);
      this.io.err('\nnot signed: fix the pack first.\n');
      return 1;
    }
    const pem = await this.readText(this.path(keyFile));
    const signed = await signPack(r.raw, pem);
    const target = out ?? (p.endsWith('.json') ? p.replace(/\.json$/, '.signed.json') : `${p.replace(/\/$/, '')}.signed.json`);
    await writeFile(this.path(target), formatPackJson(signed));
    this.io.err(`Signed ${r.pack.meta.id} ${r.pack.meta.version} with key ${signed.signature.keyId} → ${target}\n`);
    return 0;
  }

  async verify(p: string, pub: string): Promise<number> {
    let key = pub;
    // The key itself (any form the extension accepts), or the path of a .pub file.
    if (!parsePublicKey(pub).ok) key = await this.readText(this.path(pub));
    publicKeyBytes(key);
    const text = await this.readText(this.path(p));
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      this.io.out(`FAILED: not valid JSON: ${(e as Error).message}\n`);
      return 1;
    }
    const v = await verifyPackDoc(doc, key);
    if (!v.ok) {
      this.io.out(`FAILED: ${v.message}\n`);
      return 1;
    }
    const meta = (splitSigned(doc).pack as { meta?: { id?: string; version?: string } }).meta;
    this.io.out(`OK: ${meta?.id ?? '?'} ${meta?.version ?? '?'} is signed by key ${v.keyId}\n`);
    return 0;
  }

  async unbuild(p: string, dir: string, force: boolean): Promise<number> {
    const text = await this.readText(this.path(p));
    const { pack } = splitSigned(JSON.parse(text));
    const target = this.path(dir);
    const existing = await readdir(target).catch(() => [] as string[]);
    if (existing.length && !force) throw new Error(`${dir} is not empty: pass --force to write into it`);
    const { files, notes } = unbuildPack(pack);
    for (const [name, content] of Object.entries(files)) {
      await mkdir(dirname(join(target, name)), { recursive: true });
      await writeFile(join(target, name), content);
    }
    for (const n of notes) this.io.err(`note: ${n}\n`);
    // Prove the folder builds back into the same pack.
    const back = await buildPackFolder(memoryFiles(files));
    const original = validatePack(pack);
    const same = back.ok && original.ok && sameValue(back.validated, original.pack);
    this.io.err(`Wrote ${Object.keys(files).length} files to ${dir}${same ? '; it builds back into the same pack.' : '.'}\n`);
    if (!same && original.ok) {
      if (!back.ok) this.report(back.errors);
      this.io.err('warning: the folder does not build back into the same pack; check the files above.\n');
      return 1;
    }
    return 0;
  }
}

/** Line of a JSON.parse error ("… at position 1234" in Node 20). */
function jsonErrorLine(text: string, e: Error): number | undefined {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return undefined;
  const pos = Number(m[1]);
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}


/**
 * Run when this file is the program: from source (`tsx cli/pack.ts`) or as the one-file
 * build (`node frontline-pack.mjs`, where this module is the bundle). argv[1] is the path
 * as typed, import.meta.url the real one: compare real paths so a symlinked folder
 * (macOS's /tmp) still runs.
 */
const self = fileURLToPath(import.meta.url);
const realArgv1 = () => {
  try {
    return pathToFileURL(realpathSync(resolve(process.argv[1]))).href;
  } catch {
    return null;
  }
};
if (process.argv[1] && import.meta.url === realArgv1()) {
  const prog = self.endsWith('.ts') ? undefined : `node ${basename(self)}`;
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: !!process.stderr.isTTY, cwd: process.cwd(), prog }).then(
    (code) => (process.exitCode = code),
  );
}
