/**
 * Reports the page's entry counts to the background (for the toolbar badge): at once the
 * first time, then at most once per `interval` ms while the page keeps changing, and only
 * when the counts differ from the last report. Every frame reports for itself; the
 * background merges frames by their frame id. A page the reader has not opened yet (Chrome
 * prerendering it) reports nothing until it is shown.
 */
import type { Timers } from './mutations';

export interface SummaryReporter {
  /** The counts may have changed; `read` is called when a report is due. */
  changed(read: () => Record<string, number>): void;
  /** The background has forgotten this page's report: send the counts now, even if unchanged. */
  resend(read: () => Record<string, number>): void;
  stop(): void;
}

export interface ReporterOptions {
  /** The least time between two reports, in ms. */
  interval?: number;
  /** While true nothing is reported: counts that change meanwhile are read afresh by `resend`. */
  held?: () => boolean;
}

/** How a report came about, for the background. */
export interface ReportKind {
  /** `resend` asked for it: the page is being shown again without a load. */
  resent: boolean;
  /** The document's first report: the tab now shows a new document in this frame. */
  first: boolean;
}

/** Creates a throttled reporter around `send`. */
export function createSummaryReporter(
  send: (counts: Record<string, number>, kind: ReportKind) => void,
  timers: Timers,
  { interval = 1000, held = () => false }: ReporterOptions = {},
): SummaryReporter {
  let last: string | undefined;
  let lastAt = -Infinity;
  let timer: unknown;
  let latest: (() => Record<string, number>) | undefined;

  function flush(force = false): void {
    timer = undefined;
    if (!latest) return;
    const counts = latest();
    latest = undefined;
    lastAt = timers.now();
    const key = JSON.stringify(counts);
    if (key === last && !force) return;
    const first = last === undefined;
    last = key;
    send(counts, { resent: force, first });
  }

  return {
    changed(read) {
      if (held()) return;
      latest = read;
      if (timer !== undefined) return;
      const wait = lastAt + interval - timers.now();
      if (wait <= 0) flush();
      else timer = timers.setTimeout(flush, wait);
    },
    resend(read) {
      if (held()) return;
      if (timer !== undefined) timers.clearTimeout(timer);
      latest = read;
      flush(true);
    },
    stop() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      latest = undefined;
    },
  };
}

/**
 * Whether Chrome is prerendering the document: loading a page the reader is likely to open
 * next (a link the page or the address bar predicts) in the tab they are reading, unseen.
 * Its messages come from that tab, so a report now would count on the page the reader sees.
 */
export function isPrerendering(doc: Document): boolean {
  return (doc as { prerendering?: boolean }).prerendering === true;
}

/**
 * Calls `report` whenever the reader is shown the page without a new load, which is when
 * the background has no report of it:
 * - a page brought back by Back or Forward from the back/forward cache keeps its highlights
 *   and its script, and nothing in it runs again; but when the tab left it, the browser
 *   cleared the tab's badge and the background forgot its report;
 * - a prerendered page the reader opens has held its report back (`isPrerendering`);
 * - the top document moved to another address of its own (a contents link's `#part2`, a
 *   site's `pushState` or `replaceState`): Chromium tells the background the tab is
 *   "loading", as for a new page, so the badge was cleared, while the page, its highlights
 *   and its counts stay. Where the Navigation API is missing (older Firefox), `hashchange`
 *   and `popstate` still cover links and Back.
 * Every frame hears its own events.
 */
export function reportWhenShown(doc: Document, signal: AbortSignal, report: () => void): void {
  const win = doc.defaultView;
  win?.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) report();
    },
    { signal },
  );
  doc.addEventListener('prerenderingchange', report, { signal });
  if (!win || win !== win.top) return;
  const navigation = (win as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', report, { signal });
  else for (const type of ['hashchange', 'popstate']) win.addEventListener(type, report, { signal });
}

/**
 * Calls `report` as the document goes away: its frame navigates elsewhere, is removed from
 * its page, or the tab leaves the page. The background then drops the names it counted for
 * this document; a frame's new document reports its own. (A page kept in the back/forward
 * cache reports again when shown: `reportWhenShown`.)
 */
export function reportWhenHidden(doc: Document, signal: AbortSignal, report: () => void): void {
  doc.defaultView?.addEventListener('pagehide', report, { signal });
}
