/**
 * What the popup knows about the tab's page: the content script's summary, validated,
 * and the entries found grouped by category for display. The grouping is pure.
 */
import { CATEGORIES } from '../glossary/categories';
import type { DisplayNames } from '../glossary/entry-names';
import { parsePageSummary, type EntryCounts, type FrameCounts, type PageSummary } from '../messages';

export type PageReport =
  | { kind: 'loading' }
  /** No content script answered: a browser page, a store page, a local file, or one still starting. */
  | { kind: 'unavailable' }
  /**
   * The page's counts, its frames' included (as the toolbar badge counts them); `frameOf`
   * names the frame to ask to reveal an entry the top document does not have.
   */
  | { kind: 'summary'; summary: PageSummary; frameOf: Readonly<Record<string, number>> };

/** Sends a message to a frame of the tab (the top one unless `frameId` says) and resolves with the reply. */
export type SendToTab = (tabId: number, message: unknown, frameId?: number) => Promise<unknown>;

/** What the tab's frames other than the top one last reported (the background keeps it). */
export type FrameCountsOf = (tabId: number) => Promise<FrameCounts[]>;

/**
 * Asks the tab's top content script for its summary and adds what its frames found; any
 * failure or malformed reply of the top frame is "unavailable" (the frames' are left out).
 */
export async function requestPageReport(tabId: number, send: SendToTab, frames?: FrameCountsOf): Promise<PageReport> {
  let summary: PageSummary | undefined;
  try {
    summary = parsePageSummary(await send(tabId, { type: 'get-page-summary' }));
  } catch {
    // "Could not establish connection. Receiving end does not exist." and its kin.
  }
  if (!summary) return { kind: 'unavailable' };
  const others = frames ? await frames(tabId).catch((): FrameCounts[] => []) : [];
  return { kind: 'summary', ...withFrames(summary, others) };
}

/**
 * The top document's summary with its frames' counts added, and for each entry found only
 * in frames the first frame that has it.
 */
export function withFrames(
  top: PageSummary,
  frames: readonly FrameCounts[],
): { summary: PageSummary; frameOf: Record<string, number> } {
  const counts: EntryCounts = { ...top.counts };
  const frameOf: Record<string, number> = {};
  for (const { frameId, counts: found } of frames) {
    for (const [id, n] of Object.entries(found)) {
      if (!(n > 0)) continue;
      if (!((counts[id] ?? 0) > 0) && frameOf[id] === undefined) frameOf[id] = frameId;
      counts[id] = (counts[id] ?? 0) + n;
    }
  }
  return { summary: { url: top.url, counts }, frameOf };
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
