/**
 * Starts Debian's Firefox ESR with the built Firefox add-on over WebDriver BiDi
 * (puppeteer-core; it never downloads a browser) and serves the demo pages on the real
 * CRM and webmail hostnames, as scripts/demo/launch.ts does for Chromium.
 *
 * Real hostnames without touching DNS or binding port 443: Firefox sends every https
 * request through a proxy on a free loopback port; the proxy accepts each CONNECT and
 * hands the socket to an in-process TLS server with a throwaway self-signed certificate
 * (the session has `acceptInsecureCerts`). Nothing leaves the machine: unknown hosts and
 * paths get a 404. Loopback addresses (the tests' pack server) bypass the proxy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser } from 'puppeteer-core';
import { PAGES_DIR, ROOT } from '../demo/launch';
import { DEMO_PAGES } from '../demo/routes';

/** Debian's Firefox ESR; FIREFOX_BIN points elsewhere (another Firefox 140+). */
export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
/** The add-on's id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'frontline@example.com';

export interface FirefoxOptions {
  headless?: boolean;
  extensionDir?: string;
  locale?: string;
  /** What IT's policy hands the add-on as `storage.managed` (see managedStorageHome). */
  managed?: Record<string, unknown>;
  /** Optional host permissions are granted without the doorhanger a test cannot click. */
  grantOptionalPermissions?: boolean;
}

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid>/ — fixed per session so tests can name extension URLs. */
  origin: string;
  /** Serves `html` for every document on `https://<host><path>` (overrides the demo pages). */
  serve(host: string, path: string, html: string): void;
  close(): Promise<void>;
}

/** A throwaway key and self-signed certificate (any name: the session accepts insecure certificates). */
function selfSignedCert(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=frontline-test'], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Firefox gives `storage.managed` from policies.json `3rdparty` or, failing that, from a
 * managed-storage manifest in ~/.mozilla/managed-storage/. Release builds read
 * policies.json only from system paths (/etc/firefox-esr/policies, the install's
 * distribution/ dir), which a test must not write; the manifest under a throwaway
 * HOME reaches the same `storage.managed.get()` for this one browser.
 */
function managedStorageHome(dir: string, data: Record<string, unknown>): string {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
  writeFileSync(join(home, '.mozilla/managed-storage', `${GECKO_ID}.json`), JSON.stringify({ name: GECKO_ID, description: 'Frontline test policy', type: 'storage', data }));
  return home;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  const ext = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`No built add-on at ${ext}: run "npm run build:firefox" first.`);
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install firefox-esr`);
  const dir = mkdtempSync(join(tmpdir(), 'frontline-ff-'));
  const overrides = new Map<string, string>();
  const pageFor = (host: string, path: string): string | Buffer | null => {
    const own = overrides.get(host + path);
    if (own !== undefined) return own;
    const page = DEMO_PAGES.find((p) => [p.url, ...(p.aliases ?? [])].some((u) => new URL(u).host === host && new URL(u).pathname === path));
    return page ? readFileSync(join(PAGES_DIR, page.file)) : null;
  };
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const body = req.headers['sec-fetch-dest'] === 'document' || req.headers.accept?.includes('text/html') ? pageFor(url.hostname, url.pathname) : null;
    if (body === null) res.writeHead(404).end();
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  };
  const tls = createHttpsServer(selfSignedCert(dir), answer);
  const proxy = createHttpServer((_req, res) => res.writeHead(404).end());
  proxy.on('connect', (_req, socket) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const { port } = proxy.address() as AddressInfo;

  const uuid = randomUUID();
  const env = opts.managed ? { ...process.env, HOME: managedStorageHome(dir, opts.managed) } : process.env;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: opts.headless ?? true,
    acceptInsecureCerts: true,
    userDataDir: join(dir, 'profile'),
    env: env as Record<string, string>,
    defaultViewport: { width: 1440, height: 1000 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      // A known moz-extension:// origin for the add-on (Firefox picks a random one otherwise).
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.http.http3.enable': false,
      // The tests open the options page with window.open from the extension's frame.
      'dom.disable_open_during_load': false,
      ...(opts.grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
      ...(opts.locale ? { 'intl.locale.requested': opts.locale, 'intl.accept_languages': opts.locale } : {}),
    },
  });
  await browser.installExtension(ext);
  return {
    browser,
    origin: `moz-extension://${uuid}/`,
    serve: (host, path, html) => void overrides.set(host + path, html),
    async close() {
      await browser.close().catch(() => undefined);
      proxy.close();
      tls.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
