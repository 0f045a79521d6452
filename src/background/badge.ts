/**
 * The toolbar badge: how many distinct glossary entries the tab's page contains.
 *
 * Content scripts report what they found with `page-summary` messages, one per frame, so
 * the badge counts the union of the frames' entries. It is empty when nothing was found,
 * when highlights are off for the page, and from the moment the tab starts loading a new
 * page until that page reports.
 *
 * A "loading" tab with no new address is the page loading again or one of its frames
 * navigating, and Chromium does not tell which (a tab leaving for an address the extension may
 * not read gives none either, and is cleared). The counts stay: every frame reports as its
 * document goes away (an empty report) and as the next one is read, and the top document's
 * first report drops whatever frame did not report since (its goodbye lost).
 *
 * The state is kept in `storage.session` as well as in the worker's memory: the browser stops
 * an idle worker (after 30 s in Chromium), and a frame whose counts do not change never
 * reports again, so the next worker would otherwise count only the frames that happen to
 * report (a page with names in its frames went from 6 to 2 when its top document changed).
 * Reports carry whole counts, not deltas, so a report always replaces what was kept.
 */
import { browser, type Browser } from 'wxt/browser';
import { parseCounts, parseMessage, type EntryCounts, type FrameCounts } from '../messages';
import { highlightsActiveFor, parseSettings, readSettings, settingsItem, type Settings } from '../settings/settings';
import { readerTranslator } from './reader-translator';

/** A quiet slate grey: informative without competing with the page or other extensions' badges. */
export const BADGE_COLOR = '#57606a';

/** The badge text for a number of distinct entries; the badge has room for about four characters. */
export function badgeText(distinctEntries: number): string {
  if (distinctEntries <= 0) return '';
  return distinctEntries > 999 ? '999+' : String(distinctEntries);
}

/**
 * How long after a page was shown without a load (its `shown` report) a "loading" event for
 * the same address is taken as part of that showing. Firefox sends two for a page Back brings
 * from its cache: one as the navigation starts, one as it commits; the page's report follows
 * the commit by a few milliseconds, and on a busy machine can overtake its event.
 */
export const SHOWN_GRACE_MS = 3_000;

interface TabState {
  /** Each frame's last counts (entries found, so every count > 0), by frame id. */
  frames: Map<number, EntryCounts>;
  /** Hostname of the top frame, to honour the per-site switch without waiting for the page. */
  hostname?: string;
  /** The top frame's last `shown` report: its address and when it came. */
  shown?: { url: string; at: number };
  /**
   * The frames counted when the tab last loaded without a new address and silent since: the
   * top document's first report drops them. Kept for the next worker too: a page loading
   * slowly can outlast an idle worker, whose successor would otherwise keep them for good.
   */
  silent?: Set<number>;
}

/** Where the tabs' states are kept for the next worker (`storage.session`: gone with the browser). */
export const BADGE_STATE_KEY = 'badgeTabs';

/** A tab's state as `storage.session` holds it (JSON: no Map). */
interface StoredTab {
  frames: [number, EntryCounts][];
  hostname?: string;
  shown?: { url: string; at: number };
  silent?: number[];
}

function toStored(tabs: ReadonlyMap<number, TabState>): Record<string, StoredTab> {
  const stored: Record<string, StoredTab> = {};
  for (const [tabId, { frames, hostname, shown, silent }] of tabs) {
    stored[tabId] = { frames: [...frames], hostname, shown, silent: silent && [...silent] };
  }
  return stored;
}

/** The kept states, skipping anything not of their shape (storage is never trusted blindly). */
function fromStored(value: unknown): Map<number, TabState> {
  const tabs = new Map<number, TabState>();
  if (!value || typeof value !== 'object') return tabs;
  for (const [key, tab] of Object.entries(value as Record<string, Partial<StoredTab>>)) {
    const tabId = Number(key);
    if (!Number.isInteger(tabId) || !Array.isArray(tab?.frames)) continue;
    const frames = new Map<number, EntryCounts>();
    for (const pair of tab.frames) {
      const counts = Array.isArray(pair) && Number.isInteger(pair[0]) ? parseCounts(pair[1]) : undefined;
      if (counts) frames.set(pair[0] as number, found(counts));
    }
    const shown =
      tab.shown && typeof tab.shown.url === 'string' && typeof tab.shown.at === 'number' ? tab.shown : undefined;
    const silent = Array.isArray(tab.silent) ? new Set(tab.silent.filter(Number.isInteger)) : undefined;
    tabs.set(tabId, { frames, hostname: typeof tab.hostname === 'string' ? tab.hostname : undefined, shown, silent });
  }
  return tabs;
}

/** The counts of the entries found (count > 0) only: what the badge and the popup go by. */
function found(counts: EntryCounts): EntryCounts {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

function hostnameOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the badge's listeners. Call once, synchronously, when the background starts. */
export function startBadge(): void {
  let tabs = new Map<number, TabState>();
  let settings: Settings | undefined;
  const settingsReady = readSettings().then((s) => (settings = s));
  // Every change waits for what the worker before this one kept, then applies in arrival order.
  const restored = browser.storage.session
    .get(BADGE_STATE_KEY)
    .then((items) => (tabs = fromStored(items[BADGE_STATE_KEY])))
    .catch(() => {}); // No session storage (an old browser): the badge keeps memory only.
  let saving = false;
  /** Keeps the states for the next worker, once per burst of changes. */
  const save = () => {
    if (saving) return;
    saving = true;
    queueMicrotask(() => {
      saving = false;
      browser.storage.session.set({ [BADGE_STATE_KEY]: toStored(tabs) }).catch(() => {});
    });
  };

  const render = (tabId: number) => {
    const state = tabs.get(tabId);
    let distinct = 0;
    if (state && (!settings || !state.hostname || highlightsActiveFor(settings, state.hostname))) {
      distinct = new Set([...state.frames.values()].flatMap((counts) => Object.keys(counts))).size;
    }
    // The tab may have closed in the meantime; that is not an error worth reporting.
    browser.action.setBadgeText({ tabId, text: badgeText(distinct) }).catch(() => {});
    // What the number counts, on hover, in the reader's language.
    const t = readerTranslator(settings);
    const title = distinct > 0 ? t('badgeTitle', t('extName'), t.count('popupFoundCount', distinct)) : t('extName');
    browser.action.setTitle({ tabId, title }).catch(() => {});
  };

  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => {});
  // Chrome 110+ and Firefox; older browsers pick a readable text colour themselves.
  void browser.action.setBadgeTextColor?.({ color: '#ffffff' })?.catch(() => {});

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const message = parseMessage(raw);
    // The popup lists what the frames found too, as the badge counts it.
    if (message?.type === 'get-frame-counts') {
      return restored.then((): FrameCounts[] =>
        [...(tabs.get(message.tabId)?.frames ?? [])]
          .filter(([frameId]) => frameId !== 0)
          .map(([frameId, counts]) => ({ frameId, counts })),
      );
    }
    const tabId = sender.tab?.id;
    if (message?.type !== 'page-summary' || tabId === undefined) return undefined;
    const at = Date.now();
    void restored.then(() => {
      const state = tabs.get(tabId) ?? { frames: new Map<number, EntryCounts>() };
      const frameId = sender.frameId ?? 0;
      const counts = found(message.counts);
      // A frame that found nothing, or whose document went away, has nothing to keep.
      if (Object.keys(counts).length === 0) state.frames.delete(frameId);
      else state.frames.set(frameId, counts);
      state.silent?.delete(frameId);
      if (frameId === 0 && message.first && state.silent) {
        for (const silent of state.silent) state.frames.delete(silent);
        state.silent = undefined;
      }
      if (frameId === 0) {
        state.hostname = hostnameOf(sender.url) ?? state.hostname;
        state.shown = message.shown && sender.url ? { url: sender.url, at } : undefined;
      }
      tabs.set(tabId, state);
      save();
      void settingsReady.then(() => render(tabId));
    });
    // No reply: returning nothing leaves other listeners free to answer their messages.
    return undefined;
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status !== 'loading') return;
    const at = Date.now();
    void restored.then(() => {
      // The page just shown reported before this event of its own showing: its report stands.
      const state = tabs.get(tabId);
      const shown = state?.shown;
      const url = changeInfo.url ?? tab?.url;
      if (shown && shown.url === url && at - shown.at < SHOWN_GRACE_MS) return;
      // The page again, or a frame navigating: the frames tell (see the top of this file). A tab
      // whose address the extension may not see (about:blank, the browser's own pages) has
      // left for a page no content script reads: nothing will tell.
      if (!changeInfo.url && tab?.url !== undefined && state) {
        state.silent = new Set(state.frames.keys());
        save();
        return;
      }
      if (tabs.delete(tabId)) save();
      render(tabId);
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void restored.then(() => {
      if (tabs.delete(tabId)) save();
    });
  });

  // The switches in the popup apply to the badge at once, not only when pages report again.
  settingsItem.watch((value) => {
    settings = parseSettings(value);
    for (const tabId of tabs.keys()) render(tabId);
  });
}
