import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  startInOpenTabs,
  startOpenTabsOnInstall,
  startWhenShown,
  TABS_AT_ONCE,
  type OpenTabsApi,
} from '../../../src/background/open-tabs';

const SCRIPT = {
  matches: ['http://*/*', 'https://*/*'],
  js: ['content-scripts/content.js'],
  css: ['content-scripts/content.css'],
};

type Tab = { id?: number; active?: boolean; discarded?: boolean };

/**
 * The API with these open tabs (those the query finds); `failing` tabs refuse injection, and
 * the content script of `running` tabs answers the popup's question.
 */
function fakeApi(tabs: Tab[], failing: number[] = [], scripts = [SCRIPT], running: number[] = []) {
  const calls: string[] = [];
  const inject =
    (kind: string) =>
    async ({ target, files }: { target: { tabId: number; allFrames: boolean }; files: string[] }) => {
      calls.push(`${kind} ${target.tabId} ${target.allFrames ? 'all frames' : 'top'} ${files.join(',')}`);
      if (failing.includes(target.tabId)) throw new Error('Cannot access contents of the page.');
    };
  const query = vi.fn(async () => tabs);
  const session: Record<string, unknown> = {};
  const api: OpenTabsApi = {
    runtime: { getManifest: () => ({ content_scripts: scripts }) },
    tabs: {
      query,
      sendMessage: async (tabId, message, options) => {
        calls.push(`ask ${tabId} ${JSON.stringify(message)} frame ${options.frameId}`);
        if (!running.includes(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { url: 'https://example.com/', counts: {} };
      },
    },
    scripting: { insertCSS: inject('css'), executeScript: inject('js') },
    storage: {
      session: {
        get: async (key) => (key in session ? { [key]: session[key] } : {}),
        set: async (items) => void Object.assign(session, items),
      },
    },
  };
  /** The tabs each injection reached, in order. */
  const started = () => calls.filter((c) => c.startsWith('js')).map((c) => Number(c.split(' ')[1]));
  return { api, calls, query, started };
}

describe('starting ColumnLens in the tabs open at install', () => {
  it('injects the manifest’s styles, then its script, into every frame of each matching tab', async () => {
    const { api, calls, query } = fakeApi([{ id: 1 }, { id: 2 }]);
    expect(await startInOpenTabs(api)).toBe(2);
    expect(query).toHaveBeenCalledWith({ url: SCRIPT.matches });
    expect(calls).toEqual([
      'css 1 all frames content-scripts/content.css',
      'css 2 all frames content-scripts/content.css',
      'js 1 all frames content-scripts/content.js',
      'js 2 all frames content-scripts/content.js',
    ]);
  });

  it('skips discarded tabs and tabs without an id, and goes on past a tab that refuses', async () => {
    const { api, started } = fakeApi([{ id: 1, discarded: true }, {}, { id: 3 }, { id: 4 }], [3]);
    expect(await startInOpenTabs(api)).toBe(1);
    expect(started()).toEqual([4]); // tab 3 refused already its styles
  });

  it('does nothing for a manifest without a content script', async () => {
    const { api, query } = fakeApi([{ id: 1 }], [], []);
    expect(await startInOpenTabs(api)).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });

  it('with many tabs, starts those in front, and each other one when the reader turns to it, once', async () => {
    const tabs = Array.from({ length: TABS_AT_ONCE + 2 }, (_, i) => ({ id: i + 1, active: i === 0 || i === 5 }));
    const { api, started } = fakeApi(tabs);
    expect(await startInOpenTabs(api)).toBe(2);
    expect(started()).toEqual([1, 6]);
    expect(await startWhenShown(3, api)).toBe(true);
    expect(await startWhenShown(3, api)).toBe(false); // started already
    expect(await startWhenShown(6, api)).toBe(false); // was in front
    expect(await startWhenShown(99, api)).toBe(false); // opened after the install: it has its own
    expect(started()).toEqual([1, 6, 3]);
  });

  it('leaves a waiting tab alone when it has loaded a page since, whose own script answers', async () => {
    const tabs = Array.from({ length: TABS_AT_ONCE + 2 }, (_, i) => ({ id: i + 1, active: i === 0 }));
    const { api, calls, started } = fakeApi(tabs, [], [SCRIPT], [4]);
    await startInOpenTabs(api);
    expect(await startWhenShown(4, api)).toBe(false);
    expect(calls).toContain('ask 4 {"type":"get-page-summary"} frame 0');
    expect(await startWhenShown(5, api)).toBe(true); // no answer: its copy was cut off
    expect(started()).toEqual([1, 5]);
    expect(await startWhenShown(4, api)).toBe(false); // and it waits no more
  });

  it('with few tabs, starts them all and leaves none waiting', async () => {
    const tabs = Array.from({ length: TABS_AT_ONCE }, (_, i) => ({ id: i + 1, active: i === 0 }));
    const { api, started } = fakeApi(tabs);
    expect(await startInOpenTabs(api)).toBe(TABS_AT_ONCE);
    expect(await startWhenShown(2, api)).toBe(false);
    expect(started()).toHaveLength(TABS_AT_ONCE);
  });
});

describe('when it starts them', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('on install and update, not when the browser updates', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => []) as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ content_scripts: [SCRIPT] } as never);
    startOpenTabsOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' } as never);
    expect(query).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' } as never);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('starts a waiting tab when the reader turns to it', async () => {
    const injected: number[] = [];
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ content_scripts: [SCRIPT] } as never);
    vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation((async () => {}) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(
      (async (injection: { target: { tabId: number } }) => void injected.push(injection.target.tabId)) as never,
    );
    await fakeBrowser.storage.session.set({ tabsToStart: [4, 5] });
    startOpenTabsOnInstall();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 5, windowId: 1 });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 7, windowId: 1 });
    await vi.waitFor(() => expect(injected).toEqual([5]));
    expect(await fakeBrowser.storage.session.get('tabsToStart')).toEqual({ tabsToStart: [4] });
  });

  it('stops listening to tab switches once no tab waits, and listens again after an update leaves tabs waiting', async () => {
    // Chromium wakes the worker for every event it listens to: tab switches only while tabs wait.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ content_scripts: [SCRIPT] } as never);
    vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation((async () => {}) as never);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => {}) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    const openTabs = Array.from({ length: TABS_AT_ONCE + 2 }, (_, i) => ({ id: i + 1, active: i === 0 }));
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => openTabs) as never);
    const listening = () => fakeBrowser.tabs.onActivated.hasListeners();
    await fakeBrowser.storage.session.set({ tabsToStart: [4, 5] });
    startOpenTabsOnInstall();
    expect(listening()).toBe(true); // registered as the worker starts, so a switch can wake it
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 5, windowId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listening()).toBe(true); // tab 4 still waits
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 4, windowId: 1 });
    await vi.waitFor(() => expect(listening()).toBe(false));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' } as never);
    await vi.waitFor(() => expect(listening()).toBe(true));
    expect((await fakeBrowser.storage.session.get('tabsToStart')).tabsToStart).toHaveLength(TABS_AT_ONCE + 1);
  });

  it('stops listening at the first tab switch of a worker started with no tab waiting', async () => {
    startOpenTabsOnInstall();
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(true);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 3, windowId: 1 });
    await vi.waitFor(() => expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false));
  });
});
