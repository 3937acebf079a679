/**
 * The content script's direct line to its frame (utils/content/frameNudges.ts): only our
 * frame with the token is kept, nudges go on its port (not through the worker) once it
 * has said hello, by broadcast before that, and never both ways.
 */
import { describe, expect, it } from 'vitest';
import { frameNudges, type NudgePort } from '../../../utils/content/frameNudges';
import { FRAME_PORT, type ToFrame } from '../../../utils/ui/channel';

const ORIGIN = 'chrome-extension://ext';
const TOKEN = 'tok';
const changed = (seq: number): ToFrame => ({ frontline: 'ui', type: 'changed', seq });

function setup() {
  const broadcast: ToFrame[] = [];
  const hellos: NudgePort[] = [];
  let connect: (p: NudgePort) => void = () => undefined;
  const nudges = frameNudges({ runtimeId: 'ext', frameOrigin: ORIGIN, token: TOKEN, onConnect: (l) => (connect = l), onHello: (p) => void hellos.push(p), broadcast: (m) => void broadcast.push(m) });
  const port = (over: Partial<NudgePort> = {}) => {
    const got: unknown[] = [];
    const onMsg: ((m: unknown) => void)[] = [];
    const onGone: (() => void)[] = [];
    let gone = false;
    const p: NudgePort = {
      name: FRAME_PORT,
      sender: { id: 'ext', url: `${ORIGIN}/sidebar.html?site=gmail` },
      postMessage: (m) => {
        if (gone) throw new Error('disconnected');
        got.push(m);
      },
      onMessage: { addListener: (fn) => void onMsg.push(fn) },
      onDisconnect: { addListener: (fn) => void onGone.push(fn) },
      ...over,
    };
    connect(p);
    return { got, say: (m: unknown) => onMsg.forEach((f) => f(m)), drop: () => ((gone = true), onGone.forEach((f) => f())), die: () => (gone = true) };
  };
  return { nudges, broadcast, port, hellos };
}

describe('nudges to the sidebar frame', () => {
  it('go on the frame\'s port once it has said hello with the token, and no longer by broadcast', () => {
    const { nudges, broadcast, port } = setup();
    nudges.tell(changed(1));
    expect(broadcast).toEqual([changed(1)]);
    const frame = port();
    frame.say({ type: 'hello', token: TOKEN });
    nudges.tell(changed(2));
    nudges.tell({ frontline: 'ui', type: 'toggle' });
    expect(frame.got).toEqual([changed(2), { frontline: 'ui', type: 'toggle' }]);
    expect(broadcast).toEqual([changed(1)]);
  });

  it('tells the frame what it must hear first once, when its hello is accepted (the current exposure: broadcasts may arrive after)', () => {
    const { hellos, port } = setup();
    const frame = port();
    frame.say({ type: 'hello', token: 'guess' });
    expect(hellos).toHaveLength(0);
    frame.say({ type: 'hello', token: TOKEN });
    frame.say({ type: 'hello', token: TOKEN });
    expect(hellos).toHaveLength(1);
  });

  it('keeps no port without the token, of another name, from another extension or from outside our origin', () => {
    const { nudges, broadcast, port } = setup();
    const wrongToken = port();
    wrongToken.say({ type: 'hello', token: 'guess' });
    const silent = port();
    const others = [port({ name: 'other' }), port({ sender: { id: 'evil', url: `${ORIGIN}/sidebar.html` } }), port({ sender: { id: 'ext', url: 'https://crm.example/' } })];
    for (const o of others) o.say({ type: 'hello', token: TOKEN });
    nudges.tell(changed(3));
    expect([wrongToken.got, silent.got, ...others.map((o) => o.got)].flat()).toEqual([]);
    expect(broadcast).toEqual([changed(3)]);
  });

  it('falls back to the broadcast when the frame has gone', () => {
    const { nudges, broadcast, port } = setup();
    const frame = port();
    frame.say({ type: 'hello', token: TOKEN });
    frame.drop();
    nudges.tell(changed(4));
    const again = port();
    again.say({ type: 'hello', token: TOKEN });
    again.die(); // gone without its disconnect heard yet
    nudges.tell(changed(5));
    expect(broadcast).toEqual([changed(4), changed(5)]);
  });
});
