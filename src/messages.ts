/**
 * Every message that crosses between extension contexts, as one discriminated union.
 * Receivers validate with `parseMessage` and ignore anything else, so a page (or a
 * stale content script from an older version) cannot drive the extension with
 * made-up messages. Checked by hand rather than with zod: the content script, which runs on
 * every page, parses messages, and a schema library there costs more than it checks (see
 * settings.ts).
 */
import type { EditorRequest } from './editor-url';
import { isRecord, isShortString, ownField } from './validate';

/** Entry ids and versions are short; anything longer is not ours. */
const MAX_ID = 64;
/** Text selected for a new entry; the editor cuts it to a name's length (`src/editor-url.ts`). */
const MAX_SELECTION = 4096;

/** Occurrences per entry id. */
export type EntryCounts = Record<string, number>;

export type Message =
  /**
   * Content script → background: what this frame found, for the toolbar badge. `shown`: sent
   * as the reader was shown the page without a load (from the back/forward cache, or a
   * prerendered page opened), so the tab's "loading" events of that same showing may reach the
   * background after it. `first`: the document's first report, so a frame's earlier document
   * is gone.
   */
  | { type: 'page-summary'; counts: EntryCounts; shown?: true; first?: true }
  /** Popup → content script: asks for the page's entry counts. Answered with `PageSummary`. */
  | { type: 'get-page-summary' }
  /** Popup → content script: scroll to the next occurrence of an entry and focus it. */
  | { type: 'reveal-entry'; id: string }
  /**
   * Popup → background: what the tab's frames other than the top one last reported (the badge
   * keeps it). Answered with `FrameCounts[]`.
   */
  | { type: 'get-frame-counts'; tabId: number }
  /** Content script → background: the reader pressed "Edit in the glossary" in a tooltip; open the editor at it. */
  | { type: 'open-editor'; id: string }
  /** Content script → background: the compiled glossary is missing or unusable; build it. */
  | { type: 'ensure-glossary' }
  /**
   * Background → the editor's open pages: is one free to show a request (its form holds no
   * unsaved change)? Answered with an `EditorTab` by the first that is, by nothing otherwise;
   * with `windowId`, only by one in that window.
   */
  | { type: 'editor-free'; windowId?: number }
  /** Background → the editor's open pages: the one in tab `tabId` shows `request`; it answers `true`. */
  | { type: 'editor-show'; tabId: number; request: EditorRequest }
  /**
   * Whoever stored a new compiled glossary → every tab's content scripts: read it. Instead of a
   * storage watch, which would hand every frame each local write, megabytes of user packs too.
   */
  | { type: 'glossary-updated'; version: string };

/** Where a free editor is: the background brings that tab and window to the front. */
export interface EditorTab {
  tabId: number;
  windowId: number;
}

export interface PageSummary {
  url: string;
  counts: EntryCounts;
}

/** One frame's last report: its frame id and entry counts. */
export interface FrameCounts {
  frameId: number;
  counts: EntryCounts;
}

/**
 * Counts as a fresh object, or undefined unless every own key is a short id and every value a
 * count (a whole number ≥ 0). A `__proto__` key is left out, never assigned.
 */
export function parseCounts(raw: unknown): EntryCounts | undefined {
  if (!isRecord(raw)) return undefined;
  const counts: EntryCounts = {};
  for (const key of Reflect.ownKeys(raw)) {
    if (typeof key !== 'string' || key.length > MAX_ID) return undefined;
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(raw, key)) continue;
    const n = raw[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
    counts[key] = n;
  }
  return counts;
}

const isTabId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** `{ add }` or `{ edit }` as a fresh object; the editor checks the text itself. */
function parseRequest(raw: unknown): EditorRequest | undefined {
  if (!isRecord(raw)) return undefined;
  const add = ownField(raw, 'add');
  const edit = ownField(raw, 'edit');
  if (isShortString(add, MAX_SELECTION) && edit === undefined) return { add };
  if (isShortString(edit, MAX_ID) && add === undefined) return { edit };
  return undefined;
}

/** The message if it is one of ours (a fresh object with only its own fields), otherwise undefined. */
export function parseMessage(raw: unknown): Message | undefined {
  if (!isRecord(raw)) return undefined;
  const type = ownField(raw, 'type');
  switch (type) {
    case 'get-page-summary':
    case 'ensure-glossary':
      return { type };
    case 'editor-free': {
      const windowId = ownField(raw, 'windowId');
      if (windowId === undefined) return { type };
      return isTabId(windowId) ? { type, windowId } : undefined;
    }
    case 'editor-show': {
      const tabId = ownField(raw, 'tabId');
      const request = parseRequest(ownField(raw, 'request'));
      return isTabId(tabId) && request ? { type, tabId, request } : undefined;
    }
    case 'page-summary': {
      const counts = parseCounts(ownField(raw, 'counts'));
      if (!counts) return undefined;
      return {
        type,
        counts,
        ...(ownField(raw, 'shown') === true && { shown: true as const }),
        ...(ownField(raw, 'first') === true && { first: true as const }),
      };
    }
    case 'get-frame-counts': {
      const tabId = ownField(raw, 'tabId');
      return isTabId(tabId) ? { type, tabId } : undefined;
    }
    case 'reveal-entry':
    case 'open-editor': {
      const id = ownField(raw, 'id');
      return isShortString(id, MAX_ID) ? { type, id } : undefined;
    }
    case 'glossary-updated': {
      const version = ownField(raw, 'version');
      return isShortString(version, MAX_ID) ? { type, version } : undefined;
    }
    default:
      return undefined;
  }
}

/** A content script's answer to `get-page-summary`, if well formed. */
export function parsePageSummary(raw: unknown): PageSummary | undefined {
  if (!isRecord(raw)) return undefined;
  const url = ownField(raw, 'url');
  const counts = parseCounts(ownField(raw, 'counts'));
  return typeof url === 'string' && counts ? { url, counts } : undefined;
}

/** A free editor's answer to `editor-free`, if well formed. */
export function parseEditorTab(raw: unknown): EditorTab | undefined {
  if (!isRecord(raw)) return undefined;
  const tabId = ownField(raw, 'tabId');
  const windowId = ownField(raw, 'windowId');
  return isTabId(tabId) && isTabId(windowId) ? { tabId, windowId } : undefined;
}

/** The background's answer to `get-frame-counts`: the well-formed frames, others left out. */
export function parseFrameCounts(raw: unknown): FrameCounts[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((frame: unknown) => {
    if (!isRecord(frame)) return [];
    const frameId = ownField(frame, 'frameId');
    const counts = parseCounts(ownField(frame, 'counts'));
    return isTabId(frameId) && counts ? [{ frameId, counts }] : [];
  });
}
