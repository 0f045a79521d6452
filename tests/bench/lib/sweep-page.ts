/**
 * One page of the corpus sweep: load it without the extension (the reference) and with it,
 * scroll through it (highlights are drawn as text comes near the viewport), then switch
 * highlights off and on again, checking after each step (see tests/tools/sweep.ts).
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { watchExtensionErrors } from './extension-errors';
import { setHighlightsEnabled } from './extension-settings';
import { settledSummaryTotal } from './page-summary';
import { waitForHighlights } from './highlight-wait';
import { pageExpression } from './in-page';
import { collectHighlights, type PageHighlights } from './highlight-probe';
import { EXCLUDED_SELECTOR, collectText, snapshotPage, type PageSnapshot, type PageText } from './page-probes';
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

export interface SweepBrowsers {
  /** Chromium with the extension, its service worker (to flip the settings) and its id. */
  extension: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** The same Chromium without the extension. */
  reference: BrowserContext;
  matcher: ScanningMatcher;
  /** Category of each entry id (CSS highlight ranges carry only their category). */
  categories: ReadonlyMap<string, string>;
  /** Errors the service worker logged; each page takes (and empties) what arrived during it. */
  workerErrors: string[];
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

const LOAD_TIMEOUT_MS = 90_000;
/** Places scrolled to one by one at most (inner scrolling boxes); the window pass covers the rest. */
const MAX_PLACES = 200;

const snapshot = (page: Page) => page.evaluate<PageSnapshot>(pageExpression(snapshotPage));
const highlightsOn = (page: Page) =>
  page.evaluate<PageHighlights>(pageExpression(collectHighlights, EXCLUDED_SELECTOR));

/** Loads `url` in the reference browser and returns what the extension must reproduce. */
async function loadReference(browsers: SweepBrowsers, url: string): Promise<{ snap: PageSnapshot; text: PageText }> {
  const page = await browsers.reference.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    return {
      snap: await snapshot(page),
      text: await page.evaluate<PageText>(pageExpression(collectText, EXCLUDED_SELECTOR)),
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
async function drawEverything(page: Page, expected: readonly TextRange[], found: number): Promise<PageHighlights> {
  if (found === 0 && expected.length === 0) return highlightsOn(page);
  const scroll = (windowPass: boolean, places: number[]) =>
    page.evaluate(
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
  const page = await browsers.extension.newPage();
  const errors: string[] = [];
  watchExtensionErrors(page, errors, browsers.extensionId);
  try {
    // The two browsers load the page side by side.
    const [{ snap: ref, text }] = await Promise.all([
      loadReference(browsers, url),
      page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }),
    ]);
    const expected = expectedMatches(text, browsers.matcher);
    const first = await waitForHighlights(page, { quietMs: 500, timeoutMs: 30_000 });
    if (first.timedOut) failures.push(`highlights did not settle (${first.count} after 30 s)`);
    const found = await settledSummaryTotal(browsers.serviceWorker, page.url());
    const on = await drawEverything(page, expected, found);
    failures.push(...checkUntouched(ref, await snapshot(page)));
    failures.push(...checkHighlights(on, text.text, expected, browsers.matcher, browsers.categories));
    const before = groupHighlights(on.pieces);

    await setHighlightsEnabled(browsers.serviceWorker, false);
    const off = await waitForHighlights(page, { exact: 0, quietMs: 300, timeoutMs: 30_000 });
    if (off.timedOut) failures.push(`switched off, ${off.count} highlights remain`);
    const offSnap = await snapshot(page);
    if (offSnap.bodyHTML !== ref.bodyHTML) {
      failures.push(
        `switched off, body differs from the page without the extension ${firstDifference(ref.bodyHTML, offSnap.bodyHTML)}`,
      );
    }
    failures.push(...checkUntouched(ref, offSnap).map((f) => `switched off: ${f}`));

    await setHighlightsEnabled(browsers.serviceWorker, true);
    await waitForHighlights(page, { quietMs: 500, timeoutMs: 30_000 });
    const again = await drawEverything(page, expected, found);
    failures.push(...checkSameHighlights(before, groupHighlights(again.pieces)));
    failures.push(...errors, ...browsers.workerErrors.splice(0));
    return { highlights: before.length, cssRanges: on.cssRanges, found, expected: expected.length, failures };
  } finally {
    // A failed page must not leave the next one with highlights switched off.
    await setHighlightsEnabled(browsers.serviceWorker, true).catch(() => undefined);
    await page.close();
  }
}
