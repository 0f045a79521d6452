/**
 * One page of the corpus sweep: load it without the extension (the reference) and with it,
 * scroll through it (highlights are drawn as text comes near the viewport), then switch
 * highlights off and on again, checking after each step (see tests/tools/sweep.ts). The
 * browser is reached through `SweepBrowsers`, so the same checks run in Chromium and Firefox.
 */
import { waitForHighlights } from './highlight-wait';
import { pageExpression } from './in-page';
import { collectHighlights, type PageHighlights } from './highlight-probe';
import {
  EXCLUDED_SELECTOR,
  TEXT_PROBE,
  collectText,
  snapshotPage,
  type PageSnapshot,
  type PageText,
} from './page-probes';
import { scrollThrough } from './scroll-through';
import {
  checkHighlights,
  checkSameHighlights,
  checkUntouched,
  expectedMatches,
  firstDifference,
  groupHighlights,
  uncovered,
  type ScanningMatcher,
  type TextRange,
} from './sweep-checks';

/** A loaded tab: a playwright page (Chromium) or a puppeteer one (Firefox). */
export interface SweepTab {
  evaluate<T>(expression: string): Promise<T>;
  url(): string;
  close(): Promise<void>;
}

/** One browser engine, with the extension and without it. */
export interface SweepBrowsers {
  /** Opens `url` with the extension and waits for its load; the extension's errors on it go to `errors`. */
  openWithExtension(url: string, errors: string[]): Promise<SweepTab>;
  /** Opens `url` in the same engine without the extension and waits for its load. */
  openReference(url: string): Promise<SweepTab>;
  /** The popup's global switch, flipped in storage as the popup flips it. */
  setHighlightsEnabled(enabled: boolean): Promise<void>;
  /** What the extension found on the tab showing `url` (drawn or not), once that stops changing. */
  settledFound(url: string): Promise<number>;
  matcher: ScanningMatcher;
  /** Category of each entry id (CSS highlight ranges carry only their category). */
  categories: ReadonlyMap<string, string>;
  /** Errors of the extension's background since the last call; each page takes what arrived during it. */
  backgroundErrors(): Promise<string[]>;
}

/** What a playwright page and a puppeteer page both offer, as far as `openLoaded` uses it. */
interface BrowserPage {
  goto(url: string, options: { waitUntil: 'load'; timeout: number }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  url(): string;
  close(): Promise<void>;
}

const LOAD_TIMEOUT_MS = 90_000;

/** A new tab (`newPage`) at `url`, loaded; closed again if the load fails. `watch` sees it first. */
export async function openLoaded<P extends BrowserPage>(
  newPage: () => Promise<P>,
  url: string,
  watch?: (page: P) => void,
): Promise<SweepTab> {
  const page = await newPage();
  watch?.(page);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  } catch (error) {
    await page.close();
    throw error;
  }
  return {
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    url: () => page.url(),
    close: () => page.close(),
  };
}

export interface PageResult {
  highlights: number;
  /** Occurrences the extension reports for the whole page (its page summary). */
  found: number;
  /** Highlights drawn as CSS highlight ranges rather than marks. */
  cssRanges: number;
  expected: number;
  failures: string[];
}

/** Places scrolled to one by one at most (inner scrolling boxes); the window pass covers the rest. */
const MAX_PLACES = 200;

const snapshot = (page: SweepTab) => page.evaluate<PageSnapshot>(pageExpression(snapshotPage));
const highlightsOn = (page: SweepTab) =>
  page.evaluate<PageHighlights>(pageExpression(collectHighlights, EXCLUDED_SELECTOR));

/** Loads `url` in the reference browser and returns what the extension must reproduce. */
async function loadReference(browsers: SweepBrowsers, url: string): Promise<{ snap: PageSnapshot; text: PageText }> {
  const page = await browsers.openReference(url);
  try {
    return {
      snap: await snapshot(page),
      text: await page.evaluate<PageText>(pageExpression(collectText, TEXT_PROBE)),
    };
  } finally {
    await page.close();
  }
}

/**
 * Scrolls the whole page, then to each expected place still without a highlight; returns what
 * is drawn. The window pass ends once everything the extension found (its page summary) is
 * drawn, and is skipped when neither it nor the expectation knows of anything to draw: most
 * saved pages name no glossary entry.
 */
async function drawEverything(page: SweepTab, expected: readonly TextRange[], found: number): Promise<PageHighlights> {
  if (found === 0 && expected.length === 0) return highlightsOn(page);
  const scroll = (windowPass: boolean, places: number[]) =>
    page.evaluate<unknown>(
      pageExpression(scrollThrough, { windowPass, places, settleMs: 60, maxWaitMs: 5_000, target: found || undefined }),
    );
  await scroll(true, []);
  const drawn = await highlightsOn(page);
  const missing = uncovered(expected, groupHighlights(drawn.pieces));
  if (missing.length === 0) return drawn;
  await scroll(
    false,
    missing.slice(0, MAX_PLACES).map((m) => m.start),
  );
  return highlightsOn(page);
}

/** Runs every check on one page. */
export async function sweepPage(browsers: SweepBrowsers, url: string): Promise<PageResult> {
  const failures: string[] = [];
  const errors: string[] = [];
  // The two browsers load the page side by side; if the reference fails, the page with the
  // extension is closed again, not left open for the rest of the sweep.
  const [reference, opened] = await Promise.allSettled([
    loadReference(browsers, url),
    browsers.openWithExtension(url, errors),
  ]);
  if (opened.status === 'rejected') throw opened.reason;
  const page = opened.value;
  if (reference.status === 'rejected') {
    await page.close();
    throw reference.reason;
  }
  const { snap: ref, text } = reference.value;
  try {
    const expected = expectedMatches(text, browsers.matcher);
    const first = await waitForHighlights(page, { quietMs: 500, timeoutMs: 30_000 });
    if (first.timedOut) failures.push(`highlights did not settle (${first.count} after 30 s)`);
    const found = await browsers.settledFound(page.url());
    const on = await drawEverything(page, expected, found);
    failures.push(...checkUntouched(ref, await snapshot(page)));
    failures.push(...checkHighlights(on, text.text, expected, browsers.matcher, browsers.categories));
    const before = groupHighlights(on.pieces);

    await browsers.setHighlightsEnabled(false);
    const off = await waitForHighlights(page, { exact: 0, quietMs: 300, timeoutMs: 30_000 });
    if (off.timedOut) failures.push(`switched off, ${off.count} highlights remain`);
    const offSnap = await snapshot(page);
    if (offSnap.bodyHTML !== ref.bodyHTML) {
      failures.push(
        `switched off, body differs from the page without the extension ${firstDifference(ref.bodyHTML, offSnap.bodyHTML)}`,
      );
    }
    failures.push(...checkUntouched(ref, offSnap).map((f) => `switched off: ${f}`));

    await browsers.setHighlightsEnabled(true);
    await waitForHighlights(page, { quietMs: 500, timeoutMs: 30_000 });
    const again = await drawEverything(page, expected, found);
    failures.push(...checkSameHighlights(before, groupHighlights(again.pieces)));
    failures.push(...errors, ...(await browsers.backgroundErrors()));
    return { highlights: before.length, cssRanges: on.cssRanges, found, expected: expected.length, failures };
  } finally {
    // A failed page must not leave the next one with highlights switched off.
    await browsers.setHighlightsEnabled(true).catch(() => undefined);
    await page.close();
  }
}
