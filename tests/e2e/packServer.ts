/**
 * A pack server for the e2e tests: a node:http server on 127.0.0.1 that serves the pack
 * with an ETag (and CORS, as a static host would) and records every request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PackServer {
  url: string;
  publish(pack: unknown, etag?: string): void;
  /** Holds the next response after its first bytes until release() (to see a download in progress). */
  hold(): { release: () => void };
  requests: { method: string; ifNoneMatch: string | null; status: number }[];
  close(): Promise<void>;
}

export async function packServer(): Promise<PackServer> {
  let body = '';
  let etag: string | null = null;
  let gate: Promise<void> | null = null;
  const requests: PackServer['requests'] = [];
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag, Content-Length',
    'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
    'Access-Control-Allow-Methods': 'GET',
    'Access-Control-Allow-Private-Network': 'true',
  };
  const server: Server = createServer(async (req, res) => {
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    if (req.method === 'OPTIONS') {
      requests.push({ method: 'OPTIONS', ifNoneMatch, status: 204 });
      res.writeHead(204, cors).end();
      return;
    }
    if (req.url !== '/pack.json') {
      res.writeHead(404, cors).end();
      return;
    }
    if (etag && ifNoneMatch === etag) {
      requests.push({ method: req.method!, ifNoneMatch, status: 304 });
      res.writeHead(304, { ...cors, ETag: etag }).end();
      return;
    }
    requests.push({ method: req.method!, ifNoneMatch, status: 200 });
    const bytes = Buffer.from(body);
    res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Content-Length': bytes.length, ...(etag ? { ETag: etag } : {}) });
    if (gate) {
      const g = gate;
      gate = null;
      res.write(bytes.subarray(0, bytes.length >> 1));
      await g;
      res.end(bytes.subarray(bytes.length >> 1));
    } else res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pack.json`,
    publish(pack, tag = `"${Math.random().toString(36).slice(2)}"`) {
      body = typeof pack === 'string' ? pack : JSON.stringify(pack);
      etag = tag;
    },
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return { release };
    },
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
