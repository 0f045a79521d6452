/**
 * Errors the extension causes on a page. Pages under test have no scripts of their own (the
 * corpus is served with scripts stripped) or only scripts whose behaviour the test controls,
 * so any uncaught exception, and any console error logged from the extension's own files, is
 * a failure. Console errors about the page's resources are not: saved pages point at hosts
 * that cannot be reached here, and one even links another extension's stylesheet.
 */
import type { Page } from 'playwright-core';

/**
 * Collects into `errors` every uncaught exception and every console error whose source is
 * the extension `extensionId` (or unknown). Without an id, any chrome-extension:// source counts.
 */
export function watchExtensionErrors(page: Page, errors: string[], extensionId?: string): void {
  const ours = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://';
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const from = message.location().url;
    if (message.type() === 'error' && (from === '' || from.startsWith(ours)))
      errors.push(`console error (${from || 'no source'}): ${message.text()}`);
  });
}
