/**
 * What the popup knows about the tab's page: the content script's summary, validated,
 * and the entries found grouped by category for display. The grouping is pure.
 */
import { CATEGORIES } from '../glossary/categories';
import type { DisplayNames } from '../glossary/entry-names';
import { parsePageSummary, type PageSummary } from '../messages';

export type PageReport =
  | { kind: 'loading' }
  /** No content script answered: a browser page, a store page, a local file, or one still starting. */
  | { kind: 'unavailable' }
  | { kind: 'summary'; summary: PageSummary };

/** Sends a message to the tab's top frame and resolves with the reply. */
export type SendToTab = (tabId: number, message: unknown) => Promise<unknown>;

/** Asks the tab's content script for its summary; any failure or malformed reply is "unavailable". */
export async function requestPageReport(tabId: number, send: SendToTab): Promise<PageReport> {
  try {
    const summary = parsePageSummary(await send(tabId, { type: 'get-page-summary' }));
    return summary ? { kind: 'summary', summary } : { kind: 'unavailable' };
  } catch {
    // "Could not establish connection. Receiving end does not exist." and its kin.
    return { kind: 'unavailable' };
  }
}

export interface FoundEntryInfo {
  id: string;
  term: string;
  names?: DisplayNames;
  category: string;
  weight?: number;
}

export interface FoundEntry {
  id: string;
  term: string;
  /** Shown instead of the term to readers of their language (`displayName`). */
  names?: DisplayNames;
  count: number;
}

export interface FoundGroup {
  category: string;
  entries: FoundEntry[];
}

/**
 * The entries with a positive count, grouped by category in the glossary's category order,
 * most frequent first within a group (then the more central, then by name). Ids the
 * glossary no longer has are left out.
 */
export function groupFoundEntries(
  counts: Readonly<Record<string, number>>,
  byId: ReadonlyMap<string, FoundEntryInfo>,
): FoundGroup[] {
  const groups = new Map<string, { entry: FoundEntry; weight: number }[]>();
  for (const [id, count] of Object.entries(counts)) {
    const info = byId.get(id);
    if (!info || !(count > 0)) continue;
    const list = groups.get(info.category) ?? [];
    const entry: FoundEntry = { id, term: info.term, count };
    if (info.names) entry.names = info.names;
    list.push({ entry, weight: info.weight ?? 0 });
    groups.set(info.category, list);
  }
  const order = (category: string) => {
    const index = (CATEGORIES as readonly string[]).indexOf(category);
    return index < 0 ? CATEGORIES.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([category, list]) => ({
      category,
      entries: list
        .sort(
          (a, b) => b.entry.count - a.entry.count || b.weight - a.weight || a.entry.term.localeCompare(b.entry.term),
        )
        .map((item) => item.entry),
    }));
}
