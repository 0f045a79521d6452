import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_STATE_KEY, badgeText, SHOWN_GRACE_MS, startBadge } from '../../../src/background/badge';
import { DEFAULT_SETTINGS, settingsItem } from '../../../src/settings/settings';

const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
/** Delivers a message as if a content script in `sender` sent it. */
const deliver = (message: unknown, sender: object) => fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
const report = (tabId: number, counts: Record<string, number>, frameId = 0, url = 'https://news.example/a') =>
  deliver({ type: 'page-summary', counts }, { tab: { id: tabId }, frameId, url });
/** Lets the badge's pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  startBadge();
});
afterEach(() => vi.useRealTimers());

describe('the toolbar badge', () => {
  it('shows the number of distinct entries the tab reported', async () => {
    await report(1, { nvidia: 3, huawei: 1, tsmc: 0 });
    await settle();
    expect(await badge(1)).toBe('2');
    expect(await badge(2)).toBe('');
  });

  it('says on hover what its number counts, in the reader’s language, and only the name with none', async () => {
    await report(1, { nvidia: 3, huawei: 1 });
    await report(2, {});
    await settle();
    expect(await fakeBrowser.action.getTitle({ tabId: 1 })).toBe('ColumnLens: 2 names found on this page');
    expect(await fakeBrowser.action.getTitle({ tabId: 2 })).toBe('ColumnLens');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'zh-Hant' });
    await settle();
    await report(1, { nvidia: 3 });
    await settle();
    expect(await fakeBrowser.action.getTitle({ tabId: 1 })).toBe('ColumnLens 專欄透鏡：本頁找到 1 個名詞');
  });

  it('counts the union of the tab’s frames', async () => {
    await report(1, { nvidia: 3, huawei: 1 }, 0);
    await report(1, { huawei: 2, smic: 1 }, 5, 'https://ads.example/frame');
    await settle();
    expect(await badge(1)).toBe('3');
  });

  it('still counts every frame after the browser stops its worker and a new one starts', async () => {
    await report(1, { openai: 1 }, 0);
    await report(1, { tencent: 1, nvidia: 2 }, 3, 'https://news.example/frame');
    await report(1, { anthropic: 1 }, 7, 'https://other.example/frame');
    await report(2, { huawei: 1 }, 0, 'https://other.example/');
    await settle();
    expect(await badge(1)).toBe('4');
    // A new worker: nothing in memory, only what the browser kept for the session.
    const kept = await fakeBrowser.storage.session.get(null);
    fakeBrowser.reset();
    await fakeBrowser.storage.session.set(kept);
    startBadge();
    // Only the top document reports again (it changed); the frames' names still count.
    await report(1, { openai: 1, nvidia: 1 }, 0);
    await settle();
    expect(await badge(1)).toBe('4');
    await report(1, { baidu: 1 }, 3, 'https://news.example/frame');
    await settle();
    expect(await badge(1)).toBe('4'); // openai, nvidia (top), baidu (frame 3), anthropic (frame 7)
    // A tab that loads another page, or closes, is forgotten for the next worker too.
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url: 'https://news.example/b' }, {} as never);
    await fakeBrowser.tabs.onRemoved.trigger(2, {} as never);
    await settle();
    await settle();
    expect(Object.keys((await fakeBrowser.storage.session.get(BADGE_STATE_KEY))[BADGE_STATE_KEY] ?? {})).toEqual([]);
  });

  it('starts afresh from kept state it cannot read', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.session.set({
      [BADGE_STATE_KEY]: { 1: { frames: 'broken' }, x: 5, 2: null, 3: { frames: [[4, { baidu: 1 }]], silent: 'x' } },
    });
    startBadge();
    await report(1, { nvidia: 1 });
    await report(3, { huawei: 1 }, 0, 'https://news.example/c');
    await settle();
    expect(await badge(1)).toBe('1');
    expect(await badge(3)).toBe('2'); // frame 4's kept baidu, and the new report
  });

  it('tells the popup what the tab’s frames other than the top one found', async () => {
    await report(1, { openai: 1 }, 0);
    await report(1, { tencent: 1, nvidia: 0 }, 3, 'https://news.example/frame');
    await report(2, { huawei: 1 }, 5, 'https://other.example/frame');
    const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'get-frame-counts', tabId: 1 }, {}, () => {});
    expect(answers.filter((a) => a !== undefined)).toEqual([[{ frameId: 3, counts: { tencent: 1 } }]]);
    const none = await fakeBrowser.runtime.onMessage.trigger({ type: 'get-frame-counts', tabId: 9 }, {}, () => {});
    expect(none.filter((a) => a !== undefined)).toEqual([[]]);
  });

  it('is empty when nothing was found', async () => {
    await report(1, { nvidia: 1 });
    await report(1, {});
    await settle();
    expect(await badge(1)).toBe('');
  });

  it('clears when the tab starts loading another page', async () => {
    await report(1, { nvidia: 1 });
    await settle();
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url: 'https://news.example/b' }, {} as never);
    await settle();
    expect(await badge(1)).toBe('');
  });

  it('clears when the tab leaves for an address it may not read (about:blank, the browser’s pages)', async () => {
    // Chromium gives no address then, neither in the change nor in the tab.
    await report(1, { nvidia: 1 });
    await settle();
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, {} as never);
    await settle();
    expect(await badge(1)).toBe('');
  });

  it('keeps the page’s names while one of its frames navigates, and follows each frame’s documents', async () => {
    // Chromium calls the tab "loading", with no new address, when a frame navigates (an ad rotating).
    const frame = 'https://ads.example/frame';
    await report(1, { nvidia: 1, alibaba: 1 }, 0);
    await report(1, { baidu: 1 }, 5, frame);
    await settle();
    expect(await badge(1)).toBe('3');
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { url: 'https://news.example/a' } as never);
    await report(1, {}, 5, frame); // the frame's document goes away
    await settle();
    expect(await badge(1)).toBe('2');
    await report(1, { tencent: 1 }, 5, frame); // its next document names Tencent
    await settle();
    expect(await badge(1)).toBe('3');
    await report(1, {}, 5, frame); // the frame is removed from the page
    await settle();
    expect(await badge(1)).toBe('2');
    const frames = await fakeBrowser.runtime.onMessage.trigger({ type: 'get-frame-counts', tabId: 1 }, {}, () => {});
    expect(frames.filter((a) => a !== undefined)).toEqual([[]]); // nothing left for the popup either
  });

  it('drops, at a reload’s first report, the frames of the page before that never said goodbye', async () => {
    await report(1, { nvidia: 1 }, 0);
    await report(1, { baidu: 1 }, 5, 'https://ads.example/frame');
    await report(1, { huawei: 1 }, 6, 'https://ads.example/other');
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { url: 'https://news.example/a' } as never);
    await report(1, {}, 0); // the old top document's goodbye; frame 5's and frame 6's were lost
    await report(1, { tencent: 1 }, 9, 'https://ads.example/frame'); // a frame of the new page, early
    await settle();
    expect(await badge(1)).toBe('3'); // baidu and huawei still counted, for now
    await deliver(
      { type: 'page-summary', counts: { nvidia: 2 }, first: true },
      { tab: { id: 1 }, frameId: 0, url: 'https://news.example/a' },
    );
    await settle();
    expect(await badge(1)).toBe('2'); // nvidia, and tencent from the new page's frame
    // A frame's own first report drops nothing: only the top document's tells of a new page.
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { url: 'https://news.example/a' } as never);
    await deliver(
      { type: 'page-summary', counts: { baidu: 1 }, first: true },
      { tab: { id: 1 }, frameId: 5, url: 'https://ads.example/frame' },
    );
    await settle();
    expect(await badge(1)).toBe('3');
  });

  it('drops them at that first report even when a new worker hears it', async () => {
    await report(1, { nvidia: 1 }, 0);
    await report(1, { baidu: 1 }, 5, 'https://ads.example/frame');
    await report(1, { huawei: 1 }, 6, 'https://ads.example/other');
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { url: 'https://news.example/a' } as never);
    await report(1, { huawei: 1 }, 6, 'https://ads.example/other'); // frame 6 spoke since: it stays
    await settle();
    // The page loads slowly; the browser stops the idle worker and a new one starts.
    const kept = await fakeBrowser.storage.session.get(null);
    fakeBrowser.reset();
    await fakeBrowser.storage.session.set(kept);
    startBadge();
    await deliver(
      { type: 'page-summary', counts: { tencent: 2 }, first: true },
      { tab: { id: 1 }, frameId: 0, url: 'https://news.example/a' },
    );
    await settle();
    expect(await badge(1)).toBe('2'); // tencent (top) and huawei (frame 6); frame 5's baidu dropped
  });

  it('keeps the report of a page shown from the back/forward cache that came before the tab’s own loading event', async () => {
    // Firefox: one event as the navigation starts, one as it commits; the report can overtake the second.
    const restored = 'https://news.example/a';
    await report(1, { huawei: 1 }, 0, 'https://news.example/b');
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { url: 'https://news.example/b' } as never);
    await deliver(
      { type: 'page-summary', counts: { nvidia: 2, tsmc: 1 }, shown: true },
      { tab: { id: 1 }, frameId: 0, url: restored },
    );
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url: restored }, { url: restored } as never);
    await settle();
    expect(await badge(1)).toBe('2');
    // The next page the tab loads is another showing: cleared as ever.
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url: 'https://news.example/c' }, {
      url: 'https://news.example/c',
    } as never);
    await settle();
    expect(await badge(1)).toBe('');
  });

  it('clears a page’s ordinary report, and a shown one once its showing is long past, when the tab loads that address again', async () => {
    const url = 'https://news.example/a';
    await report(1, { nvidia: 1 }, 0, url);
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url }, { url } as never);
    await settle();
    expect(await badge(1)).toBe(''); // a reload: the page reports again once read
    vi.useFakeTimers({ toFake: ['Date'] });
    await deliver({ type: 'page-summary', counts: { nvidia: 1 }, shown: true }, { tab: { id: 1 }, frameId: 0, url });
    await settle();
    expect(await badge(1)).toBe('1');
    vi.setSystemTime(Date.now() + SHOWN_GRACE_MS + 1);
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url }, { url } as never);
    await settle();
    expect(await badge(1)).toBe('');
  });

  it('ignores other messages and messages from outside a tab', async () => {
    await deliver({ type: 'page-summary', counts: { a: -1 } }, { tab: { id: 1 }, frameId: 0 });
    await deliver({ type: 'page-summary', counts: { a: 1 } }, { frameId: 0 });
    await deliver({ type: 'reveal-entry', id: 'a' }, { tab: { id: 1 }, frameId: 0 });
    await settle();
    expect(await badge(1)).toBe('');
  });

  it('empties at once when highlights are switched off, globally or for the site', async () => {
    await report(1, { nvidia: 1, huawei: 1 });
    await report(2, { nvidia: 1 }, 0, 'https://other.example/');
    await settle();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] });
    await settle();
    expect(await badge(1)).toBe('');
    expect(await badge(2)).toBe('1');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, enabled: false });
    await settle();
    expect(await badge(2)).toBe('');
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await settle();
    expect(await badge(1)).toBe('2');
  });
});

describe('badgeText', () => {
  it('fits the badge', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1500)).toBe('999+');
  });
});
