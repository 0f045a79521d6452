import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';

// Only the part of the worker's global that this test touches.
declare const chrome: { runtime: { getManifest(): { name: string } } };

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads and starts its service worker', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    // The worker is running our code: it can answer with the manifest it was built from.
    const name = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest().name);
    expect(name).toBe('ColumnLens');
  });
});
