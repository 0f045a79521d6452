/**
 * Errors the extension causes on a page. Pages under test have no scripts of their own (the
 * corpus is served with scripts stripped) or only scripts whose behaviour the test controls,
 * so any uncaught exception or console error logged from an extension script is a failure.
 */
import type { Page } from 'playwright-core';

/** Collects into `errors` every uncaught exception and every console error not logged by an http(s) page script. */
export function watchExtensionErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const from = message.location().url;
    // "Failed to load resource" errors belong to the page (saved pages point at hosts that cannot be reached).
    if (message.type() === 'error' && !from.startsWith('http'))
      errors.push(`console error (${from}): ${message.text()}`);
  });
}
