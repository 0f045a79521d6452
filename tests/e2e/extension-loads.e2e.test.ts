import { describe, expect, it } from 'vitest';
import { chromiumSuite } from './harness/suite';

// Only the part of the worker's global that this test touches.
declare const chrome: { runtime: { getManifest(): { name: string } } };

describe('the built extension in Chromium', () => {
  const suite = chromiumSuite();
  it('loads and starts its service worker', async () => {
    expect(suite.browser.extensionId).toMatch(/^[a-p]{32}$/);
    // The worker is running our code: it can answer with the manifest it was built from.
    const name = await suite.browser.serviceWorker.evaluate(() => chrome.runtime.getManifest().name);
    expect(name).toBe('ColumnLens');
  });
});
