/**
 * Debian's nginx on loopback, configured with the pack `location` that docs/deploy.md
 * gives IT — read from the doc itself, so a broken snippet breaks these tests. It runs
 * as any user: its own prefix, pid, logs and temp paths in a temp directory, high ports
 * on 127.0.0.1 (under root, `user root` keeps the workers able to read that directory).
 * Five HTTPS hosts share one port, told apart by SNI:
 *
 * - `packs.example.test` — the documented setup;
 * - `nocors.example.test` — a static host that sends no CORS headers;
 * - `cache.example.test` — an nginx `proxy_cache` in front of a plain-HTTP origin that
 *   has the documented setup. It ignores the origin's `Cache-Control`, keeps a copy for
 *   `cacheSeconds`, serves that copy stale while the origin is down, and has two caches
 *   (two edges of a CDN behind one name) so one can be behind the other;
 * - `cdn.example.test` — the same proxy configured plainly, honouring `Cache-Control`;
 * - `pass.example.test` — a proxy that does not cache the pack (`proxy_cache off`).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { packLocationFromDocs } from './docSnippet';

export const NGINX = '/usr/sbin/nginx';
export const HOSTS = { packs: 'packs.example.test', nocors: 'nocors.example.test', cache: 'cache.example.test', cdn: 'cdn.example.test', pass: 'pass.example.test' } as const;

/** What is missing for these tests to run on this machine (empty: nothing). */
export function missingTools(): string[] {
  const has = (cmd: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  return [existsSync(NGINX) ? null : `nginx (${NGINX})`, has('openssl') ? null : 'openssl', has('certutil') ? null : 'certutil (libnss3-tools)'].filter((x): x is string => !!x);
}

export type Flag = 'fail-500' | 'origin-down' | 'edge-b';

export interface NginxOptions {
  gzip: boolean;
  /** How long the proxy keeps a copy before it revalidates with the origin. */
  cacheSeconds: number;
}

export interface LogLine {
  host: string;
  method: string;
  uri: string;
  status: number;
  inm: string;
  etag: string;
  cache: string;
  enc: string;
  acao: string;
  bytes: number;
}

export interface Nginx {
  port: number;
  url(host: keyof typeof HOSTS, file?: string): string;
  /** Writes the pack (atomically, like a deploy) with its own mtime, so nginx's ETag changes. */
  publish(pack: unknown, file?: string): void;
  remove(file?: string): void;
  /** Makes `file` a symlink loop, which nginx answers with 403. */
  breakFile(file?: string): void;
  /**
   * Switches read by nginx on every request: `fail-500` — the documented location answers
   * 500 (a failing storage backend); `origin-down` — the proxy's origin answers 503;
   * `edge-b` — the proxy serves from its second cache (another edge of a CDN).
   */
  flag(name: Flag, on: boolean): void;
  /** Rewrites the configuration and reloads; resolves once new workers answer. */
  reconfigure(opts: Partial<NginxOptions>): Promise<void>;
  /** Sends a CORS preflight to the plain-HTTP origin, which runs the same snippet. */
  preflight(path: string, origin: string, headers: string): Promise<Response>;
  /** The access log since the last call. */
  takeLog(): LogLine[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });

async function httpGet(port: number, path: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => null);
  return res?.ok ? res.text() : '';
}

/**
 * The documented location with one test-only line first: a 500 while `flag` exists.
 * Inside the location, so the answer gets the snippet's headers as any 500 would.
 */
function withFault(location: string, flag: string): string {
  const open = 'location /frontline/ {\n';
  if (!location.includes(open)) throw new Error('the documented snippet has no "location /frontline/ {" line');
  return location.replace(open, `${open}  if (-f ${flag}) { return 500; } # test only\n`);
}

export function nginxConfig(p: { prefix: string; port: number; originPort: number; cert: string; key: string; gen: number; location: string } & NginxOptions): string {
  const www = join(p.prefix, 'www');
  const tls = `listen 127.0.0.1:${p.port} ssl;\n    ssl_certificate ${p.cert};\n    ssl_certificate_key ${p.key};`;
  return `# Generated by tests/e2e/support/nginx.ts
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${p.prefix}/nginx.pid;
error_log ${p.prefix}/error.log warn;
events { worker_connections 256; }
http {
  types { application/json json; text/plain txt; }
  default_type application/octet-stream;
  log_format fl escape=json '{"host":"$host","method":"$request_method","uri":"$uri","status":$status,"inm":"$http_if_none_match","etag":"$sent_http_etag","cache":"$upstream_cache_status","enc":"$sent_http_content_encoding","acao":"$sent_http_access_control_allow_origin","bytes":$body_bytes_sent}';
  access_log ${p.prefix}/access.log fl;
  client_body_temp_path ${p.prefix}/tmp/body;
  proxy_temp_path ${p.prefix}/tmp/proxy;
  fastcgi_temp_path ${p.prefix}/tmp/fastcgi;
  uwsgi_temp_path ${p.prefix}/tmp/uwsgi;
  scgi_temp_path ${p.prefix}/tmp/scgi;
  sendfile on;
  gzip ${p.gzip ? 'on' : 'off'};
  gzip_types application/json;
  gzip_proxied any;
  proxy_cache_path ${p.prefix}/cache/a levels=1 keys_zone=edge_a:1m max_size=256m inactive=1h use_temp_path=off;
  proxy_cache_path ${p.prefix}/cache/b levels=1 keys_zone=edge_b:1m max_size=256m inactive=1h use_temp_path=off;
  proxy_cache_path ${p.prefix}/cache/c levels=1 keys_zone=plain:1m max_size=256m inactive=1h use_temp_path=off;

  server {
    ${tls}
    server_name ${HOSTS.packs};
    root ${www};
${withFault(p.location, join(p.prefix, 'fail-500')).replace(/^(?=.)/gm, '    ')}
  }

  server {
    ${tls}
    server_name ${HOSTS.nocors};
    root ${www};
    location /frontline/ { }
  }

  server {
    ${tls}
    server_name ${HOSTS.cache};
    set $edge a;
    if (-f ${p.prefix}/edge-b) { set $edge b; }
    location /frontline/ {
      proxy_pass http://127.0.0.1:${p.originPort};
      proxy_cache edge_$edge;
      proxy_cache_valid 200 ${p.cacheSeconds}s;
      proxy_ignore_headers Cache-Control Expires;
      proxy_cache_revalidate on;
      proxy_cache_use_stale error timeout updating http_502 http_503 http_504;
    }
  }

  server {
    ${tls}
    server_name ${HOSTS.cdn};
    location /frontline/ {
      proxy_pass http://127.0.0.1:${p.originPort};
      proxy_cache plain;
      proxy_cache_valid 200 1h;
    }
  }

  server {
    ${tls}
    server_name ${HOSTS.pass};
    proxy_cache plain;
    location /frontline/ {
      proxy_pass http://127.0.0.1:${p.originPort};
      proxy_cache off;
    }
  }

  server {
    listen 127.0.0.1:${p.originPort};
    server_name origin;
    root ${www};
    if (-f ${p.prefix}/origin-down) { return 503; }
    location = /__generation { return 200 "${p.gen}"; }
${p.location.replace(/^(?=.)/gm, '    ')}
  }
}
`;
}

export async function startNginx(prefix: string, pki: { certPem: string; keyPem: string }, initial: NginxOptions): Promise<Nginx> {
  for (const d of ['www/frontline', 'tmp', 'cache/a', 'cache/b', 'cache/c']) mkdirSync(join(prefix, d), { recursive: true });
  const location = packLocationFromDocs();
  const [port, originPort] = [await freePort(), await freePort()];
  const conf = join(prefix, 'nginx.conf');
  const logFile = join(prefix, 'access.log');
  let opts = { ...initial };
  let gen = 0;
  let proc: ChildProcess | null = null;
  let logOffset = 0;
  let mtime = Math.floor(Date.now() / 1000) - 100_000;
  const write = () => writeFileSync(conf, nginxConfig({ prefix, port, originPort, cert: pki.certPem, key: pki.keyPem, gen, location, ...opts }));
  const nginx = (args: string[]) => execFileSync(NGINX, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const waitFor = async (ok: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 100; i++) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`nginx: ${what}\n${readFileSync(join(prefix, 'error.log'), 'utf8').slice(-2000)}`);
  };
  const path = (file: string) => join(prefix, 'www/frontline', file);

  const self: Nginx = {
    port,
    url: (host, file = 'pack.json') => `https://${HOSTS[host]}:${port}/frontline/${file}`,
    publish(pack, file = 'pack.json') {
      const tmp = `${path(file)}.tmp`;
      writeFileSync(tmp, typeof pack === 'string' ? pack : JSON.stringify(pack));
      mtime += 60;
      utimesSync(tmp, mtime, mtime);
      rmSync(path(file), { force: true });
      renameSync(tmp, path(file));
    },
    remove: (file = 'pack.json') => rmSync(path(file), { force: true }),
    breakFile(file = 'pack.json') {
      rmSync(path(file), { force: true });
      execFileSync('ln', ['-s', file, path(file)]);
    },
    flag(name, on) {
      if (on) writeFileSync(join(prefix, name), '');
      else rmSync(join(prefix, name), { force: true });
    },
    async reconfigure(patch) {
      opts = { ...opts, ...patch };
      gen++;
      write();
      nginx(['-t', '-q']);
      proc!.kill('SIGHUP');
      await waitFor(async () => (await httpGet(originPort, '/__generation')) === String(gen), `generation ${gen} not served after a reload`);
    },
    preflight: (p, origin, headers) => fetch(`http://127.0.0.1:${originPort}${p}`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': headers } }),
    takeLog() {
      if (!existsSync(logFile)) return [];
      const text = readFileSync(logFile, 'utf8');
      const fresh = text.slice(logOffset);
      logOffset = text.length;
      return fresh
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine)
        .filter((l) => l.uri !== '/__generation');
    },
    async start() {
      if (proc && proc.exitCode === null) return;
      write();
      // `nginx -t` first: a configuration error (a broken snippet) fails here with nginx's own words.
      nginx(['-t', '-q']);
      proc = spawn(NGINX, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
      await waitFor(async () => (await accepts(port)) && (await httpGet(originPort, '/__generation')) === String(gen), 'did not start');
    },
    async stop() {
      const p = proc;
      if (!p || p.exitCode !== null) return;
      proc = null;
      await new Promise<void>((r) => {
        p.once('exit', () => r());
        p.kill('SIGTERM');
      });
    },
  };
  await self.start();
  return self;
}
