/**
 * The corpus sweep's browsers in Firefox ESR: one with the built add-on, one without, both kept
 * off the network. Firefox has no service worker to reach from outside, so the settings are
 * flipped and the page summary asked from one of the add-on's own pages, as the popup does.
 *
 * Errors of the content script are seen as Firefox reports them to the page's console; those of
 * the background, in the browser's own console (firefox-background-errors.ts says which).
 */
import type { Page } from 'puppeteer-core';
import {
  EXTENSION_UUID,
  FIREFOX_BUILD,
  launchFirefoxWithExtension,
  launchFirefoxWithoutExtension,
  OFFLINE_PREFS,
  tabSummaryFrom,
} from '../../e2e/harness/firefox';
import { setHighlightsEnabled } from './extension-settings';
import { watchBackgroundErrors } from './firefox-background-errors';
import { settledTotal, summaryTotal } from './page-summary';
import { openLoaded, type SweepBrowsers } from './sweep-page';

/**
 * Uncaught exceptions thrown in the add-on's files, and console errors logged from them.
 * Firefox reports the page's own troubles (a font refused by CORS, a blocked frame's error
 * page) as page errors too; those have no frame of ours in their stack and are not counted.
 */
function watchAddonErrors(page: Page, errors: string[]): void {
  const ours = `moz-extension://${EXTENSION_UUID}/`;
  page.on('pageerror', (error) => {
    const where = (error instanceof Error ? (error.stack ?? '') : '').split('\n').find((line) => line.includes(ours));
    if (where) errors.push(`page error: ${(error as Error).message} (${where.trim()})`);
  });
  page.on('console', (message) => {
    const from = message.location().url ?? '';
    if (message.type() === 'error' && (from === '' || from.startsWith(ours)))
      errors.push(`console error (${from || 'no source'}): ${message.text()}`);
  });
}

/** Starts both Firefoxes; `close` ends them. */
export async function firefoxSweepBrowsers(
  common: Pick<SweepBrowsers, 'matcher' | 'categories'>,
): Promise<{ browsers: SweepBrowsers; build: string; close(): Promise<void> }> {
  const withAddon = await launchFirefoxWithExtension({ extraPrefs: OFFLINE_PREFS });
  const background = await watchBackgroundErrors(withAddon.browser);
  const reference = await launchFirefoxWithoutExtension(OFFLINE_PREFS);
  // The add-on page that stands in for the popup: it writes the settings and asks the tabs.
  const probe = await withAddon.openExtensionPage('options.html');
  const browsers: SweepBrowsers = {
    ...common,
    openWithExtension: (url, errors) =>
      openLoaded(
        () => withAddon.browser.newPage(),
        url,
        (page) => watchAddonErrors(page, errors),
      ),
    openReference: (url) => openLoaded(() => reference.newPage(), url),
    setHighlightsEnabled: (enabled) => setHighlightsEnabled(probe, enabled),
    settledFound: (url) => settledTotal(async () => summaryTotal((await tabSummaryFrom(probe, url))?.summary.counts)),
    backgroundErrors: () => background.take(),
  };
  return {
    browsers,
    build: FIREFOX_BUILD,
    async close() {
      await withAddon.close();
      await reference.close();
    },
  };
}
