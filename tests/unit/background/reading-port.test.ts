/**
 * The content script's readings on a port (utils/content/readingLine.ts,
 * utils/background/readingPort.ts): only a content script in a tab's top frame is heard,
 * only with a well-formed `view:prime`, and the content script opens a new port once the
 * worker has gone away.
 */
import { describe, expect, it } from 'vitest';
import { acceptReadingPort } from '../../../utils/background/readingPort';
import { readingLine } from '../../../utils/content/readingLine';
import { READING_PORT, VIEW_PORT, type Reading } from '../../../utils/ui/viewPort';

const ORIGIN = 'chrome-extension://ext/';
const reading = (seq: number): Reading => ({ seq, token: 'tok-1', init: { seq, ctx: null, canInsert: false, exposure: { hidden: null, covered: [] } } });
const envelope = (payload: unknown, type = 'view:prime') => ({ frontline: 1, type, payload });

function serverPort(sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number }, name = READING_PORT) {
  const listeners: ((m: unknown) => void)[] = [];
  let disconnected = false;
  const port = {
    name,
    sender,
    postMessage: () => undefined,
    onMessage: { addListener: (fn: (m: unknown) => void) => void listeners.push(fn) },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => void (disconnected = true),
  };
  return { port, say: (m: unknown) => listeners.forEach((l) => l(m)), disconnected: () => disconnected };
}

const PAGE = { id: 'ext', url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006A/view', tab: { id: 7 }, frameId: 0 };

describe('the readings port, background end', () => {
  it('primes the tab of a content script in its top frame with each well-formed reading', () => {
    const primed: [number, number][] = [];
    const p = serverPort(PAGE);
    expect(acceptReadingPort(p.port, { runtimeId: 'ext', extensionOrigin: ORIGIN, prime: (tabId, r) => void primed.push([tabId, r.seq]) })).toBe(true);
    p.say(envelope(reading(1)));
    p.say(envelope(reading(2)));
    // A bad payload, another request type, or no envelope at all: nothing.
    p.say(envelope({ seq: 'x' }));
    p.say(envelope({}, 'pack:import'));
    p.say(envelope({ accountId: 'acme', recordKey: 'k' }, 'account:pick'));
    p.say(reading(3));
    expect(primed).toEqual([
      [7, 1],
      [7, 2],
    ]);
    expect(p.disconnected()).toBe(false);
  });

  it('refuses a subframe, our own pages (the sidebar frame included), another extension, and a port with no tab', () => {
    for (const sender of [
      { ...PAGE, frameId: 2 },
      { ...PAGE, url: `${ORIGIN}sidebar.html?token=t` },
      { ...PAGE, url: `${ORIGIN}options.html` },
      { ...PAGE, id: 'other-extension' },
      { ...PAGE, tab: undefined },
    ]) {
      const primed: number[] = [];
      const p = serverPort(sender);
      expect(acceptReadingPort(p.port, { runtimeId: 'ext', extensionOrigin: ORIGIN, prime: (tabId) => void primed.push(tabId) })).toBe(true);
      p.say(envelope(reading(1)));
      expect(primed).toEqual([]);
      expect(p.disconnected()).toBe(true);
    }
  });

  it('leaves other ports (the frames\' view ports) to their own handler', () => {
    expect(acceptReadingPort(serverPort(PAGE, VIEW_PORT).port, { runtimeId: 'ext', extensionOrigin: ORIGIN, prime: () => undefined })).toBe(false);
  });
});

describe('the readings port, content script end', () => {
  function fakeConnect() {
    const ports: { sent: unknown[]; disconnect(): void; broken: boolean }[] = [];
    const connect = () => {
      const gone: (() => void)[] = [];
      const p = {
        sent: [] as unknown[],
        broken: false,
        disconnect: () => gone.forEach((g) => g()),
        postMessage(m: unknown) {
          if (p.broken) throw new Error('Attempting to use a disconnected port object');
          p.sent.push(m);
        },
        onDisconnect: { addListener: (fn: () => void) => void gone.push(fn) },
      };
      ports.push(p);
      return p;
    };
    return { ports, connect };
  }

  it('opens one port for its readings, and a new one after the worker went away', () => {
    const { ports, connect } = fakeConnect();
    const post = readingLine(connect);
    post(reading(1));
    post(reading(2));
    expect(ports.length).toBe(1);
    ports[0].disconnect();
    post(reading(3));
    expect(ports.length).toBe(2);
    expect(ports.map((p) => p.sent.map((m) => (m as { payload: Reading }).payload.seq))).toEqual([[1, 2], [3]]);
    expect(ports[1].sent[0]).toEqual(envelope(reading(3)));
  });

  it('a port that broke before its disconnect was heard: the reading goes on a new one', () => {
    const { ports, connect } = fakeConnect();
    const post = readingLine(connect);
    post(reading(1));
    ports[0].broken = true;
    post(reading(2));
    expect(ports.length).toBe(2);
    expect((ports[1].sent[0] as { payload: Reading }).payload.seq).toBe(2);
  });
});
