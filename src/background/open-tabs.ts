/**
 * Starts ColumnLens in the pages already open when it is installed or updated. Chromium runs a
 * manifest's content scripts only in pages loaded after that: a reader who installs ColumnLens
 * beside a dozen articles would find none highlighted, and after every update each open tab's
 * script is cut off from the extension (it steps aside) until the page is reloaded. Firefox
 * starts them in open tabs itself, so its build does not ask for this.
 *
 * The files are the manifest's own content script, in every frame; a copy that is already
 * running (a tab loaded while this runs) hands over to the new one (WXT's
 * `wxt:content-script-started` event), which reads the page afresh. With many tabs open, the
 * ones in front start at once and the others when the reader turns to them, so an update does
 * not set every tab reading its page in the same second.
 */
import { browser } from 'wxt/browser';

/** Up to this many open tabs all start at once; beyond it, only those in front do. */
export const TABS_AT_ONCE = 10;

/** Where the tabs waiting to be shown are kept (`storage.session`: the worker may stop meanwhile). */
const WAITING_KEY = 'tabsToStart';

interface Target {
  tabId: number;
  allFrames: boolean;
}

/** The part of the browser's API this needs (a parameter, so tests can pass fakes). */
export interface OpenTabsApi {
  runtime: { getManifest(): { content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[] } };
  tabs: {
    query(query: { url: string[] }): Promise<{ id?: number; active?: boolean; discarded?: boolean }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  scripting: {
    insertCSS(injection: { target: Target; files: string[] }): Promise<unknown>;
    executeScript(injection: { target: Target; files: string[] }): Promise<unknown>;
  };
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

const defaultApi = () => browser as unknown as OpenTabsApi;

/** The manifest's content script: the pages it matches and its files. */
function contentScript(api: OpenTabsApi): { matches: string[]; js: string[]; css: string[] } | undefined {
  const script = api.runtime.getManifest().content_scripts?.[0];
  if (!script?.matches?.length || !script.js?.length) return undefined;
  return { matches: script.matches, js: script.js, css: script.css ?? [] };
}

/**
 * Injects the content script into one tab; false if the tab refuses (closed meanwhile, an
 * error page, a page the browser protects).
 */
async function startIn(api: OpenTabsApi, tabId: number): Promise<boolean> {
  const script = contentScript(api);
  if (!script) return false;
  const target = { tabId, allFrames: true };
  try {
    // Styles first: the script draws its first marks as soon as it has read the page.
    if (script.css.length > 0) await api.scripting.insertCSS({ target, files: script.css });
    await api.scripting.executeScript({ target, files: script.js });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the content script in the open tabs it matches (all of them up to TABS_AT_ONCE, else
 * those in front) and keeps the others for `startWhenShown`; resolves with how many started.
 * A discarded tab is left alone: it loads its page afresh, script and all, when shown.
 */
export async function startInOpenTabs(api: OpenTabsApi = defaultApi()): Promise<number> {
  const script = contentScript(api);
  if (!script) return 0;
  const tabs = (await api.tabs.query({ url: script.matches })).filter((tab) => tab.id !== undefined && !tab.discarded);
  const allNow = tabs.length <= TABS_AT_ONCE;
  const now = tabs.filter((tab) => allNow || tab.active).map((tab) => tab.id!);
  const later = tabs.filter((tab) => !allNow && !tab.active).map((tab) => tab.id!);
  await api.storage.session.set({ [WAITING_KEY]: later });
  const started = await Promise.all(now.map((tabId) => startIn(api, tabId)));
  return started.filter(Boolean).length;
}

/** The tabs kept for `startWhenShown` (none when the list is missing or not one). */
async function waitingTabs(api: OpenTabsApi): Promise<number[]> {
  const waiting = (await api.storage.session.get(WAITING_KEY))[WAITING_KEY];
  return Array.isArray(waiting) ? (waiting as number[]) : [];
}

/**
 * Whether this extension's content script runs in the tab's page: it answers the popup's
 * question. A copy cut off by an update cannot hear it; a page loaded since then has its own.
 */
async function hasLiveScript(api: OpenTabsApi, tabId: number): Promise<boolean> {
  try {
    return (await api.tabs.sendMessage(tabId, { type: 'get-page-summary' }, { frameId: 0 })) !== undefined;
  } catch {
    return false; // nobody there to answer
  }
}

/**
 * Starts the content script in a tab the reader turns to, if it is one still waiting and has
 * not loaded a page since (which brought the manifest's script with it).
 */
export async function startWhenShown(tabId: number, api: OpenTabsApi = defaultApi()): Promise<boolean> {
  const waiting = await waitingTabs(api);
  if (!waiting.includes(tabId)) return false;
  await api.storage.session.set({ [WAITING_KEY]: waiting.filter((id) => id !== tabId) });
  if (await hasLiveScript(api, tabId)) return false;
  return startIn(api, tabId);
}

/** Whether any tab still waits for `startWhenShown`. */
export async function tabsWaiting(api: OpenTabsApi = defaultApi()): Promise<boolean> {
  return (await waitingTabs(api)).length > 0;
}

/**
 * On install and update (not when the browser itself updates), in Chromium.
 *
 * The tab-switch listener is registered as the worker starts, so that a switch to a waiting
 * tab wakes the worker, but Chromium then wakes it for every switch, and tabs wait only for a
 * while after an update. It takes itself off when none is left to start, which tells Chromium
 * not to wake the worker for switches any more; the worker's next start (for anything else)
 * puts it back for one switch, and an update with tabs waiting puts it back at once.
 */
export function startOpenTabsOnInstall(): void {
  const activated = browser.tabs.onActivated;
  const onActivated = ({ tabId }: { tabId: number }) =>
    void (async () => {
      await startWhenShown(tabId);
      if (!(await tabsWaiting())) activated.removeListener(onActivated);
    })();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void (async () => {
      await startInOpenTabs();
      if ((await tabsWaiting()) && !activated.hasListener(onActivated)) activated.addListener(onActivated);
    })();
  });
  activated.addListener(onActivated);
}
