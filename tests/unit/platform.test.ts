import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { acceptFramePorts, nudgeFrames, relayFromFrame } from '@/utils/platform';

const id = () => fakeBrowser.runtime.id;
const frameSender = (tabId = 7) => ({ id: id(), url: fakeBrowser.runtime.getURL('/sidebar.html') + '?site=salesforce', tab: { id: tabId }, frameId: 3 });
const ready = { frontline: 'ui', token: 't0k3n', type: 'ready' } as const;

describe('relayFromFrame (Firefox: the sidebar frame has no tabs API)', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it("forwards our sidebar frame's request to its own tab's top frame and answers with the reply", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ctx: null, canInsert: false });
    await expect(relayFromFrame({ frontline: 'ui-relay', msg: ready }, frameSender(7))).resolves.toEqual({ ctx: null, canInsert: false });
    expect(send).toHaveBeenCalledWith(7, ready, { frameId: 0 });
  });

  it('tells the frame which tab it is in', async () => {
    await expect(relayFromFrame({ frontline: 'ui-relay' }, frameSender(12))).resolves.toBe(12);
  });

  it('serves nothing to a content script, another extension, our options page or a frame outside a tab', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
    const relay = { frontline: 'ui-relay', msg: ready };
    const senders = [
      { id: id(), url: 'https://evil.example/', tab: { id: 7 }, frameId: 0 },
      { ...frameSender(), id: 'someone-else' },
      { ...frameSender(), url: fakeBrowser.runtime.getURL('/options.html') },
      { ...frameSender(), tab: undefined },
    ];
    for (const s of senders) await expect(relayFromFrame(relay, s)).resolves.toBeUndefined();
    await expect(relayFromFrame({ frontline: 'ui-relay', msg: { frontline: 1, type: 'pack:rollback' } }, frameSender())).resolves.toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });

  it('leaves every other message to the caller', () => {
    expect(relayFromFrame({ frontline: 1, type: 'view:get' }, frameSender())).toBeUndefined();
    expect(relayFromFrame(null, frameSender())).toBeUndefined();
  });
});

describe('nudgeFrames (Firefox: content-script nudges reach the frame through a port)', () => {
  function connect(sender: object) {
    const port = { name: 'frontline-ui-relay', sender, postMessage: vi.fn(), onDisconnect: { addListener: vi.fn() } };
    return port;
  }

  it("passes a top-frame content script's nudge to the frames of that tab only, without data", async () => {
    let onConnect: ((p: unknown) => void) | undefined;
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((l: any) => void (onConnect = l));
    acceptFramePorts();
    const mine = connect(frameSender(7));
    const other = connect(frameSender(8));
    const stranger = connect({ id: id(), url: 'https://evil.example/', tab: { id: 7 } });
    for (const p of [mine, other, stranger]) onConnect!(p);

    nudgeFrames({ frontline: 'ui', type: 'changed', ctx: { secret: 1 } }, { id: id(), url: 'https://acme.lightning.force.com/x', tab: { id: 7 }, frameId: 0 });
    expect(mine.postMessage).toHaveBeenCalledWith({ frontline: 'ui', type: 'changed' });
    expect(other.postMessage).not.toHaveBeenCalled();
    expect(stranger.postMessage).not.toHaveBeenCalled();

    // Not from the top frame, not ours, from an extension page, or carrying a token: nothing.
    nudgeFrames({ frontline: 'ui', type: 'toggle' }, { id: id(), url: 'https://ads.example/', tab: { id: 7 }, frameId: 4 });
    nudgeFrames({ frontline: 'ui', type: 'toggle' }, { id: 'someone-else', url: 'https://acme.lightning.force.com/x', tab: { id: 7 }, frameId: 0 });
    nudgeFrames({ frontline: 'ui', type: 'toggle' }, { ...frameSender(7), frameId: 0 });
    nudgeFrames({ frontline: 'ui', type: 'ready', token: 'x' }, { id: id(), url: 'https://acme.lightning.force.com/x', tab: { id: 7 }, frameId: 0 });
    expect(mine.postMessage).toHaveBeenCalledTimes(1);
  });
});
