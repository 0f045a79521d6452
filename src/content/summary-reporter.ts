/**
 * Reports the page's entry counts to the background (for the toolbar badge): at once the
 * first time, then at most once per `interval` ms while the page keeps changing, and only
 * when the counts differ from the last report. Every frame reports for itself; the
 * background merges frames by their frame id.
 */
import type { Timers } from './mutations';

export interface SummaryReporter {
  /** The counts may have changed; `read` is called when a report is due. */
  changed(read: () => Record<string, number>): void;
  /** The background has forgotten this page's report: send the counts now, even if unchanged. */
  resend(read: () => Record<string, number>): void;
  stop(): void;
}

/** Creates a throttled reporter around `send`. */
export function createSummaryReporter(
  send: (counts: Record<string, number>) => void,
  timers: Timers,
  interval = 1000,
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
    last = key;
    send(counts);
  }

  return {
    changed(read) {
      latest = read;
      if (timer !== undefined) return;
      const wait = lastAt + interval - timers.now();
      if (wait <= 0) flush();
      else timer = timers.setTimeout(flush, wait);
    },
    resend(read) {
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
 * Calls `report` whenever the page comes back from the back/forward cache. Such a page keeps
 * its highlights and its script, and nothing in it runs again; but when the tab left it, the
 * browser cleared the tab's badge and the background forgot its report, so without this the
 * badge would stay empty on a page full of highlights. Every frame hears its own `pageshow`.
 */
export function reportWhenRestored(win: Window, signal: AbortSignal, report: () => void): void {
  win.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) report();
    },
    { signal },
  );
}
