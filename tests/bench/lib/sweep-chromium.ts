/**
 * The corpus sweep's browsers in Chromium: one with the built extension, one without, both
 * kept off the network. The settings are flipped and the page summary asked through the
 * extension's service worker, so no extension page has to be open.
 */
import type { Worker } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension, launchWithoutExtension } from '../../e2e/harness/chromium';
import { watchExtensionErrors } from './extension-errors';
import { setHighlightsEnabled } from './extension-settings';
import { settledSummaryTotal } from './page-summary';
import { openLoaded, type SweepBrowsers } from './sweep-page';

/** Saved pages point at hosts that do not exist here: fail those lookups at once, never wait on DNS. */
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/**
 * Playwright passes on the service worker's console messages but not its uncaught exceptions
 * or unhandled rejections: log those as console errors, so the worker's console listener
 * counts them. Only adds listeners; the extension's own code is untouched.
 */
async function reportWorkerExceptions(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    self.addEventListener('error', (event) => console.error(`uncaught exception: ${event.message}`));
    self.addEventListener('unhandledrejection', (event) =>
      console.error(`unhandled rejection: ${String(event.reason)}`),
    );
  });
}

/** Starts both Chromiums; `close` ends them. */
export async function chromiumSweepBrowsers(
  common: Pick<SweepBrowsers, 'matcher' | 'categories'>,
): Promise<{ browsers: SweepBrowsers; build: string; close(): Promise<void> }> {
  const withExtension = await launchWithExtension(undefined, { args: OFFLINE });
  const reference = await launchWithoutExtension({ args: OFFLINE });
  const workerErrors: string[] = [];
  await reportWorkerExceptions(withExtension.serviceWorker);
  withExtension.context.on('console', (message) => {
    if (message.type() === 'error' && !message.page())
      workerErrors.push(`service worker console error: ${message.text()}`);
  });
  const browsers: SweepBrowsers = {
    ...common,
    openWithExtension: (url, errors) =>
      openLoaded(
        () => withExtension.context.newPage(),
        url,
        (page) => watchExtensionErrors(page, errors, withExtension.extensionId),
      ),
    openReference: (url) => openLoaded(() => reference.context.newPage(), url),
    setHighlightsEnabled: (enabled) => setHighlightsEnabled(withExtension.serviceWorker, enabled),
    settledFound: (url) => settledSummaryTotal(withExtension.serviceWorker, url),
    backgroundErrors: async () => workerErrors.splice(0),
  };
  return {
    browsers,
    build: CHROME_BUILD,
    async close() {
      await withExtension.close();
      await reference.close();
    },
  };
}
