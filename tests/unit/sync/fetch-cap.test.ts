/**
 * Sync and the options page's URL import read at most the size cap, from a real
 * local server: a declared Content-Length over the cap is refused before reading, a
 * body without one is cut off once the byte count passes the cap (the server sees
 * the connection closed), and a redirect to a URL the https rule refuses is not
 * read at all.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES } from '../../../utils/pack/validate';
import { PackReadError, refusedRedirect } from '../../../utils/sync/fetchPack';
import { readUrl } from '../../../entrypoints/options/read';
import { configure, packServer, profile, version } from './harness';

const MB = 1024 * 1024;
let server: Server;
let base: string;
let sent: Record<string, number>;
let closed: Record<string, boolean>;

/** Writes `total` bytes of JSON-ish filler, 1 MB at a time, as fast as the client reads. */
function stream(res: ServerResponse, name: string, total: number) {
  sent[name] = 0;
  const chunk = Buffer.alloc(MB, 0x20);
  res.on('close', () => (closed[name] = !res.writableFinished));
  const pump = () => {
    while (sent[name] < total && !res.destroyed) {
      sent[name] += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url!;
    if (path === '/pack.json') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(version('1.1.0')));
    // 60 MB, chunked: no Content-Length to go by.
    if (path === '/endless') return stream(res.writeHead(200, { 'Content-Type': 'application/json' }), 'endless', 60 * MB);
    // Announces 300 MB, sends 2 MB and then nothing: only the header can tell.
    if (path === '/announced') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(300 * MB) });
      res.on('close', () => (closed.announced = true));
      return void res.write(Buffer.alloc(2 * MB, 0x20));
    }
    // A pack host that sends clients to an address the https rule refuses.
    if (path === '/moved') return void res.writeHead(302, { Location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/pack.json` }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => {
  server.closeAllConnections();
  server.close(() => r());
}));

let p: Awaited<ReturnType<typeof profile>>;
beforeEach(async () => {
  sent = {};
  closed = {};
  p = await profile();
});
const realFetch: typeof fetch = (...a) => fetch(...a);

describe('sync reads at most the cap', () => {
  it('a body without Content-Length is cut off past 40 MB, with a clear refusal', async () => {
    const w = p.worker(realFetch);
    await configure(w, { packUrl: `${base}/endless` });
    const r = (await w['sync:status']({})).lastResult;
    expect(r).toMatchObject({ outcome: 'refused', reason: 'invalid', errors: [{ path: '(file)', message: 'the file is larger than 40.0 MB (reading stopped there); the largest pack accepted is 40.0 MB' }] });
    await expect.poll(() => closed.endless).toBe(true);
    // What was written before the client hung up: the cap plus what the sockets buffer.
    expect(sent.endless).toBeLessThan(MAX_PACK_BYTES + 8 * MB);
    expect((await w['pack:info']({})).version).toBe('1.0.0');
  });

  it('a Content-Length over the cap is refused before the body is read', async () => {
    const w = p.worker(realFetch);
    await configure(w, { packUrl: `${base}/announced` });
    expect((await w['sync:status']({})).lastResult).toMatchObject({ outcome: 'refused', errors: [{ message: 'the file is 300.0 MB; the largest pack accepted is 40.0 MB' }] });
    await expect.poll(() => closed.announced).toBe(true);
  });

  it('a redirect to an address the https rule refuses is not read, and says where it went', async () => {
    const w = p.worker(realFetch);
    await configure(w, { packUrl: `${base}/moved` });
    const r = (await w['sync:status']({})).lastResult;
    expect(r?.outcome).toBe('error');
    expect(r?.message).toMatch(/^refused: the server redirected to http:\/\/127\.0\.0\.2:\d+\/pack\.json, which is refused: the pack URL must start with https:\/\//);
    expect((await w['pack:info']({})).version).toBe('1.0.0');
    // The same server's own pack URL is fine.
    await configure(w, { packUrl: `${base}/pack.json` });
    expect((await w['sync:status']({})).lastResult).toMatchObject({ outcome: 'updated', version: '1.1.0' });
  });

  it('an https pack URL that ends on plain http is refused, even on this machine', async () => {
    const srv = packServer();
    srv.publish(version('1.1.0'));
    const downgrading = (async (url: string, init?: RequestInit) => {
      const res = await srv.fetchFn(url, init);
      Object.defineProperty(res, 'url', { value: 'http://localhost:8080/pack.json' });
      return res;
    }) as typeof fetch;
    const w = p.worker(downgrading);
    await configure(w);
    expect((await w['sync:status']({})).lastResult?.message).toBe('refused: the server redirected to http://localhost:8080/pack.json, which is refused: an https pack URL must not lead to plain http');
    expect((await w['pack:info']({})).version).toBe('1.0.0');
    const same = new Response('');
    Object.defineProperty(same, 'url', { value: 'https://packs.example.com/v2/pack.json' });
    expect(refusedRedirect('https://packs.example.com/pack.json', same)).toBeNull();
  });
});

describe('URL import on the options page uses the same reader', () => {
  it('stops past the cap, refuses an announced size over it, and refuses a bad redirect', async () => {
    const progress: number[] = [];
    const endless = await readUrl(`${base}/endless`, (n) => progress.push(n)).catch((e) => e);
    expect(endless).toBeInstanceOf(PackReadError);
    expect(endless).toMatchObject({ problem: 'too-large' });
    await expect.poll(() => closed.endless).toBe(true);
    expect(sent.endless).toBeLessThan(MAX_PACK_BYTES + 8 * MB);
    expect(Math.max(...progress)).toBeLessThanOrEqual(MAX_PACK_BYTES);

    await expect(readUrl(`${base}/announced`, () => undefined)).rejects.toMatchObject({ problem: 'too-large', message: 'the file is 300.0 MB; the largest pack accepted is 40.0 MB' });
    await expect(readUrl(`${base}/moved`, () => undefined)).rejects.toMatchObject({ problem: 'redirect' });
    expect(JSON.parse(await readUrl(`${base}/pack.json`, () => undefined)).meta.version).toBe('1.1.0');
  });
});
