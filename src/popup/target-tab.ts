/** What the popup reads of a tab. */
export interface TabInfo {
  id?: number;
  /** Known only with the activeTab grant (the popup was opened by the reader) or the tabs permission. */
  url?: string;
  /** "loading" while the tab loads a page, when the browser says. */
  status?: string;
}

/**
 * Which tab the popup reports on. Opened from the toolbar, it is the active tab of the
 * window the popup belongs to. Opened as a page (end-to-end tests open
 * `popup.html?tab=<id>` in a tab of their own), the `tab` parameter names it instead.
 */
export type TargetTab = TabInfo & { id: number };

export interface TabsApi {
  get(tabId: number): Promise<TabInfo>;
  query(query: { active: true; currentWindow: true }): Promise<TabInfo[]>;
}

/** The tab id named by `?tab=`, if the parameter is a plain non-negative integer. */
export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}

/** Resolves the target tab, or undefined when there is none (e.g. the window is closing). */
export async function findTargetTab(search: string, tabs: TabsApi): Promise<TargetTab | undefined> {
  try {
    const named = tabIdFromSearch(search);
    const tab =
      named !== undefined ? await tabs.get(named) : (await tabs.query({ active: true, currentWindow: true }))[0];
    return tab?.id !== undefined ? { id: tab.id, url: tab.url, status: tab.status } : undefined;
  } catch {
    return undefined;
  }
}
