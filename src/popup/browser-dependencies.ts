/** The popup's dependencies in the extension: real tabs, messaging, storage and glossary. */
import { browser } from 'wxt/browser';
import { TOGGLE_HIGHLIGHTS_COMMAND } from '../background/commands';
import { loadGlossaryIndex } from '../glossary-store/active-glossary';
import { browserLanguageTag } from '../i18n/browser-language';
import { parseFrameCounts, type Message } from '../messages';
import { parseSettings, readSettings, settingsItem } from '../settings/settings';
import type { PopupDependencies } from './popup';

/** Dependencies for the popup page `doc` at `search`. */
export function browserPopupDependencies(doc: Document, search: string): PopupDependencies {
  return {
    document: doc,
    search,
    browserLanguage: browserLanguageTag(),
    tabs: {
      get: (tabId) => browser.tabs.get(tabId),
      query: (query) => browser.tabs.query(query),
    },
    // The top frame by default: every frame's content script reads its own document.
    sendToTab: (tabId, message, frameId = 0) => browser.tabs.sendMessage(tabId, message, { frameId }),
    frameCounts: async (tabId) => {
      const message: Message = { type: 'get-frame-counts', tabId };
      return parseFrameCounts(await browser.runtime.sendMessage(message));
    },
    // The index alone: the popup shows what the page counted and never matches text itself.
    loadGlossary: loadGlossaryIndex,
    readSettings,
    writeSettings: (settings) => settingsItem.setValue(settings),
    watchSettings: (onChange) => settingsItem.watch((value) => onChange(parseSettings(value))),
    // The page's reports go to every extension page, the badge's worker and this popup alike.
    watchPageReports: (tabId, onChange) => {
      const listener = (message: unknown, sender: { tab?: { id?: number } }) => {
        if ((message as { type?: unknown } | null)?.type === 'page-summary' && sender.tab?.id === tabId) onChange();
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    watchTab: (tabId, onChange) => {
      const listener = (id: number, change: { status?: string }, tab: { url?: string; status?: string }) => {
        if (id === tabId && change.status) onChange({ id, url: tab.url, status: change.status });
      };
      browser.tabs.onUpdated.addListener(listener);
      return () => browser.tabs.onUpdated.removeListener(listener);
    },
    openEditor: () => browser.runtime.openOptionsPage(),
    toggleShortcut: async () =>
      (await browser.commands?.getAll())?.find((c) => c.name === TOGGLE_HIGHLIGHTS_COMMAND)?.shortcut || undefined,
  };
}
